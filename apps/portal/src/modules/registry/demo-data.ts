import { identifierCheckDigit } from '@tereze/pki';
import { DEMO_PEOPLE } from '../pki/demo-people';
import type { DocumentType } from './codes';

// The stand-in registry's demo content: the people the demo signer holds keys for (same IINs and names),
// persons made for each registration refusal, and a deterministic crowd. Everything here is derived from
// fixed inputs and a seeded generator, so every start and every test sees the same registry.

export interface DemoDocument {
  type: DocumentType;
  number: string;
  issueDate: string;
  issuer: string;
  validUntil: string | null;
}

export interface DemoPerson {
  iin: string;
  surname: string;
  firstName: string;
  patronymic: string | null;
  namesKk?: { surname: string; firstName: string; patronymic: string | null };
  birthDate: string;
  sex: 'male' | 'female';
  lifeStatusCode: number;
  exclusionCode: number | null;
  legalCapacityCode: number;
  mobile: string | null;
  address: { kato: string | null; text: string };
  documents: DemoDocument[];
  /** Why this person is in the demo (docs/registry.md lists them). */
  role: string;
}

export interface DemoLegalEntity {
  bin: string;
  kind: 'legal_entity' | 'branch' | 'representative_office' | 'individual_entrepreneur';
  nameRu: string;
  nameKk: string;
  shortNameRu: string;
  shortNameKk: string;
  registrationNumber: string;
  registrationDate: string;
  registrationAuthority: string;
  headIin: string;
  parentBin: string | null;
  legalAddress: { kato: string | null; text: string };
  kopf: string;
  kfs: string;
  kse: string;
  krp: string;
  oked: string;
  isCertificationBody: boolean;
}

// ---------- identifiers ----------

/** IIN = YYMMDD + century/sex digit (3/4 = 1900s, 5/6 = 2000s; odd = male) + 4-digit serial + check. */
export function makeIin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const centuryBase = Number(y) < 2000 ? 3 : 5;
  const head = `${y.slice(2)}${m}${d}${centuryBase + (sex === 'male' ? 0 : 1)}`;
  for (let s = serial; s < serial + 100; s++) {
    const first11 = `${head}${String(s % 10_000).padStart(4, '0')}`;
    const check = identifierCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no IIN with a check digit near ${head}/${serial}`);
}

/** BIN = YYMM + type (4 resident) + unit (0 head office, 1 branch) + 5-digit serial + check. */
export function makeBin(yearMonth: string, unit: 0 | 1 | 2, serial: number): string {
  const head = `${yearMonth.slice(2, 4)}${yearMonth.slice(5, 7)}4${unit}`;
  for (let s = serial; s < serial + 100; s++) {
    const first11 = `${head}${String(s).padStart(5, '0')}`;
    const check = identifierCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no BIN with a check digit near ${head}/${serial}`);
}

/** Birth date from an IIN (century from the 7th digit). */
export function birthDateFromIin(iin: string): string {
  const century = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 }[Number(iin[6])] ?? 1900;
  return `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
}

// ---------- deterministic generator ----------

/** mulberry32: a tiny seeded PRNG, so the crowd is the same on every start. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

const MALE_NAMES = ['АЙДАР', 'АРМАН', 'БАУЫРЖАН', 'ДАУЛЕТ', 'КАЙРАТ', 'МАРАТ', 'РУСЛАН', 'САКЕН', 'ТИМУР'];
const MALE_NAMES_RU = ['АЛЕКСАНДР', 'СЕРГЕЙ', 'ДМИТРИЙ', 'АНДРЕЙ'];
const FEMALE_NAMES = ['АЙГЕРИМ', 'АЛИЯ', 'ГУЛЬНАРА', 'ДАНА', 'ЖАНАР', 'КАМИЛА', 'МАДИНА', 'САУЛЕ', 'ТОМИРИС'];
const FEMALE_NAMES_RU = ['ЕЛЕНА', 'ОЛЬГА', 'НАТАЛЬЯ', 'ИРИНА'];
const SURNAMES = [
  'АБДРАХМАНОВ',
  'БЕКОВ',
  'ЕСЕНОВ',
  'ЖАКСЫБЕКОВ',
  'ИСКАКОВ',
  'КАСЫМОВ',
  'МУКАНОВ',
  'НУРГАЛИЕВ',
  'ОСПАНОВ',
  'САДЫКОВ',
  'ТУЛЕГЕНОВ',
  'УМАРОВ',
];
const SURNAMES_RU = ['ИВАНОВ', 'ПЕТРОВ', 'СМИРНОВ', 'КУЗНЕЦОВ'];
/** Father's name → [patronymic of a son, of a daughter]. */
const PATRONYMICS: readonly [string, string][] = [
  ['АСКАРОВИЧ', 'АСКАРОВНА'],
  ['БОЛАТОВИЧ', 'БОЛАТОВНА'],
  ['ЕРЖАНОВИЧ', 'ЕРЖАНОВНА'],
  ['КАНАТОВИЧ', 'КАНАТОВНА'],
  ['МУРАТОВИЧ', 'МУРАТОВНА'],
  ['СЕРИКОВИЧ', 'СЕРИКОВНА'],
];
const PATRONYMICS_RU: readonly [string, string][] = [
  ['СЕРГЕЕВИЧ', 'СЕРГЕЕВНА'],
  ['ВИКТОРОВИЧ', 'ВИКТОРОВНА'],
  ['НИКОЛАЕВИЧ', 'НИКОЛАЕВНА'],
];
const ADDRESSES = [
  { kato: '711110000', text: 'г. Астана, район Алматы, ул. Кенесары, д. {n}' },
  { kato: '711210000', text: 'г. Астана, район Есиль, пр. Мангилик Ел, д. {n}' },
  { kato: '711310000', text: 'г. Астана, район Сарыарка, ул. Бейбитшилик, д. {n}' },
  { kato: '751110000', text: 'г. Алматы, Алмалинский район, ул. Толе би, д. {n}' },
  { kato: '751310000', text: 'г. Алматы, Ауэзовский район, мкр. Аксай-2, д. {n}' },
  { kato: '751710000', text: 'г. Алматы, Медеуский район, пр. Достык, д. {n}' },
];

const femaleSurname = (s: string) => (/(ОВ|ЕВ|ИН)$/.test(s) ? `${s}А` : s);

function idCard(number: string, issueDate: string): DemoDocument {
  const [y, m, d] = issueDate.split('-').map(Number);
  const until = new Date(Date.UTC(y + 10, m - 1, d - 1)).toISOString().slice(0, 10);
  return { type: 'id_card', number, issueDate, issuer: 'МВД РК', validUntil: until };
}

function passport(number: string, issueDate: string): DemoDocument {
  return { ...idCard(number, issueDate), type: 'passport' };
}

interface PersonSeed {
  surname?: string;
  firstName?: string;
  patronymic?: string | null;
  sex?: 'male' | 'female';
  birthDate?: string;
  lifeStatusCode?: number;
  exclusionCode?: number | null;
  legalCapacityCode?: number;
  noMobile?: boolean;
  documents?: DemoDocument[];
  role: string;
}

// ---------- the demo people of the signer (same IINs and names as the demo keys) ----------

const DEMO_DOCUMENTS: Record<string, DemoDocument[]> = {
  '871008401427': [idCard('045123456', '2019-03-15')],
  '760212350620': [idCard('038765432', '2016-06-01'), passport('N12345678', '2021-09-10')],
  // An expired identity card beside the current one: only the current one passes a document check.
  '800416300257': [idCard('027001122', '2010-02-05'), idCard('051234567', '2020-02-05')],
  '821125445189': [idCard('047712345', '2018-04-11')],
};
const DEMO_MOBILES: Record<string, string> = {
  '871008401427': '+77011234567',
  '760212350620': '+77017654321',
  '800416300257': '+77051112233',
  '821125445189': '+77071234455',
};

/** «use it for» of each demo key holder, by the template of their key. */
const SIGNER_ROLES: Record<string, string> = {
  individual: 'demo signer: individual (AUTH + SIGN keys)',
  'first-head': 'demo signer: first head of ТОО «Демо Сертификация»',
  'sign-rights': 'demo signer: signing rights (право подписи) at ТОО «Демо Сертификация»',
  employee: 'demo signer: employee of ТОО «Демо Сертификация»',
};

function signerPeople(): DemoPerson[] {
  return DEMO_PEOPLE.map((p) => ({
    iin: p.iin,
    surname: p.surname,
    firstName: p.firstName ?? '',
    patronymic: p.patronymic ?? null,
    namesKk:
      p.iin === '760212350620'
        ? { surname: 'ЖҰМАБЕКОВ', firstName: 'НҰРЛАН', patronymic: 'ЕРЖАНҰЛЫ' }
        : undefined,
    birthDate: birthDateFromIin(p.iin),
    // The IIN's 7th digit carries the sex: odd male, even female.
    sex: Number(p.iin[6]) % 2 === 1 ? 'male' : 'female',
    lifeStatusCode: 0,
    exclusionCode: null,
    legalCapacityCode: 1,
    mobile: DEMO_MOBILES[p.iin],
    address: {
      kato: p.locality === 'АСТАНА' ? '711210000' : '751110000',
      text:
        p.locality === 'АСТАНА'
          ? 'г. Астана, район Есиль, пр. Мангилик Ел, д. 8, кв. 12'
          : 'г. Алматы, Алмалинский район, ул. Толе би, д. 41, кв. 7',
    },
    documents: DEMO_DOCUMENTS[p.iin],
    role: SIGNER_ROLES[p.template] ?? `demo signer: ${p.template}`,
  }));
}

// ---------- persons made for the refusals and special cases ----------

const SPECIAL: PersonSeed[] = [
  {
    surname: 'КАЛИЕВ',
    firstName: 'БОЛАТ',
    patronymic: 'ТЕМИРОВИЧ',
    sex: 'male',
    birthDate: '1948-05-17',
    lifeStatusCode: 9,
    role: 'deceased (life status 9, no exclusion mark): refused with «(код:9)»',
  },
  {
    surname: 'ЕРМЕКОВА',
    firstName: 'ЗАУРЕ',
    patronymic: 'ЕРМЕКОВНА',
    sex: 'female',
    birthDate: '1939-11-02',
    lifeStatusCode: 9,
    exclusionCode: 9,
    role: 'deceased with exclusion 9: the life-status message wins',
  },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (code): PersonSeed => ({
      exclusionCode: code,
      role: `IIN exclusion code ${code}: refused`,
    }),
  ),
  {
    surname: 'ОРЫНБАЕВ',
    firstName: 'ТАЛГАТ',
    patronymic: 'КУАНЫШЕВИЧ',
    sex: 'male',
    birthDate: '1990-07-23',
    legalCapacityCode: 3,
    role: 'legally incapable (capacity 3): refused',
  },
  {
    surname: 'ЛИ',
    firstName: 'ВИКТОРИЯ',
    patronymic: 'ЭДУАРДОВНА',
    sex: 'female',
    birthDate: '1985-01-30',
    legalCapacityCode: 2,
    role: 'limited capacity (capacity 2): registers',
  },
  { legalCapacityCode: 4, role: 'conviction mark (capacity 4): registers' },
  { legalCapacityCode: 5, role: 'conviction mark removed (capacity 5): registers' },
  {
    surname: 'САПАРОВА',
    firstName: 'АЙНУР',
    patronymic: 'ДАУРЕНОВНА',
    sex: 'female',
    birthDate: '1988-12-04',
    role: 'individual entrepreneur ИП «САПАРОВА» (business number = this IIN)',
  },
  {
    surname: 'ТЕМИРХАНОВ',
    firstName: 'АСЛАН',
    patronymic: 'МАРАТОВИЧ',
    sex: 'male',
    birthDate: '1979-09-14',
    role: 'first head of ТОО «Демо ОПС» (certification body)',
  },
  { noMobile: true, role: 'eligible, not in the mobile-citizen base' },
  {
    surname: 'ЖАНУЗАКОВА',
    firstName: 'АРУЖАН',
    patronymic: 'БАУЫРЖАНОВНА',
    sex: 'female',
    birthDate: '2005-03-08',
    role: 'born in the 2000s (century digit 6)',
  },
];

/** The number of generated ordinary persons besides the fixed and special ones. */
const CROWD = 24;

function buildPersons(): DemoPerson[] {
  const rnd = seededRandom(20_261_122);
  const people: DemoPerson[] = signerPeople();
  const seeds: PersonSeed[] = [
    ...SPECIAL,
    ...Array.from({ length: CROWD }, (_, i): PersonSeed => ({ role: `ordinary person #${i + 1}` })),
  ];
  seeds.forEach((seed, i) => {
    const sex = seed.sex ?? (rnd.int(0, 1) === 0 ? 'male' : 'female');
    const russian = rnd.int(0, 4) === 0;
    const birthDate =
      seed.birthDate ??
      `${rnd.int(1955, 2003)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const surname = seed.surname ?? rnd.pick(russian ? SURNAMES_RU : SURNAMES);
    const firstName =
      seed.firstName ??
      rnd.pick(
        sex === 'male' ? (russian ? MALE_NAMES_RU : MALE_NAMES) : russian ? FEMALE_NAMES_RU : FEMALE_NAMES,
      );
    const patronymic =
      seed.patronymic !== undefined
        ? seed.patronymic
        : rnd.pick(russian ? PATRONYMICS_RU : PATRONYMICS)[sex === 'male' ? 0 : 1];
    const address = rnd.pick(ADDRESSES);
    const issueYear = Math.max(Number(birthDate.slice(0, 4)) + 16, rnd.int(2016, 2024));
    const issueDate = `${issueYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    people.push({
      iin: makeIin(birthDate, sex, 1000 + i * 37),
      surname: seed.surname ?? (sex === 'male' ? surname : femaleSurname(surname)),
      firstName,
      patronymic,
      birthDate,
      sex,
      lifeStatusCode: seed.lifeStatusCode ?? 0,
      exclusionCode: seed.exclusionCode ?? null,
      legalCapacityCode: seed.legalCapacityCode ?? 1,
      // The deceased are no longer in the mobile-citizen base.
      mobile:
        seed.noMobile || seed.lifeStatusCode === 9
          ? null
          : `+7702${String(3_000_000 + i * 7_919).padStart(7, '0')}`,
      address: { kato: address.kato, text: address.text.replace('{n}', String(rnd.int(1, 120))) },
      documents: seed.documents ?? [
        idCard(String(rnd.int(30_000_000, 59_999_999)).padStart(9, '0'), issueDate),
      ],
      role: seed.role,
    });
  });
  return people;
}

export const DEMO_REGISTRY_PERSONS: readonly DemoPerson[] = buildPersons();

function findByRole(people: readonly DemoPerson[], prefix: string): DemoPerson {
  const p = people.find((x) => x.role.startsWith(prefix));
  if (!p) throw new Error(`demo registry: no person "${prefix}"`);
  return p;
}
const byRole = (prefix: string) => findByRole(DEMO_REGISTRY_PERSONS, prefix);

/** Who to use for what, in tests and demos (docs/registry.md prints the same table). */
export const DEMO_REGISTRY_IINS = {
  individual: '871008401427',
  head: '760212350620',
  employee: '800416300257',
  /** Signing rights (право подписи) at ТОО «Демо Сертификация»: the second signatory of an application. */
  signingRights: '821125445189',
  deceased: byRole('deceased (life status 9').iin,
  deceasedWithExclusion9: byRole('deceased with exclusion 9').iin,
  exclusion: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => [c, byRole(`IIN exclusion code ${c}:`).iin]),
  ) as Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, string>,
  incapable: byRole('legally incapable').iin,
  limitedCapacity: byRole('limited capacity').iin,
  convicted: byRole('conviction mark (capacity 4)').iin,
  entrepreneur: byRole('individual entrepreneur').iin,
  certificationBodyHead: byRole('first head of ТОО «Демо ОПС»').iin,
  notInMobileBase: byRole('eligible, not in the mobile-citizen base').iin,
  /** An IIN with a valid check digit that the registry does not hold. */
  unknown: makeIin('1970-01-01', 'male', 4242),
} as const;

// ---------- legal entities ----------

const TOO = (name: string) => ({
  nameRu: `Товарищество с ограниченной ответственностью «${name}»`,
  nameKk: `«${name}» жауапкершілігі шектеулі серіктестігі`,
  shortNameRu: `ТОО «${name}»`,
  shortNameKk: `«${name}» ЖШС`,
  kopf: '20',
  kfs: '16',
  kse: '7',
});

function buildLegalEntities(people: readonly DemoPerson[]): DemoLegalEntity[] {
  const crowdHead = (n: number) => findByRole(people, `ordinary person #${n}`).iin;
  const headOf = (prefix: string) => findByRole(people, prefix).iin;
  const almaty = (n: number) => ({
    kato: '751110000',
    text: `г. Алматы, Алмалинский район, ул. Толе би, д. ${n}`,
  });
  const astana = (n: number) => ({ kato: '711210000', text: `г. Астана, район Есиль, ул. Сыганак, д. ${n}` });
  const opsBin = makeBin('2008-04', 0, 17_230);
  const centreBin = makeBin('1996-05', 0, 2_411);
  const ie = findByRole(people, 'individual entrepreneur');
  const entities: DemoLegalEntity[] = [
    {
      bin: '940140000385',
      kind: 'legal_entity',
      ...TOO('Демо Сертификация'),
      registrationNumber: '38-1910-ТОО',
      registrationDate: '1994-01-20',
      registrationAuthority: 'Департамент юстиции города Алматы',
      headIin: '760212350620',
      parentBin: null,
      legalAddress: almaty(41),
      krp: '120',
      oked: '70220',
      isCertificationBody: false,
    },
    {
      bin: '950341000052',
      kind: 'branch',
      nameRu: 'Филиал товарищества с ограниченной ответственностью «Демо Сертификация» в городе Астане',
      nameKk: '«Демо Сертификация» жауапкершілігі шектеулі серіктестігінің Астана қаласындағы филиалы',
      shortNameRu: 'Филиал ТОО «Демо Сертификация» в г. Астане',
      shortNameKk: '«Демо Сертификация» ЖШС Астана қ. филиалы',
      registrationNumber: '5-1902-Ф-л',
      registrationDate: '1995-03-14',
      registrationAuthority: 'Управление юстиции города Астаны',
      headIin: crowdHead(1),
      parentBin: '940140000385',
      legalAddress: astana(5),
      kopf: '20',
      kfs: '16',
      kse: '7',
      krp: '110',
      oked: '70220',
      isCertificationBody: false,
    },
    {
      bin: opsBin,
      kind: 'legal_entity',
      ...TOO('Демо ОПС'),
      registrationNumber: '17230-1910-ТОО',
      registrationDate: '2008-04-11',
      registrationAuthority: 'Департамент юстиции города Алматы',
      headIin: headOf('first head of ТОО «Демо ОПС»'),
      parentBin: null,
      legalAddress: almaty(88),
      krp: '160',
      oked: '71200',
      isCertificationBody: true,
    },
    {
      bin: centreBin,
      kind: 'legal_entity',
      nameRu: 'Акционерное общество «Демо Центр стандартизации и сертификации»',
      nameKk: '«Демо Стандарттау және сертификаттау орталығы» акционерлік қоғамы',
      shortNameRu: 'АО «Демо ЦСС»',
      shortNameKk: '«Демо ССО» АҚ',
      registrationNumber: '2411-1901-АО',
      registrationDate: '1996-05-22',
      registrationAuthority: 'Управление юстиции города Астаны',
      headIin: crowdHead(2),
      parentBin: null,
      legalAddress: astana(12),
      kopf: '28',
      kfs: '16',
      kse: '7',
      krp: '215',
      oked: '71200',
      isCertificationBody: true,
    },
    {
      bin: '961141000023',
      kind: 'branch',
      nameRu: 'Филиал акционерного общества «Демо Центр стандартизации и сертификации» по городу Шымкенту',
      nameKk:
        '«Демо Стандарттау және сертификаттау орталығы» акционерлік қоғамының Шымкент қаласы бойынша филиалы',
      shortNameRu: 'Филиал АО «Демо ЦСС» по г. Шымкенту',
      shortNameKk: '«Демо ССО» АҚ Шымкент қ. бойынша филиалы',
      registrationNumber: '2-1958-Ф-л',
      registrationDate: '1996-11-05',
      registrationAuthority: 'Управление юстиции Южно-Казахстанской области',
      headIin: crowdHead(3),
      parentBin: centreBin,
      legalAddress: { kato: '791310000', text: 'г. Шымкент, Аль-Фарабийский район, ул. Тауке хана, д. 3' },
      kopf: '28',
      kfs: '16',
      kse: '7',
      krp: '120',
      oked: '71200',
      isCertificationBody: false,
    },
    {
      bin: makeBin('2001-02', 0, 551),
      kind: 'legal_entity',
      nameRu: 'Государственное учреждение «Демо управление предпринимательства города Астаны»',
      nameKk: '«Астана қаласының Демо кәсіпкерлік басқармасы» мемлекеттік мекемесі',
      shortNameRu: 'ГУ «Демо управление предпринимательства г. Астаны»',
      shortNameKk: '«Астана қ. Демо кәсіпкерлік басқармасы» ММ',
      registrationNumber: '551-1901-ГУ',
      registrationDate: '2001-02-19',
      registrationAuthority: 'Управление юстиции города Астаны',
      headIin: crowdHead(4),
      parentBin: null,
      legalAddress: astana(1),
      kopf: '35',
      kfs: '11',
      kse: '1',
      krp: '160',
      oked: '84110',
      isCertificationBody: false,
    },
    {
      bin: ie.iin,
      kind: 'individual_entrepreneur',
      nameRu: `Индивидуальный предприниматель «${ie.surname}»`,
      nameKk: `«${ie.surname}» жеке кәсіпкері`,
      shortNameRu: `ИП «${ie.surname}»`,
      shortNameKk: `«${ie.surname}» ЖК`,
      registrationNumber: '0048812',
      registrationDate: '2014-06-02',
      registrationAuthority: 'Управление государственных доходов по Алмалинскому району ДГД по г. Алматы',
      headIin: ie.iin,
      parentBin: null,
      legalAddress: { kato: ie.address.kato, text: ie.address.text },
      kopf: '45',
      kfs: '16',
      kse: '9',
      krp: '105',
      oked: '47190',
      isCertificationBody: false,
    },
  ];
  const crowd: [string, string, string, string][] = [
    ['Демо Строй', '2012-09', '41201', '305'],
    ['Демо Логистик', '2015-03', '49410', '160'],
    ['Демо Трейд', '2017-11', '46900', '110'],
    ['Демо Софт', '2019-06', '62010', '120'],
    ['Демо Консалтинг', '2021-01', '70220', '105'],
  ];
  crowd.forEach(([name, ym, oked, krp], i) => {
    const serial = 30_000 + i * 1_117;
    entities.push({
      bin: makeBin(ym, 0, serial),
      kind: 'legal_entity',
      ...TOO(name),
      registrationNumber: `${serial}-1910-ТОО`,
      registrationDate: `${ym}-${String(10 + i).padStart(2, '0')}`,
      registrationAuthority:
        Number(ym.slice(0, 4)) >= 2017
          ? 'НАО «Государственная корпорация «Правительство для граждан» по городу Алматы'
          : 'Департамент юстиции города Алматы',
      headIin: crowdHead(5 + i),
      parentBin: null,
      legalAddress: almaty(100 + i),
      krp,
      oked,
      isCertificationBody: false,
    });
  });
  return entities;
}

export const DEMO_REGISTRY_LEGAL_ENTITIES: readonly DemoLegalEntity[] =
  buildLegalEntities(DEMO_REGISTRY_PERSONS);

/** A fresh run of the generator (the constants above are one such run). */
export function generateDemoRegistry(): { persons: DemoPerson[]; legalEntities: DemoLegalEntity[] } {
  const persons = buildPersons();
  return { persons, legalEntities: buildLegalEntities(persons) };
}

export const DEMO_REGISTRY_BINS = {
  demoCertification: '940140000385',
  demoCertificationBranch: '950341000052',
  certificationBody: DEMO_REGISTRY_LEGAL_ENTITIES.find((e) => e.shortNameRu === 'ТОО «Демо ОПС»')!.bin,
  entrepreneur: DEMO_REGISTRY_IINS.entrepreneur,
  /** A BIN with a valid check digit that the registry does not hold. */
  unknown: makeBin('2020-01', 0, 99_001),
} as const;
