import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../reports/checker/finding.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { REPORT_STATUSES } from './annual-report.ts';
import type { ReportStatus } from './annual-report.ts';
import { actionsFrom, blockingFindings, deadlineFor, isLocked, isOverdue, REPORT_ACTIONS, reportTransition, validOverrideReason, validReturnComment } from './report-workflow.ts';
import type { ReportAction } from './report-workflow.ts';

/** The code of the error `run` throws. */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(isGongkaiError(error));
    return error.code;
  }
  return 'none';
}

void describe('reportTransition: the workflow table', () => {
  void it('allows exactly the transitions of 2019 art. 49 and no others', () => {
    const allowed: string[] = [];
    for (const from of REPORT_STATUSES) {
      for (const { code } of REPORT_ACTIONS) {
        try {
          const t = reportTransition(from, code);
          allowed.push(`${from} -${code}-> ${t.to} (${t.permission} on ${t.on})`);
        } catch {
          // Refused: checked below.
        }
      }
    }
    assert.deepEqual(allowed, [
      'draft -save-> draft (reports.write on organization)',
      'draft -submit-> submitted (reports.write on organization)',
      'submitted -return-> returned (reports.review on competent-department)',
      'submitted -accept-> accepted (reports.review on competent-department)',
      'returned -save-> returned (reports.write on organization)',
      'returned -submit-> submitted (reports.write on organization)',
      'accepted -publish-> published (reports.publish on organization)',
    ]);
  });

  void it('refuses editing a locked report with REPORT_LOCKED, other refusals with ILLEGAL_TRANSITION', () => {
    const cases: [ReportStatus, ReportAction, string][] = [
      ['submitted', 'save', 'REPORT_LOCKED'],
      ['accepted', 'save', 'REPORT_LOCKED'],
      ['published', 'save', 'REPORT_LOCKED'],
      ['submitted', 'submit', 'REPORT_LOCKED'],
      ['published', 'submit', 'REPORT_LOCKED'],
      ['draft', 'accept', 'ILLEGAL_TRANSITION'],
      ['draft', 'return', 'ILLEGAL_TRANSITION'],
      ['draft', 'publish', 'ILLEGAL_TRANSITION'],
      ['submitted', 'publish', 'ILLEGAL_TRANSITION'],
      ['returned', 'accept', 'ILLEGAL_TRANSITION'],
      ['accepted', 'return', 'ILLEGAL_TRANSITION'],
      ['published', 'publish', 'ILLEGAL_TRANSITION'],
      ['published', 'return', 'ILLEGAL_TRANSITION'],
    ];
    for (const [from, action, code] of cases) assert.equal(codeOf(() => reportTransition(from, action)), code, `${from} ${action}`);
  });

  void it('gives the reason in both languages', () => {
    try {
      reportTransition('published', 'save');
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(isGongkaiError(error, 'REPORT_LOCKED'));
      assert.deepEqual(error.issues, [{ field: 'status', message: 'a published report is final', messageZh: '已公开的年度报告不能再变更' }]);
    }
  });

  void it('lists the actions of each state and which states are locked', () => {
    assert.deepEqual(actionsFrom('draft').map((t) => t.action), ['save', 'submit']);
    assert.deepEqual(actionsFrom('submitted').map((t) => t.action), ['return', 'accept']);
    assert.deepEqual(actionsFrom('published'), []);
    assert.deepEqual(REPORT_STATUSES.filter(isLocked), ['submitted', 'accepted', 'published']);
  });
});

void describe('override reason and return comment', () => {
  void it('needs at least 10 characters (code points, trimmed) for an override', () => {
    assert.equal(codeOf(() => validOverrideReason('表格数字经核实无误')), 'VALIDATION_FAILED'); // 9 characters
    assert.equal(codeOf(() => validOverrideReason('   表格数字经核实无误   ')), 'VALIDATION_FAILED');
    assert.equal(validOverrideReason(' 表格数字经核实确无误 '), '表格数字经核实确无误'); // 10
    assert.equal(codeOf(() => validOverrideReason('字'.repeat(2001))), 'VALIDATION_FAILED');
  });

  void it('needs a non-blank comment to return a report', () => {
    assert.equal(codeOf(() => validReturnComment('  \n ')), 'VALIDATION_FAILED');
    assert.equal(validReturnComment(' 请核实表二 '), '请核实表二');
  });

  void it('blocks on error findings only', () => {
    const finding = (severity: Finding['severity']): Finding => ({ rule: 'V01', severity, message: { zh: '', en: '' }, cells: [], passages: [], expected: null, found: null, source: '' });
    assert.deepEqual(blockingFindings([finding('warning'), finding('error'), finding('info')]).map((f) => f.severity), ['error']);
  });
});

void describe('deadlines (2019 art. 49; 2008 art. 31)', () => {
  void it('gives departments January 31 and governments March 31 of the next year', () => {
    assert.deepEqual(deadlineFor(2025, 'department'), { date: '2026-01-31', article: '2019年《条例》第四十九条第一款', assumed: false });
    assert.deepEqual(deadlineFor(2025, 'government'), { date: '2026-03-31', article: '2019年《条例》第四十九条第二款', assumed: false });
    assert.deepEqual(deadlineFor(2025, 'other'), { date: '2026-03-31', article: '2019年《条例》第四十九条第二款', assumed: true });
  });

  void it('gives March 31 to everyone under the 2008 text and nothing before it', () => {
    assert.equal(deadlineFor(2018, 'department')?.date, '2019-03-31');
    assert.equal(deadlineFor(2008, 'government')?.date, '2009-03-31');
    assert.equal(deadlineFor(2007, 'government'), null);
  });

  void it('is overdue the day after the deadline while the office holds the report', () => {
    const dept = { year: 2025, kind: 'department' as const };
    assert.equal(isOverdue({ ...dept, status: 'draft' }, '2026-01-31'), false);
    assert.equal(isOverdue({ ...dept, status: 'draft' }, '2026-02-01'), true);
    assert.equal(isOverdue({ ...dept, status: null }, '2026-02-01'), true);
    assert.equal(isOverdue({ ...dept, status: 'returned' }, '2026-02-01'), true);
    assert.equal(isOverdue({ ...dept, status: 'submitted' }, '2026-02-01'), false);
    assert.equal(isOverdue({ ...dept, status: 'published' }, '2026-05-01'), false);
    assert.equal(isOverdue({ year: 2025, kind: 'government', status: 'draft' }, '2026-02-01'), false);
    assert.equal(isOverdue({ year: 2025, kind: 'government', status: 'draft' }, '2026-04-01'), true);
  });
});
