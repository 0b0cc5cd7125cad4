import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { confirmRecoveryLink } from './recovery-api';

/**
 * /password/reset?token=… — the link of the recovery e-mail (seed 001): following it mails a temporary
 * password. A query, not an effect, so the single-use token is sent once.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('recovery.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  const result = useQuery({
    queryKey: ['password-recovery', token],
    queryFn: () => confirmRecoveryLink(token),
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const expired = result.error instanceof ApiError && result.error.code === 'recovery_link_expired';
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('recovery.title')}</Title>
      {!token && (
        <Alert color="red" role="alert" data-state="missing">
          {t('recovery.noToken')}
        </Alert>
      )}
      {token && result.isPending && <PageLoader />}
      {result.isSuccess && (
        <Alert color="teal" role="status" data-state="sent">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{result.data.message}</Text>
            <Text size="sm">{t('recovery.useTemporary')}</Text>
            <Button component={Link} to="/login" size="sm">
              {t('recovery.toLogin')}
            </Button>
          </Stack>
        </Alert>
      )}
      {result.isError && (
        <Alert color={expired ? 'yellow' : 'red'} role="alert" data-state={expired ? 'expired' : 'invalid'}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{errorText(t, result.error)}</Text>
            <Button component={Link} to="/password/forgot" size="sm" variant="default">
              {t('recovery.again')}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
