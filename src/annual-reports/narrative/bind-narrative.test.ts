// Binding the office's rich text to the computed numbers: sanitizing, placeholders, number
// formats, what is left unbound or unfilled, and numbers typed by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindNarrative, findLiteralNumbers, formatNarrativeValue, placeholdersOf } from './bind-narrative.ts';
import type { NarrativeValues } from './bind-narrative.ts';

/** A few 淮安 2024 cells and facts. */
const VALUES: NarrativeValues = {
  cells: {
    't3/new/total': 3119,
    't3/new/natural': 3001,
    't3/total/total': 3050,
    't3/withheld-state-secret/total': 2,
    't3/partial/business': 7,
    't3/carried-in/total': 34,
    't2-8/fees/amount': 96171.6,
    't2-1/regulations/repealed': 0,
  },
  facts: {
    year: 2024,
    'requests.new': 3119,
    'requests.concluded': 3050,
    'requests.disclosedShare': 44.7,
    'requests.disclosedOrPartlyShare': 12,
    'fees.wanYuan': 0.394,
    'fees.yuan': 3940,
    'fees.statement': '本年度共收取政府信息公开信息处理费3940元（0.394万元）。',
  },
};

void describe('bindNarrative', () => {
  void it('replaces fact and cell placeholders by their numbers', () => {
    const bound = bindNarrative('<p>本年度新收政府信息公开申请{{fact:requests.new}}件，其中自然人{{cell:t3/new/natural}}件。</p>', VALUES);
    assert.equal(bound.html, '<p>本年度新收政府信息公开申请3119件，其中自然人3001件。</p>');
    assert.equal(bound.text, '本年度新收政府信息公开申请3119件，其中自然人3001件。');
    assert.deepEqual(bound.unbound, []);
    assert.deepEqual(bound.unfilled, []);
  });

  void it('prints 万元 with up to four decimals, shares with %, sentences as they are', () => {
    const bound = bindNarrative(
      '<p>收费{{cell:t2-8/fees/amount}}万元；信息处理费{{fact:fees.wanYuan}}万元；予以公开占{{fact:requests.disclosedShare}}。</p><p>{{fact:fees.statement}}</p>',
      VALUES,
    );
    assert.equal(bound.text, '收费96171.6万元；信息处理费0.394万元；予以公开占44.7%。\n本年度共收取政府信息公开信息处理费3940元（0.394万元）。');
  });

  void it('turns paragraphs, list items and line breaks into lines', () => {
    const bound = bindNarrative('<p>一是{{fact:year}}年。</p><ul><li>甲</li><li>乙</li></ul>丙<br>丁', VALUES);
    assert.equal(bound.text, '一是2024年。\n甲\n乙\n丙\n丁');
  });

  void it('lists unknown, malformed and missing placeholders once each and leaves them in the text', () => {
    const bound = bindNarrative(
      '<p>{{fact:requests.neww}}件，{{cell:t3/nope/total}}件，{{foo}}，{{fact:requests.neww}}，{{fact:requests.carriedOver}}。</p>',
      VALUES,
    );
    assert.deepEqual(bound.unbound, ['{{fact:requests.neww}}', '{{cell:t3/nope/total}}', '{{foo}}', '{{fact:requests.carriedOver}}']);
    assert.equal(bound.text, '{{fact:requests.neww}}件，{{cell:t3/nope/total}}件，{{foo}}，{{fact:requests.neww}}，{{fact:requests.carriedOver}}。');
  });

  void it('does not take an inherited property for a fact', () => {
    assert.deepEqual(bindNarrative('{{fact:constructor}}{{fact:toString}}', VALUES).unbound, ['{{fact:constructor}}', '{{fact:toString}}']);
  });

  void it('lists the 【请填写…】 markers left, once each', () => {
    const bound = bindNarrative('<p>【请填写存在的主要问题】</p><p>【请填写改进情况】【请填写存在的主要问题】</p><p>【注意】</p>', VALUES);
    assert.deepEqual(bound.unfilled, ['【请填写存在的主要问题】', '【请填写改进情况】']);
  });

  void it('sanitizes: no script, handler or link survives; headings become h4; bold becomes strong', () => {
    const bound = bindNarrative(
      '<h2 onclick="x()">标题</h2><p><b>新收</b><script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)>{{fact:requests.new}}</p>',
      VALUES,
    );
    assert.equal(bound.html, '<h4>标题</h4><p><strong>新收</strong>链接3119</p>');
    assert.equal(bound.text, '标题\n新收链接3119');
  });

  void it('unwraps tables, keeping their text apart', () => {
    const bound = bindNarrative('<table><tr><td>甲</td><td>{{fact:requests.new}}</td></tr><tr><td>乙</td><td>2</td></tr></table>', VALUES);
    assert.equal(bound.html, '甲 3119 <br />乙 2 <br />');
    assert.equal(bound.text, '甲 3119\n乙 2');
  });

  void it('binds a placeholder inside emphasis, and escapes a sentence value', () => {
    const values: NarrativeValues = { cells: {}, facts: { 'fees.statement': '甲<乙>&丙' } };
    const bound = bindNarrative('<p><strong>{{fact:fees.statement}}</strong></p>', values);
    assert.equal(bound.html, '<p><strong>甲&lt;乙&gt;&amp;丙</strong></p>');
    assert.equal(bound.text, '甲<乙>&丙');
  });

  void it('binds the same HTML again to other values, a piece with spaces as the sanitizer prints it', () => {
    // The HTML is sanitized once and kept; the second binding must not reuse the first one's numbers.
    const html = '<p>新收{{fact:requests.new}}件。 {{fact:fees.statement}}  {{cell:  t3/nope/total}}</p>';
    const first = bindNarrative(html, VALUES);
    assert.equal(first.text, '新收3119件。 本年度共收取政府信息公开信息处理费3940元（0.394万元）。 {{cell: t3/nope/total}}');
    assert.deepEqual(first.unbound, ['{{cell:  t3/nope/total}}']);
    const second = bindNarrative(html, { cells: {}, facts: { 'requests.new': 7, 'fees.statement': '甲  乙&丙' } });
    assert.equal(second.html, '<p>新收7件。 甲  乙&amp;丙  {{cell:  t3/nope/total}}</p>');
    assert.equal(second.text, '新收7件。 甲 乙&丙 {{cell: t3/nope/total}}');
  });

  void it('binds a text holding the private-use character it cuts the prepared text at', () => {
    assert.equal(bindNarrative('<p>\uE000{{fact:requests.new}}件</p>', VALUES).text, '\uE0003119件');
  });
});

void describe('formatNarrativeValue', () => {
  void it('formats integers plain, decimals to four places, shares with %, null as —', () => {
    assert.equal(formatNarrativeValue(3985758), '3985758');
    assert.equal(formatNarrativeValue(-0), '0');
    assert.equal(formatNarrativeValue(0.0394), '0.0394');
    assert.equal(formatNarrativeValue(1 / 3), '0.3333');
    assert.equal(formatNarrativeValue(2.5), '2.5');
    assert.equal(formatNarrativeValue(44.7, '%'), '44.7%');
    assert.equal(formatNarrativeValue(100, '%'), '100%');
    assert.equal(formatNarrativeValue(null, '%'), '—');
    assert.equal(formatNarrativeValue('无'), '无');
  });
});

void describe('placeholdersOf', () => {
  void it('lists placeholders once each, in order, with their kind', () => {
    assert.deepEqual(placeholdersOf('<p>{{fact:requests.new}}件，{{ cell : t3/new/total }}，{{fact:requests.new}}，{{年份}}</p>'), [
      { raw: '{{fact:requests.new}}', kind: 'fact', key: 'requests.new' },
      { raw: '{{ cell : t3/new/total }}', kind: 'cell', key: 't3/new/total' },
      { raw: '{{年份}}', kind: 'invalid', key: '年份' },
    ]);
  });

  void it('finds none in plain text', () => {
    assert.deepEqual(placeholdersOf('本年度新收申请3119件。{单个括号}'), []);
  });
});

void describe('findLiteralNumbers', () => {
  void it('finds typed numbers equal to a cell or fact, with where they are', () => {
    const text = '本机关新收申请3119件，办结3,050件，予以公开占44.7%，信息处理费3940元。';
    assert.deepEqual(findLiteralNumbers(text, VALUES), [
      { raw: '3119', value: 3119, index: 7, cells: ['t3/new/total'], facts: ['requests.new'] },
      { raw: '3,050', value: 3050, index: 15, cells: ['t3/total/total'], facts: ['requests.concluded'] },
      { raw: '44.7', value: 44.7, index: 27, cells: [], facts: ['requests.disclosedShare'] },
      { raw: '3940', value: 3940, index: 38, cells: [], facts: ['fees.yuan'] },
    ]);
  });

  void it('compares a number followed by % with shares only, and others with counts only', () => {
    // 12 is a share fact; 7 is a cell: “12件” is no share, “7%” is no count.
    assert.deepEqual(findLiteralNumbers('部分公开12件，商业企业占7%。', VALUES), []);
    assert.deepEqual(
      findLiteralNumbers('部分公开占12%。', VALUES).map((n) => n.facts),
      [['requests.disclosedOrPartlyShare']],
    );
  });

  void it('skips dates, ordinals, document numbers, enumerators, codes, phone numbers and placeholders', () => {
    const text =
      '2024年1月2日，依据第2条和〔2021〕30号文件：1.加强培训；（2）完善制度；2、规范答复。电话0517-83605210，G2国道。{{cell:t3/new/total}}【请填写例如3119件】';
    assert.deepEqual(findLiteralNumbers(text, VALUES), []);
  });

  void it('does not compare the year fact, and finds a typed zero', () => {
    assert.deepEqual(findLiteralNumbers('报告年度2024，废止规章0件。', VALUES), [
      { raw: '0', value: 0, index: 13, cells: ['t2-1/regulations/repealed'], facts: [] },
    ]);
  });
});
