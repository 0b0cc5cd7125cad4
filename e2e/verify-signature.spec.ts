// The public «Проверить подпись» page and the service catalogue, in a real browser against the real portal:
// a document signed by a demo person through the portal's own NCALayer-compatible signer.
import { expect, type Page, test } from '@playwright/test';
import { createSignerClient, type WebSocketConstructor } from '@tereze/signer/client';
import WebSocket from 'ws';
import { collectConsoleErrors, DEMO } from './identity';

const base = () => process.env.E2E_BASE_URL!;
const document = Buffer.from('%PDF-1.4\n% Устав ТОО «Демо Сертификация»\n%%EOF\n');

/** A CMS (detached by default) of `data` by the demo first head's SIGN key (PEM, as NCALayer returns it). */
async function signByHead(data: Buffer, detached = true): Promise<string> {
  const client = createSignerClient({
    url: process.env.E2E_SIGNER_URL!,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    chain: [],
  });
  try {
    return await client.signCms(new Uint8Array(data), {
      purpose: 'document',
      detached,
      iin: DEMO.head.iin,
    });
  } finally {
    client.close();
  }
}

async function choose(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label).click()]);
  await chooser.setFiles(file);
}

test('«Проверить подпись»: a detached signature with its file is valid; the changed file is not; garbage is refused', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page, [{ status: 400, path: '/api/v1/public/verify-signature' }]);
  const cms = await signByHead(document);
  await page.goto(base());
  await page.getByRole('contentinfo').getByRole('link', { name: 'Проверить подпись' }).click();
  await expect(page).toHaveURL(/\/verify$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Проверить подпись' })).toBeVisible();

  await choose(page, 'Файл подписи', {
    name: 'ustav.pdf.cms',
    mimeType: 'application/pkcs7-signature',
    buffer: Buffer.from(cms),
  });
  await choose(page, 'Подписанный файл', {
    name: 'ustav.pdf',
    mimeType: 'application/pdf',
    buffer: document,
  });
  await page.getByRole('button', { name: 'Проверить' }).click();
  const report = page.locator('section[data-valid]');
  await expect(report.getByRole('heading', { name: 'Подпись действительна', exact: true })).toBeVisible();
  await expect(report).toHaveAttribute('data-valid', 'true');
  const signer = report.getByRole('article', { name: 'Подписант 1', exact: true });
  await expect(signer.locator('[data-field="name"] dd')).toContainText('ЖУМАБЕКОВ НУРЛАН');
  await expect(signer.locator('[data-field="iin"] dd')).toHaveText(DEMO.head.iin);
  await expect(signer.locator('[data-field="bin"] dd')).toHaveText(DEMO.organization.bin);
  await expect(signer.locator('[data-check="digest"]')).toContainText(
    'Документ не изменялся после подписания',
  );
  await expect(signer.locator('[data-check][data-ok="false"]')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/verify-valid.png', fullPage: true });

  // The same signature over a changed file: the digest check fails, said in plain words.
  await choose(page, 'Подписанный файл', {
    name: 'ustav.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([document, Buffer.from('% изменено\n')]),
  });
  await page.getByRole('button', { name: 'Проверить' }).click();
  await expect(report).toHaveAttribute('data-valid', 'false');
  await expect(
    report.getByRole('heading', { name: /^Подпись недействительна: Документ изменен после подписания/ }),
  ).toBeVisible();
  await expect(report.locator('[data-check="digest"][data-ok="false"]')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/verify-changed.png', fullPage: true });

  // Not a signature at all: a clear message, no report.
  await choose(page, 'Файл подписи', {
    name: 'photo.cms',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not a signature'),
  });
  await page.getByRole('button', { name: 'Проверить' }).click();
  await expect(page.getByRole('alert')).toContainText('Файл подписи не распознан');
  await expect(report).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a signature with the data inside, pasted as PEM text as NCALayer returns it, is verified', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  const pem = await signByHead(document, false);
  expect(pem.startsWith('-----BEGIN CMS-----')).toBe(true);
  await page.goto(`${base()}/verify`);
  await page.getByLabel('или вставьте подпись текстом').fill(pem);
  await page.getByRole('button', { name: 'Проверить' }).click();
  const report = page.locator('section[data-valid]');
  await expect(report).toHaveAttribute('data-valid', 'true');
  await expect(report.locator('[data-field="iin"] dd')).toHaveText(DEMO.head.iin);
  // No separate file: the report names none.
  await expect(page.getByText(/^Подписанный файл:/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the catalogue: Услуги → Сертификация → Сервис электронной сертификации → the service, with seed 000 breadcrumbs', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto(`${base()}/services`);
  await expect(page.getByRole('heading', { level: 1, name: 'Услуги' })).toBeVisible();
  await page.getByRole('link', { name: 'Сертификация', exact: true }).click();
  await page.getByRole('link', { name: 'Сервис электронной сертификации' }).click();
  await page.getByRole('link', { name: 'Сертификация соответствия системы менеджмента' }).click();
  await expect(page).toHaveURL(
    /\/services\/certification\/e-certification\/management-system-certification$/,
  );
  const trail = page.getByRole('navigation', { name: 'Путь к услуге в каталоге' });
  await expect(trail).toHaveText(
    /Услуги.*Сертификация.*Сервис электронной сертификации.*Сертификация соответствия системы менеджмента/,
  );
  await expect(trail.getByRole('link', { name: 'Услуги' })).toHaveAttribute('href', '/services');
  await expect(page.getByRole('link', { name: 'Перейти к услуге' })).toHaveAttribute(
    'href',
    '/certification',
  );
  await page.screenshot({ path: 'e2e/artifacts/catalog-service.png', fullPage: true });
  // A breadcrumb step leads back up.
  await trail.getByRole('link', { name: 'Сертификация', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Сертификация' })).toBeVisible();
  expect(errors).toEqual([]);
});
