/**
 * Table 二 第二十条第（一）项 from the catalog: the 规章 and 行政规范性文件 an organization issued,
 * repealed and has in force (2021 format, RULES.md §3.3), or made, published and has public (2019
 * format), and the two 2014 rows on normative documents. Pure: the repository selects the
 * documents, this counts them, so the counts and the list of records behind each cell come from one
 * definition.
 *
 * Counting rules (the formats print only the column titles; these are our readings, UNVERIFIED):
 * - 本年制发件数 / 本年新制作数量 / 制发规范性文件总数: 生成日期 (creation date) in the year;
 * - 本年废止件数: validity 废止 with the date it stopped applying in the year (a document that lapsed,
 *   失效, was not repealed and is not counted here, but it is no longer in force);
 * - 现行有效件数: created by Dec 31, published and not superseded by a revised version, and not
 *   repealed or lapsed by Dec 31;
 * - 本年新公开数量 / 主动公开规范性文件数: published (公开日期) in the year;
 * - 对外公开总数量: published by Dec 31 and still public.
 * Only documents that went through publication count (drafts and withdrawn items never do).
 * **Roll-up de-duplication**: a document issued jointly (联合发文) is catalogued by each issuing
 * organization under the same 文号; in a roll-up it counts once (the key is the 文号 normalised,
 * else the item itself).
 */
import { cellId } from '../reports/format/report-format.ts';
import type { FormatId } from '../reports/format/report-format.ts';

/** The two genres table 二 (一) counts. */
export type RegulatoryGenre = 'rule' | 'normative_document';

/** A 规章 or 行政规范性文件 of the catalog, as table 二 needs it. Dates `YYYY-MM-DD`. */
export interface RegulatoryDocument {
  itemId: number;
  organizationId: number;
  genre: RegulatoryGenre;
  documentNumber: string | null;
  creationDate: string;
  publicationDate: string | null;
  /** in_force | expired | repealed. */
  validity: string;
  expiryDate: string | null;
  /** published | superseded | withdrawn (drafts are never selected). */
  status: string;
}

/** The table 二 row of a genre in the 2019/2021 formats. */
const ROW_OF: Readonly<Record<RegulatoryGenre, string>> = { rule: 'regulations', normative_document: 'normative-documents' };

/**
 * The de-duplication key of a document: its 文号 with full-width forms folded (NFKC), whitespace
 * removed and the bracket variants of the year (〔〕, [], 【】, （）, ()) unified, so 吴政发〔2025〕3号 and
 * 吴政发[2025]3号 are one document; `item:<id>` when it has no 文号.
 */
export function documentKey(doc: Pick<RegulatoryDocument, 'itemId' | 'documentNumber' | 'genre'>): string {
  const number = (doc.documentNumber ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (number === '') return `item:${doc.itemId}`;
  return `${doc.genre}:${number.replace(/[[【(（]/g, '〔').replace(/[\]】)）]/g, '〕')}`;
}

/** Whether a document stopped applying (repealed or lapsed) on or before `date`. */
function endedBy(doc: RegulatoryDocument, date: string): boolean {
  return (doc.validity === 'repealed' || doc.validity === 'expired') && doc.expiryDate !== null && doc.expiryDate <= date;
}

/**
 * The cells a document counts in for a year and format (see the header for the rules).
 * @param year the report year
 * @returns cell ids (`t2-1/normative-documents/issued`, `stats/normative-issued/value`, …); empty
 *   when the document counts nowhere that year
 */
export function documentCells(doc: RegulatoryDocument, year: number, formatId: FormatId): string[] {
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year).padStart(4, '0')}-12-31`;
  if (doc.status === 'withdrawn') return [];
  const created = doc.creationDate >= from && doc.creationDate <= to;
  const published = doc.publicationDate !== null && doc.publicationDate >= from && doc.publicationDate <= to;
  const publicByEnd = doc.publicationDate !== null && doc.publicationDate <= to;
  const row = ROW_OF[doc.genre];
  const cells: string[] = [];
  if (formatId === '2021') {
    if (created) cells.push(cellId('t2-1', row, 'issued'));
    if (doc.validity === 'repealed' && doc.expiryDate !== null && doc.expiryDate >= from && doc.expiryDate <= to) cells.push(cellId('t2-1', row, 'repealed'));
    if (doc.creationDate <= to && doc.status === 'published' && publicByEnd && !endedBy(doc, to)) cells.push(cellId('t2-1', row, 'in-force'));
  } else if (formatId === '2019') {
    if (created) cells.push(cellId('t2-1', row, 'made'));
    if (published) cells.push(cellId('t2-1', row, 'published'));
    if (publicByEnd && doc.status !== 'superseded') cells.push(cellId('t2-1', row, 'total-public'));
  } else if (doc.genre === 'normative_document') {
    if (created) cells.push(cellId('stats', 'normative-issued', 'value'));
    if (published) cells.push(cellId('stats', 'proactive-normative', 'value'));
  }
  return cells;
}

/**
 * Counts documents into cells, counting each document key once (the roll-up de-duplication of
 * the header): when two catalogued items share a key, the one with the smallest item id stands
 * for both.
 * @returns `counts` by cell id (only cells some document counts in) and `items`: the item ids
 *   behind each cell, for tracing
 */
export function countRegulatoryDocuments(
  docs: readonly RegulatoryDocument[],
  year: number,
  formatId: FormatId,
): { counts: Record<string, number>; items: Record<string, number[]> } {
  const chosen = new Map<string, RegulatoryDocument>();
  for (const doc of docs) {
    if (doc.status === 'withdrawn') continue;
    const key = documentKey(doc);
    const seen = chosen.get(key);
    if (!seen || doc.itemId < seen.itemId) chosen.set(key, doc);
  }
  const counts: Record<string, number> = {};
  const items: Record<string, number[]> = {};
  for (const doc of chosen.values()) {
    for (const cell of documentCells(doc, year, formatId)) {
      counts[cell] = (counts[cell] ?? 0) + 1;
      (items[cell] ??= []).push(doc.itemId);
    }
  }
  for (const list of Object.values(items)) list.sort((a, b) => a - b);
  return { counts, items };
}
