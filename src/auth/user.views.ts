/**
 * Console pages of users: the list with roles and organizations, and the create / edit forms
 * (a few role × organization rows; no JavaScript needed).
 */
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import { organizationDepth } from '../organizations/organization.ts';
import type { Organization } from '../organizations/organization.ts';
import { ROLE_NAMES_ZH, ROLES } from './actor.ts';
import type { Role } from './actor.ts';
import { checkboxField, csrfField, errorSummary, selectField, textField } from './form-view.ts';
import type { FieldErrors } from './form-view.ts';
import { PASSWORD_MIN_LENGTH } from './password.ts';
import type { User, UserGrant } from './user.ts';

/** A grant row of the form, as typed (strings). */
export interface GrantRow {
  role: string;
  organizationId: string;
}

/** Form labels by field, for the error summary. */
export const USER_FORM_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  password: '初始密码',
  grants: '角色',
};

/** `角色（机构）` of one grant. */
export function grantLabel(grant: Pick<UserGrant, 'role' | 'organizationName'>): string {
  return grant.organizationName ? `${ROLE_NAMES_ZH[grant.role]}（${grant.organizationName}）` : ROLE_NAMES_ZH[grant.role];
}

/** The users list. */
export function userListPage(users: readonly User[], canCreate: boolean): SafeHtml {
  return html`<h1>用户管理</h1>
${canCreate ? html`<p><a class="button" href="/console/users/new">新建用户</a></p>` : ''}
<table>
<caption>共 ${users.length} 个用户</caption>
<thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色与机构</th><th scope="col">状态</th></tr></thead>
<tbody>
${users.map(
  (u) => html`<tr><th scope="row"><a href="/console/users/${u.id}">${u.username}</a></th><td>${u.displayName}</td>
<td>${u.grants.length === 0 ? '（无角色）' : html`<ul>${u.grants.map((g) => html`<li>${grantLabel(g)}</li>`)}</ul>`}</td>
<td>${u.active ? '启用' : '停用'}${u.mustChangePassword ? html`<br>待修改初始密码` : ''}${u.lockedUntil ? html`<br>登录锁定至 ${u.lockedUntil}` : ''}</td></tr>`,
)}
</tbody>
</table>`;
}

function organizationOptions(organizations: readonly Organization[]): { value: string; label: string }[] {
  return [{ value: '', label: '（系统管理员不选机构）' }, ...organizations.map((o) => ({ value: String(o.id), label: `${'\u3000'.repeat(organizationDepth(o.path))}${o.name}` }))];
}

const ROLE_OPTIONS = [{ value: '', label: '（不设置）' }, ...ROLES.map((r: Role) => ({ value: r, label: ROLE_NAMES_ZH[r] }))];

function grantRows(rows: readonly GrantRow[], organizations: readonly Organization[], errors: FieldErrors): SafeHtml {
  const options = organizationOptions(organizations);
  return html`<fieldset><legend>角色与机构</legend>
<p class="hint">每行一个角色；角色作用于所选机构及其全部下级机构。系统管理员作用于全部机构，不选机构。</p>
${errors['grants'] ? html`<div class="field-error" id="grants">${errors['grants']}</div>` : ''}
${rows.map(
  (row, i) => html`<div class="grant-row">
${selectField({ name: `role_${i}`, label: `角色 ${i + 1}`, options: ROLE_OPTIONS, value: row.role, error: errors[`role_${i}`] })}
${selectField({ name: `org_${i}`, label: `机构 ${i + 1}`, options, value: row.organizationId, error: errors[`org_${i}`] })}
</div>`,
)}
</fieldset>`;
}

/** The create form. */
export function userCreatePage(o: {
  csrf: string;
  organizations: readonly Organization[];
  values: { username: string; displayName: string; mustChangePassword: boolean; grants: GrantRow[] };
  errors: FieldErrors;
}): SafeHtml {
  const rows = [...o.values.grants];
  while (rows.length < 3) rows.push({ role: '', organizationId: '' });
  return html`<h1>新建用户</h1>
${errorSummary(o.errors, USER_FORM_LABELS)}
<form method="post" action="/console/users" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'username', label: '用户名', value: o.values.username, required: true, error: o.errors['username'], hint: '3–64 位小写字母、数字、“.”、“_”或“-”', autocomplete: 'off' })}
${textField({ name: 'displayName', label: '姓名', value: o.values.displayName, required: true, error: o.errors['displayName'] })}
${textField({ name: 'password', label: '初始密码', type: 'password', required: true, error: o.errors['password'], autocomplete: 'new-password', hint: `至少 ${PASSWORD_MIN_LENGTH} 个字符，包含小写字母、大写字母、数字、其他字符中的至少三类，且不能与用户名相同。` })}
${checkboxField({ name: 'mustChangePassword', label: '首次登录时须修改密码', checked: o.values.mustChangePassword })}
${grantRows(rows, o.organizations, o.errors)}
<button type="submit">创建用户</button>
</form>`;
}

/** The edit form (and the reset-password button). */
export function userEditPage(o: {
  csrf: string;
  user: User;
  organizations: readonly Organization[];
  values: { displayName: string; active: boolean; grants: GrantRow[] };
  errors: FieldErrors;
  canManage: boolean;
}): SafeHtml {
  const u = o.user;
  const summary = html`<dl class="meta">
<dt>用户名</dt><dd>${u.username}</dd><dt>状态</dt><dd>${u.active ? '启用' : '停用'}</dd>
<dt>创建时间</dt><dd>${u.createdAt}</dd><dt>登录锁定</dt><dd>${u.lockedUntil ?? '无'}</dd>
</dl>`;
  if (!o.canManage) {
    return html`<h1>用户：${u.displayName}</h1>${summary}<h2>角色与机构</h2><ul>${u.grants.map((g) => html`<li>${grantLabel(g)}</li>`)}</ul><p><a href="/console/users">返回用户列表</a></p>`;
  }
  const rows = [...o.values.grants, { role: '', organizationId: '' }, { role: '', organizationId: '' }];
  return html`<h1>编辑用户：${u.displayName}</h1>
${summary}
${errorSummary(o.errors, USER_FORM_LABELS)}
<form method="post" action="/console/users/${u.id}" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'displayName', label: '姓名', value: o.values.displayName, required: true, error: o.errors['displayName'] })}
${checkboxField({ name: 'active', label: '启用（停用后立即退出其所有登录）', checked: o.values.active })}
${grantRows(rows, o.organizations, o.errors)}
<button type="submit">保存</button>
</form>
<h2>重置密码</h2>
<form method="post" action="/console/users/${u.id}/reset-password">
${csrfField(o.csrf)}
<p>生成一次性密码并退出该用户的所有登录；用户下次登录时须修改密码。</p>
<button type="submit" class="secondary">重置密码</button>
</form>
<p><a href="/console/users">返回用户列表</a></p>`;
}

/** The page that shows a one-time password, once. */
export function oneTimePasswordPage(user: User, password: string): SafeHtml {
  return html`<h1>已重置密码：${user.displayName}</h1>
<p>用户 <strong>${user.username}</strong> 的一次性密码如下。此密码只显示这一次，请通过安全渠道告知本人；其登录后须立即修改。</p>
<p><code style="font-size:1.4em">${password}</code></p>
<p><a href="/console/users/${user.id}">返回用户</a></p>`;
}
