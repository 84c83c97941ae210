/**
 * The API of the OGI work records: staffing and funding per organization and year
 * (`/api/work-records/staffing`), the year's figures (`/api/work-records/figures`), and CRUD of
 * reading points, meetings, training sessions and complaints (`/api/reading-points`,
 * `/api/ogi-meetings`, `/api/training-sessions`, `/api/ogi-complaints`). Thin: every route parses
 * its input and calls one service, where permissions are checked. Staff authenticate with
 * `Authorization: Bearer <session token>`.
 */
import { z } from 'zod';
import { apiErrorSchema, idParamsSchema } from '../auth/auth.schema.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { definedOnly } from '../organizations/organization.schema.ts';
import {
  deleteQuerySchema,
  figuresQuerySchema,
  figuresReportSchema,
  figuresReportToApi,
  putStaffingBodySchema,
  staffingQuerySchema,
  staffingReportSchema,
  staffingReportToApi,
  staffingSchema,
  staffingToApi,
  WORK_RECORD_PATHS,
  WORK_RECORD_SCHEMAS,
  workRecordListQuerySchema,
  workRecordToApi,
} from './work-record.schema.ts';
import { createWorkRecord, deleteWorkRecord, getStaffing, getWorkRecord, listWorkRecords, saveStaffing, updateWorkRecord, workRecordFiguresFor } from './work-record.service.ts';
import { WORK_RECORD_KINDS } from './work-record.ts';
import type { WorkRecordKind, WorkRecordOf, WorkRecordValuesByKind } from './work-record.ts';

const TAGS = ['work-records'];
const BEARER = [{ bearer: [] }];
const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema };

/** What each list is called in the API's summaries. */
const NOUNS: Readonly<Record<WorkRecordKind, string>> = {
  'reading-point': 'public reading points (2019 art. 25; 2014 table 八（二）)',
  meeting: 'OGI meetings (2014 table 九（一）)',
  'training-session': 'OGI training sessions (2014 table 九（二）（三）)',
  complaint: 'complaints about OGI work (2014 table 六)',
};

function registerKind<K extends WorkRecordKind>(app: GongkaiApp, ctx: AppContext, kind: K): void {
  const base = `/api/${WORK_RECORD_PATHS[kind]}`;
  const schemas = WORK_RECORD_SCHEMAS[kind];
  const noun = NOUNS[kind];
  // The schemas are built per kind at run time, so their static type is a loose object.
  const shown = (record: WorkRecordOf<K>, organizationName: string): Record<string, unknown> => ({ ...(workRecordToApi(kind, record, organizationName) as object) });

  app.get(
    base,
    { schema: { tags: TAGS, summary: `The ${noun} of one organization (not its subtree), newest first; of one year when given`, security: BEARER, querystring: workRecordListQuerySchema, response: { 200: schemas.list, ...errors } } },
    async (request) => {
      const { organization, records } = await listWorkRecords(ctx, request.actor, kind, request.query.organizationId, request.query.year);
      return { organizationId: organization.id, organizationName: organization.name, records: records.map((r) => shown(r, organization.name)) };
    },
  );

  app.post(
    base,
    { schema: { tags: TAGS, summary: `Record one of the ${noun}`, security: BEARER, body: schemas.create, response: { 201: schemas.record, ...errors } } },
    async (request, reply) => {
      const { organizationId, ...values } = request.body as { organizationId: number } & Record<string, unknown>;
      const created = await createWorkRecord(ctx, request.actor, kind, organizationId, definedOnly(values) as unknown as WorkRecordValuesByKind[K]);
      const { organization } = await getWorkRecord(ctx, request.actor, kind, created.id);
      return reply.code(201).send(shown(created, organization.name));
    },
  );

  app.get(
    `${base}/:id`,
    { schema: { tags: TAGS, summary: `One of the ${noun}`, security: BEARER, params: idParamsSchema, response: { 200: schemas.record, ...errors } } },
    async (request) => {
      const { record, organization } = await getWorkRecord(ctx, request.actor, kind, request.params.id);
      return shown(record, organization.name);
    },
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: `Change one of the ${noun}; \`expectedUpdatedAt\` guards against concurrent edits`,
        security: BEARER,
        params: idParamsSchema,
        body: schemas.patch,
        response: { 200: schemas.record, 409: apiErrorSchema, ...errors },
      },
    },
    async (request) => {
      const { expectedUpdatedAt, ...patch } = request.body as { expectedUpdatedAt?: string } & Record<string, unknown>;
      const after = await updateWorkRecord(ctx, request.actor, kind, request.params.id, definedOnly(patch) as Partial<WorkRecordValuesByKind[K]>, expectedUpdatedAt);
      const { organization } = await getWorkRecord(ctx, request.actor, kind, after.id);
      return shown(after, organization.name);
    },
  );

  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: `Delete one of the ${noun} (a typo or duplicate); \`expectedUpdatedAt\` guards against concurrent edits`,
        security: BEARER,
        params: idParamsSchema,
        querystring: deleteQuerySchema,
        response: { 204: z.null(), 409: apiErrorSchema, ...errors },
      },
    },
    async (request, reply) => {
      await deleteWorkRecord(ctx, request.actor, kind, request.params.id, request.query.expectedUpdatedAt);
      return reply.code(204).send(null);
    },
  );
}

/** Registers the API routes of this module. */
export function workRecordApiRoutes(app: GongkaiApp, ctx: AppContext): void {
  app.get(
    '/api/work-records/staffing',
    {
      schema: {
        tags: TAGS,
        summary: 'OGI offices, full-time and part-time staff and dedicated funding (万元) of an organization and year (2014 table 八); `staffing` null when not entered',
        security: BEARER,
        querystring: staffingQuerySchema,
        response: { 200: staffingReportSchema, ...errors },
      },
    },
    async (request) => staffingReportToApi(await getStaffing(ctx, request.actor, request.query.organizationId, request.query.year)),
  );

  app.put(
    '/api/work-records/staffing',
    {
      schema: {
        tags: TAGS,
        summary: 'Save the staffing and funding of an organization and year (one record per organization and year); `expectedUpdatedAt` (null: none expected) guards against concurrent edits',
        security: BEARER,
        querystring: staffingQuerySchema,
        body: putStaffingBodySchema,
        response: { 200: staffingSchema, 409: apiErrorSchema, ...errors },
      },
    },
    async (request) => {
      const { expectedUpdatedAt, note, ...counts } = request.body;
      const saved = await saveStaffing(ctx, request.actor, request.query.organizationId, request.query.year, { ...counts, note: note ?? null }, expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt });
      return staffingToApi(saved);
    },
  );

  app.get(
    '/api/work-records/figures',
    {
      schema: {
        tags: TAGS,
        summary: 'The figures of 2014 table 六, 八 and 九 of an organization (or, with subtree=true, it and everything below it) for a year, from the work records',
        security: BEARER,
        querystring: figuresQuerySchema,
        response: { 200: figuresReportSchema, ...errors },
      },
    },
    async (request) => {
      const subtree = request.query.subtree === 'true' || request.query.subtree === '1';
      return figuresReportToApi(await workRecordFiguresFor(ctx, request.actor, request.query.organizationId, request.query.year, subtree));
    },
  );

  for (const kind of WORK_RECORD_KINDS) registerKind(app, ctx, kind);
}
