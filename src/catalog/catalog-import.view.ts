/**
 * The console pages of bulk import and export: the upload form (organization, file, dry-run
 * checkbox), the export form, and the result page listing every bad row (第 N 行 / 字段 / 问题).
 * Server-rendered, no JavaScript; every input labelled; errors summarized with role=alert.
 */
import { selectField } from '../auth/form-view.ts';
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { SHEET_COLUMNS } from './catalog-import-columns.ts';
import type { ImportResult } from './catalog-import.ts';
import { FIELD_LABELS_ZH } from './catalog-item.schema.ts';
import { ITEM_STATUSES } from './catalog-item.ts';

/** An organization the user may choose. */
export interface OrganizationChoice {
  id: number;
  name: string;
  depth: number;
}

/** A labelled checkbox (value `1`), sized as a checkbox rather than as the frame's full-width inputs. */
function checkbox(o: { name: string; label: string; checked: boolean; hint?: string }): SafeHtml {
  return html`<div class="field"><input id="${o.name}" name="${o.name}" type="checkbox" value="1" style="width:auto"${o.checked ? html` checked` : ''}${o.hint ? html` aria-describedby="${o.name}-hint"` : ''}> <label for="${o.name}" style="display:inline">${o.label}</label>${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}</div>`;
}

function organizationOptions(orgs: readonly OrganizationChoice[]): { value: string; label: string }[] {
  return orgs.map((o) => ({ value: String(o.id), label: `${'　'.repeat(o.depth)}${o.name}` }));
}

/** The import and export forms. `error` is shown in the form's error summary. */
export function importFormPage(o: { csrf: string; importable: readonly OrganizationChoice[]; exportable: readonly OrganizationChoice[]; organizationId?: string; dryRun: boolean; error?: string }): SafeHtml {
  const labels = SHEET_COLUMNS.map((c) => c.labels.join(' / '));
  return html`<h1>批量导入与导出</h1>
<h2>导入目录信息</h2>
${o.error ? html`<div class="error" role="alert"><p>${o.error}</p></div>` : ''}
${o.importable.length === 0
  ? html`<p>您没有可导入信息的机构（需要信息编辑或机构管理员角色）。</p>`
  : html`<form method="post" action="/console/import?_csrf=${encodeURIComponent(o.csrf)}" enctype="multipart/form-data">
${selectField({ name: 'organizationId', label: '导入到机构', options: organizationOptions(o.importable), value: o.organizationId ?? null })}
<div class="field"><label for="file">文件（CSV 或 XLSX）</label>
<div class="hint" id="file-hint">第一行为表头。CSV 可为 UTF-8（含或不含 BOM）或 GB18030 编码；XLSX 读取第一个工作表。</div>
<input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-hint" required></div>
${checkbox({ name: 'dryRun', label: '仅校验（试运行）', checked: o.dryRun, hint: '只检查文件，不写入任何数据。' })}
<button type="submit">上传</button>
</form>`}
<details><summary>可识别的表头</summary><ul>${labels.map((l) => html`<li>${l}</li>`)}</ul>
<p>公开属性、有效性、主题分类、体裁分类可填中文名称或代码；发布渠道可填政府公报、政府网站、政务微博、政务微信、其他方式中的一个或多个（用顿号、逗号、分号或空格分隔），不填的按政府网站；日期可写作 2026-03-05、2026/3/5 或 2026年3月5日。有发布日期的行导入为已发布信息（须有索引号），其余为草稿。文件中任一行有误时不导入任何记录。</p></details>
<h2>导出目录信息</h2>
${o.exportable.length === 0
  ? html`<p>您没有可导出信息的机构。</p>`
  : html`<form method="get" action="/console/export">
${selectField({ name: 'org', label: '导出机构', options: organizationOptions(o.exportable) })}
${selectField({ name: 'format', label: '文件格式', options: [{ value: 'xlsx', label: 'Excel 工作簿（.xlsx）' }, { value: 'csv', label: 'CSV（UTF-8，Excel 可直接打开）' }] })}
${selectField({ name: 'status', label: '状态', options: [{ value: '', label: '全部状态' }, ...ITEM_STATUSES.map((s) => ({ value: s.code, label: s.name }))], value: 'published' })}
${checkbox({ name: 'subtree', label: '包括下级机构', checked: false })}
<button type="submit">导出</button>
</form>`}`;
}

function fieldLabel(field: string): string {
  if (field === 'file') return '文件';
  return (FIELD_LABELS_ZH as Record<string, string>)[field] ?? field;
}

/** The result of an import or dry run. */
export function importResultPage(o: { fileName: string; organizationName: string; result: ImportResult }): SafeHtml {
  const r = o.result;
  const summary =
    r.issues.length > 0
      ? html`<div class="error" role="alert"><p>文件“${o.fileName}”共 ${r.total} 行，其中 ${r.invalid} 行有误（${r.issues.length} 处问题）。${r.dryRun ? '' : '未导入任何记录。'}请修改后重新上传。</p></div>`
      : r.dryRun
        ? html`<p class="notice" role="status">校验通过：文件“${o.fileName}”共 ${r.total} 行，均无错误。本次为试运行，未写入数据；取消勾选“仅校验”后再次上传即可导入。</p>`
        : html`<p class="notice" role="status">已导入 ${r.imported} 条（导入到 ${o.organizationName}）。</p>`;
  return html`<h1>${r.dryRun ? '导入校验结果' : '导入结果'}</h1>
${summary}
${r.issues.length > 0
  ? html`<p>行号从表头下第一行数据起计为第 1 行（即电子表格中的第 2 行）；第 0 行指表头。</p>
<table><caption>有误的行</caption><thead><tr><th scope="col">行</th><th scope="col">字段</th><th scope="col">问题</th></tr></thead><tbody>${r.issues.map(
      (i) => html`<tr><td>第 ${i.row} 行</td><td>${fieldLabel(i.field)}</td><td>${i.messageZh}</td></tr>`,
    )}</tbody></table>`
  : ''}
<p>文件 SHA-256：<code>${r.sha256}</code></p>
<p><a href="/console/import">返回批量导入</a>${!r.dryRun && r.imported > 0 ? html` · <a href="/console/items">查看目录信息</a>` : ''}</p>`;
}
