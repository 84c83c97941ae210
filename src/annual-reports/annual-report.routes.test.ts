import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestUser, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import type { Role } from '../auth/actor.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';

type ErrorBody = { error: { code: string; message: string; issues?: { field: string; message: string }[] } };
type Stored = { id: number; status: string; version: number; sections: Record<string, string>; override: { reason: string } | null; reviewComment: string | null; publicationDate: string | null; findings: { rule: string; severity: string }[] | null };
type Computed = {
  organization: { id: number; name: string };
  status: string | null;
  version: number;
  frozen: boolean;
  scope: string;
  deadline: { date: string } | null;
  overdue: boolean;
  cells: { id: string; value: number | null; source: string; currentValue?: number; entries?: { value: number; enteredBy: number | null }[] }[];
  narrative: { sections: Record<string, string>; bound: Record<string, string>; unfilled: string[]; unbound: string[] };
  findings: { rule: string; severity: string }[];
};

const FILL = '本机关依照条例规定认真做好政府信息公开工作，及时准确发布信息，持续改进工作方法，回应社会关切。';
const filled = (sections: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(sections).map(([id, html]) => [id, html.replace(/【请填写[^】]*】/g, FILL)]));

/** Today is 2026-01-20 (China time). */
const clock = new FixedClock('2026-01-20T02:00:00Z');

describeEachDialect('annual report API', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  const auth = {} as Record<'editor' | 'approver' | 'auditor' | 'yanchiEditor', { authorization: string }>;
  let editorId = 0;

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const login = async (key: keyof typeof auth, role: Role, organizationId: number): Promise<number> => {
      const { user, password } = await createTestUser(store, clock, { role, organizationId });
      auth[key] = { authorization: `Bearer ${await loginToken(store, user.username, password, clock)}` };
      return user.id;
    };
    editorId = await login('editor', 'editor', region.litong.id);
    await login('approver', 'approver', region.litong.id);
    await login('auditor', 'auditor', region.litong.id);
    await login('yanchiEditor', 'editor', region.yanchi.id);
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const dept = (): number => region.litongDepartment.id;
  const base = (): string => `/api/reports/${dept()}/2025`;
  const call = (who: keyof typeof auth | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: who ? auth[who] : {}, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const read = async (who: keyof typeof auth = 'auditor'): Promise<Computed> => {
    const response = await call(who, 'GET', `/api/reports?organizationId=${dept()}&year=2025`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Computed>();
  };
  const errorOf = (body: string): ErrorBody['error'] => (JSON.parse(body) as ErrorBody).error;

  void it('GET computes a report not yet started: template narrative, every cell with its source, deadline', async () => {
    const report = await read();
    assert.equal(report.organization.name, '利通区教育局');
    assert.equal(report.status, null);
    assert.equal(report.version, 0);
    assert.equal(report.frozen, false);
    assert.equal(report.scope, 'own');
    assert.deepEqual(report.deadline, { date: '2026-01-31', article: '2019年《条例》第四十九条第一款', assumed: false });
    assert.equal(report.overdue, false);
    assert.equal(report.cells.find((c) => c.id === 't3/new/total')?.source, 'requests');
    assert.equal(report.cells.find((c) => c.id === 't2-1/regulations/issued')?.source, 'catalog');
    assert.equal(report.cells.find((c) => c.id === 't4/cases/reconsideration-total')?.source, 'reviews');
    assert.deepEqual(report.cells.find((c) => c.id === 't2-5/licensing/decisions'), { id: 't2-5/licensing/decisions', value: 0, source: 'not-entered' });
    assert.ok(report.narrative.unfilled.length > 0);
    assert.match(report.narrative.bound['preamble'] ?? '', /自2025年1月1日起至2025年12月31日止/);
  });

  void it('GET needs a session and reports.read on the organization; bad queries are 400', async () => {
    assert.equal((await call(null, 'GET', `/api/reports?organizationId=${dept()}&year=2025`)).statusCode, 401);
    const other = await call('yanchiEditor', 'GET', `/api/reports?organizationId=${dept()}&year=2025`);
    assert.equal(other.statusCode, 403);
    assert.equal(errorOf(other.body).code, 'FORBIDDEN');
    const bad = await call('auditor', 'GET', `/api/reports?organizationId=${dept()}&year=1999`);
    assert.equal(bad.statusCode, 400);
    assert.equal(errorOf(bad.body).code, 'VALIDATION_FAILED');
  });

  void it('PUT entries stores figures shown as entered by hand; bad ones are 400 with the entry named', async () => {
    const ok = await call('editor', 'PUT', `${base()}/entries`, { entries: [{ cell: 't2-5/licensing/decisions', value: 31, note: '审批系统' }] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json<{ entries: { cell: string; value: number; enteredBy: number }[] }>().entries.map((e) => [e.cell, e.value, e.enteredBy]), [['t2-5/licensing/decisions', 31, editorId]]);
    const cell = (await read()).cells.find((c) => c.id === 't2-5/licensing/decisions');
    assert.equal(cell?.value, 31);
    assert.equal(cell?.source, 'entry');
    assert.equal(cell?.entries?.[0]?.enteredBy, editorId);
    const bad = await call('editor', 'PUT', `${base()}/entries`, { entries: [{ cell: 't3/new/total', value: 2 }] });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorOf(bad.body).issues?.map((i) => i.field), ['entries.0']);
    const shape = await call('editor', 'PUT', `${base()}/entries`, { entries: [{ cell: 't2-5/licensing/decisions', value: '3' }] });
    assert.equal(shape.statusCode, 400);
    assert.equal((await call('auditor', 'PUT', `${base()}/entries`, { entries: [{ cell: 't2-5/licensing/decisions', value: 3 }] })).statusCode, 403);
  });

  void it('PUT starts the report with version 0, then needs the version read (409 CONFLICT when stale)', async () => {
    const template = (await read()).narrative.sections;
    const first = await call('editor', 'PUT', base(), { version: 0, sections: filled(template) });
    assert.equal(first.statusCode, 200, first.body);
    const saved = first.json<Stored>();
    assert.equal(saved.status, 'draft');
    assert.equal(saved.version, 2);
    const stale = await call('editor', 'PUT', base(), { version: 0, sections: { other: '<p>无</p>' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(errorOf(stale.body).code, 'CONFLICT');
    const unknown = await call('editor', 'PUT', base(), { version: saved.version, sections: { appendix: '<p>附录</p>' } });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(errorOf(unknown.body).issues?.map((i) => i.field), ['sections.appendix']);
    const extra = await call('editor', 'PUT', base(), { version: saved.version, status: 'published' });
    assert.equal(extra.statusCode, 400, 'unknown fields are refused');
    assert.equal((await call('approver', 'PUT', base(), { version: saved.version, sections: {} })).statusCode, 403);
    const view = await read();
    assert.equal(view.status, 'draft');
    assert.equal(view.version, 2);
    assert.deepEqual(view.narrative.unfilled, []);
  });

  void it('POST check keeps the findings; POST submit refuses checker errors with 422 REPORT_CHECK_FAILED', async () => {
    const { version } = await read();
    const contradiction = await call('editor', 'PUT', base(), { version, sections: { overview: '<p>本年度共收到政府信息公开申请5件。</p>' } });
    assert.equal(contradiction.statusCode, 200);
    const checked = await call('editor', 'POST', `${base()}/check`);
    assert.equal(checked.statusCode, 200, checked.body);
    const body = checked.json<{ report: Stored; findings: { rule: string; severity: string }[] }>();
    assert.ok(body.findings.some((f) => f.rule === 'V07' && f.severity === 'error'));
    assert.deepEqual(body.report.findings, body.findings);
    const refused = await call('editor', 'POST', `${base()}/submit`, { version: body.report.version });
    assert.equal(refused.statusCode, 422);
    const error = errorOf(refused.body);
    assert.equal(error.code, 'REPORT_CHECK_FAILED');
    assert.equal(error.issues?.[0]?.field, 't3/new/total');
    assert.match(error.issues?.[0]?.message ?? '', /^V07: /);
    const short = await call('approver', 'POST', `${base()}/submit`, { version: body.report.version, overrideReason: '已核实' });
    assert.equal(short.statusCode, 400);
    assert.deepEqual(errorOf(short.body).issues?.map((i) => i.field), ['overrideReason']);
    assert.equal((await read()).status, 'draft');
  });

  void it('POST submit with an approver’s override freezes the report; it is then locked (409 REPORT_LOCKED)', async () => {
    const { version } = await read();
    const submitted = await call('approver', 'POST', `${base()}/submit`, { version, overrideReason: '正文数字为上级通报口径，已书面说明' });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json<Stored>().status, 'submitted');
    assert.equal(submitted.json<Stored>().override?.reason, '正文数字为上级通报口径，已书面说明');
    const view = await read();
    assert.equal(view.frozen, true);
    assert.ok(view.findings.some((f) => f.rule === 'V07'));
    const locked = await call('editor', 'PUT', base(), { version: view.version, sections: { other: '<p>无</p>' } });
    assert.equal(locked.statusCode, 409);
    assert.equal(errorOf(locked.body).code, 'REPORT_LOCKED');
    const entries = await call('editor', 'PUT', `${base()}/entries`, { entries: [{ cell: 't2-5/licensing/decisions', value: 1 }] });
    assert.equal(errorOf(entries.body).code, 'REPORT_LOCKED');
    const accepted = await call('editor', 'POST', `${base()}/accept`, { version: view.version });
    assert.equal(accepted.statusCode, 403);
  });

  void it('POST return needs a comment; the office then fixes and resubmits; accept and publish', async () => {
    let { version } = await read();
    const blank = await call('approver', 'POST', `${base()}/return`, { version, comment: ' ' });
    assert.equal(blank.statusCode, 400);
    const returned = await call('approver', 'POST', `${base()}/return`, { version, comment: '请删除与表三不一致的数字' });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json<Stored>().reviewComment, '请删除与表三不一致的数字');
    const afterReturn = await read();
    assert.equal(afterReturn.status, 'returned');
    assert.equal(afterReturn.frozen, false);
    version = afterReturn.version;
    const template = filled(afterReturn.narrative.sections);
    template['overview'] = `<p>{{fact:year}}年，${FILL}</p>`;
    const fixed = await call('editor', 'PUT', base(), { version, sections: template });
    assert.equal(fixed.statusCode, 200, fixed.body);
    const resubmitted = await call('editor', 'POST', `${base()}/submit`, { version: fixed.json<Stored>().version });
    assert.equal(resubmitted.statusCode, 200, resubmitted.body);
    assert.equal(resubmitted.json<Stored>().override, null);
    const early = await call('approver', 'POST', `${base()}/publish`, { version: resubmitted.json<Stored>().version });
    assert.equal(early.statusCode, 409);
    assert.equal(errorOf(early.body).code, 'ILLEGAL_TRANSITION');
    const accepted = await call('approver', 'POST', `${base()}/accept`, { version: resubmitted.json<Stored>().version });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const badDate = await call('approver', 'POST', `${base()}/publish`, { version: accepted.json<Stored>().version, publicationDate: '2027-01-01' });
    assert.equal(badDate.statusCode, 400);
    const published = await call('approver', 'POST', `${base()}/publish`, { version: accepted.json<Stored>().version, publicationDate: '2026-01-19' });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json<Stored>().status, 'published');
    assert.equal(published.json<Stored>().publicationDate, '2026-01-19');
  });

  void it('GET steps lists the history with names; actions on a report never started are 404', async () => {
    const steps = await call('auditor', 'GET', `${base()}/steps`);
    assert.equal(steps.statusCode, 200);
    const list = steps.json<{ steps: { step: string; actorName: string | null; comment: string | null }[] }>().steps;
    assert.deepEqual(list.map((s) => s.step), ['created', 'saved', 'saved', 'checked', 'submitted', 'override', 'returned', 'saved', 'submitted', 'accepted', 'published']);
    assert.ok(list.every((s) => s.actorName !== null && /^测试用户\d+$/.test(s.actorName)));
    assert.equal(list.find((s) => s.step === 'returned')?.comment, '请删除与表三不一致的数字');
    const none = await call('auditor', 'GET', `/api/reports/${region.litong.id}/2025/steps`);
    assert.deepEqual(none.json(), { steps: [] });
    const missing = await call('editor', 'POST', `/api/reports/${region.litong.id}/2025/submit`, { version: 1 });
    assert.equal(missing.statusCode, 404);
    assert.equal(errorOf(missing.body).code, 'NOT_FOUND');
    assert.equal((await call('editor', 'POST', `/api/reports/${region.litong.id}/1999/submit`, { version: 1 })).statusCode, 400);
  });
});
