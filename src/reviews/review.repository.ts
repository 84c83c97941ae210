/**
 * Storage of reconsideration and litigation records (`review_case`) and their documents
 * (`case_document` rows with `review_case_id`): the only file of src/reviews/ that knows the
 * tables. Functions take a `Db` (handle or transaction); the caller owns the transaction.
 */
import type { Selectable } from 'kysely';
import type { CaseDocumentTable, Db, ReviewCaseTable } from '../db/database.ts';
import type { DecidedOutcome, DefendantRole, ReviewCase, ReviewCaseValues, ReviewDocument, ReviewDocumentKind, ReviewOutcome, ReviewPath } from './review-case.ts';
import type { ReviewTableRecord } from './review-table.ts';

/** The organization a record belongs to: enough to authorize and to show. */
export interface ReviewOrganization {
  id: number;
  name: string;
  /** Materialized path `/1/5/`. */
  path: string;
}

/** A record with its organization's name and path. */
export interface ReviewCaseWithOrganization {
  review: ReviewCase;
  organization: ReviewOrganization;
}

type ReviewRow = Selectable<ReviewCaseTable>;

/** Maps a row to the domain record (the enum columns are written only through validated values). */
function rowToReviewCase(row: ReviewRow): ReviewCase {
  return {
    id: row.id,
    organizationId: row.organization_id,
    requestCaseId: row.request_case_id,
    path: row.path as ReviewPath,
    defendantRole: row.defendant_role as DefendantRole,
    applicantName: row.applicant_name,
    reviewingBody: row.reviewing_body,
    caseNumber: row.case_number,
    filedOn: row.filed_on,
    reconsiderationDecidedOn: row.reconsideration_decided_on,
    reconsiderationOutcome: row.reconsideration_outcome as DecidedOutcome | null,
    suitFiledOn: row.suit_filed_on,
    decidedOn: row.decided_on,
    outcome: row.outcome as ReviewOutcome,
    summary: row.summary,
    synthetic: row.synthetic === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumns(values: ReviewCaseValues): Omit<ReviewRow, 'id' | 'organization_id' | 'request_case_id' | 'synthetic' | 'created_by' | 'created_at' | 'updated_at'> {
  return {
    path: values.path,
    defendant_role: values.defendantRole,
    applicant_name: values.applicantName,
    reviewing_body: values.reviewingBody,
    case_number: values.caseNumber,
    filed_on: values.filedOn,
    reconsideration_decided_on: values.reconsiderationDecidedOn,
    reconsideration_outcome: values.reconsiderationOutcome,
    suit_filed_on: values.suitFiledOn,
    decided_on: values.decidedOn,
    outcome: values.outcome,
    summary: values.summary,
  };
}

/** The organization with `id` (id, name, path), or undefined. */
export async function findReviewOrganization(db: Db, id: number): Promise<ReviewOrganization | undefined> {
  return db.selectFrom('organization').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

/** Organizations in the given subtrees (null = all), ordered by path: for the console's select lists. */
export async function listReviewOrganizations(db: Db, rootPaths: readonly string[] | null): Promise<ReviewOrganization[]> {
  if (rootPaths !== null && rootPaths.length === 0) return [];
  let query = db.selectFrom('organization').select(['id', 'name', 'path']);
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  if (rootPaths !== null) query = query.where((eb) => eb.or(rootPaths.map((root) => eb('path', 'like', `${root}%`))));
  return query.orderBy('path').execute();
}

/** The path of the organization of request case `id`, or undefined when there is no such case. */
export async function findRequestCaseOrganizationPath(db: Db, requestCaseId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('request_case')
    .innerJoin('organization', 'organization.id', 'request_case.organization_id')
    .select('organization.path')
    .where('request_case.id', '=', requestCaseId)
    .executeTakeFirst();
  return row?.path;
}

/**
 * Inserts a record.
 * @returns the stored record
 */
export async function insertReviewCase(
  db: Db,
  o: { organizationId: number; requestCaseId: number | null; values: ReviewCaseValues; synthetic: boolean; createdBy: number | null; now: string },
): Promise<ReviewCase> {
  const row = await db
    .insertInto('review_case')
    .values({
      ...toColumns(o.values),
      organization_id: o.organizationId,
      request_case_id: o.requestCaseId,
      synthetic: o.synthetic ? 1 : 0,
      created_by: o.createdBy,
      created_at: o.now,
      updated_at: o.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToReviewCase(row);
}

/** Overwrites a record's user-entered values. */
export async function updateReviewCaseRow(db: Db, id: number, values: ReviewCaseValues, now: string): Promise<ReviewCase> {
  const row = await db.updateTable('review_case').set({ ...toColumns(values), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return rowToReviewCase(row);
}

const REVIEW_COLUMNS = [
  'review_case.id',
  'review_case.organization_id',
  'review_case.request_case_id',
  'review_case.path',
  'review_case.defendant_role',
  'review_case.applicant_name',
  'review_case.reviewing_body',
  'review_case.case_number',
  'review_case.filed_on',
  'review_case.reconsideration_decided_on',
  'review_case.reconsideration_outcome',
  'review_case.suit_filed_on',
  'review_case.decided_on',
  'review_case.outcome',
  'review_case.summary',
  'review_case.synthetic',
  'review_case.created_by',
  'review_case.created_at',
  'review_case.updated_at',
] as const;

/** A row of {@link REVIEW_COLUMNS} joined with its organization's name and path, split in two. */
function withOrganization(row: ReviewRow & { organization_name: string; organization_path: string }): ReviewCaseWithOrganization {
  const { organization_name, organization_path, ...review } = row;
  return { review: rowToReviewCase(review), organization: { id: row.organization_id, name: organization_name, path: organization_path } };
}

/** The record with `id` and its organization, or undefined. */
export async function findReviewCaseById(db: Db, id: number): Promise<ReviewCaseWithOrganization | undefined> {
  const row = await db
    .selectFrom('review_case')
    .innerJoin('organization', 'organization.id', 'review_case.organization_id')
    .select([...REVIEW_COLUMNS, 'organization.name as organization_name', 'organization.path as organization_path'])
    .where('review_case.id', '=', id)
    .executeTakeFirst();
  return row ? withOrganization(row) : undefined;
}

/** Which records to list. */
export interface ReviewFilter {
  /** Subtree roots (`/1/5/`) the records' organizations must be in; null = everywhere, [] = nothing. */
  rootPaths: readonly string[] | null;
  /** Only records counted in this year (the suit's filing year for suits, see `countedOn`). */
  year?: number;
  /** At most this many, newest first (default 500). */
  limit?: number;
}

/**
 * Records in the subtrees, newest counted date first, with their organizations.
 * Only suits after reconsideration have `suit_filed_on` (validated), so `coalesce(suit_filed_on,
 * filed_on)` is the counted date of every path.
 */
export async function listReviewCases(db: Db, filter: ReviewFilter): Promise<ReviewCaseWithOrganization[]> {
  const roots = filter.rootPaths;
  if (roots !== null && roots.length === 0) return [];
  let query = db
    .selectFrom('review_case')
    .innerJoin('organization', 'organization.id', 'review_case.organization_id')
    .select([...REVIEW_COLUMNS, 'organization.name as organization_name', 'organization.path as organization_path']);
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('organization.path', 'like', `${root}%`))));
  if (filter.year !== undefined) {
    const { from, to } = yearRange(filter.year);
    query = query.where((eb) => eb.between(eb.fn.coalesce('review_case.suit_filed_on', 'review_case.filed_on'), from, to));
  }
  const rows = await query
    .orderBy((eb) => eb.fn.coalesce('review_case.suit_filed_on', 'review_case.filed_on'), 'desc')
    .orderBy('review_case.id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map(withOrganization);
}

function yearRange(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/**
 * The records table 四 needs for a subtree and year, in one query: only the columns the table
 * reads. Every counted date is on or after `filed_on`, so `filed_on <= Dec 31` narrows on the
 * `(organization_id, filed_on)` index before the counted date is tested.
 */
export async function selectReviewTableRecords(db: Db, rootPath: string, year: number): Promise<ReviewTableRecord[]> {
  const { from, to } = yearRange(year);
  const rows = await db
    .selectFrom('review_case')
    .innerJoin('organization', 'organization.id', 'review_case.organization_id')
    .select(['review_case.path', 'review_case.defendant_role', 'review_case.filed_on', 'review_case.suit_filed_on', 'review_case.decided_on', 'review_case.outcome'])
    .where('organization.path', 'like', `${rootPath}%`)
    .where('review_case.filed_on', '<=', to)
    .where((eb) => eb.between(eb.fn.coalesce('review_case.suit_filed_on', 'review_case.filed_on'), from, to))
    .execute();
  return rows.map((r) => ({
    path: r.path as ReviewPath,
    defendantRole: r.defendant_role as DefendantRole,
    filedOn: r.filed_on,
    suitFiledOn: r.suit_filed_on,
    decidedOn: r.decided_on,
    outcome: r.outcome as ReviewOutcome,
  }));
}

type DocumentRow = Selectable<CaseDocumentTable>;

function rowToDocument(row: DocumentRow): ReviewDocument {
  return {
    id: row.id,
    reviewCaseId: row.review_case_id ?? 0,
    kind: row.kind as ReviewDocumentKind,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/**
 * Inserts a document of a record.
 * @returns the stored document
 */
export async function insertReviewDocument(db: Db, d: Omit<ReviewDocument, 'id'>): Promise<ReviewDocument> {
  const row = await db
    .insertInto('case_document')
    .values({
      request_case_id: null,
      review_case_id: d.reviewCaseId,
      kind: d.kind,
      file_name: d.fileName,
      media_type: d.mediaType,
      size_bytes: d.sizeBytes,
      sha256: d.sha256,
      created_by: d.createdBy,
      created_at: d.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToDocument(row);
}

/** The documents of a record, oldest first. */
export async function listReviewDocuments(db: Db, reviewCaseId: number): Promise<ReviewDocument[]> {
  const rows = await db.selectFrom('case_document').selectAll().where('review_case_id', '=', reviewCaseId).orderBy('id').execute();
  return rows.map(rowToDocument);
}

/** Document `documentId` of record `reviewCaseId`, or undefined (also when it belongs to another record). */
export async function findReviewDocument(db: Db, reviewCaseId: number, documentId: number): Promise<ReviewDocument | undefined> {
  const row = await db.selectFrom('case_document').selectAll().where('id', '=', documentId).where('review_case_id', '=', reviewCaseId).executeTakeFirst();
  return row ? rowToDocument(row) : undefined;
}
