/**
 * Files kept with a request (issue 4 item 3: attachments): the request letter as received (scan,
 * e-mail, fax), proof of identity, delivery receipts (送达回证), signed replies. Stored like catalog
 * attachments (content-addressed, type checked by extension, declared type and magic bytes) in
 * `case_document` with the case's id. Upload needs `requests.handle`, download `requests.read`, both
 * on the case's organization; each upload is audited in its transaction.
 */
import type { Actor } from '../auth/actor.ts';
import { actorUserId } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import { checkUpload, existingFilePath, storeFile } from '../catalog/attachment.service.ts';
import type { AttachmentUpload } from '../catalog/attachment.service.ts';
import type { Db } from '../db/database.ts';
import { nowIso } from '../shared/clock.ts';
import { GongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { findCaseById } from './request.repository.ts';

/** Kinds of file kept with a request. */
export const REQUEST_ATTACHMENT_KINDS = ['request', 'identity', 'delivery-receipt', 'reply', 'other'] as const;
/** A kind of request attachment. */
export type RequestAttachmentKind = (typeof REQUEST_ATTACHMENT_KINDS)[number];
/** Chinese names of the kinds. */
export const REQUEST_ATTACHMENT_KIND_NAMES_ZH: Record<RequestAttachmentKind, string> = {
  request: '申请书（原件扫描件、邮件、传真）',
  identity: '身份证明材料',
  'delivery-receipt': '送达回证',
  reply: '已签发的答复书',
  other: '其他材料',
};

/** A stored file of a request. */
export interface RequestAttachment {
  id: number;
  caseId: number;
  kind: RequestAttachmentKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

async function caseOrThrow(db: Db, caseId: number): Promise<{ organizationId: number; organizationPath: string }> {
  const record = await findCaseById(db, caseId);
  if (!record) throw new GongkaiError('NOT_FOUND', `request ${caseId}`);
  return record;
}

/** A request's files, oldest first. */
export async function listRequestAttachments(db: Db, caseId: number): Promise<RequestAttachment[]> {
  const rows = await db.selectFrom('case_document').selectAll().where('request_case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, caseId, kind: r.kind as RequestAttachmentKind, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes, sha256: r.sha256, createdAt: r.created_at }));
}

/**
 * Stores a file with a request.
 * @throws GongkaiError `NOT_FOUND`, `FORBIDDEN`, `UPLOAD_TOO_LARGE`, `UPLOAD_TYPE`, `VALIDATION_FAILED` (empty file, unknown kind)
 */
export async function addRequestAttachment(ctx: ServiceContext, actor: Actor, caseId: number, upload: AttachmentUpload, kind: string): Promise<RequestAttachment> {
  authorize(actor, 'requests.handle');
  if (!(REQUEST_ATTACHMENT_KINDS as readonly string[]).includes(kind)) {
    throw new GongkaiError('VALIDATION_FAILED', `kind must be one of ${REQUEST_ATTACHMENT_KINDS.join(', ')}`, { issues: [{ field: 'kind', message: 'unknown kind', messageZh: '请选择材料类型' }] });
  }
  const checked = checkUpload(upload, ctx.config.maxUploadBytes);
  return ctx.store.db.transaction().execute(async (trx) => {
    const record = await caseOrThrow(trx, caseId);
    authorize(actor, 'requests.handle', { organizationPath: record.organizationPath });
    await storeFile(ctx.config.attachmentsDir, checked.sha256, checked.data);
    const createdAt = nowIso(ctx.clock);
    const row = await trx
      .insertInto('case_document')
      .values({ request_case_id: caseId, review_case_id: null, kind, file_name: checked.fileName, media_type: checked.mediaType, size_bytes: checked.sizeBytes, sha256: checked.sha256, created_by: actorUserId(actor), created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attachment: RequestAttachment = { id: row.id, caseId, kind: kind as RequestAttachmentKind, fileName: checked.fileName, mediaType: checked.mediaType, sizeBytes: checked.sizeBytes, sha256: checked.sha256, createdAt };
    await recordAudit(trx, actor, ctx.clock, { action: 'request.attachment.add', entityType: 'request_case', entityId: caseId, organizationId: record.organizationId, after: attachment });
    return attachment;
  });
}

/**
 * A request's file for download, with the path of its bytes.
 * @throws GongkaiError `NOT_FOUND` (no such case or file, or the bytes are missing), `FORBIDDEN`
 */
export async function getRequestAttachment(ctx: ServiceContext, actor: Actor, caseId: number, attachmentId: number): Promise<{ attachment: RequestAttachment; filePath: string }> {
  authorize(actor, 'requests.read');
  const record = await caseOrThrow(ctx.store.db, caseId);
  authorize(actor, 'requests.read', { organizationPath: record.organizationPath });
  const attachment = (await listRequestAttachments(ctx.store.db, caseId)).find((a) => a.id === attachmentId);
  if (!attachment) throw new GongkaiError('NOT_FOUND', `attachment ${attachmentId}`);
  return { attachment, filePath: await existingFilePath(ctx.config.attachmentsDir, attachment.sha256) };
}
