// Level-up rune costs in exact integer arithmetic (mechanics.md §1).
// The game's float formula floor((max((L+81-92)*0.02, 0) + 0.1) * (L+81)^2) + 1 is one rune short at 17
// levels when evaluated in doubles; the integer form floor((L+81)^2 * max(L-6, 5) / 50) + 1 is exact.

import { MAX_LEVEL, MIN_LEVEL } from '../game/classes.ts';

/** Runes to go from level `level` to `level + 1`, for 1 ≤ level ≤ 712. */
export function levelCost(level: number): number {
  if (!Number.isInteger(level) || level < MIN_LEVEL || level >= MAX_LEVEL) {
    throw new RangeError(`level must be an integer from ${MIN_LEVEL} to ${MAX_LEVEL - 1}, got ${level}`);
  }
  const base = level + 81;
  return Math.floor((base * base * Math.max(level - 6, 5)) / 50) + 1;
}

// Prefix sums: CUMULATIVE[L] = runes to reach level L from level 1. Max value 1,692,566,842 < 2^53.
const CUMULATIVE: number[] = (() => {
  const table = new Array<number>(MAX_LEVEL + 1).fill(0);
  for (let level = MIN_LEVEL + 1; level <= MAX_LEVEL; level++) table[level] = table[level - 1]! + levelCost(level - 1);
  return table;
})();

/** Runes to go from level `from` to level `to` (from ≤ to, both in 1..713). */
export function runesBetween(from: number, to: number): number {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!Number.isInteger(value) || value < MIN_LEVEL || value > MAX_LEVEL) {
      throw new RangeError(`${name} must be an integer from ${MIN_LEVEL} to ${MAX_LEVEL}, got ${value}`);
    }
  }
  if (from > to) throw new RangeError(`from (${from}) must not be above to (${to})`);
  return CUMULATIVE[to]! - CUMULATIVE[from]!;
}
