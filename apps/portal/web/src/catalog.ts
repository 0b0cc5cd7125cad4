import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Language } from './i18n';

/** An entry of GET /api/v1/catalog (modules/catalog/schema.ts). */
export interface CatalogNode {
  id: string;
  parent: string | null;
  kind: 'section' | 'service';
  order: number;
  name: Record<Language, string>;
  description: Record<Language, string>;
  /** Services: where the service starts on the portal. */
  href?: string;
  requiresLogin?: boolean;
  /** The catalogue page of the entry (/services/…). */
  path: string;
  ancestors: string[];
  children: string[];
}

/** The leaf of seed 000's path: «Сертификация соответствия системы менеджмента». */
export const MANAGEMENT_SYSTEM_CERTIFICATION = 'management-system-certification';

/** The whole catalogue (a handful of entries; it rarely changes, so it is fetched once per visit). */
export function useCatalog() {
  return useQuery({
    queryKey: ['catalog'],
    queryFn: async () => (await api<{ nodes: CatalogNode[] }>('/api/v1/catalog')).nodes,
    staleTime: 10 * 60_000,
  });
}

/** Root → node, by ancestors. */
export function trailOf(nodes: CatalogNode[], id: string): CatalogNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const node = byId.get(id);
  if (!node) return [];
  return [...node.ancestors.map((a) => byId.get(a)).filter((n): n is CatalogNode => !!n), node];
}

/** The entry whose catalogue page is `pathname` (trailing slashes ignored). */
export function nodeAtPath(nodes: CatalogNode[], pathname: string): CatalogNode | undefined {
  const path = pathname.replace(/\/+$/, '');
  return nodes.find((n) => n.path === path);
}
