import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePublicConfig } from '../queries';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './shell.module.css';
import { UserActions } from './UserActions';

export function Header() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const portalName = config.data?.portalName || t('app.name');
  return (
    <Box component="header" className={classes.header}>
      <Container size="lg" py="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Anchor component={Link} to="/" className={classes.brand} aria-label={t('header.homeLink')}>
            <Stack gap={0}>
              <Text component="span" fw={700} fz="xl" c="blue.8" lh={1.2}>
                {portalName}
              </Text>
              <Text component="span" size="xs" c="gray.7" visibleFrom="xs">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Anchor>
          <Group gap="sm" wrap="wrap" justify="flex-end">
            <LanguageSwitch />
            <UserActions />
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
