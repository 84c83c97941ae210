import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isGongkaiError } from '../../shared/errors.ts';
import { MAX_INPUT_BYTES, MAX_TEXT_CHARS, loadInput, sniffInput } from './load-input.ts';

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const pdf = read('reports/huaian-2024.pdf');
const docx = read('templates/annual-report-2021-template.docx');
const wuzhong = read('reports/wuzhong-2017.txt');

/** Deterministic pseudo-random bytes (mulberry32). */
function noise(length: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  return Uint8Array.from({ length }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  });
}

void describe('sniffInput', () => {
  void it('recognises each kind by content', () => {
    assert.equal(sniffInput(pdf), 'pdf');
    assert.equal(sniffInput(docx), 'docx');
    assert.equal(sniffInput(wuzhong), 'text');
    assert.equal(sniffInput(read('reports/pingtan-2020.txt')), 'text');
    assert.equal(sniffInput(utf8('<!DOCTYPE html><html><body><p>年度报告</p></body></html>')), 'html');
    assert.equal(sniffInput(utf8('\n  <table><tr><td>规章</td></tr></table>')), 'html');
    assert.equal(sniffInput(utf8('<p>一、总体情况</p>')), 'html');
    assert.equal(sniffInput(utf8('\uFEFF  {"format": "2021"}')), 'json');
    assert.equal(sniffInput(noise(4096, 1)), 'binary');
    assert.equal(sniffInput(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('xl/workbook.xml')])), 'binary');
    assert.equal(sniffInput(new Uint8Array(64).fill(0)), 'binary');
  });

  void it('decodes GB18030 text as text, and leaked tags in prose do not make HTML', () => {
    assert.equal(sniffInput(Uint8Array.from(Buffer.from('cee2d6d2cad00d0a', 'hex'))), 'text');
    assert.equal(sniffInput(utf8('征地拆迁占比 <u>25%</u>\n')), 'text');
  });

  void it('uses the extension only as a tie-breaker', () => {
    assert.equal(sniffInput(wuzhong, 'report.pdf'), 'text');
    assert.equal(sniffInput(pdf, 'report.txt'), 'pdf');
    assert.equal(sniffInput(docx, 'report.pdf'), 'docx');
    assert.equal(sniffInput(utf8('年度报告\n<span>正文</span>'), 'report.html'), 'html');
    assert.equal(sniffInput(utf8('年度报告\n<span>正文</span>'), 'report.txt'), 'text');
    assert.equal(sniffInput(utf8('[1, 2]'), 'list.json'), 'json');
    assert.equal(sniffInput(utf8('[1, 2]'), 'list.txt'), 'text');
  });
});

void describe('loadInput', () => {
  void it('dispatches to the loader of each kind', async () => {
    assert.equal((await loadInput(wuzhong, 'wuzhong-2017.txt')).mediaType, 'text/plain');
    assert.equal((await loadInput(utf8('<p>一、总体情况</p>'))).mediaType, 'text/html');
    assert.equal((await loadInput(docx, 'template.pdf')).mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const gbk = await loadInput(Uint8Array.from(Buffer.from('cee2d6d2cad00d0a', 'hex')), 'gbk.txt');
    assert.deepEqual(gbk.lines.map((l) => l.text), ['吴忠市']);
  });

  void it('refuses empty and blank inputs with INPUT_EMPTY', async () => {
    await assert.rejects(loadInput(new Uint8Array(0), 'empty.txt'), (e) => isGongkaiError(e, 'INPUT_EMPTY'));
    await assert.rejects(loadInput(utf8(' \n\t\r\n- 1 -\n'), 'blank.txt'), (e) => isGongkaiError(e, 'INPUT_EMPTY'));
    await assert.rejects(loadInput(utf8('<html><head><title>t</title></head><body> </body></html>')), (e) => isGongkaiError(e, 'INPUT_EMPTY'));
  });

  void it('refuses random bytes and JSON with INPUT_UNSUPPORTED', async () => {
    await assert.rejects(loadInput(noise(4096, 7), 'noise.bin'), (e) => isGongkaiError(e, 'INPUT_UNSUPPORTED'));
    await assert.rejects(loadInput(utf8('{"format":"2021"}'), 'report.json'), (e) => isGongkaiError(e, 'INPUT_UNSUPPORTED'));
  });

  void it('refuses input over MAX_INPUT_BYTES with INPUT_TOO_LARGE before parsing', async () => {
    assert.equal(MAX_INPUT_BYTES, 20 * 1024 * 1024);
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x20);
    big.set(utf8('%PDF-1.7'));
    await assert.rejects(loadInput(big, 'big.pdf'), (e) => isGongkaiError(e, 'INPUT_TOO_LARGE'));
  });

  void it('refuses a truncated PDF with INPUT_CORRUPT', async () => {
    await assert.rejects(loadInput(pdf.slice(0, Math.floor(pdf.length / 2)), 'cut.pdf'), (e) => isGongkaiError(e, 'INPUT_CORRUPT'));
  });
});

void describe('loadInput text bound', () => {
  void it('refuses a document with more text than MAX_TEXT_CHARS, though its bytes are under the byte limit', async () => {
    const line = `${'政'.repeat(999)}\n`;
    const bytes = utf8(line.repeat(Math.ceil(MAX_TEXT_CHARS / 999) + 10));
    assert.ok(bytes.length < MAX_INPUT_BYTES);
    await assert.rejects(loadInput(bytes, 'big.txt'), (e) => isGongkaiError(e, 'INPUT_TOO_LARGE'));
  });
});
