/**
 * Deadline reminders (issue 4 item 6): which open cases need a reminder on a day, and the e-mail
 * text. Pure. A case is reminded when its final deadline is within the configured working days
 * (`due-soon`) or has passed (`overdue`); each (case, kind, deadline, recipient) is sent once, so a
 * deadline moved by an extension is reminded again.
 */

/** An open case with a running deadline and where to remind. */
export interface ReminderCandidate {
  caseId: number;
  trackingCode: string;
  organizationName: string;
  /** The OGI office's e-mail address (organization record); empty when none. */
  officeEmail: string;
  receivedOn: string;
  finalDue: string;
}

/** One reminder to send. */
export interface Reminder {
  caseId: number;
  kind: 'due-soon' | 'overdue';
  dueOn: string;
  recipient: string;
  subject: string;
  text: string;
}

/**
 * The reminders due on `today`.
 * @param today `YYYY-MM-DD`
 * @param dueSoonUntil the last day counted as due soon (`today` + the reminder window in working days)
 * @param consoleUrl the base URL of the staff console, for links
 */
export function remindersFor(candidates: readonly ReminderCandidate[], today: string, dueSoonUntil: string, consoleUrl: string): Reminder[] {
  const reminders: Reminder[] = [];
  for (const c of candidates) {
    if (!c.officeEmail) continue;
    const overdue = c.finalDue < today;
    if (!overdue && c.finalDue > dueSoonUntil) continue;
    const kind = overdue ? 'overdue' : 'due-soon';
    const subject = overdue ? `【已逾期】政府信息公开申请 ${c.trackingCode} 答复期限 ${c.finalDue} 已过` : `【即将到期】政府信息公开申请 ${c.trackingCode} 应于 ${c.finalDue} 前答复`;
    const text = [
      `${c.organizationName}政府信息公开工作机构：`,
      '',
      overdue
        ? `申请（查询码 ${c.trackingCode}，${c.receivedOn} 收到）的答复期限为 ${c.finalDue}，现已逾期，请尽快答复（《中华人民共和国政府信息公开条例》第三十三条）。`
        : `申请（查询码 ${c.trackingCode}，${c.receivedOn} 收到）应于 ${c.finalDue} 前答复（《中华人民共和国政府信息公开条例》第三十三条）。`,
      `办理页面：${consoleUrl}/console/requests/${c.caseId}`,
      '',
      '此邮件由 gongkai 自动发送。',
    ].join('\n');
    reminders.push({ caseId: c.caseId, kind, dueOn: c.finalDue, recipient: c.officeEmail, subject, text });
  }
  return reminders;
}
