/**
 * Mailbox messages (市长信箱 / 留言, issue 6 item 1): the public writes to an organization's mailbox
 * (tracking and the portal are in message-portal.service.ts); staff assign, reply and publish (with the writer's consent); each
 * organization sets its reply period; reply rates and times per organization and period. Every
 * method checks permission first (`messages.*`, src/auth/policy.ts) and audits every change in the
 * same transaction. The writer's contact is sealed at rest with the requests' personal-data cipher,
 * and the writer's name and contact are masked for readers without `messages.read_personal` and
 * always on the portal. Personal data never enters the audit log.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { ACTIONS, authorize, can, grantedPaths } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { isIsoDate } from '../calendar/working-days.ts';
import type { Db } from '../db/database.ts';
import { openField, personalDataKey, sealField } from '../requests/personal-data-cipher.ts';
import { maskEmail, maskName, maskPhone } from '../requests/personal-data.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError, validationFailed } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { checkReplyDays, checkReplyText, isOverdue, messageDueOn, messageInputIssues, newMessageTrackingCode, publicText, transitionMessage } from './message.ts';
import type { Message, MessageAction, MessageInput, MessageStatus } from './message.ts';
import { messageStatistics } from './message-statistics.ts';
import type { MessageStatistics } from './message-statistics.ts';
import {
  findMessageById,
  findMessageOrganization,
  insertMessage,
  listAssignableUsers,
  listMessageOrganizations,
  listMessageQueue,
  messageTrackingCodeExists,
  selectMessageFigureRecords,
  updateMessageRow,
  updateOrganizationReplyDays,
} from './message.repository.ts';
import type { AssignableUser, MessageChange, MessageOrganization, MessageWithOrganization } from './message.repository.ts';

/** A message as a staff reader sees it, with whether it is overdue today and whether personal data is masked. */
export interface MessageView extends MessageWithOrganization {
  overdue: boolean;
  /** True when the writer's name and contact are masked (the reader lacks `messages.read_personal`). */
  masked: boolean;
}

/** The organization, or `ORGANIZATION_UNKNOWN` naming the field. */
async function organizationOrThrow(db: Db, id: number, field = 'organizationId'): Promise<MessageOrganization> {
  const org = Number.isInteger(id) && id > 0 ? await findMessageOrganization(db, id) : undefined;
  if (!org) {
    throw new GongkaiError('ORGANIZATION_UNKNOWN', `${field} ${id}`, { issues: [{ field, message: `organization ${id} does not exist`, messageZh: '所选机关不存在，请重新选择' }] });
  }
  return org;
}

/** The reply period of an organization: its own, else the installation's default. */
function replyDaysOf(ctx: ServiceContext, org: MessageOrganization): number {
  return org.messageReplyDays ?? ctx.config.messageReplyDays;
}

function maskContact(contact: string): string {
  return contact.includes('@') ? (maskEmail(contact) ?? '') : (maskPhone(contact) ?? '');
}

/** The message with its contact opened, masked unless `unmasked`. */
function present(key: Buffer, found: MessageWithOrganization, unmasked: boolean, day: string): MessageView {
  const contact = openField(key, found.message.writerContact) ?? '';
  const message: Message = unmasked ? { ...found.message, writerContact: contact } : { ...found.message, writerName: maskName(found.message.writerName, true), writerContact: maskContact(contact) };
  return { message, organization: found.organization, overdue: isOverdue(message, day), masked: !unmasked };
}

/** A message the actor may read; one outside the actor's subtrees looks absent, so ids cannot be probed. */
async function visibleOrThrow(db: Db, actor: Actor, id: number): Promise<MessageWithOrganization> {
  const found = Number.isInteger(id) && id > 0 ? await findMessageById(db, id) : undefined;
  if (!found || !can(actor, 'messages.read', { organizationPath: found.organization.path })) throw new GongkaiError('NOT_FOUND', `message ${id}`);
  return found;
}

/** What the writer is told after submitting. */
export interface SubmittedMessage {
  trackingCode: string;
  organizationName: string;
  receivedOn: string;
  dueOn: string;
}

/**
 * Files a message from the portal (form or API). The date of receipt is today (China time); the
 * deadline is the organization's reply period in working days after it. Every check runs before
 * anything is written.
 * Permission: `messages.submit_public` (public).
 * @param input the trimmed values (`organizationId` NaN when the form's value was not a number)
 * @returns the tracking code and the dates
 * @throws GongkaiError `VALIDATION_FAILED` (field issues of `messageInputIssues`), `ORGANIZATION_UNKNOWN`,
 *   `CALENDAR_YEAR_MISSING`
 */
export async function submitPublicMessage(ctx: ServiceContext, actor: Actor, input: MessageInput, options: { synthetic?: boolean } = {}): Promise<SubmittedMessage> {
  authorize(actor, 'messages.submit_public');
  const issues: ErrorIssue[] = messageInputIssues(input);
  const org = Number.isInteger(input.organizationId) && input.organizationId > 0 ? await findMessageOrganization(ctx.store.db, input.organizationId) : undefined;
  if (!org) issues.unshift({ field: 'organizationId', message: 'choose an existing organization', messageZh: '请选择留言的机关' });
  if (issues.length > 0 || !org) throw validationFailed(issues);
  const receivedOn = today(ctx.clock);
  const dueOn = messageDueOn(await loadCalendar(ctx), receivedOn, replyDaysOf(ctx, org), ctx.config.countReceiptDay);
  const key = await personalDataKey(ctx.config);
  return ctx.store.db.transaction().execute(async (trx) => {
    let code = newMessageTrackingCode();
    while (await messageTrackingCodeExists(trx, code)) code = newMessageTrackingCode();
    const at = nowIso(ctx.clock);
    const created = await insertMessage(trx, {
      organizationId: org.id,
      trackingCode: code,
      subject: input.subject.trim(),
      body: input.body.trim(),
      writerName: input.writerName.trim(),
      writerContact: sealField(key, input.writerContact.trim()) ?? '',
      publishConsent: input.publishConsent,
      receivedAt: at,
      receivedOn,
      dueOn,
      synthetic: options.synthetic ?? false,
      now: at,
    });
    await recordAudit(trx, actor, ctx.clock, {
      action: 'message.submit',
      entityType: 'message',
      entityId: created.id,
      organizationId: org.id,
      after: { trackingCode: code, status: created.status, receivedOn, dueOn, publishConsent: input.publishConsent },
    });
    return { trackingCode: code, organizationName: org.name, receivedOn, dueOn };
  });
}

/**
 * One message for staff, with personal data masked unless the actor holds
 * `messages.read_personal` over its organization.
 * Permission: `messages.read` on the message's organization (others get `NOT_FOUND`).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function getMessage(ctx: ServiceContext, actor: Actor, id: number): Promise<MessageView> {
  authorize(actor, 'messages.read');
  const found = await visibleOrThrow(ctx.store.db, actor, id);
  return present(await personalDataKey(ctx.config), found, can(actor, 'messages.read_personal', { organizationPath: found.organization.path }), today(ctx.clock));
}

/** What the staff queue lists. */
export interface MessageQuery {
  /** Only this organization's subtree (within the caller's). */
  organizationId?: number;
  status?: MessageStatus;
  /** Only unanswered messages past their due date (today by the clock). */
  overdue?: boolean;
}

/**
 * The staff queue: messages of the caller's subtrees (or of one organization's subtree), earliest
 * due first, at most 500, masked as in {@link getMessage}.
 * Permission: `messages.read` (on the organization, when given).
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`
 */
export async function listMessages(ctx: ServiceContext, actor: Actor, query: MessageQuery = {}): Promise<MessageView[]> {
  authorize(actor, 'messages.read');
  let rootPaths = grantedPaths(actor, 'messages.read');
  if (query.organizationId !== undefined) {
    const org = await organizationOrThrow(ctx.store.db, query.organizationId);
    authorize(actor, 'messages.read', { organizationPath: org.path });
    rootPaths = [org.path];
  }
  const day = today(ctx.clock);
  const rows = await listMessageQueue(ctx.store.db, { rootPaths, ...(query.status ? { status: query.status } : {}), ...(query.overdue ? { overdueBefore: day } : {}) });
  const key = await personalDataKey(ctx.config);
  return rows.map((found) => present(key, found, can(actor, 'messages.read_personal', { organizationPath: found.organization.path }), day));
}

/**
 * What the audit log keeps of a message: its state and the staff's work. The writer's name, contact,
 * subject and text stay out (the text often carries personal data); the published text is the one
 * staff cleaned.
 */
function forAudit(m: Message): Record<string, unknown> {
  return {
    trackingCode: m.trackingCode,
    status: m.status,
    dueOn: m.dueOn,
    assignedTo: m.assignedTo,
    repliedOn: m.repliedOn,
    repliedBy: m.repliedBy,
    // The texts may carry the writer's personal data: the log keeps their length, not their words.
    replyLength: m.reply?.length ?? null,
    publishedAt: m.publishedAt,
    publishedBy: m.publishedBy,
    publicSubjectLength: m.publicSubject?.length ?? null,
    publicBodyLength: m.publicBody?.length ?? null,
  };
}

/** Runs a staff action in one transaction: permission on the organization, the transition, the change, the audit event. */
async function act(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  permission: 'messages.handle' | 'messages.publish',
  action: MessageAction,
  change: (trx: Db, found: MessageWithOrganization) => Promise<MessageChange>,
): Promise<MessageView> {
  authorize(actor, permission);
  await ctx.store.db.transaction().execute(async (trx) => {
    const found = await visibleOrThrow(trx, actor, id);
    authorize(actor, permission, { organizationPath: found.organization.path });
    const before = found.message;
    const next = transitionMessage(before, action);
    const values = await change(trx, found);
    const after = await updateMessageRow(trx, id, before.status, next, values);
    if (!after) throw new GongkaiError('CONFLICT', `message ${id}`);
    await recordAudit(trx, actor, ctx.clock, { action: `message.${action}`, entityType: 'message', entityId: id, organizationId: found.organization.id, before: forAudit(before), after: forAudit(after) });
  });
  return getMessage(ctx, actor, id);
}

/**
 * Assigns a message to a user who handles messages for its organization (a `messages.handle` role
 * on it or above it). A message may be reassigned until it is answered.
 * Permission: `messages.handle` on the message's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `ILLEGAL_TRANSITION` (answered),
 *   `VALIDATION_FAILED` (`userId` is not such a user), `CONFLICT`
 */
export async function assignMessage(ctx: ServiceContext, actor: Actor, id: number, userId: number): Promise<MessageView> {
  return act(ctx, actor, id, 'messages.handle', 'assign', async (trx, found) => {
    const users = await listAssignableUsers(trx, found.organization.path, ACTIONS['messages.handle'].roles);
    if (!users.some((u) => u.id === userId)) {
      throw validationFailed([{ field: 'userId', message: `user ${userId} does not handle messages of ${found.organization.name}`, messageZh: '所选人员不负责该机关的留言办理' }]);
    }
    return { kind: 'assign', assignedTo: userId, at: nowIso(ctx.clock) };
  });
}

/**
 * Records the reply (dated today, China time). The reply is final.
 * Permission: `messages.handle` on the message's organization.
 * @param text the reply, 1–5000 characters
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED` (`reply`),
 *   `ILLEGAL_TRANSITION` (already answered), `CONFLICT`
 */
export async function replyToMessage(ctx: ServiceContext, actor: Actor, id: number, text: string): Promise<MessageView> {
  // Who may answer no message anywhere learns nothing about the input (the organization is checked in `act`).
  authorize(actor, 'messages.handle');
  checkReplyText(text);
  return act(ctx, actor, id, 'messages.handle', 'reply', () => Promise.resolve({ kind: 'reply', reply: text.trim(), repliedOn: today(ctx.clock), repliedBy: actorUserId(actor), at: nowIso(ctx.clock) }));
}

/** The published text staff may edit (personal data removed); empty = the original. */
export interface PublishInput {
  publicSubject?: string | undefined;
  publicBody?: string | undefined;
}

/**
 * Publishes a replied exchange on the portal, with the subject and body as edited by staff.
 * Permission: `messages.publish` on the message's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, `PUBLISH_CONSENT_MISSING`
 *   (the writer did not agree), `ILLEGAL_TRANSITION` (not replied, or already published),
 *   `VALIDATION_FAILED` (public text too long), `CONFLICT`
 */
export async function publishMessage(ctx: ServiceContext, actor: Actor, id: number, input: PublishInput = {}): Promise<MessageView> {
  return act(ctx, actor, id, 'messages.publish', 'publish', (_trx, found) => {
    const text = publicText(found.message, input);
    return Promise.resolve({ kind: 'publish', ...text, publishedBy: actorUserId(actor), at: nowIso(ctx.clock) });
  });
}

/**
 * Sets an organization's reply period for messages received from now on (messages already received
 * keep their deadline).
 * Permission: `messages.configure` on the organization.
 * @param days working days 1–60, or null for the installation's default
 * @returns the organization after the change
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED` (`replyDays`)
 */
export async function setMessageReplyDays(ctx: ServiceContext, actor: Actor, organizationId: number, days: number | null): Promise<MessageOrganization> {
  authorize(actor, 'messages.configure');
  if (days !== null) checkReplyDays(days);
  return ctx.store.db.transaction().execute(async (trx) => {
    const org = await organizationOrThrow(trx, organizationId);
    authorize(actor, 'messages.configure', { organizationPath: org.path });
    await updateOrganizationReplyDays(trx, org.id, days, nowIso(ctx.clock));
    await recordAudit(trx, actor, ctx.clock, {
      action: 'message.settings',
      entityType: 'organization',
      entityId: org.id,
      organizationId: org.id,
      before: { messageReplyDays: org.messageReplyDays },
      after: { messageReplyDays: days },
    });
    return { ...org, messageReplyDays: days };
  });
}

/** The statistics of an organization (or its subtree) for a period. */
export interface MessageStatisticsReport {
  organization: MessageOrganization;
  from: string;
  to: string;
  /** True when the figures sum the organization's whole subtree. */
  subtree: boolean;
  statistics: MessageStatistics;
}

function checkPeriod(from: string, to: string): void {
  const issues: ErrorIssue[] = [];
  if (!isIsoDate(from)) issues.push({ field: 'from', message: 'not a date (YYYY-MM-DD)', messageZh: '起始日期格式应为 YYYY-MM-DD' });
  if (!isIsoDate(to)) issues.push({ field: 'to', message: 'not a date (YYYY-MM-DD)', messageZh: '截止日期格式应为 YYYY-MM-DD' });
  if (issues.length === 0 && to < from) issues.push({ field: 'to', message: 'before from', messageZh: '截止日期不能早于起始日期' });
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * Reply rate and times of an organization's mailbox (or of its whole subtree) for messages
 * received in `[from, to]` (src/messages/message-statistics.ts).
 * Permission: `messages.read` on the organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `VALIDATION_FAILED`
 *   (dates), `CALENDAR_YEAR_MISSING`
 */
export async function messageStatisticsFor(ctx: ServiceContext, actor: Actor, q: { organizationId: number; from: string; to: string; subtree?: boolean }): Promise<MessageStatisticsReport> {
  authorize(actor, 'messages.read');
  checkPeriod(q.from, q.to);
  const organization = await organizationOrThrow(ctx.store.db, q.organizationId);
  authorize(actor, 'messages.read', { organizationPath: organization.path });
  const subtree = q.subtree ?? false;
  const records = await selectMessageFigureRecords(ctx.store.db, subtree ? { rootPath: organization.path } : { organizationIds: [organization.id] }, q.from, q.to);
  const statistics = messageStatistics({ messages: records, from: q.from, to: q.to, today: today(ctx.clock) }, await loadCalendar(ctx));
  return { organization, from: q.from, to: q.to, subtree, statistics };
}

/**
 * Organizations where the caller may perform `action` (for the console's choices), or every
 * organization for the public form.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`
 */
export async function messageOrganizations(ctx: ServiceContext, actor: Actor, action: 'messages.submit_public' | 'messages.read' | 'messages.configure'): Promise<MessageOrganization[]> {
  authorize(actor, action);
  return listMessageOrganizations(ctx.store.db, grantedPaths(actor, action));
}

/**
 * The users a message may be assigned to: active users with a `messages.handle` role over its organization.
 * Permission: `messages.read` on the message's organization.
 * @throws GongkaiError `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`
 */
export async function assignableUsers(ctx: ServiceContext, actor: Actor, id: number): Promise<AssignableUser[]> {
  authorize(actor, 'messages.read');
  const found = await visibleOrThrow(ctx.store.db, actor, id);
  return listAssignableUsers(ctx.store.db, found.organization.path, ACTIONS['messages.handle'].roles);
}
