/**
 * The full-text SQL of each dialect: the one place besides the migration where SQLite and PostgreSQL
 * differ (STACK.md §1–2). SQLite: the FTS5 table `catalog_search(title, summary, document_number,
 * body)` keyed by rowid = item id, ranked by bm25. PostgreSQL: the table `catalog_search(item_id, …)`
 * whose generated `fts` tsvector (title and 文号 weight A, summary B, body C) is ranked by ts_rank.
 * Both hold the jieba-segmented text of segmenter.ts; words reaching here are letters/digits only,
 * so quoting them is all the escaping FTS5 needs, and PostgreSQL gets them as bound text.
 */
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';
import { FIELD_SEPARATOR_TOKEN } from './segmenter.ts';

/** An item's segmented text, as stored in the search table. */
export interface SearchRow {
  itemId: number;
  title: string;
  summary: string;
  documentNumber: string;
  body: string;
}

/** A matched item and its relevance: higher is better on both dialects. */
export interface ScoredMatch {
  item_id: number;
  score: number;
}

/**
 * PostgreSQL concatenates the fields' tsvectors with positions running on, so the last word of the
 * title and the first of the 文号 would be adjacent and a phrase could span them; FTS5 never
 * matches across columns. A separator word after each field but the last keeps the two alike
 * (segmenter.ts never lets it come from a query).
 */
const PG_FIELD_SEPARATOR = ` ${FIELD_SEPARATOR_TOKEN}`;

/** Column weights of bm25 on SQLite: title, summary, document_number, body. */
const BM25 = sql`bm25(catalog_search, 10, 5, 10, 1)`;

/** The FTS5 MATCH text for phrases combined with AND: `"乡村振兴" AND "2017 19 号"`. */
export function fts5MatchText(phrases: readonly (readonly string[])[]): string {
  return phrases.map((words) => `"${words.map((w) => w.replace(/"/g, '')).join(' ')}"`).join(' AND ');
}

/** The PostgreSQL tsquery for phrases combined with AND (`phraseto_tsquery('simple', …) && …`). */
function tsQuery(phrases: readonly (readonly string[])[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    phrases.map((words) => sql`phraseto_tsquery('simple', ${words.join(' ')})`),
    sql` && `,
  )})`;
}

/**
 * A derived table `(item_id, score)` of the items matching every phrase; use it with `.as(alias)`.
 * @param phrases at least one non-empty phrase
 * @param candidates when given, only the newest `candidates` matches (highest item ids) are scored
 *   (see RELEVANCE_CANDIDATE_CAP in search.repository.ts)
 */
export function scoredMatches(dialect: Dialect, phrases: readonly (readonly string[])[], candidates?: number): RawBuilder<ScoredMatch> {
  if (dialect === 'postgres') {
    const query = tsQuery(phrases);
    if (candidates !== undefined) {
      return sql<ScoredMatch>`(select c.item_id, ts_rank(c.fts, ${query}) as score from (select item_id, fts from catalog_search where fts @@ ${query} order by item_id desc limit ${candidates}) c)`;
    }
    return sql<ScoredMatch>`(select item_id, ts_rank(fts, ${query}) as score from catalog_search where fts @@ ${query})`;
  }
  if (candidates !== undefined) {
    return sql<ScoredMatch>`(select rowid as item_id, -${BM25} as score from catalog_search where catalog_search match ${fts5MatchText(phrases)} order by rowid desc limit ${candidates})`;
  }
  return sql<ScoredMatch>`(select rowid as item_id, -${BM25} as score from catalog_search where catalog_search match ${fts5MatchText(phrases)})`;
}

/** A derived table `(item_id)` of the items matching every phrase, without scoring (for counts). */
export function matchedIds(dialect: Dialect, phrases: readonly (readonly string[])[]): RawBuilder<{ item_id: number }> {
  if (dialect === 'postgres') return sql<{ item_id: number }>`(select item_id from catalog_search where fts @@ ${tsQuery(phrases)})`;
  return sql<{ item_id: number }>`(select rowid as item_id from catalog_search where catalog_search match ${fts5MatchText(phrases)})`;
}

/** The number of rows of the search table matching every phrase (the search table holds published items only). */
export async function countMatches(db: Db, dialect: Dialect, phrases: readonly (readonly string[])[]): Promise<number> {
  const result =
    dialect === 'postgres'
      ? await sql<{ n: number }>`select count(*) as n from catalog_search where fts @@ ${tsQuery(phrases)}`.execute(db)
      : await sql<{ n: number }>`select count(*) as n from catalog_search where catalog_search match ${fts5MatchText(phrases)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** A condition: the item id `itemIdColumn` (e.g. `ci.id`) matches the phrase. */
export function itemMatchesPhrase(dialect: Dialect, itemIdColumn: string, phrase: readonly string[]): RawBuilder<SqlBool> {
  if (dialect === 'postgres') {
    return sql<SqlBool>`${sql.ref(itemIdColumn)} in (select item_id from catalog_search where fts @@ ${tsQuery([phrase])})`;
  }
  return sql<SqlBool>`${sql.ref(itemIdColumn)} in (select rowid from catalog_search where catalog_search match ${fts5MatchText([phrase])})`;
}

/** Removes an item's row from the search table (no-op when absent). */
export async function deleteSearchRow(db: Db, dialect: Dialect, itemId: number): Promise<void> {
  if (dialect === 'postgres') {
    await db.deleteFrom('catalog_search').where('item_id', '=', itemId).execute();
  } else {
    await sql`delete from catalog_search where rowid = ${itemId}`.execute(db);
  }
}

/** Empties the search table. */
export async function clearSearchRows(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await db.deleteFrom('catalog_search').execute();
  else await sql`delete from catalog_search`.execute(db);
}

/**
 * Adds or replaces rows of the search table. SQLite: delete, then insert with rowid = item id
 * (FTS5 has no upsert). PostgreSQL: insert … on conflict update; the tsvector column follows.
 */
export async function writeSearchRows(db: Db, dialect: Dialect, rows: readonly SearchRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'postgres') {
    await db
      .insertInto('catalog_search')
      .values(
        rows.map((r) => ({
          item_id: r.itemId,
          title: r.title + PG_FIELD_SEPARATOR,
          document_number: r.documentNumber + PG_FIELD_SEPARATOR,
          summary: r.summary + PG_FIELD_SEPARATOR,
          body: r.body,
        })),
      )
      .onConflict((oc) =>
        oc.column('item_id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          summary: eb.ref('excluded.summary'),
          document_number: eb.ref('excluded.document_number'),
          body: eb.ref('excluded.body'),
        })),
      )
      .execute();
    return;
  }
  await sql`delete from catalog_search where rowid in (${sql.join(rows.map((r) => r.itemId))})`.execute(db);
  await sql`insert into catalog_search (rowid, title, summary, document_number, body) values ${sql.join(
    rows.map((r) => sql`(${r.itemId}, ${r.title}, ${r.summary}, ${r.documentNumber}, ${r.body})`),
  )}`.execute(db);
}
