import { Alert, Drawer, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { useAdminOrganization } from './admin-api';

/** A participant and its members, opened from «Участники» (admin console). */
export function OrganizationDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useAdminOrganization(id);
  const data = detail.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('admin.organization.title')}
    >
      {detail.isLoading && <PageLoader />}
      {detail.isError && <Alert color="red">{errorText(t, detail.error)}</Alert>}
      {data && (
        <Stack gap="sm" data-testid="admin-organization-detail">
          <Text fw={600}>{data.organization.nameRu}</Text>
          {data.organization.nameKk && <Text size="sm">{data.organization.nameKk}</Text>}
          <Text size="sm">
            {t('admin.organization.bin')}: {data.organization.bin}
          </Text>
          <Text size="sm">
            {t('admin.users.email')}: {data.organization.email ?? '—'}
          </Text>
          <Text fw={600}>{t('admin.organization.members')}</Text>
          <Table.ScrollContainer minWidth={600}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.name')}</Table.Th>
                  <Table.Th>{t('admin.users.iinBin')}</Table.Th>
                  <Table.Th>{t('admin.users.email')}</Table.Th>
                  <Table.Th>{t('admin.organization.rights')}</Table.Th>
                  <Table.Th>{t('admin.users.statusTitle')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.members.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.name ?? '—'}</Table.Td>
                    <Table.Td>{m.iin ?? '—'}</Table.Td>
                    <Table.Td>{m.email ?? '—'}</Table.Td>
                    <Table.Td>{m.rights.join(', ')}</Table.Td>
                    <Table.Td>{m.status}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Drawer>
  );
}
