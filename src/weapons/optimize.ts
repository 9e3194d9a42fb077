// Where the next stat points do the most: for 1, 5 and 10 more points, the split over the stats that
// matter for this weapon that gives the most attack (or, for a staff or seal, the most spell scaling),
// and what those levels cost in runes. Exact: every split of the points over those stats is tried (at
// most 5 stats, so 10 points is 1,001 splits); only beyond EXACT_LIMIT splits does it go greedy.

import { MAX_LEVEL, MAX_STAT } from '../game/classes.ts';
import { levelPlan } from '../runes/index.ts';
import { quickTotals, shownValue, type PreparedAttack } from './attack.ts';
import { WEAPON_STATS, type WeaponStat, type WeaponStats } from './types.ts';

/** Splits tried exhaustively at most; above this the search adds one point at a time (greedy). */
export const EXACT_LIMIT = 50_000;
export const DEFAULT_POINT_COUNTS = [1, 5, 10] as const;

export type Objective = 'attack' | 'spell-scaling';

export interface RuneCost {
  fromLevel: number;
  toLevel: number;
  runes: number;
  held: number | null;
  /** Runes still missing after what is held (0 when it is enough); null when nothing is held or known. */
  missing: number | null;
}

export interface PointsPlan {
  /** Points asked for. */
  points: number;
  /** Points placed (fewer when the stats that matter reach 99). */
  spent: number;
  added: Partial<Record<WeaponStat, number>>;
  stats: WeaponStats;
  /** Shown total attack (or spell scaling) after, and the gain over now. */
  value: number;
  gain: number;
  exact: boolean;
  /** The levels' cost from the character's level; null when that level is not known. */
  cost: RuneCost | null;
}

export interface NextPoints {
  objective: Objective;
  /** The stats searched over (those feeding this weapon's damage, below 99). */
  stats: WeaponStat[];
  /** Shown value now. */
  value: number;
  plans: PointsPlan[];
}

export interface NextPointsOptions {
  counts?: readonly number[];
  /** The character's level now (for the rune cost). */
  characterLevel?: number | undefined;
  /** Runes held now. */
  runesHeld?: number | undefined;
}

export function objectiveOf(prepared: PreparedAttack): Objective {
  return prepared.spell.length ? 'spell-scaling' : 'attack';
}

function measure(prepared: PreparedAttack, objective: Objective, stats: WeaponStats): number {
  const totals = quickTotals(prepared, stats);
  return objective === 'attack' ? totals.totalExact : totals.spellScaling;
}

/** The stats a point could help: those scaling a type this weapon deals (or casts), and unmet requirements on them. */
export function statsThatMatter(prepared: PreparedAttack, objective: Objective, stats: WeaponStats): WeaponStat[] {
  const plans = objective === 'attack' ? prepared.damage : prepared.spell;
  const requirement = new Map(prepared.requirements);
  const wanted = new Set<WeaponStat>();
  for (const plan of plans) {
    for (const feed of plan.feeds) wanted.add(feed.stat);
    for (const stat of plan.flagged) if (requirement.has(stat)) wanted.add(stat);
  }
  return WEAPON_STATS.filter((stat) => wanted.has(stat) && stats[stat] < MAX_STAT);
}

function splitCount(points: number, parts: number): number {
  // C(points + parts − 1, parts − 1)
  let count = 1;
  for (let i = 1; i < parts; i++) count = (count * (points + i)) / i;
  return Math.round(count);
}

function bestSplit(prepared: PreparedAttack, objective: Objective, base: WeaponStats, stats: readonly WeaponStat[], points: number): { add: number[]; score: number; exact: boolean } {
  const room = stats.map((stat) => MAX_STAT - base[stat]);
  const add = stats.map(() => 0);
  const trial: WeaponStats = { ...base };
  if (splitCount(points, stats.length) <= EXACT_LIMIT) {
    let best = { add: [...add], score: -Infinity };
    const visit = (index: number, left: number) => {
      if (index === stats.length - 1) {
        if (left > room[index]!) return;
        add[index] = left;
        trial[stats[index]!] = base[stats[index]!] + left;
        const score = measure(prepared, objective, trial);
        if (score > best.score + 1e-9) best = { add: [...add], score };
        return;
      }
      for (let n = Math.min(left, room[index]!); n >= 0; n--) {
        add[index] = n;
        trial[stats[index]!] = base[stats[index]!] + n;
        visit(index + 1, left - n);
      }
      add[index] = 0;
      trial[stats[index]!] = base[stats[index]!];
    };
    visit(0, points);
    return { ...best, exact: true };
  }
  // Greedy: one point at a time where it adds the most.
  for (let p = 0; p < points; p++) {
    let pick = -1;
    let pickScore = -Infinity;
    for (let i = 0; i < stats.length; i++) {
      if (add[i]! >= room[i]!) continue;
      trial[stats[i]!] = base[stats[i]!] + add[i]! + 1;
      const score = measure(prepared, objective, trial);
      trial[stats[i]!] = base[stats[i]!] + add[i]!;
      if (score > pickScore + 1e-9) {
        pick = i;
        pickScore = score;
      }
    }
    if (pick < 0) break;
    add[pick]!++;
    trial[stats[pick]!] = base[stats[pick]!] + add[pick]!;
  }
  return { add, score: measure(prepared, objective, trial), exact: false };
}

function runeCost(fromLevel: number | undefined, spent: number, held: number | undefined): RuneCost | null {
  if (fromLevel === undefined || spent === 0 || fromLevel + spent > MAX_LEVEL) return null;
  const plan = levelPlan(fromLevel, fromLevel + spent, held ?? 0);
  return { fromLevel, toLevel: fromLevel + spent, runes: plan.total, held: held ?? null, missing: held === undefined ? null : plan.missing };
}

/** The best use of 1, 5 and 10 more points (or `counts`) for this prepared weapon, from these stats. */
export function bestNextPoints(prepared: PreparedAttack, stats: WeaponStats, options: NextPointsOptions = {}): NextPoints {
  const objective = objectiveOf(prepared);
  const searched = statsThatMatter(prepared, objective, stats);
  const now = shownValue(measure(prepared, objective, stats));
  const plans = (options.counts ?? DEFAULT_POINT_COUNTS).map((points): PointsPlan => {
    if (!Number.isInteger(points) || points < 1 || points > 99) throw new RangeError(`points must be a whole number from 1 to 99 (got ${points})`);
    const room = searched.reduce((n, stat) => n + (MAX_STAT - stats[stat]), 0);
    const placed = Math.min(points, room);
    const split = searched.length && placed > 0 ? bestSplit(prepared, objective, stats, searched, placed) : { add: searched.map(() => 0), score: measure(prepared, objective, stats), exact: true };
    const added: Partial<Record<WeaponStat, number>> = {};
    const after: WeaponStats = { ...stats };
    searched.forEach((stat, i) => {
      const n = split.add[i] ?? 0;
      if (n > 0) {
        added[stat] = n;
        after[stat] += n;
      }
    });
    const spent = Object.values(added).reduce((n, v) => n + (v ?? 0), 0);
    const value = shownValue(split.score);
    return { points, spent, added, stats: after, value, gain: value - now, exact: split.exact, cost: runeCost(options.characterLevel, spent, options.runesHeld) };
  });
  return { objective, stats: searched, value: now, plans };
}
