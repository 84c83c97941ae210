import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { FORMAT_2014 } from '../format/format-2014.ts';
import { FORMAT_2019 } from '../format/format-2019.ts';
import { FORMAT_2021 } from '../format/format-2021.ts';
import { formatCells } from '../format/formats.ts';
import type { Cell } from '../model/structured-report.ts';
import { documentText } from './document-text.ts';
import type { DocumentText } from './document-text.ts';
import { loadPdf } from './load-pdf.ts';
import { textToSourceDocument } from './load-text.ts';
import type { SourceDocument, SourceLine } from './source-document.ts';
import { extractTables } from './table-extractor.ts';
import type { TableExtraction } from './table-extractor.ts';

const fixture = (relative: string): URL => new URL(`../../../test/fixtures/${relative}`, import.meta.url);
const textDoc = (text: string): DocumentText => documentText(textToSourceDocument(text));

/** The cells of one row, in column order. */
const rowCells = (ex: TableExtraction, table: string, row: string): Cell[] => ex.cells.filter((c) => c.table === table && c.row === row);
/** The values of one row (null where not a number). */
const rowValues = (ex: TableExtraction, table: string, row: string): (number | null)[] => rowCells(ex, table, row).map((c) => (c.status === 'number' ? c.value : null));
const cellById = (ex: TableExtraction, id: string): Cell => {
  const cell = ex.cells.find((c) => c.id === id);
  assert.ok(cell, `cell ${id}`);
  return cell;
};

/** Every cell of the format is listed once, in format order, and regions do not overlap. */
function assertWellFormed(ex: TableExtraction, dt: DocumentText, format: typeof FORMAT_2021): void {
  assert.deepEqual(
    ex.cells.map((c) => c.id),
    formatCells(format).map((c) => c.id),
  );
  assert.equal(ex.tables.length, format.tables.length);
  let end = 0;
  for (const region of ex.regions) {
    assert.ok(region.start >= end && region.end >= region.start && region.end <= dt.text.length, JSON.stringify(region));
    end = region.end;
  }
  for (const cell of ex.cells) {
    if (cell.status !== 'number') assert.equal(cell.value, null, cell.id);
    if (cell.status === 'number') assert.ok(Number.isFinite(cell.value), cell.id);
  }
}

void describe('extractTables: 吴忠市 2017 (2014 统计表, tab-separated lines)', () => {
  const dt = textDoc(readFileSync(fixture('reports/wuzhong-2017.txt'), 'utf8'));
  const ex = extractTables(dt, FORMAT_2014);

  void it('reads all 59 statistics cells exactly as printed, in format order', () => {
    // Typed from the table at the end of the file (lines 232–319), row by row.
    const printed: (number | 'text')[] = [
      127736, 45, 45, 0, 53919, 1641, 16805, 55371, 273, 22, 11, 0, 0, 39, 40, 172, 35, 7, 0, 10, 18, 35, 33, 2, 35, 10, 8, 0, 3, 0, 0, 1, 0, 2, 0, 4, 5, 4, 1,
      'text', 8, 8, 0, 0, 2, 2, 0, 0, 0, 0, 162, 49, 347, 127, 220, 33, 45, 22, 895,
    ];
    assert.equal(ex.cells.length, 59);
    ex.cells.forEach((cell, i) => {
      if (printed[i] === 'text') assert.equal(cell.status, 'text', cell.id);
      else {
        assert.equal(cell.status, 'number', `${cell.id}: ${cell.status} "${cell.raw}"`);
        assert.equal(cell.value, printed[i], cell.id);
        assert.equal(cell.raw, String(printed[i]), cell.id);
        assert.equal(cell.recovered, undefined, cell.id);
      }
    });
    assertWellFormed(ex, dt, FORMAT_2014);
    assert.deepEqual(ex.ambiguities, []);
    assert.deepEqual(ex.notes, []);
  });

  void it('gives each value its line and column in the file', () => {
    const expected: [string, number][] = [
      ['stats/proactive-total/value', 234],
      ['stats/channel-wechat/value', 241],
      ['stats/requests-received/value', 259],
      ['stats/reconsideration-total/value', 294],
      ['stats/trainees/value', 319],
    ];
    for (const [id, line] of expected) {
      const cell = cellById(ex, id);
      assert.equal(cell.position?.line, line, id);
      const column = cell.position?.column ?? 0;
      assert.equal(dt.doc.lines[line - 1]?.text.slice(column - 1, column - 1 + cell.raw.length), cell.raw, id);
    }
  });

  void it('reads no cell from the 0 printed on the heading row 三、依申请公开情况 (line 258)', () => {
    assert.ok(!ex.cells.some((c) => c.position?.line === 258));
    assert.equal(cellById(ex, 'stats/other-responses/value').value, 172);
  });

  void it('reads 申请公开的主要内容 as text, markup stripped, without the next row ordinal', () => {
    const cell = cellById(ex, 'stats/request-topics/value');
    assert.equal(cell.status, 'text');
    assert.equal(cell.position?.line, 293);
    assert.match(cell.raw, /^主要侧重征地拆迁/);
    assert.match(cell.raw, /征地拆迁占比 25% 、棚户区改造占比 35%/);
    assert.match(cell.raw, /其他占比 25%$/);
    assert.ok(!cell.raw.includes('<u>') && !cell.raw.includes('---'));
  });

  void it('recognises the table by its rows when its title is printed otherwise', () => {
    const retitled = textDoc(readFileSync(fixture('reports/wuzhong-2017.txt'), 'utf8').replace('政府信息公开情况统计表', '政务公开工作统计表'));
    const found = extractTables(retitled, FORMAT_2014);
    assert.deepEqual(
      found.cells.map((c) => c.value),
      ex.cells.map((c) => c.value),
    );
    assert.ok(found.notes.some((n) => n.code === 'TABLE_HEADING_NOT_FOUND'));
    // The narrative never prints two row labels that close together: no table found there.
    const narrative = textDoc('全年主动公开政府信息数 125981 条,网站发布。'.repeat(3));
    assert.equal(extractTables(narrative, FORMAT_2014).tables[0]?.found, false);
  });

  void it('reports the table and its region (the title line to the last value)', () => {
    assert.deepEqual(ex.tables, [{ id: 'stats', title: '政府信息公开情况统计表', found: true, position: { line: 230, column: 12 }, layout: 'lines' }]);
    assert.equal(ex.regions.length, 1);
    const [region] = ex.regions;
    assert.equal(region?.start, dt.lineStarts[229]);
    assert.equal(dt.text.slice(0, region?.end).endsWith('895'), true);
  });
});

void describe('extractTables: 平潭 2020 (2019 format, tables flattened into one line)', () => {
  const dt = textDoc(readFileSync(fixture('reports/pingtan-2020.txt'), 'utf8'));
  const ex = extractTables(dt, FORMAT_2019);
  const t3 = JSON.parse(readFileSync(fixture('expected/pingtan-2020-table3.json'), 'utf8')) as Record<string, number[]>;

  void it('recovers every cell of table 三 with V03', () => {
    const rows = Object.keys(t3).filter((k) => !k.startsWith('_'));
    assert.equal(rows.length, 23);
    for (const row of rows) assert.deepEqual(rowValues(ex, 't3', row), t3[row], row);
    // The headline rows, typed here from the printed digits.
    assert.deepEqual(rowValues(ex, 't3', 'new'), [20, 0, 0, 0, 0, 1, 21]);
    assert.deepEqual(rowValues(ex, 't3', 'disclosed'), [6, 0, 0, 0, 0, 1, 7]);
    assert.deepEqual(rowValues(ex, 't3', 'total'), [20, 0, 0, 0, 0, 1, 21]);
    assert.deepEqual(rowValues(ex, 't3', 'carried-over'), [0, 0, 0, 0, 0, 0, 0]);
    // Split rows are marked recovered; （六）其他处理 was printed with spaces, one number each.
    assert.ok(rowCells(ex, 't3', 'new').every((c) => c.recovered === true));
    assert.ok(rowCells(ex, 't3', 'other').every((c) => c.recovered === undefined));
    assert.deepEqual(rowValues(ex, 't3', 'other'), [4, 0, 0, 0, 0, 0, 4]);
  });

  void it('recovers the fifteen zeros of table 四', () => {
    assert.deepEqual(rowValues(ex, 't4', 'cases'), new Array<number>(15).fill(0));
  });

  void it('recovers the table 二 rows that split one way: 规章 007, 行政事业性收费 35-15', () => {
    assert.deepEqual(rowValues(ex, 't2-1', 'regulations'), [0, 0, 7]);
    assert.deepEqual(rowValues(ex, 't2-8', 'fees'), [35, -15]);
    assert.equal(cellById(ex, 't2-8/fees/change').raw, '-15');
  });

  void it('reports the other table 二 rows as ambiguous, with their candidates', () => {
    const byRow = new Map(ex.ambiguities.map((a) => [`${a.table}/${a.row}`, a]));
    assert.deepEqual([...byRow.keys()].sort(), [
      't2-1/normative-documents',
      't2-5/licensing',
      't2-5/other-services',
      't2-6/coercive-measures',
      't2-6/penalties',
      't2-9/central-procurement',
    ]);
    const candidates = (id: string): string[] => byRow.get(id)?.candidates.map((c) => c.join()) ?? [];
    assert.deepEqual(candidates('t2-6/penalties').sort(), ['2648,-1,8538', '2648,-18,538', '2648,-185,38', '2648,-1853,8'].sort());
    assert.equal(byRow.get('t2-6/penalties')?.raw, '2648-18538');
    assert.equal(candidates('t2-1/normative-documents').length, 15); // 7 digits into 3: C(6,2)
    assert.ok(candidates('t2-1/normative-documents').includes('77,77,166'));
    assert.equal(candidates('t2-5/licensing').length, 28); // 9 digits into 3: C(8,2)
    assert.ok(candidates('t2-5/other-services').includes('10,7,105'));
    assert.ok(candidates('t2-5/other-services').includes('1,0,7105'));
    assert.ok(!candidates('t2-5/other-services').some((c) => c.includes(',07')));
    assert.ok(candidates('t2-6/coercive-measures').includes('126,26,29'));
    assert.ok(candidates('t2-9/central-procurement').includes('39573,802895.9'));
    for (const a of byRow.values()) assert.equal(a.truncated, false);
    const penalties = rowCells(ex, 't2-6', 'penalties');
    // Every candidate starts with 2648, so that cell is known; the other two stay ambiguous.
    assert.deepEqual([penalties[0]?.status, penalties[0]?.value, penalties[0]?.raw, penalties[0]?.recovered], ['number', 2648, '2648', true]);
    assert.ok(penalties.slice(1).every((c) => c.status === 'ambiguous' && c.value === null && c.raw === '2648-18538'));
    assert.deepEqual(penalties[1]?.candidates?.slice().sort((a, b) => a - b), [-1853, -185, -18, -1]);
  });

  void it('places every cell on line 10 at its first digit, and calls the layout flattened', () => {
    const line = dt.doc.lines[9]?.text ?? '';
    const at = line.indexOf('规章007') + 2;
    assert.deepEqual(cellById(ex, 't2-1/regulations/made').position, { line: 10, column: at + 1 });
    assert.deepEqual(cellById(ex, 't2-1/regulations/total-public').position, { line: 10, column: at + 3 });
    assert.ok(ex.tables.every((t) => t.found && t.layout === 'flattened'));
    assertWellFormed(ex, dt, FORMAT_2019);
  });
});

/** The expected table 三 of 淮安 2024, typed by hand from `pdftotext -layout`. */
const huaianT3 = JSON.parse(readFileSync(fixture('expected/huaian-2024-table3.json'), 'utf8')) as Record<string, number[]>;

/** Checks the three tables of 淮安 2024 (values typed from the PDF). */
function assertHuaian(ex: TableExtraction): void {
  const rows = Object.keys(huaianT3).filter((k) => !k.startsWith('_'));
  assert.equal(rows.length, 25);
  for (const row of rows) assert.deepEqual(rowValues(ex, 't3', row), huaianT3[row], row);
  assert.deepEqual(rowValues(ex, 't3', 'new'), [3001, 53, 0, 0, 61, 4, 3119]);
  assert.deepEqual(rowValues(ex, 't3', 'carried-in'), [34, 0, 0, 0, 0, 0, 34]);
  assert.deepEqual(rowValues(ex, 't3', 'partial'), [447, 7, 0, 0, 0, 0, 454]);
  assert.deepEqual(rowValues(ex, 't3', 'other-no-clarification'), [67, 3, 0, 0, 1, 0, 71]);
  assert.deepEqual(rowValues(ex, 't3', 'other-other'), [108, 2, 0, 0, 0, 0, 110]);
  assert.deepEqual(rowValues(ex, 't3', 'total'), [2932, 53, 0, 0, 61, 4, 3050]);
  assert.deepEqual(rowValues(ex, 't3', 'carried-over'), [103, 0, 0, 0, 0, 0, 103]);
  assert.deepEqual(rowValues(ex, 't4', 'cases'), [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  assert.deepEqual(rowValues(ex, 't2-1', 'regulations'), [1, 0, 11]);
  assert.deepEqual(rowValues(ex, 't2-1', 'normative-documents'), [8, 26, 66]);
  assert.deepEqual(rowValues(ex, 't2-5', 'licensing'), [447228]);
  assert.deepEqual(rowValues(ex, 't2-6', 'penalties'), [3985758]);
  assert.deepEqual(rowValues(ex, 't2-6', 'coercive-measures'), [88283]);
  assert.deepEqual(rowValues(ex, 't2-8', 'fees'), [96171.6]);
  assert.deepEqual(ex.ambiguities, []);
  assert.ok(!ex.cells.some((c) => c.recovered));
  assert.ok(ex.tables.every((t) => t.found && t.layout === 'lines'));
}

void describe('extractTables: 淮安 2024 PDF (2021 format) through loadPdf', () => {
  let dt: DocumentText;
  let ex: TableExtraction;
  void before(async () => {
    dt = documentText(await loadPdf(new Uint8Array(readFileSync(fixture('reports/huaian-2024.pdf')))));
    ex = extractTables(dt, FORMAT_2021);
  });

  void it('reads tables 二, 三 (labels split around their numbers) and 四 exactly', () => {
    assertHuaian(ex);
    assertWellFormed(ex, dt, FORMAT_2021);
  });

  void it('places table 三 cells by page and x', () => {
    const natural = cellById(ex, 't3/new/natural').position;
    const total = cellById(ex, 't3/new/total').position;
    assert.equal(natural?.page, 4);
    assert.ok(typeof natural?.x === 'number' && typeof total?.x === 'number' && natural.x < total.x);
    assert.equal(cellById(ex, 't3/total/natural').position?.page, 5);
  });
});

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

void describe('extractTables: 淮安 2024 as `pdftotext -layout` text (labels interleaved with the merged group cells)', { skip: !hasPdftotext }, () => {
  void it('reads the same values from the plain-text layout', () => {
    const text = spawnSync('pdftotext', ['-layout', fixture('reports/huaian-2024.pdf').pathname, '-'], { encoding: 'utf8' }).stdout;
    const dt = textDoc(text);
    const ex = extractTables(dt, FORMAT_2021);
    assertHuaian(ex);
    assertWellFormed(ex, dt, FORMAT_2021);
  });
});

/** A grid document as the HTML/DOCX loaders emit it: table rows as tab-separated `fromTable` lines. */
function gridDoc(rows: (string | [string])[]): DocumentText {
  const lines: SourceLine[] = rows.map((row, i) => {
    const line: SourceLine = { text: typeof row === 'string' ? row : row[0], position: { line: i + 1, column: 1 } };
    if (typeof row === 'string') line.fromTable = true;
    return line;
  });
  return documentText({ mediaType: 'text/html', lines, metadata: {}, dropped: [] });
}

void describe('extractTables: HTML/DOCX grids', () => {
  // Table 三 laid out as the official template: three label columns (merged cells leave empty
  // slots), then the seven values. ['…'] marks a paragraph outside the table.
  const dt = gridDoc([
    ['三、收到和处理政府信息公开申请情况'],
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t',
    '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    '一、本年新收政府信息公开申请数量\t\t\t5\t\t0\t/\t1\t0\t6',
    '二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t',
    '三、本年度办理结果\t(一)予以公开\t\t3\t\t0\t/\t1\t0\t4',
    '\t(二)部分公开(区分处理的,只计这一情形,不计其他情形)\t\t2\t0\t0\t0\t0\t0\t2',
    '\t(三)不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
    '\t\t2.其他法律行政法规禁止公开\t\t\t\t\t\t\t',
    '\t\t3.危及“三安全一稳定”\t—\t0\t0\t0\t0\t0\t0',
    '四、结转下年度继续办理\t\t\t无\t0\t0\t0\t0\t0\t0',
  ]);
  const ex = extractTables(dt, FORMAT_2021);
  const statuses = (row: string): string[] => rowCells(ex, 't3', row).map((c) => (c.status === 'number' ? String(c.value) : c.status === 'na' ? `na:${c.raw}` : c.status));

  void it('reads empty cells as blank and / — 无 as not applicable', () => {
    assert.deepEqual(statuses('new'), ['5', 'blank', '0', 'na:/', '1', '0', '6']);
    assert.deepEqual(statuses('disclosed'), ['3', 'blank', '0', 'na:/', '1', '0', '4']);
    assert.deepEqual(statuses('withheld-security'), ['na:—', '0', '0', '0', '0', '0', '0']);
    assert.deepEqual(statuses('carried-over'), ['na:无', '0', '0', '0', '0', '0', '0']);
  });

  void it('tells merged label slots (before the values) from an empty last cell, using the rows with one cell per column', () => {
    assert.deepEqual(statuses('carried-in'), ['0', '0', '0', '0', '0', '0', 'blank']);
    assert.deepEqual(statuses('partial'), ['2', '0', '0', '0', '0', '0', '2']);
    assert.deepEqual(statuses('withheld-prohibited'), new Array<string>(7).fill('blank'));
  });

  void it('gives blank cells the position of their empty cell, and calls the layout grid', () => {
    const blank = cellById(ex, 't3/new/business');
    assert.equal(blank.raw, '');
    assert.equal(blank.position?.line, 5);
    assert.equal(ex.tables.find((t) => t.id === 't3')?.layout, 'grid');
    assert.deepEqual(rowCells(ex, 't3', 'unable-not-held').map((c) => c.status), new Array<string>(7).fill('missing'));
    assert.ok(ex.notes.some((n) => n.code === 'TABLE_ROW_NOT_FOUND' && n.message.includes('t3/unable-not-held')));
    assertWellFormed(ex, dt, FORMAT_2021);
  });
});

/** A PDF-like document: each line's items placed at an x, joined by tabs, with tokens. */
function pdfDoc(rows: [string, number][][]): DocumentText {
  const lines: SourceLine[] = rows.map((items, i) => {
    let text = '';
    const tokens = items.map(([t, x]) => {
      if (text !== '') text += '\t';
      const token = { text: t, offset: text.length, x, width: t.length * 6 };
      text += t;
      return token;
    });
    return { text, position: { page: 1, line: i + 1, x: items[0]?.[1] ?? 0, y: 100 + 20 * i }, tokens };
  });
  const doc: SourceDocument = { mediaType: 'application/pdf', lines, pageCount: 1, metadata: {}, dropped: [] };
  return documentText(doc);
}

void describe('extractTables: PDF rows with empty cells', () => {
  const dt = pdfDoc([
    [['二、主动公开政府信息情况', 80]],
    [['第二十条第(一)项', 80]],
    [
      ['信息内容', 80],
      ['本年制发件数', 240],
      ['本年废止件数', 330],
      ['现行有效件数', 410],
    ],
    [['规章', 80], ['1', 250], ['11', 420]],
    [['行政规范性文件', 80], ['8', 250], ['26', 340], ['66', 420]],
    [['第二十条第(五)项', 80]],
  ]);
  const ex = extractTables(dt, FORMAT_2021);

  void it('places the values of a short row by x position against the complete rows, the rest blank', () => {
    assert.deepEqual(rowCells(ex, 't2-1', 'regulations').map((c) => c.status), ['number', 'blank', 'number']);
    assert.deepEqual(rowValues(ex, 't2-1', 'regulations'), [1, null, 11]);
    assert.deepEqual(rowValues(ex, 't2-1', 'normative-documents'), [8, 26, 66]);
    assert.equal(cellById(ex, 't2-1/regulations/in-force').position?.page, 1);
  });

  void it('does the same with the display columns of text laid out with spaces (CJK counts two)', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条 第(一)项',
      '信息内容          本年制发件数     本年废止件数   现行有效件数',
      '规章                     1                             11',
      '行政规范性文件              8          26              66',
      '第二十条 第(五)项',
    ].join('\n');
    const lines = extractTables(textDoc(text), FORMAT_2021);
    assert.deepEqual(rowCells(lines, 't2-1', 'regulations').map((c) => c.status), ['number', 'blank', 'number']);
    assert.deepEqual(rowValues(lines, 't2-1', 'regulations'), [1, null, 11]);
    assert.equal(lines.tables[0]?.layout, 'lines');
  });
});

void describe('extractTables: stray numbers in a table region', () => {
  void it('keeps the fifteen values of table 四 that satisfy V04 when a note adds numbers', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计',
      '1 2 0 0 3 0 0 0 1 1 0 0 0 0 0',
      '注:统计截至 2024 年 12 月 31 日。',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const ex = extractTables(textDoc(text), FORMAT_2021);
    assert.deepEqual(rowValues(ex, 't4', 'cases'), [1, 2, 0, 0, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    assert.ok(ex.notes.some((n) => n.code === 'TABLE_ROW_EXTRA_VALUES'));
  });
});

void describe('extractTables: table 四 after a narrative', () => {
  void it('reads the fifteen values after the table\'s own header, not the numbers of the section text before it', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '本年度因政府信息公开工作被申请行政复议3件，召开专题会议2次。',
      '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计',
      // Values that break V04 on purpose: no identity can tell the table's numbers from the text's.
      '11 12 13 14 15 16 17 18 19 20 21 22 23 24 25',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const ex = extractTables(textDoc(text), FORMAT_2021);
    assert.deepEqual(rowValues(ex, 't4', 'cases'), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    assert.ok(rowCells(ex, 't4', 'cases').every((c) => c.status === 'number'));
  });
});

void describe('extractTables: column identities settle rows the row identity leaves open', () => {
  // 2019 table 三 flattened; 一 and （一） print 100001011, which V03 alone splits as
  // 1,0,0,0,0,10,11 or 10,0,0,0,1,0,11. （七）总计 is printed with spaces (1 0 0 0 0 10 11), so
  // V01 (一 + 二 = （七） + 四) fixes 一 and V02 (（七） = the sum of the outcomes) fixes （一）.
  const zeros = '0000000';
  const text = [
    '三、收到和处理政府信息公开申请情况(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
    `一、本年新收政府信息公开申请数量100001011二、上年结转政府信息公开申请数量${zeros}三、本年度办理结果(一)予以公开100001011`,
    `(二)部分公开(区分处理的,只计这一情形,不计其他情形)${zeros}(三)不予公开1.属于国家秘密${zeros}2.其他法律行政法规禁止公开${zeros}`,
    `3.危及“三安全一稳定”${zeros}4.保护第三方合法权益${zeros}5.属于三类内部事务信息${zeros}6.属于四类过程性信息${zeros}7.属于行政执法案卷${zeros}`,
    `8.属于行政查询事项${zeros}(四)无法提供1.本机关不掌握相关政府信息${zeros}2.没有现成信息需要另行制作${zeros}3.补正后申请内容仍不明确${zeros}`,
    `(五)不予处理1.信访举报投诉类申请${zeros}2.重复申请${zeros}3.要求提供公开出版物${zeros}4.无正当理由大量反复申请${zeros}`,
    `5.要求行政机关确认或重新出具已获取信息${zeros}(六)其他处理${zeros}(七)总计1 0 0 0 0 10 11四、结转下年度继续办理${zeros}`,
  ].join('');
  const ex = extractTables(textDoc(text), FORMAT_2019);

  void it('recovers 一 and （一） as 1,0,0,0,0,10,11', () => {
    assert.deepEqual(rowValues(ex, 't3', 'new'), [1, 0, 0, 0, 0, 10, 11]);
    assert.deepEqual(rowValues(ex, 't3', 'disclosed'), [1, 0, 0, 0, 0, 10, 11]);
    assert.ok(rowCells(ex, 't3', 'new').every((c) => c.recovered === true));
    assert.deepEqual(rowValues(ex, 't3', 'withheld-prohibited'), [0, 0, 0, 0, 0, 0, 0]);
    assert.ok(!ex.ambiguities.some((a) => a.table === 't3'));
  });
});

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

void describe('extractTables: hostile and empty input', () => {
  void it('marks every cell missing when there is no table, and notes each table', () => {
    for (const format of [FORMAT_2014, FORMAT_2019, FORMAT_2021]) {
      const dt = textDoc('');
      const ex = extractTables(dt, format);
      assert.ok(ex.cells.every((c) => c.status === 'missing' && c.position === null));
      assert.equal(ex.notes.filter((n) => n.code === 'TABLE_NOT_FOUND').length, format.tables.length);
      assertWellFormed(ex, dt, format);
    }
  });

  void it('returns quickly on a 5,000-digit run in a table row, with the row ambiguous and truncated', () => {
    const text = `三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量${'7'.repeat(5000)}二、上年结转政府信息公开申请数量0 0 0 0 0 0 0`;
    const started = performance.now();
    const ex = extractTables(textDoc(text), FORMAT_2021);
    assert.ok(performance.now() - started < 500);
    assert.ok(rowCells(ex, 't3', 'new').every((c) => c.status === 'ambiguous'));
    assert.equal(ex.ambiguities.find((a) => a.row === 'new')?.truncated, true);
    assert.ok(ex.notes.some((n) => n.code === 'TABLE_ROW_SPLIT_TRUNCATED'));
    assert.deepEqual(rowValues(ex, 't3', 'carried-in'), [0, 0, 0, 0, 0, 0, 0]);
  });

  void it('copes with a table 四 line of 100,000 numbers', () => {
    const started = performance.now();
    const ex = extractTables(textDoc(`四、政府信息公开行政复议、行政诉讼情况\n${'1 '.repeat(100_000)}`), FORMAT_2021);
    assert.ok(performance.now() - started < 2000);
    assert.ok(rowCells(ex, 't4', 'cases').every((c) => c.status === 'ambiguous'));
    assert.equal(ex.ambiguities[0]?.truncated, true);
  });

  void it('never throws on random mixes of labels, digits and layout characters', () => {
    const next = random(20240601);
    const pieces = [
      ...['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '二、主动公开政府信息情况', '第二十条第(一)项', '第二十条第(九)项'],
      ...['规章', '本年新收政府信息公开申请数量', '(七)总计', '予以公开', '政府信息公开情况统计表', '被依法纠错数'],
      ...['0', '7', '12', '-', '.', '(', ')', '/', '无', '—', '\t', '\n', ' ', '1,234', '9'.repeat(60)],
    ];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = Math.floor(next() * 120);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)] ?? '';
      for (const format of [FORMAT_2014, FORMAT_2019, FORMAT_2021]) {
        const dt = textDoc(text);
        const ex = extractTables(dt, format);
        assertWellFormed(ex, dt, format);
      }
    }
  });
});
