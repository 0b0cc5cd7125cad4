import { expect, type Page, test } from '@playwright/test';

const base = () => process.env.E2E_BASE_URL!;

/** Console errors and uncaught exceptions, but for the 404s of the URLs a test asks for on purpose. */
function collectConsoleErrors(page: Page, expected404s: string[] = []) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (expected404s.some((u) => m.location().url.endsWith(u)) && /status of 404/.test(m.text())) return;
    errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('home page in Russian, Kazakh and English, with no console errors', async ({ page }) => {
  const errors = collectConsoleErrors(page, ['/api/v1/nope']);
  await page.goto(base());
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Войти' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Регистрация' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.screenshot({ path: 'e2e/artifacts/home-ru.png', fullPage: true });

  await header.getByText('Қаз', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(header.getByRole('link', { name: 'Кіру' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/home-kk.png', fullPage: true });

  await header.getByText('Eng', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Register' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/home-en.png', fullPage: true });

  // The choice survives a reload and reaches the server: API errors come back in English.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const apiError = await page.evaluate(async () => (await fetch('/api/v1/nope')).json());
  expect(apiError.error.message).toBe('The requested resource was not found');

  expect(errors).toEqual([]);
});

test('unknown pages show the 404 page with status 404', async ({ page }) => {
  const errors = collectConsoleErrors(page, ['/no/such/page']);
  const res = await page.goto(`${base()}/no/such/page`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the cabinet layout has the left menu', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(`${base()}/cabinet`);
  const menu = page.getByRole('navigation', { name: 'Меню личного кабинета' });
  await expect(menu.getByRole('link', { name: 'Услуги' })).toBeVisible();
  await expect(menu.getByRole('link', { name: /Профиль|Личные данные/ })).toBeVisible();
  expect(errors).toEqual([]);
});
