/**
 * Rule `V07-shares` (RULES.md has no id for it: “shares must total 100%”, a form of V07): a set of
 * shares (占 N%) describing one whole must total 100%, and the narrative and the table must give
 * the same share for the same label (吴忠 2017: 其他 15% in the text, 25% in the table).
 */
import type { ShareSet } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, cellRef, fmt, makeFinding, roundSum } from './check-context.ts';
import type { CheckContext } from './check-context.ts';

const SOURCE = 'RULES.md §6.2 V07 (no rule id: shares must total 100%); 各项占比之和应为100%';

/** Rounding slack: shares printed as whole percentages may total 99–101. */
const TOLERANCE = 1;

/**
 * A share label reduced for comparison: whitespace and punctuation removed, 其它 → 其他, and the
 * trailing 类信息 / 类 / 信息 / 占比 / 方面 dropped (`机构职能类信息` → `机构职能`).
 */
export function shareKey(label: string): string {
  return label
    .replace(/[\s\p{P}]/gu, '')
    .replace(/其它/g, '其他')
    .replace(/(类信息|信息类|类|信息|占比|方面|的)+$/u, '');
}

/**
 * Checks every share set and every narrative/table pair of share sets.
 *
 * - A set of ≥ 2 shares totalling more than 101% → error; less than 99% → error when the set
 *   names 其他 (so it claims to cover everything), else warning (it may list the main items only).
 * - A narrative set and a table set with ≥ 2 labels in common (after {@link shareKey}; a label
 *   that is a prefix of exactly one label of the other set also counts: 重大项目 / 重大项目建设)
 *   describe the same thing: each common label with different shares → error. Each narrative
 *   set is compared with the one table set sharing the most labels.
 *
 * `expected`/`found`: 100 / the total; or the table's share / the narrative's share.
 */
export function checkShares(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const set of ctx.report.shareSets) {
    if (set.items.length < 2) continue;
    const total = roundSum(set.items.reduce((a, i) => a + i.value, 0));
    if (Math.abs(total - 100) <= TOLERANCE) continue;
    const hasOther = set.items.some((i) => shareKey(i.label) === '其他');
    const severity = total > 100 || hasOther ? 'error' : 'warning';
    const where = at(set.position);
    const items = set.items.map((i) => `${i.label} ${fmt(i.value)}%`).join('、');
    const origin = set.origin === 'table' ? { zh: '表格', en: 'table' } : { zh: '叙述', en: 'narrative' };
    findings.push(
      makeFinding({
        rule: 'V07-shares',
        severity,
        zh: `${origin.zh}中“${set.subject}”的各项占比之和为 ${fmt(total)}%，不等于100%${where.zh}：${items}。`,
        en: `The ${origin.en} shares of “${set.subject}” total ${fmt(total)}%, not 100%${where.en}: ${items}.`,
        source: SOURCE,
        ...evidence(ctx, set, set.items),
        expected: 100,
        found: total,
      }),
    );
  }
  const narrative = ctx.report.shareSets.filter((s) => s.origin === 'narrative');
  const tables = ctx.report.shareSets.filter((s) => s.origin === 'table');
  const keys = new Map<ShareSet, string[]>();
  for (const set of ctx.report.shareSets) keys.set(set, set.items.map((i) => shareKey(i.label)));
  for (const n of narrative) {
    // A narrative set describes one table set: the one sharing the most labels (first on ties).
    let best: { set: ShareSet; pairs: SharePair[] } | null = null;
    for (const t of tables) {
      const pairs = pairShareLabels(n, t, keys.get(n), keys.get(t));
      if (pairs.length >= 2 && (best === null || pairs.length > best.pairs.length)) best = { set: t, pairs };
    }
    if (best) findings.push(...compareSets(ctx, n, best.set, best.pairs));
  }
  return findings;
}

/** Two items, one of each set, with the same label. */
type SharePair = [ShareSet['items'][number], ShareSet['items'][number]];

/**
 * The text cells a table share set was read from (2014 申请公开的主要内容): the `text` cells on
 * the set's line, else the report's only `text` cell; none when it cannot be told.
 */
function shareSetCells(ctx: CheckContext, set: ShareSet): string[] {
  if (set.origin !== 'table') return [];
  const texts = ctx.report.cells.filter((c) => c.status === 'text');
  const line = set.position?.line;
  const onLine = line === undefined ? [] : texts.filter((c) => c.position?.line === line);
  if (onLine.length > 0) return onLine.map((c) => c.id);
  const only = texts.length === 1 ? texts[0] : undefined;
  return only ? [only.id] : [];
}

/** Narrative items are passages; a table set points at its cell instead (so renderers mark the table, not a section). */
function evidence(ctx: CheckContext, set: ShareSet, items: ShareSet['items']): { cells: Finding['cells']; passages: Finding['passages'] } {
  if (set.origin === 'table') {
    const cells = shareSetCells(ctx, set);
    if (cells.length > 0) return { cells: cells.map((id) => cellRef(ctx, id)), passages: [] };
  }
  return { cells: [], passages: items.map((i) => ({ claim: null, text: `${i.label} ${fmt(i.value)}%`, position: i.position })) };
}

/**
 * Pairs the labels of two share sets: exact keys first, then a unique prefix match.
 * @param aKeys, bKeys the sets' {@link shareKey}s when already computed
 */
function pairShareLabels(a: ShareSet, b: ShareSet, aKeys?: readonly string[], bKeys: readonly string[] = b.items.map((i) => shareKey(i.label))): SharePair[] {
  const pairs: SharePair[] = [];
  const usedB = new Set<number>();
  const leftover: { item: ShareSet['items'][number]; key: string }[] = [];
  for (const [index, item] of a.items.entries()) {
    const key = aKeys?.[index] ?? shareKey(item.label);
    const j = bKeys.findIndex((k, idx) => k === key && !usedB.has(idx));
    const match = b.items[j];
    if (j >= 0 && match) {
      usedB.add(j);
      pairs.push([item, match]);
    } else leftover.push({ item, key });
  }
  for (const { item, key } of leftover) {
    if (key.length < 2) continue;
    const candidates = bKeys
      .map((k, idx) => ({ k, idx }))
      .filter(({ k, idx }) => !usedB.has(idx) && k.length >= 2 && (k.startsWith(key) || key.startsWith(k)));
    const only = candidates.length === 1 ? candidates[0] : undefined;
    const match = only ? b.items[only.idx] : undefined;
    if (only && match) {
      usedB.add(only.idx);
      pairs.push([item, match]);
    }
  }
  return pairs;
}

/** Errors for each common label of a narrative and a table set that differ. */
function compareSets(ctx: CheckContext, n: ShareSet, t: ShareSet, pairs: readonly SharePair[]): Finding[] {
  const findings: Finding[] = [];
  for (const [ni, ti] of pairs) {
    if (Math.abs(ni.value - ti.value) < 1e-6) continue;
    const pn = at(ni.position);
    const pt = at(ti.position);
    findings.push(
      makeFinding({
        rule: 'V07-shares',
        severity: 'error',
        zh: `叙述与表格对“${n.subject}”中“${ni.label}”的占比不一致：叙述为 ${fmt(ni.value)}%${pn.zh}，表格为 ${fmt(ti.value)}%${pt.zh}。`,
        en: `Narrative and table give different shares for “${ni.label}” of “${n.subject}”: ${fmt(ni.value)}% in the narrative${pn.en}, ${fmt(ti.value)}% in the table${pt.en}.`,
        source: `${SOURCE}; 叙述与表格须一致 (V07)`,
        cells: evidence(ctx, t, [ti]).cells,
        passages: [...evidence(ctx, n, [ni]).passages, ...evidence(ctx, t, [ti]).passages],
        expected: ti.value,
        found: ni.value,
      }),
    );
  }
  return findings;
}
