/**
 * Encryption at rest of requesters' ID numbers and contact details (phone, e-mail, address): the
 * personal information a request carries (个人信息保护法 art. 28 counts ID numbers as sensitive).
 * AES-256-GCM with a random 96-bit nonce per value; a sealed value reads `pd1:` + base64url(nonce |
 * tag | ciphertext). Values written before encryption (no prefix) are read as they are.
 * The key is `GONGKAI_PERSONAL_DATA_KEY`, or a key file in the data directory created on first use.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../shared/config.ts';
import { GongkaiError } from '../shared/errors.ts';

const PREFIX = 'pd1:';

/**
 * Seals a value.
 * @param key 32 bytes
 * @returns the sealed text, or null for null
 */
export function sealField(key: Buffer, value: string | null): string | null {
  if (value === null) return null;
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * Opens a sealed value (an unsealed one is returned as it is).
 * @throws GongkaiError `CONFIG_INVALID` when the value was sealed with another key (or altered)
 */
export function openField(key: Buffer, stored: string | null): string | null {
  if (stored === null || !stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new GongkaiError('CONFIG_INVALID', 'the personal-data key does not open the stored data (GONGKAI_PERSONAL_DATA_KEY or personal-data.key changed?)', { cause: error });
  }
}

const keys = new Map<string, Promise<Buffer>>();

async function keyFromFile(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'personal-data.key');
  try {
    return decodeKey((await readFile(file, 'utf8')).trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  // Written aside and linked into place: link fails if another process made the key first, and then its key is used.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return decodeKey((await readFile(file, 'utf8')).trim(), file);
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new GongkaiError('CONFIG_INVALID', `${where}: the personal-data key must be 32 bytes in base64`);
  return key;
}

/**
 * The personal-data key of this installation (cached).
 * @throws GongkaiError `CONFIG_INVALID` (a malformed key or key file)
 */
export function personalDataKey(config: Pick<Config, 'personalDataKey' | 'dataDir'>): Promise<Buffer> {
  const id = config.personalDataKey ?? `file:${config.dataDir}`;
  let key = keys.get(id);
  if (!key) {
    key = config.personalDataKey ? Promise.resolve(decodeKey(config.personalDataKey, 'GONGKAI_PERSONAL_DATA_KEY')) : keyFromFile(config.dataDir);
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}
