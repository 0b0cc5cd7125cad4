import { expect, test } from '@playwright/test';
import {
  chooseKeyOf,
  collectConsoleErrors,
  DEMO,
  logout,
  PASSWORD,
  registerAndActivateIndividual,
  shot,
} from './identity';
import { type RunningPortal, startPortal } from './portal';

const person = DEMO.individual;
let portal: RunningPortal;

// A second portal (own database, own signer port) with seed 001's certificate + password login and a short
// lockout, so its password step can be locked too.
test.beforeAll(async () => {
  // The first start issues the demo keys (RSA generation): slow on a busy machine.
  test.setTimeout(200_000);
  portal = await startPortal({
    LOGIN_CERT_REQUIRES_PASSWORD: '1',
    LOCKOUT_MAX_FAILURES: '3',
    LOCKOUT_MINUTES: '1',
  });
});
test.afterAll(async () => portal?.stop());

test('certificate + password: «Здравствуйте …», wrong password, «Выбрать другой сертификат», then login and lock', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page, [
    { path: '/api/v1/auth/login/certificate-password', status: 401 },
    { path: '/api/v1/auth/login/certificate-password', status: 423 },
  ]);
  const base = portal.url;

  // Register and activate through the wizard (identification by the AUTH key at step 2).
  await registerAndActivateIndividual(page, request, base, person);

  // ЭЦП → the password page of seed 001.
  const chooseCertificate = async () => {
    await page.goto(`${base}/login?tab=eds`);
    await chooseKeyOf(page, { iin: person.iin });
    await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
    await expect(page.getByRole('heading', { name: 'Подтверждение входа в систему' })).toBeVisible();
  };
  await chooseCertificate();
  await expect(page.getByText('Здравствуйте')).toBeVisible();
  await expect(page.getByTestId('holder-name')).toHaveText(person.fullName);
  await expect(page.getByText('Для входа в систему введите пароль')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Выбрать другой сертификат' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Забыли пароль?' })).toBeVisible();
  await shot(page, 'login-cert-password');

  const password = page.getByLabel(/^Пароль/);
  await password.fill('Wrong1%pass');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByText('Неправильный пароль')).toBeVisible();
  await shot(page, 'login-cert-password-wrong');

  // «Выбрать другой сертификат» goes back to the certificate choice.
  await page.getByRole('button', { name: 'Выбрать другой сертификат' }).click();
  await expect(page.getByRole('button', { name: 'Выбрать сертификат' })).toBeVisible();

  // The right password signs in (and clears the failure count).
  await chooseCertificate();
  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/cabinet/);
  await expect(page.getByRole('banner').getByText(person.fullName)).toBeVisible();
  await logout(page);

  // Three wrong passwords lock the password step (LOCKOUT_MAX_FAILURES=3), with the remaining time.
  await chooseCertificate();
  for (let i = 0; i < 3; i++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/certificate-password'));
    await password.fill(`Wrong${i}%pass`);
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    expect((await answer).status()).toBe(i < 2 ? 401 : 423);
  }
  await expect(page.getByText('временно заблокирован')).toBeVisible();
  await expect(page.getByTestId('lock-remaining')).toHaveText(/До снятия блокировки: [01]:\d\d/);
  await shot(page, 'login-cert-password-locked');
  expect(errors).toEqual([]);
});
