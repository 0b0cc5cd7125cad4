import { expect, test } from '@playwright/test';
import {
  chooseKeyOf,
  collectConsoleErrors,
  DEMO,
  logout,
  newestEmail,
  passwordLogin,
  registerAndActivateIndividual,
  shot,
} from './identity';
import { type RunningPortal, startPortal } from './portal';

const person = DEMO.individual;
const CHOSEN = 'Chosen3#pass';
const SIGNED = 'Signed4$pass';
let portal: RunningPortal;

// A portal of its own (own database and signer port), so the recovered account is this spec's alone.
test.beforeAll(async () => {
  test.setTimeout(200_000);
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

/**
 * «Забыли пароль?» → the link path (seed 001): link mailed → following it mails a temporary password (a second
 * visit is refused) → login only lets the password be changed → then the ЭЦП path (seed 002): new password set
 * by signing the recovery request with the AUTH key → login with it.
 */
test('recovery: e-mail link → temporary password → forced change; ЭЦП → new password', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page, [{ path: '/api/v1/auth/recovery/link/confirm', status: 400 }]);
  const base = portal.url;

  // An activated account (wizard with the AUTH key at step 2, activation link).
  await registerAndActivateIndividual(page, request, base, person);

  // «Забыли пароль?» from the login page → the link path.
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Забыли пароль?' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Восстановление пароля' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ссылка для восстановления на e-mail' }).check();
  await page.getByLabel('Логин пользователя').fill(person.email);
  await page.getByRole('button', { name: 'Восстановить' }).click();
  await expect(page.locator('[data-state=sent]')).toHaveText(
    'На указанный адрес электронной почты отправлено письмо с инструкциями для изменения пароля',
  );
  await shot(page, 'recovery-link-sent');

  const linkMail = await newestEmail(request, base, person.email, /\/password\/reset\?token=/);
  const link = new URL(/https?:\/\/\S+\/password\/reset\?token=[\w%-]+/.exec(linkMail.body)![0]);
  const resetUrl = `${base}${link.pathname}${link.search}`;
  await page.goto(resetUrl);
  await expect(
    page.getByText(
      'На указанный адрес электронной почты отправлено письмо с временным паролем и инструкциями',
    ),
  ).toBeVisible();
  await shot(page, 'recovery-temporary-sent');
  await page.goto(resetUrl);
  await expect(
    page.getByText('Ссылка для восстановления пароля недействительна или уже использована'),
  ).toBeVisible();

  // The temporary password signs in, straight to the password change.
  const mail = await newestEmail(request, base, person.email, /временный пароль/);
  const temporary = /временный пароль: (\S+)/.exec(mail.body)![1];
  await passwordLogin(page, base, person.iin, temporary);
  await expect(page).toHaveURL(/\/cabinet\/profile/);
  await page.getByLabel('Текущий пароль').fill(temporary);
  await page.getByLabel('Новый пароль').fill(CHOSEN);
  await page.getByLabel('Подтверждение пароля').fill(CHOSEN);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Пароль изменен. Сеансы на других устройствах завершены.')).toBeVisible();
  await logout(page);

  // ЭЦП path: the new password, then the recovery request signed with the person's AUTH key.
  await page.goto(`${base}/password/forgot`);
  await page.getByRole('radio', { name: 'Восстановление пароля через ЭЦП' }).check();
  await page.getByRole('textbox', { name: 'Новый пароль' }).fill(SIGNED);
  await page.getByLabel('Подтверждение пароля').fill(SIGNED);
  await chooseKeyOf(page, { iin: person.iin });
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  await expect(page.locator('[data-state=changed]')).toContainText(
    'Пароль изменен. Войдите в систему с новым паролем',
  );
  await shot(page, 'recovery-signature-done');
  await passwordLogin(page, base, person.iin, SIGNED);
  await expect(page).toHaveURL(/\/cabinet/);
  expect(errors).toEqual([]);
});

/**
 * The two mailed-password paths on the same account: seed 000 (techreg) «Новый пароль на e-mail» — a new
 * password generated and mailed; seed 002 (egov) by IIN + identity-document number + issue date checked against
 * the registry — wrong data refused with the server's message, right data → a new password mailed.
 */
test('recovery: new password mailed (techreg), then by identity-document data (egov)', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page, [
    { path: '/api/v1/auth/recovery/document', status: 400 },
    { path: '/api/v1/auth/login/password', status: 401 },
  ]);
  const base = portal.url;
  // The account of the test above, or (when this test runs on a portal of its own, e.g. a retry) a new one.
  const outbox = (await (await request.get(`${base}/api/v1/dev/outbox`)).json()) as {
    items: { to: string }[];
  };
  if (!outbox.items.some((m) => m.to === person.email))
    await registerAndActivateIndividual(page, request, base, person);
  const mailedPassword = /Ваш новый пароль: (\S+)/;
  const newestPassword = async () =>
    mailedPassword.exec((await newestEmail(request, base, person.email, mailedPassword)).body)![1];

  // Seed 000: the login (e-mail) → a new password in the mail; it signs in straight to the cabinet.
  await page.goto(`${base}/password/forgot`);
  await page.getByRole('radio', { name: 'Новый пароль на e-mail' }).check();
  await page.getByLabel('Логин пользователя').fill(person.email);
  await page.getByRole('button', { name: 'Восстановить' }).click();
  await expect(page.locator('[data-state=sent]')).toContainText(
    'Новый пароль отправлен на Вашу электронную почту',
  );
  await shot(page, 'recovery-new-password-sent');
  const mailed = await newestPassword();
  await passwordLogin(page, base, person.iin, mailed);
  await expect(page).toHaveURL(/\/cabinet/);
  await expect(page).not.toHaveURL(/\/cabinet\/profile/);
  await logout(page);

  // Seed 002: IIN + document data. A wrong document number first, then the registry's own data.
  await page.goto(`${base}/password/forgot`);
  await page
    .getByRole('radio', { name: 'Восстановление пароля через e-mail (ИИН/БИН и данные документа)' })
    .check();
  const form = page.getByRole('form', {
    name: 'Восстановление пароля через e-mail (ИИН/БИН и данные документа)',
  });
  await form.getByRole('radio', { name: 'Физическое лицо' }).check();
  await form.getByLabel('ИИН').fill(person.iin);
  await form.getByLabel('Номер документа (паспорта или удостоверения личности)').fill('045000000');
  await form.getByLabel('Дата выдачи документа').fill(person.document.issueDate);
  await form.getByRole('button', { name: 'Восстановить' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Введенные данные не соответствуют данным учетной записи',
  );
  await form.getByLabel('Номер документа (паспорта или удостоверения личности)').fill(person.document.number);
  await form.getByRole('button', { name: 'Восстановить' }).click();
  await expect(form.locator('[data-state=sent]')).toContainText(
    'Новый пароль отправлен на Вашу электронную почту',
  );
  await shot(page, 'recovery-document-sent');
  let byDocument = mailed;
  await expect.poll(async () => (byDocument = await newestPassword())).not.toBe(mailed);

  // The earlier mailed password no longer works; the new one does.
  await passwordLogin(page, base, person.iin, mailed);
  await expect(page.getByText('Ошибка авторизации: введен неверный логин или пароль')).toBeVisible();
  await passwordLogin(page, base, person.iin, byDocument);
  await expect(page).toHaveURL(/\/cabinet/);
  expect(errors).toEqual([]);
});
