import { expect, type Page, test } from '@playwright/test';
import {
  collectConsoleErrors,
  DEMO,
  type ExpectedRefusal,
  PASSWORD,
  passwordLogin,
  registerAndActivateIndividual,
} from './identity';
import {
  addActiveEmployee,
  csrfHeader,
  registerParticipant,
  signWithDemoSigner,
  useOwnPortal,
} from './organization-helpers';

/** The applicant's two signatories: the first head and СМАГУЛОВА (signing rights, an employee on the portal). */
const { head, signatory, organization } = DEMO;
/** The registry's certification body (accredited in DEMO for every standard) and its first head. */
const OPS = {
  bin: '080440172309',
  name: 'Демо ОПС',
  head: {
    iin: '790914315921',
    fullName: 'ТЕМИРХАНОВ АСЛАН МАРАТОВИЧ',
    email: 'head@demo-ops.kz',
    mobile: '7021234567',
  },
  surname: 'ТЕМИРХАНОВ',
  firstName: 'АСЛАН',
  patronymic: 'МАРАТОВИЧ',
};

const ownPortal = useOwnPortal(200_000);
/** The application of the first journey, which the moderator's journey reads. */
let journey = { applicationNumber: '', applicationId: '' };
// The moderator's journey reads what the applicant's journey made.
test.describe.configure({ mode: 'serial' });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/certification-${name}.png`, fullPage: true });

/** The CSRF header of the page's browser context (organization-helpers' csrfHeader on this spec's portal). */
const csrf = (page: Page) => csrfHeader(page, ownPortal().url);

/** Signs base64 bytes with the demo signer's SIGN key of `who` (attached CMS, PEM armour stripped). */
async function signWith(dataBase64: string, who: { iin: string; bin: string }) {
  const pem = await signWithDemoSigner(
    ownPortal().signerUrl,
    new Uint8Array(Buffer.from(dataBase64, 'base64')),
    who,
  );
  return pem.replace(/-----(BEGIN|END) CMS-----|\s/g, '');
}

/** The body's act through the API: prepare → sign with the body head's key → record. */
async function act(page: Page, base: string, action: string, payload: Record<string, unknown>) {
  const headers = await csrf(page);
  const prepared = await page.request.post(`${base}/acts/prepare`, { headers, data: { action, payload } });
  expect(prepared.status(), `${action}: ${await prepared.text()}`).toBe(201);
  const { signingRequest } = (await prepared.json()) as {
    signingRequest: { id: string; dataBase64: string };
  };
  const cms = await signWith(signingRequest.dataBase64, { iin: OPS.head.iin, bin: OPS.bin });
  const done = await page.request.post(`${base}/acts`, {
    headers,
    data: { signingRequestId: signingRequest.id, cms },
  });
  expect(done.status(), `${action}: ${await done.text()}`).toBe(200);
  return (await done.json()) as {
    status: string;
    certificates: { id: string; number: string; publicUrl: string }[];
  };
}

const samplePdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

async function pickOption(page: Page, label: RegExp, option: RegExp | string) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** «Заявитель» holds the signatories table; its first unsigned block is signed through the signer. */
async function signUnsignedBlock(page: Page) {
  await page.getByRole('tab', { name: /^Заявитель/ }).click();
  await page.getByRole('button', { name: 'Подписать', exact: true }).first().click({ timeout: 10_000 });
}

/** The second signatory, in her own window, opens the application and signs her block: it is submitted. */
async function cosign(page: Page, applicationId: string) {
  await page.goto(`${ownPortal().url}/certification/applications/${applicationId}`);
  await expect(page.getByTestId('status')).toHaveText('На подписании');
  await signUnsignedBlock(page);
  await expect(page.getByTestId('status')).toHaveText('Подана');
}

/** The IINs in the application's one stored CMS (downloaded, read by the public «Проверить подпись» API). */
async function cmsSigners(page: Page, applicationApi: string) {
  const base = ownPortal().url;
  const cms = await page.request.get(`${base}${applicationApi}/signature.cms`);
  expect(cms.status(), await cms.text()).toBe(200);
  const report = await page.request.post(`${base}/api/v1/public/verify-signature`, {
    headers: await csrf(page),
    multipart: {
      signature: {
        name: 'application.p7s',
        mimeType: 'application/pkcs7-signature',
        buffer: await cms.body(),
      },
    },
  });
  expect(report.status(), await report.text()).toBe(200);
  return ((await report.json()) as { signers: { iin: string | null }[] }).signers.map((x) => x.iin);
}

/**
 * Issue 6 (seed 000): the organisation applies (form tabs, a document, «Подать заявку» with the errors counted on
 * their tabs, two signatories — the first head and an employee with signing rights — sign through the signer
 * into one CMS) → the body registers and returns it with a comment in its
 * workspace (signed acts in the UI) → both signatories re-sign → the body accepts, audits, decides and
 * issues the certificate (API, signed with the body head's key) → АКТИВНЫЕ СЕРТИФИКАТЫ, the public registry →
 * suspended → ПРИОСТАНОВЛЕННЫЕ; the QR target (public certificate page) shows it.
 */
test('apply → return → fix and re-sign → audits → certificate → registry → suspend', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const base = ownPortal().url;
  // The refusals provoked on purpose (incomplete submit, a forbidden file type) are logged by Chromium.
  const refusals: ExpectedRefusal[] = [];
  const errors = collectConsoleErrors(page, refusals);

  // The applicant: ЖУМАБЕКОВ registers ТОО «Демо Сертификация».
  await registerAndActivateIndividual(page, request, base, head);
  await passwordLogin(page, base, head.iin, PASSWORD);
  await expect(page).toHaveURL(/\/cabinet/);
  const orgId = await registerParticipant(page, ownPortal(), {
    iin: head.iin,
    bin: organization.bin,
    surname: 'ЖУМАБЕКОВ',
    firstName: 'НУРЛАН',
    patronymic: 'ЕРЖАНОВИЧ',
  });

  // The second signatory: СМАГУЛОВА registers and joins the organisation (invited, accepts, activated).
  const signatoryContext = await browser.newContext();
  const cosigner = await signatoryContext.newPage();
  const cosignerErrors = collectConsoleErrors(cosigner);
  await registerAndActivateIndividual(cosigner, request, base, signatory);
  await passwordLogin(cosigner, base, signatory.iin, PASSWORD);
  await expect(cosigner).toHaveURL(/\/cabinet/);
  await addActiveEmployee(page, cosigner, base, orgId, signatory.email);

  // The body: ТЕМИРХАНОВ registers ТОО «Демо ОПС» in a window of his own.
  const bodyContext = await browser.newContext();
  const body = await bodyContext.newPage();
  await registerAndActivateIndividual(body, request, base, OPS.head);
  await passwordLogin(body, base, OPS.head.iin, PASSWORD);
  await expect(body).toHaveURL(/\/cabinet/);
  const bodyOrgId = await registerParticipant(body, ownPortal(), {
    iin: OPS.head.iin,
    bin: OPS.bin,
    surname: OPS.surname,
    firstName: OPS.firstName,
    patronymic: OPS.patronymic,
  });

  // «Сертификация» → «+ Добавить»: a draft prefilled from the organisation.
  await page.goto(`${base}/cabinet/certification`);
  await expect(page).toHaveURL(/\/certification$/);
  await expect(page.getByRole('tab', { name: 'ЗАЯВКИ НА РАССМОТРЕНИИ' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  for (const tab of ['АКТИВНЫЕ СЕРТИФИКАТЫ', 'ПРИОСТАНОВЛЕННЫЕ СЕРТИФИКАТЫ', 'ЧЕРНОВИКИ'])
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  await page.getByRole('button', { name: '+ Добавить' }).click();
  await expect(page).toHaveURL(/\/certification\/applications\/[0-9a-f-]{36}$/);
  const applicationId = page.url().split('/').pop()!;
  journey = { applicationId, applicationNumber: '' };
  const applicationApi = `/api/v1/organizations/${orgId}/certification/applications/${applicationId}`;
  refusals.push(
    { path: `${applicationApi}/submit`, status: 400 },
    { path: `${applicationApi}/documents`, status: 400 },
  );
  await expect(page.getByRole('heading', { level: 2, name: /Создание заявки SM-\d{4}-\d{6}/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^БИН/ })).toHaveValue(organization.bin);

  // «Подать заявку» with the form half empty: the errors are counted on their tabs, nothing submitted.
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Заявка не подана' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Адрес заявителя/ })).toContainText('4');
  await expect(page.getByTestId('status')).toHaveText('Черновик');
  await shot(page, 'errors');

  // Заявитель
  await page.getByRole('textbox', { name: /^Юридический адрес/ }).fill('г. Алматы, пр. Абая, 10');
  await page.getByRole('textbox', { name: /^ФИО руководителя/ }).fill(head.fullName);
  await page.getByRole('textbox', { name: /^Корпоративный мобильный телефон/ }).fill('+77017654321');
  await expect(page.getByRole('textbox', { name: /^Корпоративный мобильный телефон/ })).toHaveValue(
    '+7 (701) 765-43-21',
  );
  await page.getByRole('textbox', { name: /^Корпоративная эл\.почта/ }).fill('office@demo-cert.kz');
  // Two signatories' blocks: the head's and СМАГУЛОВА's.
  await page.getByRole('button', { name: '+ Добавить блок' }).click();
  await page.getByRole('button', { name: '+ Добавить блок' }).click();
  const plannedNames = page.getByRole('textbox', { name: 'ФИО подписанта' });
  await plannedNames.nth(0).fill(head.fullName);
  await plannedNames.nth(1).fill(signatory.fullName);
  // Адрес заявителя
  await page.getByRole('tab', { name: /^Адрес заявителя/ }).click();
  await page.getByRole('textbox', { name: /^Почтовый индекс/ }).fill('050000');
  await page.getByRole('textbox', { name: /^Населённый пункт/ }).fill('Алматы');
  await page.getByRole('textbox', { name: /^Улица/ }).fill('пр. Абая');
  await page.getByRole('textbox', { name: /^Дом/ }).fill('10');
  // Дополнительные сведения
  await page.getByRole('tab', { name: /^Дополнительные сведения/ }).click();
  await page.getByRole('textbox', { name: /^Контактное лицо/ }).fill('ОМАРОВ ДАНИЯР');
  await page.getByRole('textbox', { name: /^Телефон контактного лица/ }).fill('+77051112233');
  // Область сертификации
  await page.getByRole('tab', { name: /^Область сертификации/ }).click();
  await pickOption(page, /^Стандарт/, 'ISO 9001');
  await page.getByRole('textbox', { name: /^ОКЭД/ }).fill('71200');
  await page.getByRole('textbox', { name: /^Численность персонала/ }).fill('25');
  await page
    .getByRole('textbox', { name: /^Область сертификации/ })
    .fill('Испытания и сертификация продукции');
  await page.getByRole('button', { name: '+ Добавить площадку' }).click();
  await page.getByRole('textbox', { name: 'Адрес площадки' }).fill('г. Алматы, пр. Абая, 10');
  await page.getByRole('textbox', { name: 'Деятельность на площадке' }).fill('Лаборатория');
  // ОПС: accredited for the chosen standard
  await page.getByRole('tab', { name: /^ОПС/ }).click();
  await pickOption(page, /^Орган по сертификации/, new RegExp(OPS.name));
  // Документы: a forbidden type is refused, a PDF uploads.
  await page.getByRole('tab', { name: /^Документы/ }).click();
  await page.getByLabel('Выберите файл').setInputFiles({
    name: 'virus.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00This program cannot be run in DOS mode.'),
  });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Недопустимый тип файла' })).toBeVisible();
  await page.getByLabel('Выберите файл').setInputFiles({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20),
  });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Файл больше 20 МБ' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Наименование документа' }).fill('Руководство по качеству');
  await page.getByLabel('Выберите файл').setInputFiles({
    name: 'manual.pdf',
    mimeType: 'application/pdf',
    buffer: samplePdf('quality manual'),
  });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await expect(page.getByRole('link', { name: /manual.*\.pdf/ })).toBeVisible();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('save-state')).toContainText('Сохранено');

  // Submit; the head signs (his SIGN key, chosen by the signer) — one of two: still being signed.
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page.getByTestId('status')).toHaveText('На подписании');
  await signUnsignedBlock(page);
  await expect(page.getByTestId('signatories')).toContainText(head.iin);
  await expect(page.getByTestId('status')).toHaveText('На подписании');
  // СМАГУЛОВА signs her block in her window (her signing-rights key): the application is submitted.
  await cosign(cosigner, applicationId);
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('Подана');
  const signatories = page.getByTestId('signatories');
  for (const who of [head, signatory]) {
    await expect(signatories).toContainText(who.fullName);
    await expect(signatories).toContainText(who.iin);
  }
  await expect(signatories.getByRole('row')).toHaveCount(3); // header + two signed blocks
  // The stored CMS carries both SignerInfos, in signing order.
  expect(await cmsSigners(page, applicationApi)).toEqual([head.iin, signatory.iin]);
  await shot(page, 'submitted');

  // The body registers it and returns it with a comment — in its workspace, each act signed.
  await body.goto(`${base}/certification/queue`);
  await body
    .getByRole('link', { name: /SM-\d{4}-\d{6}/ })
    .first()
    .click();
  await expect(body.getByTestId('status')).toHaveText('Подана');
  await body.getByRole('button', { name: 'Зарегистрировать' }).click();
  await body.getByRole('textbox', { name: /Номер в журнале регистрации/ }).fill('Ж-0001');
  await body.getByRole('button', { name: 'Подписать и отправить' }).click();
  await expect(body.getByTestId('status')).toHaveText('Зарегистрирована');
  await body.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await body.getByRole('textbox', { name: /Комментарий/ }).fill('Приложите политику в области качества');
  await body.getByRole('button', { name: 'Подписать и отправить' }).click();
  await expect(body.getByTestId('status')).toHaveText('Возвращена на доработку');

  // The applicant sees the comment, fixes, re-signs.
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('Возвращена на доработку');
  await expect(page.getByText('Приложите политику в области качества')).toBeVisible();
  await page.getByRole('tab', { name: /^Документы/ }).click();
  await page.getByRole('textbox', { name: 'Наименование документа' }).fill('Политика в области качества');
  await page.getByLabel('Выберите файл').setInputFiles({
    name: 'policy.pdf',
    mimeType: 'application/pdf',
    buffer: samplePdf('quality policy'),
  });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  await expect(page.getByRole('link', { name: /policy.*\.pdf/ })).toBeVisible();
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page.getByTestId('status')).toHaveText('На подписании');
  await signUnsignedBlock(page);
  await expect(page.getByTestId('signatories')).toContainText(head.iin);
  await cosign(cosigner, applicationId);
  // The new revision's CMS holds the two new signatures only.
  expect(await cmsSigners(page, applicationApi)).toEqual([head.iin, signatory.iin]);

  // The body runs the procedure (API, each act signed with the body head's key).
  const queue = `${base}/api/v1/organizations/${bodyOrgId}/certification/queue/${applicationId}`;
  await act(body, queue, 'register', { journalNumber: 'Ж-0002' });
  await act(body, queue, 'accept', { comment: 'Принята' });
  await act(body, queue, 'conclude_contract', { contractNumber: 'Д-17', contractDate: '2026-01-15' });
  await act(body, queue, 'plan_audit', {
    team: [{ fullName: OPS.head.fullName, role: 'lead' }],
    stage1Date: '2026-02-01',
    stage2Date: '2026-03-01',
  });
  const headers = await csrf(body);
  const report = await body.request.post(`${queue}/reports`, {
    headers,
    multipart: {
      title: 'Отчёт об аудите 2 этапа',
      file: { name: 'report.pdf', mimeType: 'application/pdf', buffer: samplePdf('stage 2 report') },
    },
  });
  expect(report.status(), await report.text()).toBe(201);
  const reportId = ((await report.json()) as { id: string }).id;
  await act(body, queue, 'stage1', {
    date: '2026-02-01',
    summary: 'Готовность к этапу 2',
    reportDocumentIds: [],
  });
  await act(body, queue, 'stage2', {
    date: '2026-03-01',
    summary: 'Система соответствует',
    reportDocumentIds: [reportId],
    nonconformities: [
      {
        description: 'Нет записи о калибровке',
        category: 'minor',
        correctiveAction: 'Внести записи',
        dueDate: '2026-04-01',
      },
    ],
  });
  await act(body, queue, 'decide', { positive: true, comment: 'Выдать сертификат' });
  const issued = await act(body, queue, 'issue_certificate', {});
  expect(issued.status).toBe('certificate_active');
  const number = issued.certificates[0].number;
  journey.applicationNumber =
    (await page.getByRole('heading', { level: 2 }).first().textContent())?.match(/SM-\d{4}-\d{6}/)?.[0] ?? '';

  // The body signs the certificate PDF in its workspace (detached CMS through the signer).
  await body.goto(`${base}/certification/queue/${applicationId}`);
  await expect(body.getByTestId('status')).toHaveText('Сертификат выдан');
  await body.getByRole('button', { name: 'Подписать PDF' }).click();
  await expect(body.getByText('PDF сертификата подписан.')).toBeVisible();
  await expect(body.getByRole('link', { name: 'Скачать подпись (CMS)' })).toBeVisible();

  // АКТИВНЫЕ СЕРТИФИКАТЫ and the public registry (no login).
  await page.goto(`${base}/certification`);
  await page.getByRole('tab', { name: 'АКТИВНЫЕ СЕРТИФИКАТЫ' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Сертификат выдан' })).toHaveCount(1);
  const visitor = await browser.newContext();
  const registry = await visitor.newPage();
  await registry.goto(`${base}/registry/certificates`);
  await registry.getByRole('textbox', { name: 'БИН/ИИН' }).fill(organization.bin);
  await registry.getByRole('button', { name: 'Найти' }).click();
  await expect(registry.getByTestId('registry')).toContainText(number);
  await expect(registry.getByTestId('registry')).toContainText('Действующий');
  await shot(registry, 'registry');

  // Suspended → ПРИОСТАНОВЛЕННЫЕ СЕРТИФИКАТЫ; the QR target says so.
  await act(body, queue, 'suspend', { reason: 'Не устранены несоответствия' });
  await page.reload();
  await page.getByRole('tab', { name: 'ПРИОСТАНОВЛЕННЫЕ СЕРТИФИКАТЫ' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Сертификат приостановлен' })).toHaveCount(1);
  // The QR code's address (the certificate's publicUrl), opened on this portal.
  const publicUrl = new URL(issued.certificates[0].publicUrl);
  await registry.goto(`${base}${publicUrl.pathname}`);
  await expect(
    registry.getByRole('heading', { level: 2, name: new RegExp(number.replaceAll('.', '\\.')) }),
  ).toBeVisible();
  await expect(registry.getByTestId('certificate-status')).toHaveText('Приостановлен');
  await expect(registry.getByText('Не устранены несоответствия')).toBeVisible();
  await shot(registry, 'public-certificate');
  const cms = await registry.request.get(
    `${base}/api/v1/certification/registry/${encodeURIComponent(number)}/pdf.cms`,
  );
  expect(cms.status()).toBe(200);
  expect(cms.headers()['content-type']).toContain('pkcs7');

  expect(errors).toEqual([]);
  expect(cosignerErrors).toEqual([]);
  await visitor.close();
  await bodyContext.close();
  await signatoryContext.close();
});

/** The moderator (role moderator) sees the counts and every application, writes «Блок модератора»; the applicant reads it. */
test('moderator: counts by status and body, «Блок модератора» shown read-only to the applicant', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  expect(journey.applicationNumber, 'the first journey made an application').toMatch(/^SM-/);
  const base = ownPortal().url;
  const errors = collectConsoleErrors(page);
  await passwordLogin(page, base, 'moderator@demo.tereze.kz', 'Moder2026$demo');
  await expect(page).toHaveURL(/\/cabinet/);
  await page.getByRole('link', { name: 'Модерация сертификации' }).click();
  await expect(page).toHaveURL(/\/certification\/moderator$/);
  await expect(page.getByText('Заявки по статусам')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Сертификат приостановлен' }).first()).toContainText(
    '1',
  );
  await expect(page.getByRole('row').filter({ hasText: OPS.bin })).toContainText('1');
  await page.getByRole('tab', { name: 'ПРИОСТАНОВЛЕННЫЕ СЕРТИФИКАТЫ' }).click();
  // Every column sorts (click: ascending, again: descending); the filter narrows by a number prefix.
  const numberColumn = page.getByRole('columnheader', { name: /Номер заявки/ });
  await numberColumn.getByRole('button').click();
  await expect(numberColumn).toHaveAttribute('aria-sort', 'ascending');
  await numberColumn.getByRole('button').click();
  await expect(numberColumn).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('textbox', { name: 'Фильтр' }).fill('SM-1999');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page.getByText('Записей нет')).toBeVisible();
  await page.getByRole('textbox', { name: 'Фильтр' }).fill(journey.applicationNumber);
  await page.getByRole('button', { name: 'Найти' }).click();
  await page.getByRole('link', { name: journey.applicationNumber }).click();
  await page.getByRole('tab', { name: 'Блок модератора' }).click();
  await page.getByRole('textbox', { name: 'Блок модератора' }).fill('Проверено модератором портала');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Блок модератора сохранён.')).toBeVisible();

  // The applicant sees it, read-only.
  const applicantContext = await browser.newContext();
  const applicant = await applicantContext.newPage();
  await passwordLogin(applicant, base, head.iin, PASSWORD);
  await expect(applicant).toHaveURL(/\/cabinet/);
  await applicant.goto(`${base}/certification/applications/${journey.applicationId}`);
  await applicant.getByRole('tab', { name: 'Блок модератора' }).click();
  const note = applicant.getByRole('textbox', { name: 'Блок модератора' });
  await expect(note).toHaveValue('Проверено модератором портала');
  await expect(note).toHaveAttribute('readonly', '');
  // ЧЕРНОВИКИ pages by keyset: 21 drafts → 20 rows, «Показать ещё» → 21.
  const headers = await csrf(applicant);
  const orgs = (await (await applicant.request.get(`${base}/api/v1/me`)).json()) as {
    organizations: { id: string }[];
  };
  for (let i = 0; i < 21; i++) {
    const draft = await applicant.request.post(
      `${base}/api/v1/organizations/${orgs.organizations[0].id}/certification/applications`,
      { headers, data: {} },
    );
    expect(draft.status()).toBe(201);
  }
  await applicant.goto(`${base}/certification`);
  await applicant.getByRole('tab', { name: 'ЧЕРНОВИКИ' }).click();
  const draftRows = applicant.getByRole('row').filter({ hasText: 'Черновик' });
  await expect(draftRows).toHaveCount(20);
  await applicant.getByRole('button', { name: 'Показать ещё' }).click();
  await expect(draftRows).toHaveCount(21);
  await expect(applicant.getByRole('button', { name: 'Показать ещё' })).toBeHidden();

  // The administrator's accreditation records list both DEMO bodies.
  await applicant.context().clearCookies();
  await passwordLogin(applicant, base, 'admin@demo.tereze.kz', 'Admin2026$demo');
  await expect(applicant).toHaveURL(/\/cabinet/);
  await applicant.getByRole('link', { name: 'Аккредитация ОПС' }).click();
  await expect(applicant).toHaveURL(/\/certification\/accreditations$/);
  await expect(applicant.getByRole('row').filter({ hasText: OPS.bin })).toContainText('ISO 9001');
  await expect(applicant.getByRole('row').filter({ hasText: organization.bin })).toContainText('Действует');
  expect(errors).toEqual([]);
  await applicantContext.close();
});
