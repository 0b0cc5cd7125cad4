import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DirectoryEntry,
  type DirectoryKind,
  optionLabel,
  useDirectoryEntry,
  useDirectoryList,
} from '../directories';

export interface DirectorySelectProps
  extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> {
  kind: DirectoryKind;
  value: string | null;
  onChange: (code: string | null, entry: DirectoryEntry | null) => void;
  /** Only the children of this code (KATO). */
  parent?: string;
  /** Options asked from the server per search (the server filters by code and names in every language). */
  limit?: number;
}

/**
 * A searchable select over a directory (`<DirectorySelect kind="banks" …/>`): options load from the API as the
 * user types, named in the current language; the chosen entry stays shown even when the list is filtered.
 */
export function DirectorySelect({
  kind,
  value,
  onChange,
  parent,
  limit = 50,
  ...props
}: DirectorySelectProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const selected = useDirectoryEntry(kind, value, lang);
  const selectedLabel = selected.data ? optionLabel(kind, selected.data) : '';
  // Mantine puts the chosen option's label into the search box: that is not a search.
  const typed = search === selectedLabel ? '' : search;
  const [q] = useDebouncedValue(typed, 250);
  const list = useDirectoryList(kind, { q, parent, limit }, lang);

  const entries = useMemo(() => {
    const byCode = new Map((list.data ?? []).map((e) => [e.code, e]));
    if (selected.data && !byCode.has(selected.data.code)) byCode.set(selected.data.code, selected.data);
    return byCode;
  }, [list.data, selected.data]);
  const data = useMemo(
    () => [...entries.values()].map((e) => ({ value: e.code, label: optionLabel(kind, e) })),
    [entries, kind],
  );

  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={
        list.isFetching ? t('directories.select.loading') : t('directories.select.nothing')
      }
      placeholder={t('directories.select.placeholder')}
      {...props}
      data={data}
      value={value}
      onChange={(code) => onChange(code, code ? (entries.get(code) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the search text (in every language); keep its answer as is.
      filter={({ options }) => options}
    />
  );
}
