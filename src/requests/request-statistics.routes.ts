/**
 * The statistics API: `GET /api/requests/statistics?organizationId=&year=&format=2021|2019`, tables
 * 三 and 四 and the 2014 request rows of an organization's subtree computed from its cases and review
 * records. Thin: zod parses the query, the service checks permissions (`requests.read`,
 * `reviews.read`) and computes. Staff authenticate with a bearer token.
 */
import { z } from 'zod';
import { apiErrorSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { REQUEST_COLUMNS, REVIEW_TABLE, requestTable } from '../reports/format/request-tables.ts';
import { cellId } from '../reports/format/report-format.ts';
import { REVIEW_ROW_2014_LABELS, REVIEW_ROWS_2014 } from '../reviews/review-table.ts';
import { REQUEST_ROW_2014_LABELS, REQUEST_ROWS_2014 } from './request-statistics.ts';
import { requestStatistics } from './request-statistics.service.ts';
import type { RequestStatistics } from './request-statistics.service.ts';
import { recordIdSchema } from '../shared/record-id.ts';

const TAGS = ['requests'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };

/** The query. */
export const requestStatisticsQuerySchema = z.object({
  /** The subtree's root organization. */
  organizationId: recordIdSchema,
  /** The report year. */
  year: z.coerce.number().int().min(2000).max(9999),
  /** Table 三's format: `2021` (three （六） rows) or `2019` (one); default by year (2021 from 2021 on). */
  format: z.enum(['2019', '2021']).optional(),
});

const labelledValue = z.object({ id: z.string().describe('report-model cell id'), label: z.string(), value: z.number() });

/** The response. */
export const requestStatisticsSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  year: z.number().int(),
  format: z.enum(['2019', '2021']),
  /** Table 三 row by row: the six requester columns and 总计. */
  table3: z.array(z.object({ row: z.string(), label: z.string(), values: z.record(z.string(), z.number()) })),
  /** Table 四's 15 numbers in printed order. */
  table4: z.array(labelledValue),
  /** The 2014 rows: 三 依申请公开情况, 四 行政复议, 五 行政诉讼, 七 收取的费用 (万元). */
  rows2014: z.array(labelledValue),
  fees: z.object({ yuan: z.number().describe('元'), wanYuan: z.number().describe('万元'), statementZh: z.string().describe('the sentence for section 六 of a 2021 report') }),
  /** Cases decided in the year after their final deadline (neither 按时 nor 延期 in the 2014 rows). */
  concludedLate: z.number().int(),
  /** Decided cases whose outcome the 2014 answer rows do not cover, by outcome id. */
  answersNotMapped: z.record(z.string(), z.number()),
  /** Review records of the year left out: the organization was a co-defendant reconsideration body. */
  reviewsExcludedCoDefendant: z.number().int(),
  /** Every cell by report-model id (`t3/…`, `t4/…`, `stats/…`), for a structured report. */
  cells: z.record(z.string(), z.number()),
});

/** Maps the statistics to the API shape. */
export function requestStatisticsToApi(s: RequestStatistics): z.infer<typeof requestStatisticsSchema> {
  const t3 = requestTable(s.variant);
  const stats = (id: string): string => cellId('stats', id, 'value');
  return {
    organizationId: s.organization.id,
    organizationName: s.organization.name,
    year: s.year,
    format: s.variant,
    table3: t3.rows.map((row) => ({
      row: row.id,
      label: row.label,
      values: Object.fromEntries(REQUEST_COLUMNS.map((c) => [c.id, s.requests.table3[cellId(t3.id, row.id, c.id)] ?? 0])),
    })),
    table4: REVIEW_TABLE.columns.map((c) => {
      const id = cellId(REVIEW_TABLE.id, 'cases', c.id);
      return { id, label: c.label, value: s.cells[id] ?? 0 };
    }),
    rows2014: [
      ...REQUEST_ROWS_2014.map((id) => ({ id: stats(id), label: REQUEST_ROW_2014_LABELS[id], value: s.requests.rows2014[id] })),
      ...REVIEW_ROWS_2014.map((id) => ({ id: stats(id), label: REVIEW_ROW_2014_LABELS[id], value: s.reviewRows2014[id] })),
    ],
    fees: s.requests.fees,
    concludedLate: s.requests.concludedLate,
    answersNotMapped: s.requests.answersNotMapped,
    reviewsExcludedCoDefendant: s.reviews.excludedCoDefendant,
    cells: s.cells,
  };
}

/** Registers the statistics API. */
export function requestStatisticsRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/requests/statistics',
    {
      schema: {
        tags: TAGS,
        summary: 'Tables 三 and 四 and the 2014 request rows of an organization and its subtree for a year, computed from its cases and review records',
        security: BEARER,
        querystring: requestStatisticsQuerySchema,
        response: { 200: requestStatisticsSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return requestStatisticsToApi(await requestStatistics(ctx, request.actor, { organizationId: q.organizationId, year: q.year, ...(q.format ? { variant: q.format } : {}) }));
    },
  );
  return Promise.resolve();
}
