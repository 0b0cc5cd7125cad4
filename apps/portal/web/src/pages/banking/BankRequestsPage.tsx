import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useBankingOrganization } from './acting-organization';
import { BankRequestForm } from './BankRequestForm';
import { BankRequestsTable } from './BankRequestsTable';
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
      <BankRequestsTable
        rows={items}
        loaded={requests.isSuccess}
        minWidth={900}
        rowTestId="bank-request-row"
        columns={[
          { header: t('banking.requests.bankCode'), cell: (r) => r.bankCode },
          { header: t('banking.requests.bic'), cell: (r) => r.bic },
          {
            header: t('banking.requests.headOffice'),
            cell: (r) => (r.headOffice ? t('banking.yes') : t('banking.no')),
          },
          {
            header: t('banking.requests.residentShort'),
            cell: (r) => (r.resident ? t('banking.yes') : t('banking.no')),
          },
          { header: t('banking.requests.name'), cell: (r) => (kk ? r.nameKk : r.nameRu) },
          { header: t('banking.requests.address'), cell: (r) => (kk ? r.addressKk : r.addressRu) },
          { header: t('banking.requests.createdAt'), cell: (r) => formatDateTime(r.createdAt) },
          {
            header: t('banking.requests.decidedAt'),
            cell: (r) => (r.status === 'approved' ? formatDateTime(r.decidedAt) : ''),
          },
          { header: t('banking.requests.extraInfo'), cell: (r) => r.confirmationInfo },
          {
            header: t('banking.requests.statusTitle'),
            cell: (r) => (
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
            ),
          },
        ]}
      />
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
