import { expect, type Page, test } from '@playwright/test';
import { ibanCheckDigits } from '../apps/portal/src/modules/banking/iban';
import {
  activationLink,
  collectConsoleErrors,
  DEMO,
  logout,
  newestEmail,
  PASSWORD,
  passwordLogin,
} from './identity';
import {
  DEMO_ADMIN as ADMIN,
  apiPost,
  registerParticipant,
  signWithDemoSigner,
  useOwnPortal,
} from './organization-helpers';

// Its own portal (fresh database): the demo organisation's BIN registers once per portal, and other specs
// register it too.
const portal = useOwnPortal(240_000);
const base = () => portal().url;
const { head, organization } = DEMO;
const NEW_BANK = {
  bic: 'NEWBKZKA',
  bankCode: '955',
  nameRu: 'АО «Новый Тестовый Банк»',
  nameKk: 'Жаңа Тест Банкі АҚ',
};

const kzIban = (bankCode: string, account: string) =>
  `KZ${ibanCheckDigits('KZ', bankCode + account)}${bankCode}${account}`;

test.use({ actionTimeout: 15_000 });

/**
 * The organisation's account (one login per BIN) registered with the first head's key, activated, signed in, and
 * the participant registered with the agreement signed by the same key: its Администратор организации.
 */
async function registerOrganization(page: Page) {
  const post = await apiPost(page, base());
  const request = await post<{ id: string; dataBase64: string }>('/api/v1/signing-requests', {
    purpose: 'registration',
  });
  await post('/api/v1/registrations', {
    kind: 'legal_entity',
    bin: organization.bin,
    signingRequestId: request.id,
    cms: await signWithDemoSigner(portal().signerUrl, request.dataBase64, {
      iin: head.iin,
      bin: organization.bin,
    }),
    email: head.email,
    password: PASSWORD,
    passwordRepeat: PASSWORD,
    phone: `+7${head.mobile}`,
    acceptAgreement: true,
  });
  await page.goto(await activationLink(page.request, base(), head.email));
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();
  await passwordLogin(page, base(), organization.bin, PASSWORD);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();

  await registerParticipant(page, portal(), undefined, {
    email: head.email,
    phone: `+7${head.mobile}`,
    site: undefined,
  });
}

/** Mantine's searchable Select: type, then pick the option. */
async function choose(page: Page, label: string, search: string, option: RegExp) {
  await page.getByRole('textbox', { name: label, exact: true }).fill(search);
  await page.getByRole('option', { name: option }).click();
}

async function addAccount(page: Page, number: string, bank: { bic: string; name: RegExp }) {
  await page.getByLabel(/^ИИК/).fill(number.replace(/(.{4})/g, '$1 ').trim());
  await choose(page, 'Наименование банка', bank.bic, bank.name);
  await page.getByRole('button', { name: 'Сохранить →' }).click();
  await expect(page.getByRole('heading', { name: 'Информация о счете' })).toBeVisible();
  await expect(page.getByText(number, { exact: true })).toBeVisible();
}

test('an organisation adds a bank account, requests a new bank, the administrator approves, the account uses it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await registerOrganization(page);

  // «Нет данных о банковских реквизитах. Заполнить данные»: in the cabinet, and on the accounts page.
  await page.goto(`${base()}/cabinet/services`);
  await expect(page.getByTestId('bank-details-notice')).toContainText('Нет данных о банковских реквизитах.');
  await page.goto(`${base()}/cabinet/bank-accounts`);
  await expect(page.getByText('Нет данных о банковских реквизитах.')).toBeVisible();
  await expect(page.getByText('Данные по счетам не найдены')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/banking-empty.png', fullPage: true });
  await page.getByRole('link', { name: 'Заполнить данные' }).click();
  await expect(page.getByRole('heading', { name: 'Добавление счета' })).toBeVisible();

  // КБе = 1 (resident) + 7 (КСЕ of the demo organisation); a mistyped IBAN is refused before sending.
  await expect(page.getByLabel('КБе')).toHaveValue(/^17/);
  const halyk = kzIban('601', 'KZT0000012345');
  await page.getByLabel(/^ИИК/).fill(`${halyk.slice(0, 19)}9`);
  await page.getByRole('button', { name: 'Сохранить →' }).click();
  await expect(page.getByText(/не сходятся контрольные цифры IBAN|IBAN Казахстана/)).toBeVisible();
  await addAccount(page, halyk, { bic: 'HSBKKZKX', name: /Народный Банк Казахстана/ });
  await expect(page.getByText('17', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/banking-account.png', fullPage: true });
  await page.getByRole('link', { name: '← Вернуться в список счетов' }).click();
  const row = page.getByRole('row', { name: new RegExp(halyk) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('checkbox', { name: 'По-умолчанию' })).toBeChecked();
  await page.getByRole('link', { name: 'Услуги' }).click();
  await expect(page.getByRole('heading', { name: 'Услуги' })).toBeVisible();
  await expect(page.getByTestId('bank-details-notice')).toHaveCount(0);
  await page.getByRole('link', { name: 'Банковские счета' }).click();

  // «Добавить новый банк» → «Данные успешно отправлены администратору»
  await page.getByRole('link', { name: 'Добавить счет' }).click();
  await page.getByRole('button', { name: 'Добавить новый банк' }).click();
  const dialog = page.getByRole('dialog', { name: 'Добавление банка' });
  await dialog.getByLabel('Наименование банка на казахском языке').fill(NEW_BANK.nameKk);
  await dialog.getByLabel('Наименование банка на русском языке').fill(NEW_BANK.nameRu);
  await dialog.getByLabel('Банковский код').fill(NEW_BANK.bankCode);
  await dialog.getByLabel('БИК').fill(NEW_BANK.bic);
  await dialog
    .getByLabel('Полный адрес на казахском языке')
    .fill('Астана қ., Есіл ауданы, Мәңгілік Ел д-лы, 55');
  await dialog
    .getByLabel('Полный адрес на русском языке')
    .fill('г. Астана, район Есиль, пр. Мангилик Ел, 55');
  await dialog.getByLabel('Информация для подтверждения данных банка').fill('Лицензия АРРФР № 1.1.999');
  await dialog.getByRole('checkbox', { name: 'Признак головного офиса' }).check();
  await dialog.getByRole('button', { name: 'Отправить на утверждение' }).click();
  await expect(dialog.getByText('Данные успешно отправлены администратору')).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть' }).click();

  await page.goto(`${base()}/cabinet/bank-requests`);
  const request = page.getByTestId('bank-request-row').filter({ hasText: NEW_BANK.bic });
  await expect(request).toContainText('На утверждении');
  await page.screenshot({ path: 'e2e/artifacts/banking-my-requests.png', fullPage: true });
  await logout(page);

  // The demo administrator approves it in the queue.
  await passwordLogin(page, base(), ADMIN.login, ADMIN.password);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();
  await page.goto(`${base()}/cabinet/bank-queue`);
  const queued = page.getByTestId('admin-bank-request-row').filter({ hasText: NEW_BANK.bic });
  await expect(queued).toContainText(head.email);
  await page.screenshot({ path: 'e2e/artifacts/banking-queue.png', fullPage: true });
  await queued.getByRole('button', { name: 'Утвердить' }).click();
  await expect(queued).toHaveCount(0);
  await logout(page);
  const mail = await newestEmail(page.request, base(), head.email, new RegExp(NEW_BANK.bic));
  expect(mail.subject).toBe('Заявка на регистрацию банка утверждена');

  // «Утверждено», and the new bank serves an account.
  await passwordLogin(page, base(), organization.bin, PASSWORD);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();
  await page.goto(`${base()}/cabinet/bank-requests`);
  await expect(page.getByTestId('bank-request-row').filter({ hasText: NEW_BANK.bic })).toContainText(
    'Утверждено',
  );
  await page.goto(`${base()}/cabinet/bank-accounts/new`);
  const newBankIban = kzIban(NEW_BANK.bankCode, 'NEW0000000042');
  await addAccount(page, newBankIban, { bic: NEW_BANK.bic, name: /Новый Тестовый Банк/ });
  await expect(page.getByText(NEW_BANK.nameRu)).toBeVisible();
  // «Редактировать счет»: the new account becomes the default (the Halyk one stops being it), then the Halyk
  // account is deleted after the confirmation question.
  await page.getByRole('link', { name: 'Редактировать счет →' }).click();
  await expect(page.getByRole('heading', { name: 'Редактирование счета' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'По-умолчанию' }).check();
  await page.getByRole('button', { name: 'Сохранить →' }).click();
  await expect(page.getByRole('heading', { name: 'Информация о счете' })).toBeVisible();
  await page.getByRole('link', { name: '← Вернуться в список счетов' }).click();
  const newRow = page.getByRole('row', { name: new RegExp(newBankIban) });
  await expect(newRow).toContainText(NEW_BANK.bic);
  await expect(newRow.getByRole('checkbox', { name: 'По-умолчанию' })).toBeChecked();
  const halykRow = page.getByRole('row', { name: new RegExp(halyk) });
  await expect(halykRow.getByRole('checkbox', { name: 'По-умолчанию' })).not.toBeChecked();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Вы действительно хотите удалить запись');
    void dialog.accept();
  });
  await halykRow.getByRole('button', { name: 'Удалить' }).click();
  await expect(halykRow).toHaveCount(0);
  await expect(newRow).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/banking-accounts.png', fullPage: true });
  expect(errors).toEqual([]);
});
