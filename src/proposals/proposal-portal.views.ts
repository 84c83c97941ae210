/**
 * Portal pages of handling results of NPC deputy suggestions and CPPCC member proposals
 * (办理结果公开): the published results by year and kind with their filters, the per-year counts
 * of withheld results (never their titles or reasons), and one published result. Pure rendering.
 */
import { selectField, textField } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { PROPOSAL_ADOPTION_NAMES_ZH, PROPOSAL_KIND_NAMES_ZH, PROPOSAL_KINDS, PROPOSAL_ROLE_NAMES_ZH } from './proposal.ts';
import type { Proposal, ProposalKind } from './proposal.ts';
import type { ProposalOrganization, ProposalWithOrganization } from './proposal.repository.ts';
import type { PublishedProposals, WithheldCount } from './proposal.service.ts';

/** The portal list's filter values as typed (strings; blank = all). */
export interface PortalProposalFilter {
  org: string;
  year: string;
  kind: string;
}

function resultRow({ proposal: p, organization }: ProposalWithOrganization): SafeHtml {
  return html`<tr><td>${p.session}</td><td>${p.number}</td><th scope="row"><a href="/proposals/${p.id}">${p.title}</a></th><td>${p.proposer}</td><td>${organization.name}（${PROPOSAL_ROLE_NAMES_ZH[p.role]}）</td><td>${p.repliedOn ?? ''}</td><td>${p.adoption ? PROPOSAL_ADOPTION_NAMES_ZH[p.adoption] : ''}</td><td>${p.replySummary ?? ''}</td></tr>`;
}

function resultTable(caption: string, rows: readonly ProposalWithOrganization[]): SafeHtml {
  return html`<table><caption>${caption}（${rows.length} 件）</caption>
<thead><tr><th scope="col">届次会议</th><th scope="col">编号</th><th scope="col">标题</th><th scope="col">代表或委员</th><th scope="col">承办单位</th><th scope="col">答复日期</th><th scope="col">办理结果</th><th scope="col">答复摘要</th></tr></thead>
<tbody>${rows.map(resultRow)}</tbody></table>`;
}

function withheldLine(counts: readonly WithheldCount[]): SafeHtml | '' {
  if (counts.length === 0) return '';
  return html`<p>${counts.map((c, i) => html`${i > 0 ? '；' : ''}${PROPOSAL_KIND_NAMES_ZH[c.kind]} ${c.count} 件`)}的办理结果依法不予公开（如涉及国家秘密）。</p>`;
}

/** Years (received) of the published results and the withheld counts, newest first. */
function yearsOf(list: PublishedProposals): number[] {
  const years = new Set<number>([...list.published.map((r) => Number(r.proposal.receivedOn.slice(0, 4))), ...list.withheld.map((w) => w.year)]);
  return [...years].sort((a, b) => b - a);
}

/** GET /proposals: the published results grouped by year (of receipt) and kind, with the withheld counts. */
export function portalProposalListPage(o: { list: PublishedProposals; organizations: readonly ProposalOrganization[]; filter: PortalProposalFilter; yearError?: string }): SafeHtml {
  const years = yearsOf(o.list);
  return html`<h1>人大代表建议和政协委员提案办理结果公开</h1>
<form method="get" action="/proposals" aria-label="筛选">
${selectField({ name: 'org', label: '承办单位（含下级单位）', value: o.filter.org, options: [{ value: '', label: '全部' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${textField({ name: 'year', label: '年度', value: o.filter.year, error: o.yearError, hint: '按交办年度，如 2026' })}
${selectField({ name: 'kind', label: '类别', value: o.filter.kind, options: [{ value: '', label: '全部' }, ...PROPOSAL_KINDS.map((k) => ({ value: k, label: PROPOSAL_KIND_NAMES_ZH[k] }))] })}
<button type="submit">查询</button>
</form>
${years.length === 0 ? html`<p>没有符合条件的办理结果。</p>` : ''}
${years.map((year) => {
    const ofYear = o.list.published.filter((r) => r.proposal.receivedOn.startsWith(`${year}-`));
    const kinds = PROPOSAL_KINDS.filter((k) => ofYear.some((r) => r.proposal.kind === k));
    return html`<section aria-labelledby="y${year}"><h2 id="y${year}">${year}年</h2>
${kinds.map((k: ProposalKind) => resultTable(`${year}年${PROPOSAL_KIND_NAMES_ZH[k]}办理结果`, ofYear.filter((r) => r.proposal.kind === k)))}
${withheldLine(o.list.withheld.filter((w) => w.year === year))}</section>`;
  })}`;
}

function metaRow(name: string, value: SafeHtml | string | null): SafeHtml {
  return html`<dt>${name}</dt><dd>${value ?? ''}</dd>`;
}

/** GET /proposals/:id: one published handling result. */
export function portalProposalPage(detail: ProposalWithOrganization): SafeHtml {
  const p: Proposal = detail.proposal;
  return html`<h1>${p.title}</h1>
<dl class="meta">
${metaRow('类别', PROPOSAL_KIND_NAMES_ZH[p.kind])}${metaRow('届次会议', p.session)}
${metaRow('编号', p.number)}${metaRow('代表或委员', p.proposer)}
${metaRow('承办单位', `${detail.organization.name}（${PROPOSAL_ROLE_NAMES_ZH[p.role]}）`)}${metaRow('答复日期', p.repliedOn)}
${metaRow('办理结果', p.adoption ? PROPOSAL_ADOPTION_NAMES_ZH[p.adoption] : '')}${metaRow('公开日期', p.publishedOn)}
</dl>
<h2>答复摘要</h2>
<p>${p.replySummary ?? ''}</p>
<p><a href="/proposals">返回办理结果公开</a></p>`;
}
