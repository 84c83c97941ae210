// `gongkai report build` (issue 5 item 6): right after `gongkai demo`, the 吴忠市 roll-up
// of 2025 is computed from the records without a server and written as JSON, Markdown, PDF, DOCX
// and XLSX; the PDF and DOCX read back with the project's reader give the same cells as the JSON.
// Run in-process with main(argv, io) against a SQLite store in a temporary data directory.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { readReport } from '../../src/reports/reader/read-report.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { runCli } from '../helpers/cli.ts';
import type { CliRun } from '../helpers/cli.ts';

const clock = new FixedClock('2026-11-30T02:00:00Z');

function cellsOf(report: StructuredReport): Record<string, number | null> {
  return Object.fromEntries(report.cells.map((c) => [c.id, c.value]));
}

void describe('gongkai report build', () => {
  let dir: string;
  let env: Record<string, string>;
  let json: { report: StructuredReport; findings: { severity: string; rule: string }[] };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'));
    env = { GONGKAI_DATA_DIR: join(dir, 'data') };
    const demo = await runCli(['demo'], { env, clock });
    assert.equal(demo.status, 0, demo.stderr);
    const built = await run('report', 'build', '--org', '640300', '--year', '2025', '--scope', 'rollup', '--to', 'json');
    assert.equal(built.status, 0, built.stderr);
    json = JSON.parse(built.stdout) as typeof json;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(...args: string[]): Promise<CliRun> {
    return runCli(args, { env, clock });
  }

  void it('computes the city\'s roll-up of the demo year with no checker error', () => {
    assert.equal(json.report.title, '吴忠市人民政府2025年政府信息公开工作年度报告');
    assert.equal(json.report.format.id, '2021');
    assert.deepEqual(json.findings.filter((f) => f.severity === 'error'), []);
    // The demo year (src/demo/demo-year.ts): 228 requests received in 2025 across the region.
    assert.equal(cellsOf(json.report)['t3/new/total'], 228);
  });

  void it('writes a PDF and a DOCX that read back to the same cells', async () => {
    for (const kind of ['pdf', 'docx'] as const) {
      const out = join(dir, `roll-up.${kind}`);
      const built = await run('report', 'build', '--org', '640300', '--year', '2025', '--scope', 'rollup', '--to', kind, '--out', out);
      assert.equal(built.status, 0, built.stderr);
      assert.match(built.stderr, /0 errors/);
      const bytes = readFileSync(out);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), kind === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
      const read = await readReport(bytes, { fileName: out });
      assert.deepEqual(cellsOf(read), cellsOf(json.report), kind);
    }
  });

  void it('prints Markdown with the tables and writes XLSX', async () => {
    const md = await run('report', 'build', '--org', '640300000', '--year', '2025', '--to', 'md');
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /吴忠市人民政府2025年政府信息公开工作年度报告/);
    assert.match(md.stdout, /本年新收政府信息公开申请数量/);
    const out = join(dir, 'r.xlsx');
    const xlsx = await run('report', 'build', '--org', '640300', '--year', '2025', '--to', 'xlsx', '--out', out);
    assert.equal(xlsx.status, 0, xlsx.stderr);
    assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });

  void it('computes one department\'s own report and an earlier year in the 2019 format', async () => {
    const own = await run('report', 'build', '--org', '640300101', '--year', '2025', '--to', 'json');
    assert.equal(own.status, 0, own.stderr);
    assert.match(own.stderr, /吴忠市财政局 2025 \(2021 format, own records\)/);
    const earlier = await run('report', 'build', '--org', '640300', '--year', '2020', '--to', 'json');
    assert.match(earlier.stderr, /\(2019 format, roll-up of 12 organizations\)/);
    assert.equal((JSON.parse(earlier.stdout) as typeof json).report.format.id, '2019');
  });

  void it('refuses an unknown organization and a malformed year with exit 2, writing nothing', async () => {
    const unknown = await run('report', 'build', '--org', '999999', '--year', '2025', '--to', 'pdf', '--out', join(dir, 'none.pdf'));
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /error \[ORGANIZATION_UNKNOWN\]/);
    assert.equal(existsSync(join(dir, 'none.pdf')), false);
    const year = await run('report', 'build', '--org', '640300', '--year', '25', '--to', 'json');
    assert.equal(year.status, 2);
    assert.match(year.stderr, /error \[USAGE\]: .*--year must be a four-digit year, got 25/);
    assert.equal(year.stdout, '');
  });
});
