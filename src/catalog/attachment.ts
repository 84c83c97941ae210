/**
 * Attachments of catalog items (附件): the files a published document comes with (the signed PDF,
 * tables, OFD originals). Pure: the allowed types and the check that a file's declared type, its
 * extension and its first bytes agree, so a renamed executable or a script is refused (issue 3).
 */

/** A stored attachment. The file lives at `<attachmentsDir>/<sha256[0..2]>/<sha256>`. */
export interface Attachment {
  id: number;
  itemId: number;
  /** The name the uploader gave (shown and used in Content-Disposition). */
  fileName: string;
  /** The media type we serve it with (the canonical one of its kind, not the client's claim). */
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  createdAt: string;
}

/** One allowed kind of file. */
export interface AttachmentKind {
  /** File extensions (lower case, without dot). */
  extensions: readonly string[];
  /** The canonical media type, served on download. */
  mediaType: string;
  /** Other media types clients are known to declare for it. */
  aliases: readonly string[];
  /** The leading bytes the content must start with; null for plain text (checked separately). */
  magic: readonly number[] | null;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OCTET = 'application/octet-stream';

/** The allowed kinds: pdf, docx, doc, xlsx, xls, ofd, jpg, png, zip, txt. */
export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { extensions: ['pdf'], mediaType: 'application/pdf', aliases: [OCTET], magic: [0x25, 0x50, 0x44, 0x46] },
  { extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', aliases: [OCTET, 'application/zip'], magic: ZIP },
  { extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', aliases: [OCTET, 'application/zip'], magic: ZIP },
  { extensions: ['doc'], mediaType: 'application/msword', aliases: [OCTET], magic: OLE },
  { extensions: ['xls'], mediaType: 'application/vnd.ms-excel', aliases: [OCTET], magic: OLE },
  // OFD (GB/T 33190, the Chinese fixed-layout format) is a ZIP container.
  { extensions: ['ofd'], mediaType: 'application/ofd', aliases: [OCTET, 'application/zip'], magic: ZIP },
  { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', aliases: ['image/pjpeg', OCTET], magic: [0xff, 0xd8, 0xff] },
  { extensions: ['png'], mediaType: 'image/png', aliases: [OCTET], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { extensions: ['zip'], mediaType: 'application/zip', aliases: ['application/x-zip-compressed', OCTET], magic: ZIP },
  { extensions: ['txt'], mediaType: 'text/plain', aliases: [OCTET], magic: null },
];

/** The extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? '';
}

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((byte, i) => data[i] === byte);
}

/** Plain text must be valid UTF-8 (or GB18030-ish bytes) without NULs or control bytes other than tab and newlines. */
function looksLikeText(data: Uint8Array): boolean {
  const head = data.subarray(0, 8192);
  for (const byte of head) if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)) return false;
  return true;
}

/**
 * Identifies an upload: the kind whose extension matches the file name, whose media type (or an
 * alias) matches the declared one, and whose magic bytes start the content.
 * @param declaredType the client's Content-Type for the file (parameters ignored)
 * @returns the kind, or a reason (English, Chinese) it is refused
 */
export function identifyAttachment(fileName: string, declaredType: string, data: Uint8Array): { ok: true; kind: AttachmentKind } | { ok: false; en: string; zh: string } {
  const extension = extensionOf(fileName);
  const kind = ATTACHMENT_KINDS.find((k) => k.extensions.includes(extension));
  const allowed = ATTACHMENT_KINDS.flatMap((k) => k.extensions).join(', ');
  if (!kind) return { ok: false, en: `the extension ".${extension}" is not allowed (allowed: ${allowed})`, zh: `不允许上传 .${extension} 文件（允许：${allowed}）` };
  const declared = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (declared !== '' && declared !== kind.mediaType && !kind.aliases.includes(declared)) {
    return { ok: false, en: `the declared type ${declared} does not match the extension .${extension}`, zh: `文件声明的类型 ${declared} 与扩展名 .${extension} 不符` };
  }
  const contentOk = kind.magic === null ? looksLikeText(data) : startsWith(data, kind.magic);
  if (!contentOk) return { ok: false, en: `the content is not a .${extension} file`, zh: `文件内容不是 .${extension} 格式` };
  return { ok: true, kind };
}
