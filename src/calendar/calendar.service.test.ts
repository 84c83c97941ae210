import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { countAuditEvents, selectAuditEvents } from '../audit/audit.repository.ts';
import { PUBLIC_ACTOR, systemActor } from '../auth/actor.ts';
import { actorForUser } from '../auth/session.service.ts';
import type { Store } from '../db/dialect.ts';
import { FixedClock } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { TEST_2027_SOURCE, TEST_YEAR_2027, TEST_YEAR_2027_CORRECTED } from '../../test/helpers/calendar-fixtures.ts';
import { createTestUser, seedRegion, testContext } from '../../test/helpers/factories.ts';
import { describeEachDialect } from '../../test/helpers/stores.ts';
import { CALENDAR_YEAR_SET_ACTION, getCalendarYear, invalidateCalendar, listCalendarYears, loadCalendar, setCalendarYear } from './calendar.service.ts';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

const SYSTEM = systemActor('test');

describeEachDialect('calendar service', (t) => {
  let store: Store;
  let ctx: ServiceContext;
  const clock = new FixedClock('2026-12-01T02:00:00Z');

  before(async () => {
    store = await t.open();
    ctx = testContext(store, clock);
  });
  after(() => t.close(store));

  async function dayRows(year: number): Promise<number> {
    const row = await store.db
      .selectFrom('calendar_day')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  void it('without 2027 the calendar refuses a count into it (CALENDAR_YEAR_MISSING); the built-in years are listed', async () => {
    const calendar = await loadCalendar(ctx);
    assert.equal(calendar.years.has(2027), false);
    assert.throws(() => addWorkingDays(calendar, '2026-12-25', 20), (e) => isGongkaiError(e, 'CALENDAR_YEAR_MISSING'));
    const years = await listCalendarYears(ctx, PUBLIC_ACTOR);
    assert.deepEqual([years[0]?.year, years.at(-1)?.year, years.length], [2004, 2026, 23]);
    assert.deepEqual(
      years.find((y) => y.year === 2026),
      { year: 2026, source: '国办发明电〔2025〕7号（数据据 chinese-days 1.5.7 整理）', origin: 'built_in', replacesBuiltIn: false, updatedAt: null, updatedBy: null, holidayCount: 33, workdayCount: 6 },
    );
    await assert.rejects(getCalendarYear(ctx, PUBLIC_ACTOR, 2027), (e) => isGongkaiError(e, 'NOT_FOUND'));
  });

  void it('a non-administrator is refused and nothing changes', async () => {
    const region = await seedRegion(store, clock);
    const orgAdmin = actorForUser((await createTestUser(store, clock, { role: 'org_admin', organizationId: region.city.id })).user);
    const events = await countAuditEvents(store.db);
    await assert.rejects(setCalendarYear(ctx, orgAdmin, TEST_YEAR_2027), (e) => isGongkaiError(e, 'FORBIDDEN'));
    await assert.rejects(setCalendarYear(ctx, PUBLIC_ACTOR, TEST_YEAR_2027), (e) => isGongkaiError(e, 'UNAUTHENTICATED'));
    assert.equal(await countAuditEvents(store.db), events);
    assert.equal(await dayRows(2027), 0);
    assert.equal((await loadCalendar(ctx)).years.has(2027), false);
  });

  void it('invalid input is refused with its issues and nothing changes', async () => {
    const events = await countAuditEvents(store.db);
    await assert.rejects(
      setCalendarYear(ctx, SYSTEM, { ...TEST_YEAR_2027, workdays: { ...TEST_YEAR_2027.workdays, '2027-02-19': '春节' } }),
      (e) => isGongkaiError(e, 'VALIDATION_FAILED') && e.issues.map((i) => i.field).join() === 'workdays.2027-02-19',
    );
    assert.equal(await countAuditEvents(store.db), events);
    assert.equal(await dayRows(2027), 0);
  });

  void it('setting 2027 makes the calendar cover it: counts into 2027 work, with its holidays and make-up days', async () => {
    const admin = actorForUser((await createTestUser(store, clock, { role: 'system_admin', username: 'calendar-admin' })).user);
    const before = await loadCalendar(ctx);
    const stored = await setCalendarYear(ctx, admin, TEST_YEAR_2027);
    assert.deepEqual(
      { ...stored, holidays: undefined, workdays: undefined },
      { year: 2027, source: TEST_2027_SOURCE, origin: 'entered', replacesBuiltIn: false, updatedAt: '2026-12-01T02:00:00.000Z', updatedBy: 'calendar-admin', holidayCount: 28, workdayCount: 5, holidays: undefined, workdays: undefined },
    );
    assert.equal(await dayRows(2027), 33);

    const calendar = await loadCalendar(ctx);
    assert.notEqual(calendar, before, 'the cached calendar was dropped');
    assert.equal(await loadCalendar(ctx), calendar, 'and the new one is cached');
    assert.equal(calendar.years.get(2027)?.source, TEST_2027_SOURCE);
    // From Fri 2026-12-25: Dec 28–31 (4), 2027-01-01..03 off, Jan 4–8 (9), 11–15 (14), 18–22 (19), Mon Jan 25 (20).
    assert.equal(addWorkingDays(calendar, '2026-12-25', 20), '2027-01-25');
    // From Mon 2027-02-01: Feb 2–4 (3), Feb 5–12 春节 off, 13–14 weekend, Feb 15–19 (8), Sat Feb 20 worked (9), Mon Feb 22 (10).
    assert.equal(addWorkingDays(calendar, '2027-02-01', 10), '2027-02-22');
    assert.equal(isWorkingDay(calendar, '2027-10-09'), true);
    // Built-in years are untouched.
    assert.equal(addWorkingDays(calendar, '2026-09-30', 1), '2026-10-08');

    const [event] = await selectAuditEvents(store.db, { rootPaths: null, action: CALENDAR_YEAR_SET_ACTION, limit: 5 });
    assert.deepEqual(
      [event?.actorLabel, event?.entityType, event?.entityId, event?.organizationId, event?.before],
      ['calendar-admin', 'calendar', '2027', null, null],
    );
    assert.deepEqual(event?.after, { year: 2027, source: TEST_2027_SOURCE, origin: 'entered', holidays: TEST_YEAR_2027.holidays, workdays: TEST_YEAR_2027.workdays });
  });

  void it('correcting a year replaces all of its days and audits before and after', async () => {
    const events = await countAuditEvents(store.db);
    const stored = await setCalendarYear(ctx, SYSTEM, TEST_YEAR_2027_CORRECTED);
    assert.deepEqual([stored.holidayCount, stored.workdayCount, stored.updatedBy], [28, 4, 'system:test']);
    assert.equal(await dayRows(2027), 32);
    assert.equal(await countAuditEvents(store.db), events + 1);
    const calendar = await loadCalendar(ctx);
    assert.equal(isWorkingDay(calendar, '2027-06-09'), true);
    assert.equal(isWorkingDay(calendar, '2027-06-10'), false);
    assert.equal(isWorkingDay(calendar, '2027-10-09'), false);
    const detail = await getCalendarYear(ctx, PUBLIC_ACTOR, 2027);
    assert.equal(detail.holidays['2027-06-10'], '端午');
    assert.equal('2027-06-09' in detail.holidays, false);
    const [event] = await selectAuditEvents(store.db, { rootPaths: null, action: CALENDAR_YEAR_SET_ACTION, limit: 1 });
    assert.deepEqual((event?.before as { workdays: Record<string, string> }).workdays, TEST_YEAR_2027.workdays);
    assert.deepEqual((event?.after as { workdays: Record<string, string> }).workdays, TEST_YEAR_2027_CORRECTED.workdays);
  });

  void it('an entered year replaces a built-in one entirely', async () => {
    const builtIn = await getCalendarYear(ctx, PUBLIC_ACTOR, 2026);
    assert.equal(isWorkingDay(await loadCalendar(ctx), '2026-01-04'), true, 'built-in: Sunday 2026-01-04 is a make-up working day');
    // A test-only "correction" of 2026 without that make-up day.
    const workdays = Object.fromEntries(Object.entries(builtIn.workdays).filter(([date]) => date !== '2026-01-04'));
    await setCalendarYear(ctx, SYSTEM, { year: 2026, source: '国办发明电〔2025〕7号（测试更正）', holidays: builtIn.holidays, workdays });
    assert.equal(isWorkingDay(await loadCalendar(ctx), '2026-01-04'), false);
    const listed = (await listCalendarYears(ctx, PUBLIC_ACTOR)).find((y) => y.year === 2026);
    assert.deepEqual([listed?.origin, listed?.replacesBuiltIn, listed?.workdayCount, listed?.source], ['entered', true, 5, '国办发明电〔2025〕7号（测试更正）']);
    const [event] = await selectAuditEvents(store.db, { rootPaths: null, action: CALENDAR_YEAR_SET_ACTION, limit: 1 });
    assert.equal((event?.before as { origin: string }).origin, 'built_in');
  });

  void it('afterChange runs inside the transaction with the new calendar; when it throws nothing is kept', async () => {
    const seen: string[] = [];
    await setCalendarYear(ctx, SYSTEM, TEST_YEAR_2027, {
      afterChange: async (trx, calendar) => {
        const row = await trx.selectFrom('calendar_year').select('source').where('year', '=', 2027).executeTakeFirstOrThrow();
        seen.push(row.source, addWorkingDays(calendar, '2027-10-08', 1));
      },
    });
    // The restored 2027 has Saturday 2027-10-09 as a make-up working day again.
    assert.deepEqual(seen, [TEST_2027_SOURCE, '2027-10-09']);

    const events = await countAuditEvents(store.db);
    await assert.rejects(
      setCalendarYear(ctx, SYSTEM, TEST_YEAR_2027_CORRECTED, { afterChange: () => Promise.reject(new Error('projection rebuild failed')) }),
      /projection rebuild failed/,
    );
    assert.equal(await countAuditEvents(store.db), events);
    assert.equal(isWorkingDay(await loadCalendar(ctx), '2027-10-09'), true);
    assert.equal(await dayRows(2027), 33);
  });

  void it('the cache is per store and invalidateCalendar drops it', async () => {
    const calendar = await loadCalendar(ctx);
    await sql`delete from calendar_day where date = '2027-10-09'`.execute(store.db);
    assert.equal(await loadCalendar(ctx), calendar, 'a direct write is not seen until invalidated');
    invalidateCalendar(store);
    const fresh = await loadCalendar(ctx);
    assert.equal(isWorkingDay(fresh, '2027-10-09'), false);
    const other = await t.open();
    try {
      assert.equal((await loadCalendar(testContext(other, clock))).years.has(2027), false);
    } finally {
      await t.close(other);
    }
  });
});
