import { Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DirectoryEntry, formatKatoPath, useDirectoryList, useKatoPath } from '../directories';

export interface KatoPickerProps {
  /** The chosen KATO code (any level), or null. */
  value: string | null;
  onChange: (code: string | null, path: DirectoryEntry[]) => void;
  label?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

const LEVELS = [
  { labelKey: 'directories.kato.region' },
  { labelKey: 'directories.kato.district' },
  { labelKey: 'directories.kato.locality' },
  { labelKey: 'directories.kato.settlement' },
] as const;

/** One level of the tree: the children of `parent` (regions when parent is null). */
function KatoLevel(props: {
  depth: number;
  parent: string | null;
  value: string | null;
  onPick: (entry: DirectoryEntry | null) => void;
  required?: boolean;
  disabled?: boolean;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const list = useDirectoryList(
    'kato',
    props.parent ? { parent: props.parent, limit: 1000 } : { roots: true, limit: 1000 },
    i18n.language,
  );
  const items = list.data ?? [];
  return (
    <Select
      searchable
      clearable
      label={t(LEVELS[Math.min(props.depth, LEVELS.length - 1)].labelKey)}
      placeholder={t('directories.select.placeholder')}
      nothingFoundMessage={t('directories.select.nothing')}
      data={items.map((e) => ({ value: e.code, label: e.name }))}
      value={props.value}
      onChange={(code) => props.onPick(items.find((e) => e.code === code) ?? null)}
      required={props.required && props.depth === 0}
      disabled={props.disabled}
      error={props.error}
    />
  );
}

/**
 * Cascading KATO picker: region → district / city → rural district / locality (as deep as the tree goes), with
 * the chosen path shown under it. The value is the deepest chosen code.
 */
export function KatoPicker({ value, onChange, label, error, required, disabled }: KatoPickerProps) {
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState<DirectoryEntry[]>([]);
  const known = useKatoPath(value && value !== path.at(-1)?.code ? value : null, i18n.language);
  // A value set from outside (an edited record): rebuild the levels from its ancestors.
  useEffect(() => {
    if (known.data) setPath(known.data);
  }, [known.data]);
  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const pick = (depth: number, entry: DirectoryEntry | null) => {
    const next = entry ? [...path.slice(0, depth), entry] : path.slice(0, depth);
    setPath(next);
    onChange(next.at(-1)?.code ?? null, next);
  };
  const levels = [null, ...path.filter((e) => e.hasChildren !== false).map((e) => e.code)];
  const shown = levels.slice(0, path.length + 1);

  return (
    <Stack gap="xs" role="group" aria-label={label ?? t('directories.kato.label')}>
      {label && (
        <Text size="sm" fw={500}>
          {label}
        </Text>
      )}
      {shown.map((parent, depth) => (
        <KatoLevel
          key={parent ?? 'root'}
          depth={depth}
          parent={parent}
          value={path[depth]?.code ?? null}
          onPick={(entry) => pick(depth, entry)}
          required={required}
          disabled={disabled}
          error={depth === shown.length - 1 ? error : undefined}
        />
      ))}
      {path.length > 0 && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('directories.kato.path', { path: formatKatoPath(path) })}
        </Text>
      )}
    </Stack>
  );
}
