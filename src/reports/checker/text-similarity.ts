/**
 * A cheap text similarity for rule V13 (CASS: “部分年报与去年的重复率竟达90%”): the Dice
 * coefficient over character bigrams, counted as multisets, of the text with whitespace and
 * punctuation removed. Linear in the text length; no segmentation needed for Chinese.
 */

/** Code points above this are impossible, so `a * BASE + b` identifies the bigram (a, b). */
const BASE = 0x110000;

/**
 * The bigrams of `text` (whitespace, punctuation and symbols removed) with their counts, keyed
 * by `first code point × 0x110000 + second`, and their total.
 */
function bigramCounts(text: string): { counts: Map<number, number>; total: number } {
  const counts = new Map<number, number>();
  let previous = -1;
  let total = 0;
  for (const ch of text.replace(/[\s\p{P}\p{S}]/gu, '')) {
    const code = ch.codePointAt(0) ?? 0;
    if (previous >= 0) {
      const key = previous * BASE + code;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
    }
    previous = code;
  }
  return { counts, total };
}

/**
 * Dice similarity of two texts in [0, 1]: 2·|A ∩ B| / (|A| + |B|) over bigram multisets.
 * Two texts too short to have a bigram are 1 when equal, else 0.
 */
export function diceSimilarity(a: string, b: string): number {
  const x = bigramCounts(a);
  const y = bigramCounts(b);
  if (x.total === 0 || y.total === 0) return x.total === y.total && a.trim() === b.trim() ? 1 : 0;
  const [small, large] = x.counts.size <= y.counts.size ? [x.counts, y.counts] : [y.counts, x.counts];
  let common = 0;
  for (const [gram, n] of small) common += Math.min(n, large.get(gram) ?? 0);
  return (2 * common) / (x.total + y.total);
}
