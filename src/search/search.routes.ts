/**
 * Search: the public API (`GET /api/search`) and the portal's search page (`GET /search`).
 * Both are rate-limited per client (120 requests a minute): a search costs more than a page view.
 */
import type { FastifyRequest } from 'fastify';
import { zodToFieldErrors } from '../auth/form-view.ts';
import { portalOrganizations, subjectCategoryOptions } from '../catalog/catalog-public.service.ts';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { renderPage } from '../http/views/layout.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { searchApiErrorSchema, searchApiQuerySchema, searchApiResponseSchema, searchPageQuerySchema } from './search.schema.ts';
import type { SearchApiQuery, SearchPageQuery } from './search.schema.ts';
import { searchCatalog } from './search.service.ts';
import type { SearchQuery, SearchResult } from './search.service.ts';
import { searchBody } from './search.views.ts';
import type { SearchFormValues, SearchPageModel } from './search.views.ts';

/** The rate limit of the search API and page, per client address. */
export const SEARCH_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

/** Hits per page on the search page. */
const PAGE_SIZE = 20;

/** The service query from parsed parameters (absent filters left out). */
function toSearchQuery(p: SearchApiQuery | SearchPageQuery, pageSize: number): SearchQuery {
  const query: SearchQuery = { q: p.q, sort: p.sort, page: p.page, pageSize };
  if (p.org !== undefined) query.organizationId = p.org;
  if (p.category !== undefined) query.subjectCategory = p.category;
  if (p.genre !== undefined) query.genre = p.genre;
  if (p.year !== undefined) query.year = p.year;
  if (p.validity !== undefined) query.validity = p.validity;
  return query;
}

/** The form's values as the user sent them (strings only). */
function formValues(query: unknown): SearchFormValues {
  const values: SearchFormValues = {};
  if (!query || typeof query !== 'object') return values;
  for (const key of ['q', 'org', 'category', 'genre', 'year', 'validity', 'sort'] as const) {
    const value = (query as Record<string, unknown>)[key];
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** Registers the routes of this module. */
export function searchRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/search',
    {
      config: { rateLimit: SEARCH_RATE_LIMIT },
      schema: {
        summary: 'Search the published catalog',
        description: 'Full-text search (jieba-segmented Chinese) over published catalog items, with filters. Public.',
        tags: ['search'],
        querystring: searchApiQuerySchema,
        response: { 200: searchApiResponseSchema, 400: searchApiErrorSchema, 429: searchApiErrorSchema },
      },
    },
    async (request) => searchCatalog(ctx, request.actor, toSearchQuery(request.query, request.query.pageSize)),
  );

  app.get('/search', { config: { rateLimit: SEARCH_RATE_LIMIT }, schema: { hide: true } }, async (request: FastifyRequest, reply) => {
    const values = formValues(request.query);
    const [organizations, categories] = await Promise.all([portalOrganizations(ctx, request.actor), subjectCategoryOptions(ctx, request.actor)]);
    const model: SearchPageModel = { values, errors: {}, organizations, categories, result: null };
    const parsed = searchPageQuerySchema.safeParse(request.query ?? {});
    let status = 200;
    if (!parsed.success) {
      model.errors = zodToFieldErrors(parsed.error, { year: '年份应为 1949 至 2200 之间的四位数字', org: '请选择列表中的机构', page: '页码应为正整数', q: '关键词不能超过 200 个字符' });
      status = 400;
    } else if (parsed.data.q.trim() !== '') {
      try {
        model.result = await searchCatalog(ctx, request.actor, toSearchQuery(parsed.data, PAGE_SIZE));
      } catch (error) {
        if (!isGongkaiError(error, 'ORGANIZATION_UNKNOWN')) throw error;
        model.errors = { org: '所选机构不存在' };
        status = 400;
      }
    }
    const result: SearchResult | null = model.result;
    const title = result ? `“${values.q ?? ''}”的检索结果` : '信息检索';
    return reply.code(status).type('text/html; charset=utf-8').send(renderPage({ title, area: 'portal', actor: request.actor, body: searchBody(model) }));
  });

  return Promise.resolve();
}
