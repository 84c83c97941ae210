// Similarity of this year's narrative to last year's (V13), on texts whose bigram Dice
// coefficient is computed by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_RATED_CHARS, SIMILARITY_NOTICE, SIMILARITY_WARNING, sectionSimilarity, stripNumbers } from './report-similarity.ts';

/** `n` distinct Han characters from U+4E00 + `from`: every bigram of the run occurs once. */
function run(from: number, n: number): string {
  return Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + from + i)).join('');
}

void describe('stripNumbers', () => {
  void it('removes numbers with separators and decimals, and full-width digits', () => {
    assert.equal(stripNumbers('新收3,119件，占44.7%，１２件，2024年'), '新收件，占%，件，年');
  });
});

void describe('sectionSimilarity', () => {
  void it('rates a text copied with only its numbers changed as fully similar: a warning', () => {
    const prose = '本年度新收政府信息公开申请件，办结件，均在法定期限内予以答复，未发生因政府信息公开被纠错的情况。';
    const current = { overview: prose.replace('申请件', '申请3119件').replace('办结件', '办结3050件') };
    const previous = { overview: prose.replace('申请件', '申请2875件').replace('办结件', '办结2790件') };
    const result = sectionSimilarity(current, previous);
    assert.deepEqual(result.sections, [{ id: 'overview', similarity: 1, level: 'warning' }]);
    assert.equal(result.overall, 1);
    assert.equal(result.level, 'warning');
  });

  void it('computes the Dice coefficient of character bigrams', () => {
    // 政府 府信 信息 息公 公开 / 政府 府信 信息 息管 管理: 2 × 3 / (5 + 5) = 0.6; too short to rate.
    const result = sectionSimilarity({ other: '政府信息公开' }, { other: '政府信息管理' });
    assert.deepEqual(result.sections, [{ id: 'other', similarity: 0.6, level: null }]);
  });

  void it('rates 0.7 ≤ s < 0.9 a notice and ≥ 0.9 a warning', () => {
    const last = run(0, 40); // 39 bigrams
    // 30 shared characters then 10 new: 29 shared bigrams; 2 × 29 / 78 = 0.744
    const rewritten = run(0, 30) + run(100, 10);
    // 37 shared then 3 new: 36 shared bigrams; 2 × 36 / 78 = 0.923
    const touched = run(0, 37) + run(100, 3);
    // 20 shared then 20 new: 19 shared bigrams; 2 × 19 / 78 = 0.487
    const fresh = run(0, 20) + run(100, 20);
    const result = sectionSimilarity({ a: rewritten, b: touched, c: fresh }, { a: last, b: last, c: last });
    assert.deepEqual(result.sections, [
      { id: 'a', similarity: 0.744, level: 'notice' },
      { id: 'b', similarity: 0.923, level: 'warning' },
      { id: 'c', similarity: 0.487, level: null },
    ]);
    assert.equal(SIMILARITY_WARNING, 0.9);
    assert.equal(SIMILARITY_NOTICE, 0.7);
  });

  void it('does not rate short sections, which are the same every year by nature', () => {
    const result = sectionSimilarity({ other: '无其他需要报告的事项。' }, { other: '无其他需要报告的事项。' });
    assert.deepEqual(result.sections, [{ id: 'other', similarity: 1, level: null }]);
    assert.ok('无其他需要报告的事项'.length < MIN_RATED_CHARS);
  });

  void it('gives null for a section last year did not have, and compares the whole text overall', () => {
    const last = run(0, 40);
    const result = sectionSimilarity({ overview: last, problems: run(200, 40) }, { overview: last });
    assert.deepEqual(result.sections, [
      { id: 'overview', similarity: 1, level: 'warning' },
      { id: 'problems', similarity: null, level: null },
    ]);
    // whole: 40 + '\n' + 40 characters (the newline is dropped): 79 bigrams, of which the 39 of
    // last year's text: 2 × 39 / (79 + 39) = 0.661
    assert.equal(result.overall, 0.661);
    assert.equal(result.level, null);
  });
});
