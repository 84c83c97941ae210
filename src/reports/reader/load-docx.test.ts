import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { isGongkaiError } from '../../shared/errors.ts';
import { loadDocx } from './load-docx.ts';
import type { SourceDocument } from './source-document.ts';

const template = new Uint8Array(
  readFileSync(new URL('../../../test/fixtures/templates/annual-report-2021-template.docx', import.meta.url)),
);

void describe('loadDocx on the 2021 annual-report template', () => {
  let doc: SourceDocument;
  void before(async () => {
    doc = await loadDocx(template);
  });

  void it('reads the headings and the creation date from docProps/core.xml', () => {
    assert.equal(doc.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.deepEqual(doc.metadata, { creationDate: '2025-12-03' }); // 2025-12-03T06:30:00Z
    const texts = doc.lines.map((l) => l.text);
    assert.equal(texts[0], '政府信息公开工作年度报告格式模板');
    assert.ok(texts.includes('三、收到和处理政府信息公开申请情况'));
    assert.ok(texts.includes('六、其他需要报告的事项'));
  });

  void it('lays the merged cells of table 三 out on the grid, tab-separated', () => {
    const lines = doc.lines.filter((l) => l.fromTable === true).map((l) => l.text);
    assert.ok(lines.includes('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t'));
    assert.ok(lines.includes('\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计'));
    assert.ok(lines.includes('\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t'));
    assert.ok(lines.includes('一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\t\t'));
    // the 22-row group label appears once, in its top-left slot
    assert.equal(lines.filter((l) => l.includes('三、本年度办理结果')).length, 1);
    assert.ok(lines.includes('三、本年度办理结果\t(一)予以公开\t\t\t\t\t\t\t\t'));
    assert.ok(lines.includes('\t(三)不予公开\t1.属于国家秘密\t\t\t\t\t\t\t'));
    assert.ok(lines.includes('\t\t2.其他法律行政法规禁止公开\t\t\t\t\t\t\t'));
    assert.ok(lines.includes('\t(七)总计\t\t\t\t\t\t\t\t'));
  });

  void it('lays out tables 二 and 四 too', () => {
    const lines = doc.lines.filter((l) => l.fromTable === true).map((l) => l.text);
    assert.ok(lines.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'));
    assert.ok(lines.includes('行政许可\t\t\t'));
    assert.ok(lines.includes('行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t'));
    assert.ok(lines.includes('\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计'));
  });

  void it('numbers lines 1..n', () => {
    doc.lines.forEach((line, i) => assert.deepEqual(line.position, { line: i + 1, column: 1 }));
  });
});

void describe('loadDocx on damaged input', () => {
  void it('refuses a truncated archive and bytes that are not a ZIP', async () => {
    await assert.rejects(loadDocx(template.slice(0, 4000)), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
    await assert.rejects(loadDocx(new TextEncoder().encode('not a zip')), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
  });

  void it('refuses an archive whose compressed data is damaged', async () => {
    const bytes = template.slice();
    // overwrite the middle of the archive (inside word/document.xml's deflate stream)
    for (let i = 2000; i < 6000; i += 7) bytes[i] = 0xa5;
    await assert.rejects(loadDocx(bytes), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
  });
});
