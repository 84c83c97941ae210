/**
 * Console pages of NPC deputy suggestions and CPPCC member proposals (Chinese, no JavaScript): the
 * list with its filters, statistics and registration form, and the detail page with the
 * correction, reply, publish and withhold forms. Pure rendering: routes pass in what they loaded
 * and what the user may do.
 */
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { csrfField, errorSummary, selectField, textAreaField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import {
  PROPOSAL_ADOPTION_NAMES_ZH,
  PROPOSAL_ADOPTIONS,
  PROPOSAL_DISCLOSURE_NAMES_ZH,
  PROPOSAL_KIND_NAMES_ZH,
  PROPOSAL_KINDS,
  PROPOSAL_ROLE_NAMES_ZH,
  PROPOSAL_ROLES,
  PROPOSAL_STATUS_NAMES_ZH,
  PROPOSAL_STATUSES,
  proposalStatus,
} from './proposal.ts';
import type { ProposalCounts } from './proposal-statistics.ts';
import type { ProposalOrganization, ProposalWithOrganization } from './proposal.repository.ts';
import type { ProposalStatisticsReport } from './proposal.service.ts';

/** Labels of the forms' fields (the error summary links to each). */
export const PROPOSAL_FORM_LABELS: Readonly<Record<string, string>> = {
  form: '表单',
  organizationId: '承办机关',
  kind: '类别',
  session: '届次会议',
  number: '编号',
  title: '标题',
  proposer: '代表或委员',
  role: '承办方式',
  receivedOn: '交办日期',
  dueOn: '答复期限',
  repliedOn: '答复日期',
  replySummary: '答复摘要',
  adoption: '办理结果类别',
  publishedOn: '公开日期',
  withheldReason: '不予公开的理由',
  year: '年度',
  status: '办理状态',
};

const L = PROPOSAL_FORM_LABELS;
const label = (name: string): string => L[name] ?? name;

/** The form's own error line (errors not tied to a field). */
function formError(errors: FieldErrors): SafeHtml | '' {
  return errors['form'] ? html`<p class="field-error" id="form">${errors['form']}</p>` : '';
}

/** The registration fields, shared by the new-record form and the correction form. */
function registrationFields(v: (name: string) => string, e: (name: string) => string | undefined, replyMonths: number): SafeHtml {
  return html`${selectField({ name: 'kind', label: label('kind'), value: v('kind'), error: e('kind'), options: [{ value: '', label: '请选择' }, ...PROPOSAL_KINDS.map((k) => ({ value: k, label: PROPOSAL_KIND_NAMES_ZH[k] }))] })}
${textField({ name: 'session', label: label('session'), value: v('session'), error: e('session'), required: true, hint: '如 市五届人大二次会议、市政协五届二次会议' })}
${textField({ name: 'number', label: label('number'), value: v('number'), error: e('number'), required: true, hint: '如 第45号；同一机关同一届次会议的编号不能重复' })}
${textField({ name: 'title', label: label('title'), value: v('title'), error: e('title'), required: true })}
${textField({ name: 'proposer', label: label('proposer'), value: v('proposer'), error: e('proposer'), required: true, hint: '提出建议的代表或提案的委员，多人用顿号分隔；办理结果公开时一并公开' })}
${selectField({ name: 'role', label: label('role'), value: v('role') || 'lead', error: e('role'), options: PROPOSAL_ROLES.map((r) => ({ value: r, label: PROPOSAL_ROLE_NAMES_ZH[r] })) })}
${textField({ type: 'date', name: 'receivedOn', label: label('receivedOn'), value: v('receivedOn'), error: e('receivedOn'), required: true })}
${textField({ type: 'date', name: 'dueOn', label: label('dueOn'), value: v('dueOn'), error: e('dueOn'), hint: `留空则为交办日期后 ${replyMonths} 个月的同一日（当月无此日的为月末）` })}`;
}

function rate(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

function countsRow(name: string, c: ProposalCounts): SafeHtml {
  return html`<tr><th scope="row">${name}</th><td>${c.received}</td><td>${c.lead}</td><td>${c.replied}</td><td>${c.repliedOnTime}</td><td>${rate(c.replyRate)}</td><td>${c.published}</td><td>${c.withheld}</td><td>${c.pendingDisclosure}</td><td${c.overdue > 0 ? html` class="late"` : ''}>${c.overdue}</td></tr>`;
}

/** The statistics of a subtree and year: per kind and total, then per organization. */
export function proposalStatisticsView(report: ProposalStatisticsReport): SafeHtml {
  const s = report.statistics;
  return html`<table><caption>${report.organization.name}（含下级机关）${report.year}年建议提案办理情况（按交办日期计入年度；截至 ${s.today}）</caption>
<thead><tr><th scope="col">类别</th><th scope="col">交办件数</th><th scope="col">其中主办</th><th scope="col">已答复</th><th scope="col">按期答复</th><th scope="col">办复率</th><th scope="col">结果已公开</th><th scope="col">不予公开</th><th scope="col">待决定公开</th><th scope="col">逾期未答复</th></tr></thead>
<tbody>${PROPOSAL_KINDS.map((k) => countsRow(PROPOSAL_KIND_NAMES_ZH[k], s.byKind[k]))}${countsRow('合计', s.total)}</tbody></table>
<p class="hint">同一件建议提案由本级多个机关主办、协办的，各计一件；“其中主办”每件只计一次。</p>
${report.organizations.length > 0
  ? html`<table><caption>各机关</caption>
<thead><tr><th scope="col">机关</th><th scope="col">人大代表建议</th><th scope="col">已答复</th><th scope="col">政协委员提案</th><th scope="col">已答复</th><th scope="col">结果已公开</th><th scope="col">不予公开</th></tr></thead>
<tbody>${report.organizations.map(({ organization, figures: f }) => html`<tr><th scope="row">${organization.name}</th><td>${f.npcReceived}</td><td>${f.npcReplied}</td><td>${f.cppccReceived}</td><td>${f.cppccReplied}</td><td>${f.published}</td><td>${f.withheld}</td></tr>`)}</tbody></table>`
  : ''}`;
}

function proposalRows(proposals: readonly ProposalWithOrganization[], today: string): SafeHtml {
  if (proposals.length === 0) return html`<p>没有符合条件的建议提案。</p>`;
  return html`<table><caption>共 ${proposals.length} 件</caption>
<thead><tr><th scope="col">届次会议·编号</th><th scope="col">标题</th><th scope="col">类别</th><th scope="col">承办机关</th><th scope="col">交办日期</th><th scope="col">答复期限</th><th scope="col">答复日期</th><th scope="col">办理状态</th></tr></thead>
<tbody>${proposals.map(({ proposal: p, organization }) => {
    const status = proposalStatus(p, today);
    const late = status === 'overdue';
    return html`<tr${late ? html` class="late"` : ''}><td>${p.session} ${p.number}</td><th scope="row"><a href="/console/proposals/${p.id}">${p.title}</a></th><td>${PROPOSAL_KIND_NAMES_ZH[p.kind]}（${PROPOSAL_ROLE_NAMES_ZH[p.role]}）</td>
<td>${organization.name}</td><td>${p.receivedOn}</td><td>${p.dueOn}</td><td>${p.repliedOn ?? ''}</td><td>${late ? html`<strong>${PROPOSAL_STATUS_NAMES_ZH[status]}</strong>` : PROPOSAL_STATUS_NAMES_ZH[status]}</td></tr>`;
  })}</tbody></table>`;
}

/** What the list page shows. */
export interface ProposalListPageOptions {
  csrf: string;
  proposals: readonly ProposalWithOrganization[];
  /** Organizations the user may read (the filter). */
  organizations: readonly ProposalOrganization[];
  /** Organizations the user may register for (the form); empty hides the form. */
  manageOrganizations: readonly ProposalOrganization[];
  /** The filter's values: `org` (organization id), `year`, `type` (kind), `status` (names differ from the registration form's, so ids stay unique). */
  filter: { org: string; year: string; type: string; status: string };
  statistics: ProposalStatisticsReport | null;
  /** The registration form's values and errors. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** Errors of the filter form. */
  filterErrors: FieldErrors;
  today: string;
  replyMonths: number;
}

/** The list (GET /console/proposals): filters, statistics when an organization and a year are chosen, the records, the registration form. */
export function proposalListPage(o: ProposalListPageOptions): SafeHtml {
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  return html`<h1>人大代表建议和政协委员提案办理</h1>
${errorSummary(o.filterErrors, PROPOSAL_FORM_LABELS)}
<form method="get" action="/console/proposals" aria-label="筛选">
${selectField({ name: 'org', label: '承办机关（含下级机关）', value: o.filter.org, options: [{ value: '', label: '本人管辖的全部机关' }, ...o.organizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${textField({ name: 'year', label: '年度', value: o.filter.year, error: o.filterErrors['year'], hint: '按交办日期；如 2026。选择机关并填写年度后显示统计' })}
${selectField({ name: 'type', label: '类别', value: o.filter.type, options: [{ value: '', label: '全部' }, ...PROPOSAL_KINDS.map((k) => ({ value: k, label: PROPOSAL_KIND_NAMES_ZH[k] }))] })}
${selectField({ name: 'status', label: '办理状态', value: o.filter.status, options: [{ value: '', label: '全部' }, ...PROPOSAL_STATUSES.map((s) => ({ value: s, label: PROPOSAL_STATUS_NAMES_ZH[s] }))] })}
<button type="submit">筛选</button>
</form>
${o.statistics ? html`<h2>统计</h2>${proposalStatisticsView(o.statistics)}` : ''}
<h2>建议提案</h2>
${proposalRows(o.proposals, o.today)}
${o.manageOrganizations.length > 0
  ? html`<h2 id="new">登记交办的建议提案</h2>
${errorSummary(o.errors, PROPOSAL_FORM_LABELS)}
<form method="post" action="/console/proposals" novalidate>
${csrfField(o.csrf)}
${formError(o.errors)}
${selectField({ name: 'organizationId', label: label('organizationId'), value: v('organizationId'), error: e('organizationId'), options: [{ value: '', label: '请选择' }, ...o.manageOrganizations.map((org) => ({ value: String(org.id), label: org.name }))] })}
${registrationFields(v, e, o.replyMonths)}
<button type="submit">登记</button>
</form>`
  : ''}`;
}

function metaRow(name: string, value: SafeHtml | string | null): SafeHtml {
  return html`<dt>${name}</dt><dd>${value ?? ''}</dd>`;
}

/** What the detail page shows. */
export interface ProposalDetailPageOptions {
  csrf: string;
  detail: ProposalWithOrganization;
  today: string;
  canManage: boolean;
  canPublish: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
  replyMonths: number;
}

/** The detail page (GET /console/proposals/:id): the record, then the forms the user may use in its state. */
export function proposalDetailPage(o: ProposalDetailPageOptions): SafeHtml {
  const p = o.detail.proposal;
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  const status = proposalStatus(p, o.today);
  const undecided = p.disclosure === 'pending';
  const stamp = html`<input type="hidden" name="expectedUpdatedAt" value="${p.updatedAt}">`;
  return html`<h1>${PROPOSAL_KIND_NAMES_ZH[p.kind]}：${p.title}</h1>
${errorSummary(o.errors, PROPOSAL_FORM_LABELS)}
<dl class="meta">
${metaRow('届次会议', p.session)}${metaRow('编号', p.number)}
${metaRow('代表或委员', p.proposer)}${metaRow('承办机关', html`${o.detail.organization.name}（${PROPOSAL_ROLE_NAMES_ZH[p.role]}）`)}
${metaRow('交办日期', p.receivedOn)}${metaRow('答复期限', p.dueOn)}
${metaRow('办理状态', status === 'overdue' ? html`<span class="late">${PROPOSAL_STATUS_NAMES_ZH[status]}</span>` : PROPOSAL_STATUS_NAMES_ZH[status])}${metaRow('答复日期', p.repliedOn ?? '尚未答复')}
${metaRow('办理结果类别', p.adoption ? PROPOSAL_ADOPTION_NAMES_ZH[p.adoption] : '')}${metaRow('结果公开', PROPOSAL_DISCLOSURE_NAMES_ZH[p.disclosure])}
${metaRow('公开日期', p.publishedOn)}${metaRow('不予公开的理由', p.withheldReason)}
${metaRow('登记时间', chinaTime(p.createdAt))}${metaRow('最后修改', chinaTime(p.updatedAt))}
</dl>
<h2>答复摘要</h2><p>${p.replySummary ?? '尚未答复'}</p>
${formError(o.errors)}
${o.canManage && undecided
  ? html`<h2 id="reply-form">${p.repliedOn === null ? '登记答复' : '更正答复'}</h2>
<form method="post" action="/console/proposals/${p.id}/reply" novalidate>
${csrfField(o.csrf)}${stamp}
${textField({ type: 'date', name: 'repliedOn', label: label('repliedOn'), value: v('repliedOn'), error: e('repliedOn'), required: true, hint: `不早于交办日期（${p.receivedOn}），不晚于今天` })}
${selectField({ name: 'adoption', label: label('adoption'), value: v('adoption'), error: e('adoption'), options: [{ value: '', label: '请选择' }, ...PROPOSAL_ADOPTIONS.map((a) => ({ value: a, label: PROPOSAL_ADOPTION_NAMES_ZH[a] }))] })}
${textAreaField({ name: 'replySummary', label: label('replySummary'), value: v('replySummary'), error: e('replySummary'), hint: '公开时在门户网站展示，不超过 5000 字', rows: 6 })}
<button type="submit">保存答复</button>
</form>`
  : ''}
${o.canPublish && undecided && p.repliedOn !== null
  ? html`<h2 id="disclosure">办理结果公开</h2>
<form method="post" action="/console/proposals/${p.id}/publish" novalidate>
${csrfField(o.csrf)}${stamp}
${textField({ type: 'date', name: 'publishedOn', label: label('publishedOn'), value: v('publishedOn') || o.today, error: e('publishedOn'), hint: '不早于答复日期' })}
<button type="submit">公开办理结果</button>
</form>
<form method="post" action="/console/proposals/${p.id}/withhold" novalidate>
${csrfField(o.csrf)}${stamp}
${textAreaField({ name: 'withheldReason', label: label('withheldReason'), value: v('withheldReason'), error: e('withheldReason'), hint: '至少 5 个字，如“涉及国家秘密”；门户网站只公布不予公开的件数', rows: 2 })}
<button type="submit" class="secondary">不予公开</button>
</form>`
  : ''}
${o.canPublish && undecided && p.repliedOn === null ? html`<p>登记答复后才能决定是否公开办理结果。</p>` : ''}
${o.canManage && undecided
  ? html`<h2 id="correct">更正登记信息</h2>
<form method="post" action="/console/proposals/${p.id}" novalidate>
${csrfField(o.csrf)}${stamp}
${registrationFields(v, e, o.replyMonths)}
<button type="submit">保存更正</button>
</form>`
  : ''}
${p.disclosure === 'published' ? html`<p><a href="/proposals/${p.id}">在门户网站查看</a></p>` : ''}
<p><a href="/console/audit?entityType=deputy_proposal&amp;entityId=${p.id}">查看审计记录</a> · <a href="/console/proposals">返回列表</a></p>`;
}
