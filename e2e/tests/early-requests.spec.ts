import { test, expect } from '@playwright/test';
import { codeSignIn } from './helpers';

// Issue 17: a page opened cold from a deep link (a bookmark, a WeChat menu) asks the API while
// its own code is still downloading, not after: the route's choose() starts the requests the page
// makes (src/routes.json, src/api/early.rs), and the page takes those answers instead of
// asking again. Who is signed in is asked once too: the page and the signed-in header share one
// answer (issue #12: the page and the journey state each asked).

// 吴强: a demo person whose mobile on record no other spec changes (a code reaches him).
type DemoPerson = { name: string; id_number: string; mobile: string };

for (const { path, part, api } of [
  {
    path: '/progress',
    part: /split_progress\.wasm$/,
    api: ['/api/v1/auth/session', '/api/v1/applications', '/api/v1/cards'],
  },
  { path: '/loss', part: /split_loss\.wasm$/, api: ['/api/v1/auth/session', '/api/v1/cards'] },
]) {
  test(`a deep link to ${path} asks the API while the page's code is on its way`, async ({ page }) => {
    const people: DemoPerson[] = await (await page.request.get('/api/v1/demo/people')).json();
    await codeSignIn(page.request, people.find((p) => p.name === '吴强')!);
    // A person coming back: the app remembers that they were signed in.
    await page.addInitScript(() => localStorage.setItem('sscard.signed_in', '1'));

    // The page's code arrives slowly (a slow phone network), so the order is plain to see.
    let partServed = Number.POSITIVE_INFINITY;
    await page.route(part, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      partServed = Date.now();
      await route.continue();
    });
    const asked: Record<string, number[]> = {};
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (api.includes(url.pathname)) (asked[url.pathname] ??= []).push(Date.now());
    });

    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    for (const endpoint of api) {
      expect(asked[endpoint], `${endpoint} was asked`).toBeDefined();
      // Once: the page took the early answer instead of asking again.
      expect(asked[endpoint].length, `${endpoint} asked once`).toBe(1);
      expect(asked[endpoint][0], `${endpoint} asked before the page's code arrived`).toBeLessThan(partServed);
    }
  });
}

// Issue 12: a signed-in page asks who is signed in through the journey state. A request that
// gets no answer (a dropped connection) must not sign the person out of the whole app: the
// stored hint stays, so the journey's pages and the next visit still know them.
test('a session request that gets no answer does not sign the person out', async ({ page }) => {
  const people: DemoPerson[] = await (await page.request.get('/api/v1/demo/people')).json();
  await codeSignIn(page.request, people.find((p) => p.name === '吴强')!);
  await page.addInitScript(() => localStorage.setItem('sscard.signed_in', '1'));
  await page.goto('/progress');
  await expect(page.locator('.session-bar')).toBeVisible({ timeout: 20_000 });

  // The next page's question about the session is dropped on the way.
  await page.route('**/api/v1/auth/session', (route) => route.abort());
  await page.getByRole('link', { name: '临时挂失社保卡' }).click();
  await expect(page).toHaveURL(/\/loss$/);
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => localStorage.getItem('sscard.signed_in'))).toBe('1');
});
