import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { isGongkaiError } from '../../shared/errors.ts';
import { isPageNumberLine } from './normalize-text.ts';
import { loadPdf, pdfDateToChinaDate } from './load-pdf.ts';
import type { SourceDocument, SourceLine } from './source-document.ts';

const pdfBytes = new Uint8Array(readFileSync(new URL('../../../test/fixtures/reports/huaian-2024.pdf', import.meta.url)));

/** The one line whose text starts with `prefix`. */
function lineStarting(doc: SourceDocument, prefix: string): SourceLine {
  const found = doc.lines.filter((l) => l.text.startsWith(prefix));
  assert.equal(found.length, 1, `exactly one line starts with ${prefix}`);
  return found[0]!;
}

const tokenTexts = (line: SourceLine): string[] => (line.tokens ?? []).map((t) => t.text);

void describe('loadPdf on huaian-2024.pdf (6 pages, WPS)', () => {
  let doc: SourceDocument;
  void before(async () => {
    doc = await loadPdf(pdfBytes);
  });

  void it('reads page count and metadata', () => {
    assert.equal(doc.mediaType, 'application/pdf');
    assert.equal(doc.pageCount, 6);
    assert.deepEqual(doc.metadata, { title: '政府信息公开工作年度报告', creationDate: '2025-02-25' });
  });

  void it('puts table 三 rows on one line each, label then seven numbers', () => {
    const row1 = lineStarting(doc, '一、本年新收政府信息公开申请数量');
    assert.deepEqual(tokenTexts(row1), ['一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119']);
    assert.equal(row1.text, '一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119');
    assert.equal(row1.position.page, 4);
    const total = lineStarting(doc, '(七)总计');
    assert.deepEqual(tokenTexts(total), ['(七)总计', '2932', '53', '0', '0', '61', '4', '3050']);
    assert.equal(total.position.page, 5);
    const carried = lineStarting(doc, '四、结转下年度继续办理');
    assert.deepEqual(tokenTexts(carried), ['四、结转下年度继续办理', '103', '0', '0', '0', '0', '0', '103']);
  });

  void it('keeps wrapped labels as the lines they are, with the numbers on their own line', () => {
    const i = doc.lines.findIndex((l) => l.text === '(二)部分公开(区分处理的,只计这一情');
    assert.ok(i > 0);
    assert.deepEqual(tokenTexts(doc.lines[i + 1]!), ['447', '7', '0', '0', '0', '0', '454']);
    assert.equal(doc.lines[i + 2]?.text, '形,不计其他情形)');
  });

  void it('puts the 15 numbers of table 四 on one line', () => {
    const line = doc.lines.find((l) => l.text.startsWith('72\t64'));
    assert.ok(line);
    assert.deepEqual(tokenTexts(line), ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']);
    assert.equal(line.text.split('\t').length, 15);
  });

  void it('reads table 二 rows', () => {
    assert.deepEqual(tokenTexts(lineStarting(doc, '行政许可')), ['行政许可', '447228']);
    assert.deepEqual(tokenTexts(lineStarting(doc, '规章')), ['规章', '1', '0', '11']);
    assert.deepEqual(tokenTexts(lineStarting(doc, '行政规范性文件')), ['行政规范性文件', '8', '26', '66']);
    assert.deepEqual(tokenTexts(lineStarting(doc, '行政事业性收费')), ['行政事业性收费', '96171.6']);
  });

  void it('records token offsets and x positions consistent with the line text', () => {
    for (const line of doc.lines) {
      if (!line.tokens) continue;
      let lastX = -Infinity;
      for (const token of line.tokens) {
        assert.equal(line.text.slice(token.offset, token.offset + token.text.length), token.text);
        assert.ok(token.x >= lastX && token.width >= 0);
        lastX = token.x;
      }
    }
    const row1 = lineStarting(doc, '一、本年新收政府信息公开申请数量');
    assert.deepEqual(
      row1.tokens?.slice(0, 2).map((t) => [t.x, t.width]),
      [
        [76.8, 119.88],
        [260.28, 14.88],
      ],
    );
  });

  void it('keeps word gaps pdf.js marks, and joins runs split without one', () => {
    assert.ok(doc.lines.some((l) => l.text === '制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。'));
    assert.ok(doc.lines.some((l) => l.text === '对照上级新要求和公众新期待,还有一些需要加强和改进的'));
  });

  void it('numbers lines over the whole document, separates pages by one empty line, drops page numbers', () => {
    doc.lines.forEach((line, i) => assert.equal(line.position.line, i + 1));
    const blanks = doc.lines.filter((l) => l.text === '');
    assert.equal(blanks.length, 5);
    for (const line of doc.lines) assert.equal(isPageNumberLine(line.text), false, line.text);
    assert.deepEqual(
      doc.dropped.map((d) => [d.reason, d.text, d.position.page]),
      [1, 2, 3, 4, 5, 6].map((p) => ['page-number', `- ${p} -`, p]),
    );
    for (const line of doc.lines) {
      if (line.text === '') continue;
      assert.ok(line.position.page !== undefined && line.position.x !== undefined && line.position.y !== undefined);
      assert.ok(line.position.y > 0 && line.position.y < 842);
    }
  });

  void it('gives the title lines of page 1 in reading order', () => {
    assert.deepEqual(
      doc.lines.slice(0, 2).map((l) => l.text),
      ['淮安市人民政府', '2024 年政府信息公开工作年度报告'],
    );
  });
});

void describe('loadPdf on damaged input', () => {
  void it('refuses a truncated PDF', async () => {
    await assert.rejects(loadPdf(pdfBytes.slice(0, 200_000)), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
  });

  void it('refuses bytes that are not a PDF', async () => {
    await assert.rejects(loadPdf(new TextEncoder().encode('%PDF-1.7\nnothing else')), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
  });
});

void describe('pdfDateToChinaDate', () => {
  void it('converts PDF dates to the China-time calendar date', () => {
    assert.equal(pdfDateToChinaDate("D:20250225100250+08'00'"), '2025-02-25');
    assert.equal(pdfDateToChinaDate("D:20250224200000-05'00'"), '2025-02-25'); // 01:00 UTC → 09:00 CST
    assert.equal(pdfDateToChinaDate('D:20241231170000Z'), '2025-01-01');
    assert.equal(pdfDateToChinaDate('D:20241231170000'), '2024-12-31'); // no offset: China local time
    assert.equal(pdfDateToChinaDate('D:2024'), '2024-01-01');
    assert.equal(pdfDateToChinaDate('yesterday'), undefined);
    assert.equal(pdfDateToChinaDate('D:20241399'), undefined);
  });
});
