/**
 * API schemas of the OGI work records (zod; they also generate /api/openapi.json), the mapping of
 * records to their API shape, and of the console forms' flat fields to the service's input.
 */
import { z } from 'zod';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';
import { workRecordRows2014 } from './work-record-figures.ts';
import type { WorkRecordFigures } from './work-record-figures.ts';
import { COMPLAINT_CHANNELS, MEETING_KINDS } from './work-record.ts';
import type {
  ComplaintChannel,
  MeetingKind,
  OgiComplaintValues,
  OgiMeetingValues,
  OgiStaffing,
  ReadingPointValues,
  StaffingValues,
  TrainingSessionValues,
  WorkRecordKind,
  WorkRecordMeta,
  WorkRecordOf,
  WorkRecordValuesByKind,
} from './work-record.ts';
import type { StaffingReport, WorkRecordFiguresReport } from './work-record.service.ts';

/** A calendar date `YYYY-MM-DD` (China time); the service checks that it is a real date. */
const dateSchema = z.string().max(10);
const yearSchema = z.coerce.number().int().min(2000).max(9999);

/** Query of the staffing routes: one organization and year. */
export const staffingQuerySchema = z.object({ organizationId: recordIdSchema, year: yearSchema });

const staffingValuesSchema = z.object({
  /** 政府信息公开工作专门机构数. */
  ogiOffices: z.number().int().min(0),
  /** 专职人员数, not counting government gazette and website staff. */
  staffFullTime: z.number().int().min(0),
  /** 兼职人员数. */
  staffPartTime: z.number().int().min(0),
  /** 专项经费 in 万元 (at most 4 decimals), not counting gazette and website budgets. */
  funding: z.number().min(0),
  note: z.string().max(2000).nullable(),
});

/** A staffing record as shown. */
export const staffingSchema = staffingValuesSchema.extend({ id: z.number().int(), year: z.number().int(), synthetic: z.boolean(), createdAt: z.string(), updatedAt: z.string() });

/** GET /api/work-records/staffing response: `staffing` null when none was entered for the year. */
export const staffingReportSchema = z.object({ organizationId: z.number().int(), organizationName: z.string(), year: z.number().int(), staffing: staffingSchema.nullable() });

/** PUT /api/work-records/staffing body. */
export const putStaffingBodySchema = staffingValuesSchema.extend({
  note: z.string().max(2000).nullable().optional(),
  /** The `updatedAt` you read (null: there was no record); omitted: no check. A different one gives 409 CONFLICT. */
  expectedUpdatedAt: z.string().max(40).nullable().optional(),
});

/** Maps a staffing record to its API shape. */
export function staffingToApi(s: OgiStaffing): z.infer<typeof staffingSchema> {
  return { id: s.id, year: s.year, ogiOffices: s.ogiOffices, staffFullTime: s.staffFullTime, staffPartTime: s.staffPartTime, funding: s.funding, note: s.note, synthetic: s.synthetic, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

/** Maps a staffing report to its API shape. */
export function staffingReportToApi(r: StaffingReport): z.infer<typeof staffingReportSchema> {
  return { organizationId: r.organization.id, organizationName: r.organization.name, year: r.year, staffing: r.staffing ? staffingToApi(r.staffing) : null };
}

/** GET /api/work-records/figures query. */
export const figuresQuerySchema = z.object({
  organizationId: recordIdSchema,
  year: yearSchema,
  /** `true`: add the organizations below it (a roll-up); default `false`. */
  subtree: z.enum(['true', 'false', '1', '0']).optional(),
});

const figuresSchema = z.object({
  ogiOffices: z.number().int(),
  staffFullTime: z.number().int(),
  staffPartTime: z.number().int(),
  staff: z.number().int(),
  /** 万元, at most 4 decimals. */
  funding: z.number(),
  /** Open at Dec 31. */
  readingPoints: z.number().int(),
  meetings: z.number().int(),
  trainingSessions: z.number().int(),
  /** 人次. */
  trainees: z.number().int(),
  complaints: z.number().int(),
});

/** GET /api/work-records/figures response: the figures and the 2014 rows they fill. */
export const figuresReportSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  year: z.number().int(),
  subtree: z.boolean(),
  figures: figuresSchema,
  /** Rows of the 2014 statistics table (ids of the format's table `stats`), in printed order. */
  rows2014: z.array(z.object({ rowId: z.string(), label: z.string(), section: z.string().nullable(), unit: z.string().nullable(), value: z.number() })),
});

/** Maps a figures report to its API shape. */
export function figuresReportToApi(r: WorkRecordFiguresReport): z.infer<typeof figuresReportSchema> {
  const f: WorkRecordFigures = r.figures;
  return {
    organizationId: r.organization.id,
    organizationName: r.organization.name,
    year: r.year,
    subtree: r.subtree,
    figures: { ...f },
    rows2014: workRecordRows2014(f).map((row) => ({ rowId: row.rowId, label: row.label, section: row.section, unit: row.unit, value: row.value })),
  };
}

// ---- The four record lists ----

/** The URL segment of each list kind: `/api/<path>` and `/console/work-records/<path>`. */
export const WORK_RECORD_PATHS: Readonly<Record<WorkRecordKind, string>> = {
  'reading-point': 'reading-points',
  meeting: 'ogi-meetings',
  'training-session': 'training-sessions',
  complaint: 'ogi-complaints',
};


const metaShape = { id: z.number().int(), organizationId: z.number().int(), synthetic: z.boolean(), createdAt: z.string(), updatedAt: z.string() };

const readingPointFields = {
  name: z.string().max(200),
  address: z.string().max(500),
  /** Free text, e.g. 工作日 8:30–12:00. */
  openingHours: z.string().max(200).nullable(),
  openedOn: dateSchema,
  /** Null while open. */
  closedOn: dateSchema.nullable(),
};
const meetingFields = {
  heldOn: dateSchema,
  title: z.string().max(200),
  /** working (工作会议) | special (专题会议). */
  kind: z.enum(MEETING_KINDS),
};
const trainingFields = {
  heldOn: dateSchema,
  title: z.string().max(200),
  /** 参训人次, ≥ 1. */
  attendees: z.number().int().min(1).max(1_000_000),
};
const complaintFields = {
  receivedOn: dateSchema,
  /** letter | phone | online | in_person | other. */
  channel: z.enum(COMPLAINT_CHANNELS),
  summary: z.string().max(2000),
  outcome: z.string().max(2000).nullable(),
  /** Null while open. */
  closedOn: dateSchema.nullable(),
};

/** The API schemas of one list kind. */
export interface WorkRecordKindSchemas {
  /** A record as shown. */
  record: z.ZodObject;
  /** GET list response. */
  list: z.ZodObject;
  /** POST body. */
  create: z.ZodObject;
  /** PATCH body. */
  patch: z.ZodObject;
}

function kindSchemas(fields: Record<string, z.ZodType>, optionalOnCreate: readonly string[]): WorkRecordKindSchemas {
  const record = z.object({ ...metaShape, organizationName: z.string(), ...fields });
  const createShape: Record<string, z.ZodType> = { organizationId: z.number().int().positive().max(MAX_RECORD_ID) };
  for (const [key, schema] of Object.entries(fields)) createShape[key] = optionalOnCreate.includes(key) ? schema.optional() : schema;
  const patchShape: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(fields)) patchShape[key] = schema.optional();
  patchShape['expectedUpdatedAt'] = z.string().max(40).optional();
  return { record, list: z.object({ organizationId: z.number().int(), organizationName: z.string(), records: z.array(record) }), create: z.object(createShape), patch: z.object(patchShape) };
}

/** The API schemas of each list kind. */
export const WORK_RECORD_SCHEMAS: Readonly<Record<WorkRecordKind, WorkRecordKindSchemas>> = {
  'reading-point': kindSchemas(readingPointFields, ['openingHours', 'closedOn']),
  meeting: kindSchemas(meetingFields, []),
  'training-session': kindSchemas(trainingFields, []),
  complaint: kindSchemas(complaintFields, ['outcome', 'closedOn']),
};

/** GET list query of a list kind. */
export const workRecordListQuerySchema = z.object({
  organizationId: recordIdSchema,
  /** Only records of this year (reading points: open at some time in it). */
  year: yearSchema.optional(),
});

/** DELETE query: the `updatedAt` you read; a different one gives 409 CONFLICT. */
export const deleteQuerySchema = z.object({ expectedUpdatedAt: z.string().max(40).optional() });

/** The values of a record of a list kind (an explicit copy: nothing else leaks). */
export function workRecordValues<K extends WorkRecordKind>(kind: K, r: WorkRecordOf<K>): WorkRecordValuesByKind[K] {
  const v: unknown = r;
  let out: WorkRecordValuesByKind[WorkRecordKind];
  switch (kind) {
    case 'reading-point': {
      const p = v as ReadingPointValues;
      out = { name: p.name, address: p.address, openingHours: p.openingHours, openedOn: p.openedOn, closedOn: p.closedOn };
      break;
    }
    case 'meeting': {
      const m = v as OgiMeetingValues;
      out = { heldOn: m.heldOn, title: m.title, kind: m.kind };
      break;
    }
    case 'training-session': {
      const t = v as TrainingSessionValues;
      out = { heldOn: t.heldOn, title: t.title, attendees: t.attendees };
      break;
    }
    case 'complaint':
    default: {
      const c = v as OgiComplaintValues;
      out = { receivedOn: c.receivedOn, channel: c.channel, summary: c.summary, outcome: c.outcome, closedOn: c.closedOn };
    }
  }
  return out as WorkRecordValuesByKind[K];
}

/** Maps a record of a list kind to its API shape. */
export function workRecordToApi<K extends WorkRecordKind>(kind: K, r: WorkRecordOf<K>, organizationName: string): WorkRecordMeta & { organizationName: string } & WorkRecordValuesByKind[K] {
  const m: WorkRecordMeta = r;
  const shown = { id: m.id, organizationId: m.organizationId, organizationName, synthetic: m.synthetic, createdAt: m.createdAt, updatedAt: m.updatedAt };
  return Object.assign(shown, workRecordValues(kind, r));
}

// ---- Console forms ----

/** A whole number from a form field: blank or not digits → NaN (so the service reports it). */
function formInteger(value: string | undefined): number {
  const text = (value ?? '').trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}

/** An amount in 万元 from a form field: digits with an optional fraction; anything else NaN. More than 4 decimals passes through for the service to report. */
function formAmount(value: string | undefined): number {
  const text = (value ?? '').trim();
  return /^\d{1,9}(\.\d{1,9})?$/.test(text) ? Number(text) : Number.NaN;
}

/** The staffing form's fields as the service's values. */
export function formToStaffing(fields: Record<string, string>): StaffingValues {
  return {
    ogiOffices: formInteger(fields['ogiOffices']),
    staffFullTime: formInteger(fields['staffFullTime']),
    staffPartTime: formInteger(fields['staffPartTime']),
    funding: formAmount(fields['funding']),
    note: fields['note'] ?? null,
  };
}

/** A staffing record as the form's strings (empty strings without one). */
export function staffingFormValues(s: OgiStaffing | null): Record<string, string> {
  if (!s) return { ogiOffices: '', staffFullTime: '', staffPartTime: '', funding: '', note: '' };
  return { ogiOffices: String(s.ogiOffices), staffFullTime: String(s.staffFullTime), staffPartTime: String(s.staffPartTime), funding: String(s.funding), note: s.note ?? '' };
}

/** The fields of a list kind's form as the service's values (the service normalizes and checks them). */
export function formToWorkRecord<K extends WorkRecordKind>(kind: K, fields: Record<string, string>): WorkRecordValuesByKind[K] {
  const text = (key: string): string => fields[key] ?? '';
  let out: WorkRecordValuesByKind[WorkRecordKind];
  switch (kind) {
    case 'reading-point':
      out = { name: text('name'), address: text('address'), openingHours: text('openingHours'), openedOn: text('openedOn'), closedOn: text('closedOn') };
      break;
    case 'meeting':
      out = { heldOn: text('heldOn'), title: text('title'), kind: text('kind') as MeetingKind };
      break;
    case 'training-session':
      out = { heldOn: text('heldOn'), title: text('title'), attendees: formInteger(fields['attendees']) };
      break;
    case 'complaint':
    default:
      out = { receivedOn: text('receivedOn'), channel: text('channel') as ComplaintChannel, summary: text('summary'), outcome: text('outcome'), closedOn: text('closedOn') };
  }
  return out as WorkRecordValuesByKind[K];
}

/** A record's values as the form's strings (for the edit form). */
export function workRecordFormValues<K extends WorkRecordKind>(kind: K, r: WorkRecordOf<K>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(workRecordValues(kind, r))) out[key] = value === null || value === undefined ? '' : String(value as string | number);
  return out;
}
