/**
 * Rules V01–V04 and V15: the identities (勾稽关系) of the format's tables, taken as data from
 * `format.identities` (RULES.md §6.2; table 三's V01 is printed in its top-left cell).
 */
import type { Identity } from '../format/report-format.ts';
import type { Finding } from './finding.ts';
import { at, cellRef, fmt, makeFinding, numberAt, roundSum, same } from './check-context.ts';
import type { CheckContext } from './check-context.ts';
import { tableName } from './format-index.ts';
import { isTableMissing } from './check-values.ts';

/** Where each identity rule comes from, for `Finding.source`. */
const SOURCES: Readonly<Record<string, string>> = {
  V01: 'RULES.md §6.2 V01; 表三左上角印明的勾稽关系（第一项加第二项之和，等于第三项加第四项之和）',
  V02: 'RULES.md §6.2 V02; 表三（七）总计 = 各办理结果之和（格式）',
  V03: 'RULES.md §6.2 V03; 表三 总计 = 各类申请人之和（格式）',
  V04: 'RULES.md §6.2 V04; 表四 各总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（格式）',
  V15: 'RULES.md §6.2 V15; 由表内层级推出的勾稽关系（UNVERIFIED，非官方规则）',
};

/**
 * Checks every identity of the format whose cells all hold numbers.
 *
 * - `eq` identities: `sum(left) = sum(right)`; a failure gives `expected` = sum(left),
 *   `found` = sum(right).
 * - `le` identities: `sum(left) ≤ sum(right)`; a failure gives `expected` = `≤ sum(right)`,
 *   `found` = sum(left).
 * - Severity `error` for `verified` identities, `warning` for unverified ones (RULES.md:
 *   UNVERIFIED rules never give errors). Rule id = the identity's `rule` (V01…V04, V15).
 * - Identities with a blank, na, ambiguous, text or missing cell are skipped; one `info` per
 *   table says how many (rule = the distinct rules skipped, comma-joined, e.g. `V01,V03`). Tables
 *   missing entirely are left to `V09-table` and get no such note.
 *
 * @returns findings, in format order
 */
export function checkIdentities(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const [tableId, identities] of ctx.index.identitiesByTable) {
    if (identities.length === 0) continue;
    let skipped = 0;
    const skippedRules = new Set<string>();
    for (const identity of identities) {
      const left = values(ctx, identity.left);
      const right = values(ctx, identity.right);
      if (left === null || right === null) {
        skipped++;
        skippedRules.add(identity.rule);
        continue;
      }
      const l = roundSum(left.reduce((a, b) => a + b, 0));
      const r = roundSum(right.reduce((a, b) => a + b, 0));
      const holds = identity.relation === 'eq' ? same(l, r) : l <= r + 1e-6;
      if (!holds) findings.push(identityFinding(ctx, identity, l, r));
    }
    const table = ctx.index.tables.get(tableId);
    if (skipped > 0 && table && !isTableMissing(ctx, table)) {
      const name = tableName(table);
      findings.push(
        makeFinding({
          rule: [...skippedRules].join(','),
          severity: 'info',
          zh: `${name.zh}共有${identities.length}个勾稽关系，其中${skipped}个因单元格为空、不适用、有歧义或缺失而无法核对。`,
          en: `${name.en}: ${skipped} of ${identities.length} identities could not be checked because a cell is blank, not applicable, ambiguous or missing.`,
          source: [...skippedRules].map((r) => SOURCES[r] ?? `RULES.md §6.2 ${r}`).join(' | '),
          expected: identities.length,
          found: identities.length - skipped,
        }),
      );
    }
  }
  return findings;
}

/** The values of the cells, or null when one is not a number. */
function values(ctx: CheckContext, ids: readonly string[]): number[] | null {
  const out: number[] = [];
  for (const id of ids) {
    const v = numberAt(ctx, id);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** The finding of a failed identity, naming each cell by its printed label. */
function identityFinding(ctx: CheckContext, identity: Identity, l: number, r: number): Finding {
  const ids = [...identity.left, ...identity.right];
  const infos = ids.map((id) => ctx.index.cells.get(id));
  const rows = new Set(infos.map((i) => i?.row.id));
  const columns = new Set(infos.map((i) => i?.column.id));
  const first = infos[0];
  const table = first ? tableName(first.table) : { zh: '', en: '' };
  // Name the terms by what varies: row labels within one column, column labels within one row.
  const termLabel = (id: string): string => {
    const info = ctx.index.cells.get(id);
    if (!info) return id;
    if (columns.size === 1 && rows.size > 1) return info.row.label;
    if (rows.size === 1 && columns.size > 1) return info.column.label;
    return info.label;
  };
  let scope = { zh: '', en: '' };
  if (first && columns.size === 1 && rows.size > 1 && first.table.columns.length > 1) {
    scope = { zh: `“${first.column.label}”列`, en: ` column “${first.column.label}”` };
  } else if (first && rows.size === 1 && columns.size > 1 && first.row.key !== '') {
    scope = { zh: `“${first.row.label}”行`, en: ` row “${first.row.label}”` };
  }
  // Long sums (V02 has up to 22 terms) list their non-zero cells and count the zeros.
  const terms = (side: readonly string[]): { zh: string; en: string } => {
    const refs = side.map((id) => ({ id, cell: cellRef(ctx, id) }));
    const shown = refs.length > 6 ? refs.filter((r) => r.cell.value !== 0) : refs;
    const zeros = refs.length - shown.length;
    const parts = shown.map(({ id, cell }) => {
      const pos = at(cell.position);
      return { zh: `${termLabel(id)} ${fmt(cell.value)}${pos.zh}`, en: `${termLabel(id)} ${fmt(cell.value)}${pos.en}` };
    });
    if (zeros > 0) parts.push({ zh: `其余${zeros}项均为 0`, en: `${zeros} other cell(s) of 0` });
    return { zh: parts.map((p) => p.zh).join(' + '), en: parts.map((p) => p.en).join(' + ') };
  };
  const left = terms(identity.left);
  const right = terms(identity.right);
  const eq = identity.relation === 'eq';
  const zh = eq
    ? `${table.zh}${scope.zh}勾稽关系不成立（${identity.description.zh}）：${left.zh} = ${fmt(l)}，而 ${right.zh} = ${fmt(r)}，相差 ${fmt(roundSum(l - r))}。`
    : `${table.zh}${scope.zh}勾稽关系不成立（${identity.description.zh}）：${left.zh} = ${fmt(l)}，大于 ${right.zh} = ${fmt(r)}。`;
  const en = eq
    ? `${table.en}${scope.en}: identity fails (${identity.description.en}): ${left.en} = ${fmt(l)}, but ${right.en} = ${fmt(r)} (difference ${fmt(roundSum(l - r))}).`
    : `${table.en}${scope.en}: identity fails (${identity.description.en}): ${left.en} = ${fmt(l)} exceeds ${right.en} = ${fmt(r)}.`;
  return makeFinding({
    rule: identity.rule,
    severity: identity.verified ? 'error' : 'warning',
    zh: identity.verified ? zh : `${zh}（此勾稽关系未经官方核实，仅作提示）`,
    en: identity.verified ? en : `${en} (an UNVERIFIED identity: a warning only)`,
    source: `${SOURCES[identity.rule] ?? `RULES.md §6.2 ${identity.rule}`}; identity ${identity.id}`,
    cells: ids.map((id) => cellRef(ctx, id)),
    expected: eq ? l : `≤ ${fmt(r)}`,
    found: eq ? r : l,
  });
}
