// Rune-gain multipliers as exact rationals (mechanics.md §5).
// Gold Scarab: SpEffect 311100 soulRate 1.2, while equipped.
// Gold-Pickled Fowl Foot: goods 1200 / SpEffect 3971 soulRate 1.3 for 180 s (effectEndurance).
// Both as the 1.16.1 params hold them (test/runes/rune-item-data.test.ts reads them from data/).
// Stacking is [UNVERIFIED]: FromSoftware rate fields usually multiply (1.2 × 1.3 = 1.56), additive would
// be 1.5; we multiply and say so.
// New Game+: ClearCountCorrectParam.SoulRate per cycle [V2] times a per-area first-cycle multiplier
// (×2 to ×5, SpEffects 7400-7600) [S1]. Scaling stops at NG+7.

import type { Confidence } from './confidence.ts';

export interface Rational {
  num: number;
  den: number;
}

export interface RuneGainModifier {
  name: string;
  rate: Rational;
  confidence: Confidence;
  /** Seconds the effect lasts; null = while equipped. */
  durationSeconds: number | null;
}

export const GOLD_SCARAB: RuneGainModifier = { name: 'Gold Scarab', rate: { num: 6, den: 5 }, confidence: 'verified', durationSeconds: null };
export const GOLD_PICKLED_FOWL_FOOT: RuneGainModifier = {
  name: 'Gold-Pickled Fowl Foot',
  rate: { num: 13, den: 10 },
  confidence: 'verified',
  durationSeconds: 180,
};

/**
 * NG+ per-cycle SoulRate, indexed by cycle: 0 = first journey, 1 = NG+1 (journey 2), … 7 = NG+7.
 * Values 1.0, 1.0, 1.1, 1.125, 1.2, 1.225, 1.25, 1.275 (ClearCountCorrectParam rows 0-7; row 0 is the
 * first journey and carries no bonus).
 */
export const NG_CYCLE_FACTORS: readonly Rational[] = [
  { num: 1, den: 1 },
  { num: 1, den: 1 },
  { num: 11, den: 10 },
  { num: 9, den: 8 },
  { num: 6, den: 5 },
  { num: 49, den: 40 },
  { num: 5, den: 4 },
  { num: 51, den: 40 },
];
/** Cycles above this use the NG+7 factor (there are no rows past 7). */
export const MAX_SCALED_NG_CYCLE = 7;
/** Sanity bound for input, not a game limit. */
export const MAX_NG_CYCLE_INPUT = 99;

/** First-cycle per-area multipliers (×5 earliest areas … ×2 late game and DLC) [S1]. */
export const NG_AREA_MULTIPLIERS = [2, 3, 4, 5] as const;
export type NgAreaMultiplier = (typeof NG_AREA_MULTIPLIERS)[number];

/** Patches sells Gold-Pickled Fowl Feet for 600 runes each (3 in stock) [V2]. */
export const FOWL_FOOT_SHOP = { merchant: 'Patches', price: 600, stock: 3 } as const;
