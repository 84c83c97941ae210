/**
 * Search queries over published catalog items: the full-text match (search-sql.ts, per dialect)
 * joined to `catalog_item` and `organization` for the filters, ranked and paged, with the total.
 * Also the reads of the index rebuild. Only published items are ever returned.
 */
import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';
import { countMatches, itemMatchesPhrase, matchedIds, scoredMatches } from './search-sql.ts';
import type { SearchTerm } from './search-query.ts';

/** Filters of a search; all optional. */
export interface SearchFilters {
  /** Materialized path of an organization: its whole subtree matches (`/1/5/`). */
  organizationPath?: string;
  subjectCategory?: string;
  genre?: string;
  /** Publication year. */
  year?: number;
  validity?: string;
}

/** A matched published item, with the texts the snippet is built from. */
export interface SearchHitRow {
  id: number;
  indexNumber: string | null;
  title: string;
  documentNumber: string | null;
  issuingAgency: string;
  organizationId: number;
  publicationDate: string | null;
  genre: string;
  subjectCategory: string;
  validity: string;
  summary: string | null;
  bodyText: string;
  /** Relevance: higher is better (−bm25 on SQLite, ts_rank on PostgreSQL; 0 for a 文号-only match). */
  score: number;
}

/** Ordering: relevance (document-number matches first, then score) or newest first. Ties: newest, then highest id. */
export type SearchSort = 'relevance' | 'date';

/**
 * How many of the newest matches are ranked by relevance when a query matches more items than this.
 * Ranking costs one bm25 / ts_rank evaluation per match, so a word found in a sixth of a million
 * items took 0.4 s on SQLite (5.8 s with the join and sort) against a 20 ms goal. Above the cap,
 * relevance is computed over the newest CAP matches (by item id, which follows publication for
 * items published here), the total stays exact, and a page the cap cannot fill falls back to ranking
 * every match. Below the cap (every filtered or specific query in practice) ranking is exact.
 */
export const RELEVANCE_CANDIDATE_CAP = 2000;

/**
 * The published items matching every term, filtered, ordered and paged, with the total count.
 * A term matches an item when its phrase is in the search table, or (for a document-number term)
 * when `lower(document_number)` is LIKE its pattern. The search table holds published items only
 * (the catalog service and the importer keep it so): an unfiltered count reads it alone, while the
 * hits themselves are always checked against the item's status.
 * @param terms at least one term (see parseSearchTerms)
 * @param limit page size; `offset` rows are skipped
 */
export async function searchPublishedItems(
  db: Db,
  dialect: Dialect,
  terms: readonly SearchTerm[],
  filters: SearchFilters,
  sort: SearchSort,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: SearchHitRow[] }> {
  const phrases = terms.filter((t) => t.phrase.length > 0).map((t) => t.phrase);
  const documentTerms = terms.filter((t) => t.documentNumberPattern !== null);
  const likeOf = (pattern: string): Expression<SqlBool> => sql<SqlBool>`lower(ci.document_number) like ${pattern} escape '\\'`;

  /** The base query: published items matching every term and filter; `candidates` caps the ranked matches. */
  const base = (mode: 'count' | 'rank', candidates?: number) => {
    let query = db.selectFrom('catalog_item as ci').where('ci.status', '=', 'published');
    let scored = false;
    if (documentTerms.length === 0) {
      // The usual case: one MATCH of all phrases, joined (with its score only when ranking).
      query = query.innerJoin(mode === 'rank' ? scoredMatches(dialect, phrases, candidates).as('s') : matchedIds(dialect, phrases).as('s'), 's.item_id', 'ci.id');
      scored = mode === 'rank';
    } else {
      // A 文号 term may match by LIKE instead of the index, so each term becomes its own condition;
      // the MATCH of all phrases is joined only for the score.
      if (phrases.length > 0 && mode === 'rank') {
        query = query.leftJoin(scoredMatches(dialect, phrases).as('s'), 's.item_id', 'ci.id');
        scored = true;
      }
      for (const term of terms) {
        const conditions: Expression<SqlBool>[] = [];
        if (term.phrase.length > 0) conditions.push(itemMatchesPhrase(dialect, 'ci.id', term.phrase));
        if (term.documentNumberPattern !== null) conditions.push(likeOf(term.documentNumberPattern));
        query = query.where((eb) => eb.or(conditions));
      }
    }
    if (filters.organizationPath !== undefined) {
      const path = filters.organizationPath;
      query = query.where((eb) => eb.exists(eb.selectFrom('organization as o').whereRef('o.id', '=', 'ci.organization_id').where('o.path', 'like', `${path}%`).select('o.id')));
    }
    if (filters.subjectCategory !== undefined) query = query.where('ci.subject_category', '=', filters.subjectCategory);
    if (filters.genre !== undefined) query = query.where('ci.genre', '=', filters.genre);
    if (filters.validity !== undefined) query = query.where('ci.validity', '=', filters.validity);
    if (filters.year !== undefined) {
      query = query.where('ci.publication_date', '>=', `${filters.year}-01-01`).where('ci.publication_date', '<=', `${filters.year}-12-31`);
    }
    return { query, scored };
  };

  // Without filters the count comes from the search table alone, which holds published items only
  // (the catalog service, the importer and the rebuild keep it so). Joining catalog_item
  // to count cost 228 ms for a word in 81,000 of 100,000 items, against 2.4 ms for the index alone.
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const total =
    documentTerms.length === 0 && !filtered
      ? await countMatches(db, dialect, phrases)
      : Number((await base('count').query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || offset >= total) return { total, rows: [] };

  // Phase 1: the page's ids and scores only (sorting narrow rows, not bodies).
  const page = async (candidates?: number): Promise<{ id: number; score: number }[]> => {
    const { query, scored } = base('rank', candidates);
    const score = scored ? sql<number>`coalesce(s.score, 0)` : sql<number>`0`;
    let ordered = query.select(['ci.id', score.as('score')]);
    if (sort === 'relevance') {
      // (A constant in ORDER BY would be read as a column position, hence the conditions.)
      if (documentTerms.length > 0) {
        const documentMatch = sql<number>`case when ${sql.join(
          documentTerms.map((t) => likeOf(t.documentNumberPattern ?? '')),
          sql` or `,
        )} then 1 else 0 end`;
        ordered = ordered.orderBy(documentMatch, 'desc');
      }
      if (scored) ordered = ordered.orderBy(score, 'desc');
    }
    const rows = await ordered.orderBy('ci.publication_date', 'desc').orderBy('ci.id', 'desc').limit(limit).offset(offset).execute();
    return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  };
  const capped = sort === 'relevance' && documentTerms.length === 0 && total > RELEVANCE_CANDIDATE_CAP && offset + limit <= RELEVANCE_CANDIDATE_CAP;
  let ids = await page(capped ? RELEVANCE_CANDIDATE_CAP : undefined);
  if (capped && ids.length < Math.min(limit, total - offset)) ids = await page();
  if (ids.length === 0) return { total, rows: [] };

  // Phase 2: the page's rows.
  const details = await db
    .selectFrom('catalog_item as ci')
    .where(
      'ci.id',
      'in',
      ids.map((r) => r.id),
    )
    .select(['ci.id', 'ci.index_number', 'ci.title', 'ci.document_number', 'ci.issuing_agency', 'ci.organization_id', 'ci.publication_date', 'ci.genre', 'ci.subject_category', 'ci.validity', 'ci.summary', 'ci.body_text'])
    .execute();
  const byId = new Map(details.map((r) => [r.id, r]));
  return {
    total,
    rows: ids.flatMap(({ id, score }) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id: r.id,
          indexNumber: r.index_number,
          title: r.title,
          documentNumber: r.document_number,
          issuingAgency: r.issuing_agency,
          organizationId: r.organization_id,
          publicationDate: r.publication_date,
          genre: r.genre,
          subjectCategory: r.subject_category,
          validity: r.validity,
          summary: r.summary,
          bodyText: r.body_text,
          score,
        },
      ];
    }),
  };
}

/** Published items whose search rows a rebuild writes. */
export interface IndexSourceRow {
  id: number;
  title: string;
  summary: string | null;
  documentNumber: string | null;
  bodyText: string;
}

/** The number of published items. */
export async function countPublishedItems(db: Db): Promise<number> {
  const row = await db
    .selectFrom('catalog_item')
    .where('status', '=', 'published')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next batch of published items with id above `afterId`, by id. */
export async function selectPublishedForIndex(db: Db, afterId: number, limit: number): Promise<IndexSourceRow[]> {
  const rows = await db
    .selectFrom('catalog_item')
    .where('status', '=', 'published')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .select(['id', 'title', 'summary', 'document_number', 'body_text'])
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, documentNumber: r.document_number, bodyText: r.body_text }));
}
