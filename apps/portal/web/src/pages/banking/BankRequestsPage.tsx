import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useBankingOrganization } from './acting-organization';
import { BankRequestForm } from './BankRequestForm';
import { type BankRequest, useMyBankRequests } from './banking-api';
import { formatDateTime, requestStatusColor, requestStatusText } from './request-status';

/** «Мои заявки на регистрацию банка» (seed 001) with «Добавить новый банк» and the «Причина» of a rejection. */
export function BankRequestsPage() {
  const { t, i18n } = useTranslation();
  const title = t('banking.requests.title');
  usePageTitle(title);
  const { organization } = useBankingOrganization();
  const requests = useMyBankRequests();
  const [formOpen, setFormOpen] = useState(false);
  const [reasonOf, setReasonOf] = useState<BankRequest | null>(null);
  if (requests.isLoading) return <PageLoader />;
  const items = requests.data?.items ?? [];
  const kk = i18n.language === 'kk';

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Group>
        <Button color="green" onClick={() => setFormOpen(true)}>
          {t('banking.requests.addBank')}
        </Button>
      </Group>
      {requests.isError && <Alert color="red">{errorText(t, requests.error)}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('banking.requests.bankCode')}</Table.Th>
              <Table.Th>{t('banking.requests.bic')}</Table.Th>
              <Table.Th>{t('banking.requests.headOffice')}</Table.Th>
              <Table.Th>{t('banking.requests.residentShort')}</Table.Th>
              <Table.Th>{t('banking.requests.name')}</Table.Th>
              <Table.Th>{t('banking.requests.address')}</Table.Th>
              <Table.Th>{t('banking.requests.createdAt')}</Table.Th>
              <Table.Th>{t('banking.requests.decidedAt')}</Table.Th>
              <Table.Th>{t('banking.requests.extraInfo')}</Table.Th>
              <Table.Th>{t('banking.requests.statusTitle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.isSuccess && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={10}>
                  <Text ta="center" c="gray.7" size="sm">
                    {t('banking.requests.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="bank-request-row">
                <Table.Td>{r.bankCode}</Table.Td>
                <Table.Td>{r.bic}</Table.Td>
                <Table.Td>{r.headOffice ? t('banking.yes') : t('banking.no')}</Table.Td>
                <Table.Td>{r.resident ? t('banking.yes') : t('banking.no')}</Table.Td>
                <Table.Td>{kk ? r.nameKk : r.nameRu}</Table.Td>
                <Table.Td>{kk ? r.addressKk : r.addressRu}</Table.Td>
                <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                <Table.Td>{r.status === 'approved' ? formatDateTime(r.decidedAt) : ''}</Table.Td>
                <Table.Td>{r.confirmationInfo}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Badge color={requestStatusColor[r.status]} variant="light">
                      {requestStatusText(t, r.status)}
                    </Badge>
                    {r.status === 'rejected' && (
                      <Anchor component="button" type="button" size="sm" onClick={() => setReasonOf(r)}>
                        {t('banking.requests.reason')}
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={formOpen}
        onClose={() => setFormOpen(false)}
        title={t('banking.requests.formTitle')}
        size="lg"
      >
        <BankRequestForm organizationId={organization?.id} onClose={() => setFormOpen(false)} />
      </Modal>
      <Modal
        opened={reasonOf !== null}
        onClose={() => setReasonOf(null)}
        title={t('banking.requests.reason')}
      >
        <Stack gap="md">
          <Text>{reasonOf?.rejectReason}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReasonOf(null)}>
              {t('banking.requests.back')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
