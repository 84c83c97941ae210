/**
 * File uploads and downloads at the HTTP edge, shared by every module that keeps files (catalog
 * attachments, request attachments, review documents).
 */
import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AttachmentUpload } from '../catalog/attachment.service.ts';
import { GongkaiError } from '../shared/errors.ts';

/**
 * The first file of a multipart request and its text fields.
 * @throws GongkaiError `UPLOAD_TYPE` when the request is not multipart, `VALIDATION_FAILED` naming `file` when it has no file
 */
export async function readFileUpload(request: FastifyRequest): Promise<{ upload: AttachmentUpload; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new GongkaiError('UPLOAD_TYPE', 'send the file as multipart/form-data (field `file`)');
  let upload: AttachmentUpload | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (upload === null && part.filename) upload = { fileName: part.filename, mediaType: part.mimetype, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!upload) throw new GongkaiError('VALIDATION_FAILED', 'file', { issues: [{ field: 'file', message: 'a file is required in the multipart field `file`', messageZh: '请选择要上传的文件' }] });
  return { upload, fields };
}

/**
 * `Content-Disposition` for a download: an ASCII fallback name plus the UTF-8 name (RFC 6266 /
 * RFC 8187), so Chinese file names survive in every browser.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  // eslint-disable-next-line no-control-regex -- control characters must not reach a header
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_').replace(/[\u0000-\u001f]/g, '') || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file as a download: its media type, {@link contentDisposition} with its name, its
 * size (bytes) as `Content-Length`, and `cacheControl` (e.g. `private, no-store` for staff files).
 * @param file the stored file's metadata (`sizeBytes` in bytes)
 * @param filePath the file on disk (from the module's stored-file lookup, which checked it exists)
 */
export function sendStoredFile(reply: FastifyReply, file: { fileName: string; mediaType: string; sizeBytes: number }, filePath: string, cacheControl: string): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('Content-Length', String(file.sizeBytes))
    .header('Cache-Control', cacheControl)
    .send(createReadStream(filePath));
}
