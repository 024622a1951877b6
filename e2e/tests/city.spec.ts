import { test, expect, type Page } from '@playwright/test';
import { appReady, expectNoAxeViolations, screenshot, watchConsole } from './helpers';

// Issue #15, "the city": the person says where they are insured before the check; the choice
// is in the URL (?city=), remembered, and can be changed; the start page, the check and the
// footer follow the chosen city's policy, saying so where the sources give it nothing.

test.use({ viewport: { width: 390, height: 844 } });

async function cont(page: Page) {
  await page.getByRole('button', { name: '继续' }).click();
}

const CITIES = [
  { id: 'beijing', name: '北京', hotline: '96066' },
  { id: 'shanghai', name: '上海', hotline: null },
  { id: 'urumqi', name: '乌鲁木齐', hotline: null },
] as const;

/** For myself, born 15 June 1985, holding an older card: the questions before "insured". */
async function firstQuestions(page: Page) {
  await expect(page.locator('main h1')).toHaveText('您为谁申领社保卡？');
  await page.getByLabel('为自己申领').check();
  await cont(page);
  await page.getByLabel('年').fill('1985');
  await page.getByLabel('月').fill('6');
  await page.getByLabel('日').fill('15');
  await cont(page);
  await expect(page.locator('main h1')).toHaveText('持卡人现在有社保卡吗？');
  await page.getByLabel('有第一代或第二代社保卡').check();
  await cont(page);
}


/** From the start page of `city`: the check answered as insured there, up to its result. */
async function resultIn(page: Page, city: { id: string; name: string }) {
  await page.goto(`/?city=${city.id}`);
  await appReady(page);
  await page.getByRole('link', { name: '开始' }).click();
  await firstQuestions(page);
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await expect(page.locator('.city-line')).toContainText(`办理城市：${city.name}`);
}

/**
 * From the start page, after switching to `cityName`: who applies, the birth date and the card
 * held are kept, and being insured, which was about the old city, is asked again.
 */
async function keptAndAskedAgainIn(page: Page, cityName: string) {
  await page.getByRole('link', { name: '开始' }).click();
  await expect(page.getByLabel('为自己申领')).toBeChecked();
  await cont(page);
  await expect(page.getByLabel('年')).toHaveValue('1985');
  await expect(page.getByLabel('月')).toHaveValue('6');
  await cont(page);
  await expect(page.getByLabel('有第一代或第二代社保卡')).toBeChecked();
  await cont(page);
  await expect(page.locator('main h1')).toHaveText(`持卡人是否在${cityName}市参加社会保险？`);
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
    await expect(page.locator('main h1')).toHaveText(`持卡人是否在${city.name}市参加社会保险？`);
    await page.getByLabel('是', { exact: true }).check();
    await cont(page);
    await expect(page).toHaveURL(/\/check\/result/);
    await expect(page.locator('main h1')).toHaveText(
      /可以在线申领第三代社保卡|需要到服务网点确认|现在不能在线申领/,
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
    await page.goto(`/?city=${city.id}`);
    await appReady(page);
    await page.getByRole('link', { name: '开始' }).click();
    await firstQuestions(page);
    await page.getByLabel('是', { exact: true }).check();
    await cont(page);
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
  await keptAndAskedAgainIn(page, '乌鲁木齐');
  await cont(page);
  await expect(page.locator('.error-summary')).toContainText('选择是否在乌鲁木齐参加社会保险');
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
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
  await keptAndAskedAgainIn(page, '上海');

  // And a reload with no city asked for keeps Shanghai and the answers given for it.
  await page.getByLabel('是', { exact: true }).check();
  await cont(page);
  await page.goto('/check/result');
  await expect(page.locator('.city-line')).toContainText('办理城市：上海');
  expect(problems).toEqual([]);
});
