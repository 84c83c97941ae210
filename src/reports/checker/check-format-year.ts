/**
 * Rule V12 (the format matches the report year, RULES.md §3.1 and §6.2 V12) and rule V14 (the
 * statistics period 1月1日–12月31日 of the report year is stated, RULES.md §3.2 and §6.2 V14).
 */
import { formatForYear } from '../format/formats.ts';
import type { Finding } from './finding.ts';
import { makeFinding } from './check-context.ts';
import type { CheckContext } from './check-context.ts';

/**
 * Checks that the report uses the format of its year: ≤ 2018 → 2014 统计表, 2019–2020 → 60号,
 * ≥ 2021 → 30号 (`formatForYear`).
 *
 * - another format → `V12` error (`expected` / `found` = format ids); except a 2019 report in
 *   the 2014 format → warning, since 60号 only “鼓励” its format for 2019 reports (RULES.md §3.1);
 * - year unknown, or a year before any national format (< 2014) → `V12` info.
 */
export function checkFormatYear(ctx: CheckContext): Finding[] {
  const { report, format } = ctx;
  const year = report.year;
  if (year === null) {
    return [
      makeFinding({
        rule: 'V12',
        severity: 'info',
        zh: `未能确定报告年度，无法核对是否使用了该年度应使用的格式（本报告按${format.citation}格式读取）。`,
        en: `The report year is unknown, so whether the format (${format.id}, ${format.citation}) fits the year could not be checked.`,
        source: 'RULES.md §3.1; §6.2 V12',
        found: format.id,
      }),
    ];
  }
  const expected = formatForYear(year);
  if (expected === null) {
    return [
      makeFinding({
        rule: 'V12',
        severity: 'info',
        zh: `${year}年度报告早于全国统一统计表（2014年起），无法核对格式。`,
        en: `A report on ${year} predates the national formats (from 2014); the format was not checked.`,
        source: 'RULES.md §3.1 (2008–2013: no national table); §6.2 V12',
        found: format.id,
      }),
    ];
  }
  if (expected.id === format.id) return [];
  const lenient = year === 2019 && format.id === '2014';
  return [
    makeFinding({
      rule: 'V12',
      severity: lenient ? 'warning' : 'error',
      zh:
        `${year}年度报告应使用${expected.name}（${expected.citation}，适用于${expected.reportYears.from}年${expected.reportYears.to === null ? '起' : `至${expected.reportYears.to}年`}的报告），` +
        `但本报告使用的是${format.name}（${format.citation}）${lenient ? '。60号文对2019年度报告仅“鼓励按照统一格式发布”，故仅作警告' : ''}。`,
      en:
        `A report on ${year} must use the ${expected.id} format (${expected.citation}), but this report uses the ${format.id} format (${format.citation})` +
        `${lenient ? '. 60号 only encouraged its format for 2019 reports, hence a warning' : ''}.`,
      source: `RULES.md §3.1; §6.2 V12${lenient ? '; 国办公开办函〔2019〕60号 “鼓励按照统一格式发布”' : ''}`,
      expected: expected.id,
      found: format.id,
    }),
  ];
}

/** Texts where the statistics period may be stated: title, sections, claims. */
function reportTexts(ctx: CheckContext): string[] {
  const texts: string[] = [];
  if (ctx.report.title) texts.push(ctx.report.title);
  for (const s of ctx.report.sections) texts.push(s.title, s.text);
  for (const c of ctx.report.claims) texts.push(c.text);
  return texts;
}

/** `2017年1月1日至2017年12月31日` and variants, whitespace removed; group 1/2 = the years. */
const PERIOD = /(\d{4})年1月1日(?:起)?(?:至|到|—|–|-|~|～)(?:(\d{4})年)?12月31日/u;

/**
 * Checks that the text states the statistics period 1月1日–12月31日 of the report year (`V14`).
 *
 * - not found → info (the opening paragraph states it in every observed report, RULES.md §3.2);
 * - found with another year (a period copied from an earlier report) → warning, `expected` =
 *   the report year, `found` = the year stated;
 * - year unknown → nothing (V12 already says so).
 */
export function checkPeriod(ctx: CheckContext): Finding[] {
  const year = ctx.report.year;
  if (year === null) return [];
  let foundYears: string[] | null = null;
  for (const text of reportTexts(ctx)) {
    const flat = text.replace(/\s+/g, '');
    const m = PERIOD.exec(flat);
    if (!m?.[1]) continue;
    const years = [m[1], m[2] ?? m[1]];
    if (years.every((y) => Number(y) === year)) return [];
    foundYears ??= years;
  }
  if (foundYears) {
    const stated = foundYears[0] === foundYears[1] ? foundYears[0] ?? '' : foundYears.join('–');
    return [
      makeFinding({
        rule: 'V14',
        severity: 'warning',
        zh: `报告所述统计期限（${stated}年1月1日至12月31日）与报告年度${year}年不符，可能沿用了往年报告的文字。`,
        en: `The statistics period stated (1 January – 31 December ${stated}) is not the report year ${year}; the text may have been copied from an earlier report.`,
        source: 'RULES.md §6.2 V14; §3.2 (统计期限 1月1日至12月31日)',
        expected: year,
        found: stated,
      }),
    ];
  }
  return [
    makeFinding({
      rule: 'V14',
      severity: 'info',
      zh: `报告中未找到统计期限“${year}年1月1日至${year}年12月31日”的表述。`,
      en: `The report does not state its statistics period (1 January – 31 December ${year}).`,
      source: 'RULES.md §6.2 V14; §3.2 (开头段落通常载明统计期限)',
      expected: `${year}-01-01/${year}-12-31`,
    }),
  ];
}
