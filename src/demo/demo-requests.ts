/**
 * Demo requests for disclosure (issue 4): a dozen synthetic cases of the demo region in every state
 * of the workflow (processing, due soon, overdue, awaiting clarification, in consultation, awaiting a
 * fee, answered, delivered and closed, lapsed, withdrawn), dated relative to today and recorded
 * through the request service, so their deadlines, audit events and statistics are real; and three
 * reconsideration or litigation records about them (table 四). Requester
 * names are invented and marked 演示.
 */
import type { Actor } from '../auth/actor.ts';
import type { Organization } from '../organizations/organization.ts';
import { recordEvent, registerRequest } from '../requests/request.service.ts';
import { createReview } from '../reviews/review.service.ts';
import { fromEpochDay, toEpochDay } from '../calendar/working-days.ts';
import { today } from '../shared/clock.ts';
import { isGongkaiError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/** A `YYYY-MM-DD` date `days` calendar days before `date`. */
function daysBefore(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) - days);
}

interface DemoCase {
  org: DemoOrgKey;
  requester: Record<string, string>;
  channel: string;
  /** Calendar days before today the request was submitted (and, for the channel, received). */
  ago: number;
  information: string;
  /** Events, each `ago` calendar days before today (in order). */
  events: (Record<string, unknown> & { kind: string; ago: number })[];
  /** Reconsideration or suits about the case (table 四). */
  reviews?: { path: 'reconsideration' | 'direct-suit'; ago: number; reviewingBody: string; decidedAgo?: number; outcome: 'upheld' | 'corrected' | 'other' | 'pending' }[];
}

const PERSON = (name: string): Record<string, string> => ({ requesterType: 'natural', requesterName: `${name}（演示）`, phone: '13800000000', address: '宁夏回族自治区吴忠市（演示地址）' });
const ORG = (type: string, name: string): Record<string, string> => ({ requesterType: type, requesterName: `${name}（演示）`, contactName: '联系人（演示）', phone: '0953-0000000' });

const CASES: readonly DemoCase[] = [
  { org: 'litong', requester: PERSON('王一'), channel: 'in-person', ago: 1, information: '利通区2025年城乡居民最低生活保障资金发放明细（演示）', events: [] },
  { org: 'litong', requester: ORG('business', '吴忠某建材有限公司'), channel: 'online', ago: 24, information: '2025年市级政府采购项目预算执行情况（演示）', events: [] },
  { org: 'qingtongxia', requester: PERSON('赵二'), channel: 'registered-post', ago: 40, information: '某工业园区建设项目环境影响评价批复（演示）', events: [] },
  { org: 'yanchi', requester: PERSON('钱三'), channel: 'in-person', ago: 10, information: '我村土地征收补偿标准（演示）', events: [{ kind: 'clarification-requested', ago: 8, items: '请写明村名及征收项目名称', dueOffset: 10 }] },
  { org: 'yanchi', requester: ORG('research', '某农业大学课题组'), channel: 'email', ago: 15, information: '2024年高标准农田建设项目验收报告（演示）', events: [{ kind: 'consultation-sent', ago: 12, party: 'third-party', partyName: '项目承建企业（演示）' }] },
  { org: 'qingtongxia', requester: PERSON('孙四'), channel: 'online', ago: 12, information: '2020年以来全部城市建设项目规划许可文件（演示）', events: [{ kind: 'fee-notice-sent', ago: 9, method: 'per-page', quantity: 120 }] },
  {
    org: 'litong',
    requester: ORG('public-interest', '某环保公益组织'),
    channel: 'online',
    ago: 60,
    information: '利通区2024年饮用水水源地水质监测报告（演示）',
    events: [
      { kind: 'answered', ago: 40, outcome: 'disclosed' },
      { kind: 'delivered', ago: 38, method: 'email' },
      { kind: 'closed', ago: 37 },
    ],
  },
  {
    org: 'hongsibao',
    requester: PERSON('周五'),
    channel: 'in-person',
    ago: 70,
    information: '有关文件（演示：内容不明确）',
    events: [
      { kind: 'clarification-requested', ago: 68, items: '请写明所需文件的名称、文号或其他特征描述', dueOffset: 13 },
      { kind: 'clarification-lapsed', ago: 50 },
    ],
  },
  {
    org: 'tongxin',
    requester: ORG('legal-service', '某律师事务所'),
    channel: 'registered-post',
    ago: 50,
    information: '某房屋征收项目的征收决定及补偿方案（演示）',
    events: [
      { kind: 'extension-approved', ago: 25, workingDays: 15, reason: '涉及档案调取，需要较长时间（演示）', approvedBy: '县政府办公室负责人（演示）' },
      { kind: 'answered', ago: 10, outcome: 'partial', reasons: '其中被征收人的身份证号码、银行账号属于个人隐私，依法不予公开（演示）' },
      { kind: 'delivered', ago: 9, method: 'post' },
    ],
    reviews: [{ path: 'direct-suit', ago: 5, reviewingBody: '同心县人民法院（演示）', outcome: 'pending' }],
  },
  {
    org: 'cityOffice',
    requester: ORG('business', '某工程咨询公司'),
    channel: 'online',
    ago: 45,
    information: '某供应商的投标文件（演示）',
    events: [
      { kind: 'consultation-sent', ago: 40, party: 'third-party', partyName: '投标供应商（演示）' },
      { kind: 'consultation-answered', ago: 30, consultationOf: 1, opinion: 'objection' },
      { kind: 'answered', ago: 28, outcome: 'withheld-third-party', reasons: '投标文件含商业秘密，第三方不同意公开且理由合理（演示）' },
    ],
    reviews: [{ path: 'reconsideration', ago: 20, reviewingBody: '吴忠市人民政府（演示）', outcome: 'pending' }],
  },
  { org: 'cityOffice', requester: PERSON('吴六'), channel: 'fax', ago: 30, information: '市政府常务会议纪要（演示）', events: [{ kind: 'withdrawn', ago: 20, reason: '申请人来电撤回（演示）' }] },
  {
    org: 'cityOffice',
    requester: ORG('other', '某村民委员会'),
    channel: 'ordinary-post',
    ago: 35,
    information: '1990年某水利工程的立项文件（演示）',
    events: [{ kind: 'answered', ago: 20, outcome: 'unable-not-held' }],
    reviews: [{ path: 'reconsideration', ago: 15, reviewingBody: '吴忠市人民政府（演示）', decidedAgo: 3, outcome: 'upheld' }],
  },
];

/**
 * Loads the demo requests.
 * @returns how many cases were loaded (a case whose dates run into a year without calendar data keeps the events recorded so far)
 */
export async function loadDemoRequests(ctx: ServiceContext, actor: Actor, orgs: ReadonlyMap<DemoOrgKey, Organization>): Promise<number> {
  const now = today(ctx.clock);
  let count = 0;
  for (const c of CASES) {
    const org = orgs.get(c.org);
    if (!org) continue;
    const submittedOn = daysBefore(now, c.ago);
    const dates = c.channel === 'registered-post' ? { signedOn: submittedOn } : c.channel === 'in-person' ? {} : { confirmedOn: submittedOn };
    const view = await registerRequest(
      ctx,
      actor,
      { ...c.requester, organizationId: org.id, channel: c.channel, submittedOn, ...dates, informationRequested: c.information, deliveryForm: 'electronic', deliveryMethod: 'email' },
      { synthetic: true },
    );
    count += 1;
    const consultations: number[] = [];
    let seq = 1;
    for (const { ago, dueOffset, consultationOf, ...event } of c.events) {
      const on = daysBefore(now, ago);
      const extra: Record<string, unknown> = {};
      if (typeof dueOffset === 'number') extra['dueOn'] = daysBefore(on, -dueOffset);
      if (event.kind === 'extension-approved') extra['noticeOn'] = on;
      if (typeof consultationOf === 'number') extra['consultation'] = consultations[consultationOf - 1];
      try {
        await recordEvent(ctx, actor, view.id, { ...event, ...extra, on });
      } catch (error) {
        if (isGongkaiError(error, 'CALENDAR_YEAR_MISSING')) break;
        throw error;
      }
      seq += 1;
      if (event.kind === 'consultation-sent') consultations.push(seq);
    }
    for (const r of c.reviews ?? []) {
      await createReview(ctx, actor, {
        organizationId: org.id,
        requestCaseId: view.id,
        path: r.path,
        applicantName: c.requester['requesterName'] ?? '',
        reviewingBody: r.reviewingBody,
        filedOn: daysBefore(now, r.ago),
        decidedOn: r.decidedAgo === undefined ? null : daysBefore(now, r.decidedAgo),
        outcome: r.outcome,
        summary: '演示数据',
        synthetic: true,
      });
    }
  }
  return count;
}
