/**
 * The OGI office's work records (issue 6 item 5; 2014 table 六, 八, 九): a year's staffing and
 * funding per organization, and the lists of reading points, meetings, training sessions and
 * complaints; their figures for a year; the public list of reading points (2019 art. 25).
 * Every method checks permission first (`work_records.read` / `work_records.manage`,
 * src/auth/policy.ts) and audits every change in the same transaction.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, grantedPaths } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/database.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { selectWorkRecordFiguresBySubtree } from './work-record-figures.repository.ts';
import { EMPTY_WORK_RECORD_FIGURES, sumWorkRecordFigures } from './work-record-figures.ts';
import type { WorkRecordFigures } from './work-record-figures.ts';
import {
  deleteWorkRecordRow,
  findStaffing,
  findWorkRecord,
  findWorkRecordOrganization,
  insertStaffing,
  insertWorkRecord,
  listReadingPointsOpenOn,
  listWorkRecordOrganizations,
  listWorkRecordRows,
  updateStaffingRow,
  updateWorkRecordRow,
} from './work-record.repository.ts';
import type { PublicReadingPoint, WorkRecordOrganization, WorkRecordWithOrganization } from './work-record.repository.ts';
import { MIN_WORK_RECORD_YEAR, normalizeStaffing, WORK_RECORD_ENTITY_TYPES, normalizeWorkRecord, validateStaffing, validateWorkRecord } from './work-record.ts';
import type { OgiStaffing, StaffingValues, WorkRecordKind, WorkRecordOf, WorkRecordValuesByKind } from './work-record.ts';

const MAX_YEAR = 9999;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_WORK_RECORD_YEAR || year > MAX_YEAR) {
    throw validationFailed([{ field: 'year', message: `year must be an integer from ${MIN_WORK_RECORD_YEAR} to ${MAX_YEAR}`, messageZh: '年度应为四位年份' }]);
  }
}

/** The organization, or `ORGANIZATION_UNKNOWN` naming the field. */
async function organizationOrThrow(db: Db, id: number): Promise<WorkRecordOrganization> {
  const org = Number.isInteger(id) ? await findWorkRecordOrganization(db, id) : undefined;
  if (!org) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `organizationId ${id}`, {
      issues: [{ field: 'organizationId', message: `organization ${id} does not exist`, messageZh: `机构 ${id} 不存在` }],
    });
  }
  return org;
}

/** An organization's staffing of a year; `staffing` null when none was entered yet. */
export interface StaffingReport {
  organization: WorkRecordOrganization;
  year: number;
  staffing: OgiStaffing | null;
}

/**
 * The staffing and funding of an organization and year (2014 table 八).
 * Permission: `work_records.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function getStaffing(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<StaffingReport> {
  authorize(actor, 'work_records.read');
  checkYear(year);
  const organization = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'work_records.read', { organizationPath: organization.path });
  return { organization, year, staffing: (await findStaffing(ctx.store.db, organization.id, year)) ?? null };
}

/**
 * Saves the staffing and funding of an organization and year: creates the record, or overwrites it
 * (one record per organization and year).
 * Permission: `work_records.manage` on the organization.
 * @param expectedUpdatedAt the `updatedAt` the caller read (null: the caller saw no record yet);
 *   undefined skips the check. A record changed (or created) meanwhile gives `CONFLICT`.
 * @returns the stored record
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (counts negative or not integers, funding negative or with more than 4 decimals, a future year), `CONFLICT`
 */
export async function saveStaffing(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: number,
  year: number,
  input: StaffingValues,
  options: { expectedUpdatedAt?: string | null; synthetic?: boolean } = {},
): Promise<OgiStaffing> {
  authorize(actor, 'work_records.manage');
  const values = normalizeStaffing(input);
  return ctx.store.db.transaction().execute(async (trx) => {
    const organization = await organizationOrThrow(trx, organizationId);
    authorize(actor, 'work_records.manage', { organizationPath: organization.path });
    const issues = validateStaffing(values, year, today(ctx.clock));
    if (issues.length > 0) throw validationFailed(issues);
    const before = await findStaffing(trx, organization.id, year);
    const expected = options.expectedUpdatedAt;
    const now = nowIso(ctx.clock);
    const userId = actorUserId(actor);
    if (!before) {
      if (typeof expected === 'string') throw new GongkaiError('CONFLICT', `staffing ${organization.id}/${year} no longer exists`);
      const created = await insertStaffing(trx, { organizationId: organization.id, year, values, synthetic: options.synthetic ?? false, updatedBy: userId, now });
      await recordAudit(trx, actor, ctx.clock, { action: 'ogi_staffing.create', entityType: 'ogi_staffing', entityId: created.id, organizationId: organization.id, after: created });
      return created;
    }
    if (expected === null || (expected !== undefined && expected !== before.updatedAt)) throw new GongkaiError('CONFLICT', `staffing ${organization.id}/${year}`);
    const after = await updateStaffingRow(trx, before.id, values, before.updatedAt, userId, now);
    if (!after) throw new GongkaiError('CONFLICT', `staffing ${organization.id}/${year}`);
    await recordAudit(trx, actor, ctx.clock, { action: 'ogi_staffing.update', entityType: 'ogi_staffing', entityId: after.id, organizationId: organization.id, before, after });
    return after;
  });
}

/** The record, or `NOT_FOUND`. */
async function recordOrThrow<K extends WorkRecordKind>(db: Db, kind: K, id: number): Promise<WorkRecordWithOrganization<K>> {
  const found = await findWorkRecord(db, kind, id);
  if (!found) throw new GongkaiError('NOT_FOUND', `${WORK_RECORD_ENTITY_TYPES[kind]} ${id}`);
  return found;
}

function checkValues<K extends WorkRecordKind>(ctx: ServiceContext, kind: K, values: WorkRecordValuesByKind[K]): void {
  const issues = validateWorkRecord(kind, values, today(ctx.clock));
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * Records a reading point, meeting, training session or complaint of an organization.
 * Permission: `work_records.manage` on the organization.
 * @returns the stored record
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (see the validators of work-record.ts)
 */
export async function createWorkRecord<K extends WorkRecordKind>(
  ctx: ServiceContext,
  actor: Actor,
  kind: K,
  organizationId: number,
  input: WorkRecordValuesByKind[K],
  options: { synthetic?: boolean } = {},
): Promise<WorkRecordOf<K>> {
  authorize(actor, 'work_records.manage');
  const values = normalizeWorkRecord(kind, input);
  return ctx.store.db.transaction().execute(async (trx) => {
    const organization = await organizationOrThrow(trx, organizationId);
    authorize(actor, 'work_records.manage', { organizationPath: organization.path });
    checkValues(ctx, kind, values);
    const created = await insertWorkRecord(trx, kind, values, { organizationId: organization.id, synthetic: options.synthetic ?? false, now: nowIso(ctx.clock) });
    const entityType = WORK_RECORD_ENTITY_TYPES[kind];
    await recordAudit(trx, actor, ctx.clock, { action: `${entityType}.create`, entityType, entityId: created.id, organizationId: organization.id, after: created });
    return created;
  });
}

/**
 * Changes a record's values (the organization does not change): `patch` is laid over the stored
 * values, then the whole record is checked.
 * Permission: `work_records.manage` on the record's organization.
 * @param expectedUpdatedAt when given, the `updatedAt` the caller read: a different one gives `CONFLICT`
 * @returns the record after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED`, `CONFLICT`
 */
export async function updateWorkRecord<K extends WorkRecordKind>(
  ctx: ServiceContext,
  actor: Actor,
  kind: K,
  id: number,
  patch: Partial<WorkRecordValuesByKind[K]>,
  expectedUpdatedAt?: string,
): Promise<WorkRecordOf<K>> {
  authorize(actor, 'work_records.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { record: before, organization } = await recordOrThrow(trx, kind, id);
    authorize(actor, 'work_records.manage', { organizationPath: organization.path });
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new GongkaiError('CONFLICT', `${WORK_RECORD_ENTITY_TYPES[kind]} ${id}`);
    const values = normalizeWorkRecord(kind, { ...before, ...patch });
    checkValues(ctx, kind, values);
    const after = await updateWorkRecordRow(trx, kind, id, values, before.updatedAt, nowIso(ctx.clock));
    if (!after) throw new GongkaiError('CONFLICT', `${WORK_RECORD_ENTITY_TYPES[kind]} ${id}`);
    const entityType = WORK_RECORD_ENTITY_TYPES[kind];
    await recordAudit(trx, actor, ctx.clock, { action: `${entityType}.update`, entityType, entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

/**
 * Deletes a record (a typo or a duplicate; a reading point that closed gets `closedOn` instead,
 * so past years' figures keep it).
 * Permission: `work_records.manage` on the record's organization.
 * @param expectedUpdatedAt when given, the `updatedAt` the caller read: a different one gives `CONFLICT`
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT`
 */
export async function deleteWorkRecord(ctx: ServiceContext, actor: Actor, kind: WorkRecordKind, id: number, expectedUpdatedAt?: string): Promise<void> {
  authorize(actor, 'work_records.manage');
  await ctx.store.db.transaction().execute(async (trx) => {
    const { record: before, organization } = await recordOrThrow(trx, kind, id);
    authorize(actor, 'work_records.manage', { organizationPath: organization.path });
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new GongkaiError('CONFLICT', `${WORK_RECORD_ENTITY_TYPES[kind]} ${id}`);
    if (!(await deleteWorkRecordRow(trx, kind, id, before.updatedAt))) throw new GongkaiError('CONFLICT', `${WORK_RECORD_ENTITY_TYPES[kind]} ${id}`);
    const entityType = WORK_RECORD_ENTITY_TYPES[kind];
    await recordAudit(trx, actor, ctx.clock, { action: `${entityType}.delete`, entityType, entityId: id, organizationId: organization.id, before });
  });
}

/**
 * One record with its organization.
 * Permission: `work_records.read` on the record's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getWorkRecord<K extends WorkRecordKind>(ctx: ServiceContext, actor: Actor, kind: K, id: number): Promise<WorkRecordWithOrganization<K>> {
  authorize(actor, 'work_records.read');
  const found = await recordOrThrow(ctx.store.db, kind, id);
  authorize(actor, 'work_records.read', { organizationPath: found.organization.path });
  return found;
}

/**
 * The records of a list kind of one organization (not its subtree), newest first, at most 1,000:
 * those of `year` when given (reading points: open at some time in the year).
 * Permission: `work_records.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function listWorkRecords<K extends WorkRecordKind>(ctx: ServiceContext, actor: Actor, kind: K, organizationId: number, year?: number): Promise<{ organization: WorkRecordOrganization; records: WorkRecordOf<K>[] }> {
  authorize(actor, 'work_records.read');
  if (year !== undefined) checkYear(year);
  const organization = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'work_records.read', { organizationPath: organization.path });
  return { organization, records: await listWorkRecordRows(ctx.store.db, kind, organization.id, year) };
}

/** The figures of an organization (or its subtree) for a year. */
export interface WorkRecordFiguresReport {
  organization: WorkRecordOrganization;
  year: number;
  /** Whether the organizations below it are added in. */
  subtree: boolean;
  figures: WorkRecordFigures;
}

/**
 * The figures of sections 六, 八 and 九 of the 2014 table for an organization and year, or for
 * the organization and everything below it (`subtree`), by the rules of work-record-figures.ts.
 * Permission: `work_records.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function workRecordFiguresFor(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, subtree = false): Promise<WorkRecordFiguresReport> {
  authorize(actor, 'work_records.read');
  checkYear(year);
  const organization = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'work_records.read', { organizationPath: organization.path });
  const byOrganization = await selectWorkRecordFiguresBySubtree(ctx.store.db, organization.path, year);
  const figures = subtree ? sumWorkRecordFigures(byOrganization.values()) : (byOrganization.get(organization.id) ?? { ...EMPTY_WORK_RECORD_FIGURES });
  return { organization, year, subtree, figures };
}

/**
 * The organizations where the caller may perform `action` on work records, in tree order.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function workRecordOrganizations(ctx: ServiceContext, actor: Actor, action: 'work_records.read' | 'work_records.manage'): Promise<WorkRecordOrganization[]> {
  authorize(actor, action);
  return listWorkRecordOrganizations(ctx.store.db, grantedPaths(actor, action));
}

/**
 * The public reading points open today (China time) with their organizations: where the public
 * can consult government information (2019 art. 25).
 * Permission: `work_records.read_published` (public).
 */
export async function listPublicReadingPoints(ctx: ServiceContext, actor: Actor): Promise<{ date: string; points: PublicReadingPoint[] }> {
  authorize(actor, 'work_records.read_published');
  const date = today(ctx.clock);
  return { date, points: await listReadingPointsOpenOn(ctx.store.db, date) };
}
