import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { ChangePasswordForm } from './ChangePasswordForm';
import { formatDate } from './profile/format';
import { PhotoCard } from './profile/PhotoCard';
import { fetchProfile, type ProfileData, profileKeys, requestEmailConfirmation } from './profile/profile-api';

/**
 * Личные данные → Регистрационные данные (seed 001): the registration data with the email's state,
 * «Редактировать данные», «Подтвердить адрес электронной почты», the photo, and «Поменять пароль».
 */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.tabs.registration'));
  const me = useMe();
  const user = me.data;
  // With a temporary password the server refuses everything but the password change: do not ask.
  const profile = useQuery({
    queryKey: profileKeys.profile,
    queryFn: fetchProfile,
    enabled: Boolean(user) && !user?.mustChangePassword,
  });
  // «Сохранить» on the edit page comes back here with the seed's «Данные успешно сохранены».
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  return (
    <Stack gap="lg">
      {saved && (
        <Alert color="teal" role="status">
          {t('personal.edit.saved')}
        </Alert>
      )}
      {user?.mustChangePassword && (
        <Alert color="yellow" role="alert">
          {t('profile.mustChangePassword')}
        </Alert>
      )}
      {profile.isPending && user && !user.mustChangePassword && <PageLoader />}
      {profile.isError && (
        <Alert color="red" role="alert">
          {errorText(t, profile.error)}
        </Alert>
      )}
      {profile.data && <RegistrationData data={profile.data} />}
      {user && <ChangePasswordForm login={user.email ?? user.iin ?? ''} />}
    </Stack>
  );
}

function RegistrationData({ data }: { data: ProfileData }) {
  const { t } = useTranslation();
  const confirm = useMutation({ mutationFn: requestEmailConfirmation });
  const rows: { label: string; value: ReactNode }[] = [
    { label: t('personal.registration.iin'), value: data.iin },
    ...(data.bin ? [{ label: t('certificate.bin'), value: data.bin }] : []),
    ...(data.rnn ? [{ label: t('personal.registration.rnn'), value: data.rnn }] : []),
    { label: t('personal.registration.surname'), value: data.surname },
    { label: t('personal.registration.firstName'), value: data.firstName },
    { label: t('personal.registration.patronymic'), value: data.patronymic },
    { label: t('personal.registration.birthDate'), value: formatDate(data.birthDate) },
    { label: t('personal.registration.registeredAt'), value: formatDate(data.registeredAt) },
    {
      label: t('personal.registration.email'),
      value: (
        <Group gap="xs" component="span">
          <span>{data.email}</span>
          <Badge color={data.emailConfirmed ? 'teal' : 'yellow'} variant="light" data-testid="email-state">
            {data.emailConfirmed
              ? t('personal.registration.emailConfirmed')
              : t('personal.registration.emailNotConfirmed')}
          </Badge>
        </Group>
      ),
    },
    { label: t('personal.registration.workPhone'), value: data.workPhone },
    { label: t('personal.registration.mobilePhone'), value: data.mobilePhone },
    { label: t('personal.registration.country'), value: data.country.name },
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="profile-data-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id="profile-data-title">
            {t('personal.registration.title')}
          </Title>
          <Group gap="xs">
            <Button component={Link} to="/cabinet/profile/edit" size="xs">
              {t('personal.registration.edit')}
            </Button>
            <Button component="a" href="#change-password-title" size="xs" variant="default">
              {t('personal.registration.changePassword')}
            </Button>
          </Group>
        </Group>
        <PhotoCard hasPhoto={data.hasPhoto} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
          {rows.map((row) => (
            <div key={row.label} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" c="gray.7">
                {row.label}
              </Text>
              <Text component="dd" size="sm" fw={500} m={0}>
                {row.value || '—'}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {!data.emailConfirmed && data.email && (
          <Group>
            <Button
              variant="light"
              onClick={() => confirm.mutate()}
              loading={confirm.isPending}
              disabled={confirm.isSuccess}
            >
              {t('personal.registration.confirmEmail')}
            </Button>
          </Group>
        )}
        {confirm.isSuccess && (
          <Alert color="teal" role="status">
            {confirm.data.message}
          </Alert>
        )}
        {confirm.isError && (
          <Alert color="red" role="alert">
            {errorText(t, confirm.error)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
