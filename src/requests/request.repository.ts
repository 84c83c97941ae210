/**
 * Storage of requests: the only code that touches `request_case` and `request_event`. Rows are mapped
 * to domain objects here; the projection columns are written only by {@link writeProjection}, from a
 * clock folded from the events.
 */
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { Database, Db, RequestCaseTable, RequestEventTable } from '../db/database.ts';
import type { CaseClock } from './case-clock.ts';
import type { CaseStatus, Channel, DeliveryForm, DeliveryMethod, IdKind, RequesterType, WaitingOn } from './request-case.ts';
import type { LoggedEvent, RequestEvent } from './request-event.ts';

/** The fields given when a case is registered (personal data as stored: sealed, see personal-data-cipher.ts). */
export interface RequestCaseFields {
  organizationId: number;
  trackingCode: string;
  requesterType: RequesterType;
  requesterName: string;
  requesterIdKind: IdKind | null;
  requesterIdNumber: string | null;
  requesterKey: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  channel: Channel;
  /** `YYYY-MM-DD` */
  submittedOn: string;
  /** The date of receipt, `YYYY-MM-DD` (2019 art. 31). */
  receivedOn: string;
  informationRequested: string;
  purpose: string | null;
  deliveryForm: DeliveryForm;
  deliveryMethod: DeliveryMethod;
}

/** A stored case (personal data unmasked: services mask it for those who may not see it). */
export interface RequestCaseRecord extends RequestCaseFields {
  id: number;
  organizationName: string;
  organizationPath: string;
  status: CaseStatus;
  waitingOn: WaitingOn;
  outcome: string | null;
  outcomeOn: string | null;
  finalDue: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A logged event with who recorded it and when. */
export interface StoredEvent {
  event: LoggedEvent;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

/** The columns written when a case is registered (the projection follows from its first event). */
export interface NewCaseValues extends RequestCaseFields {
  synthetic: boolean;
  createdBy: number | null;
  /** ISO instant of the registration. */
  now: string;
}

type CaseRow = Selectable<RequestCaseTable> & { organization_name: string; organization_path: string };

function rowToCase(row: CaseRow): RequestCaseRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationPath: row.organization_path,
    trackingCode: row.tracking_code,
    requesterType: row.requester_type as RequesterType,
    requesterName: row.requester_name,
    requesterIdKind: row.requester_id_kind as IdKind | null,
    requesterIdNumber: row.requester_id_number,
    requesterKey: row.requester_key,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    postcode: row.postcode,
    channel: row.channel as Channel,
    submittedOn: row.submitted_on,
    receivedOn: row.received_on,
    informationRequested: row.information_requested,
    purpose: row.purpose,
    deliveryForm: row.delivery_form as DeliveryForm,
    deliveryMethod: row.delivery_method as DeliveryMethod,
    status: row.status as CaseStatus,
    waitingOn: row.waiting_on as WaitingOn,
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    finalDue: row.final_due,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectCases(db: Db) {
  return db
    .selectFrom('request_case')
    .innerJoin('organization', 'organization.id', 'request_case.organization_id')
    .selectAll('request_case')
    .select(['organization.name as organization_name', 'organization.path as organization_path']);
}

/** Inserts a case with its projection from `clock`. @returns the new id */
export async function insertCase(db: Db, values: NewCaseValues, clock: CaseClock): Promise<number> {
  const row = await db
    .insertInto('request_case')
    .values({
      organization_id: values.organizationId,
      tracking_code: values.trackingCode,
      requester_type: values.requesterType,
      requester_name: values.requesterName,
      requester_id_kind: values.requesterIdKind,
      requester_id_number: values.requesterIdNumber,
      requester_key: values.requesterKey,
      contact_name: values.contactName,
      phone: values.phone,
      email: values.email,
      address: values.address,
      postcode: values.postcode,
      channel: values.channel,
      submitted_on: values.submittedOn,
      received_on: values.receivedOn,
      information_requested: values.informationRequested,
      purpose: values.purpose,
      delivery_form: values.deliveryForm,
      delivery_method: values.deliveryMethod,
      ...projectionColumns(clock),
      synthetic: values.synthetic ? 1 : 0,
      created_by: values.createdBy,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The `request_case` projection columns of a folded clock (status, outcome and its answer detail, deadlines, fee paid in 元):
 * what the services write with every event, and what a bulk loader writes for a case it folds itself.
 */
export function projectionColumns(clock: CaseClock) {
  return {
    status: clock.status,
    waiting_on: clock.waitingOn,
    outcome: clock.outcome,
    outcome_on: clock.outcomeOn,
    legal_basis: clock.legalBasis,
    answer_detail: clock.answerDetail,
    clock_starts_after: clock.deadline?.clockStartsAfter ?? null,
    reply_due: clock.deadline?.replyDue ?? null,
    final_due: clock.deadline?.finalDue ?? null,
    extended: clock.extension ? 1 : 0,
    fee_yuan: clock.fee?.paidOn ? clock.fee.amountYuan : 0,
    closed_on: clock.closedOn,
  };
}

/** Rewrites a case's projection from its folded clock. */
export async function writeProjection(db: Db, caseId: number, clock: CaseClock, now: string): Promise<void> {
  await db.updateTable('request_case').set({ ...projectionColumns(clock), updated_at: now }).where('id', '=', caseId).execute();
}

/** A case by id, or undefined. */
export async function findCaseById(db: Db, id: number): Promise<RequestCaseRecord | undefined> {
  const row = await selectCases(db).where('request_case.id', '=', id).executeTakeFirst();
  return row ? rowToCase(row) : undefined;
}

/** A case by tracking code, or undefined. */
export async function findCaseByTrackingCode(db: Db, code: string): Promise<RequestCaseRecord | undefined> {
  const row = await selectCases(db).where('request_case.tracking_code', '=', code).executeTakeFirst();
  return row ? rowToCase(row) : undefined;
}

function rowToEvent(row: Selectable<RequestEventTable>): LoggedEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return { ...data, kind: row.kind, on: row.occurred_on, seq: row.seq } as LoggedEvent;
}

/** A case's events in order, with who recorded each. */
export async function selectEvents(db: Db, caseId: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('request_event')
    .leftJoin('app_user', 'app_user.id', 'request_event.recorded_by')
    .selectAll('request_event')
    .select('app_user.display_name as recorded_by_name')
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ event: rowToEvent(row), note: row.note, recordedBy: row.recorded_by_name ?? null, recordedAt: row.recorded_at }));
}

/** The events of many cases at once, by case id (for rebuilding projections). */
export async function selectEventsOfCases(db: Db, caseIds: readonly number[]): Promise<Map<number, LoggedEvent[]>> {
  const map = new Map<number, LoggedEvent[]>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    const rows = await db.selectFrom('request_event').selectAll().where('case_id', 'in', chunk).orderBy('case_id').orderBy('seq').execute();
    for (const row of rows) {
      const list = map.get(row.case_id) ?? [];
      list.push(rowToEvent(row));
      map.set(row.case_id, list);
    }
  }
  return map;
}

/**
 * Appends an event. The unique (case, seq) key makes a concurrent append fail instead of interleaving.
 */
export async function insertEvent(db: Db, caseId: number, seq: number, event: RequestEvent, note: string | null, recordedBy: number | null, now: string): Promise<void> {
  const { kind, on, ...data } = event;
  await db
    .insertInto('request_event')
    .values({ case_id: caseId, seq, kind, occurred_on: on, data: JSON.stringify(data), note, recorded_by: recordedBy, recorded_at: now })
    .execute();
}

/** Whether a tracking code is taken. */
export async function trackingCodeExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('request_case').select('id').where('tracking_code', '=', code).executeTakeFirst()) !== undefined;
}

/** Queue filters (the staff console's tabs). */
export type QueueFilter = 'open' | 'due-soon' | 'overdue' | 'waiting-requester' | 'waiting-third-party' | 'answered' | 'closed' | 'all';

/** One row of a queue: enough for a list, personal data still unmasked (the service masks it). */
export interface QueueRow {
  id: number;
  trackingCode: string;
  organizationName: string;
  requesterType: RequesterType;
  requesterName: string;
  channel: Channel;
  receivedOn: string;
  informationRequested: string;
  status: CaseStatus;
  waitingOn: WaitingOn;
  outcome: string | null;
  finalDue: string | null;
}

/** The query of a queue. Dates are `YYYY-MM-DD`. */
export interface QueueQuery {
  /** Materialized paths of the subtrees to include (the organization asked for, narrowed to the actor's grants). */
  paths: readonly string[];
  filter: QueueFilter;
  today: string;
  /** The last day counted as "due soon" (today + the reminder window in working days). */
  dueSoonUntil: string;
  limit: number;
  offset: number;
}

const OPEN = ['processing', 'awaiting-clarification', 'in-consultation', 'awaiting-fee'] as const;

/** Cases of the organizations in the given subtrees (every case when `paths` is empty). */
function casesInSubtrees(db: Db, paths: readonly string[]) {
  const query = db.selectFrom('request_case').innerJoin('organization', 'organization.id', 'request_case.organization_id');
  return paths.length > 0 ? query.where((eb) => eb.or(paths.map((p) => eb('organization.path', 'like', `${p}%`)))) : query;
}

/** What puts a case in a queue tab: the one definition behind both the list and the counts. */
function queueCondition(eb: ExpressionBuilder<Database, 'request_case' | 'organization'>, filter: Exclude<QueueFilter, 'all'>, today: string, dueSoonUntil: string): Expression<SqlBool> {
  switch (filter) {
    case 'open':
      return eb('request_case.status', 'in', OPEN);
    case 'due-soon':
      return eb.and([eb('request_case.status', 'in', ['processing', 'in-consultation']), eb('request_case.final_due', '>=', today), eb('request_case.final_due', '<=', dueSoonUntil)]);
    case 'overdue':
      return eb.and([eb('request_case.status', 'in', OPEN), eb('request_case.final_due', '<', today)]);
    case 'waiting-requester':
      return eb('request_case.status', 'in', ['awaiting-clarification', 'awaiting-fee']);
    case 'waiting-third-party':
      return eb('request_case.status', '=', 'in-consultation');
    case 'answered':
      return eb('request_case.status', 'in', ['answered', 'delivered']);
    case 'closed':
      return eb('request_case.status', '=', 'closed');
  }
}

/**
 * A page of a queue, ordered by deadline (no deadline last), then receipt. The tab's total is
 * {@link countQueues}'s count for it (one definition, {@link queueCondition}, so the two agree).
 */
export async function selectQueue(db: Db, q: QueueQuery): Promise<QueueRow[]> {
  const filter = q.filter;
  const base = casesInSubtrees(db, q.paths);
  const query = filter === 'all' ? base : base.where((eb) => queueCondition(eb, filter, q.today, q.dueSoonUntil));
  const rows = await query
    .select([
      'request_case.id',
      'request_case.tracking_code',
      'organization.name as organization_name',
      'request_case.requester_type',
      'request_case.requester_name',
      'request_case.channel',
      'request_case.received_on',
      'request_case.information_requested',
      'request_case.status',
      'request_case.waiting_on',
      'request_case.outcome',
      'request_case.final_due',
    ])
    .orderBy(sql`case when request_case.final_due is null then 1 else 0 end`)
    .orderBy('request_case.final_due')
    .orderBy('request_case.received_on')
    .orderBy('request_case.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    organizationName: r.organization_name,
    requesterType: r.requester_type as RequesterType,
    requesterName: r.requester_name,
    channel: r.channel as Channel,
    receivedOn: r.received_on,
    informationRequested: r.information_requested,
    status: r.status as CaseStatus,
    waitingOn: r.waiting_on as WaitingOn,
    outcome: r.outcome,
    finalDue: r.final_due,
  }));
}

/** Counts per queue tab for the given subtrees (one scan of the subtrees' cases). Dates are `YYYY-MM-DD`. */
export async function countQueues(db: Db, paths: readonly string[], today: string, dueSoonUntil: string): Promise<Record<QueueFilter, number>> {
  const row = await casesInSubtrees(db, paths)
    .select((eb) => {
      const count = (filter: Exclude<QueueFilter, 'all'>) => eb.fn.sum<number>(eb.case().when(queueCondition(eb, filter, today, dueSoonUntil)).then(1).else(0).end());
      return [
        eb.fn.countAll<number>().as('all'),
        count('open').as('open'),
        count('due-soon').as('due_soon'),
        count('overdue').as('overdue'),
        count('waiting-requester').as('waiting_requester'),
        count('waiting-third-party').as('waiting_third_party'),
        count('answered').as('answered'),
        count('closed').as('closed'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    open: Number(row.open ?? 0),
    'due-soon': Number(row.due_soon ?? 0),
    overdue: Number(row.overdue ?? 0),
    'waiting-requester': Number(row.waiting_requester ?? 0),
    'waiting-third-party': Number(row.waiting_third_party ?? 0),
    answered: Number(row.answered ?? 0),
    closed: Number(row.closed ?? 0),
    all: Number(row.all ?? 0),
  };
}

/** Ids of the cases received on or after a date (those a calendar year can affect). */
export async function selectCaseIdsReceivedSince(db: Db, since: string): Promise<number[]> {
  const rows = await db.selectFrom('request_case').select('id').where('received_on', '>=', since).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** How many requests a requester made to an organization in a calendar month before a case (for 按件 fees). */
export async function countRequesterMonth(db: Db, organizationId: number, requesterKey: string, monthStart: string, monthEnd: string, beforeCaseId: number): Promise<number> {
  const row = await db
    .selectFrom('request_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('requester_key', '=', requesterKey)
    .where('received_on', '>=', monthStart)
    .where('received_on', '<=', monthEnd)
    .where('id', '<', beforeCaseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
