/**
 * A small seeded pseudo-random generator (mulberry32) for the demo data, so every load of the demo
 * region writes the same names, dates and outcomes. Not for anything secret. (test/helpers/prng.ts
 * has the same generator for tests; src must not import test/.)
 */

/** A seeded source of numbers, with the few draws the demo needs. */
export interface DemoRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. @throws Error on an empty list */
  pick<T>(list: readonly T[]): T;
  /** One element of a non-empty list, chosen with the given weights (same length). @throws Error on an empty list */
  weighted<T>(list: readonly (readonly [T, number])[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** A generator of numbers from `seed` (any 32-bit integer). */
export function demoRandom(seed: number): DemoRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(list: readonly T[]): T {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted<T>(list: readonly (readonly [T, number])[]): T {
      const total = list.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of list) {
        r -= w;
        if (r < 0) return item;
      }
      const last = list[list.length - 1];
      if (last === undefined) throw new Error('pick from an empty list');
      return last[0];
    },
    chance: (p: number): boolean => next() < p,
  };
}
