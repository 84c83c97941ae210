/**
 * Bulk writes of the demo's 2017 (demo-2017.ts): the 127,736 catalog items of the year generated
 * by the database (`insertItemRun`), its 45 行政规范性文件 and the records in multi-row inserts (the catalog service writes one item, its index entry and its audit event at a
 * time: minutes for this many), and the engagement and work records. Every row is marked synthetic.
 * Callers own the transaction (and index the new items: search-index.ts `indexPublishedItemsAfter`).
 */
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { CatalogItemTable, Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';

/** Text as HTML (the bodies are the demo's own sentences; escaped all the same). */
function paragraph(text: string): string {
  return `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
}

/** Rows per INSERT statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 500;

/**
 * A run of generated items: `count` items of one organization, genre and channel, numbered
 * `firstSerial`… in their index numbers, titled `titlePrefix` + number + `titleSuffix`, published
 * on days spread over the year by number (weekends included: websites post then too). No per-item
 * data crosses the wire: the database generates the rows (a recursive common table expression, the
 * same statement on SQLite and PostgreSQL but for zero-padding and date arithmetic), so 127,736
 * items take seconds, not minutes.
 */
export interface ItemRun {
  organizationId: number;
  organizationCode: string;
  issuingAgency: string;
  year: number;
  firstSerial: number;
  count: number;
  titlePrefix: string;
  titleSuffix: string;
  genre: string;
  subjectCategory: string;
  /** JSON array of channels. */
  channels: string;
  bodyText: string;
}

/** Inserts a run of published, proactive, in-force demo items. @returns how many were written */
export async function insertItemRun(db: Db, dialect: Dialect, run: ItemRun, at: string): Promise<number> {
  if (run.count <= 0) return 0;
  const serial = sql`(${sql.lit(run.firstSerial - 1)} + seq.n)`;
  const padded = dialect === 'postgres' ? sql`lpad(cast(${serial} as text), 5, '0')` : sql`substr('00000' || cast(${serial} as text), -5, 5)`;
  const offset = sql`((seq.n * 7919) % 365)`;
  const jan1 = `${run.year}-01-01`;
  const day = dialect === 'postgres' ? sql`to_char(cast(${jan1} as date) + ${offset}, 'YYYY-MM-DD')` : sql`date(${jan1}, '+' || ${offset} || ' days')`;
  const text = (value: string) => sql`cast(${value} as text)`;
  await sql`
    with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${sql.lit(run.count)})
    insert into catalog_item (organization_id, index_number, title, document_number, issuing_agency, creation_date, publication_date,
      subject_category, genre, keywords, disclosure_type, validity, body_html, body_text, status, imported, synthetic, channels, created_at, updated_at)
    select ${sql.lit(run.organizationId)}, ${text(`${run.organizationCode}/${run.year}-`)} || ${padded},
      ${text(run.titlePrefix)} || cast(seq.n as text) || ${text(run.titleSuffix)}, null, ${text(run.issuingAgency)}, ${day}, ${day},
      ${text(run.subjectCategory)}, ${text(run.genre)}, '[]', 'proactive', 'in_force', ${text(paragraph(run.bodyText))}, ${text(run.bodyText)},
      'published', 0, 1, ${text(run.channels)}, ${text(at)}, ${text(at)}
    from seq
  `.execute(db);
  return run.count;
}

/** An item written row by row (the 行政规范性文件, each with its own 文号). */
export interface BulkItem {
  organizationId: number;
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  issuingAgency: string;
  creationDate: string;
  publicationDate: string;
  subjectCategory: string;
  genre: string;
  /** JSON array of channels. */
  channels: string;
  bodyText: string;
}

/** Inserts published, proactive, in-force demo items in batches. @returns how many were written */
export async function insertBulkItems(db: Db, items: readonly BulkItem[], at: string): Promise<number> {
  for (let i = 0; i < items.length; i += BATCH) {
    const rows: Insertable<CatalogItemTable>[] = items.slice(i, i + BATCH).map((it) => ({
      organization_id: it.organizationId,
      index_number: it.indexNumber,
      title: it.title,
      summary: null,
      document_number: it.documentNumber,
      issuing_agency: it.issuingAgency,
      creation_date: it.creationDate,
      publication_date: it.publicationDate,
      subject_category: it.subjectCategory,
      genre: it.genre,
      keywords: '[]',
      disclosure_type: 'proactive',
      validity: 'in_force',
      body_html: paragraph(it.bodyText),
      body_text: it.bodyText,
      status: 'published',
      imported: 0,
      synthetic: 1,
      channels: it.channels,
      created_at: at,
      updated_at: at,
    }));
    await db.insertInto('catalog_item').values(rows).execute();
  }
  return items.length;
}

/** Records the last index-number serial used for an organization's year, so later items continue after it. */
export async function setIndexSerial(db: Db, organizationId: number, year: number, lastSerial: number): Promise<void> {
  await db.deleteFrom('index_number_sequence').where('organization_id', '=', organizationId).where('year', '=', year).execute();
  await db.insertInto('index_number_sequence').values({ organization_id: organizationId, year, last_serial: lastSerial }).execute();
}

/** The largest catalog item id (0 when there is none): the items written after it are the bulk's. */
export async function selectLastItemId(db: Db): Promise<number> {
  const row = await db.selectFrom('catalog_item').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Ids of an organization's items with the given genre published in a year, by id. */
export async function selectItemIds(db: Db, organizationId: number, genre: string, year: number): Promise<number[]> {
  const rows = await db
    .selectFrom('catalog_item')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('genre', '=', genre)
    .where('publication_date', '>=', `${year}-01-01`)
    .where('publication_date', '<=', `${year}-12-31`)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Rows of the engagement and work-record tables the demo writes, keyed by table. */
export interface ActivityRows {
  concern_response: { organization_id: number; topic: string; channel: string; responded_on: string }[];
  press_event: { organization_id: number; kind: string; held_on: string; topic: string; principal_leader_attended: number }[];
  policy_interpretation: { organization_id: number; policy_item_id: number; title: string; form: string; published_on: string }[];
  ogi_staffing: { organization_id: number; year: number; ogi_offices: number; staff_full_time: number; staff_part_time: number; funding: number; note: string }[];
  reading_point: { organization_id: number; name: string; address: string; opening_hours: string; opened_on: string }[];
  ogi_meeting: { organization_id: number; held_on: string; title: string; kind: string }[];
  training_session: { organization_id: number; held_on: string; title: string; attendees: number }[];
  hotline_work_order: { organization_id: number; order_number: string; received_on: string; category: string; summary: string; replied_on: string; satisfaction: string }[];
  deputy_proposal: { organization_id: number; kind: string; session: string; number: string; title: string; proposer: string; role: string; received_on: string; due_on: string; replied_on: string; reply_summary: string; adoption: string; disclosure: string; published_on: string }[];
  message: { organization_id: number; tracking_code: string; subject: string; body: string; writer_name: string; writer_contact: string; publish_consent: number; status: string; received_at: string; received_on: string; due_on: string; reply: string; replied_at: string; replied_on: string; published_at: string | null; public_subject: string | null; public_body: string | null }[];
}

/** Inserts the engagement and work records, every row synthetic and stamped `at`. */
export async function insertActivityRows(db: Db, rows: ActivityRows, at: string): Promise<void> {
  const stamp = { synthetic: 1, created_at: at, updated_at: at };
  const batches = async <T>(list: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> => {
    for (let i = 0; i < list.length; i += BATCH) await write(list.slice(i, i + BATCH));
  };
  await batches(rows.concern_response, (c) => db.insertInto('concern_response').values(c.map((r) => ({ ...r, summary: null, url: null, created_by: null, ...stamp }))).execute());
  await batches(rows.press_event, (c) => db.insertInto('press_event').values(c.map((r) => ({ ...r, speakers: null, url: null, concern_response_id: null, created_by: null, ...stamp }))).execute());
  await batches(rows.policy_interpretation, (c) => db.insertInto('policy_interpretation').values(c.map((r) => ({ ...r, url: null, interpretation_item_id: null, concern_response_id: null, created_by: null, ...stamp }))).execute());
  await batches(rows.ogi_staffing, (c) => db.insertInto('ogi_staffing').values(c.map((r) => ({ ...r, updated_by: null, ...stamp }))).execute());
  await batches(rows.reading_point, (c) => db.insertInto('reading_point').values(c.map((r) => ({ ...r, closed_on: null, ...stamp }))).execute());
  await batches(rows.ogi_meeting, (c) => db.insertInto('ogi_meeting').values(c.map((r) => ({ ...r, ...stamp }))).execute());
  await batches(rows.training_session, (c) => db.insertInto('training_session').values(c.map((r) => ({ ...r, ...stamp }))).execute());
  await batches(rows.hotline_work_order, (c) => db.insertInto('hotline_work_order').values(c.map((r) => ({ ...r, import_id: null, ...stamp }))).execute());
  await batches(rows.deputy_proposal, (c) => db.insertInto('deputy_proposal').values(c.map((r) => ({ ...r, withheld_reason: null, created_by: null, ...stamp }))).execute());
  await batches(rows.message, (c) => db.insertInto('message').values(c.map((r) => ({ ...r, assigned_to: null, assigned_at: null, replied_by: null, published_by: null, ...stamp }))).execute());
}
