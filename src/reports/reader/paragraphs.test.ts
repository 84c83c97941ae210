import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docFromText, huaian, wuzhong } from '../../../test/helpers/narrative-fixtures.ts';
import { positionAt } from './document-text.ts';
import { buildParagraphs, collapseWhitespace, indexAtOrAfter, inRanges, isHeadingLine, mergeRanges, offsetAt, paragraphsOf, textBetween } from './paragraphs.ts';

describe('collapseWhitespace', () => {
  it('drops whitespace except one space between ASCII letters or digits', () => {
    assert.equal(collapseWhitespace('主动公开政府信息 125981 条'), '主动公开政府信息125981条');
    assert.equal(collapseWhitespace(' 1  000 件\t '), '1 000件');
    assert.equal(collapseWhitespace('PPP 项目 12 个'), 'PPP项目12个');
  });
});

describe('ranges', () => {
  it('merges overlapping and touching ranges, drops empty ones', () => {
    assert.deepEqual(mergeRanges([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 5, end: 7 }, { start: 15, end: 30 }, { start: 40, end: 40 }]), [
      { start: 0, end: 7 },
      { start: 10, end: 30 },
    ]);
  });
  it('tests membership half-open', () => {
    const r = mergeRanges([{ start: 3, end: 6 }, { start: 10, end: 12 }]);
    assert.deepEqual([2, 3, 5, 6, 10, 11, 12].map((o) => inRanges(r, o)), [false, true, true, false, true, true, false]);
  });
});

describe('isHeadingLine', () => {
  it('knows headings, sub-headings and titles', () => {
    assert.equal(isHeadingLine('一、概述'), true);
    assert.equal(isHeadingLine('(一)加强基础设施建设。'), true);
    assert.equal(isHeadingLine('吴忠市2017年政府信息公开工作年度报告'), true);
    assert.equal(isHeadingLine('(一)主动公开情况。2024年,市政府网站主动公开各类政'), false);
    assert.equal(isHeadingLine('吴忠市人民政府办公室'), false);
  });
});

describe('buildParagraphs', () => {
  it('joins a sentence split by a page break and keeps offsets', () => {
    const dt = docFromText('前文(宁政\n\n \n\n\n\n办发〔2017〕80号)等文件精神。\n\n下一段。');
    const ps = buildParagraphs(dt, []);
    assert.equal(ps.length, 2);
    assert.equal(ps[0]?.text, '前文(宁政办发〔2017〕80号)等文件精神。');
    const p = ps[0];
    assert.ok(p);
    for (let i = 0; i < p.text.length; i++) assert.equal(dt.text[offsetAt(p, i)], p.text[i]);
    assert.deepEqual(positionAt(dt, offsetAt(p, p.text.indexOf('办'))), { line: 7, column: 1 });
    for (let o = p.start; o < p.end; o++) {
      const i = indexAtOrAfter(p, o);
      assert.ok(offsetAt(p, i) >= o && (i === 0 || offsetAt(p, i - 1) < o), `offset ${o}`);
    }
  });

  it('does not join after a full stop, a heading line, or before an enumerated item', () => {
    const dt = docFromText('一、概述\n\n2017 年，吴忠市认真学习。\n\n(一) 加强基础设施建设。\n\n1.强化组织保障。工作人员\n\n2.强化制度建设。');
    assert.deepEqual(
      buildParagraphs(dt, []).map((p) => [p.text, p.heading]),
      [
        ['一、概述', true],
        ['2017年,吴忠市认真学习。', false],
        ['(一)加强基础设施建设。', true],
        ['1.强化组织保障。工作人员', false],
        ['2.强化制度建设。', true],
      ],
    );
  });

  it('continues a list after ；only across a page break', () => {
    const paged = docFromText('A类占 7%；B类占 10%；\n\n\n\n\nC类占 5%。');
    assert.equal(buildParagraphs(paged, []).length, 1);
    const separate = docFromText('第一项；\n\n第二项。');
    assert.equal(buildParagraphs(separate, []).length, 2);
    const wrapped = docFromText('第一项；\n第二项。');
    assert.equal(buildParagraphs(wrapped, []).length, 1);
  });

  it('skips an excluded block pasted mid-sentence', () => {
    const { dt, foreign } = wuzhong();
    const ps = paragraphsOf(dt, foreign.ranges);
    const p = ps.find((x) => x.text.includes('政府采购项目在'));
    assert.ok(p);
    assert.match(p.text, /政府采购项目在中国政府采购网、宁夏公共资源交易服务平台/);
    assert.ok(!p.text.includes('索引号'));
  });

  it('maps an inserted space between ASCII words and digits back to the whitespace', () => {
    const dt = docFromText('共计 1\n000 件。');
    const [p] = buildParagraphs(dt, []);
    assert.ok(p);
    assert.equal(p.text, '共计1 000件。');
    assert.deepEqual([...p.text].map((_, i) => offsetAt(p, i)), [0, 1, 3, 4, 5, 6, 7, 9, 10]);
  });

  it('joins hard-wrapped PDF lines and page breaks (huaian)', async () => {
    const { dt, exclude } = await huaian();
    const texts = paragraphsOf(dt, exclude).map((p) => p.text);
    assert.ok(texts.includes('一、总体情况'));
    const requests = texts.find((t) => t.startsWith('(二)依申请公开情况。'));
    assert.ok(requests?.includes('答复3050件(含上年度结转申请34件,另有103件顺延到下年度答复)'));
    assert.ok(requests?.includes('其他结果178件,尚未审结37件;政府信息公开行政诉讼46件'));
    assert.ok(texts.some((t) => t.startsWith('对照上级新要求和公众新期待,还有一些需要加强和改进的地方。主要表现在')));
  });

  it('gives the text between two offsets, paragraph by paragraph', () => {
    const dt = docFromText('甲乙丙。\n\n丁戊己。');
    const ps = buildParagraphs(dt, []);
    assert.equal(textBetween(ps, 1, dt.text.length - 1), '乙丙。\n丁戊己');
  });
});
