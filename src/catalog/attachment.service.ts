/**
 * Attachments of catalog items: upload (drafts only: a published record is not altered) and
 * download (published items' attachments are public; others need `catalog.read_unpublished`).
 * Files are content-addressed under `attachmentsDir/<sha256[0..2]>/<sha256>`, written to a
 * temporary file and renamed, so a reader never sees half a file and identical uploads share one copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { Attachment } from './attachment.ts';
import { identifyAttachment } from './attachment.ts';
import { findAttachment, findCatalogOrganization, findItemById, insertAttachment } from './catalog-item.repository.ts';
import { getItem } from './catalog-query.service.ts';
import { transition } from './item-lifecycle.ts';

/** An upload as the edge received it. */
export interface AttachmentUpload {
  fileName: string;
  /** The declared media type (the multipart part's Content-Type). */
  mediaType: string;
  data: Buffer;
}

/** The path of a stored file. */
export function attachmentPath(attachmentsDir: string, sha256: string): string {
  return join(attachmentsDir, sha256.slice(0, 2), sha256);
}

/** A safe display name: no directories, no control characters, at most 200 characters (also used for case documents). */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return Array.from(cleaned).slice(-200).join('') || 'attachment';
}

/** Stores the bytes under their hash unless already there (also used for case documents, src/reviews/). */
export async function storeFile(attachmentsDir: string, sha256: string, data: Buffer): Promise<void> {
  const target = attachmentPath(attachmentsDir, sha256);
  try {
    await stat(target);
    return;
  } catch {
    // not stored yet
  }
  await mkdir(join(attachmentsDir, sha256.slice(0, 2)), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** An upload that passed the checks: a safe name, the identified type, the content hash. */
export interface CheckedUpload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  data: Buffer;
}

/**
 * The checks every stored file passes (catalog attachments, request attachments, review documents):
 * not empty, within `maxUploadBytes`, a type allowed by extension, declared type and magic bytes.
 * @throws GongkaiError `UPLOAD_TOO_LARGE`, `VALIDATION_FAILED` (empty), `UPLOAD_TYPE`
 */
export function checkUpload(upload: AttachmentUpload, maxUploadBytes: number): CheckedUpload {
  if (upload.data.length > maxUploadBytes) {
    throw new GongkaiError('UPLOAD_TOO_LARGE', `${upload.data.length} > ${maxUploadBytes} bytes`, {
      issues: [{ field: 'file', message: `file is larger than ${maxUploadBytes} bytes`, messageZh: `文件不能超过 ${Math.floor(maxUploadBytes / 1024 / 1024)} MB` }],
    });
  }
  if (upload.data.length === 0) throw new GongkaiError('VALIDATION_FAILED', 'file', { issues: [{ field: 'file', message: 'file is empty', messageZh: '文件为空' }] });
  const fileName = cleanFileName(upload.fileName);
  const kind = identifyAttachment(fileName, upload.mediaType, upload.data);
  if (!kind.ok) throw new GongkaiError('UPLOAD_TYPE', kind.en, { issues: [{ field: 'file', message: kind.en, messageZh: kind.zh }] });
  return { fileName, mediaType: kind.kind.mediaType, sizeBytes: upload.data.length, sha256: createHash('sha256').update(upload.data).digest('hex'), data: upload.data };
}

/**
 * The path of a stored file, checked to exist.
 * @throws GongkaiError `NOT_FOUND` when the bytes are missing on disk
 */
export async function existingFilePath(attachmentsDir: string, sha256: string): Promise<string> {
  const filePath = attachmentPath(attachmentsDir, sha256);
  try {
    await stat(filePath);
  } catch (error) {
    throw new GongkaiError('NOT_FOUND', `file ${sha256}`, { cause: error });
  }
  return filePath;
}

/**
 * Attaches a file to a draft. The type is checked three ways (declared type, extension, magic bytes).
 * @throws GongkaiError `UPLOAD_TOO_LARGE` (over `config.maxUploadBytes` or empty), `UPLOAD_TYPE`,
 *   `NOT_FOUND`, `FORBIDDEN`, `ILLEGAL_TRANSITION` (not a draft)
 */
export async function addAttachment(ctx: ServiceContext, actor: Actor, itemId: number, upload: AttachmentUpload): Promise<Attachment> {
  authorize(actor, 'catalog.draft');
  const checked = checkUpload(upload, ctx.config.maxUploadBytes);
  return ctx.store.db.transaction().execute(async (trx) => {
    const item = await findItemById(trx, itemId);
    const org = item ? await findCatalogOrganization(trx, item.organizationId) : null;
    if (!item || !org) throw new GongkaiError('NOT_FOUND', `catalog item ${itemId}`);
    authorize(actor, 'catalog.draft', { organizationPath: org.path });
    transition(item.status, 'edit');
    await storeFile(ctx.config.attachmentsDir, checked.sha256, checked.data);
    const attachment = await insertAttachment(trx, { itemId, fileName: checked.fileName, mediaType: checked.mediaType, sizeBytes: checked.sizeBytes, sha256: checked.sha256, createdAt: nowIso(ctx.clock) });
    // Filed under the item, so the item's audit trail shows its attachments too.
    await recordAudit(trx, actor, ctx.clock, { action: 'catalog.attachment.add', entityType: 'catalog_item', entityId: itemId, organizationId: item.organizationId, after: attachment });
    return attachment;
  });
}

/**
 * An attachment for download, with the path of its file. Visible exactly when its item is.
 * @throws GongkaiError `NOT_FOUND` (no such attachment, item not visible, or file missing on disk)
 */
export async function getAttachment(ctx: ServiceContext, actor: Actor, itemId: number, attachmentId: number): Promise<{ attachment: Attachment; filePath: string }> {
  authorize(actor, 'catalog.read_published');
  await getItem(ctx, actor, itemId);
  const attachment = await findAttachment(ctx.store.db, itemId, attachmentId);
  if (!attachment) throw new GongkaiError('NOT_FOUND', `attachment ${attachmentId}`);
  return { attachment, filePath: await existingFilePath(ctx.config.attachmentsDir, attachment.sha256) };
}
