// HP, FP, stamina, equip load and discovery from the stat curves (mechanics.md §3, current patch).
// Errors: TypeError / RangeError as described in validate.ts (each stat must be an integer 1..99).
//
// Exactness by construction:
// - at a stage breakpoint (r = 0 or r = 1) the stage value is returned exactly;
// - linear segments (exponent 1) are evaluated as an exact fraction of integers, so e.g. Mind 10 →
//   50 + 45·9/14 and Endurance 10 → 45 + 27·2/17 are floored / rounded without any float error;
// - non-linear segments (exponents 1.5, 1.1, −1.2) use doubles. With integer x strictly inside such a
//   segment, r^e (or (1−r)^−e) is irrational except r = 1/4 on the HP 1–25 segment (Vigor 7 → 362.5,
//   not an integer), so the exact value is never an integer (HP, FP) nor a .x5 tie (equip load); a
//   double error of ~1e-13 cannot move it across a floor or rounding boundary.

import { MAX_STAT, MIN_STAT, type Stats } from '../game/classes.ts';
import { STAT_CURVES, type DerivedStat, type StatCurve } from '../game/statCurves.ts';
import { requireInteger, requireObject } from './validate.ts';

type CurveValue = { kind: 'exact'; num: number; den: number } | { kind: 'float'; value: number };

function floorDiv(num: number, den: number): number {
  const remainder = ((num % den) + den) % den;
  return (num - remainder) / den;
}

/** Evaluates a curve at integer x, in the curve's scaled unit (see StatCurve.scale). */
export function evaluateCurve(curve: StatCurve, x: number): CurveValue {
  const xs = curve.stageX;
  const gs = curve.stageValue;
  requireInteger(curve.stat, x, xs[0], xs[4]);
  for (let i = 0; i < 5; i++) if (x === xs[i]) return { kind: 'exact', num: gs[i]!, den: 1 };
  let i = 0;
  while (x > xs[i + 1]!) i++;
  const s0 = xs[i]!;
  const width = xs[i + 1]! - s0;
  const g0 = gs[i]!;
  const rise = gs[i + 1]! - g0;
  const e = curve.exponents[i]!;
  if (e === 1) return { kind: 'exact', num: g0 * width + rise * (x - s0), den: width };
  const r = (x - s0) / width;
  const g = e > 0 ? r ** e : 1 - (1 - r) ** -e;
  return { kind: 'float', value: g0 + rise * g };
}

function floorOf(v: CurveValue): number {
  return v.kind === 'exact' ? floorDiv(v.num, v.den) : Math.floor(v.value);
}

/** Value rounded half up to tenths, as an integer count of tenths. */
function tenthsOf(v: CurveValue): number {
  return v.kind === 'exact' ? floorDiv(20 * v.num + v.den, 2 * v.den) : Math.round(v.value * 10);
}

function checkStat(name: string, value: number): void {
  requireInteger(name, value, MIN_STAT, MAX_STAT);
}

/** Max HP at a Vigor level (floored, as shown in game). Vigor 40 → 1,450. */
export function hpForVigor(vigor: number): number {
  checkStat('vigor', vigor);
  return floorOf(evaluateCurve(STAT_CURVES.hp, vigor));
}

/** Max FP at a Mind level (floored). Mind 10 → 78. */
export function fpForMind(mind: number): number {
  checkStat('mind', mind);
  return floorOf(evaluateCurve(STAT_CURVES.fp, mind));
}

/** Max stamina at an Endurance level (floored). Endurance 10 → 96. */
export function staminaForEndurance(endurance: number): number {
  checkStat('endurance', endurance);
  return floorOf(evaluateCurve(STAT_CURVES.stamina, endurance));
}

/** Equip load at an Endurance level, rounded to 1 decimal as shown in game. Endurance 10 → 48.2. */
export function equipLoadForEndurance(endurance: number): number {
  checkStat('endurance', endurance);
  return tenthsOf(evaluateCurve(STAT_CURVES.equipLoad, endurance)) / 10;
}

/** Item discovery at an Arcane level (= 100 + Arcane). Arcane 10 → 110. */
export function discoveryForArcane(arcane: number): number {
  checkStat('arcane', arcane);
  return floorOf(evaluateCurve(STAT_CURVES.discovery, arcane));
}

export interface DerivedStats {
  hp?: number;
  fp?: number;
  stamina?: number;
  equipLoad?: number;
  discovery?: number;
}

/** Every derived stat whose source stat is given (vigor, mind, endurance, arcane; others ignored). */
export function derivedStatsFor(stats: Partial<Stats>): DerivedStats {
  const object = requireObject('stats', stats) as Partial<Stats>;
  const out: DerivedStats = {};
  if (object.vigor !== undefined) out.hp = hpForVigor(object.vigor);
  if (object.mind !== undefined) out.fp = fpForMind(object.mind);
  if (object.endurance !== undefined) {
    out.stamina = staminaForEndurance(object.endurance);
    out.equipLoad = equipLoadForEndurance(object.endurance);
  }
  if (object.arcane !== undefined) out.discovery = discoveryForArcane(object.arcane);
  return out;
}

export const DERIVED_STAT_PATCH_NOTE = 'Current curves (patch 1.04 and later; identical in the 1.09 and 1.10 data).';
export type { DerivedStat };
