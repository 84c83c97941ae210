/**
 * Requests for disclosure: registering a case (staff, any channel; the public, online), recording its
 * events, reading it with its clock and explanation, the staff queue and public tracking. Every method
 * checks permission first (src/auth/policy.ts); every change appends to the case's event log, rewrites
 * the case's projection from the folded log and writes an audit event, all in one transaction.
 */
import { randomInt } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize, can, grantedPaths } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { CalendarYearInput } from '../calendar/calendar-year.ts';
import { loadCalendar, setCalendarYear } from '../calendar/calendar.service.ts';
import type { CalendarYearDetail } from '../calendar/calendar.service.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { Db } from '../db/database.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { nowIso, today } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendEvent, foldCase, replayCase, timeliness } from './case-clock.ts';
import type { CaseClock, ClockOptions, Timeliness } from './case-clock.ts';
import { computeFee, MAX_FEE_UNITS } from './fee-schedule.ts';
import { openField, personalDataKey, sealField } from './personal-data-cipher.ts';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone, requesterKey } from './personal-data.ts';
import { dateOfReceipt } from './receipt-date.ts';
import type { CaseStatus, IdKind, RequesterType } from './request-case.ts';
import type { LoggedEvent, RequestEvent } from './request-event.ts';
import { REQUEST_EVENT_NAMES_ZH } from './request-event.ts';
import { outcomeById } from './request-outcome.ts';
import { listRequestAttachments } from './request-attachment.service.ts';
import type { RequestAttachment } from './request-attachment.service.ts';
import {
  countQueues,
  countRequesterMonth,
  findCaseById,
  findCaseByTrackingCode,
  insertCase,
  insertEvent,
  selectEvents,
  selectEventsOfCases,
  selectCaseIdsReceivedSince,
  selectQueue,
  trackingCodeExists,
  writeProjection,
} from './request.repository.ts';
import type { QueueFilter, QueueRow, RequestCaseRecord, StoredEvent } from './request.repository.ts';
import { eventSchema, newCaseSchema, parseOrThrow } from './request.schema.ts';
import type { EventInput, NewCaseInput } from './request.schema.ts';

/** The requester as shown: whole to staff allowed to see personal data, masked to everyone else. */
export interface RequesterView {
  type: RequesterType;
  name: string;
  idKind: IdKind | null;
  idNumber: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  /** True when the fields above are masked. */
  masked: boolean;
}

/** A case as staff see it: record, clock with explanation, timeliness today, and the log. */
export interface CaseView
  extends Pick<RequestCaseRecord, 'id' | 'trackingCode' | 'channel' | 'submittedOn' | 'receivedOn' | 'informationRequested' | 'purpose' | 'deliveryForm' | 'deliveryMethod' | 'status' | 'waitingOn' | 'outcome'> {
  organization: { id: number; name: string };
  requester: RequesterView;
  clock: CaseClock;
  timeliness: Timeliness;
  events: StoredEvent[];
  /** Files kept with the case (request letter, identity, delivery receipts). */
  attachments: RequestAttachment[];
}

/** A case as its requester sees it by tracking code: no personal data, no internal notes. */
export interface PublicCaseView {
  trackingCode: string;
  organizationName: string;
  receivedOn: string;
  informationRequested: string;
  status: CaseStatus;
  outcome: string | null;
  outcomeOn: string | null;
  replyDue: string | null;
  finalDue: string | null;
  clock: CaseClock;
  timeline: { on: string; kind: string; nameZh: string }[];
}

/**
 * Adds or corrects a calendar year (src/calendar/calendar.service.ts) and, in the same transaction,
 * rebuilds the stored deadlines of the cases it can affect. The calendar's routes and CLI call this.
 * @throws as `setCalendarYear`
 */
export function setCalendarYearAndRebuildCases(ctx: ServiceContext, actor: Actor, input: CalendarYearInput): Promise<CalendarYearDetail> {
  return setCalendarYear(ctx, actor, input, {
    afterChange: async (trx, calendar) => {
      await rebuildCaseClocks(trx, calendar, clockOptions(ctx), input.year, nowIso(ctx.clock));
    },
  });
}

/** The clock options from the configuration (the UNVERIFIED fee rule). */
export function clockOptions(ctx: ServiceContext): ClockOptions {
  return { feePausesClock: ctx.config.feePausesClock, countReceiptDay: ctx.config.countReceiptDay };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A tracking code `XXXX-XXXX-XXXX` from 32 unambiguous characters (60 bits: not guessable). */
function newTrackingCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? 'A');
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Normalizes a tracking code as typed (case, spaces, missing dashes). */
export function normalizeTrackingCode(raw: string): string {
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : s;
}

function requesterView(record: RequestCaseRecord, unmasked: boolean): RequesterView {
  const natural = record.requesterType === 'natural';
  return {
    type: record.requesterType,
    name: unmasked ? record.requesterName : maskName(record.requesterName, natural),
    idKind: record.requesterIdKind,
    idNumber: unmasked ? record.requesterIdNumber : maskIdNumber(record.requesterIdNumber),
    contactName: unmasked || !record.contactName ? record.contactName : maskName(record.contactName, true),
    phone: unmasked ? record.phone : maskPhone(record.phone),
    email: unmasked ? record.email : maskEmail(record.email),
    address: unmasked ? record.address : maskAddress(record.address),
    postcode: record.postcode,
    masked: !unmasked,
  };
}

/** The record with its sealed personal data opened (src/requests/personal-data-cipher.ts). */
function openRecord(key: Buffer, record: RequestCaseRecord): RequestCaseRecord {
  return { ...record, requesterIdNumber: openField(key, record.requesterIdNumber), phone: openField(key, record.phone), email: openField(key, record.email), address: openField(key, record.address) };
}

/** A case the actor may read; one outside the actor's subtrees looks absent, so ids cannot be probed. */
async function visibleCaseOrThrow(db: Db, actor: Actor, id: number): Promise<RequestCaseRecord> {
  const record = await findCaseById(db, id);
  if (!record || !can(actor, 'requests.read', { organizationPath: record.organizationPath })) throw new GongkaiError('NOT_FOUND', `request ${id}`);
  return record;
}

async function caseOrThrow(db: Db, id: number): Promise<RequestCaseRecord> {
  const record = await findCaseById(db, id);
  if (!record) throw new GongkaiError('NOT_FOUND', `request ${id}`);
  return record;
}

function receivedOnOrThrow(input: NewCaseInput): string {
  const result = dateOfReceipt(input.channel, { submittedOn: input.submittedOn, ...(input.signedOn ? { signedOn: input.signedOn } : {}), ...(input.confirmedOn ? { confirmedOn: input.confirmedOn } : {}) });
  if ('missing' in result) {
    const zh = result.missing === 'signedOn' ? '签收日期' : '确认日期';
    throw new GongkaiError('VALIDATION_FAILED', `${result.missing}: required for this channel (${result.rule.source})`, {
      issues: [{ field: result.missing, message: `${result.rule.ruleEn}: ${result.missing} is required`, messageZh: `${result.rule.ruleZh}，请填写${zh}` }],
    });
  }
  return result.receivedOn;
}

function dateIssue(field: string, en: string, zh: string): GongkaiError {
  return new GongkaiError('VALIDATION_FAILED', `${field}: ${en}`, { issues: [{ field, message: en, messageZh: zh }] });
}

/** Writes a new case, its `received` event and the audit event. @returns the new id, tracking code, date of receipt and clock */
async function writeNewCase(ctx: ServiceContext, actor: Actor, input: NewCaseInput, calendar: WorkingDayCalendar, synthetic: boolean): Promise<{ id: number; trackingCode: string; receivedOn: string; clock: CaseClock }> {
  const receivedOn = receivedOnOrThrow(input);
  const now = today(ctx.clock);
  if (input.submittedOn > now) throw dateIssue('submittedOn', 'in the future', '提交日期不能晚于今天');
  if (receivedOn > now) throw dateIssue('receivedOn', 'in the future', '收到申请日期不能晚于今天');
  if (receivedOn < input.submittedOn) throw dateIssue('receivedOn', 'before the submission', '收到申请日期不能早于提交日期');
  const received: LoggedEvent = { kind: 'received', on: receivedOn, channel: input.channel, seq: 1 };
  const key = await personalDataKey(ctx.config);
  const clock = foldCase(calendar, [received], clockOptions(ctx));
  return ctx.store.db.transaction().execute(async (trx) => {
    const org = await findOrganizationById(trx, input.organizationId);
    if (!org) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(input.organizationId));
    authorize(actor, actor.kind === 'public' ? 'requests.submit_public' : 'requests.register', { organizationPath: org.path });
    let code = newTrackingCode();
    while (await trackingCodeExists(trx, code)) code = newTrackingCode();
    const at = nowIso(ctx.clock);
    const id = await insertCase(
      trx,
      {
        organizationId: org.id,
        trackingCode: code,
        requesterType: input.requesterType,
        requesterName: input.requesterName,
        requesterIdKind: input.requesterIdKind ?? null,
        requesterIdNumber: sealField(key, input.requesterIdNumber ?? null),
        requesterKey: requesterKey(input.requesterIdNumber ?? null, input.requesterName, input.phone ?? null, input.email ?? null),
        contactName: input.contactName ?? null,
        phone: sealField(key, input.phone ?? null),
        email: sealField(key, input.email ?? null),
        address: sealField(key, input.address ?? null),
        postcode: input.postcode ?? null,
        channel: input.channel,
        submittedOn: input.submittedOn,
        receivedOn,
        informationRequested: input.informationRequested,
        purpose: input.purpose ?? null,
        deliveryForm: input.deliveryForm,
        deliveryMethod: input.deliveryMethod,
        synthetic,
        createdBy: actorUserId(actor),
        now: at,
      },
      clock,
    );
    await insertEvent(trx, id, 1, { kind: 'received', on: receivedOn, channel: input.channel }, null, actorUserId(actor), at);
    // Personal data stays out of the audit log: the case row is the one place it is kept.
    await recordAudit(trx, actor, ctx.clock, {
      action: 'request.register',
      entityType: 'request_case',
      entityId: id,
      organizationId: org.id,
      after: { trackingCode: code, channel: input.channel, receivedOn, requesterType: input.requesterType, replyDue: clock.deadline?.replyDue ?? null },
    });
    return { id, trackingCode: code, receivedOn, clock };
  });
}

/**
 * Registers a request received by any channel (staff). The date of receipt follows the channel
 * (2019 art. 31): in person the submission date, registered post the date signed for, ordinary post /
 * fax / online the date confirmed with the requester.
 * @param raw the untrusted input (see `newCaseSchema`)
 * @returns the new case
 * @throws GongkaiError `VALIDATION_FAILED`, `ORGANIZATION_UNKNOWN`, `FORBIDDEN`, `CALENDAR_YEAR_MISSING`
 */
export async function registerRequest(ctx: ServiceContext, actor: Actor, raw: unknown, options: { synthetic?: boolean } = {}): Promise<CaseView> {
  authorize(actor, 'requests.register');
  const input = parseOrThrow(newCaseSchema, raw);
  const calendar = await loadCalendar(ctx);
  const { id } = await writeNewCase(ctx, actor, input, calendar, options.synthetic ?? false);
  return getCase(ctx, actor, id);
}

/**
 * Files a request from the public portal's online form. Channel `online`; the system confirms receipt
 * at once by giving the tracking code, so the date of receipt is today (2019 art. 31 (三): 双方确认之日).
 * @returns the tracking code and the deadline as computed now
 * @throws GongkaiError `VALIDATION_FAILED`, `ORGANIZATION_UNKNOWN`
 */
export async function submitPublicRequest(ctx: ServiceContext, raw: unknown): Promise<{ trackingCode: string; receivedOn: string; replyDue: string | null }> {
  const actor: Actor = { kind: 'public' };
  authorize(actor, 'requests.submit_public');
  const body = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const now = today(ctx.clock);
  const input = parseOrThrow(newCaseSchema, { ...body, channel: 'online', submittedOn: now, confirmedOn: now, signedOn: undefined });
  const calendar = await loadCalendar(ctx);
  // The clock written with the case is the one its log folds to: no need to read either back.
  const { trackingCode, receivedOn, clock } = await writeNewCase(ctx, actor, input, calendar, false);
  return { trackingCode, receivedOn, replyDue: clock.deadline?.replyDue ?? null };
}

/**
 * A case with its clock, explanation, today's timeliness and log. Personal data is masked unless the
 * actor holds `requests.read_personal` over the case's organization.
 * @throws GongkaiError `NOT_FOUND`, `FORBIDDEN`, `CALENDAR_YEAR_MISSING`
 */
export async function getCase(ctx: ServiceContext, actor: Actor, id: number): Promise<CaseView> {
  authorize(actor, 'requests.read');
  const record = openRecord(await personalDataKey(ctx.config), await visibleCaseOrThrow(ctx.store.db, actor, id));
  const events = await selectEvents(ctx.store.db, id);
  const calendar = await loadCalendar(ctx);
  const clock = replayCase(calendar, events.map((e) => e.event), clockOptions(ctx));
  return {
    id: record.id,
    trackingCode: record.trackingCode,
    organization: { id: record.organizationId, name: record.organizationName },
    requester: requesterView(record, can(actor, 'requests.read_personal', { organizationPath: record.organizationPath })),
    channel: record.channel,
    submittedOn: record.submittedOn,
    receivedOn: record.receivedOn,
    informationRequested: record.informationRequested,
    purpose: record.purpose,
    deliveryForm: record.deliveryForm,
    deliveryMethod: record.deliveryMethod,
    status: clock.status,
    waitingOn: clock.waitingOn,
    outcome: clock.outcome,
    clock,
    timeliness: timeliness(calendar, clock, today(ctx.clock)),
    events,
    attachments: await listRequestAttachments(ctx.store.db, id),
  };
}

/** Fills in what an event input may leave out: a fee computed from the tiers, an answer's legal basis from its outcome. */
async function completeEvent(db: Db, record: RequestCaseRecord, clock: CaseClock, input: EventInput): Promise<RequestEvent> {
  if (input.kind === 'fee-notice-sent') {
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_FEE_UNITS) {
      throw dateIssue('quantity', `a whole number 1–${MAX_FEE_UNITS}`, `件数或页数应为 1–${MAX_FEE_UNITS} 的整数`);
    }
    const month = record.receivedOn.slice(0, 7);
    const already = input.method === 'per-request' ? await countRequesterMonth(db, record.organizationId, record.requesterKey, `${month}-01`, `${month}-31`, record.id) : 0;
    const fee = computeFee(input.method === 'per-request' ? { method: 'per-request', alreadyThisMonth: already, pieces: input.quantity } : { method: 'per-page', pages: input.quantity });
    if (fee.amountYuan === 0) {
      throw new GongkaiError('ILLEGAL_TRANSITION', 'no fee is due: the request is within the free tier', { issues: [{ field: 'quantity', message: 'within the free tier (国办函〔2020〕109号 art. 4–5)', messageZh: '未超出免费范围，不应收费（国办函〔2020〕109号）' }] });
    }
    // The amount is the schedule's (国办函〔2020〕109号): one typed in is only a cross-check.
    if (input.amountYuan !== undefined && input.amountYuan !== fee.amountYuan) {
      throw dateIssue('amountYuan', `the schedule gives ${fee.amountYuan} yuan for this request`, `按收费标准，本申请应收 ${fee.amountYuan} 元，与填写的金额不一致`);
    }
    return { ...input, amountYuan: fee.amountYuan, ...(input.method === 'per-request' ? { alreadyThisMonth: already } : {}) };
  }
  if (input.kind === 'answered') {
    const outcome = outcomeById(input.outcome);
    const article = outcome ? (clock.ruleSet.id === 'regulations2008' ? outcome.legalBasis2008 : outcome.legalBasis2019) : '';
    // An outcome without an article of its own (其他) needs the basis written out.
    const basis = input.legalBasis ?? (article ? `《中华人民共和国政府信息公开条例》${article}` : '');
    return {
      kind: 'answered',
      on: input.on,
      outcome: input.outcome,
      legalBasis: basis,
      ...(input.reasons ? { reasons: input.reasons } : {}),
      ...(input.answerDetail ? { answerDetail: input.answerDetail } : {}),
      ...(input.responsibleAgency ? { responsibleAgency: input.responsibleAgency } : {}),
    };
  }
  if (input.kind === 'withdrawn') return { kind: 'withdrawn', on: input.on, ...(input.reason ? { reason: input.reason } : {}) };
  return input;
}

function parseEvent(raw: unknown): EventInput {
  const body = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (body['kind'] === 'received') throw new GongkaiError('ILLEGAL_TRANSITION', 'a case is received once, when it is registered', { issues: [{ field: 'kind', message: 'received is recorded at registration', messageZh: '收到申请在登记时记录' }] });
  return parseOrThrow(eventSchema, raw);
}

/**
 * Records an event of a case. The event is checked against the log (src/requests/case-clock.ts); an
 * extension needs the OGI office head's approval role (2019 art. 33 ¶2); dates may not be in the future.
 * @param raw `{ kind, on, … }` (see `eventSchema`), with an optional `note`
 * @returns the case after the event
 * @throws GongkaiError `VALIDATION_FAILED`, `ILLEGAL_TRANSITION` (with the reason), `NOT_FOUND`, `FORBIDDEN`, `CONFLICT` (a concurrent event), `CALENDAR_YEAR_MISSING`
 */
export async function recordEvent(ctx: ServiceContext, actor: Actor, caseId: number, raw: unknown): Promise<CaseView> {
  authorize(actor, 'requests.handle');
  await visibleCaseOrThrow(ctx.store.db, actor, caseId);
  const input = parseEvent(raw);
  const note = raw !== null && typeof raw === 'object' && typeof (raw as Record<string, unknown>)['note'] === 'string' ? ((raw as Record<string, unknown>)['note'] as string).trim().slice(0, 2000) || null : null;
  if (input.on > today(ctx.clock)) throw dateIssue('on', 'in the future', '日期不能晚于今天');
  if ('noticeOn' in input && input.noticeOn > today(ctx.clock)) throw dateIssue('noticeOn', 'in the future', '告知日期不能晚于今天');
  const calendar = await loadCalendar(ctx);
  const options = clockOptions(ctx);
  await ctx.store.db.transaction().execute(async (trx) => {
    const record = await caseOrThrow(trx, caseId);
    authorize(actor, input.kind === 'extension-approved' ? 'requests.approve_extension' : 'requests.handle', { organizationPath: record.organizationPath });
    const stored = await selectEvents(trx, caseId);
    const log = stored.map((e) => e.event);
    const before = replayCase(calendar, log, options);
    const event = await completeEvent(trx, record, before, input);
    const after = appendEvent(calendar, log, event, options);
    const at = nowIso(ctx.clock);
    try {
      await insertEvent(trx, caseId, log.length + 1, event, note, actorUserId(actor), at);
    } catch (error) {
      throw new GongkaiError('CONFLICT', `request ${caseId}: another event was recorded at the same time`, { cause: error });
    }
    await writeProjection(trx, caseId, after, at);
    await recordAudit(trx, actor, ctx.clock, {
      action: `request.${event.kind}`,
      entityType: 'request_case',
      entityId: caseId,
      organizationId: record.organizationId,
      before: { status: before.status, finalDue: before.deadline?.finalDue ?? null },
      after: { event, status: after.status, outcome: after.outcome, finalDue: after.deadline?.finalDue ?? null },
      ...(note ? { note } : {}),
    });
  });
  return getCase(ctx, actor, caseId);
}

/**
 * What the requester sees by tracking code: status, deadline with its explanation, outcome. Unknown
 * codes and malformed ones look the same (`NOT_FOUND`), so codes cannot be probed.
 * @throws GongkaiError `NOT_FOUND`
 */
export async function trackRequest(ctx: ServiceContext, rawCode: string): Promise<PublicCaseView> {
  authorize({ kind: 'public' }, 'requests.track_public');
  const code = normalizeTrackingCode(rawCode);
  const record = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code) ? await findCaseByTrackingCode(ctx.store.db, code) : undefined;
  if (!record) throw new GongkaiError('NOT_FOUND', 'tracking code');
  const events = await selectEvents(ctx.store.db, record.id);
  const calendar = await loadCalendar(ctx);
  const clock = replayCase(calendar, events.map((e) => e.event), clockOptions(ctx));
  return {
    trackingCode: record.trackingCode,
    organizationName: record.organizationName,
    receivedOn: record.receivedOn,
    informationRequested: record.informationRequested,
    status: clock.status,
    outcome: clock.outcome,
    outcomeOn: clock.outcomeOn,
    replyDue: clock.deadline?.replyDue ?? null,
    finalDue: clock.deadline?.finalDue ?? null,
    clock,
    timeline: events.map((e) => ({ on: e.event.on, kind: e.event.kind, nameZh: REQUEST_EVENT_NAMES_ZH[e.event.kind] })),
  };
}

/** A page of a staff queue. */
export interface QueuePage {
  rows: (QueueRow & { requesterName: string })[];
  total: number;
  counts: Awaited<ReturnType<typeof countQueues>>;
  today: string;
  dueSoonUntil: string;
}

/**
 * The queue of cases for the actor's organizations (or one organization's subtree): open, due soon
 * (within the configured working days), overdue, waiting on the requester, waiting on a consulted
 * party, answered, closed. Names are masked in lists.
 * @param query `organizationId` narrows to a subtree the actor may read; `page` is 1-based, 50 rows a page
 * @throws GongkaiError `FORBIDDEN`, `ORGANIZATION_UNKNOWN`, `CALENDAR_YEAR_MISSING`
 */
export async function listQueue(ctx: ServiceContext, actor: Actor, query: { organizationId?: number; filter: QueueFilter; page?: number; pageSize?: number }): Promise<QueuePage> {
  authorize(actor, 'requests.read');
  let paths = grantedPaths(actor, 'requests.read') ?? [];
  if (query.organizationId !== undefined) {
    const org = await findOrganizationById(ctx.store.db, query.organizationId);
    if (!org) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(query.organizationId));
    authorize(actor, 'requests.read', { organizationPath: org.path });
    paths = [org.path];
  }
  const calendar = await loadCalendar(ctx);
  const now = today(ctx.clock);
  const dueSoonUntil = addWorkingDays(calendar, now, ctx.config.reminderWorkingDays);
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const [rows, counts] = await Promise.all([
    selectQueue(ctx.store.db, { paths, filter: query.filter, today: now, dueSoonUntil, limit: pageSize, offset: (page - 1) * pageSize }),
    countQueues(ctx.store.db, paths, now, dueSoonUntil),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, requesterName: maskName(r.requesterName, r.requesterType === 'natural') })),
    total: counts[query.filter],
    counts,
    today: now,
    dueSoonUntil,
  };
}

/**
 * Rebuilds the projection of every case a calendar year can affect (received since January 1 of the
 * year before) from its log with `calendar`: after a year is added or corrected, inside that change's
 * transaction, so no stored deadline disagrees with the calendar.
 * @param year the calendar year that changed
 * @returns how many cases were rewritten
 */
export async function rebuildCaseClocks(db: Db, calendar: WorkingDayCalendar, options: ClockOptions, year: number, now: string): Promise<number> {
  const ids = await selectCaseIdsReceivedSince(db, `${year - 1}-01-01`);
  const logs = await selectEventsOfCases(db, ids);
  for (const id of ids) {
    const log = logs.get(id);
    if (!log) continue;
    await writeProjection(db, id, replayCase(calendar, log, options), now);
  }
  return ids.length;
}
