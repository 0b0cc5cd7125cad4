import { Badge, Group, Timeline as MantineTimeline, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from './cert-api';
import { actionText, formatDateTime, statusText } from './labels';

/** «Ход выполнения»: every step with who did it, the status it led to, its comment and whether it is signed. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <Text c="gray.7">{t('certification.timeline.empty')}</Text>;
  return (
    <MantineTimeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {entries.map((entry) => {
        const payload = entry.payload ?? {};
        const note = ['comment', 'reason', 'summary', 'journalNumber', 'contractNumber']
          .map((key) => payload[key])
          .filter((value): value is string => typeof value === 'string' && value !== '');
        return (
          <MantineTimeline.Item
            key={entry.seq}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {actionText(t, entry.action)}
                </Text>
                <Badge variant="light" style={{ textTransform: 'none' }}>
                  {statusText(t, entry.toStatus)}
                </Badge>
                {entry.signed && (
                  <Badge color="green" variant="outline" style={{ textTransform: 'none' }}>
                    {t('certification.timeline.signed')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="gray.7">
              {formatDateTime(entry.createdAt, i18n.language)}
              {entry.actorName ? ` · ${entry.actorName}` : ''}
              {entry.signer?.fullName && entry.signer.fullName !== entry.actorName
                ? ` · ${entry.signer.fullName}`
                : ''}
            </Text>
            {note.map((text) => (
              <Text key={text} size="sm">
                {text}
              </Text>
            ))}
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
