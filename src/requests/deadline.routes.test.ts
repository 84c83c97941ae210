// The deadline calculator for anyone: GET /api/deadline and the page /deadline, on both databases.
// Every expected date was counted by hand on the State Council notices:
// - 2024 (国办发明电〔2023〕7号): 国庆节 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) worked;
// - 2025 (国办发明电〔2024〕12号): 春节 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) worked;
// - 2019 (国办发明电〔2018〕15号): 端午 06-07 (Fri) off.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { systemActor } from '../auth/actor.ts';
import { setCalendarYear } from '../calendar/calendar.service.ts';
import type { Store } from '../db/dialect.ts';
import { buildApp } from '../http/app.ts';
import type { GongkaiApp } from '../http/context.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { TEST_YEAR_2027 } from '../../test/helpers/calendar-fixtures.ts';
import { testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { parseCalculatorQuery } from './deadline-calculator.ts';

interface DeadlineBody {
  regulation: { id: string; replyWorkingDays: number };
  input: { excluded: { from: string; to: string; workingDays: number }[] };
  replyDue: string;
  finalDue: string;
  clockStartsAfter: string;
  receiptRule: { dateCounts: string; source: string; unverified: string | null } | null;
  notableDays: { date: string; kind: string; name: string | null; weekdayZh: string }[];
  calendar: { year: number; source: string }[];
  explanation: { zh: string; en: string; source?: string }[];
  convention: { zh: string; en: string; unverified: boolean };
}
type ErrorBody = { error: { code: string; issues?: { field: string }[] } };

void it('parseCalculatorQuery: blank fields are absent, intervals are FROM..TO, errors name the query fields', () => {
  assert.deepEqual(parseCalculatorQuery({ received: '2024-09-27', channel: '', clarified: ' ', extension: '', excluded: ['', '2024-10-08..2024-10-09', '2024-10-14 至 2024-10-15'] }), {
    receivedOn: '2024-09-27',
    excluded: [
      { from: '2024-10-08', to: '2024-10-09' },
      { from: '2024-10-14', to: '2024-10-15' },
    ],
  });
  const fields = (query: Parameters<typeof parseCalculatorQuery>[0]): string[] => {
    try {
      parseCalculatorQuery(query);
      return [];
    } catch (error) {
      return isGongkaiError(error, 'VALIDATION_FAILED') ? error.issues.map((i) => i.field) : ['?'];
    }
  };
  assert.deepEqual(fields({}), ['received']);
  assert.deepEqual(fields({ received: '2024-02-30', channel: 'pigeon', clarified: 'soon', extension: '-1', excluded: '2024-10-09..2024-10-08' }), ['received', 'channel', 'clarified', 'extension', 'excluded']);
});

describeEachDialect('deadline calculator routes', (t) => {
  let store: Store;
  let app: GongkaiApp;
  const clock = new FixedClock('2026-11-30T02:00:00Z');

  before(async () => {
    store = await t.open();
    app = await buildApp(testContext(store, clock), { logger: false });
  });
  after(async () => {
    await app.close();
    await t.close(store);
  });

  const api = async (query: string): Promise<{ status: number; body: DeadlineBody & ErrorBody }> => {
    const response = await app.inject({ url: `/api/deadline?${query}` });
    return { status: response.statusCode, body: response.json() };
  };

  void it('National Day 2024: 20 working days from 2024-09-27 end on 2024-10-30; an extension of 20 on 2024-11-27', async () => {
    // 09-29 (Sun, worked) 1, 09-30 2, 10-08 … 10-11 3–6, 10-12 (Sat, worked) 7, 10-14 … 10-18 8–12,
    // 10-21 … 10-25 13–17, 10-28 18, 10-29 19, 10-30 20. Extension: 10-31, 11-01, 11-04 … 11-27.
    const { status, body } = await api('received=2024-09-27&channel=online&extension=20');
    assert.equal(status, 200);
    assert.deepEqual([body.regulation.id, body.regulation.replyWorkingDays, body.clockStartsAfter, body.replyDue, body.finalDue], ['regulations2019', 20, '2024-09-27', '2024-10-30', '2024-11-27']);
    assert.deepEqual(
      body.notableDays.map((d) => `${d.date} ${d.kind} ${d.name ?? ''} ${d.weekdayZh}`),
      ['2024-09-29 workday 国庆节 星期日', '2024-10-01 holiday 国庆节 星期二', '2024-10-02 holiday 国庆节 星期三', '2024-10-03 holiday 国庆节 星期四', '2024-10-04 holiday 国庆节 星期五', '2024-10-07 holiday 国庆节 星期一', '2024-10-12 workday 国庆节 星期六'],
    );
    assert.deepEqual([body.receiptRule?.dateCounts, body.receiptRule?.source], ['confirmed', '2019 art. 31 (三)']);
    assert.deepEqual(body.calendar.map((c) => c.year), [2024]);
    assert.ok(body.explanation.some((l) => l.zh === '收到申请当日不计入，自次日（2024-09-28）起算。'));
    assert.ok(body.explanation.some((l) => l.zh === '2024-09-29（星期日）国庆节调休上班日，计入。' && l.en.includes('make-up working day')));
    assert.ok(body.explanation.some((l) => l.zh.includes('延长后的答复期限为 2024-11-27')));
    assert.equal(body.convention.unverified, true);
    assert.match(body.convention.zh, /当日不计入/);
  });

  void it('an excluded consultation interval and a clarification move the deadline', async () => {
    // 10-08 and 10-09 excluded: 09-29 1, 09-30 2, 10-10 3, 10-11 4, 10-12 5, 10-14 … 10-18 6–10,
    // 10-21 … 10-25 11–15, 10-28 … 10-31 16–19, 11-01 20.
    const excluded = await api('received=2024-09-27&excluded=2024-10-05..2024-10-09');
    assert.equal(excluded.status, 200);
    assert.equal(excluded.body.replyDue, '2024-11-01');
    assert.deepEqual(excluded.body.input.excluded, [{ from: '2024-10-05', to: '2024-10-09', workingDays: 2 }]);
    // Two intervals (repeated parameter): 10-08..10-09 and 10-14..10-15: 20th counted day is 11-05.
    // 09-29 1, 09-30 2, 10-10 3, 10-11 4, 10-12 5, 10-16 6, 10-17 7, 10-18 8, 10-21 … 10-25 9–13, 10-28 … 11-01 14–18, 11-04 19, 11-05 20.
    const two = await api('received=2024-09-27&excluded=2024-10-08..2024-10-09&excluded=2024-10-14..2024-10-15');
    assert.equal(two.body.replyDue, '2024-11-05');
    assert.deepEqual(two.body.input.excluded.map((i) => i.workingDays), [2, 2]);
    // Clarified request received 10-09: 10-10 1, 10-11 2, 10-12 (Sat, worked) 3, 10-14 … 10-18 4–8,
    // 10-21 … 10-25 9–13, 10-28 … 11-01 14–18, 11-04 19, 11-05 20.
    const clarified = await api('received=2024-09-27&clarified=2024-10-09');
    assert.deepEqual([clarified.body.clockStartsAfter, clarified.body.replyDue], ['2024-10-09', '2024-11-05']);
    assert.deepEqual(clarified.body.notableDays.map((d) => d.date), ['2024-10-12']);
  });

  void it('Spring Festival 2025 with its make-up Sunday and Saturday; the 2008 text before 2019-05-15', async () => {
    // 01-26 (Sun, worked) 1, 01-27 2, 01-28 … 02-04 off, 02-05 … 02-07 3–5, 02-08 (Sat, worked) 6,
    // 02-10 … 02-14 7–11, 02-17 … 02-21 12–16, 02-24 … 02-27 17–20.
    assert.equal((await api('received=2025-01-24')).body.replyDue, '2025-02-27');
    // 2008 text, 15 working days: 05-15 … 05-17, 05-20 … 05-24, 05-27 … 05-31, 06-03, 06-04.
    const old = await api('received=2019-05-14&channel=email');
    assert.deepEqual([old.body.regulation.id, old.body.replyDue, old.body.receiptRule?.dateCounts], ['regulations2008', '2019-06-04', 'arrived']);
    // 2019 text: 05-16, 05-17, 05-20 … 05-24, 05-27 … 05-31, 06-03 … 06-06, (06-07 端午), 06-10 … 06-13.
    const email = await api('received=2019-05-15&channel=email');
    assert.deepEqual([email.body.regulation.id, email.body.replyDue, email.body.receiptRule?.dateCounts], ['regulations2019', '2019-06-13', 'confirmed']);
    assert.ok(email.body.receiptRule?.unverified, 'email under art. 31 (三) is an inference');
  });

  void it('refuses bad input as VALIDATION_FAILED with the query fields, and a missing year as CALENDAR_YEAR_MISSING', async () => {
    const fields = async (query: string): Promise<[number, string, string[]]> => {
      const { status, body } = await api(query);
      return [status, body.error.code, (body.error.issues ?? []).map((i) => i.field)];
    };
    assert.deepEqual(await fields(''), [400, 'VALIDATION_FAILED', ['received']]);
    assert.deepEqual(await fields('received=2024-09-27&extension=21'), [400, 'VALIDATION_FAILED', ['extension']]);
    assert.deepEqual(await fields('received=2019-05-14&extension=16'), [400, 'VALIDATION_FAILED', ['extension']]);
    assert.deepEqual(await fields('received=2024-09-27&clarified=2024-09-26'), [400, 'VALIDATION_FAILED', ['clarified']]);
    assert.deepEqual(await fields('received=2008-04-30'), [400, 'VALIDATION_FAILED', ['received']]);
    assert.deepEqual(await fields('received=2024-09-27&excluded=2024-10-09..2024-10-08'), [400, 'VALIDATION_FAILED', ['excluded']]);
    assert.deepEqual(await fields('received=2026-12-20'), [422, 'CALENDAR_YEAR_MISSING', []]);
  });

  void it('counts with the calendar in force: a year entered by an administrator is used', async () => {
    const ctx = testContext(store, clock);
    await setCalendarYear(ctx, systemActor('test'), TEST_YEAR_2027);
    // 2027 is invented TEST data (元旦 01-01..01-03): 12-21 … 12-25 1–5, 12-28 … 12-31 6–9, 01-04 … 01-08 10–14,
    // 01-11 … 01-15 15–19, 01-18 20.
    const { status, body } = await api('received=2026-12-20');
    assert.equal(status, 200);
    assert.equal(body.replyDue, '2027-01-18');
    assert.deepEqual(body.calendar.map((c) => c.year), [2026, 2027]);
    assert.equal(body.calendar[1]?.source, TEST_YEAR_2027.source);
    assert.deepEqual(body.notableDays.map((d) => `${d.date} ${d.name ?? ''}`), ['2027-01-01 元旦']);
  });

  void it('the page: a GET form that shows the result, its explanation, the days that mattered and the calendar links', async () => {
    const empty = await app.inject({ url: '/deadline' });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<form method="get" action="\/deadline"/);
    assert.match(empty.body, /<label for="received">收到申请日期/);
    assert.match(empty.body, /<option value="registered-post">挂号信函（需签收）<\/option>/);
    assert.match(empty.body, /以邮寄方式提交的，以行政机关签收之日为收到申请之日/);
    assert.doesNotMatch(empty.body, /result-heading/);
    assert.match(empty.body, /当日不计入/);

    const page = await app.inject({ url: '/deadline?received=2024-09-27&channel=registered-post&clarified=&extension=20&excluded=&excluded=' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong id="reply-due">2024-10-30<\/strong>/);
    assert.match(page.body, /<strong id="final-due">2024-11-27<\/strong>/);
    assert.match(page.body, /<option value="registered-post" selected>/);
    assert.match(page.body, /<td>2024-10-12<\/td><td>星期六<\/td><td>调休上班日（计入）<\/td><td>国庆节<\/td>/);
    assert.match(page.body, /<a href="\/calendar\/2024">/);
    assert.match(page.body, /收到申请之日<\/dt><dd>以邮寄方式提交的，以行政机关签收之日为收到申请之日/);
    assert.match(page.body, /待核实/);
    assert.match(page.body, /lang="en"/);
  });

  void it('the page shows errors next to the fields (400) and a missing calendar year in Chinese (422), keeping the values', async () => {
    const bad = await app.inject({ url: '/deadline?received=2024-09-27&extension=25&excluded=soon' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="extension-error">延长期限应为 0–20 个工作日/);
    assert.match(bad.body, /id="excluded-error">不计入期限的区间“soon”无效/);
    assert.match(bad.body, /value="25"/);
    assert.match(bad.body, /role="alert"/);
    const blank = await app.inject({ url: '/deadline?received=' });
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /id="received-error">请填写收到申请日期/);
    const missing = await app.inject({ url: '/deadline?received=2027-12-20' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /工作日历缺少 2028 年度数据/);
    assert.match(missing.body, /value="2027-12-20"/);
  });
});
