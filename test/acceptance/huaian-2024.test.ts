// Acceptance on the real 淮安市人民政府 2024 report, a PDF in the 2021 format: all three tables
// read exactly from the text layer, and no false error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import type { Finding } from '../../src/reports/checker/finding.ts';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { fixturePath, readFixture, rowValues } from './read-fixture.ts';

describe('huaian-2024.pdf', () => {
  let report: StructuredReport;
  let findings: Finding[];
  before(async () => {
    report = await readFixture('huaian-2024.pdf');
    findings = checkReport(report);
  });

  it('identifies the report', () => {
    assert.equal(report.format.id, '2021');
    assert.equal(report.year, 2024);
    assert.equal(report.organization.name, '淮安市人民政府');
    assert.equal(report.organization.kind, 'government');
    assert.equal(report.source.pageCount, 6);
  });

  it('reads table 二 exactly', () => {
    assert.deepEqual(rowValues(report, 't2-1', 'regulations'), [1, 0, 11]);
    assert.deepEqual(rowValues(report, 't2-1', 'normative-documents'), [8, 26, 66]);
    assert.deepEqual(rowValues(report, 't2-5', 'licensing'), [447228]);
    assert.deepEqual(rowValues(report, 't2-6', 'penalties'), [3985758]);
    assert.deepEqual(rowValues(report, 't2-6', 'coercive-measures'), [88283]);
    assert.deepEqual(rowValues(report, 't2-8', 'fees'), [96171.6]);
  });

  it('reads table 三 exactly, cell by cell, with page positions', () => {
    const expected = JSON.parse(readFileSync(fixturePath('expected/huaian-2024-table3.json'), 'utf8')) as Record<string, number[]>;
    const rows = Object.keys(expected).filter((k) => !k.startsWith('_'));
    assert.equal(rows.length, 25);
    for (const row of rows) assert.deepEqual(rowValues(report, 't3', row), expected[row], row);
    assert.deepEqual(rowValues(report, 't3', 'new'), [3001, 53, 0, 0, 61, 4, 3119]);
    const cell = report.cells.find((c) => c.id === 't3/new/natural')!;
    assert.equal(cell.position?.page, 4);
    assert.ok(typeof cell.position?.x === 'number');
  });

  it('reads table 四 exactly', () => {
    assert.deepEqual(rowValues(report, 't4', 'cases'), [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  });

  it('raises no error: identities hold and the narrative agrees with the tables', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message.en}`), []);
    const mapped = report.claims.filter((c) => c.cells);
    for (const value of [3119, 3050, 34, 103, 351, 72, 64, 178, 37, 46, 25, 5, 9, 7]) {
      assert.ok(mapped.some((c) => c.value === value), `claim ${value} mapped to cells`);
    }
  });
});
