/**
 * Narrows the candidate splits of flattened rows that are ambiguous on their own with the
 * verified identities that run across rows (V01, V02: per column of table 三). Only rows already
 * ambiguous are narrowed: a row read or split uniquely is a fixed input here, so a published table
 * that is itself inconsistent (平潭 2020: outcome rows adding up to 26, 总计 20) never turns a
 * good row ambiguous. Identities that no combination can satisfy (broken by fixed cells) are set
 * aside rather than allowed to veto every combination.
 */
import { sumsAgree } from './number-splitter.ts';
import { cellId } from '../format/report-format.ts';
import type { Identity } from '../format/report-format.ts';

/** A row ambiguous on its own: candidate value rows, one value per column. */
export interface AmbiguousRow {
  readonly rowId: string;
  readonly candidates: readonly (readonly number[])[];
}

/** A term of an identity: a fixed value or a cell of an ambiguous row. */
type Term = { fixed: number } | { row: number; column: number };

interface Compiled {
  readonly left: readonly Term[];
  readonly right: readonly Term[];
  readonly relation: 'eq' | 'le';
  /** Indexes (into the ambiguous rows) of the rows it involves, ascending. */
  readonly rows: readonly number[];
}

/** Default bound on search nodes. */
const DEFAULT_MAX_WORK = 100_000;

function sum(terms: readonly Term[], choice: readonly number[], rows: readonly AmbiguousRow[]): number {
  let total = 0;
  for (const t of terms) {
    if ('fixed' in t) total += t.fixed;
    else total += rows[t.row]?.candidates[choice[t.row] ?? 0]?.[t.column] ?? Number.NaN;
  }
  return total;
}

/** Whether `identity` holds for the candidates `choice` picks in each ambiguous row. */
function satisfied(identity: Compiled, choice: readonly number[], rows: readonly AmbiguousRow[]): boolean {
  return sumsAgree(sum(identity.left, choice, rows), identity.relation, sum(identity.right, choice, rows));
}

/**
 * Depth-first search over the candidates of `order` (row indexes), checking each identity once
 * its last row is chosen. Calls `found` for each complete assignment satisfying `identities`.
 * @returns false when the work bound ran out
 */
function search(
  order: readonly number[],
  identities: readonly Compiled[],
  rows: readonly AmbiguousRow[],
  maxWork: number,
  found: (choice: readonly number[]) => void,
): boolean {
  const checkAt = order.map((r) => identities.filter((i) => i.rows[i.rows.length - 1] === r));
  const choice = new Array<number>(rows.length).fill(0);
  let work = 0;
  const visit = (depth: number): boolean => {
    if (depth === order.length) {
      found(choice);
      return true;
    }
    const r = order[depth] ?? 0;
    const count = rows[r]?.candidates.length ?? 0;
    for (let k = 0; k < count; k++) {
      if (++work > maxWork) return false;
      choice[r] = k;
      if ((checkAt[depth] ?? []).every((i) => satisfied(i, choice, rows)) && !visit(depth + 1)) return false;
    }
    return true;
  };
  return visit(0);
}

/**
 * Which candidates of each ambiguous row survive the cross-row identities.
 * @param tableId the table id (cell ids are `table/row/column`)
 * @param columns the table's column ids, in order
 * @param identities verified identities (row-local ones may be included: they are ignored unless
 *   they involve an ambiguous row, which they already satisfy)
 * @param known values of the cells read as numbers, by cell id
 * @param rows the rows ambiguous on their own
 * @returns kept candidate indexes per row id (rows no usable identity involves are absent), or
 *   null when nothing can be narrowed (no usable identity, no combination satisfies them jointly,
 *   or the search bound ran out). Never throws.
 */
export function narrowByColumnIdentities(
  tableId: string,
  columns: readonly string[],
  identities: readonly Identity[],
  known: ReadonlyMap<string, number>,
  rows: readonly AmbiguousRow[],
  maxWork: number = DEFAULT_MAX_WORK,
): Map<string, number[]> | null {
  const where = new Map<string, { row: number; column: number }>();
  rows.forEach((r, row) => columns.forEach((c, column) => where.set(cellId(tableId, r.rowId, c), { row, column })));
  const usable: Compiled[] = [];
  for (const identity of identities) {
    const terms = (ids: readonly string[]): Term[] | null => {
      const out: Term[] = [];
      for (const id of ids) {
        const cell = where.get(id);
        const value = known.get(id);
        if (cell) out.push(cell);
        else if (value !== undefined) out.push({ fixed: value });
        else return null; // a missing, blank or N/A cell: the identity cannot decide anything
      }
      return out;
    };
    const left = terms(identity.left);
    const right = terms(identity.right);
    if (!left || !right) continue;
    const involved = [...new Set([...left, ...right].flatMap((t) => ('row' in t ? [t.row] : [])))].sort((a, b) => a - b);
    if (involved.length === 0) continue;
    // Row-local identities (V03, V04) were applied when splitting.
    const rowsOfIdentity = new Set([...identity.left, ...identity.right].map((id) => id.slice(0, id.lastIndexOf('/'))));
    if (rowsOfIdentity.size < 2) continue;
    usable.push({ left, right, relation: identity.relation, rows: involved });
  }
  // Set aside identities no combination satisfies: they are broken by the fixed cells.
  const satisfiable = usable.filter((identity) => {
    let any = false;
    const complete = search(identity.rows, [identity], rows, maxWork, () => {
      any = true;
    });
    return complete ? any : false;
  });
  if (satisfiable.length === 0) return null;
  const order = [...new Set(satisfiable.flatMap((i) => i.rows))].sort((a, b) => a - b);
  const kept = new Map<number, Set<number>>(order.map((r) => [r, new Set<number>()]));
  let solutions = 0;
  const complete = search(order, satisfiable, rows, maxWork, (choice) => {
    solutions++;
    for (const r of order) kept.get(r)?.add(choice[r] ?? 0);
  });
  if (!complete || solutions === 0) return null;
  const out = new Map<string, number[]>();
  for (const [r, set] of kept) {
    const row = rows[r];
    if (row) out.set(row.rowId, [...set].sort((a, b) => a - b));
  }
  return out;
}
