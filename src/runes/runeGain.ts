// Rune gain with boosts and NG+ scaling, and farm planning. Integer arithmetic only: multipliers are
// rationals and the product is computed in BigInt, then floored ONCE (how the game rounds is unknown;
// flooring is our labelled assumption).
// Errors: TypeError / RangeError as described in validate.ts.

import { MAX_LEVEL, MIN_LEVEL } from '../game/classes.ts';
import { mergeNotes, type Note } from '../game/confidence.ts';
import { MAX_MINUTES_PER_RUN, MAX_RUNE_INPUT } from '../game/limits.ts';
import {
  FOWL_FOOT_SHOP,
  GOLD_PICKLED_FOWL_FOOT,
  GOLD_SCARAB,
  MAX_NG_CYCLE_INPUT,
  MAX_SCALED_NG_CYCLE,
  NG_AREA_MULTIPLIERS,
  NG_CYCLE_FACTORS,
  type NgAreaMultiplier,
  type Rational,
} from '../game/runeGainModifiers.ts';
import { runesBetween } from './levels.ts';
import { requireBoolean, requireInteger, requireObject, requirePositiveNumber } from './validate.ts';

export interface RuneGainOptions {
  goldScarab?: boolean;
  fowlFoot?: boolean;
  /** 0 = first journey (default), 1 = NG+1, … ; cycles above 7 scale like NG+7. */
  ngCycle?: number;
  /** First-cycle area multiplier (2, 3, 4 or 5) where the runes are earned; needed for an exact NG+ figure. */
  ngAreaMultiplier?: NgAreaMultiplier;
}

export interface AppliedFactor {
  name: string;
  rate: Rational;
}

export type RuneGainResult =
  | { kind: 'exact'; base: number; runes: number; multiplier: Rational; factors: AppliedFactor[]; notes: Note[] }
  | {
      /** NG+ without a known area multiplier: the ×2 and ×5 ends of the range. */
      kind: 'range';
      base: number;
      minRunes: number;
      maxRunes: number;
      minMultiplier: Rational;
      maxMultiplier: Rational;
      factors: AppliedFactor[];
      notes: Note[];
    };

export const NOTES = {
  stacking: {
    id: 'rune-gain-stacking',
    confidence: 'assumed',
    text: 'Gold Scarab and Gold-Pickled Fowl Foot are assumed to multiply (x1.2 x 1.3 = x1.56); no source says how they stack (additive would give x1.5).',
  },
  rounding: {
    id: 'rune-gain-rounding',
    confidence: 'assumed',
    text: 'How the game rounds boosted rune rewards is unknown; we floor the exact product once.',
  },
  ngArea: {
    id: 'ng-area-multiplier',
    confidence: 'single-source',
    text: 'NG+ first-cycle multipliers depend on the area (x5 earliest areas down to x2 late game and DLC; bosses x2 to x5), from one source.',
  },
  ngCap: {
    id: 'ng-cycle-cap',
    confidence: 'verified',
    text: 'Rune scaling stops at NG+7; later cycles give the same as NG+7.',
  },
} as const satisfies Record<string, Note>;

/** base × the rates, floored once; `rounded` says whether flooring dropped a fraction of a rune. */
function product(base: number, rates: Rational[]): { runes: number; multiplier: Rational; rounded: boolean } {
  let num = 1n;
  let den = 1n;
  for (const rate of rates) {
    num *= BigInt(rate.num);
    den *= BigInt(rate.den);
  }
  const divisor = gcdBig(num, den);
  num /= divisor;
  den /= divisor;
  const exact = BigInt(base) * num;
  return { runes: Number(exact / den), multiplier: { num: Number(num), den: Number(den) }, rounded: exact % den !== 0n };
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

function validateGainOptions(options: unknown) {
  const opts = requireObject('options', options);
  const goldScarab = opts.goldScarab === undefined ? false : requireBoolean('goldScarab', opts.goldScarab);
  const fowlFoot = opts.fowlFoot === undefined ? false : requireBoolean('fowlFoot', opts.fowlFoot);
  const ngCycle = opts.ngCycle === undefined ? 0 : requireInteger('ngCycle', opts.ngCycle, 0, MAX_NG_CYCLE_INPUT);
  let ngAreaMultiplier: NgAreaMultiplier | undefined;
  if (opts.ngAreaMultiplier !== undefined) {
    const value = requireInteger('ngAreaMultiplier', opts.ngAreaMultiplier, 2, 5);
    ngAreaMultiplier = NG_AREA_MULTIPLIERS.find((m) => m === value)!;
  }
  return { goldScarab, fowlFoot, ngCycle, ngAreaMultiplier };
}

/**
 * Runes received for an enemy or boss worth `base` runes in the first journey (0..MAX_RUNE_INPUT),
 * with Gold Scarab (×6/5), Gold-Pickled Fowl Foot (×13/10) and the NG+ cycle factor.
 */
export function runeGain(base: number, options: RuneGainOptions = {}): RuneGainResult {
  requireInteger('base', base, 0, MAX_RUNE_INPUT);
  const { goldScarab, fowlFoot, ngCycle, ngAreaMultiplier } = validateGainOptions(options);
  const factors: AppliedFactor[] = [];
  const notes: Note[] = [];
  if (goldScarab) factors.push({ name: GOLD_SCARAB.name, rate: GOLD_SCARAB.rate });
  if (fowlFoot) factors.push({ name: GOLD_PICKLED_FOWL_FOOT.name, rate: GOLD_PICKLED_FOWL_FOOT.rate });
  if (goldScarab && fowlFoot) notes.push(NOTES.stacking);
  const scaledCycle = Math.min(ngCycle, MAX_SCALED_NG_CYCLE);
  if (ngCycle >= 1) {
    const factor = NG_CYCLE_FACTORS[scaledCycle]!;
    factors.push({ name: `NG+${scaledCycle} cycle factor`, rate: factor });
    notes.push(NOTES.ngArea);
    if (ngCycle > MAX_SCALED_NG_CYCLE) notes.push(NOTES.ngCap);
  }
  const rates = factors.map((f) => f.rate);
  if (ngCycle >= 1 && ngAreaMultiplier === undefined) {
    const low = product(base, [...rates, { num: 2, den: 1 }]);
    const high = product(base, [...rates, { num: 5, den: 1 }]);
    if (low.rounded || high.rounded) notes.push(NOTES.rounding);
    return { kind: 'range', base, minRunes: low.runes, maxRunes: high.runes, minMultiplier: low.multiplier, maxMultiplier: high.multiplier, factors, notes };
  }
  if (ngCycle >= 1 && ngAreaMultiplier !== undefined) {
    factors.push({ name: 'NG+ area multiplier', rate: { num: ngAreaMultiplier, den: 1 } });
  }
  const { runes, multiplier, rounded } = product(base, factors.map((f) => f.rate));
  if (rounded) notes.push(NOTES.rounding);
  return { kind: 'exact', base, runes, multiplier, factors, notes };
}

/** Runs needed to collect `target` runes (0..MAX_RUNE_INPUT) at `perRun` runes a run (1..MAX_RUNE_INPUT). */
export function runsNeeded(perRun: number, target: number): number {
  requireInteger('perRun', perRun, 1, MAX_RUNE_INPUT);
  requireInteger('target', target, 0, MAX_RUNE_INPUT);
  return Math.ceil(target / perRun);
}

export type FarmTarget = { runes: number } | { fromLevel: number; toLevel: number };

export interface FarmPlanInput {
  /** Runes one run gives in the first journey without boosts (1..MAX_RUNE_INPUT). */
  perRun: number;
  target: FarmTarget;
  /** Runes already held (default 0). */
  held?: number;
  /** Minutes one run takes (decimals allowed, up to 1,440). */
  minutesPerRun?: number;
  boosts?: RuneGainOptions;
}

export interface FarmPlan {
  targetRunes: number;
  held: number;
  missing: number;
  /** Runes per run after boosts (the conservative ×2 end when an NG+ area multiplier is unknown). */
  perRunBoosted: number;
  runs: number;
  runesCollected: number;
  /** Runes beyond the target after the last run (collected + held − target), 0 when nothing was missing. */
  surplus: number;
  /** null when minutesPerRun was not given. */
  minutes: number | null;
  /** Gold-Pickled Fowl Feet to keep the boost up for the whole farm (one lasts 180 s); null when not boosted or no time given. */
  fowlFeetNeeded: number | null;
  notes: Note[];
}

/** How many runs (and minutes) to farm `target` runes, or the runes for a level climb. */
export function farmPlan(input: FarmPlanInput): FarmPlan {
  const object = requireObject('farm plan', input);
  const perRun = requireInteger('perRun', object.perRun, 1, MAX_RUNE_INPUT);
  const held = object.held === undefined ? 0 : requireInteger('held', object.held, 0, MAX_RUNE_INPUT);
  const minutesPerRun = object.minutesPerRun === undefined ? null : requirePositiveNumber('minutesPerRun', object.minutesPerRun, MAX_MINUTES_PER_RUN);
  const target = requireObject('target', object.target);
  let targetRunes: number;
  if ('runes' in target) {
    targetRunes = requireInteger('target runes', target.runes, 0, MAX_RUNE_INPUT);
  } else if ('toLevel' in target || 'fromLevel' in target) {
    const from = requireInteger('fromLevel', target.fromLevel, MIN_LEVEL, MAX_LEVEL);
    const to = requireInteger('toLevel', target.toLevel, MIN_LEVEL, MAX_LEVEL);
    targetRunes = runesBetween(from, to);
  } else {
    throw new TypeError('target must be { runes } or { fromLevel, toLevel }');
  }
  const boosts = object.boosts === undefined ? {} : (requireObject('boosts', object.boosts) as RuneGainOptions);
  const gain = runeGain(perRun, boosts);
  const notes: Note[] = [...gain.notes];
  const perRunBoosted = gain.kind === 'exact' ? gain.runes : gain.minRunes;
  if (gain.kind === 'range') {
    notes.push({
      id: 'farm-ng-area-conservative',
      confidence: 'assumed',
      text: 'Without the area multiplier the plan uses the lowest NG+ first-cycle multiplier (x2), so the run count is an upper bound.',
    });
  }
  // Every multiplier is ≥ 1, so perRunBoosted ≥ perRun ≥ 1.
  const missing = Math.max(targetRunes - held, 0);
  const runs = missing === 0 ? 0 : Math.ceil(missing / perRunBoosted);
  const runesCollected = runs * perRunBoosted;
  const minutes = minutesPerRun === null ? null : runs * minutesPerRun;
  let fowlFeetNeeded: number | null = null;
  if (boosts.fowlFoot && minutes !== null) {
    fowlFeetNeeded = Math.ceil((minutes * 60) / GOLD_PICKLED_FOWL_FOOT.durationSeconds!);
    notes.push({
      id: 'fowl-foot-shop',
      confidence: 'verified',
      text: `Patches sells Gold-Pickled Fowl Feet for ${FOWL_FOOT_SHOP.price} runes each (${FOWL_FOOT_SHOP.stock} in stock).`,
    });
  }
  return {
    targetRunes,
    held,
    missing,
    perRunBoosted,
    runs,
    runesCollected,
    surplus: missing === 0 ? held - targetRunes : runesCollected - missing,
    minutes,
    fowlFeetNeeded,
    notes: mergeNotes(notes),
  };
}
