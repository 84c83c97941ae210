import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutTableGrid, loadHtml } from './load-html.ts';

const nums = (...values: number[]): string => values.map((v) => `<td>${v}</td>`).join('');

/** Table 三 of the 2021 format, shortened: same header spans, a row-group cell with rowspan. */
const TABLE_3 = `<!DOCTYPE html>
<html><head><title>某某县 2024 年政府信息公开工作年度报告</title>
<style>td { border: 1px solid }</style><script>var x = '<p>不是正文</p>';</script></head>
<body>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table border="1">
<tbody>
<tr><td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，</p><p>等于第三项加第四项之和）</p></td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td><p>商业</p><p>企业</p></td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${nums(3001, 53, 0, 0, 61, 4, 3119)}</tr>
<tr><td rowspan="4">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${nums(1288, 21, 0, 0, 50, 3, 1362)}</tr>
<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${nums(447, 7, 0, 0, 0, 0, 454)}</tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td>${nums(2, 0, 0, 0, 0, 0, 2)}</tr>
<tr><td>2.其他法律行政法规禁止公开</td><td>30</td><td>1</td><td></td><td>&nbsp;</td><td>\u3000</td><td>0</td><td>31</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td>${nums(103, 0, 0, 0, 0, 0, 103)}</tr>
</tbody>
</table>
<p>注：数据截至 2024 年 12 月 31 日。</p>
</body></html>`;

void describe('loadHtml', () => {
  void it('lays table 三 out on its real grid, one tab-separated line per row', () => {
    const doc = loadHtml(TABLE_3);
    assert.equal(doc.mediaType, 'text/html');
    assert.deepEqual(doc.metadata, { title: '某某县 2024 年政府信息公开工作年度报告' });
    assert.deepEqual(
      doc.lines.map((l) => l.text),
      [
        '三、收到和处理政府信息公开申请情况',
        '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t',
        '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
        '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
        '一、本年新收政府信息公开申请数量\t\t\t3001\t53\t0\t0\t61\t4\t3119',
        '三、本年度办理结果\t(一)予以公开\t\t1288\t21\t0\t0\t50\t3\t1362',
        '\t(二)部分公开(区分处理的,只计这一情形,不计其他情形)\t\t447\t7\t0\t0\t0\t0\t454',
        '\t(三)不予公开\t1.属于国家秘密\t2\t0\t0\t0\t0\t0\t2',
        '\t\t2.其他法律行政法规禁止公开\t30\t1\t\t\t\t0\t31',
        '四、结转下年度继续办理\t\t\t103\t0\t0\t0\t0\t0\t103',
        '注:数据截至 2024 年 12 月 31 日。',
      ],
    );
    // every table row has the table's 10 columns; table lines are marked, others not
    const tableLines = doc.lines.filter((l) => l.fromTable === true);
    assert.equal(tableLines.length, 9);
    for (const line of tableLines) assert.equal(line.text.split('\t').length, 10);
    assert.equal(doc.lines[0]?.fromTable, undefined);
    assert.deepEqual(
      doc.lines.map((l) => l.position),
      doc.lines.map((_, i) => ({ line: i + 1, column: 1 })),
    );
    assert.deepEqual(doc.dropped, []);
  });

  void it('breaks lines at block elements and <br>, drops script/style/head, decodes entities', () => {
    const doc = loadHtml(
      '<div>一、总体情况<p>本机关&amp;下属单位</p>共公开<b>1,234</b>条<br>二、主动公开</div><ul><li>甲</li><li>乙</li></ul><noscript>x</noscript>',
    );
    assert.deepEqual(
      doc.lines.map((l) => l.text),
      ['一、总体情况', '本机关&下属单位', '共公开1,234条', '二、主动公开', '甲', '乙'],
    );
  });

  void it('drops a source line break between CJK characters but keeps it as a space between words', () => {
    const doc = loadHtml('<p>政府信息\n    公开工作\n2024\nannual report</p>');
    assert.deepEqual(doc.lines.map((l) => l.text), ['政府信息公开工作 2024 annual report']);
  });

  void it('walks layout tables (a table holding a table) as blocks', () => {
    const doc = loadHtml('<table><tr><td><p>标题</p><table><tr><td>规章</td><td>1</td></tr></table><p>正文</p></td></tr></table>');
    assert.deepEqual(
      doc.lines.map((l) => [l.text, l.fromTable ?? false]),
      [
        ['标题', false],
        ['规章\t1', true],
        ['正文', false],
      ],
    );
  });

  void it('keeps line breaks inside <pre>', () => {
    const doc = loadHtml('<pre>一、总体情况\n\n规章  1</pre>');
    assert.deepEqual(doc.lines.map((l) => l.text), ['一、总体情况', '', '规章 1']);
  });
});

void describe('layoutTableGrid', () => {
  void it('clips rowspans past the last row and honours rowspan=0', () => {
    const cell = (text: string, rowspan = 1, colspan = 1) => ({ text, rowspan, colspan });
    assert.deepEqual(layoutTableGrid([[cell('a', 5), cell('b')], [cell('c')]]), [
      ['a', 'b'],
      ['', 'c'],
    ]);
    assert.deepEqual(layoutTableGrid([[cell('a', 0), cell('b', 1, 2)], [cell('c')], [cell('d'), cell('e')]]), [
      ['a', 'b', ''],
      ['', 'c', ''],
      ['', 'd', 'e'],
    ]);
  });
});
