/**
 * Searching the published catalog (issue 3 item 5; 2019 art. 23: the government shall make
 * information easy to find). Public; staff see the same published items for now.
 */
import { authorize } from '../auth/policy.ts';
import type { Actor } from '../auth/actor.ts';
import { getOrganization } from '../organizations/organization.service.ts';
import { GongkaiError, isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { highlightWords, parseSearchTerms } from './search-query.ts';
import { searchPublishedItems } from './search.repository.ts';
import type { SearchFilters, SearchHitRow, SearchSort } from './search.repository.ts';
import { buildSnippet } from './snippet.ts';

/** Largest page a search returns. */
export const MAX_PAGE_SIZE = 50;

/** What to search for. */
export interface SearchQuery {
  /** The user's words; whitespace separates terms, which must all match. */
  q: string;
  /** Only items of this organization and everything below it. */
  organizationId?: number;
  subjectCategory?: string;
  genre?: string;
  /** Publication year. */
  year?: number;
  validity?: string;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  /** 1 … {@link MAX_PAGE_SIZE}. */
  pageSize: number;
}

/** The public fields of a matched item: the search row without the snippet texts and score. */
export type SearchHitItem = Omit<SearchHitRow, 'summary' | 'bodyText' | 'score'>;

/** One hit. */
export interface SearchHit {
  item: SearchHitItem;
  /** Safe HTML: escaped text of the body (or summary) with `<mark>` around matched words. */
  snippet: string;
  /** Relevance, higher is better; comparable only within one result list and one dialect. */
  score: number;
}

/** A page of results. */
export interface SearchResult {
  /** All matching items, over every page. */
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

/**
 * Searches the published catalog.
 * @returns the page asked for; `total` 0 and no hits when the query has no usable word
 * @throws GongkaiError `VALIDATION_FAILED` (page < 1, pageSize outside 1–50), `ORGANIZATION_UNKNOWN`
 */
export async function searchCatalog(ctx: ServiceContext, actor: Actor, query: SearchQuery): Promise<SearchResult> {
  authorize(actor, 'search.public');
  const { page, pageSize } = query;
  if (!Number.isInteger(page) || page < 1) {
    throw new GongkaiError('VALIDATION_FAILED', 'page must be a positive integer', { issues: [{ field: 'page', message: 'must be a positive integer', messageZh: '页码必须是正整数' }] });
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new GongkaiError('VALIDATION_FAILED', `pageSize must be 1–${MAX_PAGE_SIZE}`, { issues: [{ field: 'pageSize', message: `must be 1–${MAX_PAGE_SIZE}`, messageZh: `每页条数必须在 1 到 ${MAX_PAGE_SIZE} 之间` }] });
  }
  const empty: SearchResult = { total: 0, page, pageSize, hits: [] };
  const terms = parseSearchTerms(query.q);
  if (terms.length === 0) return empty;

  const filters: SearchFilters = {};
  if (query.organizationId !== undefined) {
    try {
      filters.organizationPath = (await getOrganization(ctx, actor, query.organizationId)).path;
    } catch (error) {
      if (isGongkaiError(error, 'NOT_FOUND')) throw new GongkaiError('ORGANIZATION_UNKNOWN', String(query.organizationId));
      throw error;
    }
  }
  if (query.subjectCategory !== undefined) filters.subjectCategory = query.subjectCategory;
  if (query.genre !== undefined) filters.genre = query.genre;
  if (query.year !== undefined) filters.year = query.year;
  if (query.validity !== undefined) filters.validity = query.validity;

  const { total, rows } = await searchPublishedItems(ctx.store.db, ctx.store.dialect, terms, filters, query.sort, pageSize, (page - 1) * pageSize);
  const words = highlightWords(terms);
  return {
    total,
    page,
    pageSize,
    hits: rows.map((row) => ({
      item: {
        id: row.id,
        indexNumber: row.indexNumber,
        title: row.title,
        documentNumber: row.documentNumber,
        issuingAgency: row.issuingAgency,
        organizationId: row.organizationId,
        publicationDate: row.publicationDate,
        genre: row.genre,
        subjectCategory: row.subjectCategory,
        validity: row.validity,
      },
      snippet: buildSnippet([row.bodyText, row.summary], words),
      score: row.score,
    })),
  };
}
