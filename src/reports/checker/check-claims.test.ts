import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaims, claimAgrees, claimRange } from './check-claims.ts';
import { createContext } from './check-context.ts';
import { buildReport } from './test-report-builder.ts';
import type { BuildOptions, ClaimInit } from './test-report-builder.ts';
import type { FormatId } from '../format/report-format.ts';
import type { Claim } from '../model/structured-report.ts';
import { scanNumbers } from '../reader/claim-scanner.ts';

const run = (formatId: FormatId, options: BuildOptions = {}) => checkClaims(createContext(buildReport(formatId, options)));

const claim = (init: ClaimInit): Claim => buildReport('2014', { claims: [init] }).claims[0] as Claim;

void describe('claimAgrees', () => {
  void it('applies each qualifier', () => {
    assert.equal(claimAgrees(claim({ text: '', value: 35 }), 35), true);
    assert.equal(claimAgrees(claim({ text: '', value: 35 }), 36), false);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'at-least', upperBound: 199 }), 150), true);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'at-least', upperBound: 199 }), 200), false);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'at-least' }), 5000), true);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'at-least' }), 99), false);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'approximately' }), 110), true);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'approximately' }), 111), false);
    assert.equal(claimAgrees(claim({ text: '', value: 0, negation: true }), 0), true);
    assert.equal(claimAgrees(claim({ text: '', value: 0, negation: true }), 1), false);
    assert.equal(claimAgrees(claim({ text: '', value: 10, qualifier: 'more-than' }), 10), false);
    assert.equal(claimAgrees(claim({ text: '', value: 10, qualifier: 'at-most' }), 10), true);
    assert.equal(claimAgrees(claim({ text: '', value: 3940, unit: '元' }), 0.394, '万元'), true);
  });
});

void describe('claimAgrees with bounds (figures given in 万)', () => {
  /** The claim the scanner reads from `t` (its only one). */
  const scanned = (t: string): Claim => {
    const [c] = scanNumbers(t);
    assert.ok(c);
    const init: ClaimInit = { text: t, value: c.value, unit: c.unit, qualifier: c.qualifier };
    if (c.lowerBound !== undefined) init.lowerBound = c.lowerBound;
    if (c.upperBound !== undefined) init.upperBound = c.upperBound;
    return claim(init);
  };

  void it('compares a 万 figure with the values its printed precision allows', () => {
    // 12.77万 ⇒ 127650–127750.
    assert.equal(claimAgrees(scanned('主动公开政府信息12.77万条'), 127736), true);
    assert.equal(claimAgrees(scanned('主动公开政府信息12.77万条'), 127650), true);
    assert.equal(claimAgrees(scanned('主动公开政府信息12.77万条'), 127649), false);
    assert.equal(claimAgrees(scanned('主动公开政府信息12.77万条'), 127751), false);
    // 12.8万 ⇒ 127500–128500.
    assert.equal(claimAgrees(scanned('主动公开政府信息12.8万条'), 127736), true);
    assert.equal(claimAgrees(scanned('主动公开政府信息12.8万条'), 128501), false);
    // 3万 ⇒ 25000–35000.
    assert.equal(claimAgrees(scanned('公开信息3万条'), 25000), true);
    assert.equal(claimAgrees(scanned('公开信息3万条'), 35001), false);
    // 0.31万 ⇒ 3050–3150.
    assert.equal(claimAgrees(scanned('受理申请0.31万件'), 3119), true);
    assert.equal(claimAgrees(scanned('受理申请0.31万件'), 3151), false);
    // 1万余 ⇒ 10000–20000; 约12.8万 ⇒ 115200–140800.
    assert.equal(claimAgrees(scanned('公开各类信息1万余条'), 20000), true);
    assert.equal(claimAgrees(scanned('公开各类信息1万余条'), 9999), false);
    assert.equal(claimAgrees(scanned('主动公开约12.8万条'), 127736), true);
    assert.equal(claimAgrees(scanned('主动公开约12.8万条'), 140801), false);
  });

  void it('uses the bounds whatever the qualifier', () => {
    assert.equal(claimAgrees(claim({ text: '', value: 100, lowerBound: 95, upperBound: 105 }), 104), true);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'approximately', upperBound: 101 }), 105), false);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'less-than', lowerBound: 50 }), 49), false);
    assert.equal(claimAgrees(claim({ text: '', value: 100, qualifier: 'less-than', lowerBound: 50 }), 99), true);
    assert.equal(claimRange(claim({ text: '', value: 127700, qualifier: 'approximately', lowerBound: 127650, upperBound: 127750 })), '≈ 127700 (127650–127750)');
    assert.equal(claimRange(claim({ text: '', value: 10000, qualifier: 'at-least', upperBound: 20000 })), '10000–20000');
  });
});

void describe('claims (V07)', () => {
  void it('passes 127736 against 12.77万条 and fails it against 12.5万条', () => {
    const cells = { 'stats/proactive-total/value': 127736, 'stats/channel-other/value': 127736 };
    const stated = (text: string, value: number, lowerBound: number, upperBound: number): BuildOptions => ({
      cells,
      claims: [{ text, subject: '主动公开政府信息', value, unit: '条', qualifier: 'approximately', lowerBound, upperBound, mapping: 'proactive-total' }],
    });
    assert.deepEqual(run('2014', stated('主动公开政府信息12.77万条', 127700, 127650, 127750)), []);
    assert.deepEqual(run('2014', stated('主动公开政府信息12.8万条', 128000, 127500, 128500)), []);
    // 12.5万 ⇒ 124500–125500, which 127736 is outside.
    const [f, more] = run('2014', stated('主动公开政府信息12.5万条', 125000, 124500, 125500));
    assert.equal(more, undefined);
    assert.equal(f?.rule, 'V07');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, 127736);
    assert.equal(f?.found, '≈ 125000 (124500–125500)');
    assert.match(f?.message.zh ?? '', /称 ≈ 125000 \(124500–125500\) 条/);
  });


  void it('passes a claim equal to its cell and skips claims over a non-number cell', () => {
    assert.deepEqual(
      run('2014', {
        cells: { 'stats/requests-received/value': 35, 'stats/channel-website/value': { status: 'blank' } },
        claims: [
          { text: '受理政府信息公开申请 35 件', value: 35, mapping: 'requests-received' },
          { text: '依托政府网站公开政府信息 53919 条', value: 53919, unit: '条', mapping: 'channel-website' },
        ],
      }),
      [],
    );
  });

  void it('fails 主动公开 125981 against the table 127736 (吴忠 2017) with the passage and the cell', () => {
    const findings = run('2014', {
      cells: { 'stats/proactive-total/value': 127736, 'stats/channel-other/value': 127736 },
      claims: [{ text: '主动公开政府信息 125981 条', subject: '主动公开政府信息', value: 125981, unit: '条', mapping: 'proactive-total', position: { line: 88 } }],
    });
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f?.rule, 'V07');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.expected, 127736);
    assert.equal(f?.found, 125981);
    assert.deepEqual(f?.cells.map((c) => [c.id, c.value]), [['stats/proactive-total/value', 127736]]);
    assert.deepEqual(f?.passages, [{ claim: 'c1', text: '主动公开政府信息 125981 条', position: { line: 88 } }]);
    assert.match(f?.message.zh ?? '', /叙述“主动公开政府信息 125981 条”（第88行）称 125981 条，而统计表“（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）”（第\d+行）为 127736/);
  });

  void it('takes the severity from the claim mapping (warning mappings stay warnings)', () => {
    const [f] = run('2014', {
      cells: { 'stats/press-conferences/value': 22 },
      claims: [{ text: '召开新闻发布会 9 场次', value: 9, unit: '场次', mapping: 'press-conferences' }],
    });
    assert.equal(f?.severity, 'warning');
  });

  void it('compares a multi-cell claim with the sum (复议诉讼 8 件 vs 复议 8 + 诉讼 2)', () => {
    const [f] = run('2014', {
      cells: { 'stats/reconsideration-total/value': 8, 'stats/reconsideration-upheld/value': 8, 'stats/litigation-total/value': 2, 'stats/litigation-upheld/value': 2 },
      claims: [{ text: '受理因政府信息公开引起的复议诉讼 8 件', value: 8, mapping: 'review-total' }],
    });
    assert.equal(f?.rule, 'V07');
    assert.equal(f?.expected, 10);
    assert.equal(f?.found, 8);
    assert.deepEqual(f?.cells.map((c) => c.id), ['stats/reconsideration-total/value', 'stats/litigation-total/value']);
    assert.match(f?.message.zh ?? '', /之和为 10/);
  });

  void it('a negation claim needs a zero sum (无败诉案件 vs 被依法纠错 1)', () => {
    const ok = run('2014', { claims: [{ text: '无败诉案件', value: 0, negation: true, mapping: 'litigation-lost' }] });
    assert.deepEqual(ok, []);
    const [f] = run('2014', {
      cells: { 'stats/litigation-total/value': 1, 'stats/litigation-corrected/value': 1 },
      claims: [{ text: '无败诉案件', value: 0, negation: true, mapping: 'litigation-lost' }],
    });
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.expected, 1);
    assert.equal(f?.found, 0);
  });

  void it('an at-least claim outside its range fails with the range as found', () => {
    const [f] = run('2014', {
      cells: { 'stats/interpretations/value': 39 },
      claims: [{ text: '发布各类政策解读 105 余篇', value: 105, unit: '篇', qualifier: 'at-least', upperBound: 109, mapping: 'interpretations' }],
    });
    assert.equal(f?.found, '105–109');
    assert.equal(f?.expected, 39);
  });

  void it('V07-swap: 微信 1641 / 微博 16805 in the text, the other way round in the table → exactly one error', () => {
    const findings = run('2014', {
      cells: { 'stats/channel-weibo/value': 1641, 'stats/channel-wechat/value': 16805 },
      claims: [
        { text: '微信信息 1641 多条', subject: '微信信息', value: 1641, unit: '条', qualifier: 'at-least', upperBound: 1699, mapping: 'channel-wechat', position: { line: 90 } },
        { text: '微博信息 16805 多条', subject: '微博信息', value: 16805, unit: '条', qualifier: 'at-least', upperBound: 16899, mapping: 'channel-weibo', position: { line: 90 } },
      ],
    });
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f?.rule, 'V07-swap');
    assert.equal(f?.severity, 'error');
    assert.equal(findings.filter((x) => x.rule === 'V07').length, 0);
    assert.deepEqual(f?.cells.map((c) => [c.id, c.value]), [
      ['stats/channel-wechat/value', 16805],
      ['stats/channel-weibo/value', 1641],
    ]);
    assert.deepEqual(f?.passages.map((p) => p.claim), ['c1', 'c2']);
    assert.equal(f?.expected, '16805 / 1641');
    assert.equal(f?.found, '1641 / 16805');
    assert.match(f?.message.zh ?? '', /互换/);
  });

  void it('no swap when only one of two mismatches matches the other cell', () => {
    const findings = run('2014', {
      cells: { 'stats/channel-weibo/value': 1641, 'stats/channel-wechat/value': 500 },
      claims: [
        { text: '微信信息 1641 条', value: 1641, unit: '条', mapping: 'channel-wechat' },
        { text: '微博信息 16805 条', value: 16805, unit: '条', mapping: 'channel-weibo' },
      ],
    });
    assert.deepEqual(findings.map((f) => f.rule), ['V07', 'V07']);
  });
});
