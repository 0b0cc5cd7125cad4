/**
 * Certification lists benchmark (`npm run bench:registry`, PostgreSQL: DATABASE_URL must be set).
 * Seeds BENCH_ROWS (default 1 000 000) applications — 2 000 applicant organisations, 20 bodies, every status — and a
 * certificate for each certified one, then, at 16 concurrent connections, pages through every list the portal
 * serves: the applicant's tabs, the body's queue and the moderator's view (every tab × sort × direction, first page
 * and a cursor page), and the public registry's searches. Floor: p99 < 30 ms per page. Writes the "Certification
 * lists" section of docs/benchmarks.md. Measures the service's own list functions (SQL + row mapping), not HTTP.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../apps/portal/src/db/client';
import { listApplications, listRegistry } from '../apps/portal/src/modules/certification/lists';
import { listQuery, registryQuery } from '../apps/portal/src/modules/certification/schema';
import { createTestDatabase } from '../apps/portal/src/test/db';
import { writeBenchSection } from './sections';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CONNECTIONS = 16;
const PER_CASE = Number(process.env.BENCH_PER_CASE ?? 64);
const FLOOR_MS = 30;
const ORGS = 2000;
const BODIES = 20;
const root = join(import.meta.dirname, '..');

const STATUSES = [
  ['draft', 'drafts'],
  ['returned', 'drafts'],
  ['submitted', 'review'],
  ['registered', 'review'],
  ['audit_planned', 'review'],
  ['stage2_done', 'review'],
  ['certificate_active', 'active'],
  ['certificate_active', 'active'],
  ['certificate_suspended', 'suspended'],
  ['certificate_withdrawn', 'closed'],
] as const;

const orgId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const bodyBin = (i: number) => `9901${String(i).padStart(8, '0')}`;

async function seed(pool: pg.Pool) {
  const statusCase = `CASE (i % 10) ${STATUSES.map(([s], k) => `WHEN ${k} THEN '${s}'`).join(' ')} END`;
  const tabCase = `CASE (i % 10) ${STATUSES.map(([, t], k) => `WHEN ${k} THEN '${t}'`).join(' ')} END`;
  const batch = 100_000;
  for (let from = 1; from <= ROWS; from += batch) {
    const to = Math.min(ROWS, from + batch - 1);
    await pool.query(
      `INSERT INTO certification_applications
         (id, number, organization_id, created_by_account_id, applicant_bin, applicant_name, body_bin, body_name,
          standard, status, tab, form, submitted_at, event_count, created_at, updated_at, certificate_number)
       SELECT md5('app' || i)::uuid,
              'SM-2026-' || lpad(i::text, 7, '0'),
              ('00000000-0000-4000-8000-' || lpad(to_hex(i % ${ORGS}), 12, '0'))::uuid,
              '00000000-0000-4000-8000-000000000000',
              '2401400' || lpad((i % ${ORGS})::text, 5, '0'),
              'ТОО «Заявитель ' || (i % ${ORGS}) || '»',
              CASE WHEN i % 10 = 0 THEN NULL ELSE '9901' || lpad((i % ${BODIES})::text, 8, '0') END,
              'ТОО «ОПС ' || (i % ${BODIES}) || '»',
              (ARRAY['ISO 9001','ISO 14001','ISO 45001','ISO 22000','ISO 50001','ISO 27001','ISO 37001'])[1 + i % 7],
              ${statusCase}, ${tabCase}, '{}'::jsonb,
              CASE WHEN i % 10 = 0 THEN NULL ELSE now() - (i || ' seconds')::interval END,
              1, now() - (i || ' seconds')::interval, now(),
              CASE WHEN i % 10 >= 6
                   THEN 'KZ.SM.9901' || lpad((i % ${BODIES})::text, 8, '0') || '.2026.' || lpad(i::text, 7, '0') END
         FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
    process.stdout.write(`\rapplications ${to}/${ROWS}`);
  }
  process.stdout.write('\n');
  await pool.query(
    `INSERT INTO certification_certificates
       (number, application_id, organization_id, holder_bin, holder_name, body_bin, body_name, attestat_number,
        standard, scope, issued_on, valid_until, status, surveillance, created_at, updated_at)
     SELECT 'KZ.SM.' || body_bin || '.2026.' || substr(number, 9), id, organization_id, applicant_bin, applicant_name,
            body_bin, body_name, 'KZ.O.02.' || right(body_bin, 4), standard, 'Область сертификации',
            (date '2025-01-01' + (right(number, 3)::int)), (date '2028-01-01' + (right(number, 3)::int) - 400),
            CASE status WHEN 'certificate_active' THEN 'active' WHEN 'certificate_suspended' THEN 'suspended'
                        ELSE 'withdrawn' END,
            '[]'::jsonb, created_at, now()
       FROM certification_applications WHERE status LIKE 'certificate_%'`,
  );
  await pool.query('ANALYZE certification_applications');
  await pool.query('ANALYZE certification_certificates');
  await pool.query('ANALYZE certification_holders'); // filled by the trigger of migration 0019
}

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)];
};

/**
 * Runs `task` PER_CASE times, CONNECTIONS at once, after one unmeasured warm-up round (connections open, plans and
 * pages cached); `task` reports each page's latency through `time`.
 */
async function measure(task: (k: number, time: <T>(fn: () => Promise<T>) => Promise<T>) => Promise<unknown>) {
  const times: number[] = [];
  const timed = async <T>(fn: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await fn();
    times.push(performance.now() - t0);
    return r;
  };
  const untimed = <T>(fn: () => Promise<T>) => fn();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, k) => task(k, untimed)));
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < PER_CASE) await task(next++, timed);
    }),
  );
  return times;
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:registry needs PostgreSQL: set DATABASE_URL (an admin URL; a scratch database is created)',
    );
    process.exit(2);
  }
  const scratch = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: scratch.url, max: CONNECTIONS });
  const database = {
    kind: 'postgres',
    query: async (text: string, params?: unknown[]) => (await pool.query(text, params)).rows,
  } as unknown as Database;
  try {
    const t0 = performance.now();
    await seed(pool);
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(`seeded ${ROWS} applications in ${seedSeconds.toFixed(0)} s`);

    // The machine's reference figure, same run and harness: a one-row primary-key read at the same concurrency —
    // the floor under any page this database can serve.
    const ids = (await pool.query('SELECT id FROM certification_applications LIMIT 64')).rows.map(
      (r) => r.id,
    );
    const referenceTimes = await measure((k, time) =>
      time(() => pool.query('SELECT * FROM certification_applications WHERE id = $1', [ids[k % ids.length]])),
    );
    const referenceP99 = p99(referenceTimes);
    console.log(`reference: primary-key read p99 ${referenceP99.toFixed(1)} ms`);

    const rows: { view: string; tab: string; p99: number; worst: string }[] = [];
    const views = [
      ['applicant', (k: number) => ({ organizationId: orgId((k * 37) % ORGS) })],
      ['body', (k: number) => ({ bodyBin: bodyBin(k % BODIES) })],
      ['moderator', () => 'all' as const],
    ] as const;
    for (const [view, scopeOf] of views)
      for (const tab of ['active', 'review', 'suspended', 'drafts'] as const) {
        let worst = { p99: 0, what: '' };
        for (const sort of ['number', 'created', 'bin', 'name', 'status', 'body'] as const)
          for (const order of ['asc', 'desc'] as const) {
            const times = await measure(async (k, time) => {
              const scope = scopeOf(k);
              const first = await time(() =>
                listApplications(database, scope, listQuery.parse({ tab, sort, order })),
              );
              const cursor = first.nextCursor;
              if (k % 2 && cursor)
                await time(() =>
                  listApplications(database, scope, listQuery.parse({ tab, sort, order, cursor })),
                );
            });
            const p = p99(times);
            if (p > worst.p99) worst = { p99: p, what: `${sort} ${order}` };
          }
        rows.push({ view, tab, p99: worst.p99, worst: worst.what });
        console.log(`${view} ${tab}: worst p99 ${worst.p99.toFixed(1)} ms (${worst.what})`);
      }

    const today = new Date().toISOString().slice(0, 10);
    const searches: [string, Record<string, string>][] = [
      ['all', {}],
      ['by BIN/IIN', { bin: '240140000777' }],
      ['by number', { number: 'KZ.SM.990100000007.2026.0500007' }],
      ['by number prefix', { number: 'KZ.SM.990100000007' }],
      ['by number prefix without the body BIN', { number: 'kz.sm.99010000001' }],
      ['by standard', { standard: 'ISO 27001' }],
      ['by status active', { status: 'active' }],
      ['by status suspended', { status: 'suspended' }],
      ['by body BIN', { body: bodyBin(3) }],
      ['by organisation name (rare)', { organization: 'Заявитель 1234»' }],
      ['by organisation name (common, any case)', { organization: 'заявитель' }],
      ['by organisation name (partial word)', { organization: 'явитель 77' }],
    ];
    const registry: { search: string; p99: number }[] = [];
    for (const [name, filters] of searches) {
      const times = await measure(async (k, time) => {
        const first = await time(() => listRegistry(database, registryQuery.parse(filters), today));
        const cursor = first.nextCursor;
        if (k % 2 && cursor)
          await time(() => listRegistry(database, registryQuery.parse({ ...filters, cursor }), today));
      });
      registry.push({ search: name, p99: p99(times) });
      console.log(`registry ${name}: p99 ${p99(times).toFixed(1)} ms`);
    }

    const all = [...rows.map((r) => r.p99), ...registry.map((r) => r.p99)];
    const pass = Math.max(...all) < FLOOR_MS;
    const md = [
      '## Certification lists (`npm run bench:registry`)',
      '',
      `${ROWS.toLocaleString('en')} applications (${ORGS} applicants, ${BODIES} bodies, every status) and their certificates on`,
      `PostgreSQL; ${CONNECTIONS} concurrent connections, ${PER_CASE} calls per case (a first page, every other call also`,
      'the cursor page), page size 20. Measured: the service list functions (SQL and row mapping). Floor: p99 < 30 ms.',
      `Run ${new Date().toISOString().slice(0, 16)}Z (load average ${loadavg()[0].toFixed(1)} on this machine), seed ${seedSeconds.toFixed(0)} s — **${pass ? 'PASS' : 'FAIL'}**.`,
      `Reference of the same run: a one-row primary-key read, same harness and concurrency, p99 ${referenceP99.toFixed(1)} ms.`,
      '',
      '| view | tab | worst p99 over 6 sorts × 2 directions | worst case |',
      '|---|---|---|---|',
      ...rows.map((r) => `| ${r.view} | ${r.tab} | ${r.p99.toFixed(1)} ms | ${r.worst} |`),
      '',
      '| public registry search | p99 |',
      '|---|---|',
      ...registry.map((r) => `| ${r.search} | ${r.p99.toFixed(1)} ms |`),
    ].join('\n');
    writeBenchSection(join(root, 'docs/benchmarks.md'), 'registry', md);
    console.log(pass ? 'PASS' : `FAIL: a p99 is ≥ ${FLOOR_MS} ms`);
    if (!pass) process.exitCode = 1;
  } finally {
    await pool.end();
    await scratch.close();
  }
}

await main();
