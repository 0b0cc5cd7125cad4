import { Alert, Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { AdminForbidden } from '../../components/AdminForbidden';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { AuditTable } from './AuditTable';
import { type AuditFilters, useAuditJournal } from './admin-api';
import { filterLabel } from './labels';

const EMPTY: AuditFilters = { actor: '', organization: '', action: '', from: '', to: '' };

/** «Журнал событий» (admin console): filters by actor, organisation, action and period; newest first, paged. */
export function AuditAdminPage() {
  const { t } = useTranslation();
  const title = t('admin.audit.title');
  usePageTitle(title);
  const me = useMe();
  const isAdmin = Boolean(me.data?.roles?.includes('admin'));
  const [draft, setDraft] = useState<AuditFilters>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const journal = useAuditJournal(filters, isAdmin);

  if (me.isLoading) return <PageLoader />;
  if (!isAdmin) return <AdminForbidden title={title} text={t('admin.forbidden')} />;
  const fieldErrors = journal.error instanceof ApiError ? (journal.error.fields ?? {}) : {};
  const events = journal.data?.pages.flatMap((p) => p.events) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft });
  };
  const field = (name: keyof AuditFilters, type = 'text') => (
    <TextInput
      type={type}
      label={filterLabel(t, name)}
      value={draft[name] ?? ''}
      onChange={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
      error={fieldErrors[name]}
    />
  );

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <form onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          {field('actor')}
          {field('organization')}
          {field('action')}
          {field('from', 'date')}
          {field('to', 'date')}
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('admin.audit.reset')}
          </Button>
        </Group>
      </form>
      {journal.isError && Object.keys(fieldErrors).length === 0 && (
        <Alert color="red">{errorText(t, journal.error)}</Alert>
      )}
      {journal.isLoading ? <PageLoader /> : <AuditTable events={events} />}
      {journal.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => journal.fetchNextPage()}
          loading={journal.isFetchingNextPage}
        >
          {t('admin.nextPage')}
        </Button>
      )}
    </Stack>
  );
}
