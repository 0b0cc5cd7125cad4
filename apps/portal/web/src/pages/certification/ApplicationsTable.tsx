import { Alert, Badge, Button, Group, Table, Tabs, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../error-text';
import { type ListQuery, type ListTab, SORT_KEYS, type SortKey, useApplicationList } from './cert-api';
import { COLUMN_KEYS, labelOf, TAB_KEYS } from './keys';
import { formatDate, statusColor, statusText } from './labels';

/**
 * The seed's list: tabs, the six sortable columns (click a heading: ascending ↔ descending), a filter by a
 * prefix of the number / BIN / name, and «Показать ещё» for the next keyset page. Shared by the applicant,
 * the body's queue and the moderator (`base` = the API list URL, `linkOf` = where a row opens).
 */
export function ApplicationsTable({
  base,
  tabs,
  linkOf,
  actions,
  initialTab,
}: {
  base: string | null;
  tabs: ListTab[];
  linkOf: (id: string) => string;
  actions?: React.ReactNode;
  initialTab?: ListTab;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<ListQuery>({
    tab: initialTab ?? tabs[0],
    sort: 'created',
    order: 'desc',
    q: '',
  });
  const [filter, setFilter] = useState('');
  const list = useApplicationList(base, query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const sortBy = (sort: SortKey) =>
    setQuery((q) => ({ ...q, sort, order: q.sort === sort && q.order === 'asc' ? 'desc' : 'asc' }));
  const arrow = (sort: SortKey) => (query.sort === sort ? (query.order === 'asc' ? ' ▲' : ' ▼') : ' ▽');
  const heading = (sort: SortKey) => labelOf(t, COLUMN_KEYS, sort);

  return (
    <>
      <Tabs value={query.tab} onChange={(tab) => tab && setQuery((q) => ({ ...q, tab: tab as ListTab }))}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} fw={600}>
              {labelOf(t, TAB_KEYS, tab)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group justify="space-between" align="end">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setQuery((q) => ({ ...q, q: filter.trim() }));
          }}
        >
          <Group gap="xs" align="end">
            <TextInput
              label={t('certification.list.filter')}
              placeholder={t('certification.list.filterHint')}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={320}
            />
            <Button type="submit" variant="light">
              {t('certification.list.find')}
            </Button>
          </Group>
        </form>
        {actions}
      </Group>
      {list.isError && <Alert color="red">{errorText(t, list.error)}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {SORT_KEYS.map((sort) => (
                <Table.Th
                  key={sort}
                  aria-sort={
                    query.sort === sort ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <UnstyledButton onClick={() => sortBy(sort)} fw={600} fz="sm">
                    {heading(sort)}
                    {arrow(sort)}
                  </UnstyledButton>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.isSuccess && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text ta="center" c="gray.7" size="sm">
                    {t('certification.list.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Link to={linkOf(item.id)}>{item.number}</Link>
                </Table.Td>
                <Table.Td>{formatDate(item.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{item.applicantBin}</Table.Td>
                <Table.Td>{item.applicantName}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor(item.status)} variant="light" style={{ textTransform: 'none' }}>
                    {statusText(t, item.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.bodyName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('certification.list.more')}
          </Button>
        </Group>
      )}
    </>
  );
}
