import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport, checkReports } from './check-report.ts';
import { findingSchema } from './finding.ts';
import { buildReport, withAllCellsMissing } from './test-report-builder.ts';
import type { StructuredReport } from '../model/structured-report.ts';

void describe('checkReport', () => {
  void it('finds nothing in a clean report of each format', () => {
    for (const id of ['2014', '2019', '2021'] as const) assert.deepEqual(checkReport(buildReport(id)), [], `format ${id}`);
  });

  void it('never throws on a report with every cell missing, no sections, no claims', () => {
    const report = { ...withAllCellsMissing(buildReport('2021', { sections: [], publicationDate: null, year: null })), claims: [] };
    const findings = checkReport(report);
    assert.ok(findings.length > 0);
    assert.equal(findings.filter((f) => f.rule === 'CHECKER').length, 0);
    const tables = findings.filter((f) => f.rule === 'V09-table');
    assert.equal(tables.length, 6); // t2-1, t2-5, t2-6, t2-8, t3, t4
    assert.ok(tables.every((f) => f.severity === 'error'));
    assert.equal(findings.filter((f) => f.rule === 'V09' && f.severity === 'error').length, 6);
    for (const f of findings) findingSchema.parse(f);
  });

  void it('never throws on malformed input: an internal failure becomes a CHECKER info', () => {
    const broken = { ...buildReport('2021'), sections: undefined } as unknown as StructuredReport;
    const findings = checkReport(broken);
    assert.ok(findings.some((f) => f.rule === 'CHECKER' && f.severity === 'info'));
    const garbage = { format: { id: 'nope' } } as unknown as StructuredReport;
    assert.deepEqual(checkReport(garbage).map((f) => [f.rule, f.severity]), [['CHECKER', 'info']]);
    assert.doesNotThrow(() => checkReports([{ file: 'x', report: garbage }, { file: 'y', report: null as unknown as StructuredReport }]));
  });

  void it('sorts errors, then warnings, then info', () => {
    const report = buildReport('2019', {
      year: 2021, // V12 error
      publicationDate: null, // V11 info
      cells: { 't3/new/natural': { status: 'blank' } }, // V08 warning, identities info
    });
    const severities = checkReport(report).map((f) => f.severity);
    assert.deepEqual(severities, [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    assert.equal(severities[0], 'error');
    assert.equal(severities.at(-1), 'info');
  });

  void it('checks 200 reports in well under a second', () => {
    const report = buildReport('2021', { cells: { 't3/new/natural': 3 } });
    const start = performance.now();
    for (let i = 0; i < 200; i++) checkReport(report);
    assert.ok(performance.now() - start < 1000);
  });
});
