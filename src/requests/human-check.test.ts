import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HUMAN_CHECK_OPTIONS, SpentHumanChecks, chineseNumeral, createHumanCheck, parseAnswerNumber, verifyHumanCheck } from './human-check.ts';

const SECRET = 'test-secret-0123456789abcdef';
const ISSUED = new Date('2024-09-27T02:00:00Z');
const later = (ms: number): Date => new Date(ISSUED.getTime() + ms);

/** A deterministic `random(max)`: returns the queued values in turn (each must be < max). */
function queued(...values: number[]): (max: number) => number {
  return (max) => {
    const v = values.shift() ?? 0;
    assert.ok(v < max, `queued ${v} is not below ${max}`);
    return v;
  };
}

void describe('human check', () => {
  void it('writes numbers in Chinese numerals and reads answers as people type them', () => {
    assert.deepEqual([0, 7, 10, 12, 20, 23, 99].map(chineseNumeral), ['零', '七', '十', '十二', '二十', '二十三', '九十九']);
    assert.deepEqual(['12', '１２', ' 7 ', '七', '十', '十二', '二十', '二十三', '两'].map(parseAnswerNumber), [12, 12, 7, 7, 10, 12, 20, 23, 2]);
    assert.deepEqual(['', 'twelve', '十十', '1.5', '-3'].map(parseAnswerNumber), [null, null, null, null, null]);
  });

  void it('asks a sum or a difference, mixing numerals and digits', () => {
    // add; a = 1+6 = 7 (Chinese); b = 1+4 = 5 (digits).
    assert.equal(createHumanCheck(SECRET, ISSUED, queued(0, 6, 4, 0, 1)).question, '七加5等于几？');
    // subtract; a = 5+7 = 12 (digits); b = 1+8 = 9 (Chinese).
    assert.equal(createHumanCheck(SECRET, ISSUED, queued(1, 7, 8, 1, 0)).question, '12减九等于几？');
    for (let i = 0; i < 200; i += 1) assert.match(createHumanCheck(SECRET, ISSUED).question, /^(?:[一二三四五六七八九十]+|\d+)[加减](?:[一二三四五六七八九十]+|\d+)等于几？$/);
  });

  void it('accepts the right answer (digits or Chinese) after the minimum fill time, within the hour', () => {
    const { token } = createHumanCheck(SECRET, ISSUED, queued(0, 6, 4, 0, 1)); // 七加5 = 12
    for (const answer of ['12', '十二', '１２']) {
      const result = verifyHumanCheck(SECRET, { token, answer, honeypot: '' }, later(3_000));
      assert.equal(result.ok, true, answer);
    }
    const result = verifyHumanCheck(SECRET, { token, answer: '12' }, later(HUMAN_CHECK_OPTIONS.maxAgeMs));
    assert.ok(result.ok);
    assert.equal(result.expiresAt, ISSUED.getTime() + HUMAN_CHECK_OPTIONS.maxAgeMs);
  });

  void it('refuses a wrong answer, an expired token, a too-fast submission and a missing answer', () => {
    const { token } = createHumanCheck(SECRET, ISSUED, queued(0, 6, 4, 0, 1)); // 12
    const reason = (answer: string, at: Date): string | undefined => {
      const r = verifyHumanCheck(SECRET, { token, answer }, at);
      return r.ok ? undefined : r.reason;
    };
    assert.equal(reason('13', later(10_000)), 'wrong');
    assert.equal(reason('十三', later(10_000)), 'wrong');
    assert.equal(reason('abc', later(10_000)), 'wrong');
    assert.equal(reason('', later(10_000)), 'missing');
    assert.equal(reason('12', later(HUMAN_CHECK_OPTIONS.maxAgeMs + 1)), 'expired');
    assert.equal(reason('12', later(2_999)), 'too-fast');
    const failed = verifyHumanCheck(SECRET, { token, answer: '13' }, later(10_000));
    assert.equal(failed.ok ? '' : failed.messageZh, '验证问题回答错误，请重新计算后填写');
  });

  void it('refuses a tampered token: another timestamp, another answer mac, another secret, garbage', () => {
    const { token } = createHumanCheck(SECRET, ISSUED, queued(0, 6, 4, 0, 1));
    const [v, issued, nonce, aMac, tMac] = token.split('.') as [string, string, string, string, string];
    // Backdating the token to pass the fill time without waiting.
    const backdated = [v, (ISSUED.getTime() - 60_000).toString(36), nonce, aMac, tMac].join('.');
    // Swapping in the answer mac of another token (whose answer the bot may know).
    const other = createHumanCheck(SECRET, ISSUED, queued(0, 0, 0, 1, 1)); // 1加1
    const swapped = [v, issued, nonce, other.token.split('.')[3], tMac].join('.');
    const reason = (t: string, secret = SECRET): string | undefined => {
      const r = verifyHumanCheck(secret, { token: t, answer: '12' }, later(10_000));
      return r.ok ? undefined : r.reason;
    };
    assert.equal(reason(backdated), 'tampered');
    assert.equal(reason(swapped), 'tampered');
    assert.equal(reason(token, 'another-secret'), 'tampered');
    assert.equal(reason('v1.x.y'), 'tampered');
    assert.equal(reason(''), 'missing');
    // The answer is not in the token: the answer mac differs from anything derived from "12" alone.
    assert.doesNotMatch(token, /\.12\./);
  });

  void it('refuses a filled honeypot even with the right answer', () => {
    const { token } = createHumanCheck(SECRET, ISSUED, queued(0, 6, 4, 0, 1));
    const result = verifyHumanCheck(SECRET, { token, answer: '12', honeypot: 'http://spam.example' }, later(10_000));
    assert.deepEqual(result.ok ? null : result.reason, 'honeypot');
  });

  void it('remembers spent tokens until they expire', () => {
    const spent = new SpentHumanChecks(3);
    const now = ISSUED.getTime();
    assert.equal(spent.spend('a', now + 1_000, now), true);
    assert.equal(spent.spend('a', now + 1_000, now + 500), false);
    // Expired entries are forgotten (the token would be refused as expired anyway).
    assert.equal(spent.spend('a', now + 5_000, now + 2_000), true);
    // Over capacity the oldest go first.
    for (const n of ['b', 'c', 'd']) assert.equal(spent.spend(n, now + 10_000, now + 2_000), true);
    assert.equal(spent.spend('d', now + 10_000, now + 2_000), false);
  });
});
