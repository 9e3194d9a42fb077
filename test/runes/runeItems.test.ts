// Rune-item values typed from mechanics.md §4; the optimizer is checked against brute force.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNE_ITEMS } from '../../src/game/runeItemValues.ts';
import { bestItemsToReach, closestRuneItemNames, findRuneItem, valueOfItems, type HeldItem } from '../../src/runes/runeItems.ts';

const BASE_GAME: Array<[string, number]> = [
  ['Golden Rune [1]', 200], ['Golden Rune [2]', 400], ['Golden Rune [3]', 800], ['Golden Rune [4]', 1_200],
  ['Golden Rune [5]', 1_600], ['Golden Rune [6]', 2_000], ['Golden Rune [7]', 2_500], ['Golden Rune [8]', 3_000],
  ['Golden Rune [9]', 3_800], ['Golden Rune [10]', 5_000], ['Golden Rune [11]', 6_250], ['Golden Rune [12]', 7_500],
  ['Golden Rune [13]', 10_000], ["Numen's Rune", 12_500], ["Hero's Rune [1]", 15_000], ["Hero's Rune [2]", 20_000],
  ["Hero's Rune [3]", 25_000], ["Hero's Rune [4]", 30_000], ["Hero's Rune [5]", 35_000], ["Lord's Rune", 50_000],
];
const REMEMBRANCES: Array<[string, number]> = [
  ['Remembrance of the Grafted', 20_000], ['Remembrance of the Starscourge', 40_000], ['Remembrance of the Omen King', 30_000],
  ['Remembrance of the Blasphemous', 50_000], ['Remembrance of the Rot Goddess', 50_000], ['Remembrance of the Blood Lord', 30_000],
  ['Remembrance of the Black Blade', 30_000], ['Remembrance of Hoarah Loux', 30_000], ['Remembrance of the Dragonlord', 30_000],
  ['Remembrance of the Full Moon Queen', 20_000], ['Remembrance of the Lichdragon', 30_000], ['Remembrance of the Fire Giant', 30_000],
  ['Remembrance of the Regal Ancestor', 30_000], ['Elden Remembrance', 50_000], ['Remembrance of the Naturalborn', 30_000],
];
const DLC: Array<[string, number]> = [
  ['Shadow Realm Rune [1]', 7_500], ['Shadow Realm Rune [2]', 10_000], ['Shadow Realm Rune [3]', 12_500], ['Shadow Realm Rune [4]', 15_000],
  ['Shadow Realm Rune [5]', 17_500], ['Shadow Realm Rune [6]', 22_500], ['Shadow Realm Rune [7]', 30_000],
  ['Rune of an Unsung Hero', 50_000], ["Marika's Rune", 80_000], ['Broken Rune', 500], ["Leda's Rune", 40_000],
  ['Remembrance of the Wild Boar Rider', 30_000], ['Remembrance of the Impaler', 40_000], ['Remembrance of the Shadow Sunflower', 40_000],
  ['Remembrance of the Twin Moon Knight', 30_000], ['Remembrance of the Saint of the Bud', 30_000], ['Remembrance of the Dancing Lion', 30_000],
  ['Remembrance of a God and a Lord', 50_000], ['Remembrance of the Lord of Frenzied Flame', 40_000],
  ['Remembrance of the Mother of Fingers', 40_000], ['Remembrance of Putrescence', 30_000],
];

describe('rune item values', () => {
  it('has every base-game rune item and remembrance, verified', () => {
    for (const [name, runes] of [...BASE_GAME, ...REMEMBRANCES]) {
      const item = findRuneItem(name);
      expect(item, name).toBeDefined();
      expect(item!.runes, name).toBe(runes);
      expect(item!.dlc).toBe(false);
      expect(item!.confidence).toBe('verified');
    }
  });

  it('has the DLC items, verified by the 1.16.1 params (no caveat)', () => {
    for (const [name, runes] of DLC) {
      const item = findRuneItem(name);
      expect(item, name).toBeDefined();
      expect(item!.runes, name).toBe(runes);
      expect(item!.dlc).toBe(true);
      expect(item!.confidence).toBe('verified');
      expect(item!.caveat).toBeUndefined();
    }
    // single drops, valued when held but not planned with
    expect(findRuneItem('Broken Rune')!.standard).toBe(false);
    expect(findRuneItem("Leda's Rune")!.standard).toBe(false);
  });

  it('keeps the unused Lands Between Rune out of planning', () => {
    expect(findRuneItem('Lands Between Rune')).toMatchObject({ runes: 3_000, standard: false });
    expect(RUNE_ITEMS).toHaveLength(BASE_GAME.length + REMEMBRANCES.length + DLC.length + 1);
  });

  it('resolves forgiving spellings and suggests close names', () => {
    expect(findRuneItem('golden rune 5')?.name).toBe('Golden Rune [5]');
    expect(findRuneItem('LORDS RUNE')?.name).toBe("Lord's Rune");
    expect(findRuneItem('hero’s rune [3]')?.name).toBe("Hero's Rune [3]");
    expect(findRuneItem('golden rune 14')).toBeUndefined();
    expect(closestRuneItemNames('lord rune')).toContain("Lord's Rune");
  });
});

describe('valueOfItems', () => {
  it('adds up a list', () => {
    const value = valueOfItems([{ item: 'golden rune 5', count: 3 }, { item: "lord's rune", count: 1 }]);
    expect(value.total).toBe(3 * 1_600 + 50_000);
    expect(value.lines.map((l) => l.subtotal)).toEqual([4_800, 50_000]);
    expect(value.notes).toEqual([]);
  });

  it('adds DLC values with no note, and notes the unused Lands Between Rune by name', () => {
    const value = valueOfItems([{ item: "Marika's Rune", count: 2 }, { item: 'Shadow Realm Rune [1]', count: 1 }]);
    expect(value.total).toBe(167_500);
    expect(value.notes).toEqual([]);
    const unused = valueOfItems([{ item: 'Lands Between Rune', count: 1 }]);
    expect(unused.notes).toHaveLength(1);
    expect(unused.notes[0]).toMatchObject({ id: 'lands-between-rune' });
    expect(unused.notes[0]!.text).toMatch(/^Lands Between Rune: an unused item/);
  });

  it('rejects unknown names with suggestions, and absurd counts', () => {
    expect(() => valueOfItems([{ item: 'golden runee 5', count: 1 }])).toThrow(/closest names: Golden Rune \[5\]/);
    expect(() => valueOfItems([{ item: 'golden rune 5', count: 10_000 }])).toThrow(/0 to 9,999/);
    expect(() => valueOfItems([{ item: 'golden rune 5', count: -1 }])).toThrow(RangeError);
    expect(() => valueOfItems('golden rune' as never)).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Optimizer vs brute force

interface Line { name: string; runes: number; count: number }

/** Lexicographic optimum (item count, overshoot) by enumerating every sub-multiset. */
function bruteForce(lines: Line[], target: number): { itemCount: number; overshoot: number } | null {
  let best: { itemCount: number; overshoot: number } | null = null;
  const walk = (i: number, count: number, sum: number) => {
    if (i === lines.length) {
      if (sum < target) return;
      const candidate = { itemCount: count, overshoot: sum - target };
      if (!best || candidate.itemCount < best.itemCount || (candidate.itemCount === best.itemCount && candidate.overshoot < best.overshoot)) best = candidate;
      return;
    }
    for (let c = 0; c <= lines[i]!.count; c++) walk(i + 1, count + c, sum + c * lines[i]!.runes);
  };
  walk(0, 0, 0);
  return best;
}

function checkSelection(held: Line[], result: ReturnType<typeof bestItemsToReach>) {
  if (result.kind !== 'reached') return;
  const available = new Map<string, number>();
  for (const line of held) available.set(line.name, (available.get(line.name) ?? 0) + line.count);
  let total = 0;
  let count = 0;
  for (const { item, count: used } of result.items) {
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(available.get(item.name) ?? 0);
    available.set(item.name, (available.get(item.name) ?? 0) - used);
    total += used * item.runes;
    count += used;
  }
  expect(total).toBe(result.total);
  expect(count).toBe(result.itemCount);
  expect(result.overshoot).toBe(result.total - result.target);
}

const lineArbitrary = (maxCount: number) =>
  fc.record({ index: fc.integer({ min: 0, max: RUNE_ITEMS.length - 1 }), count: fc.integer({ min: 0, max: maxCount }) }).map(({ index, count }) => ({
    name: RUNE_ITEMS[index]!.name,
    runes: RUNE_ITEMS[index]!.runes,
    count,
  }));

describe('bestItemsToReach', () => {
  it('prefers fewer items over less overshoot', () => {
    // One Golden Rune [4] (1,200) beats Golden Rune [3] + [1] (exactly 1,000) because it is one item.
    const r = bestItemsToReach('unlimited', 1_000);
    expect(r).toMatchObject({ kind: 'reached', itemCount: 1, total: 1_200, overshoot: 200 });
  });

  it('finds an exact fit when one exists at the minimum count', () => {
    const held: HeldItem[] = [
      { item: "Lord's Rune", count: 2 },
      { item: "Hero's Rune [5]", count: 1 },
      { item: "Hero's Rune [1]", count: 1 },
      { item: 'Golden Rune [1]', count: 5 },
    ];
    // 65,000 needs 2 items; the greedy pair (100,000) overshoots 35,000; Lord's + Hero's [1] is exact.
    const r = bestItemsToReach(held, 65_000);
    expect(r).toMatchObject({ kind: 'reached', itemCount: 2, total: 65_000, overshoot: 0 });
  });

  it('returns no items for a zero target and reports a shortfall when out of reach', () => {
    expect(bestItemsToReach([{ item: 'Golden Rune [1]', count: 1 }], 0)).toMatchObject({ kind: 'reached', itemCount: 0, items: [], overshoot: 0 });
    expect(bestItemsToReach([{ item: 'Golden Rune [1]', count: 2 }], 1_000)).toMatchObject({ kind: 'unreachable', available: 400, shortfall: 600 });
    expect(bestItemsToReach([], 1)).toMatchObject({ kind: 'unreachable', available: 0, shortfall: 1 });
  });

  it('prefers rune items over remembrances of the same value', () => {
    const r = bestItemsToReach([{ item: 'Elden Remembrance', count: 1 }, { item: "Lord's Rune", count: 1 }], 50_000);
    expect(r.kind === 'reached' && r.items.map((i) => i.item.name)).toEqual(["Lord's Rune"]);
  });

  it('uses only base-game items in unlimited mode unless DLC is included', () => {
    const base = bestItemsToReach('unlimited', 160_000);
    expect(base).toMatchObject({ kind: 'reached', itemCount: 4, overshoot: 0 });
    expect(base.notes).toEqual([]);
    const dlc = bestItemsToReach('unlimited', 160_000, { includeDlc: true });
    expect(dlc).toMatchObject({ kind: 'reached', itemCount: 2, overshoot: 0 });
    expect(dlc.kind === 'reached' && dlc.items.map((i) => i.item.name)).toEqual(["Marika's Rune"]);
    expect(dlc.notes).toEqual([]);
  });

  it('matches brute force on small inventories (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary(3), { minLength: 0, maxLength: 6 }), fc.integer({ min: 0, max: 400_000 }), (lines, target) => {
        const result = bestItemsToReach(lines.map((l) => ({ item: l.name, count: l.count })), target);
        const expected = bruteForce(lines, target);
        if (expected === null) {
          expect(result.kind).toBe('unreachable');
          return;
        }
        expect(result).toMatchObject({ kind: 'reached', itemCount: expected.itemCount, overshoot: expected.overshoot });
        checkSelection(lines, result);
      }),
      { numRuns: 600 },
    );
  });

  it('matches brute force with larger counts of a few item kinds (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary(25), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2_000_000 }), (lines, target) => {
        const result = bestItemsToReach(lines.map((l) => ({ item: l.name, count: l.count })), target);
        const expected = bruteForce(lines, target);
        if (expected === null) {
          expect(result.kind).toBe('unreachable');
          return;
        }
        expect(result).toMatchObject({ kind: 'reached', itemCount: expected.itemCount, overshoot: expected.overshoot });
        checkSelection(lines, result);
      }),
      { numRuns: 150 },
    );
  });

  it('matches an unbounded coin-change brute force in unlimited mode (property)', () => {
    const pool = RUNE_ITEMS.filter((i) => i.standard && !i.dlc).map((i) => i.runes);
    const maxValue = Math.max(...pool);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), (target) => {
        // fewest[s] = fewest items summing to exactly s (s a multiple of 50), for s up to target + max value.
        const unit = 50;
        const limit = Math.ceil(target / unit) + maxValue / unit;
        const fewest = new Array<number>(limit + 1).fill(Infinity);
        fewest[0] = 0;
        for (let s = 1; s <= limit; s++) for (const v of pool) if (v / unit <= s) fewest[s] = Math.min(fewest[s]!, fewest[s - v / unit]! + 1);
        let best = { itemCount: Infinity, overshoot: Infinity };
        for (let s = Math.ceil(target / unit); s <= limit; s++) {
          const candidate = { itemCount: fewest[s]!, overshoot: s * unit - target };
          if (candidate.itemCount < best.itemCount || (candidate.itemCount === best.itemCount && candidate.overshoot < best.overshoot)) best = candidate;
        }
        expect(bestItemsToReach('unlimited', target)).toMatchObject({ kind: 'reached', ...best });
      }),
      { numRuns: 60 },
    );
  });

  it('is fast for billions of runes and inventories of dozens of items', () => {
    const held = RUNE_ITEMS.map((item, i) => ({ item: item.name, count: 1_000 + ((i * 37) % 500) }));
    const started = performance.now();
    for (const target of [1_692_566_842, 2_000_000_000, 1_999_999_951, 987_654_321]) {
      const unlimited = bestItemsToReach('unlimited', target);
      expect(unlimited.kind).toBe('reached');
      const dlc = bestItemsToReach('unlimited', target, { includeDlc: true });
      expect(dlc.kind).toBe('reached');
      const bounded = bestItemsToReach(held, target);
      if (bounded.kind === 'reached') checkSelection(held.map((h) => ({ name: h.item, runes: findRuneItem(h.item)!.runes, count: h.count })), bounded);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    // 1→713 (1,692,566,842): 33,852 items is the fewest (33,851 Lord's Runes fall short). All Lord's
    // Runes overshoot by 33,158; swapping one for a Hero's Rune [2] (−30,000) leaves 3,158, and no mix
    // of the swaps available (−15,000, −20,000, −25,000, −30,000, …) gets closer without falling short.
    expect(bestItemsToReach('unlimited', 1_692_566_842)).toMatchObject({ itemCount: 33_852, overshoot: 3_158 });
  });

  it('rejects bad targets and options', () => {
    expect(() => bestItemsToReach('unlimited', -1)).toThrow(RangeError);
    expect(() => bestItemsToReach('unlimited', 1.5)).toThrow(RangeError);
    expect(() => bestItemsToReach('unlimited', 1e13)).toThrow(/1,000,000,000,000/);
    expect(() => bestItemsToReach('unlimited', 5, { includeDlc: 'yes' as never })).toThrow(TypeError);
    expect(() => bestItemsToReach('everything' as never, 5)).toThrow(TypeError);
  });
});
