// The DOCX and HTML readers on the official 2021 template (merged cells: colspan, rowspan, vMerge):
// empty, every cell is blank; filled with the 淮安市 2024 values, every cell is read exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { readReport } from '../../src/reports/reader/read-report.ts';
import { fixturePath, rowValues } from './read-fixture.ts';

async function read(relative: string): Promise<StructuredReport> {
  return readReport(new Uint8Array(readFileSync(fixturePath(relative))), { fileName: relative.split('/').pop()! });
}

const HUAIAN_T3 = JSON.parse(readFileSync(fixturePath('expected/huaian-2024-table3.json'), 'utf8')) as Record<string, number[]>;

function assertHuaianTables(report: StructuredReport): void {
  assert.equal(report.format.id, '2021');
  for (const [row, values] of Object.entries(HUAIAN_T3)) {
    if (!row.startsWith('_')) assert.deepEqual(rowValues(report, 't3', row), values, row);
  }
  assert.deepEqual(rowValues(report, 't4', 'cases'), [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  assert.deepEqual(rowValues(report, 't2-1', 'regulations'), [1, 0, 11]);
  assert.deepEqual(rowValues(report, 't2-1', 'normative-documents'), [8, 26, 66]);
  assert.deepEqual(rowValues(report, 't2-5', 'licensing'), [447228]);
  assert.deepEqual(rowValues(report, 't2-8', 'fees'), [96171.6]);
  assert.equal(report.tables.find((t) => t.id === 't3')?.layout, 'grid');
}

describe('the official 2021 template', () => {
  it('empty: every cell of every table is blank, and the checker says so without errors of identity', async () => {
    const report = await read('templates/annual-report-2021-template.docx');
    assert.equal(report.format.id, '2021');
    const statuses = new Set(report.cells.map((c) => c.status));
    assert.deepEqual([...statuses], ['blank']);
    const findings = checkReport(report);
    assert.ok(findings.some((f) => f.rule === 'V08' && f.severity === 'warning'));
    assert.ok(!findings.some((f) => ['V01', 'V02', 'V03', 'V04'].includes(f.rule) && f.severity === 'error'));
  });

  describe('filled with the 淮安市 2024 values', () => {
    let docx: StructuredReport;
    let html: StructuredReport;
    before(async () => {
      docx = await read('synthetic/template-2021-filled.docx');
      html = await read('synthetic/template-2021-filled.html');
    });

    it('DOCX: every table cell read exactly through the merged cells', () => assertHuaianTables(docx));

    it('HTML: every table cell read exactly through rowspan/colspan, page chrome ignored', () => {
      assertHuaianTables(html);
      assert.equal(html.source.mediaType, 'text/html');
      assert.ok(!html.claims.some((c) => c.value === 12345), 'script output is not narrative');
      assert.ok(html.claims.some((c) => c.value === 3119 && c.cells?.includes('t3/new/total')));
    });

    it('raises no identity or claim error', () => {
      for (const report of [docx, html]) {
        const errors = checkReport(report).filter((f) => f.severity === 'error' && f.rule !== 'V09' && f.rule !== 'V11');
        assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message.en}`), []);
      }
    });
  });
});
