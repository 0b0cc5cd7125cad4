import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { ActsPanel } from './ActsPanel';
import { ApplicationsTable } from './ApplicationsTable';
import { ApplicationTabs } from './ApplicationTabs';
import { type ApplicationView, moderatorBase, useApplication } from './cert-api';
import { statusColor, statusText } from './labels';
import { SignatoriesBlockReadOnly } from './QueueApplicationPage';
import { RequireSignIn } from './RequireSignIn';

interface Stats {
  byStatus: { status: string; count: number }[];
  byBody: { bodyBin: string; bodyName: string; status: string; count: number }[];
}

/** The portal operator's view: every application, counts by status and by body. */
export function ModeratorPage() {
  const { t } = useTranslation();
  const title = t('certification.moderator.title');
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <RequireSignIn>{() => <ModeratorWorkspace />}</RequireSignIn>
    </Stack>
  );
}

function ModeratorWorkspace() {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: ['certification', 'moderator', 'stats'],
    queryFn: () => api<Stats>('/api/v1/moderator/certification/stats'),
  });
  if (stats.isError) return <Alert color="red">{errorText(t, stats.error)}</Alert>;
  const bodies = new Map<string, { name: string; total: number }>();
  for (const row of stats.data?.byBody ?? []) {
    const entry = bodies.get(row.bodyBin) ?? { name: row.bodyName, total: 0 };
    entry.total += row.count;
    bodies.set(row.bodyBin, entry);
  }
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('certification.moderator.byStatus')}
          </Text>
          <Table>
            <Table.Tbody>
              {(stats.data?.byStatus ?? []).map((row) => (
                <Table.Tr key={row.status}>
                  <Table.Td>
                    <Badge color={statusColor(row.status)} variant="light" style={{ textTransform: 'none' }}>
                      {statusText(t, row.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('certification.moderator.byBody')}
          </Text>
          <Table>
            <Table.Tbody>
              {[...bodies.entries()].map(([bin, entry]) => (
                <Table.Tr key={bin}>
                  <Table.Td>
                    {entry.name} ({bin})
                  </Table.Td>
                  <Table.Td ta="right">{entry.total}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <ApplicationsTable
        base={moderatorBase}
        tabs={['review', 'active', 'suspended', 'drafts', 'closed']}
        initialTab="review"
        linkOf={(id) => `/certification/moderator/${id}`}
      />
    </Stack>
  );
}

/** One application for the moderator: «Блок модератора» editable, «Вернуть на доработку» signed. */
export function ModeratorApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('certification.moderator.title'));
  return (
    <Stack gap="md">
      <Group>
        <Button component={Link} to="/certification/moderator" variant="subtle" px={0}>
          {t('certification.moderator.back')}
        </Button>
      </Group>
      <RequireSignIn>{(user) => <ModeratorApplication id={id} iin={user.iin ?? undefined} />}</RequireSignIn>
    </Stack>
  );
}

function ModeratorApplication({ id, iin }: { id: string; iin?: string }) {
  const { t } = useTranslation();
  const url = `${moderatorBase}/${id}`;
  const application = useApplication(url);
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const view = application.data;
  useEffect(() => {
    if (view) setNote(view.moderatorBlock?.note ?? '');
  }, [view]);
  if (application.isPending) return <PageLoader />;
  if (application.isError || !view) return <Alert color="red">{errorText(t, application.error)}</Alert>;
  const setView = (next: ApplicationView) =>
    queryClient.setQueryData(['certification', 'application', url], next);

  const saveNote = async () => {
    setMessage(null);
    try {
      setView(await api<ApplicationView>(`${url}/note`, { method: 'PUT', body: { text: note } }));
      setMessage({ color: 'green', text: t('certification.moderator.noteSaved') });
    } catch (error) {
      setMessage({ color: 'red', text: errorText(t, error) });
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>
          {t('certification.form.viewTitle')} {view.number}
        </Title>
        <Badge size="lg" color={statusColor(view.status)} style={{ textTransform: 'none' }}>
          {statusText(t, view.status)}
        </Badge>
      </Group>
      {message && <Alert color={message.color}>{message.text}</Alert>}
      <ActsPanel view={view} base={url} signer={{ iin }} onDone={setView} />
      <ApplicationTabs
        view={view}
        binding={{ form: view.form, errors: {} }}
        documents={{ downloadUrl: (documentId) => `${url}/documents/${documentId}` }}
        signatoriesBlock={<SignatoriesBlockReadOnly view={view} />}
        moderatorBlock={
          <Stack>
            <Textarea
              label={t('certification.form.tabs.moderator')}
              autosize
              minRows={4}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group>
              <Button onClick={saveNote}>{t('certification.form.save')}</Button>
            </Group>
          </Stack>
        }
      />
    </Stack>
  );
}
