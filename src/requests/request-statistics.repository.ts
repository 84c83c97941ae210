/**
 * The statistics query over `request_case`: one aggregate query per subtree and year, so a region of
 * 100,000 cases is counted in the database, not loaded. Each case is placed against the year with
 * CASE expressions that mirror `classifyCase` in src/requests/request-statistics.ts (the tests compare
 * the two on the same cases), then grouped; the pure tally turns the groups into the tables.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Channel, RequesterType } from './request-case.ts';
import { yearBounds } from './request-statistics.ts';
import type { ClassifiedCases, Conclusion, DecisionPosition, YearPosition } from './request-statistics.ts';

/**
 * The cases of the subtree under `rootPath` that the tables of `year` count (received by Dec 31,
 * not decided before Jan 1), grouped by requester type, channel, outcome, where receipt and decision
 * fall against the year, and timeliness.
 * @param rootPath materialized path of the subtree's root (`/1/5/`)
 * @param year the report year
 * @returns one row per group, with its case count and the fees its cases paid (元)
 */
export async function selectRequestStatisticsGroups(db: Db, rootPath: string, year: number): Promise<ClassifiedCases[]> {
  const { from, to } = yearBounds(year);
  const placed = db
    .selectFrom('request_case as rc')
    .innerJoin('organization as o', 'o.id', 'rc.organization_id')
    .where('o.path', 'like', `${rootPath}%`)
    .where('rc.received_on', '<=', to)
    .where((eb) => eb.or([eb('rc.outcome_on', 'is', null), eb('rc.outcome_on', '>=', from)]))
    .select([
      'rc.requester_type',
      'rc.channel',
      'rc.outcome',
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
  // Grouping in an outer query by column names: PostgreSQL would not match parameterized CASE
  // expressions in GROUP BY with the same expressions in SELECT.
  const rows = await db
    .selectFrom(placed)
    .select((eb) => ['c.requester_type', 'c.channel', 'c.outcome', 'c.received', 'c.decided', 'c.conclusion', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('c.fee_yuan').as('fee')])
    .groupBy(['c.requester_type', 'c.channel', 'c.outcome', 'c.received', 'c.decided', 'c.conclusion'])
    .execute();
  return rows.map((r) => ({
    requesterType: r.requester_type as RequesterType,
    channel: r.channel as Channel,
    outcome: r.outcome,
    received: r.received,
    decided: r.decided,
    conclusion: r.conclusion,
    count: Number(r.n),
    feeYuan: Number(r.fee ?? 0),
  }));
}
