/**
 * Rule V09: the report's sections (2019 art. 50; the six-part structure of 60号/30号, RULES.md
 * §3.2): all present and in order, section 五 substantive, and for governments the art. 50(四)
 * 工作考核、社会评议和责任追究 statement.
 */
import type { Section } from '../model/structured-report.ts';
import type { Finding } from './finding.ts';
import { at, excerpt, hanCount, makeFinding } from './check-context.ts';
import type { CheckContext } from './check-context.ts';
import { isTableMissing } from './check-values.ts';

/** Fewest Han characters of its own text a substantive 存在的主要问题及改进情况 has. */
const MIN_PROBLEMS_HAN = 60;

/** Section texts that say nothing: 无, 暂无, 没有, 无其他需要报告的事项 … */
const EMPTY_TEXT = /^(无|暂无|没有|无此项|不涉及|无相关情况|无其他需要报告的事项)?$/u;

/** The finding's record of a section as a passage. */
function sectionPassage(section: Section): Finding['passages'][number] {
  return { claim: null, text: `${section.number}、${section.title}：${excerpt(section.text)}`, position: section.position };
}

/**
 * Checks the sections.
 *
 * - Each `required` section of the format missing → `V09` error (2019/2021 formats, art. 50 and
 *   the six-part structure) or warning (2014: the 2008 art. 32 content list is UNVERIFIED). A
 *   section whose table (same `sectionNumber`) was read counts as present.
 * - 2019/2021: the format's sections present but out of order → one `V09` warning.
 * - Section `problems` (五) present but empty, only 无/暂无, or with fewer than
 *   {@link MIN_PROBLEMS_HAN} Han characters → `V09` warning (CASS: “泛泛而谈”).
 * - A government (`organization.kind` 'government') in the 2021 format whose overview and
 *   problems texts never mention 考核, 评议 or 责任追究 → `V09` info (art. 50(四); 30号 asks for it
 *   in 总体情况).
 */
export function checkSections(ctx: CheckContext): Finding[] {
  const { report, format } = ctx;
  const findings: Finding[] = [];
  const strict = format.id !== '2014';
  const present = new Map<string, Section>();
  for (const section of report.sections) if (!present.has(section.id)) present.set(section.id, section);

  // Sections 二–四 of the 2019/2021 formats consist mostly of their tables; a section whose
  // table was read counts as present (the reader may consume its heading with the table).
  const tableSections = new Set<string>();
  for (const table of format.tables) {
    if (table.sectionNumber !== '' && !isTableMissing(ctx, table)) tableSections.add(table.sectionNumber);
  }
  for (const expected of format.sections) {
    if (!expected.required || present.has(expected.id)) continue;
    if (expected.number !== '' && tableSections.has(expected.number)) continue;
    const title = expected.number ? `${expected.number}、${expected.title}` : expected.title;
    findings.push(
      makeFinding({
        rule: 'V09',
        severity: strict ? 'error' : 'warning',
        zh: `缺少应有的部分“${title}”${strict ? '' : '（2008年《条例》第三十二条的内容要求，具体措辞未经核实）'}。`,
        en: `The section “${title}” (${expected.id}) is missing${strict ? '' : ' (2008 art. 32 content list, wording UNVERIFIED)'}.`,
        source: strict ? `RULES.md §6.2 V09; 2019《条例》第五十条; §3.2 six-part structure; ${format.citation}` : 'RULES.md §6.2 V09; §1.10 (2008 art. 32, UNVERIFIED)',
        expected: title,
        found: null,
      }),
    );
  }

  if (strict) {
    const known = report.sections.filter((s) => ctx.index.sectionOrder.has(s.id));
    const order = known.map((s) => ctx.index.sectionOrder.get(s.id) ?? 0);
    const outOfOrder = order.some((o, i) => i > 0 && o < (order[i - 1] ?? 0));
    if (outOfOrder) {
      const printed = known.map((s) => `${s.number}、${s.title}`).join(' → ');
      const wanted = format.sections.filter((s) => present.has(s.id)).map((s) => `${s.number}、${s.title}`).join(' → ');
      findings.push(
        makeFinding({
          rule: 'V09',
          severity: 'warning',
          zh: `各部分顺序与格式不符：报告为 ${printed}；格式要求 ${wanted}。`,
          en: `The sections are out of order: the report has ${printed}; the format wants ${wanted}.`,
          source: `RULES.md §6.2 V09; §3.2 six-part structure; ${format.citation}`,
          passages: known.map((s) => ({ claim: null, text: `${s.number}、${s.title}`, position: s.position })),
          expected: wanted,
          found: printed,
        }),
      );
    }
  }

  const problems = present.get('problems');
  if (problems) {
    const han = hanCount(problems.text);
    // Only a short text can be a bare 无/暂无; skip the regex on long sections.
    const flat = problems.text.length < 40 ? problems.text.replace(/[\s\p{P}]/gu, '') : problems.text;
    if (EMPTY_TEXT.test(flat) || han < MIN_PROBLEMS_HAN) {
      const pos = at(problems.position);
      findings.push(
        makeFinding({
          rule: 'V09',
          severity: 'warning',
          zh: `“${problems.number}、${problems.title}”${pos.zh}内容过于简略（${han}个汉字${flat === '' ? '，为空' : EMPTY_TEXT.test(flat) ? `，仅为“${problems.text.trim()}”` : ''}），未实质说明存在的问题及改进情况（至少约${MIN_PROBLEMS_HAN}字）。`,
          en: `“${problems.number}、${problems.title}”${pos.en} is not substantive (${han} Han characters${flat === '' ? ', empty' : EMPTY_TEXT.test(flat) ? `, only “${problems.text.trim()}”` : ''}); it should state the problems and improvements (about ${MIN_PROBLEMS_HAN} characters at least).`,
          source: 'RULES.md §6.2 V09 (五 must be substantive); 2019《条例》第五十条第（四）项; CASS “泛泛而谈”',
          passages: [sectionPassage(problems)],
          expected: `≥ ${MIN_PROBLEMS_HAN}`,
          found: han,
        }),
      );
    }
  }

  if (report.organization.kind === 'government' && format.id === '2021') {
    const overview = present.get('overview');
    const text = `${overview?.text ?? ''}${problems?.text ?? ''}`;
    if (!/考核|评议|责任追究/u.test(text)) {
      findings.push(
        makeFinding({
          rule: 'V09',
          severity: 'info',
          zh: '本报告为人民政府的年度报告，但“总体情况”和“存在的主要问题及改进情况”中未提及工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项）。',
          en: 'A government report, but neither the overview nor the problems section mentions 工作考核、社会评议和责任追究 (appraisal, public evaluation and accountability), which art. 50(4) requires of governments.',
          source: 'RULES.md §1.9 (art. 50(四)); §3.1 (30号: 总体情况 含监督保障); §6.2 V09',
          passages: [overview, problems].filter((s): s is Section => s !== undefined).map(sectionPassage),
          expected: '考核 / 评议 / 责任追究',
          found: null,
        }),
      );
    }
  }
  return findings;
}
