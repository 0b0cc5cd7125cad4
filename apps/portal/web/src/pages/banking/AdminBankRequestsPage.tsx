import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminForbidden } from '../../components/AdminForbidden';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { BankRequestsTable } from './BankRequestsTable';
import {
  type AdminBankRequest,
  type BankRequestStatus,
  useAdminBankRequests,
  useDecideBankRequest,
} from './banking-api';
import { formatDateTime, requestStatusColor, requestStatusText } from './request-status';

/** The administrator's queue of new-bank registration requests: approve, or reject with a reason. */
export function AdminBankRequestsPage() {
  const { t } = useTranslation();
  const title = t('banking.admin.title');
  usePageTitle(title);
  const me = useMe();
  const [status, setStatus] = useState<BankRequestStatus | 'all'>('pending');
  const isAdmin = Boolean(me.data?.roles?.includes('admin'));
  const requests = useAdminBankRequests(status);
  const decide = useDecideBankRequest();
  const [rejecting, setRejecting] = useState<AdminBankRequest | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (me.isLoading) return <PageLoader />;
  if (!isAdmin) return <AdminForbidden title={title} text={t('banking.admin.forbidden')} />;

  const closeReject = () => {
    setRejecting(null);
    setReason('');
    setReasonError(null);
  };
  const confirmReject = () => {
    if (!rejecting) return;
    if (!reason.trim()) {
      setReasonError(t('banking.admin.reasonRequired'));
      return;
    }
    decide.mutate({ id: rejecting.id, approve: false, reason }, { onSuccess: closeReject });
  };
  const items = requests.data?.items ?? [];

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as BankRequestStatus | 'all')}
        data={[
          { value: 'pending', label: t('banking.requests.status.pending') },
          { value: 'approved', label: t('banking.requests.status.approved') },
          { value: 'rejected', label: t('banking.requests.status.rejected') },
          { value: 'all', label: t('banking.admin.all') },
        ]}
      />
      {requests.isError && <Alert color="red">{errorText(t, requests.error)}</Alert>}
      {decide.isError && !rejecting && (
        <Alert color="red" role="alert">
          {errorText(t, decide.error)}
        </Alert>
      )}
      <BankRequestsTable
        rows={items}
        loaded={requests.isSuccess}
        minWidth={1000}
        rowTestId="admin-bank-request-row"
        columns={[
          { header: t('banking.requests.bankCode'), cell: (r) => r.bankCode },
          { header: t('banking.requests.bic'), cell: (r) => r.bic },
          {
            header: t('banking.requests.name'),
            cell: (r) => (
              <>
                <Text size="sm">{r.nameRu}</Text>
                <Text size="xs" c="gray.7">
                  {r.nameKk}
                </Text>
              </>
            ),
          },
          { header: t('banking.requests.address'), cell: (r) => r.addressRu },
          { header: t('banking.requests.extraInfo'), cell: (r) => r.confirmationInfo },
          { header: t('banking.admin.requester'), cell: (r) => r.requesterEmail ?? '—' },
          { header: t('banking.requests.createdAt'), cell: (r) => formatDateTime(r.createdAt) },
          {
            header: t('banking.requests.statusTitle'),
            cell: (r) => (
              <>
                <Badge color={requestStatusColor[r.status]} variant="light">
                  {requestStatusText(t, r.status)}
                </Badge>
                {r.rejectReason && (
                  <Text size="xs" c="gray.7">
                    {r.rejectReason}
                  </Text>
                )}
              </>
            ),
          },
          {
            header: t('banking.admin.decision'),
            cell: (r) =>
              r.status === 'pending' && (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    color="teal"
                    loading={decide.isPending && decide.variables?.id === r.id && decide.variables.approve}
                    onClick={() => decide.mutate({ id: r.id, approve: true })}
                  >
                    {t('banking.admin.approve')}
                  </Button>
                  <Button size="compact-sm" color="red" variant="light" onClick={() => setRejecting(r)}>
                    {t('banking.admin.reject')}
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      <Modal opened={rejecting !== null} onClose={closeReject} title={t('banking.admin.rejectTitle')}>
        <Stack gap="sm">
          <Text size="sm">{rejecting?.nameRu}</Text>
          <Textarea
            label={t('banking.requests.reason')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ?? (decide.isError ? errorText(t, decide.error) : undefined)}
          />
          <Group justify="space-between">
            <Button color="red" onClick={confirmReject} loading={decide.isPending}>
              {t('banking.admin.reject')}
            </Button>
            <Button variant="default" onClick={closeReject}>
              {t('banking.requests.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
