import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import type { CatalogEntry } from './schema';
import { buildCatalog, portalCatalog } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const SEED_PATH_RU = [
  'Услуги',
  'Сертификация',
  'Сервис электронной сертификации',
  'Сертификация соответствия системы менеджмента',
];

describe('the catalogue (seed 000 path)', () => {
  it('GET /api/v1/catalog: the tree root first, names and descriptions in kk/ru/en, web paths', async () => {
    const res = await apiClient(t.app).get('/api/v1/catalog');
    expect(res.statusCode).toBe(200);
    const { nodes } = res.json() as { nodes: (CatalogEntry & { path: string; children: string[] })[] };
    expect(nodes[0]).toMatchObject({
      id: 'services',
      parent: null,
      path: '/services',
      children: ['certification'],
    });
    for (const n of nodes) {
      for (const lang of ['ru', 'kk', 'en'] as const) {
        expect(n.name[lang].length, `${n.id} name ${lang}`).toBeGreaterThan(0);
        expect(n.description[lang].length, `${n.id} description ${lang}`).toBeGreaterThan(0);
      }
    }
    const leaf = nodes.find((n) => n.id === 'management-system-certification')!;
    expect(leaf).toMatchObject({
      kind: 'service',
      href: '/certification',
      path: '/services/certification/e-certification/management-system-certification',
    });
    expect(leaf.name.kk).toBe('Менеджмент жүйесінің сәйкестігін сертификаттау');
  });

  it('GET /api/v1/catalog/:id: breadcrumbs exactly as in seed 000, children; 404 for an unknown id', async () => {
    const c = apiClient(t.app);
    const res = await c.get('/api/v1/catalog/management-system-certification');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.trail.map((n: CatalogEntry) => n.name.ru)).toEqual(SEED_PATH_RU);
    expect(body.children).toEqual([]);
    const section = (await c.get('/api/v1/catalog/e-certification')).json();
    expect(section.children.map((n: CatalogEntry) => n.id)).toEqual(['management-system-certification']);
    const missing = await c.get('/api/v1/catalog/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('byPath finds an entry by its web path (trailing slash too)', () => {
    const catalog = portalCatalog();
    expect(catalog.byPath('/services/certification/')?.id).toBe('certification');
    expect(catalog.byPath('/services')?.id).toBe('services');
    expect(catalog.byPath('/services/unknown')).toBeUndefined();
  });
});

describe('buildCatalog refuses a broken catalogue', () => {
  const text = { ru: 'x', kk: 'x', en: 'x' };
  const entry = (
    id: string,
    parent: string | null,
    kind: 'section' | 'service' = 'section',
    href?: string,
  ): CatalogEntry => ({
    id,
    parent,
    kind,
    order: 1,
    name: text,
    description: text,
    ...(href ? { href } : {}),
  });

  it('duplicate ids, two roots, unknown parents, a service as parent, a service without href, a cycle', () => {
    expect(() => buildCatalog([entry('a', null), entry('a', 'a')])).toThrow(/duplicate id a/);
    expect(() => buildCatalog([entry('a', null), entry('b', null)])).toThrow(/one root/);
    expect(() => buildCatalog([entry('a', null), entry('b', 'zzz')])).toThrow(/unknown parent/);
    expect(() => buildCatalog([entry('a', null), entry('s', 'a', 'service', '/x'), entry('c', 's')])).toThrow(
      /not a section/,
    );
    expect(() => buildCatalog([entry('a', null), entry('s', 'a', 'service')])).toThrow(/no href/);
    expect(() => buildCatalog([entry('r', null), entry('a', 'b'), entry('b', 'a')])).toThrow(/cycle/);
  });
});
