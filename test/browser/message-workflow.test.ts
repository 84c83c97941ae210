/**
 * Browser acceptance test of issue 6 item 1 (the mailbox, end to end), in Debian's Chromium through
 * playwright-core, on both databases, with a fixed clock: the public writes a message on
 * /messages/new on Friday 2024-09-27 (solving the human check by reading its question, agreeing to
 * publication) and gets a tracking code with the deadline 2024-10-16 (10 working days: 09-29 Sun
 * worked 1, 09-30 2, 10-08 … 10-11 3–6, 10-12 Sat worked 7, 10-14 … 10-16 8–10); on Monday 09-30 an
 * editor replies from the console queue, and the tracking page shows 已回复; the approver publishes
 * it with the writer's phone number removed from the text; the anonymous portal lists it, its page
 * shows the reply and the writer as 马**, and the tracking page shows 已公开.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { FixedClock } from '../../src/shared/clock.ts';
import { browserSkipReason, launchBrowser, logIn, logOut, startTestServer, solveHumanCheck } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/browser.ts';
import { createTestUser, seedRegion } from '../helpers/factories.ts';
import type { SeededRegion } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';

const skip = browserSkipReason();
const NAME = '马晓东';
const PHONE = '13909531234';
const SUBJECT = '关于金积镇小区路灯维修的建议';
const BODY = `我是${NAME}，电话${PHONE}。金积镇某小区的路灯已损坏两个月，夜间出行不便，请尽快维修。`;
const PUBLIC_BODY = '金积镇某小区的路灯已损坏两个月，夜间出行不便，请尽快维修。';
const REPLY = '您好，您反映的路灯问题已转交金积镇人民政府，路灯已于9月29日修复。感谢您的监督。';

describeEachDialect('browser: the public writes a message, staff reply and publish it, it appears on the portal', (t) => {
  if (skip) {
    void it('is skipped', { skip }, () => undefined);
    return;
  }
  const clock = new FixedClock('2024-09-27T02:00:00Z');
  let server: TestServer;
  let browser: Browser;
  let region: SeededRegion;
  const users: Record<'editor' | 'approver', { username: string; password: string }> = { editor: { username: '', password: '' }, approver: { username: '', password: '' } };

  before(async () => {
    server = await startTestServer(t, clock);
    region = await seedRegion(server.store, clock);
    for (const role of ['editor', 'approver'] as const) {
      const { user, password } = await createTestUser(server.store, clock, { role, organizationId: region.litong.id });
      users[role] = { username: user.username, password };
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  void it('writes, replies, publishes and tracks a message', async () => {
    const base = server.baseUrl;

    // ---- The public writes a message (Friday 2024-09-27, 10:00 China time). ----
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const pub = await visitor.newPage();
    await pub.goto(`${base}/`);
    await pub.getByRole('link', { name: '咨询留言' }).first().click();
    await pub.waitForURL(`${base}/messages`);
    await pub.getByRole('link', { name: '我要留言' }).click();
    await pub.waitForURL(`${base}/messages/new`);
    await pub.getByLabel('留言机关').selectOption(String(region.litong.id));
    await pub.getByLabel('留言标题').fill(SUBJECT);
    await pub.getByLabel('留言内容').fill(BODY);
    await pub.getByLabel('姓名').fill(NAME);
    await pub.getByLabel('联系电话或电子邮箱').fill(PHONE);
    assert.equal(await pub.getByLabel('同意公开').isChecked(), false, 'consent is not given by default');
    await pub.getByLabel('同意公开').check();
    // A wrong answer first: refused next to the question, the values kept, a new question asked.
    const firstQuestion = await pub.locator('#human-check-question').innerText();
    await pub.getByLabel(/^验证问题/).fill(String(Number(solveHumanCheck(firstQuestion)) + 1));
    clock.advance(5_000);
    await pub.getByRole('button', { name: '提交留言' }).click();
    await pub.getByRole('alert').waitFor();
    assert.match(await pub.locator('#humanCheckAnswer-error').innerText(), /回答错误/);
    assert.equal(await pub.getByLabel('留言标题').inputValue(), SUBJECT);
    assert.equal(await pub.getByLabel('同意公开').isChecked(), true);
    const question = await pub.locator('#human-check-question').innerText();
    await pub.getByLabel(/^验证问题/).fill(solveHumanCheck(question));
    clock.advance(5_000);
    await pub.getByRole('button', { name: '提交留言' }).click();
    await pub.waitForURL(/\/messages\/submitted\?code=/);
    const code = (await pub.locator('#tracking-code').innerText()).trim();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(await pub.locator('#due-on').innerText(), '2024-10-16');

    // ---- An editor replies from the queue (Monday 2024-09-30). ----
    clock.advance(Date.parse('2024-09-30T02:00:00Z') - clock.now().getTime());
    const staff = await browser.newContext({ locale: 'zh-CN' });
    const page = await staff.newPage();
    await logIn(page, base, users.editor.username, users.editor.password);
    await page.goto(`${base}/console/messages`);
    const row = page.locator('#message-queue tr', { hasText: SUBJECT });
    assert.match(await row.innerText(), /2024-10-16/);
    assert.match(await row.innerText(), new RegExp(NAME), 'the editor sees the writer’s name');
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.waitForURL(/\/console\/messages\/\d+$/);
    const messageUrl = page.url();
    // An editor is not offered the publish form.
    assert.equal(await page.locator('#publish-form').count(), 0);
    await page.getByLabel('回复内容').fill(REPLY);
    await page.getByRole('button', { name: '提交回复' }).click();
    await page.waitForURL(`${messageUrl}?done=replied`);
    assert.equal(await page.locator('#status').innerText(), '已回复');
    await logOut(page, base);

    // The writer sees the reply by code (not yet published).
    await pub.goto(`${base}/messages/track?code=${encodeURIComponent(code)}`);
    assert.equal(await pub.locator('#status').innerText(), '已回复');
    assert.equal(await pub.locator('#reply').innerText(), REPLY);

    // ---- The approver publishes it, removing the phone number from the text. ----
    await logIn(page, base, users.approver.username, users.approver.password);
    await page.goto(messageUrl);
    const form = page.locator('#publish-form');
    assert.equal(await form.getByLabel('公开内容').inputValue(), BODY, 'the original text is the default');
    await form.getByLabel('公开内容').fill(PUBLIC_BODY);
    await form.getByRole('button', { name: '公开留言和回复' }).click();
    await page.waitForURL(`${messageUrl}?done=published`);
    assert.equal(await page.locator('#status').innerText(), '已公开');
    await logOut(page, base);
    await staff.close();

    // ---- The anonymous portal lists it; its page shows the reply and the masked writer. ----
    await pub.goto(`${base}/messages`);
    assert.match(await pub.locator('#reply-figures').innerText(), /利通区人民政府\s+1\s+1\s+1\s+100%\s+3\s+2/);
    await pub.getByRole('link', { name: SUBJECT }).click();
    await pub.waitForURL(/\/messages\/\d+$/);
    assert.equal(await pub.locator('#writer').innerText(), '马**');
    assert.equal(await pub.locator('#message-body').innerText(), PUBLIC_BODY);
    assert.equal(await pub.locator('#reply').innerText(), REPLY);
    const html = await pub.content();
    for (const secret of [NAME, PHONE]) assert.equal(html.includes(secret), false, `the published page shows ${secret}`);

    // ---- The tracking page shows 已公开 and links to the exchange. ----
    await pub.goto(`${base}/messages/track`);
    await pub.getByLabel('查询码').fill(code.toLowerCase());
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.waitForURL(/\/messages\/track\?code=/);
    assert.equal(await pub.locator('#status').innerText(), '已公开');
    assert.equal(await pub.getByRole('link', { name: '查看公开的留言' }).count(), 1);
    const trackHtml = await pub.content();
    for (const secret of [NAME, PHONE]) assert.equal(trackHtml.includes(secret), false, `the tracking page shows ${secret}`);
    const unknown = await pub.goto(`${base}/messages/track?code=ABCD-EFGH-JKLM`);
    assert.equal(unknown?.status(), 404);
    await visitor.close();
  });
});
