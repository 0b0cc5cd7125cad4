import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../../page-title';

/** «Регистрация в системе прошла успешно» (seed 000) and the activation e-mail to follow (seeds 001, 004). */
export function RegistrationDone({ message, email }: { message: string; email: string }) {
  const { t } = useTranslation();
  usePageTitle(message);
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{message}</Title>
      <Alert color="teal" role="status" title={t('register.doneCheckEmail')}>
        <Text size="sm">{t('register.doneActivation', { email })}</Text>
        <Text size="sm" mt="xs">
          {t('register.doneSpam')}
        </Text>
      </Alert>
      <div>
        <Button component={Link} to="/login">
          {t('login.submit')}
        </Button>
      </div>
    </Stack>
  );
}
