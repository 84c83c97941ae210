/**
 * The hotline's figures for a period, as an annual report quotes them ("市长热线共接受电话投诉事项
 * 658 项，回复 658 项，回复率 100%": 吴忠市 2017): orders received in the period, how many of those
 * were replied, the reply rate, the average reply time in calendar days, counts by category, and
 * the share of rated orders whose caller was satisfied. Pure: callers pass the orders.
 *
 * An order counts in the period of its `receivedOn`; its reply counts with it whenever it came (a
 * December order replied in January is a replied order of December's year), so a year's reply rate
 * never exceeds 100% and does not change with the next year's replies to other orders.
 */
import { toEpochDay } from '../calendar/working-days.ts';
import { HOTLINE_CATEGORIES } from './hotline-work-order.ts';
import type { HotlineCategory, HotlineWorkOrder } from './hotline-work-order.ts';

/** The fields of an order the statistics read. */
export type HotlineStatisticsOrder = Pick<HotlineWorkOrder, 'receivedOn' | 'repliedOn' | 'category' | 'satisfaction'>;

/** Received and replied counts of one category. */
export interface HotlineCategoryCounts {
  received: number;
  replied: number;
}

/** The figures of a period (dates `YYYY-MM-DD`, both ends included). */
export interface HotlineStatistics {
  from: string;
  to: string;
  /** Orders with `receivedOn` in the period. */
  received: number;
  /** Of those, orders with a reply date. */
  replied: number;
  /** replied ÷ received (0–1); null when nothing was received. */
  replyRate: number | null;
  /** Mean calendar days from receipt to reply over the replied orders; null when none was replied. */
  averageReplyDays: number | null;
  byCategory: Record<HotlineCategory, HotlineCategoryCounts>;
  /** Received orders with a follow-up verdict, and the verdicts. */
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** satisfied ÷ rated (满意 only); null when none was rated. */
  satisfiedShare: number | null;
}

/** Calendar days from `from` to `to` (`YYYY-MM-DD`; 0 when the same day). @throws GongkaiError `VALIDATION_FAILED` for a non-date */
export function calendarDaysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The period of a calendar year: `YYYY-01-01` to `YYYY-12-31`. */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Received / replied counts and the total reply days of an organization: what the annual report sums over a subtree. */
export interface HotlineFigures {
  received: number;
  replied: number;
  /** Sum over the replied orders of calendar days from receipt to reply. */
  replyDaysTotal: number;
}

/** The reply rate (0–1, null when nothing received) and average reply days (null when nothing replied) of figures. */
export function hotlineRates(figures: HotlineFigures): { replyRate: number | null; averageReplyDays: number | null } {
  return {
    replyRate: figures.received === 0 ? null : figures.replied / figures.received,
    averageReplyDays: figures.replied === 0 ? null : figures.replyDaysTotal / figures.replied,
  };
}

/** Adds one order (received in the period) to figures, in place. */
export function addToHotlineFigures(figures: HotlineFigures, order: Pick<HotlineWorkOrder, 'receivedOn' | 'repliedOn'>): void {
  figures.received += 1;
  if (order.repliedOn !== null) {
    figures.replied += 1;
    figures.replyDaysTotal += calendarDaysBetween(order.receivedOn, order.repliedOn);
  }
}

/**
 * The figures of the orders received from `from` to `to` (inclusive); orders outside the period are ignored.
 * @throws GongkaiError `VALIDATION_FAILED` when a stored date is not a date (never for validated orders)
 */
export function hotlineStatistics(orders: readonly HotlineStatisticsOrder[], from: string, to: string): HotlineStatistics {
  const figures: HotlineFigures = { received: 0, replied: 0, replyDaysTotal: 0 };
  const byCategory = Object.fromEntries(HOTLINE_CATEGORIES.map((c) => [c, { received: 0, replied: 0 }])) as Record<HotlineCategory, HotlineCategoryCounts>;
  const verdicts = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
  for (const order of orders) {
    if (order.receivedOn < from || order.receivedOn > to) continue;
    addToHotlineFigures(figures, order);
    byCategory[order.category].received += 1;
    if (order.repliedOn !== null) byCategory[order.category].replied += 1;
    if (order.satisfaction !== null) verdicts[order.satisfaction] += 1;
  }
  const rated = verdicts.satisfied + verdicts.basically_satisfied + verdicts.dissatisfied;
  return {
    from,
    to,
    received: figures.received,
    replied: figures.replied,
    ...hotlineRates(figures),
    byCategory,
    rated,
    satisfied: verdicts.satisfied,
    basicallySatisfied: verdicts.basically_satisfied,
    dissatisfied: verdicts.dissatisfied,
    satisfiedShare: rated === 0 ? null : verdicts.satisfied / rated,
  };
}
