/**
 * Table 三 (and the 2014 request rows and fees) of a roll-up from its members' own tables, so a
 * region's roll-ups do not tally every member's request groups again. Every figure of the tables is
 * a sum of per-case counts and requests are never merged across organizations (2019 art. 27; see
 * report-figures.ts), so the sum of the members' tables is the tally of all their groups. A
 * member's tables are packed into an array of numbers in a fixed order: a region keeps one per
 * organization while its reports are computed, and adding arrays is cheap. Pure.
 */
import { REQUEST_ROWS_2014, feeStatementZh, tallyRequestTables, toWanYuan } from '../requests/request-statistics.ts';
import type { RequestRow2014Id, RequestTables, RequestTableVariant } from '../requests/request-statistics.ts';

/** One organization's request tables packed for adding (see {@link packRequestTables}). */
export interface PackedRequestTables {
  readonly variant: RequestTableVariant;
  /** Table 三's cells in format order, the 2014 rows in `REQUEST_ROWS_2014` order, then fees (元), late and cases. */
  readonly counts: Float64Array;
  /** Table 三 cells outside the format (an unknown requester type), in the order they were counted; usually null. */
  readonly extraTable3: Readonly<Record<string, number>> | null;
  /** 2014 rows outside the list (an unknown channel), in the order they were counted; usually null. */
  readonly extraRows2014: Readonly<Record<string, number>> | null;
  readonly answersNotMapped: Readonly<Record<string, number>>;
  readonly unknownOutcomes: Readonly<Record<string, number>>;
}

/** Table 三's cell ids in the order a tally creates them, per variant. */
const TABLE3_ORDER = new Map<RequestTableVariant, readonly string[]>();

function table3Order(variant: RequestTableVariant): readonly string[] {
  let order = TABLE3_ORDER.get(variant);
  if (!order) {
    // The year does not change which cells a tally has.
    order = Object.keys(tallyRequestTables([], 2021, variant).table3);
    TABLE3_ORDER.set(variant, order);
  }
  return order;
}

/** The keys of `record` after its first `known` ones (a tally creates the known keys first, in order), or null. */
function extraKeys(record: Readonly<Record<string, number>>, known: readonly string[]): Record<string, number> | null {
  let extra: Record<string, number> | null = null;
  let i = 0;
  for (const id in record) {
    if (i++ < known.length) continue;
    (extra ??= {})[id] = record[id] ?? 0;
  }
  return extra;
}

/**
 * Packs an organization's request tables for adding.
 * @param tables what `tallyRequestTables` returned for the organization's groups
 */
export function packRequestTables(tables: RequestTables): PackedRequestTables {
  const order = table3Order(tables.variant);
  const counts = new Float64Array(order.length + REQUEST_ROWS_2014.length + 3);
  let at = 0;
  for (const id of order) counts[at++] = tables.table3[id] ?? 0;
  for (const id of REQUEST_ROWS_2014) counts[at++] = tables.rows2014[id];
  counts[at++] = tables.fees.yuan;
  counts[at++] = tables.concludedLate;
  counts[at] = tables.cases;
  return {
    variant: tables.variant,
    counts,
    extraTable3: extraKeys(tables.table3, order),
    extraRows2014: extraKeys(tables.rows2014, REQUEST_ROWS_2014),
    answersNotMapped: tables.answersNotMapped,
    unknownOutcomes: tables.unknownOutcomes,
  };
}

/** Adds `from` into `to`, key by key, new keys after the ones `to` has. */
function addInto(to: Record<string, number>, from: Readonly<Record<string, number>> | null): void {
  if (from === null) return;
  for (const id in from) to[id] = (to[id] ?? 0) + (from[id] ?? 0);
}

/**
 * The request tables of several organizations from each one's packed tables.
 * @param parts each member's packed tables for the same variant, in member order
 * @param year the report year
 * @returns what `tallyRequestTables` returns for all the members' groups in that order: the same
 *   counts, and the keys of the outcome counts in the same order of first appearance. The fees
 *   (元) are integers, so their sum does not depend on the order of addition.
 * @throws Error when a part was packed for another variant (a programming error)
 */
export function addPackedRequestTables(parts: readonly PackedRequestTables[], year: number, variant: RequestTableVariant): RequestTables {
  const order = table3Order(variant);
  const sums = new Float64Array(order.length + REQUEST_ROWS_2014.length + 3);
  for (const part of parts) {
    if (part.variant !== variant) throw new Error(`request tables packed for ${part.variant}, added as ${variant}`);
    const counts = part.counts;
    for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] ?? 0) + (counts[i] ?? 0);
  }
  const sum = tallyRequestTables([], year, variant);
  let at = 0;
  for (const id of order) sum.table3[id] = sums[at++] ?? 0;
  for (const id of REQUEST_ROWS_2014) sum.rows2014[id] = sums[at++] ?? 0;
  const feeYuan = sums[at++] ?? 0;
  sum.concludedLate = sums[at++] ?? 0;
  sum.cases = sums[at] ?? 0;
  for (const part of parts) {
    addInto(sum.table3, part.extraTable3);
    addInto(sum.rows2014, part.extraRows2014);
    addInto(sum.answersNotMapped, part.answersNotMapped);
    addInto(sum.unknownOutcomes, part.unknownOutcomes);
  }
  sum.rows2014.fees = toWanYuan(feeYuan);
  // The empty tally's cells2014 holds every 2014 request cell (`stats/<row>/value`), in its order.
  for (const id in sum.cells2014) sum.cells2014[id] = sum.rows2014[id.split('/')[1] as RequestRow2014Id];
  sum.fees = { yuan: feeYuan, wanYuan: toWanYuan(feeYuan), statementZh: feeStatementZh(feeYuan) };
  return sum;
}
