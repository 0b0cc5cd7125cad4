import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Shown inside the shell when a page throws or its chunk fails to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Alert color="red" role="alert" title={t('errors.pageFailedTitle')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('errors.pageFailedText')}</Text>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
