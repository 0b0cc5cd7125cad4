import { Alert, Anchor, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PageLoader } from '../../components/PageLoader';
import { useActingOrganization } from '../../organization';
import { type MeUser, useMe } from '../../queries';

/** Signed-in pages of the section: a visitor is offered the login page, the children get the user. */
export function RequireSignIn({ children }: { children: (user: MeUser) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  const user = me.data ?? null;
  if (!user)
    return (
      <Alert color="blue">
        {t('certification.signInFirst')}{' '}
        <Anchor component={Link} to="/login" state={{ from: location.pathname }}>
          {t('header.login')}
        </Anchor>
      </Alert>
    );
  return <>{children(user)}</>;
}

/** The acting organisation (cabinet switcher) or an explanation why there is none. */
export function RequireOrganization({
  children,
}: {
  children: (organization: {
    id: string;
    bin: string;
    name: string;
    kind?: string;
    rights: string[];
  }) => ReactNode;
}) {
  const { t } = useTranslation();
  const { organization, loading } = useActingOrganization();
  if (loading) return <PageLoader />;
  if (!organization || organization.status !== 'active')
    return (
      <Stack>
        <Alert color="yellow">{t('certification.noOrganization')}</Alert>
      </Stack>
    );
  return <>{children(organization)}</>;
}
