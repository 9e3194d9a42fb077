// Runes per journey: the first journey and every NG+ cycle up to NG+7 (later cycles pay like NG+7), with
// Gold Scarab and Gold-Pickled Fowl Foot, through the rune core (exact rationals, floored once).

import { MAX_SCALED_NG_CYCLE, type NgAreaMultiplier } from '../game/runeGainModifiers.ts';
import { mergeNotes, type Note } from '../game/confidence.ts';
import { runeGain, type RuneGainResult } from '../runes/runeGain.ts';

export interface Boosts {
  goldScarab?: boolean;
  fowlFoot?: boolean;
  /** NG+ first-cycle area multiplier where the runes are earned; without it NG+ is a ×2 to ×5 range. */
  ngAreaMultiplier?: NgAreaMultiplier;
}

export interface CycleRunes {
  /** 0 = first journey, 1 = NG+1, … 7 = NG+7 (and later). */
  cycle: number;
  /** Lowest and highest runes (equal when exact: the first journey, or NG+ with a known area). */
  min: number;
  max: number;
  gain: RuneGainResult;
}

export interface RunesByCycle {
  base: number;
  cycles: CycleRunes[];
  notes: Note[];
}

function span(gain: RuneGainResult): { min: number; max: number } {
  return gain.kind === 'exact' ? { min: gain.runes, max: gain.runes } : { min: gain.minRunes, max: gain.maxRunes };
}

/** Runes for `base` (first-journey runes, before boosts) in the first journey and NG+1 … NG+7. */
export function runesByCycle(base: number, boosts: Boosts = {}): RunesByCycle {
  const cycles: CycleRunes[] = [];
  for (let cycle = 0; cycle <= MAX_SCALED_NG_CYCLE; cycle++) {
    const gain = runeGain(base, {
      goldScarab: boosts.goldScarab ?? false,
      fowlFoot: boosts.fowlFoot ?? false,
      ngCycle: cycle,
      ...(boosts.ngAreaMultiplier !== undefined ? { ngAreaMultiplier: boosts.ngAreaMultiplier } : {}),
    });
    cycles.push({ cycle, ...span(gain), gain });
  }
  return { base, cycles, notes: mergeNotes(...cycles.map((c) => c.gain.notes)) };
}
