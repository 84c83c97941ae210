/**
 * API schemas of the views over annual reports (zod; they also generate /api/openapi.json): the
 * records behind a cell, the roll-up comparison of members, the submission dashboard; and the
 * mapping of the services' results to them.
 */
import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../organizations/organization.ts';
import { CHANNELS, REQUESTER_TYPES } from '../requests/request-case.ts';
import { DEFENDANT_ROLES, REVIEW_OUTCOMES, REVIEW_PATHS } from '../reviews/review-case.ts';
import { validationFailed } from '../shared/errors.ts';
import { recordIdSchema } from '../shared/record-id.ts';
import { MEMBER_PRESETS, REPORT_STATUSES } from './annual-report.ts';
import type { MemberPreset } from './annual-report.ts';
import type { CellTrace } from './report-trace.ts';
import { KEY_FIGURES, OUTLIER_THRESHOLDS } from './rollup-comparison.ts';
import type { KeyFigures } from './rollup-comparison.ts';
import type { RollupComparisonReport } from './rollup-comparison.service.ts';
import { DASHBOARD_STATUSES } from './submission-dashboard.ts';
import type { SubmissionDashboardReport } from './submission-dashboard.service.ts';

/** `/…/{orgId}/{year}/…` path parameters. */
export const reportParamsSchema = z.object({
  /** The reporting organization's id. */
  orgId: recordIdSchema,
  /** The report year (the service accepts 2008 onward). */
  year: z.coerce.number().int().min(1000).max(9999),
});

/** How a roll-up's members are chosen (as for the report itself; default: the stored report's, else the whole subtree). */
const scopeQuery = {
  /** `own` (the organization's own records) or `rollup`. */
  scope: z.enum(['own', 'rollup']).optional(),
  /** Roll-up members: organization ids separated by commas. */
  members: z.string().max(20_000).optional(),
  /** Roll-up members by presets instead: `self`, `departments`, `governments`, separated by commas. */
  presets: z.string().max(100).optional(),
};

/** GET …/trace query. */
export const traceQuerySchema = z.object({
  /** The cell id, `table/row/column`, e.g. `t3/new/total`, `t2-1/normative-documents/in-force`, `stats/fees/value`. */
  cell: z.string().min(1).max(120),
  /** The report format; default: the stored report's, else the year's. */
  format: z.enum(['2014', '2019', '2021']).optional(),
  ...scopeQuery,
});

/** GET …/members query. */
export const membersQuerySchema = z.object(scopeQuery);

/** GET /api/reports/dashboard query. */
export const dashboardQuerySchema = z.object({
  /** The report year; default: last year. */
  year: z.coerce.number().int().min(1000).max(9999).optional(),
  /** The competent OGI department's organization; default: the caller's first organization. */
  organizationId: recordIdSchema.optional(),
});

/**
 * Parses the `members` and `presets` query fields.
 * @throws GongkaiError `VALIDATION_FAILED` for an id that is not a positive integer or an unknown preset
 */
export function parseScopeQuery(q: { scope?: 'own' | 'rollup' | undefined; members?: string | undefined; presets?: string | undefined }): { scope?: 'own' | 'rollup'; members?: number[]; presets?: MemberPreset[] } {
  const out: { scope?: 'own' | 'rollup'; members?: number[]; presets?: MemberPreset[] } = {};
  if (q.scope) out.scope = q.scope;
  if (q.members !== undefined && q.members.trim() !== '') {
    const parts = q.members.split(/[,，\s]+/).filter((p) => p !== '');
    const ids = parts.map((p) => recordIdSchema.safeParse(p));
    if (ids.some((r) => !r.success)) throw validationFailed([{ field: 'members', message: 'members must be organization ids separated by commas', messageZh: '汇总范围应为以逗号分隔的机构编号' }]);
    out.members = ids.flatMap((r) => (r.success ? [r.data] : []));
  }
  if (q.presets !== undefined && q.presets.trim() !== '') {
    const parts = q.presets.split(/[,，\s]+/).filter((p) => p !== '');
    const known: readonly string[] = MEMBER_PRESETS;
    if (parts.some((p) => !known.includes(p))) throw validationFailed([{ field: 'presets', message: `presets must be among ${MEMBER_PRESETS.join(', ')}`, messageZh: '汇总范围预设应为 self、departments、governments' }]);
    out.presets = parts as MemberPreset[];
  }
  return out;
}

const named = z.object({ id: z.number().int(), name: z.string() });

/** The records behind a cell. */
export const traceSchema = z.object({
  organization: named,
  year: z.number().int(),
  format: z.enum(['2014', '2019', '2021']),
  scope: z.enum(['own', 'rollup']),
  members: z.array(named),
  cell: z.string(),
  /** How reports name the cell, e.g. `表三“自然人·一、本年新收”`. */
  label: z.string(),
  /** The cell computed from the records now. */
  value: z.number(),
  /** catalog | requests | reviews | engagement | work-records | entry | not-entered. */
  source: z.enum(['catalog', 'requests', 'reviews', 'engagement', 'work-records', 'entry', 'not-entered']),
  /** The value in the report as submitted, when it was (differs when records changed since). */
  submittedValue: z.number().nullable(),
  /** Catalog items (catalog cells). */
  items: z.array(
    z.object({
      id: z.number().int(),
      organizationId: z.number().int(),
      organizationName: z.string(),
      indexNumber: z.string().nullable(),
      title: z.string(),
      documentNumber: z.string().nullable(),
      genre: z.string(),
      creationDate: z.string(),
      publicationDate: z.string().nullable(),
      validity: z.string(),
      expiryDate: z.string().nullable(),
      status: z.string(),
      /** The channels it was published through (2014 table 一 (二)). */
      channels: z.array(z.string()),
      contribution: z.number(),
    }),
  ),
  /** Request cases (table 三, the 2014 request rows). */
  cases: z.array(
    z.object({
      id: z.number().int(),
      trackingCode: z.string(),
      organizationId: z.number().int(),
      organizationName: z.string(),
      requesterType: z.enum(REQUESTER_TYPES),
      /** Masked unless the caller may read requesters' personal data. */
      requesterName: z.string(),
      channel: z.enum(CHANNELS),
      receivedOn: z.string(),
      outcome: z.string().nullable(),
      outcomeOn: z.string().nullable(),
      /** on-time | extended | late (null while undecided). */
      timeliness: z.enum(['on-time', 'extended', 'late']).nullable(),
      feeYuan: z.number().describe('元'),
      /** 1, or the fee in 万元 for the 2014 fees row. */
      contribution: z.number(),
    }),
  ),
  /** Reconsideration and litigation records (table 四, the 2014 rows 四/五). */
  reviews: z.array(
    z.object({
      id: z.number().int(),
      organizationId: z.number().int(),
      organizationName: z.string(),
      path: z.enum(REVIEW_PATHS),
      defendantRole: z.enum(DEFENDANT_ROLES),
      applicantName: z.string(),
      reviewingBody: z.string(),
      caseNumber: z.string().nullable(),
      filedOn: z.string(),
      suitFiledOn: z.string().nullable(),
      decidedOn: z.string().nullable(),
      outcome: z.enum(REVIEW_OUTCOMES),
      /** The outcome as of Dec 31 of the year (what the table counts). */
      outcomeAtYearEnd: z.enum(REVIEW_OUTCOMES),
      contribution: z.number(),
    }),
  ),
  /** Hand-entered figures (entered cells). */
  entries: z.array(
    z.object({
      organizationId: z.number().int(),
      organizationName: z.string(),
      value: z.number(),
      source: z.string(),
      note: z.string().nullable(),
      enteredBy: z.number().int().nullable(),
      enteredByName: z.string().nullable(),
      enteredAt: z.string(),
      contribution: z.number(),
    }),
  ),
  /** Engagement and work records (2014 sections 二, 六, 八, 九). */
  activities: z.array(
    z.object({
      /** press_event | policy_interpretation | concern_response | ogi_staffing | reading_point | ogi_meeting | training_session | ogi_complaint. */
      kind: z.string(),
      id: z.number().int(),
      organizationId: z.number().int(),
      organizationName: z.string(),
      date: z.string(),
      title: z.string(),
      contribution: z.number(),
    }),
  ),
  /** The sum of the records' contributions: equals `value`. */
  total: z.number(),
  /** Whether names were masked for the caller. */
  masked: z.boolean(),
});

/** Maps a trace to the API shape. */
export function traceToApi(t: CellTrace): z.infer<typeof traceSchema> {
  const { formatId, ...rest } = t;
  return { ...rest, format: formatId };
}

const keyFiguresSchema = z.object(Object.fromEntries(KEY_FIGURES.map((f) => [f.id, z.number().describe(`${f.labelZh}（${f.unit}）`)])) as Record<keyof KeyFigures, z.ZodNumber>);

/** The roll-up comparison. */
export const membersComparisonSchema = z.object({
  organization: named,
  year: z.number().int(),
  scope: z.enum(['own', 'rollup']),
  /** The key figures compared, in display order. */
  figures: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string() })),
  members: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(ORGANIZATION_KINDS),
      /** The status of its report of the year; null when it has none. */
      status: z.enum(REPORT_STATUSES).nullable(),
      figures: keyFiguresSchema,
      previous: keyFiguresSchema,
      silent: z.boolean(),
      flags: z.array(z.object({ rule: z.enum(['jump', 'drop', 'peer', 'silent', 'not-submitted']), figure: z.string().nullable(), messageZh: z.string() })),
    }),
  ),
  totals: z.object({ current: keyFiguresSchema, previous: keyFiguresSchema }),
  /** The year-over-year rules apply only when the previous year has records. */
  previousYearHasRecords: z.boolean(),
  flagged: z.number().int(),
  /** The thresholds of the outlier rules. */
  thresholds: z.object({ jumpFactor: z.number(), jumpMinimum: z.number(), dropFactor: z.number(), dropMinimum: z.number(), peerFactor: z.number(), peerMinimum: z.number() }),
});

/** Maps a comparison to the API shape, with the key figures' labels and the outlier thresholds. */
export function membersComparisonToApi(c: RollupComparisonReport): z.infer<typeof membersComparisonSchema> {
  return {
    organization: c.organization,
    year: c.year,
    scope: c.scope,
    figures: KEY_FIGURES.map((f) => ({ id: f.id, label: f.labelZh, unit: f.unit })),
    members: c.members,
    totals: c.totals,
    previousYearHasRecords: c.previousYearHasRecords,
    flagged: c.flagged,
    thresholds: OUTLIER_THRESHOLDS,
  };
}

/** The submission dashboard. */
export const dashboardSchema = z.object({
  organization: named,
  year: z.number().int(),
  /** The date days are counted from (China time). */
  today: z.string(),
  rows: z.array(
    z.object({
      organizationId: z.number().int(),
      name: z.string(),
      kind: z.enum(ORGANIZATION_KINDS),
      /** none (no report yet) | draft | submitted | returned | accepted | published. */
      status: z.enum(DASHBOARD_STATUSES),
      deadline: z.string().nullable(),
      deadlineArticle: z.string().nullable(),
      deadlineAssumed: z.boolean(),
      /** Calendar days left (negative: overdue); null once submitted. */
      daysLeft: z.number().int().nullable(),
      overdue: z.boolean(),
      submittedAt: z.string().nullable(),
      submittedLate: z.boolean().nullable(),
    }),
  ),
  counts: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
});

/** Maps a dashboard to the API shape (the tree paths stay internal). */
export function dashboardToApi(d: SubmissionDashboardReport): z.infer<typeof dashboardSchema> {
  return { organization: d.organization, year: d.year, today: d.today, rows: d.rows.map(({ path: _path, ...row }) => row), counts: d.counts, overdue: d.overdue };
}
