import { identifierCheckDigit, type KeyBundle, signCms } from '@tereze/pki';
import { expect } from 'vitest';
import { apiClient, type TestApp } from '../../test/app';
import { multipartBody, samplePdf } from '../files/test-support';
import type { MemberRight } from '../organizations/members';
import { cmsOf, type SignaturePki } from '../signatures/test-support';

export const PASSWORD = 'Secret1%pass';
type Client = ReturnType<typeof apiClient>;

let serial = 0;
/** A valid IIN (born 1990-01-01, male 20th century) or BIN (resident legal entity), unique per call. */
export function validId(kind: 'iin' | 'bin'): string {
  for (;;) {
    serial += 1;
    const tail = String((process.pid * 7 + serial) % 100000).padStart(5, '0');
    const first11 = kind === 'iin' ? `900101${3}${tail.slice(1)}` : `2401${4}0${tail}`;
    const d = identifierCheckDigit(first11);
    if (d !== null) return `${first11}${d}`;
  }
}

export interface Person {
  accountId: string;
  iin: string;
  surname: string;
  keys: KeyBundle;
  client: Client;
}

/** An individual account with a password, signed in, and a SIGN key from the test CA for `template`. */
export async function person(
  t: TestApp,
  pki: SignaturePki,
  opts: {
    surname: string;
    template?: 'individual' | 'first-head' | 'sign-rights' | 'employee' | 'individual-entrepreneur';
    bin?: string;
    org?: string;
    roles?: string[];
  },
): Promise<Person> {
  const iin = validId('iin');
  const account = await t.ctx.identity.createAccount({
    kind: 'individual',
    iin,
    password: PASSWORD,
    surname: opts.surname,
    firstName: 'ТЕСТ',
    email: `${iin}@example.kz`,
  });
  if (opts.roles) await t.ctx.identity.updateAccount(account.id, { roles: opts.roles });
  const pair = await pki.issue({
    template: opts.template ?? 'individual',
    iin,
    bin: opts.bin,
    org: opts.org,
    surname: opts.surname,
    firstName: 'ТЕСТ',
    email: `${iin}@example.kz`,
  });
  const client = apiClient(t.app);
  await client.init();
  const login = await client.post('/api/v1/auth/login/password', { login: iin, password: PASSWORD });
  expect(login.statusCode, login.body).toBe(200);
  return { accountId: account.id, iin, surname: opts.surname, keys: pair.sign, client };
}

/** An organisation with `head` as its first member; more members with `rights`. */
export async function organization(
  t: TestApp,
  opts: {
    bin: string;
    name: string;
    kind?: 'legal_entity' | 'individual_entrepreneur';
    admin: string;
    email?: string;
    members?: { accountId: string; rights: MemberRight[] }[];
  },
) {
  const { organization: org } = await t.ctx.organizations.create(
    {
      bin: opts.bin,
      kind: opts.kind ?? 'legal_entity',
      nameRu: opts.name,
      roles: ['supplier'],
      kse: '1',
      email: opts.email ?? 'org@example.kz',
    },
    { accountId: opts.admin, rights: ['org_admin', 'head'] },
  );
  for (const m of opts.members ?? [])
    await t.ctx.organizations.addMember({
      organizationId: org.id,
      accountId: m.accountId,
      rights: m.rights,
      status: 'active',
    });
  return org;
}

/** Signs a signing request's data (attached, or detached for the certificate PDF). */
export async function signRequest(request: { dataBase64: string }, keys: KeyBundle, detached = false) {
  const data = new Uint8Array(Buffer.from(request.dataBase64, 'base64'));
  if (!detached) return cmsOf(data, keys);
  return Buffer.from(await signCms(data, keys, { detached: true })).toString('base64');
}

export async function upload(
  c: Client,
  url: string,
  bytes: Uint8Array,
  filename = 'doc.pdf',
  title = 'Документ',
) {
  const { payload, headers } = multipartBody([
    { name: 'title', value: title },
    { name: 'file', filename, contentType: 'application/pdf', value: bytes },
  ]);
  return c.request({ method: 'POST', url, payload, headers });
}

export const pdf = (text: string) => samplePdf(text);

/** A complete form (every field «Подать заявку» needs). */
export const completeForm = (bodyBin: string, standard = 'ISO 9001') => ({
  capacity: 'self' as const,
  applicant: {
    name: 'ТОО «Заявитель»',
    legalAddress: 'г. Алматы, ул. Абая, 1',
    headFullName: 'ИВАНОВ ИВАН',
    mobile: '+7(701)123-45-67',
    email: 'applicant@example.kz',
  },
  address: { postalIndex: '050000', city: 'Алматы', street: 'Абая', house: '1' },
  body: { bodyBin },
  additional: { contactPerson: 'Петров П.', contactPhone: '+77011234568' },
  scope: {
    standard,
    scopeText: 'Производство металлоконструкций',
    sites: [{ address: 'г. Алматы, ул. Абая, 1', activity: 'производство' }],
    headcount: 120,
    oked: '25110',
  },
  note: 'Примечание',
});
