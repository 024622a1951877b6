import { test, expect, type Page } from '@playwright/test';
import { appReady, cont, detailsAndCode, expectNoAxeViolations, screenshot, watchConsole } from './helpers';
import { REFERENCE, idNumber, withWrongCheckDigit } from './ids';

// Each test starts from a clean browser (Playwright gives every test a new context), and uses
// its own fictitious person so tests do not see each other's applications.


/** Checks the page (axe), saves a screenshot, and fails on console errors collected so far. */
async function look(page: Page, name: string, problems: string[]) {
  await expectNoAxeViolations(page);
  await screenshot(page, `journey-${name}`);
  expect(problems).toEqual([]);
}

/** From /check: for myself, born 1 February 1990 (the two first questions). */
async function myselfBorn1990(page: Page) {
  await page.getByLabel('为自己申领').check();
  await cont(page);
  await page.getByLabel('年').fill('1990');
  await page.getByLabel('月').fill('2');
  await page.getByLabel('日').fill('1');
  await cont(page);
}

/** Answers the eligibility check as an insured adult born on 1985-06-15. */
async function eligibilityForMyself(page: Page, problems: string[]) {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: '开始' }).click();
  await expect(page.locator('main h1')).toHaveText('您为谁申领社保卡？');
  await look(page, '01-who', problems);
  await page.getByLabel('为自己申领').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('您的出生日期是哪天？');
  await page.getByLabel('年').fill('1985');
  await page.getByLabel('月').fill('6');
  await page.getByLabel('日').fill('15');
  await look(page, '02-birth', problems);
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人现在有社保卡吗？');
  await page.getByLabel('有第一代或第二代社保卡').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人是否在北京市参加社会保险？');
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('可以在线申领第三代社保卡');
  await expect(page.locator('.timeline__made-by')).toContainText('30 个自然日');
  await page.getByText('为什么是这个结果？').first().click();
  await expect(page.locator('.why__source', { hasText: '002_18b018be9bee0abf.txt Q4' }).first()).toBeVisible();
  await look(page, '03-result', problems);
  await page.getByRole('link', { name: '开始申请' }).click();
}

/** Fills in the personal details and the one-time code shown in demo mode. */
async function signIn(page: Page, problems: string[], name: string, id: string, mobile: string, shoot = false) {
  await detailsAndCode(page, { name, id, mobile }, async (step) => {
    if (shoot) await look(page, step === 'details' ? '04-details' : '05-verify', problems);
  });
}

async function chooseBank(page: Page, problems: string[], shoot = false) {
  await expect(page.locator('main h1')).toHaveText('选择发卡银行');
  if (shoot) await look(page, '06-bank', problems);
  await page.getByLabel('工商银行').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('您想怎样领取社保卡？');
}

test('the whole journey for myself, by post, ends on a confirmation with a QR code', async ({ page }) => {
  const problems = watchConsole(page);
  await eligibilityForMyself(page, problems);
  await signIn(page, problems, '张三', idNumber('19850615', '101'), '13800138000', true);
  await chooseBank(page, problems, true);
  await page.getByLabel('邮寄到家').check();
  // The timeline beside the choices follows the radio before Continue.
  await expect(page.locator('.timeline__made-by')).toContainText('30 个自然日');
  await expect(page.locator('.timeline__steps')).toContainText('邮寄');
  await look(page, '07-pickup', problems);
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('邮寄地址');
  await expect(page.getByLabel('收件人', { exact: true })).toHaveValue('张三');
  await page.getByLabel('详细地址').fill('东城区东华门街道某某胡同 1 号');
  await page.getByLabel('邮政编码').fill('100010');
  await look(page, '08-address', problems);
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('提交申请前，核对您的回答');
  await expect(page.locator('.summary')).toContainText('工商银行');
  await expect(page.locator('.summary')).toContainText('100010');
  await look(page, '09-check', problems);
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('main h1')).toHaveText('申请已提交');
  // The hotline reference (DECISIONS D34): grouped 3-3-4 from digits 2–9 and letters without
  // I, L and O, with the line asking to quote it on 96066; the internal id is not shown.
  const reference = (await page.locator('#reference').innerText()).trim();
  expect(reference).toMatch(REFERENCE);
  await expect(page.locator('.confirmation-panel')).toContainText('咨询或拨打服务热线时，报出这个编号。');
  await expect(page.locator('main')).not.toContainText(/app_[0-9a-f]+/);
  const app = await (await page.request.get(`/api/v1/applications/${reference}`)).json();
  expect(app.reference).toBe(reference);
  expect(page.url()).toContain(app.id);
  await expect(page.locator('.qr svg')).toBeVisible();
  // The QR code encodes the reference: the same drawing as the progress page's code, whose
  // accessible name names the reference it encodes.
  const qr = await page.locator('.qr').innerHTML();
  const calendar = page.getByRole('link', { name: '添加到日历' });
  await expect(calendar).toHaveAttribute('href', /^data:text\/calendar/);
  const ics = decodeURIComponent((await calendar.getAttribute('href')) ?? '');
  expect(ics).toContain(`DESCRIPTION:您的申请编号 ${reference}`);
  expect(ics).not.toContain(app.id);
  await look(page, '10-confirmation', problems);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'e2e/screenshots/confirmation-390x844.png' });
  // Opening it again from a bookmark works.
  await page.goto(page.url());
  await expect(page.locator('#reference')).toHaveText(reference);
  await page.goto('/progress');
  const section = page.locator('section.application').first();
  await expect(section.locator('.qr')).toHaveAttribute('aria-label', `申请编号 ${reference} 的二维码`);
  expect(await section.locator('.qr').innerHTML()).toBe(qr);
});

test('the journey for myself with pickup at a branch', async ({ page }) => {
  const problems = watchConsole(page);
  await eligibilityForMyself(page, problems);
  await signIn(page, problems, '李四', idNumber('19850615', '201'), '13900139000');
  await chooseBank(page, problems);
  await page.getByLabel('到银行网点领取').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('选择领卡网点');
  await expect(page.locator('.notice--sample')).toBeVisible();
  await page.getByLabel('只看可即时制卡的网点').check();
  const first = page.locator('input[name="branch"]').first();
  await first.check();
  await look(page, 'branch', problems);
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('提交申请前，核对您的回答');
  await expect(page.locator('.summary')).toContainText('领卡网点');
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('main h1')).toHaveText('申请已提交');
  await expect(page.getByText('到选定的网点领卡')).toBeVisible();
});

test('a guardian applies for a child', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/check');
  await appReady(page);
  await page.getByLabel('为我监护的未满 18 周岁的孩子申领').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('孩子的出生日期是哪天？');
  await page.getByLabel('年').fill('2016');
  await page.getByLabel('月').fill('3');
  await page.getByLabel('日').fill('9');
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('关于您（监护人）');
  await page.getByLabel('年').fill('1984');
  await page.getByLabel('月').fill('1');
  await page.getByLabel('日').fill('20');
  await page.getByLabel('是', { exact: true }).check();
  await look(page, 'guardian', problems);
  await cont(page);
  await page.getByLabel('没有社保卡').check();
  await cont(page);
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('可以在线申领第三代社保卡');
  await page.getByRole('link', { name: '开始申请' }).click();
  await expect(page.locator('main h1')).toHaveText('您（监护人）的个人信息');
  await signIn(page, problems, '王五', idNumber('19840120', '301'), '13700137000');
  await expect(page.locator('main h1')).toHaveText('孩子的信息');
  await page.getByLabel('孩子的姓名').fill('王小明');
  await page.getByLabel('孩子的身份证号码').fill(idNumber('20160309', '302'));
  await page.getByLabel('户口簿').check();
  await look(page, 'child', problems);
  await cont(page);
  await chooseBank(page, problems);
  await expect(page.getByText('监护人须携带本人和孩子的身份证件')).toBeVisible();
  await page.getByLabel('邮寄到家').check();
  await cont(page);
  await page.getByLabel('详细地址').fill('西城区某某街 2 号');
  await page.getByLabel('邮政编码').fill('100032');
  await cont(page);
  await expect(page.locator('.summary')).toContainText('王小明');
  await expect(page.locator('.summary')).toContainText('户口簿');
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('main h1')).toHaveText('申请已提交');
  await expect(page.getByText('监护关系证明')).toBeVisible();
});

test('an answer that is not eligible reaches a page that helps', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/check');
  await appReady(page);
  await myselfBorn1990(page);
  await page.getByLabel('没有社保卡').check();
  await cont(page);
  await page.getByLabel('否', { exact: true }).check();
  await cont(page);
  await page.getByLabel('以上都不符合').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('现在不能在线申领');
  await expect(page.getByRole('heading', { name: '您可以这样做' })).toBeVisible();
  await expect(page.getByText('社会保障卡服务网点咨询').first()).toBeVisible();
  await expect(page).not.toHaveTitle(/错误/);
  await look(page, 'not-eligible', problems);
});

test('details that do not match the records get the same page and no code', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/apply/details');
  await appReady(page);
  // 张三's name and ID number with a mobile that is not his: the server answers as always,
  // but sends nothing (only demo mode says so).
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('身份证号码').fill(idNumber('19850615', '101'));
  await page.getByLabel('手机号码').fill('13912345678');
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  await expect(page.locator('main')).toContainText('如果您填写的姓名、身份证号码和手机号码与登记信息一致');
  await expect(page.locator('.notice--demo')).toContainText('这次没有发送验证码');
  await expect(page.locator('.notice--demo')).not.toContainText(/\d{6}/);
  await page.getByLabel('验证码').fill('123456');
  await cont(page);
  await expect(page.locator('#code-error')).toContainText('验证码不正确');
  await look(page, 'not-sent', problems);
});

test('a wrong check digit gets its own message and keeps what was typed', async ({ page }) => {
  await page.goto('/apply/details');
  await appReady(page);
  const wrong = withWrongCheckDigit(idNumber('19850615', '401'));
  await page.getByLabel('姓名').fill('赵六');
  await page.getByLabel('身份证号码').fill(wrong);
  await page.getByLabel('手机号码').fill('13600136000');
  await cont(page);
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('最后一位与前 17 位不符');
  await expect(page.locator('#id-number-error')).toContainText('最后一位与前 17 位不符');
  await expect(page).toHaveTitle(/^错误: /);
  await expect(page.getByLabel('身份证号码')).toHaveValue(wrong);
  await expect(page.getByLabel('姓名')).toHaveValue('赵六');
  // Other kinds of problem have their own messages.
  await page.getByLabel('身份证号码').fill('1101011985');
  await page.getByLabel('手机号码').fill('');
  await cont(page);
  await expect(summary).toContainText('应为 18 位，现在是 10 位');
  await expect(summary).toContainText('输入手机号码');
  await summary.getByRole('link', { name: /手机号码/ }).click();
  await expect(page.getByLabel('手机号码')).toBeFocused();
  await screenshot(page, 'journey-error');
  await expectNoAxeViolations(page);
});

test('a reload mid-journey resumes where the person stopped', async ({ page }) => {
  await page.goto('/check');
  await appReady(page);
  await page.getByLabel('为自己申领').check();
  await cont(page);
  await page.getByLabel('年').fill('1970');
  await page.getByLabel('月').fill('12');
  await page.getByLabel('日').fill('31');
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人现在有社保卡吗？');
  await page.reload();
  await expect(page.locator('main h1')).toHaveText('持卡人现在有社保卡吗？');
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page.getByLabel('年')).toHaveValue('1970');
  await expect(page.getByLabel('日')).toHaveValue('31');
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page.getByLabel('为自己申领')).toBeChecked();
});

test('a submission whose answer is lost, then retried, makes exactly one application', async ({ page }) => {
  const problems = watchConsole(page);
  await eligibilityForMyself(page, problems);
  await signIn(page, problems, '孙七', idNumber('19850615', '501'), '13500135000');
  await chooseBank(page, problems);
  await page.getByLabel('邮寄到家').check();
  await cont(page);
  await page.getByLabel('详细地址').fill('朝阳区某某路 3 号');
  await page.getByLabel('邮政编码').fill('100020');
  await cont(page);
  // The first submission reaches the server, but its answer never reaches the browser.
  let lost = false;
  await page.route('**/api/v1/applications', async (route) => {
    if (!lost && route.request().method() === 'POST') {
      lost = true;
      await route.fetch();
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('.error-summary')).toContainText('连接不上服务器');
  await expect(page).toHaveTitle(/^错误: /);
  expect(lost).toBe(true);
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('main h1')).toHaveText('申请已提交');
  const mine = await page.request.get('/api/v1/applications');
  expect(mine.status()).toBe(200);
  expect(await mine.json()).toHaveLength(1);
  // The network error logged by the browser is the one this test caused.
  expect(problems.filter((p) => !p.includes('net::ERR_FAILED') && !p.includes('Failed to load resource'))).toEqual([]);
});

test('a bookmark of the result goes to the first question still open, answers kept', async ({ page }) => {
  // Nothing answered yet: the first question, not a verdict on nothing.
  await page.goto('/check/result');
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByLabel('为自己申领')).toBeVisible();
  // Two answers given, then the result's address: the next open question, with both kept.
  await myselfBorn1990(page);
  await page.goto('/check/result');
  await expect(page).toHaveURL(/\/check\/card$/);
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page.getByLabel('年')).toHaveValue('1990');
});

test('a page of the application opened without signing in goes to the sign-in step', async ({ page }) => {
  // The check answered in this browser, but nobody signed in: the bank page sends to the details.
  await page.goto('/check');
  await appReady(page);
  await myselfBorn1990(page);
  await page.getByLabel('没有社保卡').check();
  await cont(page);
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await page.goto('/apply/bank');
  await expect(page).toHaveURL(/\/apply\/details$/);
});

test('a browser whose saved answers were wiped takes them back from the server once signed in', async ({ page }) => {
  const problems = watchConsole(page);
  await eligibilityForMyself(page, problems);
  await signIn(page, problems, '周九', idNumber('19850615', '701'), '13600136000');
  await chooseBank(page, problems);
  await expect(page.locator('main h1')).toHaveText('您想怎样领取社保卡？');
  // A mini-program web-view wipes its storage when it closes; the session cookie stays.
  await page.evaluate(() => localStorage.removeItem('sscard.journey'));
  await page.goto('/apply/pickup');
  // Without the server's draft the guard would send the person back to the first question.
  await expect(page.locator('main h1')).toHaveText('您想怎样领取社保卡？');
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page.getByLabel('工商银行')).toBeChecked();
  expect(problems).toEqual([]);
});

test('a signed-in person with nothing saved gets no error for the missing draft', async ({ page }) => {
  const problems = watchConsole(page);
  // Every console line about the draft, 4xx included (watchConsole lets API 4xx through).
  const draftNoise: string[] = [];
  page.on('console', (msg) => {
    if (msg.location().url.includes('/api/v1/draft')) draftNoise.push(msg.text());
  });
  await eligibilityForMyself(page, problems);
  await signIn(page, problems, '吴十', idNumber('19850615', '711'), '13600136010');
  await chooseBank(page, problems);
  // Storage wiped, nothing saved on the server yet: the app asks, the server says "none".
  await page.request.delete('/api/v1/draft');
  await page.evaluate(() => localStorage.removeItem('sscard.journey'));
  const asked = page.waitForResponse('**/api/v1/draft');
  await page.goto('/check');
  const answer = await asked;
  expect(answer.status()).toBe(204);
  await expect(page.locator('main h1')).toHaveText('您为谁申领社保卡？');
  expect(draftNoise).toEqual([]);
  expect(problems).toEqual([]);
});
