import { Alert, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { queryKeys, useMe } from '../../queries';
import {
  acceptInvitation,
  forgetInvitation,
  type InvitationPreview,
  previewInvitation,
  rememberInvitation,
} from './employees-api';
import { formatDateTime, rightLabelKey } from './rights';

/**
 * /invitation?token=… — the mailed invitation (seed 004): what it offers; a visitor signs in or registers first
 * (the page is remembered and opened again after the login), then «Принять приглашение». The organisation's
 * administrator activates the employee afterwards.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => previewInvitation(token),
    enabled: token.length > 0,
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: () => {
      forgetInvitation();
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  const anonymous = me.data === null;
  useEffect(() => {
    if (anonymous && preview.isSuccess) rememberInvitation(token);
  }, [anonymous, preview.isSuccess, token]);

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('invitation.title')}</Title>
      {!token && <Alert color="red">{t('invitation.noToken')}</Alert>}
      {preview.isPending && token && <PageLoader />}
      {preview.isError && (
        <Alert color="red" role="alert">
          {errorText(t, preview.error)}
        </Alert>
      )}
      {preview.isSuccess && <InvitationCard invitation={preview.data} />}
      {preview.isSuccess && accept.isSuccess && (
        <Alert color="green" role="status" title={t('invitation.accepted')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{accept.data.message}</Text>
            <Button component={Link} to="/cabinet/employees" size="xs" variant="light">
              {t('invitation.toCabinet')}
            </Button>
          </Stack>
        </Alert>
      )}
      {preview.isSuccess && !accept.isSuccess && anonymous && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text>{t('invitation.signInFirst')}</Text>
            <Group>
              <Button component={Link} to="/login">
                {t('invitation.login')}
              </Button>
              <Button component={Link} to="/register" variant="light">
                {t('invitation.register')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {preview.isSuccess && !accept.isSuccess && me.data && (
        <Stack gap="sm">
          {accept.isError && (
            <Alert color="red" role="alert">
              {errorText(t, accept.error)}
            </Alert>
          )}
          <Group>
            <Button onClick={() => accept.mutate()} loading={accept.isPending}>
              {t('invitation.accept')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function InvitationCard({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const rows = [
    { label: t('invitation.organization'), value: invitation.organization.name },
    { label: t('employees.bin'), value: invitation.organization.bin },
    { label: t('employees.position'), value: invitation.position },
    {
      label: t('employees.rightsColumn'),
      value: invitation.rights.map((r) => t(rightLabelKey(r))).join(', '),
    },
    { label: t('employees.email'), value: invitation.email },
    { label: t('employees.validUntil'), value: formatDateTime(invitation.expiresAt) },
  ].filter((row) => row.value);
  return (
    <Card withBorder padding="md" component="section" aria-label={t('invitation.details')}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map((row) => (
          <div key={row.label} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="gray.7">
              {row.label}
            </Text>
            <Text component="dd" size="sm" fw={500} m={0}>
              {row.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
