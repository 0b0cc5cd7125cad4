import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { publicPagePath } from './CertificateCard';
import { queryString, type RegistryItem, useStandards } from './cert-api';
import { labelOf, REGISTRY_FILTER_KEYS } from './keys';
import { certificateStatusText, formatDate, statusColor } from './labels';

interface Filters {
  number: string;
  bin: string;
  organization: string;
  standard: string;
  body: string;
  status: string;
}
const EMPTY: Filters = { number: '', bin: '', organization: '', standard: '', body: '', status: '' };

/** «Реестр сертификатов СМ» — public, no login: search by number, BIN/IIN, organisation, standard, body, status. */
export function RegistryPage() {
  const { t, i18n } = useTranslation();
  const title = t('certification.registry.title');
  usePageTitle(title);
  const standards = useStandards();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const list = useInfiniteQuery({
    queryKey: ['certification', 'registry', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<{ items: RegistryItem[]; nextCursor: string | null }>(
        `/api/v1/certification/registry${queryString({ ...filters, cursor: pageParam, limit: 20 })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const text = (key: keyof Filters) => ({
    label: labelOf(t, REGISTRY_FILTER_KEYS, key),
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...draft, number: draft.number.trim(), bin: draft.bin.trim() });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <TextInput {...text('number')} />
          <TextInput {...text('bin')} />
          <TextInput {...text('organization')} />
          <Select
            label={t('certification.registry.filters.standard')}
            data={standards.data ?? []}
            value={draft.standard || null}
            clearable
            onChange={(value) => setDraft((d) => ({ ...d, standard: value ?? '' }))}
          />
          <TextInput {...text('body')} />
          <Select
            label={t('certification.registry.filters.status')}
            clearable
            data={(['active', 'suspended', 'withdrawn', 'expired'] as const).map((s) => ({
              value: s,
              label: certificateStatusText(t, s),
            }))}
            value={draft.status || null}
            onChange={(value) => setDraft((d) => ({ ...d, status: value ?? '' }))}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('certification.list.find')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('certification.registry.reset')}
          </Button>
        </Group>
      </form>
      {list.isError && <Alert color="red">{errorText(t, list.error)}</Alert>}
      <Table.ScrollContainer minWidth={1000}>
        <Table striped withTableBorder data-testid="registry">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certification.registry.columns.number')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.holder')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.bin')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.standard')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.body')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.issuedOn')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.validUntil')}</Table.Th>
              <Table.Th>{t('certification.registry.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.isSuccess && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text ta="center" size="sm" c="gray.7">
                    {t('certification.registry.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((item) => (
              <Table.Tr key={item.number}>
                <Table.Td>
                  <Link to={publicPagePath(item.number)}>{item.number}</Link>
                </Table.Td>
                <Table.Td>{item.holderName}</Table.Td>
                <Table.Td>{item.holderBin}</Table.Td>
                <Table.Td>{item.standard}</Table.Td>
                <Table.Td>
                  {item.bodyName} ({item.attestatNumber})
                </Table.Td>
                <Table.Td>{formatDate(item.issuedOn, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(item.validUntil, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor(item.status)} variant="light" style={{ textTransform: 'none' }}>
                    {certificateStatusText(t, item.status)}
                  </Badge>
                </Table.Td>
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
    </Stack>
  );
}
