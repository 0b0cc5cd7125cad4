import { Alert, Button, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { CatalogTrail } from '../../components/CatalogTrail';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { ApplicationsTable } from './ApplicationsTable';
import { APPLICANT_TABS, type ApplicationView, applicantBase } from './cert-api';
import { RequireOrganization, RequireSignIn } from './RequireSignIn';

/** «Сертификация» (seed 000): the acting organisation's applications by tab, «+ Добавить» creates a draft. */
export function CertificationPage() {
  const { t } = useTranslation();
  const title = t('certification.section.title');
  usePageTitle(title);
  return (
    <Stack gap="md">
      <CatalogTrail current />
      <Title order={2}>{title}</Title>
      <WorkspaceLinks />
      <RequireSignIn>
        {() => (
          <RequireOrganization>
            {(organization) => <ApplicantList orgId={organization.id} />}
          </RequireOrganization>
        )}
      </RequireSignIn>
    </Stack>
  );
}

/** Links to the other workspaces of the section: the body's queue, the moderator, the public registry. */
function WorkspaceLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  return (
    <Button.Group>
      <Button component={Link} to="/registry/certificates" variant="default" size="xs">
        {t('certification.registry.title')}
      </Button>
      {me.data && (
        <Button component={Link} to="/certification/queue" variant="default" size="xs">
          {t('certification.queue.title')}
        </Button>
      )}
      {roles.includes('moderator') && (
        <Button component={Link} to="/certification/moderator" variant="default" size="xs">
          {t('certification.moderator.title')}
        </Button>
      )}
      {roles.includes('admin') && (
        <Button component={Link} to="/certification/accreditations" variant="default" size="xs">
          {t('certification.accreditations.title')}
        </Button>
      )}
    </Button.Group>
  );
}

function ApplicantList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api<ApplicationView>(applicantBase(orgId), { method: 'POST', body: {} }),
    onSuccess: (view) => navigate(`/certification/applications/${view.id}`),
  });
  return (
    <>
      {create.isError && <Alert color="red">{errorText(t, create.error)}</Alert>}
      <ApplicationsTable
        base={applicantBase(orgId)}
        tabs={APPLICANT_TABS}
        initialTab="review"
        linkOf={(id) => `/certification/applications/${id}`}
        actions={
          <Button color="green" loading={create.isPending} onClick={() => create.mutate()}>
            {t('certification.list.add')}
          </Button>
        }
      />
    </>
  );
}
