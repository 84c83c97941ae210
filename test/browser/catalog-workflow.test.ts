/**
 * Browser acceptance test of issue 3, in Debian's Chromium (playwright-core, no downloaded browser),
 * on both databases: an editor logs in, drafts an item and submits it; the approver approves and
 * publishes it; the public sees it on the portal and finds it by a two-character word (扶贫) and by
 * its 文号; the approver withdraws it and it is gone from the portal and the search; an editor of
 * another county can touch the item neither in the console nor through the API.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { FixedClock } from '../../src/shared/clock.ts';
import { browserSkipReason, launchBrowser, logIn, logOut, startTestServer } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/browser.ts';
import { createTestUser, loginToken, seedRegion } from '../helpers/factories.ts';
import type { SeededRegion } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';

const skip = browserSkipReason();
const CLOCK = new FixedClock('2026-11-30T02:00:00Z');
const TITLE = '关于做好2026年扶贫资金公开工作的通知';
const DOCUMENT_NUMBER = '利政办发〔2026〕7号';

describeEachDialect('browser: draft, submit, approve, find, withdraw', (t) => {
  if (skip) {
    void it('is skipped', { skip }, () => undefined);
    return;
  }
  let server: TestServer;
  let browser: Browser;
  let region: SeededRegion;
  const users: Record<'editor' | 'approver' | 'otherEditor', { username: string; password: string }> = {
    editor: { username: '', password: '' },
    approver: { username: '', password: '' },
    otherEditor: { username: '', password: '' },
  };

  before(async () => {
    server = await startTestServer(t, CLOCK);
    region = await seedRegion(server.store, CLOCK);
    for (const [key, role, organizationId] of [
      ['editor', 'editor', region.litong.id],
      ['approver', 'approver', region.litong.id],
      ['otherEditor', 'editor', region.yanchi.id],
    ] as const) {
      const { user, password } = await createTestUser(server.store, CLOCK, { role, organizationId });
      users[key] = { username: user.username, password };
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  void it('takes an item from draft to the portal and back out', async () => {
    const base = server.baseUrl;
    const staff = await browser.newContext({ locale: 'zh-CN' });
    const page = await staff.newPage();

    // The editor drafts and submits.
    await logIn(page, base, users.editor.username, users.editor.password);
    await page.goto(`${base}/console/items/new`);
    await page.getByLabel('所属机构').selectOption({ label: region.litong.name });
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('文号').fill(DOCUMENT_NUMBER);
    await page.getByLabel('发布机构').fill('利通区人民政府办公室');
    await page.getByLabel('生成日期').fill('2026-11-20');
    await page.getByLabel('主题分类').selectOption('art20-11');
    await page.getByLabel('体裁分类').selectOption('notice');
    await page.getByLabel('内容概述').fill('部署扶贫资金公开工作。');
    await page.getByLabel('正文').fill('<p>各乡镇：现将扶贫资金公开有关事项通知如下。</p><script>alert(1)</script>');
    await page.getByRole('button', { name: '保存草稿' }).click();
    // Script in the body is refused with a reason, and nothing is saved.
    await assert.doesNotReject(page.getByRole('alert').waitFor());
    assert.match(await page.getByRole('alert').innerText(), /正文/);
    await page.getByLabel('正文').fill('<p>各乡镇：现将扶贫资金公开有关事项通知如下。</p>');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/console\/items\/\d+\?done=created$/);
    const itemId = Number(/\/items\/(\d+)/.exec(page.url())?.[1]);
    const itemUrl = `${base}/console/items/${itemId}`;
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(`${itemUrl}?done=submit`);
    assert.match(await page.locator('.meta').innerText(), /待审核/);
    // An editor cannot publish: the button is not offered.
    assert.equal(await page.getByRole('button', { name: '审核并发布' }).count(), 0);
    await logOut(page, base);

    // Another county's editor can neither see nor change it: in the console…
    await logIn(page, base, users.otherEditor.username, users.otherEditor.password);
    const foreign = await page.goto(`${itemUrl}/edit`);
    assert.ok(foreign && [403, 404].includes(foreign.status()), `other county's editor got ${foreign?.status()}`);
    await logOut(page, base);
    // …nor through the API.
    const otherToken = await loginToken(server.store, users.otherEditor.username, users.otherEditor.password, CLOCK);
    const apiAttempt = await fetch(`${base}/api/items/${itemId}`, { method: 'PATCH', headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: '篡改', expectedUpdatedAt: 'x' }) });
    assert.ok([403, 404].includes(apiAttempt.status), `API gave ${apiAttempt.status}`);

    // The approver approves and publishes; the index number is generated.
    await logIn(page, base, users.approver.username, users.approver.password);
    await page.goto(itemUrl);
    await page.getByRole('button', { name: '审核并发布' }).click();
    await page.waitForURL(`${itemUrl}?done=publish`);
    const meta = await page.locator('.meta').innerText();
    assert.match(meta, /已发布/);
    const indexNumber = /640302\d*\/2026-\d{5}/.exec(meta)?.[0];
    assert.ok(indexNumber, `an index number in the ${region.litong.organizationCode}/2026-NNNNN form: ${meta}`);

    // The public sees it, and finds it by 扶贫 and by its 文号.
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const pub = await visitor.newPage();
    await pub.goto(`${base}/items/${itemId}`);
    assert.equal(await pub.getByRole('heading', { level: 1 }).innerText(), TITLE);
    const portalMeta = await pub.locator('.meta').innerText();
    assert.ok(portalMeta.includes(indexNumber) && portalMeta.includes(DOCUMENT_NUMBER) && portalMeta.includes('2026-11-20'));
    for (const query of ['扶贫', DOCUMENT_NUMBER]) {
      await pub.goto(`${base}/search`);
      await pub.getByLabel('关键词').fill(query);
      await pub.getByLabel('关键词').press('Enter');
      await pub.waitForURL(/\/search\?/);
      assert.equal(await pub.getByRole('link', { name: TITLE }).count(), 1, `found by ${query}`);
    }

    // The approver withdraws it; it is gone from the portal and from the search.
    await page.goto(itemUrl);
    await page.getByLabel('撤回理由').fill('内容需要更新');
    await page.getByRole('button', { name: '撤回' }).click();
    await page.waitForURL(`${itemUrl}?done=withdraw`);
    assert.match(await page.locator('.meta').innerText(), /已撤回/);
    const gone = await pub.goto(`${base}/items/${itemId}`);
    assert.equal(gone?.status(), 404);
    await pub.goto(`${base}/search?q=${encodeURIComponent('扶贫')}`);
    assert.equal(await pub.getByRole('link', { name: TITLE }).count(), 0);
    await visitor.close();
    await staff.close();
  });
});
