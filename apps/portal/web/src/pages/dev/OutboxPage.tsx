import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { currentLanguage, LOCALE_TAGS } from '../../i18n';
import classes from '../../layout/shell.module.css';
import { usePageTitle } from '../../page-title';
import { type OutboxItem, useOutbox } from '../../queries';

function statusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'pending':
      return t('outbox.statusPending');
    case 'sent':
      return t('outbox.statusSent');
    case 'failed':
      return t('outbox.statusFailed');
    default:
      return status; // a state the server added later: show it as is
  }
}

const STATUS_COLORS: Record<string, string> = { pending: 'yellow', sent: 'green', failed: 'red' };

/** /dev/outbox — the emails and SMS the portal sent, in DEMO mode only (the API answers 404 otherwise). */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const outbox = useOutbox();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('outbox.title')}</Title>
          <Text c="gray.7">{t('outbox.intro')}</Text>
        </Stack>
        <Button variant="default" onClick={() => void outbox.refetch()} loading={outbox.isFetching}>
          {t('outbox.refresh')}
        </Button>
      </Group>
      <OutboxContent outbox={outbox} />
    </Stack>
  );
}

function OutboxContent({ outbox }: { outbox: ReturnType<typeof useOutbox> }) {
  const { t } = useTranslation();
  if (outbox.isPending) return <PageLoader />;
  if (outbox.isError) {
    const error = outbox.error;
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Alert color="blue" title={t('outbox.unavailableTitle')}>
          {t('outbox.unavailableText')}
        </Alert>
      );
    }
    return (
      <Alert color="red" role="alert">
        {t('outbox.loadFailed', { message: errorText(t, error) })}
      </Alert>
    );
  }
  if (outbox.data.length === 0) return <Text>{t('outbox.empty')}</Text>;
  return <OutboxTable items={outbox.data} />;
}

function OutboxTable({ items }: { items: OutboxItem[] }) {
  const { t } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(LOCALE_TAGS[currentLanguage()], {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const formatDate = (value: string | null) =>
    value ? dateFormat.format(new Date(value)) : t('outbox.none');
  return (
    <Stack gap="xs">
      <Text size="sm" c="gray.7" aria-live="polite">
        {t('outbox.count', { count: items.length })}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
          <Table.Caption className={classes.visuallyHidden}>{t('outbox.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('outbox.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('outbox.channel')}</Table.Th>
              <Table.Th scope="col">{t('outbox.to')}</Table.Th>
              <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
              <Table.Th scope="col">{t('outbox.body')}</Table.Th>
              <Table.Th scope="col">{t('outbox.status')}</Table.Th>
              <Table.Th scope="col">{t('outbox.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{formatDate(item.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={item.channel === 'sms' ? 'grape' : 'blue'}>
                    {item.channel === 'sms' ? t('outbox.channelSms') : t('outbox.channelEmail')}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.to}</Table.Td>
                <Table.Td>{item.subject || t('outbox.none')}</Table.Td>
                <Table.Td>
                  <Text size="sm" className={classes.preWrap}>
                    {item.body}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={STATUS_COLORS[item.status] ?? 'gray'}>
                    {statusLabel(t, item.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(item.sentAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
