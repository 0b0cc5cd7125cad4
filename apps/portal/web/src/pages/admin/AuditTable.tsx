import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AuditEventView, formatDateTime } from './admin-api';
import { resultText } from './labels';

/** Journal entries: time, action, result, actor, target, IP, user agent, details. */
export function AuditTable({ events, compact = false }: { events: AuditEventView[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={compact ? 600 : 1100}>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.audit.time')}</Table.Th>
            <Table.Th>{t('admin.audit.action')}</Table.Th>
            <Table.Th>{t('admin.audit.result')}</Table.Th>
            <Table.Th>{t('admin.audit.actor')}</Table.Th>
            <Table.Th>{t('admin.audit.target')}</Table.Th>
            {!compact && <Table.Th>{t('admin.audit.ip')}</Table.Th>}
            {!compact && <Table.Th>{t('admin.audit.userAgent')}</Table.Th>}
            <Table.Th>{t('admin.audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={compact ? 6 : 8}>
                <Text ta="center" c="gray.7" size="sm">
                  {t('admin.audit.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurredAt)}</Table.Td>
              <Table.Td>
                <Code>{e.action}</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={e.result === 'success' ? 'teal' : 'red'} variant="light">
                  {resultText(t, e.result)}
                </Badge>
              </Table.Td>
              <Table.Td>{e.actorName ?? e.actorUserId ?? '—'}</Table.Td>
              <Table.Td>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</Table.Td>
              {!compact && <Table.Td>{e.ip ?? '—'}</Table.Td>}
              {!compact && (
                <Table.Td maw={220} style={{ wordBreak: 'break-all' }}>
                  {e.userAgent ?? '—'}
                </Table.Td>
              )}
              <Table.Td maw={320} style={{ wordBreak: 'break-word' }}>
                {Object.keys(e.details).length ? <Code block>{JSON.stringify(e.details)}</Code> : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
