/**
 * The engagement and work-record figures of an organization's year (issue 6), and the cells of the
 * 2014–2018 statistics table (国办发〔2014〕32号; src/reports/format/format-2014.ts) they fill:
 * - 一 (二) channels: proactive items published in the year by the channels they went out on
 *   (catalog_item.channels); an item on two channels counts on both, and once in the total;
 * - 二 回应解读: press conferences and online interviews (with the principal leader), policy
 *   interpretations, and responses to public concerns by channel. 回应公众关注热点或重大舆情数 counts
 *   each concern once however many ways it was answered: the recorded concern responses plus the
 *   press events and interpretations that answer no recorded concern (our reading, UNVERIFIED: the
 *   table says only "不同方式回应同一热点或舆情计1次");
 * - 六 举报投诉数量: complaints about OGI work received in the year;
 * - 八 机构建设和保障经费: the year's staffing record (offices, full- and part-time staff, dedicated
 *   funding in 万元: the figures the format asks an office to state) and the reading points open at
 *   the year's end;
 * - 九 会议和培训: meetings, training sessions and their attendees.
 * Mailbox messages, hotline work orders and NPC/CPPCC proposals fill no cell; the narrative quotes them.
 * Pure: `activity-figures.repository.ts` selects the figures of a subtree.
 */
import { PUBLICATION_CHANNELS } from '../catalog/catalog-item.ts';
import type { PublicationChannel } from '../catalog/catalog-item.ts';
import { cellId } from '../reports/format/report-format.ts';

/** Everything additive an organization's engagement and work records say about a year. */
export interface ActivityFigures {
  /** Proactive items published in the year, per channel (an item on several channels counts on each). */
  channels: Record<PublicationChannel, number>;
  pressConferences: number;
  pressConferencesWithLeader: number;
  onlineInterviews: number;
  onlineInterviewsWithLeader: number;
  /** Policy interpretations published in the year (政策解读稿件发布数). */
  interpretations: number;
  /** Responses to public concerns recorded in the year. */
  concernResponses: number;
  weiboWechatResponses: number;
  otherResponses: number;
  /** Press events and interpretations of the year that answer no recorded concern (each is a concern of its own). */
  unlinkedEvents: number;
  complaints: number;
  ogiOffices: number;
  staffFullTime: number;
  staffPartTime: number;
  /** 专项经费 in 万元. */
  funding: number;
  /** Reading points open on Dec 31. */
  readingPoints: number;
  meetings: number;
  trainingSessions: number;
  trainees: number;
  /** Mailbox messages received in the year, replied, replied by their deadline, and the sum of calendar days to reply. */
  messagesReceived: number;
  messagesReplied: number;
  messagesRepliedOnTime: number;
  messageReplyDaysTotal: number;
  /** 12345 hotline work orders received in the year and replied. */
  hotlineReceived: number;
  hotlineReplied: number;
  /** NPC deputy suggestions and CPPCC member proposals received in the year, replied, and results published. */
  npcSuggestions: number;
  npcSuggestionsReplied: number;
  cppccProposals: number;
  cppccProposalsReplied: number;
  proposalResultsPublished: number;
}

/** Figures with every count zero. */
export function emptyActivityFigures(): ActivityFigures {
  return {
    channels: { gazette: 0, website: 0, weibo: 0, wechat: 0, other: 0 },
    pressConferences: 0,
    pressConferencesWithLeader: 0,
    onlineInterviews: 0,
    onlineInterviewsWithLeader: 0,
    interpretations: 0,
    concernResponses: 0,
    weiboWechatResponses: 0,
    otherResponses: 0,
    unlinkedEvents: 0,
    complaints: 0,
    ogiOffices: 0,
    staffFullTime: 0,
    staffPartTime: 0,
    funding: 0,
    readingPoints: 0,
    meetings: 0,
    trainingSessions: 0,
    trainees: 0,
    messagesReceived: 0,
    messagesReplied: 0,
    messagesRepliedOnTime: 0,
    messageReplyDaysTotal: 0,
    hotlineReceived: 0,
    hotlineReplied: 0,
    npcSuggestions: 0,
    npcSuggestionsReplied: 0,
    cppccProposals: 0,
    cppccProposalsReplied: 0,
    proposalResultsPublished: 0,
  };
}

/** Amounts in 万元 keep four decimals (whole 元) without floating-point noise. */
function wan(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The figures of several organizations together (a roll-up): every count summed. Nothing is
 * de-duplicated: each record belongs to one organization.
 */
export function sumActivityFigures(list: readonly ActivityFigures[]): ActivityFigures {
  const total = emptyActivityFigures();
  for (const f of list) {
    for (const { code } of PUBLICATION_CHANNELS) total.channels[code] += f.channels[code];
    for (const key of Object.keys(total) as (keyof ActivityFigures)[]) {
      if (key === 'channels') continue;
      total[key] += f[key];
    }
  }
  total.funding = wan(total.funding);
  return total;
}

/** The 2014 statistics rows these figures fill, by row id (`stats/<row>/value`), with their source. */
const ROWS_2014: Readonly<Record<string, { source: 'catalog' | 'engagement' | 'work-records'; value: (f: ActivityFigures) => number }>> = {
  'channel-gazette': { source: 'catalog', value: (f) => f.channels.gazette },
  'channel-website': { source: 'catalog', value: (f) => f.channels.website },
  'channel-weibo': { source: 'catalog', value: (f) => f.channels.weibo },
  'channel-wechat': { source: 'catalog', value: (f) => f.channels.wechat },
  'channel-other': { source: 'catalog', value: (f) => f.channels.other },
  responses: { source: 'engagement', value: (f) => f.concernResponses + f.unlinkedEvents },
  'press-conferences': { source: 'engagement', value: (f) => f.pressConferences },
  'press-conferences-leaders': { source: 'engagement', value: (f) => f.pressConferencesWithLeader },
  'online-interviews': { source: 'engagement', value: (f) => f.onlineInterviews },
  'online-interviews-leaders': { source: 'engagement', value: (f) => f.onlineInterviewsWithLeader },
  interpretations: { source: 'engagement', value: (f) => f.interpretations },
  'weibo-wechat-responses': { source: 'engagement', value: (f) => f.weiboWechatResponses },
  'other-responses': { source: 'engagement', value: (f) => f.otherResponses },
  complaints: { source: 'work-records', value: (f) => f.complaints },
  'ogi-offices': { source: 'work-records', value: (f) => f.ogiOffices },
  'reading-points': { source: 'work-records', value: (f) => f.readingPoints },
  staff: { source: 'work-records', value: (f) => f.staffFullTime + f.staffPartTime },
  'staff-full-time': { source: 'work-records', value: (f) => f.staffFullTime },
  'staff-part-time': { source: 'work-records', value: (f) => f.staffPartTime },
  funding: { source: 'work-records', value: (f) => wan(f.funding) },
  meetings: { source: 'work-records', value: (f) => f.meetings },
  'training-sessions': { source: 'work-records', value: (f) => f.trainingSessions },
  trainees: { source: 'work-records', value: (f) => f.trainees },
};

/**
 * Where a 2014 statistics cell comes from when these figures fill it.
 * @param id a cell id (`stats/<row>/value`)
 * @returns `catalog` (channels), `engagement` (section 二), `work-records` (sections 六, 八, 九), or null
 */
export function activitySourceOf2014(id: string): 'catalog' | 'engagement' | 'work-records' | null {
  const [table, row] = id.split('/');
  if (table !== 'stats' || row === undefined) return null;
  return ROWS_2014[row]?.source ?? null;
}

/**
 * The 2014 statistics cells these figures fill.
 * @returns cell id (`stats/<row>/value`) → value (counts; 万元 for `funding`)
 */
export function activityCells2014(f: ActivityFigures): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const [row, { value }] of Object.entries(ROWS_2014)) cells[cellId('stats', row, 'value')] = value(f);
  return cells;
}
