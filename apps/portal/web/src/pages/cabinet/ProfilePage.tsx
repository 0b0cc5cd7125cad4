import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../page-title';
import { type MeUser, useMe } from '../../queries';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Профиль: the registration data and «Смена пароля» (seed 000: current, new, confirmation, «Сохранить»). */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('cabinet.menu.profile'));
  const me = useMe();
  const user = me.data;
  return (
    <Stack gap="lg">
      <Title order={2}>{t('cabinet.menu.profile')}</Title>
      {user?.mustChangePassword && (
        <Alert color="yellow" role="alert">
          {t('profile.mustChangePassword')}
        </Alert>
      )}
      {user && user.emailVerified === false && <Alert color="yellow">{t('profile.emailNotVerified')}</Alert>}
      {user && <ProfileData user={user} />}
      {user && <ChangePasswordForm login={user.email ?? user.iin ?? ''} />}
    </Stack>
  );
}

function ProfileData({ user }: { user: MeUser }) {
  const { t } = useTranslation();
  const rows = [
    { label: t('certificate.fullName'), value: user.fullName },
    { label: t('certificate.iin'), value: user.iin },
    { label: t('certificate.bin'), value: user.bin },
    { label: t('register.email'), value: user.email },
    { label: t('register.mobilePhone'), value: user.mobilePhone },
    { label: t('register.workPhone'), value: user.workPhone },
  ].filter((row) => row.value);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="profile-data-title">
      <Title order={3} size="h4" id="profile-data-title" mb="sm">
        {t('profile.dataTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map((row) => (
          <div key={row.label} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="gray.7">
              {row.label}
            </Text>
            <Text component="dd" size="sm" fw={500} m={0}>
              {row.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
