/**
 * What an editor (console form, API) or an import row gives for a catalog item, validated with zod.
 * Field names are the domain's (camelCase). Rules come from 2019 art. 12 (the catalog's fields), the
 * national catalog guideline and local norms (RULES.md §4: summary ≤ 100 characters, index number
 * form) and plain consistency (dates real, not in the future, publication not before creation).
 * {@link validateCatalogItemInput} never throws: it returns the value or field issues in English and
 * Chinese (naming the field by its Chinese label), which every edge shows as it is.
 */
import { z } from 'zod';
import type { ErrorIssue } from '../shared/errors.ts';
import { DEFAULT_PUBLICATION_CHANNELS, DISCLOSURE_TYPES, GENRES, isPublicationChannel, LOCAL_THEME_PREFIX, PUBLICATION_CHANNELS, SUBJECT_CATEGORIES, SUMMARY_MAX_CHARS, VALIDITIES } from './catalog-item.ts';
import type { CatalogItem } from './catalog-item.ts';
import { isAcceptableIndexNumber } from './index-number.ts';
import { isIsoDate } from '../calendar/working-days.ts';

/** The Chinese labels of the input's fields (as on real portals' catalog pages). */
export const FIELD_LABELS_ZH = {
  organizationId: '所属机构',
  indexNumber: '索引号',
  title: '标题',
  summary: '内容概述',
  documentNumber: '文号',
  issuingAgency: '发布机构',
  creationDate: '生成日期',
  publicationDate: '发布日期',
  subjectCategory: '主题分类',
  genre: '体裁分类',
  keywords: '关键词',
  disclosureType: '公开属性',
  nonDisclosureReason: '不予公开理由',
  channels: '发布渠道',
  validity: '有效性',
  effectiveDate: '生效日期',
  expiryDate: '废止/失效日期',
  bodyHtml: '正文',
} as const;

/** A field of {@link CatalogItemInput}. */
export type CatalogItemField = keyof typeof FIELD_LABELS_ZH;

/** Limits (characters are Unicode code points, as a reader counts them). */
export const TITLE_MAX_CHARS = 300;
/** The longest document number (文号). */
export const DOCUMENT_NUMBER_MAX_CHARS = 100;
/** The longest issuing agency name. */
export const ISSUING_AGENCY_MAX_CHARS = 200;
/** At most this many keywords … */
export const KEYWORDS_MAX = 20;
/** … of at most this many characters each. */
export const KEYWORD_MAX_CHARS = 30;
/** The longest reason for not disclosing. */
export const REASON_MAX_CHARS = 500;
/** The largest body, in UTF-8 bytes (2 MB). */
export const BODY_MAX_BYTES = 2 * 1024 * 1024;

/** Messages of the rules below, by key: English and Chinese. `{label}`/`{n}` are filled in. */
const MESSAGES = {
  required: { en: 'is required', zh: '请填写{label}' },
  tooLong: { en: 'is longer than {n} characters', zh: '{label}不能超过 {n} 个字符' },
  invalid: { en: 'is not valid', zh: '{label}格式不正确' },
  date: { en: 'must be a real date in the form YYYY-MM-DD', zh: '{label}应为 YYYY-MM-DD 格式的有效日期' },
  indexNumber: { en: 'must look like ORGCODE/YYYY-NNNNN (e.g. 640300032/2026-00001)', zh: '{label}格式不正确，应形如 640300032/2026-00001' },
  subjectCategory: { en: 'is not a known subject category code', zh: '{label}不在主题分类代码表中' },
  genre: { en: 'is not a known genre code', zh: '{label}不在体裁分类代码表中' },
  disclosureType: { en: 'must be proactive, upon_request or exempt', zh: '{label}应为主动公开、依申请公开或不予公开' },
  validity: { en: 'must be in_force, expired or repealed', zh: '{label}应为有效、失效或废止' },
  tooManyKeywords: { en: `has more than ${KEYWORDS_MAX} keywords`, zh: `{label}不能超过 ${KEYWORDS_MAX} 个` },
  keywordTooLong: { en: `has a keyword longer than ${KEYWORD_MAX_CHARS} characters`, zh: `每个{label}不能超过 ${KEYWORD_MAX_CHARS} 个字符` },
  channel: { en: 'must be gazette, website, weibo, wechat or other', zh: '{label}应为政府公报、政府网站、政务微博、政务微信或其他方式' },
  channelsEmpty: { en: 'must name at least one channel', zh: '请至少选择一个{label}' },
  channelRepeated: { en: 'names a channel more than once', zh: '{label}不能重复' },
  bodyTooLarge: { en: 'is larger than 2 MB', zh: '{label}不能超过 2 MB' },
  bodyScript: { en: 'contains scripts or embedded content, which are not allowed', zh: '正文含有不允许的脚本或嵌入内容' },
  reasonRequired: { en: 'is required when the disclosure type is exempt (2019 art. 14–16)', zh: '公开属性为不予公开时，必须填写{label}' },
  expiryRequired: { en: 'is required when the item is expired or repealed', zh: '有效性为失效或废止时，必须填写{label}' },
  effectiveAfterExpiry: { en: 'must not be before the effective date', zh: '{label}不能早于生效日期' },
  futureDate: { en: 'must not be in the future', zh: '{label}不能晚于今天' },
  publicationBeforeCreation: { en: 'must not be before the creation date', zh: '{label}不能早于生成日期' },
  organizationUnknown: { en: 'is not a known organization', zh: '{label}不存在' },
} as const;

/** A message key of the rules. */
export type CatalogMessageKey = keyof typeof MESSAGES;

/** Builds one field issue from a message key (also used by the service for database-backed rules). */
export function catalogIssue(field: CatalogItemField, key: CatalogMessageKey, n?: number): ErrorIssue {
  const entry = MESSAGES[key];
  const label = FIELD_LABELS_ZH[field];
  const fill = (s: string): string => s.replace(/\{label\}/g, label).replace(/\{n\}/g, String(n ?? ''));
  return { field, message: `${field} ${fill(entry.en)}`, messageZh: fill(entry.zh) };
}

/** Length in Unicode code points (a CJK character or an emoji counts once). */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

/**
 * Whether raw HTML holds active content that the sanitizer would silently drop: `<script>`,
 * `<iframe>`, `<object>`, `<embed>`, `on…=` event handlers or `javascript:` URLs inside a tag. Such a
 * body is refused with a reason rather than quietly altered (issue 3: "script in rich text: refused").
 */
export function hasActiveContent(rawHtml: string): boolean {
  return /<\s*(script|iframe|object|embed)\b/i.test(rawHtml) || /<[^>]*\son[a-z]+\s*=/i.test(rawHtml) || /<[^>]*javascript\s*:/i.test(rawHtml);
}

/** Empty strings and null (blank form fields, empty import cells) mean "not given". */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

function text(maxChars: number): z.ZodString {
  return z
    .string({ error: 'invalid' })
    .trim()
    .min(1, { error: 'required' })
    .refine((s) => codePointLength(s) <= maxChars, { error: 'tooLong', params: { n: maxChars } });
}

function optionalText(maxChars: number): z.ZodType<string | undefined> {
  return z.preprocess(blankToUndefined, text(maxChars).optional());
}

const isoDate = z.string({ error: 'date' }).trim().refine(isIsoDate, { error: 'date' });
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());

const subjectCodes: ReadonlySet<string> = new Set(SUBJECT_CATEGORIES.map((c) => c.code));
// Built once: the schema runs for every row of a bulk import.
const localThemeCode = new RegExp(`^${LOCAL_THEME_PREFIX}[A-Za-z0-9_-]{1,64}$`);
const genreCodes = GENRES.map((g) => g.code) as [(typeof GENRES)[number]['code'], ...(typeof GENRES)[number]['code'][]];
const disclosureCodes = DISCLOSURE_TYPES.map((d) => d.code) as [(typeof DISCLOSURE_TYPES)[number]['code'], ...(typeof DISCLOSURE_TYPES)[number]['code'][]];
const validityCodes = VALIDITIES.map((v) => v.code) as [(typeof VALIDITIES)[number]['code'], ...(typeof VALIDITIES)[number]['code'][]];

/** Keywords come as a list or as one string separated by commas, semicolons (ASCII or full-width) or spaces. */
function splitKeywords(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/[,，;；\s]+/u).filter((k) => k !== '');
  if (Array.isArray(value)) return (value as unknown[]).map((k) => (typeof k === 'string' ? k.trim() : k)).filter((k) => k !== '');
  return value;
}

const channelCodes = PUBLICATION_CHANNELS.map((c) => c.code) as [(typeof PUBLICATION_CHANNELS)[number]['code'], ...(typeof PUBLICATION_CHANNELS)[number]['code'][]];

/** Channels come as a list (checkboxes, JSON) or one string separated by 、，,；; or spaces; blank means "not given". */
function splitChannels(value: unknown): unknown {
  const given = blankToUndefined(value);
  if (typeof given === 'string') return given.split(/[、,，;；\s]+/u).filter((c) => c !== '');
  if (Array.isArray(given)) return (given as unknown[]).map((c) => (typeof c === 'string' ? c.trim() : c)).filter((c) => c !== '');
  return given;
}

/**
 * The input schema (structure and single-field rules plus the cross-field rules that need no
 * "today"). Defaults: keywords `[]`, channels `['website']`, disclosure type `proactive`, validity `in_force`.
 */
export const catalogItemInputSchema = z
  .object({
    /** The owning organization's id. */
    organizationId: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }),
    /** 索引号 typed by hand or imported; absent = generated at publication. */
    indexNumber: z.preprocess(blankToUndefined, z.string({ error: 'indexNumber' }).trim().refine(isAcceptableIndexNumber, { error: 'indexNumber' }).optional()),
    /** 标题. */
    title: text(TITLE_MAX_CHARS),
    /** 内容概述: at most 100 characters (local norms, RULES.md §4). */
    summary: optionalText(SUMMARY_MAX_CHARS),
    /** 文号, e.g. 吴政办发〔2017〕19号. */
    documentNumber: optionalText(DOCUMENT_NUMBER_MAX_CHARS),
    /** 发布机构: full name. */
    issuingAgency: text(ISSUING_AGENCY_MAX_CHARS),
    /** 生成日期: when the information was formed or changed (2019 art. 26 counts from it). */
    creationDate: z.preprocess(blankToUndefined, z.string({ error: 'required' }).trim().refine(isIsoDate, { error: 'date' })),
    /** 发布日期: only for imports of items already published elsewhere. */
    publicationDate: optionalDate,
    /** 主题分类: a code of SUBJECT_CATEGORIES or `theme:<code>`. */
    subjectCategory: z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .refine((s) => subjectCodes.has(s) || localThemeCode.test(s), { error: 'subjectCategory' }),
    /** 体裁分类: a code of GENRES. */
    genre: z.enum(genreCodes, { error: 'genre' }),
    /** 关键词. */
    keywords: z.preprocess(
      splitKeywords,
      z
        .array(z.string({ error: 'invalid' }).refine((k) => codePointLength(k) <= KEYWORD_MAX_CHARS, { error: 'keywordTooLong' }), { error: 'invalid' })
        .max(KEYWORDS_MAX, { error: 'tooManyKeywords' }),
    ),
    /** 公开属性. */
    disclosureType: z.preprocess(blankToUndefined, z.enum(disclosureCodes, { error: 'disclosureType' }).default('proactive')),
    /** 不予公开理由: required when exempt. */
    nonDisclosureReason: optionalText(REASON_MAX_CHARS),
    /** 发布渠道 (2014 table 一 (二)): codes of PUBLICATION_CHANNELS, at least one, none twice; stored in list order. */
    channels: z.preprocess(
      splitChannels,
      z
        .array(z.enum(channelCodes, { error: 'channel' }), { error: 'invalid' })
        .min(1, { error: 'channelsEmpty' })
        .refine((list) => new Set(list).size === list.length, { error: 'channelRepeated' })
        .transform((list) => channelCodes.filter((code) => list.includes(code)))
        .default(() => [...DEFAULT_PUBLICATION_CHANNELS]),
    ),
    /** 有效性. */
    validity: z.preprocess(blankToUndefined, z.enum(validityCodes, { error: 'validity' }).default('in_force')),
    /** 生效日期. */
    effectiveDate: optionalDate,
    /** 废止/失效日期: required when expired or repealed. */
    expiryDate: optionalDate,
    /** 正文: HTML, sanitized on save; scripts and embeds are refused. */
    bodyHtml: z.preprocess(
      blankToUndefined,
      z
        .string({ error: 'invalid' })
        .refine((s) => Buffer.byteLength(s, 'utf8') <= BODY_MAX_BYTES, { error: 'bodyTooLarge', abort: true })
        .refine((s) => !hasActiveContent(s), { error: 'bodyScript' })
        .optional(),
    ),
  })
  .superRefine((value, check) => {
    for (const issue of crossFieldIssues(value)) check.addIssue({ code: 'custom', path: [issue.field], message: issue.key });
  });

/**
 * The rules between fields (2019 art. 14–16 for the reason; validity dates), on loosely read values
 * so they can also be reported next to other fields' errors.
 */
function crossFieldIssues(value: { disclosureType?: unknown; nonDisclosureReason?: unknown; validity?: unknown; effectiveDate?: unknown; expiryDate?: unknown }): { field: CatalogItemField; key: CatalogMessageKey }[] {
  const out: { field: CatalogItemField; key: CatalogMessageKey }[] = [];
  const present = (v: unknown): boolean => blankToUndefined(v) !== undefined;
  if (value.disclosureType === 'exempt' && !present(value.nonDisclosureReason)) out.push({ field: 'nonDisclosureReason', key: 'reasonRequired' });
  if ((value.validity === 'expired' || value.validity === 'repealed') && !present(value.expiryDate)) out.push({ field: 'expiryDate', key: 'expiryRequired' });
  const effective = typeof value.effectiveDate === 'string' ? value.effectiveDate.trim() : '';
  const expiry = typeof value.expiryDate === 'string' ? value.expiryDate.trim() : '';
  if (isIsoDate(effective) && isIsoDate(expiry) && expiry < effective) out.push({ field: 'expiryDate', key: 'effectiveAfterExpiry' });
  return out;
}

/** A validated catalog item input. */
export type CatalogItemInput = z.infer<typeof catalogItemInputSchema>;

/** What may be given before validation (strings for numbers and keywords are accepted). */
export type CatalogItemRawInput = z.input<typeof catalogItemInputSchema>;

/** The item fields a validated input sets (everything but index number, publication date and lifecycle). */
export type CatalogItemInputFields = Pick<
  CatalogItem,
  | 'organizationId' | 'title' | 'summary' | 'documentNumber' | 'issuingAgency' | 'creationDate' | 'subjectCategory' | 'genre' | 'keywords' | 'channels'
  | 'disclosureType' | 'nonDisclosureReason' | 'validity' | 'effectiveDate' | 'expiryDate' | 'bodyHtml' | 'bodyText'
>;

/**
 * The item fields of a validated input, as stored: absent optional fields become null, and the
 * reason for not disclosing is dropped for proactive items (it only means something for items not
 * proactively disclosed, 2019 art. 14–16). The one mapping of the editor (catalog.service.ts) and
 * the import (catalog-import-rows.ts); each stores the body its own way.
 * @param body the stored body: sanitized HTML and its plain text
 */
export function inputItemFields(input: CatalogItemInput, body: { html: string; text: string }): CatalogItemInputFields {
  return {
    organizationId: input.organizationId,
    title: input.title,
    summary: input.summary ?? null,
    documentNumber: input.documentNumber ?? null,
    issuingAgency: input.issuingAgency,
    creationDate: input.creationDate,
    subjectCategory: input.subjectCategory,
    genre: input.genre,
    keywords: input.keywords,
    channels: input.channels,
    disclosureType: input.disclosureType,
    nonDisclosureReason: input.disclosureType === 'proactive' ? null : (input.nonDisclosureReason ?? null),
    validity: input.validity,
    effectiveDate: input.effectiveDate ?? null,
    expiryDate: input.expiryDate ?? null,
    bodyHtml: body.html,
    bodyText: body.text,
  };
}

function isField(name: unknown): name is CatalogItemField {
  return typeof name === 'string' && name in FIELD_LABELS_ZH;
}

/** The issue of channels that are not codes, naming them (an import row's 发布渠道 cell may hold several). */
function unknownChannelIssue(given: unknown): ErrorIssue {
  const issue = catalogIssue('channels', 'channel');
  const tokens = splitChannels(given);
  const unknown = Array.isArray(tokens) ? tokens.filter((c): c is string => typeof c === 'string' && !isPublicationChannel(c)) : [];
  if (unknown.length === 0) return issue;
  return { ...issue, message: `${issue.message} (not: ${unknown.join(', ')})`, messageZh: `${issue.messageZh}（“${unknown.join('”“')}”不是）` };
}

/** Turns a zod issue into our field issue, in English and Chinese. */
function toIssue(issue: z.core.$ZodIssue, raw: unknown): ErrorIssue {
  const head = issue.path[0];
  if (!isField(head)) return { field: String(head ?? 'input'), message: `${String(head ?? 'input')} is not valid`, messageZh: '输入格式不正确' };
  const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[head] : undefined;
  if (blankToUndefined(given) === undefined && issue.code !== 'custom') return catalogIssue(head, 'required');
  if (issue.message in MESSAGES) {
    const key = issue.message as CatalogMessageKey;
    if (key === 'channel') return unknownChannelIssue(given);
    const params = (issue as { params?: { n?: number } }).params;
    return catalogIssue(head, key, params?.n);
  }
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return catalogIssue(head, 'tooLong', issue.maximum);
  return catalogIssue(head, 'invalid');
}

/**
 * Validates an item input completely, including the rules that need today's date: the creation
 * and publication dates must not be in the future, and publication must not precede creation.
 * Never throws. One issue per field at most (the first found), in field order.
 * @param raw the untrusted input (JSON body, parsed form, import row)
 * @param today `YYYY-MM-DD` China time (from the injected clock)
 */
export function validateCatalogItemInput(raw: unknown, today: string): { ok: true; value: CatalogItemInput } | { ok: false; issues: ErrorIssue[] } {
  const parsed = catalogItemInputSchema.safeParse(raw);
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: ErrorIssue): void => {
    if (seen.has(issue.field)) return;
    seen.add(issue.field);
    issues.push(issue);
  };
  if (!parsed.success) for (const issue of parsed.error.issues) add(toIssue(issue, raw));
  // The date rules run on whatever dates are valid, so a form shows them with the other errors.
  const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const dateOf = (name: 'creationDate' | 'publicationDate'): string | undefined => {
    const value = given[name];
    return typeof value === 'string' && isIsoDate(value.trim()) ? value.trim() : undefined;
  };
  if (!parsed.success) for (const issue of crossFieldIssues(given)) add(catalogIssue(issue.field, issue.key));
  const creationDate = dateOf('creationDate');
  const publicationDate = dateOf('publicationDate');
  if (creationDate !== undefined && creationDate > today) add(catalogIssue('creationDate', 'futureDate'));
  if (publicationDate !== undefined) {
    if (publicationDate > today) add(catalogIssue('publicationDate', 'futureDate'));
    else if (creationDate !== undefined && publicationDate < creationDate) add(catalogIssue('publicationDate', 'publicationBeforeCreation'));
  }
  if (issues.length > 0) {
    const order = Object.keys(FIELD_LABELS_ZH);
    issues.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return { ok: false, issues };
  }
  if (!parsed.success) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}
