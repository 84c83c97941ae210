/**
 * Synthetic request cases for the benchmarks (requests.bench.ts, reports.bench.ts): a seeded
 * generator of request logs (answered on time, extended, lapsed 补正, withdrawn, or still open) and
 * a loader that folds each log once with the real clock (`foldCase`) and inserts the resulting
 * `request_case` rows straight into the store, in batches in one transaction. The logs themselves are
 * not stored (nothing the benchmarks measure reads them). Deterministic: the same seed and calls give
 * the same rows.
 */
import { sql } from 'kysely';
import { fromEpochDay, toEpochDay } from '../src/calendar/working-days.ts';
import type { WorkingDayCalendar } from '../src/calendar/working-days.ts';
import type { Store } from '../src/db/dialect.ts';
import { foldCase } from '../src/requests/case-clock.ts';
import type { CaseClock } from '../src/requests/case-clock.ts';
import type { Channel, RequesterType } from '../src/requests/request-case.ts';
import { CHANNELS, REQUESTER_TYPES } from '../src/requests/request-case.ts';
import type { LoggedEvent, RequestEvent } from '../src/requests/request-event.ts';
import { REPLY_OUTCOMES } from '../src/requests/request-outcome.ts';
import { prng } from '../test/helpers/prng.ts';
import { projectionColumns } from '../src/requests/request.repository.ts';

/** An organization cases are spread over. */
export interface BenchOrg {
  id: number;
  path: string;
}

/** `YYYY-MM-DD` `days` calendar days after `date`. */
export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Events numbered 1, 2, … as the event log stores them. */
export function logged(events: readonly RequestEvent[]): LoggedEvent[] {
  return events.map((e, i) => ({ ...e, seq: i + 1 }));
}

/** Outcomes a plain answer may state (“still unclear after 补正” needs a 补正 first). */
const ANSWERABLE = REPLY_OUTCOMES.filter((o) => o.id !== 'unable-unclear');

/** What {@link SyntheticCases.load} inserts. */
export interface CaseLoad {
  /** Cases to insert. */
  count: number;
  /** The organizations the cases are spread over (uniformly). */
  orgs: readonly BenchOrg[];
  /** The first `heavyCount` cases all go to this organization, received 2025-10-13 … 2026-01-14 and open. */
  heavy?: BenchOrg;
  heavyCount?: number;
  /** Called with a progress line every 20,000 cases. */
  onProgress?: (line: string) => void;
}

/** A seeded generator and loader of synthetic request cases. */
export class SyntheticCases {
  /** The PRNG every draw of this generator comes from (in call order). */
  readonly random: () => number;
  private serial = 0;

  /** @param seed the PRNG seed (requests.bench.ts uses the default) */
  constructor(seed = 4_2025) {
    this.random = prng(seed);
  }

  /** A uniformly drawn element. @throws Error for an empty list */
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.random() * list.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  }

  /** A synthetic log received on `on`: open, answered on time, extended, lapsed 补正, withdrawn or in consultation. */
  log(on: string, channel: Channel, open: boolean): LoggedEvent[] {
    const received: RequestEvent = { kind: 'received', on, channel };
    const r = this.random();
    if (open) {
      if (r < 0.7) return logged([received]);
      if (r < 0.85) return logged([received, { kind: 'clarification-requested', on: addDays(on, 1), items: '补正事项', dueOn: addDays(on, 15) }]);
      return logged([received, { kind: 'consultation-sent', on: addDays(on, 2), party: 'agency', partyName: '某局' }]);
    }
    const outcome = this.pick(ANSWERABLE);
    const answer = (days: number): RequestEvent => ({ kind: 'answered', on: addDays(on, days), outcome: outcome.id, legalBasis: outcome.legalBasis2019 || '第三十六条', reasons: '理由' });
    if (r < 0.7) return logged([received, answer(10)]);
    if (r < 0.8) return logged([received, { kind: 'extension-approved', on: addDays(on, 14), workingDays: 20, reason: '工作量大', approvedBy: '负责人', noticeOn: addDays(on, 14) }, answer(35)]);
    if (r < 0.9) return logged([received, { kind: 'clarification-requested', on: addDays(on, 2), items: '补正事项', dueOn: addDays(on, 16) }, { kind: 'clarification-lapsed', on: addDays(on, 20) }]);
    return logged([received, { kind: 'withdrawn', on: addDays(on, 3) }]);
  }

  /** The `request_case` row of a case whose log folded to `c` (projection columns from the clock). */
  row(organizationId: number, receivedOn: string, channel: Channel, type: RequesterType, c: CaseClock) {
    this.serial += 1;
    const serial = this.serial;
    return {
      organization_id: organizationId,
      tracking_code: `BNCH-${String(serial).padStart(8, '0')}`,
      requester_type: type,
      requester_name: type === 'natural' ? '王某某' : '某某有限公司',
      requester_id_kind: null,
      requester_id_number: null,
      requester_key: `bench-${serial % 5000}`,
      contact_name: null,
      phone: '13900000000',
      email: null,
      address: null,
      postcode: null,
      channel,
      submitted_on: receivedOn,
      received_on: receivedOn,
      information_requested: '申请公开某项目的批复文件（基准测试数据）',
      purpose: null,
      delivery_form: 'electronic',
      delivery_method: 'email',
      ...projectionColumns(c),
      synthetic: 1,
      created_by: null,
      created_at: '2026-01-15T02:00:00.000Z',
      updated_at: '2026-01-15T02:00:00.000Z',
    };
  }

  /**
   * Inserts `count` cases in one transaction (batches of 400), then runs `analyze`: the heavy
   * organization's open cases first, the rest received 2024-07-01 … 2025-12-10 (so every event is
   * before mid-January 2026), 12% of them still open, requester 70% natural persons.
   * @returns the whole time in ms, and the part of it spent folding logs
   */
  async load(store: Store, calendar: WorkingDayCalendar, options: CaseLoad): Promise<{ ms: number; foldMs: number }> {
    const { count, orgs, heavy } = options;
    const heavyCount = heavy ? (options.heavyCount ?? 0) : 0;
    const start = performance.now();
    let foldMs = 0;
    const batchSize = 400;
    type Row = ReturnType<SyntheticCases['row']>;
    await store.db.transaction().execute(async (trx) => {
      let batch: Row[] = [];
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        await trx.insertInto('request_case').values(batch).execute();
        batch = [];
      };
      for (let i = 0; i < count; i += 1) {
        const isHeavy = i < heavyCount;
        const receivedOn = isHeavy ? addDays('2025-10-13', Math.floor(this.random() * 94)) : addDays('2024-07-01', Math.floor(this.random() * 528));
        const channel = this.pick(CHANNELS);
        const type = this.random() < 0.7 ? 'natural' : this.pick(REQUESTER_TYPES);
        const org = isHeavy && heavy ? heavy : this.pick(orgs);
        const t0 = performance.now();
        const folded = foldCase(calendar, this.log(receivedOn, channel, isHeavy || this.random() < 0.12));
        foldMs += performance.now() - t0;
        batch.push(this.row(org.id, receivedOn, channel, type, folded));
        if (batch.length >= batchSize) await flush();
        if ((i + 1) % 20_000 === 0) options.onProgress?.(`  ${i + 1} cases`);
      }
      await flush();
    });
    await sql`analyze`.execute(store.db);
    return { ms: performance.now() - start, foldMs };
  }
}
