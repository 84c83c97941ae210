/**
 * The public request form's human check, with no third-party service (issue 4 item 7): a small sum
 * or difference written with Chinese numerals or digits (“七加5等于几？”), whose answer is bound into
 * an HMAC-signed token that expires; a honeypot field that people never see; and a minimum fill time
 * read from the token's own timestamp (a bot posting at once fails). The token never contains the
 * answer: it carries `HMAC(secret, answer)`, and a second HMAC over the whole token tells tampering
 * apart from a wrong answer. The clock is passed in (`now`), so tests need no real time.
 *
 * Token: `v1.<issued ms, base 36>.<nonce>.<answer mac>.<token mac>` (macs base64url, SHA-256).
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Timing rules of the check. */
export interface HumanCheckOptions {
  /** Submissions sooner than this after the form was served are refused (milliseconds). */
  minFillMs: number;
  /** A token is accepted for this long after it was issued (milliseconds). */
  maxAgeMs: number;
}

/** The defaults: at least 3 seconds to fill the form, at most an hour. */
export const HUMAN_CHECK_OPTIONS: HumanCheckOptions = { minFillMs: 3_000, maxAgeMs: 3_600_000 };

/** The form fields of the check. */
export const HUMAN_CHECK_FIELDS = {
  token: 'humanCheckToken',
  answer: 'humanCheckAnswer',
  /** The honeypot: hidden from people (and from assistive technology), filled by naive bots. */
  honeypot: 'website',
} as const;

/** A question and its signed token, for one rendering of the form. */
export interface HumanCheckChallenge {
  /** The question in Chinese, e.g. `七加5等于几？`. */
  question: string;
  token: string;
}

/** Why a check failed. */
export type HumanCheckFailure = 'honeypot' | 'missing' | 'tampered' | 'expired' | 'too-fast' | 'wrong' | 'reused';

/** The outcome of a check: the token's nonce and expiry when it passed (to refuse its reuse), else the reason. */
export type HumanCheckResult = { ok: true; nonce: string; expiresAt: number } | { ok: false; reason: HumanCheckFailure; messageZh: string };

/** Chinese messages of the failures, shown next to the question. */
export const HUMAN_CHECK_MESSAGES_ZH: Record<HumanCheckFailure, string> = {
  // Deliberately vague: a bot that filled the honeypot learns nothing.
  honeypot: '提交未通过校验，请刷新页面后重新填写',
  missing: '请回答验证问题',
  tampered: '验证问题已失效，请回答新的验证问题',
  expired: '验证问题已过期，请回答新的验证问题',
  'too-fast': '提交过快，请核对填写的内容后再提交',
  wrong: '验证问题回答错误，请重新计算后填写',
  reused: '该验证问题已使用过，请回答新的验证问题',
};

const DIGITS_ZH = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A number 0–99 in Chinese numerals: 7 → 七, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseNumeral: ${n} is outside 0–99`);
  if (n < 10) return DIGITS_ZH[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS_ZH[tens] ?? '')}十${ones === 0 ? '' : (DIGITS_ZH[ones] ?? '')}`;
}

/**
 * Reads an answer as typed: ASCII or full-width digits, or Chinese numerals up to 99 (两 for 2).
 * @returns the number, or null when the text is not one
 */
export function parseAnswerNumber(text: string): number | null {
  const s = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/两/g, '二');
  if (/^\d{1,3}$/.test(s)) return Number(s);
  const digit = (c: string | undefined): number => (c === undefined ? -1 : DIGITS_ZH.indexOf(c));
  if (s.length === 1 && digit(s) >= 0) return digit(s);
  const match = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!match) return null;
  return (match[1] ? digit(match[1]) : 1) * 10 + (match[2] ? digit(match[2]) : 0);
}

function mac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function answerMac(secret: string, issued: string, nonce: string, answer: number): string {
  return mac(secret, `answer|${issued}|${nonce}|${answer}`);
}

function tokenMac(secret: string, issued: string, nonce: string, aMac: string): string {
  return mac(secret, `token|v1|${issued}|${nonce}|${aMac}`);
}

/**
 * A new question with its token.
 * @param secret the installation's signing secret (see human-check.repository.ts)
 * @param now the instant the form is served (the clock of the request)
 * @param random `random(max)` → an integer in [0, max); injectable for tests (default crypto `randomInt`)
 */
export function createHumanCheck(secret: string, now: Date, random: (max: number) => number = randomInt): HumanCheckChallenge {
  const add = random(2) === 0;
  const a = add ? 1 + random(9) : 5 + random(15);
  const b = add ? 1 + random(9) : 1 + random(Math.min(a, 9));
  const answer = add ? a + b : a - b;
  const write = (n: number): string => (random(2) === 0 ? chineseNumeral(n) : String(n));
  const question = `${write(a)}${add ? '加' : '减'}${write(b)}等于几？`;
  const issued = now.getTime().toString(36);
  const nonce = randomBytes(12).toString('base64url');
  const aMac = answerMac(secret, issued, nonce, answer);
  return { question, token: `v1.${issued}.${nonce}.${aMac}.${tokenMac(secret, issued, nonce, aMac)}` };
}

function fail(reason: HumanCheckFailure): HumanCheckResult {
  return { ok: false, reason, messageZh: HUMAN_CHECK_MESSAGES_ZH[reason] };
}

/**
 * Checks a submitted form's human check: honeypot empty, token intact, not expired, not filled too
 * fast, answer right. Does not remember tokens: refuse reuse with {@link SpentHumanChecks}.
 * @param input the form's token, answer and honeypot values as posted
 * @param now the instant the form is posted
 */
export function verifyHumanCheck(secret: string, input: { token?: string | undefined; answer?: string | undefined; honeypot?: string | undefined }, now: Date, options: HumanCheckOptions = HUMAN_CHECK_OPTIONS): HumanCheckResult {
  if ((input.honeypot ?? '').trim() !== '') return fail('honeypot');
  const parts = (input.token ?? '').split('.');
  const [version, issued, nonce, aMac, tMac] = parts;
  if (parts.length !== 5 || version !== 'v1' || !issued || !nonce || !aMac || !tMac || !/^[0-9a-z]{1,12}$/.test(issued)) return fail(input.token ? 'tampered' : 'missing');
  if (!sameMac(tMac, tokenMac(secret, issued, nonce, aMac))) return fail('tampered');
  const issuedAt = parseInt(issued, 36);
  const elapsed = now.getTime() - issuedAt;
  if (elapsed > options.maxAgeMs) return fail('expired');
  if (elapsed < options.minFillMs) return fail('too-fast');
  const answer = parseAnswerNumber(input.answer ?? '');
  if (answer === null) return fail((input.answer ?? '').trim() === '' ? 'missing' : 'wrong');
  if (!sameMac(aMac, answerMac(secret, issued, nonce, answer))) return fail('wrong');
  return { ok: true, nonce, expiresAt: issuedAt + options.maxAgeMs };
}

/**
 * The tokens already used to file a request, so one solved question files one request. Kept in
 * memory until each token expires (per process: with several processes a token could be used once
 * in each, which the rate limit bounds).
 */
export class SpentHumanChecks {
  private readonly spent = new Map<string, number>();

  /** @param capacity the most tokens remembered; the oldest are dropped beyond it */
  constructor(private readonly capacity = 50_000) {}

  /**
   * Marks a token's nonce used.
   * @param nonce from a passed {@link verifyHumanCheck}
   * @param expiresAt when the token stops being accepted anyway (epoch ms)
   * @param now the current instant (epoch ms)
   * @returns false when the nonce was already used
   */
  spend(nonce: string, expiresAt: number, now: number): boolean {
    for (const [key, until] of this.spent) {
      if (until >= now && this.spent.size < this.capacity) break;
      this.spent.delete(key);
    }
    const until = this.spent.get(nonce);
    if (until !== undefined && until >= now) return false;
    this.spent.set(nonce, expiresAt);
    return true;
  }
}
