/**
 * Press conferences and online interviews, policy interpretations and responses to public
 * concerns (issue 6 item 3; 2014 table section 二): recording, correcting and deleting them,
 * listing them for an organization's subtree and a year, and counting section 二. Every method
 * checks permission first (`engagement.read` / `engagement.manage`, src/auth/policy.ts) and audits
 * every change in the same transaction. The portal's reads are in engagement-public.service.ts.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, grantedPaths } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Db } from '../db/database.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import {
  applyConcernResponsePatch,
  applyInterpretationPatch,
  applyPressEventPatch,
  EMPTY_CONCERN_RESPONSE,
  EMPTY_INTERPRETATION,
  EMPTY_PRESS_EVENT,
  validateConcernResponse,
  validateInterpretation,
  validatePressEvent,
} from './engagement-record.ts';
import type {
  ConcernResponse,
  ConcernResponseInput,
  ConcernResponsePatch,
  InterpretationInput,
  InterpretationPatch,
  InterpretationValues,
  PolicyInterpretation,
  PressEvent,
  PressEventInput,
  PressEventPatch,
} from './engagement-record.ts';
import { engagementFigures, sumEngagementCounts } from './engagement-statistics.ts';
import type { EngagementCounts, EngagementFigures } from './engagement-statistics.ts';
import {
  countConcernResponseLinks,
  deleteConcernResponseRow,
  deleteInterpretationRow,
  deletePressEventRow,
  existingItemIds,
  findConcernResponseById,
  findEngagementOrganization,
  findInterpretationById,
  findLinkedItemById,
  findLinkedItemByIndexNumber,
  findPressEventById,
  insertConcernResponse,
  insertInterpretation,
  insertPressEvent,
  listConcernResponses,
  listEngagementOrganizations,
  listInterpretations,
  listPressEvents,
  selectEngagementFiguresBySubtree,
  updateConcernResponseRow,
  updateInterpretationRow,
  updatePressEventRow,
} from './engagement.repository.ts';
import type { ConcernResponseRecord, EngagementFilter, EngagementOrganization, InterpretationRecord, LinkedItem, PressEventRecord } from './engagement.repository.ts';
import { interpretationTimeliness } from './interpretation-timeliness.ts';
import type { InterpretationTimeliness } from './interpretation-timeliness.ts';

/** An interpretation with its timeliness against the policy's publication date. */
export interface InterpretationView extends InterpretationRecord {
  timeliness: InterpretationTimeliness;
}

/** What to list. */
export interface EngagementQuery {
  /** Only this organization's subtree (within the caller's); default every subtree the caller may read. */
  organizationId?: number;
  /** Only records dated in this year. */
  year?: number;
}

/** Section 二 of an organization's subtree for a year. */
export interface EngagementFiguresReport {
  organization: EngagementOrganization;
  year: number;
  counts: EngagementCounts;
  figures: EngagementFigures;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 9999;

/** Throws `VALIDATION_FAILED` unless `year` is a four-digit year from 2000. */
export function checkEngagementYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw validationFailed([{ field: 'year', message: `year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`, messageZh: '年度应为四位年份' }]);
  }
}

/** First and last day of a year. */
export function yearPeriod(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The organization, or `ORGANIZATION_UNKNOWN` naming the field. */
async function organizationOrThrow(db: Db, id: number): Promise<EngagementOrganization> {
  const org = Number.isInteger(id) && id > 0 ? await findEngagementOrganization(db, id) : undefined;
  if (!org) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `organizationId ${id}`, { issues: [{ field: 'organizationId', message: `organization ${id} does not exist`, messageZh: `机构 ${id} 不存在` }] });
  }
  return org;
}

function fail(issues: ErrorIssue[]): void {
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * A linked concern response must exist and belong to the same organization: the 2014 table counts
 * the hot topic once, in the organization (and the period) of the concern response, so a link
 * across organizations would lose the event from the other organization's count.
 */
async function checkConcernLink(db: Db, concernResponseId: number | null, org: EngagementOrganization): Promise<void> {
  if (concernResponseId === null) return;
  const found = await findConcernResponseById(db, concernResponseId);
  if (!found || found.response.organizationId !== org.id) {
    fail([{ field: 'concernResponseId', message: `concern response ${concernResponseId} does not exist in ${org.name}`, messageZh: `回应关切记录 ${concernResponseId} 不存在，或不属于${org.name}` }]);
  }
}

/** Listing filter of the caller's subtrees (narrowed to the organization when given) and year. */
async function listFilter(ctx: ServiceContext, actor: Actor, query: EngagementQuery): Promise<EngagementFilter> {
  authorize(actor, 'engagement.read');
  if (query.year !== undefined) checkEngagementYear(query.year);
  let rootPaths = grantedPaths(actor, 'engagement.read');
  if (query.organizationId !== undefined) {
    const org = await organizationOrThrow(ctx.store.db, query.organizationId);
    authorize(actor, 'engagement.read', { organizationPath: org.path });
    rootPaths = [org.path];
  }
  return { rootPaths, ...(query.year !== undefined ? yearPeriod(query.year) : {}) };
}

// ---- Concern responses ----

/**
 * Records a response to a public concern.
 * Permission: `engagement.manage` on the organization.
 * @returns the stored record
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 */
export async function createConcernResponse(ctx: ServiceContext, actor: Actor, input: ConcernResponseInput): Promise<ConcernResponse> {
  authorize(actor, 'engagement.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const org = await organizationOrThrow(trx, input.organizationId);
    authorize(actor, 'engagement.manage', { organizationPath: org.path });
    const values = applyConcernResponsePatch(EMPTY_CONCERN_RESPONSE, input);
    fail(validateConcernResponse(values, today(ctx.clock)));
    const created = await insertConcernResponse(trx, { organizationId: org.id, values, synthetic: input.synthetic ?? false, createdBy: actorUserId(actor), now: nowIso(ctx.clock) });
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.concern_response.create', entityType: 'concern_response', entityId: created.id, organizationId: org.id, after: created });
    return created;
  });
}

async function concernOrThrow(db: Db, id: number): Promise<ConcernResponseRecord> {
  const found = await findConcernResponseById(db, id);
  if (!found) throw new GongkaiError('NOT_FOUND', `concern response ${id}`);
  return found;
}

/**
 * Corrects a concern response (the organization does not change).
 * Permission: `engagement.manage` on its organization.
 * @param expectedUpdatedAt the `updatedAt` the caller read: a different one gives `CONFLICT`
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED`, `CONFLICT`
 */
export async function updateConcernResponse(ctx: ServiceContext, actor: Actor, id: number, patch: ConcernResponsePatch, expectedUpdatedAt?: string): Promise<ConcernResponse> {
  authorize(actor, 'engagement.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { response: before, organization } = await concernOrThrow(trx, id);
    authorize(actor, 'engagement.manage', { organizationPath: organization.path });
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new GongkaiError('CONFLICT', `concern response ${id}`);
    const values = applyConcernResponsePatch(before, patch);
    fail(validateConcernResponse(values, today(ctx.clock)));
    const after = await updateConcernResponseRow(trx, id, values, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.concern_response.update', entityType: 'concern_response', entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

/**
 * Deletes a concern response that no press event or interpretation names (unlink those first:
 * deleting it would change how they are counted).
 * Permission: `engagement.manage` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT` (still linked)
 */
export async function deleteConcernResponse(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'engagement.manage');
  await ctx.store.db.transaction().execute(async (trx) => {
    const { response: before, organization } = await concernOrThrow(trx, id);
    authorize(actor, 'engagement.manage', { organizationPath: organization.path });
    const links = await countConcernResponseLinks(trx, id);
    if (links > 0) throw new GongkaiError('CONFLICT', `concern response ${id} is named by ${links} press event(s) or interpretation(s); unlink them first`);
    await deleteConcernResponseRow(trx, id);
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.concern_response.delete', entityType: 'concern_response', entityId: id, organizationId: organization.id, before });
  });
}

/**
 * One concern response with its organization.
 * Permission: `engagement.read` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getConcernResponse(ctx: ServiceContext, actor: Actor, id: number): Promise<ConcernResponseRecord> {
  authorize(actor, 'engagement.read');
  const found = await concernOrThrow(ctx.store.db, id);
  authorize(actor, 'engagement.read', { organizationPath: found.organization.path });
  return found;
}

/**
 * Concern responses of a subtree (default: every subtree the caller may read), newest first, at most 500.
 * Permission: `engagement.read` (on the organization, when given).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function listConcernResponsesFor(ctx: ServiceContext, actor: Actor, query: EngagementQuery = {}): Promise<ConcernResponseRecord[]> {
  return listConcernResponses(ctx.store.db, await listFilter(ctx, actor, query));
}

// ---- Press events ----

/** The linked items must exist (shown on the portal only while published). */
async function checkItems(db: Db, itemIds: readonly number[]): Promise<void> {
  const found = await existingItemIds(db, itemIds);
  const missing = itemIds.filter((id) => !found.has(id));
  if (missing.length > 0) fail([{ field: 'itemIds', message: `no catalog items ${missing.join(', ')}`, messageZh: `目录中没有编号为 ${missing.join('、')} 的信息` }]);
}

/**
 * Records a press conference or online interview.
 * Permission: `engagement.manage` on the organization.
 * @returns the stored event
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (fields; unknown items; a concern response of another organization)
 */
export async function createPressEvent(ctx: ServiceContext, actor: Actor, input: PressEventInput): Promise<PressEvent> {
  authorize(actor, 'engagement.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const org = await organizationOrThrow(trx, input.organizationId);
    authorize(actor, 'engagement.manage', { organizationPath: org.path });
    const values = applyPressEventPatch(EMPTY_PRESS_EVENT, input);
    fail(validatePressEvent(values, today(ctx.clock)));
    await checkConcernLink(trx, values.concernResponseId, org);
    await checkItems(trx, values.itemIds);
    const created = await insertPressEvent(trx, { organizationId: org.id, values, synthetic: input.synthetic ?? false, createdBy: actorUserId(actor), now: nowIso(ctx.clock) });
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.press_event.create', entityType: 'press_event', entityId: created.id, organizationId: org.id, after: created });
    return created;
  });
}

async function pressEventOrThrow(db: Db, id: number): Promise<PressEventRecord> {
  const found = await findPressEventById(db, id);
  if (!found) throw new GongkaiError('NOT_FOUND', `press event ${id}`);
  return found;
}

/**
 * Corrects a press event (the organization does not change; `itemIds` replaces the linked items).
 * Permission: `engagement.manage` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED`, `CONFLICT`
 */
export async function updatePressEvent(ctx: ServiceContext, actor: Actor, id: number, patch: PressEventPatch, expectedUpdatedAt?: string): Promise<PressEvent> {
  authorize(actor, 'engagement.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { event: before, organization } = await pressEventOrThrow(trx, id);
    authorize(actor, 'engagement.manage', { organizationPath: organization.path });
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new GongkaiError('CONFLICT', `press event ${id}`);
    const values = applyPressEventPatch(before, patch);
    fail(validatePressEvent(values, today(ctx.clock)));
    if (values.concernResponseId !== before.concernResponseId) await checkConcernLink(trx, values.concernResponseId, organization);
    await checkItems(trx, values.itemIds);
    const after = await updatePressEventRow(trx, id, values, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.press_event.update', entityType: 'press_event', entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

/**
 * Deletes a press event and its item links.
 * Permission: `engagement.manage` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function deletePressEvent(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'engagement.manage');
  await ctx.store.db.transaction().execute(async (trx) => {
    const { event: before, organization } = await pressEventOrThrow(trx, id);
    authorize(actor, 'engagement.manage', { organizationPath: organization.path });
    await deletePressEventRow(trx, id);
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.press_event.delete', entityType: 'press_event', entityId: id, organizationId: organization.id, before });
  });
}

/**
 * One press event with its organization and items.
 * Permission: `engagement.read` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getPressEvent(ctx: ServiceContext, actor: Actor, id: number): Promise<PressEventRecord> {
  authorize(actor, 'engagement.read');
  const found = await pressEventOrThrow(ctx.store.db, id);
  authorize(actor, 'engagement.read', { organizationPath: found.organization.path });
  return found;
}

/**
 * Press events of a subtree, newest first, at most 500.
 * Permission: `engagement.read` (on the organization, when given).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function listPressEventsFor(ctx: ServiceContext, actor: Actor, query: EngagementQuery = {}): Promise<PressEventRecord[]> {
  return listPressEvents(ctx.store.db, await listFilter(ctx, actor, query));
}

// ---- Interpretations ----

/**
 * The policy item a patch names (by id, else by 索引号), or the current one; it must be published
 * when newly chosen (an interpretation explains a document the public can read).
 */
async function resolvePolicy(db: Db, patch: InterpretationPatch, current: LinkedItem | null): Promise<LinkedItem> {
  const byIndex = patch.policyIndexNumber?.trim() ?? '';
  const id = patch.policyItemId;
  if (id === undefined && byIndex === '') {
    if (current) return current;
    throw validationFailed([{ field: 'policyItemId', message: 'policyItemId or policyIndexNumber is required', messageZh: '请填写被解读政策文件的编号或索引号' }]);
  }
  const field = id !== undefined ? 'policyItemId' : 'policyIndexNumber';
  const label = id !== undefined ? `编号 ${id}` : `索引号 ${byIndex}`;
  const item = id !== undefined ? (Number.isInteger(id) && id > 0 ? await findLinkedItemById(db, id) : undefined) : await findLinkedItemByIndexNumber(db, byIndex);
  if (!item) throw validationFailed([{ field, message: `no catalog item ${id ?? byIndex}`, messageZh: `目录中没有${label}的信息` }]);
  if (current && item.id === current.id) return current;
  if (item.status !== 'published') throw validationFailed([{ field, message: `catalog item ${id ?? byIndex} is not published`, messageZh: `${label}的信息尚未发布（只能解读已发布的政策文件）` }]);
  return item;
}

/** The interpretation item, when given, must be a catalog item of genre `interpretation`. */
async function checkInterpretationItem(db: Db, values: InterpretationValues): Promise<void> {
  if (values.interpretationItemId === null) return;
  const item = await findLinkedItemById(db, values.interpretationItemId);
  if (!item || item.genre !== 'interpretation') {
    fail([{ field: 'interpretationItemId', message: `catalog item ${values.interpretationItemId} is not an interpretation`, messageZh: `编号 ${values.interpretationItemId} 不是体裁为“政策解读”的目录信息` }]);
  }
}

/**
 * Records a policy interpretation of a published policy item (by id or 索引号).
 * Permission: `engagement.manage` on the organization.
 * @returns the stored interpretation
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (fields; policy unknown or unpublished; published before the policy; interpretation item not
 *   of genre `interpretation`; a concern response of another organization)
 */
export async function createInterpretation(ctx: ServiceContext, actor: Actor, input: InterpretationInput): Promise<PolicyInterpretation> {
  authorize(actor, 'engagement.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const org = await organizationOrThrow(trx, input.organizationId);
    authorize(actor, 'engagement.manage', { organizationPath: org.path });
    const policy = await resolvePolicy(trx, input, null);
    const values = applyInterpretationPatch(EMPTY_INTERPRETATION, input, policy.id);
    fail(validateInterpretation(values, today(ctx.clock), policy.publicationDate));
    await checkInterpretationItem(trx, values);
    await checkConcernLink(trx, values.concernResponseId, org);
    const created = await insertInterpretation(trx, { organizationId: org.id, values, synthetic: input.synthetic ?? false, createdBy: actorUserId(actor), now: nowIso(ctx.clock) });
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.interpretation.create', entityType: 'policy_interpretation', entityId: created.id, organizationId: org.id, after: created });
    return created;
  });
}

async function interpretationOrThrow(db: Db, id: number): Promise<InterpretationRecord> {
  const found = await findInterpretationById(db, id);
  if (!found) throw new GongkaiError('NOT_FOUND', `interpretation ${id}`);
  return found;
}

/**
 * Corrects an interpretation (the organization does not change).
 * Permission: `engagement.manage` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED`, `CONFLICT`
 */
export async function updateInterpretation(ctx: ServiceContext, actor: Actor, id: number, patch: InterpretationPatch, expectedUpdatedAt?: string): Promise<PolicyInterpretation> {
  authorize(actor, 'engagement.manage');
  return ctx.store.db.transaction().execute(async (trx) => {
    const found = await interpretationOrThrow(trx, id);
    const { interpretation: before, organization } = found;
    authorize(actor, 'engagement.manage', { organizationPath: organization.path });
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) throw new GongkaiError('CONFLICT', `interpretation ${id}`);
    const policy = await resolvePolicy(trx, patch, found.policy);
    const values = applyInterpretationPatch(before, patch, policy.id);
    fail(validateInterpretation(values, today(ctx.clock), policy.publicationDate));
    if (values.interpretationItemId !== before.interpretationItemId) await checkInterpretationItem(trx, values);
    if (values.concernResponseId !== before.concernResponseId) await checkConcernLink(trx, values.concernResponseId, organization);
    const after = await updateInterpretationRow(trx, id, values, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.interpretation.update', entityType: 'policy_interpretation', entityId: id, organizationId: organization.id, before, after });
    return after;
  });
}

/**
 * Deletes an interpretation record (the catalog items it points to stay).
 * Permission: `engagement.manage` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function deleteInterpretation(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'engagement.manage');
  await ctx.store.db.transaction().execute(async (trx) => {
    const { interpretation: before, organization } = await interpretationOrThrow(trx, id);
    authorize(actor, 'engagement.manage', { organizationPath: organization.path });
    await deleteInterpretationRow(trx, id);
    await recordAudit(trx, actor, ctx.clock, { action: 'engagement.interpretation.delete', entityType: 'policy_interpretation', entityId: id, organizationId: organization.id, before });
  });
}

/**
 * Adds each interpretation's timeliness: published within `config.interpretationDays` working days
 * of the policy (interpretation-timeliness.ts; a local practice, UNVERIFIED).
 */
export async function withTimeliness(ctx: ServiceContext, records: readonly InterpretationRecord[]): Promise<InterpretationView[]> {
  if (records.length === 0) return [];
  const calendar = await loadCalendar(ctx);
  const days = ctx.config.interpretationDays;
  return records.map((r) => ({
    ...r,
    timeliness:
      r.policy.publicationDate === null
        ? { status: 'unknown', deadline: null, workingDaysAfterPolicy: null, allowedWorkingDays: days }
        : interpretationTimeliness(calendar, r.policy.publicationDate, r.interpretation.publishedOn, days),
  }));
}

/**
 * One interpretation with its policy item, interpretation item and timeliness.
 * Permission: `engagement.read` on its organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getInterpretation(ctx: ServiceContext, actor: Actor, id: number): Promise<InterpretationView> {
  authorize(actor, 'engagement.read');
  const found = await interpretationOrThrow(ctx.store.db, id);
  authorize(actor, 'engagement.read', { organizationPath: found.organization.path });
  const [view] = await withTimeliness(ctx, [found]);
  return view as InterpretationView;
}

/**
 * Interpretations of a subtree with their timeliness, newest first, at most 500.
 * Permission: `engagement.read` (on the organization, when given).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function listInterpretationsFor(ctx: ServiceContext, actor: Actor, query: EngagementQuery = {}): Promise<InterpretationView[]> {
  return withTimeliness(ctx, await listInterpretations(ctx.store.db, await listFilter(ctx, actor, query)));
}

// ---- Statistics and choices ----

/**
 * Section 二 of the 2014 table for an organization and everything below it in a year (SQL
 * aggregates per organization, summed; see engagement-statistics.ts for our reading of the rows).
 * Permission: `engagement.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (year)
 */
export async function engagementFiguresFor(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<EngagementFiguresReport> {
  authorize(actor, 'engagement.read');
  checkEngagementYear(year);
  const organization = await organizationOrThrow(ctx.store.db, organizationId);
  authorize(actor, 'engagement.read', { organizationPath: organization.path });
  const { from, to } = yearPeriod(year);
  const counts = sumEngagementCounts((await selectEngagementFiguresBySubtree(ctx.store.db, organization.path, from, to)).values());
  return { organization, year, counts, figures: engagementFigures(counts) };
}

/**
 * The organizations where the caller may perform `action`, in tree order (console choices).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function engagementOrganizations(ctx: ServiceContext, actor: Actor, action: 'engagement.read' | 'engagement.manage'): Promise<EngagementOrganization[]> {
  authorize(actor, action);
  return listEngagementOrganizations(ctx.store.db, grantedPaths(actor, action));
}
