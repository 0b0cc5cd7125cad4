import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowSource } from './profile-api';

/** Where a row came from: the state database (read-only) or typed in by the user. */
export function SourceBadge({ source }: { source: RowSource }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" fw={500} c={source === 'registry' ? 'blue.8' : 'gray.7'}>
      {source === 'registry' ? t('personal.source.registry') : t('personal.source.manual')}
    </Text>
  );
}
