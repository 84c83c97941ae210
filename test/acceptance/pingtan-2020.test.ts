// Acceptance on the real 平潭综合实验区 2020 report (2019 format) whose tables were flattened into
// one line: every cell recovered through the identities or reported ambiguous, identities checked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import type { Finding } from '../../src/reports/checker/finding.ts';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { fixturePath, readFixture, rowValues } from './read-fixture.ts';

describe('pingtan-2020.txt', () => {
  let report: StructuredReport;
  let findings: Finding[];
  before(async () => {
    report = await readFixture('pingtan-2020.txt');
    findings = checkReport(report);
  });

  it('identifies the report', () => {
    assert.equal(report.format.id, '2019');
    assert.equal(report.year, 2020);
    assert.equal(report.organization.name, '平潭综合实验区');
    assert.equal(report.publicationDate?.date, '2021-03-05');
    assert.deepEqual(
      report.sections.map((s) => s.id),
      ['preamble', 'overview', 'proactive', 'requests', 'review', 'problems', 'other'],
    );
  });

  it('recovers every cell of table 三 from the flattened digits', () => {
    const expected = JSON.parse(readFileSync(fixturePath('expected/pingtan-2020-table3.json'), 'utf8')) as Record<string, number[]>;
    for (const [row, values] of Object.entries(expected)) {
      if (row.startsWith('_')) continue;
      assert.deepEqual(rowValues(report, 't3', row), values, row);
    }
    assert.equal(report.tables.find((t) => t.id === 't3')?.layout, 'flattened');
  });

  it('recovers table 四 (fifteen zeros)', () => {
    assert.deepEqual(rowValues(report, 't4', 'cases'), new Array(15).fill(0));
  });

  it('recovers the table 二 rows whose split is unique, reports the others as ambiguous with candidates', () => {
    assert.deepEqual(rowValues(report, 't2-1', 'regulations'), [0, 0, 7]);
    assert.deepEqual(rowValues(report, 't2-8', 'fees'), [35, -15]);
    const ambiguous = new Set(report.ambiguities.map((a) => `${a.table}/${a.row}`));
    for (const id of ['t2-1/normative-documents', 't2-5/licensing', 't2-5/other-services', 't2-6/penalties', 't2-6/coercive-measures', 't2-9/central-procurement']) {
      assert.ok(ambiguous.has(id), id);
    }
    const penalties = report.ambiguities.find((a) => a.row === 'penalties')!;
    assert.ok(penalties.candidates.some((c) => c.join() === '2648,-1,8538'));
    assert.ok(penalties.candidates.some((c) => c.join() === '2648,-18,538'));
    // Every candidate starts 2648: that cell is known; the other two are not.
    const penalties0 = report.cells.filter((c) => c.table === 't2-6' && c.row === 'penalties');
    assert.deepEqual(
      penalties0.map((c) => [c.status, c.value]),
      [
        ['number', 2648],
        ['ambiguous', null],
        ['ambiguous', null],
      ],
    );
    assert.deepEqual(penalties0[1]?.candidates, [-1, -18, -185, -1853]);
  });

  it('checks the identities: the outcome rows do not add up to （七）总计', () => {
    const v02 = findings.filter((f) => f.rule === 'V02' && f.severity === 'error');
    assert.deepEqual(v02.map((f) => [f.expected, f.found]).sort(), [
      [20, 26],
      [21, 27],
    ].sort());
    assert.ok(!findings.some((f) => (f.rule === 'V01' || f.rule === 'V03' || f.rule === 'V04') && f.severity === 'error'));
  });

  it('finds the narrative breakdown 2602 = 2603', () => {
    assert.ok(findings.some((f) => f.rule === 'V07-parts' && f.expected === 2602 && f.found === 2603));
  });

  it('agrees with the narrative on 21 requests, and the publication date is on time', () => {
    assert.ok(report.claims.some((c) => c.value === 21 && c.cells?.includes('t3/new/total')));
    assert.ok(!findings.some((f) => f.rule === 'V07' && f.severity === 'error'));
    assert.ok(!findings.some((f) => f.rule === 'V11' && f.severity === 'error'));
  });
});
