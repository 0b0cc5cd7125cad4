import { expect, type Page, test } from '@playwright/test';
import {
  activationLink,
  chooseKeyOf,
  chooseKind,
  collectConsoleErrors,
  DEMO,
  fillContacts,
  logout,
  shot,
} from './identity';

const base = () => process.env.E2E_BASE_URL!;
const { organization, head, employee } = DEMO;

/** Step 2 for an organisation: BIN → «Найти», then the AUTH key of `holderIin` at that BIN. */
async function identifyAtOrganization(page: Page, holderIin: string) {
  await page.getByRole('textbox', { name: /^БИН/ }).fill(organization.bin);
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page.getByTestId('organization-card')).toContainText(organization.name);
  await chooseKeyOf(page, { iin: holderIin });
  const choose = page.getByRole('button', { name: /Выбрать (другой )?сертификат/ });
  await choose.click();
  const card = page.getByRole('region', { name: 'Данные сертификата' });
  await expect(card.locator('[data-field=iin] dd')).toHaveText(holderIin);
  await expect(card.locator('[data-field=bin] dd')).toHaveText(organization.bin);
  await expect(card.locator('[data-field=organization] dd')).toHaveText(organization.name);
}

/**
 * The demo legal entity (ТОО «Демо Сертификация»): an employee's key is refused with the server's message,
 * the first head registers it, activates it and signs in with the organisation's key; the BIN registers once.
 */
test('legal entity: employee key refused, first head registers, activates and signs in by ЭЦП', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page, [
    { path: '/api/v1/registrations', status: 422 },
    { path: '/api/v1/registrations', status: 409 },
  ]);

  await page.goto(`${base()}/register`);
  await chooseKind(page, 'Юридическое лицо');
  await expect(page.getByRole('switch', { name: 'Я являюсь физическим лицом (не ИП)' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Я являюсь сотрудником' })).toBeVisible();

  // The employee's key of the organisation: identified, but the agreement signature is refused by the server.
  await identifyAtOrganization(page, employee.iin);
  await shot(page, 'register-step2-organization');
  await page.getByRole('button', { name: 'Далее' }).click();
  await fillContacts(page, employee);
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  const refusal = page.getByTestId('registration-error');
  await expect(refusal).toContainText('Подпись не прошла проверку');
  await shot(page, 'register-refused-employee');

  // Back to step 2: the first head's key this time.
  await page.getByRole('button', { name: 'Назад' }).click();
  await page.getByRole('button', { name: 'Назад' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Шаг 2 из 4');
  await chooseKeyOf(page, { iin: head.iin });
  await page.getByRole('button', { name: 'Выбрать другой сертификат' }).click();
  const card = page.getByRole('region', { name: 'Данные сертификата' });
  await expect(card.locator('[data-field=iin] dd')).toHaveText(head.iin);
  await expect(card.locator('[data-field=fullName] dd')).toHaveText(head.fullName);
  await page.getByRole('button', { name: 'Далее' }).click();
  await fillContacts(page, head);
  await expect(page.getByText(`${organization.name} (${organization.bin})`)).toBeVisible();
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Регистрация в системе прошла успешно' }),
  ).toBeVisible();

  // Activation, then ЭЦП login with the head's AUTH key opens the organisation's account.
  await page.goto(await activationLink(request, base(), head.email));
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();
  await page.goto(`${base()}/login?tab=eds`);
  await chooseKeyOf(page, { iin: head.iin, bin: organization.bin });
  await page.getByRole('button', { name: 'Выбрать сертификат' }).click();
  await expect(page).toHaveURL(/\/cabinet/);
  await page.goto(`${base()}/cabinet/profile`);
  await expect(page.getByRole('region', { name: 'Регистрационные данные' })).toContainText(organization.bin);
  await shot(page, 'cabinet-organization-profile');
  await logout(page);

  // A BIN registers once: 409 with the server's message, nothing else happens.
  await page.goto(`${base()}/register`);
  await chooseKind(page, 'Юридическое лицо');
  await identifyAtOrganization(page, head.iin);
  await page.getByRole('button', { name: 'Далее' }).click();
  await fillContacts(page, { email: 'second@demo-cert.kz', mobile: head.mobile });
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  await expect(page.getByTestId('registration-error')).toContainText('уже зарегистрирован');
  await shot(page, 'register-refused-duplicate-bin');

  expect(errors).toEqual([]);
});
