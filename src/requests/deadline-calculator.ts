/**
 * The deadline calculator for anyone (issue 4 item 3): the public page `/deadline`, the API
 * `GET /api/deadline` and `gongkai deadline` all parse their inputs here and get the same result:
 * the regulation in force, the reply deadline (src/requests/reply-deadline.ts), the art. 31 rule of
 * the channel, every holiday and make-up working day that mattered (with its name from the
 * calendar), and the explanation line by line in Chinese and English. Pure: the calendar is passed in.
 */
import { isIsoDate, nextDay } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { ruleSetFor } from './regulation-rule-sets.ts';
import { receiptRule } from './receipt-date.ts';
import type { ReceiptRule } from './receipt-date.ts';
import { computeReplyDeadline } from './reply-deadline.ts';
import type { DeadlineInput, DeadlineResult, NotableDay } from './reply-deadline.ts';
import { CHANNELS, CHANNEL_NAMES_ZH } from './request-case.ts';
import type { Channel } from './request-case.ts';

/** The calculator's inputs as they arrive (query string, form, CLI flags): strings, `excluded` repeatable. */
export interface CalculatorQuery {
  /** The date of receipt, `YYYY-MM-DD` (2019 art. 31). */
  received?: string | undefined;
  /** A channel id of `CHANNELS`: adds its art. 31 rule to the result. */
  channel?: string | undefined;
  /** The date the clarified request was received, `YYYY-MM-DD` (2019 art. 30). */
  clarified?: string | undefined;
  /** Working days of an approved extension (0 … 20; 15 under the 2008 text). */
  extension?: string | undefined;
  /** Intervals `FROM..TO` not counted (consultations, 2019 art. 33 ¶3), both ends included. */
  excluded?: string | readonly string[] | undefined;
}

/** The calculator's inputs once parsed. */
export interface CalculatorInput extends DeadlineInput {
  channel?: Channel;
}

/** One line of an explanation, in Chinese and English, with its legal source when it has one. */
export interface CalculatorLine {
  zh: string;
  en: string;
  source?: string;
}

/** A notable day with what the calendar calls it. */
export interface NamedNotableDay extends NotableDay {
  /** The holiday's name (for a make-up working day: the holiday it makes up for); null for an excluded day. */
  name: string | null;
  /** 星期一 … 星期日. */
  weekdayZh: string;
}

/** The calculator's answer. */
export interface DeadlineCalculation {
  input: CalculatorInput;
  result: DeadlineResult;
  /** The art. 31 rule of the channel (which date is the date of receipt), or null without a channel. */
  receiptRule: ReceiptRule | null;
  notableDays: NamedNotableDay[];
  /** Working days not counted inside each excluded interval, in input order. */
  excludedWorkingDays: number[];
  /** The calendar years the count ran through, with the notice (or dataset) each comes from. */
  calendarYears: { year: number; source: string }[];
  explanation: CalculatorLine[];
  convention: CalculatorLine;
}

/**
 * How days are counted: the day of receipt does not count. The regulation does not say so; practice
 * pages say 自收到申请次日起算 (RULES.md §1.2), so this stays marked UNVERIFIED as an official rule.
 */
export const COUNTING_CONVENTION: CalculatorLine = {
  zh: '计算方法：收到申请（或收到补正后申请）的当日不计入，自次日起算工作日；法定节假日不计入，调休上班日计入。“当日不计入”系通行做法，未见正式规定（待核实）。',
  en: 'convention: the day of receipt does not count; counting starts the next day; statutory holidays do not count, make-up working days do (the start-day rule is common practice, UNVERIFIED as an official rule)',
  source: 'RULES.md §1.2 (UNVERIFIED)',
};

/** The convention when the installation counts the day of receipt (GONGKAI_COUNT_RECEIPT_DAY=true). */
export const COUNTING_CONVENTION_START_DAY: CalculatorLine = {
  zh: '计算方法：收到申请（或收到补正后申请）的当日如为工作日，计为第1个工作日（本系统按此配置）；法定节假日不计入，调休上班日计入。通行做法为“自次日起算”，均未见正式规定（待核实）。',
  en: 'convention (as configured here): the day of receipt counts as day 1 when it is a working day; statutory holidays do not count, make-up working days do (UNVERIFIED; common practice starts the next day)',
  source: 'RULES.md §1.2 (UNVERIFIED); GONGKAI_COUNT_RECEIPT_DAY',
};

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 星期一 … 星期日 of a `YYYY-MM-DD` date. */
export function weekdayZh(date: string): string {
  return WEEKDAYS_ZH[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

/** The query fields, for messages. */
export const CALCULATOR_FIELD_LABELS_ZH: Record<keyof CalculatorQuery, string> = {
  received: '收到申请日期',
  channel: '申请方式',
  clarified: '收到补正申请日期',
  extension: '延长工作日数',
  excluded: '不计入期限的区间',
};

/** Field names of computeReplyDeadline's issues → the query's. */
const FIELD_OF: Record<string, keyof CalculatorQuery> = { receivedOn: 'received', clarifiedOn: 'clarified', extensionWorkingDays: 'extension', excluded: 'excluded' };

function issue(field: keyof CalculatorQuery, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

function blank(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Parses the calculator's inputs. Blank fields count as absent; blank `excluded` entries are skipped.
 * @returns the parsed input (dates checked for form only; computeReplyDeadline checks the rest)
 * @throws GongkaiError `VALIDATION_FAILED` with one issue per bad field (fields named as in the query)
 */
export function parseCalculatorQuery(query: CalculatorQuery): CalculatorInput {
  const issues: ErrorIssue[] = [];
  const received = blank(query.received);
  if (received === undefined) issues.push(issue('received', 'received is required (YYYY-MM-DD)', '请填写收到申请日期'));
  else if (!isIsoDate(received)) issues.push(issue('received', 'not a date (YYYY-MM-DD)', '收到申请日期格式应为 YYYY-MM-DD'));
  const channel = blank(query.channel);
  if (channel !== undefined && !(CHANNELS as readonly string[]).includes(channel)) issues.push(issue('channel', `unknown channel (one of ${CHANNELS.join(', ')})`, '申请方式无效'));
  const clarified = blank(query.clarified);
  if (clarified !== undefined && !isIsoDate(clarified)) issues.push(issue('clarified', 'not a date (YYYY-MM-DD)', '收到补正申请日期格式应为 YYYY-MM-DD'));
  const extension = blank(query.extension);
  if (extension !== undefined && !/^\d{1,3}$/.test(extension)) issues.push(issue('extension', 'a whole number of working days', '延长期限应为整数个工作日'));
  else if (extension !== undefined && received !== undefined && isIsoDate(received)) {
    const max = ruleSetFor(received)?.maxExtensionWorkingDays;
    if (max !== undefined && Number(extension) > max) issues.push(issue('extension', `must be 0–${max} working days`, `延长期限应为 0–${max} 个工作日`));
  }
  const excluded: { from: string; to: string }[] = [];
  const rawExcluded = typeof query.excluded === 'string' ? [query.excluded] : (query.excluded ?? []);
  for (const raw of rawExcluded) {
    const text = blank(raw);
    if (text === undefined) continue;
    const match = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|至|~)\s*(\d{4}-\d{2}-\d{2})$/.exec(text);
    if (!match?.[1] || !match[2] || !isIsoDate(match[1]) || !isIsoDate(match[2]) || match[2] < match[1]) {
      issues.push(issue('excluded', `bad interval ${text} (FROM..TO, YYYY-MM-DD..YYYY-MM-DD)`, `不计入期限的区间“${text}”无效，应为 起始日期..结束日期（YYYY-MM-DD..YYYY-MM-DD）`));
      break;
    }
    excluded.push({ from: match[1], to: match[2] });
  }
  if (issues.length > 0 || received === undefined) throw new GongkaiError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
  return {
    receivedOn: received,
    ...(channel !== undefined ? { channel: channel as Channel } : {}),
    ...(clarified !== undefined ? { clarifiedOn: clarified } : {}),
    ...(extension !== undefined ? { extensionWorkingDays: Number(extension) } : {}),
    ...(excluded.length > 0 ? { excluded } : {}),
  };
}

function dayName(calendar: WorkingDayCalendar, day: NotableDay): string | null {
  if (day.kind === 'excluded') return null;
  const year = calendar.years.get(Number(day.date.slice(0, 4)));
  return (day.kind === 'holiday' ? year?.holidays[day.date] : year?.workdays[day.date]) ?? null;
}

function explain(input: CalculatorInput, calc: Omit<DeadlineCalculation, 'explanation' | 'convention'>): CalculatorLine[] {
  const { result, receiptRule: rule } = calc;
  const r = result.ruleSet;
  const lines: CalculatorLine[] = [
    {
      zh: `收到申请日期 ${input.receivedOn}，适用${r.nameZh}：答复期限为 ${r.replyWorkingDays} 个工作日。`,
      en: `received ${input.receivedOn}: ${r.id} applies, ${r.replyWorkingDays} working days to reply`,
      source: r.replySource,
    },
  ];
  if (input.channel && rule) {
    lines.push({ zh: `申请方式为${CHANNEL_NAMES_ZH[input.channel]}：${rule.ruleZh}。${rule.unverified ? '（此项适用系推断，待核实）' : ''}`, en: `${rule.ruleEn}${rule.unverified ? ` (UNVERIFIED: ${rule.unverified})` : ''}`, source: rule.source });
  }
  lines.push(
    input.clarifiedOn
      ? { zh: `${input.clarifiedOn} 收到补正后的申请，答复期限自该日次日（${nextDay(input.clarifiedOn)}）起重新计算。`, en: `clarified request received ${input.clarifiedOn}: the period restarts from ${nextDay(input.clarifiedOn)}`, source: '2019 art. 30' }
      : { zh: `收到申请当日不计入，自次日（${nextDay(input.receivedOn)}）起算。`, en: `the day of receipt does not count: counting starts ${nextDay(input.receivedOn)}` },
  );
  for (const day of calc.notableDays.filter((d) => d.kind !== 'excluded')) {
    lines.push(
      day.kind === 'holiday'
        ? { zh: `${day.date}（${day.weekdayZh}）${day.name ?? ''}法定节假日，不计入。`, en: `${day.date} statutory holiday${day.name ? ` (${day.name})` : ''}: not counted` }
        : { zh: `${day.date}（${day.weekdayZh}）${day.name ?? ''}调休上班日，计入。`, en: `${day.date} make-up working day${day.name ? ` (${day.name})` : ''}: counted` },
    );
  }
  (input.excluded ?? []).forEach((interval, i) => {
    const days = calc.excludedWorkingDays[i] ?? 0;
    lines.push({ zh: `${interval.from} 至 ${interval.to} 不计入答复期限（征求意见等期间），其中 ${days} 个工作日不计入。`, en: `${interval.from}..${interval.to} excluded: ${days} working days not counted`, source: r.excludedTimeSource });
  });
  lines.push({ zh: `第 ${r.replyWorkingDays} 个工作日为 ${result.replyDue}，答复期限为 ${result.replyDue}。`, en: `working day ${r.replyWorkingDays} is ${result.replyDue}: reply due ${result.replyDue}`, source: r.replySource });
  const extension = input.extensionWorkingDays ?? 0;
  if (extension > 0) {
    lines.push({ zh: `经政府信息公开工作机构负责人同意延长 ${extension} 个工作日，延长后的答复期限为 ${result.finalDue}。`, en: `extension of ${extension} working days: due ${result.finalDue}`, source: r.extensionSource });
  }
  return lines;
}

function yearsBetween(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) years.push(y);
  return years;
}

/**
 * Computes the deadline and its explanation.
 * @param calendar the working-day calendar in force (`loadCalendar(ctx)` on the server)
 * @throws GongkaiError `VALIDATION_FAILED` (issues named as in {@link CalculatorQuery}: a clarification
 *   before receipt, an extension over the maximum, a receipt before 2008-05-01 …),
 *   `CALENDAR_YEAR_MISSING` (the count runs into a year the calendar does not cover)
 */
export function calculateDeadline(calendar: WorkingDayCalendar, input: CalculatorInput): DeadlineCalculation {
  let result: DeadlineResult;
  try {
    result = computeReplyDeadline(calendar, input);
  } catch (error) {
    if (!isGongkaiError(error, 'VALIDATION_FAILED')) throw error;
    const issues = error.issues.map((i) => ({ ...i, field: FIELD_OF[i.field] ?? i.field }));
    throw new GongkaiError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues, cause: error });
  }
  const notableDays = result.notableDays.map((d) => ({ ...d, name: dayName(calendar, d), weekdayZh: weekdayZh(d.date) }));
  const excludedWorkingDays = (input.excluded ?? []).map((i) => notableDays.filter((d) => d.kind === 'excluded' && d.date >= i.from && d.date <= i.to).length);
  const calendarYears = yearsBetween(result.clockStartsAfter, result.finalDue).map((year) => ({ year, source: calendar.years.get(year)?.source ?? '' }));
  const base = { input, result, receiptRule: input.channel ? receiptRule(input.channel, input.receivedOn) : null, notableDays, excludedWorkingDays, calendarYears };
  return { ...base, explanation: explain(input, base), convention: input.countStartDay ? COUNTING_CONVENTION_START_DAY : COUNTING_CONVENTION };
}
