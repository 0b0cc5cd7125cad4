import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import {
  collectConsoleErrors,
  DEMO,
  newestEmail,
  PASSWORD,
  passwordLogin,
  registerAndActivateIndividual,
} from './identity';
import { type RunningPortal, startPortal } from './portal';

const person = DEMO.individual;
const NEW_EMAIL = 'aigul.new@example.kz';
/** Her identity card in the registry stand-in (modules/registry/demo-data.ts). */
const REGISTRY_CARD = '045123456';
let portal: RunningPortal;

// A portal of its own (own database and signer port), so the registered person is this spec's alone.
test.beforeAll(async () => {
  test.setTimeout(200_000);
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const shot = (page: import('@playwright/test').Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/profile-${name}.png`, fullPage: true });

/**
 * Кабинет → Личные данные (seed 001): registration data from the registry → «Редактировать данные» (a new email
 * is «Не подтвержден») → «Подтвердить адрес электронной почты» with the link from the dev outbox → «Подтвержден»;
 * Паспортные данные: the registry's card read-only, a manual one added (a refusal first) and deleted after
 * «Вы действительно хотите удалить запись…?»; Контактные данные: an address with the KATO picker, added and deleted.
 */
test('personal data: edit, confirm the email, add and delete a passport record', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page, [{ path: '/api/v1/profile/documents', status: 400 }]);
  const base = portal.url;
  await registerAndActivateIndividual(page, request, base, person);
  await passwordLogin(page, base, person.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);

  // Регистрационные данные: IIN, birth date from the registry, the activated email «Подтвержден».
  await page.goto(`${base}/cabinet/profile`);
  const data = page.getByRole('region', { name: 'Регистрационные данные пользователя' });
  await expect(data).toContainText(person.iin);
  await expect(data).toContainText('08.10.1987');
  await expect(data).toContainText('Казахстан');
  await expect(page.getByTestId('email-state')).toHaveText('Подтвержден');
  await shot(page, 'registration-data');

  // «Загрузить фото»: a PNG, shown re-encoded by the server; «Удалить фото».
  const png = new PNG({ width: 30, height: 40 });
  png.data.fill(180);
  await page.locator('input[type=file]').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: PNG.sync.write(png),
  });
  await expect(data.getByRole('img', { name: 'Фотография пользователя' })).toBeVisible();
  await data.getByRole('button', { name: 'Удалить фото' }).click();
  await expect(data.getByText('Нет фото')).toBeVisible();

  // «Редактировать данные»: a bad work phone is refused in the form; a new email saves as «Не подтвержден».
  await page.getByRole('link', { name: 'Редактировать данные' }).click();
  await expect(page.getByRole('heading', { name: 'Редактировать данные пользователя' })).toBeVisible();
  await page.getByLabel('Рабочий телефон').fill('123');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Введите номер в формате +7 (XXX) XXX-XX-XX')).toBeVisible();
  await page.getByLabel('Рабочий телефон').fill('');
  await page.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(NEW_EMAIL);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Данные успешно сохранены')).toBeVisible();
  await expect(data).toContainText(NEW_EMAIL);
  await expect(page.getByTestId('email-state')).toHaveText('Не подтвержден');

  // «Подтвердить адрес электронной почты»: the mailed link → «Подтвержден».
  await page.getByRole('button', { name: 'Подтвердить адрес электронной почты' }).click();
  await expect(page.getByText(`На адрес ${NEW_EMAIL} отправлено сообщение со ссылкой`)).toBeVisible();
  const mail = await newestEmail(request, base, NEW_EMAIL, /\/confirm-email\?token=/);
  const link = new URL(/https?:\/\/\S+\/confirm-email\?token=[\w%-]+/.exec(mail.body)![0]);
  await page.goto(`${base}${link.pathname}${link.search}`);
  await expect(page.locator('[data-state=confirmed]')).toHaveText('Адрес электронной почты подтвержден');
  await shot(page, 'email-confirmed');
  await page.getByRole('link', { name: 'Перейти в личные данные' }).click();
  await expect(page.getByTestId('email-state')).toHaveText('Подтвержден');

  // Паспортные данные: the registry's identity card is read-only.
  await page.getByRole('tab', { name: 'Паспортные данные' }).click();
  const table = page.getByRole('table', { name: 'Паспортные данные' });
  const registryRow = table.getByRole('row').filter({ hasText: REGISTRY_CARD });
  await expect(registryRow).toContainText('Государственная база данных');
  await expect(registryRow.getByRole('button')).toHaveCount(0);

  // «Добавить»: an issue date in the future is refused by the server on its field; then saved.
  await page.getByRole('button', { name: 'Добавить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Добавить паспортные данные' });
  await dialog.getByLabel('Номер документа').fill('012345678');
  await dialog.getByLabel('Дата выдачи').fill('2099-01-01');
  await dialog.getByLabel('Орган выдачи').fill('МВД РК');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Дата выдачи не может быть позже сегодняшней')).toBeVisible();
  await dialog.getByLabel('Дата выдачи').fill('2021-05-04');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const manualRow = table.getByRole('row').filter({ hasText: '012345678' });
  await expect(manualRow).toContainText('Введено вручную');
  await expect(manualRow).toContainText('04.05.2021');
  await shot(page, 'documents');

  // «Удалить» → the seed's question → «Да».
  await manualRow.getByRole('button', { name: 'Удалить' }).click();
  const confirm = page.getByRole('dialog', { name: 'Удалить паспортные данные' });
  await expect(confirm).toContainText(
    'Вы действительно хотите удалить запись: 012345678 2021-05-04 МВД РК ?',
  );
  await confirm.getByRole('button', { name: 'Да' }).click();
  await expect(manualRow).toHaveCount(0);
  await expect(registryRow).toBeVisible();

  // Контактные данные: the registry's address read-only; an address added with the KATO picker, then deleted.
  await page.getByRole('tab', { name: 'Контактные данные' }).click();
  const contacts = page.getByRole('table', { name: 'Контактные данные' });
  await expect(contacts.getByRole('row').filter({ hasText: 'Государственная база данных' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Добавить' }).click();
  const form = page.getByRole('dialog', { name: 'Добавить контактные данные' });
  await form.getByRole('textbox', { name: 'Область, город республиканского значения' }).click();
  await page.getByRole('option', { name: 'г. Алматы', exact: true }).click();
  await form.getByRole('textbox', { name: 'Район, город областного значения' }).click();
  await page.getByRole('option', { name: 'Алмалинский район' }).click();
  await form.getByLabel('Улица').fill('ул. Абая');
  await form.getByLabel('№ Дома').fill('10');
  await form.getByLabel('Номер телефона').fill('+7 727 123 45 67');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form).toBeHidden();
  const address = contacts.getByRole('row').filter({ hasText: 'ул. Абая' });
  await expect(address).toContainText('г. Алматы, Алмалинский район, ул. Абая, д. 10');
  await expect(address).toContainText('+77271234567');
  await shot(page, 'contacts');
  await address.getByRole('button', { name: 'Удалить' }).click();
  const ask = page.getByRole('dialog', { name: 'Удалить контактные данные' });
  await expect(ask).toContainText('Вы действительно хотите удалить контактные данные?');
  await ask.getByRole('button', { name: 'OK' }).click();
  await expect(address).toHaveCount(0);

  expect(errors).toEqual([]);
});
