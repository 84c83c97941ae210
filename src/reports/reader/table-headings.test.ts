// Tables 二, 三, 四 and their sections are found under every heading form reports print: the
// ordinal as 四、 四． (四) 第四部分 `四 ` 4、 4., and the title wordings of 60号 and 30号; without a
// heading, by the table's own header; and out of order. The variants are made by string
// replacement on test/fixtures/synthetic/clean-2021.txt (the 淮安 2024 values as tab-separated lines).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkReport } from '../checker/check-report.ts';
import { FORMAT_2019 } from '../format/format-2019.ts';
import { FORMAT_2021 } from '../format/format-2021.ts';
import type { StructuredReport } from '../model/structured-report.ts';
import { documentText } from './document-text.ts';
import { textToSourceDocument } from './load-text.ts';
import { readDocument } from './read-report.ts';
import { detectSections } from './section-detector.ts';
import { loadPdf } from './load-pdf.ts';
import { extractTables } from './table-extractor.ts';
import type { TableExtraction } from './table-extractor.ts';

const fixture = (relative: string): URL => new URL(`../../../test/fixtures/${relative}`, import.meta.url);
const CLEAN = readFileSync(fixture('synthetic/clean-2021.txt'), 'utf8');
const T3 = JSON.parse(readFileSync(fixture('expected/huaian-2024-table3.json'), 'utf8')) as Record<string, number[]>;
const T3_ROWS = Object.keys(T3).filter((k) => !k.startsWith('_'));
const T4 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
const T2: [string, string, number[]][] = [
  ['t2-1', 'regulations', [1, 0, 11]],
  ['t2-1', 'normative-documents', [8, 26, 66]],
  ['t2-5', 'licensing', [447228]],
  ['t2-6', 'penalties', [3985758]],
  ['t2-6', 'coercive-measures', [88283]],
  ['t2-8', 'fees', [96171.6]],
];

const H2 = '二、主动公开政府信息情况';
const H3 = '三、收到和处理政府信息公开申请情况';
const H4 = '四、政府信息公开行政复议、行政诉讼情况';
const T3_HEADER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n';

/** The text with `from` (which must occur exactly once) replaced by `to`. */
function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `exactly one "${from}"`);
  return text.replace(from, () => to);
}

/** Reads a report given as text (2021 format decided from its tables). */
const read = (text: string): StructuredReport => readDocument(textToSourceDocument(text), { fileName: 'variant.txt' });

const rowValues = (report: Pick<StructuredReport, 'cells'>, table: string, row: string): (number | null)[] =>
  report.cells.filter((c) => c.table === table && c.row === row).map((c) => (c.status === 'number' ? c.value : null));

function assertT2(report: Pick<StructuredReport, 'cells'>, what: string): void {
  for (const [table, row, values] of T2) assert.deepEqual(rowValues(report, table, row), values, `${what}: ${table}/${row}`);
}
function assertT3(report: Pick<StructuredReport, 'cells'>, what: string): void {
  assert.equal(T3_ROWS.length, 25);
  for (const row of T3_ROWS) assert.deepEqual(rowValues(report, 't3', row), T3[row], `${what}: t3/${row}`);
}
function assertT4(report: Pick<StructuredReport, 'cells'>, what: string): void {
  assert.deepEqual(rowValues(report, 't4', 'cases'), T4, `${what}: t4`);
}
/** The ids of the sections found after the preamble. */
const sectionIds = (report: StructuredReport): string[] => report.sections.map((s) => s.id).filter((id) => id !== 'preamble');
const SIX = ['overview', 'proactive', 'requests', 'review', 'problems', 'other'];

/** The ordinal forms of section `n` (Chinese numeral) / `d` (its digit), and the title joined to it. */
const ordinals = (n: string, d: string): ((title: string) => string)[] => [
  (t) => `${n}、${t}`,
  (t) => `${n}．${t}`,
  (t) => `${n}.${t}`,
  (t) => `（${n}）${t}`,
  (t) => `(${n})${t}`,
  (t) => `第${n}部分 ${t}`,
  (t) => `第${n}部分：${t}`,
  (t) => `第${n}部分${t}`,
  (t) => `${n} ${t}`,
  (t) => `${n}\u3000${t}`,
  (t) => `${d}、${t}`,
  (t) => `${d}.${t}`,
  (t) => `${d}．${t}`,
];

/** Every heading variant of a section: each ordinal form with the standard title, and each title wording. */
function variants(n: string, d: string, title: string, titles: readonly string[]): string[] {
  return [...ordinals(n, d).map((form) => form(title)), ...titles.map((t) => `${n}、${t}`), ...titles.map((t) => `（${n}）${t}`)];
}

void describe('clean-2021.txt: a clean 2021-format text report with the 淮安 2024 values', () => {
  const report = read(CLEAN);

  void it('reads tables 二, 三 and 四 exactly, all six sections, and checks with no error', () => {
    assertT2(report, 'clean');
    assertT3(report, 'clean');
    assertT4(report, 'clean');
    assert.deepEqual(sectionIds(report), SIX);
    assert.ok(report.tables.every((t) => t.found));
    assert.deepEqual(report.notes.filter((n) => n.code.startsWith('TABLE')), []);
    assert.deepEqual(report.ambiguities, []);
    const errors = checkReport(report).filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message.en}`), []);
  });
});

void describe('table 四 and section 四 under every heading form', () => {
  const cases = variants('四', '4', '政府信息公开行政复议、行政诉讼情况', [
    '行政复议、行政诉讼情况',
    '因政府信息公开申请提起行政复议、行政诉讼情况',
    '政府信息公开行政复议、行政诉讼的情况',
    '因政府信息公开申请行政复议、提起行政诉讼的情况',
    '政府信息公开行政复议和行政诉讼情况',
  ]);

  for (const heading of cases) {
    void it(`reads the 15 values and finds section review under ${heading}`, () => {
      const report = read(replaceOnce(CLEAN, H4, heading));
      assertT4(report, heading);
      assertT3(report, heading);
      assert.deepEqual(sectionIds(report), SIX, heading);
      const review = report.sections.find((s) => s.id === 'review');
      assert.equal(review?.number, '四', heading);
      assert.equal(review?.position?.line, CLEAN.split('\n').indexOf(H4) + 1, heading);
      assert.deepEqual(report.notes.filter((n) => n.code.startsWith('TABLE')), [], heading);
      assert.deepEqual(checkReport(report).filter((f) => f.severity === 'error').map((f) => f.rule), [], heading);
    });
  }

  void it('finds table 四 by its column headings when no heading is printed, or an unknown one', () => {
    for (const heading of ['', '四、复议诉讼情况统计']) {
      const report = read(replaceOnce(CLEAN, `${H4}\n`, heading === '' ? '' : `${heading}\n`));
      assertT4(report, JSON.stringify(heading));
      assertT3(report, JSON.stringify(heading));
      const note = report.notes.find((n) => n.code === 'TABLE_HEADING_NOT_FOUND');
      assert.match(note?.message ?? '', /^t4: .*recognised by its header$/);
    }
  });

  void it('does not take a narrative sentence naming 行政复议 … 行政诉讼 … 结果维持 … 尚未审结 for the table header', () => {
    const narrative = '因政府信息公开申请引起的行政复议、行政诉讼案件共0件，其中结果维持0件，结果纠正0件，其他结果0件，尚未审结0件。';
    const ex = extractTables(documentText(textToSourceDocument(`一、总体情况\n${narrative}\n五、存在的主要问题及改进情况\n无。`)), FORMAT_2021);
    assert.equal(ex.tables.find((t) => t.id === 't4')?.found, false);
  });
});

void describe('淮安 2024 PDF with a heading line left out (column headings broken over PDF lines)', () => {
  /** The PDF's lines without the line `heading`, read as tables of the 2021 format. */
  async function withoutLine(heading: string): Promise<TableExtraction> {
    const doc = await loadPdf(new Uint8Array(readFileSync(fixture('reports/huaian-2024.pdf'))));
    const lines = doc.lines.filter((l) => l.text.replace(/\s+/g, '') !== heading);
    assert.equal(lines.length, doc.lines.length - 1, heading);
    return extractTables(documentText({ ...doc, lines }), FORMAT_2021);
  }

  void it('finds table 四 by its header and table 三 by its top-left cell', async () => {
    for (const heading of [H4, H3]) {
      const ex = await withoutLine(heading);
      assertT3(ex, heading);
      assertT4(ex, heading);
      assert.equal(ex.notes.filter((n) => n.code === 'TABLE_HEADING_NOT_FOUND').length, 1, heading);
    }
  });
});

void describe('table 三 and section 三 under every heading form', () => {
  const cases = variants('三', '3', '收到和处理政府信息公开申请情况', ['收到和处理政府信息公开申请的情况', '受理和处理政府信息公开申请情况', '收到和处理申请情况']);

  for (const heading of cases) {
    void it(`reads every row and finds section requests under ${heading}`, () => {
      const report = read(replaceOnce(CLEAN, H3, heading));
      assertT3(report, heading);
      assertT2(report, heading);
      assertT4(report, heading);
      assert.deepEqual(sectionIds(report), SIX, heading);
      assert.equal(report.sections.find((s) => s.id === 'requests')?.position?.line, CLEAN.split('\n').indexOf(H3) + 1, heading);
      assert.deepEqual(report.notes.filter((n) => n.code.startsWith('TABLE')), [], heading);
    });
  }

  void it('finds table 三 by its top-left header cell without a heading, else by its first rows', () => {
    const noHeading = read(replaceOnce(CLEAN, `${H3}\n`, ''));
    assertT3(noHeading, 'no heading');
    assertT4(noHeading, 'no heading');
    assert.match(noHeading.notes.find((n) => n.code === 'TABLE_HEADING_NOT_FOUND')?.message ?? '', /^t3: .*recognised by its header$/);
    // The header line is part of the table region, not narrative of section 二.
    assert.ok(!noHeading.sections.some((s) => s.text.includes('勾稽关系')));

    const bare = read(replaceOnce(replaceOnce(CLEAN, `${H3}\n`, ''), T3_HEADER, ''));
    assertT3(bare, 'no heading, no header');
    assertT4(bare, 'no heading, no header');
    assert.match(bare.notes.find((n) => n.code === 'TABLE_HEADING_NOT_FOUND')?.message ?? '', /^t3: .*recognised by its rows$/);
  });
});

void describe('table 二 and section 二 under every heading form', () => {
  const cases = variants('二', '2', '主动公开政府信息情况', ['主动公开政府信息的情况', '政府信息主动公开情况', '主动公开情况']);

  for (const heading of cases) {
    void it(`reads every block and finds section proactive under ${heading}`, () => {
      const report = read(replaceOnce(CLEAN, H2, heading));
      assertT2(report, heading);
      assertT3(report, heading);
      assert.deepEqual(sectionIds(report), SIX, heading);
      assert.equal(report.sections.find((s) => s.id === 'proactive')?.position?.line, CLEAN.split('\n').indexOf(H2) + 1, heading);
      assert.deepEqual(report.notes.filter((n) => n.code.startsWith('TABLE')), [], heading);
    });
  }

  void it('keeps section 二 at its heading when section 一 has a sub-heading (二)主动公开政府信息情况', () => {
    const text = replaceOnce(CLEAN, '（三）政府信息管理情况。', '（二）主动公开政府信息情况\n（三）政府信息管理情况。');
    const report = read(text);
    assert.deepEqual(sectionIds(report), SIX);
    assert.equal(report.sections.find((s) => s.id === 'proactive')?.position?.line, text.split('\n').indexOf(H2) + 1);
    assert.ok(report.sections.find((s) => s.id === 'overview')?.text.includes('政府信息管理情况'));
  });
});

void describe('headings in other forms everywhere at once, and tables out of order', () => {
  void it('reads a report whose six headings are all 第N部分', () => {
    const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
    let text = CLEAN;
    ['一', '二', '三', '四', '五', '六'].forEach((n, i) => {
      text = replaceOnce(text, `${n}、${titles[i] ?? ''}\n`, `第${n}部分 ${titles[i] ?? ''}\n`);
    });
    const report = read(text);
    assert.deepEqual(sectionIds(report), SIX);
    assertT2(report, '第N部分');
    assertT3(report, '第N部分');
    assertT4(report, '第N部分');
  });

  void it('finds table 四 printed before table 三', () => {
    const lines = CLEAN.split('\n');
    const start4 = lines.indexOf(H4);
    const t4 = lines.slice(start4, start4 + 6); // heading, three header lines, values, blank line
    assert.equal(t4[4], T4.join('\t'));
    const rest = [...lines.slice(0, start4), ...lines.slice(start4 + 6)];
    const text = [...rest.slice(0, rest.indexOf(H3)), ...t4, ...rest.slice(rest.indexOf(H3))].join('\n');
    const dt = documentText(textToSourceDocument(text));
    const ex = extractTables(dt, FORMAT_2021);
    assertT3(ex, 'swapped');
    assertT4(ex, 'swapped');
    assertT2(ex, 'swapped');
    assert.ok(ex.tables.every((t) => t.found));
    const t3Line = ex.tables.find((t) => t.id === 't3')?.position?.line ?? 0;
    const t4Line = ex.tables.find((t) => t.id === 't4')?.position?.line ?? 0;
    assert.ok(t4Line > 0 && t4Line < t3Line);
    let end = 0;
    for (const region of ex.regions) {
      assert.ok(region.start >= end && region.end >= region.start, JSON.stringify(region));
      end = region.end;
    }
  });
});

void describe('the introduction listing the section titles is not a heading (平潭 2020)', () => {
  const text = readFileSync(fixture('reports/pingtan-2020.txt'), 'utf8');
  const intro = '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、';

  void it('reads pingtan as before: the tables after their headings, the six sections', () => {
    assert.ok(text.includes(intro));
    const report = read(text);
    assert.equal(report.format.id, '2019');
    const dt = documentText(textToSourceDocument(text));
    const ex = extractTables(dt, FORMAT_2019);
    const introAt = dt.text.indexOf('本报告包括总体情况');
    for (const id of ['t3', 't4']) {
      const table = ex.tables.find((t) => t.id === id);
      assert.equal(table?.found, true, id);
      const region = ex.regions.find((r) => dt.text.slice(r.start, r.end).includes(id === 't3' ? '本年新收' : '结果维持'));
      assert.ok(region && region.start > introAt + intro.length, `${id} region after the introduction`);
    }
    assert.deepEqual(rowValues(ex, 't4', 'cases'), new Array<number>(15).fill(0));
    assert.deepEqual(rowValues(ex, 't3', 'new'), [20, 0, 0, 0, 0, 1, 21]);
    assert.deepEqual(
      report.sections.filter((s) => s.id !== 'preamble').map((s) => [s.id, s.title]),
      [
        ['overview', '总体情况'],
        ['proactive', '主动公开政府信息情况'],
        ['requests', '收到和处理政府信息公开申请情况'],
        ['review', '政府信息公开行政复议、行政诉讼情况'],
        ['problems', '存在的主要问题及改进情况'],
        ['other', '其他需要报告的事项'],
      ],
    );
    assert.ok(report.sections.find((s) => s.id === 'preamble')?.text.includes('本报告包括总体情况'));
  });

  void it('finds no table and no section in the introduction alone', () => {
    const alone = `${intro}政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。`;
    for (const format of [FORMAT_2019, FORMAT_2021]) {
      const dt = documentText(textToSourceDocument(alone));
      const ex = extractTables(dt, format);
      assert.ok(ex.tables.every((t) => !t.found), format.id);
      assert.deepEqual(detectSections(dt, format, ex.regions).map((s) => s.id), ['preamble'], format.id);
    }
  });
});
