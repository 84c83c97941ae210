/**
 * The statistics query over `request_case`: one aggregate query per subtree and year, so a region of
 * 100,000 cases is counted in the database, not loaded. Each case is placed against the year with
 * CASE expressions that mirror `classifyCase` in src/requests/request-statistics.ts (the tests compare
 * the two on the same cases), then grouped; the pure tally turns the groups into the tables.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Channel, RequesterType } from './request-case.ts';
import { isAnswerDetail } from './request-outcome.ts';
import { yearBounds } from './request-statistics.ts';
import type { ClassifiedCases, Conclusion, DecisionPosition, YearPosition } from './request-statistics.ts';

/** The placed cases of a subtree and year: one row per case with its classification columns. */
function placedCases(db: Db, rootPath: string, year: number) {
  const { from, to } = yearBounds(year);
  return db
    .selectFrom('request_case as rc')
    .innerJoin('organization as o', 'o.id', 'rc.organization_id')
    .where('o.path', 'like', `${rootPath}%`)
    .where('rc.received_on', '<=', to)
    .where((eb) => eb.or([eb('rc.outcome_on', 'is', null), eb('rc.outcome_on', '>=', from)]))
    .select([
      'rc.organization_id',
      'rc.requester_type',
      'rc.channel',
      'rc.outcome',
      'rc.answer_detail',
      'rc.fee_yuan',
      sql<YearPosition>`case when rc.received_on < ${from} then 'before' else 'in' end`.as('received'),
      sql<DecisionPosition>`case when rc.outcome_on is null then 'undecided' when rc.outcome_on <= ${to} then 'in' else 'after' end`.as('decided'),
      sql<Conclusion | null>`case
        when rc.outcome_on is null then null
        when rc.reply_due is null or rc.outcome_on <= rc.reply_due then 'on-time'
        when rc.extended = 1 and rc.final_due is not null and rc.outcome_on <= rc.final_due then 'extended'
        else 'late' end`.as('conclusion'),
    ])
    .as('c');
}

interface GroupRow {
  requester_type: string;
  channel: string;
  outcome: string | null;
  answer_detail: string | null;
  received: YearPosition;
  decided: DecisionPosition;
  conclusion: Conclusion | null;
  n: number | string;
  fee: number | string | null;
}

function toClassified(r: GroupRow): ClassifiedCases {
  return {
    requesterType: r.requester_type as RequesterType,
    channel: r.channel as Channel,
    outcome: r.outcome,
    // Only the projection writes the column, from a checked event; anything else counts as no detail.
    answerDetail: isAnswerDetail(r.answer_detail) ? r.answer_detail : null,
    received: r.received,
    decided: r.decided,
    conclusion: r.conclusion,
    count: Number(r.n),
    feeYuan: Number(r.fee ?? 0),
  };
}

/**
 * The cases of the subtree under `rootPath` that the tables of `year` count (received by Dec 31,
 * not decided before Jan 1), grouped by requester type, channel, outcome and its answer detail,
 * where receipt and decision fall against the year, and timeliness.
 * @param rootPath materialized path of the subtree's root (`/1/5/`)
 * @param year the report year
 * @returns one row per group, with its case count and the fees its cases paid (元)
 */
export async function selectRequestStatisticsGroups(db: Db, rootPath: string, year: number): Promise<ClassifiedCases[]> {
  // Grouping in an outer query by column names: PostgreSQL would not match parameterized CASE
  // expressions in GROUP BY with the same expressions in SELECT.
  const rows = await db
    .selectFrom(placedCases(db, rootPath, year))
    .select((eb) => ['c.requester_type', 'c.channel', 'c.outcome', 'c.answer_detail', 'c.received', 'c.decided', 'c.conclusion', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('c.fee_yuan').as('fee')])
    .groupBy(['c.requester_type', 'c.channel', 'c.outcome', 'c.answer_detail', 'c.received', 'c.decided', 'c.conclusion'])
    .execute();
  return rows.map(toClassified);
}

/**
 * As {@link selectRequestStatisticsGroups}, grouped by organization too, so one query gives every
 * organization of a region its own groups (the annual reports of a region, src/annual-reports/).
 * @returns organization id → its groups (organizations without a counted case are absent)
 */
export async function selectRequestStatisticsGroupsByOrganization(db: Db, rootPath: string, year: number): Promise<Map<number, ClassifiedCases[]>> {
  const rows = await db
    .selectFrom(placedCases(db, rootPath, year))
    .select((eb) => ['c.organization_id', 'c.requester_type', 'c.channel', 'c.outcome', 'c.answer_detail', 'c.received', 'c.decided', 'c.conclusion', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('c.fee_yuan').as('fee')])
    .groupBy(['c.organization_id', 'c.requester_type', 'c.channel', 'c.outcome', 'c.answer_detail', 'c.received', 'c.decided', 'c.conclusion'])
    .execute();
  const byOrganization = new Map<number, ClassifiedCases[]>();
  for (const r of rows) {
    const id = Number(r.organization_id);
    let list = byOrganization.get(id);
    if (!list) byOrganization.set(id, (list = []));
    list.push(toClassified(r));
  }
  return byOrganization;
}
