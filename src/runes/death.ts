// What a death right now would cost (mechanics.md §7).
// Errors: TypeError / RangeError as described in validate.ts.

import { MAX_LEVEL, MIN_LEVEL } from '../game/classes.ts';
import type { Note } from '../game/confidence.ts';
import { DEATH_RULES, RUNE_LOSS_PROTECTIONS, type RuneLossProtection } from '../game/deathRules.ts';
import { MAX_RUNE_INPUT } from '../game/limits.ts';
import { highestReachableLevel, type ReachableLevel } from './levels.ts';
import { requireInteger } from './validate.ts';

export interface DeathRisk {
  runesAtRisk: number;
  /** What the held runes would buy from `currentLevel`; null when no level was given. */
  levelsWorth: ReachableLevel | null;
  rules: typeof DEATH_RULES;
  protections: readonly RuneLossProtection[];
  /** How sure the figures are: empty, the rules are the game's own (the reply warns about nothing it does not say). */
  notes: Note[];
}

/** Runes at risk (0..MAX_RUNE_INPUT) and, with a current level (1..713), how many levels they would buy. */
export function deathRisk(held: number, currentLevel?: number): DeathRisk {
  requireInteger('held', held, 0, MAX_RUNE_INPUT);
  const levelsWorth = currentLevel === undefined ? null : highestReachableLevel(requireInteger('currentLevel', currentLevel, MIN_LEVEL, MAX_LEVEL), held);
  return { runesAtRisk: held, levelsWorth, rules: DEATH_RULES, protections: RUNE_LOSS_PROTECTIONS, notes: [] };
}
