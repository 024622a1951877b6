import { test, expect, type Page } from '@playwright/test';
import { cont, myselfWithOlderCard, watchConsole } from './helpers';
import { idNumber } from './ids';

// The app takes a newer policy at run time (issue #15): when the server decides with another
// revision of a city's rules than the app was built with, the app fetches that city's document
// and previews with it. The server's side (`--policy-dir`, the `sscard-policy` header, the
// document route, deciding with it) is tested over HTTP in the server's suite; here the server
// answers are changed in flight, so the one server of this suite stays as it is.

const NEWER = 'e2e-20-days';

/** Serves Beijing's document as the server would after publishing a 20-day limit. */
async function serveNewerBeijing(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/api/v1/policy/beijing/document', async (route) => {
    asked.push(route.request().url());
    const response = await route.fetch();
    const doc = await response.json();
    doc.revision = NEWER;
    doc.application_natural_days.push({
      from: '2026-01-05',
      value: 20,
      cite: { source: 'DECISIONS.md', locator: 'D37' },
    });
    await route.fulfill({ response, json: doc });
  });
  return asked;
}


/** From /check: an insured adult of Beijing with a card, to the result. */
async function toResult(page: Page) {
  await myselfWithOlderCard(page, { year: '1985', month: '6', day: '15' });
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('可以在线申领第三代社保卡');
}

test('a page served with a newer Beijing policy previews with it', async ({ page }) => {
  const problems = watchConsole(page);
  const asked = await serveNewerBeijing(page);
  // The page as a server with the newer policy serves it: its revisions on <html>.
  await page.route((url) => url.pathname === '/check', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/data-policy="[^"]*"/, `data-policy="beijing=${NEWER}"`);
    await route.fulfill({ response, body: html });
  });
  await page.goto('/check?city=beijing');
  await toResult(page);
  await expect(page.locator('.timeline__made-by')).toContainText('20 个自然日');
  expect(asked.length).toBe(1);
  expect(problems).toEqual([]);
});

test('an API answer naming a newer revision updates an open page without a reload', async ({ page }) => {
  const problems = watchConsole(page);
  const asked = await serveNewerBeijing(page);
  await page.goto('/check?city=beijing');
  await toResult(page);
  // Built and served with the same data: nothing fetched, the built-in 30 days.
  await expect(page.locator('.timeline__made-by')).toContainText('30 个自然日');
  expect(asked).toEqual([]);

  // A new release now decides with 20 days; the next answer of the API says so.
  await page.route('**/api/v1/**', async (route) => {
    // The document itself is served by the handler above (the newest handler runs first).
    if (route.request().url().includes('/api/v1/policy/')) return route.fallback();
    const response = await route.fetch();
    const headers = { ...response.headers(), 'sscard-policy': `beijing=${NEWER}` };
    await route.fulfill({ response, headers });
  });
  await page.getByRole('link', { name: '开始申请' }).click();
  await expect(page.locator('main h1')).toHaveText(/个人信息/);
  await page.getByLabel('姓名').fill('周政');
  await page.getByLabel('身份证号码').fill(idNumber('19850615', '151'));
  await page.getByLabel('手机号码').fill('13800138151');
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  // Fetched once the code request's answer named the newer revision (asynchronously).
  await expect.poll(() => asked.length).toBe(1);
  // Back to the result, in the same page: its preview now follows the newer rules.
  await page.goBack();
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('可以在线申领第三代社保卡');
  await expect(page.locator('.timeline__made-by')).toContainText('20 个自然日');
  expect(asked.length).toBe(1);
  expect(problems).toEqual([]);
});

test('a holiday schedule published after the build is counted with', async ({ page }) => {
  const problems = watchConsole(page);
  /** 补领 by post on 31 December 2026, in the rules explorer: the made-by date shown. */
  async function madeBy() {
    await page.getByLabel('业务').selectOption({ label: '补领（卡片丢失）' });
    await page.getByLabel('办理渠道').selectOption({ label: '北京市人力资源和社会保障局网站' });
    await page.getByLabel('领卡方式').selectOption({ label: '邮寄' });
    await page.getByLabel('现在持有的社保卡').selectOption({ label: '第三代社保卡' });
    await page.getByLabel('办理日期').fill('2026-12-31');
    await page.getByRole('button', { name: '查看规则' }).click();
    return page.locator('#production-result');
  }

  // Built without the 2027 schedule: 1 January is skipped as the law fixes it, so the 4th
  // working day is Thursday 7 January.
  await page.goto('/rules');
  await expect(await madeBy()).toContainText('2027年1月7日');

  // The server now counts with the published 2027 schedule, which (in this test) also gives
  // Monday 4 January off: the 4th working day is Friday 8 January.
  await page.route('**/api/v1/policy/calendar', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.years['2027'] = {
      published: true,
      notice: '国务院办公厅关于2027年部分节假日安排的通知（e2e）',
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-04', name: '元旦' },
      ],
      makeup_workdays: [],
    };
    await route.fulfill({ response, json: data });
  });
  await page.route((url) => url.pathname === '/rules', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/data-policy="[^"]*"/, 'data-policy="calendar=e2e-2027"');
    await route.fulfill({ response, body: html });
  });
  const published = page.waitForResponse('**/api/v1/policy/calendar');
  await page.reload();
  await published;
  await expect(async () => {
    await expect(await madeBy()).toContainText('2027年1月8日', { timeout: 500 });
  }).toPass();
  await expect(page.locator('main')).toContainText('国务院办公厅关于2027年部分节假日安排的通知（e2e）');
  expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
});
