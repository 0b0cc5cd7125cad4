import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { PageLoader } from '../../../components/PageLoader';
import { errorText } from '../../../error-text';
import { usePageTitle } from '../../../page-title';
import { confirmEmail } from './profile-api';

/**
 * /confirm-email?token=… — the link of «Подтвердить адрес электронной почты» (seed 001): the address becomes
 * «Подтвержден». A query, not an effect, so the single-use token is sent once; no session needed.
 */
export function EmailConfirmPage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.emailConfirm.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  const result = useQuery({
    queryKey: ['email-confirm', token],
    queryFn: () => confirmEmail(token),
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const expired = result.error instanceof ApiError && result.error.code === 'email_confirm_link_expired';
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('personal.emailConfirm.title')}</Title>
      {!token && (
        <Alert color="red" role="alert" data-state="missing">
          {t('personal.emailConfirm.noToken')}
        </Alert>
      )}
      {token && result.isPending && <PageLoader />}
      {result.isSuccess && (
        <Alert color="teal" role="status" data-state="confirmed">
          <Text size="sm">{result.data.message}</Text>
        </Alert>
      )}
      {result.isError && (
        <Alert color={expired ? 'yellow' : 'red'} role="alert" data-state={expired ? 'expired' : 'invalid'}>
          <Text size="sm">{errorText(t, result.error)}</Text>
        </Alert>
      )}
      <Button component={Link} to="/cabinet/profile" variant="light" w="fit-content">
        {t('personal.emailConfirm.toProfile')}
      </Button>
    </Stack>
  );
}
