/**
 * Input validation of requests at the edge (API bodies, console and public forms): zod schemas for a
 * new case and for each event, and the mapping of their failures to field issues in English and
 * Chinese. Blank form fields count as absent.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/working-days.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ErrorIssue } from '../shared/errors.ts';
import { CHANNELS, DELIVERY_FORMS, DELIVERY_METHODS, ID_KINDS, REQUESTER_TYPES } from './request-case.ts';
import { MAX_RECORD_ID } from '../shared/record-id.ts';
import { ANSWER_DETAILS } from './request-outcome.ts';

const blank = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const text = (max: number) => z.preprocess(blank, z.string().max(max));
const optionalText = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const date = z.preprocess(blank, z.string().refine(isIsoDate, 'date'));
const optionalDate = z.preprocess(blank, z.string().refine(isIsoDate, 'date').optional());
const int = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : blank(v)), z.number().int());

/** Chinese labels of the fields, for messages. */
export const REQUEST_FIELD_LABELS_ZH: Record<string, string> = {
  organizationId: '受理机关',
  requesterType: '申请人类型',
  requesterName: '申请人姓名或名称',
  requesterIdKind: '证件类型',
  requesterIdNumber: '证件号码',
  contactName: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  channel: '申请方式',
  submittedOn: '提交日期',
  signedOn: '签收日期',
  confirmedOn: '确认日期',
  informationRequested: '所需政府信息的名称、文号或便于查询的特征性描述',
  purpose: '用途',
  deliveryForm: '信息的提供形式',
  deliveryMethod: '获取信息的方式',
  kind: '办理事项',
  on: '日期',
  items: '需要补正的事项',
  dueOn: '补正期限',
  party: '被征求意见方类型',
  partyName: '被征求意见方名称',
  consultation: '对应的征求意见',
  opinion: '意见',
  workingDays: '延长工作日数',
  reason: '理由',
  approvedBy: '批准人',
  noticeOn: '告知申请人日期',
  method: '方式',
  quantity: '件数或页数',
  amountYuan: '金额（元）',
  outcome: '办理结果',
  legalBasis: '法律依据',
  reasons: '理由',
  answerDetail: '答复情形',
  responsibleAgency: '负责公开该信息的机关',
  note: '备注',
};

/** A new case as staff register it (any channel) or the public files it (online). */
export const newCaseSchema = z.object({
  organizationId: int.pipe(z.number().positive().max(MAX_RECORD_ID)),
  requesterType: z.enum(REQUESTER_TYPES),
  requesterName: text(100).pipe(z.string().min(1)),
  requesterIdKind: z.preprocess(blank, z.enum(ID_KINDS).optional()),
  requesterIdNumber: optionalText(40),
  contactName: optionalText(50),
  phone: z.preprocess(blank, z.string().regex(/^[0-9+\-() ]{5,20}$/, 'phone').optional()),
  email: z.preprocess(blank, z.email().max(120).optional()),
  address: optionalText(200),
  postcode: z.preprocess(blank, z.string().regex(/^\d{6}$/, 'postcode').optional()),
  channel: z.enum(CHANNELS),
  submittedOn: date,
  signedOn: optionalDate,
  confirmedOn: optionalDate,
  informationRequested: text(4000).pipe(z.string().min(2)),
  purpose: optionalText(1000),
  deliveryForm: z.enum(DELIVERY_FORMS),
  deliveryMethod: z.enum(DELIVERY_METHODS),
});
/** A validated new case. */
export type NewCaseInput = z.infer<typeof newCaseSchema>;

const on = { on: date };
/** One event as input (the `received` event is created with the case, never posted). */
export const eventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clarification-requested'), ...on, items: text(2000).pipe(z.string().min(1)), dueOn: date }),
  z.object({ kind: z.literal('clarification-received'), ...on }),
  z.object({ kind: z.literal('clarification-lapsed'), ...on }),
  z.object({ kind: z.literal('consultation-sent'), ...on, party: z.enum(['third-party', 'agency']), partyName: text(200).pipe(z.string().min(1)) }),
  z.object({ kind: z.literal('consultation-answered'), ...on, consultation: int.pipe(z.number().positive().max(MAX_RECORD_ID)), opinion: z.enum(['consent', 'objection', 'no-reply']) }),
  z.object({ kind: z.literal('extension-approved'), ...on, workingDays: int, reason: text(1000).pipe(z.string().min(1)), approvedBy: text(100).pipe(z.string().min(1)), noticeOn: date }),
  z.object({ kind: z.literal('fee-notice-sent'), ...on, method: z.enum(['per-request', 'per-page']), quantity: int, amountYuan: int.optional() }),
  z.object({ kind: z.literal('fee-paid'), ...on }),
  z.object({ kind: z.literal('fee-lapsed'), ...on }),
  z.object({
    kind: z.literal('answered'),
    ...on,
    outcome: text(60).pipe(z.string().min(1)),
    legalBasis: optionalText(500),
    reasons: optionalText(4000),
    // Which outcome a detail may go with is the clock's rule (case-clock.ts), checked with the outcome.
    answerDetail: z.preprocess(blank, z.enum(ANSWER_DETAILS).optional()),
    responsibleAgency: optionalText(200),
  }),
  z.object({ kind: z.literal('delivered'), ...on, method: z.enum(DELIVERY_METHODS) }),
  z.object({ kind: z.literal('withdrawn'), ...on, reason: optionalText(1000) }),
  z.object({ kind: z.literal('closed'), ...on }),
]);
/** A validated event input: a fee notice may leave its amount to be computed from the tiers; an answer its basis to the outcome's. */
export type EventInput = z.infer<typeof eventSchema>;

function toIssues(error: z.ZodError, raw: unknown): ErrorIssue[] {
  const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (raw === null || typeof raw !== 'object') {
    return [{ field: 'body', message: 'expected an object of fields', messageZh: '请求内容应为字段对象' }];
  }
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? (issue.code === 'invalid_union' ? 'kind' : 'input'));
    if (seen.has(field)) continue;
    seen.add(field);
    const label = REQUEST_FIELD_LABELS_ZH[field] ?? field;
    // Missing means absent or blank in the input, whatever the schema's issue says.
    const missing = blank(given[field]) === undefined;
    if (missing) issues.push({ field, message: `${field} is required`, messageZh: `请填写${label}` });
    else if (issue.code === 'too_big' && typeof issue.maximum === 'number') issues.push({ field, message: `${field} is longer than ${issue.maximum}`, messageZh: `${label}不能超过${issue.maximum}个字符` });
    else issues.push({ field, message: `${field} is not valid`, messageZh: `${label}格式不正确` });
  }
  return issues;
}

/**
 * Parses untrusted input with a schema, or throws the field issues.
 * @throws GongkaiError `VALIDATION_FAILED` with one issue per bad field
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error, raw);
  throw new GongkaiError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { issues });
}
