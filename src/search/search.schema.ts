/**
 * Schemas of the search API (`GET /api/search`) and the search page's query string. The API is
 * strict (a bad value is a 400 naming the field); the page accepts empty form fields as "any".
 */
import { z } from 'zod';
import { GENRES, VALIDITIES } from '../catalog/catalog-item.ts';
import { MAX_PAGE_SIZE } from './search.service.ts';
import { recordIdSchema } from '../shared/record-id.ts';

const genreCodes = GENRES.map((g) => g.code) as [string, ...string[]];
const validityCodes = VALIDITIES.map((v) => v.code) as [string, ...string[]];

/** Longest accepted query text, in characters. */
export const MAX_QUERY_CHARS = 200;

/** The API's query string. */
export const searchApiQuerySchema = z.object({
  /** The words to look for; whitespace separates terms, all of which must match. Empty: no hits. */
  q: z.string().max(MAX_QUERY_CHARS).default('').describe('Words to search for; whitespace-separated terms are combined with AND'),
  /** Organization id: that organization and everything below it. */
  org: recordIdSchema.optional().describe('Organization id (its whole subtree)'),
  /** Subject category code (`art20-11`, `theme:…`). */
  category: z.string().max(80).optional().describe('Subject category code'),
  /** Genre code. */
  genre: z.enum(genreCodes).optional().describe('Genre code'),
  /** Publication year. */
  year: z.coerce.number().int().min(1949).max(2200).optional().describe('Publication year'),
  /** Validity code. */
  validity: z.enum(validityCodes).optional().describe('Validity code'),
  /** `relevance` (default) or `date` (newest first). */
  sort: z.enum(['relevance', 'date']).default('relevance'),
  /** 1-based page number. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Hits per page, at most 50. */
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

/** The parsed API query. */
export type SearchApiQuery = z.infer<typeof searchApiQuerySchema>;

const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The search page's query string: as the API's, but empty fields mean "any" and no page size. */
export const searchPageQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_CHARS).default(''),
  org: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  category: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  genre: z.preprocess(blankToUndefined, z.enum(genreCodes).optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1949).max(2200).optional()),
  validity: z.preprocess(blankToUndefined, z.enum(validityCodes).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(['relevance', 'date']).default('relevance')),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});

/** The parsed page query. */
export type SearchPageQuery = z.infer<typeof searchPageQuerySchema>;

/** Chinese names of the page's fields, for error messages and labels. */
export const SEARCH_FIELD_LABELS: Record<string, string> = {
  q: '关键词',
  org: '机构',
  category: '主题分类',
  genre: '体裁',
  year: '年份',
  validity: '有效性',
  sort: '排序',
  page: '页码',
};

const hitItemSchema = z.object({
  id: z.number().int(),
  indexNumber: z.string().nullable(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  issuingAgency: z.string(),
  organizationId: z.number().int(),
  publicationDate: z.string().nullable(),
  genre: z.string(),
  subjectCategory: z.string(),
  validity: z.string(),
});

/** The API's response. */
export const searchApiResponseSchema = z.object({
  /** Matching items over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(
    z.object({
      item: hitItemSchema,
      /** Safe HTML: escaped text with `<mark>` around matched words. */
      snippet: z.string().describe('HTML-safe excerpt with <mark> around matched words'),
      /** Relevance (higher is better); only comparable within one response. */
      score: z.number(),
    }),
  ),
});

/** The error body of the API (see src/http/error-handler.ts). */
export const searchApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ field: z.string(), message: z.string() })).optional() }),
});
