import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdentities } from './check-identities.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';
import type { BuildOptions } from './test-report-builder.ts';
import type { FormatId } from '../format/report-format.ts';

const run = (formatId: FormatId, options: BuildOptions = {}) => checkIdentities(createContext(buildReport(formatId, options)));

void describe('identities (V01–V04, V15)', () => {
  void it('passes a table of zeros and a consistent table 三', () => {
    assert.deepEqual(run('2021'), []);
    // new 21 (natural 20 + business 1), 20 disclosed + 1 carried over.
    const cells = {
      't3/new/natural': 20,
      't3/new/business': 1,
      't3/new/total': 21,
      't3/disclosed/natural': 20,
      't3/disclosed/total': 20,
      't3/total/natural': 20,
      't3/total/total': 20,
      't3/carried-over/business': 1,
      't3/carried-over/total': 1,
    };
    assert.deepEqual(run('2021', { cells }), []);
  });

  void it('V01 fails when new.total=21, carried-in=0, total=20, carried-over=0: expected 21 found 20', () => {
    const findings = run('2021', {
      cells: { 't3/new/natural': 21, 't3/new/total': 21, 't3/disclosed/natural': 20, 't3/disclosed/total': 20, 't3/total/natural': 20, 't3/total/total': 20 },
    });
    const v01 = findings.filter((f) => f.rule === 'V01');
    assert.equal(v01.length, 2); // natural and total columns
    const total = v01.find((f) => f.cells.some((c) => c.id === 't3/new/total'));
    assert.ok(total);
    assert.equal(total.severity, 'error');
    assert.equal(total.expected, 21);
    assert.equal(total.found, 20);
    assert.deepEqual(
      total.cells.map((c) => c.id),
      ['t3/new/total', 't3/carried-in/total', 't3/total/total', 't3/carried-over/total'],
    );
    assert.deepEqual(
      total.cells.map((c) => c.value),
      [21, 0, 20, 0],
    );
    assert.ok(total.cells.every((c) => c.position?.line !== undefined));
    assert.match(total.message.zh, /“总计”列/);
    assert.match(total.message.zh, /一、本年新收政府信息公开申请数量 21/);
    assert.match(total.message.zh, /= 21，而 （七）总计 20/);
    assert.match(total.message.en, /= 21, but .*= 20/);
    assert.match(total.source, /V01/);
  });

  void it('V02 fails when （七）总计 differs from the outcome rows', () => {
    const findings = run('2019', { cells: { 't3/disclosed/natural': 3, 't3/total/natural': 2 } });
    const v02 = findings.find((f) => f.rule === 'V02');
    assert.ok(v02);
    assert.equal(v02.severity, 'error');
    assert.equal(v02.expected, 2);
    assert.equal(v02.found, 3);
    assert.equal(v02.cells[0]?.id, 't3/total/natural');
    assert.equal(v02.cells.length, 1 + 19); // total + 19 outcome rows of the 2019 format (2 + 8 + 3 + 5 + 1)
  });

  void it('V03 fails when a row total differs from the requester columns', () => {
    const findings = run('2021', { cells: { 't3/carried-in/natural': 2, 't3/carried-in/research': 1, 't3/carried-in/total': 4 } });
    const v03 = findings.find((f) => f.rule === 'V03');
    assert.ok(v03);
    assert.equal(v03.expected, 4);
    assert.equal(v03.found, 3);
    assert.match(v03.message.zh, /“二、上年结转政府信息公开申请数量”行/);
    assert.match(v03.message.zh, /自然人 2/);
    assert.deepEqual(v03.cells.map((c) => c.id).slice(0, 2), ['t3/carried-in/total', 't3/carried-in/natural']);
  });

  void it('V04 fails when a table 四 group total is not the sum of its outcomes', () => {
    const findings = run('2021', { cells: { 't4/cases/reconsideration-upheld': 8, 't4/cases/reconsideration-total': 10 } });
    const v04 = findings.find((f) => f.rule === 'V04');
    assert.ok(v04);
    assert.equal(v04.severity, 'error');
    assert.equal(v04.expected, 10);
    assert.equal(v04.found, 8);
    assert.deepEqual(v04.cells.map((c) => c.id), [
      't4/cases/reconsideration-total',
      't4/cases/reconsideration-upheld',
      't4/cases/reconsideration-corrected',
      't4/cases/reconsideration-other',
      't4/cases/reconsideration-pending',
    ]);
    assert.match(v04.message.zh, /行政复议·结果维持 8/);
  });

  void it('V15 (unverified) gives warnings, for eq and le identities', () => {
    const findings = run('2014', {
      cells: { 'stats/requests-received/value': 35, 'stats/received-in-person/value': 7, 'stats/received-online/value': 10, 'stats/received-letter/value': 17, 'stats/proactive-normative/value': 5 },
    });
    const received = findings.find((f) => f.cells[0]?.id === 'stats/requests-received/value');
    assert.ok(received);
    assert.equal(received.rule, 'V15');
    assert.equal(received.severity, 'warning');
    assert.equal(received.expected, 35);
    assert.equal(received.found, 34);
    const le = findings.find((f) => f.cells[0]?.id === 'stats/proactive-normative/value');
    assert.ok(le);
    assert.equal(le.severity, 'warning');
    assert.equal(le.expected, '≤ 0');
    assert.equal(le.found, 5);
    assert.match(le.message.zh, /未经官方核实/);
  });

  void it('V15 le passes when the part does not exceed the total (吴忠 2017: 45 ≤ 127736)', () => {
    assert.deepEqual(run('2014', { cells: { 'stats/proactive-total/value': 127736, 'stats/proactive-normative/value': 45, 'stats/channel-other/value': 127736 } }), []);
  });

  void it('skips identities over blank, na, ambiguous or missing cells with one info per table', () => {
    const findings = run('2021', {
      cells: {
        't3/new/natural': { status: 'blank' },
        't3/new/business': { status: 'na', raw: '/' },
        't4/cases/reconsideration-total': { status: 'ambiguous', candidates: [0, 1] },
      },
    });
    assert.equal(findings.length, 2);
    const [t3, t4] = findings;
    assert.ok(t3 && t4);
    assert.equal(t3.severity, 'info');
    assert.equal(t3.rule, 'V01,V03');
    // skipped: V01/natural, V01/business, V03/new (row 一 is not an outcome row, so no V02)
    assert.equal(t3.found, (t3.expected as number) - 3);
    assert.match(t3.message.zh, /其中3个/);
    assert.equal(t4.rule, 'V04');
    assert.match(t4.message.en, /1 of 3 identities/);
  });
});
