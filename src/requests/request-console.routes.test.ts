import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { TEST_PASSWORD, createTestUser, loginCookie, seedRegion, testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { systemActor } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { caseDocumentModel } from './request-console-documents.ts';
import { getCase, registerRequest } from './request.service.ts';

/**
 * Today is Monday 2026-06-15 (China time). Deadlines below are hand-counted on the 2026 calendar:
 * 劳动节 2026-05-01..05, 端午 Friday 2026-06-19 (20–21 the weekend), the period starting the day
 * after receipt (20 working days, 2019 art. 33).
 */
const NOW = '2026-06-15T02:00:00Z';

interface Session {
  cookie: string;
  csrfToken: string;
}

function caseInput(organizationId: number, receivedOn: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    organizationId: String(organizationId),
    requesterType: 'natural',
    requesterName: '张三丰',
    requesterIdKind: 'resident-id',
    requesterIdNumber: '640302199001011234',
    phone: '13912345678',
    email: 'zhang.san@example.com',
    address: '宁夏回族自治区吴忠市利通区裕民街1号',
    channel: 'in-person',
    submittedOn: receivedOn,
    informationRequested: '2025年度利通区义务教育学校布局调整方案',
    deliveryForm: 'electronic',
    deliveryMethod: 'email',
    ...overrides,
  };
}

describeEachDialect('requests console', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let ctx: ServiceContext;
  let region: SeededRegion;
  let editor: Session;
  let approver: Session;
  let auditor: Session;

  before(async () => {
    store = await t.open();
    const clock = new FixedClock(NOW);
    ctx = testContext(store, clock);
    region = await seedRegion(store, clock);
    app = await buildApp(ctx, { logger: false });
    const login = async (role: 'editor' | 'approver' | 'auditor'): Promise<Session> => {
      const { user, password } = await createTestUser(store, clock, { role, organizationId: region.city.id });
      return loginCookie(app, user.username, password ?? TEST_PASSWORD);
    };
    editor = await login('editor');
    approver = await login('approver');
    auditor = await login('auditor');
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const register = async (organizationId: number, receivedOn: string, overrides: Record<string, string> = {}): Promise<{ id: number; trackingCode: string }> =>
    registerRequest(ctx, systemActor('test'), caseInput(organizationId, receivedOn, overrides));
  const get = (s: Session, url: string) => app.inject({ url, headers: { cookie: s.cookie } });
  const post = (s: Session, url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: s.csrfToken, ...fields }).toString() });
  const countCases = async (): Promise<number> => Number((await store.db.selectFrom('request_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const countEvents = async (caseId: number): Promise<number> =>
    Number((await store.db.selectFrom('request_event').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
  const finalDue = (body: string): string | undefined => /id="final-due">([^<]+)</.exec(body)?.[1];

  void it('lists a case under the right tabs, with reminders, masked names and working days left', async () => {
    const anonymous = await app.inject({ url: '/console/requests' });
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, `/login?next=${encodeURIComponent('/console/requests')}`);

    // Due 2026-06-30 (10 working days left), due 2026-06-08 (5 working days overdue), due 2026-06-22 (4 left, within the 5-day reminder window ending 2026-06-23).
    const onTime = await register(region.yanchi.id, '2026-06-01');
    const overdue = await register(region.yanchi.id, '2026-05-11');
    const dueSoon = await register(region.yanchi.id, '2026-05-22', { requesterType: 'business', requesterName: '吴忠市某某科技有限公司' });
    const org = `organizationId=${region.yanchi.id}`;

    const open = await get(editor, `/console/requests?filter=open&${org}`);
    assert.equal(open.statusCode, 200, open.body);
    for (const c of [onTime, overdue, dueSoon]) assert.ok(open.body.includes(`<a href="/console/requests/${c.id}">${c.trackingCode}</a>`), c.trackingCode);
    assert.match(open.body, /aria-current="page"><strong>办理中（3）<\/strong>/);
    assert.match(open.body, />即将到期（1）</);
    assert.match(open.body, />已逾期（1）</);
    assert.match(open.body, />等待申请人（0）</);
    assert.match(open.body, /1 件申请已超过答复期限/);
    assert.match(open.body, /1 件申请将于 2026-06-23 前到期/);
    assert.match(open.body, /<td>张\*\*<\/td>/);
    assert.ok(!open.body.includes('张三丰'));
    assert.match(open.body, /吴忠市某某科技有限公司/);
    assert.match(open.body, /2026-06-30<br><span>剩余 10 个工作日<\/span>/);
    assert.match(open.body, /<span class="late">2026-06-08<\/span><br><span class="late">已逾期 5 个工作日<\/span>/);
    assert.match(open.body, /2026-06-22<br><span>剩余 4 个工作日<\/span>/);
    assert.match(open.body, /<th scope="col">查询码<\/th>/);

    const overdueTab = await get(editor, `/console/requests?filter=overdue&${org}`);
    assert.ok(overdueTab.body.includes(overdue.trackingCode));
    assert.ok(!overdueTab.body.includes(onTime.trackingCode));
    assert.ok(!overdueTab.body.includes(dueSoon.trackingCode));
    const dueSoonTab = await get(editor, `/console/requests?filter=due-soon&${org}`);
    assert.ok(dueSoonTab.body.includes(dueSoon.trackingCode));
    assert.ok(!dueSoonTab.body.includes(onTime.trackingCode));
    assert.ok(!dueSoonTab.body.includes(overdue.trackingCode));
    const answeredTab = await get(editor, `/console/requests?filter=answered&${org}`);
    assert.match(answeredTab.body, /已答复：暂无申请/);
    // Another organization's subtree does not show them.
    const litong = await get(editor, `/console/requests?filter=all&organizationId=${region.litong.id}`);
    assert.ok(!litong.body.includes(onTime.trackingCode));
    assert.match(litong.body, /<a href="\/console\/requests">依申请公开<\/a>/);
  });

  void it('registers a request through the form; a bad form shows the reasons and writes nothing', async () => {
    const form = await get(editor, '/console/requests/new');
    assert.equal(form.statusCode, 200);
    for (const label of ['受理机关', '申请人类型', '申请人姓名或名称', '证件号码', '申请方式', '提交日期', '签收日期', '确认日期', '信息的提供形式', '获取信息的方式']) {
      assert.match(form.body, new RegExp(`<label for="[a-zA-Z]+">${label}`), label);
    }
    assert.match(form.body, /以邮寄方式提交的，以行政机关签收之日为收到申请之日/);
    assert.match(form.body, /通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日/);
    assert.equal((await get(auditor, '/console/requests/new')).statusCode, 403);

    const before = await countCases();
    const fields = caseInput(region.litong.id, '2026-06-10', { requesterName: '', channel: 'registered-post' });
    const missingName = await post(editor, '/console/requests', fields);
    assert.equal(missingName.statusCode, 400);
    assert.match(missingName.body, /role="alert"/);
    assert.match(missingName.body, /<div class="field-error" id="requesterName-error">请填写申请人姓名或名称<\/div>/);
    assert.match(missingName.body, /value="2026-06-10"/);
    const missingSignature = await post(editor, '/console/requests', { ...fields, requesterName: '李四' });
    assert.equal(missingSignature.statusCode, 400);
    assert.match(missingSignature.body, /id="signedOn-error">以邮寄方式提交的，以行政机关签收之日为收到申请之日，请填写签收日期/);
    assert.equal(await countCases(), before);
    assert.equal((await post({ ...editor, csrfToken: 'wrong' }, '/console/requests', { ...fields, requesterName: '李四', signedOn: '2026-06-11' })).statusCode, 403);
    assert.equal(await countCases(), before);

    const created = await post(editor, '/console/requests', { ...fields, requesterName: '李四', signedOn: '2026-06-11' });
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(/^\/console\/requests\/(\d+)\?done=created$/.exec(String(created.headers.location))?.[1]);
    assert.ok(id > 0);
    assert.equal(await countCases(), before + 1);
    const page = await get(editor, String(created.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /role="status">申请已登记/);
    // Received 2026-06-11 (the date signed for): 20 working days from 2026-06-12, skipping 端午 2026-06-19 → 2026-07-10.
    assert.equal(finalDue(page.body), '2026-07-10');
    assert.match(page.body, /<th scope="row">2026-06-19<\/th><td>法定节假日/);
  });

  void it('restarts the deadline when the clarified request arrives, and refuses a second clarification', async () => {
    const c = await register(region.litong.id, '2026-06-01');
    const url = `/console/requests/${c.id}`;
    const first = await get(editor, url);
    assert.equal(finalDue(first.body), '2026-06-30');
    assert.match(first.body, /id="action-clarification-requested"/);

    const asked = await post(editor, `${url}/events`, { kind: 'clarification-requested', on: '2026-06-03', items: '请写明文件的名称或文号', dueOn: '2026-06-12', note: '电话沟通过' });
    assert.equal(asked.statusCode, 303, asked.body);
    assert.equal(asked.headers.location, `${url}?done=clarification-requested`);
    const waiting = await get(editor, String(asked.headers.location));
    assert.match(waiting.body, /role="status">已登记：告知补正/);
    assert.equal(finalDue(waiting.body), '等待申请人补正（补正期限至 2026-06-12），答复期限暂停计算');
    assert.match(waiting.body, /需要补正的事项：请写明文件的名称或文号；补正期限至 2026-06-12/);
    assert.match(waiting.body, /电话沟通过/);
    assert.ok(!waiting.body.includes('id="action-clarification-requested"'));

    const tooEarly = await post(editor, `${url}/events`, { kind: 'clarification-lapsed', on: '2026-06-11' });
    assert.equal(tooEarly.statusCode, 409);
    assert.match(tooEarly.body, /未能登记：补正期限至 2026-06-12 届满，届满前不能视为放弃申请/);
    assert.match(tooEarly.body, /<a href="#action-clarification-lapsed">查看“逾期未补正”表单<\/a>/);
    assert.match(tooEarly.body, /<div class="field-error" id="clarification-lapsed-error" role="alert"><p>补正期限至 2026-06-12 届满，届满前不能视为放弃申请<\/p>/);
    assert.equal(await countEvents(c.id), 2);

    const received = await post(editor, `${url}/events`, { kind: 'clarification-received', on: '2026-06-10' });
    assert.equal(received.statusCode, 303, received.body);
    const restarted = await get(editor, url);
    // 20 working days from 2026-06-11: 11–12, 15–18, 22–26, 29–30, 1–3 July, 6–9 July → 2026-07-09.
    assert.equal(finalDue(restarted.body), '2026-07-09');
    assert.match(restarted.body, /收到补正后的申请，答复期限自该日次日起重新计算20个工作日/);

    const events = await countEvents(c.id);
    const again = await post(editor, `${url}/events`, { kind: 'clarification-requested', on: '2026-06-11', items: '再补一项', dueOn: '2026-06-19' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /<div class="error" role="alert"><p>未能登记：补正只能一次性告知，不能第二次要求补正（条例第三十条）<\/p>/);
    assert.ok(!again.body.includes('href="#action-clarification-requested"'));
    assert.equal(await countEvents(c.id), events);
    assert.equal(finalDue(again.body), '2026-07-09');

    const late = await post(editor, `${url}/events`, { kind: 'answered', on: '2026-06-16', outcome: 'disclosed' });
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /日期不能晚于今天/);
    assert.match(late.body, /value="2026-06-16"/);
    assert.equal(await countEvents(c.id), events);
  });

  void it('offers the answer details on the decision form, records one, and refuses both or a wrong pairing', async () => {
    const c = await register(region.litong.id, '2026-06-01');
    const url = `/console/requests/${c.id}`;
    const page = await get(editor, url);
    assert.match(page.body, /<input id="answered-answerDetail-already-public" name="answerDetail" type="checkbox" value="already-public"[^>]*> <label for="answered-answerDetail-already-public" style="display:inline">属于已主动公开范围（告知获取方式和途径）<\/label>/);
    assert.match(page.body, /<input id="answered-answerDetail-other-agency" name="answerDetail" type="checkbox" value="other-agency"[^>]*> <label for="answered-answerDetail-other-agency" style="display:inline">属于其他机关公开（告知负责机关）<\/label>/);
    assert.match(page.body, /<label for="answered-responsibleAgency">负责公开该信息的机关<\/label>/);

    // Both boxes ticked: refused, the form shown again with the reason, nothing written.
    const both = await app.inject({
      method: 'POST',
      url: `${url}/events`,
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', editor.csrfToken], ['kind', 'answered'], ['on', '2026-06-15'], ['outcome', 'unable-not-held'], ['answerDetail', 'already-public'], ['answerDetail', 'other-agency']]).toString(),
    });
    assert.equal(both.statusCode, 400);
    assert.match(both.body, /“属于已主动公开范围”与“属于其他机关公开”只能选择一项/);
    const wrong = await post(editor, `${url}/events`, { kind: 'answered', on: '2026-06-15', outcome: 'unable-needs-creation', answerDetail: 'other-agency', responsibleAgency: '吴忠市财政局' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /“属于其他机关公开（告知负责机关）”只适用于办理结果“无法提供：本机关不掌握相关政府信息”/);
    assert.match(wrong.body, /value="吴忠市财政局"/, 'what was typed is kept');
    assert.equal(await countEvents(c.id), 1);

    const done = await post(editor, `${url}/events`, { kind: 'answered', on: '2026-06-15', outcome: 'unable-not-held', answerDetail: 'other-agency', responsibleAgency: '吴忠市财政局' });
    assert.equal(done.statusCode, 303, done.body);
    const answered = await get(editor, url);
    assert.match(answered.body, /<span id="case-answer-detail">属于其他机关公开（告知负责机关）：吴忠市财政局<\/span>/);
    assert.match(answered.body, /办理结果：无法提供：本机关不掌握相关政府信息（属于其他机关公开（告知负责机关））；法律依据：[^；]+；负责公开机关：吴忠市财政局/);
    const row = await store.db.selectFrom('request_case').select('answer_detail').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.answer_detail, 'other-agency');
    // The reply names the responsible agency (2019 art. 36 (五)).
    const model = caseDocumentModel(await getCase(ctx, systemActor('test'), c.id), await loadCalendar(ctx), 'reply');
    assert.deepEqual(model.paragraphs.slice(1, 3), ['经核查，您申请公开的政府信息不属于本机关负责公开。', '根据《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项的规定，告知您该政府信息由吴忠市财政局负责公开。']);
  });

  void it('offers the extension form only to approvers; an editor posting it gets 403', async () => {
    const c = await register(region.litong.id, '2026-06-01');
    const url = `/console/requests/${c.id}`;
    const editorPage = await get(editor, url);
    assert.ok(!editorPage.body.includes('id="action-extension-approved"'));
    assert.match(editorPage.body, /延长答复期限须经政府信息公开工作机构负责人同意/);
    assert.match(editorPage.body, /<optgroup label="（三）不予公开"><option value="withheld-state-secret">1\.属于国家秘密（第十四条、第三十六条第（三）项）<\/option>/);
    assert.match(editorPage.body, /<optgroup label="（一）予以公开"><option value="disclosed">予以公开（第三十六条第（一）项、第（二）项）<\/option><\/optgroup>/);
    const extension = { kind: 'extension-approved', on: '2026-06-15', workingDays: '10', reason: '涉及档案检索，工作量较大', approvedBy: '王主任', noticeOn: '2026-06-15' };
    const refused = await post(editor, `${url}/events`, extension);
    assert.equal(refused.statusCode, 403);
    assert.equal(await countEvents(c.id), 1);

    const approverPage = await get(approver, url);
    assert.match(approverPage.body, /id="action-extension-approved"/);
    assert.match(approverPage.body, /<input id="extension-approved-workingDays" name="workingDays" type="number" value="20" min="1" max="20"/);
    const approved = await post(approver, `${url}/events`, extension);
    assert.equal(approved.statusCode, 303, approved.body);
    const extended = await get(approver, url);
    // 10 more working days after 2026-06-30: 1–3 July, 6–10 July, 13–14 July → 2026-07-14.
    assert.equal(finalDue(extended.body), '2026-07-14');
    assert.match(extended.body, /原答复期限 2026-06-30，经批准延长后为 2026-07-14/);
    assert.match(extended.body, /延长10个工作日；理由：涉及档案检索，工作量较大；批准人：王主任/);
  });

  void it('masks the ID number and phone for an auditor and shows them whole to a handler', async () => {
    const c = await register(region.litong.id, '2026-06-01');
    const url = `/console/requests/${c.id}`;
    const audited = await get(auditor, url);
    assert.equal(audited.statusCode, 200);
    assert.match(audited.body, /<dt>证件号码<\/dt><dd>640302\*\*\*\*\*\*\*\*1234<\/dd>/);
    assert.match(audited.body, /<dt>联系电话<\/dt><dd>139\*\*\*\*5678<\/dd>/);
    assert.match(audited.body, /<dt>姓名或名称<\/dt><dd>张\*\*<\/dd>/);
    assert.ok(!audited.body.includes('640302199001011234'));
    assert.ok(!audited.body.includes('13912345678'));
    assert.match(audited.body, /以下信息已做脱敏处理/);
    const handled = await get(editor, url);
    assert.match(handled.body, /<dt>证件号码<\/dt><dd>640302199001011234<\/dd>/);
    assert.match(handled.body, /<dt>联系电话<\/dt><dd>13912345678<\/dd>/);
    assert.match(handled.body, /<dt>姓名或名称<\/dt><dd>张三丰<\/dd>/);
    assert.ok(!handled.body.includes('以下信息已做脱敏处理'));
  });

  void it('downloads the documents of a case as DOCX and PDF', async () => {
    const c = await register(region.litong.id, '2026-06-01');
    const url = `/console/requests/${c.id}`;
    assert.equal((await get(editor, `${url}/documents/reply.docx`)).statusCode, 404);
    assert.equal((await post(editor, `${url}/events`, { kind: 'clarification-requested', on: '2026-06-03', items: '请写明文件的名称\n请写明所需年份', dueOn: '2026-06-12' })).statusCode, 303);
    assert.equal((await post(editor, `${url}/events`, { kind: 'clarification-received', on: '2026-06-10' })).statusCode, 303);
    assert.equal((await post(editor, `${url}/events`, { kind: 'answered', on: '2026-06-15', outcome: 'disclosed' })).statusCode, 303);
    const page = await get(editor, url);
    assert.match(page.body, new RegExp(`<a href="${url}/documents/clarification.docx">下载 DOCX</a>`));
    assert.match(page.body, new RegExp(`<a href="${url}/documents/reply.pdf">下载 PDF</a>`));
    assert.match(page.body, /<strong id="case-outcome">予以公开<\/strong>/);

    const docx = await get(editor, `${url}/documents/clarification.docx`);
    assert.equal(docx.statusCode, 200, docx.body);
    assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const name = `${c.trackingCode}-政府信息公开申请补正告知书.docx`;
    assert.equal(docx.headers['content-disposition'], `attachment; filename="${c.trackingCode}-${'_'.repeat(13)}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const pdf = await get(auditor, `${url}/documents/reply.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^attachment; /);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal((await get(editor, `${url}/documents/extension.docx`)).statusCode, 404);
    assert.equal((await get(editor, `${url}/documents/other.docx`)).statusCode, 400);
  });
});
