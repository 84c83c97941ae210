import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CJK_RADICAL_EQUIVALENTS } from './cjk-radicals.ts';

const UNICODE_FILE = '/usr/share/unicode/EquivalentUnifiedIdeograph.txt';

void describe('CJK_RADICAL_EQUIVALENTS', () => {
  void it('covers the CJK Radicals Supplement block, ascending, mapping to ideographs', () => {
    assert.equal(CJK_RADICAL_EQUIVALENTS.length, 114);
    let last = 0;
    for (const [from, to] of CJK_RADICAL_EQUIVALENTS) {
      assert.ok(from > last && from >= 0x2e80 && from <= 0x2ef3, from.toString(16));
      assert.ok((to >= 0x3400 && to <= 0x9fff) || (to >= 0x20000 && to <= 0x3ffff), to.toString(16));
      last = from;
    }
    const map = new Map(CJK_RADICAL_EQUIVALENTS);
    assert.equal(map.get(0x2ea0), 0x6c11); // ⺠ → 民
    assert.equal(map.get(0x2ee3), 0x9aa8); // ⻣ → 骨
  });

  void it('leaves out Kangxi radicals because NFKC folds every one of them', () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      assert.notEqual(String.fromCodePoint(cp).normalize('NFKC'), String.fromCodePoint(cp), cp.toString(16));
    }
  });

  void it('is current with the installed Unicode data file (regenerate with scripts/generate-cjk-radicals.ts)', { skip: !existsSync(UNICODE_FILE) }, () => {
    const expected: [number, number][] = [];
    for (const line of readFileSync(UNICODE_FILE, 'utf8').split('\n')) {
      const m = /^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([0-9A-F]{4,6})/.exec(line);
      if (!m?.[1] || !m[3]) continue;
      const first = parseInt(m[1], 16);
      const lastCp = m[2] ? parseInt(m[2], 16) : first;
      for (let cp = first; cp <= lastCp; cp++) if (cp >= 0x2e80 && cp <= 0x2eff) expected.push([cp, parseInt(m[3], 16)]);
    }
    assert.deepEqual(
      CJK_RADICAL_EQUIVALENTS.map(([a, b]) => [a, b]),
      expected,
    );
  });
});
