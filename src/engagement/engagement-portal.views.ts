/**
 * Portal markup of engagement records (Chinese, no JavaScript): the 回应解读 page (/interaction)
 * and the 相关解读 section of a catalog item's page, which merges the item's interpretation
 * records with its catalog interpretation links. Pure rendering.
 */
import { selectField, textField } from '../auth/form-view.ts';
import type { PublicItemSummary } from '../catalog/catalog-public.repository.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { CONCERN_CHANNEL_NAMES_ZH, INTERPRETATION_FORM_NAMES_ZH, PRESS_EVENT_KIND_NAMES_ZH } from './engagement-record.ts';
import { publicInterpretation } from './engagement-public.service.ts';
import type { PublicEngagement, PublicInterpretation } from './engagement-public.service.ts';

/** A title, linked when there is somewhere to go. */
function maybeLink(title: string, href: string | null): SafeHtml {
  return href ? html`<a href="${href}">${title}</a>` : html`${title}`;
}

/**
 * The 相关解读 section of an item page: the item's interpretation records (with their form) and
 * the catalog's interpretation links, newest first; a catalog interpretation that a record already
 * names is listed once, as the record. Nothing when there are none.
 * @param items the published interpretation items linked in the catalog (`listInterpretationsOf`)
 * @param records the interpretation records of the item
 */
export function relatedInterpretationsSection(items: readonly PublicItemSummary[], records: readonly PublicInterpretation[]): SafeHtml | '' {
  const named = new Set(records.map((r) => r.interpretationItemId).filter((id): id is number => id !== null));
  const rows: { date: string; markup: SafeHtml }[] = [
    ...records.map((r) => ({
      date: r.publishedOn,
      markup: html`<li>${maybeLink(r.title, r.href)} <span class="tag">${INTERPRETATION_FORM_NAMES_ZH[r.form]}</span> <span class="date">${r.publishedOn}</span></li>`,
    })),
    ...items
      .filter((i) => !named.has(i.id))
      .map((i) => ({ date: i.publicationDate, markup: html`<li><a href="/items/${i.id}">${i.title}</a> <span class="date">${i.publicationDate}</span></li>` })),
  ];
  if (rows.length === 0) return '';
  rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return html`<section aria-labelledby="interpretations-heading"><h2 id="interpretations-heading">相关解读</h2><ul class="items">${rows.map((r) => r.markup)}</ul></section>`;
}

/** The 回应解读 page body: filter form, then press events, interpretations and concern responses of the year. */
export function interactionBody(o: { data: PublicEngagement; organizations: readonly { id: number; name: string }[]; filter: { year: string; org: string } }): SafeHtml {
  const d = o.data;
  const press = d.pressEvents;
  const events =
    press.length === 0
      ? html`<p>暂无记录。</p>`
      : html`<table><caption>共 ${press.length} 次</caption><thead><tr><th scope="col">日期</th><th scope="col">类型</th><th scope="col">主题</th><th scope="col">机构</th><th scope="col">发布人或嘉宾</th></tr></thead><tbody>${press.map(
          ({ event: e, organization, items }) =>
            html`<tr><td>${e.heldOn}</td><td>${PRESS_EVENT_KIND_NAMES_ZH[e.kind]}${e.principalLeaderAttended ? html`<br><span class="tag">主要负责同志参加</span>` : ''}</td><td>${maybeLink(e.topic, e.url)}${items.filter((i) => i.status === 'published').map((i) => html`<br>相关信息：<a href="/items/${i.id}">${i.title}</a>`)}</td><td>${organization.name}</td><td>${e.speakers ?? ''}</td></tr>`,
        )}</tbody></table>`;
  const interpretations =
    d.interpretations.length === 0
      ? html`<p>暂无记录。</p>`
      : html`<table><caption>共 ${d.interpretations.length} 篇</caption><thead><tr><th scope="col">日期</th><th scope="col">解读</th><th scope="col">形式</th><th scope="col">解读的政策文件</th><th scope="col">机构</th></tr></thead><tbody>${d.interpretations.map((r) => {
          const p = publicInterpretation(r);
          return html`<tr><td>${p.publishedOn}</td><td>${maybeLink(p.title, p.href)}</td><td>${INTERPRETATION_FORM_NAMES_ZH[p.form]}</td><td><a href="/items/${r.policy.id}">${r.policy.title}</a></td><td>${r.organization.name}</td></tr>`;
        })}</tbody></table>`;
  const responses =
    d.concernResponses.length === 0
      ? html`<p>暂无记录。</p>`
      : html`<table><caption>共 ${d.concernResponses.length} 件</caption><thead><tr><th scope="col">日期</th><th scope="col">热点或关切事项</th><th scope="col">回应渠道</th><th scope="col">回应内容</th><th scope="col">机构</th></tr></thead><tbody>${d.concernResponses.map(
          ({ response: r, organization }) => html`<tr><td>${r.respondedOn}</td><td>${maybeLink(r.topic, r.url)}</td><td>${CONCERN_CHANNEL_NAMES_ZH[r.channel]}</td><td>${r.summary ?? ''}</td><td>${organization.name}</td></tr>`,
        )}</tbody></table>`;
  return html`<h1>回应解读${d.organization ? html`：${d.organization.name}` : ''}（${d.year}年）</h1>
<form method="get" action="/interaction" aria-label="筛选">
${textField({ name: 'year', label: '年度', value: o.filter.year, hint: '如 2026' })}
${selectField({ name: 'org', label: '机构（含下级机关）', value: o.filter.org, options: [{ value: '', label: '全部机构' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
<button type="submit">筛选</button>
</form>
<section aria-labelledby="press-heading"><h2 id="press-heading">新闻发布会和在线访谈</h2>${events}</section>
<section aria-labelledby="interpretations-list-heading"><h2 id="interpretations-list-heading">政策解读</h2>${interpretations}</section>
<section aria-labelledby="responses-heading"><h2 id="responses-heading">回应关切</h2>${responses}</section>`;
}
