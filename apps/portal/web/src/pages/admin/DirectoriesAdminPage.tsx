import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminForbidden } from '../../components/AdminForbidden';
import { DirectorySelect } from '../../components/DirectorySelect';
import { KatoPicker } from '../../components/KatoPicker';
import { PageLoader } from '../../components/PageLoader';
import { type DirectoryEntry, type DirectoryKind, useDirectoryList } from '../../directories';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useMe } from '../../queries';
import { DirectoryEntryForm } from './DirectoryEntryForm';

/** The kinds, in the order of the selector, with their titles. */
const KINDS: readonly { kind: DirectoryKind; labelKey: ParseKeys }[] = [
  { kind: 'banks', labelKey: 'directories.kinds.banks' },
  { kind: 'countries', labelKey: 'directories.kinds.countries' },
  { kind: 'kato', labelKey: 'directories.kinds.kato' },
  { kind: 'kopf', labelKey: 'directories.kinds.kopf' },
  { kind: 'kfs', labelKey: 'directories.kinds.kfs' },
  { kind: 'kse', labelKey: 'directories.kinds.kse' },
  { kind: 'krp', labelKey: 'directories.kinds.krp' },
  { kind: 'oked', labelKey: 'directories.kinds.oked' },
  { kind: 'account_types', labelKey: 'directories.kinds.account_types' },
  { kind: 'identity_document_types', labelKey: 'directories.kinds.identity_document_types' },
];
const SOURCES = {
  seed: { labelKey: 'directories.source.seed' },
  admin: { labelKey: 'directories.source.admin' },
} as const;

/** Tree kinds open at their top level; the others list every entry. */
const TREE_KINDS: readonly DirectoryKind[] = ['kato', 'oked'];

/** «Справочники» (admin console): browse a directory by kind, search, open children, add and edit entries. */
export function DirectoriesAdminPage() {
  const { t, i18n } = useTranslation();
  const title = t('directories.title');
  usePageTitle(title);
  const me = useMe();
  const isAdmin = Boolean(me.data?.roles?.includes('admin'));
  const [kind, setKind] = useState<DirectoryKind>('banks');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [trail, setTrail] = useState<DirectoryEntry[]>([]);
  const [editing, setEditing] = useState<DirectoryEntry | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const parent = trail.at(-1)?.code;
  const kindEntry = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const query = q
    ? { q, limit: 300, includeInactive: true }
    : parent
      ? { parent, limit: 1000, includeInactive: true }
      : { roots: TREE_KINDS.includes(kind), limit: 1000, includeInactive: true };
  const list = useDirectoryList(kind, query, i18n.language, isAdmin);

  if (me.isLoading) return <PageLoader />;
  if (!isAdmin) return <AdminForbidden title={title} text={t('directories.forbidden')} />;

  const chooseKind = (next: string | null) => {
    if (!next) return;
    setKind(next as DirectoryKind);
    setTrail([]);
    setSearch('');
    setSaved(null);
    setPreview(null);
  };

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      {saved && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      <Group align="flex-end">
        <Select
          label={t('directories.kind')}
          data={KINDS.map((k) => ({ value: k.kind, label: t(k.labelKey) }))}
          value={kind}
          onChange={chooseKind}
          allowDeselect={false}
          w={320}
        />
        <TextInput
          label={t('directories.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Button onClick={() => setEditing('new')}>{t('directories.add')}</Button>
      </Group>
      <Stack gap="xs" maw={640}>
        <Title order={3}>{t('directories.preview')}</Title>
        {kind === 'kato' ? (
          <KatoPicker value={preview} onChange={(code) => setPreview(code)} />
        ) : (
          <DirectorySelect
            kind={kind}
            label={t(kindEntry.labelKey)}
            value={preview}
            onChange={(code) => setPreview(code)}
          />
        )}
      </Stack>
      {!q && trail.length > 0 && (
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => setTrail([])}>
            {t('directories.backToTop')}
          </Button>
          {trail.map((e, i) => (
            <Button
              key={e.code}
              variant="subtle"
              size="compact-sm"
              onClick={() => setTrail(trail.slice(0, i + 1))}
            >
              {e.name}
            </Button>
          ))}
        </Group>
      )}
      {list.isError && <Alert color="red">{errorText(t, list.error)}</Alert>}
      {list.isLoading ? (
        <PageLoader />
      ) : (list.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('directories.empty')}</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('directories.columns.code')}</Table.Th>
              <Table.Th>{t('directories.columns.name')}</Table.Th>
              <Table.Th>{t('directories.columns.source')}</Table.Th>
              <Table.Th>{t('directories.columns.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((e) => (
              <Table.Tr key={e.code}>
                <Table.Td>{e.code}</Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={e.source === 'admin' ? 'grape' : 'dimmed'}>
                    {t(SOURCES[e.source].labelKey)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={e.active ? 'teal' : 'red'}>
                    {e.active ? t('directories.active') : t('directories.inactive')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {e.hasChildren && (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => {
                          setSearch('');
                          setTrail([...trail, e]);
                        }}
                      >
                        {t('directories.children')}
                      </Button>
                    )}
                    <Button variant="light" size="compact-sm" onClick={() => setEditing(e)}>
                      {t('directories.edit')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' || editing === null
            ? t('directories.form.titleNew')
            : t('directories.form.titleEdit', { code: editing.code })
        }
        size="lg"
      >
        {editing !== null && (
          <DirectoryEntryForm
            key={editing === 'new' ? 'new' : editing.code}
            kind={kind}
            entry={editing === 'new' ? null : editing}
            defaultParent={parent}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setSaved(t('directories.saved'));
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
