import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ValueType } from '../format/report-format.ts';
import { FORMAT_2019 } from '../format/format-2019.ts';
import { narrowByColumnIdentities } from './column-identities.ts';
import { splitRow } from './number-splitter.ts';
import type { RowIdentity, SplitResult, SplitToken } from './number-splitter.ts';

/** Tokens from printed text: whitespace-separated, offsets into that text. */
function tokens(printed: string): SplitToken[] {
  return [...printed.matchAll(/\S+/g)].map((m) => ({ text: m[0], offset: m.index }));
}

const counts = (n: number): ValueType[] => new Array<ValueType>(n).fill('count');
/** V03 for table 三: column 6 (总计) = columns 0..5. */
const V03: RowIdentity[] = [{ left: [6], relation: 'eq', right: [0, 1, 2, 3, 4, 5] }];
/** V04 for table 四: in each group of five, the fifth = the first four. */
const V04: RowIdentity[] = [0, 5, 10].map((g) => ({ left: [g + 4], relation: 'eq', right: [g, g + 1, g + 2, g + 3] }));
const values = (r: SplitResult): number[][] => r.candidates.map((c) => c.map((p) => p.value));

void describe('splitRow: table 三 rows of 平潭 2020 (7 columns, V03)', () => {
  void it('splits 200 000121 into 20,0,0,0,0,1,21 (the only split where 总计 = the sum)', () => {
    const r = splitRow(tokens('200 000121'), counts(7), V03);
    assert.equal(r.status, 'unique');
    assert.equal(r.forced, false);
    assert.deepEqual(values(r), [[20, 0, 0, 0, 0, 1, 21]]);
    // Each part keeps the offset of its first digit in the printed text.
    assert.deepEqual(
      r.candidates[0]?.map((p) => [p.raw, p.offset]),
      [
        ['20', 0],
        ['0', 2],
        ['0', 4],
        ['0', 5],
        ['0', 6],
        ['1', 7],
        ['21', 8],
      ],
    );
  });

  void it('splits 6000017 into 6,0,0,0,0,1,7', () => {
    assert.deepEqual(values(splitRow(tokens('6000017'), counts(7), V03)), [[6, 0, 0, 0, 0, 1, 7]]);
  });

  void it('splits 20 0 00 0 121 into 20,0,0,0,0,1,21 (12,1 would break V03)', () => {
    const r = splitRow(tokens('20 0 00 0 121'), counts(7), V03);
    assert.equal(r.status, 'unique');
    assert.deepEqual(values(r), [[20, 0, 0, 0, 0, 1, 21]]);
  });

  void it('splits 0 0 00 00 0 into seven zeros (no leading zeros: 00 is two cells)', () => {
    const r = splitRow(tokens('0 0 00 00 0'), counts(7), V03);
    assert.equal(r.status, 'unique');
    assert.deepEqual(values(r), [[0, 0, 0, 0, 0, 0, 0]]);
    assert.equal(r.splitCount, 1);
  });

  void it('splits the fifteen glued zeros of table 四 with V04', () => {
    const r = splitRow(tokens('000000000000000'), counts(15), V04);
    assert.deepEqual(values(r), [new Array<number>(15).fill(0)]);
  });

  void it('uses the only possible split even when it breaks the identity (forced)', () => {
    const r = splitRow(tokens('1111111'), counts(7), V03);
    assert.equal(r.status, 'unique');
    assert.equal(r.forced, true);
    assert.deepEqual(values(r), [[1, 1, 1, 1, 1, 1, 1]]);
  });

  void it('lists every split when several exist and none satisfies the identity', () => {
    const r = splitRow(tokens('1234 56789'), counts(7), V03);
    assert.equal(r.status, 'ambiguous');
    assert.equal(r.forced, false);
    assert.ok(r.splitCount > 1);
    assert.equal(r.candidates.length, r.splitCount);
    assert.ok(values(r).some((c) => c.join() === '1,2,3,4,5,6,789'));
  });

  void it('keeps several candidates when the row identity allows several splits', () => {
    const r = splitRow(tokens('100001011'), counts(7), V03);
    assert.equal(r.status, 'ambiguous');
    const found = values(r).map((c) => c.join());
    assert.ok(found.includes('1,0,0,0,0,10,11'));
    assert.ok(found.includes('10,0,0,0,1,0,11'));
    for (const c of values(r)) assert.equal(c[6], c.slice(0, 6).reduce((a, b) => a + b, 0));
  });
});

void describe('splitRow: signs and decimals (table 二 of the 2019 format)', () => {
  const project: ValueType[] = ['count', 'signed-count', 'count'];

  void it('splits 007 into 0,0,7', () => {
    assert.deepEqual(values(splitRow(tokens('007'), counts(3))), [[0, 0, 7]]);
  });

  void it('splits 35-15 into 35 and -15: a minus starts a number, only in 本年增/减', () => {
    const r = splitRow(tokens('35-15'), ['count', 'signed-count']);
    assert.equal(r.status, 'unique');
    assert.deepEqual(values(r), [[35, -15]]);
    assert.equal(r.candidates[0]?.[1]?.raw, '-15');
  });

  void it('finds 2648-18538 ambiguous: 2648 then -1/8538, -18/538, -185/38, -1853/8', () => {
    const r = splitRow(tokens('2648-18538'), project);
    assert.equal(r.status, 'ambiguous');
    assert.deepEqual(values(r).map((c) => c.join()).sort(), ['2648,-1,8538', '2648,-18,538', '2648,-185,38', '2648,-1853,8'].sort());
  });

  void it('refuses a minus in a column that cannot be negative', () => {
    assert.equal(splitRow(tokens('5-3'), counts(2)).status, 'none');
    assert.equal(splitRow(tokens('-5 3'), ['count', 'signed-count']).status, 'none');
  });

  void it('keeps the digits of a decimal together, only in an amount column', () => {
    assert.deepEqual(values(splitRow(tokens('96171.6'), ['amount'])), [[96171.6]]);
    assert.deepEqual(values(splitRow(tokens('12.53'), ['count', 'amount'])), [[1, 2.53]]);
    assert.equal(splitRow(tokens('12.53'), ['amount', 'count']).status, 'none');
    assert.equal(splitRow(tokens('12.5'), counts(2)).status, 'none');
  });

  void it('finds 39573802895.90 (采购项目数量, 采购总金额) ambiguous in 9 ways (02895.90 has a leading zero)', () => {
    const r = splitRow(tokens('39573802895.90'), ['count', 'amount']);
    assert.equal(r.status, 'ambiguous');
    assert.equal(r.candidates.length, 9);
    assert.ok(values(r).some((c) => c.join() === '39573,802895.9'));
    assert.ok(!values(r).some((c) => c[0] === 395738));
  });

  void it('refuses rows with fewer digits than columns, or more tokens than columns', () => {
    assert.equal(splitRow(tokens('12'), counts(3)).status, 'none');
    assert.equal(splitRow(tokens('1 2 3 4'), counts(3)).status, 'none');
    assert.equal(splitRow([], counts(3)).status, 'none');
  });
});

void describe('splitRow: bounds', () => {
  void it('returns at once on a 5,000-digit run: ambiguous, truncated, no candidates', () => {
    const started = performance.now();
    const r = splitRow(tokens('7'.repeat(5000)), counts(7), V03);
    assert.ok(performance.now() - started < 100);
    assert.equal(r.status, 'ambiguous');
    assert.equal(r.truncated, true);
    assert.equal(r.limit, 'token-length');
    assert.deepEqual(r.candidates, []);
  });

  void it('stops a search with millions of splits within its work bound', () => {
    const started = performance.now();
    const r = splitRow(tokens('123456789'.repeat(4)), counts(15));
    assert.ok(performance.now() - started < 2000);
    assert.ok(r.splitCount > 20_000);
    assert.equal(r.status, 'ambiguous');
    assert.equal(r.truncated, true);
    assert.equal(r.limit, 'work');
    assert.ok(r.candidates.length <= 50);
  });

  void it('prunes with the identities beyond the exhaustive bound and can still find the unique split', () => {
    // 15 cells of table 四 glued: 72 64 178 37 351 | 13 4 8 1 26 | 12 1 1 6 20 (淮安 2024).
    const r = splitRow(tokens('72641783735113481261211620'), counts(15), V04);
    assert.ok(r.splitCount > 20_000);
    assert.ok(r.status === 'unique' || r.status === 'ambiguous');
    if (r.status === 'unique') assert.deepEqual(values(r), [[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]]);
    else assert.ok(values(r).some((c) => c.join() === '72,64,178,37,351,13,4,8,1,26,12,1,1,6,20'));
  });
});

void describe('narrowByColumnIdentities: V01/V02 resolve a row ambiguous on its own', () => {
  const t3 = FORMAT_2019.tables.find((t) => t.id === 't3')!;
  const columns = t3.columns.map((c) => c.id);
  const verified = FORMAT_2019.identities.filter((i) => i.verified);
  const A = [1, 0, 0, 0, 0, 10, 11];
  const B = [10, 0, 0, 0, 1, 0, 11];

  /** Known cells: every t3 row at zero except those given. */
  function known(rows: Record<string, number[]>, skip: string[]): Map<string, number> {
    const map = new Map<string, number>();
    for (const row of t3.rows) {
      if (skip.includes(row.id)) continue;
      columns.forEach((c, i) => map.set(`t3/${row.id}/${c}`, rows[row.id]?.[i] ?? 0));
    }
    return map;
  }

  void it('keeps the candidate of 一、本年新收 that makes 一 + 二 = （七） + 四 hold', () => {
    const kept = narrowByColumnIdentities('t3', columns, verified, known({ total: A, disclosed: A }, ['new']), [{ rowId: 'new', candidates: [B, A] }]);
    assert.deepEqual(kept?.get('new'), [1]);
  });

  void it('resolves two ambiguous rows together (一 through V01, （一） through V02)', () => {
    const kept = narrowByColumnIdentities('t3', columns, verified, known({ total: B }, ['new', 'disclosed']), [
      { rowId: 'new', candidates: [A, B] },
      { rowId: 'disclosed', candidates: [A, B] },
    ]);
    assert.deepEqual(kept?.get('new'), [1]);
    assert.deepEqual(kept?.get('disclosed'), [1]);
  });

  void it('sets aside an identity the fixed cells break, and decides with the others', () => {
    // （七）总计 prints 99 in 总计, which no candidate of 一 can match: V01/总计 is set aside
    // instead of rejecting both candidates; V01 on 自然人 and 法律服务机构 still picks A.
    const total = [1, 0, 0, 0, 0, 10, 99];
    const kept = narrowByColumnIdentities('t3', columns, verified, known({ total }, ['new']), [{ rowId: 'new', candidates: [A, B] }]);
    assert.deepEqual(kept?.get('new'), [0]);
  });

  void it('returns null when no identity can decide', () => {
    assert.equal(narrowByColumnIdentities('t3', columns, [], new Map(), [{ rowId: 'new', candidates: [A, B] }]), null);
  });
});
