import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_REGISTRY_LEGAL_ENTITIES, DEMO_REGISTRY_PERSONS } from '../registry/demo-data';
import { dataDir, loadDirectoryData } from './data';
import { attrsSchemas, BIC, codePatterns, DIRECTORY_KINDS } from './schema';

// The shipped reference data (docs/reference-data.md): what every consumer may rely on.
const { byKind } = loadDirectoryData();
const codes = (kind: keyof typeof byKind) => new Set(byKind[kind].map((e) => e.code));

describe('reference data files', () => {
  it.each(
    DIRECTORY_KINDS,
  )('%s: non-empty, unique well-formed codes, valid attrs, ru and kk names', (kind) => {
    const entries = byKind[kind];
    expect(entries.length).toBeGreaterThan(0);
    expect(codes(kind).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.code, `${kind} code`).toMatch(codePatterns[kind]);
      expect(e.nameRu.trim(), `${kind} ${e.code} ru`).not.toBe('');
      expect(e.nameKk.trim(), `${kind} ${e.code} kk`).not.toBe('');
      const attrs = attrsSchemas[kind].safeParse(e.attrs ?? {});
      expect(attrs.success, `${kind} ${e.code} attrs ${JSON.stringify(attrs.error?.issues)}`).toBe(true);
    }
  });

  it.each(DIRECTORY_KINDS)('%s: every parent exists in the same directory', (kind) => {
    const all = codes(kind);
    const orphans = byKind[kind].filter((e) => e.parentCode && !all.has(e.parentCode));
    expect(orphans.map((e) => e.code)).toEqual([]);
  });

  it('countries: ISO 3166-1 with numeric codes, Kazakhstan is 398', () => {
    expect(byKind.countries.length).toBeGreaterThanOrEqual(249);
    expect(byKind.countries.find((c) => c.code === '398')).toMatchObject({
      nameRu: 'Казахстан',
      nameKk: 'Қазақстан',
      attrs: { alpha2: 'KZ', alpha3: 'KAZ' },
    });
    const alpha2 = byKind.countries.map((c) => c.attrs?.alpha2);
    expect(new Set(alpha2).size).toBe(alpha2.length);
  });

  it('KATO: 17 regions and 3 cities of republican significance (2022 structure), each with districts', () => {
    const roots = byKind.kato.filter((e) => !e.parentCode);
    expect(roots.map((r) => r.code.slice(0, 2)).sort()).toEqual(
      ['10', '11', '15', '19', '23', '27', '31', '33', '35', '39', '43', '47', '55', '59', '61', '62', '63']
        .concat(['71', '75', '79'])
        .sort(),
    );
    for (const r of roots) {
      expect(r.code).toMatch(/^\d{2}0{7}$/);
      const children = byKind.kato.filter((e) => e.parentCode === r.code);
      expect(children.length, r.nameRu).toBeGreaterThan(0);
      // A child's code starts with its region's two digits.
      for (const c of children) expect(c.code.slice(0, 2)).toBe(r.code.slice(0, 2));
    }
    expect(byKind.kato.find((e) => e.code === '710000000')?.nameKk).toBe('Астана қ.');
  });

  it('KATO: regions and districts carry their own Kazakh and English names in the file', () => {
    const text = readFileSync(path.join(dataDir, 'kato.csv'), 'utf8');
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(';'));
    const parentOf = new Map(rows.map((r) => [r[0], r[1]]));
    const topTwoLevels = rows.filter((r) => !r[1] || !parentOf.get(r[1]));
    expect(topTwoLevels.length).toBeGreaterThan(200);
    for (const [code, , ru, kk, en] of topTwoLevels) {
      expect(kk, code).not.toBe('');
      expect(kk, code).not.toBe(ru);
      expect(en, code).not.toBe('');
    }
  });

  it('banks: keyed by a valid BIC, 3-digit bank codes, the National Bank and the majors present', () => {
    for (const b of byKind.banks) {
      expect(b.code).toMatch(BIC);
      expect(b.attrs?.bic).toBe(b.code);
    }
    const bankCodes = byKind.banks.map((b) => b.attrs?.bankCode);
    expect(new Set(bankCodes).size).toBe(bankCodes.length);
    for (const bic of ['NBRKKZKX', 'HSBKKZKX', 'CASPKZKA', 'KCJBKZKX', 'IRTYKZKA', 'TSESKZKA', 'EURIKZKA'])
      expect(codes('banks').has(bic), bic).toBe(true);
  });

  it('КСЕ: the sector digits 1–9 that feed КБе', () => {
    expect(byKind.kse.map((e) => e.attrs?.sectorDigit).sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });

  it('ОКЭД: sections A–U, each with divisions', () => {
    const sections = byKind.oked.filter((e) => /^[A-U]$/.test(e.code));
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    for (const s of sections)
      expect(
        byKind.oked.some((e) => e.parentCode === s.code),
        s.code,
      ).toBe(true);
    expect(byKind.oked.filter((e) => /^\d{2}$/.test(e.code)).length).toBe(88);
  });

  it('the registry stand-in uses only codes the directories hold', () => {
    for (const le of DEMO_REGISTRY_LEGAL_ENTITIES) {
      expect(codes('kopf').has(le.kopf), `${le.bin} kopf ${le.kopf}`).toBe(true);
      expect(codes('kfs').has(le.kfs), `${le.bin} kfs ${le.kfs}`).toBe(true);
      expect(codes('kse').has(le.kse), `${le.bin} kse ${le.kse}`).toBe(true);
      expect(codes('krp').has(le.krp), `${le.bin} krp ${le.krp}`).toBe(true);
      expect(codes('oked').has(le.oked), `${le.bin} oked ${le.oked}`).toBe(true);
      if (le.legalAddress.kato)
        expect(codes('kato').has(le.legalAddress.kato), le.legalAddress.text).toBe(true);
    }
    for (const p of DEMO_REGISTRY_PERSONS)
      if (p.address.kato) expect(codes('kato').has(p.address.kato), p.address.text).toBe(true);
  });
});
