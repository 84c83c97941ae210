import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import mammoth from 'mammoth';
import { loadPdf } from '../reports/reader/load-pdf.ts';
import { normalizeText } from '../reports/reader/normalize-text.ts';
import { isGongkaiError } from '../shared/errors.ts';
import { KNOWN_PDF_FONTS, resolvePdfFont } from './pdf-font.ts';
import type { PdfFont } from './pdf-font.ts';
import { buildDocx, buildPdf, docxFontTableXml } from './reply-document.ts';
import { renderReplyDocument } from './reply-templates.ts';

const model = renderReplyDocument('reply', {
  organizationName: '吴忠市人民政府办公室',
  issuedOn: '2026-11-30',
  documentNumber: '吴政办信公〔2026〕12号',
  contactZh: '联系人：王某　联系电话：0953-2011234',
  requesterName: '李四',
  receivedOn: '2026-11-02',
  requestSummary: '2025年度本市老旧小区改造项目的资金拨付明细',
  outcomeId: 'withheld-third-party',
  reasons: '该信息含有施工企业的报价构成和银行账户，属于商业秘密，经征求意见该企业不同意公开',
});

/** Text with every kind of whitespace removed, normalised as the report reader does. */
const squash = (s: string): string => normalizeText(s).replace(/\s+/g, '');

// The small WenQuanYi face keeps these tests fast (a subset of Noto Serif CJK takes ~1 s more to
// write and to read back); the default lookup order is tested on its own below.
const WQY = KNOWN_PDF_FONTS.find((f) => f.face === 'WenQuanYiMicroHei');
const NOTO_SERIF = KNOWN_PDF_FONTS.find((f) => f.face === 'NotoSerifCJKsc-Regular');
let font: PdfFont | undefined;
let fontSkip: string | false = false;
try {
  font = WQY && existsSync(WQY.path) ? { ...WQY, origin: 'known' } : resolvePdfFont();
} catch (error) {
  if (!isGongkaiError(error)) throw error;
  fontSkip = `no CJK font for PDF output (${error.message})`;
}
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** Extracts a PDF's text with poppler's pdftotext. */
function pdftotext(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-reply-'));
  try {
    const file = join(dir, 'reply.pdf');
    writeFileSync(file, bytes);
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void describe('buildDocx', () => {
  let bytes: Buffer;
  let text: string;
  void before(async () => {
    bytes = await buildDocx(model);
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  });

  void it('is a ZIP (DOCX) file', () => {
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  });

  void it('reads back with title, number, requester, basis, reasons, remedy, agency and date', () => {
    for (const expected of [
      '政府信息公开申请答复书',
      '吴政办信公〔2026〕12号',
      '李四：',
      '本机关于2026年11月2日收到您提出的政府信息公开申请',
      '根据《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项的规定，本机关决定不予公开。',
      '属于商业秘密',
      '或者在6个月内依法提起行政诉讼。',
      '联系人：王某',
      '吴忠市人民政府办公室',
      '2026年11月30日',
    ]) {
      assert.ok(text.includes(expected), `missing ${expected}`);
    }
    // Order: title first, the date last.
    assert.ok(text.indexOf('政府信息公开申请答复书') < text.indexOf('李四：'));
    assert.equal(text.trim().split('\n').filter((l) => l.trim() !== '').at(-1), '2026年11月30日');
  });

  void it('declares the Chinese fonts with their fallbacks', () => {
    const xml = docxFontTableXml();
    assert.match(xml, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
    assert.match(xml, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  });
});

void describe('buildPdf', { skip: fontSkip }, () => {
  let bytes: Buffer;
  void before(async () => {
    bytes = await buildPdf(model, font ? { font } : {});
  });

  void it('reads back with the project PDF reader: the same text, title and date', async () => {
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const doc = await loadPdf(new Uint8Array(bytes));
    assert.equal(doc.pageCount, 1);
    assert.deepEqual(doc.metadata, { title: '政府信息公开申请答复书', creationDate: '2026-11-30' });
    const all = squash(doc.lines.map((l) => l.text).join(''));
    for (const part of [model.title, model.documentNumber ?? '', model.addressee, ...model.paragraphs, model.organizationName, model.dateZh]) {
      assert.ok(all.includes(squash(part)), `missing ${part}`);
    }
  });

  void it('extracts the same Chinese text with pdftotext', { skip: hasPdftotext ? false : 'pdftotext not installed (apt-get install poppler-utils)' }, () => {
    const all = squash(pdftotext(bytes));
    for (const part of [model.title, model.addressee, ...model.paragraphs, model.organizationName, model.dateZh]) {
      assert.ok(all.includes(squash(part)), `missing ${part}`);
    }
  });

  const notoSkip = !hasPdftotext ? 'pdftotext not installed' : !NOTO_SERIF || !existsSync(NOTO_SERIF.path) ? 'Noto Serif CJK not installed' : false;
  void it('writes clean text with the serif face too (first in the default order)', { skip: notoSkip }, async () => {
    const serif = await buildPdf(model, { font: { ...NOTO_SERIF!, origin: 'known' } });
    const all = squash(pdftotext(serif));
    for (const part of [model.title, ...model.paragraphs, model.dateZh]) assert.ok(all.includes(squash(part)), `missing ${part}`);
  });

  void it('refuses a font file whose face cannot be loaded', async () => {
    await assert.rejects(
      buildPdf(model, { font: { path: font?.path ?? '', face: 'NoSuchFace', origin: 'env' } }),
      (e: unknown) => isGongkaiError(e, 'FONT_MISSING'),
    );
  });
});

void describe('resolvePdfFont', () => {
  const files = new Set(['/fonts/a.ttc', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc']);
  const exists = (p: string) => files.has(p);

  void it('takes GONGKAI_PDF_FONT first, with its face', () => {
    assert.deepEqual(resolvePdfFont({ GONGKAI_PDF_FONT: '/fonts/a.ttc#SomeFace' }, exists), { path: '/fonts/a.ttc', face: 'SomeFace', origin: 'env' });
  });

  void it('falls back to the first known Debian font present', () => {
    assert.deepEqual(resolvePdfFont({}, exists), { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei', origin: 'known' });
  });

  void it('refuses a bad or missing explicit font rather than falling back', () => {
    assert.throws(() => resolvePdfFont({ GONGKAI_PDF_FONT: '/fonts/a.ttc' }, exists), (e: unknown) => isGongkaiError(e, 'CONFIG_INVALID') && /FaceName/.test(e.message));
    assert.throws(() => resolvePdfFont({ GONGKAI_PDF_FONT: '/fonts/missing.ttf' }, exists), (e: unknown) => isGongkaiError(e, 'CONFIG_INVALID'));
    assert.throws(() => resolvePdfFont({ GONGKAI_PDF_FONT: '#Face' }, exists), (e: unknown) => isGongkaiError(e, 'CONFIG_INVALID'));
  });

  void it('throws FONT_MISSING naming what to install when nothing is found', () => {
    assert.throws(
      () => resolvePdfFont({}, () => false),
      (e: unknown) => isGongkaiError(e, 'FONT_MISSING') && e.message.includes('fonts-wqy-microhei') && e.message.includes('GONGKAI_PDF_FONT'),
    );
  });
});
