/**
 * The pure checks of a hotline import: every row of the file against the rules of a work order
 * (required fields, real dates, replied on or after received, nothing after today, a known
 * organization of the importing organization's subtree, a known category and satisfaction, no
 * order number twice in the file), and each good row against what the store holds
 * (created / updated / unchanged). No I/O: the service loads the organizations and stored orders.
 */
import { isIsoDate } from '../calendar/working-days.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { CATEGORY_WORDS, HOTLINE_FIELD_LABELS_ZH, SATISFACTION_WORDS } from './hotline-columns.ts';
import type { HotlineField, RawHotlineRow } from './hotline-columns.ts';
import { HOTLINE_CATEGORIES, HOTLINE_CATEGORY_NAMES_ZH, HOTLINE_SATISFACTIONS, HOTLINE_SATISFACTION_NAMES_ZH } from './hotline-work-order.ts';
import type { HotlineOrderValues } from './hotline-work-order.ts';

/** A problem of one row (`row` 1 = the first row below the header; 0 = the header or the file). */
export type HotlineIssue = ErrorIssue & { row: number };

/** Longest order number accepted (characters); real systems use 12–24. */
export const MAX_ORDER_NUMBER_LENGTH = 64;
/** Longest summary accepted (characters). */
export const MAX_SUMMARY_LENGTH = 4000;

/** An organization a row may name: the importing organization or one below it. */
export interface HotlineOrganizationRef {
  id: number;
  name: string;
  shortName: string | null;
  organizationCode: string;
}

/** Organization names, short names and codes (spaces removed) → the organizations they name. */
export type HotlineOrganizationLookup = ReadonlyMap<string, readonly HotlineOrganizationRef[]>;

function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * The lookup of a subtree's organizations by full name, short name and organization code (with or
 * without its hyphen). A key shared by two organizations maps to both, so a row naming it is
 * reported as ambiguous rather than guessed.
 */
export function hotlineOrganizationLookup(organizations: readonly HotlineOrganizationRef[]): HotlineOrganizationLookup {
  const map = new Map<string, HotlineOrganizationRef[]>();
  const add = (key: string, org: HotlineOrganizationRef): void => {
    const k = compact(key);
    if (k === '') return;
    const list = map.get(k) ?? [];
    if (!list.includes(org)) list.push(org);
    map.set(k, list);
  };
  for (const org of organizations) {
    add(org.name, org);
    if (org.shortName) add(org.shortName, org);
    add(org.organizationCode, org);
    add(org.organizationCode.replace(/-/g, ''), org);
  }
  return map;
}

/** What the row checks need besides the rows. */
export interface HotlineRowContext {
  /** Today, `YYYY-MM-DD` China time (injected clock): no date may be later. */
  today: string;
  organizations: HotlineOrganizationLookup;
  /** The importing organization's name, for messages. */
  rootName: string;
  /** Order numbers of earlier rows with their row (updated here), for checks across chunks. */
  seen: Map<string, number>;
}

function issue(row: number, field: HotlineField, message: string, messageZh: string): HotlineIssue {
  return { row, field, message, messageZh };
}

function requiredIssue(row: number, field: HotlineField): HotlineIssue {
  return issue(row, field, `${field} is required`, `请填写${HOTLINE_FIELD_LABELS_ZH[field]}`);
}

/** The checked date of a date field, or an issue. */
function checkDate(row: number, field: 'received_on' | 'replied_on', value: string, today: string): HotlineIssue | null {
  const label = HOTLINE_FIELD_LABELS_ZH[field];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isIsoDate(value)) {
    return issue(row, field, `${field} “${value}” must be a real date: YYYY-MM-DD or YYYY/M/D, optionally with a time HH:mm[:ss]`, `${label}“${value}”应为有效日期，如 2026-03-05、2026/3/5 或 2026-03-05 14:30`);
  }
  if (value > today) return issue(row, field, `${field} ${value} is after today (${today})`, `${label} ${value} 晚于今天（${today}）`);
  return null;
}

/** The organization a row names, or an issue (unknown in the subtree, or ambiguous). */
function checkOrganization(row: number, value: string, context: HotlineRowContext): HotlineOrganizationRef | HotlineIssue {
  const found = context.organizations.get(compact(value)) ?? [];
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0) {
    return issue(row, 'organization', `organization “${value}” is not ${context.rootName} or an organization below it (give its full name, short name or organization code)`, `承办单位“${value}”不是${context.rootName}或其下级机构（请填写全称、简称或机构代码）`);
  }
  const names = found.map((o) => o.name).join('、');
  return issue(row, 'organization', `organization “${value}” names more than one organization (${names}); give the full name or organization code`, `承办单位“${value}”对应多个机构（${names}），请填写全称或机构代码`);
}

/** The issue of an order number used by an earlier row of the file. */
export function duplicateOrderIssue(row: number, orderNumber: string, earlierRow: number): HotlineIssue {
  return issue(row, 'order_number', `order number ${orderNumber} is also in row ${earlierRow}`, `工单编号 ${orderNumber} 与第 ${earlierRow} 行重复`);
}

/** The issue of an order number stored for an organization outside the importing organization's subtree. */
export function foreignOrderIssue(row: number, orderNumber: string, rootName: string): HotlineIssue {
  return issue(row, 'order_number', `order number ${orderNumber} is already stored for an organization outside ${rootName}; this import may not change it`, `工单编号 ${orderNumber} 已属于${rootName}及其下级以外的机构，本次导入不能修改`);
}

/** A good row: its number and the work order's values. */
export interface CheckedHotlineRow {
  row: number;
  values: HotlineOrderValues;
}

/**
 * Checks raw rows (as `hotlineRowValues` gives them) and turns the good ones into work-order values.
 * Every problem of a row is reported, in field order; a row with any problem yields no order.
 * @returns the issues (row order) and the good rows
 */
export function checkHotlineRows(rows: readonly { row: number; raw: RawHotlineRow }[], context: HotlineRowContext): { issues: HotlineIssue[]; orders: CheckedHotlineRow[] } {
  const issues: HotlineIssue[] = [];
  const orders: CheckedHotlineRow[] = [];
  for (const { row, raw } of rows) {
    const rowIssues: HotlineIssue[] = [];
    const orderNumber = raw.order_number;
    if (orderNumber === undefined) {
      rowIssues.push(requiredIssue(row, 'order_number'));
    } else if (orderNumber.length > MAX_ORDER_NUMBER_LENGTH || /[\r\n]/.test(orderNumber)) {
      rowIssues.push(issue(row, 'order_number', `order_number must be one line of at most ${MAX_ORDER_NUMBER_LENGTH} characters`, `工单编号应为一行，不超过 ${MAX_ORDER_NUMBER_LENGTH} 个字符`));
    } else {
      const earlier = context.seen.get(orderNumber);
      if (earlier !== undefined) rowIssues.push(duplicateOrderIssue(row, orderNumber, earlier));
      else context.seen.set(orderNumber, row);
    }

    let receivedOn: string | null = null;
    if (raw.received_on === undefined) rowIssues.push(requiredIssue(row, 'received_on'));
    else {
      const bad = checkDate(row, 'received_on', raw.received_on, context.today);
      if (bad) rowIssues.push(bad);
      else receivedOn = raw.received_on;
    }

    let organizationId: number | null = null;
    if (raw.organization === undefined) rowIssues.push(requiredIssue(row, 'organization'));
    else {
      const org = checkOrganization(row, raw.organization, context);
      if ('field' in org) rowIssues.push(org);
      else organizationId = org.id;
    }

    const category = raw.category === undefined ? undefined : CATEGORY_WORDS.get(raw.category);
    if (raw.category === undefined) rowIssues.push(requiredIssue(row, 'category'));
    else if (category === undefined) {
      rowIssues.push(issue(row, 'category', `category “${raw.category}” is not one of ${HOTLINE_CATEGORIES.map((c) => HOTLINE_CATEGORY_NAMES_ZH[c]).join(', ')}`, `诉求类型“${raw.category}”应为${HOTLINE_CATEGORIES.map((c) => HOTLINE_CATEGORY_NAMES_ZH[c]).join('、')}之一`));
    }

    if (raw.summary === undefined) rowIssues.push(requiredIssue(row, 'summary'));
    else if (raw.summary.length > MAX_SUMMARY_LENGTH) {
      rowIssues.push(issue(row, 'summary', `summary is longer than ${MAX_SUMMARY_LENGTH} characters`, `诉求内容超过 ${MAX_SUMMARY_LENGTH} 字`));
    }

    let repliedOn: string | null = null;
    if (raw.replied_on !== undefined) {
      const bad = checkDate(row, 'replied_on', raw.replied_on, context.today);
      if (bad) rowIssues.push(bad);
      else if (receivedOn !== null && raw.replied_on < receivedOn) {
        rowIssues.push(issue(row, 'replied_on', `replied_on ${raw.replied_on} is before received_on ${receivedOn}`, `办结时间 ${raw.replied_on} 早于受理时间 ${receivedOn}`));
      } else repliedOn = raw.replied_on;
    }

    const satisfaction = raw.satisfaction === undefined ? null : (SATISFACTION_WORDS.get(raw.satisfaction) ?? undefined);
    if (satisfaction === undefined) {
      rowIssues.push(issue(row, 'satisfaction', `satisfaction “${raw.satisfaction ?? ''}” is not one of ${HOTLINE_SATISFACTIONS.map((s) => HOTLINE_SATISFACTION_NAMES_ZH[s]).join(', ')} (or empty)`, `满意度“${raw.satisfaction ?? ''}”应为${HOTLINE_SATISFACTIONS.map((s) => HOTLINE_SATISFACTION_NAMES_ZH[s]).join('、')}之一或留空`));
    } else if (satisfaction !== null && raw.replied_on === undefined) {
      // The follow-up call that rates a reply comes after it: a rating without a reply is a misaligned row.
      rowIssues.push(issue(row, 'satisfaction', 'satisfaction is given but the order has no replied_on', '工单未办结（办结时间为空），不应有满意度'));
    }

    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    if (orderNumber === undefined || receivedOn === null || organizationId === null || category === undefined || raw.summary === undefined || satisfaction === undefined) continue;
    orders.push({ row, values: { organizationId, orderNumber, receivedOn, category, summary: raw.summary, repliedOn, satisfaction } });
  }
  return { issues, orders };
}

/** What an import does with a good row. */
export type HotlineOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Compares a good row with the stored order of the same number: none stored → `created`; every
 * value equal → `unchanged`; otherwise `updated` (the hotline system's later export wins: a reply,
 * a follow-up verdict, or a re-routed order).
 */
export function classifyHotlineOrder(stored: HotlineOrderValues | undefined, incoming: HotlineOrderValues): HotlineOutcome {
  if (!stored) return 'created';
  const same =
    stored.organizationId === incoming.organizationId &&
    stored.receivedOn === incoming.receivedOn &&
    stored.category === incoming.category &&
    stored.summary === incoming.summary &&
    stored.repliedOn === incoming.repliedOn &&
    stored.satisfaction === incoming.satisfaction;
  return same ? 'unchanged' : 'updated';
}

/** Counts of one organization's rows by outcome. */
export interface HotlineOutcomeCounts {
  organizationId: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Counts outcomes per organization (in the order organizations first appear). */
export function summarizeHotlineOutcomes(rows: readonly { organizationId: number; outcome: HotlineOutcome }[]): HotlineOutcomeCounts[] {
  const byOrganization = new Map<number, HotlineOutcomeCounts>();
  for (const { organizationId, outcome } of rows) {
    const counts = byOrganization.get(organizationId) ?? { organizationId, created: 0, updated: 0, unchanged: 0 };
    counts[outcome] += 1;
    byOrganization.set(organizationId, counts);
  }
  return [...byOrganization.values()];
}
