/**
 * Counts of NPC deputy suggestions and CPPCC member proposals for a period: the figures of the
 * annual report's section on their handling (2014 format section 六, e.g. “承办建议 72 件 … 办复率
 * 100%”). Pure: the service loads the records, this counts them.
 */
import { isOverdue, PROPOSAL_KINDS, repliedOnTime } from './proposal.ts';
import type { Proposal, ProposalKind } from './proposal.ts';

/** What the counts read of one record. */
export type ProposalStatisticsRecord = Pick<Proposal, 'kind' | 'role' | 'receivedOn' | 'dueOn' | 'repliedOn' | 'disclosure'>;

/** The counts of one kind (or of both). */
export interface ProposalCounts {
  /** Records received in the period (each assignment counts: a suggestion handled by two organizations of a subtree counts twice). */
  received: number;
  /** Of those, where the organization is lead handler (主办): each suggestion once, even in a roll-up. */
  lead: number;
  /** Of the received, replied by now. */
  replied: number;
  /** Of the replied, replied on or before the due date. */
  repliedOnTime: number;
  /** replied / received, from 0 to 1; null when nothing was received. */
  replyRate: number | null;
  /** Handling results published. */
  published: number;
  /** Handling results withheld with a reason. */
  withheld: number;
  /** Disclosure not decided yet (replied or not). */
  pendingDisclosure: number;
  /** Not replied, due date passed (`dueOn < today`). */
  overdue: number;
}

/** The counts per kind and in total. */
export interface ProposalStatistics {
  /** The period, `YYYY-MM-DD` inclusive: records whose `receivedOn` is in it are counted. */
  from: string;
  to: string;
  /** The day overdue is judged on (China time). */
  today: string;
  byKind: Record<ProposalKind, ProposalCounts>;
  total: ProposalCounts;
}

function emptyCounts(): ProposalCounts {
  return { received: 0, lead: 0, replied: 0, repliedOnTime: 0, replyRate: null, published: 0, withheld: 0, pendingDisclosure: 0, overdue: 0 };
}

function add(counts: ProposalCounts, r: ProposalStatisticsRecord, today: string): void {
  counts.received += 1;
  if (r.role === 'lead') counts.lead += 1;
  if (r.repliedOn !== null) counts.replied += 1;
  if (repliedOnTime(r)) counts.repliedOnTime += 1;
  if (r.disclosure === 'published') counts.published += 1;
  else if (r.disclosure === 'withheld') counts.withheld += 1;
  else counts.pendingDisclosure += 1;
  if (isOverdue(r, today)) counts.overdue += 1;
}

function withRate(counts: ProposalCounts): ProposalCounts {
  return { ...counts, replyRate: counts.received === 0 ? null : counts.replied / counts.received };
}

/**
 * Counts the records received in `[from, to]` per kind and in total. Replies and disclosure are
 * counted as they stand now (a suggestion received in December and replied in February counts as
 * replied once replied); overdue is judged on `today`.
 * @param from first day `YYYY-MM-DD`
 * @param to last day `YYYY-MM-DD` (inclusive)
 * @param today China-time date `YYYY-MM-DD` (the injected clock's)
 */
export function computeProposalStatistics(records: readonly ProposalStatisticsRecord[], from: string, to: string, today: string): ProposalStatistics {
  const byKind = Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, emptyCounts()])) as Record<ProposalKind, ProposalCounts>;
  const total = emptyCounts();
  for (const r of records) {
    if (r.receivedOn < from || r.receivedOn > to) continue;
    add(byKind[r.kind], r, today);
    add(total, r, today);
  }
  return {
    from,
    to,
    today,
    byKind: Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, withRate(byKind[k])])) as Record<ProposalKind, ProposalCounts>,
    total: withRate(total),
  };
}

/** The first and last day of a year, `YYYY-MM-DD`. */
export function yearPeriod(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
