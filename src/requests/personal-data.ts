/**
 * Masking of requesters' personal data (身份证号, phone, e-mail, address, name) for lists, public
 * views and staff who may not see it (auditors). Only staff granted `requests.read_personal` over the
 * case's organization see it whole. Pure.
 */
import { createHash } from 'node:crypto';

/** `640302199001011234` → `640302********1234` (region and last four kept, as on 12306 receipts). */
export function maskIdNumber(value: string | null): string | null {
  if (!value) return value;
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
}

/** `13912345678` → `139****5678`; a landline keeps its last four digits. */
export function maskPhone(value: string | null): string | null {
  if (!value) return value;
  const v = value.trim();
  if (/^1\d{10}$/.test(v)) return `${v.slice(0, 3)}****${v.slice(7)}`;
  return v.length > 4 ? `${'*'.repeat(v.length - 4)}${v.slice(-4)}` : '****';
}

/** `zhang.san@example.com` → `z***@example.com`. */
export function maskEmail(value: string | null): string | null {
  if (!value) return value;
  const at = value.indexOf('@');
  if (at < 1) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

/** A natural person's name keeps its first character (`张三丰` → `张**`); organizations are not masked. */
export function maskName(value: string, naturalPerson: boolean): string {
  if (!naturalPerson) return value;
  const chars = Array.from(value.trim());
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** An address keeps its first six characters (province/city). */
export function maskAddress(value: string | null): string | null {
  if (!value) return value;
  const chars = Array.from(value.trim());
  return chars.length <= 6 ? '******' : `${chars.slice(0, 6).join('')}******`;
}

/**
 * The key that identifies "the same requester" for per-month fee counting (国办函〔2020〕109号 art. 4)
 * without storing another copy of personal data: SHA-256 of the ID number when given, else of
 * name + phone + e-mail, normalized (trimmed, upper case, spaces removed).
 */
export function requesterKey(idNumber: string | null, name: string, phone: string | null, email: string | null): string {
  const norm = (s: string | null): string => (s ?? '').replace(/\s+/g, '').toUpperCase();
  const basis = idNumber && idNumber.trim() ? `id:${norm(idNumber)}` : `np:${norm(name)}|${norm(phone)}|${norm(email)}`;
  return createHash('sha256').update(basis).digest('hex');
}
