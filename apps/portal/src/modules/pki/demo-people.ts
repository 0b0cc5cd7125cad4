import type { IssueOptions } from '@tereze/pki/test-ca';

/** Password of every demo key, as on NCA's own test keys. */
export const DEMO_KEY_PASSWORD = 'Qwerty12';

/**
 * The people whose keys the demo signer holds (valid IIN/BIN check digits). The state-registry stand-in
 * carries the same people, so registration with these keys finds them. A data dir issued before a person was
 * added keeps its old keys: delete DATA_DIR/keystores to have every person's keys issued again.
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
  {
    // A second key with signing rights (право подписи) of the same organisation: an application signed by two.
    template: 'sign-rights',
    iin: '821125445189',
    bin: '940140000385',
    org: 'ТОО «Демо Сертификация»',
    surname: 'СМАГУЛОВА',
    firstName: 'ГУЛЬНАРА',
    patronymic: 'БЕРИКОВНА',
    email: 'signatory@demo-cert.kz',
    locality: 'АЛМАТЫ',
  },
];
