import { isValidBin, isValidIin } from '@tereze/pki';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../pki/demo-people';
import {
  birthDateFromIin,
  DEMO_REGISTRY_BINS,
  DEMO_REGISTRY_IINS,
  DEMO_REGISTRY_LEGAL_ENTITIES,
  DEMO_REGISTRY_PERSONS,
  generateDemoRegistry,
  makeBin,
  makeIin,
} from './demo-data';

const persons = DEMO_REGISTRY_PERSONS;
const entities = DEMO_REGISTRY_LEGAL_ENTITIES;
const personByIin = (iin: string) => persons.find((p) => p.iin === iin);

describe('demo registry data', () => {
  it('has at least 40 persons and 10 legal entities, every IIN and BIN with a valid check digit', () => {
    expect(persons.length).toBeGreaterThanOrEqual(40);
    expect(entities.length).toBeGreaterThanOrEqual(10);
    for (const p of persons) expect(isValidIin(p.iin), p.iin).toBe(true);
    for (const e of entities) {
      const valid = e.kind === 'individual_entrepreneur' ? isValidIin(e.bin) : isValidBin(e.bin);
      expect(valid, e.bin).toBe(true);
    }
    expect(new Set(persons.map((p) => p.iin)).size).toBe(persons.length);
    expect(new Set(entities.map((e) => e.bin)).size).toBe(entities.length);
  });

  it('is deterministic: the generator gives the same registry on every run', () => {
    const again = generateDemoRegistry();
    expect(again.persons).toEqual(persons);
    expect(again.legalEntities).toEqual(entities);
  });

  it('holds the demo signer people under the names of their keys, living, capable, not excluded', () => {
    for (const key of DEMO_PEOPLE) {
      const p = personByIin(key.iin);
      expect(p, key.iin).toBeDefined();
      expect([p!.surname, p!.firstName, p!.patronymic]).toEqual([key.surname, key.firstName, key.patronymic]);
      expect(p!.lifeStatusCode).toBe(0);
      expect(p!.exclusionCode).toBeNull();
      expect(p!.legalCapacityCode).toBe(1);
      expect(p!.mobile).toMatch(/^\+77\d{9}$/);
      expect(p!.documents.length).toBeGreaterThan(0);
    }
    const company = entities.find((e) => e.bin === '940140000385')!;
    expect(company.shortNameRu).toBe('ТОО «Демо Сертификация»');
    expect(company.headIin).toBe('760212350620');
    expect(DEMO_PEOPLE.filter((k) => k.bin).every((k) => k.bin === company.bin)).toBe(true);
  });

  it('holds the second signatory of ТОО «Демо Сертификация»: a signing-rights key holder, eligible', () => {
    const key = DEMO_PEOPLE.find((k) => k.template === 'sign-rights');
    expect(key?.iin).toBe(DEMO_REGISTRY_IINS.signingRights);
    expect(key?.bin).toBe(DEMO_REGISTRY_BINS.demoCertification);
    const p = personByIin(DEMO_REGISTRY_IINS.signingRights)!;
    expect(isValidIin(p.iin)).toBe(true);
    expect([p.lifeStatusCode, p.exclusionCode, p.legalCapacityCode]).toEqual([0, null, 1]);
    expect(p.role).toMatch(/signing rights/);
    // Not the first head: the company's head stays ЖУМАБЕКОВ.
    expect(entities.find((e) => e.bin === key?.bin)?.headIin).toBe(DEMO_REGISTRY_IINS.head);
  });

  it('birth date and sex agree with each IIN', () => {
    for (const p of persons) {
      expect(p.birthDate, p.iin).toBe(birthDateFromIin(p.iin));
      const sexFromIin = Number(p.iin[6]) % 2 === 1 ? 'male' : 'female';
      expect(p.sex, p.iin).toBe(sexFromIin);
    }
  });

  it('has a person for life status 9, for each exclusion code 1–9, for legal incapacity', () => {
    expect(personByIin(DEMO_REGISTRY_IINS.deceased)).toMatchObject({
      lifeStatusCode: 9,
      exclusionCode: null,
    });
    expect(personByIin(DEMO_REGISTRY_IINS.deceasedWithExclusion9)).toMatchObject({
      lifeStatusCode: 9,
      exclusionCode: 9,
    });
    for (const code of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const)
      expect(personByIin(DEMO_REGISTRY_IINS.exclusion[code])).toMatchObject({
        lifeStatusCode: 0,
        exclusionCode: code,
      });
    expect(personByIin(DEMO_REGISTRY_IINS.incapable)?.legalCapacityCode).toBe(3);
    expect(personByIin(DEMO_REGISTRY_IINS.limitedCapacity)?.legalCapacityCode).toBe(2);
    expect(personByIin(DEMO_REGISTRY_IINS.notInMobileBase)?.mobile).toBeNull();
    expect(personByIin(DEMO_REGISTRY_IINS.unknown)).toBeUndefined();
    expect(isValidIin(DEMO_REGISTRY_IINS.unknown)).toBe(true);
  });

  it('has an individual entrepreneur under its IIN, certification bodies, heads who exist and are eligible', () => {
    const ie = entities.find((e) => e.kind === 'individual_entrepreneur')!;
    expect(ie.bin).toBe(DEMO_REGISTRY_IINS.entrepreneur);
    expect(ie.headIin).toBe(ie.bin);
    const ops = entities.find((e) => e.bin === DEMO_REGISTRY_BINS.certificationBody)!;
    expect(ops).toMatchObject({ shortNameRu: 'ТОО «Демо ОПС»', isCertificationBody: true, oked: '71200' });
    for (const e of entities) {
      const head = personByIin(e.headIin);
      expect(head, `${e.bin} head`).toBeDefined();
      expect(head!.lifeStatusCode).toBe(0);
      expect(head!.exclusionCode).toBeNull();
      if (e.parentBin) expect(entities.some((x) => x.bin === e.parentBin)).toBe(true);
    }
    expect(entities.some((e) => e.bin === DEMO_REGISTRY_BINS.unknown)).toBe(false);
    expect(isValidBin(DEMO_REGISTRY_BINS.unknown)).toBe(true);
  });

  it('makes IINs and BINs by their structure', () => {
    const iin = makeIin('2005-03-08', 'female', 1);
    expect(iin.slice(0, 7)).toBe('0503086');
    expect(isValidIin(iin)).toBe(true);
    expect(makeIin('1960-01-02', 'male', 1)[6]).toBe('3');
    const bin = makeBin('2008-04', 1, 5);
    expect(bin.slice(0, 6)).toBe('080441');
    expect(isValidBin(bin)).toBe(true);
  });
});
