/**
 * Console pages of the views over annual reports (Chinese, no JavaScript): the records behind a
 * cell (with links to each case, item and review record), the roll-up comparison of members with
 * outliers flagged, and the submission dashboard. Pure rendering: routes pass in what they loaded.
 */
import { selectField, textField } from '../auth/form-view.ts';
import { chinaTime } from '../catalog/catalog-console.views.ts';
import { GENRES, ITEM_STATUSES, VALIDITIES, nameOf } from '../catalog/catalog-item.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { ORGANIZATION_KIND_NAMES_ZH } from '../organizations/organization.ts';
import { CHANNEL_NAMES_ZH, REQUESTER_TYPE_NAMES_ZH } from '../requests/request-case.ts';
import { outcomeById } from '../requests/request-outcome.ts';
import { DEFENDANT_ROLE_NAMES_ZH, REVIEW_OUTCOME_NAMES_ZH, REVIEW_PATH_NAMES_ZH } from '../reviews/review-case.ts';
import { REPORT_STATUS_NAMES_ZH } from './annual-report.ts';
import type { CellSource } from './report-figures.ts';
import type { CellTrace } from './report-trace.ts';
import { KEY_FIGURES, OUTLIER_THRESHOLDS } from './rollup-comparison.ts';
import type { ComparedMember, KeyFigureId } from './rollup-comparison.ts';
import type { RollupComparisonReport } from './rollup-comparison.service.ts';
import { DASHBOARD_STATUS_NAMES_ZH, DASHBOARD_STATUSES } from './submission-dashboard.ts';
import type { DashboardRow } from './submission-dashboard.ts';
import type { SubmissionDashboardReport } from './submission-dashboard.service.ts';

/** At most this many records are drawn on the page (the API lists them all). */
const TRACE_PAGE_LIMIT = 1000;

const SOURCE_NAMES_ZH: Readonly<Record<CellSource, string>> = {
  catalog: '政府信息公开目录（自动统计）',
  requests: '依申请公开案件（自动统计）',
  reviews: '行政复议、行政诉讼案件（自动统计）',
  engagement: '回应解读记录（新闻发布会、在线访谈、政策解读、回应关切，自动统计）',
  'work-records': '工作台账（机构人员经费、查阅点、会议培训、举报投诉，自动统计）',
  entry: '人工填报',
  'not-entered': '人工填报（尚未填报）',
};

const TIMELINESS_NAMES_ZH: Readonly<Record<'on-time' | 'extended' | 'late', string>> = { 'on-time': '按时办结', extended: '延期办结', late: '逾期办结' };

/** The number as printed: integers plain, amounts with up to four decimals. */
function showNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000);
}

/** The report page of an organization and year (built by the workflow module). */
function reportHref(organizationId: number, year: number): string {
  return `/console/reports/${organizationId}/${year}`;
}

function itemsTable(trace: CellTrace): SafeHtml {
  const rows = trace.items.slice(0, TRACE_PAGE_LIMIT);
  return html`<table><caption>目录信息 ${trace.items.length} 条</caption>
<thead><tr><th scope="col">标题</th><th scope="col">索引号</th><th scope="col">文号</th><th scope="col">机关</th><th scope="col">体裁</th><th scope="col">生成日期</th><th scope="col">发布日期</th><th scope="col">有效性</th><th scope="col">状态</th></tr></thead>
<tbody>${rows.map(
    (i) => html`<tr><th scope="row"><a href="/console/items/${i.id}">${i.title}</a></th><td>${i.indexNumber ?? ''}</td><td>${i.documentNumber ?? ''}</td><td>${i.organizationName}</td><td>${nameOf(GENRES, i.genre)}</td><td>${i.creationDate}</td><td>${i.publicationDate ?? ''}</td>
<td>${nameOf(VALIDITIES, i.validity)}${i.expiryDate && i.validity !== 'in_force' ? html`（${i.expiryDate}）` : ''}</td><td>${nameOf(ITEM_STATUSES, i.status)}</td></tr>`,
  )}</tbody></table>`;
}

function casesTable(trace: CellTrace): SafeHtml {
  const rows = trace.cases.slice(0, TRACE_PAGE_LIMIT);
  const fees = trace.cell.endsWith('/fees/value');
  return html`<table><caption>申请案件 ${trace.cases.length} 件</caption>
<thead><tr><th scope="col">查询码</th><th scope="col">机关</th><th scope="col">申请人</th><th scope="col">申请人类型</th><th scope="col">渠道</th><th scope="col">收到日期</th><th scope="col">办理结果</th><th scope="col">结果日期</th><th scope="col">时效</th>${fees ? html`<th scope="col">收费（元）</th>` : ''}</tr></thead>
<tbody>${rows.map(
    (c) => html`<tr><th scope="row"><a href="/console/requests/${c.id}">${c.trackingCode}</a></th><td>${c.organizationName}</td><td>${c.requesterName}</td><td>${REQUESTER_TYPE_NAMES_ZH[c.requesterType]}</td><td>${CHANNEL_NAMES_ZH[c.channel]}</td><td>${c.receivedOn}</td>
<td>${c.outcome ? (outcomeById(c.outcome)?.labelZh ?? c.outcome) : '（尚未办结）'}</td><td>${c.outcomeOn ?? ''}</td><td>${c.timeliness ? html`<span${c.timeliness === 'late' ? html` class="late"` : ''}>${TIMELINESS_NAMES_ZH[c.timeliness]}</span>` : ''}</td>${fees ? html`<td>${c.feeYuan}</td>` : ''}</tr>`,
  )}</tbody></table>`;
}

function reviewsTable(trace: CellTrace): SafeHtml {
  return html`<table><caption>复议、诉讼案件 ${trace.reviews.length} 件</caption>
<thead><tr><th scope="col">申请人（原告）</th><th scope="col">类型</th><th scope="col">机关</th><th scope="col">复议机关或法院</th><th scope="col">案号</th><th scope="col">申请或起诉日期</th><th scope="col">审结日期</th><th scope="col">年末状态</th></tr></thead>
<tbody>${trace.reviews.slice(0, TRACE_PAGE_LIMIT).map(
    (r) => html`<tr><th scope="row"><a href="/console/reviews/${r.id}">${r.applicantName}</a></th><td>${REVIEW_PATH_NAMES_ZH[r.path]}（${DEFENDANT_ROLE_NAMES_ZH[r.defendantRole]}）</td><td>${r.organizationName}</td><td>${r.reviewingBody}</td><td>${r.caseNumber ?? ''}</td>
<td>${r.suitFiledOn ?? r.filedOn}</td><td>${r.decidedOn ?? ''}</td><td>${REVIEW_OUTCOME_NAMES_ZH[r.outcomeAtYearEnd]}</td></tr>`,
  )}</tbody></table>`;
}

function entriesTable(trace: CellTrace): SafeHtml {
  if (trace.entries.length === 0) return html`<p>尚未填报。填报页面：<a href="${reportHref(trace.organization.id, trace.year)}">${trace.organization.name}${trace.year}年度报告</a>。</p>`;
  return html`<table><caption>填报数据 ${trace.entries.length} 项</caption>
<thead><tr><th scope="col">机关</th><th scope="col">数值</th><th scope="col">来源</th><th scope="col">填报人</th><th scope="col">填报时间</th><th scope="col">说明</th></tr></thead>
<tbody>${trace.entries.map(
    (e) => html`<tr><th scope="row"><a href="${reportHref(e.organizationId, trace.year)}">${e.organizationName}</a></th><td>${showNumber(e.value)}</td><td>${e.source === 'import' ? '导入' : '手工填报'}</td><td>${e.enteredByName ?? '系统'}</td><td>${chinaTime(e.enteredAt)}</td><td>${e.note ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

const ACTIVITY_KIND_NAMES_ZH: Readonly<Record<string, string>> = {
  press_event: '新闻发布会、在线访谈',
  policy_interpretation: '政策解读',
  concern_response: '回应关切',
  ogi_staffing: '机构人员经费',
  reading_point: '查阅点',
  ogi_meeting: '会议',
  training_session: '培训班',
  ogi_complaint: '举报投诉',
};

function activitiesTable(trace: CellTrace): SafeHtml {
  if (trace.activities.length === 0) return html`<p>没有记录。</p>`;
  return html`<table><caption>工作记录 ${trace.activities.length} 条</caption>
<thead><tr><th scope="col">记录</th><th scope="col">类别</th><th scope="col">机关</th><th scope="col">日期</th><th scope="col">计入数值</th></tr></thead>
<tbody>${trace.activities.slice(0, TRACE_PAGE_LIMIT).map(
    (a) => html`<tr><th scope="row">${a.title}</th><td>${ACTIVITY_KIND_NAMES_ZH[a.kind] ?? a.kind}</td><td>${a.organizationName}</td><td>${a.date}</td><td>${showNumber(a.contribution)}</td></tr>`,
  )}</tbody></table>`;
}

/** The cell picker of the trace page (GET form, keeps the scope fields). */
function cellPicker(o: { action: string; cells: readonly { id: string; label: string }[]; cell: string; error?: string | undefined; hidden: Readonly<Record<string, string>> }): SafeHtml {
  return html`<form method="get" action="${o.action}" aria-label="选择单元格">
${Object.entries(o.hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
${selectField({ name: 'cell', label: '单元格', value: o.cell, error: o.error, options: [{ value: '', label: '请选择' }, ...o.cells.map((c) => ({ value: c.id, label: `${c.label}（${c.id}）` }))] })}
<button type="submit">查看</button>
</form>`;
}

/**
 * The records behind a cell (GET /console/reports/{orgId}/{year}/trace?cell=): what the cell
 * counts, its value and source, and the records with links; a cell picker on top.
 */
export function tracePage(o: {
  organizationId: number;
  year: number;
  trace: CellTrace | null;
  cells: readonly { id: string; label: string }[];
  cell: string;
  error?: string | undefined;
  hidden: Readonly<Record<string, string>>;
}): SafeHtml {
  const action = `/console/reports/${o.organizationId}/${o.year}/trace`;
  const t = o.trace;
  const heading = t ? html`<h1>${t.organization.name}${t.year}年度报告：${t.label}</h1>` : html`<h1>${o.year}年度报告：查看数据来源</h1>`;
  if (!t) return html`${heading}${o.error ? html`<div class="error" role="alert"><p>${o.error}</p></div>` : ''}${cellPicker({ action, cells: o.cells, cell: o.cell, error: o.error, hidden: o.hidden })}`;
  const listed = t.items.length + t.cases.length + t.reviews.length + t.entries.length + t.activities.length;
  const agrees = t.total === t.value;
  const truncated = Math.max(t.items.length, t.cases.length, t.reviews.length, t.activities.length) > TRACE_PAGE_LIMIT;
  return html`${heading}
<p><a href="${reportHref(t.organization.id, t.year)}">返回年度报告</a> · <a href="/console/reports/${t.organization.id}/${t.year}/members">汇总单位数据对比</a></p>
<dl class="meta">
<dt>单元格</dt><dd>${t.cell}</dd><dt>数值</dt><dd>${showNumber(t.value)}</dd>
<dt>数据来源</dt><dd>${SOURCE_NAMES_ZH[t.source]}</dd><dt>统计范围</dt><dd>${t.scope === 'own' ? '本机关' : `汇总 ${t.members.length} 个机关`}（${t.formatId} 年格式）</dd>
<dt>所列记录</dt><dd>${listed} 条，合计 ${showNumber(t.total)}</dd><dt>核对</dt><dd>${agrees ? '与表中数值一致' : html`<span class="late">与表中数值不一致</span>`}</dd>
</dl>
${t.submittedValue !== null && t.submittedValue !== t.value ? html`<p class="error" role="alert">报送时该单元格为 ${showNumber(t.submittedValue)}，此后记录有变化，现按记录计算为 ${showNumber(t.value)}。</p>` : ''}
${t.masked ? html`<p class="hint">申请人姓名已按个人信息保护要求部分隐去。</p>` : ''}
${truncated ? html`<p class="hint">页面仅显示前 ${TRACE_PAGE_LIMIT} 条；完整列表请通过 API <code>GET /api/reports/${t.organization.id}/${t.year}/trace?cell=${t.cell}</code> 获取。</p>` : ''}
${t.source === 'catalog' ? itemsTable(t) : t.source === 'requests' ? casesTable(t) : t.source === 'reviews' ? reviewsTable(t) : t.source === 'engagement' || t.source === 'work-records' ? activitiesTable(t) : entriesTable(t)}
<h2>查看其他单元格</h2>
${cellPicker({ action, cells: o.cells, cell: o.cell, hidden: o.hidden })}`;
}

function figureCell(m: ComparedMember, id: KeyFigureId): SafeHtml {
  const flagged = m.flags.some((f) => f.figure === id);
  const now = m.figures[id];
  const before = m.previous[id];
  return html`<td${flagged ? html` class="late"` : ''}>${flagged ? html`<strong>${now}</strong>` : now}<br><span class="hint">上年 ${before}</span>${flagged ? html`<span class="tag">异常</span>` : ''}</td>`;
}

/**
 * The roll-up comparison (GET /console/reports/{orgId}/{year}/members): every member's key figures
 * for the year and the previous year, flags, and the rules that flag them.
 */
export function membersPage(c: RollupComparisonReport): SafeHtml {
  const T = OUTLIER_THRESHOLDS;
  return html`<h1>${c.organization.name}${c.year}年度报告：汇总单位数据对比</h1>
<p><a href="${reportHref(c.organization.id, c.year)}">返回年度报告</a></p>
<p>${c.scope === 'own' ? '本报告只统计本机关自身的记录。' : `本报告汇总 ${c.members.length} 个机关。`}${c.flagged > 0 ? html`<strong>${c.flagged} 个机关有需要核实的情况。</strong>` : '未发现异常情况。'}每格为本年数，其下为上年数；各机关只计本机关自身的记录（不含下级），两年均按 2021 年格式口径统计。</p>
<table><caption>各机关主要数据（本年 / 上年）</caption>
<thead><tr><th scope="col">机关</th><th scope="col">类型</th><th scope="col">年度报告</th>${KEY_FIGURES.map((f) => html`<th scope="col">${f.labelZh}（${f.unit}）</th>`)}</tr></thead>
<tbody>${c.members.map(
    (m) => html`<tr><th scope="row"><a href="${reportHref(m.id, c.year)}">${m.name}</a>${m.silent ? html`<br><span class="tag">无记录</span>` : ''}</th><td>${ORGANIZATION_KIND_NAMES_ZH[m.kind]}</td><td>${m.status ? REPORT_STATUS_NAMES_ZH[m.status] : '未编制'}</td>${KEY_FIGURES.map((f) => figureCell(m, f.id))}</tr>`,
  )}</tbody>
<tfoot><tr><th scope="row">合计</th><td></td><td></td>${KEY_FIGURES.map((f) => html`<td>${c.totals.current[f.id]}<br><span class="hint">上年 ${c.totals.previous[f.id]}</span></td>`)}</tr></tfoot>
</table>
<p class="hint">合计为各机关自身数据之和，未做汇总去重（联合发文、同一复议诉讼案件在汇总报告中只计一次）。</p>
<h2>需要核实的情况</h2>
${
  c.flagged === 0
    ? html`<p>无。</p>`
    : html`<ul>${c.members
        .filter((m) => m.flags.length > 0)
        .map((m) => html`<li><a href="${reportHref(m.id, c.year)}">${m.name}</a>：<ul>${m.flags.map((f) => html`<li>${f.messageZh}</li>`)}</ul></li>`)}</ul>`
}
<h2>判断规则</h2>
<ul>
<li>某项数据达到上年的 ${T.jumpFactor} 倍及以上且本年不少于 ${T.jumpMinimum}，或降至上年的 ${T.dropFactor} 分之一及以下且上年不少于 ${T.dropMinimum}${c.previousYearHasRecords ? '（填报数据上年未填报的不比较）' : '（上年在本系统中没有任何记录，本项未判断）'}；</li>
<li>某项数据不少于 ${T.peerMinimum}，且达到同类机关（人民政府、部门、其他机构分别比较）中位数的 ${T.peerFactor} 倍及以上（中位数大于 0 时）；</li>
<li>本年没有任何记录的机关；</li>
<li>本年度报告尚未报送的机关（本机关除外）。</li>
</ul>`;
}

function daysText(r: DashboardRow): SafeHtml | string {
  if (r.daysLeft === null) {
    if (r.submittedLate) return html`<span class="late">逾期报送</span>`;
    return r.submittedAt ? '按期报送' : '';
  }
  if (r.daysLeft < 0) return html`<span class="late">已逾期 ${-r.daysLeft} 日</span>`;
  return r.daysLeft === 0 ? html`<strong>今日到期</strong>` : `剩余 ${r.daysLeft} 日`;
}

/**
 * The submission dashboard (GET /console/reports/dashboard?year=): counts per status and one row
 * per organization, overdue first; a form to choose the year and the competent department.
 */
export function dashboardPage(d: SubmissionDashboardReport, organizations: readonly { id: number; name: string }[]): SafeHtml {
  return html`<h1>${d.organization.name}：${d.year}年度报告报送情况</h1>
<form method="get" action="/console/reports/dashboard" aria-label="选择年度和机关">
${textField({ name: 'year', label: '报告年度', value: String(d.year), hint: '如 2025（即 2026 年初报送的年度报告）' })}
${organizations.length > 1 ? selectField({ name: 'organizationId', label: '政府信息公开工作主管部门', value: String(d.organization.id), options: organizations.map((o) => ({ value: String(o.id), label: o.name })) }) : ''}
<button type="submit">查看</button>
</form>
<p>统计日期 ${d.today}。部门应于次年 1 月 31 日前、人民政府应于次年 3 月 31 日前完成年度报告（2019 年《条例》第四十九条；2018 年及以前的年度报告为次年 3 月 31 日前）。${d.overdue > 0 ? html`<strong class="late">${d.overdue} 个机关已逾期未报送。</strong>` : ''}</p>
<table><caption>各状态机关数</caption>
<thead><tr>${DASHBOARD_STATUSES.map((s) => html`<th scope="col">${DASHBOARD_STATUS_NAMES_ZH[s]}</th>`)}</tr></thead>
<tbody><tr>${DASHBOARD_STATUSES.map((s) => html`<td>${d.counts[s]}</td>`)}</tr></tbody></table>
<table><caption>共 ${d.rows.length} 个机关（逾期的排在最前）</caption>
<thead><tr><th scope="col">机关</th><th scope="col">类型</th><th scope="col">状态</th><th scope="col">期限</th><th scope="col">剩余 / 逾期</th><th scope="col">报送时间</th></tr></thead>
<tbody>${d.rows.map(
    (r) => html`<tr><th scope="row"><a href="${reportHref(r.organizationId, d.year)}">${r.name}</a></th><td>${ORGANIZATION_KIND_NAMES_ZH[r.kind]}</td><td>${DASHBOARD_STATUS_NAMES_ZH[r.status]}</td>
<td>${r.deadline ?? '—'}${r.deadlineAssumed ? html`<br><span class="hint">按人民政府期限</span>` : ''}</td><td>${daysText(r)}</td><td>${chinaTime(r.submittedAt)}</td></tr>`,
  )}</tbody></table>`;
}
