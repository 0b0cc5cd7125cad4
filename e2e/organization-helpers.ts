import { expect, type Page, test } from '@playwright/test';
import { createSignerClient, type WebSocketConstructor } from '@tereze/signer/client';
import WebSocket from 'ws';
import { DEMO, newestEmail } from './identity';
import { type RunningPortal, startPortal } from './portal';

/** The demo administrator (DEMO mode seeds it). */
export const DEMO_ADMIN = { login: 'admin@demo.tereze.kz', password: 'Admin2026$demo' };

/**
 * A portal of the spec's own (fresh database), started before its tests and stopped after them: the demo
 * organisation's BIN registers once per portal, and several specs register it.
 */
export function useOwnPortal(startTimeout: number): () => RunningPortal {
  let portal: RunningPortal | undefined;
  test.beforeAll(async () => {
    test.setTimeout(startTimeout);
    portal = await startPortal();
  });
  test.afterAll(async () => portal?.stop());
  return () => {
    if (!portal) throw new Error('the portal is not started (use it inside a test)');
    return portal;
  };
}

/** The CSRF header of the page's browser context (double-submit cookie), for API writes from the test. */
export async function csrfHeader(page: Page, base: string) {
  await page.request.get(`${base}/api/v1/csrf`);
  const cookie = (await page.context().cookies(base)).find((c) => c.name === 'csrf_token');
  return { 'x-csrf-token': cookie!.value };
}

/** The page's API client: the browser's cookies, the CSRF header like the web app sends; any non-2xx fails. */
export async function apiPost(page: Page, base: string) {
  const headers = await csrfHeader(page, base);
  return async <T>(path: string, body: unknown): Promise<T> => {
    const res = await page.request.post(`${base}${path}`, { data: body, headers });
    expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
}

/** Signs data with a demo key (by the holder's IIN and the organisation's BIN) through the portal's signer. */
export async function signWithDemoSigner(
  signerUrl: string,
  data: Uint8Array | string,
  key: { iin: string; bin: string },
): Promise<string> {
  const signer = createSignerClient({
    url: signerUrl,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    chain: [],
  });
  try {
    return await signer.signCms(data, { purpose: 'document', iin: key.iin, bin: key.bin });
  } finally {
    signer.close();
  }
}

export interface ParticipantHead {
  iin: string;
  bin: string;
  surname: string;
  firstName: string;
  patronymic: string;
}

/** ЖУМАБЕКОВ, the first head of the demo organisation. */
export const DEMO_HEAD: ParticipantHead = {
  iin: DEMO.head.iin,
  bin: DEMO.organization.bin,
  surname: 'ЖУМАБЕКОВ',
  firstName: 'НУРЛАН',
  patronymic: 'ЕРЖАНОВИЧ',
};

/**
 * The signed-in user registers the participant (seed 001) through the API: the agreement is signed with the
 * head's SIGN key by the demo signer, as NCALayer would; the user becomes its Администратор организации.
 * The registration data are the demo registry's; `contacts` replaces the default ones. Returns the id.
 */
export async function registerParticipant(
  page: Page,
  portal: RunningPortal,
  who: ParticipantHead = DEMO_HEAD,
  contacts: { email?: string; phone?: string; site?: string } = {},
): Promise<string> {
  const base = portal.url;
  const headers = await csrfHeader(page, base);
  const signing = await page.request.post(`${base}/api/v1/signing-requests`, {
    data: { purpose: 'participant_agreement' },
    headers,
  });
  expect(signing.status(), await signing.text()).toBe(201);
  const { id, dataBase64 } = (await signing.json()) as { id: string; dataBase64: string };
  const pem = await signWithDemoSigner(
    portal.signerUrl,
    new Uint8Array(Buffer.from(dataBase64, 'base64')),
    who,
  );
  const res = await page.request.post(`${base}/api/v1/organizations`, {
    headers,
    data: {
      signingRequestId: id,
      cms: pem.replace(/-----(BEGIN|END) CMS-----|\s/g, ''),
      registrationDate: '1994-01-20',
      registrationNumber: '38-1910-ТОО',
      registrationAuthority: 'Департамент юстиции города Алматы',
      countryCode: '398',
      kopf: '20',
      kse: '7',
      kfs: '16',
      roles: ['supplier'],
      resident: true,
      smallBusiness: true,
      mediumBusiness: false,
      email: `office-${who.bin}@example.kz`,
      site: 'example.kz',
      phone: '+7 727 123 45 67',
      ...contacts,
      applicantName: `${who.surname} ${who.firstName} ${who.patronymic}`,
      applicantPosition: 'Директор',
      headIin: who.iin,
      headSurname: who.surname,
      headFirstName: who.firstName,
      headPatronymic: who.patronymic,
      headPosition: 'Директор',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { organization: { id: string } }).organization.id;
}

/**
 * The person signed in on `member` (an individual account) becomes an active employee of the organisation
 * through the API, as seed 004 does it: the administrator signed in on `admin` invites their e-mail, they accept
 * the mailed link's token, the administrator activates them. Returns the membership id.
 */
export async function addActiveEmployee(
  admin: Page,
  member: Page,
  base: string,
  organizationId: string,
  email: string,
  rights: string[] = ['employee'],
): Promise<string> {
  await (await apiPost(admin, base))(`/api/v1/organizations/${organizationId}/invitations`, {
    email,
    rights,
  });
  const mail = await newestEmail(admin.request, base, email, /\/invitation\?token=/);
  const token = new URL(/https?:\/\/\S+\/invitation\?token=[\w%-]+/.exec(mail.body)![0]).searchParams.get(
    'token',
  );
  const { memberId } = await (await apiPost(member, base))<{ memberId: string }>(
    '/api/v1/invitations/accept',
    {
      token,
    },
  );
  await (await apiPost(admin, base))(
    `/api/v1/organizations/${organizationId}/employees/${memberId}/activate`,
    {},
  );
  return memberId;
}
