import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { listRegistry, registryListQuery } from './lists';
import { registryQuery } from './schema';

// Public registry searches by holder name (substring, any case) and by number prefix, on PGlite and PostgreSQL.

let database: Database;
const today = '2026-06-01';

/** Certificates by body BIN and holder name; numbers KZ.SM.<body BIN>.2026.<n>. */
const CERTS: [string, string][] = [
  ['990100000001', 'ТОО «Әлем Құрылыс»'],
  ['990100000001', 'АО «Астана Energy»'],
  ['990100000002', 'ИП Иванов И.И.'],
  ['990100000002', 'ТОО «Алем-Сервис»'],
  ['990100000011', 'ТОО «Құрылыс Монтаж»'],
  ['990100000011', 'ТОО «100% Качество»'],
  ['990100000012', 'ТОО «Северный ветер»'],
  ['990200000001', 'ТОО «Прочее_Имя»'],
];
const numberOf = (i: number) => `KZ.SM.${CERTS[i][0]}.2026.${String(i + 1).padStart(6, '0')}`;

/** Issues one certificate (with its application) to the holder: number, body BIN, holder BIN and name. */
async function issue(number: string, bodyBin: string, holderBin: string, name: string) {
  const [app] = await database.query<{ id: string }>(
    `INSERT INTO certification_applications
       (number, organization_id, created_by_account_id, applicant_bin, applicant_name, body_bin, body_name,
        standard, status, tab, created_at, updated_at)
     VALUES ($1, gen_random_uuid(), gen_random_uuid(), $2, $3, $4, 'ТОО «ОПС»', 'ISO 9001',
             'certificate_active', 'active', now(), now())
     RETURNING id`,
    [`SM-${number}`, holderBin, name, bodyBin],
  );
  await database.query(
    `INSERT INTO certification_certificates
       (number, application_id, organization_id, holder_bin, holder_name, body_bin, body_name, attestat_number,
        standard, scope, issued_on, valid_until, status, created_at, updated_at)
     SELECT $1, id, organization_id, applicant_bin, applicant_name, body_bin, body_name, 'KZ.O.02.0001',
            standard, 'Область', '2026-01-01', '2029-01-01', 'active', now(), now()
       FROM certification_applications WHERE id = $2`,
    [number, app.id],
  );
}

const holderBinOf = (i: number) => `24014000${String(i).padStart(4, '0')}`;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [i, [bodyBin, name]] of CERTS.entries()) await issue(numberOf(i), bodyBin, holderBinOf(i), name);
});

afterAll(async () => {
  await database?.close();
});

/** Every page of a search (page size 2), following the cursor: the holder names in page order. */
async function search(filters: Record<string, string>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listRegistry>> = await listRegistry(
      database,
      registryQuery.parse({ ...filters, limit: '2', ...(cursor ? { cursor } : {}) }),
      today,
    );
    seen.push(...page.items.map((r) => r.number));
    cursor = page.nextCursor;
  } while (cursor);
  expect(new Set(seen).size, 'no certificate twice across pages').toBe(seen.length);
  expect(seen, 'pages in number order').toEqual([...seen].sort());
  return seen.map((n) => CERTS[Number(n.slice(-6)) - 1][1]);
}

describe('registry search by organisation name', () => {
  it('finds a substring in any case, Cyrillic and Kazakh letters included, inside words', async () => {
    expect(await search({ organization: 'әлем' })).toEqual(['ТОО «Әлем Құрылыс»']);
    expect(await search({ organization: 'ҚҰРЫЛ' })).toEqual(['ТОО «Әлем Құрылыс»', 'ТОО «Құрылыс Монтаж»']);
    expect(await search({ organization: 'құрылыс м' })).toEqual(['ТОО «Құрылыс Монтаж»']);
    expect(await search({ organization: 'ENERGY' })).toEqual(['АО «Астана Energy»']);
    expect(await search({ organization: 'стан' })).toEqual(['АО «Астана Energy»']);
    expect(await search({ organization: 'ерный ве' })).toEqual(['ТОО «Северный ветер»']);
    // Short terms (fewer than 3 letters: no trigram) still match.
    expect(await search({ organization: 'ив' })).toEqual(['ИП Иванов И.И.']);
    expect(await search({ organization: 'тоо' })).toHaveLength(6);
  });

  it('the number-order walk and the trigram index give the same pages', async () => {
    for (const organization of ['тоо', 'ҚҰРЫЛ', 'ив', '100%', 'нет такого'])
      for (const cursor of [undefined, numberOf(3)]) {
        const q = registryQuery.parse({ organization, limit: '2', ...(cursor ? { cursor } : {}) });
        const page = async (plan: 'walk' | 'trigram') => {
          const { text, params } = registryListQuery(q, today, plan);
          return (await database.query<{ number: string }>(text, params)).map((r) => r.number);
        };
        const trigram = await page('trigram');
        expect(await page('walk'), `${organization} ${cursor}`).toEqual(trigram);
      }
  });

  it('treats % and _ as plain characters; no match is an empty page', async () => {
    expect(await search({ organization: '100%' })).toEqual(['ТОО «100% Качество»']);
    expect(await search({ organization: 'е_и' })).toEqual(['ТОО «Прочее_Имя»']);
    expect(await search({ organization: '%' })).toEqual(['ТОО «100% Качество»']);
    expect(await search({ organization: 'Несуществующее' })).toEqual([]);
  });
});

describe('registry search by number prefix', () => {
  it('without the body BIN: any case, every match once, in number order across pages', async () => {
    expect(await search({ number: 'kz.sm.99010000001' })).toEqual([
      'ТОО «Құрылыс Монтаж»',
      'ТОО «100% Качество»',
      'ТОО «Северный ветер»',
    ]);
    expect(await search({ number: 'KZ.SM.9901' })).toHaveLength(7);
    expect(await search({ number: 'kz.sm.' })).toHaveLength(8);
    expect(await search({ number: 'KZ.SM.9903' })).toEqual([]);
  });

  it('with the body BIN, and combined with the name', async () => {
    expect(await search({ number: 'kz.sm.990100000002.2026' })).toEqual([
      'ИП Иванов И.И.',
      'ТОО «Алем-Сервис»',
    ]);
    expect(await search({ number: 'KZ.SM.9901', organization: 'құрылыс' })).toEqual([
      'ТОО «Әлем Құрылыс»',
      'ТОО «Құрылыс Монтаж»',
    ]);
  });
});

describe('registry search plans', () => {
  /** The plan of one registry query with its parameters inlined, under the given planner settings. */
  async function plan(filters: Record<string, string>, settings: string[], how?: 'trigram'): Promise<string> {
    const { text, params } = registryListQuery(registryQuery.parse(filters), today, how);
    const literal = (v: unknown) =>
      typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    const inlined = text.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]));
    let out = '';
    // One transaction (one connection of the pool): SET LOCAL applies to the EXPLAIN.
    await database.db.transaction(async (trx) => {
      const tx = trx as unknown as Db;
      for (const s of settings) await tx.execute(sql.raw(`SET LOCAL ${s}`));
      const res = (await tx.execute(sql.raw(`EXPLAIN ${inlined}`))) as unknown as {
        rows: { 'QUERY PLAN': string }[];
      };
      out = res.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    return out;
  }

  it('a number prefix without the BIN is a range of the byte-ordered number index, no sort', async () => {
    const searches: Record<string, string>[] = [
      { number: 'kz.sm.99' },
      { number: 'KZ.SM.9901', cursor: numberOf(2) },
    ];
    for (const filters of searches) {
      const p = await plan(filters, ['enable_seqscan = off', 'enable_sort = off', 'enable_bitmapscan = off']);
      expect(p).toMatch(/Index Scan using cert_reg_number_c_idx/);
      expect(p).toMatch(/Index Cond: .*number.* >= 'KZ\.SM\.9/);
      expect(p).not.toMatch(/Sort\b(?! Key)/);
    }
  });

  it('an organisation name substring is answered by the trigram index', async () => {
    // Bitmap scans only: the trigram index is the one index that can answer ILIKE '%…%'.
    for (const organization of ['әлем құр', 'ЭНЕРДЖИ', 'energy']) {
      const p = await plan({ organization }, ['enable_seqscan = off', 'enable_indexscan = off'], 'trigram');
      expect(p).toMatch(/Bitmap Index Scan on cert_reg_holder_name_trgm_idx/);
    }
  });
});

describe('registry search through the distinct holders', () => {
  /** One page of a name search under the given plan: the certificate numbers. */
  async function page(filters: Record<string, string>, plan: 'holders' | 'trigram'): Promise<string[]> {
    const { text, params } = registryListQuery(registryQuery.parse({ limit: '2', ...filters }), today, plan);
    return (await database.query<{ number: string }>(text, params)).map((r) => r.number);
  }

  it('gives the same pages as the trigram index over every certificate', async () => {
    const searches: Record<string, string>[] = [];
    for (const organization of ['тоо', 'ҚҰРЫЛ', 'ив', '100%', 'е_и', 'ветер', 'нет такого'])
      for (const more of [
        {},
        { cursor: numberOf(3) },
        { number: 'kz.sm.99' },
        { status: 'active' },
      ] as Record<string, string>[])
        searches.push({ organization, ...more });
    for (const filters of searches)
      expect(await page(filters, 'holders'), JSON.stringify(filters)).toEqual(await page(filters, 'trigram'));
  });

  it('finds a holder added or renamed by a new certificate', async () => {
    const renamed = 'KZ.SM.990300000001.2026.000101';
    const added = 'KZ.SM.990300000001.2026.000102';
    expect(await page({ organization: 'ветер плюс' }, 'holders')).toEqual([]);
    expect(await page({ organization: 'новый держатель' }, 'holders')).toEqual([]);
    // The holder of «Северный ветер» renamed (same BIN, a new name on its new certificate), and a new holder.
    await issue(renamed, '990300000001', holderBinOf(6), 'ТОО «Северный ветер Плюс»');
    await issue(added, '990300000001', '240140009999', 'ТОО «Новый Держатель»');
    expect(await page({ organization: 'ветер плюс' }, 'holders')).toEqual([renamed]);
    expect(await page({ organization: 'новый держатель' }, 'holders')).toEqual([added]);
    // The old name still finds the holder's earlier certificate; both names match «ветер», in number order.
    expect(await page({ organization: 'Северный ветер»' }, 'holders')).toEqual([numberOf(6)]);
    expect(await page({ organization: 'ветер' }, 'holders')).toEqual([numberOf(6), renamed]);
    // And through listRegistry.
    const found = await listRegistry(database, registryQuery.parse({ organization: 'ветер плюс' }), today);
    expect(found.items.map((r) => [r.number, r.holderBin, r.holderName])).toEqual([
      [renamed, holderBinOf(6), 'ТОО «Северный ветер Плюс»'],
    ]);
    for (const organization of ['ветер', 'держат', 'тоо'])
      for (const cursor of [undefined, numberOf(5)]) {
        const filters = { organization, ...(cursor ? { cursor } : {}) };
        expect(await page(filters, 'holders'), JSON.stringify(filters)).toEqual(
          await page(filters, 'trigram'),
        );
      }
  });
});
