/**
 * When an annual report must be published, by the regulation in force for the year reported
 * (RULES.md §1.9 art. 49 of the 2019 text, §1.10 art. 31 of the 2008 text). Data, one entry per
 * rule, each with its article and wording; `deadlineFor` picks the entry.
 */

/** An organization's kind as the structured report gives it. */
export type OrganizationKind = 'government' | 'department' | 'other' | null;

/** One deadline rule. */
export interface PublicationDeadline {
  /** Stable id, e.g. `2019-department`. */
  readonly id: string;
  /** Which text of the 《政府信息公开条例》 sets it. */
  readonly regulation: '2008' | '2019';
  /** Report years it applies to (inclusive; `to` null = still in force). */
  readonly reportYears: { readonly from: number; readonly to: number | null };
  /** Whom it binds: governments, departments, or every 行政机关 (2008). */
  readonly kind: 'government' | 'department' | 'any';
  /** Month (1–12) and day of the year after the report year by which the report is due (inclusive: “…日前”). */
  readonly month: number;
  readonly day: number;
  /** The article, e.g. `2019年《条例》第四十九条第一款`. */
  readonly article: string;
  /** The article's wording. */
  readonly quote: string;
  /** Where RULES.md records it. */
  readonly source: string;
}

/**
 * The deadline rules. The 2008 text governs reports on 2008–2018 (the report on 2018 was due
 * 2019-03-31, before the 2019 text took effect on 2019-05-15); the 2019 text governs reports on
 * 2019 onward.
 */
export const PUBLICATION_DEADLINES: readonly PublicationDeadline[] = [
  {
    id: '2008-all',
    regulation: '2008',
    reportYears: { from: 2008, to: 2018 },
    kind: 'any',
    month: 3,
    day: 31,
    article: '2008年《条例》第三十一条',
    quote: '各级行政机关应当在每年3月31日前公布本行政机关的政府信息公开工作年度报告',
    source: 'RULES.md §1.10 [R2008-c]',
  },
  {
    id: '2019-department',
    regulation: '2019',
    reportYears: { from: 2019, to: null },
    kind: 'department',
    month: 1,
    day: 31,
    article: '2019年《条例》第四十九条第一款',
    quote: '县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布',
    source: 'RULES.md §1.9 [R2019]',
  },
  {
    id: '2019-government',
    regulation: '2019',
    reportYears: { from: 2019, to: null },
    kind: 'government',
    month: 3,
    day: 31,
    article: '2019年《条例》第四十九条第二款',
    quote: '县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告',
    source: 'RULES.md §1.9 [R2019]',
  },
];

/** The deadline a report falls under, and whether it was assumed for want of the organization's kind. */
export interface DeadlineChoice {
  readonly rule: PublicationDeadline;
  /** ISO date (YYYY-MM-DD) of the last day on time. */
  readonly date: string;
  /** True when the 2019 text applies and the kind is unknown or 'other': the government rule was assumed. */
  readonly assumed: boolean;
}

/**
 * The deadline for a report on `year` by an organization of `kind`, or null for years before
 * the 2008 text (no statutory deadline). Under the 2019 text an unknown or 'other' kind gets
 * the government rule (March 31) with `assumed` true.
 */
export function deadlineFor(year: number, kind: OrganizationKind): DeadlineChoice | null {
  const applicable = PUBLICATION_DEADLINES.filter((d) => year >= d.reportYears.from && (d.reportYears.to === null || year <= d.reportYears.to));
  const exact = applicable.find((d) => d.kind === 'any' || d.kind === kind);
  const rule = exact ?? applicable.find((d) => d.kind === 'government');
  if (!rule) return null;
  const date = `${year + 1}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
  return { rule, date, assumed: exact === undefined };
}

/** Days from ISO date `a` to ISO date `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
