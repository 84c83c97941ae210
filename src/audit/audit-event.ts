/**
 * An audit event as read back: who did what to which record, when, with the record before and
 * after the change. Read-only: nothing in the code edits or deletes an event.
 */

/** One event of the audit log. */
export interface AuditEvent {
  id: number;
  /** ISO instant. */
  at: string;
  actorUserId: number | null;
  /** The user name, `public`, or `system:<label>`. */
  actorLabel: string;
  /** Dotted action name, e.g. `organization.update`, `auth.login_failed`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The organization the change belongs to; null for installation-wide events. */
  organizationId: number | null;
  organizationName: string | null;
  /** The record before the change (parsed JSON); null on creation. */
  before: unknown;
  /** The record after the change (parsed JSON); null on deletion. */
  after: unknown;
  note: string | null;
}

/** Chinese names of the audit actions written by the core modules, for the console; others show their code. */
export const AUDIT_ACTION_NAMES_ZH: Readonly<Record<string, string>> = {
  'organization.create': '新建机构',
  'organization.update': '修改机构',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.lockout': '账户锁定',
  'auth.logout': '退出登录',
  'catalog.item.create': '新建目录信息（草稿）',
  'catalog.item.update': '修改目录信息',
  'catalog.item.submit': '提交审核',
  'catalog.item.return': '退回修改',
  'catalog.item.publish': '审核并发布',
  'catalog.item.withdraw': '撤回',
  'catalog.item.supersede': '被新信息替代',
  'catalog.item.import': '导入目录信息',
  'catalog.item.link_interpretation': '关联政策解读',
  'catalog.attachment.add': '上传附件',
  'catalog.import': '批量导入目录',
};
