/**
 * Section 二 (回应解读情况) of the 2014 statistics table, counted from press events,
 * interpretations and concern responses. Pure.
 *
 * Our reading of the rows (RULES.md §3.7 recalls them; the official wording and counting
 * instructions were not found: UNVERIFIED):
 * - （一）回应公众关注热点或重大舆情数 = `responses`: every concern response of the period, plus
 *   every press event and interpretation of the period that names no concern response. The row's
 *   note 不同方式回应同一热点计1次 means a press conference or interpretation that answered a
 *   recorded concern is the same hot topic and is not counted again;
 * - （二）1 参加或举办新闻发布会总次数 / 其中主要负责同志参加 = `pressConferences` /
 *   `pressConferencesWithLeader`;
 * - （二）2 政府网站在线访谈次数 / 其中主要负责同志参加 = `onlineInterviews` /
 *   `onlineInterviewsWithLeader`;
 * - （二）3 政策解读稿件发布数 = `interpretations` (published in the period, every form);
 * - （二）4 微博微信回应事件数 = `weiboWechatResponses` (concern responses on 微博微信);
 * - （二）5 其他方式回应事件数 = `otherResponses` (concern responses on every other channel).
 * A record belongs to the period of its own date (held / published / responded on), both ends
 * included.
 */
import type { ConcernChannel, PressEventKind } from './engagement-record.ts';

/** What the counting reads of a press event. */
export interface CountedPressEvent {
  kind: PressEventKind;
  heldOn: string;
  principalLeaderAttended: boolean;
  concernResponseId: number | null;
}

/** What the counting reads of an interpretation. */
export interface CountedInterpretation {
  publishedOn: string;
  concernResponseId: number | null;
}

/** What the counting reads of a concern response. */
export interface CountedConcernResponse {
  channel: ConcernChannel;
  respondedOn: string;
}

/** The raw counts of a period (what the repository aggregates in SQL, per organization). */
export interface EngagementCounts {
  pressConferences: number;
  pressConferencesWithLeader: number;
  onlineInterviews: number;
  onlineInterviewsWithLeader: number;
  interpretations: number;
  concernResponses: number;
  weiboWechatResponses: number;
  otherResponses: number;
  /** Press events and interpretations of the period that name no concern response. */
  unlinkedEvents: number;
}

/** Section 二 of the 2014 table (see the module doc for the reading of each row). */
export interface EngagementFigures {
  /** （一）回应公众关注热点或重大舆情数. */
  responses: number;
  pressConferences: number;
  pressConferencesWithLeader: number;
  onlineInterviews: number;
  onlineInterviewsWithLeader: number;
  interpretations: number;
  weiboWechatResponses: number;
  otherResponses: number;
}

/** All counts zero. */
export function emptyEngagementCounts(): EngagementCounts {
  return { pressConferences: 0, pressConferencesWithLeader: 0, onlineInterviews: 0, onlineInterviewsWithLeader: 0, interpretations: 0, concernResponses: 0, weiboWechatResponses: 0, otherResponses: 0, unlinkedEvents: 0 };
}

/** The sum of several organizations' counts (a roll-up of a subtree). */
export function sumEngagementCounts(all: Iterable<EngagementCounts>): EngagementCounts {
  const total = emptyEngagementCounts();
  for (const c of all) for (const key of Object.keys(total) as (keyof EngagementCounts)[]) total[key] += c[key];
  return total;
}

/**
 * The raw counts of the records dated within [from, to].
 * @param from first day, `YYYY-MM-DD`
 * @param to last day, `YYYY-MM-DD` (included)
 */
export function countEngagement(
  records: { pressEvents: readonly CountedPressEvent[]; interpretations: readonly CountedInterpretation[]; concernResponses: readonly CountedConcernResponse[] },
  from: string,
  to: string,
): EngagementCounts {
  const inPeriod = (date: string): boolean => date >= from && date <= to;
  const c = emptyEngagementCounts();
  for (const e of records.pressEvents) {
    if (!inPeriod(e.heldOn)) continue;
    if (e.kind === 'press_conference') {
      c.pressConferences += 1;
      if (e.principalLeaderAttended) c.pressConferencesWithLeader += 1;
    } else {
      c.onlineInterviews += 1;
      if (e.principalLeaderAttended) c.onlineInterviewsWithLeader += 1;
    }
    if (e.concernResponseId === null) c.unlinkedEvents += 1;
  }
  for (const i of records.interpretations) {
    if (!inPeriod(i.publishedOn)) continue;
    c.interpretations += 1;
    if (i.concernResponseId === null) c.unlinkedEvents += 1;
  }
  for (const r of records.concernResponses) {
    if (!inPeriod(r.respondedOn)) continue;
    c.concernResponses += 1;
    if (r.channel === 'weibo_wechat') c.weiboWechatResponses += 1;
    else c.otherResponses += 1;
  }
  return c;
}

/** Section 二's figures from the raw counts: `responses` = concern responses + unlinked press events and interpretations. */
export function engagementFigures(c: EngagementCounts): EngagementFigures {
  return {
    responses: c.concernResponses + c.unlinkedEvents,
    pressConferences: c.pressConferences,
    pressConferencesWithLeader: c.pressConferencesWithLeader,
    onlineInterviews: c.onlineInterviews,
    onlineInterviewsWithLeader: c.onlineInterviewsWithLeader,
    interpretations: c.interpretations,
    weiboWechatResponses: c.weiboWechatResponses,
    otherResponses: c.otherResponses,
  };
}

/** Chinese labels of the figures, as section 二 prints them (our reading, see the module doc). */
export const ENGAGEMENT_FIGURE_LABELS_ZH: Readonly<Record<keyof EngagementFigures, string>> = {
  responses: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点计1次）',
  pressConferences: '1. 参加或举办新闻发布会总次数',
  pressConferencesWithLeader: '其中：主要负责同志参加新闻发布会次数',
  onlineInterviews: '2. 政府网站在线访谈次数',
  onlineInterviewsWithLeader: '其中：主要负责同志参加政府网站在线访谈次数',
  interpretations: '3. 政策解读稿件发布数',
  weiboWechatResponses: '4. 微博微信回应事件数',
  otherResponses: '5. 其他方式回应事件数',
};

/** The figures in printed order. */
export const ENGAGEMENT_FIGURE_ORDER: readonly (keyof EngagementFigures)[] = [
  'responses',
  'pressConferences',
  'pressConferencesWithLeader',
  'onlineInterviews',
  'onlineInterviewsWithLeader',
  'interpretations',
  'weiboWechatResponses',
  'otherResponses',
];
