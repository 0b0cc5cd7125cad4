import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordRulesList } from '../../../components/PasswordRulesList';
import type { PasswordPolicy } from '../../../password-policy';
import { formatKzPhone } from '../../../phone';
import { contactsSchema } from './contacts-schema';
import type { ContactValues } from './wizard-state';

export const CONTACT_FIELDS = ['email', 'mobilePhone', 'workPhone', 'password', 'passwordRepeat'] as const;

/**
 * Step 3: e-mail (the login and where notices go), mobile (required, for notifications), optional work phone,
 * password and confirmation with the policy's rules ticked off live. `serverErrors` are the registration
 * route's field messages, shown on the fields after a refused step 4.
 */
export function StepContacts({
  values,
  policy,
  serverErrors,
  onBack,
  onNext,
}: {
  values: ContactValues;
  policy: PasswordPolicy;
  serverErrors: Partial<Record<keyof ContactValues, string>>;
  onBack: (values: ContactValues) => void;
  onNext: (values: ContactValues) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ContactValues>({
    resolver: zodResolver(contactsSchema(t, policy)),
    defaultValues: values,
    mode: 'onTouched',
  });
  const { errors } = form.formState;
  const password = form.watch('password');

  useEffect(() => {
    let first = true;
    for (const field of CONTACT_FIELDS) {
      const message = serverErrors[field];
      if (message) {
        form.setError(field, { type: 'server', message }, { shouldFocus: first });
        first = false;
      }
    }
  }, [serverErrors, form]);

  return (
    <form noValidate onSubmit={form.handleSubmit(onNext)} aria-label={t('register.stepContacts')}>
      <Stack gap="md" maw={640}>
        <TextInput
          label={t('register.email')}
          description={t('register.emailHint')}
          type="email"
          autoComplete="email"
          required
          error={errors.email?.message}
          {...form.register('email')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="mobilePhone"
            render={({ field }) => (
              <TextInput
                label={t('register.mobilePhone')}
                description={t('register.mobilePhoneHint')}
                placeholder="+7 (7__) ___-__-__"
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                required
                error={errors.mobilePhone?.message}
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                value={field.value}
                onChange={(event) => field.onChange(formatKzPhone(event.currentTarget.value))}
              />
            )}
          />
          <Controller
            control={form.control}
            name="workPhone"
            render={({ field }) => (
              <TextInput
                label={t('register.workPhone')}
                placeholder="+7 (___) ___-__-__"
                type="tel"
                inputMode="tel"
                error={errors.workPhone?.message}
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                value={field.value}
                onChange={(event) => field.onChange(formatKzPhone(event.currentTarget.value))}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PasswordInput
            label={t('register.password')}
            autoComplete="new-password"
            required
            aria-describedby="password-rules"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <PasswordInput
            label={t('register.passwordRepeat')}
            autoComplete="new-password"
            required
            error={errors.passwordRepeat?.message}
            {...form.register('passwordRepeat')}
          />
        </SimpleGrid>
        <PasswordRulesList policy={policy} password={password} id="password-rules" />
        <Text size="xs" c="gray.7">
          {t('register.requiredNote')}
        </Text>
        <Group justify="space-between">
          <Button variant="default" onClick={() => onBack(form.getValues())}>
            {t('register.back')}
          </Button>
          <Button type="submit">{t('register.next')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
