import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Checkbox, Group, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PasswordRulesList } from '../../components/PasswordRulesList';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';
import { isPasswordPolicy, type PasswordPolicy, passwordPolicyMessage } from '../../password-policy';
import { queryKeys, usePublicConfig } from '../../queries';
import { changePassword } from '../auth/auth-api';

function changePasswordSchema(t: TFunction, policy: PasswordPolicy) {
  return z
    .object({
      currentPassword: z.string().min(1, t('validation.required')),
      newPassword: z.string().superRefine((value, ctx) => {
        const message = passwordPolicyMessage(t, policy, value);
        if (message) ctx.addIssue({ code: 'custom', message });
      }),
      newPasswordRepeat: z.string(),
    })
    .refine((v) => v.newPassword === v.newPasswordRepeat, {
      path: ['newPasswordRepeat'],
      message: t('password.mismatch'),
    })
    .refine((v) => !v.newPassword || v.newPassword !== v.currentPassword, {
      path: ['newPassword'],
      message: t('password.sameAsCurrent'),
    });
}

type ChangePasswordValues = z.infer<ReturnType<typeof changePasswordSchema>>;
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeat'] as const;

/** «Смена пароля»: the account's other sessions end on success (docs/identity.md). */
export function ChangePasswordForm({ login }: { login: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const config = usePublicConfig();
  const policy = isPasswordPolicy(config.data?.passwordPolicy) ? config.data.passwordPolicy : 'techreg';
  const [visible, setVisible] = useState(false);
  const form = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema(t, policy)),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
  });
  const { errors } = form.formState;
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
  });
  const visibility = { visible, onVisibilityChange: setVisible };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="change-password-title">
      <Title order={3} size="h4" id="change-password-title" mb="sm">
        {t('profile.changePasswordTitle')}
      </Title>
      <form noValidate onSubmit={form.handleSubmit((values) => mutation.mutate(values))}>
        <Stack gap="sm" maw={420}>
          <TextInput label={t('profile.login')} value={login} readOnly variant="filled" />
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            error={errors.currentPassword?.message}
            {...visibility}
            {...form.register('currentPassword')}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            autoComplete="new-password"
            required
            aria-describedby="new-password-rules"
            error={errors.newPassword?.message}
            {...visibility}
            {...form.register('newPassword')}
          />
          <PasswordInput
            label={t('profile.newPasswordRepeat')}
            autoComplete="new-password"
            required
            error={errors.newPasswordRepeat?.message}
            {...visibility}
            {...form.register('newPasswordRepeat')}
          />
          <Checkbox
            label={t('profile.showPasswords')}
            checked={visible}
            onChange={(event) => setVisible(event.currentTarget.checked)}
          />
          <PasswordRulesList policy={policy} password={form.watch('newPassword')} id="new-password-rules" />
          {mutation.isSuccess && (
            <Alert color="teal" role="status">
              {t('profile.passwordChanged')}
            </Alert>
          )}
          {mutation.isError && (
            <Alert color="red" role="alert">
              {errorText(t, mutation.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
