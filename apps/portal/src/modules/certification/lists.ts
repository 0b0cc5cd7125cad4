import type { Database } from '../../db/client';
import { AppError } from '../../server/errors';
import type { ListQuery, RegistryQuery, SortKey } from './schema';

/** The column behind each sort of the lists (each served by an index of tables.ts, per scope and tab). */
const SORT_COLUMNS: Record<SortKey, string> = {
  number: 'number',
  created: 'created_at',
  bin: 'applicant_bin',
  name: 'applicant_name',
  status: 'status',
  body: 'body_name',
};

/** Who is looking: the applicant organisation, the body (by BIN; submitted applications only), or everyone. */
export type ListScope = { organizationId: string } | { bodyBin: string } | 'all';

export interface ApplicationListRow {
  id: string;
  number: string;
  createdAt: string;
  applicantBin: string;
  applicantName: string;
  status: string;
  bodyBin: string | null;
  bodyName: string;
  standard: string | null;
  certificateNumber: string | null;
}

const encodeCursor = (value: string, id: string) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string'))
      return parsed as [string, string];
  } catch {
    // fall through
  }
  throw new AppError(400, 'validation_failed', {}, { cursor: 'invalid' });
}

/** Escapes LIKE wildcards so a filter is a plain prefix. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The SQL of one list page (exported so a test can check every sort is served by an index: no Sort node). */
export function applicationListQuery(scope: ListScope, q: ListQuery): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (scope !== 'all' && 'organizationId' in scope)
    where.push(`a.organization_id = ${p(scope.organizationId)}`);
  if (scope !== 'all' && 'bodyBin' in scope) where.push(`a.body_bin = ${p(scope.bodyBin)}`); // set at submission: the body never lists drafts
  where.push(`a.tab = ${p(q.tab)}`);
  if (q.status) where.push(`a.status = ${p(q.status)}`);
  if (q.standard) where.push(`a.standard = ${p(q.standard)}`);
  if (q.q) {
    const like = p(likePrefix(q.q));
    where.push(`(a.number ILIKE ${like} OR a.applicant_bin LIKE ${like} OR a.applicant_name ILIKE ${like})`);
  }
  const col = `a.${SORT_COLUMNS[q.sort]}`;
  const desc = q.order === 'desc';
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor);
    const v = q.sort === 'created' ? `${p(value)}::timestamptz` : p(value);
    where.push(`(${col}, a.id) ${desc ? '<' : '>'} (${v}, ${p(id)}::uuid)`);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const text = `SELECT a.id, a.number, a.created_at, a.applicant_bin, a.applicant_name, a.status, a.body_bin, a.body_name,
            a.standard, a.certificate_number
       FROM certification_applications a
      WHERE ${where.join(' AND ')}
      ORDER BY ${col} ${dir}, a.id ${dir}
      LIMIT ${p(q.limit + 1)}`;
  return { text, params };
}

/**
 * One page of applications, keyset-paginated: `WHERE scope AND tab AND (col, id) > (cursor)` ordered by
 * (col, id) — the index (scope, tab, col, id) serves it without OFFSET. `nextCursor` is null on the last page.
 */
export async function listApplications(
  database: Database,
  scope: ListScope,
  q: ListQuery,
): Promise<{ items: ApplicationListRow[]; nextCursor: string | null }> {
  const { text, params } = applicationListQuery(scope, q);
  const rows = await database.query<{
    id: string;
    number: string;
    created_at: Date | string;
    applicant_bin: string;
    applicant_name: string;
    status: string;
    body_bin: string | null;
    body_name: string;
    standard: string | null;
    certificate_number: string | null;
  }>(text, params);
  const page = rows.slice(0, q.limit);
  const items = page.map((r) => ({
    id: r.id,
    number: r.number,
    createdAt: new Date(r.created_at).toISOString(),
    applicantBin: r.applicant_bin,
    applicantName: r.applicant_name,
    status: r.status,
    bodyBin: r.body_bin,
    bodyName: r.body_name,
    standard: r.standard,
    certificateNumber: r.certificate_number,
  }));
  const last = items.at(-1);
  const sortValue = (row: ApplicationListRow): string =>
    ({
      number: row.number,
      created: row.createdAt,
      bin: row.applicantBin,
      name: row.applicantName,
      status: row.status,
      body: row.bodyName,
    })[q.sort];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(sortValue(last), last.id) : null };
}

export interface RegistryRow {
  number: string;
  holderBin: string;
  holderName: string;
  bodyBin: string;
  bodyName: string;
  attestatNumber: string;
  standard: string;
  scope: string;
  issuedOn: string;
  validUntil: string;
  status: 'active' | 'suspended' | 'withdrawn' | 'expired';
}

/** The status the public sees: an active or suspended certificate past its validity is expired. */
export const publicStatusSql = (today: string) =>
  `CASE WHEN c.status IN ('active','suspended') AND c.valid_until < '${today}'::date THEN 'expired' ELSE c.status END`;

/**
 * Public registry page («Реестр сертификатов СМ»): filters by number (prefix), holder BIN/IIN, holder name
 * (substring), standard, body (BIN or name substring), status; keyset on the certificate number.
 * Replaced certificates (superseded by recertification) are not listed.
 */
export async function listRegistry(
  database: Database,
  q: RegistryQuery,
  today: string,
): Promise<{ items: RegistryRow[]; nextCursor: string | null }> {
  type Row = {
    number: string;
    holder_bin: string;
    holder_name: string;
    body_bin: string;
    body_name: string;
    attestat_number: string;
    standard: string;
    scope: string;
    issued_on: string | Date;
    valid_until: string | Date;
    public_status: RegistryRow['status'];
    scanned?: string | number;
  };
  let rows: Row[] | undefined;
  let plan: 'index' | 'holders' | 'trigram' = 'index';
  if (q.organization) {
    // A name filter correlated with the number order (matches only among some bodies' numbers) makes a walk of
    // the number index long, however common the name; the trigram index answers any name but sorts every match.
    // So: count the matching holders in certification_holders (few rows). Up to HOLDERS_MAX, each one's first
    // certificates come from cert_reg_holder_idx (holder_bin, number) and are merged in number order (each holder
    // costs a read: ≈ 1 ms at 500 certificates). Past it, the name is common: walk the first NAME_WALK numbers —
    // enough matches there (or nothing further) is the exact page — else take every match from the trigram index.
    const [{ n }] = await database.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM certification_holders h WHERE h.holder_name ILIKE $1
        LIMIT ${HOLDERS_MAX + 1}) m`,
      [likeSubstring(q.organization)],
    );
    if (Number(n) <= HOLDERS_MAX) plan = 'holders';
    else {
      const walk = registryListQuery(q, today, 'walk');
      const found = await database.query<Row>(walk.text, walk.params);
      if (found.length > q.limit || (found.length > 0 && Number(found[0].scanned) < NAME_WALK)) rows = found;
      plan = 'trigram';
    }
  }
  if (!rows) {
    const { text, params } = registryListQuery(q, today, plan);
    rows = await database.query<Row>(text, params);
  }
  const items = rows.slice(0, q.limit).map((r) => ({
    number: r.number,
    holderBin: r.holder_bin,
    holderName: r.holder_name,
    bodyBin: r.body_bin,
    bodyName: r.body_name,
    attestatNumber: r.attestat_number,
    standard: r.standard,
    scope: r.scope,
    issuedOn: String(r.issued_on),
    validUntil: String(r.valid_until),
    status: r.public_status,
  }));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.number ?? null) : null };
}

/** How many certificates (in number order) the name search reads before it turns to the holders. */
const NAME_WALK = 300;

/** The most matching holders the name search pages through one by one (see listRegistry). */
const HOLDERS_MAX = 100;

/** ILIKE pattern of a plain substring (`%`, `_` and `\` escaped). */
const likeSubstring = (q: string) => `%${q.replace(/[\\%_]/g, (s) => `\\${s}`)}%`;

/**
 * The SQL of one registry page (exported so a test can check each search is served by its index). `plan`, for a
 * name search: 'walk' reads the first NAME_WALK certificates in number order and filters them (`scanned` = how
 * many it read); 'holders' finds the matching (BIN, name) pairs in certification_holders, takes the first page of
 * each holder's certificates from cert_reg_holder_idx and merges them; 'trigram' (the former plan, kept to check
 * 'holders' against) orders by an expression no index provides, so every match comes from the trigram index.
 */
export function registryListQuery(
  q: RegistryQuery,
  today: string,
  plan: 'index' | 'walk' | 'holders' | 'trigram' = 'index',
): { text: string; params: unknown[] } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('bad date');
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`c.status <> 'replaced'`];
  let byteOrder = false;
  if (q.number) {
    // A whole number (typed or from the QR page) is an exact, unique-index lookup; anything shorter a prefix.
    if (/^KZ\.SM\.\d{12}\.\d{4}\.\d{6,}$/i.test(q.number))
      where.push(`c.number = ${p(q.number.toUpperCase())}`);
    else {
      // Numbers are stored upper-case: a case-insensitive prefix is LIKE on the upper-cased input.
      const prefix = p(likePrefix(q.number.toUpperCase()));
      // KZ.SM.<body BIN>…: the body's part of the number index (cert_reg_body_idx) holds every match, in order.
      const bin = /^KZ\.SM\.(\d{12})/i.exec(q.number)?.[1];
      if (bin) where.push(`c.number LIKE ${prefix}`, `c.body_bin = ${p(bin)}`);
      else {
        // Any other prefix: a range of cert_reg_number_c_idx, read in its (byte) order — see numberOrder.
        where.push(`c.number COLLATE "C" LIKE ${prefix}`);
        byteOrder = true;
      }
    }
  }
  if (q.bin) where.push(`c.holder_bin = ${p(q.bin)}`);
  if (q.standard) where.push(`c.standard = ${p(q.standard)}`);
  if (q.body) {
    if (/^\d{12}$/.test(q.body)) where.push(`c.body_bin = ${p(q.body)}`);
    else where.push(`c.body_name ILIKE ${p(`%${q.body.replace(/[\\%_]/g, (s) => `\\${s}`)}%`)}`);
  }
  if (q.status === 'expired')
    where.push(`c.status IN ('active','suspended')`, `c.valid_until < ${p(today)}::date`);
  else if (q.status === 'active' || q.status === 'suspended')
    where.push(`c.status = ${p(q.status)}`, `c.valid_until >= ${p(today)}::date`);
  else if (q.status === 'withdrawn') where.push(`c.status = 'withdrawn'`);
  // Registry numbers are ASCII of one shape (KZ.SM.<BIN>.<year>.<n>): byte order and the database collation agree.
  const numberOrder = byteOrder ? 'c.number COLLATE "C"' : 'c.number';
  if (q.cursor) where.push(`${numberOrder} > ${p(q.cursor)}`);
  // Substring in any case (Cyrillic included): cert_reg_holder_name_trgm_idx (trigrams). Pushed last (see 'walk').
  if (q.organization) where.push(`c.holder_name ILIKE ${p(likeSubstring(q.organization))}`);
  const columns = `c.number, c.holder_bin, c.holder_name, c.body_bin, c.body_name, c.attestat_number, c.standard, c.scope,
            c.issued_on::text AS issued_on, c.valid_until::text AS valid_until, ${publicStatusSql(today)} AS public_status`;
  if (plan === 'walk') {
    const name = where.pop() as string; // the name filter, pushed last
    const text = `WITH w AS MATERIALIZED (
         SELECT ${columns} FROM certification_certificates c
          WHERE ${where.join(' AND ')} ORDER BY ${numberOrder} LIMIT ${NAME_WALK})
       SELECT c.*, (SELECT count(*) FROM w) AS scanned FROM w c
        WHERE ${name}
        ORDER BY ${numberOrder}
        LIMIT ${p(q.limit + 1)}`;
    return { text, params };
  }
  if (plan === 'holders') {
    // The trigram search runs on the distinct holders (few rows); per holder, the index (holder_bin, number)
    // yields its certificates in number order from the cursor on: at most a page each, merged and cut. The name
    // is compared inside a CASE: pg_trgm's GIN index also answers `=` (intersecting it costs 15 ms a holder), and an
    // opaque condition is estimated at half the rows, so the planner reads the holder index in order and stops.
    const name = (where.pop() as string).replace('c.holder_name', 'h.holder_name');
    const limit = p(q.limit + 1);
    const text = `WITH h AS MATERIALIZED (
         SELECT h.holder_bin, h.holder_name FROM certification_holders h WHERE ${name})
       SELECT c.* FROM h CROSS JOIN LATERAL (
         SELECT ${columns} FROM certification_certificates c
          WHERE c.holder_bin = h.holder_bin AND CASE WHEN c.holder_name = h.holder_name THEN true END
            AND ${where.join(' AND ')}
          ORDER BY ${numberOrder} LIMIT ${limit}) c
        ORDER BY ${numberOrder}
        LIMIT ${limit}`;
    return { text, params };
  }
  const text = `SELECT ${columns}
       FROM certification_certificates c
      WHERE ${where.join(' AND ')}
      ORDER BY ${plan === 'trigram' ? `(${numberOrder} || '')` : numberOrder}
      LIMIT ${p(q.limit + 1)}`;
  return { text, params };
}
