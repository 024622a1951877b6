import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { appReady, codeSignIn, expectNoAxeViolations, screenshot, watchConsole } from './helpers';
import { REFERENCE } from './ids';

// Issue 6: the pages after applying, against the real server in demo mode (fresh --data-dir).
// Each test uses its own demo person, so the tests do not depend on each other's order.

type DemoPerson = { name: string; id_number: string; mobile: string; password?: string };

async function demoPerson(request: APIRequestContext, name: string): Promise<DemoPerson> {
  const people: DemoPerson[] = await (await request.get('/api/v1/demo/people')).json();
  const person = people.find((p) => p.name === name);
  if (!person) throw new Error(`no demo person ${name}`);
  return person;
}

/** The server's today (the demo clock), as a Date at UTC midnight. */
async function serverToday(request: APIRequestContext): Promise<Date> {
  const clock = await (await request.get('/api/v1/demo/clock')).json();
  return new Date(`${clock.today}T00:00:00Z`);
}

/** 2026年12月7日, as the app writes dates in Chinese. */
function zhDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function zhDateOf(ymd: string): string {
  return zhDate(new Date(`${ymd}T00:00:00Z`));
}

/** Signs in through the sign-in page, as a card holder would. */
async function signIn(page: Page, person: DemoPerson, next = '/progress') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await appReady(page);
  await page.getByLabel('身份证号码').fill(person.id_number);
  await page.getByLabel('服务密码').fill(person.password ?? '');
  await page.getByRole('button', { name: '登录' }).click();
  if (person.password === person.id_number.slice(-6)) await enterCode(page);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

/** The initial password's second step: the code sent to the mobile on record (shown in demo mode). */
async function enterCode(page: Page) {
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  await expect(page.locator('main h1')).toBeFocused();
  const code = (await page.locator('.notice--demo').innerText()).match(/\d{6}/)?.[0] ?? '';
  expect(code).toHaveLength(6);
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '确认' }).click();
}

test('a signed-out person is sent to sign-in with an encoded return path', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/progress');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprogress$/);
  await expect(page.locator('main h1')).toHaveText('登录查看您的社保卡');
  await expect(page).toHaveTitle('登录查看您的社保卡 - 第三代社保卡线上服务');
  await screenshot(page, 'after-sign-in');
  await expectNoAxeViolations(page);

  // Empty form: an error summary with one link per field, the title prefixed, nothing sent.
  await page.getByRole('button', { name: '登录' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link', { name: '输入身份证号码' })).toBeVisible();
  await expect(summary.getByRole('link', { name: '输入服务密码' })).toBeVisible();
  await expect(page).toHaveTitle(/^错误: /);
  await screenshot(page, 'after-sign-in-errors');
  await expectNoAxeViolations(page);

  // A wrong password: the server's specific message, and what was typed is kept.
  await page.getByLabel('身份证号码').fill('110101198503122012');
  await page.getByLabel('服务密码').fill('000000');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(summary.getByRole('link', { name: '身份证号码或服务密码不正确' })).toBeVisible();
  await expect(page.getByLabel('身份证号码')).toHaveValue('110101198503122012');
  await expect(page.getByLabel('服务密码')).toHaveValue('000000');
  // Only the expected 401 of the session check and of the wrong password may be logged.
  expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
});

test('progress of a demo application after moving the demo clock forward', async ({ page }) => {
  const person = await demoPerson(page.request, '刘芳');
  // 刘芳 has no card yet: she signs in with a one-time code (the journey's sign-in).
  await codeSignIn(page.request, person);

  const [before] = await (await page.request.get('/api/v1/applications')).json();
  await page.goto('/progress');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('办理进度');
  const app = page.locator('section.application').first();
  // The hotline reference, grouped and with the line to quote it; the QR code carries it.
  expect(before.reference).toMatch(REFERENCE);
  await expect(app.locator('.reference')).toHaveText(before.reference);
  await expect(app).toContainText('咨询或拨打服务热线时，报出这个编号。');
  await expect(page.locator('main')).not.toContainText(before.id);
  await expect(app.locator('.qr svg')).toBeVisible();
  await expect(app.locator('.qr')).toHaveAttribute('aria-label', `申请编号 ${before.reference} 的二维码`);
  const calendar = app.getByRole('link', { name: /加入日历/ });
  const ics = decodeURIComponent((await calendar.getAttribute('href')) ?? '');
  expect(ics).toContain(before.reference);
  expect(ics).not.toContain(before.id);
  // The API finds it by its reference in any typing.
  const typed = before.reference.toLowerCase().replace(/-/g, ' ');
  expect((await (await page.request.get(`/api/v1/applications/${encodeURIComponent(typed)}`)).json()).id).toBe(before.id);
  // Not made yet: the made-by date the rules promise, and nothing to do but wait.
  const deadline = zhDateOf(before.expected.production_deadline);
  await expect(app.locator('.step', { hasText: '已制成' })).toContainText(`预计${deadline}前`);
  await expect(app).toContainText(`现在您不需要做什么。卡片最迟${deadline}制成。`);
  await expect(app.getByRole('link', { name: /加入日历/ })).toHaveAttribute('href', /^data:text\/calendar/);
  // Internal status codes never reach the person.
  await expect(page.locator('main')).not.toContainText(/in_production|at_branch|sent_by_post|submitted/);
  await screenshot(page, 'after-progress-before');
  await expectNoAxeViolations(page);

  // Finding it by reference: a mistyped one says what is wrong, the right one leads to it.
  const field = page.getByLabel('申请编号', { exact: true });
  const find = page.getByRole('button', { name: '查找' });
  const error = page.locator('#find-reference-error');
  const compact = before.reference.replace(/-/g, '');
  const swapped = compact[0] === compact[1] ? null : compact[1] + compact[0] + compact.slice(2);
  const cases: [string, string][] = [
    ['', '输入申请编号。'],
    [compact.slice(0, 9), '申请编号是 10 位字母和数字。核对一下是不是少了或多了一位。'],
    [compact.slice(0, 9) + 'O', '申请编号里没有 0、O、1、I 和 L，“O”可能看错了。'],
    ...(swapped ? [[swapped, '有一个字符输错了。对照确认页或短信再核对一遍。'] as [string, string]] : []),
  ];
  for (const [typed, message] of cases) {
    await field.fill(typed);
    await find.click();
    await expect(error).toHaveText(message);
    await expect(field).toBeFocused();
  }
  await expectNoAxeViolations(page);
  await field.fill(` ${before.reference.toLowerCase()} `);
  await find.click();
  await expect(error).toHaveCount(0);
  await expect(app.locator('h2')).toBeFocused();

  // Move the demo clock to the made-by date plus a day: made and waiting at the branch.
  const today = await serverToday(page.request);
  const made = new Date(`${before.expected.production_deadline}T00:00:00Z`);
  const days = Math.round((made.getTime() - today.getTime()) / 86_400_000) + 1;
  expect((await page.request.post('/api/v1/demo/clock/advance', { data: { days } })).status()).toBe(200);
  const after = await (await page.request.get(`/api/v1/applications/${before.id}`)).json();
  const madeEvent = after.events.find((e: { kind: string }) => e.kind === 'made');
  expect(madeEvent).toBeTruthy();

  await page.reload();
  await appReady(page);
  await expect(app.locator('.step', { hasText: '已制成' })).toContainText(zhDateOf(madeEvent.on));
  const atBranch = after.events.find((e: { kind: string }) => e.kind === 'at_branch');
  if (atBranch) {
    await expect(app.locator('.step', { hasText: '已到领卡网点' })).toContainText(zhDateOf(atBranch.on));
    await expect(app).toContainText('带本人有效身份证件到下面的网点领卡');
  }
  await expect(app.locator('.branch')).toContainText('营业时间');
  await screenshot(page, 'after-progress-made');
  await expectNoAxeViolations(page);
});

test('enabling the social-security function of a posted card', async ({ page }) => {
  const person = await demoPerson(page.request, '李秀英');
  await signIn(page, person);
  await expect(page.locator('.session-bar')).toContainText('已登录：李秀英');
  await page.getByRole('link', { name: '启用社会保障功能' }).first().click();
  await expect(page).toHaveURL(/\/cards\/[^/]+\/enable$/);
  await expect(page.locator('main h1')).toHaveText('启用社会保障功能');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('main')).toContainText('旧社保卡（第一代、第二代）的就医结算功能同时停止');
  await expect(page.locator('main')).toContainText('旧卡的银行（金融）功能不受影响');
  await expect(page.getByRole('heading', { name: '防范诈骗' })).toBeVisible();
  await screenshot(page, 'after-enable-confirm');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '启用社会保障功能' }).click();
  await expect(page.locator('main h1')).toHaveText('社会保障功能已启用');
  await expect(page).toHaveTitle('社会保障功能已启用 - 第三代社保卡线上服务');
  await expect(page.getByRole('heading', { name: '激活银行（金融）功能' })).toBeVisible();
  await expect(page.locator('main')).toContainText('发卡银行：工商银行');
  await expect(page.locator('main')).toContainText('本人有效身份证件原件');
  await screenshot(page, 'after-enable-done');
  await expectNoAxeViolations(page);

  // Opened again (back, bookmark): it says it is done and offers no second submit.
  await page.reload();
  await appReady(page);
  await expect(page.locator('main')).toContainText('这张卡的社会保障功能已经启用，不需要再启用。');
  await expect(page.getByRole('button', { name: '启用社会保障功能' })).toHaveCount(0);
});

test('a temporary loss report shows the auto-lift date, then is refused a second time', async ({ page }) => {
  const person = await demoPerson(page.request, '王建国');
  await signIn(page, person, '/loss');
  await expect(page.locator('main h1')).toHaveText('临时挂失哪张卡？');
  await expect(page.getByRole('heading', { name: '防范诈骗' })).toBeVisible();
  await screenshot(page, 'after-loss-choose');
  await expectNoAxeViolations(page);

  // Continue without a choice: the error summary links to the first card.
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: '选择要临时挂失的卡' }))
    .toHaveAttribute('href', '#card');

  await page.getByLabel(/本人的社保卡/).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page).toHaveURL(/\/loss\?card=/);
  await expect(page.locator('main h1')).toHaveText('临时挂失前确认');
  const today = await serverToday(page.request);
  const lift = new Date(today.getTime() + 15 * 86_400_000);
  await expect(page.locator('main')).toContainText(`社会保障功能的临时挂失有效期 15 天，${zhDate(lift)}自动解挂`);
  await expect(page.locator('main')).toContainText('刷卡消费等金融（银行）功能');
  await expect(page.locator('main')).toContainText('北京市社会保障卡用户手册 Q18');
  await screenshot(page, 'after-loss-check');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '临时挂失这张卡' }).click();
  await expect(page.locator('main h1')).toHaveText('已临时挂失');
  await expect(page.locator('.big-date')).toHaveText(`${zhDate(lift)}自动解挂`);
  await expect(page.locator('.countdown')).toHaveText('还有 15 天');
  const ics = page.getByRole('link', { name: '下载解挂日期提醒（.ics 文件）' });
  await expect(ics).toHaveAttribute('download', 'sscard-temporary-loss.ics');
  const href = decodeURIComponent((await ics.getAttribute('href')) ?? '');
  const y = lift.getUTCFullYear();
  const m = String(lift.getUTCMonth() + 1).padStart(2, '0');
  const d = String(lift.getUTCDate()).padStart(2, '0');
  expect(href).toContain(`DTSTART;VALUE=DATE:${y}${m}${d}`);
  await expect(page.locator('main')).toContainText('带本人有效身份证件和这张社保卡，到发卡银行（工商银行）的网点办理');
  await expect(page.locator('main')).toContainText('4 个工作日内制成');
  await expect(page.locator('main')).toContainText('当场制卡，约 10 分钟');
  await screenshot(page, 'after-loss-done');
  await expectNoAxeViolations(page);

  // A second time: the card is explained as already reported, with the lift date.
  await page.goto('/loss');
  await appReady(page);
  await page.getByLabel(/本人的社保卡/).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).toHaveText('这张卡现在不能临时挂失');
  await expect(page.locator('main')).toContainText(`这张卡已经临时挂失，不能重复挂失。${zhDate(lift)}自动解挂。`);
  await expect(page.getByRole('button', { name: '临时挂失这张卡' })).toHaveCount(0);
  await screenshot(page, 'after-loss-refused');
  await expectNoAxeViolations(page);
  // The server refuses it too, with its code.
  const cards = await (await page.request.get('/api/v1/cards')).json();
  const again = await page.request.post(`/api/v1/cards/${cards[0].id}/temporary-loss`, { data: {} });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe('card.temp_lost');
});

test('changing the service password: a wrong current one, then the right one', async ({ page }) => {
  const person = await demoPerson(page.request, '赵磊');
  await signIn(page, person, '/password');
  await expect(page.locator('main h1')).toHaveText('服务密码');
  await expect(page.locator('main')).toContainText('初始服务密码是社会保障号码（就是身份证号码）的后 6 位');
  await expect(page.locator('main')).toContainText('医保个人账户密码：和上面两个密码都无关');
  await expect(page.locator('main')).toContainText('您还在使用初始服务密码');
  await screenshot(page, 'after-password');
  await expectNoAxeViolations(page);

  await page.getByLabel('当前服务密码').fill('999999');
  await page.getByLabel('新服务密码', { exact: true }).fill('802468');
  await page.getByLabel('再次输入新服务密码').fill('802468');
  await page.getByRole('button', { name: '修改服务密码' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link', { name: '当前服务密码不正确' })).toHaveAttribute('href', '#current_password');
  await expect(page.locator('#current_password-error')).toHaveText('当前服务密码不正确');
  // Nothing typed is cleared.
  await expect(page.getByLabel('当前服务密码')).toHaveValue('999999');
  await expect(page.getByLabel('新服务密码', { exact: true })).toHaveValue('802468');
  await expect(page.getByLabel('再次输入新服务密码')).toHaveValue('802468');
  await expect(page).toHaveTitle(/^错误: 服务密码/);
  await screenshot(page, 'after-password-wrong');
  await expectNoAxeViolations(page);

  await page.getByLabel('当前服务密码').fill(person.password ?? '');
  await page.getByRole('button', { name: '修改服务密码' }).click();
  await expect(page.locator('main h1')).toHaveText('服务密码已修改');
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await screenshot(page, 'after-password-done');

  // Sign out, and the new password signs in.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, { ...person, password: '802468' });
});

test('the rules explorer counts working days across a holiday, with its citation', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/rules');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('办理规则查询');
  await page.getByLabel('业务').selectOption({ label: '补领（卡片丢失）' });
  await page.getByLabel('办理渠道').selectOption({ label: '北京市人力资源和社会保障局网站' });
  await page.getByLabel('领卡方式').selectOption({ label: '邮寄' });
  await page.getByLabel('现在持有的社保卡').selectOption({ label: '第三代社保卡' });
  await page.getByLabel('办理日期').fill('2026-09-30');
  await page.getByRole('button', { name: '查看规则' }).click();
  // 30 September + 4 working days: 1–7 October are the National Day break, 10 October (a
  // Saturday) is a make-up working day, so the 4th working day is Monday 12 October.
  await expect(page.locator('#production-result')).toHaveText('4 个工作日内制成：最迟 2026年10月12日');
  await expect(page.locator('main')).toContainText('2026年10月1日（国庆节）');
  await expect(page.locator('main')).toContainText('计入的调休上班日：');
  await expect(page.locator('main')).toContainText('国务院办公厅关于2026年部分节假日安排的通知');
  await expect(page.locator('main')).toContainText('临时挂失自动解挂（天）');
  await expect(page.getByRole('heading', { name: '资料未说明或不一致时的决定' })).toBeVisible();
  await expect(page.locator('.decisions')).toContainText('D14');
  await screenshot(page, 'after-rules');
  await expectNoAxeViolations(page);
  // The shell asks who is signed in; its 401 is expected on a public page.
  expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
});

test('where can I do this: a temporary loss by an agent', async ({ page }) => {
  await page.goto('/where');
  await appReady(page);
  await page.getByRole('button', { name: '查看办理渠道' }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: '选择要办理的事项' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('要办理的事项').selectOption({ label: '临时挂失' });
  await page.getByLabel('受持卡人委托的代理人').check();
  await page.getByRole('button', { name: '查看办理渠道' }).click();
  const answer = page.locator('section.answer');
  await expect(answer.getByRole('heading', { level: 2 })).toHaveText('临时挂失：受持卡人委托的代理人');
  await expect(answer).toContainText('持卡人的书面授权委托书');
  await expect(answer).toContainText('人社服务热线 96066');
  await expect(answer.locator('a[href="tel:96066"]')).toBeVisible();
  await expect(answer).toContainText('北京市社会保障卡用户手册 Q38');
  await screenshot(page, 'after-where');
  await expectNoAxeViolations(page);
});

test('the after pages work in English and Traditional Chinese', async ({ page }) => {
  await page.goto('/rules');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Rules explorer');
  await page.getByRole('button', { name: 'Show the rules' }).click();
  await expect(page.locator('#production-result')).toContainText('Made within 30 calendar days');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '繁體中文' }).click();
  await expect(page.locator('main h1')).toHaveText('辦理規則查詢');
  await page.goto('/where');
  await expect(page.locator('main h1')).toHaveText('在哪裡辦理？');
  await page.getByRole('button', { name: '简体中文' }).click();
});

test('keyboard only: sign in, choose a card already reported lost, read why', async ({ page }) => {
  const person = await demoPerson(page.request, '陈卫东');
  await page.goto('/sign-in?next=%2Floss');
  await appReady(page);
  await expect(page.locator('main h1')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('身份证号码')).toBeFocused();
  await page.keyboard.type(person.id_number);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('服务密码')).toBeFocused();
  await page.keyboard.type(person.password ?? '');
  await page.keyboard.press('Enter');
  // The initial password's second step, by keyboard too: focus is on the heading.
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  await expect(page.locator('main h1')).toBeFocused();
  const code = (await page.locator('.notice--demo').innerText()).match(/\d{6}/)?.[0] ?? '';
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('验证码')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/loss$/);
  await expect(page.locator('main h1')).toHaveText('临时挂失哪张卡？');
  // 陈卫东's seeded report lifts itself if another test moved the demo clock past its date:
  // make sure it is in force, then start from a fresh load.
  const [card] = await (await page.request.get('/api/v1/cards')).json();
  if (card.social_function === 'enabled') {
    expect((await page.request.post(`/api/v1/cards/${card.id}/temporary-loss`, { data: {} })).status()).toBe(200);
  }
  await page.reload();
  await expect(page.locator('main h1')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#card')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#card')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '继续' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('这张卡现在不能临时挂失');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('main')).toContainText('这张卡已经临时挂失，不能重复挂失。');
});

test('a posted card never enabled can be reported lost too (D27), by its guardian', async ({ page }) => {
  const person = await demoPerson(page.request, '赵磊');
  // A one-time code, so this test does not depend on the password test's change.
  await codeSignIn(page.request, person);
  await page.goto('/loss');
  await appReady(page);
  await page.getByLabel(/赵小雨的社保卡/).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).toHaveText('临时挂失前确认');
  await page.getByRole('button', { name: '临时挂失这张卡' }).click();
  await expect(page.locator('main h1')).toHaveText('已临时挂失');
  await expect(page.locator('.card-summary')).toContainText('赵小雨的社保卡');
  await expectNoAxeViolations(page);
});

test('notices: a demo person applies, the clock moves on, and the notices page shows what was sent', async ({ page }) => {
  const problems = watchConsole(page);
  const person = await demoPerson(page.request, '孙悦');
  await codeSignIn(page.request, person);
  const applied = await page.request.post('/api/v1/applications', {
    headers: { 'Idempotency-Key': `notices-${Date.now()}` },
    data: {
      eligibility: { insured_in_city: true }, city: 'beijing', bank: 'boc', pickup: 'mail',
      postal_address: { recipient: person.name, mobile: person.mobile, address: '北京市海淀区示例路2号', postal_code: '100080' },
    },
  });
  expect(applied.status()).toBe(201);
  // Notices name the hotline reference, not the internal id.
  const reference = (await applied.json()).reference as string;
  expect(reference).toMatch(REFERENCE);

  await page.goto('/notices');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('我收到的通知');
  // The worker delivers within a second or so: the page shows it after a reload.
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.notice-item')).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator('.notice-item').first()).toContainText(`您的社保卡申请已受理，编号${reference}`);
  await expect(page.locator('.notice-item').first()).toContainText('138****0006');

  // From now on, in English; the next notices come in English, the first stays as sent.
  await page.getByLabel('English').check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.locator('main [role=status]')).toContainText('设置已保存');
  expect((await page.request.post('/api/v1/demo/clock/advance', { data: { days: 45 } })).status()).toBe(200);
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.notice-item')).toHaveCount(3, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  const items = page.locator('.notice-item');
  // Newest first: posted, made, received.
  await expect(items.nth(0)).toContainText(`The card for application ${reference} is in the post`);
  await expect(items.nth(1)).toContainText(`The card for application ${reference} is made`);
  await expect(items.nth(2)).toContainText('您的社保卡申请已受理');
  for (const text of await page.locator('.notice-item__text').allInnerTexts()) {
    expect(text).not.toMatch(/https?:|www\.|\.cn\b|\.com\b/);
  }
  await screenshot(page, 'after-notices');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a forgotten service password is reset online with a code to the mobile on record', async ({ page, browser }) => {
  const problems = watchConsole(page);
  const person = await demoPerson(page.request, '李秀英');
  // A session on another device, opened before the reset: the reset must end it.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await codeSignIn(other.request, person);
  expect((await other.request.get('/api/v1/auth/session')).status()).toBe(200);
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByRole('link', { name: '在网上重置服务密码' }).click();
  await expect(page.locator('main h1')).toHaveText('重置服务密码');
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号码').fill(person.id_number);
  await page.getByLabel('手机号码').fill(person.mobile);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  await expect(page.locator('main')).toContainText('如果您填写的信息与登记信息一致');
  // Back to the first step for a new code: what was typed is kept.
  await page.getByRole('button', { name: '返回第一步' }).click();
  await expect(page.locator('main h1')).toHaveText('重置服务密码');
  await expect(page.getByLabel('身份证号码')).toHaveValue(person.id_number);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  const code = (await page.locator('.notice--demo').innerText()).match(/\d{6}/)?.[0] ?? '';
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).toHaveText('设置新的服务密码');
  // The rules crate's rule, before anything is sent.
  await page.getByLabel('新服务密码', { exact: true }).fill('111111');
  await page.getByLabel('再次输入新服务密码').fill('111111');
  await page.getByRole('button', { name: '重置服务密码' }).click();
  await expect(page.locator('.error-summary')).toContainText('新服务密码不能 6 位都是同一个数字');
  await page.getByLabel('新服务密码', { exact: true }).fill('357913');
  await page.getByLabel('再次输入新服务密码').fill('357913');
  await page.getByRole('button', { name: '重置服务密码' }).click();
  await expect(page.locator('main h1')).toHaveText('服务密码已重置');
  // The other device's session ended (the server caches sessions for at most 2 s).
  await expect(async () => {
    expect((await other.request.get('/api/v1/auth/session')).status()).toBe(401);
  }).toPass({ timeout: 5_000 });
  await other.close();
  await screenshot(page, 'after-reset-done');
  await expectNoAxeViolations(page);
  // The new password signs in at once: no code step any more.
  await page.request.post('/api/v1/auth/sign-out', { data: {} });
  await signIn(page, { ...person, password: '357913' });
  await page.goto('/notices');
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.notice-item').first()).toContainText('您的社保卡服务密码已在网上重置', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  expect(problems).toEqual([]);
});

test('a new mobile number on record, with a code to the old one and to the new one', async ({ page }) => {
  const problems = watchConsole(page);
  const person = await demoPerson(page.request, '王建国');
  const codeOnPage = async () => (await page.locator('.notice--demo').innerText()).match(/\d{6}/)?.[0] ?? '';
  await page.goto('/contact');
  await appReady(page);
  await expect(page.locator('main h1')).toHaveText('修改登记的手机号码');
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号码').fill(person.id_number);
  await page.getByLabel('手机号码').fill(person.mobile);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.locator('main h1')).toHaveText('输入验证码');
  await page.getByLabel('验证码').fill(await codeOnPage());
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).toHaveText('填写新的手机号码');
  // A number not registered under his ID card is refused, with the reason.
  await page.getByLabel('新的手机号码').fill('13912345678');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.locator('.error-summary')).toContainText('这个号码没有以您的身份证实名登记');
  await page.getByLabel('新的手机号码').fill('13900000011');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.locator('main h1')).toHaveText('输入新号码收到的验证码');
  await expect(page.locator('main')).toContainText('*******0011');
  await page.getByLabel('验证码').fill(await codeOnPage());
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('main h1')).toHaveText('手机号码已修改');
  await screenshot(page, 'after-contact-done');
  await expectNoAxeViolations(page);
  // The notice, to the new number and the old one.
  await page.goto('/notices');
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.notice-item', { hasText: '已改为尾号0011的号码' })).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator('main')).toContainText('138****0001');
  await expect(page.locator('main')).toContainText('139****0011');
  expect(problems).toEqual([]);
});

test('the address and occupation on record are changed online; the bank account phone only at the bank', async ({ page }) => {
  const problems = watchConsole(page);
  const person = await demoPerson(page.request, '陈卫东');
  await signIn(page, person, '/details');
  const main = page.locator('main');
  await expect(page.locator('main h1')).toHaveText('我的个人信息');
  await expect(page).toHaveTitle('我的个人信息 - 第三代社保卡线上服务');
  // What is on record, and the mobile's own (stronger) flow.
  await expect(main).toContainText('138****0003');
  await expect(page.getByRole('link', { name: '修改手机号码' })).toHaveAttribute('href', '/contact');
  // The bank account's reserved phone: only at the issuing bank's branch, with its source.
  await expect(page.locator('#reserved-phone')).toHaveText('银行账户预留手机号码');
  await expect(main).toContainText('带上身份证和社保卡，到发卡银行（工商银行）的网点修改');
  await expect(main).toContainText('Q32');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'after-details-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'after-details-1280');
  await expectNoAxeViolations(page);

  // Bad input first: a specific message per field, and nothing typed is lost.
  const address = page.getByLabel('居住地址');
  const tooLong = '北京市东城区示例路'.repeat(12);
  await address.fill(tooLong);
  await page.getByRole('button', { name: '保存' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link', { name: '居住地址最多 100 个字，写到门牌号即可' })).toBeVisible();
  // No occupation on record yet (a fresh server, as scripts/test.sh runs it): its own message.
  if ((await page.locator('input[name="occupation"]:checked').count()) === 0) {
    await expect(summary.getByRole('link', { name: '选择职业' })).toBeVisible();
  }
  await expect(page).toHaveTitle(/^错误: /);
  await expect(address).toHaveValue(tooLong);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'after-details-errors-390');
  await expectNoAxeViolations(page);

  // Then valid: the record changes.
  const newAddress = '北京市朝阳区示例街8号院3号楼2单元501';
  await address.fill(newAddress);
  await page.getByLabel('专业技术人员').check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('main h1')).toHaveText('个人信息已保存');
  await expect(page.locator('.panel--done')).toContainText('居住地址和职业已更新');
  await expect(page.locator('.summary')).toContainText(newAddress);
  await expect(page.locator('.summary')).toContainText('专业技术人员');
  await expect(summary).toHaveCount(0);

  // Occupation alone.
  await page.getByRole('button', { name: '再次修改' }).click();
  await expect(address).toHaveValue(newAddress);
  await page.getByLabel('离退休人员').check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('main h1')).toHaveText('个人信息已保存');
  await expect(page.locator('.summary')).toContainText('离退休人员');
  await screenshot(page, 'after-details-saved-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'after-details-saved-1280');
  await expectNoAxeViolations(page);

  // A reload shows what is on record.
  await page.reload();
  await expect(page.locator('.summary')).toContainText(newAddress);
  await expect(page.getByLabel('离退休人员')).toBeChecked();

  // The security notice.
  await page.goto('/notices');
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.notice-item', { hasText: '地址或职业已在网上修改' }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  expect(problems).toEqual([]);
});
