// Options several commands share, stated once with the game's own ranges (src/game).

import { MAX_LEVEL, MAX_STAT, MIN_LEVEL, MIN_STAT, STAT_KEYS, type Stat } from '../game/classes.ts';
import { UserError } from '../errors.ts';
import { parseFarmTarget } from '../runes/index.ts';
import { fmt, shown } from '../text/format.ts';
import { core } from './core.ts';
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

/** What a farming `target` can be, for messages. */
export const FARM_TARGET_HELP = `runes (e.g. \`2000000\`, \`1.5m\`, \`500k\`) or a level (e.g. \`level 150\`, or a number from 2 to ${MAX_LEVEL})`;

/** A farming `target` ("level 150", "1.5m", "2000000"), or a UserError saying what a target can be. */
export function readFarmTarget(raw: string): { kind: 'runes'; runes: number } | { kind: 'level'; level: number } {
  const parsed = core(() => parseFarmTarget(raw));
  switch (parsed.kind) {
    case 'level':
    case 'runes':
      return parsed;
    case 'level-out-of-range':
      throw new UserError(`A target level must be from ${parsed.min} to ${parsed.max} (you gave ${parsed.level}).`);
    case 'too-small':
      throw new UserError(`\`target\` must be ${FARM_TARGET_HELP}; ${parsed.value} is neither a level nor a useful amount.`);
    case 'runes-out-of-range':
      throw new UserError(`A target in runes must be from ${fmt(parsed.min)} to ${fmt(parsed.max)} (you gave ${shown(raw)}).`);
    case 'unreadable':
      throw new UserError(`\`target\` must be ${FARM_TARGET_HELP}.`);
  }
}
