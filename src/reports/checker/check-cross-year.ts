/**
 * Cross-year rules, comparing a report with the same organization's report on the year before
 * (RULES.md §6.2): V05 carry-over, V06 项目数量 (2019 format, UNVERIFIED), V13 repeated text.
 */
import { REQUEST_COLUMNS } from '../format/request-tables.ts';
import type { StructuredReport } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, cellName, cellRef, createContext, fmt, hanCount, makeFinding, numberAt, roundSum, same } from './check-context.ts';
import type { CheckContext } from './check-context.ts';
import { diceSimilarity } from './text-similarity.ts';

/** Similarity above which a text counts as repeated (CASS: 重复率达90%). */
const SIMILARITY_THRESHOLD = 0.9;
/** Fewest Han characters a section needs (in both years) to be compared on its own. */
const MIN_SECTION_HAN = 100;

/** An organization name reduced for comparison (whitespace removed). */
export function organizationKey(name: string | null): string | null {
  if (name === null) return null;
  const key = name.replace(/\s+/g, '');
  return key === '' ? null : key;
}

/**
 * Runs V05, V06 and V13 on `ctx` against `previous`.
 *
 * - `previous` must be the same organization (names equal without whitespace, when both are
 *   known) and the year before; otherwise one `V05` info says the cross-year rules were skipped.
 * - V05 (error, per column): table 三 二、上年结转 (Y) = 四、结转下年度继续办理 (Y−1); both years
 *   in the 2019 or 2021 format. `expected` = last year's carried-over, `found` = this year's.
 * - V06 (warning, UNVERIFIED as an official rule): both years in the 2019 format, table 二
 *   上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1), per row.
 * - V13 (warning): bigram Dice similarity of all section text > 90% → one warning with the
 *   figure; otherwise one warning per section (≥ 100 Han characters in both years) above 90%.
 */
export function checkCrossYear(ctx: CheckContext, previous: StructuredReport): Finding[] {
  const { report } = ctx;
  const a = organizationKey(report.organization.name);
  const b = organizationKey(previous.organization.name);
  const yearOk = report.year === null || previous.year === null || previous.year === report.year - 1;
  if ((a !== null && b !== null && a !== b) || !yearOk) {
    return [
      makeFinding({
        rule: 'V05',
        severity: 'info',
        zh: `所给的上一年度报告（${previous.organization.name ?? '?'} ${previous.year ?? '?'}年）与本报告（${report.organization.name ?? '?'} ${report.year ?? '?'}年）不是同一机关的相邻年度，跨年度核对（V05、V06、V13）未进行。`,
        en: `The previous report given (${previous.organization.name ?? '?'} ${previous.year ?? '?'}) is not the same organization's report on the year before (${report.organization.name ?? '?'} ${report.year ?? '?'}); cross-year rules V05, V06, V13 were skipped.`,
        source: 'RULES.md §6.2 V05, V06, V13',
        expected: report.year === null ? null : report.year - 1,
        found: previous.year,
      }),
    ];
  }
  const prev = createContext(previous);
  return [...checkCarryOver(ctx, prev), ...checkProjectCounts(ctx, prev), ...checkRepetition(ctx, prev)];
}

/** `2020年度报告` / `the report on 2020`. */
function yearLabel(report: StructuredReport): { zh: string; en: string } {
  return report.year === null ? { zh: '上一年度报告', en: 'the previous report' } : { zh: `${report.year}年度报告`, en: `the report on ${report.year}` };
}

/** V05: carried in this year = carried over last year, per column of table 三. */
function checkCarryOver(ctx: CheckContext, prev: CheckContext): Finding[] {
  if (ctx.format.id === '2014' || prev.format.id === '2014') return [];
  const findings: Finding[] = [];
  const label = yearLabel(prev.report);
  for (const column of REQUEST_COLUMNS) {
    const inId = `t3/carried-in/${column.id}`;
    const outId = `t3/carried-over/${column.id}`;
    const carriedIn = numberAt(ctx, inId);
    const carriedOver = numberAt(prev, outId);
    if (carriedIn === null || carriedOver === null || same(carriedIn, carriedOver)) continue;
    const here = cellRef(ctx, inId);
    const there = cellRef(prev, outId);
    findings.push(
      makeFinding({
        rule: 'V05',
        severity: 'error',
        zh: `${cellName(ctx, inId).zh}${at(here.position).zh}为 ${fmt(carriedIn)}，而${label.zh}表三“四、结转下年度继续办理·${column.label}”${at(there.position).zh}为 ${fmt(carriedOver)}，两者应相等。`,
        en: `${cellName(ctx, inId).en}${at(here.position).en} is ${fmt(carriedIn)}, but ${label.en} carried over ${fmt(carriedOver)} in table 3 “四、结转下年度继续办理·${column.label}”${at(there.position).en}; they must be equal.`,
        source: 'RULES.md §6.2 V05 (derived: 上年结转 = 上一年度结转下年度继续办理)',
        cells: [here],
        passages: [{ claim: null, text: `${label.zh}：四、结转下年度继续办理·${column.label} ${fmt(carriedOver)}${at(there.position).zh}`, position: null }],
        expected: carriedOver,
        found: carriedIn,
      }),
    );
  }
  return findings;
}

/** Table 二 rows with 上一年项目数量 and 本年增/减 in the 2019 format. */
const PROJECT_ROWS = ['t2-5/licensing', 't2-5/other-services', 't2-6/penalties', 't2-6/coercive-measures', 't2-8/fees'] as const;

/** V06: 上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1), 2019 format both years. */
function checkProjectCounts(ctx: CheckContext, prev: CheckContext): Finding[] {
  if (ctx.format.id !== '2019' || prev.format.id !== '2019') return [];
  const findings: Finding[] = [];
  const label = yearLabel(prev.report);
  for (const row of PROJECT_ROWS) {
    const current = numberAt(ctx, `${row}/previous`);
    const before = numberAt(prev, `${row}/previous`);
    const change = numberAt(prev, `${row}/change`);
    if (current === null || before === null || change === null) continue;
    const expected = roundSum(before + change);
    if (same(current, expected)) continue;
    const id = `${row}/previous`;
    const name = cellName(ctx, id);
    findings.push(
      makeFinding({
        rule: 'V06',
        severity: 'warning',
        zh: `${name.zh}${at(cellRef(ctx, id).position).zh}为 ${fmt(current)}，而${label.zh}的上一年项目数量 ${fmt(before)} 加本年增/减 ${fmt(change)} 为 ${fmt(expected)}（此关系未经官方核实）。`,
        en: `${name.en}${at(cellRef(ctx, id).position).en} is ${fmt(current)}, but ${label.en} gives ${fmt(before)} + change ${fmt(change)} = ${fmt(expected)} (an UNVERIFIED rule).`,
        source: 'RULES.md §6.2 V06 (derived, UNVERIFIED as an official rule)',
        cells: [cellRef(ctx, id)],
        passages: [{ claim: null, text: `${label.zh}：上一年项目数量 ${fmt(before)}，本年增/减 ${fmt(change)}`, position: null }],
        expected,
        found: current,
      }),
    );
  }
  return findings;
}

/** V13: the text repeats last year's. */
function checkRepetition(ctx: CheckContext, prev: CheckContext): Finding[] {
  const label = yearLabel(prev.report);
  const all = (r: StructuredReport): string => r.sections.map((s) => s.text).join('\n');
  const whole = all(ctx.report);
  const wholePrev = all(prev.report);
  if (hanCount(whole) >= MIN_SECTION_HAN && hanCount(wholePrev) >= MIN_SECTION_HAN) {
    const similarity = diceSimilarity(whole, wholePrev);
    if (similarity > SIMILARITY_THRESHOLD) {
      const pct = Math.round(similarity * 1000) / 10;
      return [
        makeFinding({
          rule: 'V13',
          severity: 'warning',
          zh: `本报告正文与${label.zh}的相似度为 ${pct}%（字符二元组 Dice 系数），超过90%，内容可能照搬往年。`,
          en: `The report text is ${pct}% similar to ${label.en} (character-bigram Dice), above 90%: it may repeat last year's text.`,
          source: 'RULES.md §6.2 V13; CASS 法治蓝皮书2017 “部分年报与去年的重复率竟达90%”; 30号 “内容雷同”',
          expected: `≤ ${SIMILARITY_THRESHOLD * 100}%`,
          found: `${pct}%`,
        }),
      ];
    }
  }
  const findings: Finding[] = [];
  for (const section of ctx.report.sections) {
    const before = prev.report.sections.find((s) => s.id === section.id);
    if (!before || hanCount(section.text) < MIN_SECTION_HAN || hanCount(before.text) < MIN_SECTION_HAN) continue;
    const similarity = diceSimilarity(section.text, before.text);
    if (similarity <= SIMILARITY_THRESHOLD) continue;
    const pct = Math.round(similarity * 1000) / 10;
    findings.push(
      makeFinding({
        rule: 'V13',
        severity: 'warning',
        zh: `“${section.number}、${section.title}”${at(section.position).zh}与${label.zh}同一部分的相似度为 ${pct}%，超过90%，内容可能照搬往年。`,
        en: `Section “${section.number}、${section.title}”${at(section.position).en} is ${pct}% similar to the same section of ${label.en}, above 90%.`,
        source: 'RULES.md §6.2 V13; CASS 法治蓝皮书2017; 30号 “内容雷同”',
        passages: [{ claim: null, text: `${section.number}、${section.title}：${section.text.slice(0, 80)}`, position: section.position }],
        expected: `≤ ${SIMILARITY_THRESHOLD * 100}%`,
        found: `${pct}%`,
      }),
    );
  }
  return findings;
}
