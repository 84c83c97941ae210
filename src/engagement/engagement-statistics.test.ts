import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countEngagement, engagementFigures, sumEngagementCounts } from './engagement-statistics.ts';
import type { CountedConcernResponse, CountedInterpretation, CountedPressEvent } from './engagement-statistics.ts';

/** A year of records with hand-counted section 二 (six dated outside 2026). */
const PRESS: CountedPressEvent[] = [
  { kind: 'press_conference', heldOn: '2026-03-01', principalLeaderAttended: true, concernResponseId: null },
  { kind: 'press_conference', heldOn: '2026-05-10', principalLeaderAttended: false, concernResponseId: 7 },
  { kind: 'online_interview', heldOn: '2026-06-01', principalLeaderAttended: true, concernResponseId: null },
  { kind: 'online_interview', heldOn: '2026-07-01', principalLeaderAttended: false, concernResponseId: null },
  { kind: 'press_conference', heldOn: '2025-12-31', principalLeaderAttended: true, concernResponseId: null },
  { kind: 'press_conference', heldOn: '2027-01-01', principalLeaderAttended: false, concernResponseId: null },
];
const INTERPRETATIONS: CountedInterpretation[] = [
  { publishedOn: '2026-01-01', concernResponseId: null },
  { publishedOn: '2026-12-31', concernResponseId: 7 },
  { publishedOn: '2026-04-04', concernResponseId: null },
  { publishedOn: '2025-06-01', concernResponseId: null },
];
const CONCERNS: CountedConcernResponse[] = [
  { channel: 'weibo_wechat', respondedOn: '2026-02-02' },
  { channel: 'weibo_wechat', respondedOn: '2026-08-08' },
  { channel: 'website', respondedOn: '2026-05-05' },
  { channel: 'press', respondedOn: '2026-09-09' },
  { channel: 'media', respondedOn: '2026-10-10' },
  { channel: 'other', respondedOn: '2026-11-11' },
  { channel: 'weibo_wechat', respondedOn: '2027-01-02' },
];

void describe('engagement statistics (2014 table section 二)', () => {
  void it('counts a year by hand-computed values, both ends of the period included', () => {
    const counts = countEngagement({ pressEvents: PRESS, interpretations: INTERPRETATIONS, concernResponses: CONCERNS }, '2026-01-01', '2026-12-31');
    assert.deepEqual(counts, {
      pressConferences: 2,
      pressConferencesWithLeader: 1,
      onlineInterviews: 2,
      onlineInterviewsWithLeader: 1,
      interpretations: 3,
      concernResponses: 6,
      weiboWechatResponses: 2,
      otherResponses: 4,
      // Press events 1, 3, 4 and interpretations 1, 3 name no concern response.
      unlinkedEvents: 5,
    });
    // 6 concern responses + 5 unlinked: the press conference and interpretation answering concern 7 are not counted again.
    assert.deepEqual(engagementFigures(counts), {
      responses: 11,
      pressConferences: 2,
      pressConferencesWithLeader: 1,
      onlineInterviews: 2,
      onlineInterviewsWithLeader: 1,
      interpretations: 3,
      weiboWechatResponses: 2,
      otherResponses: 4,
    });
  });

  void it('counts nothing outside the period, and sums organizations', () => {
    const none = countEngagement({ pressEvents: PRESS, interpretations: INTERPRETATIONS, concernResponses: CONCERNS }, '2024-01-01', '2024-12-31');
    assert.equal(engagementFigures(none).responses, 0);
    const y2025 = countEngagement({ pressEvents: PRESS, interpretations: INTERPRETATIONS, concernResponses: CONCERNS }, '2025-01-01', '2025-12-31');
    assert.deepEqual([y2025.pressConferences, y2025.pressConferencesWithLeader, y2025.interpretations, y2025.unlinkedEvents], [1, 1, 1, 2]);
    const total = sumEngagementCounts([y2025, y2025, none]);
    assert.deepEqual([total.pressConferences, total.interpretations, total.unlinkedEvents, total.concernResponses], [2, 2, 4, 0]);
    assert.equal(engagementFigures(total).responses, 4);
  });
});
