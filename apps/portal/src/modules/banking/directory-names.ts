import type { Language } from '../../server/i18n/messages';

/** The fields of a directory entry this module reads (directories module, contracts.md). */
export interface DirectoryEntryLike {
  code: string;
  nameRu: string;
  nameKk: string;
  nameEn?: string | null;
  attrs?: Record<string, unknown> | null;
}

/** An entry's name in the reader's language; English falls back to Russian where the directory has none. */
export function entryName(entry: DirectoryEntryLike | null | undefined, lang: Language): string | null {
  if (!entry) return null;
  if (lang === 'kk') return entry.nameKk || entry.nameRu;
  if (lang === 'en') return entry.nameEn || entry.nameRu;
  return entry.nameRu;
}

/** A bank's address in the reader's language (banks attrs addressRu / addressKk). */
export function bankAddress(entry: DirectoryEntryLike | null | undefined, lang: Language): string | null {
  const attrs = entry?.attrs ?? {};
  const ru = typeof attrs.addressRu === 'string' ? attrs.addressRu : null;
  const kk = typeof attrs.addressKk === 'string' ? attrs.addressKk : null;
  return (lang === 'kk' ? kk || ru : ru || kk) ?? null;
}

export function attrString(entry: DirectoryEntryLike | null | undefined, key: string): string | null {
  const value = entry?.attrs?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
