import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import type { StateRegistry } from './adapter';
import {
  DEMO_REGISTRY_BINS,
  DEMO_REGISTRY_IINS,
  DEMO_REGISTRY_LEGAL_ENTITIES,
  DEMO_REGISTRY_PERSONS,
} from './demo-data';
import { registryRefusalError } from './eligibility';
import { createEmbeddedRegistry, loadDemoRegistryData } from './embedded';
import { LEGAL_ENTITY_LOOKUPS_PER_MINUTE } from './routes';
import { createRegistryService } from './service';

let t: TestApp;
let registry: StateRegistry;
/** The embedded registry's clock for document validity. */
let today = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp({
    // A route that throws the refusal the identity flows throw, to see it go through the real error handler.
    extend: (app) =>
      app.get('/api/v1/test/registry-refusal/:iin', async (req) => {
        const r = await t.ctx.registry.checkRegistrationEligibility((req.params as { iin: string }).iin);
        if (!r.ok) throw registryRefusalError(r);
        return { ok: true };
      }),
  });
  await loadDemoRegistryData(t.database.db);
  registry = createEmbeddedRegistry(t.database.db, { now: () => today });
});

afterAll(async () => {
  await t?.close();
});

const counts = async () =>
  (
    await t.database.query<{ p: string; d: string; e: string }>(
      `SELECT (SELECT count(*) FROM registry_persons) AS p, (SELECT count(*) FROM registry_person_documents) AS d,
              (SELECT count(*) FROM registry_legal_entities) AS e`,
    )
  )[0];

/** GET from a given client address (each test its own, so rate-limit buckets do not mix). */
const lookup = (bin: string, ip: string, lang = 'ru') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/registry/legal-entities/${encodeURIComponent(bin)}`,
    remoteAddress: ip,
    headers: { 'accept-language': lang },
  });

describe('loading the demo registry', () => {
  it('is idempotent: a second load changes no counts and restores edited rows', async () => {
    const before = await counts();
    expect(Number(before.p)).toBe(DEMO_REGISTRY_PERSONS.length);
    expect(Number(before.e)).toBe(DEMO_REGISTRY_LEGAL_ENTITIES.length);
    await t.database.db.execute(sql`UPDATE registry_persons SET surname = 'X' WHERE iin = '871008401427'`);
    expect(await loadDemoRegistryData(t.database.db)).toEqual({
      persons: DEMO_REGISTRY_PERSONS.length,
      legalEntities: DEMO_REGISTRY_LEGAL_ENTITIES.length,
    });
    expect(await counts()).toEqual(before);
    expect((await registry.findPerson('871008401427'))?.surname).toBe('АХМЕТОВА');
  });
});

describe('embedded StateRegistry', () => {
  it('satisfies the adapter interface (type-level and every method answering)', async () => {
    const asAdapter: StateRegistry = createEmbeddedRegistry(t.database.db) satisfies StateRegistry;
    const methods: (keyof StateRegistry)[] = [
      'findPerson',
      'findLegalEntity',
      'listLegalEntitiesByHead',
      'checkPersonDocument',
      'checkLegalEntityCertificate',
      'isInMobileCitizenBase',
    ];
    for (const m of methods) expect(typeof asAdapter[m]).toBe('function');
    // The service accepts any adapter: here the embedded one passed explicitly.
    const service = createRegistryService(t.database.db, asAdapter);
    expect((await service.findPerson('760212350620'))?.firstName).toBe('НУРЛАН');
  });

  it('finds a person with code tables resolved, documents and Kazakh names', async () => {
    const p = await registry.findPerson('760212350620');
    expect(p).toMatchObject({
      surname: 'ЖУМАБЕКОВ',
      firstName: 'НУРЛАН',
      patronymic: 'ЕРЖАНОВИЧ',
      namesKk: { surname: 'ЖҰМАБЕКОВ', firstName: 'НҰРЛАН', patronymic: 'ЕРЖАНҰЛЫ' },
      birthDate: '1976-02-12',
      sex: 'male',
      lifeStatus: { code: 0, nameRu: 'Нормальный' },
      exclusion: null,
      legalCapacity: { code: 1, nameRu: 'ДЕЕСПОСОБНЫЙ' },
      mobile: '+77017654321',
    });
    expect(p!.documents.map((d) => [d.type, d.number, d.issueDate])).toEqual([
      ['id_card', '038765432', '2016-06-01'],
      ['passport', 'N12345678', '2021-09-10'],
    ]);
    const excluded = await registry.findPerson(DEMO_REGISTRY_IINS.exclusion[7]);
    expect(excluded?.exclusion?.nameRu).toBe(
      'Вступление в силу решения суда о признании физического лица безвестно отсутствующим (условное исключение)',
    );
    expect(await registry.findPerson(DEMO_REGISTRY_IINS.unknown)).toBeNull();
    expect(await registry.findPerson("1' OR '1'='1")).toBeNull();
  });

  it('finds legal entities with classifiers, and by head', async () => {
    const e = await registry.findLegalEntity('940140000385');
    expect(e).toMatchObject({
      kind: 'legal_entity',
      shortNameRu: 'ТОО «Демо Сертификация»',
      headIin: '760212350620',
      kopf: { code: '20', nameRu: 'Товарищество с ограниченной ответственностью' },
      kse: { code: '7' },
      isCertificationBody: false,
    });
    expect((await registry.listLegalEntitiesByHead('760212350620')).map((x) => x.bin)).toEqual([
      '940140000385',
    ]);
    expect(await registry.listLegalEntitiesByHead('871008401427')).toEqual([]);
    expect(await registry.findLegalEntity(DEMO_REGISTRY_BINS.unknown)).toBeNull();
  });

  it('checks identity documents: number + issue date of a document valid today', async () => {
    const iin = '871008401427';
    expect(await registry.checkPersonDocument(iin, '045123456', '2019-03-15')).toBe(true);
    expect(await registry.checkPersonDocument(iin, ' 045 123 456 ', '15.03.2019')).toBe(true);
    expect(await registry.checkPersonDocument(iin, '045123456', '2019-03-16')).toBe(false);
    expect(await registry.checkPersonDocument(iin, '045123457', '2019-03-15')).toBe(false);
    expect(await registry.checkPersonDocument(iin, '045123456', '31.02.2019')).toBe(false);
    expect(await registry.checkPersonDocument('760212350620', '045123456', '2019-03-15')).toBe(false);
    expect(await registry.checkPersonDocument('760212350620', 'n12345678', '2021-09-10')).toBe(true);
    // 800416300257 holds an identity card that expired in 2020 and its replacement.
    expect(await registry.checkPersonDocument('800416300257', '027001122', '2010-02-05')).toBe(false);
    expect(await registry.checkPersonDocument('800416300257', '051234567', '2020-02-05')).toBe(true);
    today = new Date('2030-02-05T00:00:00Z');
    expect(await registry.checkPersonDocument('800416300257', '051234567', '2020-02-05')).toBe(false);
    today = new Date('2026-06-01T00:00:00Z');
  });

  it('checks registration certificate numbers (case, spaces and Latin look-alikes do not matter)', async () => {
    expect(await registry.checkLegalEntityCertificate('940140000385', '38-1910-ТОО')).toBe(true);
    expect(await registry.checkLegalEntityCertificate('940140000385', '38-1910-too')).toBe(true);
    expect(await registry.checkLegalEntityCertificate('940140000385', '38 – 1910 – ТОО')).toBe(true);
    expect(await registry.checkLegalEntityCertificate('940140000385', '39-1910-ТОО')).toBe(false);
    expect(await registry.checkLegalEntityCertificate('940140000385', '')).toBe(false);
    expect(await registry.checkLegalEntityCertificate(DEMO_REGISTRY_BINS.unknown, '38-1910-ТОО')).toBe(false);
  });

  it('answers the mobile-citizen base check in any common phone notation', async () => {
    expect(await registry.isInMobileCitizenBase('871008401427', '+77011234567')).toBe(true);
    expect(await registry.isInMobileCitizenBase('871008401427', '8 (701) 123-45-67')).toBe(true);
    expect(await registry.isInMobileCitizenBase('871008401427', '+77011234568')).toBe(false);
    expect(await registry.isInMobileCitizenBase('760212350620', '+77011234567')).toBe(false);
    expect(await registry.isInMobileCitizenBase(DEMO_REGISTRY_IINS.notInMobileBase, '+77011234567')).toBe(
      false,
    );
    expect(await registry.isInMobileCitizenBase('871008401427', 'not a phone')).toBe(false);
  });
});

describe('registry service', () => {
  it('requireEligiblePerson: the person, or invalid_iin / registry_refused with the seed text', async () => {
    const s = t.ctx.registry;
    expect((await s.requireEligiblePerson('871008401427')).surname).toBe('АХМЕТОВА');
    await expect(s.requireEligiblePerson('871008401428')).rejects.toMatchObject({
      status: 400,
      code: 'invalid_iin',
    });
    await expect(s.requireEligiblePerson(DEMO_REGISTRY_IINS.deceased)).rejects.toMatchObject({
      status: 403,
      code: 'registry_refused',
      params: { reasonCode: 'deceased', registryCode: 9 },
    });
    await expect(s.requireEligiblePerson(DEMO_REGISTRY_IINS.unknown)).rejects.toMatchObject({
      params: { reasonCode: 'person_not_found' },
    });
    for (const code of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) {
      const r = await s.checkRegistrationEligibility(DEMO_REGISTRY_IINS.exclusion[code]);
      expect(r.ok ? null : r.registryCode).toBe(code);
    }
    expect((await s.checkRegistrationEligibility(DEMO_REGISTRY_IINS.incapable)).ok).toBe(false);
    expect((await s.checkRegistrationEligibility(DEMO_REGISTRY_IINS.limitedCapacity)).ok).toBe(true);
  });

  it('refuses bad check digits before asking the adapter', async () => {
    const s = t.ctx.registry;
    expect(await s.findPerson('871008401420')).toBeNull();
    expect(await s.checkPersonDocument('871008401420', '045123456', '2019-03-15')).toBe(false);
    expect(await s.checkLegalEntityCertificate('940140000386', '38-1910-ТОО')).toBe(false);
    expect(await s.isInMobileCitizenBase('871008401420', '+77011234567')).toBe(false);
  });

  it('a refusal reaches the client as 403 registry_refused, exact text, reasonCode and registryCode', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/test/registry-refusal/${DEMO_REGISTRY_IINS.exclusion[1]}`,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: {
        code: 'registry_refused',
        message:
          'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН (код: 1)',
        reasonCode: 'iin_excluded',
        registryCode: 1,
      },
    });
    const kk = await t.app.inject({
      method: 'GET',
      url: `/api/v1/test/registry-refusal/${DEMO_REGISTRY_IINS.deceased}`,
      headers: { 'accept-language': 'kk' },
    });
    expect(kk.json().error.message).toMatch(/ЖСН.*\(код:9\)$/);
  });
});

describe('GET /api/v1/registry/legal-entities/:bin', () => {
  it('returns the public registration data to prefill, without the head IIN', async () => {
    const res = await lookup('940140000385', '10.0.0.1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      bin: '940140000385',
      nameRu: 'Товарищество с ограниченной ответственностью «Демо Сертификация»',
      nameKk: '«Демо Сертификация» жауапкершілігі шектеулі серіктестігі',
      registrationNumber: '38-1910-ТОО',
      registrationDate: '1994-01-20',
      registrationAuthority: 'Департамент юстиции города Алматы',
      kopf: { code: '20' },
      oked: { code: '70220' },
    });
    expect(body).not.toHaveProperty('headIin');
    expect(JSON.stringify(body)).not.toContain('760212350620');
    const ops = await lookup(DEMO_REGISTRY_BINS.certificationBody, '10.0.0.1');
    expect(ops.json()).toMatchObject({ shortNameRu: 'ТОО «Демо ОПС»', isCertificationBody: true });
  });

  it('finds an individual entrepreneur by IIN, but not a private person', async () => {
    const ie = await lookup(DEMO_REGISTRY_BINS.entrepreneur, '10.0.0.2');
    expect(ie.statusCode).toBe(200);
    expect(ie.json()).toMatchObject({ kind: 'individual_entrepreneur', shortNameRu: 'ИП «САПАРОВА»' });
    const privatePerson = await lookup('871008401427', '10.0.0.2');
    expect(privatePerson.statusCode).toBe(404);
    expect(privatePerson.json().error.code).toBe('registry_legal_entity_not_found');
  });

  it('404 with a clear message when the registry has no such BIN', async () => {
    const res = await lookup(DEMO_REGISTRY_BINS.unknown, '10.0.0.3');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'registry_legal_entity_not_found',
        message: 'Организация с указанным БИН не найдена в государственной базе данных «Юридические лица»',
      },
    });
  });

  it('400 invalid_bin for a bad check digit or a malformed number, in each language', async () => {
    for (const [bin, lang, message] of [
      ['940140000386', 'ru', 'Некорректный БИН'],
      ['940140000386', 'kk', 'БСН қате'],
      ['94014000038', 'en', 'Invalid BIN'],
      ['94014000038a', 'ru', 'Некорректный БИН'],
    ]) {
      const res = await lookup(bin, '10.0.0.4', lang);
      expect(res.statusCode, bin).toBe(400);
      expect(res.json().error).toEqual({ code: 'invalid_bin', message });
    }
  });

  it(`is rate limited: ${LEGAL_ENTITY_LOOKUPS_PER_MINUTE} lookups a minute per client, then 429`, async () => {
    for (let i = 0; i < LEGAL_ENTITY_LOOKUPS_PER_MINUTE; i++)
      expect((await lookup('940140000385', '10.0.0.5')).statusCode).toBe(200);
    const limited = await lookup('940140000385', '10.0.0.5');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.json().error.retryAfterSeconds).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await lookup('940140000385', '10.0.0.6')).statusCode).toBe(200);
  });

  it('person data has no public route', async () => {
    for (const url of [
      '/api/v1/registry/persons/871008401427',
      '/api/v1/registry/persons/871008401427/eligibility',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('АХМЕТОВА');
    }
  });
});
