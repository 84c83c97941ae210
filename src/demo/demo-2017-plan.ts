/**
 * The demo region's 2017 as a plan (issue 6): synthetic records made so that the 2014-format
 * statistics table computed from them for 吴忠市's roll-up equals, cell by cell, the table the real
 * 吴忠市 2017 report published (src/demo/data/wuzhong-2017.txt): 127,736 items by channel, 35
 * requests by channel and answer, 8 reconsiderations, 2 suits, 162 offices, 347 staff, … The
 * narrative's own figures are planned too (658 hotline calls and 50 mailbox messages, all
 * answered; 72 NPC suggestions and 162 CPPCC proposals, all answered and published). Every total is
 * split over the twelve demo organizations by fixed weights, so each organization's own table is
 * plausible and the roll-up adds up to the published one. Pure: the same seed and calendar give
 * the same plan; the loader (demo-2017.ts) writes it.
 */
import { addWorkingDays } from '../calendar/working-days.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { Channel } from '../requests/request-case.ts';
import type { DemoRandom } from './demo-prng.ts';
import { addDays, randomWorkingDay } from './demo-year-dates.ts';
import { DEMO_ORGANIZATIONS } from './demo-organizations.ts';
import type { DemoOrgKey } from './demo-organizations.ts';

/** The year planned. */
export const DEMO_2017 = 2017;

/**
 * The figures of the real 2017 statistics table the plan reproduces (wuzhong-2017.txt, 统计表), and
 * those of its narrative (hotline, mailbox, suggestions and proposals).
 */
export const WUZHONG_2017_FIGURES = {
  channels: { gazette: 0, website: 53_919, weibo: 1_641, wechat: 16_805, other: 55_371 },
  normativeDocuments: 45,
  pressConferences: 22,
  pressConferencesWithLeader: 11,
  onlineInterviews: 0,
  interpretations: 39,
  weiboWechatResponses: 40,
  otherResponses: 172,
  ogiOffices: 162,
  readingPoints: 49,
  staffFullTime: 127,
  staffPartTime: 220,
  /** 万元. */
  funding: 33,
  meetings: 45,
  trainingSessions: 22,
  trainees: 895,
  complaints: 0,
  hotline: 658,
  messages: 50,
  npcSuggestions: 72,
  cppccProposals: 162,
} as const;

/** How much of each total an organization carries (the city government and counties most). */
const WEIGHTS: Readonly<Record<DemoOrgKey, number>> = {
  city: 18, cityOffice: 12, serviceCenter: 5, finance: 6, ecology: 6, agriculture: 6,
  litong: 14, hongsibao: 8, qingtongxia: 11, yanchi: 8, tongxin: 8, yanchiAgriDev: 2,
};
const KEYS: readonly DemoOrgKey[] = DEMO_ORGANIZATIONS.map((o) => o.key);

/**
 * Splits `total` over the organizations in proportion to their weights (largest remainder), so the
 * parts are whole and add up to `total` exactly.
 * @returns organization key → part
 */
export function splitByWeight(total: number, weights: Readonly<Record<DemoOrgKey, number>> = WEIGHTS): Record<DemoOrgKey, number> {
  const sum = KEYS.reduce((s, k) => s + weights[k], 0);
  const exact = KEYS.map((k) => ({ k, share: (total * weights[k]) / sum }));
  const parts = Object.fromEntries(exact.map(({ k, share }) => [k, Math.floor(share)])) as Record<DemoOrgKey, number>;
  let left = total - KEYS.reduce((s, k) => s + parts[k], 0);
  for (const { k } of [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || KEYS.indexOf(a.k) - KEYS.indexOf(b.k))) {
    if (left <= 0) break;
    parts[k] += 1;
    left -= 1;
  }
  return parts;
}

/** A planned request of 2017 (2008 rules: 15 working days, one extension of up to 15, 2008 art. 24). */
export interface Demo2017Case {
  org: DemoOrgKey;
  channel: Channel;
  receivedOn: string;
  requesterName: string;
  information: string;
  /** Events as posted to `recordEvent`, in order. */
  events: ({ kind: string; on: string } & Record<string, unknown>)[];
}

/** The 35 answers of the real table: [2021 outcome, answer detail, how many, extended]. */
const ANSWERS: readonly (readonly [string, 'already-public' | 'other-agency' | null, number])[] = [
  ['disclosed', 'already-public', 10],
  ['disclosed', null, 8],
  ['withheld-third-party', null, 1],
  ['withheld-internal', null, 2],
  ['unable-not-held', 'other-agency', 4],
  ['unable-not-held', null, 3],
  ['unable-needs-creation', null, 2],
  ['other-no-clarification', null, 4],
  ['not-processed-petition', null, 1],
];
/** The channels of the 35: 当面 7, 网络 10 (online 6, e-mail 4), 信函 18 (registered 10, ordinary 8). */
const CHANNELS: readonly (readonly [Channel, number])[] = [['in-person', 7], ['online', 6], ['email', 4], ['registered-post', 10], ['ordinary-post', 8]];
const REQUEST_ORGS: readonly DemoOrgKey[] = ['city', 'cityOffice', 'finance', 'ecology', 'litong', 'qingtongxia', 'yanchi', 'tongxin', 'hongsibao', 'agriculture'];
const SURNAMES = ['马', '王', '李', '张', '杨', '丁', '海', '周'];
const GIVEN = ['国华', '秀兰', '志刚', '玉梅', '建军', '小红', '德明', '桂花'];
const ASKS = ['某片区棚户区改造项目的征收补偿方案', '某村2016年度低保评审结果', '某道路建设项目的立项批复', '某企业环境影响评价批复文件', '2016年度某专项资金分配文件', '某小区规划许可文件', '某乡镇土地征收批准文件'];
const REASONS: Readonly<Record<string, string>> = {
  'withheld-third-party': '所申请信息涉及第三方个人隐私，第三方不同意公开（演示）',
  'withheld-internal': '所申请信息不属于《条例》所指的政府信息（内部管理信息）（演示）',
};

/**
 * The 35 requests of 2017: received February to October in person, online or by post, answered in
 * time (two after an approved extension, four closed when the requester did not clarify).
 */
export function plan2017Requests(calendar: WorkingDayCalendar, random: DemoRandom): Demo2017Case[] {
  const answers = ANSWERS.flatMap(([outcome, detail, n]) => Array.from({ length: n }, () => ({ outcome, detail })));
  const channels = CHANNELS.flatMap(([c, n]) => Array.from({ length: n }, () => c));
  const cases: Demo2017Case[] = [];
  answers.forEach(({ outcome, detail }, i) => {
    const channel = channels[(i * 11) % channels.length] ?? 'in-person';
    const receivedOn = randomWorkingDay(calendar, random, '2017-02-06', '2017-10-31');
    const events: Demo2017Case['events'] = [];
    const extended = outcome === 'disclosed' && detail === null && i % 4 === 0 && cases.filter((c) => c.events.some((e) => e.kind === 'extension-approved')).length < 2;
    if (outcome === 'other-no-clarification') {
      const on = addWorkingDays(calendar, receivedOn, random.int(1, 3));
      const dueOn = addDays(on, 15);
      events.push({ kind: 'clarification-requested', on, items: '请写明所需政府信息的名称、文号或者其他特征性描述（演示）', dueOn });
      events.push({ kind: 'clarification-lapsed', on: addDays(dueOn, random.int(1, 5)) });
    } else {
      let answerOn = addWorkingDays(calendar, receivedOn, random.int(3, 12));
      if (extended) {
        const on = addWorkingDays(calendar, receivedOn, 12);
        events.push({ kind: 'extension-approved', on, workingDays: 15, reason: '所申请信息需调取档案，需要延长答复期限（演示）', approvedBy: '政府信息公开工作机构负责人（演示）', noticeOn: on });
        answerOn = addWorkingDays(calendar, receivedOn, 15 + random.int(2, 10));
      }
      events.push({
        kind: 'answered',
        on: answerOn,
        outcome,
        ...(REASONS[outcome] ? { reasons: REASONS[outcome] } : {}),
        ...(detail === 'already-public' ? { reasons: '该信息已在吴忠市人民政府门户网站政府信息公开专栏主动公开，可登录网站查询获取（演示）' } : {}),
        ...(detail === 'other-agency' ? { reasons: '该信息不属于本机关公开职责范围，请向吴忠市自然资源局申请（演示）' } : {}),
        ...(detail ? { answerDetail: detail } : {}),
        ...(detail === 'other-agency' ? { responsibleAgency: '吴忠市自然资源局（演示）' } : {}),
      });
    }
    cases.push({
      org: REQUEST_ORGS[i % REQUEST_ORGS.length] ?? 'city',
      channel,
      receivedOn,
      requesterName: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      information: random.pick(ASKS),
      events,
    });
  });
  return cases;
}

/** A planned reconsideration or suit of 2017: all upheld within the year. */
export interface Demo2017Review {
  org: DemoOrgKey;
  path: 'reconsideration' | 'direct-suit';
  reviewingBody: string;
  caseNumber: string;
  filedOn: string;
  decidedOn: string;
}

/** The 8 reconsiderations and 2 suits of the real table, all 维持 (upheld). */
export function plan2017Reviews(calendar: WorkingDayCalendar, random: DemoRandom): Demo2017Review[] {
  const orgs: readonly DemoOrgKey[] = ['city', 'litong', 'qingtongxia', 'yanchi', 'tongxin', 'hongsibao', 'finance', 'ecology', 'city', 'litong'];
  return orgs.map((org, i) => {
    const suit = i >= 8;
    const filedOn = randomWorkingDay(calendar, random, '2017-03-01', '2017-08-31');
    const government = org === 'city' || org === 'finance' || org === 'ecology' ? '宁夏回族自治区人民政府' : '吴忠市人民政府';
    return {
      org,
      path: suit ? 'direct-suit' : 'reconsideration',
      reviewingBody: suit ? '吴忠市利通区人民法院' : government,
      caseNumber: suit ? `（2017）宁0302行初${10 + i}号` : `吴行复〔2017〕${i + 1}号`,
      filedOn,
      decidedOn: addWorkingDays(calendar, filedOn, random.int(30, 55)),
    };
  });
}

/** Spreads `n` dated records over the working days of 2017 (from `from`). */
export function datesIn2017(calendar: WorkingDayCalendar, random: DemoRandom, n: number, from = '2017-01-03', to = '2017-12-29'): string[] {
  return Array.from({ length: n }, () => randomWorkingDay(calendar, random, from, to)).sort();
}
