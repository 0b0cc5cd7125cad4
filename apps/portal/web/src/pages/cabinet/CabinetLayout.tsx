import { Alert, Box, Button, Grid, NavLink, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { sectionsFor } from '../../cabinet-sections';
import { OrganizationSwitcher } from '../../components/OrganizationSwitcher';
import { PageLoader } from '../../components/PageLoader';
import { useMe } from '../../queries';
import { BankDetailsNotice } from '../banking/BankDetailsNotice';

/** Личный кабинет: the left menu (a nav landmark) and the chosen section. Stacks on narrow screens. */
export function CabinetLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('cabinet.title')}</Title>
      {me.data === null && (
        <Alert color="blue" title={t('cabinet.anonymousTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('cabinet.anonymousText')}</Text>
            <Button component={Link} to="/login" size="xs">
              {t('header.login')}
            </Button>
          </Stack>
        </Alert>
      )}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          {me.data && <OrganizationSwitcher />}
          <Box component="nav" aria-label={t('cabinet.menuLabel')}>
            {sectionsFor(me.data?.roles).map((section) => {
              const to = `/cabinet/${section.path}`;
              const active = pathname === to || pathname.startsWith(`${to}/`);
              return (
                <NavLink
                  key={section.path}
                  component={Link}
                  to={to}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  label={t(section.labelKey)}
                  description={'hintKey' in section ? t(section.hintKey) : undefined}
                />
              );
            })}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
          {me.data && <BankDetailsNotice />}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
