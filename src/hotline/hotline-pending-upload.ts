/**
 * The file of a clean console dry run, kept until the user confirms the import (a browser cannot
 * post an uploaded file again without JavaScript). Files are stored under the data directory by
 * their SHA-256, so the confirmation names the content it imports and a file read back is checked
 * against its name; files older than a day are removed whenever another one is kept.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How long a kept file waits for its confirmation (ms). */
export const PENDING_UPLOAD_TTL_MS = 24 * 3600 * 1000;

function pendingDir(dataDir: string): string {
  return join(dataDir, 'hotline-pending');
}

/** Whether `token` is a SHA-256 in hex (the only file names used, so no path can be smuggled in). */
export function isPendingToken(token: string): boolean {
  return /^[0-9a-f]{64}$/.test(token);
}

/**
 * Keeps a checked file until confirmed. Expiry compares file times with the real time (the file
 * system's clock), not the injected one.
 * @returns the token (the file's SHA-256 hex) the confirmation posts
 */
export async function keepPendingUpload(dataDir: string, data: Uint8Array): Promise<string> {
  const now = Date.now();
  const dir = pendingDir(dataDir);
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > PENDING_UPLOAD_TTL_MS) await rm(path, { force: true });
  }
  const token = createHash('sha256').update(data).digest('hex');
  await writeFile(join(dir, token), data);
  return token;
}

/** The kept file of `token`, or null when there is none (expired, already imported) or its content does not match. */
export async function readPendingUpload(dataDir: string, token: string): Promise<Buffer | null> {
  if (!isPendingToken(token)) return null;
  const data = await readFile(join(pendingDir(dataDir), token)).catch(() => null);
  if (!data || createHash('sha256').update(data).digest('hex') !== token) return null;
  return data;
}

/** Removes the kept file of `token` (after its import). */
export async function dropPendingUpload(dataDir: string, token: string): Promise<void> {
  if (isPendingToken(token)) await rm(join(pendingDir(dataDir), token), { force: true });
}
