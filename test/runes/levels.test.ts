// Expected values come from mechanics.md §1 (the game formula, its checkpoints, totals and the 17
// floating-point failures), never from running this code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highestReachableLevel, levelBreakdown, levelCost, levelPlan, runesBetween } from '../../src/runes/levels.ts';

/** The game's formula floor((max((L+81−92)·0.02, 0) + 0.1)·(L+81)²) + 1 with 0.02 and 0.1 as exact decimals. */
function exactGameCost(level: number): bigint {
  const base = BigInt(level + 81);
  const xTimes100 = (base - 92n > 0n ? base - 92n : 0n) * 2n; // ((L+81)−92)·0.02, times 100
  const numerator = (xTimes100 + 10n) * base * base; // (x + 0.1)·(L+81)², times 100
  return numerator / 100n + 1n; // BigInt division floors for non-negative values
}

/** The same formula evaluated naively in IEEE doubles. */
function naiveFloatCost(level: number): number {
  const x = Math.max((level + 81 - 92) * 0.02, 0);
  return Math.floor((x + 0.1) * (level + 81) ** 2) + 1;
}

const FLOAT_FAILURES = [209, 224, 234, 249, 274, 299, 309, 324, 374, 399, 429, 454, 479, 504, 529, 654, 679];

describe('levelCost', () => {
  it('matches the exactly evaluated game formula at every one of the 712 levels', () => {
    for (let level = 1; level <= 712; level++) {
      expect(BigInt(levelCost(level)), `level ${level}`).toBe(exactGameCost(level));
    }
  });

  it('matches the mechanics.md checkpoints', () => {
    const checkpoints: Array<[number, number]> = [
      [1, 673], [2, 689], [5, 740], [10, 829], [11, 847], [12, 1_038], [20, 2_857], [50, 15_102],
      [92, 51_478], [100, 61_591], [120, 92_115], [150, 153_680], [200, 306_369], [300, 853_547],
      [500, 3_335_103], [712, 8_879_348], [49, 14_535], [237, 467_193], [209, 341_447],
    ];
    for (const [level, cost] of checkpoints) expect(levelCost(level), `level ${level}`).toBe(cost);
  });

  it('is right at exactly the 17 levels where the naive float formula is one rune short', () => {
    const failing: number[] = [];
    for (let level = 1; level <= 712; level++) {
      if (naiveFloatCost(level) !== Number(exactGameCost(level))) failing.push(level);
    }
    expect(failing).toEqual(FLOAT_FAILURES);
    for (const level of FLOAT_FAILURES) {
      expect(naiveFloatCost(level)).toBe(Number(exactGameCost(level)) - 1);
      expect(levelCost(level)).toBe(Number(exactGameCost(level)));
    }
  });

  it('rejects levels outside 1..712 with the valid range in the message', () => {
    expect(() => levelCost(0)).toThrow(RangeError);
    expect(() => levelCost(713)).toThrow(/1 to 712/);
    expect(() => levelCost(1.5)).toThrow(RangeError);
    expect(() => levelCost(Number.NaN)).toThrow(RangeError);
    expect(() => levelCost('5' as unknown as number)).toThrow(TypeError);
  });
});

describe('runesBetween', () => {
  it('gives the published totals', () => {
    expect(runesBetween(1, 150)).toBe(7_112_459);
    expect(runesBetween(1, 713)).toBe(1_692_566_842);
    expect(runesBetween(1, 10)).toBe(6_667);
    expect(runesBetween(1, 50)).toBe(262_472);
    expect(runesBetween(1, 100)).toBe(1_997_878);
    expect(runesBetween(1, 125)).toBe(3_984_881);
    expect(runesBetween(1, 200)).toBe(18_253_715);
    expect(runesBetween(1, 712)).toBe(1_683_687_494);
  });

  it('gives the totals from each class start to 713', () => {
    expect(runesBetween(5, 713)).toBe(1_692_564_051);
    expect(runesBetween(6, 713)).toBe(1_692_563_311);
    expect(runesBetween(7, 713)).toBe(1_692_562_554);
    expect(runesBetween(8, 713)).toBe(1_692_561_779);
    expect(runesBetween(9, 713)).toBe(1_692_560_986);
    expect(runesBetween(10, 713)).toBe(1_692_560_175);
  });

  it('equals the sum of exact costs (naive float total would be 1,692,566,825)', () => {
    let exact = 0n;
    let naive = 0;
    for (let level = 1; level <= 712; level++) {
      exact += exactGameCost(level);
      naive += naiveFloatCost(level);
    }
    expect(BigInt(runesBetween(1, 713))).toBe(exact);
    expect(naive).toBe(1_692_566_825);
  });

  it('is additive and zero on an empty range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 713 }), fc.integer({ min: 1, max: 713 }), fc.integer({ min: 1, max: 713 }), (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(runesBetween(x, z)).toBe(runesBetween(x, y) + runesBetween(y, z));
        expect(runesBetween(x, x)).toBe(0);
      }),
    );
  });

  it('rejects from > to and out-of-range levels', () => {
    expect(() => runesBetween(10, 9)).toThrow(RangeError);
    expect(() => runesBetween(0, 9)).toThrow(/1 to 713/);
    expect(() => runesBetween(1, 714)).toThrow(RangeError);
  });
});

describe('highestReachableLevel', () => {
  it('finds exact boundaries', () => {
    // From 1 with exactly the runes to reach 150: level 150, nothing left, next costs 153,680.
    expect(highestReachableLevel(1, 7_112_459)).toEqual({
      fromLevel: 1,
      level: 150,
      levelsGained: 149,
      runesSpent: 7_112_459,
      leftover: 0,
      nextLevelCost: 153_680,
      runesShortOfNext: 153_680,
    });
    // One rune short of the 150 total stays at 149, with everything above runesBetween(1, 149) left over.
    const r = highestReachableLevel(1, 7_112_458);
    expect(r.level).toBe(149);
    expect(r.leftover + runesBetween(1, 149)).toBe(7_112_458);
    expect(highestReachableLevel(1, 0)).toMatchObject({ level: 1, leftover: 0, nextLevelCost: 673, runesShortOfNext: 673 });
    expect(highestReachableLevel(1, 672)).toMatchObject({ level: 1, leftover: 672, runesShortOfNext: 1 });
    expect(highestReachableLevel(1, 673)).toMatchObject({ level: 2, leftover: 0 });
  });

  it('stops at 713 with the rest left over', () => {
    expect(highestReachableLevel(1, 1_692_566_842)).toMatchObject({ level: 713, leftover: 0, nextLevelCost: null, runesShortOfNext: null });
    expect(highestReachableLevel(700, 1_000_000_000_000)).toMatchObject({ level: 713, nextLevelCost: null });
    expect(highestReachableLevel(713, 5)).toMatchObject({ level: 713, leftover: 5, levelsGained: 0 });
  });

  it('is the inverse of runesBetween (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 713 }), fc.integer({ min: 0, max: 2_000_000_000 }), (from, runes) => {
        const r = highestReachableLevel(from, runes);
        expect(runesBetween(from, r.level) + r.leftover).toBe(runes);
        expect(r.leftover).toBeGreaterThanOrEqual(0);
        if (r.level < 713) {
          expect(r.nextLevelCost).toBe(levelCost(r.level));
          expect(r.leftover).toBeLessThan(r.nextLevelCost!);
        }
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 713 }), fc.integer({ min: 1, max: 713 }), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(highestReachableLevel(from, runesBetween(from, to))).toMatchObject({ level: to, leftover: 0 });
      }),
    );
  });

  it('rejects negative runes and bad levels', () => {
    expect(() => highestReachableLevel(1, -1)).toThrow(RangeError);
    expect(() => highestReachableLevel(0, 1)).toThrow(RangeError);
    expect(() => highestReachableLevel(1, 1e13)).toThrow(/1,000,000,000,000/);
  });
});

describe('levelBreakdown and levelPlan', () => {
  it('lists each level-up with a running total', () => {
    expect(levelBreakdown(1, 3)).toEqual([
      { level: 1, cost: 673, cumulative: 673 },
      { level: 2, cost: 689, cumulative: 1_362 },
    ]);
    expect(levelBreakdown(5, 5)).toEqual([]);
    const all = levelBreakdown(1, 713);
    expect(all).toHaveLength(712);
    expect(all.at(-1)).toEqual({ level: 712, cost: 8_879_348, cumulative: 1_692_566_842 });
  });

  it('says what is missing after held runes', () => {
    expect(levelPlan(1, 150, 7_000_000)).toEqual({ from: 1, to: 150, total: 7_112_459, held: 7_000_000, missing: 112_459, surplus: 0 });
    expect(levelPlan(1, 10, 10_000)).toMatchObject({ total: 6_667, missing: 0, surplus: 3_333 });
    expect(() => levelPlan(1, 10, -5)).toThrow(RangeError);
  });
});
