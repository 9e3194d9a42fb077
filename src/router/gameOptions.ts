// Options several commands share, stated once with the game's own ranges (src/game).

import { MAX_LEVEL, MAX_STAT, MIN_LEVEL, MIN_STAT, STAT_KEYS, type Stat } from '../game/classes.ts';
import { integer, type IntegerSpec } from './spec.ts';

/** A stat value, 1 to 99. */
export function statOption(description: string): IntegerSpec {
  return integer(description, { min: MIN_STAT, max: MAX_STAT, noun: 'a stat value' });
}

/** One optional option per stat (vigor … arcane), described by `describe`. */
export function statOptions(describe: (stat: Stat) => string): Record<Stat, IntegerSpec> {
  return Object.fromEntries(STAT_KEYS.map((stat) => [stat, statOption(describe(stat))])) as Record<Stat, IntegerSpec>;
}

/** A rune level, 1 to 713 (or a narrower range of levels); `required: true` makes it a required option. */
export function levelOption<const R extends boolean = false>(
  description: string,
  range: { min?: number; max?: number; required?: R } = {},
): IntegerSpec & (R extends true ? { required: true } : unknown) {
  return integer(description, { min: range.min ?? MIN_LEVEL, max: range.max ?? MAX_LEVEL, noun: 'a level', ...(range.required ? { required: true } : {}) }) as IntegerSpec &
    (R extends true ? { required: true } : unknown);
}
