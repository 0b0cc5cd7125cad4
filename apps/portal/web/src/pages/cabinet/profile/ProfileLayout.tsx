import { Stack, Tabs, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PROFILE_PAGES } from '../../../cabinet-sections';
import { PageLoader } from '../../../components/PageLoader';

/** Кабинет → Личные данные (seed 001): Регистрационные данные · Паспортные данные · Контактные данные. */
export function ProfileLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // Tab values cannot be empty: the registration data page ('' under /cabinet/profile) is 'registration'.
  const current =
    PROFILE_PAGES.find((p) => p.path && pathname.startsWith(`/cabinet/profile/${p.path}`))?.path ||
    'registration';
  return (
    <Stack gap="lg">
      <Title order={2}>{t('personal.title')}</Title>
      <Tabs
        value={current}
        onChange={(value) =>
          navigate(value && value !== 'registration' ? `/cabinet/profile/${value}` : '/cabinet/profile')
        }
      >
        <Tabs.List aria-label={t('personal.tabsLabel')}>
          {PROFILE_PAGES.map((page) => (
            <Tabs.Tab key={page.path} value={page.path || 'registration'}>
              {t(page.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
