import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The banking pages act for an organisation: without an active membership there is nothing to show. */
export function NoOrganization({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert color="blue">{t('banking.noOrganization')}</Alert>
    </Stack>
  );
}
