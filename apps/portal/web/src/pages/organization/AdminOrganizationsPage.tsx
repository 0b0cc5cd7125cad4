import { Alert, Badge, Button, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { OrganizationDetailDrawer } from '../admin/OrganizationDetailDrawer';
import { fetchAdminOrganizations, setOrganizer } from './organization-api';

/** «Участники» (admin console, issue 5): participants by BIN or name; the Организатор role is granted here. */
export function AdminOrganizationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('participant.admin.title'));
  const me = useMe();
  const isAdmin = Boolean(me.data?.roles?.includes('admin'));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const queryClient = useQueryClient();
  // The participant whose members are shown (admin console, modules/admin).
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'organizations', q],
    queryFn: () => fetchAdminOrganizations(q),
    enabled: isAdmin,
  });
  const toggle = useMutation({
    mutationFn: ({ id, granted }: { id: string; granted: boolean }) => setOrganizer(id, granted),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] }),
  });

  if (me.isLoading) return <PageLoader />;
  if (!isAdmin)
    return (
      <Alert color="red" role="alert">
        {t('participant.admin.forbidden')}
      </Alert>
    );
  return (
    <Stack gap="md">
      <Title order={2}>{t('participant.admin.title')}</Title>
      <TextInput
        label={t('participant.admin.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      {(list.error ?? toggle.error) && (
        <Alert color="red" role="alert">
          {errorText(t, list.error ?? toggle.error)}
        </Alert>
      )}
      {list.isPending && <PageLoader />}
      {list.data && (
        <Table striped aria-label={t('participant.admin.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('participant.fields.bin')}</Table.Th>
              <Table.Th>{t('participant.fields.name')}</Table.Th>
              <Table.Th>{t('participant.fields.roles')}</Table.Th>
              <Table.Th>{t('participant.addresses.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('participant.admin.empty')}</Table.Td>
              </Table.Tr>
            )}
            {list.data.map((o) => {
              const organizer = o.roles.includes('organizer');
              return (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.bin}</Table.Td>
                  <Table.Td>{o.nameRu}</Table.Td>
                  <Table.Td>
                    {organizer && <Badge variant="light">{t('participant.roles.organizer')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color={organizer ? 'red' : 'blue'}
                      loading={toggle.isPending && toggle.variables?.id === o.id}
                      onClick={() => toggle.mutate({ id: o.id, granted: !organizer })}
                    >
                      {organizer ? t('participant.admin.revoke') : t('participant.admin.grant')}
                    </Button>
                    <Button size="compact-xs" variant="default" ml="xs" onClick={() => setOpenId(o.id)}>
                      {t('admin.organization.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <OrganizationDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
