import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyReviewPatch, countedOn, outcomeAsOf, reviewValuesFromInput, validateReviewCase } from './review-case.ts';
import type { ReviewCaseInput, ReviewCaseValues } from './review-case.ts';

const TODAY = '2026-11-30';

function values(overrides: Partial<ReviewCaseInput> = {}): ReviewCaseValues {
  return reviewValuesFromInput({ organizationId: 1, path: 'reconsideration', applicantName: '张某', reviewingBody: '利通区人民政府', filedOn: '2026-03-02', outcome: 'pending', ...overrides });
}

/** The fields named by the issues, in order. */
function fields(v: ReviewCaseValues): string[] {
  return validateReviewCase(v, TODAY).map((i) => i.field);
}

const suitAfter: Partial<ReviewCaseInput> = {
  path: 'suit-after-reconsideration',
  filedOn: '2026-01-05',
  reconsiderationDecidedOn: '2026-03-01',
  reconsiderationOutcome: 'upheld',
  suitFiledOn: '2026-03-10',
  decidedOn: '2026-06-30',
  outcome: 'corrected',
};

void describe('review case validation', () => {
  void it('accepts a pending reconsideration, a decided direct suit and a suit after reconsideration', () => {
    assert.deepEqual(fields(values()), []);
    assert.deepEqual(fields(values({ path: 'direct-suit', decidedOn: '2026-03-02', outcome: 'upheld' })), []);
    assert.deepEqual(fields(values(suitAfter)), []);
    assert.deepEqual(fields(values({ ...suitAfter, defendantRole: 'co-defendant' })), []);
  });

  void it('normalizes: trims text, blank optional text to null, the role defaults to original-agency', () => {
    const v = values({ applicantName: ' 张某 ', caseNumber: '  ', summary: '', decidedOn: '' });
    assert.equal(v.applicantName, '张某');
    assert.equal(v.caseNumber, null);
    assert.equal(v.summary, null);
    assert.equal(v.decidedOn, null);
    assert.equal(v.defendantRole, 'original-agency');
  });

  void it('requires applicant and reviewing body, and known path, role and outcome', () => {
    assert.deepEqual(fields(values({ applicantName: ' ', reviewingBody: '' })), ['applicantName', 'reviewingBody']);
    assert.deepEqual(fields(values({ applicantName: '张'.repeat(201) })), ['applicantName']);
    const bad = { ...values(), path: 'appeal', defendantRole: 'witness', outcome: 'won' } as unknown as ReviewCaseValues;
    assert.deepEqual(fields(bad).slice(0, 3), ['path', 'defendantRole', 'outcome']);
  });

  void it('refuses dates that are not YYYY-MM-DD real dates, or after today', () => {
    assert.deepEqual(fields(values({ filedOn: '2026-3-2' })), ['filedOn']);
    assert.deepEqual(fields(values({ filedOn: '2023-02-29' })), ['filedOn']);
    assert.deepEqual(fields(values({ filedOn: '' })), ['filedOn']);
    assert.deepEqual(fields(values({ filedOn: '2026-12-01' })), ['filedOn']);
    assert.deepEqual(fields(values({ decidedOn: '2026-13-01', outcome: 'upheld' })), ['decidedOn']);
  });

  void it('outcome is pending exactly when there is no decision date', () => {
    assert.deepEqual(fields(values({ decidedOn: '2026-04-01', outcome: 'pending' })), ['outcome']);
    assert.deepEqual(fields(values({ outcome: 'upheld' })), ['decidedOn']);
    assert.deepEqual(fields(values({ decidedOn: '2026-04-01', outcome: 'other' })), []);
  });

  void it('decidedOn ≥ filedOn (the same day is allowed)', () => {
    assert.deepEqual(fields(values({ decidedOn: '2026-03-01', outcome: 'upheld' })), ['decidedOn']);
    assert.deepEqual(fields(values({ decidedOn: '2026-03-02', outcome: 'upheld' })), []);
  });

  void it('a suit after reconsideration needs filedOn ≤ reconsiderationDecidedOn ≤ suitFiledOn ≤ decidedOn', () => {
    assert.deepEqual(fields(values({ ...suitAfter, reconsiderationDecidedOn: null, suitFiledOn: null })), ['reconsiderationDecidedOn', 'suitFiledOn']);
    assert.deepEqual(fields(values({ ...suitAfter, reconsiderationDecidedOn: '2026-01-04' })), ['reconsiderationDecidedOn']);
    assert.deepEqual(fields(values({ ...suitAfter, suitFiledOn: '2026-02-28' })), ['suitFiledOn']);
    assert.deepEqual(fields(values({ ...suitAfter, decidedOn: '2026-03-09' })), ['decidedOn']);
    // Same-day steps are allowed.
    assert.deepEqual(fields(values({ ...suitAfter, reconsiderationDecidedOn: '2026-01-05', suitFiledOn: '2026-01-05', decidedOn: '2026-01-05' })), []);
  });

  void it('refuses the reconsideration fields and a co-defendant role on the other paths', () => {
    assert.deepEqual(fields(values({ path: 'direct-suit', suitFiledOn: '2026-03-02' })), ['suitFiledOn']);
    assert.deepEqual(fields(values({ reconsiderationDecidedOn: '2026-03-05', reconsiderationOutcome: 'upheld' })), ['reconsiderationDecidedOn', 'reconsiderationOutcome']);
    assert.deepEqual(fields(values({ defendantRole: 'co-defendant' })), ['defendantRole']);
    assert.deepEqual(fields(values({ path: 'direct-suit', defendantRole: 'co-defendant' })), ['defendantRole']);
  });

  void it('every issue has an English and a Chinese message', () => {
    for (const issue of validateReviewCase(values({ applicantName: '', filedOn: 'x', outcome: 'upheld' }), TODAY)) {
      assert.ok(issue.message.length > 0 && issue.messageZh.length > 0, issue.field);
    }
  });

  void it('a patch changes only the outcome fields and normalizes them', () => {
    const before = values();
    const after = applyReviewPatch(before, { decidedOn: ' 2026-05-01 ', outcome: 'corrected', caseNumber: '（2026）宁0302行初1号', summary: ' ' });
    assert.deepEqual(after, { ...before, decidedOn: '2026-05-01', outcome: 'corrected', caseNumber: '（2026）宁0302行初1号', summary: null });
    assert.deepEqual(applyReviewPatch(before, {}), before);
  });
});

void describe('counted date and outcome as of a date', () => {
  void it('suits after reconsideration count by the suit date; the others by the filing date', () => {
    assert.equal(countedOn(values({ ...suitAfter, filedOn: '2025-12-01', reconsiderationDecidedOn: '2025-12-20', suitFiledOn: '2026-01-05' })), '2026-01-05');
    assert.equal(countedOn(values({ path: 'direct-suit', filedOn: '2025-12-30' })), '2025-12-30');
    assert.equal(countedOn(values({ filedOn: '2025-02-01' })), '2025-02-01');
  });

  void it('a decision after the date is still pending then; on the date it counts', () => {
    const decided = values({ decidedOn: '2026-01-15', outcome: 'upheld' });
    assert.equal(outcomeAsOf(decided, '2025-12-31'), 'pending');
    assert.equal(outcomeAsOf(decided, '2026-01-15'), 'upheld');
    assert.equal(outcomeAsOf(values(), '2026-12-31'), 'pending');
  });
});
