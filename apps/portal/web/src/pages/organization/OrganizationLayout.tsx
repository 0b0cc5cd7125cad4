import { Alert, Button, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useOutletContext } from 'react-router-dom';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { useActingOrganization } from '../../organization';
import { usePageTitle } from '../../page-title';
import { fetchOrganization, type Organization, orgKeys } from './organization-api';

/** «Профиль участника» (seed 001) tabs, under /cabinet/organization. */
export const ORGANIZATION_PAGES = [
  { path: '', labelKey: 'participant.tabs.registration' },
  { path: 'attributes', labelKey: 'participant.tabs.attributes' },
  { path: 'contacts', labelKey: 'participant.tabs.contacts' },
  { path: 'head', labelKey: 'participant.tabs.head' },
] as const;

export interface OrganizationContext {
  organization: Organization;
  /** Администратор организации: the pages offer edits (the server checks again). */
  canEdit: boolean;
}

export const useOrganizationContext = () => useOutletContext<OrganizationContext>();

/** The organisation the user acts for, its profile tabs, or the way to register one. */
export function OrganizationLayout() {
  const { t } = useTranslation();
  usePageTitle(t('participant.title'));
  const { pathname, state } = useLocation();
  const navigate = useNavigate();
  const acting = useActingOrganization();
  const id = acting.organization?.status === 'active' ? acting.organization.id : null;
  const profile = useQuery({
    queryKey: orgKeys.profile(id ?? ''),
    queryFn: () => fetchOrganization(id!),
    enabled: !!id,
  });
  const current =
    ORGANIZATION_PAGES.find((p) => p.path && pathname.startsWith(`/cabinet/organization/${p.path}`))?.path ||
    'registration';
  const message = (state as { message?: string } | null)?.message;

  if (acting.loading) return <PageLoader />;
  if (!id)
    return (
      <Stack gap="md" align="flex-start">
        <Title order={2}>{t('participant.title')}</Title>
        <Alert color="blue">
          <Text size="sm">
            {acting.organization ? t('participant.notActive') : t('participant.notRegistered')}
          </Text>
        </Alert>
        <Button component={Link} to="/cabinet/organization/register">
          {t('participant.registerLink')}
        </Button>
      </Stack>
    );

  return (
    <Stack gap="lg">
      <Title order={2}>{profile.data?.nameRu ?? acting.organization?.name}</Title>
      {message && (
        <Alert color="green" role="status">
          {message}
        </Alert>
      )}
      <Tabs
        value={current}
        onChange={(value) =>
          navigate(
            value && value !== 'registration' ? `/cabinet/organization/${value}` : '/cabinet/organization',
          )
        }
      >
        <Tabs.List aria-label={t('participant.tabsLabel')}>
          {ORGANIZATION_PAGES.map((page) => (
            <Tabs.Tab key={page.path} value={page.path || 'registration'}>
              {t(page.labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {profile.isPending && <PageLoader />}
      {profile.isError && (
        <Alert color="red" role="alert">
          {errorText(t, profile.error)}
        </Alert>
      )}
      {profile.data && (
        <Suspense fallback={<PageLoader />}>
          <Outlet
            context={
              {
                organization: profile.data,
                canEdit: profile.data.myRights.includes('org_admin'),
              } satisfies OrganizationContext
            }
          />
        </Suspense>
      )}
    </Stack>
  );
}
