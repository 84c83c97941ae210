// Shared by the narrative-reader unit tests (src/reports/reader/*.test.ts): the three real report
// fixtures loaded as DocumentTexts, with their table regions given by hand (the text between
// known strings), so these tests do not depend on the table extractor.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { documentText } from '../../src/reports/reader/document-text.ts';
import type { DocumentText, TextRange } from '../../src/reports/reader/document-text.ts';
import { findForeignContent } from '../../src/reports/reader/foreign-content.ts';
import type { ForeignContent } from '../../src/reports/reader/foreign-content.ts';
import { loadPdf } from '../../src/reports/reader/load-pdf.ts';
import { textToSourceDocument } from '../../src/reports/reader/load-text.ts';
import type { SourceDocument } from '../../src/reports/reader/source-document.ts';
import { fixturePath } from '../acceptance/read-fixture.ts';

/** A fixture ready for the narrative reader. */
export interface NarrativeFixture {
  dt: DocumentText;
  /** The table regions, by hand. */
  tables: TextRange[];
  foreign: ForeignContent;
  /** tables + foreign ranges. */
  exclude: TextRange[];
}

/** A SourceDocument from literal text, one line per '\n' (via the plain-text loader's normalisation). */
export function docFromText(text: string): DocumentText {
  return documentText(textToSourceDocument(text));
}

/** The range from the first occurrence of `from` up to the first occurrence of `to` after it (or the end). */
export function rangeBetween(dt: DocumentText, from: string, to: string | null): TextRange {
  const start = dt.text.indexOf(from);
  assert.ok(start >= 0, `fixture holds ${from}`);
  const end = to === null ? dt.text.length : dt.text.indexOf(to, start);
  assert.ok(end > start, `fixture holds ${to} after ${from}`);
  return { start, end };
}

/** Builds the fixture from a document and its table ranges. */
function fixture(dt: DocumentText, tables: TextRange[]): NarrativeFixture {
  const foreign = findForeignContent(dt, tables);
  return { dt, tables, foreign, exclude: [...tables, ...foreign.ranges] };
}

let wuzhongCache: NarrativeFixture | undefined;
let pingtanCache: NarrativeFixture | undefined;
let huaianCache: Promise<NarrativeFixture> | undefined;

/** 吴忠市 2017 (2014 format); the statistics table runs from its title to the end. */
export function wuzhong(): NarrativeFixture {
  if (!wuzhongCache) {
    const dt = docFromText(readFileSync(fixturePath('reports/wuzhong-2017.txt'), 'utf8'));
    wuzhongCache = fixture(dt, [rangeBetween(dt, '吴忠市 2017 年度政府信息公开情况统计表', null)]);
  }
  return wuzhongCache;
}

/** 平潭综合实验区 2020 (2019 format, one flattened line); tables 二, 三, 四 between their titles. */
export function pingtan(): NarrativeFixture {
  if (!pingtanCache) {
    const dt = docFromText(readFileSync(fixturePath('reports/pingtan-2020.txt'), 'utf8'));
    pingtanCache = fixture(dt, [
      rangeBetween(dt, '第二十条第(一)项', '三、收到和处理政府信息公开申请情况'),
      rangeBetween(dt, '申请人情况自然人', '四、政府信息公开行政复议'),
      rangeBetween(dt, '行政复议行政诉讼结果维持', ' 五、存在的主要问题'),
    ]);
  }
  return pingtanCache;
}

/** 淮安市人民政府 2024 (2021 format, PDF via the PDF loader); tables 二, 三, 四 between their titles. */
export function huaian(): Promise<NarrativeFixture> {
  huaianCache ??= loadPdf(new Uint8Array(readFileSync(fixturePath('reports/huaian-2024.pdf')))).then((doc: SourceDocument) => {
    const dt = documentText(doc);
    return fixture(dt, [
      rangeBetween(dt, '第二十条 第(一)项', '三、收到和处理'),
      rangeBetween(dt, '申请人情况', '四、政府信息公开行政复议'),
      rangeBetween(dt, '行政复议\t行政诉讼', '五、存在的主要问题'),
    ]);
  });
  return huaianCache;
}
