/**
 * Browser acceptance test of issue 6 (interpretations), in Debian's Chromium on both databases: an
 * editor logs in and records a 图解 interpretation of a published policy item in the console (by
 * its 索引号), and a press conference the principal leader attended; the anonymous item page lists
 * the interpretation under 相关解读 with 图解 and its link (once, although the catalog also links
 * the same interpretation item), and /interaction shows the press conference.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { FixedClock } from '../../src/shared/clock.ts';
import { browserSkipReason, launchBrowser, logIn, startTestServer } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/browser.ts';
import { insertItem } from '../helpers/catalog-rows.ts';
import { createTestUser, seedRegion } from '../helpers/factories.ts';
import type { SeededRegion } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';

const skip = browserSkipReason();
const CLOCK = new FixedClock('2026-11-30T02:00:00Z');
const POLICY_INDEX = '640302000/2026-00088';
const INTERPRETATION_TITLE = '一图读懂利通区稳就业十条措施';
const PRESS_TOPIC = '利通区稳就业政策新闻发布会';

describeEachDialect('browser: interpretation on the item page, press conference on /interaction', (t) => {
  if (skip) {
    void it('is skipped', { skip }, () => undefined);
    return;
  }
  let server: TestServer;
  let browser: Browser;
  let region: SeededRegion;
  let editor = { username: '', password: '' };
  let policyId = 0;
  let interpretationItemId = 0;

  before(async () => {
    server = await startTestServer(t, CLOCK);
    region = await seedRegion(server.store, CLOCK);
    const { user, password } = await createTestUser(server.store, CLOCK, { role: 'editor', organizationId: region.litong.id });
    editor = { username: user.username, password };
    policyId = await insertItem(server.store, { organization_id: region.litong.id, title: '利通区稳就业十条措施', index_number: POLICY_INDEX, publication_date: '2026-11-19', genre: 'notice' });
    interpretationItemId = await insertItem(server.store, { organization_id: region.litong.id, title: INTERPRETATION_TITLE, genre: 'interpretation', publication_date: '2026-11-20' });
    // The catalog already links the interpretation item to the policy: the item page must list it once.
    await server.store.db.insertInto('interpretation_link').values({ policy_item_id: policyId, interpretation_item_id: interpretationItemId }).execute();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  void it('records a 图解 interpretation and a press conference in the console; the public sees both', async () => {
    const base = server.baseUrl;
    const staff = await browser.newContext({ locale: 'zh-CN' });
    const page = await staff.newPage();
    await logIn(page, base, editor.username, editor.password);
    await page.goto(`${base}/console/engagement`);

    await page.locator('summary', { hasText: '登记政策解读' }).click();
    const form = page.locator('#interpretation-form');
    await form.getByLabel('机构').selectOption({ label: region.litong.name });
    await form.getByLabel('被解读的政策文件').fill(POLICY_INDEX);
    await form.getByLabel('解读标题').fill(INTERPRETATION_TITLE);
    await form.getByLabel('解读形式').selectOption({ label: '图解' });
    await form.getByLabel('解读发布日期').fill('2026-11-20');
    await form.getByLabel('解读信息').fill(String(interpretationItemId));
    await form.getByRole('button', { name: '登记解读' }).click();
    await page.waitForURL(/\/console\/engagement\?.*done=interpretation$/);
    assert.match(await page.getByRole('status').innerText(), /政策解读已登记/);
    const row = page.locator('tr', { hasText: INTERPRETATION_TITLE });
    assert.match(await row.innerText(), /图解[\s\S]*及时（政策发布后第 1 个工作日/);

    await page.locator('summary', { hasText: '登记新闻发布会或在线访谈' }).click();
    const press = page.locator('#press-form');
    await press.getByLabel('机构').selectOption({ label: region.litong.name });
    await press.getByLabel('类型').selectOption({ label: '新闻发布会' });
    await press.getByLabel('举办日期').fill('2026-11-21');
    await press.getByLabel('发布会或访谈主题').fill(PRESS_TOPIC);
    await press.getByLabel('主要负责同志参加').check();
    await press.getByLabel('关联信息').fill(String(policyId));
    await press.getByRole('button', { name: '登记发布会或访谈' }).click();
    await page.waitForURL(/\/console\/engagement\?.*done=press$/);
    assert.match(await page.locator('tr', { hasText: PRESS_TOPIC }).innerText(), /新闻发布会[\s\S]*主要负责同志参加/);
    await staff.close();

    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const pub = await visitor.newPage();
    await pub.goto(`${base}/items/${policyId}`);
    const section = pub.locator('section', { has: pub.getByRole('heading', { name: '相关解读' }) });
    const entry = section.locator('li', { hasText: INTERPRETATION_TITLE });
    assert.equal(await entry.count(), 1, 'listed once although both the record and the catalog link name it');
    assert.match(await entry.innerText(), /图解[\s\S]*2026-11-20/);
    assert.equal(await entry.getByRole('link', { name: INTERPRETATION_TITLE }).getAttribute('href'), `/items/${interpretationItemId}`);
    await entry.getByRole('link', { name: INTERPRETATION_TITLE }).click();
    await pub.waitForURL(`${base}/items/${interpretationItemId}`);
    assert.equal(await pub.getByRole('heading', { level: 1 }).innerText(), INTERPRETATION_TITLE);

    await pub.goto(`${base}/interaction?year=2026`);
    const pressRow = pub.locator('tr', { hasText: PRESS_TOPIC });
    assert.match(await pressRow.innerText(), /2026-11-21[\s\S]*新闻发布会[\s\S]*主要负责同志参加/);
    assert.match(await pub.locator('tr', { hasText: INTERPRETATION_TITLE }).innerText(), /图解/);
    await visitor.close();
  });
});
