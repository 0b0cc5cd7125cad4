import { describe, expect, it } from 'vitest';
import type { Person } from './adapter';
import { codeEntry, IIN_EXCLUSIONS, LEGAL_CAPACITIES, LIFE_STATUSES } from './codes';
import { checkRegistrationEligibility, exclusionRule, registryRefusalError } from './eligibility';

// The texts of seed 002 (002_a546077c7d4b1a7d.txt, lines 364–368), typed out here on purpose: the test
// fails if the catalog drifts from the seed.
const BASE =
  'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН';
const CONDITION_1 = `${BASE} (код:9)`;
const requirement6 = (code: number) => `${BASE} (код: ${code})`;
const requirement7 = (code: number) => `${BASE} (код: ${code} - признак исключения ИИН)`;

function person(over: { life?: number; exclusion?: number | null; capacity?: number } = {}): Person {
  return {
    iin: '871008401427',
    surname: 'АХМЕТОВА',
    firstName: 'АЙГУЛЬ',
    patronymic: 'САПАРОВНА',
    birthDate: '1987-10-08',
    sex: 'male',
    lifeStatus: codeEntry(LIFE_STATUSES, over.life ?? 0),
    exclusion: over.exclusion ? codeEntry(IIN_EXCLUSIONS, over.exclusion) : null,
    legalCapacity: codeEntry(LEGAL_CAPACITIES, over.capacity ?? 1),
    documents: [],
    mobile: null,
    address: null,
  };
}

const refused = (p: Person | null, opts?: Parameters<typeof checkRegistrationEligibility>[1]) => {
  const r = checkRegistrationEligibility(p, opts);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('registration eligibility (seed 002)', () => {
  it('admits a living, capable person without an exclusion mark', () => {
    const p = person();
    expect(checkRegistrationEligibility(p)).toEqual({ ok: true, person: p });
  });

  it('life status 9 → Условие 1, exact text «(код:9)»', () => {
    const r = refused(person({ life: 9 }));
    expect(r).toMatchObject({ code: 'registry_refused', reasonCode: 'deceased', registryCode: 9 });
    expect(r.rule).toBe('condition_1');
    expect(r.message.ru).toBe(CONDITION_1);
  });

  it('life status 9 wins over an exclusion mark (the ЦОН checks life status first)', () => {
    expect(refused(person({ life: 9, exclusion: 9 })).message.ru).toBe(CONDITION_1);
  });

  it('exclusion code 1 → Требование 6 (only it names code 1)', () => {
    const r = refused(person({ exclusion: 1 }));
    expect(r).toMatchObject({ reasonCode: 'iin_excluded', registryCode: 1, rule: 'requirement_6' });
    expect(r.message.ru).toBe(requirement6(1));
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('exclusion code %i → both apply; Требование 7 by default', (code) => {
    const r = refused(person({ exclusion: code }));
    expect(r.rule).toBe('requirement_7');
    expect(r.message.ru).toBe(requirement7(code));
    const r6 = refused(person({ exclusion: code }), { overlappingExclusions: 'requirement_6' });
    expect(r6.rule).toBe('requirement_6');
    expect(r6.message.ru).toBe(requirement6(code));
  });

  it('exclusion code 9 → Требование 7 (only it names code 9), whatever the overlap setting', () => {
    expect(refused(person({ exclusion: 9 })).message.ru).toBe(requirement7(9));
    expect(refused(person({ exclusion: 9 }), { overlappingExclusions: 'requirement_6' }).message.ru).toBe(
      requirement7(9),
    );
  });

  it('an exclusion code neither requirement names is still refused (fail closed)', () => {
    expect(exclusionRule(12)).toBe('requirement_7');
    expect(refused(person({ exclusion: 12 })).message.ru).toBe(requirement7(12));
  });

  it('legal capacity 3 (НЕДЕЕСПОСОБНЫЙ) is refused; 2, 4 and 5 are not', () => {
    const r = refused(person({ capacity: 3 }));
    expect(r).toMatchObject({ reasonCode: 'legally_incapable', registryCode: 3, rule: 'tereze' });
    expect(r.message.ru).toContain('недееспособным');
    for (const capacity of [2, 4, 5])
      expect(checkRegistrationEligibility(person({ capacity })).ok).toBe(true);
  });

  it('a person the registry does not hold has its own reason', () => {
    const r = refused(null);
    expect(r).toMatchObject({ reasonCode: 'person_not_found', registryCode: null });
    expect(r.message.ru).toBe(
      'Сведения по введенному ИИН не найдены в государственной базе данных «Физические лица»',
    );
  });

  it('every refusal has a kk and an en text of its own, with the code in it', () => {
    for (const p of [
      null,
      person({ life: 9 }),
      person({ exclusion: 1 }),
      person({ exclusion: 5 }),
      person({ capacity: 3 }),
    ]) {
      const r = refused(p);
      expect(new Set([r.message.ru, r.message.kk, r.message.en]).size).toBe(3);
      if (r.registryCode && r.reasonCode !== 'legally_incapable')
        for (const text of Object.values(r.message)) expect(text).toContain(String(r.registryCode));
    }
    expect(refused(person({ exclusion: 5 })).message.kk).toContain('(код: 5 - ЖСН алып тастау белгісі)');
    expect(refused(person({ exclusion: 5 })).message.en).toContain('(code: 5 - IIN exclusion mark)');
  });

  it('becomes a 403 registry_refused AppError carrying the messages and reason', () => {
    const err = registryRefusalError(refused(person({ exclusion: 4 })));
    expect(err.status).toBe(403);
    expect(err.code).toBe('registry_refused');
    expect(err.params).toMatchObject({ ru: requirement7(4), reasonCode: 'iin_excluded', registryCode: 4 });
  });
});
