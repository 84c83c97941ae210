import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestUser, loginCookie, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Role } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

interface Session {
  cookie: string;
  csrfToken: string;
}

/** Today is 2026-01-20 (China time): the console opens on the 2025 reports. */
const clock = new FixedClock('2026-01-20T02:00:00Z');
const FILL = '本机关依照条例规定认真做好政府信息公开工作，及时准确发布信息，持续改进工作方法，回应社会关切。';

/** The text of an element's value (textarea content), HTML entities decoded as the browser would. */
function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Every narrative textarea of a page: section id → its content. */
function sectionsOf(page: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of page.matchAll(/<textarea id="section-([a-z-]+)" name="section:[a-z-]+"[^>]*>([\s\S]*?)<\/textarea>/g)) out[m[1] ?? ''] = decode(m[2] ?? '');
  return out;
}

/** The version field of a page's form posting to `action`. */
function versionIn(page: string, action: string): string {
  const form = page.slice(page.indexOf(`action="${action}"`));
  const version = /name="version" value="(\d+)"/.exec(form)?.[1];
  assert.ok(version !== undefined, `no version in the form posting to ${action}`);
  return version;
}

describeEachDialect('annual report console', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  const s = {} as Record<'editor' | 'approver' | 'auditor', Session>;

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const login = async (role: Role): Promise<Session> => {
      const { user, password } = await createTestUser(store, clock, { role, organizationId: region.litong.id });
      return loginCookie(app, user.username, password);
    };
    s.editor = await login('editor');
    s.approver = await login('approver');
    s.auditor = await login('auditor');
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const page = (): string => `/console/reports/${region.litongDepartment.id}/2025`;
  const get = (who: Session, url: string) => app.inject({ url, headers: { cookie: who.cookie } });
  const post = (who: Session, url: string, fields: Record<string, string | string[]>, csrf = true) => {
    const body = new URLSearchParams(csrf ? { _csrf: who.csrfToken } : {});
    for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    return app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };
  const reportPage = async (who: Session = s.editor): Promise<string> => {
    const response = await get(who, page());
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    return response.body;
  };
  const entryCount = async (): Promise<number> => Number((await store.db.selectFrom('report_entry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  void it('sends anonymous visitors to the login page', async () => {
    const response = await app.inject({ url: '/console/reports' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/login?next=%2Fconsole%2Freports');
  });

  void it('lists the user’s organizations with this year’s state and deadline, and a year picker', async () => {
    const response = await get(s.editor, '/console/reports');
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<h1>政府信息公开工作年度报告<\/h1>/);
    assert.match(body, /<option value="2025" selected>2025年<\/option>/);
    assert.match(body, new RegExp(`<a href="/console/reports/${region.litong.id}/2025">利通区人民政府</a>`));
    assert.match(body, new RegExp(`<a href="/console/reports/${region.litongDepartment.id}/2025">利通区教育局</a>[\\s\\S]*?<td>未开始</td>\\s*<td>2026-01-31</td>`));
    assert.doesNotMatch(body, /盐池县/);
    assert.match(body, /<a href="\/console\/reports">年度报告<\/a>/, 'the console navigation links here');
    assert.match((await get(s.editor, '/console/reports?year=2024')).body, /<option value="2024" selected>/);
  });

  void it('shows the report page: state, deadline, tables with trace links, entry inputs and the narrative editor', async () => {
    const body = await reportPage();
    assert.match(body, /<h1>利通区教育局2025年政府信息公开工作年度报告<\/h1>/);
    assert.match(body, /<dt>状态<\/dt><dd>未开始<\/dd>/);
    assert.match(body, /2026-01-31（2019年《条例》第四十九条第一款）/);
    assert.match(body, /<dd>利通区人民政府（政府信息公开工作主管部门）<\/dd>/);
    assert.match(body, new RegExp(`<a href="/console/reports/${region.litongDepartment.id}/2025/trace\\?cell=t3%2Fnew%2Ftotal"`));
    assert.match(body, /<input id="entry-t2-5\/licensing\/decisions" name="entry:t2-5\/licensing\/decisions" value=""/);
    assert.match(body, /<label for="section-problems">五、存在的主要问题及改进情况<\/label>/);
    assert.match(body, /\{\{fact:requests\.new\}\}/, 'the facts list');
    assert.match(body, /name="_csrf" value="/);
    assert.match(body, /尚有 \d+ 处待填写/);
    assert.doesNotMatch(body, /action="[^"]*\/return"/, 'an editor cannot return');
  });

  void it('saves changed figures only, with who and when; a bad figure re-renders the page and writes nothing', async () => {
    const unchanged = await post(s.editor, `${page()}/entries`, { 'entry:t2-5/licensing/decisions': '', 'was:t2-5/licensing/decisions': '' });
    assert.equal(unchanged.headers.location, `${page()}?done=unchanged`);
    const saved = await post(s.editor, `${page()}/entries`, {
      'entry:t2-5/licensing/decisions': '１,２05',
      'was:t2-5/licensing/decisions': '',
      'note:t2-5/licensing/decisions': '审批系统统计',
      'entry:t2-8/fees/amount': '',
      'was:t2-8/fees/amount': '',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${page()}?done=entries`);
    const body = (await get(s.editor, `${page()}?done=entries`)).body;
    assert.match(body, /role="status">填报数据已保存</);
    assert.match(body, /name="entry:t2-5\/licensing\/decisions" value="1205"/);
    assert.match(body, /测试用户\d+填报于2026-01-20 10:00（审批系统统计）/);
    assert.equal(await entryCount(), 1);
    const bad = await post(s.editor, `${page()}/entries`, { 'entry:t2-6/penalties/decisions': '2.5', 'was:t2-6/penalties/decisions': '', 'entry:t2-8/fees/amount': '三万', 'was:t2-8/fees/amount': '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /role="alert"/);
    assert.match(bad.body, /件数应为整数/);
    assert.match(bad.body, /应填写数值/);
    assert.match(bad.body, /name="entry:t2-8\/fees\/amount" value="三万"/, 'what was typed is kept');
    assert.equal(await entryCount(), 1);
  });

  void it('refuses a form without its CSRF token and users without the permission', async () => {
    const noToken = await post(s.editor, `${page()}/entries`, { 'entry:t2-5/licensing/decisions': '3', 'was:t2-5/licensing/decisions': '' }, false);
    assert.equal(noToken.statusCode, 403);
    const auditor = await post(s.auditor, `${page()}/entries`, { 'entry:t2-5/licensing/decisions': '3', 'was:t2-5/licensing/decisions': '' });
    assert.equal(auditor.statusCode, 403);
    assert.match(auditor.body, /无权执行此操作/);
    const view = await reportPage(s.auditor);
    assert.doesNotMatch(view, /<textarea id="section-/);
    assert.doesNotMatch(view, /name="entry:/);
    assert.match(view, /您没有编辑或报送本报告的权限/);
  });

  void it('saves the narrative, refuses to submit it while markers remain, then submits it filled', async () => {
    const first = await reportPage();
    const sections = sectionsOf(first);
    assert.deepEqual(Object.keys(sections), ['preamble', 'overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    const fields = Object.fromEntries(Object.entries(sections).map(([id, text]) => [`section:${id}`, text]));
    const saved = await post(s.editor, `${page()}/save`, { part: 'narrative', version: versionIn(first, `${page()}/save`), ...fields });
    assert.equal(saved.headers.location, `${page()}?done=saved`);
    const draft = await reportPage();
    assert.match(draft, /<dt>状态<\/dt><dd>草稿<\/dd>/);
    const refused = await post(s.editor, `${page()}/submit`, { version: versionIn(draft, `${page()}/submit`) });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /报告正文仍有待填写的内容：【请填写门户网站名称及网址】/);
    const filledFields = Object.fromEntries(Object.entries(sections).map(([id, text]) => [`section:${id}`, text.replace(/【请填写[^】]*】/g, FILL)]));
    const resaved = await post(s.editor, `${page()}/save`, { part: 'narrative', version: versionIn(draft, `${page()}/save`), ...filledFields });
    assert.equal(resaved.statusCode, 303);
    const ready = await reportPage();
    assert.doesNotMatch(ready, /尚有 \d+ 处待填写/);
    assert.match(ready, /本年度制发规章0件/, 'the preview binds the numbers');
    const stale = await post(s.editor, `${page()}/submit`, { version: versionIn(draft, `${page()}/submit`) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /记录已被他人修改/);
    const submitted = await post(s.editor, `${page()}/submit`, { version: versionIn(ready, `${page()}/submit`) });
    assert.equal(submitted.headers.location, `${page()}?done=submitted`);
    const locked = await reportPage();
    assert.match(locked, /<dt>状态<\/dt><dd>已报送<\/dd>/);
    assert.doesNotMatch(locked, /<textarea id="section-/);
    assert.doesNotMatch(locked, /name="entry:/);
    assert.match(locked, /1205 <span class="tag">手工填报<\/span>/);
    assert.match(locked, /正文预览（报送时冻结）/);
  });

  void it('lets the competent department return it with comments shown to the office', async () => {
    const view = await reportPage(s.approver);
    assert.match(view, /action="[^"]*\/return"/);
    assert.match(view, /action="[^"]*\/accept"/);
    const version = versionIn(view, `${page()}/return`);
    const blank = await post(s.approver, `${page()}/return`, { version, comment: '  ' });
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /退回须填写修改意见/);
    const returned = await post(s.approver, `${page()}/return`, { version, comment: '请在第五部分逐条写明存在的问题。' });
    assert.equal(returned.headers.location, `${page()}?done=returned`);
    const office = await reportPage();
    assert.match(office, /<dt>状态<\/dt><dd>已退回<\/dd>/);
    assert.match(office, /<strong>退回意见<\/strong>[\s\S]*?<p>请在第五部分逐条写明存在的问题。<\/p>/);
    assert.match(office, /<textarea id="section-problems"/, 'editable again');
  });

  void it('refuses checker errors to the office and lets an approver override them with a reason', async () => {
    const office = await reportPage();
    const contradiction = await post(s.editor, `${page()}/save`, { part: 'narrative', version: versionIn(office, `${page()}/save`), 'section:overview': `<p>本年度共收到政府信息公开申请5件。${FILL}</p>` });
    assert.equal(contradiction.statusCode, 303);
    const withError = await reportPage();
    assert.match(withError, /错误 1 项/);
    const refused = await post(s.editor, `${page()}/submit`, { version: versionIn(withError, `${page()}/submit`) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /年度报告未通过校验/);
    assert.match(refused.body, /V07：叙述与表格不一致/);
    const approverView = await reportPage(s.approver);
    assert.match(approverView, /<label for="overrideReason">放行理由/);
    const short = await post(s.approver, `${page()}/submit`, { version: versionIn(approverView, `${page()}/submit`), overrideReason: '已核实' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /放行理由至少应有10个字/);
    assert.match(short.body, /<textarea id="overrideReason" name="overrideReason" rows="3">已核实<\/textarea>/);
    const overridden = await post(s.approver, `${page()}/submit`, { version: versionIn(approverView, `${page()}/submit`), overrideReason: '申请数为上级通报口径，已另行书面说明' });
    assert.equal(overridden.headers.location, `${page()}?done=submitted`);
    const after = await reportPage();
    assert.match(after, /审核人放行：<\/strong>测试用户\d+于2026-01-20 10:00填写理由“申请数为上级通报口径，已另行书面说明”/);
  });

  void it('accepts and publishes, after which the report is final; the steps are listed', async () => {
    const view = await reportPage(s.approver);
    const accepted = await post(s.approver, `${page()}/accept`, { version: versionIn(view, `${page()}/accept`), comment: '' });
    assert.equal(accepted.headers.location, `${page()}?done=accepted`);
    const acceptedView = await reportPage(s.approver);
    assert.match(acceptedView, /<input id="publicationDate" name="publicationDate" type="date" value="2026-01-20"/);
    const published = await post(s.approver, `${page()}/publish`, { version: versionIn(acceptedView, `${page()}/publish`), publicationDate: '2026-01-20' });
    assert.equal(published.headers.location, `${page()}?done=published`);
    const final = await reportPage();
    assert.match(final, /<dt>状态<\/dt><dd>已公开<\/dd>/);
    assert.match(final, /本报告已公开，不能再变更。/);
    const steps = /<caption>年度报告办理记录<\/caption>[\s\S]*?<\/table>/.exec(final)?.[0] ?? '';
    const names = [...steps.matchAll(/<td>\d{4}-\d\d-\d\d \d\d:\d\d<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(names, ['创建', '保存', '保存', '报送', '退回', '保存', '报送', '审核人放行', '审核通过', '公开']);
  });

  void it('shows next year\'s draft its similarity to the published report and the numbers typed instead of bound', async () => {
    const next = `/console/reports/${region.litongDepartment.id}/2026`;
    const entered = await post(s.editor, `${next}/entries`, { 'entry:t2-5/licensing/decisions': '77', 'was:t2-5/licensing/decisions': '' });
    assert.equal(entered.statusCode, 303);
    const last = await store.db.selectFrom('annual_report').select('sections').where('organization_id', '=', region.litongDepartment.id).where('year', '=', 2025).executeTakeFirstOrThrow();
    const sections = JSON.parse(last.sections) as Record<string, string>;
    const fields: Record<string, string> = { part: 'narrative', version: '0' };
    for (const [id, text] of Object.entries(sections)) fields[`section:${id}`] = id === 'other' ? `${text}<p>本年度办理行政许可77件。</p>` : text;
    const saved = await post(s.editor, `${next}/save`, fields);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    const view = (await get(s.editor, next)).body;
    const quality = /<section aria-labelledby="quality-h">[\s\S]*?<\/section>/.exec(view)?.[0] ?? '';
    assert.match(quality, /与2025年度报告（本系统报送）的文字相似度（去除数字后）：总体 (9\d|100)%，<strong>高度雷同<\/strong>/);
    assert.match(quality, /<li>六、其他需要报告的事项：77（\{\{fact:proactive\.licensing\}\}/);
  });

  void it('saves a government’s roll-up scope by members or presets', async () => {
    const url = `/console/reports/${region.litong.id}/2025`;
    const view = (await get(s.editor, url)).body;
    assert.match(view, /<input type="radio" id="scope-rollup" name="scope" value="rollup" checked>/);
    assert.match(view, new RegExp(`id="member-${region.litongDepartment.id}" name="members" value="${region.litongDepartment.id}" checked`));
    const own = await post(s.editor, `${url}/save`, { part: 'scope', version: versionIn(view, `${url}/save`), scope: 'rollup', members: [String(region.litong.id)] });
    assert.equal(own.headers.location, `${url}?done=scope`);
    const after = (await get(s.editor, url)).body;
    assert.match(after, /汇总（1 个机构）/);
    const presets = await post(s.editor, `${url}/save`, { part: 'scope', version: versionIn(after, `${url}/save`), scope: 'rollup', presets: ['self', 'departments'] });
    assert.equal(presets.statusCode, 303);
    assert.match((await get(s.editor, url)).body, /汇总（2 个机构）/);
    const outside = await post(s.editor, `${url}/save`, { part: 'scope', version: versionIn((await get(s.editor, url)).body, `${url}/save`), scope: 'rollup', members: [String(region.yanchi.id)] });
    assert.equal(outside.statusCode, 400);
    assert.match(outside.body, /不在利通区人民政府的下级范围内/);
  });
});
