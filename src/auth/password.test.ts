import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { assertPasswordPolicy, generateOneTimePassword, hashPassword, passwordProblem, verifyDummyPassword, verifyPassword } from './password.ts';

void describe('password policy', () => {
  void it('accepts 10+ characters with three classes', () => {
    assert.equal(passwordProblem('abcdefgH1!', 'zhang'), null);
    assert.equal(passwordProblem('abcdefgh12X', 'zhang'), null);
    assert.equal(passwordProblem('密码abcdEFGH', 'zhang'), null); // lower, upper, other (CJK)
  });

  void it('refuses short, two-class, and user-name passwords with a reason', () => {
    assert.deepEqual(passwordProblem('aB1!aB1!a', 'zhang')?.zh, '密码至少 10 个字符');
    assert.match(passwordProblem('abcdefghij12', 'zhang')?.en ?? '', /three of/);
    assert.equal(passwordProblem('Zhang.Wei-2024', 'zhang.wei-2024')?.en, 'must not be the user name');
  });

  void it('assertPasswordPolicy throws PASSWORD_WEAK with a Chinese reason and a field issue', () => {
    assert.throws(
      () => assertPasswordPolicy('short', 'zhang', 'newPassword'),
      (e) => isGongkaiError(e, 'PASSWORD_WEAK') && e.messageZh === '密码不符合要求：密码至少 10 个字符' && e.issues[0]?.field === 'newPassword' && e.status === 400,
    );
  });
});

void describe('password hashing', () => {
  void it('hashes with Argon2id and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('Correct-Horse-9');
    const b = await hashPassword('Correct-Horse-9');
    assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword(a, 'Correct-Horse-9'), true);
    assert.equal(await verifyPassword(a, 'correct-horse-9'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false);
    assert.equal(await verifyDummyPassword('anything'), false);
  });

  void it('one-time passwords are 16 characters, meet the policy, and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const otp = generateOneTimePassword();
      assert.equal(otp.length, 16);
      assert.equal(passwordProblem(otp, 'someone'), null);
      assert.doesNotMatch(otp, /[0O1lI]/);
      seen.add(otp);
    }
    assert.equal(seen.size, 50);
  });
});
