import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowSource } from './profile-api';

/** Where a row came from: the state database (read-only) or typed in by the user. */
export function SourceBadge({ source }: { source: RowSource }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={source === 'registry' ? 'blue' : 'gray'}>
      {source === 'registry' ? t('personal.source.registry') : t('personal.source.manual')}
    </Badge>
  );
}
