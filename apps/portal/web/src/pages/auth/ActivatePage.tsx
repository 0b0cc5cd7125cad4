import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { activate, resendActivation } from './auth-api';

/**
 * /activate?token=… — the link of the activation e-mail (seed 001). Activated; expired (a new link can be
 * requested); already used or unknown. A query, not an effect, so the single-use token is sent once.
 */
export function ActivatePage() {
  const { t } = useTranslation();
  usePageTitle(t('activate.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  const result = useQuery({
    queryKey: ['activation', token],
    queryFn: () => activate(token),
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const code = result.error instanceof ApiError ? result.error.code : undefined;
  const expired = code === 'activation_link_expired';

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('activate.title')}</Title>
      {!token && (
        <Alert color="red" role="alert" data-state="missing">
          {t('activate.noToken')}
        </Alert>
      )}
      {token && result.isPending && <PageLoader />}
      {result.isSuccess && (
        <Alert color="teal" role="status" data-state="activated">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('activate.done')}</Text>
            <Button component={Link} to="/login" size="sm">
              {t('login.submit')}
            </Button>
          </Stack>
        </Alert>
      )}
      {result.isError && (
        <Alert color={expired ? 'yellow' : 'red'} role="alert" data-state={expired ? 'expired' : 'invalid'}>
          <Text size="sm">{errorText(t, result.error)}</Text>
        </Alert>
      )}
      {result.isError && <ResendActivation />}
    </Stack>
  );
}

/** «Отправить письмо повторно» for an expired or lost link: the account's e-mail, IIN or BIN. */
function ResendActivation() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const resend = useMutation({ mutationFn: () => resendActivation(login.trim()) });
  return (
    <form
      noValidate
      aria-label={t('login.resendActivation')}
      onSubmit={(event) => {
        event.preventDefault();
        if (login.trim()) resend.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('activate.resendIntro')}</Text>
        <Group align="flex-end">
          <TextInput
            label={t('login.loginLabel')}
            value={login}
            onChange={(event) => setLogin(event.currentTarget.value)}
            required
          />
          <Button type="submit" variant="default" loading={resend.isPending} disabled={!login.trim()}>
            {t('login.resendActivation')}
          </Button>
        </Group>
        {resend.isSuccess && (
          <Text size="sm" role="status">
            {t('login.resendActivationDone')}
          </Text>
        )}
        {resend.isError && (
          <Text size="sm" c="red.8" role="alert">
            {errorText(t, resend.error)}
          </Text>
        )}
      </Stack>
    </form>
  );
}
