import { expect, test } from '@playwright/test';
import { collectConsoleErrors, passwordLogin } from './identity';

// The shared portal of the run (global-setup): directories are the same reference data for every spec, and this
// one adds only a bank with its own BIC.
const base = () => process.env.E2E_BASE_URL!;
const ADMIN = { login: 'admin@demo.tereze.kz', password: 'Admin2026$demo' };
const BANK = {
  bic: 'DIRSKZKA',
  bankCode: '987',
  nameRu: 'АО «Банк справочников»',
  nameKk: '«Анықтамалық банкі» АҚ',
};

test.use({ actionTimeout: 15_000 });

test('«Справочники»: only an administrator sees it; adds a bank; the select finds it; the KATO picker walks the tree', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page, [{ path: '/api/v1/directories/banks', status: 400 }]);
  const menu = page.getByRole('navigation', { name: /меню/i });

  await page.goto(`${base()}/cabinet`);
  await expect(menu.getByRole('link', { name: 'Услуги' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Справочники' })).toHaveCount(0);

  await passwordLogin(page, base(), ADMIN.login, ADMIN.password);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();
  await page.goto(`${base()}/cabinet`);
  await menu.getByRole('link', { name: 'Справочники' }).click();
  await expect(page.getByRole('heading', { name: 'Справочники' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'HSBKKZKX' })).toBeVisible();

  // A wrong BIC and bank code: the server's messages land on their fields, nothing is saved.
  await page.getByRole('button', { name: 'Добавить запись' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('БИК').fill('bad-bic');
  await dialog.getByLabel('Наименование на русском языке').fill(BANK.nameRu);
  await dialog.getByLabel('Наименование на казахском языке').fill(BANK.nameKk);
  await dialog.getByLabel('Код банка').fill('12');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Неверный формат')).toHaveCount(2);

  await dialog.getByLabel('БИК').fill(BANK.bic);
  await dialog.getByLabel('Код банка').fill(BANK.bankCode);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status')).toContainText('Данные успешно сохранены');
  await page.getByLabel('Поиск по коду или наименованию').fill('справочник');
  await expect(page.getByRole('cell', { name: BANK.bic })).toBeVisible();

  // The select forms use: searched on the server, the new bank found by its BIC.
  const select = page.getByRole('textbox', { name: 'Банки' });
  await select.click();
  await select.fill(BANK.bic.toLowerCase());
  await page.getByRole('option', { name: `${BANK.bic} — ${BANK.nameRu}` }).click();
  await expect(select).toHaveValue(`${BANK.bic} — ${BANK.nameRu}`);

  // KATO: region → district, the path shown; Kazakh names after switching the language.
  await page.getByRole('textbox', { name: 'Справочник' }).click();
  await page.getByRole('option', { name: /^КАТО/ }).click();
  await page.getByRole('textbox', { name: 'Область, город республиканского значения' }).click();
  await page.getByRole('option', { name: 'г. Астана' }).click();
  await page.getByRole('textbox', { name: 'Район, город областного значения' }).click();
  await page.getByRole('option', { name: 'район Есиль' }).click();
  await expect(page.getByText('Выбрано: г. Астана / район Есиль')).toBeVisible();
  await page
    .getByRole('row', { name: /710000000/ })
    .getByRole('button', { name: 'Подчинённые' })
    .click();
  await expect(page.getByRole('cell', { name: '711210000' })).toBeVisible();

  expect(errors).toEqual([]);
});
