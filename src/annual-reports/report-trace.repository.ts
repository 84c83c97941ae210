/**
 * The records a trace lists (report-trace.ts): request cases placed for a year exactly as the
 * statistics query places them (src/requests/request-statistics.repository.ts), catalog items and
 * review records by id, the proactive items published in a year, and the names of who entered a
 * figure. Only reads.
 */
import { parseChannelsJson } from '../catalog/catalog-item.mapper.ts';
import type { Db } from '../db/database.ts';
import type { Channel, RequesterType } from '../requests/request-case.ts';
import { isAnswerDetail } from '../requests/request-outcome.ts';
import { yearBounds } from '../requests/request-statistics.ts';
import type { TraceCaseRow, TracedItem } from './report-trace.ts';

/** Ids per `IN (…)` list: far below every driver's parameter limit. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * The cases of the given organizations that the tables of `year` look at: received by Dec 31 and
 * not decided before Jan 1 (the placement of the statistics query; the pure classification decides
 * the cells).
 * @returns cases by date of receipt, then id
 */
export async function selectTraceCases(db: Db, organizationIds: readonly number[], year: number): Promise<TraceCaseRow[]> {
  const { from, to } = yearBounds(year);
  const rows = [];
  for (const ids of chunks(organizationIds)) {
    rows.push(
      ...(await db
        .selectFrom('request_case as rc')
        .select(['rc.id', 'rc.tracking_code', 'rc.organization_id', 'rc.requester_type', 'rc.requester_name', 'rc.channel', 'rc.received_on', 'rc.outcome', 'rc.answer_detail', 'rc.outcome_on', 'rc.reply_due', 'rc.final_due', 'rc.extended', 'rc.fee_yuan'])
        .where('rc.organization_id', 'in', ids)
        .where('rc.received_on', '<=', to)
        .where((eb) => eb.or([eb('rc.outcome_on', 'is', null), eb('rc.outcome_on', '>=', from)]))
        .execute()),
    );
  }
  return rows
    .map((r) => ({
      id: Number(r.id),
      trackingCode: r.tracking_code,
      organizationId: Number(r.organization_id),
      requesterType: r.requester_type as RequesterType,
      requesterName: r.requester_name,
      channel: r.channel as Channel,
      receivedOn: r.received_on,
      outcome: r.outcome,
      answerDetail: isAnswerDetail(r.answer_detail) ? r.answer_detail : null,
      outcomeOn: r.outcome_on,
      replyDue: r.reply_due,
      finalDue: r.final_due,
      extended: Number(r.extended) === 1,
      feeYuan: Number(r.fee_yuan),
    }))
    .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id - b.id));
}

/** Item columns a trace shows. */
type ItemRow = {
  id: number;
  organization_id: number;
  organization_name: string;
  index_number: string | null;
  title: string;
  document_number: string | null;
  genre: string;
  creation_date: string;
  publication_date: string | null;
  validity: string;
  expiry_date: string | null;
  status: string;
  channels: string;
};

function rowToItem(r: ItemRow): TracedItem {
  return {
    id: Number(r.id),
    organizationId: Number(r.organization_id),
    organizationName: r.organization_name,
    indexNumber: r.index_number,
    title: r.title,
    documentNumber: r.document_number,
    genre: r.genre,
    creationDate: r.creation_date,
    publicationDate: r.publication_date,
    validity: r.validity,
    expiryDate: r.expiry_date,
    status: r.status,
    channels: parseChannelsJson(r.channels),
    contribution: 1,
  };
}

function itemQuery(db: Db) {
  return db
    .selectFrom('catalog_item as ci')
    .innerJoin('organization as o', 'o.id', 'ci.organization_id')
    .select(['ci.id', 'ci.organization_id', 'o.name as organization_name', 'ci.index_number', 'ci.title', 'ci.document_number', 'ci.genre', 'ci.creation_date', 'ci.publication_date', 'ci.validity', 'ci.expiry_date', 'ci.status', 'ci.channels']);
}

/**
 * Catalog items by id, with their organization's name.
 * @returns the items found, by id
 */
export async function selectTraceItems(db: Db, ids: readonly number[]): Promise<TracedItem[]> {
  const out: TracedItem[] = [];
  for (const list of chunks(ids)) out.push(...(await itemQuery(db).where('ci.id', 'in', list).execute()).map(rowToItem));
  return out.sort((a, b) => a.id - b.id);
}

/**
 * The proactively disclosed items of the given organizations published in `year` (the 2014
 * 主动公开政府信息数: the same conditions as the count in report-figures.repository.ts).
 * @returns the items by publication date, then id
 */
export async function selectPublishedProactiveItems(db: Db, organizationIds: readonly number[], year: number): Promise<TracedItem[]> {
  const { from, to } = yearBounds(year);
  const out: TracedItem[] = [];
  for (const ids of chunks(organizationIds)) {
    const rows = await itemQuery(db)
      .where('ci.organization_id', 'in', ids)
      .where('ci.disclosure_type', '=', 'proactive')
      .where('ci.status', 'in', ['published', 'superseded'])
      .where('ci.publication_date', '>=', from)
      .where('ci.publication_date', '<=', to)
      .execute();
    out.push(...rows.map(rowToItem));
  }
  return out.sort((a, b) => ((a.publicationDate ?? '') < (b.publicationDate ?? '') ? -1 : (a.publicationDate ?? '') > (b.publicationDate ?? '') ? 1 : a.id - b.id));
}

/**
 * The applicant names of review records (the only column a trace shows that the report's figures
 * do not hold).
 * @returns review id → applicant name as stored
 */
export async function selectReviewApplicants(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const list of chunks(ids)) {
    for (const r of await db.selectFrom('review_case').select(['id', 'applicant_name']).where('id', 'in', list).execute()) names.set(Number(r.id), r.applicant_name);
  }
  return names;
}

