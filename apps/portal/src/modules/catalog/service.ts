import { readFileSync } from 'node:fs';
import { type CatalogEntry, type CatalogNode, catalogFileSchema } from './schema';

/** The catalogue's web root: «Услуги». */
export const CATALOG_WEB_ROOT = '/services';

/**
 * The service catalogue as a tree (docs/catalog.md): read from catalog.json, checked once — unique ids, one
 * root, every parent a known section, no cycles, a service has an href — so a bad edit stops the start
 * instead of showing a broken page.
 */
export function buildCatalog(entries: CatalogEntry[]) {
  const byId = new Map<string, CatalogEntry>();
  for (const e of entries) {
    if (byId.has(e.id)) throw new Error(`catalog: duplicate id ${e.id}`);
    byId.set(e.id, e);
  }
  const roots = entries.filter((e) => e.parent === null);
  if (roots.length !== 1) throw new Error(`catalog: expected one root, found ${roots.length}`);
  for (const e of entries) {
    if (e.parent !== null) {
      const parent = byId.get(e.parent);
      if (!parent) throw new Error(`catalog: ${e.id} has an unknown parent ${e.parent}`);
      if (parent.kind !== 'section')
        throw new Error(`catalog: ${e.id}'s parent ${e.parent} is not a section`);
    }
    if (e.kind === 'service' && !e.href) throw new Error(`catalog: service ${e.id} has no href`);
  }
  const ancestorsOf = (e: CatalogEntry): string[] => {
    const chain: string[] = [];
    let p = e.parent;
    while (p !== null) {
      if (chain.includes(p) || chain.length > entries.length) throw new Error(`catalog: cycle at ${e.id}`);
      chain.unshift(p);
      p = byId.get(p)!.parent;
    }
    return chain;
  };
  const sorted = [...entries].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const nodes = new Map<string, CatalogNode>();
  for (const e of sorted) {
    const ancestors = ancestorsOf(e);
    // The root is /services itself; below it the path holds every id but the root's.
    const segments = [...ancestors.slice(1), ...(e.parent === null ? [] : [e.id])];
    nodes.set(e.id, {
      ...e,
      path: [CATALOG_WEB_ROOT, ...segments].join('/'),
      ancestors,
      children: sorted.filter((c) => c.parent === e.id).map((c) => c.id),
    });
  }
  // Tree order (pre-order from the root): a parent before its children, siblings by `order`.
  const list: CatalogNode[] = [];
  const visit = (id: string) => {
    const node = nodes.get(id)!;
    list.push(node);
    for (const child of node.children) visit(child);
  };
  visit(roots[0].id);
  return {
    nodes: list,
    get: (id: string) => nodes.get(id),
    /** The node at a catalogue web path (/services/certification/…), or undefined. */
    byPath: (path: string) => list.find((n) => n.path === path.replace(/\/+$/, '')),
    trail: (id: string) => {
      const node = nodes.get(id);
      return node ? [...node.ancestors.map((a) => nodes.get(a)!), node] : [];
    },
    childrenOf: (id: string) => (nodes.get(id)?.children ?? []).map((c) => nodes.get(c)!),
  };
}

export type Catalog = ReturnType<typeof buildCatalog>;

let loaded: Catalog | undefined;

/** The portal's catalogue (catalog.json next to this file), loaded once. */
export function portalCatalog(): Catalog {
  if (!loaded) {
    const raw = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'));
    loaded = buildCatalog(catalogFileSchema.parse(raw).entries);
  }
  return loaded;
}
