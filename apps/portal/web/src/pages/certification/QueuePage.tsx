import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../page-title';
import { ApplicationsTable } from './ApplicationsTable';
import { queueBase } from './cert-api';
import { RequireOrganization, RequireSignIn } from './RequireSignIn';

/** The certification body's incoming applications (its staff act for the body in the cabinet switcher). */
export function QueuePage() {
  const { t } = useTranslation();
  const title = t('certification.queue.title');
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <RequireSignIn>
        {() => (
          <RequireOrganization>
            {(organization) => (
              <ApplicationsTable
                base={queueBase(organization.id)}
                tabs={['review', 'active', 'suspended', 'drafts', 'closed']}
                initialTab="review"
                linkOf={(id) => `/certification/queue/${id}`}
              />
            )}
          </RequireOrganization>
        )}
      </RequireSignIn>
    </Stack>
  );
}
