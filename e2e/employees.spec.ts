import { expect, type Page, test } from '@playwright/test';
import {
  activationLink,
  chooseKeyOf,
  chooseKind,
  collectConsoleErrors,
  DEMO,
  fillContacts,
  newestEmail,
  PASSWORD,
  passwordLogin,
  registerAndActivateIndividual,
} from './identity';
import { csrfHeader, registerParticipant, useOwnPortal } from './organization-helpers';

// The invited employee has a personal key (АХМЕТОВА); ОМАРОВ, who holds the organisation's employee key, registers
// with «Я являюсь сотрудником».
const { head, organization } = DEMO;
const employee = DEMO.individual;
const applicant = DEMO.employee;
let organizationId = '';

// The second journey joins the organisation the first one registered.
test.describe.configure({ mode: 'serial' });

// A portal of its own: the organisation registered here (ТОО «Демо Сертификация», once per BIN) and the personal
// accounts of its head and employee are this spec's alone.
const portal = useOwnPortal(200_000);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/employees-${name}.png`, fullPage: true });

const rowOf = (page: Page, fullName: string) =>
  page.getByTestId('employee-row').filter({ hasText: fullName });
const employeeRow = (page: Page) => rowOf(page, employee.fullName);

/**
 * Issue 5 «Employees, invitations, rights» (seeds 001 and 004): the administrator invites an employee by e-mail →
 * the employee registers through the wizard, signs in and accepts → the administrator activates them → gives them
 * the head's right (the list opens for them) → blocks them with a reason → their very next request is refused.
 */
test('invite → register → accept → activate → rights → block: access lost at once', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const base = portal().url;
  const errors = collectConsoleErrors(page);

  // The head's personal account and the participant (the head becomes its administrator).
  await registerAndActivateIndividual(page, request, base, head);
  await passwordLogin(page, base, head.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  organizationId = await registerParticipant(page, portal());

  // Кабинет → Сотрудники: «Пригласить пользователя» (seed 004).
  await page.goto(`${base}/cabinet/employees`);
  await expect(page.getByRole('heading', { level: 2, name: 'Сотрудники организации' })).toBeVisible();
  await expect(page.getByTestId('acting-organization')).toContainText(organization.bin);
  await expect(page.getByTestId('employee-row').filter({ hasText: head.fullName })).toContainText(
    'Администратор организации',
  );
  const inviteForm = page.getByRole('form', { name: 'Пригласить пользователя' });
  await inviteForm.getByLabel('Электронная почта').fill(employee.email);
  await inviteForm.getByLabel('Должность').fill('Главный специалист');
  await inviteForm.getByRole('button', { name: 'Пригласить' }).click();
  await expect(page.getByText(`Приглашение отправлено на ${employee.email}`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Приглашения' })).toContainText('Ожидает ответа');
  await shot(page, 'invited');

  // The administrator stays signed in in a window of their own; this one becomes the employee's.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminErrors = collectConsoleErrors(admin);
  await passwordLogin(admin, base, head.iin, PASSWORD);
  await expect(admin).toHaveURL(/\/cabinet/);
  await page.context().clearCookies();

  // The mailed link: the invitation, then «Зарегистрироваться».
  const mail = await newestEmail(request, base, employee.email, /\/invitation\?token=/);
  const link = new URL(/https?:\/\/\S+\/invitation\?token=[\w%-]+/.exec(mail.body)![0]);
  await page.goto(`${base}${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Приглашение в организацию' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Сведения о приглашении' })).toContainText(organization.bin);
  await expect(page.getByRole('link', { name: 'Зарегистрироваться' })).toBeVisible();
  await registerAndActivateIndividual(page, request, base, employee);
  // Signing in leads back to the invitation.
  await passwordLogin(page, base, employee.iin, PASSWORD);
  await expect(page).toHaveURL(/\/invitation\?token=/);
  await page.getByRole('button', { name: 'Принять приглашение' }).click();
  await expect(page.getByText('Приглашение принято')).toBeVisible();
  await page.goto(`${base}/cabinet/employees`);
  await expect(page.getByText('Ваш запрос ожидает активации администратором организации.')).toBeVisible();

  // The administrator activates the employee and gives them «Руководитель».
  await admin.goto(`${base}/cabinet/employees`);
  await expect(employeeRow(admin)).toContainText('Ожидает активации');
  await admin.getByRole('button', { name: `Активировать: ${employee.fullName}` }).click();
  await expect(employeeRow(admin)).toContainText('Активный');
  await admin.getByRole('button', { name: `Редактировать полномочия: ${employee.fullName}` }).click();
  const modal = admin.getByRole('dialog', { name: 'Изменение прав сотрудника' });
  await expect(modal.getByRole('checkbox', { name: /Организатор/ })).toBeDisabled();
  await modal.getByRole('checkbox', { name: 'Руководитель' }).check();
  await modal.getByRole('button', { name: 'Сохранить' }).click();
  await expect(modal).toBeHidden();
  await expect(employeeRow(admin)).toContainText('Руководитель');

  // The employee's next page load sees the list (the head's right), with their own row.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Сотрудники' })).toBeVisible();
  await expect(employeeRow(page)).toContainText('Зарегистрирован в системе');
  await shot(page, 'employee-view');

  // «Заблокировать сотрудника»: the reason is required.
  await admin.getByRole('button', { name: `Редактировать полномочия: ${employee.fullName}` }).click();
  await modal.getByRole('checkbox', { name: 'Заблокировать сотрудника' }).check();
  await modal.getByRole('button', { name: 'Сохранить' }).click();
  await expect(modal.getByText('Укажите причину блокировки')).toBeVisible();
  await modal.getByLabel('Причина блокировки').fill('Перевод в другую организацию');
  await modal.getByRole('button', { name: 'Сохранить' }).click();
  await expect(modal).toBeHidden();
  await expect(employeeRow(admin)).toContainText('Заблокирован');
  await shot(admin, 'blocked');

  // The employee's very next request is refused — same session, no new login.
  const refused = await page.request.get(`${base}/api/v1/organizations/${organizationId}/employees`);
  expect(refused.status()).toBe(403);
  await page.reload();
  await expect(
    page.getByText('Администратор организации заблокировал Вашу учетную запись сотрудника.'),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Сотрудники' })).toHaveCount(0);

  expect(errors).toEqual([]);
  expect(adminErrors).toEqual([]);
  await adminContext.close();
});

/**
 * Issue 4, wizard step 2 «Я являюсь сотрудником»: a person registers naming the organisation's BIN; the wizard says
 * the organisation is on the portal; after registration the administrator sees a pending request and activates it.
 */
test('«Я являюсь сотрудником» at registration → pending request → administrator activates', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  expect(organizationId, 'the first journey registered the organisation').not.toBe('');
  const base = portal().url;
  const errors = collectConsoleErrors(page);

  await page.goto(`${base}/register`);
  await chooseKind(page, 'Юридическое лицо');
  await page.getByRole('switch', { name: 'Я являюсь сотрудником' }).check();
  await page.getByRole('textbox', { name: /^БИН/ }).fill(organization.bin);
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page.getByTestId('organization-card')).toContainText(organization.name);
  await expect(page.getByTestId('employer-notice')).toContainText(
    'Запрос на доступ получит администратор организации',
  );
  await chooseKeyOf(page, { iin: applicant.iin });
  await page.getByRole('button', { name: /Выбрать (другой )?сертификат/ }).click();
  await expect(page.getByRole('region', { name: 'Данные сертификата' })).toContainText(applicant.fullName);
  await page.getByRole('button', { name: 'Далее' }).click();
  await fillContacts(page, applicant);
  await page.getByRole('button', { name: 'Подписать и зарегистрироваться' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Регистрация в системе прошла успешно' }),
  ).toBeVisible();
  await page.goto(await activationLink(request, base, applicant.email));
  await expect(page.getByText('Электронная почта подтверждена')).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminErrors = collectConsoleErrors(admin);
  await passwordLogin(admin, base, head.iin, PASSWORD);
  await expect(admin).toHaveURL(/\/cabinet/);
  await admin.goto(`${base}/cabinet/employees`);
  await expect(rowOf(admin, applicant.fullName)).toContainText('Ожидает активации');
  await expect(rowOf(admin, applicant.fullName)).toContainText('Сотрудник');
  await admin.getByRole('button', { name: `Активировать: ${applicant.fullName}` }).click();
  await expect(rowOf(admin, applicant.fullName)).toContainText('Активный');

  // An active member with the right «Сотрудник»: the organisation is theirs, the list is not.
  await passwordLogin(page, base, applicant.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  await page.goto(`${base}/cabinet/employees`);
  await expect(page.getByTestId('acting-organization')).toContainText(organization.bin);
  await expect(
    page.getByText('Список сотрудников доступен администратору организации и руководителю.'),
  ).toBeVisible();

  expect(errors).toEqual([]);
  expect(adminErrors).toEqual([]);
  await adminContext.close();
});

/** The registry's certification body and its first head, whose key the demo signer also holds (docs/registry.md). */
const OPS = {
  bin: '080440172309',
  head: {
    iin: '790914315921',
    fullName: 'ТЕМИРХАНОВ АСЛАН МАРАТОВИЧ',
    email: 'head@demo-ops.kz',
    mobile: '7021234567',
  },
};

/**
 * Issue 5: a person may belong to several organisations and chooses which one they act for. ОМАРОВ (an employee
 * of ТОО «Демо Сертификация» since the journey above) is invited into a second organisation; the cabinet then shows
 * the switcher, and the choice decides which organisation the pages act for — kept across reloads.
 */
test('a member of two organisations chooses which one to act for', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  expect(organizationId, 'the first journey registered the organisation').not.toBe('');
  const base = portal().url;
  const errors = collectConsoleErrors(page);

  // The second organisation: its head registers and invites ОМАРОВ.
  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await registerAndActivateIndividual(ops, request, base, OPS.head);
  await passwordLogin(ops, base, OPS.head.iin, PASSWORD);
  await expect(ops).toHaveURL(/\/cabinet/);
  const opsId = await registerParticipant(ops, portal(), {
    iin: OPS.head.iin,
    bin: OPS.bin,
    surname: 'ТЕМИРХАНОВ',
    firstName: 'АСЛАН',
    patronymic: 'МАРАТОВИЧ',
  });
  const invited = await ops.request.post(`${base}/api/v1/organizations/${opsId}/invitations`, {
    data: { email: applicant.email, rights: ['employee'] },
    headers: await csrfHeader(ops, base),
  });
  expect(invited.status(), await invited.text()).toBe(201);

  // ОМАРОВ accepts; the second organisation's head activates him.
  await passwordLogin(page, base, applicant.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  const mail = await newestEmail(request, base, applicant.email, /\/invitation\?token=/);
  const link = new URL(/https?:\/\/\S+\/invitation\?token=[\w%-]+/.exec(mail.body)![0]);
  await page.goto(`${base}${link.pathname}${link.search}`);
  await page.getByRole('button', { name: 'Принять приглашение' }).click();
  await expect(page.getByText('Приглашение принято')).toBeVisible();
  await ops.goto(`${base}/cabinet/employees`);
  await ops.getByRole('button', { name: `Активировать: ${applicant.fullName}` }).click();
  await expect(rowOf(ops, applicant.fullName)).toContainText('Активный');

  // Two organisations: the switcher appears; by default the first membership acts.
  await page.goto(`${base}/cabinet/employees`);
  const acting = page.getByTestId('acting-organization');
  await expect(acting).toContainText(organization.bin);
  const switcher = page.getByRole('textbox', { name: 'Действовать от имени организации' });
  await switcher.click();
  await page.getByRole('option', { name: /Демо ОПС/ }).click();
  await expect(acting).toContainText(OPS.bin);
  await page.reload();
  await expect(acting).toContainText(OPS.bin);
  await shot(page, 'switcher');
  await switcher.click();
  await page.getByRole('option', { name: organization.name }).click();
  await expect(acting).toContainText(organization.bin);

  expect(errors).toEqual([]);
  await opsContext.close();
});
