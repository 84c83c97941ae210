/**
 * A synthetic year of requests (2025) for the statistics acceptance test, built THROUGH THE SERVICES:
 * each case is registered with `registerRequest` and its events recorded with `recordEvent` while a
 * `FixedClock` advances day by day, so every clock rule (7-working-day 补正 window, extension before
 * the deadline, fee payment window, no future dates) is applied as in production.
 *
 * The cases are an explicit list of 42 scripts ({@link CASE_SCRIPTS}), so the expected tables can be
 * counted by hand from this file. Names and request texts come from a seeded generator (seed
 * {@link SYNTHETIC_SEED}): the same run gives the same data. Tracking codes are random and count for
 * nothing. Review records ({@link REVIEW_SCRIPTS}) go through `createReview` once the clock has passed
 * their dates.
 *
 * Calendar facts the scripts rely on (国务院办公厅 holiday notices, built-in calendar): 2025 Spring
 * Festival 01-28..02-04 off, 01-26 and 02-08 worked; 2025 National Day 10-01..10-08 off, 09-28 and
 * 10-11 worked; 2026 New Year 01-01..01-03 off, 01-04 worked.
 */
import { systemActor } from '../../src/auth/actor.ts';
import type { Actor } from '../../src/auth/actor.ts';
import type { Channel, RequesterType } from '../../src/requests/request-case.ts';
import { recordEvent, registerRequest } from '../../src/requests/request.service.ts';
import type { ReviewCaseInput } from '../../src/reviews/review-case.ts';
import { createReview } from '../../src/reviews/review.service.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import type { SeededRegion } from './factories.ts';
import { prng } from './prng.ts';

/** The report year the scripts are written for. */
export const SYNTHETIC_YEAR = 2025;
/** The seed of the names and texts. */
export const SYNTHETIC_SEED = 20250101;
/** Where the clock must start (before the first script date). */
export const SYNTHETIC_START = '2024-11-01T02:00:00Z';

/** An organization of the seeded region. */
export type OrgKey = keyof SeededRegion;

/** An event as posted to `recordEvent` (the `received` event comes from the registration). */
export type ScriptEvent = { kind: string; on: string } & Record<string, unknown>;

/** One case: who, how, when received, and its events in order. */
export interface CaseScript {
  id: string;
  org: OrgKey;
  requesterType: RequesterType;
  channel: Channel;
  /** Date of receipt (2019 art. 31): for post the date signed for / confirmed, the letter posted two days before. */
  receivedOn: string;
  events: readonly ScriptEvent[];
  /** What the case is there to exercise (and where it lands in the 2025 tables). */
  why: string;
}

const answered = (on: string, outcome: string, reasons?: string): ScriptEvent => ({ kind: 'answered', on, outcome, ...(reasons ? { reasons } : {}) });
const delivered = (on: string): ScriptEvent => ({ kind: 'delivered', on, method: 'email' });
const extension = (on: string, workingDays: number): ScriptEvent => ({ kind: 'extension-approved', on, workingDays, reason: '需调取档案，工作量较大', approvedBy: '公开办负责人', noticeOn: on });
const clarify = (on: string, dueOn: string): ScriptEvent => ({ kind: 'clarification-requested', on, items: '请明确所需信息的文号或形成时间', dueOn });
const REASONS = '依据《条例》相关规定，所申请信息不予公开（部分不予公开），理由见告知书';

/** The 42 cases. Table positions are for the statistics of 2025 over the whole region (吴忠市). */
export const CASE_SCRIPTS: readonly CaseScript[] = [
  // Received in 2024 and still undecided on 2025-01-01: 上年结转 (carried in).
  { id: 'C01', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2024-12-16', events: [answered('2025-01-06', 'disclosed'), delivered('2025-01-07'), { kind: 'closed', on: '2025-01-08' }], why: 'carried in; 予以公开 on time' },
  { id: 'C02', org: 'litongDepartment', requesterType: 'business', channel: 'online', receivedOn: '2024-12-23', events: [extension('2025-01-10', 20), answered('2025-02-14', 'partial', REASONS)], why: 'carried in; 部分公开 extended (reply due 2025-01-21, final 2025-02-24)' },
  { id: 'C03', org: 'city', requesterType: 'natural', channel: 'registered-post', receivedOn: '2024-12-18', events: [clarify('2024-12-20', '2025-01-10'), { kind: 'clarification-received', on: '2025-01-06' }, answered('2025-01-20', 'unable-not-held')], why: 'carried in; 补正 restart; 本机关不掌握 on time' },
  { id: 'C04', org: 'yanchi', requesterType: 'natural', channel: 'in-person', receivedOn: '2024-12-26', events: [clarify('2024-12-30', '2025-01-20')], why: 'carried in and carried over: still awaiting 补正 at the end of 2025 (lapse never recorded)' },
  { id: 'C05', org: 'litong', requesterType: 'legal-service', channel: 'email', receivedOn: '2024-12-27', events: [{ kind: 'withdrawn', on: '2025-01-03', reason: '申请人撤回' }], why: 'carried in; withdrawn → （六）3 其他' },
  { id: 'C06', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2024-11-05', events: [answered('2024-11-20', 'disclosed'), delivered('2024-11-21')], why: 'decided in 2024: in no 2025 cell' },
  { id: 'C07', org: 'cityDepartment', requesterType: 'research', channel: 'online', receivedOn: '2024-12-30', events: [clarify('2025-01-03', '2025-01-17'), { kind: 'clarification-lapsed', on: '2025-01-20' }], why: 'carried in; 补正 lapsed → （六）1' },
  // Received in 2025 and decided in 2025.
  { id: 'C08', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-03-03', events: [answered('2025-03-14', 'disclosed'), delivered('2025-03-14'), { kind: 'closed', on: '2025-03-17' }], why: '予以公开' },
  { id: 'C09', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-03-10', events: [answered('2025-03-20', 'disclosed'), delivered('2025-03-21')], why: '予以公开' },
  { id: 'C10', org: 'litongDepartment', requesterType: 'natural', channel: 'registered-post', receivedOn: '2025-03-12', events: [answered('2025-04-01', 'partial', REASONS)], why: '部分公开' },
  { id: 'C11', org: 'litong', requesterType: 'business', channel: 'fax', receivedOn: '2025-04-07', events: [answered('2025-04-21', 'withheld-third-party', REASONS)], why: '不予公开·保护第三方合法权益' },
  { id: 'C12', org: 'city', requesterType: 'natural', channel: 'ordinary-post', receivedOn: '2025-04-14', events: [answered('2025-04-25', 'withheld-state-secret', REASONS)], why: '不予公开·属于国家秘密' },
  { id: 'C13', org: 'cityDepartment', requesterType: 'public-interest', channel: 'online', receivedOn: '2025-05-06', events: [answered('2025-05-20', 'withheld-process', REASONS)], why: '不予公开·四类过程性信息' },
  { id: 'C14', org: 'litong', requesterType: 'natural', channel: 'email', receivedOn: '2025-05-12', events: [answered('2025-05-23', 'withheld-internal', REASONS)], why: '不予公开·三类内部事务信息' },
  { id: 'C15', org: 'litongDepartment', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-05-19', events: [answered('2025-05-30', 'withheld-enforcement', REASONS)], why: '不予公开·行政执法案卷' },
  { id: 'C16', org: 'litong', requesterType: 'other', channel: 'online', receivedOn: '2025-06-03', events: [answered('2025-06-13', 'withheld-inquiry', REASONS)], why: '不予公开·行政查询事项' },
  { id: 'C17', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-06-09', events: [answered('2025-06-20', 'withheld-security', REASONS)], why: '不予公开·危及“三安全一稳定”' },
  { id: 'C18', org: 'city', requesterType: 'research', channel: 'registered-post', receivedOn: '2025-06-12', events: [answered('2025-06-26', 'withheld-prohibited', REASONS)], why: '不予公开·其他法律行政法规禁止公开' },
  { id: 'C19', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-06-16', events: [answered('2025-06-27', 'unable-not-held')], why: '无法提供·本机关不掌握' },
  { id: 'C20', org: 'litongDepartment', requesterType: 'business', channel: 'online', receivedOn: '2025-07-01', events: [answered('2025-07-11', 'unable-needs-creation')], why: '无法提供·需要另行制作' },
  { id: 'C21', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-07-07', events: [clarify('2025-07-09', '2025-07-23'), { kind: 'clarification-received', on: '2025-07-18' }, answered('2025-08-01', 'unable-unclear')], why: '补正 received, still unclear → 无法提供·补正后仍不明确' },
  { id: 'C22', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-07-14', events: [answered('2025-07-18', 'not-processed-petition')], why: '不予处理·信访举报投诉' },
  { id: 'C23', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-07-21', events: [answered('2025-07-25', 'not-processed-repeat')], why: '不予处理·重复申请' },
  { id: 'C24', org: 'cityDepartment', requesterType: 'natural', channel: 'online', receivedOn: '2025-08-04', events: [answered('2025-08-08', 'not-processed-publication')], why: '不予处理·公开出版物' },
  { id: 'C25', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-08-11', events: [answered('2025-08-22', 'not-processed-excessive')], why: '不予处理·大量反复申请' },
  { id: 'C26', org: 'litongDepartment', requesterType: 'legal-service', channel: 'fax', receivedOn: '2025-08-18', events: [answered('2025-08-29', 'not-processed-confirmation')], why: '不予处理·要求确认或重新出具' },
  { id: 'C27', org: 'litong', requesterType: 'natural', channel: 'ordinary-post', receivedOn: '2025-08-25', events: [clarify('2025-08-27', '2025-09-10'), { kind: 'clarification-lapsed', on: '2025-09-15' }], why: '补正 lapsed → （六）1' },
  { id: 'C28', org: 'litong', requesterType: 'business', channel: 'online', receivedOn: '2025-09-01', events: [{ kind: 'fee-notice-sent', on: '2025-09-05', method: 'per-page', quantity: 50 }, { kind: 'fee-lapsed', on: '2025-10-20' }], why: '200 元 fee never paid (pay by 2025-10-10) → （六）2; no fee collected' },
  { id: 'C29', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-09-08', events: [{ kind: 'withdrawn', on: '2025-09-12' }], why: 'withdrawn → （六）3' },
  { id: 'C30', org: 'litongDepartment', requesterType: 'natural', channel: 'online', receivedOn: '2025-03-17', events: [{ kind: 'fee-notice-sent', on: '2025-03-21', method: 'per-page', quantity: 130 }, { kind: 'fee-paid', on: '2025-03-28' }, answered('2025-04-08', 'disclosed')], why: '130 pages → 1300 元 paid; 予以公开' },
  { id: 'C31', org: 'city', requesterType: 'business', channel: 'online', receivedOn: '2025-04-14', events: [{ kind: 'fee-notice-sent', on: '2025-04-16', method: 'per-page', quantity: 40 }, { kind: 'fee-paid', on: '2025-04-22' }, answered('2025-04-30', 'partial', REASONS)], why: '40 pages → 100 元 paid; 部分公开' },
  {
    id: 'C32',
    org: 'litong',
    requesterType: 'natural',
    channel: 'online',
    receivedOn: '2025-03-24',
    events: [{ kind: 'consultation-sent', on: '2025-03-26', party: 'third-party', partyName: '某商贸有限公司' }, { kind: 'consultation-answered', on: '2025-04-03', consultation: 2, opinion: 'consent' }, answered('2025-04-10', 'disclosed')],
    why: 'third-party consultation (time excluded); 予以公开',
  },
  { id: 'C33', org: 'litong', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-06-03', events: [extension('2025-06-20', 20), answered('2025-07-15', 'disclosed')], why: 'extended: reply due 2025-07-01, final 2025-07-29, answered 07-15' },
  { id: 'C34', org: 'litongDepartment', requesterType: 'research', channel: 'online', receivedOn: '2025-10-13', events: [extension('2025-11-03', 15), answered('2025-11-20', 'partial', REASONS)], why: 'extended: reply due 2025-11-10, final 2025-12-01, answered 11-20' },
  { id: 'C35', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-04-21', events: [answered('2025-06-10', 'disclosed')], why: 'late: reply due 2025-05-21, no extension, answered 06-10' },
  { id: 'C36', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-09-15', events: [extension('2025-09-26', 10), answered('2025-09-30', 'disclosed')], why: 'extension approved but answered before the original due date (2025-10-17): on time' },
  // Received in 2025, not decided by 2025-12-31: 结转下年度 (carried over).
  { id: 'C37', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2025-12-15', events: [answered('2026-01-09', 'disclosed')], why: 'carried over: answered in 2026' },
  { id: 'C38', org: 'litongDepartment', requesterType: 'business', channel: 'registered-post', receivedOn: '2025-12-24', events: [], why: 'carried over: no event yet' },
  { id: 'C39', org: 'city', requesterType: 'natural', channel: 'in-person', receivedOn: '2025-12-29', events: [{ kind: 'consultation-sent', on: '2025-12-30', party: 'agency', partyName: '吴忠市自然资源局' }], why: 'carried over: in inter-agency consultation' },
  { id: 'C40', org: 'yanchi', requesterType: 'natural', channel: 'online', receivedOn: '2025-11-17', events: [answered('2025-11-28', 'disclosed')], why: '盐池县: 予以公开' },
  { id: 'C41', org: 'yanchiDepartment', requesterType: 'public-interest', channel: 'in-person', receivedOn: '2025-12-08', events: [extension('2025-12-26', 20), answered('2026-01-20', 'disclosed')], why: 'carried over (reply due 2026-01-06, extended); answered in 2026' },
  // Received in 2026: in no 2025 cell.
  { id: 'C42', org: 'litong', requesterType: 'natural', channel: 'online', receivedOn: '2026-01-05', events: [answered('2026-01-09', 'disclosed')], why: 'received in 2026' },
];

/** A review record to create once the clock has passed its dates. */
export type ReviewScript = { id: string; org: OrgKey; why: string } & Omit<ReviewCaseInput, 'organizationId'>;

/** The review records (table 四). */
export const REVIEW_SCRIPTS: readonly ReviewScript[] = [
  { id: 'R1', org: 'litong', path: 'reconsideration', applicantName: '张某', reviewingBody: '吴忠市人民政府', filedOn: '2025-03-10', decidedOn: '2025-05-10', outcome: 'upheld', why: '复议·结果维持' },
  { id: 'R2', org: 'litongDepartment', path: 'reconsideration', applicantName: '李某', reviewingBody: '利通区人民政府', filedOn: '2025-08-01', outcome: 'pending', why: '复议·尚未审结' },
  { id: 'R3', org: 'litong', path: 'direct-suit', applicantName: '王某', reviewingBody: '吴忠市中级人民法院', filedOn: '2025-06-01', decidedOn: '2025-11-15', outcome: 'corrected', why: '直接起诉·结果纠正' },
  {
    id: 'R4',
    org: 'city',
    path: 'suit-after-reconsideration',
    defendantRole: 'co-defendant',
    applicantName: '赵某',
    reviewingBody: '利通区人民法院',
    filedOn: '2025-02-01',
    reconsiderationDecidedOn: '2025-03-20',
    reconsiderationOutcome: 'upheld',
    suitFiledOn: '2025-04-01',
    decidedOn: '2025-09-01',
    outcome: 'upheld',
    why: 'the city as co-defendant reconsideration body: not counted',
  },
  {
    id: 'R5',
    org: 'litong',
    path: 'suit-after-reconsideration',
    applicantName: '赵某',
    reviewingBody: '利通区人民法院',
    filedOn: '2025-02-01',
    reconsiderationDecidedOn: '2025-03-20',
    reconsiderationOutcome: 'upheld',
    suitFiledOn: '2025-04-01',
    decidedOn: '2025-09-01',
    outcome: 'upheld',
    why: '复议后起诉·结果维持 (the same suit, counted by the original agency)',
  },
  { id: 'R6', org: 'litong', path: 'reconsideration', applicantName: '孙某', reviewingBody: '吴忠市人民政府', filedOn: '2025-11-20', decidedOn: '2026-01-10', outcome: 'corrected', why: 'decided in 2026: 尚未审结 in 2025' },
  { id: 'R7', org: 'yanchi', path: 'reconsideration', applicantName: '周某', reviewingBody: '吴忠市人民政府', filedOn: '2024-10-01', decidedOn: '2025-01-15', outcome: 'other', why: 'filed in 2024: not in 2025' },
];


const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '马', '周', '吴', '赵'];
const GIVEN = ['建国', '秀英', '志强', '丽娟', '海涛', '玉兰', '文博', '晓明', '春花', '国庆'];
const ORG_NAMES: Record<Exclude<RequesterType, 'natural'>, readonly string[]> = {
  business: ['宁夏某某商贸有限公司', '吴忠某某建材有限公司', '某某农业科技有限公司'],
  research: ['某某大学公共管理学院', '某某研究院'],
  'public-interest': ['某某环保公益促进会', '某某助学基金会'],
  'legal-service': ['宁夏某某律师事务所', '某某法律服务所'],
  other: ['某某村民委员会', '某某业主委员会'],
};
const TOPICS = ['2024年度城市道路改造项目的批复文件', '某小区房屋征收补偿方案', '本机关2025年部门预算', '某地块土地征收的批准文件', '义务教育阶段学校划片方案', '某项目环境影响评价文件'];

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** The date `days` days before `date` (`YYYY-MM-DD`). */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Moves the clock forward to 10:00 China time on `date`. @throws Error when that is in the clock's past */
export function moveTo(clock: FixedClock, date: string): void {
  const target = Date.parse(`${date}T02:00:00Z`);
  const delta = target - clock.now().getTime();
  if (delta < 0) throw new Error(`the clock is past ${date}`);
  clock.advance(delta);
}

/** The registration input of a script (the channel decides which date is the date of receipt). */
export function registration(script: CaseScript, organizationId: number, random: () => number): Record<string, unknown> {
  const type = script.requesterType;
  const natural = type === 'natural';
  const requesterName = type === 'natural' ? `${pick(random, SURNAMES)}${pick(random, GIVEN)}` : pick(random, ORG_NAMES[type]);
  const dates: Record<string, string> =
    script.channel === 'in-person'
      ? { submittedOn: script.receivedOn }
      : script.channel === 'registered-post'
        ? { submittedOn: daysBefore(script.receivedOn, 2), signedOn: script.receivedOn }
        : script.channel === 'ordinary-post'
          ? { submittedOn: daysBefore(script.receivedOn, 2), confirmedOn: script.receivedOn }
          : { submittedOn: script.receivedOn, confirmedOn: script.receivedOn };
  return {
    organizationId,
    requesterType: script.requesterType,
    requesterName,
    ...(natural ? { requesterIdKind: 'resident-id', requesterIdNumber: `64030019800101${String(Math.floor(random() * 9000) + 1000)}` } : { requesterIdKind: 'uscc' }),
    phone: `1390953${String(Math.floor(random() * 9000) + 1000)}`,
    email: `requester${Math.floor(random() * 100000)}@example.cn`,
    channel: script.channel,
    ...dates,
    informationRequested: `申请公开${pick(random, TOPICS)}（${script.id}）`,
    deliveryForm: 'electronic',
    deliveryMethod: 'email',
  };
}

/** What was created: database ids by script id. */
export interface SyntheticYear {
  caseIds: Record<string, number>;
  reviewIds: Record<string, number>;
}

/**
 * Creates every script's case and events, in date order across cases (the clock only moves forward),
 * then the review records.
 * @param ctx a context whose clock is `clock`, set at or before {@link SYNTHETIC_START}
 * @param region the seeded region (test/helpers/factories.ts)
 * @throws whatever the services throw: a script that breaks a clock rule fails loudly
 */
export async function generateSyntheticYear(ctx: ServiceContext, clock: FixedClock, region: SeededRegion, actor: Actor = systemActor('synthetic-year')): Promise<SyntheticYear> {
  const random = prng(SYNTHETIC_SEED);
  type Step = { on: string; script: CaseScript; index: number };
  const steps: Step[] = [];
  for (const script of CASE_SCRIPTS) {
    steps.push({ on: script.receivedOn, script, index: -1 });
    script.events.forEach((event, index) => steps.push({ on: event.on, script, index }));
  }
  // Date order; within a day, script order, then each script's own order.
  const order = new Map(CASE_SCRIPTS.map((s, i) => [s.id, i]));
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : (order.get(a.script.id) ?? 0) - (order.get(b.script.id) ?? 0) || a.index - b.index));
  const caseIds: Record<string, number> = {};
  for (const step of steps) {
    moveTo(clock, step.on);
    if (step.index < 0) {
      const view = await registerRequest(ctx, actor, registration(step.script, region[step.script.org].id, random));
      caseIds[step.script.id] = view.id;
    } else {
      const id = caseIds[step.script.id];
      const event = step.script.events[step.index];
      if (id === undefined || event === undefined) throw new Error(`${step.script.id}: event before registration`);
      await recordEvent(ctx, actor, id, event);
    }
  }
  moveTo(clock, '2026-01-31');
  const reviewIds: Record<string, number> = {};
  for (const { id, org, why, ...input } of REVIEW_SCRIPTS) {
    reviewIds[id] = (await createReview(ctx, actor, { ...input, organizationId: region[org].id, summary: why })).id;
  }
  return { caseIds, reviewIds };
}
