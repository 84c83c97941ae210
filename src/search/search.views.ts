/**
 * Markup of the search page (/search): the form (a GET form: a search changes nothing, and its
 * result pages can be bookmarked and paged), the result count, the hits and the pager.
 */
import { errorSummary, selectField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { GENRES, nameOf } from '../catalog/catalog-item.ts';
import { categorySelectOptions, genreSelectOptions, organizationSelectOptions, pager, validitySelectOptions } from '../catalog/catalog-portal.views.ts';
import type { CategoryOption } from '../catalog/catalog-portal.views.ts';
import { html, raw } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { Organization } from '../organizations/organization.ts';
import { SEARCH_FIELD_LABELS } from './search.schema.ts';
import type { SearchResult } from './search.service.ts';

/** The form's current values, as strings (what the user typed or chose). */
export type SearchFormValues = Partial<Record<'q' | 'org' | 'category' | 'genre' | 'year' | 'validity' | 'sort', string>>;

/** What the page shows. */
export interface SearchPageModel {
  values: SearchFormValues;
  errors: FieldErrors;
  organizations: readonly Organization[];
  categories: readonly CategoryOption[];
  /** Null when nothing was searched (empty query) or the input was invalid. */
  result: SearchResult | null;
}

function searchForm(m: SearchPageModel): SafeHtml {
  const v = m.values;
  return html`${errorSummary(m.errors, SEARCH_FIELD_LABELS)}
<form method="get" action="/search" role="search">
${textField({ name: 'q', label: '关键词', value: v.q ?? '', error: m.errors['q'], hint: '多个关键词用空格分隔，须同时出现；可直接输入文号，如 吴政办发〔2017〕19号' })}
${selectField({ name: 'org', label: '机构', options: organizationSelectOptions(m.organizations), value: v.org ?? '', error: m.errors['org'] })}
${selectField({ name: 'category', label: '主题分类', options: [{ value: '', label: '全部主题' }, ...categorySelectOptions(m.categories)], value: v.category ?? '', error: m.errors['category'] })}
${selectField({ name: 'genre', label: '体裁', options: genreSelectOptions(), value: v.genre ?? '', error: m.errors['genre'] })}
${textField({ name: 'year', label: '年份', value: v.year ?? '', error: m.errors['year'], hint: '发布年份，如 2024' })}
${selectField({ name: 'validity', label: '有效性', options: validitySelectOptions(), value: v.validity ?? '', error: m.errors['validity'] })}
${selectField({ name: 'sort', label: '排序', options: [{ value: 'relevance', label: '按相关度' }, { value: 'date', label: '按发布日期（新的在前）' }], value: v.sort ?? 'relevance', error: m.errors['sort'] })}
<button type="submit">检索</button>
</form>`;
}

function hitList(result: SearchResult, organizations: readonly Organization[]): SafeHtml {
  if (result.hits.length === 0) return html`<p>未找到相关信息，请更换关键词或减少筛选条件后重试。</p>`;
  const orgName = (id: number): string => organizations.find((o) => o.id === id)?.name ?? '';
  return html`<ol class="hits" start="${(result.page - 1) * result.pageSize + 1}">${result.hits.map(
    (hit) => html`<li>
<h3><a href="/items/${hit.item.id}">${hit.item.title}</a></h3>
<p class="snippet">${raw(hit.snippet)}</p>
<p class="hit-meta"><span>索引号：${hit.item.indexNumber ?? '—'}</span> · <span>发布机构：${hit.item.issuingAgency || orgName(hit.item.organizationId)}</span> · <span>发布日期：${hit.item.publicationDate ?? ''}</span>${hit.item.documentNumber ? html` · <span>文号：${hit.item.documentNumber}</span>` : ''} · <span>体裁：${nameOf(GENRES, hit.item.genre)}</span></p>
</li>`,
  )}</ol>`;
}

/** The search page body: the form, then (after a search) the count, the hits and the pager. */
export function searchBody(m: SearchPageModel): SafeHtml {
  const result = m.result;
  const v = m.values;
  return html`<h1>信息检索</h1>
${searchForm(m)}
${result
  ? html`<section aria-labelledby="results-heading"><h2 id="results-heading">检索结果</h2>
<p role="status">共 ${result.total} 条结果</p>
${hitList(result, m.organizations)}
${pager('/search', { q: v.q, org: v.org, category: v.category, genre: v.genre, year: v.year, validity: v.validity, sort: v.sort }, result.page, result.pageSize, result.total)}
</section>`
  : ''}`;
}
