import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, screenshot } from './helpers';

test('elderly mode: larger text, 60 px targets, remembered across visits', async ({ page }) => {
  await page.goto('/check');
  await appReady(page);
  const toggle = page.getByRole('button', { name: '大字模式' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/elderly/);
  const fontSize = await page.locator('.radio__label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(18);
  const lineHeight = await page.locator('body').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
  expect(lineHeight).toBeGreaterThanOrEqual(1.3);
  const box = await page.getByRole('button', { name: '继续' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(60);
  expect(box!.width).toBeGreaterThanOrEqual(60);
  await screenshot(page, 'ready-elderly');
  await expectNoAxeViolations(page);
  await page.reload();
  await appReady(page);
  await expect(page.locator('html')).toHaveClass(/elderly/);
  await expect(page.getByRole('button', { name: '大字模式' })).toHaveAttribute('aria-pressed', 'true');
});

test('zoom is never disabled', async ({ page }) => {
  await page.goto('/');
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewport).toContain('viewport-fit=cover');
  expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale/);
});

for (const [name, ua] of [
  ['wechat', 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.50 miniProgram'],
  ['alipay', 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 AlipayClient/10.6.0'],
] as const) {
  test.describe(`inside the ${name} web-view`, () => {
    test.use({ userAgent: ua });

    test('is detected, the journey works and back always leaves the page', async ({ page }) => {
      await page.goto('/');
      await appReady(page);
      await expect(page.locator('html')).toHaveAttribute('data-webview', name);
      await page.getByRole('link', { name: '开始' }).click();
      await expect(page.locator('main h1')).toHaveText('您为谁申领社保卡？');
      await page.getByLabel('为自己申领').check();
      await page.getByRole('button', { name: '继续' }).click();
      await expect(page).toHaveURL(/\/check\/birth-date$/);
      // No history trap: the browser's back button leaves each page.
      await page.goBack();
      await expect(page).toHaveURL(/\/check$/);
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      await screenshot(page, `ready-${name}`);
    });
  });
}
