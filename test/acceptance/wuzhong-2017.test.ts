// Acceptance on the real 吴忠市 2017 report (2014 统计表): every statistics value read exactly, and
// the contradictions a careful reader sees between the narrative and the table found.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import type { Finding } from '../../src/reports/checker/finding.ts';
import type { StructuredReport } from '../../src/reports/model/structured-report.ts';
import { fixturePath, readFixture } from './read-fixture.ts';

describe('wuzhong-2017.txt', () => {
  let report: StructuredReport;
  let findings: Finding[];
  before(async () => {
    report = await readFixture('wuzhong-2017.txt');
    findings = checkReport(report);
  });

  it('identifies the report', () => {
    assert.equal(report.format.id, '2014');
    assert.equal(report.year, 2017);
    assert.equal(report.organization.name, '吴忠市');
    assert.equal(report.organization.kind, 'government');
    assert.deepEqual(report.publicationDate?.date, '2018-01-20');
  });

  it('reads every statistics cell exactly as printed', () => {
    const expected = JSON.parse(readFileSync(fixturePath('expected/wuzhong-2017-stats.json'), 'utf8')) as Record<string, number | string>;
    const rows = Object.keys(expected).filter((k) => !k.startsWith('_'));
    assert.equal(rows.length, 59);
    for (const row of rows) {
      const cell = report.cells.find((c) => c.id === `stats/${row}/value`);
      assert.ok(cell, `cell for ${row}`);
      if (expected[row] === 'text') {
        assert.equal(cell.status, 'text', row);
        assert.match(cell.raw, /征地拆迁占比\s*25%/);
      } else {
        assert.equal(cell.status, 'number', `${row}: ${cell.status} ${cell.raw}`);
        assert.equal(cell.value, expected[row], row);
      }
    }
  });

  it('gives each cell its line in the file', () => {
    const lines = readFileSync(fixturePath('reports/wuzhong-2017.txt'), 'utf8').split('\n');
    for (const id of ['stats/proactive-total/value', 'stats/trainees/value', 'stats/channel-wechat/value']) {
      const cell = report.cells.find((c) => c.id === id)!;
      const line = cell.position?.line;
      assert.ok(line, id);
      assert.ok(lines[line - 1]?.includes(cell.raw), `${id}: line ${line} holds ${cell.raw}`);
    }
  });

  it('ignores the stray catalog entry pasted into the narrative', () => {
    assert.ok(report.ignored.some((p) => p.reason === 'foreign-content' && p.text.includes('640300032/2018-04416')));
    assert.ok(!report.claims.some((c) => c.value === 2.9 || c.text.includes('投标费率')));
  });

  const has = (rule: string, severity: string, predicate: (f: Finding) => boolean = () => true) =>
    findings.some((f) => f.rule === rule && f.severity === severity && predicate(f));

  it('finds 125,981 proactively disclosed items in the text against 127,736 in the table', () => {
    assert.ok(has('V07', 'error', (f) => f.expected === 127736 && f.found === 125981));
  });

  it('finds the Weibo and WeChat figures swapped between text and table', () => {
    const swap = findings.filter((f) => f.rule === 'V07-swap');
    assert.equal(swap.length, 1);
    assert.equal(swap[0]?.severity, 'error');
    const ids = swap[0]?.cells.map((c) => c.id).sort();
    assert.deepEqual(ids, ['stats/channel-wechat/value', 'stats/channel-weibo/value']);
  });

  it('finds the table request-topic shares adding up to 110%, and its 其他 share differing from the text', () => {
    assert.ok(has('V07-shares', 'error', (f) => f.found === 110));
    assert.ok(has('V07-shares', 'error', (f) => /其他/.test(f.message.zh) && ((f.expected === 15 && f.found === 25) || (f.expected === 25 && f.found === 15))));
  });

  it('finds 复议诉讼 8 件 in the text against 8 + 2 in the table', () => {
    assert.ok(has('V07', 'error', (f) => f.found === 8 && f.expected === 10));
  });

  it('warns where the text and table differ in figures whose scope may differ', () => {
    assert.ok(has('V07', 'warning', (f) => f.found === 105 && f.expected === 39), 'policy interpretations 105 vs 39');
    assert.ok(has('V07', 'warning', (f) => f.found === 3 && f.expected === 22), 'training sessions 3 vs 22');
    assert.ok(has('V07', 'warning', (f) => f.found === 9 && f.expected === 22), 'press conferences 9 vs 22');
  });

  it('agrees where text and table agree (no false errors)', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    assert.equal(errors.length, 5, errors.map((f) => `${f.rule}: ${f.message.en}`).join('\n'));
    for (const value of [53919, 35, 7, 10, 18, 33, 2, 162, 347, 49]) {
      assert.ok(!findings.some((f) => f.rule === 'V07' && f.found === value), `no finding for ${value}`);
    }
  });

  it('has a publication date within the 2008 text deadline', () => {
    assert.ok(!findings.some((f) => f.rule === 'V11' && f.severity === 'error'));
  });
});
