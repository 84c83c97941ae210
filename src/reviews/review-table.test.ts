import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPECTED_2024_CITY, EXPECTED_2025_CITY, EXPECTED_2025_LITONG, REVIEW_FIXTURE } from '../../test/helpers/review-fixtures.ts';
import type { ReviewFixtureRecord } from '../../test/helpers/review-fixtures.ts';
import { checkIdentities } from '../reports/checker/check-identities.ts';
import { createContext } from '../reports/checker/check-context.ts';
import { buildReport } from '../reports/checker/test-report-builder.ts';
import { formatCells, getFormat } from '../reports/format/formats.ts';
import { REVIEW_IDENTITIES, REVIEW_TABLE } from '../reports/format/request-tables.ts';
import { reviewValuesFromInput } from './review-case.ts';
import { computeReviewTable, REVIEW_TABLE_COLUMN_IDS, reviewRows2014, reviewRows2014Cells, reviewTableCells } from './review-table.ts';
import type { ReviewTable, ReviewTableRecord } from './review-table.ts';

/** The fixture's records of the given organizations, as table records. */
function records(orgs: readonly ReviewFixtureRecord['org'][]): ReviewTableRecord[] {
  return REVIEW_FIXTURE.filter((r) => orgs.includes(r.org)).map((r) => reviewValuesFromInput({ ...r.input, organizationId: 0 }));
}

const inOrder = (t: ReviewTable): number[] => REVIEW_TABLE_COLUMN_IDS.map((id) => t.values[id]);

void describe('table 四 from records', () => {
  void it('uses exactly the 15 column ids of the format, in printed order', () => {
    assert.deepEqual(REVIEW_TABLE_COLUMN_IDS, REVIEW_TABLE.columns.map((c) => c.id));
    assert.equal(REVIEW_TABLE_COLUMN_IDS.length, 15);
  });

  void it('2025 for 利通区教育局 equals the hand count (year by filing date, outcome as of Dec 31)', () => {
    const table = computeReviewTable(records(['litongDepartment']), 2025);
    assert.deepEqual(inOrder(table), EXPECTED_2025_LITONG);
    assert.equal(table.counted, 10);
    assert.equal(table.excludedCoDefendant, 0);
  });

  void it('a roll-up over the original agency and the co-defendant reconsideration body counts the suit once', () => {
    const both = computeReviewTable(records(['litongDepartment', 'litong']), 2025);
    assert.deepEqual(inOrder(both), EXPECTED_2025_LITONG);
    assert.equal(both.counted, 10);
    assert.equal(both.excludedCoDefendant, 1);
    // The reconsideration body alone counts nothing.
    const body = computeReviewTable(records(['litong']), 2025);
    assert.deepEqual(inOrder(body), new Array<number>(15).fill(0));
    assert.equal(body.excludedCoDefendant, 1);
  });

  void it('the whole city in 2025 and 2024', () => {
    const all = records(['litongDepartment', 'litong', 'yanchiDepartment']);
    const y2025 = computeReviewTable(all, 2025);
    assert.deepEqual(inOrder(y2025), EXPECTED_2025_CITY);
    assert.deepEqual([y2025.counted, y2025.excludedCoDefendant], [11, 1]);
    const y2024 = computeReviewTable(all, 2024);
    assert.deepEqual(inOrder(y2024), EXPECTED_2024_CITY);
    assert.deepEqual([y2024.counted, y2024.excludedCoDefendant], [3, 0]);
    assert.equal(computeReviewTable(all, 2023).counted, 0);
    assert.equal(computeReviewTable(all, 2026).counted, 1);
  });

  void it('passes table 四 identities (V04) of the report checker; a wrong total fails them', () => {
    const all = records(['litongDepartment', 'litong', 'yanchiDepartment']);
    for (const year of [2024, 2025]) {
      const cells = reviewTableCells(computeReviewTable(all, year));
      for (const identity of REVIEW_IDENTITIES) for (const id of [...identity.left, ...identity.right]) assert.ok(id in cells, id);
      for (const format of ['2019', '2021'] as const) {
        assert.deepEqual(checkIdentities(createContext(buildReport(format, { cells }))), [], `${format} ${year}`);
      }
    }
    const cells = reviewTableCells(computeReviewTable(all, 2025));
    const broken = { ...cells, 't4/cases/reconsideration-total': 7 };
    const findings = checkIdentities(createContext(buildReport('2021', { cells: broken })));
    assert.deepEqual(findings.map((f) => [f.rule, f.expected, f.found]), [['V04', 7, 6]]);
  });

  void it('2014 rows 四/五: pending counted under 其他情形, suits of both paths together; they pass the 2014 identities', () => {
    const rows = reviewRows2014(computeReviewTable(records(['litongDepartment']), 2025));
    assert.deepEqual(rows, {
      'reconsideration-total': 5,
      'reconsideration-upheld': 1,
      'reconsideration-corrected': 1,
      'reconsideration-other': 3,
      'litigation-total': 5,
      'litigation-upheld': 2,
      'litigation-corrected': 1,
      'litigation-other': 2,
    });
    const cells = reviewRows2014Cells(rows);
    const known = new Set(formatCells(getFormat('2014')).map((c) => c.id));
    for (const id of Object.keys(cells)) assert.ok(known.has(id), id);
    assert.deepEqual(checkIdentities(createContext(buildReport('2014', { cells }))), []);
    const broken = checkIdentities(createContext(buildReport('2014', { cells: { ...cells, 'stats/litigation-total/value': 4 } })));
    assert.deepEqual(broken.map((f) => f.rule), ['V15']);
  });
});
