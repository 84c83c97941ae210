import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../shared/errors.ts';
import { openField, personalDataKey, sealField } from './personal-data-cipher.ts';

describe('personal data at rest', () => {
  it('seals with a fresh nonce each time and opens with the same key only', () => {
    const key = randomBytes(32);
    const a = sealField(key, '640302199001011234');
    const b = sealField(key, '640302199001011234');
    assert.notEqual(a, b, 'a random nonce per value');
    assert.equal(openField(key, a), '640302199001011234');
    assert.equal(openField(key, null), null);
    assert.equal(openField(key, '13912345678'), '13912345678', 'values written before encryption read as they are');
    assert.throws(() => openField(randomBytes(32), a), (e) => isGongkaiError(e, 'CONFIG_INVALID'));
    const tampered = `${(a ?? '').slice(0, -2)}AA`;
    assert.throws(() => openField(key, tampered), (e) => isGongkaiError(e, 'CONFIG_INVALID'));
  });

  it('creates one key file (mode 0600) in the data directory, shared by concurrent first uses, or takes the configured key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-key-'));
    try {
      const [k1, k2] = await Promise.all([personalDataKey({ personalDataKey: null, dataDir: dir }), personalDataKey({ personalDataKey: null, dataDir: join(dir, '.') })]);
      assert.deepEqual(k1, k2);
      const file = join(dir, 'personal-data.key');
      assert.equal(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').length, 32);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const configured = randomBytes(32);
      assert.deepEqual(await personalDataKey({ personalDataKey: configured.toString('base64'), dataDir: dir }), configured);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
