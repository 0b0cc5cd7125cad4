import { loadDirectoryData } from '../directories/data';
import type { Classified } from './adapter';

// Names for the classifier codes the stand-in's legal entities carry (КОПФ, КФС, КСЕ, КРП, ОКЭД), read from the
// directories module's data files (docs/reference-data.md) so the registry and the directories never disagree.
// A real ГБД ЮЛ integration returns its own names.

type Kind = 'kopf' | 'kfs' | 'kse' | 'krp' | 'oked';

const tables = new Map<Kind, Map<string, { nameRu: string; nameKk: string }>>();

function table(kind: Kind) {
  let t = tables.get(kind);
  if (!t) {
    t = new Map(
      loadDirectoryData().byKind[kind].map((e) => [e.code, { nameRu: e.nameRu, nameKk: e.nameKk }]),
    );
    tables.set(kind, t);
  }
  return t;
}

export function classified(kind: Kind, code: string): Classified {
  const entry = table(kind).get(code);
  return { code, nameRu: entry?.nameRu ?? code, nameKk: entry?.nameKk ?? code };
}
