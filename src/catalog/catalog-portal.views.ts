/**
 * Markup of the public portal's catalog pages (home, browse, item) and the small pieces the search
 * page shares with them (pager, category names, organization options). Built with `html` only;
 * the item body is the one `raw()`: it was sanitized by the catalog service when written.
 */
import { selectField } from '../auth/form-view.ts';
import { html, raw } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { organizationDepth } from '../organizations/organization.ts';
import type { Organization } from '../organizations/organization.ts';
import { DISCLOSURE_TYPES, GENRES, LOCAL_THEME_PREFIX, PUBLICATION_CHANNELS, VALIDITIES, nameOf } from './catalog-item.ts';
import type { PublicAttachment, PublicItem, PublicItemSummary } from './catalog-public.repository.ts';
import type { PublicItemPage, PublicListResult } from './catalog-public.service.ts';
import { relatedInterpretationsSection } from '../engagement/engagement-portal.views.ts';

/** A subject-category choice: code and the name shown. */
export interface CategoryOption {
  code: string;
  name: string;
}

/** Normalizes a local theme's code to the `theme:` form items carry. */
function themeCode(code: string): string {
  return code.startsWith(LOCAL_THEME_PREFIX) || code.startsWith('art') ? code : `${LOCAL_THEME_PREFIX}${code}`;
}

/** The options of a subject-category `<select>`, with the two art. 21 lists told apart (both have 土地征收 …). */
export function categorySelectOptions(categories: readonly CategoryOption[]): { value: string; label: string }[] {
  return categories.map((c) => ({
    value: themeCode(c.code),
    label: c.code.startsWith('art21-city') ? `${c.name}（市、县）` : c.code.startsWith('art21-town') ? `${c.name}（乡镇）` : c.name,
  }));
}

/** The name of a subject category code (the code itself when unknown). */
export function categoryName(categories: readonly CategoryOption[], code: string): string {
  return categories.find((c) => themeCode(c.code) === code)?.name ?? code;
}

/** Organization options for a `<select>`, indented by depth, with a leading "all" choice. */
export function organizationSelectOptions(organizations: readonly Organization[]): { value: string; label: string }[] {
  return [{ value: '', label: '全部机构' }, ...organizations.map((o) => ({ value: String(o.id), label: `${'　'.repeat(organizationDepth(o.path))}${o.name}` }))];
}

/** The genre `<select>` options, with "all". */
export function genreSelectOptions(): { value: string; label: string }[] {
  return [{ value: '', label: '全部体裁' }, ...GENRES.map((g) => ({ value: g.code, label: g.name }))];
}

/** The validity `<select>` options, with "all". */
export function validitySelectOptions(): { value: string; label: string }[] {
  return [{ value: '', label: '全部' }, ...VALIDITIES.map((v) => ({ value: v.code, label: v.name }))];
}

/**
 * 上一页 / 下一页 links that keep the other parameters.
 * @param params the current filters (empty values are left out of the links)
 */
export function pager(path: string, params: Record<string, string | number | undefined>, page: number, pageSize: number, total: number): SafeHtml | '' {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return '';
  const link = (target: number): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
    search.set('page', String(target));
    return `${path}?${search.toString()}`;
  };
  return html`<nav class="pager" aria-label="分页">
${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">上一页</a>` : ''}
<span>第 ${page} / ${pages} 页</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">下一页</a>` : ''}
</nav>`;
}

/** The search box of the home page (a GET form to /search). */
function searchBox(): SafeHtml {
  return html`<form method="get" action="/search" role="search" class="field">
<label for="home-q">关键词</label>
<input id="home-q" name="q" type="search" maxlength="200">
<button type="submit">检索</button>
</form>`;
}

/** A list of items: title link and publication date. */
function itemList(items: readonly PublicItemSummary[]): SafeHtml {
  if (items.length === 0) return html`<p>暂无信息。</p>`;
  return html`<ul class="items">${items.map((i) => html`<li><a href="/items/${i.id}">${i.title}</a> <span class="date">${i.publicationDate}</span></li>`)}</ul>`;
}

/** The home page body. */
export function homeBody(newest: readonly PublicItemSummary[], topOrganizations: readonly Organization[]): SafeHtml {
  return html`<h1>政府信息公开</h1>
${searchBox()}
<section aria-labelledby="newest-heading"><h2 id="newest-heading">最新信息</h2>${itemList(newest)}<p><a href="/catalog">查看全部</a> · <a href="/feeds/all.atom">订阅（Atom）</a></p></section>
<section aria-labelledby="orgs-heading"><h2 id="orgs-heading">机构</h2>
${topOrganizations.length === 0
  ? html`<p>暂无机构。</p>`
  : html`<table><thead><tr><th scope="col">机构</th><th scope="col">政府信息公开指南</th><th scope="col">政府信息公开目录</th></tr></thead><tbody>${topOrganizations.map(
      (o) => html`<tr><th scope="row">${o.name}</th><td><a href="/organizations/${o.id}">指南</a></td><td><a href="/catalog?org=${o.id}">目录</a></td></tr>`,
    )}</tbody></table>`}
</section>`;
}

/** The filters of the browse page (as the form and the links carry them). */
export interface BrowseParams {
  org?: number;
  category?: string;
  genre?: string;
}

/** The browse page body: organization list on the left, filter form, item table, pager. */
export function browseBody(o: { result: PublicListResult; params: BrowseParams; organizations: readonly Organization[]; categories: readonly CategoryOption[] }): SafeHtml {
  const { result, params } = o;
  const orgLinks = html`<ul class="org-tree">
<li><a href="/catalog"${params.org === undefined ? html` aria-current="page"` : ''}>全部机构</a></li>
${o.organizations.map(
  (org) => html`<li style="margin-left:${organizationDepth(org.path)}em"><a href="/catalog?org=${org.id}"${params.org === org.id ? html` aria-current="page"` : ''}>${org.name}</a></li>`,
)}</ul>`;
  const filterForm = html`<form method="get" action="/catalog">
${params.org !== undefined ? html`<input type="hidden" name="org" value="${params.org}">` : ''}
${selectField({ name: 'category', label: '主题分类', options: [{ value: '', label: '全部主题' }, ...categorySelectOptions(o.categories)], value: params.category ?? '' })}
${selectField({ name: 'genre', label: '体裁分类', options: genreSelectOptions(), value: params.genre ?? '' })}
<button type="submit">筛选</button>
</form>`;
  const table =
    result.items.length === 0
      ? html`<p>没有符合条件的信息。</p>`
      : html`<table><caption>共 ${result.total} 条</caption><thead><tr><th scope="col">索引号</th><th scope="col">标题</th><th scope="col">发布机构</th><th scope="col">文号</th><th scope="col">发布日期</th></tr></thead><tbody>${result.items.map(
          (i) => html`<tr><td>${i.indexNumber ?? ''}</td><td><a href="/items/${i.id}">${i.title}</a></td><td>${i.issuingAgency}</td><td>${i.documentNumber ?? ''}</td><td>${i.publicationDate}</td></tr>`,
        )}</tbody></table>`;
  return html`<h1>政府信息公开目录${result.organization ? html`：${result.organization.name}` : ''}</h1>
<div style="display:flex;gap:24px;flex-wrap:wrap">
<nav aria-label="机构" style="flex:0 0 16em">${orgLinks}</nav>
<div style="flex:1 1 30em">
${filterForm}
${result.organization ? html`<p><a href="/organizations/${result.organization.id}">${result.organization.name}政府信息公开指南</a> · <a href="/feeds/${result.organization.id}.atom">订阅（Atom）</a> · <a href="/feeds/${result.organization.id}.rss">RSS</a></p>` : ''}
${table}
${pager('/catalog', { org: params.org, category: params.category, genre: params.genre }, result.page, result.pageSize, result.total)}
</div>
</div>`;
}

/** A size in bytes as people read it (KB / MB, one decimal). */
function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function attachmentList(itemId: number, attachments: readonly PublicAttachment[]): SafeHtml | '' {
  if (attachments.length === 0) return '';
  return html`<section aria-labelledby="attachments-heading"><h2 id="attachments-heading">附件</h2><ul>${attachments.map(
    (a) => html`<li><a href="/items/${itemId}/attachments/${a.id}" download>${a.fileName}</a>（${humanSize(a.sizeBytes)}）</li>`,
  )}</ul></section>`;
}

function linkedList(id: string, heading: string, items: readonly PublicItemSummary[]): SafeHtml | '' {
  if (items.length === 0) return '';
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${itemList(items)}</section>`;
}

/** The validity cell: 有效 / 失效 / 废止. */
function validityText(item: PublicItem): string {
  return nameOf(VALIDITIES, item.validity);
}

/** The metadata block real portals show above a document, as label/value pairs. */
export function metadataPairs(item: PublicItem, categories: readonly CategoryOption[]): [string, string][] {
  const pairs: [string, string][] = [
    ['索引号', item.indexNumber ?? ''],
    ['主题分类', categoryName(categories, item.subjectCategory)],
    ['发布机构', item.issuingAgency],
    ['生成日期', item.creationDate],
    ['文号', item.documentNumber ?? ''],
    ['发布日期', item.publicationDate],
    ['体裁分类', nameOf(GENRES, item.genre)],
    ['关键词', item.keywords.join('；')],
    ['有效性', validityText(item)],
    ['公开属性', nameOf(DISCLOSURE_TYPES, item.disclosureType)],
    ['发布渠道', item.channels.map((c) => nameOf(PUBLICATION_CHANNELS, c)).join('、')],
  ];
  if (item.effectiveDate) pairs.push(['生效日期', item.effectiveDate]);
  if (item.expiryDate) pairs.push([item.validity === 'repealed' ? '废止日期' : '失效日期', item.expiryDate]);
  return pairs;
}

/** The item page body. */
export function itemBody(page: PublicItemPage, categories: readonly CategoryOption[]): SafeHtml {
  const { item } = page;
  return html`<dl class="meta">${metadataPairs(item, categories).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
<article>
<h1>${item.title}</h1>
${item.synthetic ? html`<p class="notice" role="note"><strong>合成演示数据</strong>：本条信息为系统演示用的虚构内容，不是真实的政府信息。</p>` : ''}
${item.summary ? html`<p class="summary"><strong>内容概述：</strong>${item.summary}</p>` : ''}
<div class="body">${raw(item.bodyHtml)}</div>
</article>
${attachmentList(item.id, page.attachments)}
${relatedInterpretationsSection(page.interpretations, page.interpretationRecords)}
${linkedList('policies-heading', '解读的政策文件', page.interpretedPolicies)}`;
}
