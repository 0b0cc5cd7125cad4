import type { AppContext } from '../../server/context';
import type { Language } from '../../server/i18n/messages';

/** A directory entry as the profile needs it (the directories module's shape, narrowed). */
export interface ReferenceEntry {
  code: string;
  nameRu: string;
  nameKk: string;
  nameEn?: string | null;
  /** KATO: the parent level's code (region → district → okrug → settlement). */
  parentCode?: string | null;
  active?: boolean;
}

export const KAZAKHSTAN = '398';

export function entryName(entry: ReferenceEntry | null, lang: Language): string | null {
  if (!entry) return null;
  if (lang === 'kk') return entry.nameKk || entry.nameRu;
  if (lang === 'en') return entry.nameEn || entry.nameRu;
  return entry.nameRu;
}

type ProfileKind = 'identity_document_types' | 'countries' | 'kato';

/** Document types, countries and KATO for the profile, from ctx.directories (docs/reference-data.md). */
export function createProfileReference(directories: AppContext['directories']) {
  return {
    /** The active entry, or null (unknown or retired codes are refused on input). */
    async get(kind: ProfileKind, code: string): Promise<ReferenceEntry | null> {
      const entry = await directories.get(kind, code);
      return entry?.active ? entry : null;
    },

    /** The settlement with its parents, region first («область Абай, г. Семей, …»), or null when unknown. */
    async katoPath(code: string, lang: Language): Promise<string | null> {
      const names: string[] = [];
      let entry: ReferenceEntry | null = await directories.get('kato', code);
      if (!entry) return null;
      // A KATO tree is at most five levels deep; the bound also stops a cycle in bad data.
      for (let level = 0; entry && level < 6; level++) {
        names.unshift(entryName(entry, lang) ?? entry.code);
        entry = entry.parentCode ? await directories.get('kato', entry.parentCode) : null;
      }
      return names.join(', ');
    },
  };
}

export type ProfileReference = ReturnType<typeof createProfileReference>;
