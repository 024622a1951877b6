import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Fails the test on any console error or uncaught exception (a CSP violation shows up here). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // A 4xx answer from the API is an expected answer (not signed in, no draft), which the
    // browser logs as a failed resource; the app handles it. Anything else is a problem.
    const apiAnswer = msg.location().url.includes('/api/') && /status of 4\d\d/.test(msg.text());
    if (!apiAnswer) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  return problems;
}

/** Presses the page's Continue button. */
export async function cont(page: Page) {
  await page.getByRole('button', { name: '继续' }).click();
}

/**
 * From the check's first question: applying for oneself, born on `born`, holding a first- or
 * second-generation card. Ends on the next question (insured in the city).
 */
export async function myselfWithOlderCard(page: Page, born: { year: string; month: string; day: string }) {
  await expect(page.locator('main h1')).toHaveText('您为谁申领社保卡？');
  await page.getByLabel('为自己申领').check();
  await cont(page);
  await page.getByLabel('年').fill(born.year);
  await page.getByLabel('月').fill(born.month);
  await page.getByLabel('日').fill(born.day);
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人现在有社保卡吗？');
  await page.getByLabel('有第一代或第二代社保卡').check();
  await cont(page);
}

/** Waits until the app has rendered a page heading (the wasm has loaded and run). */
export async function appReady(page: Page) {
  await expect(page.locator('main h1')).toBeVisible();
}

/** Runs axe (WCAG 2.2 A/AA rules) on the current page and expects no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Saves a full-page screenshot under e2e/screenshots/ so the pages can be looked at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** Signs `person` in with a one-time code through the API (demo server: the code is in the answer). */
export async function codeSignIn(
  request: APIRequestContext,
  person: { name: string; id_number: string; mobile: string },
) {
  const sent = await (await request.post('/api/v1/auth/code', {
    data: { name: person.name, id_number: person.id_number, mobile: person.mobile },
  })).json();
  expect((await request.post('/api/v1/auth/code/verify', {
    data: { challenge_id: sent.challenge_id, code: sent.demo_code },
  })).status()).toBe(200);
}

/**
 * The application's sign-in in the browser: the personal details, then the one-time code the
 * demo server shows. `look` (axe, screenshots) runs on each of the two pages before Continue.
 */
export async function detailsAndCode(
  page: Page,
  person: { name: string; id: string; mobile: string },
  look?: (step: 'details' | 'verify') => Promise<void>,
) {
  await expect(page.locator('main h1')).toHaveText(/个人信息/);
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号码').fill(person.id);
  await page.getByLabel('手机号码').fill(person.mobile);
  await expect(page.locator('.derived')).toContainText('出生日期');
  await look?.('details');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  const demo = await page.locator('.notice--demo').innerText();
  const code = demo.match(/\d{6}/)?.[0] ?? '';
  expect(code).toHaveLength(6);
  await look?.('verify');
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '继续' }).click();
}
