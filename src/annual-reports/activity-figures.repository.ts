/**
 * Selects the engagement and work-record figures (activity-figures.ts) of every organization of a
 * subtree for a year: one aggregate query per record kind, run together, whatever the number of
 * organizations. The only code of the annual reports that reads those tables.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { emptyActivityFigures, PUBLICATION_CHANNELS_2014 } from './activity-figures.ts';
import type { ActivityFigures, PublicationChannel2014 } from './activity-figures.ts';

const CHANNELS: ReadonlySet<string> = new Set(PUBLICATION_CHANNELS_2014);

/** Calendar days from `from` to `to` (`YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The channels of an item's JSON list that the 2014 table knows (unknown or bad JSON: none). */
function channelsOf(json: string): PublicationChannel2014[] {
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return [...new Set(list.filter((c): c is PublicationChannel2014 => typeof c === 'string' && CHANNELS.has(c)))];
  } catch {
    return [];
  }
}

/**
 * The activity figures of every organization under `rootPath` (the root included) for `year`.
 * @param rootPath materialized path of the subtree's root (`/1/5/`)
 * @param year the statistics year (Jan 1 – Dec 31)
 * @param withChannels count the year's published items by channel (only the 2014 table needs it, and
 *   it reads every item published in the year)
 * @returns organization id → figures, and the number of proactive items each published in the year
 *   (counted by the channel query; 0 without it), only for organizations with at least one record
 */
export async function selectSubtreeActivityFigures(db: Db, rootPath: string, year: number, withChannels: boolean): Promise<{ figures: Map<number, ActivityFigures>; publishedItems: Map<number, number> }> {
  const y = String(year).padStart(4, '0');
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const inTree = `${rootPath}%`;
  const figures = new Map<number, ActivityFigures>();
  const of = (id: number | string): ActivityFigures => {
    const key = Number(id);
    let f = figures.get(key);
    if (!f) figures.set(key, (f = emptyActivityFigures()));
    return f;
  };
  const unlinked = sql<number>`case when t.concern_response_id is null then 1 else 0 end`;

  const [channels, press, interpretations, concerns, complaints, staffing, points, meetings, trainings, messages, hotline, proposals] = await Promise.all([
    !withChannels
      ? Promise.resolve([])
      : db
      .selectFrom('catalog_item as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', 't.channels', eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.disclosure_type', '=', 'proactive')
      .where('t.status', 'in', ['published', 'superseded'])
      .where('t.publication_date', '>=', from)
      .where('t.publication_date', '<=', to)
      .groupBy(['t.organization_id', 't.channels'])
      .execute(),
    db
      .selectFrom('press_event as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', 't.kind', 't.principal_leader_attended', unlinked.as('unlinked'), eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.held_on', '>=', from)
      .where('t.held_on', '<=', to)
      .groupBy(['t.organization_id', 't.kind', 't.principal_leader_attended', unlinked])
      .execute(),
    db
      .selectFrom('policy_interpretation as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', unlinked.as('unlinked'), eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.published_on', '>=', from)
      .where('t.published_on', '<=', to)
      .groupBy(['t.organization_id', unlinked])
      .execute(),
    db
      .selectFrom('concern_response as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', 't.channel', eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.responded_on', '>=', from)
      .where('t.responded_on', '<=', to)
      .groupBy(['t.organization_id', 't.channel'])
      .execute(),
    db
      .selectFrom('ogi_complaint as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.received_on', '>=', from)
      .where('t.received_on', '<=', to)
      .groupBy('t.organization_id')
      .execute(),
    db
      .selectFrom('ogi_staffing as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select(['t.organization_id', 't.ogi_offices', 't.staff_full_time', 't.staff_part_time', 't.funding'])
      .where('o.path', 'like', inTree)
      .where('t.year', '=', year)
      .execute(),
    db
      .selectFrom('reading_point as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.opened_on', '<=', to)
      .where((eb) => eb.or([eb('t.closed_on', 'is', null), eb('t.closed_on', '>', to)]))
      .groupBy('t.organization_id')
      .execute(),
    db
      .selectFrom('ogi_meeting as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.held_on', '>=', from)
      .where('t.held_on', '<=', to)
      .groupBy('t.organization_id')
      .execute(),
    db
      .selectFrom('training_session as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('t.attendees').as('attendees')])
      .where('o.path', 'like', inTree)
      .where('t.held_on', '>=', from)
      .where('t.held_on', '<=', to)
      .groupBy('t.organization_id')
      .execute(),
    db
      .selectFrom('message as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', 't.received_on', 't.due_on', 't.replied_on', eb.fn.countAll<number | string>().as('n')])
      .where('o.path', 'like', inTree)
      .where('t.received_on', '>=', from)
      .where('t.received_on', '<=', to)
      .groupBy(['t.organization_id', 't.received_on', 't.due_on', 't.replied_on'])
      .execute(),
    db
      .selectFrom('hotline_work_order as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('t.replied_on').as('replied')])
      .where('o.path', 'like', inTree)
      .where('t.received_on', '>=', from)
      .where('t.received_on', '<=', to)
      .groupBy('t.organization_id')
      .execute(),
    db
      .selectFrom('deputy_proposal as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select((eb) => ['t.organization_id', 't.kind', 't.disclosure', eb.fn.countAll<number | string>().as('n'), eb.fn.count<number | string>('t.replied_on').as('replied')])
      .where('o.path', 'like', inTree)
      .where('t.received_on', '>=', from)
      .where('t.received_on', '<=', to)
      .groupBy(['t.organization_id', 't.kind', 't.disclosure'])
      .execute(),
  ]);

  const publishedItems = new Map<number, number>();
  for (const r of channels) {
    const f = of(r.organization_id);
    for (const c of channelsOf(r.channels)) f.channels[c] += Number(r.n);
    publishedItems.set(Number(r.organization_id), (publishedItems.get(Number(r.organization_id)) ?? 0) + Number(r.n));
  }
  for (const r of press) {
    const f = of(r.organization_id);
    const n = Number(r.n);
    const leader = Number(r.principal_leader_attended) === 1 ? n : 0;
    if (r.kind === 'online_interview') {
      f.onlineInterviews += n;
      f.onlineInterviewsWithLeader += leader;
    } else {
      f.pressConferences += n;
      f.pressConferencesWithLeader += leader;
    }
    if (Number(r.unlinked) === 1) f.unlinkedEvents += n;
  }
  for (const r of interpretations) {
    const f = of(r.organization_id);
    f.interpretations += Number(r.n);
    if (Number(r.unlinked) === 1) f.unlinkedEvents += Number(r.n);
  }
  for (const r of concerns) {
    const f = of(r.organization_id);
    f.concernResponses += Number(r.n);
    if (r.channel === 'weibo_wechat') f.weiboWechatResponses += Number(r.n);
    else f.otherResponses += Number(r.n);
  }
  for (const r of complaints) of(r.organization_id).complaints += Number(r.n);
  for (const r of staffing) {
    const f = of(r.organization_id);
    f.staffingRecords += 1;
    f.ogiOffices += Number(r.ogi_offices);
    f.staffFullTime += Number(r.staff_full_time);
    f.staffPartTime += Number(r.staff_part_time);
    f.funding = Math.round((f.funding + Number(r.funding)) * 10_000) / 10_000;
  }
  for (const r of points) of(r.organization_id).readingPoints += Number(r.n);
  for (const r of meetings) of(r.organization_id).meetings += Number(r.n);
  for (const r of trainings) {
    const f = of(r.organization_id);
    f.trainingSessions += Number(r.n);
    f.trainees += Number(r.attendees ?? 0);
  }
  for (const r of messages) {
    const f = of(r.organization_id);
    const n = Number(r.n);
    f.messagesReceived += n;
    if (r.replied_on === null) continue;
    f.messagesReplied += n;
    if (r.replied_on <= r.due_on) f.messagesRepliedOnTime += n;
    f.messageReplyDaysTotal += n * daysBetween(r.received_on, r.replied_on);
  }
  for (const r of hotline) {
    const f = of(r.organization_id);
    f.hotlineReceived += Number(r.n);
    f.hotlineReplied += Number(r.replied);
  }
  for (const r of proposals) {
    const f = of(r.organization_id);
    const n = Number(r.n);
    const replied = Number(r.replied);
    if (r.kind === 'cppcc_proposal') {
      f.cppccProposals += n;
      f.cppccProposalsReplied += replied;
    } else {
      f.npcSuggestions += n;
      f.npcSuggestionsReplied += replied;
    }
    if (r.disclosure === 'published') f.proposalResultsPublished += n;
  }
  return { figures, publishedItems };
}
