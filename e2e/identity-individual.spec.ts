import { expect, test } from '@playwright/test';
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
  shot,
} from './identity';

const base = () => process.env.E2E_BASE_URL!;
const person = DEMO.individual;
const NEW_PASSWORD = 'Another2#pass';

/**
 * An individual's whole journey through the real portal and its built-in signer: ЭЦП login with no account →
 * the wizard prefilled from the certificate → «Регистрация в системе прошла успешно» → unactivated login →
 * activation link from the outbox → password login → password change → logout → ЭЦП login.
 */
test('individual: registration from the ЭЦП login, activation, password and ЭЦП login', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page, [
    { path: '/api/v1/auth/login/signature', status: 404 },
    { path: '/api/v1/auth/login/password', status: 403 },
    { path: '/api/v1/auth/activate', status: 400 },
    { path: '/api/v1/me/password', status: 400 },
  ]);

  // The login page with seed 002's tabs.
  await page.goto(`${base()}/login`);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход на портал' })).toBeVisible();
  for (const tab of ['Логин и пароль', 'ЭЦП', 'Одноразовый пароль'])
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Забыли пароль?' })).toHaveAttribute(
    'href',
    '/password/forgot',
  );
  await shot(page, 'login-password');

  // ЭЦП: the certificate is valid, but nobody registered with it → the wizard, prefilled (seed 001).
  await page.getByRole('tab', { name: 'ЭЦП' }).click();
  await chooseKeyOf(page, { iin: person.iin });
  await shot(page, 'login-eds');
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByText('Учетная запись по выбранному сертификату не найдена')).toBeVisible();
  await expect(page.getByTestId('agreement-text')).toContainText('Политика безопасности');
  await shot(page, 'register-step1');

  // Step 1 refuses to go on without the agreement.
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByText('Чтобы продолжить, подтвердите')).toBeVisible();
  await chooseKind(page, 'Физическое лицо');

  // Step 2: the certificate's data as seed 002 shows it.
  const card = page.getByRole('region', { name: 'Данные сертификата' });
  await expect(card.locator('[data-field=iin] dd')).toHaveText(person.iin);
  await expect(card.locator('[data-field=fullName] dd')).toHaveText(person.fullName);
  await expect(card.locator('[data-field=email] dd')).toHaveText(person.email);
  await expect(card.locator('[data-field=validity] dd')).toHaveText(/\d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}/);
  await shot(page, 'register-step2-individual');
  await page.getByRole('button', { name: 'Далее' }).click();

  // Step 3: the e-mail comes from the certificate; the policy's rules are shown and checked live.
  await expect(page.getByLabel('Электронная почта')).toHaveValue(person.email);
  await page.getByLabel('Мобильный телефон').fill(person.mobile);
  await expect(page.getByLabel('Мобильный телефон')).toHaveValue('+7 (701) 123-45-67');
  await page.getByLabel('Придумайте пароль').fill('password');
  await expect(page.locator('[data-rule=lower]')).toHaveAttribute('data-met', 'true');
  await expect(page.locator('[data-rule=digit]')).toHaveAttribute('data-met', 'false');
  await page.getByLabel('Подтвердите пароль').fill('different');
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(
    page.getByText(
      'Пароль должен: содержать цифры; содержать буквы в верхнем регистре; содержать специальный символ',
    ),
  ).toBeVisible();
  await expect(page.getByText('Пароли не совпадают')).toBeVisible();
  await shot(page, 'register-step3-rules');
  await fillContacts(page, person);

  // Step 4: the agreement is signed with the SIGN key; the server registers.
  await shot(page, 'register-step4');
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Регистрация в системе прошла успешно' }),
  ).toBeVisible();
  await expect(page.getByText(`На адрес ${person.email} отправлено письмо`)).toBeVisible();
  await shot(page, 'register-done');

  // Not activated yet: seed 001's message and «Отправить письмо повторно».
  await passwordLogin(page, base(), person.iin, PASSWORD);
  await expect(
    page.getByText('Для продолжения работы Вам необходимо активировать электронную почту'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Отправить письмо повторно' }).click();
  await expect(page.getByText('Если учетная запись ожидает активации')).toBeVisible();
  await shot(page, 'login-not-activated');

  // The activation link from the outbox; a second use is refused.
  const link = await activationLink(request, base(), person.email);
  await page.goto(link);
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();
  await shot(page, 'activate-done');
  await page.goto(link);
  await expect(page.getByText('Ссылка активации недействительна или уже использована')).toBeVisible();
  await shot(page, 'activate-used');

  // Password login → the cabinet with the user's name and «Выйти».
  await passwordLogin(page, base(), person.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  await expect(page.getByRole('banner').getByText(person.fullName)).toBeVisible();

  // Профиль → Смена пароля: the server's field error, then success.
  await page
    .getByRole('navigation', { name: 'Меню личного кабинета' })
    .getByRole('link', { name: /Профиль/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Смена пароля' })).toBeVisible();
  await page.getByLabel('Текущий пароль').fill('Wrong1%pass');
  await page.getByLabel('Новый пароль').fill(NEW_PASSWORD);
  await page.getByLabel('Подтверждение пароля').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Неверный текущий пароль')).toBeVisible();
  await page.getByLabel('Текущий пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Пароль изменен')).toBeVisible();
  await shot(page, 'profile-password-changed');
  await logout(page);

  // The new password works, by e-mail as the login.
  await passwordLogin(page, base(), person.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  await logout(page);

  // ЭЦП login: the AUTH key signs the server's challenge.
  await page.goto(`${base()}/login?tab=eds`);
  await chooseKeyOf(page, { iin: person.iin });
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  await expect(page).toHaveURL(/\/cabinet/);
  await expect(page.getByRole('banner').getByText(person.fullName)).toBeVisible();
  await shot(page, 'cabinet-after-eds');
  await logout(page);

  expect(errors).toEqual([]);
});
