import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../../shared/errors.ts';
import { decodeText, loadText, splitLines } from './load-text.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url)));

/** `吴忠市 2017 年政府信息公开工作年度报告\r\n一、概述\r\n- 2 -\r\n` in GB18030 (iconv -t gb18030). */
const GB18030_SAMPLE = Uint8Array.from(
  Buffer.from(
    'cee2d6d2cad0203230313720c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e60d0ad2bba1a2b8c5caf60d0a2d2032202d0d0a',
    'hex',
  ),
);

void describe('loadText', () => {
  void it('keeps line numbers 1:1 with wuzhong-2017.txt and normalises the title line', () => {
    const bytes = fixture('wuzhong-2017.txt');
    const fileLines = new TextDecoder().decode(bytes).split('\n');
    if (fileLines[fileLines.length - 1] === '') fileLines.pop();
    const doc = loadText(bytes);
    assert.equal(doc.mediaType, 'text/plain');
    assert.equal(doc.lines.length, fileLines.length);
    assert.equal(doc.lines.length, 320);
    assert.deepEqual(doc.lines[4], { text: '吴忠市 2017 年政府信息公开工作年度报告', position: { line: 5, column: 1 } });
    doc.lines.forEach((line, i) => assert.equal(line.position.line, i + 1));
    // tabs of the flattened tables survive
    assert.equal(doc.lines[94]?.text, '索引号\t640300032/2018-04416\t文号\t');
    assert.deepEqual(doc.metadata, {});
  });

  void it('decodes GB18030 (GBK) bytes that are not valid UTF-8', () => {
    assert.equal(decodeText(GB18030_SAMPLE)?.encoding, 'gb18030');
    const doc = loadText(GB18030_SAMPLE);
    assert.deepEqual(
      doc.lines.map((l) => l.text),
      ['吴忠市 2017 年政府信息公开工作年度报告', '一、概述', ''],
    );
    assert.deepEqual(doc.dropped, [{ reason: 'page-number', text: '- 2 -', position: { line: 3, column: 1 } }]);
  });

  void it('strips a UTF-8 BOM and reads UTF-16 with a BOM', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('政府\n')]);
    assert.deepEqual(loadText(utf8).lines.map((l) => l.text), ['政府']);
    const utf16 = Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('年度报告\r\n第2页', 'utf16le')]));
    assert.deepEqual(loadText(utf16).lines.map((l) => l.text), ['年度报告', '']);
  });

  void it('splits on CRLF, CR, LF and form feed, replacing page-number lines by empty ones', () => {
    const text = '一、总体情况\r\n正文\r第二行\n- 1 -\n\f二、主动公开\n第 2 页 共 3 页\n规章\t1\t0\t11\n';
    const doc = loadText(new TextEncoder().encode(text));
    assert.deepEqual(
      doc.lines.map((l) => l.text),
      ['一、总体情况', '正文', '第二行', '', '', '二、主动公开', '', '规章\t1\t0\t11'],
    );
    assert.deepEqual(
      doc.dropped.map((d) => [d.text, d.position.line]),
      [
        ['- 1 -', 4],
        ['第 2 页 共 3 页', 7],
      ],
    );
  });

  void it('normalises every line (radicals, full-width forms, markup)', () => {
    const doc = loadText(new TextEncoder().encode('人\u2EA0政府 <u>２５％</u>\n**五是**推进'));
    assert.deepEqual(doc.lines.map((l) => l.text), ['人民政府 25%', '五是推进']);
  });

  void it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    assert.throws(() => loadText(new Uint8Array([0x81, 0x20, 0xff, 0xff, 0x00])), (e) => isGongkaiError(e, 'INPUT_UNSUPPORTED'));
  });

  void it('reads a UTF-8 report with one stray byte, replacing it and leaving a note', () => {
    const good = new TextEncoder().encode(`${'政府信息公开工作年度报告。'.repeat(20)}\n一、总体情况`);
    const bytes = new Uint8Array([...good.subarray(0, 30), 0x80, ...good.subarray(30)]);
    const doc = loadText(bytes);
    assert.match(doc.lines[0]?.text ?? '', /\uFFFD/);
    assert.equal(doc.lines[1]?.text, '一、总体情况');
    assert.deepEqual(doc.notes?.map((n) => n.code), ['TEXT_MALFORMED_BYTES']);
  });
});

void describe('splitLines', () => {
  void it('does not add a line for a final terminator', () => {
    assert.deepEqual(splitLines(''), []);
    assert.deepEqual(splitLines('a'), ['a']);
    assert.deepEqual(splitLines('a\n'), ['a']);
    assert.deepEqual(splitLines('a\n\n'), ['a', '']);
    assert.deepEqual(splitLines('a\r\nb\rc\fd'), ['a', 'b', 'c', 'd']);
  });
});
