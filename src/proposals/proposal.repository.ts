/**
 * Storage of NPC deputy suggestions and CPPCC member proposals (`deputy_proposal`): the only file
 * of src/proposals/ that knows the table. Functions take a `Db` (handle or transaction); the
 * caller owns the transaction.
 */
import type { Selectable } from 'kysely';
import type { Db, DeputyProposalTable } from '../db/database.ts';
import type { DisclosureFields, Proposal, ProposalAdoption, ProposalDisclosure, ProposalKind, ProposalReply, ProposalRole, ProposalStatus, ProposalValues } from './proposal.ts';
import type { ProposalStatisticsRecord } from './proposal-statistics.ts';
import { yearPeriod } from './proposal-statistics.ts';

/** The organization a record belongs to: enough to authorize and to show. */
export interface ProposalOrganization {
  id: number;
  name: string;
  /** Materialized path `/1/5/`. */
  path: string;
}

/** A record with its organization's name and path. */
export interface ProposalWithOrganization {
  proposal: Proposal;
  organization: ProposalOrganization;
}

type ProposalRow = Selectable<DeputyProposalTable>;

/** Maps a row to the domain record (the enum columns are written only through validated values). */
function rowToProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind as ProposalKind,
    session: row.session,
    number: row.number,
    title: row.title,
    proposer: row.proposer,
    role: row.role as ProposalRole,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    repliedOn: row.replied_on,
    replySummary: row.reply_summary,
    adoption: row.adoption as ProposalAdoption | null,
    disclosure: row.disclosure as ProposalDisclosure,
    withheldReason: row.withheld_reason,
    publishedOn: row.published_on,
    synthetic: Number(row.synthetic) === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function valueColumns(v: ProposalValues): Pick<ProposalRow, 'kind' | 'session' | 'number' | 'title' | 'proposer' | 'role' | 'received_on' | 'due_on'> {
  return { kind: v.kind, session: v.session, number: v.number, title: v.title, proposer: v.proposer, role: v.role, received_on: v.receivedOn, due_on: v.dueOn };
}

/** The organization with `id` (id, name, path), or undefined. */
export async function findProposalOrganization(db: Db, id: number): Promise<ProposalOrganization | undefined> {
  return db.selectFrom('organization').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

/** Organizations in the given subtrees (null = all), ordered by path. */
export async function listProposalOrganizations(db: Db, rootPaths: readonly string[] | null): Promise<ProposalOrganization[]> {
  if (rootPaths !== null && rootPaths.length === 0) return [];
  let query = db.selectFrom('organization').select(['id', 'name', 'path']);
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  if (rootPaths !== null) query = query.where((eb) => eb.or(rootPaths.map((root) => eb('path', 'like', `${root}%`))));
  return query.orderBy('path').execute();
}

/**
 * The id of the organization's record with this kind, session and number (the table's unique key),
 * other than `exceptId`; undefined when there is none.
 */
export async function findProposalIdByNumber(db: Db, key: { organizationId: number; kind: string; session: string; number: string; exceptId?: number }): Promise<number | undefined> {
  let query = db
    .selectFrom('deputy_proposal')
    .select('id')
    .where('organization_id', '=', key.organizationId)
    .where('kind', '=', key.kind)
    .where('session', '=', key.session)
    .where('number', '=', key.number);
  if (key.exceptId !== undefined) query = query.where('id', '!=', key.exceptId);
  return (await query.executeTakeFirst())?.id;
}

/**
 * Inserts a record (disclosure `pending`, not replied).
 * @returns the stored record
 */
export async function insertProposal(db: Db, o: { organizationId: number; values: ProposalValues; synthetic: boolean; createdBy: number | null; now: string }): Promise<Proposal> {
  const row = await db
    .insertInto('deputy_proposal')
    .values({
      ...valueColumns(o.values),
      organization_id: o.organizationId,
      disclosure: 'pending',
      synthetic: o.synthetic ? 1 : 0,
      created_by: o.createdBy,
      created_at: o.now,
      updated_at: o.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToProposal(row);
}

/** Overwrites a record's registration values. */
export async function updateProposalValues(db: Db, id: number, values: ProposalValues, now: string): Promise<Proposal> {
  const row = await db.updateTable('deputy_proposal').set({ ...valueColumns(values), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return rowToProposal(row);
}

/** Stores a record's reply. */
export async function updateProposalReply(db: Db, id: number, reply: ProposalReply, now: string): Promise<Proposal> {
  const row = await db
    .updateTable('deputy_proposal')
    .set({ replied_on: reply.repliedOn, reply_summary: reply.replySummary, adoption: reply.adoption, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToProposal(row);
}

/** Stores a disclosure decision. */
export async function updateProposalDisclosure(db: Db, id: number, fields: DisclosureFields, now: string): Promise<Proposal> {
  const row = await db
    .updateTable('deputy_proposal')
    .set({ disclosure: fields.disclosure, published_on: fields.publishedOn, withheld_reason: fields.withheldReason, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToProposal(row);
}

const COLUMNS = [
  'deputy_proposal.id',
  'deputy_proposal.organization_id',
  'deputy_proposal.kind',
  'deputy_proposal.session',
  'deputy_proposal.number',
  'deputy_proposal.title',
  'deputy_proposal.proposer',
  'deputy_proposal.role',
  'deputy_proposal.received_on',
  'deputy_proposal.due_on',
  'deputy_proposal.replied_on',
  'deputy_proposal.reply_summary',
  'deputy_proposal.adoption',
  'deputy_proposal.disclosure',
  'deputy_proposal.withheld_reason',
  'deputy_proposal.published_on',
  'deputy_proposal.synthetic',
  'deputy_proposal.created_by',
  'deputy_proposal.created_at',
  'deputy_proposal.updated_at',
] as const;

function withOrganization(row: ProposalRow & { organization_name: string; organization_path: string }): ProposalWithOrganization {
  const { organization_name, organization_path, ...proposal } = row;
  return { proposal: rowToProposal(proposal), organization: { id: row.organization_id, name: organization_name, path: organization_path } };
}

function baseQuery(db: Db) {
  return db
    .selectFrom('deputy_proposal')
    .innerJoin('organization', 'organization.id', 'deputy_proposal.organization_id')
    .select([...COLUMNS, 'organization.name as organization_name', 'organization.path as organization_path']);
}

/** The record with `id` and its organization, or undefined. */
export async function findProposalById(db: Db, id: number): Promise<ProposalWithOrganization | undefined> {
  const row = await baseQuery(db).where('deputy_proposal.id', '=', id).executeTakeFirst();
  return row ? withOrganization(row) : undefined;
}

/** Which records to list. */
export interface ProposalFilter {
  /** Subtree roots (`/1/5/`) the records' organizations must be in; null = everywhere, [] = nothing. */
  rootPaths: readonly string[] | null;
  /** Only records received in this year. */
  year?: number;
  kind?: ProposalKind;
  /** Only records with this status on `today` (see `proposalStatus`). */
  status?: ProposalStatus;
  /** China-time date the status `overdue` is judged on. */
  today: string;
  /** At most this many, newest receipt first (default 500). */
  limit?: number;
}

/** Records in the subtrees, newest receipt first, with their organizations. */
export async function listProposalRows(db: Db, filter: ProposalFilter): Promise<ProposalWithOrganization[]> {
  const roots = filter.rootPaths;
  if (roots !== null && roots.length === 0) return [];
  let query = baseQuery(db);
  if (roots !== null) query = query.where((eb) => eb.or(roots.map((root) => eb('organization.path', 'like', `${root}%`))));
  if (filter.year !== undefined) {
    const { from, to } = yearPeriod(filter.year);
    query = query.where('deputy_proposal.received_on', '>=', from).where('deputy_proposal.received_on', '<=', to);
  }
  if (filter.kind !== undefined) query = query.where('deputy_proposal.kind', '=', filter.kind);
  switch (filter.status) {
    case undefined:
      break;
    case 'unreplied':
      query = query.where('deputy_proposal.replied_on', 'is', null).where('deputy_proposal.due_on', '>=', filter.today);
      break;
    case 'overdue':
      query = query.where('deputy_proposal.replied_on', 'is', null).where('deputy_proposal.due_on', '<', filter.today);
      break;
    case 'replied':
      query = query.where('deputy_proposal.replied_on', 'is not', null).where('deputy_proposal.disclosure', '=', 'pending');
      break;
    case 'published':
    case 'withheld':
      query = query.where('deputy_proposal.disclosure', '=', filter.status);
      break;
  }
  const rows = await query.orderBy('deputy_proposal.received_on', 'desc').orderBy('deputy_proposal.id', 'desc').limit(filter.limit ?? 500).execute();
  return rows.map(withOrganization);
}

/** Published handling results (the portal's list). */
export interface PublishedProposalFilter {
  /** Only this subtree. */
  rootPath?: string;
  /** Only records received in this year. */
  year?: number;
  kind?: ProposalKind;
  /** At most this many, newest receipt first (default 1000). */
  limit?: number;
}

/** Records whose handling result is published, newest receipt first. */
export async function listPublishedProposalRows(db: Db, filter: PublishedProposalFilter): Promise<ProposalWithOrganization[]> {
  let query = baseQuery(db).where('deputy_proposal.disclosure', '=', 'published');
  if (filter.rootPath !== undefined) query = query.where('organization.path', 'like', `${filter.rootPath}%`);
  if (filter.year !== undefined) {
    const { from, to } = yearPeriod(filter.year);
    query = query.where('deputy_proposal.received_on', '>=', from).where('deputy_proposal.received_on', '<=', to);
  }
  if (filter.kind !== undefined) query = query.where('deputy_proposal.kind', '=', filter.kind);
  const rows = await query
    .orderBy('deputy_proposal.received_on', 'desc')
    .orderBy('deputy_proposal.session')
    .orderBy('deputy_proposal.number')
    .orderBy('deputy_proposal.id')
    .limit(filter.limit ?? 1000)
    .execute();
  return rows.map(withOrganization);
}

/** Kind and receipt date of every withheld record (of a subtree, optionally one kind): the portal shows only counts. */
export async function selectWithheldProposals(db: Db, filter: { rootPath?: string; kind?: ProposalKind }): Promise<{ kind: ProposalKind; receivedOn: string }[]> {
  let query = db
    .selectFrom('deputy_proposal')
    .innerJoin('organization', 'organization.id', 'deputy_proposal.organization_id')
    .select(['deputy_proposal.kind', 'deputy_proposal.received_on'])
    .where('deputy_proposal.disclosure', '=', 'withheld');
  if (filter.rootPath !== undefined) query = query.where('organization.path', 'like', `${filter.rootPath}%`);
  if (filter.kind !== undefined) query = query.where('deputy_proposal.kind', '=', filter.kind);
  const rows = await query.execute();
  return rows.map((r) => ({ kind: r.kind as ProposalKind, receivedOn: r.received_on }));
}

/** The columns the statistics read, of the records of a subtree received in `[from, to]`. */
export async function selectProposalStatisticsRecords(db: Db, rootPath: string, from: string, to: string): Promise<ProposalStatisticsRecord[]> {
  const rows = await db
    .selectFrom('deputy_proposal')
    .innerJoin('organization', 'organization.id', 'deputy_proposal.organization_id')
    .select(['deputy_proposal.kind', 'deputy_proposal.role', 'deputy_proposal.received_on', 'deputy_proposal.due_on', 'deputy_proposal.replied_on', 'deputy_proposal.disclosure'])
    .where('organization.path', 'like', `${rootPath}%`)
    .where('deputy_proposal.received_on', '>=', from)
    .where('deputy_proposal.received_on', '<=', to)
    .execute();
  return rows.map((r) => ({
    kind: r.kind as ProposalKind,
    role: r.role as ProposalRole,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    repliedOn: r.replied_on,
    disclosure: r.disclosure as ProposalDisclosure,
  }));
}

/** One organization's figures for a period (records received in it). */
export interface ProposalFigures {
  npcReceived: number;
  npcReplied: number;
  cppccReceived: number;
  cppccReplied: number;
  /** Both kinds: handling results published. */
  published: number;
  /** Both kinds: handling results withheld. */
  withheld: number;
}

/**
 * Per organization of the subtree, the counts of records received in `[from, to]` (one grouped
 * query; organizations without records are absent). For the annual report's section on
 * suggestions and proposals (issue 6 item 6).
 * @param rootPath materialized path `/1/5/` of the subtree's root
 * @param from first day `YYYY-MM-DD`
 * @param to last day `YYYY-MM-DD` (inclusive)
 * @returns organization id → figures
 */
export async function selectProposalFiguresBySubtree(db: Db, rootPath: string, from: string, to: string): Promise<Map<number, ProposalFigures>> {
  const rows = await db
    .selectFrom('deputy_proposal')
    .innerJoin('organization', 'organization.id', 'deputy_proposal.organization_id')
    .select((eb) => [
      'deputy_proposal.organization_id',
      'deputy_proposal.kind',
      eb.fn.countAll().as('received'),
      eb.fn.count('deputy_proposal.replied_on').as('replied'),
      eb.fn.sum(eb.case().when('deputy_proposal.disclosure', '=', 'published').then(1).else(0).end()).as('published'),
      eb.fn.sum(eb.case().when('deputy_proposal.disclosure', '=', 'withheld').then(1).else(0).end()).as('withheld'),
    ])
    .where('organization.path', 'like', `${rootPath}%`)
    .where('deputy_proposal.received_on', '>=', from)
    .where('deputy_proposal.received_on', '<=', to)
    .groupBy(['deputy_proposal.organization_id', 'deputy_proposal.kind'])
    .execute();
  const out = new Map<number, ProposalFigures>();
  for (const r of rows) {
    const figures = out.get(r.organization_id) ?? { npcReceived: 0, npcReplied: 0, cppccReceived: 0, cppccReplied: 0, published: 0, withheld: 0 };
    // PostgreSQL returns counts and sums as text (bigint/numeric); SQLite as numbers.
    if (r.kind === 'npc_suggestion') {
      figures.npcReceived += Number(r.received);
      figures.npcReplied += Number(r.replied);
    } else {
      figures.cppccReceived += Number(r.received);
      figures.cppccReplied += Number(r.replied);
    }
    figures.published += Number(r.published);
    figures.withheld += Number(r.withheld);
    out.set(r.organization_id, figures);
  }
  return out;
}
