import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { errorText } from '../../error-text';
import {
  ADMIN_ONLY_RIGHT,
  employeeKeys,
  fetchInvitations,
  inviteEmployee,
  type MemberRight,
  revokeInvitation,
} from './employees-api';
import { formatDateTime, INVITATION_STATUS, RIGHT_OPTIONS, rightLabelKey } from './rights';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** «Штат → Пригласить пользователя» (seed 004): the invitation form and the invitations with «Отозвать». */
export function InvitationsPanel({ organizationId }: { organizationId: string }) {
  return (
    <Stack gap="md">
      <InviteForm organizationId={organizationId} />
      <InvitationList organizationId={organizationId} />
    </Stack>
  );
}

function InviteForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [position, setPosition] = useState('');
  const [rights, setRights] = useState<MemberRight[]>(['employee']);
  const [tried, setTried] = useState(false);
  const invite = useMutation({
    mutationFn: () =>
      inviteEmployee(organizationId, {
        email: email.trim(),
        rights,
        ...(position.trim() ? { position: position.trim() } : {}),
      }),
    onSuccess: async () => {
      setEmail('');
      setPosition('');
      setRights(['employee']);
      setTried(false);
      await queryClient.invalidateQueries({ queryKey: employeeKeys.invitations(organizationId) });
    },
  });
  const emailError = tried && !EMAIL.test(email.trim()) ? t('employees.emailFormat') : undefined;
  const rightsError = tried && rights.length === 0 ? t('employees.rightsRequired') : undefined;
  const serverFields = invite.error instanceof ApiError ? invite.error.fields : undefined;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="invite-title">
      <Title order={3} size="h4" id="invite-title" mb="sm">
        {t('employees.inviteTitle')}
      </Title>
      <form
        noValidate
        aria-labelledby="invite-title"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (EMAIL.test(email.trim()) && rights.length) invite.mutate();
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('employees.email')}
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError ?? serverFields?.email}
            />
            <TextInput
              label={t('employees.position')}
              value={position}
              maxLength={200}
              onChange={(event) => setPosition(event.currentTarget.value)}
            />
          </Group>
          <Checkbox.Group
            label={t('employees.presetRights')}
            value={rights}
            onChange={(value) => setRights(value as MemberRight[])}
            error={rightsError ?? serverFields?.rights}
          >
            <Group gap="md" mt="xs">
              {RIGHT_OPTIONS.filter((o) => o.right !== ADMIN_ONLY_RIGHT).map((option) => (
                <Checkbox key={option.right} value={option.right} label={t(option.labelKey)} />
              ))}
            </Group>
          </Checkbox.Group>
          {invite.isSuccess && (
            <Alert color="green" role="status">
              {t('employees.invitationSent', { email: invite.data.email })}
            </Alert>
          )}
          {invite.isError && !serverFields && (
            <Alert color="red" role="alert">
              {errorText(t, invite.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {t('employees.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function InvitationList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: employeeKeys.invitations(organizationId),
    queryFn: () => fetchInvitations(organizationId),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvitation(organizationId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: employeeKeys.invitations(organizationId) }),
  });
  const items = invitations.data ?? [];
  return (
    <section aria-labelledby="invitations-title">
      <Title order={3} size="h4" id="invitations-title" mb="sm">
        {t('employees.invitationsTitle')}
      </Title>
      {invitations.isError && (
        <Alert color="red" role="alert">
          {errorText(t, invitations.error)}
        </Alert>
      )}
      {revoke.isError && (
        <Alert color="red" role="alert" mb="sm">
          {errorText(t, revoke.error)}
        </Alert>
      )}
      {invitations.isSuccess && items.length === 0 && <Text c="gray.7">{t('employees.noInvitations')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-labelledby="invitations-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employees.email')}</Table.Th>
                <Table.Th>{t('employees.rightsColumn')}</Table.Th>
                <Table.Th>{t('employees.sentAt')}</Table.Th>
                <Table.Th>{t('employees.validUntil')}</Table.Th>
                <Table.Th>{t('employees.invitationStatusColumn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('employees.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.email}</Table.Td>
                  <Table.Td>{item.rights.map((r) => t(rightLabelKey(r))).join(', ')}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(item.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={INVITATION_STATUS[item.status].color} variant="light">
                      {t(INVITATION_STATUS[item.status].labelKey)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {item.status === 'pending' && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoke.isPending && revoke.variables === item.id}
                        onClick={() => revoke.mutate(item.id)}
                        aria-label={t('employees.revokeFor', { email: item.email })}
                      >
                        {t('employees.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
