import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkShares, shareKey } from './check-shares.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';
import type { ShareSet } from '../model/structured-report.ts';

const run = (shareSets: ShareSet[]) => checkShares(createContext(buildReport('2014', { shareSets })));

const set = (id: string, origin: 'narrative' | 'table', items: [string, number][], line: number): ShareSet => ({
  id,
  origin,
  subject: '申请内容',
  items: items.map(([label, value], i) => ({ label, value, position: { line, column: 1 + i * 10 } })),
  position: { line },
});

// 吴忠 2017: the narrative (line 95) and the table (line 300) on 申请内容.
const NARRATIVE = set('s1', 'narrative', [['征地拆迁', 25], ['棚户区改造', 35], ['民生实事', 15], ['重大项目', 10], ['其他', 15]], 95);
const TABLE = set('s2', 'table', [['征地拆迁', 25], ['棚户区改造', 35], ['重大项目建设', 10], ['民生实事', 15], ['其他', 25]], 300);

void describe('shares (V07-shares)', () => {
  void it('normalises labels', () => {
    assert.equal(shareKey('机构职能类信息'), '机构职能');
    assert.equal(shareKey('其它类信息'), '其他');
    assert.equal(shareKey(' 科教文卫类 '), '科教文卫');
  });

  void it('passes a set totalling 100% (99–101 allowed for rounding)', () => {
    assert.deepEqual(run([NARRATIVE]), []);
    assert.deepEqual(run([set('s', 'narrative', [['甲', 33], ['乙', 33], ['其他', 33]], 1)]), []);
  });

  void it('the table set of 吴忠 2017 totals 110%: error', () => {
    const [f, ...rest] = run([TABLE]);
    assert.equal(rest.length, 0);
    assert.equal(f?.rule, 'V07-shares');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, 100);
    assert.equal(f?.found, 110);
    assert.match(f?.message.zh ?? '', /表格中“申请内容”的各项占比之和为 110%/);
    // A table set points at the text cell it was read from (申请公开的主要内容), not at passages.
    assert.deepEqual(f?.cells.map((c) => c.id), ['stats/request-topics/value']);
    assert.deepEqual(f?.passages, []);
  });

  void it('a partial set below 100% without 其他 is a warning, with 其他 an error', () => {
    assert.deepEqual(run([set('a', 'narrative', [['甲', 30], ['乙', 20]], 1)]).map((f) => f.severity), ['warning']);
    assert.deepEqual(run([set('a', 'narrative', [['甲', 30], ['其它', 20]], 1)]).map((f) => f.severity), ['error']);
  });

  void it('narrative 其他 15% vs table 其他 25%: one error for that label only', () => {
    const findings = run([NARRATIVE, TABLE]).filter((f) => f.expected !== 100);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, 25);
    assert.equal(f?.found, 15);
    assert.deepEqual(f?.passages.map((p) => [p.text, p.position?.line]), [['其他 15%', 95]]);
    assert.deepEqual(f?.cells.map((c) => c.id), ['stats/request-topics/value']);
    assert.match(f?.message.zh ?? '', /“其他”的占比不一致：叙述为 15%（第95行），表格为 25%（第300行）/);
  });

  void it('sets with fewer than two labels in common are not compared', () => {
    const other = set('s3', 'table', [['机构职能', 50], ['其他', 50]], 310);
    assert.deepEqual(run([NARRATIVE, other]), []);
  });
});

void describe('shares of a narrative-only set', () => {
  void it('quote every item as a passage', () => {
    const [f] = run([set('n', 'narrative', [['甲', 60], ['其他', 50]], 7)]);
    assert.deepEqual(f?.cells, []);
    assert.equal(f?.passages.length, 2);
  });
});
