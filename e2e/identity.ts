import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** The demo signer's people (apps/portal/src/modules/pki/demo-people.ts) and their registry data. */
export const DEMO = {
  individual: {
    iin: '871008401427',
    fullName: 'АХМЕТОВА АЙГУЛЬ САПАРОВНА',
    email: 'aigul.akhmetova@example.kz',
    mobile: '7011234567',
    /** Her identity card in the registry stand-in (docs/registry.md), for recovery by document data. */
    document: { number: '045123456', issueDate: '2019-03-15' },
  },
  head: {
    iin: '760212350620',
    fullName: 'ЖУМАБЕКОВ НУРЛАН ЕРЖАНОВИЧ',
    email: 'director@demo-cert.kz',
    mobile: '7017654321',
  },
  employee: {
    iin: '800416300257',
    fullName: 'ОМАРОВ ДАНИЯР АСКАРОВИЧ',
    email: 'employee@demo-cert.kz',
    mobile: '7051112233',
  },
  /** Signing rights (право подписи) at the organisation: the second signatory of its applications. */
  signatory: {
    iin: '821125445189',
    fullName: 'СМАГУЛОВА ГУЛЬНАРА БЕРИКОВНА',
    email: 'signatory@demo-cert.kz',
    mobile: '7071234455',
  },
  organization: { bin: '940140000385', name: 'ТОО «Демо Сертификация»' },
} as const;

export const PASSWORD = 'Secret1%pass';

/** An API refusal the journey provokes on purpose: Chromium logs it as a console error, which is expected. */
export interface ExpectedRefusal {
  path: string;
  status: number;
}

/**
 * Console errors and uncaught exceptions of a page, except Chromium's "Failed to load resource" line for the
 * API refusals listed (a wrong password is a 401 by design). CSP violations and React errors all count.
 */
export function collectConsoleErrors(page: Page, expected: ExpectedRefusal[] = []) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const refusal = expected.some(
      (e) => new URL(url, 'http://x').pathname === e.path && message.text().includes(`status of ${e.status}`),
    );
    if (!refusal) errors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/identity-${name}.png`, fullPage: true });

interface OutboxItem {
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

/** The newest e-mail to `to` in the DEMO outbox (GET /api/v1/dev/outbox) whose body matches. */
export async function newestEmail(request: APIRequestContext, base: string, to: string, body: RegExp) {
  let found: OutboxItem | undefined;
  await expect
    .poll(async () => {
      const res = await request.get(`${base}/api/v1/dev/outbox`);
      const { items } = (await res.json()) as { items: OutboxItem[] };
      found = items.find((m) => m.channel === 'email' && m.to === to && body.test(m.body));
      return !!found;
    })
    .toBe(true);
  return found!;
}

/** The activation link of the newest activation e-mail to `to`. */
export async function activationLink(request: APIRequestContext, base: string, to: string) {
  const mail = await newestEmail(request, base, to, /\/activate\?token=/);
  const link = /https?:\/\/\S+\/activate\?token=[\w%-]+/.exec(mail.body)?.[0];
  expect(link, mail.body).toBeTruthy();
  // The mail names the portal's PUBLIC_URL; open it on the address this test uses.
  const url = new URL(link!);
  return `${base}${url.pathname}${url.search}`;
}

/** Narrows NCALayer's (the demo signer's) key choice, as a user with several keys would. */
export async function chooseKeyOf(page: Page, filter: { iin?: string; bin?: string }) {
  const toggle = page.getByRole('button', { name: 'Параметры выбора ключа' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  if (filter.iin !== undefined) await page.getByLabel('ИИН владельца ключа').fill(filter.iin);
  if (filter.bin !== undefined) await page.getByLabel('БИН организации').fill(filter.bin);
}

export async function passwordLogin(page: Page, base: string, login: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('ИИН, БИН или e-mail').fill(login);
  await page.getByLabel(/^Пароль\s*\*?$/).fill(password);
  await page.getByRole('button', { name: 'Войти в систему' }).click();
}

export async function logout(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Войти' })).toBeVisible();
}

/** Step 3 of the wizard: e-mail (checked or typed), mobile, password twice. */
export async function fillContacts(page: Page, person: { email: string; mobile: string }) {
  await expect(page.getByTestId('step-counter')).toHaveText('Шаг 3 из 4');
  await page.getByLabel('Электронная почта').fill(person.email);
  await page.getByLabel('Мобильный телефон').fill(person.mobile);
  await page.getByLabel('Придумайте пароль').fill(PASSWORD);
  await page.getByLabel('Подтвердите пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Шаг 4 из 4');
}

/** Step 1: the type and the agreement. */
export async function chooseKind(
  page: Page,
  kind: 'Физическое лицо' | 'Юридическое лицо' | 'Орган по сертификации',
) {
  await expect(page.getByTestId('step-counter')).toHaveText('Шаг 1 из 4');
  await page.getByRole('radio', { name: new RegExp(kind) }).click();
  await page.getByRole('checkbox', { name: /Пользователь подтверждает что, ознакомлен/ }).check();
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Шаг 2 из 4');
}

/** Registers an individual through the wizard (identified by the AUTH key at step 2) and activates the email. */
export async function registerAndActivateIndividual(
  page: Page,
  request: APIRequestContext,
  base: string,
  person: { iin: string; fullName: string; email: string; mobile: string },
) {
  await page.goto(`${base}/register`);
  await chooseKind(page, 'Физическое лицо');
  await page.getByRole('textbox', { name: /^ИИН/ }).fill(person.iin);
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  await expect(page.getByRole('region', { name: 'Данные сертификата' })).toContainText(person.fullName);
  await page.getByRole('button', { name: 'Далее' }).click();
  await fillContacts(page, person);
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Регистрация в системе прошла успешно' }),
  ).toBeVisible();
  await page.goto(await activationLink(request, base, person.email));
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();
}
