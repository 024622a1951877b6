import { test, expect, type Page } from '@playwright/test';
import { appReady, expectNoAxeViolations, watchConsole } from './helpers';

// Simplified Chinese is in the main wasm module; Traditional Chinese and English are wasm parts of
// their own (split_locale_zh_hant.wasm, split_locale_en.wasm, src/i18n/parts.rs), fetched only
// when a person chooses them or has chosen them before.

const LOCALE_PART = /\/app-[0-9a-f]+\/split_locale_(\w+)\.wasm$/;

/** The locale parts the page fetches, by name (`zh_hant`, `en`). */
function localeParts(page: Page): string[] {
  const parts: string[] = [];
  page.on('request', (request) => {
    const match = LOCALE_PART.exec(new URL(request.url()).pathname);
    if (match) parts.push(match[1]);
  });
  return parts;
}

test('a first visit in Simplified Chinese fetches no other language; choosing English fetches it', async ({ page }) => {
  const problems = watchConsole(page);
  const parts = localeParts(page);
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
  await page.waitForLoadState('networkidle');
  expect(parts).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Apply for and manage your third-generation social security card');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(parts).toEqual(['en']);

  // Back and forth: each part is fetched once.
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Apply for and manage your third-generation social security card');
  expect(parts).toEqual(['en']);
  expect(problems).toEqual([]);
});

test('while a language is on its way the page stays in its language, then switches', async ({ page }) => {
  await page.route(LOCALE_PART, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/check');
  await appReady(page);
  const heading = await page.locator('main h1').innerText();
  const button = page.getByRole('button', { name: '繁體中文' });
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('main h1')).toHaveText(heading);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant', { timeout: 10_000 });
  await expect(page.locator('main h1')).toHaveText('您為誰申領社保卡？');
  await expect(button).not.toHaveAttribute('aria-busy', 'true');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
});

test('a language that cannot be fetched says so and the page stays in its language', async ({ page }) => {
  await page.route(LOCALE_PART, (route) => route.abort('failed'));
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('未能切换语言。请检查网络连接后重试。');
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);
  // Once the connection is back, the same button works and the message goes.
  await page.unroute(LOCALE_PART);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Apply for and manage your third-generation social security card');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a remembered English choice starts the app in English, never in Chinese first', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('sscard.locale', 'en');
    // Every heading the app ever renders, to prove no Chinese one came first.
    const seen: string[] = [];
    (window as unknown as { seenHeadings: string[] }).seenHeadings = seen;
    new MutationObserver(() => {
      const h1 = document.querySelector('main h1');
      if (h1 && seen[seen.length - 1] !== h1.textContent) seen.push(h1.textContent ?? '');
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const parts = localeParts(page);
  await page.goto('/');
  await expect(page.locator('main h1')).toHaveText('Apply for and manage your third-generation social security card');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The page loader fetches it alongside the main module; the app's own fetch may show too.
  expect(new Set(parts)).toEqual(new Set(['en']));
  const seen = await page.evaluate(() => (window as unknown as { seenHeadings: string[] }).seenHeadings);
  expect(seen).toEqual(['Apply for and manage your third-generation social security card']);
});

test('a remembered language that cannot be fetched starts in Simplified Chinese and stays remembered', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('sscard.locale', 'zh-Hant'));
  await page.route(LOCALE_PART, (route) => route.abort('failed'));
  await page.goto('/');
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  expect(await page.evaluate(() => localStorage.getItem('sscard.locale'))).toBe('zh-Hant');
});
