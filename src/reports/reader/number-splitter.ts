/**
 * Splits a flattened run of digits back into table cells. When a report's table lost its cell
 * boundaries (HTML copied as one line: `一、本年新收政府信息公开申请数量200 000121`), the digits of
 * a row are still in order; this module enumerates every way of cutting them into exactly one
 * number per column and keeps the cuts that satisfy the row's own identities (V03, V04).
 *
 * Pure and bounded: it never throws, and a hostile input (a 5,000-digit run, a row with
 * millions of cuts) stops early with `truncated` set instead of hanging.
 */
import type { ValueType } from '../format/report-format.ts';

/** A whitespace-separated piece of printed text: whitespace is always a cell boundary. */
export interface SplitToken {
  /** The printed characters (digits, `.`, `-`), e.g. `000121`, `35-15`, `2895.90`. */
  readonly text: string;
  /** Offset of the token's first character in the caller's text (carried into the parts). */
  readonly offset: number;
}

/** One number cut out of a token. */
export interface SplitPart {
  /** The number. */
  readonly value: number;
  /** Its printed characters, e.g. `-15`. */
  readonly raw: string;
  /** Offset of its first character (token offset + position in the token). */
  readonly offset: number;
}

/**
 * An identity among the cells of one row, by column index: `sum(left) relation sum(right)`.
 * Only verified identities should be passed (unverified ones never choose values).
 */
export interface RowIdentity {
  readonly left: readonly number[];
  readonly relation: 'eq' | 'le';
  readonly right: readonly number[];
}

/** Limits of the enumeration. */
export interface SplitLimits {
  /** Longest token accepted, in characters (longer → no enumeration, `truncated`). Default 40. */
  readonly maxTokenLength?: number;
  /** Most splits enumerated exhaustively. Default 20,000. */
  readonly maxSplits?: number;
  /** Search nodes allowed for the identity-pruned search beyond `maxSplits`. Default 200,000. */
  readonly maxWork?: number;
}

/**
 * Result of {@link splitRow}.
 * - `unique`: exactly one split satisfies the identities (or, with none satisfying, only one split
 *   exists at all: `forced`); `candidates` holds it.
 * - `ambiguous`: several splits remain; `candidates` holds them (all of them, or the first
 *   `maxCandidates` when `truncated`).
 * - `none`: no split into exactly that many numbers exists (too few digits, a minus in a column
 *   that cannot be negative, a decimal in a count column).
 */
export interface SplitResult {
  readonly status: 'unique' | 'ambiguous' | 'none';
  /** Candidate rows, each one part per column. */
  readonly candidates: readonly (readonly SplitPart[])[];
  /** True when the only split violates the identities but is the only possible one. */
  readonly forced: boolean;
  /** True when the candidates listed are not all there are, or the search stopped early. */
  readonly truncated: boolean;
  /** Why the search stopped early, if it did. */
  readonly limit: 'token-length' | 'work' | null;
  /** Number of syntactic splits (ignoring identities), capped at 1e12. */
  readonly splitCount: number;
}

const DEFAULT_MAX_TOKEN = 40;
const DEFAULT_MAX_SPLITS = 20_000;
const DEFAULT_MAX_WORK = 200_000;
/** Candidates kept for an ambiguous row (the rest are counted, not listed). */
const MAX_CANDIDATES = 50;
/** Digits of a number's integer part: beyond this, doubles lose exactness. */
const MAX_INT_DIGITS = 15;
const COUNT_CAP = 1e12;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Lengths of the numbers that may start at `pos` of `text` for a column of `type`. A number is
 * `-?(0|[1-9]\d*)(\.\d+)?`: the minus only for `signed-count`, the decimal part only for
 * `amount`, and a decimal part runs to the end of its digit run (its digits stay together). A cut
 * may not fall before a `.` nor right after a `-`.
 */
function numberLengths(text: string, pos: number, type: ValueType): number[] {
  if (type === 'text') return [];
  let i = pos;
  if (text[i] === '-') {
    if (type !== 'signed-count') return [];
    i++;
  }
  if (!isDigit(text[i])) return [];
  const intStart = i;
  const lengths: number[] = [];
  // Integer part: `0` alone, or a non-zero digit followed by digits (no leading zeros).
  const maxInt = text[i] === '0' ? 1 : MAX_INT_DIGITS;
  for (let len = 1; len <= maxInt && isDigit(text[intStart + len - 1]); len++) {
    const end = intStart + len;
    const next = text[end];
    if (next === '.') {
      // A decimal point belongs to this number: only an amount may have it, and then its
      // fractional digits all belong to it.
      if (type !== 'amount' || !isDigit(text[end + 1])) continue;
      let f = end + 1;
      while (isDigit(text[f])) f++;
      if (text[f] === undefined || text[f] === '-') lengths.push(f - pos);
      continue;
    }
    if (text[pos] === '-' && text[pos + 1] === '0' && len === 1) continue; // no `-0`
    if (next === undefined || isDigit(next) || next === '-') lengths.push(end - pos);
  }
  return lengths;
}

const TYPE_INDEX: Readonly<Record<ValueType, number>> = { count: 0, 'signed-count': 1, amount: 2, text: 3 };

/**
 * The allowed number lengths at each position of each token, per value type, computed lazily.
 * Positions are global (token start + position in token) so caches are flat arrays.
 */
class CutTable {
  /** Global index of each token's first character; one more entry for the end. */
  readonly starts: number[];
  private readonly cache: (number[] | undefined)[];
  constructor(
    private readonly tokens: readonly SplitToken[],
    private readonly types: readonly ValueType[],
  ) {
    this.starts = [0];
    for (const t of tokens) this.starts.push((this.starts[this.starts.length - 1] ?? 0) + t.text.length);
    this.cache = new Array<number[] | undefined>(((this.starts[tokens.length] ?? 0) + 1) * 4);
  }

  lengths(t: number, p: number, col: number): number[] {
    const type = this.types[col] ?? 'count';
    const key = ((this.starts[t] ?? 0) + p) * 4 + TYPE_INDEX[type];
    let hit = this.cache[key];
    if (!hit) {
      hit = numberLengths(this.tokens[t]?.text ?? '', p, type);
      this.cache[key] = hit;
    }
    return hit;
  }
}

/**
 * A counter of the splits from (token t, position p, column col) to the end, memoised; counts are
 * capped at COUNT_CAP. The enumeration uses it to enter only branches that can complete.
 */
function splitCounter(tokens: readonly SplitToken[], n: number, cuts: CutTable): (t: number, p: number, col: number) => number {
  const memo = new Float64Array(((cuts.starts[tokens.length] ?? 0) + 1) * (n + 1)).fill(-1);
  const ways = (t: number, p: number, col: number): number => {
    const token = tokens[t];
    if (!token) return col === n ? 1 : 0;
    if (p === token.text.length) return ways(t + 1, 0, col);
    if (col === n) return 0;
    const key = ((cuts.starts[t] ?? 0) + p) * (n + 1) + col;
    const hit = memo[key] ?? -1;
    if (hit >= 0) return hit;
    let total = 0;
    for (const len of cuts.lengths(t, p, col)) total = Math.min(COUNT_CAP, total + ways(t, p + len, col + 1));
    memo[key] = total;
    return total;
  };
  return ways;
}

/**
 * Whether two sums satisfy `relation` (`eq`: equal; `le`: left ≤ right), with a relative tolerance
 * of 1e-6 that absorbs the rounding of decimal sums (万元). NaN on either side never holds.
 */
export function sumsAgree(left: number, relation: 'eq' | 'le', right: number): boolean {
  const eps = 1e-6 * Math.max(1, Math.abs(left), Math.abs(right));
  return relation === 'eq' ? Math.abs(left - right) <= eps : left <= right + eps;
}

/** Whether `identity` holds for `values`. */
function holds(identity: RowIdentity, values: readonly number[]): boolean {
  let left = 0;
  let right = 0;
  for (const i of identity.left) left += values[i] ?? Number.NaN;
  for (const i of identity.right) right += values[i] ?? Number.NaN;
  return sumsAgree(left, identity.relation, right);
}

/** Whether every identity holds for a full row of `values` (by column index). Never throws. */
export function satisfiesAll(identities: readonly RowIdentity[], values: readonly number[]): boolean {
  return identities.every((identity) => holds(identity, values));
}

/**
 * Splits the tokens of one row into exactly `types.length` numbers.
 *
 * Rules: whitespace between tokens is always a boundary; a minus always starts a number and only a
 * `signed-count` column takes one; decimals only in `amount` columns, their digits kept together;
 * no leading zeros except `0` itself. Among all splits, those satisfying every `identities` entry
 * are kept. One kept → `unique`. Several → `ambiguous`. None kept: if there is only one split at
 * all it is used anyway (`unique`, `forced`: the checker will report the identity failure);
 * otherwise every split is a candidate (`ambiguous`).
 *
 * Bounds: a token longer than `maxTokenLength` is not enumerated (`ambiguous`, `truncated`, limit
 * `token-length`, no candidates). More than `maxSplits` splits → a depth-first search that checks
 * each identity as soon as its columns are cut, within `maxWork` nodes; if that runs out, the
 * result is `ambiguous`, `truncated`, limit `work`, with the candidates found so far.
 * @param tokens the printed tokens of the row, in order
 * @param types the value type of each column, in order
 * @param identities verified identities among the row's columns (by index)
 * @returns the split result; never throws
 */
export function splitRow(
  tokens: readonly SplitToken[],
  types: readonly ValueType[],
  identities: readonly RowIdentity[] = [],
  limits: SplitLimits = {},
): SplitResult {
  const n = types.length;
  const maxToken = limits.maxTokenLength ?? DEFAULT_MAX_TOKEN;
  const empty = { candidates: [], forced: false, splitCount: 0 };
  // Every token holds at least one number, so more tokens than columns cannot split.
  if (n === 0 || tokens.length === 0 || tokens.length > n) return { status: 'none', ...empty, truncated: false, limit: null };
  if (tokens.some((t) => t.text.length > Math.min(maxToken, 400)) || n > 63) {
    return { status: 'ambiguous', ...empty, truncated: true, limit: 'token-length' };
  }
  const cuts = new CutTable(tokens, types);
  const ways = splitCounter(tokens, n, cuts);
  const splitCount = ways(0, 0, 0);
  if (splitCount === 0) return { status: 'none', ...empty, truncated: false, limit: null };

  // Each identity is checked once its highest column is cut, so deep splits are pruned early.
  const checkAt: RowIdentity[][] = Array.from({ length: n }, () => []);
  for (const identity of identities) {
    const last = Math.max(...identity.left, ...identity.right);
    if (last >= 0 && last < n) checkAt[last]?.push(identity);
  }
  const exhaustive = splitCount <= (limits.maxSplits ?? DEFAULT_MAX_SPLITS);
  const maxWork = exhaustive ? Number.POSITIVE_INFINITY : (limits.maxWork ?? DEFAULT_MAX_WORK);

  const accepted: SplitPart[][] = [];
  let acceptedCount = 0;
  const all: SplitPart[][] = []; // every split, kept only when exhaustive (for the no-match case)
  let work = 0;
  let outOfWork = false;
  const parts: SplitPart[] = [];
  const values: number[] = [];
  let violated = 0; // identities failing along the current path (exhaustive mode only)

  const visit = (t: number, p: number, col: number): void => {
    if (outOfWork) return;
    if (++work > maxWork) {
      outOfWork = true;
      return;
    }
    const token = tokens[t];
    if (!token) {
      if (col !== n) return;
      if (all.length < MAX_CANDIDATES) all.push([...parts]);
      if (violated === 0) {
        acceptedCount++;
        if (accepted.length < MAX_CANDIDATES) accepted.push([...parts]);
      }
      return;
    }
    if (p === token.text.length) {
      visit(t + 1, 0, col);
      return;
    }
    if (col === n) return;
    for (const len of cuts.lengths(t, p, col)) {
      if (ways(t, p + len, col + 1) === 0) continue; // a dead end: no complete split below
      const raw = token.text.slice(p, p + len);
      const value = Number(raw);
      parts.push({ value, raw, offset: token.offset + p });
      values.push(value);
      let failing = 0;
      for (const identity of checkAt[col] ?? []) if (!holds(identity, values)) failing++;
      // Beyond the exhaustive bound, prune failing paths; within it, keep them to know the splits.
      if (failing === 0 || exhaustive) {
        violated += failing;
        visit(t, p + len, col + 1);
        violated -= failing;
      }
      parts.pop();
      values.pop();
      if (outOfWork) return;
    }
  };
  visit(0, 0, 0);

  if (outOfWork) {
    return { status: 'ambiguous', candidates: accepted, forced: false, truncated: true, limit: 'work', splitCount };
  }
  if (acceptedCount === 1) {
    return { status: 'unique', candidates: accepted, forced: false, truncated: false, limit: null, splitCount };
  }
  if (acceptedCount > 1) {
    return { status: 'ambiguous', candidates: accepted, forced: false, truncated: acceptedCount > accepted.length, limit: null, splitCount };
  }
  if (splitCount === 1) {
    return { status: 'unique', candidates: all, forced: true, truncated: false, limit: null, splitCount };
  }
  // No split satisfies the identities: every split stays a candidate (the pruned search above
  // the exhaustive bound cannot list them, so they are marked truncated).
  return { status: 'ambiguous', candidates: all, forced: false, truncated: !exhaustive || splitCount > all.length, limit: null, splitCount };
}
