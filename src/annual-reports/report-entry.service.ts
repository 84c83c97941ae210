/**
 * The figures an office enters by hand for cells no record in gongkai holds (2021 format: table
 * 二's 行政许可, 行政处罚, 行政强制 decision counts and the 行政事业性收费 amount in 万元; the
 * 2019 format's 项目数量 and procurement; the 2014 rows on channels, staff, funding…). Each is kept
 * with who entered it and when, and shown as entered by hand (issue 5 item 1). All-or-nothing:
 * one bad entry and nothing is written.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { getFormat } from '../reports/format/formats.ts';
import type { FormatId, ValueType } from '../reports/format/report-format.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { findAnnualReport, updateAnnualReport } from './annual-report.repository.ts';
import { defaultFormat } from './report-compute.service.ts';
import { isEnteredCell } from './report-figures.ts';
import type { EnteredFigure } from './report-figures.ts';
import { selectEntries, upsertEntry } from './report-figures.repository.ts';
import { isLocked } from './report-workflow.ts';
import { checkReportYear, organizationOrThrow } from './report-compute.service.ts';
import { reportValues } from './report-workflow.service.ts';

/** One figure as entered: a value, or null to remove the cell's entry. */
export interface EntryInput {
  /** Cell id, e.g. `t2-5/licensing/decisions`. */
  cell: string;
  /** A count (件, integer), or an amount in 万元 (up to 4 decimals: whole 元); null removes it. */
  value: number | null;
  /** Where the figure comes from (e.g. the licensing system's yearly statistics). */
  note?: string | null | undefined;
}

/** The most entries one call may carry (the 2014 table has fewer than 100 entered cells). */
export const MAX_ENTRIES = 500;
/** The most characters of an entry's note. */
export const MAX_NOTE_CHARS = 500;
/** The largest value accepted: well beyond any office's yearly count or 万元 amount. */
export const MAX_ENTRY_VALUE = 1e10;

/** Each cell of a format with its value type (the row's overrides the column's). */
function valueTypes(formatId: FormatId): Map<string, ValueType> {
  const format = getFormat(formatId);
  const out = new Map<string, ValueType>();
  for (const table of format.tables) {
    for (const row of table.rows) for (const column of table.columns) out.set(`${table.id}/${row.id}/${column.id}`, row.valueType ?? column.valueType);
  }
  return out;
}

/** The issues of one entry (empty when valid). */
function entryIssues(formatId: FormatId, types: ReadonlyMap<string, ValueType>, e: EntryInput, index: number): ErrorIssue[] {
  const field = `entries.${index}`;
  const type = typeof e.cell === 'string' ? types.get(e.cell) : undefined;
  if (type === undefined) return [{ field, message: `the ${formatId} format has no cell "${String(e.cell)}"`, messageZh: `${formatId}年格式没有单元格“${String(e.cell)}”` }];
  if (!isEnteredCell(formatId, e.cell)) return [{ field, message: `cell ${e.cell} is computed from the records and cannot be entered by hand`, messageZh: `单元格 ${e.cell} 由记录自动统计，不能手工填报` }];
  const issues: ErrorIssue[] = [];
  if (e.note !== undefined && e.note !== null && (typeof e.note !== 'string' || Array.from(e.note).length > MAX_NOTE_CHARS)) {
    issues.push({ field, message: `the note of ${e.cell} must have at most ${MAX_NOTE_CHARS} characters`, messageZh: `${e.cell} 的说明不能超过${MAX_NOTE_CHARS}个字` });
  }
  if (e.value === null) return issues;
  if (type === 'text') return [...issues, { field, message: `cell ${e.cell} holds text, not a number`, messageZh: `单元格 ${e.cell} 应填文字，不是数值` }];
  if (typeof e.value !== 'number' || !Number.isFinite(e.value) || Math.abs(e.value) > MAX_ENTRY_VALUE) {
    return [...issues, { field, message: `${e.cell}: the value must be a number`, messageZh: `${e.cell}：应填写数值` }];
  }
  // The 2019 format's 本年增/减 is the one signed quantity; everything else counts or sums money.
  if (type !== 'signed-count' && e.value < 0) issues.push({ field, message: `${e.cell}: the value must not be negative`, messageZh: `${e.cell}：数值不能为负数` });
  if ((type === 'count' || type === 'signed-count') && !Number.isInteger(e.value)) issues.push({ field, message: `${e.cell}: a count must be a whole number`, messageZh: `${e.cell}：件数应为整数` });
  if (type === 'amount' && Math.abs(Math.round(e.value * 10_000) - e.value * 10_000) > 1e-6) {
    issues.push({ field, message: `${e.cell}: an amount in 万元 has at most 4 decimals (whole 元)`, messageZh: `${e.cell}：金额（万元）最多保留4位小数（即精确到元）` });
  }
  return issues;
}

/**
 * Sets (or with a null value removes) hand-entered figures of an organization's report of `year`,
 * all or nothing, with one audit event; when the report is stored, its version moves on (so a
 * submission computed before the change fails with `CONFLICT` instead of freezing stale figures).
 * Permission: `reports.write` on the organization.
 * @param entries cells of the report's format (the stored report's, else the year's) for which
 *   `isEnteredCell` holds; counts non-negative integers, amounts (万元) non-negative with at most 4
 *   decimals, the 2019 本年增/减 a signed integer; each cell once
 * @returns the organization's entries of the year after the change, by cell id
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (year, cells, values), `REPORT_LOCKED` (the report is submitted, accepted or published)
 */
export async function setEntries(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, entries: readonly EntryInput[]): Promise<EnteredFigure[]> {
  authorize(actor, 'reports.write');
  checkReportYear(year);
  const db = ctx.store.db;
  const org = await organizationOrThrow(db, organizationId);
  authorize(actor, 'reports.write', { organizationPath: org.path });
  const stored = await findAnnualReport(db, org.id, year);
  if (stored && isLocked(stored.status)) throw new GongkaiError('REPORT_LOCKED', `annual report of organization ${org.id} for ${year} is ${stored.status}`);
  const formatId = stored?.formatId ?? defaultFormat(year);

  if (entries.length === 0) throw validationFailed([{ field: 'entries', message: 'no entries given', messageZh: '没有填报任何数值' }]);
  if (entries.length > MAX_ENTRIES) throw validationFailed([{ field: 'entries', message: `at most ${MAX_ENTRIES} entries at once`, messageZh: `一次最多填报${MAX_ENTRIES}项` }]);
  const types = valueTypes(formatId);
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    issues.push(...entryIssues(formatId, types, e, i));
    if (seen.has(e.cell)) issues.push({ field: `entries.${i}`, message: `cell ${e.cell} is given twice`, messageZh: `单元格 ${e.cell} 重复填报` });
    seen.add(e.cell);
  });
  if (issues.length > 0) throw validationFailed(issues);

  const now = nowIso(ctx.clock);
  return db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: a submission may have locked the report meanwhile.
    const current = await findAnnualReport(trx, org.id, year);
    if (current && isLocked(current.status)) throw new GongkaiError('REPORT_LOCKED', `annual report of organization ${org.id} for ${year} is ${current.status}`);
    const before = await selectEntries(trx, org.id, year);
    for (const e of entries) {
      const note = typeof e.note === 'string' && e.note.trim() !== '' ? e.note.trim() : null;
      await upsertEntry(trx, org.id, year, e.cell, e.value, { source: 'manual', note, enteredBy: actorUserId(actor), enteredAt: now });
    }
    if (current) {
      const bumped = await updateAnnualReport(trx, current.id, current.version, reportValues(current), now);
      if (!bumped) throw new GongkaiError('CONFLICT', `annual report ${current.id} was changed by someone else`);
    }
    const changed = new Set(entries.map((e) => e.cell));
    const pick = (list: readonly EnteredFigure[]) => Object.fromEntries(list.filter((x) => changed.has(x.cell)).map((x) => [x.cell, { value: x.value, note: x.note }]));
    const after = await selectEntries(trx, org.id, year);
    await recordAudit(trx, actor, ctx.clock, {
      action: 'annual_report.entries',
      entityType: 'report_entry',
      entityId: `${org.id}/${year}`,
      organizationId: org.id,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}
