/**
 * Rule V11: the report was published by its statutory deadline (RULES.md §6.2 V11; 2019 art. 49,
 * 2008 art. 31; deadlines in `publication-deadlines.ts`).
 */
import type { Finding } from './finding.ts';
import { at, makeFinding } from './check-context.ts';
import type { CheckContext } from './check-context.ts';
import { PUBLICATION_DEADLINES, daysBetween, deadlineFor } from './publication-deadlines.ts';

const SOURCE = 'RULES.md §6.2 V11';

/** ISO date of 31 January of `year`. */
const jan31 = (year: number): string => `${year}-01-31`;

/**
 * Checks the publication date against the deadline.
 *
 * - no publication date → info (date not stated); no year → info; a year before 2008 → info;
 * - after the deadline → error, `expected` = the deadline (ISO date), `found` = the publication
 *   date, the message giving the days late and the article;
 * - under the 2019 text with the kind unknown (or 'other'): March 31 is used, and a date after
 *   January 31 also gives a warning that a department's deadline would be January 31;
 * - published on or before 31 December of the year reported → warning (before the year ended).
 * A date taken from the file's metadata (creation date) only ever gives `info` findings.
 */
export function checkDeadline(ctx: CheckContext): Finding[] {
  const findings = deadlineFindings(ctx);
  if (ctx.report.publicationDate?.source !== 'metadata') return findings;
  // A file's creation date (PDF/DOCX metadata) is a hint, not the date of publication: report
  // what it would mean, as information only, and say where the date came from.
  return findings.map((f) => ({
    ...f,
    severity: 'info' as const,
    message: {
      zh: `（发布日期取自文件元数据中的创建日期，未必是实际发布日期）${f.message.zh}`,
      en: `(The date is the file's creation date from its metadata, not necessarily the publication date.) ${f.message.en}`,
    },
  }));
}

/** The V11 findings for the report's publication date, whatever its source. */
function deadlineFindings(ctx: CheckContext): Finding[] {
  const { report } = ctx;
  const year = report.year;
  const published = report.publicationDate;
  if (published === null) {
    return [
      makeFinding({
        rule: 'V11',
        severity: 'info',
        zh: '报告未载明发布日期，无法核对是否按时发布。',
        en: 'The publication date is not stated, so timeliness could not be checked.',
        source: SOURCE,
      }),
    ];
  }
  const date = published.date;
  const pos = at(published.position);
  if (year === null) {
    return [
      makeFinding({
        rule: 'V11',
        severity: 'info',
        zh: `报告年度未知，无法核对发布日期 ${date}${pos.zh} 是否按时。`,
        en: `The report year is unknown, so the publication date ${date}${pos.en} could not be checked.`,
        source: SOURCE,
        found: date,
      }),
    ];
  }
  const findings: Finding[] = [];
  if (daysBetween(date, `${year}-12-31`) >= 0) {
    findings.push(
      makeFinding({
        rule: 'V11',
        severity: 'warning',
        zh: `发布日期 ${date}${pos.zh} 早于所报告年度（${year}年）结束，年度数据不可能已完整。`,
        en: `The publication date ${date}${pos.en} is before the end of the year reported (${year}); the year's figures cannot be complete.`,
        source: `${SOURCE}; 年度报告应在年度结束后发布`,
        expected: `> ${year}-12-31`,
        found: date,
      }),
    );
  }
  const choice = deadlineFor(year, report.organization.kind);
  if (choice === null) {
    findings.push(
      makeFinding({
        rule: 'V11',
        severity: 'info',
        zh: `${year}年早于2008年《条例》施行，没有法定的年度报告发布期限。`,
        en: `${year} predates the 2008 Regulations; there was no statutory deadline.`,
        source: `${SOURCE}; RULES.md §1.1`,
        found: date,
      }),
    );
    return findings;
  }
  const { rule } = choice;
  const late = daysBetween(choice.date, date);
  const kindZh = report.organization.kind === 'government' ? '人民政府' : report.organization.kind === 'department' ? '人民政府部门' : '本机关';
  const source = `${SOURCE}; ${rule.article}（${rule.quote}）; ${rule.source}`;
  if (late > 0) {
    findings.push(
      makeFinding({
        rule: 'V11',
        severity: 'error',
        zh: `逾期发布：按${rule.article}，${kindZh}${year}年度报告应于${choice.date}前公布${choice.assumed ? '（机关类型不明，按人民政府的期限计）' : ''}，而发布日期为${date}${pos.zh}，逾期${late}天。`,
        en: `Published late: under ${rule.article} the report on ${year} was due by ${choice.date}${choice.assumed ? ' (organization kind unknown: the government deadline was used)' : ''}; it was published ${date}${pos.en}, ${late} day(s) late.`,
        source,
        expected: choice.date,
        found: date,
      }),
    );
  }
  if (choice.assumed && daysBetween(jan31(year + 1), date) > 0) {
    const department = PUBLICATION_DEADLINES.find((d) => d.id === '2019-department');
    const lateAsDepartment = daysBetween(jan31(year + 1), date);
    findings.push(
      makeFinding({
        rule: 'V11',
        severity: 'warning',
        zh: `未能确定报告机关是人民政府还是政府部门，已按人民政府3月31日的期限核对；若为县级以上人民政府部门，期限为${jan31(year + 1)}（${department?.article ?? '第四十九条第一款'}），则本报告（${date}发布）逾期${lateAsDepartment}天。`,
        en: `Whether the organization is a government or a department is unknown; the government deadline (31 March) was used. For a department the deadline is ${jan31(year + 1)} (${department?.article ?? 'art. 49 ¶1'}), and this report (published ${date}) would be ${lateAsDepartment} day(s) late.`,
        source: `${SOURCE}; ${department?.article ?? ''} ${department?.source ?? ''}`.trim(),
        expected: jan31(year + 1),
        found: date,
      }),
    );
  }
  return findings;
}
