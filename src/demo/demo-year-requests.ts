/**
 * The requests for disclosure of the demo year (2025) as a plan: for every demo organization, cases
 * received in the year from every kind of requester and by every channel, a few received in December
 * 2024 and decided in 2025 (上年结转), a few received late in 2025 and still open on December 31
 * (结转下年度). Each case follows a scenario that the request clock (src/requests/case-clock.ts)
 * accepts: a plain reply, 补正 answered or lapsed, a consultation of a third party or an agency
 * (2019 art. 32, 34), an extension (art. 33 ¶2), a fee paid or lapsed (国办函〔2020〕109号), a
 * withdrawal. Dates are working days computed on the calendar with margins that hold under either
 * start-day convention; events after 2025-12-31 are cut, so a case left open is simply one whose
 * next step would fall in 2026. Names and texts are made up. Pure: same seed and calendar, same plan.
 */
import { addWorkingDays } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { computeFee } from '../requests/fee-schedule.ts';
import type { Channel, DeliveryForm, DeliveryMethod, RequesterType } from '../requests/request-case.ts';
import type { DemoRandom } from './demo-prng.ts';
import { addDays, randomWorkingDay } from './demo-year-dates.ts';
import { DEMO_ORGANIZATIONS } from './demo-organizations.ts';
import type { DemoOrgKey, DemoOrganization } from './demo-organizations.ts';

/** The last day of the demo year: no planned event is later. */
export const DEMO_YEAR_END = '2025-12-31';

/** An event as posted to `recordEvent` (the receipt comes from the registration). */
export type DemoYearEvent = { kind: string; on: string } & Record<string, unknown>;

/** One planned case. Dates `YYYY-MM-DD`. */
export interface DemoYearCase {
  org: DemoOrgKey;
  requesterType: RequesterType;
  requesterName: string;
  channel: Channel;
  submittedOn: string;
  /** The date of receipt (2019 art. 31): signed for (registered post), confirmed (other remote channels), or submitted (in person). */
  receivedOn: string;
  information: string;
  deliveryForm: DeliveryForm;
  deliveryMethod: DeliveryMethod;
  /** In order; a `consultation-answered` names its `consultation-sent` by log sequence (the receipt is 1). */
  events: DemoYearEvent[];
  /** The table 三 row decided by the events, or null while the case is open. */
  outcome: string | null;
  outcomeOn: string | null;
  /** The fee paid (元), 0 when none. */
  feeYuan: number;
}

/** Cases per organization: received in 2025, carried in from December 2024, received in late December 2025. */
const VOLUMES: Readonly<Record<DemoOrgKey, readonly [number, number, number]>> = {
  city: [36, 2, 2], cityOffice: [24, 1, 1], serviceCenter: [8, 0, 1], finance: [14, 1, 0], ecology: [16, 1, 1], agriculture: [10, 0, 1],
  litong: [34, 2, 2], hongsibao: [14, 1, 1], qingtongxia: [22, 1, 1], yanchi: [18, 1, 1], tongxin: [15, 1, 1], yanchiAgriDev: [5, 0, 0],
};

/** Requester types in a cycle (natural persons most, as in real reports); each organization starts at a seeded point. */
const TYPE_CYCLE: readonly RequesterType[] = ['natural', 'natural', 'business', 'natural', 'legal-service', 'natural', 'research', 'natural', 'other', 'natural', 'public-interest', 'business', 'natural', 'natural'];
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [['online', 40], ['in-person', 20], ['registered-post', 14], ['email', 10], ['ordinary-post', 8], ['fax', 3]];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '马', '周', '吴', '赵', '丁', '田', '海', '苏'];
const GIVEN = ['建国', '秀英', '志强', '丽娟', '海涛', '玉兰', '文博', '晓明', '春花', '国庆', '学军', '彦龙', '小燕', '振华'];
const ORG_NAMES: Readonly<Record<Exclude<RequesterType, 'natural'>, readonly string[]>> = {
  business: ['宁夏某某商贸有限公司', '吴忠某某建材有限公司', '某某农业科技有限公司', '某某房地产开发有限公司'],
  research: ['某某大学公共管理学院', '某某社会科学研究院'],
  'public-interest': ['某某环保公益促进会', '某某助学基金会'],
  'legal-service': ['宁夏某某律师事务所', '某某法律服务所'],
  other: ['某某村民委员会', '某某小区业主委员会'],
};

const GOVERNMENT_ASKS = [
  '{P}2024年度重大行政决策事项目录及决策文件', '{P}某路段道路拓宽改造工程的立项批复及概算文件', '{P}政府常务会议关于某片区棚户区改造的会议纪要', '{P}2024年国有土地使用权出让收支情况',
  '{P}某小区控制性详细规划调整的审批文件', '{P}某村土地征收的批准文件及征地补偿安置方案', '{P}2025年民生实事项目清单及资金安排', '本人户籍所在村2024年度低保评审名单及评审会议记录',
  '{P}城区集中供热价格调整的成本监审报告', '{P}某企业享受招商引资优惠政策的协议', '{P}某房屋征收项目的征收决定、补偿方案及评估报告', '{P}2024年度农村危房改造补助对象名单',
];
const ASKS: Partial<Record<DemoOrgKey, readonly string[]>> = {
  cityOffice: ['吴忠市人民政府2024年某次常务会议纪要', '市政府办公室关于某事项的督办通知', '12345热线关于本人投诉工单的办理记录', '吴忠市2024年政务公开工作考核评分细则及结果', '市政府对某项目作出批复的文件'],
  serviceCenter: ['某工程项目的招标文件及评标报告', '某政府采购项目中标供应商的投标文件', '2024年市本级公共资源交易项目清单', '某项目评标委员会成员名单'],
  finance: ['吴忠市2024年市本级“三公”经费决算明细', '某乡镇2024年惠民惠农补贴资金发放明细', '某专项资金的分配方案及拨付文件', '吴忠市政府债务限额及余额情况', '本村2024年衔接推进乡村振兴补助资金项目的资金使用情况'],
  ecology: ['某企业建设项目环境影响评价报告书及批复', '某工业园区2024年大气自动监测数据', '某企业的排污许可证及执行报告', '某企业环境违法行为的行政处罚决定书', '某污水处理厂2024年出水水质监测数据'],
  agriculture: ['某村2024年高标准农田建设项目的设计方案及验收报告', '本人2024年耕地地力保护补贴的核定依据', '某合作社获得农机购置补贴的申请材料', '某养殖场动物防疫条件合格证的审批材料'],
  yanchiAgriDev: ['盐池县某农业综合开发项目的招标文件及中标结果', '某小流域综合治理项目竣工验收报告', '2024年农业综合开发资金使用明细'],
};
const THIRD_PARTIES = ['某房地产开发有限公司（演示）', '某建筑工程有限公司（演示）', '某商贸有限公司（演示）', '相关权利人（演示）'];
const AGENCIES = ['吴忠市自然资源局（演示）', '吴忠市住房和城乡建设局（演示）', '宁夏回族自治区生态环境厅（演示）', '吴忠市发展和改革委员会（演示）'];

/** Why information was withheld in part or whole (required with those outcomes, 2019 art. 36 (三)). */
const REASONS: Readonly<Record<string, string>> = {
  partial: '所申请信息中含有个人身份证号码、联系方式等个人隐私，已作区分处理后公开其余部分（演示）',
  'withheld-state-secret': '所申请信息经依法确定为国家秘密，依法不予公开（演示）',
  'withheld-prohibited': '所申请信息属于法律、行政法规禁止公开的信息（演示）',
  'withheld-security': '所申请信息公开后可能危及社会稳定（演示）',
  'withheld-third-party': '所申请信息涉及第三方商业秘密，第三方不同意公开且不公开不会对公共利益造成重大影响（演示）',
  'withheld-internal': '所申请信息属于本机关人事管理、后勤管理等内部事务信息（演示）',
  'withheld-process': '所申请信息属于讨论记录、过程稿等过程性信息（演示）',
  'withheld-enforcement': '所申请信息属于行政执法案卷信息（演示）',
  'withheld-inquiry': '所申请信息属于行政查询事项，请依照有关法律法规规定办理查询（演示）',
};

const REPLY_OUTCOMES: readonly (readonly [string, number])[] = [
  ['disclosed', 34], ['partial', 10], ['withheld-state-secret', 1], ['withheld-prohibited', 1], ['withheld-security', 1], ['withheld-third-party', 2], ['withheld-internal', 3],
  ['withheld-process', 3], ['withheld-enforcement', 2], ['withheld-inquiry', 2], ['unable-not-held', 16], ['unable-needs-creation', 5], ['not-processed-petition', 4],
  ['not-processed-repeat', 3], ['not-processed-publication', 1], ['not-processed-excessive', 1], ['not-processed-confirmation', 1],
];

type Scenario = 'none' | 'answer' | 'late' | 'clarify-received' | 'clarify-lapsed' | 'consult-third' | 'consult-agency' | 'extension' | 'fee-paid' | 'fee-lapsed' | 'withdrawn';
const SCENARIOS: readonly (readonly [Scenario, number])[] = [
  ['answer', 58], ['late', 1], ['clarify-received', 6], ['clarify-lapsed', 5], ['consult-third', 6], ['consult-agency', 3], ['extension', 7], ['fee-paid', 3], ['fee-lapsed', 2], ['withdrawn', 6],
];
/** Late in December a case is usually still in hand. */
const YEAR_END_SCENARIOS: readonly (readonly [Scenario, number])[] = [['none', 3], ['answer', 3], ['clarify-received', 1], ['consult-third', 1], ['extension', 1]];
/** A carried-in case is one still undecided at New Year. */
const CARRIED_IN_SCENARIOS: readonly (readonly [Scenario, number])[] = [['answer', 3], ['clarify-received', 1], ['consult-third', 1], ['extension', 1]];

const answered = (on: string, outcome: string): DemoYearEvent => ({ kind: 'answered', on, outcome, ...(REASONS[outcome] ? { reasons: REASONS[outcome] } : {}) });

/**
 * The events of a scenario from the date of receipt. Margins: 补正 asked within 5 working days (the
 * limit is 7), an extension approved by day 17 (the period is 20), a silent party's window (15) taken
 * as passed on day 16, a fee lapsed after 21 (payment window 20). A `slow` case (received from
 * December 16) is answered at least 12 working days after its last step (13 after receipt), so its
 * decision falls after New Year: one received in December 2024 is carried in, one of December 2025 over.
 */
function scenarioEvents(calendar: WorkingDayCalendar, r: DemoRandom, scenario: Scenario, receivedOn: string, delivery: DeliveryMethod, slow: boolean): { events: DemoYearEvent[]; pages: number } {
  const wd = (from: string, min: number, max: number): string => addWorkingDays(calendar, from, r.int(min, max));
  const events: DemoYearEvent[] = [];
  let pages = 0;
  let answerFrom = receivedOn;
  let outcome: string | null = null;
  switch (scenario) {
    case 'none':
      return { events, pages };
    case 'answer':
      answerFrom = wd(receivedOn, slow ? 13 : 3, slow ? 19 : 17);
      outcome = r.weighted(REPLY_OUTCOMES);
      break;
    case 'late':
      answerFrom = wd(receivedOn, 22, 26);
      outcome = r.pick(['disclosed', 'unable-not-held']);
      break;
    case 'clarify-received':
    case 'clarify-lapsed': {
      const on = wd(receivedOn, 1, 5);
      const dueOn = addDays(on, 15);
      events.push({ kind: 'clarification-requested', on, items: '请补充所需信息的名称、文号或者便于查询的其他特征性描述（演示）', dueOn });
      if (scenario === 'clarify-lapsed') {
        events.push({ kind: 'clarification-lapsed', on: addDays(dueOn, r.int(1, 10)) });
        return { events, pages };
      }
      const got = addDays(on, r.int(3, 12));
      events.push({ kind: 'clarification-received', on: got });
      answerFrom = wd(got, slow ? 12 : 3, slow ? 19 : 15);
      outcome = r.weighted([['disclosed', 4], ['partial', 2], ['unable-unclear', 3], ['unable-not-held', 2]] as const);
      break;
    }
    case 'consult-third': {
      const sent = wd(receivedOn, 2, 6);
      const back = wd(sent, 3, 12);
      const consent = r.chance(0.5);
      events.push({ kind: 'consultation-sent', on: sent, party: 'third-party', partyName: r.pick(THIRD_PARTIES) });
      events.push({ kind: 'consultation-answered', on: back, consultation: 2, opinion: consent ? 'consent' : 'objection' });
      answerFrom = wd(back, slow ? 12 : 2, slow ? 19 : 8);
      outcome = consent ? 'disclosed' : r.pick(['withheld-third-party', 'withheld-third-party', 'partial']);
      break;
    }
    case 'consult-agency': {
      const sent = wd(receivedOn, 2, 5);
      const silent = r.chance(0.4);
      const back = silent ? wd(sent, 16, 18) : wd(sent, 4, 10);
      events.push({ kind: 'consultation-sent', on: sent, party: 'agency', partyName: r.pick(AGENCIES) });
      events.push({ kind: 'consultation-answered', on: back, consultation: 2, opinion: silent ? 'no-reply' : 'consent' });
      answerFrom = wd(back, 2, 6);
      outcome = r.pick(['disclosed', 'disclosed', 'unable-not-held']);
      break;
    }
    case 'extension': {
      const on = wd(receivedOn, 13, 17);
      const workingDays = r.pick([10, 15, 20]);
      events.push({ kind: 'extension-approved', on, workingDays, reason: '所申请信息涉及档案调取和多个内设机构，需要延长答复期限（演示）', approvedBy: '政府信息公开工作机构负责人（演示）', noticeOn: on });
      answerFrom = addWorkingDays(calendar, receivedOn, 20 + r.int(1, workingDays - 2));
      outcome = r.weighted([['disclosed', 4], ['partial', 3], ['unable-not-held', 2], ['unable-needs-creation', 1]] as const);
      break;
    }
    case 'fee-paid':
    case 'fee-lapsed': {
      const notice = wd(receivedOn, 2, 6);
      pages = scenario === 'fee-paid' ? r.int(40, 180) : r.int(60, 300);
      events.push({ kind: 'fee-notice-sent', on: notice, method: 'per-page', quantity: pages });
      if (scenario === 'fee-lapsed') {
        events.push({ kind: 'fee-lapsed', on: wd(notice, 21, 25) });
        return { events, pages: 0 };
      }
      const paid = wd(notice, 3, 12);
      events.push({ kind: 'fee-paid', on: paid });
      answerFrom = wd(paid, 2, 8);
      outcome = r.pick(['disclosed', 'disclosed', 'partial']);
      break;
    }
    case 'withdrawn':
      events.push({ kind: 'withdrawn', on: wd(receivedOn, 1, 8), reason: '申请人书面撤回申请（演示）' });
      return { events, pages };
  }
  events.push(answered(answerFrom, outcome));
  if (r.chance(0.85)) {
    const deliveredOn = wd(answerFrom, 0, 2);
    events.push({ kind: 'delivered', on: deliveredOn, method: delivery });
    if (r.chance(0.6)) events.push({ kind: 'closed', on: wd(deliveredOn, 1, 5) });
  }
  return { events, pages };
}

/** The decision the events make: the reply's outcome, or a lapse or withdrawal (src/requests/case-clock.ts). */
function decisionOf(events: readonly DemoYearEvent[]): { outcome: string | null; outcomeOn: string | null } {
  for (const e of events) {
    if (e.kind === 'answered' && typeof e['outcome'] === 'string') return { outcome: e['outcome'], outcomeOn: e.on };
    if (e.kind === 'withdrawn') return { outcome: 'other-other', outcomeOn: e.on };
    if (e.kind === 'clarification-lapsed') return { outcome: 'other-no-clarification', outcomeOn: e.on };
    if (e.kind === 'fee-lapsed') return { outcome: 'other-unpaid-fee', outcomeOn: e.on };
  }
  return { outcome: null, outcomeOn: null };
}

function deliveryOf(channel: Channel): { deliveryForm: DeliveryForm; deliveryMethod: DeliveryMethod } {
  if (channel === 'in-person') return { deliveryForm: 'paper', deliveryMethod: 'pickup' };
  if (channel === 'registered-post' || channel === 'ordinary-post') return { deliveryForm: 'paper', deliveryMethod: 'post' };
  if (channel === 'fax') return { deliveryForm: 'paper', deliveryMethod: 'fax' };
  return { deliveryForm: 'electronic', deliveryMethod: 'email' };
}

/** One case of an organization received on `receivedOn`, following a scenario picked from `scenarios`. */
function planCase(calendar: WorkingDayCalendar, r: DemoRandom, org: DemoOrganization, requesterType: RequesterType, receivedOn: string, scenarios: readonly (readonly [Scenario, number])[], slow: boolean): DemoYearCase {
  const channel = r.weighted(CHANNEL_WEIGHTS);
  const posted = channel === 'registered-post' || channel === 'ordinary-post';
  const place = org.kind === 'government' ? org.shortName : '吴忠市';
  const information = r.pick(ASKS[org.key] ?? GOVERNMENT_ASKS).replace('{P}', place);
  const requesterName = requesterType === 'natural' ? `${r.pick(SURNAMES)}${r.pick(GIVEN)}（演示）` : `${r.pick(ORG_NAMES[requesterType])}（演示）`;
  const delivery = deliveryOf(channel);
  const planned = scenarioEvents(calendar, r, r.weighted(scenarios), receivedOn, delivery.deliveryMethod, slow);
  // What would happen in 2026 is not part of the year: the case stays open at the year's end.
  const cut = planned.events.findIndex((e) => e.on > DEMO_YEAR_END);
  const events = cut < 0 ? planned.events : planned.events.slice(0, cut);
  const decision = decisionOf(events);
  const paid = events.some((e) => e.kind === 'fee-paid');
  return {
    org: org.key,
    requesterType,
    requesterName,
    channel,
    submittedOn: posted ? addDays(receivedOn, -r.int(2, 4)) : receivedOn,
    receivedOn,
    information,
    ...delivery,
    events,
    ...decision,
    feeYuan: paid ? computeFee({ method: 'per-page', pages: planned.pages }).amountYuan : 0,
  };
}

/**
 * The demo year's cases, organization by organization in {@link DEMO_ORGANIZATIONS} order, each
 * organization's in order of receipt.
 * @param calendar the working-day calendar (2024–2026 needed)
 * @param random the seeded generator (the plan consumes it: pass a fresh one for the same plan)
 * @throws GongkaiError `CALENDAR_YEAR_MISSING` when the calendar lacks a year
 */
export function planDemoYearRequests(calendar: WorkingDayCalendar, random: DemoRandom): DemoYearCase[] {
  const plan: DemoYearCase[] = [];
  for (const org of DEMO_ORGANIZATIONS) {
    const [received, carriedIn, yearEnd] = VOLUMES[org.key];
    let turn = random.int(0, TYPE_CYCLE.length - 1);
    const nextType = (): RequesterType => TYPE_CYCLE[turn++ % TYPE_CYCLE.length] ?? 'natural';
    const cases: DemoYearCase[] = [];
    for (let i = 0; i < carriedIn; i += 1) cases.push(planCase(calendar, random, org, nextType(), randomWorkingDay(calendar, random, '2024-12-16', '2024-12-27'), CARRIED_IN_SCENARIOS, true));
    for (let i = 0; i < received; i += 1) cases.push(planCase(calendar, random, org, nextType(), randomWorkingDay(calendar, random, '2025-01-02', '2025-12-12'), SCENARIOS, false));
    for (let i = 0; i < yearEnd; i += 1) cases.push(planCase(calendar, random, org, nextType(), randomWorkingDay(calendar, random, '2025-12-15', '2025-12-30'), YEAR_END_SCENARIOS, true));
    cases.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
    plan.push(...cases);
  }
  return plan;
}
