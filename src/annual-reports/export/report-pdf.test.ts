import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import type { FormatId } from '../../reports/format/report-format.ts';
import type { StructuredReport } from '../../reports/model/structured-report.ts';
import { readReport } from '../../reports/reader/read-report.ts';
import { isGongkaiError } from '../../shared/errors.ts';
import { cellDifferences, distinctValueReport, formatSectionTitles } from './export-test-report.ts';
import { resolveReportPdfFonts } from './report-pdf-fonts.ts';
import { reportToPdf } from './report-pdf.ts';

/** Whether poppler's pdftotext is installed (the pdftotext checks are skipped without it). */
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

/** The text pdftotext extracts from `pdf`, read from standard input. */
function pdftotext(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 16 * 1024 * 1024 });
  assert.equal(result.status, 0, String(result.stderr));
  return result.stdout.toString('utf8');
}

const squash = (s: string): string => s.replace(/\s+/g, '');

const FORMATS: readonly { id: FormatId; year: number }[] = [
  { id: '2021', year: 2022 },
  { id: '2019', year: 2020 },
  { id: '2014', year: 2017 },
];

for (const { id, year } of FORMATS) {
  void describe(`reportToPdf, ${id} format`, () => {
    const report = distinctValueReport(id);
    let bytes: Buffer;
    let back: StructuredReport;
    void before(async () => {
      bytes = await reportToPdf(report);
      back = await readReport(bytes, { fileName: 'x.pdf' });
    });

    void it('reads back with our reader: every cell by id and value, the sections, title and date', () => {
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      // A wrapped text cell (2014 申请公开的主要内容) comes back with a space per line break.
      assert.deepEqual(cellDifferences(report, back, 'ignore'), []);
      assert.deepEqual(formatSectionTitles(back), formatSectionTitles(report));
      assert.deepEqual(back.format, { id, source: 'tables' });
      assert.equal(back.title, `测试市${year}年政府信息公开工作年度报告`);
      assert.equal(back.year, year);
      assert.equal(back.publicationDate?.date, `${year + 1}-01-20`);
      assert.deepEqual(back.notes, []);
      assert.equal(back.ignored.filter((p) => p.reason === 'page-number').length, back.source.pageCount);
    });

    void it('pdftotext gets the title, every paragraph of every section and the signature', { skip: HAS_PDFTOTEXT ? false : 'pdftotext (poppler-utils) is not installed' }, () => {
      const text = squash(pdftotext(bytes));
      assert.ok(text.startsWith(`测试市${year}年政府信息公开工作年度报告`));
      for (const section of report.sections) {
        assert.ok(text.includes(`${section.number}、${section.title}`), section.title);
        for (const paragraph of section.text.split('\n')) assert.ok(text.includes(squash(paragraph)), paragraph);
      }
      assert.ok(text.includes(`测试市人民政府${year + 1}年1月20日`));
    });
  });
}

void describe('reportToPdf layout', () => {
  void it('breaks a long title after the organization, so the reader still finds title and organization', async () => {
    const base = distinctValueReport('2021');
    const report = { ...base, title: '宁夏回族自治区吴忠市人民政府办公室2022年政府信息公开工作年度报告', organization: { ...base.organization, name: '宁夏回族自治区吴忠市人民政府办公室' } };
    const bytes = await reportToPdf(report);
    const back = await readReport(bytes, { fileName: 'x.pdf' });
    assert.equal(back.title, report.title);
    assert.equal(back.organization.name, '宁夏回族自治区吴忠市人民政府办公室');
    assert.equal(back.year, 2022);
    if (HAS_PDFTOTEXT) assert.match(pdftotext(bytes), /^宁夏回族自治区吴忠市人民政府办公室\n2022年政府信息公开工作年度报告\n/);
  });

  void it('an unpublished report has no date and no CreationDate: the reader finds no publication date', async () => {
    const report = distinctValueReport('2019', false);
    const bytes = await reportToPdf(report);
    assert.equal(bytes.includes('/CreationDate'), false);
    const back = await readReport(bytes, { fileName: 'x.pdf' });
    assert.equal(back.publicationDate, null);
    assert.deepEqual(cellDifferences(report, back), []);
  });

  void it('a published report carries its publication date as CreationDate (China midnight)', async () => {
    const bytes = await reportToPdf(distinctValueReport('2021'));
    const pdf = bytes.toString('latin1');
    assert.match(pdf, /\/CreationDate \d+ 0 R/);
    assert.ok(pdf.includes('(D:20230119160000Z)'));
  });

  void it('fails with FONT_MISSING when a font file cannot be loaded, CONFIG_INVALID for a bad GONGKAI_PDF_FONT', async () => {
    const missing = { path: '/nonexistent/font.ttf', origin: 'env' as const };
    await assert.rejects(reportToPdf(distinctValueReport('2021'), { fonts: { body: missing, heading: missing, title: missing } }), (e) => isGongkaiError(e, 'FONT_MISSING'));
    assert.throws(() => resolveReportPdfFonts({ GONGKAI_PDF_FONT: '/x/font.ttc' }, () => true), (e) => isGongkaiError(e, 'CONFIG_INVALID'));
  });
});

void describe('resolveReportPdfFonts', () => {
  const NOTO_SERIF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  const NOTO_SERIF_BOLD = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc';
  const NOTO_SANS = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  const WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

  void it('takes a serif body, a sans heading and a bold serif title from fonts-noto-cjk', () => {
    const fonts = resolveReportPdfFonts({}, (p) => [NOTO_SERIF, NOTO_SERIF_BOLD, NOTO_SANS, WQY].includes(p));
    assert.deepEqual(fonts, {
      body: { path: NOTO_SERIF, face: 'NotoSerifCJKsc-Regular', origin: 'known' },
      heading: { path: NOTO_SANS, face: 'NotoSansCJKsc-Regular', origin: 'known' },
      title: { path: NOTO_SERIF_BOLD, face: 'NotoSerifCJKsc-Bold', origin: 'known' },
    });
  });

  void it('with only fonts-wqy-microhei, uses it for body and headings and the body font for the title', () => {
    const wqy = { path: WQY, face: 'WenQuanYiMicroHei', origin: 'known' };
    assert.deepEqual(resolveReportPdfFonts({}, (p) => p === WQY), { body: wqy, heading: wqy, title: wqy });
  });

  void it('uses a font named by GONGKAI_PDF_FONT for everything', () => {
    const font = { path: '/opt/fonts/fangsong.ttf', origin: 'env' };
    assert.deepEqual(resolveReportPdfFonts({ GONGKAI_PDF_FONT: '/opt/fonts/fangsong.ttf' }, () => true), { body: font, heading: font, title: font });
  });

  void it('fails with FONT_MISSING when no CJK font is installed', () => {
    assert.throws(() => resolveReportPdfFonts({}, () => false), (e) => isGongkaiError(e, 'FONT_MISSING'));
  });
});
