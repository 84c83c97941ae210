/**
 * Selects the engagement and work-record figures (activity-figures.ts) of every organization of a
 * subtree for a year: each module's own subtree aggregate (messages, hotline, engagement, proposals,
 * work records) and the catalog's items by channel, run together, whatever the number of organizations.
 */
import type { Db } from '../db/database.ts';
import { yearBounds } from '../requests/request-statistics.ts';
import { selectEngagementFiguresBySubtree } from '../engagement/engagement.repository.ts';
import { selectHotlineFiguresBySubtree } from '../hotline/hotline.repository.ts';
import { selectMessageFiguresBySubtree } from '../messages/message.repository.ts';
import { selectProposalFiguresBySubtree } from '../proposals/proposal.repository.ts';
import { selectWorkRecordFiguresBySubtree } from '../work-records/work-record-figures.repository.ts';
import { parseChannelsJson } from '../catalog/catalog-item.mapper.ts';
import { emptyActivityFigures } from './activity-figures.ts';
import type { ActivityFigures } from './activity-figures.ts';

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
  const { from, to } = yearBounds(year);
  const figures = new Map<number, ActivityFigures>();
  const of = (id: number | string): ActivityFigures => {
    const key = Number(id);
    let f = figures.get(key);
    if (!f) figures.set(key, (f = emptyActivityFigures()));
    return f;
  };
  // Each module counts its own records (the same functions its statistics pages use); the catalog's
  // channels are counted here, the one figure no module page shows.
  const [channels, engagement, work, messages, hotline, proposals] = await Promise.all([
    withChannels
      ? db
          .selectFrom('catalog_item as t')
          .innerJoin('organization as o', 'o.id', 't.organization_id')
          .select((eb) => ['t.organization_id', 't.channels', eb.fn.countAll<number | string>().as('n')])
          .where('o.path', 'like', `${rootPath}%`)
          .where('t.disclosure_type', '=', 'proactive')
          .where('t.status', 'in', ['published', 'superseded'])
          .where('t.publication_date', '>=', from)
          .where('t.publication_date', '<=', to)
          .groupBy(['t.organization_id', 't.channels'])
          .execute()
      : Promise.resolve([]),
    selectEngagementFiguresBySubtree(db, rootPath, from, to),
    selectWorkRecordFiguresBySubtree(db, rootPath, year),
    selectMessageFiguresBySubtree(db, rootPath, from, to),
    selectHotlineFiguresBySubtree(db, rootPath, from, to),
    selectProposalFiguresBySubtree(db, rootPath, from, to),
  ]);

  const publishedItems = new Map<number, number>();
  for (const r of channels) {
    const f = of(r.organization_id);
    for (const c of parseChannelsJson(r.channels)) f.channels[c] += Number(r.n);
    publishedItems.set(Number(r.organization_id), (publishedItems.get(Number(r.organization_id)) ?? 0) + Number(r.n));
  }
  for (const [id, e] of engagement) Object.assign(of(id), e);
  for (const [id, w] of work) {
    const f = of(id);
    f.ogiOffices = w.ogiOffices;
    f.staffFullTime = w.staffFullTime;
    f.staffPartTime = w.staffPartTime;
    f.funding = w.funding;
    f.readingPoints = w.readingPoints;
    f.meetings = w.meetings;
    f.trainingSessions = w.trainingSessions;
    f.trainees = w.trainees;
    f.complaints = w.complaints;
  }
  for (const [id, m] of messages) {
    const f = of(id);
    f.messagesReceived = m.received;
    f.messagesReplied = m.replied;
    f.messagesRepliedOnTime = m.repliedOnTime;
    f.messageReplyDaysTotal = m.replyDaysTotal;
  }
  for (const [id, h] of hotline) {
    const f = of(id);
    f.hotlineReceived = h.received;
    f.hotlineReplied = h.replied;
  }
  for (const [id, p] of proposals) {
    const f = of(id);
    f.npcSuggestions = p.npcReceived;
    f.npcSuggestionsReplied = p.npcReplied;
    f.cppccProposals = p.cppccReceived;
    f.cppccProposalsReplied = p.cppccReplied;
    f.proposalResultsPublished = p.published;
  }
  return { figures, publishedItems };
}
