import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import type { MeUser } from '../../queries';
import { signingErrorText } from '../../signing';
import { ActsPanel } from './ActsPanel';
import { ApplicationTabs } from './ApplicationTabs';
import { CertificateCard } from './CertificateCard';
import { type ApplicationView, queueBase, useApplication } from './cert-api';
import { useCertSigner } from './cert-sign';
import { DocumentsPanel } from './DocumentsPanel';
import { statusColor, statusText } from './labels';
import { RequireOrganization, RequireSignIn } from './RequireSignIn';
import { SignatoriesTable } from './SignatoriesTable';

/** The body's view of an application: the acts its state allows, reports, the certificate, «Ход выполнения». */
export function QueueApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('certification.queue.viewTitle'));
  return (
    <Stack gap="md">
      <Group>
        <Button component={Link} to="/certification/queue" variant="subtle" px={0}>
          {t('certification.queue.back')}
        </Button>
      </Group>
      <RequireSignIn>
        {(user) => (
          <RequireOrganization>
            {(organization) => (
              <BodyApplication orgId={organization.id} orgBin={organization.bin} id={id} user={user} />
            )}
          </RequireOrganization>
        )}
      </RequireSignIn>
    </Stack>
  );
}

function BodyApplication({
  orgId,
  orgBin,
  id,
  user,
}: {
  orgId: string;
  orgBin: string;
  id: string;
  user: MeUser;
}) {
  const { t } = useTranslation();
  const url = `${queueBase(orgId)}/${id}`;
  const application = useApplication(url);
  const queryClient = useQueryClient();
  const { signRequest } = useCertSigner();
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [signingPdf, setSigningPdf] = useState(false);
  const signer = { iin: user.iin ?? undefined, bin: orgBin };
  const setView = (next: ApplicationView) => {
    queryClient.setQueryData(['certification', 'application', url], next);
    void queryClient.invalidateQueries({ queryKey: ['certification', 'list'] });
  };

  if (application.isPending) return <PageLoader />;
  const view = application.data;
  if (application.isError || !view) return <Alert color="red">{errorText(t, application.error)}</Alert>;

  const signPdf = async (certificateId: string) => {
    setSigningPdf(true);
    setMessage(null);
    try {
      const signed = await signRequest('certification_certificate', certificateId, {
        ...signer,
        detached: true,
      });
      await api(`/api/v1/organizations/${orgId}/certification/certificates/${certificateId}/pdf-signature`, {
        method: 'POST',
        body: signed,
      });
      await application.refetch();
      setMessage({ color: 'green', text: t('certification.certificate.pdfSigned') });
    } catch (error) {
      setMessage({ color: 'red', text: signingErrorText(t, error) });
    } finally {
      setSigningPdf(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2}>
            {t('certification.form.viewTitle')} {view.number}
          </Title>
          <Text size="sm">
            {view.applicantName} ({view.applicantBin}) · {view.standard}
          </Text>
        </Stack>
        <Badge
          size="lg"
          color={statusColor(view.status)}
          style={{ textTransform: 'none' }}
          data-testid="status"
        >
          {statusText(t, view.status)}
        </Badge>
      </Group>
      {message && <Alert color={message.color}>{message.text}</Alert>}
      <Card withBorder>
        <Stack>
          <Text fw={600}>{t('certification.queue.acts')}</Text>
          <ActsPanel
            view={view}
            base={url}
            signer={signer}
            onDone={(next) => {
              setView(next);
              setMessage({ color: 'green', text: t('certification.acts.done') });
            }}
          />
          {view.allowedActions.length === 0 && (
            <Text size="sm" c="gray.7">
              {t('certification.queue.noActs')}
            </Text>
          )}
        </Stack>
      </Card>
      {view.certificates.map((c) => (
        <CertificateCard key={c.id} certificate={c} signing={signingPdf} onSignPdf={() => signPdf(c.id)} />
      ))}
      <Card withBorder>
        <Stack>
          <Text fw={600}>{t('certification.queue.reports')}</Text>
          <DocumentsPanel
            documents={view.documents}
            access={{
              kinds: ['report'],
              downloadUrl: (documentId) => `${url}/documents/${documentId}`,
              uploadUrl: `${url}/reports`,
              onUploaded: () => void application.refetch(),
            }}
          />
        </Stack>
      </Card>
      <ApplicationTabs
        view={view}
        binding={{ form: view.form, errors: {} }}
        documents={{ kinds: ['applicant'], downloadUrl: (documentId) => `${url}/documents/${documentId}` }}
        signatoriesBlock={<SignatoriesBlockReadOnly view={view} />}
      />
    </Stack>
  );
}

export function SignatoriesBlockReadOnly({ view }: { view: ApplicationView }) {
  return <SignatoriesTable planned={[]} signatories={view.signatories} errors={{}} />;
}
