/**
 * API schemas of press events, policy interpretations and concern responses (zod; they also
 * generate /api/openapi.json), their mapping to API shapes, and the mapping of the console forms'
 * flat fields to the service's input.
 */
import { z } from 'zod';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';
import { CONCERN_CHANNELS, INTERPRETATION_FORMS, PRESS_EVENT_KINDS } from './engagement-record.ts';
import type {
  ConcernChannel,
  ConcernResponse,
  ConcernResponseInput,
  ConcernResponsePatch,
  InterpretationForm,
  InterpretationInput,
  InterpretationPatch,
  PressEvent,
  PressEventInput,
  PressEventKind,
  PressEventPatch,
} from './engagement-record.ts';
import { ENGAGEMENT_FIGURE_LABELS_ZH, ENGAGEMENT_FIGURE_ORDER } from './engagement-statistics.ts';
import type { ConcernResponseRecord, LinkedItem, PressEventRecord } from './engagement.repository.ts';
import type { EngagementFiguresReport, InterpretationView } from './engagement.service.ts';

/** A calendar date `YYYY-MM-DD` (China time); the service checks that it is a real date. */
const dateSchema = z.string().max(10);
const idSchema = z.number().int().positive().max(MAX_RECORD_ID);
const urlSchema = z.string().max(1000);

/** GET list query of the three record kinds. */
export const engagementListQuerySchema = z.object({
  /** Only this organization's subtree; default every subtree you may read. */
  organizationId: recordIdSchema.optional(),
  /** Only records dated in this year. */
  year: z.coerce.number().int().min(2000).max(9999).optional(),
});

/** GET /api/engagement/figures query. */
export const engagementFiguresQuerySchema = z.object({ organizationId: recordIdSchema, year: z.coerce.number().int().min(2000).max(9999) });

/** A catalog item a record points to. */
const linkedItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  indexNumber: z.string().nullable(),
  publicationDate: z.string().nullable(),
  /** Catalog status; only published items are shown on the portal. */
  status: z.string(),
});

const metaFields = {
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A press event as shown. */
export const pressEventSchema = z.object({
  ...metaFields,
  /** press_conference (新闻发布会) | online_interview (在线访谈). */
  kind: z.enum(PRESS_EVENT_KINDS),
  heldOn: z.string(),
  topic: z.string(),
  /** The principal leader (主要负责同志) attended. */
  principalLeaderAttended: z.boolean(),
  speakers: z.string().nullable(),
  url: z.string().nullable(),
  /** The concern response it answered (then counted once with it). */
  concernResponseId: z.number().int().nullable(),
  /** Catalog items it released or explained. */
  items: z.array(linkedItemSchema),
});

/** An interpretation as shown, with its timeliness. */
export const interpretationSchema = z.object({
  ...metaFields,
  /** The policy document it explains. */
  policy: linkedItemSchema,
  title: z.string(),
  /** text (文字) | graphic (图解) | video (视频) | interview (访谈). */
  form: z.enum(INTERPRETATION_FORMS),
  publishedOn: z.string(),
  url: z.string().nullable(),
  /** The catalog item (genre interpretation) carrying it. */
  interpretationItem: linkedItemSchema.nullable(),
  concernResponseId: z.number().int().nullable(),
  /** Published within GONGKAI_INTERPRETATION_DAYS working days of the policy (a local practice, UNVERIFIED). */
  timeliness: z.object({
    /** on_time | late | unknown (the working-day calendar lacks a year). */
    status: z.enum(['on_time', 'late', 'unknown']),
    deadline: z.string().nullable(),
    workingDaysAfterPolicy: z.number().int().nullable(),
    allowedWorkingDays: z.number().int(),
  }),
});

/** A concern response as shown. */
export const concernResponseSchema = z.object({
  ...metaFields,
  topic: z.string(),
  /** weibo_wechat (微博微信) | website (政府网站) | press (新闻发布) | media (广播电视报刊) | other (其他). */
  channel: z.enum(CONCERN_CHANNELS),
  respondedOn: z.string(),
  summary: z.string().nullable(),
  url: z.string().nullable(),
});

/** GET /api/press-events response. */
export const pressEventListSchema = z.object({ pressEvents: z.array(pressEventSchema) });
/** GET /api/interpretations response. */
export const interpretationListSchema = z.object({ interpretations: z.array(interpretationSchema) });
/** GET /api/concern-responses response. */
export const concernResponseListSchema = z.object({ concernResponses: z.array(concernResponseSchema) });

/** GET /api/engagement/figures response: section 二 of the 2014 table. */
export const engagementFiguresSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  year: z.number().int(),
  /** The rows in printed order. */
  rows: z.array(z.object({ id: z.string(), label: z.string(), value: z.number().int() })),
});

const pressFields = {
  kind: z.enum(PRESS_EVENT_KINDS),
  heldOn: dateSchema,
  topic: z.string().max(400),
  principalLeaderAttended: z.boolean(),
  speakers: z.string().max(1000).nullable(),
  url: urlSchema.nullable(),
  concernResponseId: idSchema.nullable(),
  itemIds: z.array(idSchema).max(200),
};
/** POST /api/press-events body. */
export const createPressEventBodySchema = z.object({ ...pressFields, organizationId: idSchema }).partial({ principalLeaderAttended: true, speakers: true, url: true, concernResponseId: true, itemIds: true });
/** PATCH /api/press-events/:id body (`itemIds` replaces the linked items). */
export const updatePressEventBodySchema = z.object(pressFields).partial().extend({ expectedUpdatedAt: z.string().optional() });

const interpretationFields = {
  /** The policy item by id … */
  policyItemId: idSchema,
  /** … or by 索引号. */
  policyIndexNumber: z.string().max(100),
  title: z.string().max(400),
  form: z.enum(INTERPRETATION_FORMS),
  publishedOn: dateSchema,
  url: urlSchema.nullable(),
  interpretationItemId: idSchema.nullable(),
  concernResponseId: idSchema.nullable(),
};
/** POST /api/interpretations body: the policy by `policyItemId` or `policyIndexNumber`. */
export const createInterpretationBodySchema = z
  .object({ ...interpretationFields, organizationId: idSchema })
  .partial({ policyItemId: true, policyIndexNumber: true, url: true, interpretationItemId: true, concernResponseId: true });
/** PATCH /api/interpretations/:id body. */
export const updateInterpretationBodySchema = z.object(interpretationFields).partial().extend({ expectedUpdatedAt: z.string().optional() });

const concernFields = {
  topic: z.string().max(400),
  channel: z.enum(CONCERN_CHANNELS),
  respondedOn: dateSchema,
  summary: z.string().max(4000).nullable(),
  url: urlSchema.nullable(),
};
/** POST /api/concern-responses body. */
export const createConcernResponseBodySchema = z.object({ ...concernFields, organizationId: idSchema }).partial({ summary: true, url: true });
/** PATCH /api/concern-responses/:id body. */
export const updateConcernResponseBodySchema = z.object(concernFields).partial().extend({ expectedUpdatedAt: z.string().optional() });

function itemToApi(i: LinkedItem): z.infer<typeof linkedItemSchema> {
  return { id: i.id, title: i.title, indexNumber: i.indexNumber, publicationDate: i.publicationDate, status: i.status };
}

function metaToApi(r: { id: number; organizationId: number; synthetic: boolean; createdAt: string; updatedAt: string }, organizationName: string): { id: number; organizationId: number; organizationName: string; synthetic: boolean; createdAt: string; updatedAt: string } {
  return { id: r.id, organizationId: r.organizationId, organizationName, synthetic: r.synthetic, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

/** Maps a press event to its API shape (an explicit copy: nothing else leaks). */
export function pressEventToApi(r: PressEventRecord): z.infer<typeof pressEventSchema> {
  const e: PressEvent = r.event;
  return {
    ...metaToApi(e, r.organization.name),
    kind: e.kind,
    heldOn: e.heldOn,
    topic: e.topic,
    principalLeaderAttended: e.principalLeaderAttended,
    speakers: e.speakers,
    url: e.url,
    concernResponseId: e.concernResponseId,
    items: r.items.map(itemToApi),
  };
}

/** Maps an interpretation to its API shape. */
export function interpretationToApi(r: InterpretationView): z.infer<typeof interpretationSchema> {
  const i = r.interpretation;
  return {
    ...metaToApi(i, r.organization.name),
    policy: itemToApi(r.policy),
    title: i.title,
    form: i.form,
    publishedOn: i.publishedOn,
    url: i.url,
    interpretationItem: r.interpretationItem ? itemToApi(r.interpretationItem) : null,
    concernResponseId: i.concernResponseId,
    timeliness: { ...r.timeliness },
  };
}

/** Maps a concern response to its API shape. */
export function concernResponseToApi(r: ConcernResponseRecord): z.infer<typeof concernResponseSchema> {
  const c: ConcernResponse = r.response;
  return { ...metaToApi(c, r.organization.name), topic: c.topic, channel: c.channel, respondedOn: c.respondedOn, summary: c.summary, url: c.url };
}

/** Maps section 二's figures to the API's rows. */
export function engagementFiguresToApi(r: EngagementFiguresReport): z.infer<typeof engagementFiguresSchema> {
  return {
    organizationId: r.organization.id,
    organizationName: r.organization.name,
    year: r.year,
    rows: ENGAGEMENT_FIGURE_ORDER.map((id) => ({ id, label: ENGAGEMENT_FIGURE_LABELS_ZH[id], value: r.figures[id] })),
  };
}

// ---- Console forms ----

/** An id field of a form: blank → null, anything else a number (NaN when not one, so the service reports it). */
function formId(value: string | undefined): number | null {
  return value === undefined || value.trim() === '' ? null : Number(value.trim());
}

/** A list of item ids typed as `12, 15 18`; a token that is not a number becomes NaN (reported by the service). */
export function parseItemIds(value: string | undefined): number[] {
  return (value ?? '')
    .split(/[\s,，、;；]+/)
    .filter((t) => t !== '')
    .map((t) => (/^\d+$/.test(t) ? Number(t) : Number.NaN));
}

/** The fields of the press event form. */
export function formToPressEventPatch(f: Record<string, string>): PressEventPatch {
  return {
    kind: (f['kind'] ?? '') as PressEventKind,
    heldOn: f['heldOn'] ?? '',
    topic: f['topic'] ?? '',
    principalLeaderAttended: f['principalLeaderAttended'] === '1',
    speakers: f['speakers'] ?? null,
    url: f['url'] ?? null,
    concernResponseId: formId(f['concernResponseId']),
    itemIds: parseItemIds(f['itemIds']),
  };
}

/** The fields of the new press event form. */
export function formToPressEventInput(f: Record<string, string>): PressEventInput {
  return { ...formToPressEventPatch(f), organizationId: formId(f['organizationId']) ?? Number.NaN, kind: (f['kind'] ?? '') as PressEventKind, heldOn: f['heldOn'] ?? '', topic: f['topic'] ?? '' };
}

/**
 * The fields of the interpretation form. `policyItem` takes the policy's id or its 索引号: digits
 * only is an id, anything else an index number.
 */
export function formToInterpretationPatch(f: Record<string, string>): InterpretationPatch {
  const policy = (f['policyItem'] ?? '').trim();
  const patch: InterpretationPatch = {
    title: f['title'] ?? '',
    form: (f['interpretationForm'] ?? '') as InterpretationForm,
    publishedOn: f['publishedOn'] ?? '',
    url: f['url'] ?? null,
    interpretationItemId: formId(f['interpretationItemId']),
    concernResponseId: formId(f['concernResponseId']),
  };
  if (/^\d{1,10}$/.test(policy)) patch.policyItemId = Number(policy);
  else if (policy !== '') patch.policyIndexNumber = policy;
  return patch;
}

/** The fields of the new interpretation form (a blank policy is reported by the service). */
export function formToInterpretationInput(f: Record<string, string>): InterpretationInput {
  return { ...formToInterpretationPatch(f), organizationId: formId(f['organizationId']) ?? Number.NaN, title: f['title'] ?? '', form: (f['interpretationForm'] ?? '') as InterpretationForm, publishedOn: f['publishedOn'] ?? '' };
}

/** The fields of the concern response form. */
export function formToConcernResponsePatch(f: Record<string, string>): ConcernResponsePatch {
  return { topic: f['topic'] ?? '', channel: (f['channel'] ?? '') as ConcernChannel, respondedOn: f['respondedOn'] ?? '', summary: f['summary'] ?? null, url: f['url'] ?? null };
}

/** The fields of the new concern response form. */
export function formToConcernResponseInput(f: Record<string, string>): ConcernResponseInput {
  return { ...formToConcernResponsePatch(f), organizationId: formId(f['organizationId']) ?? Number.NaN, topic: f['topic'] ?? '', channel: (f['channel'] ?? '') as ConcernChannel, respondedOn: f['respondedOn'] ?? '' };
}

/** A press event as the form's strings. */
export function pressEventFormValues(e: PressEvent): Record<string, string> {
  return {
    kind: e.kind,
    heldOn: e.heldOn,
    topic: e.topic,
    principalLeaderAttended: e.principalLeaderAttended ? '1' : '',
    speakers: e.speakers ?? '',
    url: e.url ?? '',
    concernResponseId: e.concernResponseId === null ? '' : String(e.concernResponseId),
    itemIds: e.itemIds.join(', '),
  };
}

/** An interpretation as the form's strings (the policy by its 索引号 when it has one). */
export function interpretationFormValues(r: InterpretationView): Record<string, string> {
  const i = r.interpretation;
  return {
    policyItem: r.policy.indexNumber ?? String(r.policy.id),
    title: i.title,
    interpretationForm: i.form,
    publishedOn: i.publishedOn,
    url: i.url ?? '',
    interpretationItemId: i.interpretationItemId === null ? '' : String(i.interpretationItemId),
    concernResponseId: i.concernResponseId === null ? '' : String(i.concernResponseId),
  };
}

/** A concern response as the form's strings. */
export function concernResponseFormValues(c: ConcernResponse): Record<string, string> {
  return { topic: c.topic, channel: c.channel, respondedOn: c.respondedOn, summary: c.summary ?? '', url: c.url ?? '' };
}
