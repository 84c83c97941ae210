/**
 * The public online request form's fields and the checks it adds to `newCaseSchema`
 * (request.schema.ts). A request must carry the requester's name, proof of identity and a way to
 * reach them (2019 art. 29 ¶2 (一)); staff registering a letter may lack some of these, the online
 * form may not. Pure.
 */
import type { ErrorIssue } from '../shared/errors.ts';
import { isIsoDate } from '../calendar/working-days.ts';
import type { IdKind, RequesterType } from './request-case.ts';
import { REQUEST_FIELD_LABELS_ZH } from './request.schema.ts';

/** The form's fields, in the order they are shown. */
export const PUBLIC_FORM_FIELDS = [
  'organizationId',
  'requesterType',
  'requesterName',
  'requesterIdKind',
  'requesterIdNumber',
  'contactName',
  'phone',
  'email',
  'address',
  'postcode',
  'informationRequested',
  'purpose',
  'deliveryForm',
  'deliveryMethod',
] as const;

/** A field of the form. */
export type PublicFormField = (typeof PUBLIC_FORM_FIELDS)[number];

/** The form's values as posted (strings; absent = empty). */
export type PublicFormValues = Partial<Record<PublicFormField, string>>;

/** The form's values from a urlencoded body: only the form's own fields, trimmed, at most 4,000 characters each. */
export function publicFormValues(fields: Readonly<Record<string, string>>): PublicFormValues {
  const out: PublicFormValues = {};
  for (const name of PUBLIC_FORM_FIELDS) {
    const value = fields[name];
    // Cut only far past every limit, so an over-long field is refused by validation, never silently shortened.
    if (value !== undefined) out[name] = value.trim().slice(0, 20_000);
  }
  return out;
}

const PERSON_ID_KINDS: readonly IdKind[] = ['resident-id', 'passport', 'other-person'];
const ORGANIZATION_ID_KINDS: readonly IdKind[] = ['uscc', 'other-organization'];
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Whether an 18-character resident identity number is well formed: digits, a real date of birth,
 * and the GB 11643-1999 check character (ISO 7064 MOD 11-2).
 */
export function isValidResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return false;
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** Whether a unified social credit code has the GB 32100-2015 shape (18 characters of its alphabet). */
export function isWellFormedUscc(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value.trim().toUpperCase());
}

function issue(field: PublicFormField, message: string, messageZh: string): ErrorIssue {
  return { field, message, messageZh };
}

/**
 * The online form's own checks, beyond the schema's: proof of identity (kind and number, matching
 * the requester type; a resident ID's check digit), at least one contact, and the contact the
 * chosen way of delivery needs.
 * @returns field issues (empty when the values pass)
 */
export function publicFormIssues(values: PublicFormValues): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const type = values.requesterType as RequesterType | undefined;
  const kind = (values.requesterIdKind ?? '') as IdKind | '';
  const number = values.requesterIdNumber ?? '';
  if (kind === '') issues.push(issue('requesterIdKind', 'proof of identity is required (2019 art. 29)', `请选择${REQUEST_FIELD_LABELS_ZH['requesterIdKind'] ?? '证件类型'}（申请人身份证明，条例第二十九条）`));
  else if (type === 'natural' && !PERSON_ID_KINDS.includes(kind)) issues.push(issue('requesterIdKind', 'a natural person proves identity with a personal document', '自然人应提供居民身份证、护照或其他有效身份证件'));
  else if (type !== undefined && type !== 'natural' && !ORGANIZATION_ID_KINDS.includes(kind)) issues.push(issue('requesterIdKind', 'an organization proves identity with its code', '法人或其他组织应提供统一社会信用代码或其他组织机构代码'));
  if (number === '') issues.push(issue('requesterIdNumber', 'the document number is required', '请填写证件号码'));
  else if (kind === 'resident-id' && !isValidResidentId(number)) issues.push(issue('requesterIdNumber', 'not a valid resident identity number', '居民身份证号码不正确（应为18位，末位校验码须正确）'));
  else if (kind === 'uscc' && !isWellFormedUscc(number)) issues.push(issue('requesterIdNumber', 'not a valid unified social credit code', '统一社会信用代码格式不正确（应为18位）'));
  if (!values.phone && !values.email && !values.address) issues.push(issue('phone', 'at least one contact (phone, email or address) is required', '请至少填写联系电话、电子邮箱、通信地址中的一项'));
  if (values.deliveryMethod === 'post' && !values.address) issues.push(issue('address', 'delivery by post needs an address', '选择邮寄的，请填写通信地址'));
  if (values.deliveryMethod === 'email' && !values.email) issues.push(issue('email', 'delivery by email needs an email address', '选择电子邮件的，请填写电子邮箱'));
  if (type !== undefined && type !== 'natural' && !values.contactName) issues.push(issue('contactName', 'an organization names its contact person', '法人或其他组织请填写联系人'));
  return issues;
}
