import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../checker/test-report-builder.ts';
import { reportConsistencyIssues } from './report-consistency.ts';

describe('reportConsistencyIssues', () => {
  it('accepts a report as the reader builds it', () => {
    assert.deepEqual(reportConsistencyIssues(buildReport('2021')), []);
    assert.deepEqual(reportConsistencyIssues(buildReport('2014')), []);
  });

  it('names unknown, repeated and self-contradicting cells, absent cells and an implausible year', () => {
    const report = buildReport('2021');
    const [first, second] = report.cells;
    assert.ok(first && second);
    const bad = {
      ...report,
      year: -1,
      cells: [
        { ...first, status: 'number' as const, value: null },
        { ...first },
        { ...second, status: 'blank' as const, value: 3 },
        { ...second, id: 't9/bogus/x', table: 't9', row: 'bogus', column: 'x' },
        ...report.cells.slice(3),
      ],
    };
    const issues = reportConsistencyIssues(bad);
    assert.ok(issues.some((i) => i.includes(`cell ${first.id} has status number but no value`)));
    assert.ok(issues.some((i) => i.includes(`cell ${first.id} appears more than once`)));
    assert.ok(issues.some((i) => i.includes(`cell ${second.id} has status blank but a value`)));
    assert.ok(issues.some((i) => i.includes('cell t9/bogus/x is not a cell of format 2021')));
    assert.ok(issues.some((i) => /1 cell\(s\) of format 2021 are absent/.test(i)));
    assert.ok(issues.some((i) => i.includes('year -1')));
  });
});
