import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import { createDraft } from '../catalog/catalog.service.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { TEST_2027_SOURCE, TEST_YEAR_2027 } from '../../test/helpers/calendar-fixtures.ts';
import { draftInput } from '../../test/helpers/catalog-fixtures.ts';
import { createTestUser, loginCookie, loginToken, seedRegion, testContext } from '../../test/helpers/factories.ts';
import type { SeededRegion } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { formatCalendarDaysText } from './calendar-year.ts';

type Timeliness = { status: string; deadline: string | null; workingDaysLate: number; note?: string };
type ErrorBody = { error: { code: string; issues?: { field: string; message: string }[] } };
type YearBody = { year: number; source: string; origin: string; updatedBy: string | null; holidayCount: number; workdayCount: number; holidays: Record<string, string>; workdays: Record<string, string> };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** The PUT body of the (invented) 2027 test year: the input without `year`, which the path gives. */
const BODY_2027 = { source: TEST_YEAR_2027.source, holidays: TEST_YEAR_2027.holidays, workdays: TEST_YEAR_2027.workdays };

describeEachDialect('calendar routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  let region: SeededRegion;
  let sysAuth: { authorization: string };
  let adminAuth: { authorization: string };
  let itemInto2027 = 0;
  const clock = new FixedClock('2026-12-28T02:00:00Z');

  before(async () => {
    store = await t.open();
    region = await seedRegion(store, clock);
    app = await buildApp(testContext(store, clock), { logger: false });
    const sys = await createTestUser(store, clock, { role: 'system_admin', username: 'calendar-sys' });
    const admin = await createTestUser(store, clock, { role: 'org_admin', organizationId: region.city.id });
    sysAuth = { authorization: `Bearer ${await loginToken(store, sys.user.username, sys.password, clock)}` };
    adminAuth = { authorization: `Bearer ${await loginToken(store, admin.user.username, admin.password, clock)}` };
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const years = async (): Promise<number[]> => (await app.inject({ url: '/api/calendar/years' })).json<{ years: { year: number }[] }>().years.map((y) => y.year);

  void it('GET /api/calendar/years and /:year are public; an uncovered year is 404 NOT_FOUND', async () => {
    const list = await years();
    assert.deepEqual([list[0], list.at(-1), list.length], [2004, 2026, 23]);
    const y2026 = await app.inject({ url: '/api/calendar/years/2026' });
    assert.equal(y2026.statusCode, 200);
    const body = y2026.json<YearBody>();
    assert.deepEqual([body.origin, body.holidayCount, body.workdayCount, body.holidays['2026-02-15'], body.workdays['2026-01-04']], ['built_in', 33, 6, '春节', '元旦']);
    const missing = await app.inject({ url: '/api/calendar/years/2027' });
    assert.deepEqual([missing.statusCode, missing.json<ErrorBody>().error.code], [404, 'NOT_FOUND']);
    // Catalog timeliness (2019 art. 26) of an item whose 20 working days run into 2027: unknown for now.
    itemInto2027 = (await createDraft(testContext(store, clock), systemActor('test'), draftInput(region.city.id, { creationDate: '2026-12-20' }))).id;
    const unknown = await app.inject({ url: `/api/items/${itemInto2027}/timeliness`, headers: sysAuth });
    assert.deepEqual(unknown.json<Timeliness>(), {
      status: 'unknown',
      deadline: null,
      workingDaysLate: 0,
      note: 'the working-day calendar lacks a year needed: The working-day calendar has no data for that year: 2027 (needed for 2027-01-01)',
    });
  });

  void it('PUT /api/calendar/years/:year: 401 anonymous, 403 org admin, 400 with issues, 200 for a system administrator', async () => {
    const put = (headers: Record<string, string>, payload: unknown, year = 2027) => app.inject({ method: 'PUT', url: `/api/calendar/years/${year}`, headers, payload: payload as Record<string, unknown> });
    const anon = await put({}, BODY_2027);
    assert.deepEqual([anon.statusCode, anon.json<ErrorBody>().error.code], [401, 'UNAUTHENTICATED']);
    const forbidden = await put(adminAuth, BODY_2027);
    assert.deepEqual([forbidden.statusCode, forbidden.json<ErrorBody>().error.code], [403, 'FORBIDDEN']);
    const invalid = await put(sysAuth, { ...BODY_2027, workdays: { '2027-02-19': '春节' } });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json<ErrorBody>().error.issues, [{ field: 'workdays.2027-02-19', message: '2027-02-19 is a Friday: a make-up working day must be a Saturday or Sunday' }]);
    const mismatch = await put(sysAuth, { ...BODY_2027, year: 2028 });
    assert.deepEqual([mismatch.statusCode, mismatch.json<ErrorBody>().error.issues?.[0]?.field], [400, 'year']);
    assert.deepEqual((await years()).includes(2027), false, 'nothing written');

    const ok = await put(sysAuth, { ...BODY_2027, year: 2027 });
    assert.equal(ok.statusCode, 200, ok.body);
    const stored = ok.json<YearBody>();
    assert.deepEqual([stored.origin, stored.source, stored.updatedBy, stored.holidayCount, stored.workdayCount], ['entered', TEST_2027_SOURCE, 'calendar-sys', 28, 5]);
    assert.equal((await years()).at(-1), 2027);
  });

  void it('catalog timeliness uses the calendar in force: a deadline once 2027 is entered', async () => {
    // From Sun 2026-12-20: Dec 21–25 (5), 28–31 (9), 2027-01-01..03 off, Jan 4–8 (14), 11–15 (19), Mon Jan 18 (20).
    const known = await app.inject({ url: `/api/items/${itemInto2027}/timeliness`, headers: sysAuth });
    assert.deepEqual(known.json<Timeliness>(), { status: 'pending', deadline: '2027-01-18', workingDaysLate: 0 });
  });

  void it('console: the list with its nav link, a year page with its days; a non-administrator sees no form', async () => {
    const auditor = await createTestUser(store, clock, { role: 'auditor', organizationId: region.city.id });
    const { cookie } = await loginCookie(app, auditor.user.username, auditor.password);
    const list = await app.inject({ url: '/console/calendar', headers: { cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<li><a href="\/console\/calendar">工作日历<\/a><\/li>/);
    const row = `<tr><th scope="row"><a href="/console/calendar/2027">2027 年</a></th><td>${TEST_2027_SOURCE}</td><td>管理员录入</td><td>28 天</td><td>5 天</td><td>2026-12-28 10:00（calendar-sys）</td></tr>`;
    assert.ok(list.body.includes(row), 'the 2027 row');
    assert.doesNotMatch(list.body, /录入或更正年度/);
    const page = await app.inject({ url: '/console/calendar/2027', headers: { cookie } });
    assert.match(page.body, /<tr><th scope="row">2027-02-20<\/th><td>星期六<\/td><td>春节<\/td><\/tr>/);
    assert.doesNotMatch(page.body, /<form method="post" action="\/console\/calendar\/2027"/);
    assert.equal((await app.inject({ url: '/console/calendar/2031', headers: { cookie } })).statusCode, 404);
    const refused = await app.inject({ method: 'POST', url: '/console/calendar/2027', headers: { ...FORM, cookie }, payload: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '', source: 'x', holidays: '2027-01-01 元旦' }).toString() });
    assert.equal(refused.statusCode, 403);
    assert.equal((await app.inject({ url: '/api/calendar/years/2027' })).json<YearBody>().holidayCount, 28, 'nothing changed');
    assert.equal((await app.inject({ url: '/console/calendar' })).statusCode, 303, 'anonymous: to the login page');
  });

  void it('console form: CSRF required; errors shown in Chinese next to the fields with nothing changed; a valid form saves', async () => {
    const sys = await createTestUser(store, clock, { role: 'system_admin' });
    const { cookie, csrfToken } = await loginCookie(app, sys.user.username, sys.password);
    const post = (fields: Record<string, string>, year = 2028) => app.inject({ method: 'POST', url: `/console/calendar/${year}`, headers: { ...FORM, cookie }, payload: new URLSearchParams(fields).toString() });

    assert.equal((await app.inject({ url: '/console/calendar?year=2028', headers: { cookie } })).headers.location, '/console/calendar/2028');
    const empty = await app.inject({ url: '/console/calendar/2028', headers: { cookie } });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /工作日历尚无 2028 年数据/);
    assert.match(empty.body, /<form method="post" action="\/console\/calendar\/2028" novalidate>/);
    assert.match(empty.body, /<label for="holidays">放假日期<\/label>/);

    const holidays = '2028-01-01 元旦\n2028-01-02 元旦\n2028-01-03 元旦\n';
    const noCsrf = await post({ source: '国办发明电〔2027〕1号（测试）', holidays });
    assert.equal(noCsrf.statusCode, 403);

    const invalid = await post({ _csrf: csrfToken, source: '', holidays: `${holidays}2028-02-30 春节\n元宵节\n`, workdays: '2028-01-07 元旦' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /<a href="#source">依据（国务院办公厅通知）<\/a>：请填写依据的国务院办公厅通知/);
    assert.match(invalid.body, /<div class="field-error" id="holidays-error"><ul><li>第 5 行“元宵节”没有以日期（YYYY-MM-DD）开头<\/li><li>放假日期“2028-02-30”不是有效日期（应为 YYYY-MM-DD）<\/li><\/ul><\/div><textarea id="holidays"/);
    assert.match(invalid.body, /<div class="field-error" id="workdays-error"><ul><li>2028-01-07 是星期五，调休上班日只能是星期六或星期日<\/li><\/ul><\/div>/);
    assert.match(invalid.body, /<textarea id="workdays" name="workdays" rows="12" aria-describedby="workdays-hint workdays-error" aria-invalid="true">2028-01-07 元旦<\/textarea>/);
    assert.equal((await app.inject({ url: '/api/calendar/years/2028' })).statusCode, 404, 'nothing written');

    const saved = await post({ _csrf: csrfToken, source: '国办发明电〔2027〕1号（测试数据）', holidays, workdays: '' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/console/calendar/2028?saved=1');
    const shown = await app.inject({ url: '/console/calendar/2028?saved=1', headers: { cookie } });
    assert.match(shown.body, /2028 年数据已保存。/);
    assert.match(shown.body, /<textarea id="holidays" name="holidays" rows="12" aria-describedby="holidays-hint">2028-01-01 元旦\n2028-01-02 元旦\n2028-01-03 元旦<\/textarea>/);
    assert.match(shown.body, /<input id="source" name="source" type="text" value="国办发明电〔2027〕1号（测试数据）"/);

    // Correcting a built-in year starts from its days, with the source left for the notice.
    const builtIn = await app.inject({ url: '/console/calendar/2026', headers: { cookie } });
    assert.match(builtIn.body, /<input id="source" name="source" type="text" value=""/);
    assert.ok(builtIn.body.includes(formatCalendarDaysText({ '2026-01-04': '元旦', '2026-02-14': '春节', '2026-02-28': '春节', '2026-05-09': '劳动节', '2026-09-20': '国庆节', '2026-10-10': '国庆节' })));
  });

  void it('public pages: the list of years and one year\'s days; a year without data is 404', async () => {
    const list = await app.inject({ url: '/calendar' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<li><a href="\/calendar\/2026">2026 年<\/a>/);
    const year = await app.inject({ url: '/calendar/2027' });
    assert.equal(year.statusCode, 200);
    assert.match(year.body, /<h1>2027 年工作日历<\/h1>/);
    assert.match(year.body, /<tr><th scope="row">2027-10-09<\/th><td>星期六<\/td><td>国庆节<\/td><\/tr>/);
    const missing = await app.inject({ url: '/calendar/2035' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /工作日历尚无 2035 年数据/);
  });
});
