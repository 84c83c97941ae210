/**
 * The requests API (/api/requests…): register a request, record its events, read a case with its
 * deadline and how it was computed, and the staff queue. Thin: zod parses the transport shape, the
 * service validates the domain and checks permissions. Staff authenticate with a bearer token.
 */
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { contentDisposition, readFileUpload } from '../http/uploads.ts';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { ANSWER_DETAILS } from './request-outcome.ts';
import { getCase, listQueue, recordEvent, registerRequest } from './request.service.ts';
import type { CaseView } from './request.service.ts';
import { addRequestAttachment, getRequestAttachment } from './request-attachment.service.ts';
import { recordIdSchema } from '../shared/record-id.ts';


const TAGS = ['requests'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema };

const explanationStepSchema = z.object({ on: z.string(), textZh: z.string(), textEn: z.string(), source: z.string() });

/** The deadline block of a case: dates, what was excluded, every notable day, and the explanation. */
const clockSchema = z.object({
  regulation: z.string().describe('regulations2008 | regulations2019: the text in force on the date of receipt'),
  clockStartsAfter: z.string().nullable(),
  replyDue: z.string().nullable().describe('the deadline without extension; null while a clarification is awaited'),
  finalDue: z.string().nullable().describe('the deadline with the approved extension'),
  provisional: z.boolean().describe('true when an open consultation or fee notice is assumed to run its full length'),
  calendarGap: z.object({ message: z.string(), messageZh: z.string() }).nullable().describe('set when the deadline runs into a year the working-day calendar lacks (no deadline is guessed)'),
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
  answeredOnTime: z.enum(['on-time', 'extended', 'late']).nullable(),
  excluded: z.array(z.object({ from: z.string(), to: z.string(), reasonZh: z.string(), workingDays: z.number(), provisional: z.boolean() })),
  notableDays: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday', 'excluded']) })),
  explanation: z.array(explanationStepSchema),
  allowedNext: z.array(z.string()),
});

const attachmentSchema = z.object({ id: z.number(), kind: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number(), sha256: z.string(), createdAt: z.string() });

const caseSchema = z.object({
  id: z.number(),
  trackingCode: z.string(),
  organization: z.object({ id: z.number(), name: z.string() }),
  requester: z.object({
    type: z.string(),
    name: z.string(),
    idKind: z.string().nullable(),
    idNumber: z.string().nullable(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    masked: z.boolean(),
  }),
  channel: z.string(),
  submittedOn: z.string(),
  receivedOn: z.string(),
  informationRequested: z.string(),
  purpose: z.string().nullable(),
  deliveryForm: z.string(),
  deliveryMethod: z.string(),
  status: z.string(),
  waitingOn: z.string().nullable(),
  outcome: z.string().nullable().describe('a row id of table 三 (2021 format)'),
  outcomeOn: z.string().nullable(),
  legalBasis: z.string().nullable(),
  answerDetail: z.enum(ANSWER_DETAILS).nullable().describe('already-public (予以公开 of proactively disclosed information, 2019 art. 36 (一)) or other-agency (本机关不掌握: another agency discloses it, art. 36 (五)); counted apart in the 2014 table only'),
  responsibleAgency: z.string().nullable().describe('with other-agency: the agency named in the reply'),
  clock: clockSchema,
  events: z.array(z.object({ seq: z.number(), kind: z.string(), on: z.string(), data: z.record(z.string(), z.unknown()), note: z.string().nullable(), recordedBy: z.string().nullable(), recordedAt: z.string() })),
  attachments: z.array(attachmentSchema),
});

/** Maps a case view to its API shape. */
export function caseToApi(view: CaseView): z.infer<typeof caseSchema> {
  const c = view.clock;
  return {
    id: view.id,
    trackingCode: view.trackingCode,
    organization: view.organization,
    requester: view.requester,
    channel: view.channel,
    submittedOn: view.submittedOn,
    receivedOn: view.receivedOn,
    informationRequested: view.informationRequested,
    purpose: view.purpose,
    deliveryForm: view.deliveryForm,
    deliveryMethod: view.deliveryMethod,
    status: view.status,
    waitingOn: view.waitingOn,
    outcome: view.outcome,
    outcomeOn: c.outcomeOn,
    legalBasis: c.legalBasis,
    answerDetail: c.answerDetail,
    responsibleAgency: c.responsibleAgency,
    clock: {
      regulation: c.ruleSet.id,
      clockStartsAfter: c.deadline?.clockStartsAfter ?? null,
      replyDue: c.deadline?.replyDue ?? null,
      finalDue: c.deadline?.finalDue ?? null,
      provisional: c.provisional,
      calendarGap: c.calendarGap,
      workingDaysLeft: view.timeliness.workingDaysLeft,
      overdue: view.timeliness.overdue,
      answeredOnTime: view.timeliness.answeredOnTime,
      excluded: c.excluded,
      notableDays: c.deadline?.notableDays ?? [],
      explanation: c.explanation,
      allowedNext: c.allowedNext,
    },
    events: view.events.map((e) => {
      const { seq, kind, on, ...data } = e.event;
      return { seq, kind, on, data, note: e.note, recordedBy: e.recordedBy, recordedAt: e.recordedAt };
    }),
    attachments: view.attachments.map((a) => ({ id: a.id, kind: a.kind, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt })),
  };
}

const queueQuerySchema = z.object({
  organizationId: recordIdSchema.optional(),
  filter: z.enum(['open', 'due-soon', 'overdue', 'waiting-requester', 'waiting-third-party', 'answered', 'closed', 'all']).default('open'),
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const queueSchema = z.object({
  total: z.number(),
  today: z.string(),
  dueSoonUntil: z.string(),
  counts: z.record(z.string(), z.number()),
  cases: z.array(
    z.object({
      id: z.number(),
      trackingCode: z.string(),
      organizationName: z.string(),
      requesterType: z.string(),
      requesterName: z.string().describe('masked for natural persons'),
      channel: z.string(),
      receivedOn: z.string(),
      status: z.string(),
      waitingOn: z.string().nullable(),
      outcome: z.string().nullable(),
      finalDue: z.string().nullable(),
    }),
  ),
});

/** Registers the requests API. */
export function requestApiRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/requests',
    { schema: { tags: TAGS, summary: 'The queue of requests of your organizations (or one subtree), ordered by deadline', security: BEARER, querystring: queueQuerySchema, response: { 200: queueSchema, ...errors } } },
    async (request) => {
      const q = request.query;
      const page = await listQueue(ctx, request.actor, { filter: q.filter, page: q.page, pageSize: q.pageSize, ...(q.organizationId !== undefined ? { organizationId: q.organizationId } : {}) });
      return {
        total: page.total,
        today: page.today,
        dueSoonUntil: page.dueSoonUntil,
        counts: page.counts,
        cases: page.rows.map((r) => ({
          id: r.id,
          trackingCode: r.trackingCode,
          organizationName: r.organizationName,
          requesterType: r.requesterType,
          requesterName: r.requesterName,
          channel: r.channel,
          receivedOn: r.receivedOn,
          status: r.status,
          waitingOn: r.waitingOn,
          outcome: r.outcome,
          finalDue: r.finalDue,
        })),
      };
    },
  );

  app.post(
    '/api/requests',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a request received by any channel; the date of receipt follows the channel (2019 art. 31)',
        security: BEARER,
        body: z.record(z.string(), z.unknown()).describe('organizationId, requesterType, requesterName, channel, submittedOn, signedOn?, confirmedOn?, informationRequested, deliveryForm, deliveryMethod, …'),
        response: { 201: caseSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(caseToApi(await registerRequest(ctx, request.actor, request.body))),
  );

  app.get(
    '/api/requests/:id',
    { schema: { tags: TAGS, summary: 'One case: record, status, outcome, deadline with how it was computed, and its event log', security: BEARER, params: idParamsSchema, response: { 200: caseSchema, ...errors } } },
    async (request) => caseToApi(await getCase(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/requests/:id/events',
    {
      schema: {
        tags: TAGS,
        summary: 'Record an event (clarification, consultation, extension, fee, answer, delivery, withdrawal, closing); refused with the reason when not allowed',
        security: BEARER,
        params: idParamsSchema,
        body: z.record(z.string(), z.unknown()).describe('{ kind, on: YYYY-MM-DD, …fields of the kind, note? }; an answer: { outcome, legalBasis?, reasons?, answerDetail?: already-public (with disclosed; reasons then say how to obtain it) | other-agency (with unable-not-held), responsibleAgency? (with other-agency) }'),
        response: { 201: caseSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(caseToApi(await recordEvent(ctx, request.actor, request.params.id, request.body))),
  );

  app.post(
    '/api/requests/:id/attachments',
    {
      schema: {
        tags: TAGS,
        summary: 'Keep a file with the request (multipart: `file`, and `kind`: request | identity | delivery-receipt | reply | other)',
        security: BEARER,
        params: idParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...errors, 413: apiErrorSchema, 415: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const { upload, fields } = await readFileUpload(request);
      const a = await addRequestAttachment(ctx, request.actor, request.params.id, upload, fields['kind'] ?? '');
      return reply.code(201).send({ id: a.id, kind: a.kind, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt });
    },
  );

  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    { schema: { tags: TAGS, summary: 'Download a file kept with the request', security: BEARER, params: z.object({ id: recordIdSchema, attachmentId: recordIdSchema }) } },
    async (request, reply) => {
      const { attachment, filePath } = await getRequestAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
      return reply
        .type(attachment.mediaType)
        .header('Content-Disposition', contentDisposition(attachment.fileName))
        .header('Cache-Control', 'private, no-store')
        .send(createReadStream(filePath));
    },
  );
  return Promise.resolve();
}
