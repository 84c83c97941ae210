/**
 * Reconsideration and litigation records (2019 art. 51; table 四): registering them, recording
 * their outcome, listing them for an organization's subtree, computing table 四, and their
 * documents. Every method checks permission first (`reviews.read` / `reviews.manage`,
 * src/auth/policy.ts) and audits every change in the same transaction.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, can, grantedPaths } from '../auth/policy.ts';
import { maskName } from '../requests/personal-data.ts';
import { recordAudit } from '../audit/audit.ts';
import { checkUpload, existingFilePath, storeFile } from '../catalog/attachment.service.ts';
import type { AttachmentUpload } from '../catalog/attachment.service.ts';
import type { Db } from '../db/database.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { applyReviewPatch, REVIEW_DOCUMENT_KINDS, reviewValuesFromInput, validateReviewCase } from './review-case.ts';
import type { ReviewCase, ReviewCaseInput, ReviewCasePatch, ReviewCaseValues, ReviewDocument, ReviewDocumentKind } from './review-case.ts';
import { computeReviewTable, reviewRows2014 } from './review-table.ts';
import type { ReviewRow2014Id, ReviewTable } from './review-table.ts';
import {
  findRequestCaseOrganizationPath,
  findReviewCaseById,
  findReviewDocument,
  findReviewOrganization,
  insertReviewCase,
  insertReviewDocument,
  listReviewCases,
  listReviewDocuments,
  listReviewOrganizations,
  selectReviewTableRecords,
  updateReviewCaseRow,
} from './review.repository.ts';
import type { ReviewCaseWithOrganization, ReviewOrganization } from './review.repository.ts';

/** A record with its organization and documents. */
export interface ReviewDetail extends ReviewCaseWithOrganization {
  documents: ReviewDocument[];
}

/** Table 四 of an organization's subtree for one year, with the 2014 rows from the same counts. */
export interface ReviewTableReport {
  organization: ReviewOrganization;
  table: ReviewTable;
  rows2014: Record<ReviewRow2014Id, number>;
}

/** Years the statistics may be asked for (the 2008 regulation's first full year is 2009; some local rules are older). */
const MIN_YEAR = 2000;
const MAX_YEAR = 9999;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw validationFailed([{ field: 'year', message: `year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`, messageZh: '年度应为四位年份' }]);
  }
}

/** The organization, or `ORGANIZATION_UNKNOWN` naming the field. */
async function organizationOrThrow(db: Db, id: number, field = 'organizationId'): Promise<ReviewOrganization> {
  const org = Number.isInteger(id) ? await findReviewOrganization(db, id) : undefined;
  if (!org) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `${field} ${id}`, {
      issues: [{ field, message: `organization ${id} does not exist`, messageZh: `机构 ${id} 不存在` }],
    });
  }
  return org;
}

/** Throws `VALIDATION_FAILED` unless the values pass {@link validateReviewCase}. */
function checkValues(ctx: ServiceContext, values: ReviewCaseValues): void {
  const issues = validateReviewCase(values, today(ctx.clock));
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * The request case must exist and belong to the organization or its subtree (a department's
 * request, when the government above it is the defendant or co-defendant).
 */
async function checkRequestCase(db: Db, requestCaseId: number, org: ReviewOrganization): Promise<void> {
  const path = Number.isInteger(requestCaseId) && requestCaseId > 0 ? await findRequestCaseOrganizationPath(db, requestCaseId) : undefined;
  if (path === undefined || !path.startsWith(org.path)) {
    throw validationFailed([
      {
        field: 'requestCaseId',
        message: `request case ${requestCaseId} does not exist in ${org.name} or below it`,
        messageZh: `申请案件 ${requestCaseId} 不存在，或不属于${org.name}及其下级机关`,
      },
    ]);
  }
}

/** The record, or `NOT_FOUND`. */
async function reviewOrThrow(db: Db, id: number): Promise<ReviewCaseWithOrganization> {
  const found = await findReviewCaseById(db, id);
  if (!found) throw new GongkaiError('NOT_FOUND', `review case ${id}`);
  return found;
}

/**
 * Registers a record for an organization, optionally linked to a request case of that
 * organization's subtree.
 * Permission: `reviews.manage` on the organization.
 * @returns the stored record
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (field issues of `validateReviewCase`; `requestCaseId` unknown or outside the subtree)
 */
export async function createReview(ctx: ServiceContext, actor: Actor, input: ReviewCaseInput): Promise<ReviewCase> {
  authorize(actor, 'reviews.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const org = await organizationOrThrow(trx, input.organizationId);
    authorize(actor, 'reviews.manage', { organizationPath: org.path });
    const values = reviewValuesFromInput(input);
    checkValues(ctx, values);
    const requestCaseId = input.requestCaseId ?? null;
    if (requestCaseId !== null) await checkRequestCase(trx, requestCaseId, org);
    const created = await insertReviewCase(trx, { organizationId: org.id, requestCaseId, values, synthetic: input.synthetic ?? false, createdBy: actorUserId(actor), now: nowIso(ctx.clock) });
    await recordAudit(trx, actor, ctx.clock, { action: 'review.create', entityType: 'review_case', entityId: created.id, organizationId: org.id, after: created });
    return created;
  });
}

/**
 * Records a record's outcome or corrects its dates, case number or summary (the path, role,
 * parties and organization do not change: register a new record instead).
 * Permission: `reviews.manage` on the record's organization.
 * @param expectedUpdatedAt when given, the `updatedAt` the caller read: a different one means
 *   someone else changed the record meanwhile
 * @returns the record after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED`, `CONFLICT`
 */
export async function updateReview(ctx: ServiceContext, actor: Actor, id: number, patch: ReviewCasePatch, expectedUpdatedAt?: string): Promise<ReviewCase> {
  authorize(actor, 'reviews.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { review: before, organization } = await reviewOrThrow(trx, id);
    authorize(actor, 'reviews.manage', { organizationPath: organization.path });
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new GongkaiError('CONFLICT', `review case ${id}`);
    const values = applyReviewPatch(before, patch);
    checkValues(ctx, values);
    const after = await updateReviewCaseRow(trx, id, values, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: 'review.update', entityType: 'review_case', entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

/**
 * One record with its organization and documents.
 * Permission: `reviews.read` on the record's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getReviewDetail(ctx: ServiceContext, actor: Actor, id: number): Promise<ReviewDetail> {
  authorize(actor, 'reviews.read');
  const found = await reviewOrThrow(ctx.store.db, id);
  authorize(actor, 'reviews.read', { organizationPath: found.organization.path });
  return { ...masked(actor, found), documents: await listReviewDocuments(ctx.store.db, id) };
}

/**
 * The record as the actor may see it: the applicant's name (often the requester of a case) is
 * masked for those without `requests.read_personal` over the organization (auditors), as on cases.
 */
function masked(actor: Actor, found: ReviewCaseWithOrganization): ReviewCaseWithOrganization {
  if (can(actor, 'requests.read_personal', { organizationPath: found.organization.path })) return found;
  return { ...found, review: { ...found.review, applicantName: maskName(found.review.applicantName, true) } };
}

/** What to list. */
export interface ReviewQuery {
  /** Only this organization's subtree (it must be within the caller's); default: every subtree the caller may read. */
  organizationId?: number;
  /** Only records counted in this year (suits by their filing year, see `countedOn`). */
  year?: number;
}

/**
 * Records of an organization's subtree (or of every subtree the caller may read), newest first,
 * at most 500.
 * Permission: `reviews.read` (on the organization, when given).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function listReviews(ctx: ServiceContext, actor: Actor, query: ReviewQuery = {}): Promise<ReviewCaseWithOrganization[]> {
  authorize(actor, 'reviews.read');
  if (query.year !== undefined) checkYear(query.year);
  let rootPaths = grantedPaths(actor, 'reviews.read');
  if (query.organizationId !== undefined) {
    const org = await organizationOrThrow(ctx.store.db, query.organizationId);
    authorize(actor, 'reviews.read', { organizationPath: org.path });
    rootPaths = [org.path];
  }
  return (await listReviewCases(ctx.store.db, { rootPaths, ...(query.year !== undefined ? { year: query.year } : {}) })).map((found) => masked(actor, found));
}

/**
 * Table 四 (and the 2014 rows 四/五) of an organization and everything below it for one year:
 * one query for the records, then the pure computation of src/reviews/review-table.ts (year by
 * filing date, outcome as of Dec 31, co-defendant records never counted).
 * Permission: `reviews.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function reviewTableFor(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ReviewTableReport> {
  authorize(actor, 'reviews.read');
  checkYear(year);
  const organization = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'reviews.read', { organizationPath: organization.path });
  const table = computeReviewTable(await selectReviewTableRecords(ctx.store.db, organization.path, year), year);
  return { organization, table, rows2014: reviewRows2014(table) };
}

/**
 * The organizations where the caller may perform `action` on records, in tree order (for the
 * console's organization choices).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function reviewOrganizations(ctx: ServiceContext, actor: Actor, action: 'reviews.read' | 'reviews.manage'): Promise<ReviewOrganization[]> {
  authorize(actor, action);
  return listReviewOrganizations(ctx.store.db, grantedPaths(actor, action));
}

/**
 * Stores a document of a record (the decision, the application, a notice), content-addressed
 * like catalog attachments; its type is checked three ways (declared type, extension, magic bytes).
 * Permission: `reviews.manage` on the record's organization.
 * @returns the stored document
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `UPLOAD_TOO_LARGE` (over
 *   `config.maxUploadBytes`), `UPLOAD_TYPE`, `VALIDATION_FAILED` (empty file, unknown kind)
 */
export async function addReviewDocument(ctx: ServiceContext, actor: Actor, reviewId: number, upload: AttachmentUpload, kind: ReviewDocumentKind): Promise<ReviewDocument> {
  authorize(actor, 'reviews.manage');
  if (!(REVIEW_DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw validationFailed([{ field: 'kind', message: `kind must be one of ${REVIEW_DOCUMENT_KINDS.join(', ')}`, messageZh: '请选择文书类型' }]);
  }
  const checked = checkUpload(upload, ctx.config.maxUploadBytes);
  return ctx.store.db.transaction().execute(async (trx) => {
    const { organization } = await reviewOrThrow(trx, reviewId);
    authorize(actor, 'reviews.manage', { organizationPath: organization.path });
    await storeFile(ctx.config.attachmentsDir, checked.sha256, checked.data);
    const document = await insertReviewDocument(trx, {
      reviewCaseId: reviewId,
      kind,
      fileName: checked.fileName,
      mediaType: checked.mediaType,
      sizeBytes: checked.sizeBytes,
      sha256: checked.sha256,
      createdBy: actorUserId(actor),
      createdAt: nowIso(ctx.clock),
    });
    // Filed under the record, so the record's audit trail shows its documents.
    await recordAudit(trx, actor, ctx.clock, { action: 'review.document.add', entityType: 'review_case', entityId: reviewId, organizationId: organization.id, after: document });
    return document;
  });
}

/**
 * A document for download, with the path of its file.
 * Permission: `reviews.read` on the record's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND` (no such record or document, or the file is missing on disk)
 */
export async function getReviewDocument(ctx: ServiceContext, actor: Actor, reviewId: number, documentId: number): Promise<{ document: ReviewDocument; filePath: string }> {
  authorize(actor, 'reviews.read');
  const { organization } = await reviewOrThrow(ctx.store.db, reviewId);
  authorize(actor, 'reviews.read', { organizationPath: organization.path });
  const document = await findReviewDocument(ctx.store.db, reviewId, documentId);
  if (!document) throw new GongkaiError('NOT_FOUND', `document ${documentId}`);
  return { document, filePath: await existingFilePath(ctx.config.attachmentsDir, document.sha256) };
}
