import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, screenshot, watchConsole } from './helpers';

test('start page renders in Chinese with the service heading and the hotline', async ({ page }) => {
  const problems = watchConsole(page);
  // The start page asks the API nothing: demo mode comes with the page (<html data-demo>).
  const apiCalls: string[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url()); });
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('.demo-banner')).toContainText('演示模式');
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
  await expect(page).toHaveTitle('申领和管理第三代社保卡 - 第三代社保卡线上服务');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('footer a[href="tel:96066"]')).toHaveText('96066');
  await expect(page.getByRole('heading', { name: '防范诈骗' })).toBeVisible();
  await screenshot(page, 'shell-start');
  await expectNoAxeViolations(page);
  expect(apiCalls).toEqual([]);
  expect(problems).toEqual([]);
});

test('the language switch changes the heading and <html lang>, and is remembered', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Apply for and manage your third-generation social security card');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle(/Social Security Card Online$/);
  await page.getByRole('button', { name: '繁體中文' }).click();
  await expect(page.locator('main h1')).toHaveText('申領和管理第三代社保卡');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await page.reload();
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('申領和管理第三代社保卡');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expectNoAxeViolations(page);
});

test('a link to the second route changes title and focus, and back returns', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: '了解办理流程' }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.locator('main h1')).toHaveText('办理流程');
  await expect(page).toHaveTitle('办理流程 - 第三代社保卡线上服务');
  await expect(page.locator('main h1')).toBeFocused();
  await screenshot(page, 'shell-help');
  await expectNoAxeViolations(page);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
  await expect(page.locator('main h1')).toBeFocused();
});

test('deep links load the app directly', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/help');
  await expect(page.locator('main h1')).toHaveText('办理流程');
  const response = await page.goto('/apply/bank');
  expect(response?.status()).toBe(200);
  await appReady(page);
  expect(problems).toEqual([]);
});

test('an unknown address shows the app\'s not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.locator('main h1')).toHaveText('找不到此页面');
  await expectNoAxeViolations(page);
});

test('the health endpoint answers JSON', async ({ request }) => {
  const response = await request.get('/api/v1/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = await response.json();
  expect(body.status).toBe('ok');
});

test('the page is served with a strict Content-Security-Policy', async ({ request }) => {
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(response.headers()['cache-control']).toContain('no-cache');
});
