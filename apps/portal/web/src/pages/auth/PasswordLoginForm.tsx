import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { applyServerFieldErrors } from '../../form-errors';
import { passwordLogin } from './auth-api';
import { LoginErrorAlert } from './LoginErrorAlert';
import { useSignedIn } from './use-signed-in';

/** IIN/BIN: 12 digits; otherwise an email. Same shape the server accepts (trimmed, 1–254). */
export function loginFormSchema(t: TFunction) {
  return z.object({
    login: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .max(254, t('validation.tooLong'))
      .refine((v) => (/^\d+$/.test(v) ? v.length === 12 : v.includes('@')), t('login.loginFormat')),
    password: z.string().min(1, t('validation.required')),
  });
}

type LoginValues = z.infer<ReturnType<typeof loginFormSchema>>;

/** «Логин и пароль»: IIN, BIN or email and the password (seed 002; techreg logs in by email). */
export function PasswordLoginForm() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginFormSchema(t)),
    defaultValues: { login: '', password: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: LoginValues) => passwordLogin(values.login.trim(), values.password),
    onSuccess: (answer) => signedIn(answer.user),
    onError: (error) => applyServerFieldErrors(error, form.setError, ['login', 'password']),
  });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
      aria-label={t('login.tabPassword')}
    >
      <Stack gap="md" maw={420}>
        <Text size="sm" c="gray.7">
          {t('login.securityNotice')}
        </Text>
        <TextInput
          label={t('login.loginLabel')}
          description={t('login.loginHint')}
          autoComplete="username"
          required
          error={errors.login?.message}
          {...form.register('login')}
        />
        <PasswordInput
          label={t('login.passwordLabel')}
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        {mutation.isError && (
          <LoginErrorAlert error={mutation.error} login={form.getValues('login').trim()} />
        )}
        <Group justify="space-between" align="center">
          <Button type="submit" loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/password/forgot" size="sm">
            {t('login.forgotPassword')}
          </Anchor>
        </Group>
        <Text size="sm">
          {t('login.noAccount')}{' '}
          <Anchor component={Link} to="/register">
            {t('login.registerLink')}
          </Anchor>
        </Text>
        <Text size="xs" c="gray.7">
          {t('login.allRequired')}
        </Text>
      </Stack>
    </form>
  );
}
