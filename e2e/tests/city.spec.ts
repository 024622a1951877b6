import { test, expect, type Page } from '@playwright/test';
import {
  appReady, cont, detailsAndCode, expectNoAxeViolations, myselfWithOlderCard, screenshot, watchConsole,
} from './helpers';
import { REFERENCE } from './ids';

// Issue #15, "the city": the person says where they are insured before the check; the choice
// is in the URL (?city=), remembered, and can be changed; the start page, the check and the
// footer follow the chosen city's policy, saying so where the sources give it nothing.

test.use({ viewport: { width: 390, height: 844 } });


/** Opens the start page of the city with this id and starts the check. */
async function startIn(page: Page, cityId: string) {
  await page.goto(`/?city=${cityId}`);
  await appReady(page);
  await page.getByRole('link', { name: '开始' }).click();
}

const CITIES = [
  { id: 'beijing', name: '北京', hotline: '96066', insured: '持卡人是否在北京市参加社会保险？' },
  { id: 'shanghai', name: '上海', hotline: null, insured: '持卡人是否有上海户籍，或在上海参加社会保险？' },
  { id: 'urumqi', name: '乌鲁木齐', hotline: null, insured: '持卡人是否在乌鲁木齐市参加社会保险？' },
] as const;

/**
 * After "insured: yes", the city's own question, answered for an adult living and working in
 * the city: Shanghai asks the group (in work), Urumqi whether the holder lives away (no).
 */
async function cityQuestion(page: Page, cityId: string) {
  if (cityId === 'shanghai') {
    await expect(page.locator('main h1')).toHaveText('持卡人属于哪一类？');
    await page.getByLabel('在职人员').check();
    await cont(page);
  } else if (cityId === 'urumqi') {
    await expect(page.locator('main h1')).toHaveText('持卡人是否长期住在乌鲁木齐以外？');
    await page.getByLabel('否', { exact: true }).check();
    await cont(page);
  }
}

/** For myself, born 15 June 1985, holding an older card: the questions before "insured". */
async function firstQuestions(page: Page) {
  await myselfWithOlderCard(page, { year: '1985', month: '6', day: '15' });
}


/** From the start page of `city`: the check answered as insured there, up to its result. */
async function resultIn(page: Page, city: { id: string; name: string }) {
  await startIn(page, city.id);
  await firstQuestions(page);
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await cityQuestion(page, city.id);
  await expect(page.locator('.city-line')).toContainText(`办理城市：${city.name}`);
}

/**
 * From the start page, after switching to `cityName`: who applies, the birth date and the card
 * held are kept, and being insured, which was about the old city, is asked again.
 */
async function keptAndAskedAgainIn(page: Page, city: { id: string; insured: string }) {
  await page.getByRole('link', { name: '开始' }).click();
  await expect(page.getByLabel('为自己申领')).toBeChecked();
  await cont(page);
  await expect(page.getByLabel('年')).toHaveValue('1985');
  await expect(page.getByLabel('月')).toHaveValue('6');
  await cont(page);
  await expect(page.getByLabel('有第一代或第二代社保卡')).toBeChecked();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText(city.insured);
  await expect(page.getByLabel('是', { exact: true })).not.toBeChecked();
}

for (const city of CITIES) {
  test(`choosing ${city.id} on the start page gives that city's check and outcome`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/');
    await appReady(page);
    await expect(page.getByRole('heading', { name: '您在哪个城市参加社会保险？' })).toBeVisible();
    await page.locator('main .city-choice__list').getByRole('link', { name: city.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?city=${city.id}$`));
    await expect(page.locator('main .city-choice__current')).toContainText(`办理城市：${city.name}`);
    await expect(page.locator('main .city-choice__list [aria-current="true"]')).toHaveText(city.name);
    await expect(page.locator('main .home-who')).toContainText(`在${city.name}参加社会保险`);
    const footer = page.locator('footer');
    if (city.hotline) {
      await expect(footer.locator(`a[href="tel:${city.hotline}"]`)).toHaveText(city.hotline);
      await expect(page.locator('main .notice')).toContainText(`有疑问可以拨打 ${city.hotline}。`);
    } else {
      // No other city's number: the page says the sources give none.
      await expect(footer).toContainText(`${city.name}的服务热线：现有资料没有提供`);
      await expect(footer.locator('a[href^="tel:"]')).toHaveCount(0);
      await expect(page.locator('main .notice')).toContainText('有疑问可以咨询当地社保经办机构。');
      await expect(page.locator('main .notice')).not.toContainText('96066');
    }
    // How long it takes: the city's production limit, or that the sources give none.
    if (city.id === 'beijing') {
      await expect(page.locator('main')).toContainText('网上申领的卡一般在 30 个自然日内制成');
    } else {
      await expect(page.locator('main')).toContainText(`现有资料没有给出${city.name}的制卡时限。`);
      await expect(page.locator('main')).not.toContainText('30 个自然日');
    }
    await screenshot(page, `city-${city.id}-start`);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '开始' }).click();
    await firstQuestions(page);
    await expect(page.locator('main h1')).toHaveText(city.insured);
    await page.getByLabel('是', { exact: true }).check();
    await cont(page);
    await cityQuestion(page, city.id);
    await expect(page).toHaveURL(/\/check\/result/);
    // An adult in work in the city: Beijing applies online; Shanghai's staff get the card
    // through their employer, and Urumqi makes it at any bank, on the spot.
    await expect(page.locator('main h1')).toHaveText(
      city.id === 'beijing' ? '可以在线申领第三代社保卡' : '可以办理，但要通过其他渠道',
    );
    await expect(page.locator('.city-line')).toContainText(`办理城市：${city.name}`);
    // Every answer comes with the source it rests on.
    await page.getByText('为什么是这个结果？').first().click();
    await expect(page.locator('.why__source').first()).toBeVisible();
    await screenshot(page, `city-${city.id}-result`);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
}

test('the rules differ by city: the sources behind the result are the chosen city’s', async ({ page }) => {
  const sources: Record<string, string> = {};
  for (const city of CITIES) {
    await startIn(page, city.id);
    await firstQuestions(page);
    await page.getByLabel('是', { exact: true }).check();
    await cont(page);
    await cityQuestion(page, city.id);
    await page.getByText('为什么是这个结果？').first().click();
    sources[city.id] = (await page.locator('.why').first().innerText()).replace(/\s+/g, '');
  }
  expect(sources.shanghai).not.toEqual(sources.beijing);
  expect(sources.urumqi).not.toEqual(sources.beijing);
  expect(sources.urumqi).not.toEqual(sources.shanghai);
});

test('a link with ?city=shanghai opens Shanghai directly, and the choice is remembered', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/?city=shanghai');
  await appReady(page);
  await expect(page.locator('main .city-choice__current')).toContainText('办理城市：上海');
  await expect(page.locator('footer')).toContainText('上海的服务热线：现有资料没有提供');
  await screenshot(page, 'city-shanghai-link');
  await expectNoAxeViolations(page);
  // Without the query the remembered choice applies, on any page.
  await page.goto('/check/insured');
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('main .city-choice__current')).toContainText('办理城市：上海');
  // A query on any page switches the city.
  await page.goto('/check?city=urumqi');
  await appReady(page);
  await page.goto('/');
  await expect(page.locator('main .city-choice__current')).toContainText('办理城市：乌鲁木齐');
  // An unknown city changes nothing.
  await page.goto('/?city=atlantis');
  await appReady(page);
  await expect(page.locator('main .city-choice__current')).toContainText('办理城市：乌鲁木齐');
  expect(problems).toEqual([]);
});

test('changing the city midway keeps the answers that still apply', async ({ page }) => {
  const problems = watchConsole(page);
  await resultIn(page, CITIES[0]);

  // Change the city from the result page.
  await page.locator('.city-line').getByRole('link', { name: '更换城市' }).click();
  await expect(page.getByRole('heading', { name: '您在哪个城市参加社会保险？' })).toBeVisible();
  await page.locator('main .city-choice__list').getByRole('link', { name: '乌鲁木齐', exact: true }).click();
  await expect(page.locator('main .city-choice__current')).toContainText('办理城市：乌鲁木齐');
  await keptAndAskedAgainIn(page, CITIES[2]);
  await cont(page);
  await expect(page.locator('.error-summary')).toContainText('选择是否在乌鲁木齐参加社会保险');
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await cityQuestion(page, 'urumqi');
  await expect(page.locator('.city-line')).toContainText('办理城市：乌鲁木齐');
  await screenshot(page, 'city-changed-result');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('answers saved on an earlier visit, read back after choosing another city, keep only what still applies', async ({ page }) => {
  const problems = watchConsole(page);
  await resultIn(page, CITIES[0]);

  // A new visit opens on the start page, which does not read the saved answers, with another
  // city; the journey reads them afterwards and must fit them to that city.
  await page.goto('/?city=shanghai');
  await appReady(page);
  await expect(page.locator('main .city-choice__current')).toContainText('办理城市：上海');
  await keptAndAskedAgainIn(page, CITIES[1]);

  // And a reload with no city asked for keeps Shanghai and the answers given for it.
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await cityQuestion(page, 'shanghai');
  await page.goto('/check/result');
  await expect(page.locator('.city-line')).toContainText('办理城市：上海');
  expect(problems).toEqual([]);
});

/** Axe, a screenshot at 390×844 and no console problem so far. */
async function look(page: Page, name: string, problems: string[]) {
  await expectNoAxeViolations(page);
  await screenshot(page, `city-${name}`);
  expect(problems).toEqual([]);
}

test('a Shanghai parent applies online for a pupil: no bank is named, the card is posted with a backup centre', async ({ page }) => {
  const problems = watchConsole(page);
  await startIn(page, 'shanghai');
  await page.getByLabel('为我监护的未满 18 周岁的孩子申领').check();
  await cont(page);
  await page.getByLabel('年').fill('2017');
  await page.getByLabel('月').fill('9');
  await page.getByLabel('日').fill('5');
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('关于您（监护人）');
  await page.getByLabel('年').fill('1986');
  await page.getByLabel('月').fill('4');
  await page.getByLabel('日').fill('12');
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  // The online platform changes a card held (换发); a first card is made at a community centre.
  await page.getByLabel('有第一代或第二代社保卡').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText(CITIES[1].insured);
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人属于哪一类？');
  await look(page, 'shanghai-group', problems);
  await page.getByLabel('在校学生（高中、初中、小学）或幼儿园儿童').check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('可以在线申领第三代社保卡');
  await page.getByText('为什么是这个结果？').first().click();
  await expect(page.locator('.why__source', { hasText: '003_0ffdcf4be2cfbd9c.txt' }).first()).toBeVisible();
  await page.getByRole('link', { name: '开始申请' }).click();

  await detailsAndCode(page, { name: '钱八', id: '110101198604123110', mobile: '13600136001' });
  await expect(page.locator('main h1')).toHaveText('孩子的信息');
  await page.getByLabel('孩子的姓名').fill('钱小燕');
  await page.getByLabel('孩子的身份证号码').fill('110101201709053125');
  await page.getByLabel('户口簿').check();
  await cont(page);

  // The 11 service banks are counted, not named: the page says so and offers no guess.
  await expect(page.locator('main h1')).toHaveText('选择发卡银行');
  await expect(page.locator('main .notice')).toContainText('没有列出名称');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await look(page, 'shanghai-bank', problems);
  await cont(page);

  // Posted straight to the applicant; a backup community centre for a failed delivery.
  await expect(page).toHaveURL(/\/apply\/address/);
  await expect(page.locator('main .notice')).toContainText('备用社区事务受理中心');
  await expect(page.getByLabel('收件人', { exact: true })).toHaveValue('钱八');
  await page.getByLabel('详细地址').fill('徐汇区某某路 3 号');
  await page.getByLabel('邮政编码').fill('200030');
  await cont(page);
  await expect(page.locator('.error-summary')).toContainText('填写备用社区事务受理中心');
  await expect(page.getByLabel('详细地址')).toHaveValue('徐汇区某某路 3 号');
  await look(page, 'shanghai-address-error', problems);
  await page.getByLabel('备用社区事务受理中心').fill('徐家汇街道社区事务受理服务中心');
  await cont(page);

  await expect(page.locator('.summary')).toContainText('钱小燕');
  await expect(page.locator('.summary')).toContainText('11 家服务银行之一');
  await expect(page.locator('.summary')).toContainText('徐家汇街道社区事务受理服务中心');
  // The photo is shared (003 L29): nothing to upload, no visit, said with its source.
  await expect(page.locator('main')).toContainText('不必到社区网点拍照');
  await expect(page.locator('main')).toContainText('便民措施(二)');
  await look(page, 'shanghai-check-answers', problems);
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('main h1')).toHaveText('申请已提交');
  await expect(page.locator('#reference')).toHaveText(REFERENCE);
  // No production time in the sources: said, not guessed.
  await expect(page.locator('main')).toContainText('公布的规定没有给出制卡时间');
  await look(page, 'shanghai-confirmation', problems);

  await page.goto('/progress');
  await expect(page.locator('main')).toContainText('现有资料没有给出这个城市的制卡时限');
  // No city's rule that the sources do not give: no hotline number, no free postage.
  await expect(page.locator('main')).not.toContainText('96066');
  await expect(page.locator('main')).not.toContainText('邮费免收');
  await look(page, 'shanghai-progress', problems);
});

test('an Urumqi remote resident replaces a card online: 4 banks, EMS paid on delivery, signed for by the holder', async ({ page }) => {
  const problems = watchConsole(page);
  await startIn(page, 'urumqi');
  await myselfWithOlderCard(page, { year: '1988', month: '7', day: '23' });
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人是否长期住在乌鲁木齐以外？');
  await look(page, 'urumqi-living-away', problems);
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('可以在线申领第三代社保卡');
  await page.getByRole('link', { name: '开始申请' }).click();
  await detailsAndCode(page, { name: '艾力', id: '110101198807233213', mobile: '13600136002' });

  // Only the remote module's 4 banks.
  await expect(page.locator('main h1')).toHaveText('选择发卡银行');
  const banks = await page.getByRole('radio').evaluateAll((els) =>
    els.map((e) => (e as HTMLInputElement).labels?.[0]?.innerText.split('\n')[0].trim()));
  expect(banks).toEqual(['工商银行', '农业银行', '中国银行', '建设银行']);
  await look(page, 'urumqi-bank', problems);
  await page.getByLabel('中国银行').check();
  await cont(page);

  await expect(page).toHaveURL(/\/apply\/address/);
  await expect(page.locator('main .notice')).toContainText('EMS');
  await expect(page.locator('main .notice')).toContainText('须本人签收');
  // Someone else as the recipient: refused, with what was typed kept.
  await page.getByLabel('收件人', { exact: true }).fill('王芳');
  await page.getByLabel('详细地址').fill('广州市天河区某某路 5 号');
  await page.getByLabel('邮政编码').fill('510000');
  await cont(page);
  await expect(page.locator('.error-summary')).toContainText('收件人须是持卡人本人');
  await expect(page.getByLabel('详细地址')).toHaveValue('广州市天河区某某路 5 号');
  await look(page, 'urumqi-address-error', problems);
  await page.getByLabel('收件人', { exact: true }).fill('艾力');
  await cont(page);

  await expect(page.locator('.summary')).toContainText('中国银行');
  // The electronic card follows the new card (004 L7), said with its source.
  await expect(page.locator('main')).toContainText('电子社保卡同步生成');
  await expect(page.locator('main .notice .source')).toContainText('004_a70f45cf5a65a853.txt');
  await look(page, 'urumqi-check-answers', problems);
  await page.getByRole('button', { name: '提交申领' }).click();
  await expect(page.locator('main h1')).toHaveText('申请已提交');
  await expect(page.locator('main')).toContainText('公布的规定没有给出制卡时间');
  await look(page, 'urumqi-confirmation', problems);
  await page.goto('/progress');
  await expect(page.locator('main')).toContainText('邮费到付，须本人签收。');
  await expect(page.locator('main')).not.toContainText('96066');
  // The after pages send questions to the local office: Urumqi's sources give no hotline.
  await page.goto('/loss');
  await expect(page.locator('#fraud-notice-heading')).toBeVisible();
  await expect(page.locator('main')).toContainText('有疑问咨询当地社保经办机构。');
  await expect(page.locator('main')).not.toContainText('96066');
  await look(page, 'urumqi-loss', problems);
});

test('people a city serves on another channel are told where, why, and from which source', async ({ page }) => {
  const problems = watchConsole(page);
  const cases = [
    { city: CITIES[1], answer: '退休人员', reason: '11 家服务银行', go: '到银行网点办理', source: '003_0ffdcf4be2cfbd9c.txt' },
    { city: CITIES[1], answer: '在职人员', reason: '批量换发', go: '由单位集体申领', source: '003_0ffdcf4be2cfbd9c.txt' },
    { city: CITIES[2], answer: '否', reason: '补换卡当场就能拿到', go: '到银行网点办理', source: '004_a70f45cf5a65a853.txt' },
  ];
  for (const c of cases) {
    await startIn(page, c.city.id);
    await firstQuestions(page);
    await page.getByLabel('是', { exact: true }).check();
    await cont(page);
    await page.getByLabel(c.answer, { exact: true }).check();
    await cont(page);
    await expect(page.locator('main h1')).toHaveText('可以办理，但要通过其他渠道');
    await expect(page.locator('main')).toContainText(c.reason);
    await expect(page.locator('main')).toContainText(c.go);
    await expect(page.getByRole('link', { name: '开始申请' })).toHaveCount(0);
    await page.getByText('为什么是这个结果？').first().click();
    await expect(page.locator('.why__source', { hasText: c.source }).first()).toBeVisible();
  }
  await look(page, 'urumqi-other-channel', problems);
});
