/**
 * NPC deputy suggestions and CPPCC member proposals handled by organizations (issue 6 item 4):
 * registering them, replying, deciding whether the handling result is published, listing, the
 * statistics, and the portal's published results. Every method checks permission first
 * (`proposals.read` / `proposals.manage` / `proposals.publish` / `proposals.read_published`,
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
import { applyProposalPatch, applyReply, assertUndecided, decideDisclosure, PROPOSAL_KINDS, PROPOSAL_STATUSES, proposalValuesFromInput, validateProposal } from './proposal.ts';
import type { DisclosureEvent, Proposal, ProposalInput, ProposalKind, ProposalPatch, ProposalReply, ProposalStatus, ProposalValues } from './proposal.ts';
import { computeProposalStatistics, yearPeriod } from './proposal-statistics.ts';
import type { ProposalStatistics } from './proposal-statistics.ts';
import {
  findProposalById,
  findProposalIdByNumber,
  findProposalOrganization,
  insertProposal,
  listProposalOrganizations,
  listProposalRows,
  listPublishedProposalRows,
  selectProposalFiguresBySubtree,
  selectProposalStatisticsRecords,
  selectWithheldProposals,
  updateProposalDisclosure,
  updateProposalReply,
  updateProposalValues,
} from './proposal.repository.ts';
import type { ProposalFigures, ProposalOrganization, ProposalWithOrganization } from './proposal.repository.ts';

/** Years the lists and statistics may be asked for. */
export const MIN_PROPOSAL_YEAR = 2000;
/** The last year the lists and statistics may be asked for. */
export const MAX_PROPOSAL_YEAR = 9999;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_PROPOSAL_YEAR || year > MAX_PROPOSAL_YEAR) {
    throw validationFailed([{ field: 'year', message: `year must be an integer from ${MIN_PROPOSAL_YEAR} to ${MAX_PROPOSAL_YEAR}`, messageZh: '年度应为四位年份' }]);
  }
}

function checkKind(kind: string | undefined): void {
  if (kind !== undefined && !(PROPOSAL_KINDS as readonly string[]).includes(kind)) {
    throw validationFailed([{ field: 'kind', message: `kind must be one of ${PROPOSAL_KINDS.join(', ')}`, messageZh: '类别无效' }]);
  }
}

/** The organization, or `ORGANIZATION_UNKNOWN` naming the field. */
async function organizationOrThrow(db: Db, id: number, field = 'organizationId'): Promise<ProposalOrganization> {
  const org = Number.isInteger(id) ? await findProposalOrganization(db, id) : undefined;
  if (!org) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `${field} ${id}`, { issues: [{ field, message: `organization ${id} does not exist`, messageZh: `机构 ${id} 不存在` }] });
  }
  return org;
}

/** The record, or `NOT_FOUND`. */
async function proposalOrThrow(db: Db, id: number): Promise<ProposalWithOrganization> {
  const found = await findProposalById(db, id);
  if (!found) throw new GongkaiError('NOT_FOUND', `proposal ${id}`);
  return found;
}

/**
 * Throws `VALIDATION_FAILED` unless the values pass {@link validateProposal} and no other record
 * of the organization has the same kind, session and number (the table's unique key).
 */
async function checkValues(ctx: ServiceContext, db: Db, organizationId: number, values: ProposalValues, exceptId?: number): Promise<void> {
  const issues = validateProposal(values, today(ctx.clock));
  if (issues.length > 0) throw validationFailed(issues);
  const taken = await findProposalIdByNumber(db, { organizationId, kind: values.kind, session: values.session, number: values.number, ...(exceptId !== undefined ? { exceptId } : {}) });
  if (taken !== undefined) throw duplicateNumber(values, taken);
}

function duplicateNumber(values: ProposalValues, takenBy: number | null): GongkaiError {
  return validationFailed([
    {
      field: 'number',
      message: `${values.session} ${values.number} is already registered for this organization${takenBy !== null ? ` (record ${takenBy})` : ''}`,
      messageZh: `本机关已登记过${values.session}${values.number}${takenBy !== null ? `（记录 ${takenBy}）` : ''}，请勿重复登记`,
    },
  ]);
}

/** A unique-key violation from a concurrent insert, as the same issue (nothing was written). */
function asDuplicate(error: unknown, values: ProposalValues): unknown {
  if (error instanceof Error && !(error instanceof GongkaiError) && /unique|duplicate key/i.test(error.message)) return duplicateNumber(values, null);
  return error;
}

/**
 * Registers a suggestion or proposal assigned to an organization. `dueOn` defaults to `receivedOn`
 * plus `config.proposalReplyMonths` months (same day of month, clamped).
 * Permission: `proposals.manage` on the organization.
 * @returns the stored record
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (field issues; `number` when the organization already has this kind, session and number)
 */
export async function createProposal(ctx: ServiceContext, actor: Actor, input: ProposalInput): Promise<Proposal> {
  authorize(actor, 'proposals.manage');
  const values = proposalValuesFromInput(input, ctx.config.proposalReplyMonths);
  try {
    return await ctx.store.db.transaction().execute(async (trx) => {
      const org = await organizationOrThrow(trx, input.organizationId);
      authorize(actor, 'proposals.manage', { organizationPath: org.path });
      await checkValues(ctx, trx, org.id, values);
      const created = await insertProposal(trx, { organizationId: org.id, values, synthetic: input.synthetic ?? false, createdBy: actorUserId(actor), now: nowIso(ctx.clock) });
      await recordAudit(trx, actor, ctx.clock, { action: 'proposal.create', entityType: 'deputy_proposal', entityId: created.id, organizationId: org.id, after: created });
      return created;
    });
  } catch (error) {
    throw asDuplicate(error, values);
  }
}

/** Loads the record for a change: exists, the actor holds `action` on it, not changed meanwhile. */
async function forChange(trx: Db, actor: Actor, id: number, action: 'proposals.manage' | 'proposals.publish', expectedUpdatedAt?: string): Promise<ProposalWithOrganization> {
  const found = await proposalOrThrow(trx, id);
  authorize(actor, action, { organizationPath: found.organization.path });
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== found.proposal.updatedAt) throw new GongkaiError('CONFLICT', `proposal ${id}`);
  return found;
}

/**
 * Corrects a record's registration (kind, session, number, title, proposer, role, dates) while
 * the disclosure is undecided; a blank `dueOn` recomputes the default.
 * Permission: `proposals.manage` on the record's organization.
 * @param expectedUpdatedAt when given, the `updatedAt` the caller read
 * @returns the record after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION` (published or
 *   withheld), `VALIDATION_FAILED` (also a reply date before the new receipt date), `CONFLICT`
 */
export async function updateProposal(ctx: ServiceContext, actor: Actor, id: number, patch: ProposalPatch, expectedUpdatedAt?: string): Promise<Proposal> {
  authorize(actor, 'proposals.manage');
  let values: ProposalValues | undefined;
  try {
    return await ctx.store.db.transaction().execute(async (trx) => {
      const { proposal: before, organization } = await forChange(trx, actor, id, 'proposals.manage', expectedUpdatedAt);
      assertUndecided(before, 'update');
      values = applyProposalPatch(before, patch, ctx.config.proposalReplyMonths);
      await checkValues(ctx, trx, organization.id, values, id);
      if (before.repliedOn !== null && before.repliedOn < values.receivedOn) {
        throw validationFailed([{ field: 'receivedOn', message: 'receivedOn must not be after repliedOn', messageZh: `交办日期不能晚于答复日期（${before.repliedOn}）` }]);
      }
      const after = await updateProposalValues(trx, id, values, nowIso(ctx.clock));
      await recordAudit(trx, actor, ctx.clock, { action: 'proposal.update', entityType: 'deputy_proposal', entityId: id, organizationId: organization.id, before, after });
      return after;
    });
  } catch (error) {
    throw values ? asDuplicate(error, values) : error;
  }
}

/**
 * Records (or corrects, while the disclosure is undecided) the reply: date, summary, adoption.
 * Permission: `proposals.manage` on the record's organization.
 * @returns the record after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION` (published
 *   or withheld), `VALIDATION_FAILED` (`repliedOn` before receipt or in the future, `replySummary`, `adoption`), `CONFLICT`
 */
export async function replyToProposal(ctx: ServiceContext, actor: Actor, id: number, reply: ProposalReply, expectedUpdatedAt?: string): Promise<Proposal> {
  authorize(actor, 'proposals.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { proposal: before, organization } = await forChange(trx, actor, id, 'proposals.manage', expectedUpdatedAt);
    const fields = applyReply(before, reply, today(ctx.clock));
    const after = await updateProposalReply(trx, id, fields, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: 'proposal.reply', entityType: 'deputy_proposal', entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

async function decide(ctx: ServiceContext, actor: Actor, id: number, event: DisclosureEvent, expectedUpdatedAt?: string): Promise<Proposal> {
  authorize(actor, 'proposals.publish');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { proposal: before, organization } = await forChange(trx, actor, id, 'proposals.publish', expectedUpdatedAt);
    const fields = decideDisclosure(before, event, today(ctx.clock));
    const after = await updateProposalDisclosure(trx, id, fields, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: `proposal.${event.type}`, entityType: 'deputy_proposal', entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

/**
 * Publishes the handling result on the portal (`pending` → `published`).
 * Permission: `proposals.publish` on the record's organization.
 * @param publishedOn `YYYY-MM-DD`; default today (China time)
 * @returns the record after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION` (already
 *   decided or not replied), `VALIDATION_FAILED` (`publishedOn`), `CONFLICT`
 */
export async function publishProposal(ctx: ServiceContext, actor: Actor, id: number, publishedOn?: string, expectedUpdatedAt?: string): Promise<Proposal> {
  return decide(ctx, actor, id, { type: 'publish', publishedOn: publishedOn?.trim() ? publishedOn : today(ctx.clock) }, expectedUpdatedAt);
}

/**
 * Withholds the handling result with a reason of at least 5 characters, e.g. 涉及国家秘密
 * (`pending` → `withheld`); the portal shows only how many were withheld per year.
 * Permission: `proposals.publish` on the record's organization.
 * @returns the record after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION` (already
 *   decided or not replied), `VALIDATION_FAILED` (`withheldReason`), `CONFLICT`
 */
export async function withholdProposal(ctx: ServiceContext, actor: Actor, id: number, reason: string, expectedUpdatedAt?: string): Promise<Proposal> {
  return decide(ctx, actor, id, { type: 'withhold', reason }, expectedUpdatedAt);
}

/**
 * One record with its organization.
 * Permission: `proposals.read` on the record's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getProposal(ctx: ServiceContext, actor: Actor, id: number): Promise<ProposalWithOrganization> {
  authorize(actor, 'proposals.read');
  const found = await proposalOrThrow(ctx.store.db, id);
  authorize(actor, 'proposals.read', { organizationPath: found.organization.path });
  return found;
}

/** What to list. */
export interface ProposalQuery {
  /** Only this organization's subtree (within the caller's); default every subtree the caller may read. */
  organizationId?: number;
  /** Only records received in this year. */
  year?: number;
  kind?: ProposalKind;
  /** Only records with this status today. */
  status?: ProposalStatus;
}

/**
 * Records of an organization's subtree (or of every subtree the caller may read), newest receipt
 * first, at most 500.
 * Permission: `proposals.read` (on the organization, when given).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year, kind, status)
 */
export async function listProposals(ctx: ServiceContext, actor: Actor, query: ProposalQuery = {}): Promise<ProposalWithOrganization[]> {
  authorize(actor, 'proposals.read');
  if (query.year !== undefined) checkYear(query.year);
  checkKind(query.kind);
  if (query.status !== undefined && !(PROPOSAL_STATUSES as readonly string[]).includes(query.status)) {
    throw validationFailed([{ field: 'status', message: `status must be one of ${PROPOSAL_STATUSES.join(', ')}`, messageZh: '办理状态无效' }]);
  }
  let rootPaths = grantedPaths(actor, 'proposals.read');
  if (query.organizationId !== undefined) {
    const org = await organizationOrThrow(ctx.store.db, query.organizationId);
    authorize(actor, 'proposals.read', { organizationPath: org.path });
    rootPaths = [org.path];
  }
  return listProposalRows(ctx.store.db, {
    rootPaths,
    today: today(ctx.clock),
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(query.kind !== undefined ? { kind: query.kind } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
  });
}

/** The statistics of a subtree for a year, with each organization's figures. */
export interface ProposalStatisticsReport {
  organization: ProposalOrganization;
  year: number;
  statistics: ProposalStatistics;
  /** Organizations of the subtree with records received in the year, in tree order. */
  organizations: { organization: ProposalOrganization; figures: ProposalFigures }[];
}

/**
 * The counts of an organization and everything below it for the records received in a year
 * (replies and disclosure as they stand; overdue judged today), and each organization's figures.
 * Permission: `proposals.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function proposalStatisticsFor(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ProposalStatisticsReport> {
  authorize(actor, 'proposals.read');
  checkYear(year);
  const organization = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'proposals.read', { organizationPath: organization.path });
  const { from, to } = yearPeriod(year);
  const records = await selectProposalStatisticsRecords(ctx.store.db, organization.path, from, to);
  const figures = await selectProposalFiguresBySubtree(ctx.store.db, organization.path, from, to);
  const tree = await listProposalOrganizations(ctx.store.db, [organization.path]);
  return {
    organization,
    year,
    statistics: computeProposalStatistics(records, from, to, today(ctx.clock)),
    organizations: tree.flatMap((org) => {
      const f = figures.get(org.id);
      return f ? [{ organization: org, figures: f }] : [];
    }),
  };
}

/**
 * The organizations where the caller may perform `action`, in tree order (the console's choices).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function proposalOrganizations(ctx: ServiceContext, actor: Actor, action: 'proposals.read' | 'proposals.manage'): Promise<ProposalOrganization[]> {
  authorize(actor, action);
  return listProposalOrganizations(ctx.store.db, grantedPaths(actor, action));
}

/** What the portal lists. */
export interface PublishedProposalQuery {
  /** Only this organization and those below it. */
  organizationId?: number;
  /** Only records received in this year. */
  year?: number;
  kind?: ProposalKind;
}

/** Withheld handling results of one year and kind: only a count, never titles or reasons. */
export interface WithheldCount {
  year: number;
  kind: ProposalKind;
  count: number;
}

/** The portal's list: published results and the per-year counts of withheld ones. */
export interface PublishedProposals {
  published: ProposalWithOrganization[];
  withheld: WithheldCount[];
}

/**
 * Published handling results (newest receipt first, at most 1,000) and how many were withheld per
 * year and kind, for the portal.
 * Permission: `proposals.read_published` (public).
 * @throws GongkaiError `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year, kind)
 */
export async function listPublishedProposals(ctx: ServiceContext, actor: Actor, query: PublishedProposalQuery = {}): Promise<PublishedProposals> {
  authorize(actor, 'proposals.read_published');
  if (query.year !== undefined) checkYear(query.year);
  checkKind(query.kind);
  const rootPath = query.organizationId !== undefined ? (await organizationOrThrow(ctx.store.db, query.organizationId)).path : undefined;
  const scope = { ...(rootPath !== undefined ? { rootPath } : {}), ...(query.kind !== undefined ? { kind: query.kind } : {}) };
  const published = await listPublishedProposalRows(ctx.store.db, { ...scope, ...(query.year !== undefined ? { year: query.year } : {}) });
  const counts = new Map<string, WithheldCount>();
  for (const w of await selectWithheldProposals(ctx.store.db, scope)) {
    const year = Number(w.receivedOn.slice(0, 4));
    if (query.year !== undefined && year !== query.year) continue;
    const key = `${year}:${w.kind}`;
    const entry = counts.get(key) ?? { year, kind: w.kind, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const withheld = [...counts.values()].sort((a, b) => b.year - a.year || PROPOSAL_KINDS.indexOf(a.kind) - PROPOSAL_KINDS.indexOf(b.kind));
  return { published, withheld };
}

/**
 * One published handling result, for the portal.
 * Permission: `proposals.read_published` (public).
 * @throws GongkaiError `NOT_FOUND` (no such record, or its result is not published)
 */
export async function getPublishedProposal(ctx: ServiceContext, actor: Actor, id: number): Promise<ProposalWithOrganization> {
  authorize(actor, 'proposals.read_published');
  const found = await findProposalById(ctx.store.db, id);
  if (!found || found.proposal.disclosure !== 'published') throw new GongkaiError('NOT_FOUND', `proposal ${id}`);
  return found;
}

/**
 * Every organization in tree order, for the portal's organization filter.
 * Permission: `proposals.read_published` (public).
 */
export async function publicProposalOrganizations(ctx: ServiceContext, actor: Actor): Promise<ProposalOrganization[]> {
  authorize(actor, 'proposals.read_published');
  return listProposalOrganizations(ctx.store.db, null);
}
