// Scaling letters and upgrade costs (pure functions, unit-tested).
import type { ScalingLetter } from '../../src/items/types.ts';

/** Tier thresholds on the param `correct*` value (scaling × 100): S≥175 A≥140 B≥90 C≥60 D≥25 E≥1. */
export const SCALING_TIERS: readonly (readonly [number, ScalingLetter])[] = [
  [175, 'S'],
  [140, 'A'],
  [90, 'B'],
  [60, 'C'],
  [25, 'D'],
  [1, 'E'],
];

/** Letter for a `correct*` value, or undefined when the weapon does not scale (value < 1). */
export function scalingLetter(correct: number): ScalingLetter | undefined {
  for (const [min, letter] of SCALING_TIERS) if (correct >= min) return letter;
  return undefined;
}

/**
 * Rune cost of each upgrade step, as the game computes it:
 * cost(+n) = round(reinforcePrice × rate[reinforceTypeId + n]) for n = 1..maxLevel.
 * `rateOf(id)` returns ReinforceParamWeapon[id].reinforcePriceRate, or undefined when the row is absent.
 */
export function upgradeCosts(
  reinforcePrice: number,
  reinforceTypeId: number,
  maxLevel: number,
  rateOf: (rowId: number) => number | undefined,
): number[] {
  const out: number[] = [];
  for (let n = 1; n <= maxLevel; n++) {
    const rate = rateOf(reinforceTypeId + n);
    if (rate === undefined) throw new Error(`no ReinforceParamWeapon row ${reinforceTypeId + n}`);
    out.push(roundHalfEven(reinforcePrice * rate));
  }
  return out;
}

/**
 * Python's round(): nearest integer, exact halves to the even neighbour (erdb computes the costs in
 * Python). Float noise from the multiplication is removed first (rates have at most 3 decimals).
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  const f = Math.floor(r);
  const diff = r - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
