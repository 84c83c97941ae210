/**
 * The pure part of the bulk import: turning raw rows into validated, prepared items or row issues
 * (`validateCatalogItemInput` plus the import's own rules: an index number for every published row,
 * none twice in a file), and an imported body into stored HTML and plain text. No I/O.
 */
import { ERROR_CODES } from '../shared/errors.ts';
import type { Organization } from '../organizations/organization.ts';
import type { CatalogItemInsert } from './catalog-import.repository.ts';
import { catalogItemToRow } from './catalog-item.mapper.ts';
import { catalogIssue, FIELD_LABELS_ZH, inputItemFields, validateCatalogItemInput } from './catalog-item.schema.ts';
import type { CatalogItemInput } from './catalog-item.schema.ts';
import { sanitizeRichText } from './rich-text.ts';

/** One problem of an import: `row` is the data row (1 = the first row below the header; 0 = the header itself). */
export interface ImportIssue {
  row: number;
  field: string;
  message: string;
  messageZh: string;
}

/** Whether a body looks like HTML (has a tag) rather than plain text. */
function looksLikeHtml(body: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?\/?>/.test(body);
}

/** Escapes text content the way the rich-text sanitizer writes it (quotes stay as they are), so bodies round-trip. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The stored HTML and plain text of an imported body: HTML bodies go through the rich-text
 * sanitizer; plain text becomes one paragraph per non-blank line (escaped), the way it reads.
 */
export function importedBody(body: string | undefined): { html: string; text: string } {
  if (body === undefined) return { html: '', text: '' };
  if (looksLikeHtml(body)) return sanitizeRichText(body);
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '');
  return { html: lines.map((line) => `<p>${escapeText(line)}</p>`).join(''), text: lines.join('\n') };
}

/**
 * The columns of one validated item as it will be stored (via `catalogItemToRow`): imported, a
 * draft unless it has a publication date, the body as `importedBody` stores it.
 * @param createdBy the importing user's id (null for the system)
 * @param synthetic true for demo data (stored as 1)
 */
function prepareImportItem(value: CatalogItemInput, organizationId: number, now: string, createdBy: number | null, synthetic = false): CatalogItemInsert {
  const body = importedBody(value.bodyHtml);
  const published = value.publicationDate !== undefined;
  // Every field is given (none undefined), so the mapper yields a complete row.
  return catalogItemToRow({
    ...inputItemFields(value, body),
    organizationId,
    indexNumber: value.indexNumber ?? null,
    publicationDate: value.publicationDate ?? null,
    status: published ? 'published' : 'draft',
    supersededById: null,
    imported: true,
    synthetic,
    createdBy,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
  }) as CatalogItemInsert;
}

/** A raw row to check: its row number and field values (as `rowToRawInput` gives them). */
export interface RawImportRow {
  row: number;
  raw: Record<string, string>;
}

/**
 * Validates rows and prepares the valid ones (no I/O): the item rules of `validateCatalogItemInput`,
 * an index number for every row that has a publication date (a published item has one), and no index
 * number twice in the file. A blank 发布机构 defaults to the organization's name.
 * @param seen index numbers of earlier rows of the same file, with their row (updated here), for checks across chunks
 * @returns the issues and the prepared items of the good rows (with their row numbers)
 */
export function checkImportRows(
  rows: readonly RawImportRow[],
  organization: Pick<Organization, 'id' | 'name'>,
  context: { today: string; now: string; createdBy: number | null; synthetic?: boolean; seen: Map<string, number> },
): { issues: ImportIssue[]; items: { row: number; item: CatalogItemInsert }[] } {
  const issues: ImportIssue[] = [];
  const items: { row: number; item: CatalogItemInsert }[] = [];
  for (const { row, raw } of rows) {
    const input = { ...raw, organizationId: organization.id, issuingAgency: raw['issuingAgency'] ?? organization.name };
    const checked = validateCatalogItemInput(input, context.today);
    const rowIssues = checked.ok ? [] : checked.issues.map((i) => ({ row, field: i.field, message: i.message, messageZh: i.messageZh }));
    const indexNumber = checked.ok ? checked.value.indexNumber : raw['indexNumber']?.trim();
    if (indexNumber === undefined && raw['publicationDate'] !== undefined && !rowIssues.some((i) => i.field === 'indexNumber')) {
      const issue = catalogIssue('indexNumber', 'required');
      rowIssues.unshift({ row, field: 'indexNumber', message: `${issue.message} (a published item has one)`, messageZh: `${issue.messageZh}（已发布的信息应有索引号）` });
    }
    if (indexNumber !== undefined && indexNumber !== '') {
      const earlier = context.seen.get(indexNumber);
      if (earlier !== undefined) rowIssues.unshift(duplicateIssue(row, indexNumber, earlier));
      else context.seen.set(indexNumber, row);
    }
    if (rowIssues.length > 0 || !checked.ok) issues.push(...rowIssues);
    else items.push({ row, item: prepareImportItem(checked.value, organization.id, context.now, context.createdBy, context.synthetic) });
  }
  return { issues, items };
}

/** The issue of an index number used by an earlier row (`earlierRow`) or already in the store (null). */
export function duplicateIssue(row: number, indexNumber: string, earlierRow: number | null): ImportIssue {
  const entry = ERROR_CODES.INDEX_NUMBER_DUPLICATE;
  return earlierRow === null
    ? { row, field: 'indexNumber', message: `${entry.en}: ${indexNumber} is already used by an item of the catalog`, messageZh: `${entry.zh}：${indexNumber} 已被目录中的其他信息使用` }
    : { row, field: 'indexNumber', message: `${entry.en}: ${indexNumber} is also in row ${earlierRow}`, messageZh: `${FIELD_LABELS_ZH.indexNumber} ${indexNumber} 与第 ${earlierRow} 行重复` };
}
