// Level-up rune costs in exact integer arithmetic (mechanics.md §1).
// The game's float formula floor((max((L+81-92)*0.02, 0) + 0.1) * (L+81)^2) + 1 is one rune short at 17
// levels when evaluated in doubles; the integer form floor((L+81)^2 * max(L-6, 5) / 50) + 1 is exact.
// Every intermediate value here is an integer below 2^53, so Number arithmetic is exact.
// Errors: TypeError for a non-number, RangeError for a non-integer or out-of-range value (see validate.ts).

import { MAX_LEVEL, MIN_LEVEL } from '../game/classes.ts';
import { MAX_RUNE_INPUT } from '../game/limits.ts';
import { requireInteger } from './validate.ts';

/** Runes to go from level `level` to `level + 1`, for 1 ≤ level ≤ 712. */
export function levelCost(level: number): number {
  requireInteger('level', level, MIN_LEVEL, MAX_LEVEL - 1);
  const base = level + 81;
  // base^2 * 707 < 2^53, and floor of an exact integer quotient is exact in doubles.
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
  requireInteger('from', from, MIN_LEVEL, MAX_LEVEL);
  requireInteger('to', to, MIN_LEVEL, MAX_LEVEL);
  if (from > to) throw new RangeError(`from (${from}) must not be above to (${to})`);
  return CUMULATIVE[to]! - CUMULATIVE[from]!;
}

export interface ReachableLevel {
  fromLevel: number;
  /** Highest level reachable by spending `runes` from `fromLevel` (may equal fromLevel). */
  level: number;
  levelsGained: number;
  runesSpent: number;
  leftover: number;
  /** Cost of the next level up from `level`; null at the cap (713). */
  nextLevelCost: number | null;
  /** Runes still missing for that next level; null at the cap. */
  runesShortOfNext: number | null;
}

/**
 * The inverse of runesBetween: the highest level reachable from `fromLevel` (1..713) with `runes`
 * (0..MAX_RUNE_INPUT), and what is left over. Binary search over the exact prefix sums.
 */
export function highestReachableLevel(fromLevel: number, runes: number): ReachableLevel {
  requireInteger('fromLevel', fromLevel, MIN_LEVEL, MAX_LEVEL);
  requireInteger('runes', runes, 0, MAX_RUNE_INPUT);
  const budget = CUMULATIVE[fromLevel]! + runes;
  // Largest level L in [fromLevel, MAX_LEVEL] with CUMULATIVE[L] <= budget (CUMULATIVE is increasing).
  let lo = fromLevel;
  let hi = MAX_LEVEL;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (CUMULATIVE[mid]! <= budget) lo = mid;
    else hi = mid - 1;
  }
  const runesSpent = CUMULATIVE[lo]! - CUMULATIVE[fromLevel]!;
  const leftover = runes - runesSpent;
  const nextLevelCost = lo < MAX_LEVEL ? levelCost(lo) : null;
  return {
    fromLevel,
    level: lo,
    levelsGained: lo - fromLevel,
    runesSpent,
    leftover,
    nextLevelCost,
    runesShortOfNext: nextLevelCost === null ? null : nextLevelCost - leftover,
  };
}

export interface LevelStep {
  /** The level being left: this row is the cost of level → level + 1. */
  level: number;
  cost: number;
  /** Running total from the requested `from` level up to and including this step. */
  cumulative: number;
}

/** One row per level-up from `from` to `to` (from ≤ to; empty when equal). At most 712 rows. */
export function levelBreakdown(from: number, to: number): LevelStep[] {
  runesBetween(from, to); // validates
  const rows: LevelStep[] = [];
  let cumulative = 0;
  for (let level = from; level < to; level++) {
    const cost = levelCost(level);
    cumulative += cost;
    rows.push({ level, cost, cumulative });
  }
  return rows;
}

export interface LevelPlan {
  from: number;
  to: number;
  total: number;
  held: number;
  /** Runes still to collect (0 when `held` already covers the total). */
  missing: number;
  /** Runes left after paying for every level (0 when short). */
  surplus: number;
}

/** Runes needed from `from` to `to`, and what is still missing after `held` (0..MAX_RUNE_INPUT). */
export function levelPlan(from: number, to: number, held = 0): LevelPlan {
  const total = runesBetween(from, to);
  requireInteger('held', held, 0, MAX_RUNE_INPUT);
  return { from, to, total, held, missing: Math.max(total - held, 0), surplus: Math.max(held - total, 0) };
}
