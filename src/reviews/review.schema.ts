/**
 * API schemas of reconsideration and litigation records (zod; they also generate
 * /api/openapi.json), and the mapping of the console forms' flat fields to the service's input.
 */
import { z } from 'zod';
import { DECIDED_OUTCOMES, DEFENDANT_ROLES, REVIEW_DOCUMENT_KINDS, REVIEW_OUTCOMES, REVIEW_PATHS } from './review-case.ts';
import type { DecidedOutcome, ReviewCase, ReviewCaseInput, ReviewCasePatch, ReviewDocument, ReviewOutcome } from './review-case.ts';
import { REVIEW_ROW_2014_LABELS, REVIEW_ROWS_2014, REVIEW_TABLE_COLUMN_IDS, REVIEW_TABLE_COLUMN_LABELS } from './review-table.ts';
import type { ReviewCaseWithOrganization } from './review.repository.ts';
import type { ReviewDetail, ReviewTableReport } from './review.service.ts';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';

/** A calendar date `YYYY-MM-DD` (China time); the service checks that it is a real date. */
const dateSchema = z.string().max(10);

/** A record as shown. */
export const reviewSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  /** The request for disclosure the proceeding is about, when known. */
  requestCaseId: z.number().int().nullable(),
  /** reconsideration (行政复议) | direct-suit (未经复议直接起诉) | suit-after-reconsideration (复议后起诉). */
  path: z.enum(REVIEW_PATHS),
  /** original-agency (counted) | co-defendant (a reconsideration body sued with the original agency: not counted). */
  defendantRole: z.enum(DEFENDANT_ROLES),
  applicantName: z.string(),
  /** The reconsideration body or the court. */
  reviewingBody: z.string(),
  caseNumber: z.string().nullable(),
  /** Reconsideration filed, or (direct suit) suit filed. */
  filedOn: z.string(),
  reconsiderationDecidedOn: z.string().nullable(),
  reconsiderationOutcome: z.enum(DECIDED_OUTCOMES).nullable(),
  /** Suit filed (suits after reconsideration only). */
  suitFiledOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  /** upheld (结果维持) | corrected (结果纠正) | other (其他结果) | pending (尚未审结). */
  outcome: z.enum(REVIEW_OUTCOMES),
  summary: z.string().nullable(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A document as shown. */
export const reviewDocumentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REVIEW_DOCUMENT_KINDS),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

/** A record with its documents. */
export const reviewDetailSchema = reviewSchema.extend({ documents: z.array(reviewDocumentSchema) });

/** GET /api/reviews response. */
export const reviewListSchema = z.object({ reviews: z.array(reviewSchema) });

/** GET /api/reviews query. */
export const reviewListQuerySchema = z.object({
  /** Only this organization's subtree; default every subtree you may read. */
  organizationId: recordIdSchema.optional(),
  /** Only records counted in this year (suits by the suit's filing year). */
  year: z.coerce.number().int().min(2000).max(9999).optional(),
});

/** GET /api/reviews/table query. */
export const reviewTableQuerySchema = z.object({
  organizationId: recordIdSchema,
  year: z.coerce.number().int().min(2000).max(9999),
});

const cellSchema = z.object({ id: z.string(), label: z.string(), value: z.number().int() });

/** GET /api/reviews/table response: table 四 (15 numbers) and the 2014 rows 四/五. */
export const reviewTableSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  year: z.number().int(),
  /** Table 四's columns in printed order (ids of the report format's table `t4`). */
  columns: z.array(cellSchema),
  /** Rows 四 and 五 of the 2014 statistics table (ids of the format's table `stats`). */
  rows2014: z.array(cellSchema),
  /** Records of the year counted. */
  counted: z.number().int(),
  /** Records of the year not counted: the organization was a co-defendant reconsideration body. */
  excludedCoDefendant: z.number().int(),
});

const outcomeFields = {
  caseNumber: z.string().max(100).nullable().optional(),
  filedOn: dateSchema.optional(),
  reconsiderationDecidedOn: dateSchema.nullable().optional(),
  reconsiderationOutcome: z.enum(DECIDED_OUTCOMES).nullable().optional(),
  suitFiledOn: dateSchema.nullable().optional(),
  decidedOn: dateSchema.nullable().optional(),
  outcome: z.enum(REVIEW_OUTCOMES).optional(),
  summary: z.string().max(2000).nullable().optional(),
};

/** POST /api/reviews body. */
export const createReviewBodySchema = z.object({
  ...outcomeFields,
  organizationId: z.number().int().positive().max(MAX_RECORD_ID),
  requestCaseId: z.number().int().positive().max(MAX_RECORD_ID).nullable().optional(),
  path: z.enum(REVIEW_PATHS),
  defendantRole: z.enum(DEFENDANT_ROLES).optional(),
  applicantName: z.string().max(200),
  reviewingBody: z.string().max(200),
  filedOn: dateSchema,
  outcome: z.enum(REVIEW_OUTCOMES),
});

/** PATCH /api/reviews/:id body: the outcome, the dates, the case number, the summary. */
export const updateReviewBodySchema = z.object({
  ...outcomeFields,
  /** The `updatedAt` you read; a different one gives 409 CONFLICT. */
  expectedUpdatedAt: z.string().optional(),
});

/** Maps a record to its API shape (an explicit copy: nothing else leaks). */
export function reviewToApi(r: ReviewCaseWithOrganization): z.infer<typeof reviewSchema> {
  const x = r.review;
  return {
    id: x.id,
    organizationId: x.organizationId,
    organizationName: r.organization.name,
    requestCaseId: x.requestCaseId,
    path: x.path,
    defendantRole: x.defendantRole,
    applicantName: x.applicantName,
    reviewingBody: x.reviewingBody,
    caseNumber: x.caseNumber,
    filedOn: x.filedOn,
    reconsiderationDecidedOn: x.reconsiderationDecidedOn,
    reconsiderationOutcome: x.reconsiderationOutcome,
    suitFiledOn: x.suitFiledOn,
    decidedOn: x.decidedOn,
    outcome: x.outcome,
    summary: x.summary,
    synthetic: x.synthetic,
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
  };
}

/** Maps a document to its API shape. */
export function reviewDocumentToApi(d: ReviewDocument): z.infer<typeof reviewDocumentSchema> {
  return { id: d.id, kind: d.kind, fileName: d.fileName, mediaType: d.mediaType, sizeBytes: d.sizeBytes, sha256: d.sha256, createdAt: d.createdAt };
}

/** Maps a record with documents to its API shape. */
export function reviewDetailToApi(d: ReviewDetail): z.infer<typeof reviewDetailSchema> {
  return { ...reviewToApi(d), documents: d.documents.map(reviewDocumentToApi) };
}

/** Maps a table report to its API shape. */
export function reviewTableToApi(t: ReviewTableReport): z.infer<typeof reviewTableSchema> {
  return {
    organizationId: t.organization.id,
    organizationName: t.organization.name,
    year: t.table.year,
    columns: REVIEW_TABLE_COLUMN_IDS.map((id) => ({ id, label: REVIEW_TABLE_COLUMN_LABELS[id], value: t.table.values[id] })),
    rows2014: REVIEW_ROWS_2014.map((id) => ({ id, label: REVIEW_ROW_2014_LABELS[id], value: t.rows2014[id] })),
    counted: t.table.counted,
    excludedCoDefendant: t.table.excludedCoDefendant,
  };
}

/** An id field of a form: blank → null, anything else a number (NaN when not one, so the service reports it). */
function formId(value: string | undefined): number | null {
  return value === undefined || value.trim() === '' ? null : Number(value.trim());
}

/** The fields of the console's new-record form, read into the service's input (the service validates). */
export function formToReviewInput(fields: Record<string, string>): ReviewCaseInput {
  return {
    organizationId: formId(fields['organizationId']) ?? Number.NaN,
    requestCaseId: formId(fields['requestCaseId']),
    path: (fields['path'] ?? '') as ReviewCaseInput['path'],
    defendantRole: (fields['defendantRole'] || 'original-agency') as NonNullable<ReviewCaseInput['defendantRole']>,
    applicantName: fields['applicantName'] ?? '',
    reviewingBody: fields['reviewingBody'] ?? '',
    ...formToReviewPatch(fields),
    filedOn: fields['filedOn'] ?? '',
    outcome: (fields['outcome'] ?? '') as ReviewOutcome,
  };
}

/** The fields of the console's outcome form (and the outcome part of the new-record form). */
export function formToReviewPatch(fields: Record<string, string>): ReviewCasePatch {
  const text = (key: string): string | null => fields[key] ?? null;
  const patch: ReviewCasePatch = {
    caseNumber: text('caseNumber'),
    reconsiderationDecidedOn: text('reconsiderationDecidedOn'),
    reconsiderationOutcome: (fields['reconsiderationOutcome'] || null) as DecidedOutcome | null,
    suitFiledOn: text('suitFiledOn'),
    decidedOn: text('decidedOn'),
    summary: text('summary'),
  };
  if (fields['filedOn'] !== undefined) patch.filedOn = fields['filedOn'];
  if (fields['outcome'] !== undefined) patch.outcome = fields['outcome'] as ReviewOutcome;
  return patch;
}

/** A record as the form's strings (for the edit form). */
export function reviewFormValues(r: ReviewCase): Record<string, string> {
  return {
    caseNumber: r.caseNumber ?? '',
    filedOn: r.filedOn,
    reconsiderationDecidedOn: r.reconsiderationDecidedOn ?? '',
    reconsiderationOutcome: r.reconsiderationOutcome ?? '',
    suitFiledOn: r.suitFiledOn ?? '',
    decidedOn: r.decidedOn ?? '',
    outcome: r.outcome,
    summary: r.summary ?? '',
  };
}
