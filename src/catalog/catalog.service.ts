/**
 * Changes to the proactive-disclosure catalog (2019 art. 12, 19–26): drafting, editing, the
 * approval lifecycle (item-lifecycle.ts), index numbers, policy interpretations. Each method checks
 * permission first, then runs in one transaction that also writes the audit event and keeps the
 * search table in step (only published items are searchable).
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/database.ts';
import { indexCatalogItem, removeCatalogItemFromIndex } from '../search/search-index.ts';
import type { Clock } from '../shared/clock.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { CatalogItem } from './catalog-item.ts';
import type { CatalogOrganization } from './catalog-item.repository.ts';
import { findCatalogOrganization, findItemById, findItemByIndexNumber, insertInterpretationLink, insertItem, nextIndexSerial, updateItem } from './catalog-item.repository.ts';
import type { CatalogItemInput, CatalogItemInputFields, CatalogItemRawInput } from './catalog-item.schema.ts';
import { catalogIssue, inputItemFields, validateCatalogItemInput } from './catalog-item.schema.ts';
import { DEFAULT_INDEX_NUMBER_TEMPLATE, formatIndexNumber } from './index-number.ts';
import type { ItemAction } from './item-lifecycle.ts';
import { transition } from './item-lifecycle.ts';
import { sanitizeRichText } from './rich-text.ts';

/** What the audit log keeps of an item: everything but the body, which is summarized by length and hash. */
export function auditSnapshot(item: CatalogItem): Record<string, unknown> {
  const snapshot: Record<string, unknown> = { ...item, bodyLength: item.bodyHtml.length, bodySha256: createHash('sha256').update(item.bodyHtml).digest('hex') };
  delete snapshot['bodyHtml'];
  delete snapshot['bodyText'];
  return snapshot;
}

/**
 * The next `updated_at`: now, or 1 ms after the previous value when the clock has not moved past it
 * (a fixed clock, two edits in the same millisecond), so optimistic concurrency always sees a change.
 */
function nextUpdatedAt(clock: Clock, previous: string): string {
  const now = nowIso(clock);
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

/** An item as input fields (for merging a partial update and for the edit form). */
export function itemToRawInput(item: CatalogItem): CatalogItemRawInput {
  return {
    organizationId: item.organizationId,
    indexNumber: item.indexNumber ?? undefined,
    title: item.title,
    summary: item.summary ?? undefined,
    documentNumber: item.documentNumber ?? undefined,
    issuingAgency: item.issuingAgency,
    creationDate: item.creationDate,
    publicationDate: item.publicationDate ?? undefined,
    subjectCategory: item.subjectCategory,
    genre: item.genre,
    keywords: item.keywords,
    channels: item.channels,
    disclosureType: item.disclosureType,
    nonDisclosureReason: item.nonDisclosureReason ?? undefined,
    validity: item.validity,
    effectiveDate: item.effectiveDate ?? undefined,
    expiryDate: item.expiryDate ?? undefined,
    bodyHtml: item.bodyHtml === '' ? undefined : item.bodyHtml,
  };
}

/** Validates against today's date or throws `VALIDATION_FAILED` with the field issues. */
function validOrThrow(raw: unknown, clock: Clock): CatalogItemInput {
  const result = validateCatalogItemInput(raw, today(clock));
  if (!result.ok) throw new GongkaiError('VALIDATION_FAILED', result.issues.map((i) => i.field).join(', '), { issues: result.issues });
  return result.value;
}

/** The organization or `ORGANIZATION_UNKNOWN` naming the field. */
async function organizationOrThrow(db: Db, id: number): Promise<CatalogOrganization> {
  const org = await findCatalogOrganization(db, id);
  if (!org) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(id), { issues: [catalogIssue('organizationId', 'organizationUnknown')] });
  return org;
}

/** Refuses an index number another item already has (index numbers are never reused). */
async function assertIndexNumberFree(db: Db, indexNumber: string, exceptItemId: number | null): Promise<void> {
  const holder = await findItemByIndexNumber(db, indexNumber);
  if (holder && holder.id !== exceptItemId) {
    throw new GongkaiError('INDEX_NUMBER_DUPLICATE', indexNumber, {
      issues: [{ field: 'indexNumber', message: `indexNumber ${indexNumber} is already used by item ${holder.id}`, messageZh: `索引号 ${indexNumber} 已被其他信息使用` }],
    });
  }
}

/** The item or `NOT_FOUND`, with its organization. */
async function itemOrThrow(db: Db, id: number): Promise<{ item: CatalogItem; org: CatalogOrganization }> {
  const item = await findItemById(db, id);
  if (!item) throw new GongkaiError('NOT_FOUND', `catalog item ${id}`);
  const org = await organizationOrThrow(db, item.organizationId);
  return { item, org };
}

/** The fields an input sets on an item (the body sanitized; absent optional fields become null). */
function inputFields(input: CatalogItemInput): CatalogItemInputFields {
  return inputItemFields(input, sanitizeRichText(input.bodyHtml ?? ''));
}

/**
 * Generates an index number from the organization's template for a date, skipping serials an
 * imported item already holds.
 * @param date the publication date (`YYYY-MM-DD`): its year picks the sequence
 */
async function generateIndexNumber(db: Db, org: CatalogOrganization, date: string): Promise<string> {
  const template = org.indexNumberTemplate ?? DEFAULT_INDEX_NUMBER_TEMPLATE;
  const year = Number(date.slice(0, 4));
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const serial = await nextIndexSerial(db, org.id, year);
    const candidate = formatIndexNumber(template, { organizationCode: org.organizationCode, date, serial });
    if (!(await findItemByIndexNumber(db, candidate))) return candidate;
  }
  throw new GongkaiError('INDEX_NUMBER_DUPLICATE', `no free serial for organization ${org.id} in ${year}`);
}

/** Options of {@link writeNewItem}. */
export interface NewItemOptions {
  /** Store as published (an import of an item already published elsewhere; needs `publicationDate`). */
  published?: boolean;
  /** Mark as imported (its index number is kept as found). */
  imported?: boolean;
  /** Mark as synthetic demo data. */
  synthetic?: boolean;
}

/**
 * Writes one new, already validated item inside the caller's transaction: checks the organization
 * (and the actor's permission on it: `catalog.draft`, or `catalog.import` for imports), the index
 * number's uniqueness, sanitizes the body, inserts, audits, and indexes it for search when
 * published. For the import, which writes many items in one transaction.
 * @throws GongkaiError `ORGANIZATION_UNKNOWN`, `FORBIDDEN`, `INDEX_NUMBER_DUPLICATE`, `VALIDATION_FAILED` (published without publication date)
 */
export async function writeNewItem(ctx: ServiceContext, trx: Db, actor: Actor, input: CatalogItemInput, options: NewItemOptions = {}): Promise<CatalogItem> {
  authorize(actor, options.imported ? 'catalog.import' : 'catalog.draft');
  const org = await organizationOrThrow(trx, input.organizationId);
  authorize(actor, options.imported ? 'catalog.import' : 'catalog.draft', { organizationPath: org.path });
  const published = options.published === true;
  if (published && input.publicationDate === undefined) {
    throw new GongkaiError('VALIDATION_FAILED', 'publicationDate', { issues: [catalogIssue('publicationDate', 'required')] });
  }
  let indexNumber = input.indexNumber ?? null;
  if (indexNumber !== null) await assertIndexNumberFree(trx, indexNumber, null);
  else if (published && input.publicationDate !== undefined) indexNumber = await generateIndexNumber(trx, org, input.publicationDate);
  const now = nowIso(ctx.clock);
  const item = await insertItem(trx, {
    ...inputFields(input),
    indexNumber,
    publicationDate: published ? (input.publicationDate ?? null) : null,
    status: published ? 'published' : 'draft',
    supersededById: null,
    imported: options.imported === true,
    synthetic: options.synthetic === true,
    createdBy: actorUserId(actor),
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
  });
  await recordAudit(trx, actor, ctx.clock, { action: options.imported ? 'catalog.item.import' : 'catalog.item.create', entityType: 'catalog_item', entityId: item.id, organizationId: item.organizationId, after: auditSnapshot(item) });
  if (published) await indexCatalogItem(trx, ctx.store.dialect, item);
  return item;
}

/**
 * Creates a draft (status `draft`; index number as given by hand, else none until publication).
 * A `publicationDate` in the input is ignored: a draft gets its publication date when approved.
 * @param raw the untrusted input (validated here against today's date)
 * @throws GongkaiError `UNAUTHENTICATED`/`FORBIDDEN`, `VALIDATION_FAILED`, `ORGANIZATION_UNKNOWN`, `INDEX_NUMBER_DUPLICATE`
 */
export async function createDraft(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<CatalogItem> {
  authorize(actor, 'catalog.draft');
  const input = validOrThrow(raw, ctx.clock);
  return ctx.store.db.transaction().execute((trx) => writeNewItem(ctx, trx, actor, input));
}

/**
 * Updates a draft. `patch` holds the fields to change (others keep their values); the merged item
 * is validated as a whole. A published item's index number can never change.
 * @param expectedUpdatedAt the `updatedAt` the editor's copy was read at
 * @throws GongkaiError `NOT_FOUND`, `FORBIDDEN`, `INDEX_NUMBER_IMMUTABLE`, `ILLEGAL_TRANSITION` (not a draft), `VALIDATION_FAILED`, `ORGANIZATION_UNKNOWN`, `INDEX_NUMBER_DUPLICATE`, `CONFLICT`
 */
export async function updateDraft(ctx: ServiceContext, actor: Actor, id: number, patch: Record<string, unknown>, expectedUpdatedAt: string): Promise<CatalogItem> {
  authorize(actor, 'catalog.draft');
  return ctx.store.db.transaction().execute(async (trx) => {
    const { item, org } = await itemOrThrow(trx, id);
    authorize(actor, 'catalog.draft', { organizationPath: org.path });
    if (item.status !== 'draft' && item.indexNumber !== null && 'indexNumber' in patch && patch['indexNumber'] !== item.indexNumber) {
      throw new GongkaiError('INDEX_NUMBER_IMMUTABLE', item.indexNumber, { issues: [{ field: 'indexNumber', message: 'indexNumber cannot change after publication', messageZh: '索引号发布后不可更改' }] });
    }
    transition(item.status, 'edit');
    if (item.updatedAt !== expectedUpdatedAt) throw new GongkaiError('CONFLICT', `catalog item ${id}`);
    const input = validOrThrow({ ...itemToRawInput(item), ...patch }, ctx.clock);
    if (input.organizationId !== item.organizationId) {
      const target = await organizationOrThrow(trx, input.organizationId);
      authorize(actor, 'catalog.draft', { organizationPath: target.path });
    }
    const indexNumber = input.indexNumber ?? null;
    if (indexNumber !== null && indexNumber !== item.indexNumber) await assertIndexNumberFree(trx, indexNumber, item.id);
    const updated = await updateItem(trx, id, { updatedAt: expectedUpdatedAt, status: 'draft' }, { ...inputFields(input), indexNumber, updatedAt: nextUpdatedAt(ctx.clock, item.updatedAt) });
    await recordAudit(trx, actor, ctx.clock, { action: 'catalog.item.update', entityType: 'catalog_item', entityId: id, organizationId: updated.organizationId, before: auditSnapshot(item), after: auditSnapshot(updated) });
    return updated;
  });
}

/**
 * Runs one lifecycle step: loads the item, checks the transition and the permission it needs on the
 * item's organization, applies `changes`, audits as `catalog.item.<action>`, all in one transaction.
 */
async function step(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  action: ItemAction,
  changes: (trx: Db, item: CatalogItem, org: CatalogOrganization) => Promise<Partial<Omit<CatalogItem, 'id'>>>,
  options: { note?: string; index?: 'add' | 'remove' } = {},
): Promise<CatalogItem> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const { item, org } = await itemOrThrow(trx, id);
    const allowed = transition(item.status, action);
    authorize(actor, allowed.permission, { organizationPath: org.path });
    const fields = await changes(trx, item, org);
    const updated = await updateItem(trx, id, { updatedAt: item.updatedAt, status: item.status }, { ...fields, status: allowed.to, updatedAt: nextUpdatedAt(ctx.clock, item.updatedAt) });
    await recordAudit(trx, actor, ctx.clock, {
      action: `catalog.item.${action}`,
      entityType: 'catalog_item',
      entityId: id,
      organizationId: updated.organizationId,
      before: auditSnapshot(item),
      after: auditSnapshot(updated),
      ...(options.note !== undefined ? { note: options.note } : {}),
    });
    if (options.index === 'add') await indexCatalogItem(trx, ctx.store.dialect, updated);
    if (options.index === 'remove') await removeCatalogItemFromIndex(trx, ctx.store.dialect, id);
    return updated;
  });
}

/** A required free-text reason or comment, trimmed, ≤ 500 characters. */
function requiredText(value: string | undefined, field: string, labelZh: string): string {
  const text = (value ?? '').trim();
  if (text === '') throw new GongkaiError('VALIDATION_FAILED', field, { issues: [{ field, message: `${field} is required`, messageZh: `请填写${labelZh}` }] });
  if (Array.from(text).length > 500) throw new GongkaiError('VALIDATION_FAILED', field, { issues: [{ field, message: `${field} is longer than 500 characters`, messageZh: `${labelZh}不能超过 500 个字符` }] });
  return text;
}

/**
 * Submits a draft for approval (draft → submitted).
 * @throws GongkaiError `NOT_FOUND`, `FORBIDDEN`, `ILLEGAL_TRANSITION`, `CONFLICT`
 */
export async function submitItem(ctx: ServiceContext, actor: Actor, id: number): Promise<CatalogItem> {
  authorize(actor, 'catalog.submit');
  return step(ctx, actor, id, 'submit', () => Promise.resolve({ submittedAt: nowIso(ctx.clock) }));
}

/**
 * Returns a submitted item to its editor (submitted → draft) with the approver's comment (kept in the audit log).
 * @throws GongkaiError `VALIDATION_FAILED` (no comment), `NOT_FOUND`, `FORBIDDEN`, `ILLEGAL_TRANSITION`, `CONFLICT`
 */
export async function returnItem(ctx: ServiceContext, actor: Actor, id: number, comment: string): Promise<CatalogItem> {
  authorize(actor, 'catalog.approve');
  const note = requiredText(comment, 'comment', '退回意见');
  return step(ctx, actor, id, 'return', () => Promise.resolve({ submittedAt: null }), { note });
}

/**
 * Approves and publishes a submitted item (submitted → published): the publication date is today;
 * an item without an index number gets one from its organization's template (the default
 * `{orgcode}/{yyyy}-{nnnnn}` unless the organization has its own), with the publication year's next serial.
 * @throws GongkaiError `NOT_FOUND`, `FORBIDDEN`, `ILLEGAL_TRANSITION`, `INDEX_NUMBER_DUPLICATE`, `CONFLICT`
 */
export async function approveAndPublish(ctx: ServiceContext, actor: Actor, id: number): Promise<CatalogItem> {
  authorize(actor, 'catalog.approve');
  return step(
    ctx,
    actor,
    id,
    'publish',
    async (trx, item, org) => {
      const publicationDate = today(ctx.clock);
      let indexNumber = item.indexNumber;
      if (indexNumber === null) indexNumber = await generateIndexNumber(trx, org, publicationDate);
      else await assertIndexNumberFree(trx, indexNumber, item.id);
      return { indexNumber, publicationDate, approvedBy: actorUserId(actor), approvedAt: nowIso(ctx.clock) };
    },
    { index: 'add' },
  );
}

/**
 * Withdraws a published item (published → withdrawn) with the reason; it leaves the portal and the search index.
 * @throws GongkaiError `VALIDATION_FAILED` (no reason), `NOT_FOUND`, `FORBIDDEN`, `ILLEGAL_TRANSITION`, `CONFLICT`
 */
export async function withdrawItem(ctx: ServiceContext, actor: Actor, id: number, reason: string): Promise<CatalogItem> {
  authorize(actor, 'catalog.withdraw');
  const text = requiredText(reason, 'reason', '撤回理由');
  return step(ctx, actor, id, 'withdraw', () => Promise.resolve({ withdrawnAt: nowIso(ctx.clock), withdrawalReason: text }), { note: text, index: 'remove' });
}

/**
 * Marks a published item as superseded by another published item of the same organization
 * (published → superseded); it leaves the search index, and its page points to the replacement.
 * @throws GongkaiError `VALIDATION_FAILED` (bad replacement), `NOT_FOUND`, `FORBIDDEN`, `ILLEGAL_TRANSITION`, `CONFLICT`
 */
export async function supersedeItem(ctx: ServiceContext, actor: Actor, id: number, byItemId: number): Promise<CatalogItem> {
  authorize(actor, 'catalog.withdraw');
  return step(
    ctx,
    actor,
    id,
    'supersede',
    async (trx, item) => {
      const by = await findItemById(trx, byItemId);
      const bad = (en: string, zh: string): GongkaiError => new GongkaiError('VALIDATION_FAILED', 'byItemId', { issues: [{ field: 'byItemId', message: en, messageZh: zh }] });
      if (!by) throw bad(`item ${byItemId} does not exist`, `替代信息 ${byItemId} 不存在`);
      if (by.id === item.id) throw bad('an item cannot supersede itself', '信息不能替代自身');
      if (by.status !== 'published') throw bad('the replacement must be published', '替代信息必须已发布');
      if (by.organizationId !== item.organizationId) throw bad('the replacement must belong to the same organization', '替代信息必须属于同一机构');
      return { supersededById: by.id };
    },
    { note: `superseded by ${byItemId}`, index: 'remove' },
  );
}

/**
 * Links a policy interpretation (政策解读, genre `interpretation`) to the policy document it explains.
 * Needs `catalog.draft` on the interpretation's organization; the policy must be visible to the actor's
 * organization tree or published. Linking twice is a no-op (no second audit event).
 * @returns whether a new link was made
 * @throws GongkaiError `NOT_FOUND`, `FORBIDDEN`, `VALIDATION_FAILED` (not an interpretation, same item)
 */
export async function linkInterpretation(ctx: ServiceContext, actor: Actor, policyItemId: number, interpretationItemId: number): Promise<boolean> {
  authorize(actor, 'catalog.draft');
  return ctx.store.db.transaction().execute(async (trx) => {
    const interpretation = await itemOrThrow(trx, interpretationItemId);
    authorize(actor, 'catalog.draft', { organizationPath: interpretation.org.path });
    const policy = await itemOrThrow(trx, policyItemId);
    if (policy.item.status !== 'published') authorize(actor, 'catalog.read_unpublished', { organizationPath: policy.org.path });
    const bad = (en: string, zh: string): GongkaiError => new GongkaiError('VALIDATION_FAILED', 'interpretationItemId', { issues: [{ field: 'interpretationItemId', message: en, messageZh: zh }] });
    if (policyItemId === interpretationItemId) throw bad('an item cannot interpret itself', '信息不能解读自身');
    if (interpretation.item.genre !== 'interpretation') throw bad(`item ${interpretationItemId} is not a policy interpretation (genre interpretation)`, `信息 ${interpretationItemId} 的体裁分类不是政策解读`);
    if (policy.item.genre === 'interpretation') throw bad('a policy interpretation cannot be the policy interpreted', '被解读的文件不能是政策解读');
    const created = await insertInterpretationLink(trx, policyItemId, interpretationItemId);
    if (created) {
      await recordAudit(trx, actor, ctx.clock, {
        action: 'catalog.item.link_interpretation',
        entityType: 'catalog_item',
        entityId: policyItemId,
        organizationId: policy.item.organizationId,
        after: { policyItemId, interpretationItemId },
      });
    }
    return created;
  });
}
