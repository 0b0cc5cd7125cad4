import { expect, type Page, test } from '@playwright/test';
import WebSocket from 'ws';
import { verifyCms } from '../packages/pki/src/index';
import { createSignerClient, type WebSocketConstructor } from '../packages/signer/src/client';
import {
  activationLink,
  chooseKeyOf,
  chooseKind,
  collectConsoleErrors,
  DEMO,
  fillContacts,
  logout,
  PASSWORD,
  passwordLogin,
  registerAndActivateIndividual,
  shot,
} from './identity';
import { type RunningPortal, startPortal } from './portal';

/** The registry's certification body and its first head, whose key the demo signer holds (docs/registry.md). */
const OPS = {
  bin: '080440172309',
  name: 'ТОО «Демо ОПС»',
  head: { iin: '790914315921', fullName: 'ТЕМИРХАНОВ АСЛАН МАРАТОВИЧ' },
  email: 'head@demo-ops.kz',
  mobile: '7021234567',
};
/** The demo administrator (README). */
const ADMIN = { email: 'admin@demo.tereze.kz', password: 'Admin2026$demo' };
/** The portal's own signing key in DEMO (docs/operator.md). */
const PORTAL_BIN = '261140770013';
const operator = DEMO.employee;
const citizen = DEMO.individual;

let portal: RunningPortal;

// A portal of its own: ТОО «Демо Сертификация» (the operator's organisation here) is authorised in OPERATOR_BINS,
// and the accounts made here are this spec's alone.
test.beforeAll(async () => {
  test.setTimeout(200_000);
  portal = await startPortal({ OPERATOR_BINS: DEMO.organization.bin });
});
test.afterAll(async () => portal?.stop());

/** The CSRF token of the page's browser context (double-submit cookie), for API writes from the test. */
async function csrfHeader(page: Page) {
  await page.request.get(`${portal.url}/api/v1/csrf`);
  const cookie = (await page.context().cookies(portal.url)).find((c) => c.name === 'csrf_token');
  return { 'x-csrf-token': cookie!.value };
}

/**
 * Seed 004/000: a certification body registers through the wizard — BIN → «Найти» (the registry says it is
 * accredited), the first head's key, contacts, the agreement signed with the SIGN key — then activates the email
 * and signs in with the organisation's AUTH key.
 */
test('certification body: BIN found, first head signs the agreement, activates, signs in by ЭЦП', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  const base = portal.url;

  await page.goto(`${base}/register`);
  await chooseKind(page, 'Орган по сертификации');
  await page.getByRole('textbox', { name: /^БИН/ }).fill(OPS.bin);
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page.getByTestId('organization-card')).toContainText(OPS.name);
  await chooseKeyOf(page, { iin: OPS.head.iin });
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  const card = page.getByRole('region', { name: 'Данные сертификата' });
  await expect(card.locator('[data-field=iin] dd')).toHaveText(OPS.head.iin);
  await expect(card.locator('[data-field=bin] dd')).toHaveText(OPS.bin);
  await expect(card.locator('[data-field=fullName] dd')).toHaveText(OPS.head.fullName);
  await shot(page, 'register-step2-certification-body');
  await page.getByRole('button', { name: 'Далее' }).click();
  await fillContacts(page, OPS);
  await expect(page.getByText(`${OPS.name} (${OPS.bin})`)).toBeVisible();
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Регистрация в системе прошла успешно' }),
  ).toBeVisible();

  await page.goto(await activationLink(request, base, OPS.email));
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();
  await page.goto(`${base}/login?tab=eds`);
  await chooseKeyOf(page, { iin: OPS.head.iin, bin: OPS.bin });
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  await expect(page).toHaveURL(/\/cabinet/);
  await page.goto(`${base}/cabinet/profile`);
  await expect(page.getByRole('region', { name: 'Регистрационные данные' })).toContainText(OPS.bin);
  await shot(page, 'cabinet-certification-body-profile');
  await logout(page);
  expect(errors).toEqual([]);
});

/**
 * Seed 002 «Регистрация на портале посредством ЦОН»: the administrator makes a person an operator; the
 * workstation signs the request with the operator's organisation SIGN key (through the signer, as NCALayer on
 * the workstation would); the portal answers with a response signed by its own key, which verifies; the slip
 * page shows login and one-time password once and prints; the citizen signs in with it and must change it.
 */
test('ЦОН operator: signed workstation request → portal-signed answer verified → slip printed', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const errors = collectConsoleErrors(page);
  const base = portal.url;

  // The operator's personal account (wizard), then the demo administrator grants the operator role.
  await registerAndActivateIndividual(page, request, base, operator);
  await passwordLogin(page, base, operator.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  const operatorId = (
    (await (await page.request.get(`${base}/api/v1/me`)).json()) as { user: { id: string } }
  ).user.id;
  await logout(page);
  await passwordLogin(page, base, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/cabinet/);
  const granted = await page.request.post(`${base}/api/v1/admin/accounts/${operatorId}/operator`, {
    data: { grant: true },
    headers: await csrfHeader(page),
  });
  expect(granted.status(), await granted.text()).toBe(200);
  expect((await granted.json()).roles).toContain('operator');
  await logout(page);

  // The workstation: canonical request JSON signed with the operator's organisation SIGN key.
  const requestId = `arm-e2e-${Date.now()}`;
  const json = JSON.stringify({
    requestId,
    iin: citizen.iin,
    email: citizen.email,
    mobile: `+7${citizen.mobile}`,
    action: 'register',
    timestamp: new Date().toISOString(),
  });
  const bytes = new TextEncoder().encode(json);
  const signer = createSignerClient({
    url: portal.signerUrl,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    chain: [],
  });
  let pem: string;
  try {
    pem = await signer.signCms(bytes, { purpose: 'document', iin: operator.iin, bin: DEMO.organization.bin });
  } finally {
    signer.close();
  }
  const cms = pem.replace(/-----(BEGIN|END) CMS-----|\s/g, '');
  const answer = await page.request.post(`${base}/api/v1/operator/registrations`, {
    data: { data: Buffer.from(bytes).toString('base64'), cms },
    headers: await csrfHeader(page),
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const signed = (await answer.json()) as { data: string; cms: string };

  // The workstation verifies the portal's signature over the answer (test CA roots from /pki).
  const answerBytes = new Uint8Array(Buffer.from(signed.data, 'base64'));
  const caCert = async (name: string) =>
    new Uint8Array(await (await request.get(`${base}/pki/ca/${name}`)).body());
  const report = await verifyCms(signed.cms, {
    trustAnchors: [await caCert('root.cer')],
    intermediates: [await caCert('issuing.cer')],
    purpose: 'document',
    expectedContent: answerBytes,
    revocation: 'off',
  });
  expect(report.valid, JSON.stringify(report.failedCheck)).toBe(true);
  expect(report.signers[0].profile?.bin).toBe(PORTAL_BIN);
  const result = JSON.parse(new TextDecoder().decode(answerBytes)) as {
    requestId: string;
    result: string;
    login: string;
    password: string;
    slipUrl: string;
  };
  expect(result).toMatchObject({ requestId, result: 'registered', login: citizen.iin });

  // The slip: login and one-time password from the URL fragment, shown once, printable.
  const slip = new URL(result.slipUrl);
  await page.goto(`${base}${slip.pathname}${slip.hash}`);
  const slipRegion = page.locator('main');
  await expect(slipRegion.getByText(`Заявка № ${requestId}`)).toBeVisible();
  await expect(slipRegion).toContainText(citizen.iin);
  await expect(slipRegion).toContainText(result.password);
  await expect(page.getByRole('button', { name: 'Распечатать' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'operator-slip-print');
  await expect(page.getByRole('button', { name: 'Распечатать' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.reload();
  await expect(page.getByText('Данные для входа уже были показаны')).toBeVisible();

  // The citizen signs in with the one-time password and is taken to change it.
  await passwordLogin(page, base, citizen.iin, result.password);
  await expect(page).toHaveURL(/\/cabinet\/profile/);
  expect(errors).toEqual([]);
});
