/**
 * Browser acceptance test of issue 4 (the public side of a request, end to end), in Debian's
 * Chromium through playwright-core, on both databases, with a fixed clock so every date is
 * hand-computed: the public files a request on /requests/new on Friday 2024-09-27 (solving the
 * human check by reading its question) and gets a tracking code; on 2024-11-13 an editor registers
 * a clarification request (2024-09-30) and the clarified request's receipt (2024-10-09) on the
 * console case page; the approver (the OGI office head) approves an extension of 10 working days
 * (2024-10-30), answers (予以公开, 2024-11-12) and records delivery (2024-11-13); the public sees the
 * result and the deadline with how it was computed on the tracking page, and no personal data.
 *
 * Deadlines (2024 notice 国办发明电〔2023〕7号: 国庆节 10-01..10-07 off, 09-29 Sun and 10-12 Sat worked):
 * - as filed: 09-29 1, 09-30 2, 10-08 … 10-11 3–6, 10-12 7, 10-14 … 10-18 8–12, 10-21 … 10-25 13–17,
 *   10-28 … 10-30 18–20 → 2024-10-30;
 * - restarted from the clarified request of 10-09: 10-10 1, 10-11 2, 10-12 3, 10-14 … 10-18 4–8,
 *   10-21 … 10-25 9–13, 10-28 … 11-01 14–18, 11-04 19, 11-05 20 → 2024-11-05;
 * - extended by 10: 11-06 … 11-08 1–3, 11-11 … 11-15 4–8, 11-18 9, 11-19 10 → 2024-11-19.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { FixedClock } from '../../src/shared/clock.ts';
import { browserSkipReason, launchBrowser, logIn, logOut, startTestServer, solveHumanCheck } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/browser.ts';
import { createTestUser, seedRegion } from '../helpers/factories.ts';
import type { SeededRegion } from '../helpers/factories.ts';
import { describeEachDialect } from '../helpers/stores.ts';

const skip = browserSkipReason();
const NAME = '马晓东';
const ID_NUMBER = '640302199001011238';
const PHONE = '13909531234';
const EMAIL = 'xiaodong.ma@example.cn';
const REQUEST_TEXT = '利通区2023年城乡居民最低生活保障资金的发放名册及审批文件';

/** Submits one action form of the case page and waits for the notice. */
async function record(page: Page, caseUrl: string, kind: string, fill: (form: Locator) => Promise<void>): Promise<void> {
  const form = page.locator(`#action-${kind}`);
  await fill(form);
  await form.getByRole('button', { name: /^登记：/ }).click();
  await page.waitForURL(`${caseUrl}?done=${kind}`);
}

describeEachDialect('browser: the public files a request, staff handle it, the public tracks it', (t) => {
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

  void it('files, handles and tracks a request', async () => {
    const base = server.baseUrl;

    // ---- The public files a request (Friday 2024-09-27, 10:00 China time). ----
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const pub = await visitor.newPage();
    await pub.goto(`${base}/`);
    await pub.getByRole('link', { name: '依申请公开' }).click();
    await pub.waitForURL(`${base}/requests/new`);
    await pub.getByLabel('受理机关').selectOption(String(region.litongDepartment.id));
    await pub.getByLabel('申请人类型').selectOption({ label: '自然人' });
    await pub.getByLabel('申请人姓名或名称').fill(NAME);
    await pub.getByLabel('证件类型').selectOption({ label: '居民身份证' });
    await pub.getByLabel('证件号码').fill(ID_NUMBER);
    await pub.getByLabel('联系电话').fill(PHONE);
    await pub.getByLabel('电子邮箱').fill(EMAIL);
    await pub.getByLabel('所需政府信息的名称、文号或便于查询的特征性描述').fill(REQUEST_TEXT);
    await pub.getByLabel('信息的提供形式').selectOption({ label: '电子文档' });
    await pub.getByLabel('获取信息的方式').selectOption({ label: '电子邮件' });
    // A wrong answer first: refused next to the question, the values kept, a new question asked.
    const firstQuestion = await pub.locator('#human-check-question').innerText();
    await pub.getByLabel(/^验证问题/).fill(String(Number(solveHumanCheck(firstQuestion)) + 1));
    clock.advance(5_000);
    await pub.getByRole('button', { name: '提交申请' }).click();
    await pub.getByRole('alert').waitFor();
    assert.match(await pub.locator('#humanCheckAnswer-error').innerText(), /回答错误/);
    assert.equal(await pub.getByLabel('证件号码').inputValue(), ID_NUMBER);
    // Now the right answer to the new question.
    const question = await pub.locator('#human-check-question').innerText();
    await pub.getByLabel(/^验证问题/).fill(solveHumanCheck(question));
    clock.advance(5_000);
    await pub.getByRole('button', { name: '提交申请' }).click();
    await pub.waitForURL(/\/requests\/submitted\?code=/);
    const code = (await pub.locator('#tracking-code').innerText()).trim();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(await pub.locator('#reply-due').innerText(), '2024-10-30');
    assert.match(await pub.locator('main').innerText(), /收到申请日期\s*2024-09-27/);

    // ---- Staff handle it (the clock moves to Wednesday 2024-11-13; events carry their legal dates). ----
    clock.advance(Date.parse('2024-11-13T02:00:00Z') - clock.now().getTime());
    const staff = await browser.newContext({ locale: 'zh-CN' });
    const page = await staff.newPage();
    await logIn(page, base, users.editor.username, users.editor.password);
    await page.goto(`${base}/console/requests`);
    await page.getByRole('link', { name: code }).click();
    await page.waitForURL(/\/console\/requests\/\d+$/);
    const caseUrl = page.url();
    await record(page, caseUrl, 'clarification-requested', async (form) => {
      await form.getByLabel('告知补正日期').fill('2024-09-30');
      await form.getByLabel('需要补正的事项').fill('请写明所需发放名册的月份范围');
      await form.getByLabel('补正期限').fill('2024-10-15');
    });
    await record(page, caseUrl, 'clarification-received', (form) => form.getByLabel('收到补正申请日期').fill('2024-10-09'));
    // An editor is not offered the extension form (2019 art. 33 ¶2: the OGI office head approves).
    assert.equal(await page.locator('#action-extension-approved').count(), 0);
    await logOut(page, base);

    await logIn(page, base, users.approver.username, users.approver.password);
    await page.goto(caseUrl);
    await record(page, caseUrl, 'extension-approved', async (form) => {
      await form.getByLabel('负责人批准日期').fill('2024-10-30');
      await form.getByLabel('延长工作日数').fill('10');
      await form.getByLabel('理由').fill('涉及多个科室的档案，需调取汇总');
      await form.getByLabel('批准人').fill('王建国');
      await form.getByLabel('告知申请人日期').fill('2024-10-30');
    });
    assert.match(await page.locator('main').innerText(), /2024-11-19/);
    await record(page, caseUrl, 'answered', async (form) => {
      await form.getByLabel('答复日期').fill('2024-11-12');
      await form.getByLabel('办理结果').selectOption('disclosed');
    });
    await record(page, caseUrl, 'delivered', async (form) => {
      await form.getByLabel('送达日期').fill('2024-11-13');
      await form.getByLabel('方式').selectOption('email');
    });
    await logOut(page, base);
    await staff.close();

    // ---- The public tracks it by code. ----
    await pub.goto(`${base}/`);
    await pub.getByRole('link', { name: '申请查询' }).click();
    await pub.getByLabel('查询码').fill(code.toLowerCase());
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.waitForURL(/\/requests\/track\?code=/);
    assert.equal(await pub.locator('#status').innerText(), '已送达');
    assert.equal(await pub.locator('#outcome').innerText(), '予以公开（2024-11-12）');
    assert.equal(await pub.locator('#final-due').innerText(), '2024-11-19');
    const main = await pub.locator('main').innerText();
    assert.match(main, /原答复期限 2024-11-05，已依法延长/);
    assert.match(main, /收到补正后的申请，答复期限自该日次日起重新计算/);
    assert.deepEqual(await pub.locator('#timeline li').allInnerTexts(), [
      '2024-09-27 收到申请',
      '2024-09-30 告知补正',
      '2024-10-09 收到补正申请',
      '2024-10-30 批准延长答复期限',
      '2024-11-12 作出答复',
      '2024-11-13 送达',
    ]);
    const html = await pub.content();
    for (const secret of [NAME, ID_NUMBER, PHONE, EMAIL, REQUEST_TEXT, '王建国', '需调取汇总', '月份范围']) assert.ok(!html.includes(secret), `the tracking page shows ${secret}`);
    // A code that does not exist gets the friendly 未找到.
    const unknown = await pub.goto(`${base}/requests/track?code=ABCD-EFGH-JKLM`);
    assert.equal(unknown?.status(), 404);
    assert.match(await pub.getByRole('alert').innerText(), /未找到/);
    await visitor.close();
  });
});
