/**
 * Passwords: the policy a new password must meet, hashing (Argon2id, PHC string), verification,
 * and one-time passwords for resets. Hashes never leave the auth repositories and are never audited.
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { GongkaiError } from '../shared/errors.ts';

/** Minimum length of a password. */
export const PASSWORD_MIN_LENGTH = 10;

/**
 * Why a password fails the policy, in English and Chinese, or null when it passes. The policy:
 * at least {@link PASSWORD_MIN_LENGTH} characters; at least three of the four classes lower-case,
 * upper-case, digit, other; not the user name (compared case-insensitively).
 */
export function passwordProblem(password: string, username: string): { en: string; zh: string } | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return { en: `at least ${PASSWORD_MIN_LENGTH} characters`, zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符` };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    return { en: 'use at least three of: lower-case letters, upper-case letters, digits, other characters', zh: '密码须包含小写字母、大写字母、数字、其他字符中的至少三类' };
  }
  if (password.toLowerCase() === username.trim().toLowerCase()) {
    return { en: 'must not be the user name', zh: '密码不能与用户名相同' };
  }
  return null;
}

/**
 * Throws unless the password meets the policy ({@link passwordProblem}).
 * @param field the input field named in the issue (`password`, `newPassword`)
 * @throws GongkaiError `PASSWORD_WEAK` with the reason in the detail and one issue on `field`
 */
export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (!problem) return;
  const error = new GongkaiError('PASSWORD_WEAK', problem.en, { issues: [{ field, message: problem.en, messageZh: problem.zh }] });
  // The Chinese message carries the Chinese reason (the detail is English by construction).
  Object.defineProperty(error, 'messageZh', { value: `密码不符合要求：${problem.zh}` });
  throw error;
}

/**
 * Hashes a password with Argon2id (the library's defaults: m = 19 MiB, t = 2, p = 1, as OWASP
 * recommends), as a PHC string `$argon2id$v=19$…` that carries its own salt and parameters.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches the PHC `storedHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies against a throw-away hash, so that a login for an unknown user costs the same time as
 * one with a wrong password (no user-name probing by timing). Always resolves false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hash(`dummy-${randomInt(1e9)}-Aa1!`);
  await verifyPassword(await dummyHash, password);
  return false;
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const OTHER = '-_.+=@#';

/**
 * A random one-time password of 16 characters that meets the policy: one of each class at least,
 * drawn with `crypto.randomInt`, without look-alike characters (0/O, 1/l/I).
 */
export function generateOneTimePassword(): string {
  const all = LOWER + UPPER + DIGITS + OTHER;
  const pick = (set: string): string => set[randomInt(set.length)] ?? 'x';
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(OTHER)];
  while (chars.length < 16) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed classes are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
