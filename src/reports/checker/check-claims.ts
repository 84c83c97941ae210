/**
 * Rule V07: the narrative's numbers must equal the table's (RULES.md §6.2 V07; CASS “发布内容不
 * 准确”), and `V07-swap`: two narrative figures that match each other's cells were swapped.
 */
import type { Claim } from '../model/structured-report.ts';
import type { Finding, Severity } from './finding.ts';
import { at, cellName, cellRef, fmt, makeFinding, passageOf, roundSum, same, sumAt } from './check-context.ts';
import type { CheckContext } from './check-context.ts';

const SOURCE = 'RULES.md §6.2 V07; 叙述数字须与表格一致';

/** A claim with cells whose every cell holds a number, and that sum. */
interface Compared {
  claim: Claim;
  cells: readonly string[];
  sum: number;
}

/**
 * The values a claim allows, in `cellUnit`: `lo`…`hi`, each end inclusive unless marked open.
 *
 * - negation (a zero in words): 0;
 * - exact: value; approximately: value ± 10%;
 * - at-least (N余/N多): value…∞; at-most: −∞…value; more-than: (value…∞; less-than: −∞…value);
 * - whatever the qualifier, `lowerBound` and `upperBound` replace the end they bound when set
 *   (12.77万 ⇒ 127650…127750; 1万余 ⇒ 10000…20000), as closed ends.
 *
 * A claim in 元 compared with cells in 万元 (or the reverse) is converted first.
 * @param cellUnit the unit of the cells, when known
 */
function claimBounds(claim: Claim, cellUnit?: string): { lo: number; hi: number; loOpen: boolean; hiOpen: boolean } {
  if (claim.negation) return { lo: 0, hi: 0, loOpen: false, hiOpen: false };
  const value = convert(claim.value, claim.unit, cellUnit);
  let b: { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };
  switch (claim.qualifier) {
    case 'exact':
      b = { lo: value, hi: value, loOpen: false, hiOpen: false };
      break;
    case 'approximately':
      b = { lo: value - Math.abs(value) * 0.1, hi: value + Math.abs(value) * 0.1, loOpen: false, hiOpen: false };
      break;
    case 'at-least':
      b = { lo: value, hi: Number.POSITIVE_INFINITY, loOpen: false, hiOpen: false };
      break;
    case 'at-most':
      b = { lo: Number.NEGATIVE_INFINITY, hi: value, loOpen: false, hiOpen: false };
      break;
    case 'more-than':
      b = { lo: value, hi: Number.POSITIVE_INFINITY, loOpen: true, hiOpen: false };
      break;
    case 'less-than':
      b = { lo: Number.NEGATIVE_INFINITY, hi: value, loOpen: false, hiOpen: true };
      break;
  }
  if (claim.lowerBound !== undefined) b = { ...b, lo: convert(claim.lowerBound, claim.unit, cellUnit), loOpen: false };
  if (claim.upperBound !== undefined) b = { ...b, hi: convert(claim.upperBound, claim.unit, cellUnit), hiOpen: false };
  return b;
}

/**
 * Whether the claim's number agrees with `sum`: `sum` lies in {@link claimBounds} (up to
 * floating-point noise).
 * @param cellUnit the unit of the cells, when known
 */
export function claimAgrees(claim: Claim, sum: number, cellUnit?: string): boolean {
  if (claim.negation) return same(sum, 0);
  const b = claimBounds(claim, cellUnit);
  const aboveLo = b.loOpen ? sum > b.lo + 1e-6 : sum >= b.lo - 1e-6;
  const belowHi = b.hiOpen ? sum < b.hi - 1e-6 : sum <= b.hi + 1e-6;
  return aboveLo && belowHi;
}

/** A value in `from` units expressed in `to` units (元 ↔ 万元); unchanged otherwise. */
function convert(value: number, from: string, to: string | undefined): number {
  if (from === '元' && to === '万元') return roundSum(value / 10000);
  if (from === '万元' && to === '元') return roundSum(value * 10000);
  return value;
}

/**
 * What the claim allows, e.g. `125981`, `≥ 1641`, `1641–1700`, `≈ 100 (±10%)`,
 * `≈ 127700 (127650–127750)`, `0`.
 */
export function claimRange(claim: Claim): string {
  if (claim.negation) return '0';
  if (claim.lowerBound !== undefined || (claim.upperBound !== undefined && claim.qualifier !== 'at-least')) {
    const b = claimBounds(claim);
    const range = `${Number.isFinite(b.lo) ? fmt(b.lo) : '−∞'}–${Number.isFinite(b.hi) ? fmt(b.hi) : '∞'}`;
    return claim.qualifier === 'approximately' ? `≈ ${fmt(claim.value)} (${range})` : range;
  }
  switch (claim.qualifier) {
    case 'exact':
      return fmt(claim.value);
    case 'approximately':
      return `≈ ${fmt(claim.value)} (±10%)`;
    case 'at-least':
      return claim.upperBound === undefined ? `≥ ${fmt(claim.value)}` : `${fmt(claim.value)}–${fmt(claim.upperBound)}`;
    case 'at-most':
      return `≤ ${fmt(claim.value)}`;
    case 'more-than':
      return `> ${fmt(claim.value)}`;
    case 'less-than':
      return `< ${fmt(claim.value)}`;
  }
}

/**
 * Compares every claim that has `cells` with the sum of those cells (claims with a cell that is
 * not a number are skipped).
 *
 * - Mismatch → `V07` with the severity of the claim's mapping (`format.claimMappings`;
 *   `warning` when the mapping is unknown); `expected` = the table's sum, `found` = the claim's
 *   number (or range), the passage and every cell included.
 * - Two mismatching claims A and B where A agrees with B's cells and B with A's (微信 1641 /
 *   微博 16805 in the text, the other way round in the table) → ONE `V07-swap` finding (error
 *   unless both mappings are warnings) instead of two `V07`s.
 */
export function checkClaims(ctx: CheckContext): Finding[] {
  const compared: Compared[] = [];
  for (const claim of ctx.report.claims) {
    const cells = claim.cells;
    if (!cells || cells.length === 0) continue;
    const sum = sumAt(ctx, cells);
    if (sum === null) continue;
    compared.push({ claim, cells, sum });
  }
  const mismatched = compared.filter((c) => !claimAgrees(c.claim, c.sum, unitOf(ctx, c.cells)));
  // Findings in reading order: a swap sits where its first claim does.
  const ordered: { at: number; finding: Finding }[] = [];
  const swapped = new Set<Compared>();
  // Swap partners are looked up by sum: B can only be A's partner when sum(B) lies in the range
  // A allows, so a binary search over the mismatches sorted by sum finds the candidates
  // (O(m log m) instead of comparing every pair; at most SWAP_SCAN candidates per claim).
  const bySum = mismatched.map((c, i) => ({ c, i })).sort((x, y) => x.c.sum - y.c.sum);
  for (let i = 0; i < mismatched.length; i++) {
    const a = mismatched[i];
    if (!a || swapped.has(a) || a.claim.negation) continue;
    const range = agreeRange(a.claim, unitOf(ctx, a.cells));
    let k = lowerBound(bySum, range.lo);
    for (let scanned = 0; k < bySum.length && scanned < SWAP_SCAN; k++, scanned++) {
      const entry = bySum[k];
      if (!entry || entry.c.sum > range.hi) break;
      const b = entry.c;
      if (entry.i <= i || swapped.has(b) || b.claim.negation) continue;
      if (a.cells.join('+') === b.cells.join('+')) continue;
      if (claimAgrees(a.claim, b.sum, unitOf(ctx, b.cells)) && claimAgrees(b.claim, a.sum, unitOf(ctx, a.cells))) {
        swapped.add(a);
        swapped.add(b);
        ordered.push({ at: i, finding: swapFinding(ctx, a, b) });
        break;
      }
    }
  }
  mismatched.forEach((c, i) => {
    if (!swapped.has(c)) ordered.push({ at: i, finding: mismatchFinding(ctx, c) });
  });
  const findings = ordered.sort((x, y) => x.at - y.at).map((o) => o.finding);
  return findings;
}

/** Most swap candidates examined per claim (bounds the work on pathological inputs). */
const SWAP_SCAN = 64;

/** The sums a claim agrees with, as a closed range in the cells' unit (a superset for open bounds). */
function agreeRange(claim: Claim, cellUnit: string | undefined): { lo: number; hi: number } {
  const b = claimBounds(claim, cellUnit);
  return { lo: b.lo - 1e-6, hi: b.hi + 1e-6 };
}

/** Index of the first entry whose sum is ≥ `lo` (entries sorted by sum). */
function lowerBound(entries: readonly { c: Compared }[], lo: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid]?.c.sum ?? Number.POSITIVE_INFINITY) < lo) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The unit of the first cell (all cells a mapping sums share one). */
function unitOf(ctx: CheckContext, cells: readonly string[]): string | undefined {
  const first = cells[0];
  return first === undefined ? undefined : ctx.index.cells.get(first)?.unit;
}

/** The severity of the claim's mapping; `warning` when it has none the format knows. */
function severityOf(ctx: CheckContext, claim: Claim): Severity {
  const mapping = claim.mapping === undefined ? undefined : ctx.index.mappings.get(claim.mapping);
  return mapping?.severity ?? 'warning';
}

/** `表三“…”（第12行）` + `“…”` for the cells, with values when there are several. */
function cellsText(ctx: CheckContext, cells: readonly string[]): { zh: string; en: string } {
  const parts = cells.map((id) => {
    const name = cellName(ctx, id);
    const ref = cellRef(ctx, id);
    const pos = at(ref.position);
    const value = cells.length > 1 ? ` ${fmt(ref.value)}` : '';
    return { zh: `${name.zh}${value}${pos.zh}`, en: `${name.en}${value}${pos.en}` };
  });
  return { zh: parts.map((p) => p.zh).join(' + '), en: parts.map((p) => p.en).join(' + ') };
}

/** The V07 finding of one claim that disagrees with its cells. */
function mismatchFinding(ctx: CheckContext, c: Compared): Finding {
  const { claim } = c;
  const pos = at(claim.position);
  const cells = cellsText(ctx, c.cells);
  const sumText = c.cells.length > 1 ? { zh: `之和为 ${fmt(c.sum)}`, en: `sum to ${fmt(c.sum)}` } : { zh: `为 ${fmt(c.sum)}`, en: `holds ${fmt(c.sum)}` };
  const range = claimRange(claim);
  const stated = claim.negation ? { zh: '零（文字表述）', en: 'zero (in words)' } : { zh: `${range} ${claim.unit}`, en: `${range} ${claim.unit}` };
  return makeFinding({
    rule: 'V07',
    severity: severityOf(ctx, claim),
    zh: `叙述与表格不一致：叙述“${claim.text}”${pos.zh}称 ${stated.zh}，而${cells.zh}${sumText.zh}。`,
    en: `Narrative and table disagree: the passage “${claim.text}”${pos.en} states ${stated.en}, but ${cells.en} ${sumText.en}.`,
    source: `${SOURCE}; claim mapping ${claim.mapping ?? '(none)'}`,
    cells: c.cells.map((id) => cellRef(ctx, id)),
    passages: [passageOf(claim)],
    expected: c.sum,
    found: claim.qualifier === 'exact' || claim.negation ? claim.value : range,
  });
}

/** The single V07-swap finding of two claims whose figures were swapped. */
function swapFinding(ctx: CheckContext, a: Compared, b: Compared): Finding {
  const pa = at(a.claim.position);
  const pb = at(b.claim.position);
  const ca = cellsText(ctx, a.cells);
  const cb = cellsText(ctx, b.cells);
  const severity: Severity = severityOf(ctx, a.claim) === 'warning' && severityOf(ctx, b.claim) === 'warning' ? 'warning' : 'error';
  return makeFinding({
    rule: 'V07-swap',
    severity,
    zh:
      `叙述与表格的两个数字互换了：叙述“${a.claim.text}”${pa.zh}为 ${claimRange(a.claim)}，而${ca.zh}为 ${fmt(a.sum)}；` +
      `叙述“${b.claim.text}”${pb.zh}为 ${claimRange(b.claim)}，而${cb.zh}为 ${fmt(b.sum)}。两处数字正好对调。`,
    en:
      `Two figures are swapped between narrative and table: “${a.claim.text}”${pa.en} states ${claimRange(a.claim)} where ${ca.en} holds ${fmt(a.sum)}; ` +
      `“${b.claim.text}”${pb.en} states ${claimRange(b.claim)} where ${cb.en} holds ${fmt(b.sum)}. Each matches the other's cell.`,
    source: `${SOURCE}; claim mappings ${a.claim.mapping ?? '(none)'} / ${b.claim.mapping ?? '(none)'}`,
    cells: [...a.cells, ...b.cells].map((id) => cellRef(ctx, id)),
    passages: [passageOf(a.claim), passageOf(b.claim)],
    expected: `${fmt(a.sum)} / ${fmt(b.sum)}`,
    found: `${fmt(a.claim.value)} / ${fmt(b.claim.value)}`,
  });
}
