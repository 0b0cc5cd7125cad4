import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../error-text';
import { displayName, useLogout, useMe } from '../queries';

/** «Войти» / «Регистрация» for guests; the user's name, cabinet and «Выйти» once /api/v1/me knows them. */
export function UserActions() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();

  if (me.isPending) return null; // avoids flashing the guest buttons for a signed-in user
  if (me.data) {
    const name = displayName(me.data);
    return (
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={500} title={t('header.signedInAs', { name })}>
          {name}
        </Text>
        <Button component={Link} to="/cabinet" variant="light" size="xs">
          {t('header.cabinet')}
        </Button>
        <Button
          variant="default"
          size="xs"
          loading={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, {
              onSuccess: () => navigate('/'),
              onError: (error) =>
                notifications.show({
                  color: 'red',
                  message: t('header.logoutFailed', { message: errorText(t, error) }),
                }),
            })
          }
        >
          {t('header.logout')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component={Link} to="/login" variant="default" size="xs">
        {t('header.login')}
      </Button>
      <Button component={Link} to="/register" size="xs">
        {t('header.register')}
      </Button>
    </Group>
  );
}
