import { expect, test } from '@playwright/test';
import { collectConsoleErrors, passwordLogin, shot } from './identity';

const base = () => process.env.E2E_BASE_URL!;
/** Default policy (seed 002): 10 failures → 15 minutes. */
const MAX_FAILURES = 10;

/**
 * Lockout counts per identifier, also without an account (a lock reveals nothing): nine wrong passwords get
 * «Ошибка авторизации…», the tenth locks with seed 002's message and the remaining time; ЭЦП stays open.
 */
test('password login locks after the configured number of failures and shows the remaining time', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page, [
    { path: '/api/v1/auth/login/password', status: 401 },
    { path: '/api/v1/auth/login/password', status: 423 },
  ]);
  const login = `nobody-${Date.now()}@example.kz`;
  await passwordLogin(page, base(), login, 'Wrong1%pass');
  const alert = page.getByRole('alert').filter({ hasText: /Ошибка авторизации|заблокирован/ });
  await expect(alert).toHaveText('Ошибка авторизации: введен неверный логин или пароль');
  await shot(page, 'login-wrong-password');

  const submit = page.getByRole('button', { name: 'Войти в систему' });
  for (let attempt = 2; attempt < MAX_FAILURES; attempt++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/password'));
    await submit.click();
    expect((await answer).status(), `attempt ${attempt}`).toBe(401);
  }
  const locked = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/password'));
  await submit.click();
  expect((await locked).status()).toBe(423);
  await expect(alert).toContainText(
    'Вход по логин-паролю для данного ИИН/БИН временно заблокирован. Вы можете авторизоваться на Портале по ЭЦП, ЭЦП на SIM-карте или по Одноразовому паролю',
  );
  await expect(page.getByTestId('lock-remaining')).toHaveText(/До снятия блокировки: 1[45]:\d\d/);
  await shot(page, 'login-locked');

  // Still locked, even with another password; the countdown goes on.
  const again = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/password'));
  await submit.click();
  expect((await again).status()).toBe(423);
  expect(errors).toEqual([]);
});
