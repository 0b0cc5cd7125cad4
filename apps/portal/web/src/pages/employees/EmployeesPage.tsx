import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { useActingOrganization } from '../../organization';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { EmploymentRequestForm } from './EmploymentRequestForm';
import {
  activateEmployee,
  declineEmployee,
  type EmployeeRow,
  employeeKeys,
  fetchEmployees,
} from './employees-api';
import { InvitationsPanel } from './InvitationsPanel';
import { RightsModal } from './RightsModal';
import { formatDateTime, rightLabelKey, STATUS_OPTIONS } from './rights';

/**
 * Кабинет → Сотрудники (seed 001 «Сотрудники организации», seed 004 «Штат»), for the organisation the user acts
 * for: the list for its administrator and head; invitations, activation and «Редактировать полномочия» for the
 * administrator; «Я являюсь сотрудником» for anyone.
 */
export function EmployeesPage() {
  const { t } = useTranslation();
  usePageTitle(t('employees.title'));
  const me = useMe();
  const acting = useActingOrganization();
  const organization = acting.organization;
  if (acting.loading) return <PageLoader />;
  // Anonymous: the cabinet layout already asks to sign in.
  if (!me.data) return <Title order={2}>{t('employees.title')}</Title>;
  const active = organization?.status === 'active';
  const isAdmin = active && organization.rights.includes('org_admin');
  const canView = active && (isAdmin || organization.rights.includes('head'));
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('employees.title')}</Title>
        {organization && (
          <Text c="gray.7" data-testid="acting-organization">
            {organization.name} · {t('employees.bin')} {organization.bin}
          </Text>
        )}
      </div>
      {!organization && <Text>{t('employees.noOrganization')}</Text>}
      {organization && !canView && (
        <Alert color="yellow">
          {organization.status === 'pending'
            ? t('employees.membershipPending')
            : organization.status === 'blocked'
              ? t('employees.membershipBlocked')
              : t('employees.noRights')}
        </Alert>
      )}
      {organization && canView && <EmployeeTable organizationId={organization.id} isAdmin={isAdmin} />}
      {organization && isAdmin && <InvitationsPanel organizationId={organization.id} />}
      <EmploymentRequestForm />
    </Stack>
  );
}

function EmployeeTable({ organizationId, isAdmin }: { organizationId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<(EmployeeRow & { id: string }) | null>(null);
  const employees = useQuery({
    queryKey: employeeKeys.list(organizationId),
    queryFn: () => fetchEmployees(organizationId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: employeeKeys.list(organizationId) });
  const activate = useMutation({
    mutationFn: (id: string) => activateEmployee(organizationId, id),
    onSettled: refresh,
  });
  const decline = useMutation({
    mutationFn: (id: string) => declineEmployee(organizationId, id),
    onSettled: refresh,
  });
  if (employees.isPending) return <PageLoader />;
  if (employees.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, employees.error)}
      </Alert>
    );
  const failed = activate.error ?? decline.error;
  return (
    <section aria-labelledby="employees-title">
      <Title order={3} size="h4" id="employees-title" mb="sm">
        {t('employees.listTitle')}
      </Title>
      {failed && (
        <Alert color="red" role="alert" mb="sm">
          {errorText(t, failed)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-labelledby="employees-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('employees.fullName')}</Table.Th>
              <Table.Th>{t('employees.position')}</Table.Th>
              <Table.Th>{t('employees.addedAt')}</Table.Th>
              <Table.Th>{t('employees.systemStatus')}</Table.Th>
              <Table.Th>{t('employees.orgStatus')}</Table.Th>
              <Table.Th>{t('employees.rightsColumn')}</Table.Th>
              {isAdmin && (
                <Table.Th>
                  <VisuallyHidden>{t('employees.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {employees.data.map((row) => (
              <Table.Tr key={row.id ?? `head-${row.iin}`} data-testid="employee-row">
                <Table.Td>{row.fullName}</Table.Td>
                <Table.Td>{row.position}</Table.Td>
                <Table.Td>{formatDateTime(row.addedAt)}</Table.Td>
                <Table.Td>
                  {row.systemStatus === 'registered'
                    ? t('employees.registered')
                    : t('employees.notRegistered')}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={`${STATUS_OPTIONS[row.status].color}.8`}>
                    {t(STATUS_OPTIONS[row.status].labelKey)}
                  </Text>
                  {row.status === 'blocked' && row.blockReason && (
                    <Text size="xs" c="gray.7">
                      {t('employees.blockReason')}: {row.blockReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.rights.map((r) => t(rightLabelKey(r))).join(', ')}</Table.Td>
                {isAdmin && (
                  <Table.Td>
                    <RowActions
                      row={row}
                      onEdit={setEditing}
                      onActivate={(id) => activate.mutate(id)}
                      onDecline={(id) => decline.mutate(id)}
                      busy={activate.isPending || decline.isPending}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <RightsModal organizationId={organizationId} employee={editing} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}

function RowActions({
  row,
  onEdit,
  onActivate,
  onDecline,
  busy,
}: {
  row: EmployeeRow;
  onEdit: (row: EmployeeRow & { id: string }) => void;
  onActivate: (id: string) => void;
  onDecline: (id: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = row.id;
  if (!id) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {row.status === 'pending' && (
        <>
          <Button
            size="xs"
            disabled={busy}
            onClick={() => onActivate(id)}
            aria-label={t('employees.activateFor', { name: row.fullName })}
          >
            {t('employees.activate')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            disabled={busy}
            onClick={() => onDecline(id)}
            aria-label={t('employees.declineFor', { name: row.fullName })}
          >
            {t('employees.decline')}
          </Button>
        </>
      )}
      <Button
        size="xs"
        variant="light"
        onClick={() => onEdit({ ...row, id })}
        aria-label={t('employees.editRightsFor', { name: row.fullName })}
      >
        {t('employees.editRights')}
      </Button>
    </Group>
  );
}
