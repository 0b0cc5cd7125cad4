import { expect, type Page, test } from '@playwright/test';
import {
  collectConsoleErrors,
  DEMO,
  PASSWORD,
  passwordLogin,
  registerAndActivateIndividual,
} from './identity';
import { DEMO_ADMIN as ADMIN, useOwnPortal } from './organization-helpers';

// The admin console on a portal of its own: the blocked user (АХМЕТОВА, registered here) is this spec's alone, so
// blocking her cannot disturb the journeys sharing the run's portal.
const user = DEMO.individual;
const portal = useOwnPortal(200_000);

test.use({ actionTimeout: 15_000 });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/admin-${name}.png`, fullPage: true });

test('the administrator finds a user, blocks them (their next request is refused), unblocks; filters the journal', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // The user registers and signs in in a browser of their own.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await registerAndActivateIndividual(userPage, request, portal().url, user);
  await passwordLogin(userPage, portal().url, user.iin, PASSWORD);
  await expect(userPage.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();
  expect((await userPage.request.get(`${portal().url}/api/v1/profile`)).status()).toBe(200);

  const errors = collectConsoleErrors(page);
  const menu = page.getByRole('navigation', { name: /меню/i });
  await passwordLogin(page, portal().url, ADMIN.login, ADMIN.password);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();
  await page.goto(`${portal().url}/cabinet`);
  await menu.getByRole('link', { name: 'Пользователи' }).click();
  await expect(page.getByRole('heading', { name: 'Пользователи' })).toBeVisible();

  // Found by IIN; the drawer blocks with a reason (an empty one is refused on the field).
  await page.getByLabel('Поиск').fill(user.iin);
  const row = page.getByTestId('admin-user-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(user.fullName);
  await row.getByRole('button', { name: 'Открыть' }).click();
  const drawer = page.getByTestId('admin-user-detail');
  await expect(drawer).toContainText(user.email);
  await drawer.getByRole('button', { name: 'Заблокировать' }).click();
  const modal = page.getByRole('dialog', { name: 'Блокировка пользователя' });
  await modal.getByRole('button', { name: 'Заблокировать' }).click();
  await expect(modal.getByText('Укажите причину блокировки')).toBeVisible();
  await modal.getByLabel('Причина блокировки').fill('Проверка e2e');
  await modal.getByRole('button', { name: 'Заблокировать' }).click();
  await expect(drawer.getByRole('status')).toContainText('Пользователь заблокирован');
  await expect(drawer.getByText('Заблокирован', { exact: true })).toBeVisible();
  await shot(page, 'blocked');

  // Her very next request is refused: the session is gone.
  expect((await userPage.request.get(`${portal().url}/api/v1/profile`)).status()).toBe(401);
  await passwordLogin(userPage, portal().url, user.iin, PASSWORD);
  await expect(userPage.getByRole('alert')).toBeVisible();

  await drawer.getByRole('button', { name: 'Разблокировать' }).click();
  await expect(drawer.getByRole('status')).toContainText('Пользователь разблокирован');
  await expect(drawer.getByText('Активен', { exact: true })).toBeVisible();
  await passwordLogin(userPage, portal().url, user.iin, PASSWORD);
  await expect(userPage.getByRole('banner').getByRole('button', { name: 'Выйти' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The journal, filtered by action family: the block and the unblock, newest first.
  await menu.getByRole('link', { name: 'Журнал событий' }).click();
  await expect(page.getByRole('heading', { name: 'Журнал событий' })).toBeVisible();
  await page.getByLabel('Действие').fill('admin.user');
  await page.getByRole('button', { name: 'Применить' }).click();
  const events = page.getByTestId('audit-row');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('admin.user.unblock');
  await expect(events.nth(1)).toContainText('admin.user.block');
  await expect(events.nth(1)).toContainText('Проверка e2e');
  await shot(page, 'journal');

  await userContext.close();
  expect(errors).toEqual([]);
});
