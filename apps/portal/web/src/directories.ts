import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';

// Reference data from /api/v1/directories (docs/reference-data.md): hooks for DirectorySelect, KatoPicker and
// the administrator's «Справочники» page.

export const DIRECTORY_KINDS = [
  'countries',
  'kato',
  'banks',
  'kopf',
  'kfs',
  'kse',
  'krp',
  'oked',
  'account_types',
  'identity_document_types',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export interface DirectoryEntry {
  kind: string;
  code: string;
  parentCode: string | null;
  nameRu: string;
  nameKk: string;
  nameEn: string | null;
  /** The name in the request's language (en falls back to ru). */
  name: string;
  attrs: Record<string, unknown>;
  active: boolean;
  source: 'seed' | 'admin';
  hasChildren?: boolean;
}

export interface DirectoryQuery {
  q?: string;
  parent?: string;
  roots?: boolean;
  limit?: number;
  includeInactive?: boolean;
}

/** The list URL for a query (empty parts left out). */
export function directoryUrl(kind: string, query: DirectoryQuery = {}): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.parent) params.set('parent', query.parent);
  if (query.roots) params.set('roots', '1');
  if (query.limit) params.set('limit', String(query.limit));
  if (query.includeInactive) params.set('includeInactive', '1');
  const qs = params.toString();
  return `/api/v1/directories/${encodeURIComponent(kind)}${qs ? `?${qs}` : ''}`;
}

export const directoryKeys = {
  all: ['directories'] as const,
  list: (kind: string, query: DirectoryQuery, lang: string) =>
    ['directories', kind, 'list', query, lang] as const,
  entry: (kind: string, code: string, lang: string) => ['directories', kind, 'entry', code, lang] as const,
};

export function useDirectoryList(kind: string, query: DirectoryQuery, lang: string, enabled = true) {
  return useQuery({
    queryKey: directoryKeys.list(kind, query, lang),
    queryFn: ({ signal }) =>
      api<{ items: DirectoryEntry[] }>(directoryUrl(kind, query), { signal }).then((r) => r.items),
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

export function fetchDirectoryEntry(kind: string, code: string) {
  return api<DirectoryEntry>(`/api/v1/directories/${encodeURIComponent(kind)}/${encodeURIComponent(code)}`);
}

export function useDirectoryEntry(kind: string, code: string | null | undefined, lang: string) {
  return useQuery({
    queryKey: directoryKeys.entry(kind, code ?? '', lang),
    queryFn: () => fetchDirectoryEntry(kind, code!),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

/**
 * The KATO path of a code, region first: the entry and its ancestors, fetched one by one (a tree is at most five
 * levels deep). `fetchEntry` is injectable for tests.
 */
export async function katoPath(
  code: string,
  fetchEntry: (code: string) => Promise<DirectoryEntry> = (c) => fetchDirectoryEntry('kato', c),
): Promise<DirectoryEntry[]> {
  const path: DirectoryEntry[] = [];
  let next: string | null = code;
  for (let depth = 0; next && depth < 8; depth++) {
    const entry = await fetchEntry(next);
    path.unshift(entry);
    next = entry.parentCode;
  }
  return path;
}

export function useKatoPath(code: string | null | undefined, lang: string) {
  return useQuery({
    queryKey: ['directories', 'kato', 'path', code ?? '', lang],
    queryFn: () => katoPath(code!),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

/** «Region / District / Settlement» for display. */
export const formatKatoPath = (path: readonly Pick<DirectoryEntry, 'name'>[]) =>
  path.map((e) => e.name).join(' / ');

/** The select's option label: the name, with the code where people look entries up by it (banks: BIC). */
export function optionLabel(kind: string, entry: Pick<DirectoryEntry, 'code' | 'name'>): string {
  if (kind === 'banks' || kind === 'oked' || kind === 'kopf' || kind === 'krp')
    return `${entry.code} — ${entry.name}`;
  return entry.name;
}

export interface EntryBody {
  code?: string;
  parentCode?: string | null;
  nameRu: string;
  nameKk: string;
  nameEn?: string | null;
  attrs: Record<string, unknown>;
  active: boolean;
}

export function useSaveDirectoryEntry(kind: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body, isNew }: { code: string; body: EntryBody; isNew: boolean }) =>
      isNew
        ? api<DirectoryEntry>(`/api/v1/directories/${encodeURIComponent(kind)}`, {
            method: 'POST',
            body: { ...body, code },
          })
        : api<DirectoryEntry>(`/api/v1/directories/${encodeURIComponent(kind)}/${encodeURIComponent(code)}`, {
            method: 'PUT',
            body,
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
