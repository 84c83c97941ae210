/**
 * Storage of the OGI work records: `ogi_staffing`, `reading_point`, `ogi_meeting`,
 * `training_session` and `ogi_complaint` (migration 0004). The only file of src/work-records/
 * that knows the tables (with work-record-figures.repository.ts for the annual figures).
 * Functions take a `Db` (handle or transaction); the caller owns the transaction.
 */
import { yearBounds } from '../requests/request-statistics.ts';
import type { Selectable } from 'kysely';
import type { Db, OgiComplaintTable, OgiMeetingTable, OgiStaffingTable, ReadingPointTable, TrainingSessionTable } from '../db/database.ts';
import { roundFunding } from './work-record-figures.ts';
import { WORK_RECORD_ENTITY_TYPES } from './work-record.ts';
import type {
  ComplaintChannel,
  MeetingKind,
  OgiComplaint,
  OgiComplaintValues,
  OgiMeeting,
  OgiMeetingValues,
  OgiStaffing,
  ReadingPoint,
  ReadingPointValues,
  StaffingValues,
  TrainingSession,
  TrainingSessionValues,
  WorkRecordKind,
  WorkRecordOf,
  WorkRecordValuesByKind,
} from './work-record.ts';

/** A stored record of any list kind. */
type AnyWorkRecord = ReadingPoint | OgiMeeting | TrainingSession | OgiComplaint;

/** The organization a record belongs to: enough to authorize and to show. */
export interface WorkRecordOrganization {
  id: number;
  name: string;
  /** Materialized path `/1/5/`. */
  path: string;
}

/** The organization with `id` (id, name, path), or undefined. */
export async function findWorkRecordOrganization(db: Db, id: number): Promise<WorkRecordOrganization | undefined> {
  return db.selectFrom('organization').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

/** Organizations in the given subtrees (null = all), ordered by path: for the console's select list. */
export async function listWorkRecordOrganizations(db: Db, rootPaths: readonly string[] | null): Promise<WorkRecordOrganization[]> {
  if (rootPaths !== null && rootPaths.length === 0) return [];
  let query = db.selectFrom('organization').select(['id', 'name', 'path']);
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  if (rootPaths !== null) query = query.where((eb) => eb.or(rootPaths.map((root) => eb('path', 'like', `${root}%`))));
  return query.orderBy('path').execute();
}

// ---- Staffing ----

function rowToStaffing(row: Selectable<OgiStaffingTable>): OgiStaffing {
  return {
    id: row.id,
    organizationId: row.organization_id,
    year: row.year,
    ogiOffices: row.ogi_offices,
    staffFullTime: row.staff_full_time,
    staffPartTime: row.staff_part_time,
    // Whole yuan is what was entered: no floating-point tail.
    funding: roundFunding(Number(row.funding)),
    note: row.note,
    synthetic: row.synthetic === 1,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The staffing record of an organization and year, or undefined. */
export async function findStaffing(db: Db, organizationId: number, year: number): Promise<OgiStaffing | undefined> {
  const row = await db.selectFrom('ogi_staffing').selectAll().where('organization_id', '=', organizationId).where('year', '=', year).executeTakeFirst();
  return row ? rowToStaffing(row) : undefined;
}

/**
 * Inserts the staffing record of an organization and year (unique: the caller checked there is none).
 * @returns the stored record
 */
export async function insertStaffing(
  db: Db,
  o: { organizationId: number; year: number; values: StaffingValues; synthetic: boolean; updatedBy: number | null; now: string },
): Promise<OgiStaffing> {
  const row = await db
    .insertInto('ogi_staffing')
    .values({
      organization_id: o.organizationId,
      year: o.year,
      ogi_offices: o.values.ogiOffices,
      staff_full_time: o.values.staffFullTime,
      staff_part_time: o.values.staffPartTime,
      funding: o.values.funding,
      note: o.values.note,
      synthetic: o.synthetic ? 1 : 0,
      updated_by: o.updatedBy,
      created_at: o.now,
      updated_at: o.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToStaffing(row);
}

/**
 * Overwrites a staffing record's values when its `updated_at` is still `expectedUpdatedAt`.
 * @returns the record after the change, or undefined when someone changed it meanwhile
 */
export async function updateStaffingRow(db: Db, id: number, values: StaffingValues, expectedUpdatedAt: string, updatedBy: number | null, now: string): Promise<OgiStaffing | undefined> {
  const row = await db
    .updateTable('ogi_staffing')
    .set({
      ogi_offices: values.ogiOffices,
      staff_full_time: values.staffFullTime,
      staff_part_time: values.staffPartTime,
      funding: values.funding,
      note: values.note,
      updated_by: updatedBy,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('updated_at', '=', expectedUpdatedAt)
    .returningAll()
    .executeTakeFirst();
  return row ? rowToStaffing(row) : undefined;
}

// ---- The four record lists ----

function meta(row: { id: number; organization_id: number; synthetic: number; created_at: string; updated_at: string }): Pick<ReadingPoint, 'id' | 'organizationId' | 'synthetic' | 'createdAt' | 'updatedAt'> {
  return { id: row.id, organizationId: row.organization_id, synthetic: row.synthetic === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}

function rowToReadingPoint(row: Selectable<ReadingPointTable>): ReadingPoint {
  return { ...meta(row), name: row.name, address: row.address, openingHours: row.opening_hours, openedOn: row.opened_on, closedOn: row.closed_on };
}
function rowToMeeting(row: Selectable<OgiMeetingTable>): OgiMeeting {
  return { ...meta(row), heldOn: row.held_on, title: row.title, kind: row.kind as MeetingKind };
}
function rowToTraining(row: Selectable<TrainingSessionTable>): TrainingSession {
  return { ...meta(row), heldOn: row.held_on, title: row.title, attendees: row.attendees };
}
function rowToComplaint(row: Selectable<OgiComplaintTable>): OgiComplaint {
  return { ...meta(row), receivedOn: row.received_on, channel: row.channel as ComplaintChannel, summary: row.summary, outcome: row.outcome, closedOn: row.closed_on };
}


function readingPointColumns(v: ReadingPointValues): Pick<Selectable<ReadingPointTable>, 'name' | 'address' | 'opening_hours' | 'opened_on' | 'closed_on'> {
  return { name: v.name, address: v.address, opening_hours: v.openingHours, opened_on: v.openedOn, closed_on: v.closedOn };
}
function meetingColumns(v: OgiMeetingValues): Pick<Selectable<OgiMeetingTable>, 'held_on' | 'title' | 'kind'> {
  return { held_on: v.heldOn, title: v.title, kind: v.kind };
}
function trainingColumns(v: TrainingSessionValues): Pick<Selectable<TrainingSessionTable>, 'held_on' | 'title' | 'attendees'> {
  return { held_on: v.heldOn, title: v.title, attendees: v.attendees };
}
function complaintColumns(v: OgiComplaintValues): Pick<Selectable<OgiComplaintTable>, 'received_on' | 'channel' | 'summary' | 'outcome' | 'closed_on'> {
  return { received_on: v.receivedOn, channel: v.channel, summary: v.summary, outcome: v.outcome, closed_on: v.closedOn };
}

/** New-record columns besides the values. */
interface NewRecord {
  organizationId: number;
  synthetic: boolean;
  now: string;
}

function newColumns(o: NewRecord): { organization_id: number; synthetic: number; created_at: string; updated_at: string } {
  return { organization_id: o.organizationId, synthetic: o.synthetic ? 1 : 0, created_at: o.now, updated_at: o.now };
}

/**
 * Inserts a record of a list kind.
 * @returns the stored record
 */
export async function insertWorkRecord<K extends WorkRecordKind>(db: Db, kind: K, values: WorkRecordValuesByKind[K], o: NewRecord): Promise<WorkRecordOf<K>> {
  const v: unknown = values;
  let stored: AnyWorkRecord;
  switch (kind) {
    case 'reading-point':
      stored = rowToReadingPoint(await db.insertInto('reading_point').values({ ...readingPointColumns(v as ReadingPointValues), ...newColumns(o) }).returningAll().executeTakeFirstOrThrow());
      break;
    case 'meeting':
      stored = rowToMeeting(await db.insertInto('ogi_meeting').values({ ...meetingColumns(v as OgiMeetingValues), ...newColumns(o) }).returningAll().executeTakeFirstOrThrow());
      break;
    case 'training-session':
      stored = rowToTraining(await db.insertInto('training_session').values({ ...trainingColumns(v as TrainingSessionValues), ...newColumns(o) }).returningAll().executeTakeFirstOrThrow());
      break;
    case 'complaint':
    default:
      stored = rowToComplaint(await db.insertInto('ogi_complaint').values({ ...complaintColumns(v as OgiComplaintValues), ...newColumns(o) }).returningAll().executeTakeFirstOrThrow());
  }
  return stored as unknown as WorkRecordOf<K>;
}

/**
 * Overwrites a record's values when its `updated_at` is still `expectedUpdatedAt`.
 * @returns the record after the change, or undefined when it was changed or deleted meanwhile
 */
export async function updateWorkRecordRow<K extends WorkRecordKind>(db: Db, kind: K, id: number, values: WorkRecordValuesByKind[K], expectedUpdatedAt: string, now: string): Promise<WorkRecordOf<K> | undefined> {
  const v: unknown = values;
  let stored: AnyWorkRecord | undefined;
  switch (kind) {
    case 'reading-point': {
      const row = await db.updateTable('reading_point').set({ ...readingPointColumns(v as ReadingPointValues), updated_at: now }).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).returningAll().executeTakeFirst();
      stored = row && rowToReadingPoint(row);
      break;
    }
    case 'meeting': {
      const row = await db.updateTable('ogi_meeting').set({ ...meetingColumns(v as OgiMeetingValues), updated_at: now }).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).returningAll().executeTakeFirst();
      stored = row && rowToMeeting(row);
      break;
    }
    case 'training-session': {
      const row = await db.updateTable('training_session').set({ ...trainingColumns(v as TrainingSessionValues), updated_at: now }).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).returningAll().executeTakeFirst();
      stored = row && rowToTraining(row);
      break;
    }
    case 'complaint':
    default: {
      const row = await db.updateTable('ogi_complaint').set({ ...complaintColumns(v as OgiComplaintValues), updated_at: now }).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).returningAll().executeTakeFirst();
      stored = row && rowToComplaint(row);
    }
  }
  return stored as unknown as WorkRecordOf<K> | undefined;
}

/**
 * Deletes a record when its `updated_at` is still `expectedUpdatedAt`.
 * @returns whether a row was deleted
 */
export async function deleteWorkRecordRow(db: Db, kind: WorkRecordKind, id: number, expectedUpdatedAt: string): Promise<boolean> {
  const result = await db.deleteFrom(WORK_RECORD_ENTITY_TYPES[kind]).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A record with its organization's name and path. */
export interface WorkRecordWithOrganization<K extends WorkRecordKind> {
  record: WorkRecordOf<K>;
  organization: WorkRecordOrganization;
}

/** The record of a list kind with `id` and its organization, or undefined. */
export async function findWorkRecord<K extends WorkRecordKind>(db: Db, kind: K, id: number): Promise<WorkRecordWithOrganization<K> | undefined> {
  let record: AnyWorkRecord | undefined;
  switch (kind) {
    case 'reading-point': {
      const row = await db.selectFrom('reading_point').selectAll().where('id', '=', id).executeTakeFirst();
      record = row && rowToReadingPoint(row);
      break;
    }
    case 'meeting': {
      const row = await db.selectFrom('ogi_meeting').selectAll().where('id', '=', id).executeTakeFirst();
      record = row && rowToMeeting(row);
      break;
    }
    case 'training-session': {
      const row = await db.selectFrom('training_session').selectAll().where('id', '=', id).executeTakeFirst();
      record = row && rowToTraining(row);
      break;
    }
    case 'complaint':
    default: {
      const row = await db.selectFrom('ogi_complaint').selectAll().where('id', '=', id).executeTakeFirst();
      record = row && rowToComplaint(row);
    }
  }
  if (!record) return undefined;
  const organization = await findWorkRecordOrganization(db, record.organizationId);
  if (!organization) return undefined;
  return { record: record as unknown as WorkRecordOf<K>, organization };
}

/**
 * The records of a list kind of one organization, newest first, at most 1,000.
 * - meetings, training sessions, complaints: those dated in `year` (every year when omitted);
 * - reading points: those open at some time in `year` (opened by Dec 31, not closed before Jan 1).
 */
export async function listWorkRecordRows<K extends WorkRecordKind>(db: Db, kind: K, organizationId: number, year?: number): Promise<WorkRecordOf<K>[]> {
  const range = year === undefined ? undefined : yearBounds(year);
  const LIMIT = 1000;
  let records: AnyWorkRecord[];
  switch (kind) {
    case 'reading-point': {
      let q = db.selectFrom('reading_point').selectAll().where('organization_id', '=', organizationId);
      if (range) q = q.where('opened_on', '<=', range.to).where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', range.from)]));
      records = (await q.orderBy('opened_on', 'desc').orderBy('id', 'desc').limit(LIMIT).execute()).map(rowToReadingPoint);
      break;
    }
    case 'meeting': {
      let q = db.selectFrom('ogi_meeting').selectAll().where('organization_id', '=', organizationId);
      if (range) q = q.where('held_on', '>=', range.from).where('held_on', '<=', range.to);
      records = (await q.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(LIMIT).execute()).map(rowToMeeting);
      break;
    }
    case 'training-session': {
      let q = db.selectFrom('training_session').selectAll().where('organization_id', '=', organizationId);
      if (range) q = q.where('held_on', '>=', range.from).where('held_on', '<=', range.to);
      records = (await q.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(LIMIT).execute()).map(rowToTraining);
      break;
    }
    case 'complaint':
    default: {
      let q = db.selectFrom('ogi_complaint').selectAll().where('organization_id', '=', organizationId);
      if (range) q = q.where('received_on', '>=', range.from).where('received_on', '<=', range.to);
      records = (await q.orderBy('received_on', 'desc').orderBy('id', 'desc').limit(LIMIT).execute()).map(rowToComplaint);
    }
  }
  return records as unknown as WorkRecordOf<K>[];
}

/** A reading point with its organization's name (for the portal). */
export interface PublicReadingPoint {
  point: ReadingPoint;
  organizationName: string;
}

/** Reading points open on `date` (opened on or before it, not closed on or before it), by organization path then name. */
export async function listReadingPointsOpenOn(db: Db, date: string): Promise<PublicReadingPoint[]> {
  const rows = await db
    .selectFrom('reading_point')
    .innerJoin('organization', 'organization.id', 'reading_point.organization_id')
    .selectAll('reading_point')
    .select('organization.name as organization_name')
    .where('reading_point.opened_on', '<=', date)
    .where((eb) => eb.or([eb('reading_point.closed_on', 'is', null), eb('reading_point.closed_on', '>', date)]))
    .orderBy('organization.path')
    .orderBy('reading_point.name')
    .orderBy('reading_point.id')
    .limit(2000)
    .execute();
  return rows.map(({ organization_name, ...row }) => ({ point: rowToReadingPoint(row), organizationName: organization_name }));
}
