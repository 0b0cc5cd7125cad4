import type { Language } from '../../server/i18n/messages';
import { DOCUMENT_TYPES } from '../registry/codes';

/** A directory entry as the profile needs it (the directories module's shape, narrowed). */
export interface ReferenceEntry {
  code: string;
  nameRu: string;
  nameKk: string;
  nameEn?: string | null;
  /** KATO: the parent level's code (region → district → okrug → settlement). */
  parentCode?: string | null;
}

/** The part of ctx.directories the profile reads (docs/profile.md). */
export interface DirectoryReader {
  get(kind: string, code: string): Promise<ReferenceEntry | null>;
  list(kind: string, opts?: { q?: string; parent?: string; limit?: number }): Promise<ReferenceEntry[]>;
}

// Used only while the directories module is absent from the context (a bare deployment or an older build):
// the registry's document types plus the seed's foreign passport, and Kazakhstan with its neighbours.
const FALLBACK: Record<string, ReferenceEntry[]> = {
  identity_document_types: [
    ...Object.entries(DOCUMENT_TYPES).map(([code, n]) => ({ code, ...n, nameEn: null })),
    {
      code: 'foreign_passport',
      nameRu: 'Паспорт общегражданский заграничный',
      nameKk: 'Жалпы азаматтық шетелдік паспорт',
      nameEn: 'Foreign travel passport',
    },
  ],
  countries: [
    { code: '398', nameRu: 'Казахстан', nameKk: 'Қазақстан', nameEn: 'Kazakhstan' },
    { code: '643', nameRu: 'Россия', nameKk: 'Ресей', nameEn: 'Russia' },
    { code: '417', nameRu: 'Кыргызстан', nameKk: 'Қырғызстан', nameEn: 'Kyrgyzstan' },
    { code: '860', nameRu: 'Узбекистан', nameKk: 'Өзбекстан', nameEn: 'Uzbekistan' },
    { code: '156', nameRu: 'Китай', nameKk: 'Қытай', nameEn: 'China' },
  ],
};

export const KAZAKHSTAN = '398';

export function entryName(entry: ReferenceEntry | null, lang: Language): string | null {
  if (!entry) return null;
  if (lang === 'kk') return entry.nameKk || entry.nameRu;
  if (lang === 'en') return entry.nameEn || entry.nameRu;
  return entry.nameRu;
}

/**
 * Document types, countries and KATO for the profile: ctx.directories when the context has it, else the
 * fallback lists above (KATO then only by format).
 */
export function createProfileReference(directories: DirectoryReader | undefined) {
  return {
    async get(kind: 'identity_document_types' | 'countries' | 'kato', code: string) {
      if (directories) return directories.get(kind, code);
      if (kind === 'kato')
        return /^\d{9}$/.test(code) ? { code, nameRu: code, nameKk: code, nameEn: code } : null;
      return FALLBACK[kind].find((e) => e.code === code) ?? null;
    },
    /** The settlement with its parents, region first («xxx область, xxx район, …»), or null when unknown. */
    async katoPath(code: string, lang: Language): Promise<string | null> {
      const names: string[] = [];
      let entry = await this.get('kato', code);
      if (!entry) return null;
      // A KATO tree is at most five levels deep; the bound also stops a cycle in bad data.
      for (let level = 0; entry && level < 6; level++) {
        names.unshift(entryName(entry, lang) ?? entry.code);
        entry = entry.parentCode ? await this.get('kato', entry.parentCode) : null;
      }
      return names.join(', ');
    },
    async list(kind: 'identity_document_types' | 'countries') {
      return directories ? directories.list(kind, { limit: 500 }) : FALLBACK[kind];
    },
  };
}

export type ProfileReference = ReturnType<typeof createProfileReference>;
