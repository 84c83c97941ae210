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
  'report.import': '导入已公开的年度报告',
  'annual_report.create': '年度报告：创建',
  'annual_report.save': '年度报告：保存正文或统计范围',
  'annual_report.entries': '年度报告：手工填报数据',
  'annual_report.check': '年度报告：检查',
  'annual_report.submit': '年度报告：报送',
  'annual_report.return': '年度报告：退回',
  'annual_report.accept': '年度报告：审核通过',
  'annual_report.publish': '年度报告：公开',
  'review.create': '登记行政复议或行政诉讼案件',
  'review.update': '修改行政复议或行政诉讼案件（结果、日期）',
  'review.document.add': '上传行政复议或行政诉讼文书',
  'calendar.year_set': '设置工作日历年度',
  'request.register': '登记政府信息公开申请',
  'request.attachment.add': '依申请公开：上传申请材料',
  'request.clarification-requested': '依申请公开：告知补正',
  'request.clarification-received': '依申请公开：收到补正申请',
  'request.clarification-lapsed': '依申请公开：逾期未补正',
  'request.consultation-sent': '依申请公开：征求意见',
  'request.consultation-answered': '依申请公开：收到意见答复',
  'request.extension-approved': '依申请公开：批准延长答复期限',
  'request.fee-notice-sent': '依申请公开：发出收费通知',
  'request.fee-paid': '依申请公开：缴纳信息处理费',
  'request.fee-lapsed': '依申请公开：逾期未缴费',
  'request.answered': '依申请公开：作出答复',
  'request.delivered': '依申请公开：送达',
  'request.withdrawn': '依申请公开：申请人撤回',
  'request.closed': '依申请公开：办结归档',
};
