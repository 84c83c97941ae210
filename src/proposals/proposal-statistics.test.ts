import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeProposalStatistics, yearPeriod } from './proposal-statistics.ts';
import type { ProposalStatisticsRecord } from './proposal-statistics.ts';

const r = (kind: ProposalStatisticsRecord['kind'], receivedOn: string, dueOn: string, repliedOn: string | null, disclosure: ProposalStatisticsRecord['disclosure'], role: ProposalStatisticsRecord['role'] = 'lead'): ProposalStatisticsRecord => ({
  kind,
  role,
  receivedOn,
  dueOn,
  repliedOn,
  disclosure,
});

/**
 * Hand-counted fixture, period 2026, today 2026-11-30:
 * NPC 1 replied on time, published; 2 replied late (07-01 > 06-15), withheld; 3 replied on the
 *   due day, pending; 4 unreplied, due 2026-12-10 (not overdue); 5 unreplied, due 2026-09-01
 *   (overdue), joint.
 * CPPCC 6 replied on time, published, joint; 7 unreplied, due 2026-11-29 (overdue).
 * Outside the period: 8 received 2025-12-31, 9 received 2027-01-01.
 */
const FIXTURE: ProposalStatisticsRecord[] = [
  r('npc_suggestion', '2026-03-15', '2026-06-15', '2026-05-20', 'published'),
  r('npc_suggestion', '2026-03-15', '2026-06-15', '2026-07-01', 'withheld'),
  r('npc_suggestion', '2026-03-15', '2026-06-15', '2026-06-15', 'pending'),
  r('npc_suggestion', '2026-09-10', '2026-12-10', null, 'pending'),
  r('npc_suggestion', '2026-06-01', '2026-09-01', null, 'pending', 'joint'),
  r('cppcc_proposal', '2026-02-20', '2026-05-20', '2026-04-01', 'published', 'joint'),
  r('cppcc_proposal', '2026-08-29', '2026-11-29', null, 'pending'),
  r('cppcc_proposal', '2025-12-31', '2026-03-31', null, 'pending'),
  r('npc_suggestion', '2027-01-01', '2027-04-01', null, 'pending'),
];

void describe('proposal statistics', () => {
  void it('counts per kind and in total for the period, with hand-computed values', () => {
    const { from, to } = yearPeriod(2026);
    const stats = computeProposalStatistics(FIXTURE, from, to, '2026-11-30');
    assert.deepEqual([stats.from, stats.to, stats.today], ['2026-01-01', '2026-12-31', '2026-11-30']);
    assert.deepEqual(stats.byKind.npc_suggestion, { received: 5, lead: 4, replied: 3, repliedOnTime: 2, replyRate: 0.6, published: 1, withheld: 1, pendingDisclosure: 3, overdue: 1 });
    assert.deepEqual(stats.byKind.cppcc_proposal, { received: 2, lead: 1, replied: 1, repliedOnTime: 1, replyRate: 0.5, published: 1, withheld: 0, pendingDisclosure: 1, overdue: 1 });
    assert.deepEqual(stats.total, { received: 7, lead: 5, replied: 4, repliedOnTime: 3, replyRate: 4 / 7, published: 2, withheld: 1, pendingDisclosure: 4, overdue: 2 });
  });

  void it('gives a null reply rate when nothing was received, and judges overdue on the given day', () => {
    const empty = computeProposalStatistics([], '2026-01-01', '2026-12-31', '2026-11-30');
    assert.equal(empty.total.replyRate, null);
    assert.equal(empty.byKind.cppcc_proposal.replyRate, null);
    assert.equal(empty.total.received, 0);
    // On 2026-12-11 record 4 is overdue too.
    assert.equal(computeProposalStatistics(FIXTURE, '2026-01-01', '2026-12-31', '2026-12-11').byKind.npc_suggestion.overdue, 2);
    // The boundary days of the period count.
    assert.equal(computeProposalStatistics(FIXTURE, '2025-12-31', '2025-12-31', '2026-11-30').total.received, 1);
  });
});
