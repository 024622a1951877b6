import { test, expect, type Page } from '@playwright/test';
import { appReady, codeSignIn, expectNoAxeViolations, screenshot, watchConsole } from './helpers';

// Issue 13: replacing a card online (补领/换领), against the real server in demo mode.
// Each test signs in with a one-time code (demo server), so it does not depend on the password
// tests in after.spec.ts, and uses a demo person no other spec changes (周敏, 吴强), except the
// guardian test, which copes with the child's card being reported lost already or not.

type DemoPerson = { name: string; id_number: string; mobile: string };

async function signInAs(page: Page, name: string): Promise<DemoPerson> {
  const people: DemoPerson[] = await (await page.request.get('/api/v1/demo/people')).json();
  const person = people.find((p) => p.name === name);
  if (!person) throw new Error(`no demo person ${name}`);
  await codeSignIn(page.request, person);
  return person;
}

async function heading(page: Page, text: string) {
  await expect(page.locator('main h1')).toHaveText(text);
}

async function fillAddress(page: Page, recipient: string) {
  await page.getByLabel('收件人', { exact: true }).fill(recipient);
  await page.getByLabel('收件人手机号码').fill('13800000009');
  await page.getByLabel('详细地址').fill('北京市西城区示例街 2 号 1 单元 101');
  await page.getByLabel('邮政编码').fill('100032');
}

test('a lost card: reported in the flow, replaced by post, with reference, progress, and no lifting afterwards (Q22)', async ({ page }) => {
  const problems = watchConsole(page);
  await signInAs(page, '周敏');
  await page.goto('/replace');
  await appReady(page);
  await heading(page, '为哪张卡补领或换领？');
  // Her only card is chosen already.
  await expect(page.getByLabel(/本人的社保卡/)).toBeChecked();
  await screenshot(page, 'replace-choose');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '继续' }).click();

  await heading(page, '为什么需要新卡？');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: '选择需要新卡的原因' })).toBeVisible();
  await page.getByLabel('卡丢了（补领）').check();
  await page.getByRole('button', { name: '继续' }).click();

  // Not reported yet: the temporary loss comes first, in the same flow.
  await heading(page, '先临时挂失这张卡');
  await screenshot(page, 'replace-report-first');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '临时挂失，然后继续补领' }).click();

  await heading(page, '怎样领取新卡');
  await expect(page.locator('.big-date')).toContainText('4 个工作日内制成');
  await expect(page.locator('main')).toContainText('丢失的卡不能再解挂');
  await expect(page.locator('main')).toContainText('交通账户里的余额不退');
  await expect(page.locator('main')).toContainText('新卡仍由工商银行制发');

  // Bad input on every field: one message each, and what was typed stays.
  await page.getByRole('button', { name: '申请新卡' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link', { name: '选择领取新卡的方式' })).toBeVisible();
  await page.getByLabel('邮寄到家').check();
  await expect(page.getByLabel('收件人', { exact: true })).toHaveValue('周敏');
  await page.getByLabel('收件人', { exact: true }).fill('');
  await page.getByLabel('收件人手机号码').fill('12345');
  await page.getByLabel('邮政编码').fill('1000');
  await page.getByRole('button', { name: '申请新卡' }).click();
  for (const message of ['填写收件人姓名', '手机号码是以 1 开头的 11 位数字', '填写详细地址', '邮政编码是 6 位数字']) {
    await expect(summary.getByRole('link', { name: message })).toBeVisible();
  }
  await expect(page.getByLabel('收件人手机号码')).toHaveValue('12345');
  await expect(page.getByLabel('邮政编码')).toHaveValue('1000');
  await expect(page).toHaveTitle(/^错误: /);
  await screenshot(page, 'replace-errors');
  await expectNoAxeViolations(page);

  await fillAddress(page, '周敏');
  await page.getByRole('button', { name: '申请新卡' }).click();
  await expect(page).toHaveURL(/\/apply\/confirmation\//);
  await heading(page, '申请已提交');
  await expect(page.locator('#reference')).not.toBeEmpty();
  await expect(page.locator('main')).toContainText('4 个工作日内制成');
  await expect(page.locator('.qr svg')).toBeVisible();
  await screenshot(page, 'replace-confirmation');
  await expectNoAxeViolations(page);

  // Progress shows it as a reissue, and the old card as replaced.
  await page.goto('/progress');
  await appReady(page);
  await expect(page.getByRole('heading', { name: '补领的新卡' })).toBeVisible();
  await expect(page.locator('.card-item')).toContainText('已补换新卡');
  await screenshot(page, 'replace-progress');

  // Trying to lift the old card's loss: refused for good, with the Q22 reason and source.
  await page.goto('/loss');
  await appReady(page);
  await page.getByLabel(/本人的社保卡/).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: '提前解挂这张卡' }).click();
  const answer = page.locator('.panel[role=status]');
  await expect(answer).toContainText('不能再办理这张卡的解挂');
  await expect(answer).toContainText('Q22');
  await screenshot(page, 'replace-no-unfreeze');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a new name stops until 人社/医保 have it; a damaged card is exchanged at a branch', async ({ page }) => {
  await signInAs(page, '吴强');
  await page.goto('/replace');
  await appReady(page);
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('姓名或身份证号变了（换领）').check();
  await page.getByRole('button', { name: '继续' }).click();
  await heading(page, '人社、医保部门已经登记了您的新姓名或新身份证号吗？');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: '选择人社、医保部门是否已经登记了新信息' })).toBeVisible();
  await page.getByLabel('还没有').check();
  await page.getByRole('button', { name: '继续' }).click();
  await heading(page, '先到人社、医保部门变更信息');
  await expect(page.locator('main')).toContainText('现在的卡照常使用');
  await screenshot(page, 'replace-details-stop');
  await expectNoAxeViolations(page);
  const stored = await (await page.request.get('/api/v1/applications')).json();
  expect(stored.filter((a: { replacement?: unknown }) => a.replacement)).toEqual([]);

  // Back to the reason: the card is damaged instead.
  await page.getByRole('link', { name: '返回' }).click();
  await heading(page, '为什么需要新卡？');
  await page.getByLabel('卡坏了或读卡机读不出（换领）').check();
  await page.getByRole('button', { name: '继续' }).click();
  await heading(page, '怎样领取新卡');
  await expect(page.locator('main')).toContainText('新卡启用前，旧卡照常使用');
  await page.getByLabel('到工商银行网点领取').check();
  await page.getByRole('button', { name: '申请新卡' }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: '选择领卡网点' })).toBeVisible();
  const branch = page.locator('input[name=branch]').first();
  await branch.check();
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'replace-branch-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'replace-branch');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '申请新卡' }).click();
  await heading(page, '申请已提交');
  await expect(page.locator('main')).toContainText('领卡');

  await page.goto('/progress');
  await appReady(page);
  await expect(page.getByRole('heading', { name: '换领的新卡（旧卡损坏）' })).toBeVisible();
  // The damaged card still works until the new one is enabled (D33).
  await expect(page.locator('.card-item')).toContainText('社会保障功能已启用');
});

test('a guardian replaces a child\'s card by post', async ({ page }) => {
  await signInAs(page, '赵磊');
  await page.goto('/replace');
  await appReady(page);
  await page.getByLabel(/赵小雨的社保卡/).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('卡丢了（补领）').check();
  await page.getByRole('button', { name: '继续' }).click();
  // After after.spec.ts the child's card may already be reported lost (or the loss lifted).
  await expect(page.locator('main h1')).toHaveText(/先临时挂失这张卡|怎样领取新卡/);
  if ((await page.locator('main h1').innerText()) === '先临时挂失这张卡') {
    await page.getByRole('button', { name: '临时挂失，然后继续补领' }).click();
  }
  await heading(page, '怎样领取新卡');
  await expect(page.locator('.card-summary')).toContainText('赵小雨的社保卡');
  await page.getByLabel('邮寄到家').check();
  await expect(page.getByLabel('收件人', { exact: true })).toHaveValue('赵小雨');
  await fillAddress(page, '赵磊');
  await page.getByRole('button', { name: '申请新卡' }).click();
  await heading(page, '申请已提交');
  await expect(page.locator('main')).toContainText('您和孩子的身份证件');
  await expectNoAxeViolations(page);
  await page.goto('/progress');
  await appReady(page);
  await expect(page.getByRole('heading', { name: '补领的新卡 · 赵小雨' })).toBeVisible();
});

test('by post, a password sign-in first confirms with a code, then comes back to the request', async ({ page }) => {
  // A password session (not a fresh code): reset the password with a code, then sign in with it.
  const person = await signInAs(page, '李秀英');
  expect((await page.request.post('/api/v1/auth/password/reset', { data: { new_password: '246813' } })).status()).toBe(204);
  await page.request.post('/api/v1/auth/sign-out', { data: {} });
  expect((await page.request.post('/api/v1/auth/sign-in', {
    data: { id_number: person.id_number, password: '246813' },
  })).status()).toBe(200);

  await page.goto('/replace');
  await appReady(page);
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('卡坏了或读卡机读不出（换领）').check();
  await page.getByRole('button', { name: '继续' }).click();
  await heading(page, '怎样领取新卡');
  await page.getByLabel('邮寄到家').check();
  await expect(page.locator('main')).toContainText('邮寄新卡前，要先用发到您登记手机号码的验证码确认是您本人');
  await expect(page.getByLabel('详细地址')).toHaveCount(0);
  await screenshot(page, 'replace-needs-code');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '用验证码确认' }).click();

  await heading(page, '用验证码确认是您本人');
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号码').fill(person.id_number);
  await page.getByLabel('手机号码').fill(person.mobile);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await heading(page, '输入验证码');
  const code = (await page.locator('.notice--demo').innerText()).match(/\d{6}/)?.[0] ?? '';
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '继续' }).click();

  // Back at the request, where it was.
  await expect(page).toHaveURL(/\/replace\?card=.*&reason=damaged$/);
  await heading(page, '怎样领取新卡');
  await page.getByLabel('邮寄到家').check();
  await fillAddress(page, person.name);
  await page.getByRole('button', { name: '申请新卡' }).click();
  await heading(page, '申请已提交');
});

test('a guardian opens a child\'s details by address, and back returns to their own', async ({ page }) => {
  await signInAs(page, '赵磊');
  await page.goto('/details');
  await heading(page, '我的个人信息');
  await page.getByRole('link', { name: '查看和修改赵小雨的信息' }).click();
  await expect(page).toHaveURL(/\/details\?person=/);
  await heading(page, '赵小雨的个人信息');
  await page.reload();
  await heading(page, '赵小雨的个人信息');
  await expectNoAxeViolations(page);
  await page.goBack();
  await heading(page, '我的个人信息');
});
