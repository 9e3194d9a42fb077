// Best starting class for a target stat spread (mechanics.md §2).
// Errors: TypeError / RangeError as described in validate.ts.

import { CLASSES, MAX_STAT, MIN_STAT, STAT_KEYS, levelFromStats, type Stat, type StartingClass, type Stats } from '../game/classes.ts';
import { runesBetween } from './levels.ts';
import { requireInteger, requireObject } from './validate.ts';

export interface ClassRanking {
  /** 1 = best. Classes tied on level and waste share neither rank nor order: see rankClassesForBuild. */
  rank: number;
  class: StartingClass;
  /** Level with every stat at max(class start, target). */
  level: number;
  finalStats: Stats;
  /** Levels to gain from the class's starting level. */
  levelsToGain: number;
  /** Runes from the class's starting level to `level` (exact). */
  runesNeeded: number;
  /** Per stat: points the class starts with above a target the player set lower (only stats in the target). */
  wasted: Partial<Record<Stat, number>>;
  totalWasted: number;
}

/** Validates a partial stat spread: known keys only, each an integer from 1 to 99. */
export function validateTargetStats(target: unknown): Partial<Stats> {
  const object = requireObject('target', target);
  const out: Partial<Stats> = {};
  for (const [key, value] of Object.entries(object)) {
    if (!(STAT_KEYS as readonly string[]).includes(key)) {
      throw new RangeError(`unknown stat "${key}"; valid stats: ${STAT_KEYS.join(', ')}`);
    }
    if (value === undefined) continue;
    out[key as Stat] = requireInteger(key, value, MIN_STAT, MAX_STAT);
  }
  return out;
}

/**
 * Ranks all ten classes for a target spread (any subset of the eight stats, each 1..99).
 * Order, best first:
 *   1. lowest resulting level (= fewest levels to buy in total, counting the start level),
 *   2. fewest runes needed from the class's starting level (when several classes end at the same
 *      level, e.g. every stat at 99, the one that starts highest pays least),
 *   3. fewest wasted points (points the class has above a target you set lower; points in stats
 *      you did not set are not counted as waste),
 *   4. CharaInitParam row order (Vagabond, Warrior, Hero, …, Wretch), only to make the order stable.
 * Classes equal on 1, 2 and 3 get the same `rank` number.
 */
export function rankClassesForBuild(target: Partial<Stats>): ClassRanking[] {
  const wanted = validateTargetStats(target);
  const rows = CLASSES.map((cls, order) => {
    const finalStats = { ...cls.stats };
    const wasted: Partial<Record<Stat, number>> = {};
    let totalWasted = 0;
    for (const stat of STAT_KEYS) {
      const goal = wanted[stat];
      if (goal === undefined) continue;
      const start = cls.stats[stat];
      finalStats[stat] = Math.max(start, goal);
      if (start > goal) {
        wasted[stat] = start - goal;
        totalWasted += start - goal;
      }
    }
    const level = levelFromStats(finalStats);
    return { order, cls, level, finalStats, wasted, totalWasted, runesNeeded: runesBetween(cls.level, level) };
  });
  rows.sort((a, b) => a.level - b.level || a.runesNeeded - b.runesNeeded || a.totalWasted - b.totalWasted || a.order - b.order);
  let rank = 0;
  return rows.map((row, index) => {
    const previous = rows[index - 1];
    const tied = previous && previous.level === row.level && previous.runesNeeded === row.runesNeeded && previous.totalWasted === row.totalWasted;
    if (!tied) rank = index + 1;
    return {
      rank,
      class: row.cls,
      level: row.level,
      finalStats: row.finalStats,
      levelsToGain: row.level - row.cls.level,
      runesNeeded: row.runesNeeded,
      wasted: row.wasted,
      totalWasted: row.totalWasted,
    };
  });
}
