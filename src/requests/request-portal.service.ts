/**
 * The public side of requests (issue 4 items 3 and 7): the deadline calculator for anyone, the
 * public tracking view, and the human check's signing secret. Filing itself is
 * `submitPublicRequest` (request.service.ts). What the public sees of a case is cut down here to
 * what its requester may know: status, dates, outcome and how the deadline was computed; never
 * personal data, the text of the request, consulted parties' names or staff names.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Store } from '../db/dialect.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { calculateDeadline, COUNTING_CONVENTION, COUNTING_CONVENTION_START_DAY, parseCalculatorQuery, weekdayZh } from './deadline-calculator.ts';
import type { CalculatorQuery, DeadlineCalculation, NamedNotableDay } from './deadline-calculator.ts';
import { HUMAN_CHECK_SECRET_KEY, readOrCreateSetting } from './human-check.repository.ts';
import { CASE_STATUS_NAMES_ZH } from './request-case.ts';
import type { CaseStatus } from './request-case.ts';
import { outcomeById } from './request-outcome.ts';
import { trackRequest } from './request.service.ts';
import type { PublicCaseView } from './request.service.ts';

/**
 * Computes the deadline for the calculator (page and API).
 * Permission: `deadline.calculate` (public).
 * @param query the raw inputs (see {@link CalculatorQuery})
 * @throws GongkaiError `VALIDATION_FAILED` (issues named as in the query), `CALENDAR_YEAR_MISSING`
 */
export async function calculatePublicDeadline(ctx: ServiceContext, actor: Actor, query: CalculatorQuery): Promise<DeadlineCalculation> {
  authorize(actor, 'deadline.calculate');
  const input = parseCalculatorQuery(query);
  return calculateDeadline(await loadCalendar(ctx), { ...input, countStartDay: ctx.config.countReceiptDay });
}

/** One step of how the deadline was computed, as the public sees it. */
export interface PublicExplanationStep {
  on: string;
  textZh: string;
  textEn: string;
  source: string;
}

/** A case as the public sees it by tracking code. */
export interface PublicTracking {
  trackingCode: string;
  organizationName: string;
  receivedOn: string;
  status: CaseStatus;
  statusZh: string;
  /** The table 三 row id decided, with its label; null while undecided. */
  outcome: string | null;
  outcomeZh: string | null;
  outcomeOn: string | null;
  regulation: { id: string; nameZh: string; replyWorkingDays: number };
  /** The day after which the period runs (receipt, or the clarified request); null while the clock stands. */
  clockStartsAfter: string | null;
  /** The deadline without extension; null while a clarification is awaited or after a lapse. */
  replyDue: string | null;
  /** The deadline with an approved extension. */
  finalDue: string | null;
  /** True when an open consultation or fee notice is assumed to run its full length. */
  provisional: boolean;
  explanation: PublicExplanationStep[];
  excluded: { from: string; to: string; reasonZh: string; workingDays: number; provisional: boolean }[];
  notableDays: NamedNotableDay[];
  /** The calendar years the deadline ran through (for links to /calendar/<year>). */
  calendarYears: number[];
  /** Dates and event names only. */
  timeline: { on: string; kind: string; nameZh: string }[];
  /** How days are counted in this installation (GONGKAI_COUNT_RECEIPT_DAY). */
  conventionZh: string;
  /** Why there is no deadline yet when the calendar lacks a year, or null. */
  calendarGapZh: string | null;
}

/**
 * Maps the service's public case view to what the tracking page and API show.
 * @param calendarNames the calendar, to name each holiday and make-up day
 */
export function toPublicTracking(view: PublicCaseView, calendarNames: (date: string, kind: NamedNotableDay['kind']) => string | null): PublicTracking {
  const c = view.clock;
  const d = c.deadline;
  const years: number[] = [];
  if (d) for (let y = Number(d.clockStartsAfter.slice(0, 4)); y <= Number(d.finalDue.slice(0, 4)); y += 1) years.push(y);
  return {
    trackingCode: view.trackingCode,
    organizationName: view.organizationName,
    receivedOn: view.receivedOn,
    status: view.status,
    statusZh: CASE_STATUS_NAMES_ZH[view.status],
    outcome: view.outcome,
    outcomeZh: view.outcome ? (outcomeById(view.outcome)?.labelZh ?? view.outcome) : null,
    outcomeOn: view.outcomeOn,
    regulation: { id: c.ruleSet.id, nameZh: c.ruleSet.nameZh, replyWorkingDays: c.ruleSet.replyWorkingDays },
    clockStartsAfter: d?.clockStartsAfter ?? null,
    replyDue: view.replyDue,
    finalDue: view.finalDue,
    provisional: c.provisional,
    // The clock's public explanation names no consulted party or official and gives no internal reason.
    explanation: c.publicExplanation.map((s) => ({ on: s.on, textZh: s.textZh, textEn: s.textEn, source: s.source })),
    excluded: c.excluded.map((i) => ({ from: i.from, to: i.to, reasonZh: i.publicReasonZh, workingDays: i.workingDays, provisional: i.provisional })),
    notableDays: (d?.notableDays ?? []).map((n) => ({ ...n, name: calendarNames(n.date, n.kind), weekdayZh: weekdayZh(n.date) })),
    calendarYears: years,
    timeline: view.timeline.map((t) => ({ on: t.on, kind: t.kind, nameZh: t.nameZh })),
    conventionZh: COUNTING_CONVENTION.zh,
    calendarGapZh: c.calendarGap?.messageZh ?? null,
  };
}

/**
 * What the public sees of a case by its tracking code (查询码).
 * Permission: `requests.track_public` (public; checked by `trackRequest`).
 * @throws GongkaiError `NOT_FOUND` for an unknown or malformed code (the two look the same)
 */
export async function trackPublicRequest(ctx: ServiceContext, actor: Actor, code: string): Promise<PublicTracking> {
  authorize(actor, 'requests.track_public');
  const view = await trackRequest(ctx, code);
  const calendar = await loadCalendar(ctx);
  const tracking = toPublicTracking(view, (date, kind) => {
    if (kind === 'excluded') return null;
    const year = calendar.years.get(Number(date.slice(0, 4)));
    return (kind === 'holiday' ? year?.holidays[date] : year?.workdays[date]) ?? null;
  });
  return ctx.config.countReceiptDay ? { ...tracking, conventionZh: COUNTING_CONVENTION_START_DAY.zh } : tracking;
}

const secrets = new WeakMap<Store, Promise<string>>();

/**
 * The installation's secret for signing human-check tokens: created once (random 256 bits) in the
 * `setting` table, then cached per store, so restarts and several processes agree.
 * @returns the secret (hex)
 */
export function humanCheckSecret(ctx: Pick<ServiceContext, 'store'>): Promise<string> {
  const store = ctx.store;
  const cached = secrets.get(store);
  if (cached) return cached;
  const loading = readOrCreateSetting(store.db, HUMAN_CHECK_SECRET_KEY, randomBytes(32).toString('hex'));
  secrets.set(store, loading);
  loading.catch(() => {
    if (secrets.get(store) === loading) secrets.delete(store);
  });
  return loading;
}
