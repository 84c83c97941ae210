/**
 * API schemas of the catalog (zod; they also generate /api/openapi.json). Request bodies are typed
 * loosely here (types and presence); the full rules (lengths, code lists, dates against today) are
 * applied by the service with `validateCatalogItemInput`, whose issues name each field.
 */
import { z } from 'zod';
import type { Attachment } from './attachment.ts';
import { DISCLOSURE_TYPES, GENRES, ITEM_STATUSES, PUBLICATION_CHANNELS, VALIDITIES } from './catalog-item.ts';
import type { CatalogItem } from './catalog-item.ts';
import type { CatalogItemView, ItemDetail } from './catalog-query.service.ts';
import { MAX_RECORD_ID, recordIdSchema } from '../shared/record-id.ts';

const genreCodes = GENRES.map((g) => g.code) as [string, ...string[]];
const channelCodes = PUBLICATION_CHANNELS.map((c) => c.code) as [(typeof PUBLICATION_CHANNELS)[number]['code'], ...(typeof PUBLICATION_CHANNELS)[number]['code'][]];
const statusCodes = ITEM_STATUSES.map((s) => s.code) as [(typeof ITEM_STATUSES)[number]['code'], ...(typeof ITEM_STATUSES)[number]['code'][]];

/** The fields of a draft as the API accepts them (see catalog-item.schema.ts for every rule). */
const itemFieldsShape = {
  /** The owning organization. */
  organizationId: z.number().int().positive().max(MAX_RECORD_ID),
  /** 索引号, only when assigned by hand (e.g. `640300032/2026-00001`); otherwise generated at publication. */
  indexNumber: z.string().nullish(),
  /** 标题, 1–300 characters. */
  title: z.string(),
  /** 内容概述, at most 100 characters. */
  summary: z.string().nullish(),
  /** 文号. */
  documentNumber: z.string().nullish(),
  /** 发布机构 (full name). */
  issuingAgency: z.string(),
  /** 生成日期 `YYYY-MM-DD`, not in the future. */
  creationDate: z.string(),
  /** 主题分类: a code of the subject categories, or `theme:<code>`. */
  subjectCategory: z.string(),
  /** 体裁分类. */
  genre: z.string().describe(`A genre code: ${genreCodes.join(', ')}`),
  /** 关键词: a list, or one string separated by commas, semicolons or spaces. */
  keywords: z.union([z.array(z.string()), z.string()]).optional(),
  /** 发布渠道 (2014 table 一 (二)): channel codes, at least one, none twice (default `["website"]`); a list, or one string separated by commas, 、 or spaces. */
  channels: z.union([z.array(z.string()), z.string()]).optional().describe(`Publication channel codes: ${channelCodes.join(', ')}`),
  /** 公开属性 (default `proactive`). */
  disclosureType: z.enum(DISCLOSURE_TYPES.map((d) => d.code) as [string, ...string[]]).optional(),
  /** 不予公开理由: required when `exempt`. */
  nonDisclosureReason: z.string().nullish(),
  /** 有效性 (default `in_force`). */
  validity: z.enum(VALIDITIES.map((v) => v.code) as [string, ...string[]]).optional(),
  /** 生效日期. */
  effectiveDate: z.string().nullish(),
  /** 废止/失效日期: required when `expired` or `repealed`. */
  expiryDate: z.string().nullish(),
  /** 正文 (HTML; sanitized; scripts and embeds are refused). */
  bodyHtml: z.string().nullish(),
};

/** POST /api/items. */
export const createItemBodySchema = z.object(itemFieldsShape);

/** PATCH /api/items/:id: the fields to change, and the `updatedAt` the client's copy was read at. */
export const updateItemBodySchema = z.object({
  ...z.object(itemFieldsShape).partial().shape,
  /** The item's `updatedAt` as last read: a stale copy is refused with `CONFLICT`. */
  expectedUpdatedAt: z.string().min(1),
});

/** Drops `undefined` members (exactOptionalPropertyTypes) and turns `null` into absent. */
export function presentOnly(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (value !== undefined) out[key] = value === null ? '' : value;
  return out;
}

/** GET /api/items query. */
export const listItemsQuerySchema = z.object({
  /** Omit for the public catalog (published items); give a status (or `all`) for the staff view of your subtree. */
  status: z.enum([...statusCodes, 'all']).optional(),
  organizationId: recordIdSchema.optional(),
  genre: z.enum(genreCodes as [(typeof GENRES)[number]['code'], ...(typeof GENRES)[number]['code'][]]).optional(),
  subjectCategory: z.string().max(80).optional(),
  /** Year of publication (of creation for unpublished items). */
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  /** Words in the title. */
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().positive().max(100_000).optional(),
  pageSize: z.coerce.number().int().positive().max(100).optional(),
});

/** Timeliness (2019 art. 26). */
export const timelinessSchema = z.object({
  deadline: z.string().nullable(),
  status: z.enum(['on_time', 'late', 'pending', 'overdue', 'unknown']),
  workingDaysLate: z.number().int(),
  note: z.string().optional(),
});

/** An item in lists (no body). */
export const itemSummarySchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  indexNumber: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issuingAgency: z.string(),
  creationDate: z.string(),
  publicationDate: z.string().nullable(),
  subjectCategory: z.string(),
  genre: z.string(),
  keywords: z.array(z.string()),
  /** 发布渠道: the channels it was (or will be) published through. */
  channels: z.array(z.enum(channelCodes)),
  disclosureType: z.string(),
  nonDisclosureReason: z.string().nullable(),
  validity: z.string(),
  effectiveDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  status: z.enum(statusCodes),
  supersededById: z.number().int().nullable(),
  imported: z.boolean(),
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  timeliness: timelinessSchema,
});

/** An item with its body. */
export const itemSchema = itemSummarySchema.extend({ bodyHtml: z.string(), bodyText: z.string() });

/** An attachment. */
export const attachmentSchema = z.object({ id: z.number().int(), itemId: z.number().int(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), createdAt: z.string() });

const linkedItemSchema = z.object({ id: z.number().int(), title: z.string(), indexNumber: z.string().nullable(), status: z.enum(statusCodes) });

/** GET /api/items/:id. */
export const itemDetailSchema = itemSchema.extend({
  organizationName: z.string(),
  attachments: z.array(attachmentSchema),
  /** Policy interpretations of this document. */
  interpretations: z.array(linkedItemSchema),
  /** Documents this interpretation explains. */
  interprets: z.array(linkedItemSchema),
  supersededBy: linkedItemSchema.nullable(),
});

/** GET /api/items. */
export const itemListSchema = z.object({ items: z.array(itemSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The item in its API shape (an explicit copy: internal user ids are not exposed). */
export function itemToApi(item: CatalogItemView): z.infer<typeof itemSchema> {
  return { ...itemSummaryToApi(item), bodyHtml: item.bodyHtml, bodyText: item.bodyText };
}

/** The item without its body. */
export function itemSummaryToApi(item: CatalogItemView): z.infer<typeof itemSummarySchema> {
  return {
    id: item.id,
    organizationId: item.organizationId,
    indexNumber: item.indexNumber,
    title: item.title,
    summary: item.summary,
    documentNumber: item.documentNumber,
    issuingAgency: item.issuingAgency,
    creationDate: item.creationDate,
    publicationDate: item.publicationDate,
    subjectCategory: item.subjectCategory,
    genre: item.genre,
    keywords: item.keywords,
    channels: [...item.channels],
    disclosureType: item.disclosureType,
    nonDisclosureReason: item.nonDisclosureReason,
    validity: item.validity,
    effectiveDate: item.effectiveDate,
    expiryDate: item.expiryDate,
    status: item.status,
    supersededById: item.supersededById,
    imported: item.imported,
    synthetic: item.synthetic,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    submittedAt: item.submittedAt,
    approvedAt: item.approvedAt,
    withdrawnAt: item.withdrawnAt,
    withdrawalReason: item.withdrawalReason,
    timeliness: { ...item.timeliness },
  };
}

function linked(item: CatalogItem): z.infer<typeof linkedItemSchema> {
  return { id: item.id, title: item.title, indexNumber: item.indexNumber, status: item.status };
}

/** The attachment in its API shape. */
export function attachmentToApi(a: Attachment): z.infer<typeof attachmentSchema> {
  return { id: a.id, itemId: a.itemId, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt };
}

/** The detail in its API shape. */
export function detailToApi(detail: ItemDetail): z.infer<typeof itemDetailSchema> {
  return {
    ...itemToApi(detail.item),
    organizationName: detail.organization.name,
    attachments: detail.attachments.map(attachmentToApi),
    interpretations: detail.interpretations.map(linked),
    interprets: detail.interprets.map(linked),
    supersededBy: detail.supersededBy ? linked(detail.supersededBy) : null,
  };
}
