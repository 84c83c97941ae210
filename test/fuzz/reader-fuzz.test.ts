// The reader never crashes: mutated real reports (truncated, shuffled, random bytes, huge numbers,
// empty, binary, wrong extension, 50 MB) give a structured report whose check returns findings, or
// a typed could-not-read error, within bounded time and memory. Mutations are seeded: reruns are identical.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkReport } from '../../src/reports/checker/check-report.ts';
import { MAX_INPUT_BYTES } from '../../src/reports/reader/load-input.ts';
import { readReport } from '../../src/reports/reader/read-report.ts';
import { isGongkaiError } from '../../src/shared/errors.ts';
import { fixturePath } from '../acceptance/read-fixture.ts';
import { prng } from '../helpers/prng.ts';

const READ_ERRORS = new Set(['INPUT_EMPTY', 'INPUT_TOO_LARGE', 'INPUT_UNSUPPORTED', 'INPUT_CORRUPT', 'NOT_A_REPORT']);
const PER_CASE_MS = 10_000;

/** Reads and checks `bytes`; asserts the outcome is findings or a typed read error, in bounded time. */
async function assertReadsOrRefuses(bytes: Uint8Array, fileName: string, label: string): Promise<string> {
  const start = performance.now();
  let outcome: string;
  try {
    const report = await readReport(bytes, { fileName });
    const findings = checkReport(report);
    assert.ok(Array.isArray(findings), label);
    outcome = 'report';
  } catch (error) {
    assert.ok(isGongkaiError(error) && READ_ERRORS.has(error.code), `${label}: unexpected ${error instanceof Error ? error.stack : String(error)}`);
    outcome = error.code;
  }
  const ms = performance.now() - start;
  assert.ok(ms < PER_CASE_MS, `${label} took ${ms.toFixed(0)} ms`);
  return outcome;
}

const encoder = new TextEncoder();
const texts = ['wuzhong-2017.txt', 'pingtan-2020.txt'].map((name) => ({ name, text: readFileSync(fixturePath(`reports/${name}`), 'utf8') }));
const pdf = new Uint8Array(readFileSync(fixturePath('reports/huaian-2024.pdf')));

describe('reader fuzz', () => {
  it('empty, whitespace-only and binary inputs are refused with typed errors', async () => {
    assert.equal(await assertReadsOrRefuses(new Uint8Array(0), 'empty.txt', 'empty'), 'INPUT_EMPTY');
    assert.equal(await assertReadsOrRefuses(encoder.encode(' \n\t\n  '), 'blank.txt', 'blank'), 'INPUT_EMPTY');
    const random = prng(1);
    const binary = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    assert.equal(await assertReadsOrRefuses(binary, 'noise.bin', 'binary'), 'INPUT_UNSUPPORTED');
  });

  it('truncated text and PDF reports', async () => {
    const random = prng(2);
    for (const { name, text } of texts) {
      for (let i = 0; i < 12; i++) {
        const cut = Math.floor(random() * text.length);
        await assertReadsOrRefuses(encoder.encode(text.slice(0, cut)), name, `${name} cut at ${cut}`);
      }
    }
    for (let i = 0; i < 6; i++) {
      const cut = Math.floor(random() * pdf.length);
      await assertReadsOrRefuses(pdf.slice(0, cut), 'huaian-2024.pdf', `pdf cut at ${cut}`);
    }
  });

  it('text reports with lines shuffled', async () => {
    const random = prng(3);
    for (const { name, text } of texts) {
      for (let i = 0; i < 6; i++) {
        const lines = text.split('\n');
        for (let j = lines.length - 1; j > 0; j--) {
          const k = Math.floor(random() * (j + 1));
          [lines[j], lines[k]] = [lines[k]!, lines[j]!];
        }
        assert.equal(await assertReadsOrRefuses(encoder.encode(lines.join('\n')), name, `${name} shuffled ${i}`), 'report');
      }
    }
  });

  it('random bytes overwritten in text and PDF reports', async () => {
    const random = prng(4);
    for (const { name, text } of texts) {
      for (let i = 0; i < 6; i++) {
        const bytes = encoder.encode(text);
        for (let j = 0; j < 200; j++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        await assertReadsOrRefuses(bytes, name, `${name} noise ${i}`);
      }
    }
    for (let i = 0; i < 4; i++) {
      const bytes = pdf.slice();
      for (let j = 0; j < 50; j++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      await assertReadsOrRefuses(bytes, 'huaian-2024.pdf', `pdf noise ${i}`);
    }
  });

  it('huge numbers in tables and narrative', async () => {
    const random = prng(5);
    for (const { name, text } of texts) {
      const huge = text.replace(/\d+/g, (digits) => (random() < 0.3 ? '9'.repeat(300 + Math.floor(random() * 3000)) : digits));
      assert.equal(await assertReadsOrRefuses(encoder.encode(huge), name, `${name} huge numbers`), 'report');
      const floats = text.replace(/\d+/g, (digits) => (random() < 0.3 ? '1e308' : random() < 0.1 ? `${digits}.${'5'.repeat(400)}` : digits));
      assert.equal(await assertReadsOrRefuses(encoder.encode(floats), name, `${name} float-like numbers`), 'report');
    }
    const flat = texts[1]!.text.replace('200 000121', '1'.repeat(5000));
    assert.equal(await assertReadsOrRefuses(encoder.encode(flat), 'pingtan-2020.txt', 'a 5,000-digit flattened row'), 'report');
  });

  it('wrong extensions: the content decides', async () => {
    assert.equal(await assertReadsOrRefuses(pdf, 'report.txt', 'pdf named .txt'), 'report');
    assert.equal(await assertReadsOrRefuses(encoder.encode(texts[0]!.text), 'report.pdf', 'text named .pdf'), 'report');
    const docx = new Uint8Array(readFileSync(fixturePath('templates/annual-report-2021-template.docx')));
    assert.equal(await assertReadsOrRefuses(docx, 'template.pdf', 'docx named .pdf'), 'report');
  });

  it('a 50 MB file is refused before parsing, in bounded time and memory', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x31);
    assert.ok(big.length > MAX_INPUT_BYTES);
    const before = process.memoryUsage().rss;
    assert.equal(await assertReadsOrRefuses(big, 'big.txt', '50 MB'), 'INPUT_TOO_LARGE');
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'no copy of the input was made');
  });

  it('a large report just under the limit is read in bounded time', async () => {
    const base = texts[0]!.text;
    const repeated = base.repeat(Math.floor((4 * 1024 * 1024) / Buffer.byteLength(base)));
    assert.equal(await assertReadsOrRefuses(encoder.encode(repeated), 'big.txt', '4 MB report'), 'report');
  });
});
