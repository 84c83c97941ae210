import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPageNumberLine, normalizeText } from './normalize-text.ts';

void describe('normalizeText', () => {
  void it('folds CJK Radicals Supplement code points the NFKC way does not', () => {
    assert.equal(normalizeText('人\u2EA0政府'), '人民政府'); // ⺠ U+2EA0 → 民
    assert.equal(normalizeText('\u2EE3干'), '骨干'); // ⻣ U+2EE3 → 骨
    assert.equal(normalizeText('\u2EE9'), '黄'); // ⻩ → 黄
    assert.equal(normalizeText('\u2EF3'), '龟'); // also NFKC-covered
  });

  void it('folds Kangxi radicals through NFKC', () => {
    assert.equal(normalizeText('\u2F63产'), '生产'); // ⽣ → 生
    assert.equal(normalizeText('\u2F08\u2F2F'), '人工'); // ⼈⼯
  });

  void it('turns full-width digits, letters and ASCII punctuation half-width, keeps Chinese punctuation', () => {
    assert.equal(normalizeText('２０２４年'), '2024年');
    assert.equal(normalizeText('（一）予以公开：１２％，共３件'), '(一)予以公开:12%,共3件');
    assert.equal(normalizeText('《条例》、“三安全一稳定”。〔2024〕'), '《条例》、“三安全一稳定”。〔2024〕');
    assert.equal(normalizeText('ＡＢＣ'), 'ABC');
  });

  void it('removes zero-width characters, soft hyphens and controls, keeps tab and newline', () => {
    assert.equal(normalizeText('政\u200B府\u200C信\u200D息\uFEFF公\u2060开\u00AD'), '政府信息公开');
    assert.equal(normalizeText('a\u0000b\u0007c\u001Fd\u007Fe\u0085f\rg'), 'abcdefg');
    assert.equal(normalizeText('规章\t1\n行政'), '规章\t1\n行政');
  });

  void it('turns NBSP and other Unicode spaces into plain spaces without collapsing them', () => {
    assert.equal(normalizeText('a\u00A0b\u3000c\u2003d\u202Fe\u205Ff\u1680g'), 'a b c d e f g');
    assert.equal(normalizeText('　　根据'), '  根据');
  });

  void it('strips leaked markup: bold markers, tags and entities', () => {
    assert.equal(normalizeText('征地拆迁占比 <u>25%</u>'), '征地拆迁占比 25%');
    assert.equal(normalizeText('**五是**推进'), '五是推进');
    assert.equal(normalizeText('<b>一、</b>总体情况<br/>'), '一、总体情况');
    assert.equal(normalizeText('<span style="font-family: 仿宋_GB2312; font-size: 16pt">本年</span>度'), '本年度');
    assert.equal(normalizeText('A&amp;B&nbsp;C &lt;5 &gt;3 &#20013;&#x6587;'), 'A&B C <5 >3 中文');
    assert.equal(normalizeText('&#12288;'), ' ');
  });

  void it('leaves prose comparisons, escaped tags and book-title marks alone', () => {
    assert.equal(normalizeText('增长 <5% 且 >3%'), '增长 <5% 且 >3%');
    assert.equal(normalizeText('a < b and c > d'), 'a < b and c > d');
    assert.equal(normalizeText('&lt;b&gt;'), '<b>');
    assert.equal(normalizeText('《中华人民共和国政府信息公开条例》'), '《中华人民共和国政府信息公开条例》');
    assert.equal(normalizeText('2 * 3 = 6'), '2 * 3 = 6');
  });
});

void describe('isPageNumberLine', () => {
  void it('recognises decorated page numbers', () => {
    for (const line of ['-1-', '- 2 -', '— 3 —', '–4–', '第 5 页', '第5页 共6页', '第5页/共6页', '共6页 第5页', '5/6', '5 / 6', '·5·', '• 12 •', '——7——', '  - 8 -  ', 'Page 3', 'Page 3 of 9']) {
      assert.equal(isPageNumberLine(line), true, line);
    }
  });

  void it('rejects bare numbers, negative numbers and other short lines', () => {
    for (const line of ['5', '2024', '-1', '1-', '3.5', '5%', '第5条', '第 5 项', '一、总体情况', '1-2月', '- 项目 -', '', '-', '5/6/2024', '12 3']) {
      assert.equal(isPageNumberLine(line), false, line);
    }
  });
});
