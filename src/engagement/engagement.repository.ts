/**
 * Storage of press events (`press_event`, `press_event_item`), policy interpretations
 * (`policy_interpretation`) and concern responses (`concern_response`): the only file of
 * src/engagement/ that knows the tables. Functions take a `Db` (handle or transaction); the caller
 * owns the transaction. Subtrees are read with `organization.path LIKE root%` (paths hold only
 * digits and slashes, so they need no LIKE escaping).
 */
import type { Selectable } from 'kysely';
import type { ConcernResponseTable, Db, PolicyInterpretationTable, PressEventTable } from '../db/database.ts';
import type {
  ConcernChannel,
  ConcernResponse,
  ConcernResponseValues,
  InterpretationForm,
  InterpretationValues,
  PolicyInterpretation,
  PressEvent,
  PressEventKind,
  PressEventValues,
} from './engagement-record.ts';
import { emptyEngagementCounts } from './engagement-statistics.ts';
import type { EngagementCounts } from './engagement-statistics.ts';

/** The organization a record belongs to: enough to authorize and to show. */
export interface EngagementOrganization {
  id: number;
  name: string;
  /** Materialized path `/1/5/`. */
  path: string;
}

/** A catalog item a record points to, as records show it. */
export interface LinkedItem {
  id: number;
  organizationId: number;
  title: string;
  indexNumber: string | null;
  /** `YYYY-MM-DD`; null until published. */
  publicationDate: string | null;
  /** Catalog status (`published`, `draft`, `withdrawn` …). */
  status: string;
  genre: string;
}

/** A press event with its organization and linked items. */
export interface PressEventRecord {
  event: PressEvent;
  organization: EngagementOrganization;
  items: LinkedItem[];
}

/** An interpretation with its organization, policy item and (when any) interpretation item. */
export interface InterpretationRecord {
  interpretation: PolicyInterpretation;
  organization: EngagementOrganization;
  policy: LinkedItem;
  interpretationItem: LinkedItem | null;
}

/** A concern response with its organization. */
export interface ConcernResponseRecord {
  response: ConcernResponse;
  organization: EngagementOrganization;
}

/** Which records to list. */
export interface EngagementFilter {
  /** Subtree roots the records' organizations must be in; null = everywhere, [] = nothing. */
  rootPaths: readonly string[] | null;
  /** First and last day (`YYYY-MM-DD`, included) of the record's own date. */
  from?: string;
  to?: string;
  /** Only records whose policy item is published (interpretations on the portal). */
  publishedPolicyOnly?: boolean;
  /** At most this many, newest first (default 500). */
  limit?: number;
}

const ITEM_COLUMNS = ['id', 'organization_id', 'title', 'index_number', 'publication_date', 'status', 'genre'] as const;

function toLinkedItem(row: { id: number; organization_id: number; title: string; index_number: string | null; publication_date: string | null; status: string; genre: string }): LinkedItem {
  return { id: row.id, organizationId: row.organization_id, title: row.title, indexNumber: row.index_number, publicationDate: row.publication_date, status: row.status, genre: row.genre };
}

/** The organization with `id`, or undefined. */
export async function findEngagementOrganization(db: Db, id: number): Promise<EngagementOrganization | undefined> {
  return db.selectFrom('organization').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

/** Organizations in the given subtrees (null = all), ordered by path. */
export async function listEngagementOrganizations(db: Db, rootPaths: readonly string[] | null): Promise<EngagementOrganization[]> {
  if (rootPaths !== null && rootPaths.length === 0) return [];
  let query = db.selectFrom('organization').select(['id', 'name', 'path']);
  if (rootPaths !== null) query = query.where((eb) => eb.or(rootPaths.map((root) => eb('path', 'like', `${root}%`))));
  return query.orderBy('path').execute();
}

/** The catalog item with this id, or undefined. */
export async function findLinkedItemById(db: Db, id: number): Promise<LinkedItem | undefined> {
  const row = await db.selectFrom('catalog_item').select(ITEM_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toLinkedItem(row) : undefined;
}

/** The catalog item with this 索引号, or undefined. */
export async function findLinkedItemByIndexNumber(db: Db, indexNumber: string): Promise<LinkedItem | undefined> {
  const row = await db.selectFrom('catalog_item').select(ITEM_COLUMNS).where('index_number', '=', indexNumber).executeTakeFirst();
  return row ? toLinkedItem(row) : undefined;
}

/** The ids among `ids` that are catalog items. */
export async function existingItemIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('catalog_item').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

// ---- Concern responses ----

type ConcernRow = Selectable<ConcernResponseTable>;

function rowToConcernResponse(row: ConcernRow): ConcernResponse {
  return {
    id: row.id,
    organizationId: row.organization_id,
    topic: row.topic,
    channel: row.channel as ConcernChannel,
    respondedOn: row.responded_on,
    summary: row.summary,
    url: row.url,
    synthetic: row.synthetic === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function concernColumns(v: ConcernResponseValues): Pick<ConcernRow, 'topic' | 'channel' | 'responded_on' | 'summary' | 'url'> {
  return { topic: v.topic, channel: v.channel, responded_on: v.respondedOn, summary: v.summary, url: v.url };
}

/** Inserts a concern response. */
export async function insertConcernResponse(db: Db, o: { organizationId: number; values: ConcernResponseValues; synthetic: boolean; createdBy: number | null; now: string }): Promise<ConcernResponse> {
  const row = await db
    .insertInto('concern_response')
    .values({ ...concernColumns(o.values), organization_id: o.organizationId, synthetic: o.synthetic ? 1 : 0, created_by: o.createdBy, created_at: o.now, updated_at: o.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToConcernResponse(row);
}

/** Overwrites a concern response's values. */
export async function updateConcernResponseRow(db: Db, id: number, values: ConcernResponseValues, now: string): Promise<ConcernResponse> {
  const row = await db.updateTable('concern_response').set({ ...concernColumns(values), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return rowToConcernResponse(row);
}

/** Deletes a concern response (the caller made sure nothing links to it). */
export async function deleteConcernResponseRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('concern_response').where('id', '=', id).execute();
}

/** How many press events and interpretations name the concern response. */
export async function countConcernResponseLinks(db: Db, id: number): Promise<number> {
  const events = await db.selectFrom('press_event').select((eb) => eb.fn.countAll<number | string>().as('n')).where('concern_response_id', '=', id).executeTakeFirstOrThrow();
  const interpretations = await db.selectFrom('policy_interpretation').select((eb) => eb.fn.countAll<number | string>().as('n')).where('concern_response_id', '=', id).executeTakeFirstOrThrow();
  return Number(events.n) + Number(interpretations.n);
}

/** The concern response with `id` and its organization, or undefined. */
export async function findConcernResponseById(db: Db, id: number): Promise<ConcernResponseRecord | undefined> {
  const row = await db
    .selectFrom('concern_response')
    .innerJoin('organization', 'organization.id', 'concern_response.organization_id')
    .selectAll('concern_response')
    .select(['organization.name as organization_name', 'organization.path as organization_path'])
    .where('concern_response.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { organization_name, organization_path, ...rest } = row;
  return { response: rowToConcernResponse(rest), organization: { id: rest.organization_id, name: organization_name, path: organization_path } };
}

/** Concern responses in the subtrees, newest first. */
export async function listConcernResponses(db: Db, filter: EngagementFilter): Promise<ConcernResponseRecord[]> {
  const roots = filter.rootPaths;
  if (roots !== null && roots.length === 0) return [];
  let query = db
    .selectFrom('concern_response')
    .innerJoin('organization', 'organization.id', 'concern_response.organization_id')
    .selectAll('concern_response')
    .select(['organization.name as organization_name', 'organization.path as organization_path']);
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('organization.path', 'like', `${root}%`))));
  if (filter.from !== undefined) query = query.where('concern_response.responded_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('concern_response.responded_on', '<=', filter.to);
  const rows = await query.orderBy('concern_response.responded_on', 'desc').orderBy('concern_response.id', 'desc').limit(filter.limit ?? 500).execute();
  return rows.map(({ organization_name, organization_path, ...rest }) => ({ response: rowToConcernResponse(rest), organization: { id: rest.organization_id, name: organization_name, path: organization_path } }));
}

// ---- Press events ----

type PressRow = Selectable<PressEventTable>;

function rowToPressEvent(row: PressRow, itemIds: number[]): PressEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind as PressEventKind,
    heldOn: row.held_on,
    topic: row.topic,
    principalLeaderAttended: row.principal_leader_attended === 1,
    speakers: row.speakers,
    url: row.url,
    concernResponseId: row.concern_response_id,
    itemIds,
    synthetic: row.synthetic === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function pressColumns(v: PressEventValues): Pick<PressRow, 'kind' | 'held_on' | 'topic' | 'principal_leader_attended' | 'speakers' | 'url' | 'concern_response_id'> {
  return { kind: v.kind, held_on: v.heldOn, topic: v.topic, principal_leader_attended: v.principalLeaderAttended ? 1 : 0, speakers: v.speakers, url: v.url, concern_response_id: v.concernResponseId };
}

/** Replaces the linked items of a press event. */
async function replacePressEventItems(db: Db, pressEventId: number, itemIds: readonly number[]): Promise<void> {
  await db.deleteFrom('press_event_item').where('press_event_id', '=', pressEventId).execute();
  if (itemIds.length > 0) await db.insertInto('press_event_item').values(itemIds.map((itemId) => ({ press_event_id: pressEventId, item_id: itemId }))).execute();
}

/** Inserts a press event with its linked items. */
export async function insertPressEvent(db: Db, o: { organizationId: number; values: PressEventValues; synthetic: boolean; createdBy: number | null; now: string }): Promise<PressEvent> {
  const row = await db
    .insertInto('press_event')
    .values({ ...pressColumns(o.values), organization_id: o.organizationId, synthetic: o.synthetic ? 1 : 0, created_by: o.createdBy, created_at: o.now, updated_at: o.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replacePressEventItems(db, row.id, o.values.itemIds);
  return rowToPressEvent(row, [...o.values.itemIds]);
}

/** Overwrites a press event's values and linked items. */
export async function updatePressEventRow(db: Db, id: number, values: PressEventValues, now: string): Promise<PressEvent> {
  const row = await db.updateTable('press_event').set({ ...pressColumns(values), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await replacePressEventItems(db, id, values.itemIds);
  return rowToPressEvent(row, [...values.itemIds]);
}

/** Deletes a press event and its item links. */
export async function deletePressEventRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('press_event_item').where('press_event_id', '=', id).execute();
  await db.deleteFrom('press_event').where('id', '=', id).execute();
}

/** The linked items of the press events, by event id, in item-id order. */
async function itemsOfPressEvents(db: Db, eventIds: readonly number[]): Promise<Map<number, LinkedItem[]>> {
  const out = new Map<number, LinkedItem[]>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom('press_event_item as pi')
    .innerJoin('catalog_item as ci', 'ci.id', 'pi.item_id')
    .select(['pi.press_event_id', 'ci.id', 'ci.organization_id', 'ci.title', 'ci.index_number', 'ci.publication_date', 'ci.status', 'ci.genre'])
    .where('pi.press_event_id', 'in', [...eventIds])
    .orderBy('pi.press_event_id')
    .orderBy('ci.id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.press_event_id) ?? [];
    list.push(toLinkedItem(row));
    out.set(row.press_event_id, list);
  }
  return out;
}

function pressRecords(rows: (PressRow & { organization_name: string; organization_path: string })[], items: Map<number, LinkedItem[]>): PressEventRecord[] {
  return rows.map(({ organization_name, organization_path, ...rest }) => {
    const linked = items.get(rest.id) ?? [];
    return { event: rowToPressEvent(rest, linked.map((i) => i.id)), organization: { id: rest.organization_id, name: organization_name, path: organization_path }, items: linked };
  });
}

/** The press event with `id`, its organization and items, or undefined. */
export async function findPressEventById(db: Db, id: number): Promise<PressEventRecord | undefined> {
  const row = await db
    .selectFrom('press_event')
    .innerJoin('organization', 'organization.id', 'press_event.organization_id')
    .selectAll('press_event')
    .select(['organization.name as organization_name', 'organization.path as organization_path'])
    .where('press_event.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return pressRecords([row], await itemsOfPressEvents(db, [id]))[0];
}

/** Press events in the subtrees, newest first, with their items. */
export async function listPressEvents(db: Db, filter: EngagementFilter): Promise<PressEventRecord[]> {
  const roots = filter.rootPaths;
  if (roots !== null && roots.length === 0) return [];
  let query = db
    .selectFrom('press_event')
    .innerJoin('organization', 'organization.id', 'press_event.organization_id')
    .selectAll('press_event')
    .select(['organization.name as organization_name', 'organization.path as organization_path']);
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('organization.path', 'like', `${root}%`))));
  if (filter.from !== undefined) query = query.where('press_event.held_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('press_event.held_on', '<=', filter.to);
  const rows = await query.orderBy('press_event.held_on', 'desc').orderBy('press_event.id', 'desc').limit(filter.limit ?? 500).execute();
  return pressRecords(rows, await itemsOfPressEvents(db, rows.map((r) => r.id)));
}

// ---- Interpretations ----

type InterpretationRow = Selectable<PolicyInterpretationTable>;

function rowToInterpretation(row: InterpretationRow): PolicyInterpretation {
  return {
    id: row.id,
    organizationId: row.organization_id,
    policyItemId: row.policy_item_id,
    title: row.title,
    form: row.form as InterpretationForm,
    publishedOn: row.published_on,
    url: row.url,
    interpretationItemId: row.interpretation_item_id,
    concernResponseId: row.concern_response_id,
    synthetic: row.synthetic === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function interpretationColumns(v: InterpretationValues): Pick<InterpretationRow, 'policy_item_id' | 'title' | 'form' | 'published_on' | 'url' | 'interpretation_item_id' | 'concern_response_id'> {
  return { policy_item_id: v.policyItemId, title: v.title, form: v.form, published_on: v.publishedOn, url: v.url, interpretation_item_id: v.interpretationItemId, concern_response_id: v.concernResponseId };
}

/** Inserts an interpretation. */
export async function insertInterpretation(db: Db, o: { organizationId: number; values: InterpretationValues; synthetic: boolean; createdBy: number | null; now: string }): Promise<PolicyInterpretation> {
  const row = await db
    .insertInto('policy_interpretation')
    .values({ ...interpretationColumns(o.values), organization_id: o.organizationId, synthetic: o.synthetic ? 1 : 0, created_by: o.createdBy, created_at: o.now, updated_at: o.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToInterpretation(row);
}

/** Overwrites an interpretation's values. */
export async function updateInterpretationRow(db: Db, id: number, values: InterpretationValues, now: string): Promise<PolicyInterpretation> {
  const row = await db.updateTable('policy_interpretation').set({ ...interpretationColumns(values), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return rowToInterpretation(row);
}

/** Deletes an interpretation. */
export async function deleteInterpretationRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('policy_interpretation').where('id', '=', id).execute();
}

/** The interpretations joined with their organization, policy item and interpretation item. */
function interpretationQuery(db: Db) {
  return db
    .selectFrom('policy_interpretation as pi')
    .innerJoin('organization as o', 'o.id', 'pi.organization_id')
    .innerJoin('catalog_item as p', 'p.id', 'pi.policy_item_id')
    .leftJoin('catalog_item as ii', 'ii.id', 'pi.interpretation_item_id')
    .selectAll('pi')
    .select([
      'o.name as organization_name',
      'o.path as organization_path',
      'p.organization_id as p_organization_id',
      'p.title as p_title',
      'p.index_number as p_index_number',
      'p.publication_date as p_publication_date',
      'p.status as p_status',
      'p.genre as p_genre',
      'ii.organization_id as ii_organization_id',
      'ii.title as ii_title',
      'ii.index_number as ii_index_number',
      'ii.publication_date as ii_publication_date',
      'ii.status as ii_status',
      'ii.genre as ii_genre',
    ]);
}

type JoinedInterpretationRow = Awaited<ReturnType<ReturnType<typeof interpretationQuery>['executeTakeFirstOrThrow']>>;

function toInterpretationRecord(row: JoinedInterpretationRow): InterpretationRecord {
  const interpretation = rowToInterpretation(row);
  const policy: LinkedItem = {
    id: row.policy_item_id,
    organizationId: row.p_organization_id,
    title: row.p_title,
    indexNumber: row.p_index_number,
    publicationDate: row.p_publication_date,
    status: row.p_status,
    genre: row.p_genre,
  };
  const interpretationItem: LinkedItem | null =
    row.interpretation_item_id !== null && row.ii_title !== null && row.ii_organization_id !== null && row.ii_status !== null && row.ii_genre !== null
      ? { id: row.interpretation_item_id, organizationId: row.ii_organization_id, title: row.ii_title, indexNumber: row.ii_index_number, publicationDate: row.ii_publication_date, status: row.ii_status, genre: row.ii_genre }
      : null;
  return { interpretation, organization: { id: row.organization_id, name: row.organization_name, path: row.organization_path }, policy, interpretationItem };
}

/** The interpretation with `id` and what it points to, or undefined. */
export async function findInterpretationById(db: Db, id: number): Promise<InterpretationRecord | undefined> {
  const row = await interpretationQuery(db).where('pi.id', '=', id).executeTakeFirst();
  return row ? toInterpretationRecord(row) : undefined;
}

/** Interpretations in the subtrees, newest first. */
export async function listInterpretations(db: Db, filter: EngagementFilter): Promise<InterpretationRecord[]> {
  const roots = filter.rootPaths;
  if (roots !== null && roots.length === 0) return [];
  let query = interpretationQuery(db);
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('o.path', 'like', `${root}%`))));
  if (filter.from !== undefined) query = query.where('pi.published_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('pi.published_on', '<=', filter.to);
  if (filter.publishedPolicyOnly) query = query.where('p.status', '=', 'published');
  const rows = await query.orderBy('pi.published_on', 'desc').orderBy('pi.id', 'desc').limit(filter.limit ?? 500).execute();
  return rows.map(toInterpretationRecord);
}

/** The interpretation records of a policy item, newest first. */
export async function listInterpretationsOfPolicy(db: Db, policyItemId: number): Promise<InterpretationRecord[]> {
  const rows = await interpretationQuery(db).where('pi.policy_item_id', '=', policyItemId).orderBy('pi.published_on', 'desc').orderBy('pi.id', 'desc').execute();
  return rows.map(toInterpretationRecord);
}

// ---- Statistics ----

/**
 * Section 二's raw counts per organization of a subtree, for records dated within [from, to]
 * (SQL aggregates, one query per table; see engagement-statistics.ts for what each count means).
 * Organizations without records are absent from the map.
 * @param rootPath the subtree root's path `/1/5/`
 * @param from first day `YYYY-MM-DD`
 * @param to last day `YYYY-MM-DD` (included)
 */
export async function selectEngagementFiguresBySubtree(db: Db, rootPath: string, from: string, to: string): Promise<Map<number, EngagementCounts>> {
  const out = new Map<number, EngagementCounts>();
  const entry = (organizationId: number): EngagementCounts => {
    let c = out.get(organizationId);
    if (!c) {
      c = emptyEngagementCounts();
      out.set(organizationId, c);
    }
    return c;
  };
  // sum() is bigint (a string) on PostgreSQL and may be null on no rows: Number() both.
  const events = await db
    .selectFrom('press_event as e')
    .innerJoin('organization as o', 'o.id', 'e.organization_id')
    .where('o.path', 'like', `${rootPath}%`)
    .where('e.held_on', '>=', from)
    .where('e.held_on', '<=', to)
    .groupBy('e.organization_id')
    .select((eb) => [
      'e.organization_id',
      eb.fn.sum<number | string>(eb.case().when('e.kind', '=', 'press_conference').then(1).else(0).end()).as('conferences'),
      eb.fn.sum<number | string>(eb.case().when(eb.and([eb('e.kind', '=', 'press_conference'), eb('e.principal_leader_attended', '=', 1)])).then(1).else(0).end()).as('conferences_leader'),
      eb.fn.sum<number | string>(eb.case().when('e.kind', '=', 'online_interview').then(1).else(0).end()).as('interviews'),
      eb.fn.sum<number | string>(eb.case().when(eb.and([eb('e.kind', '=', 'online_interview'), eb('e.principal_leader_attended', '=', 1)])).then(1).else(0).end()).as('interviews_leader'),
      eb.fn.sum<number | string>(eb.case().when('e.concern_response_id', 'is', null).then(1).else(0).end()).as('unlinked'),
    ])
    .execute();
  for (const r of events) {
    const c = entry(r.organization_id);
    c.pressConferences += Number(r.conferences);
    c.pressConferencesWithLeader += Number(r.conferences_leader);
    c.onlineInterviews += Number(r.interviews);
    c.onlineInterviewsWithLeader += Number(r.interviews_leader);
    c.unlinkedEvents += Number(r.unlinked);
  }
  const interpretations = await db
    .selectFrom('policy_interpretation as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .where('o.path', 'like', `${rootPath}%`)
    .where('i.published_on', '>=', from)
    .where('i.published_on', '<=', to)
    .groupBy('i.organization_id')
    .select((eb) => [
      'i.organization_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string>(eb.case().when('i.concern_response_id', 'is', null).then(1).else(0).end()).as('unlinked'),
    ])
    .execute();
  for (const r of interpretations) {
    const c = entry(r.organization_id);
    c.interpretations += Number(r.total);
    c.unlinkedEvents += Number(r.unlinked);
  }
  const responses = await db
    .selectFrom('concern_response as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .where('o.path', 'like', `${rootPath}%`)
    .where('r.responded_on', '>=', from)
    .where('r.responded_on', '<=', to)
    .groupBy('r.organization_id')
    .select((eb) => [
      'r.organization_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string>(eb.case().when('r.channel', '=', 'weibo_wechat').then(1).else(0).end()).as('weibo_wechat'),
    ])
    .execute();
  for (const r of responses) {
    const c = entry(r.organization_id);
    c.concernResponses += Number(r.total);
    c.weiboWechatResponses += Number(r.weibo_wechat);
    c.otherResponses += Number(r.total) - Number(r.weibo_wechat);
  }
  return out;
}
