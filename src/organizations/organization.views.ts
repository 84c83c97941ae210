/**
 * Pages of organizations: the console's tree and forms, and the public OGI guide (政府信息公开指南,
 * 2019 art. 12) with the tree of organizations and each one's guide.
 */
import { csrfField, errorSummary, selectField, textField } from '../auth/form-view.ts';
import type { FieldErrors } from '../auth/form-view.ts';
import { DEFAULT_INDEX_NUMBER_TEMPLATE } from '../catalog/index-number.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { OFFICE_FORM_PREFIX } from './organization.schema.ts';
import {
  OGI_OFFICE_FIELDS,
  ORGANIZATION_KIND_NAMES_ZH,
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVEL_NAMES_ZH,
  ORGANIZATION_LEVELS,
  organizationDepth,
} from './organization.ts';
import type { Organization, OrganizationInput } from './organization.ts';

/** Form labels by field, for the error summary. */
export const ORGANIZATION_FORM_LABELS: Record<string, string> = {
  parentId: '上级机构',
  name: '机构名称',
  shortName: '简称',
  kind: '机构类型',
  level: '行政层级',
  divisionCode: '行政区划代码',
  organizationCode: '机构代码',
  competentDepartmentId: '政府信息公开工作主管部门',
  indexNumberTemplate: '索引号模板',
  form: '表单',
  ...Object.fromEntries(OGI_OFFICE_FIELDS.map((f) => [`${OFFICE_FORM_PREFIX}${f.key}`, f.labelZh])),
};

/** An ideographic space (U+3000): indentation that CJK fonts render one character wide. */
const INDENT = '\u3000';

/** `\u3000\u3000利通区教育局`: a name indented by depth with ideographic spaces (for selects and tables). */
function indented(org: Organization): string {
  return `${INDENT.repeat(organizationDepth(org.path))}${org.name}`;
}

/** The console's organization list: an indented tree table. */
export function organizationListPage(organizations: readonly Organization[], canCreate: boolean): SafeHtml {
  return html`<h1>机构管理</h1>
${canCreate ? html`<p><a class="button" href="/console/organizations/new">新建机构</a></p>` : ''}
<table>
<caption>共 ${organizations.length} 个机构（按隶属关系缩进）</caption>
<thead><tr><th scope="col">机构名称</th><th scope="col">类型</th><th scope="col">层级</th><th scope="col">机构代码</th><th scope="col">行政区划代码</th><th scope="col">操作</th></tr></thead>
<tbody>
${organizations.map(
  (o) => html`<tr><th scope="row" style="padding-left:${8 + 24 * organizationDepth(o.path)}px"><a href="/console/organizations/${o.id}">${o.name}</a></th>
<td>${ORGANIZATION_KIND_NAMES_ZH[o.kind]}</td><td>${ORGANIZATION_LEVEL_NAMES_ZH[o.level]}</td><td>${o.organizationCode}</td><td>${o.divisionCode ?? ''}</td>
<td><a href="/console/organizations/${o.id}">编辑</a> · <a href="/console/organizations/new?parent=${o.id}">新建下级</a> · <a href="/organizations/${o.id}">公开指南</a></td></tr>`,
)}
</tbody>
</table>`;
}

/** The values a form shows: the input as typed. */
export type OrganizationFormValues = OrganizationInput;

/** The create or edit form. */
export function organizationFormPage(o: {
  csrf: string;
  /** Absent for the create form. */
  organization?: Organization;
  organizations: readonly Organization[];
  values: OrganizationFormValues;
  errors: FieldErrors;
}): SafeHtml {
  const editing = o.organization;
  const idText = (id: number | null | undefined): string => (id === null || id === undefined || Number.isNaN(id) ? '' : String(id));
  // A subtree cannot move below itself: its own members are not offered as parents.
  const parentChoices = editing ? o.organizations.filter((org) => !org.path.startsWith(editing.path)) : o.organizations;
  const orgOptions = (blank: string, list: readonly Organization[]): { value: string; label: string }[] => [{ value: '', label: blank }, ...list.map((org) => ({ value: String(org.id), label: indented(org) }))];
  const office = o.values.ogiOffice ?? {};
  return html`<h1>${editing ? html`编辑机构：${editing.name}` : '新建机构'}</h1>
${errorSummary(o.errors, ORGANIZATION_FORM_LABELS)}
<form method="post" action="${editing ? `/console/organizations/${editing.id}` : '/console/organizations'}" novalidate>
${csrfField(o.csrf)}
<fieldset><legend>基本信息</legend>
${selectField({ name: 'parentId', label: '上级机构', options: orgOptions('（无：顶级机构，仅系统管理员可设）', parentChoices), value: idText(o.values.parentId), error: o.errors['parentId'], hint: '改变上级机构会同时移动其全部下级机构。' })}
${textField({ name: 'name', label: '机构名称', value: o.values.name, required: true, error: o.errors['name'], hint: '全称，如“吴忠市人民政府”' })}
${textField({ name: 'shortName', label: '简称', value: o.values.shortName ?? '', error: o.errors['shortName'] })}
${selectField({ name: 'kind', label: '机构类型', options: ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_NAMES_ZH[k] })), value: o.values.kind, error: o.errors['kind'] })}
${selectField({ name: 'level', label: '行政层级', options: ORGANIZATION_LEVELS.map((l) => ({ value: l, label: ORGANIZATION_LEVEL_NAMES_ZH[l] })), value: o.values.level, error: o.errors['level'] })}
${textField({ name: 'divisionCode', label: '行政区划代码', value: o.values.divisionCode ?? '', error: o.errors['divisionCode'], hint: 'GB/T 2260 六位代码，如 640300' })}
${textField({ name: 'organizationCode', label: '机构代码', value: o.values.organizationCode, required: true, error: o.errors['organizationCode'], hint: '组织机构代码（9 位）或统一社会信用代码（18 位），用作索引号前段' })}
${selectField({ name: 'competentDepartmentId', label: '政府信息公开工作主管部门', options: orgOptions('（未指定）', o.organizations), value: idText(o.values.competentDepartmentId), error: o.errors['competentDepartmentId'] })}
${textField({ name: 'indexNumberTemplate', label: '索引号模板', value: o.values.indexNumberTemplate ?? '', error: o.errors['indexNumberTemplate'], hint: `留空使用默认模板 ${DEFAULT_INDEX_NUMBER_TEMPLATE}；可用 {orgcode}、{yyyy}、{mm}、{nnnnn}` })}
</fieldset>
<fieldset><legend>政府信息公开工作机构（公开指南内容）</legend>
${OGI_OFFICE_FIELDS.map((f) => textField({ name: `${OFFICE_FORM_PREFIX}${f.key}`, label: f.labelZh, value: office[f.key] ?? '', error: o.errors[`${OFFICE_FORM_PREFIX}${f.key}`] }))}
</fieldset>
<button type="submit">${editing ? '保存' : '创建机构'}</button>
</form>
<p><a href="/console/organizations">返回机构列表</a></p>`;
}

/** The public list of organizations as a nested tree of links to their OGI guides. */
export function organizationTreePage(organizations: readonly Organization[]): SafeHtml {
  const ids = new Set(organizations.map((o) => o.id));
  const childrenOf = (parentId: number | null): Organization[] =>
    organizations.filter((o) => (parentId === null ? o.parentId === null || !ids.has(o.parentId) : o.parentId === parentId));
  const branch = (parentId: number | null): SafeHtml | '' => {
    const children = childrenOf(parentId);
    if (children.length === 0) return '';
    return html`<ul>${children.map((o) => html`<li><a href="/organizations/${o.id}">${o.name}</a>${branch(o.id)}</li>`)}</ul>`;
  };
  return html`<h1>政府信息公开指南</h1>
<p>各机构的政府信息公开指南载明其政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式（《中华人民共和国政府信息公开条例》第十二条）。请选择机构：</p>
<nav aria-label="机构列表">${branch(null)}</nav>`;
}

/** One organization's OGI guide. */
export function organizationGuidePage(org: Organization, parent: Organization | null, competent: Organization | null, children: readonly Organization[]): SafeHtml {
  const row = (label: string, value: SafeHtml | string | null, blank = '（未公布）'): SafeHtml => html`<dt>${label}</dt><dd>${value === null || value === '' ? blank : value}</dd>`;
  return html`<h1>${org.name}政府信息公开指南</h1>
<h2>机构概况</h2>
<dl class="meta">
${row('机构名称', org.name)}
${row('简称', org.shortName)}
${row('机构类型', ORGANIZATION_KIND_NAMES_ZH[org.kind])}
${row('行政层级', ORGANIZATION_LEVEL_NAMES_ZH[org.level])}
${row('行政区划代码', org.divisionCode)}
${row('机构代码', org.organizationCode)}
${row('上级机构', parent ? html`<a href="/organizations/${parent.id}">${parent.name}</a>` : null, '（无）')}
${row('政府信息公开工作主管部门', competent ? html`<a href="/organizations/${competent.id}">${competent.name}</a>` : null)}
</dl>
<h2>政府信息公开工作机构</h2>
<dl class="meta">
${OGI_OFFICE_FIELDS.map((f) => row(f.labelZh, f.key === 'website' && org.ogiOffice.website ? html`<a href="${org.ogiOffice.website}">${org.ogiOffice.website}</a>` : org.ogiOffice[f.key]))}
</dl>
<h2>主动公开</h2>
<ul>
<li><a href="/catalog?org=${org.id}">${org.name}政府信息公开目录</a></li>
<li><a href="/feeds/${org.id}.atom">最新公开信息订阅（Atom）</a></li>
</ul>
${children.length > 0 ? html`<h2>下级机构</h2><ul>${children.map((c) => html`<li><a href="/organizations/${c.id}">${c.name}</a></li>`)}</ul>` : ''}
<p><a href="/organizations">全部机构的公开指南</a></p>`;
}
