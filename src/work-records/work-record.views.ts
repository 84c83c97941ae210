/**
 * Console pages of the OGI work records (Chinese, no JavaScript): one page per organization and
 * year with the year's figures as the 2014 table prints them, the staffing form, and the lists of
 * reading points, meetings, training sessions and complaints with their add forms; and the edit
 * page of one record. Pure rendering: routes pass in what they loaded and what the user may do.
 * Each list's form fields are prefixed with the list's path (`ogi-meetings-title`) so the ids on
 * the page are unique.
 */
import { csrfField, errorSummary, selectField, textAreaField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { workRecordRows2014 } from './work-record-figures.ts';
import { WORK_RECORD_PATHS } from './work-record.schema.ts';
import type { WorkRecordFigures } from './work-record-figures.ts';
import type { WorkRecordOrganization } from './work-record.repository.ts';
import { COMPLAINT_CHANNEL_NAMES_ZH, COMPLAINT_CHANNELS, MEETING_KIND_NAMES_ZH, MEETING_KINDS, WORK_RECORD_ENTITY_TYPES, WORK_RECORD_KINDS } from './work-record.ts';
import type { ComplaintChannel, MeetingKind, OgiStaffing, WorkRecordKind, WorkRecordMeta } from './work-record.ts';

/** One field of a list kind's form. */
interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'textarea' | 'select';
  hint?: string;
  required?: boolean;
  options?: readonly { value: string; label: string }[];
}

/** The headings, fields and list columns of each list kind. */
const KIND_UI: Readonly<Record<WorkRecordKind, { heading: string; noun: string; fields: readonly FieldSpec[] }>> = {
  'reading-point': {
    heading: '政府信息公开查阅点',
    noun: '查阅点',
    fields: [
      { name: 'name', label: '查阅点名称', required: true, hint: '如 吴忠市政务服务中心政府信息公开查阅点' },
      { name: 'address', label: '地址', required: true },
      { name: 'openingHours', label: '开放时间', hint: '如 工作日 8:30–12:00，14:30–18:00' },
      { name: 'openedOn', label: '设立日期', type: 'date', required: true },
      { name: 'closedOn', label: '撤销日期', type: 'date', hint: '仍在开放的留空。统计表计入当年 12 月 31 日仍开放的查阅点；撤销的请填写撤销日期而不要删除，以免改变以往年度的统计数' },
    ],
  },
  meeting: {
    heading: '政府信息与政务公开工作会议',
    noun: '会议',
    fields: [
      { name: 'heldOn', label: '会议日期', type: 'date', required: true },
      { name: 'title', label: '会议名称', required: true },
      { name: 'kind', label: '会议类型', type: 'select', options: MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_NAMES_ZH[k] })) },
    ],
  },
  'training-session': {
    heading: '培训班',
    noun: '培训班',
    fields: [
      { name: 'heldOn', label: '培训日期', type: 'date', required: true, hint: '多日的培训班填写开班日期' },
      { name: 'title', label: '培训班名称', required: true },
      { name: 'attendees', label: '参训人次', required: true, hint: '不小于 1 的整数，计入“接受培训人员数”' },
    ],
  },
  complaint: {
    heading: '政府信息公开工作举报投诉',
    noun: '举报投诉',
    fields: [
      { name: 'receivedOn', label: '收到日期', type: 'date', required: true, hint: '统计表按收到日期计入年度' },
      { name: 'channel', label: '渠道', type: 'select', options: COMPLAINT_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL_NAMES_ZH[c] })) },
      { name: 'summary', label: '内容摘要', type: 'textarea', required: true, hint: '不超过 2000 字；不要填写举报投诉人的个人信息' },
      { name: 'outcome', label: '处理结果', type: 'textarea', hint: '不超过 2000 字' },
      { name: 'closedOn', label: '办结日期', type: 'date', hint: '尚未办结的留空' },
    ],
  },
};

/** Labels of the staffing form's fields and of the page filter. */
const STAFFING_LABELS: Readonly<Record<string, string>> = {
  organizationId: '机关',
  year: '年度',
  ogiOffices: '政府信息公开工作专门机构数（个）',
  staffFullTime: '专职人员数（人）',
  staffPartTime: '兼职人员数（人）',
  funding: '政府信息公开专项经费（万元）',
  note: '备注',
  staffing: '机构、人员和经费',
};

/** The form-field prefix of a list kind. */
export function fieldPrefix(kind: WorkRecordKind): string {
  return `${WORK_RECORD_PATHS[kind]}-`;
}

/** Every label of the page by (prefixed) field name, for the error summary. */
function pageLabels(): Record<string, string> {
  const out: Record<string, string> = { ...STAFFING_LABELS };
  for (const kind of WORK_RECORD_KINDS) {
    const ui = KIND_UI[kind];
    out[`${fieldPrefix(kind)}form`] = `${ui.noun}表单`;
    for (const f of ui.fields) out[`${fieldPrefix(kind)}${f.name}`] = `${ui.noun}：${f.label}`;
  }
  return out;
}

/** The fields of a list kind's form, prefixed. */
function kindFields(kind: WorkRecordKind, values: Record<string, string>, errors: FieldErrors): SafeHtml[] {
  const prefix = fieldPrefix(kind);
  return KIND_UI[kind].fields.map((f) => {
    const name = `${prefix}${f.name}`;
    const common = { name, label: f.label, value: values[f.name] ?? '', error: errors[name], ...(f.hint ? { hint: f.hint } : {}) };
    if (f.type === 'textarea') return textAreaField(common);
    if (f.type === 'select') return selectField({ ...common, options: f.options ?? [] });
    return textField({ ...common, type: f.type === 'date' ? 'date' : 'text', ...(f.required ? { required: true } : {}) });
  });
}

/** A record's cells in the list, in the order of the list's header. */
function recordCells(kind: WorkRecordKind, r: Record<string, unknown>): (string | number)[] {
  const s = (key: string): string => (typeof r[key] === 'string' ? r[key] : '');
  switch (kind) {
    case 'reading-point':
      return [s('name'), s('address'), s('openingHours'), s('openedOn'), s('closedOn') || '开放中'];
    case 'meeting':
      return [s('heldOn'), s('title'), MEETING_KIND_NAMES_ZH[s('kind') as MeetingKind] ?? s('kind')];
    case 'training-session':
      return [s('heldOn'), s('title'), typeof r['attendees'] === 'number' ? r['attendees'] : ''];
    case 'complaint':
    default:
      return [s('receivedOn'), COMPLAINT_CHANNEL_NAMES_ZH[s('channel') as ComplaintChannel] ?? s('channel'), s('summary'), s('outcome'), s('closedOn') || '未办结'];
  }
}

function recordHeads(kind: WorkRecordKind): string[] {
  return KIND_UI[kind].fields.map((f) => f.label.replace('（个）', ''));
}

/** What the page shows of one list kind. */
export interface KindSection {
  records: readonly (WorkRecordMeta & Record<string, unknown>)[];
  /** The add form's values (unprefixed names) and errors (prefixed names). */
  values: Record<string, string>;
  errors: FieldErrors;
}

function listSection(kind: WorkRecordKind, section: KindSection, o: { csrf: string; organizationId: number; year: number; canManage: boolean }): SafeHtml {
  const ui = KIND_UI[kind];
  const path = WORK_RECORD_PATHS[kind];
  const prefix = fieldPrefix(kind);
  const list = section.records.length === 0
    ? html`<p>本年度尚无${ui.noun}记录。</p>`
    : html`<table><caption>${ui.heading}（${section.records.length}）</caption>
<thead><tr>${recordHeads(kind).map((h) => html`<th scope="col">${h}</th>`)}${o.canManage ? html`<th scope="col">操作</th>` : ''}</tr></thead>
<tbody>${section.records.map((r) => {
        const cells = recordCells(kind, r);
        return html`<tr><th scope="row">${cells[0]}</th>${cells.slice(1).map((c) => html`<td>${c}</td>`)}${o.canManage
          ? html`<td><a href="/console/work-records/${path}/${r.id}/edit?year=${o.year}">修改</a>
<form method="post" action="/console/work-records/${path}/${r.id}/delete" style="display:inline">${csrfField(o.csrf)}<input type="hidden" name="expectedUpdatedAt" value="${r.updatedAt}"><input type="hidden" name="year" value="${o.year}"><button type="submit" class="secondary" aria-label="删除${ui.noun}：${String(cells[1] ?? '')}">删除</button></form></td>`
          : ''}</tr>`;
      })}</tbody></table>`;
  return html`<h2 id="${path}">${ui.heading}</h2>
${kind === 'reading-point' ? html`<p class="hint">列出本年度内曾开放的查阅点；统计表计入 ${o.year} 年 12 月 31 日仍开放的查阅点。</p>` : ''}
${list}
${o.canManage
    ? html`<details${Object.keys(section.errors).length > 0 ? html` open` : ''}><summary>登记${ui.noun}</summary>
<form method="post" action="/console/work-records/${path}" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="organizationId" value="${o.organizationId}"><input type="hidden" name="year" value="${o.year}">
${section.errors[`${prefix}form`] ? html`<p class="field-error" id="${prefix}form">${section.errors[`${prefix}form`]}</p>` : ''}
${kindFields(kind, section.values, section.errors)}
<button type="submit">登记${ui.noun}</button>
</form></details>`
    : ''}`;
}

/** The figures as the 2014 table prints them: this organization, and its subtree when it has one. */
export function figuresTable(year: number, own: WorkRecordFigures, subtree: WorkRecordFigures | null): SafeHtml {
  const ownRows = workRecordRows2014(own);
  const subRows = subtree ? workRecordRows2014(subtree) : null;
  const cols = subRows ? 3 : 2;
  return html`<table><caption>${year} 年政府信息公开情况统计表第六、八、九项（由台账计算）</caption>
<thead><tr><th scope="col">统计指标</th><th scope="col">本机关</th>${subRows ? html`<th scope="col">含下级机关</th>` : ''}<th scope="col">单位</th></tr></thead>
<tbody>${ownRows.map((row, i) => html`${row.section ? html`<tr><th scope="colgroup" colspan="${cols + 1}">${row.section}</th></tr>` : ''}<tr><th scope="row">${row.label}</th><td>${row.value}</td>${subRows ? html`<td>${subRows[i]?.value ?? ''}</td>` : ''}<td>${row.unit ?? ''}</td></tr>`)}</tbody></table>
<p class="hint">查阅点按当年 12 月 31 日仍开放的计；会议、培训班按举办日期、举报投诉按收到日期计入年度；工作人员数为专职与兼职之和；专项经费精确到元（4 位小数）。</p>`;
}

function staffingForm(o: { csrf: string; organizationId: number; year: number; staffing: OgiStaffing | null; values: Record<string, string>; errors: FieldErrors; canManage: boolean }): SafeHtml {
  const v = (name: string): string => o.values[name] ?? '';
  const e = (name: string): string | undefined => o.errors[name];
  const updated = o.staffing ? html`<p class="hint">最后修改：${o.staffing.updatedAt.slice(0, 10)}</p>` : html`<p class="hint">本年度尚未填报。</p>`;
  if (!o.canManage) {
    const s = o.staffing;
    return html`${updated}<dl class="meta">
<dt>${STAFFING_LABELS['ogiOffices']}</dt><dd>${s?.ogiOffices ?? ''}</dd><dt>${STAFFING_LABELS['staffFullTime']}</dt><dd>${s?.staffFullTime ?? ''}</dd>
<dt>${STAFFING_LABELS['staffPartTime']}</dt><dd>${s?.staffPartTime ?? ''}</dd><dt>${STAFFING_LABELS['funding']}</dt><dd>${s?.funding ?? ''}</dd>
<dt>${STAFFING_LABELS['note']}</dt><dd>${s?.note ?? ''}</dd></dl>`;
  }
  return html`${updated}<form method="post" action="/console/work-records/staffing" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="organizationId" value="${o.organizationId}"><input type="hidden" name="year" value="${o.year}">
<input type="hidden" name="expectedUpdatedAt" value="${o.staffing?.updatedAt ?? ''}">
${e('staffing') ? html`<p class="field-error" id="staffing">${e('staffing')}</p>` : ''}
${textField({ name: 'ogiOffices', label: STAFFING_LABELS['ogiOffices'] ?? '', value: v('ogiOffices'), error: e('ogiOffices'), required: true, hint: '负责政府信息公开工作的专门机构个数，没有的填 0' })}
${textField({ name: 'staffFullTime', label: STAFFING_LABELS['staffFullTime'] ?? '', value: v('staffFullTime'), error: e('staffFullTime'), required: true, hint: '不包括政府公报及政府网站工作人员' })}
${textField({ name: 'staffPartTime', label: STAFFING_LABELS['staffPartTime'] ?? '', value: v('staffPartTime'), error: e('staffPartTime'), required: true })}
${textField({ name: 'funding', label: STAFFING_LABELS['funding'] ?? '', value: v('funding'), error: e('funding'), required: true, hint: '单位万元，最多 4 位小数（精确到元）；不包括用于政府公报编辑管理及政府网站建设维护等方面的经费' })}
${textAreaField({ name: 'note', label: STAFFING_LABELS['note'] ?? '', value: v('note'), error: e('note'), hint: '不超过 2000 字' })}
<button type="submit">保存</button>
</form>`;
}

/** Everything the page shows. */
export interface WorkRecordsPageModel {
  csrf: string;
  organizations: readonly WorkRecordOrganization[];
  filter: { organizationId: string; year: string };
  filterErrors: FieldErrors;
  /** Set when an organization and a year are chosen. */
  chosen: {
    organization: WorkRecordOrganization;
    year: number;
    own: WorkRecordFigures;
    /** The subtree's figures when the organization has organizations below it. */
    subtree: WorkRecordFigures | null;
    staffing: OgiStaffing | null;
    staffingValues: Record<string, string>;
    staffingErrors: FieldErrors;
    sections: Readonly<Record<WorkRecordKind, KindSection>>;
    canManage: boolean;
  } | null;
}

/** The page GET /console/work-records?organizationId=&year=. */
export function workRecordsPage(m: WorkRecordsPageModel): SafeHtml {
  const c = m.chosen;
  const allErrors: FieldErrors = { ...m.filterErrors, ...(c ? c.staffingErrors : {}) };
  if (c) for (const kind of WORK_RECORD_KINDS) Object.assign(allErrors, c.sections[kind].errors);
  return html`<h1>政府信息公开工作台账</h1>
${errorSummary(allErrors, pageLabels())}
<form method="get" action="/console/work-records" aria-label="选择机关和年度">
${selectField({ name: 'organizationId', label: '机关', value: m.filter.organizationId, error: m.filterErrors['organizationId'], options: [{ value: '', label: '请选择' }, ...m.organizations.map((o) => ({ value: String(o.id), label: o.name }))] })}
${textField({ name: 'year', label: '年度', value: m.filter.year, error: m.filterErrors['year'], hint: '如 2026' })}
<button type="submit">查看</button>
</form>
${c
    ? html`<h2>${c.organization.name} ${c.year} 年统计数</h2>
${figuresTable(c.year, c.own, c.subtree)}
<h2 id="staffing-section">机构、人员和经费</h2>
${staffingForm({ csrf: m.csrf, organizationId: c.organization.id, year: c.year, staffing: c.staffing, values: c.staffingValues, errors: c.staffingErrors, canManage: c.canManage })}
${WORK_RECORD_KINDS.map((kind) => listSection(kind, c.sections[kind], { csrf: m.csrf, organizationId: c.organization.id, year: c.year, canManage: c.canManage }))}
<p><a href="/console/audit?organizationId=${c.organization.id}">查看本机关的审计记录</a></p>`
    : html`<p>请选择机关和年度。</p>`}`;
}

/** The edit page of one record (GET /console/work-records/<path>/:id/edit). */
export function workRecordEditPage(o: {
  csrf: string;
  kind: WorkRecordKind;
  id: number;
  organization: WorkRecordOrganization;
  year: string;
  values: Record<string, string>;
  errors: FieldErrors;
  expectedUpdatedAt: string;
}): SafeHtml {
  const ui = KIND_UI[o.kind];
  const path = WORK_RECORD_PATHS[o.kind];
  const prefix = fieldPrefix(o.kind);
  const back = `/console/work-records?organizationId=${o.organization.id}${o.year ? `&year=${o.year}` : ''}#${path}`;
  return html`<h1>修改${ui.noun}</h1>
<p>${o.organization.name}</p>
${errorSummary(o.errors, pageLabels())}
<form method="post" action="/console/work-records/${path}/${o.id}" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="expectedUpdatedAt" value="${o.expectedUpdatedAt}"><input type="hidden" name="year" value="${o.year}">
${o.errors[`${prefix}form`] ? html`<p class="field-error" id="${prefix}form">${o.errors[`${prefix}form`]}</p>` : ''}
${kindFields(o.kind, o.values, o.errors)}
<button type="submit">保存</button>
</form>
<p><a href="/console/audit?entityType=${WORK_RECORD_ENTITY_TYPES[o.kind]}&amp;entityId=${o.id}">查看审计记录</a> · <a href="${back}">返回台账</a></p>`;
}
