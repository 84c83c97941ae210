/**
 * The submission dashboard's deadlines, days left, order and counts (pure), counted by hand from
 * the calendar: 2026-02-10 is 10 days after the departments' deadline 2026-01-31 and 49 days before
 * the governments' 2026-03-31 (18 days left in February, 31 in March).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Organization } from '../organizations/organization.ts';
import type { ReportStatus } from './annual-report.ts';
import { buildDashboard } from './submission-dashboard.ts';

type Org = Pick<Organization, 'id' | 'name' | 'kind' | 'path'>;
const org = (id: number, kind: Organization['kind'], path: string): Org => ({ id, name: `机关${id}`, kind, path });

void describe('buildDashboard', () => {
  const orgs = [
    org(1, 'government', '/1/'),
    org(2, 'department', '/1/2/'),
    org(3, 'department', '/1/3/'),
    org(4, 'department', '/1/4/'),
    org(5, 'department', '/1/5/'),
    org(6, 'other', '/1/6/'),
    org(7, 'government', '/1/7/'),
  ];
  const reports = new Map<number, { status: ReportStatus; submittedAt: string | null }>([
    [1, { status: 'returned', submittedAt: '2026-01-05T02:00:00.000Z' }],
    [3, { status: 'draft', submittedAt: null }],
    [4, { status: 'submitted', submittedAt: '2026-01-20T02:00:00.000Z' }],
    // 2026-01-31T17:00Z is 2026-02-01 01:00 China time: one day late.
    [5, { status: 'accepted', submittedAt: '2026-01-31T17:00:00.000Z' }],
    [7, { status: 'published', submittedAt: '2026-03-01T02:00:00.000Z' }],
  ]);

  void it('counts days to each deadline and puts the overdue first', () => {
    const d = buildDashboard(orgs, reports, 2025, '2026-02-10');
    assert.deepEqual(
      d.rows.map((r) => [r.organizationId, r.status, r.deadline, r.daysLeft, r.overdue, r.submittedLate]),
      [
        [2, 'none', '2026-01-31', -10, true, null],
        [3, 'draft', '2026-01-31', -10, true, null],
        [1, 'returned', '2026-03-31', 49, false, null],
        [6, 'none', '2026-03-31', 49, false, null],
        [4, 'submitted', '2026-01-31', null, false, false],
        [5, 'accepted', '2026-01-31', null, false, true],
        [7, 'published', '2026-03-31', null, false, false],
      ],
    );
    assert.deepEqual(d.counts, { none: 2, draft: 1, submitted: 1, returned: 1, accepted: 1, published: 1 });
    assert.equal(d.overdue, 2);
    const other = d.rows.find((r) => r.organizationId === 6);
    assert.deepEqual([other?.deadlineAssumed, other?.deadlineArticle], [true, '2019年《条例》第四十九条第二款']);
    assert.equal(d.rows.find((r) => r.organizationId === 1)?.submittedAt, null, 'a returned report is outstanding again');
  });

  void it('the 2008 text: March 31 for every organization', () => {
    const d = buildDashboard([org(2, 'department', '/1/2/')], new Map(), 2017, '2018-03-01');
    assert.deepEqual([d.rows[0]?.deadline, d.rows[0]?.daysLeft, d.rows[0]?.deadlineArticle], ['2018-03-31', 30, '2008年《条例》第三十一条']);
  });

  void it('due today is not overdue', () => {
    const d = buildDashboard([org(2, 'department', '/1/2/')], new Map(), 2025, '2026-01-31');
    assert.deepEqual([d.rows[0]?.daysLeft, d.rows[0]?.overdue], [0, false]);
  });
});
