import { expect, test } from '@playwright/test';
import {
  activationLink,
  chooseKind,
  collectConsoleErrors,
  DEMO,
  fillContacts,
  logout,
  shot,
} from './identity';

const base = () => process.env.E2E_BASE_URL!;
// ОМАРОВ's own (personal) account: the other journeys use him only for a refused organisation registration.
const person = DEMO.employee;

interface OutboxItem {
  channel: 'email' | 'sms';
  to: string;
  body: string;
}

/**
 * One-time password (seed 002's «Одноразовый пароль» tab): a 6-digit SMS code to the registered mobile with a
 * visible 120 s countdown; a wrong code is refused, the right one signs in.
 */
test('one-time password: SMS code with a countdown, wrong code refused, right code signs in', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page, [{ path: '/api/v1/auth/otp/verify', status: 401 }]);

  // A personal account with a mobile number (step 2 by IIN, «Я являюсь физическим лицом» flow).
  await page.goto(`${base()}/register`);
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
  await page.goto(await activationLink(request, base(), person.email));
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();

  await page.goto(`${base()}/login?tab=otp`);
  await page.getByRole('textbox', { name: /^ИИН или БИН/ }).fill(person.iin);
  await page.getByRole('button', { name: 'Получить код' }).click();
  await expect(page.getByTestId('otp-countdown')).toHaveText(/Код действует еще (2:00|1:5\d)/);

  let code = '';
  await expect
    .poll(async () => {
      const { items } = (await (await request.get(`${base()}/api/v1/dev/outbox`)).json()) as {
        items: OutboxItem[];
      };
      const sms = items.find((m) => m.channel === 'sms' && m.to === `+7${person.mobile}`);
      code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  await shot(page, 'login-otp');

  const wrong = code === '000000' ? '111111' : '000000';
  const boxes = page.getByRole('form', { name: 'Ввод одноразового пароля' }).locator('input');
  await boxes.first().click();
  await page.keyboard.type(wrong);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByText('Неверный или недействительный одноразовый пароль')).toBeVisible();

  await boxes.first().click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
  await boxes.first().click();
  await page.keyboard.type(code);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page).toHaveURL(/\/cabinet/);
  await expect(page.getByRole('banner').getByText(person.fullName)).toBeVisible();
  await logout(page);
  expect(errors).toEqual([]);
});
