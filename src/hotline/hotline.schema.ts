/**
 * Request and response schemas of the hotline API (zod; they also document the OpenAPI spec), and
 * the mappers from domain results to API bodies.
 */
import { z } from 'zod';
import { recordIdSchema } from '../shared/record-id.ts';
import type { HotlineImportResult } from './hotline-import.ts';
import { HOTLINE_CATEGORIES, HOTLINE_SATISFACTIONS } from './hotline-work-order.ts';
import type { HotlineOrderWithOrganization } from './hotline.repository.ts';
import type { HotlineYearReport } from './hotline.service.ts';
import { HOTLINE_MAX_PAGE_SIZE, HOTLINE_PAGE_SIZE } from './hotline.service.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** Query of POST /api/hotline/imports. */
export const hotlineImportQuerySchema = z.object({
  /** The importing organization: every row's organization must be it or below it. */
  organizationId: recordIdSchema,
  /** `true`/`1`: only check the file and report what an import would do. */
  dryRun: flag,
});

const issueSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string(), messageZh: z.string() });

const outcomeCounts = {
  /** Orders new to the store. */
  created: z.number().int(),
  /** Stored orders whose values the file changes (a reply, a verdict, a re-routing). */
  updated: z.number().int(),
  /** Stored orders the file repeats as they are. */
  unchanged: z.number().int(),
};

/** The result set of an import or dry run. */
export const hotlineImportResultSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Every problem (row 1 = the first row below the header; 0 = the header). */
  issues: z.array(issueSchema),
  dryRun: z.boolean(),
  sha256: z.string(),
  /** The import record written; null on a dry run. */
  importId: z.number().int().nullable(),
  ...outcomeCounts,
  organizations: z.array(z.object({ organizationId: z.number().int(), organizationName: z.string(), ...outcomeCounts })),
});

/** The API body of an import result. */
export function hotlineImportToApi(result: HotlineImportResult): z.infer<typeof hotlineImportResultSchema> {
  return { ...result, issues: result.issues.map((i) => ({ row: i.row, field: i.field, message: i.message, messageZh: i.messageZh })) };
}

/** Query of GET /api/hotline/orders. */
export const hotlineOrdersQuerySchema = z.object({
  /** The organization whose subtree is listed (default: every subtree you may read). */
  organizationId: recordIdSchema.optional(),
  /** Orders received in this calendar year. */
  year: yearSchema.optional(),
  category: z.enum(HOTLINE_CATEGORIES).optional(),
  /** `replied` (has a reply date) or `unreplied`. */
  status: z.enum(['replied', 'unreplied']).optional(),
  /** An exact work-order number. */
  orderNumber: z.string().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(HOTLINE_MAX_PAGE_SIZE).default(HOTLINE_PAGE_SIZE),
});

const orderSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  orderNumber: z.string(),
  /** `YYYY-MM-DD`. */
  receivedOn: z.string(),
  category: z.enum(HOTLINE_CATEGORIES),
  summary: z.string(),
  /** `YYYY-MM-DD`; null when not replied. */
  repliedOn: z.string().nullable(),
  satisfaction: z.enum(HOTLINE_SATISFACTIONS).nullable(),
  importId: z.number().int().nullable(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A page of orders. */
export const hotlineOrderListSchema = z.object({
  orders: z.array(orderSchema),
  /** Orders matching the filters (all pages). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The API body of a page of orders. */
export function hotlineOrdersToApi(list: { orders: HotlineOrderWithOrganization[]; total: number; page: number; pageSize: number }): z.infer<typeof hotlineOrderListSchema> {
  return { ...list, orders: list.orders.map(({ order, organizationName }) => ({ ...order, organizationName })) };
}

/** Query of GET /api/hotline/statistics. */
export const hotlineStatisticsQuerySchema = z.object({
  /** The organization; its subtree is counted. */
  organizationId: recordIdSchema,
  /** Orders received in this calendar year. */
  year: yearSchema,
});

const figuresShape = {
  received: z.number().int(),
  replied: z.number().int(),
  /** replied ÷ received (0–1); null when nothing was received. */
  replyRate: z.number().nullable(),
  /** Mean calendar days from receipt to reply; null when nothing was replied. */
  averageReplyDays: z.number().nullable(),
};

/** The figures of a subtree for a year. */
export const hotlineStatisticsSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  ...figuresShape,
  byCategory: z.record(z.enum(HOTLINE_CATEGORIES), z.object({ received: z.number().int(), replied: z.number().int() })),
  rated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  /** satisfied ÷ rated (满意 only); null when none was rated. */
  satisfiedShare: z.number().nullable(),
  /** Each organization of the subtree with orders that year. */
  byOrganization: z.array(z.object({ organizationId: z.number().int(), organizationName: z.string(), ...figuresShape, replyDaysTotal: z.number().int() })),
});

/** The API body of a year report. */
export function hotlineStatisticsToApi(report: HotlineYearReport): z.infer<typeof hotlineStatisticsSchema> {
  const s = report.statistics;
  return {
    organizationId: report.organization.id,
    organizationName: report.organization.name,
    year: report.year,
    from: s.from,
    to: s.to,
    received: s.received,
    replied: s.replied,
    replyRate: s.replyRate,
    averageReplyDays: s.averageReplyDays,
    byCategory: s.byCategory,
    rated: s.rated,
    satisfied: s.satisfied,
    basicallySatisfied: s.basicallySatisfied,
    dissatisfied: s.dissatisfied,
    satisfiedShare: s.satisfiedShare,
    byOrganization: report.byOrganization.map((o) => ({ organizationId: o.organizationId, organizationName: o.organizationName, received: o.received, replied: o.replied, replyRate: o.replyRate, averageReplyDays: o.averageReplyDays, replyDaysTotal: o.replyDaysTotal })),
  };
}
