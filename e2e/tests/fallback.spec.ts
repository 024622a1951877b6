import { test, expect } from '@playwright/test';

// A browser that cannot start the app (here: the wasm download fails) gets a plain page in
// Chinese with the other ways to get the service, never a blank screen.
test('when the wasm cannot load, a plain page gives the other channels', async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort('failed'));
  await page.goto('/');
  const fallback = page.locator('#boot-fallback');
  await expect(fallback).toBeVisible({ timeout: 20_000 });
  await expect(fallback.locator('h1')).toHaveText('这个浏览器无法打开本服务');
  await expect(fallback.locator('a[href="tel:96066"]')).toBeVisible();
  // The page cannot know the city: Beijing's number is named as Beijing's.
  await expect(fallback).toContainText('北京市：拨打咨询电话 96066；其他城市：咨询当地社保经办机构');
  await expect(fallback).toContainText('合作银行');
});

test('without WebAssembly the fallback shows at once', async ({ page }) => {
  await page.addInitScript(() => {
    // Simulate an engine without WebAssembly.
    Object.defineProperty(window, 'WebAssembly', { value: undefined, configurable: true, writable: true });
  });
  await page.goto('/');
  await expect(page.locator('#boot-fallback')).toBeVisible({ timeout: 5_000 });
});

test('a working browser never sees the fallback', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('#boot-fallback')).toHaveCount(0);
});

// index.html carries static copies of the first screen of the start page and of the first
// journey question (for a fast first paint). Each must say exactly what the app then renders, or
// the page would change under the reader.
for (const route of ['/', '/check']) {
  test(`the static shell of ${route} matches what the app renders`, async ({ page, request }) => {
    const html = await (await request.get('/')).text();
    const block = html.split(/<div class="page" data-route="/).find((part) => part.startsWith(`${route}"`));
    expect(block, `a shell for ${route}`).toBeTruthy();
    const mirrored = [...block!.matchAll(/data-mirror="([^"]+)">([\s\S]*?)<\/(?:p|ul|span)>/g)]
      .map(([, selector, body]) => ({ selector, text: body.replace(/<[^>]+>/g, '').replace(/\s+/g, '') }));
    expect(mirrored.length).toBeGreaterThanOrEqual(4);
    await page.goto(route);
    await expect(page.locator('main h1')).toBeVisible();
    for (const { selector, text } of mirrored) {
      const rendered = (await page.locator(`main ${selector}`).first().innerText()).replace(/\s+/g, '');
      expect(rendered, `shell text for ${selector}`).toBe(text);
    }
  });
}

// The shell's options cannot be chosen: a choice made before the app runs would be lost.
test('the static journey shell offers nothing to fill in before the app runs', async ({ page }) => {
  await page.route(/_bg\.wasm$/, () => new Promise(() => {})); // the app never arrives
  await page.goto('/check');
  const shell = page.locator('#prerender [data-route="/check"]');
  await expect(shell).toBeVisible();
  await expect(shell.locator('input:enabled')).toHaveCount(0);
});

// Every page's code is a wasm file of its own, fetched when the page is first shown. When one
// cannot be fetched, the page says so and offers to try again; the app itself keeps working.
test('a page whose code cannot be fetched says so, and the app keeps working', async ({ page }) => {
  await page.route(/\/app-[0-9a-f]+\/split_rules\.wasm$/, (route) => route.abort('failed'));
  await page.goto('/');
  await expect(page.locator('main h1')).toBeVisible();
  await page.getByRole('link', { name: '办理规则' }).first().click();
  await expect(page.locator('main h1')).toHaveText('此页面未能加载', { timeout: 15_000 });
  await expect(page.getByRole('link', { name: '重试' })).toHaveAttribute('href', '/rules');
  await expect(page.locator('#boot-fallback')).toHaveCount(0);
  // The app still runs: the start page (its code already here) renders again.
  await page.getByRole('link', { name: '第三代社保卡线上服务' }).first().click();
  await expect(page.locator('main h1')).toHaveText('申领和管理第三代社保卡');
});

// On a slow connection a tap must visibly do something while the page's code arrives.
test('while a page’s code is on its way, the page says it is opening', async ({ page }) => {
  await page.route(/\/app-[0-9a-f]+\/(split|chunk)_[\w]+\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('main h1')).toBeVisible();
  await page.getByRole('link', { name: '办理规则' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: '正在打开页面' })).toBeAttached();
  await expect(page.locator('.route-progress__bar')).toBeVisible();
  await expect(page.locator('main h1')).toHaveText('办理规则查询', { timeout: 15_000 });
  await expect(page.locator('.route-progress__bar')).toHaveCount(0);
});
