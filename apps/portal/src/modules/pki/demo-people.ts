import type { IssueOptions } from '@tereze/pki/test-ca';

/** Password of every demo key, as on NCA's own test keys. */
export const DEMO_KEY_PASSWORD = 'Qwerty12';

/**
 * The people whose keys the demo signer holds (valid IIN/BIN check digits). The state-registry stand-in
 * carries the same people, so registration with these keys finds them.
 */
export const DEMO_PEOPLE: IssueOptions[] = [
  {
    template: 'individual',
    iin: '871008401427',
    surname: 'АХМЕТОВА',
    firstName: 'АЙГУЛЬ',
    patronymic: 'САПАРОВНА',
    email: 'aigul.akhmetova@example.kz',
    locality: 'АСТАНА',
  },
  {
    template: 'first-head',
    iin: '760212350620',
    bin: '940140000385',
    org: 'ТОО «Демо Сертификация»',
    surname: 'ЖУМАБЕКОВ',
    firstName: 'НУРЛАН',
    patronymic: 'ЕРЖАНОВИЧ',
    email: 'director@demo-cert.kz',
    locality: 'АЛМАТЫ',
  },
  {
    template: 'employee',
    iin: '800416300257',
    bin: '940140000385',
    org: 'ТОО «Демо Сертификация»',
    surname: 'ОМАРОВ',
    firstName: 'ДАНИЯР',
    patronymic: 'АСКАРОВИЧ',
    email: 'employee@demo-cert.kz',
    locality: 'АЛМАТЫ',
  },
];
