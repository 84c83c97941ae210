/**
 * Annual-report deadline reminders (issue 5 item 4): which organizations' OGI offices get an
 * e-mail on a day, and its text. Pure. An organization whose report of a year is not yet submitted
 * (none, draft, returned) is reminded when its deadline (2019 art. 49: departments January 31,
 * governments March 31 of the next year; 2008 text: March 31) is within the configured number of
 * **calendar** days (`due-soon`: the deadline is a fixed date, not a working-day period) and again
 * once it has passed (`overdue`). Each (organization, year, kind) is sent once.
 */
import type { OrganizationKind } from '../organizations/organization.ts';
import { daysBetween, deadlineFor } from '../reports/checker/publication-deadlines.ts';
import { DASHBOARD_STATUS_NAMES_ZH, isOutstanding } from './submission-dashboard.ts';
import type { DashboardStatus } from './submission-dashboard.ts';

/** An organization whose report of a year might be reminded. */
export interface ReportReminderCandidate {
  organizationId: number;
  organizationName: string;
  kind: OrganizationKind;
  /** The OGI office's e-mail address (organization record); empty when none. */
  officeEmail: string;
  year: number;
  status: DashboardStatus;
}

/** One reminder to send. */
export interface ReportReminder {
  organizationId: number;
  year: number;
  kind: 'due-soon' | 'overdue';
  /** `YYYY-MM-DD`. */
  deadline: string;
  recipient: string;
  subject: string;
  text: string;
  /** What makes it unique: `<organizationId>/<year>/<kind>`. */
  key: string;
}

/** The key a reminder is recorded under (sent once per organization, year and kind). */
export function reportReminderKey(organizationId: number, year: number, kind: ReportReminder['kind']): string {
  return `${organizationId}/${year}/${kind}`;
}

/**
 * The reminders due on `today`.
 * @param today `YYYY-MM-DD` China time
 * @param windowDays calendar days before the deadline from which a report is due soon
 * @param consoleUrl the base URL of the staff console, for links
 */
export function reportRemindersFor(candidates: readonly ReportReminderCandidate[], today: string, windowDays: number, consoleUrl: string): ReportReminder[] {
  const reminders: ReportReminder[] = [];
  for (const c of candidates) {
    if (!c.officeEmail || !isOutstanding(c.status)) continue;
    const choice = deadlineFor(c.year, c.kind);
    if (!choice) continue;
    const left = daysBetween(today, choice.date);
    if (left > windowDays) continue;
    const kind = left < 0 ? 'overdue' : 'due-soon';
    const subject =
      kind === 'overdue'
        ? `【已逾期】${c.organizationName}${c.year}年政府信息公开工作年度报告应于 ${choice.date} 前报送，现已逾期`
        : `【即将到期】${c.organizationName}${c.year}年政府信息公开工作年度报告应于 ${choice.date} 前报送`;
    const text = [
      `${c.organizationName}政府信息公开工作机构：`,
      '',
      kind === 'overdue'
        ? `本机关${c.year}年政府信息公开工作年度报告的期限为 ${choice.date}（${choice.rule.article}），现已逾期 ${-left} 日，请尽快完成并报送。`
        : `本机关${c.year}年政府信息公开工作年度报告应于 ${choice.date} 前完成（${choice.rule.article}），距期限还有 ${left} 日。`,
      `目前状态：${DASHBOARD_STATUS_NAMES_ZH[c.status]}。`,
      `年度报告页面：${consoleUrl}/console/reports/${c.organizationId}/${c.year}`,
      '',
      '此邮件由 gongkai 自动发送。',
    ].join('\n');
    reminders.push({ organizationId: c.organizationId, year: c.year, kind, deadline: choice.date, recipient: c.officeEmail, subject, text, key: reportReminderKey(c.organizationId, c.year, kind) });
  }
  return reminders;
}
