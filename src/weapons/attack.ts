// Attack rating: a weapon's attack per damage type, its status buildup and (for catalysts) its spell
// scaling, at one upgrade level, for the player's stats; exactly as the game's menu shows them
// (attack-rating.md, "Formula"):
//   base_t = attackBase_t × atkRate_t(level); s_a = correct_a / 100 × correctRate_a(level)
//   (an AttackElementCorrect override o instead: s_a = o / 100 × correctRate_a(level) / correctRate_a(0));
//   two-handing: Strength ×1.5 (floored) unless paired; bows, light bows, greatbows and ballistae always;
//   a type fed by a stat below its requirement (two-hand-adjusted) gets ×0.6 and no stat bonus,
//   otherwise ×(1 + Σ curve_t(stat_a) × s_a) over the stats feeding it (damage: adjusted stats;
//   status: raw stats; poison, blood loss, sleep and madness scale with Arcane, the others do not);
//   shown per type as floor(AR_t), total floor(Σ AR_t) of the unrounded values; spell scaling
//   100 × the multiplier of magic (sorceries) or holy (incantations).
// Pure: plain values in, plain values out. Errors: RangeError with a sentence that says what is valid.

import { MAX_STAT, MIN_STAT } from '../game/classes.ts';
import { AFFINITY_LABELS } from './names.ts';
import { DEFAULT_DAMAGE_CURVE, DEFAULT_STATUS_CURVE, rowOf, takesAffinities, upgradePathOf, type UpgradePath, type WeaponTables } from './tables.ts';
import {
  DAMAGE_TYPES,
  STATUS_TYPES,
  WEAPON_STATS,
  type Affinity,
  type CalcCorrectGraph,
  type DamageType,
  type ReinforceLevel,
  type StatusType,
  type WeaponAffinityRow,
  type WeaponData,
  type WeaponStat,
  type WeaponStats,
} from './types.ts';
import { isAlwaysTwoHanded } from './weaponTypes.ts';
import { curveValue } from './curves.ts';

/** The multiplier of a type fed by a stat below its requirement. */
export const REQUIREMENT_PENALTY = 0.6;
/** Two-handing multiplies Strength by this (floored). */
export const TWO_HAND_STRENGTH = 1.5;
/** Added before flooring a shown value, so 0.1 + 0.2 style float noise never loses a point. */
const ROUNDING_EPSILON = 1e-9;

/** Status effects that scale with Arcane (the others have a fixed buildup). */
export const ARCANE_STATUSES: ReadonlySet<StatusType> = new Set(['poison', 'bloodLoss', 'sleep', 'madness']);

export type ScalingLetter = 'S' | 'A' | 'B' | 'C' | 'D' | 'E' | '-';
/** Scaling letters from the scaled value in percent (after the upgrade level's correct rate). */
export const SCALING_TIERS: readonly [number, ScalingLetter][] = [
  [175, 'S'],
  [140, 'A'],
  [90, 'B'],
  [60, 'C'],
  [25, 'D'],
  [1, 'E'],
];

export type SpellSchool = 'sorcery' | 'incantation';

export interface AttackRequest {
  /** null or left out: the weapon's default form (its only row, or Standard). */
  affinity?: Affinity | null | undefined;
  /** Upgrade level: 0–25 regular, 0–10 somber, 0 for a weapon that cannot be upgraded. */
  level: number;
  /** The player's stats, each a whole number from 1 to 99. */
  stats: WeaponStats;
  /** Held in two hands (ignored for paired weapons; bows and ballistae always are). */
  twoHanded?: boolean | undefined;
}

export interface DamageLine {
  type: DamageType;
  /** Base attack at this level (attackBase × atkRate). */
  base: number;
  /** The attack, unrounded. */
  value: number;
  /** As the game shows it. */
  shown: number;
  /** A stat feeding it is below its requirement (×0.6). */
  penalized: boolean;
}

export interface StatusLine {
  type: StatusType;
  base: number;
  value: number;
  shown: number;
  penalized: boolean;
  /** Whether this buildup grows with a stat (Arcane) on this weapon. */
  scales: boolean;
}

export interface SpellScalingLine {
  school: SpellSchool;
  /** The damage type it is read from: magic for sorceries, holy for incantations. */
  type: DamageType;
  value: number;
  shown: number;
  penalized: boolean;
}

export interface ScalingGrade {
  stat: WeaponStat;
  /** correct × correctRate(level), in percent. */
  percent: number;
  letter: ScalingLetter;
}

export interface RequirementCheck {
  stat: WeaponStat;
  required: number;
  /** The stat it is checked against (Strength after the two-hand bonus). */
  effective: number;
  met: boolean;
}

export interface AttackRating {
  weapon: WeaponData;
  row: WeaponAffinityRow;
  /** The row's affinity (null for a weapon that cannot take one). */
  affinity: Affinity | null;
  level: number;
  maxLevel: number;
  path: UpgradePath;
  /** Two-handed as asked, or because the weapon is always held so. */
  twoHanded: boolean;
  /** Strength was multiplied by 1.5 (two-handed and not paired). */
  strengthBonus: boolean;
  stats: WeaponStats;
  /** The stats damage is computed from (Strength after the two-hand bonus). */
  effectiveStats: WeaponStats;
  /** Damage types with a base above 0, in the game's order. */
  damage: DamageLine[];
  /** floor(Σ value): the total as shown. */
  total: number;
  /** Σ value, unrounded. */
  totalExact: number;
  status: StatusLine[];
  spellScaling: SpellScalingLine[];
  scaling: ScalingGrade[];
  requirements: RequirementCheck[];
  unmet: WeaponStat[];
  /** What the unmet requirements cost: the same stats with the requirements counted as met. Null when all are met. */
  penalty: PenaltyCost | null;
  /** Strength is short one-handed, and two-handing (×1.5) would meet it. */
  twoHandingMeetsStrength: boolean;
}

export interface PenaltyCost {
  /** Total shown if no type were penalised. */
  totalWithout: number;
  /** totalWithout − total (shown values). */
  cost: number;
  /** The damage, status and spell scaling lines without the penalty. */
  damageWithout: DamageLine[];
  statusWithout: StatusLine[];
  spellScalingWithout: SpellScalingLine[];
}

// ---------------------------------------------------------------------------------------------
// Validation

function describeRange(weapon: WeaponData, path: UpgradePath, maxLevel: number): string {
  if (path === 'none') return `${weapon.name} cannot be upgraded: the level must be 0`;
  return `${weapon.name} goes up to +${maxLevel}${path === 'somber' ? ' (a somber weapon)' : ''}: the level must be from 0 to ${maxLevel}`;
}

/** The row for an affinity, or a RangeError saying which affinities the weapon takes. */
export function requireRow(weapon: WeaponData, affinity: Affinity | null | undefined): WeaponAffinityRow {
  const row = rowOf(weapon, affinity);
  if (row) return row;
  if (!takesAffinities(weapon)) throw new RangeError(`${weapon.name} cannot take an affinity: it has only its own form`);
  const names = weapon.rows.map((r) => (r.affinity ? AFFINITY_LABELS[r.affinity] : r.name)).join(', ');
  throw new RangeError(`${weapon.name} cannot take the ${affinity ? AFFINITY_LABELS[affinity] : ''} affinity; it takes ${names}`);
}

export function requireStats(stats: WeaponStats): void {
  for (const stat of WEAPON_STATS) {
    const value = stats[stat];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_STAT || value > MAX_STAT) {
      throw new RangeError(`${stat} must be a whole number from ${MIN_STAT} to ${MAX_STAT} (got ${String(value)})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A weapon at one level, prepared once: everything that does not depend on the stats.

interface Feed {
  stat: WeaponStat;
  /** s_a: the scaling fraction at this level (0 when the stat is flagged but the weapon has none). */
  scaling: number;
}

interface TypePlan<T extends string> {
  type: T;
  base: number;
  graph: CalcCorrectGraph;
  /** Every stat the type is fed by (the requirement check uses all of them). */
  flagged: WeaponStat[];
  /** Those with a scaling above 0. */
  feeds: Feed[];
}

export interface PreparedAttack {
  tables: WeaponTables;
  weapon: WeaponData;
  row: WeaponAffinityRow;
  level: number;
  maxLevel: number;
  path: UpgradePath;
  twoHanded: boolean;
  strengthBonus: boolean;
  reinforce: ReinforceLevel;
  damage: TypePlan<DamageType>[];
  status: TypePlan<StatusType>[];
  spell: (TypePlan<DamageType> & { school: SpellSchool })[];
  requirements: [WeaponStat, number][];
}

function graphFor(tables: WeaponTables, id: number | undefined, fallback: number): CalcCorrectGraph {
  return tables.graph(id ?? fallback) ?? tables.graph(fallback)!;
}

function damagePlan(tables: WeaponTables, row: WeaponAffinityRow, levels: readonly ReinforceLevel[], level: number, type: DamageType, base: number): TypePlan<DamageType> {
  const reinforce = levels[level]!;
  const atLevelZero = levels[0]!;
  const correctRow = tables.attackElementCorrect(row)[type];
  const flagged: WeaponStat[] = [];
  const feeds: Feed[] = [];
  for (const stat of WEAPON_STATS) {
    const flag = correctRow[stat];
    if (flag === undefined || flag === 0) continue;
    flagged.push(stat);
    const correct = row.correct[stat] ?? 0;
    if (correct <= 0) continue;
    const rateAtZero = atLevelZero.correctRate[stat];
    const scaling = flag === true ? (correct / 100) * reinforce.correctRate[stat] : rateAtZero > 0 ? (flag / 100) * (reinforce.correctRate[stat] / rateAtZero) : 0;
    if (scaling > 0) feeds.push({ stat, scaling });
  }
  return { type, base, graph: graphFor(tables, row.curves[type], DEFAULT_DAMAGE_CURVE), flagged, feeds };
}

/** Checks the request and prepares the weapon at that level (RangeError for a bad affinity, level or stats). */
export function prepareAttack(tables: WeaponTables, weapon: WeaponData, request: Omit<AttackRequest, 'stats'>): PreparedAttack {
  const row = requireRow(weapon, request.affinity);
  const levels = tables.levels(row);
  const maxLevel = levels.length - 1;
  const path = upgradePathOf(levels.length);
  const level = request.level;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > maxLevel) {
    throw new RangeError(`${describeRange(weapon, path, maxLevel)} (got ${String(level)})`);
  }
  const reinforce = levels[level]!;
  const alwaysTwoHanded = isAlwaysTwoHanded(weapon.weaponType);
  const twoHanded = Boolean(request.twoHanded) || alwaysTwoHanded;
  const strengthBonus = alwaysTwoHanded || (twoHanded && !weapon.paired);

  const damage: TypePlan<DamageType>[] = [];
  for (const type of DAMAGE_TYPES) {
    const attackBase = row.attackBase[type] ?? 0;
    if (attackBase <= 0) continue;
    damage.push(damagePlan(tables, row, levels, level, type, attackBase * reinforce.attackRate[type]));
  }

  const spell: PreparedAttack['spell'] = [];
  if (weapon.sorceryTool) spell.push({ ...damagePlan(tables, row, levels, level, 'magic', 0), school: 'sorcery' });
  if (weapon.incantationTool) spell.push({ ...damagePlan(tables, row, levels, level, 'holy', 0), school: 'incantation' });

  // Status: each effect slot, offset by the level's spEffectId; buildup summed per status.
  const buildup = new Map<StatusType, number>();
  for (let slot = 0; slot < 3; slot++) {
    const id = row.statusEffectIds[slot]!;
    if (!(id > 0)) continue;
    const effect = tables.statusEffect(id + reinforce.statusEffectOffsets[slot]!);
    if (!effect) continue;
    for (const type of STATUS_TYPES) {
      const value = effect[type] ?? 0;
      if (value > 0) buildup.set(type, (buildup.get(type) ?? 0) + value);
    }
  }
  const status: TypePlan<StatusType>[] = [];
  for (const type of STATUS_TYPES) {
    const base = buildup.get(type);
    if (base === undefined) continue;
    const arcane = ARCANE_STATUSES.has(type);
    const correct = row.correct.arcane ?? 0;
    const scaling = arcane && correct > 0 ? (correct / 100) * reinforce.correctRate.arcane : 0;
    const curveId = type === 'poison' || type === 'bloodLoss' || type === 'sleep' || type === 'madness' ? row.curves[type] : undefined;
    status.push({
      type,
      base,
      graph: graphFor(tables, curveId, DEFAULT_STATUS_CURVE),
      flagged: arcane ? ['arcane'] : [],
      feeds: scaling > 0 ? [{ stat: 'arcane', scaling }] : [],
    });
  }

  const requirements = WEAPON_STATS.filter((stat) => (row.requirements[stat] ?? 0) > 0).map((stat): [WeaponStat, number] => [stat, row.requirements[stat]!]);
  return { tables, weapon, row, level, maxLevel, path, twoHanded, strengthBonus, reinforce, damage, status, spell, requirements };
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export function effectiveStatsFor(prepared: PreparedAttack, stats: WeaponStats): WeaponStats {
  return prepared.strengthBonus ? { ...stats, strength: Math.floor(stats.strength * TWO_HAND_STRENGTH) } : stats;
}

function unmetStats(prepared: PreparedAttack, effective: WeaponStats): Set<WeaponStat> {
  const unmet = new Set<WeaponStat>();
  for (const [stat, required] of prepared.requirements) if (effective[stat] < required) unmet.add(stat);
  return unmet;
}

/** The multiplier of one type, and whether the requirement penalty applied. */
function multiplier(plan: TypePlan<string>, stats: WeaponStats, unmet: ReadonlySet<WeaponStat>): { mult: number; penalized: boolean } {
  if (unmet.size) for (const stat of plan.flagged) if (unmet.has(stat)) return { mult: REQUIREMENT_PENALTY, penalized: true };
  let mult = 1;
  for (const feed of plan.feeds) mult += curveValue(plan.graph, stats[feed.stat]) * feed.scaling;
  return { mult, penalized: false };
}

export function shownValue(value: number): number {
  return Math.floor(value + ROUNDING_EPSILON);
}

const NONE: ReadonlySet<WeaponStat> = new Set();

interface Evaluated {
  damage: DamageLine[];
  totalExact: number;
  status: StatusLine[];
  spellScaling: SpellScalingLine[];
}

function evaluate(prepared: PreparedAttack, stats: WeaponStats, effective: WeaponStats, unmet: ReadonlySet<WeaponStat>): Evaluated {
  let totalExact = 0;
  const damage = prepared.damage.map((plan): DamageLine => {
    const { mult, penalized } = multiplier(plan, effective, unmet);
    const value = plan.base * mult;
    totalExact += value;
    return { type: plan.type, base: plan.base, value, shown: shownValue(value), penalized };
  });
  const status = prepared.status.map((plan): StatusLine => {
    const { mult, penalized } = multiplier(plan, stats, unmet);
    const value = plan.base * mult;
    return { type: plan.type, base: plan.base, value, shown: shownValue(value), penalized, scales: plan.feeds.length > 0 };
  });
  const spellScaling = prepared.spell.map((plan): SpellScalingLine => {
    const { mult, penalized } = multiplier(plan, effective, unmet);
    return { school: plan.school, type: plan.type, value: 100 * mult, shown: shownValue(100 * mult), penalized };
  });
  return { damage, totalExact, status, spellScaling };
}

/**
 * The total attack (unrounded) and the best spell scaling (0 for a weapon that casts nothing) for
 * these stats: the cheap path for searches (no lines built). Stats are not validated here.
 */
export function quickTotals(prepared: PreparedAttack, stats: WeaponStats): { totalExact: number; spellScaling: number } {
  const effective = effectiveStatsFor(prepared, stats);
  const unmet = unmetStats(prepared, effective);
  let totalExact = 0;
  for (const plan of prepared.damage) totalExact += plan.base * multiplier(plan, effective, unmet).mult;
  let spellScaling = 0;
  for (const plan of prepared.spell) spellScaling = Math.max(spellScaling, 100 * multiplier(plan, effective, unmet).mult);
  return { totalExact, spellScaling };
}

export function scalingLetter(percent: number): ScalingLetter {
  for (const [threshold, letter] of SCALING_TIERS) if (percent + ROUNDING_EPSILON >= threshold) return letter;
  return '-';
}

/** Every figure of a prepared weapon for these stats. */
export function ratePrepared(prepared: PreparedAttack, stats: WeaponStats): AttackRating {
  requireStats(stats);
  const effective = effectiveStatsFor(prepared, stats);
  const unmet = unmetStats(prepared, effective);
  const result = evaluate(prepared, stats, effective, unmet);
  const total = shownValue(result.totalExact);
  let penalty: PenaltyCost | null = null;
  if (unmet.size) {
    const without = evaluate(prepared, stats, effective, NONE);
    const totalWithout = shownValue(without.totalExact);
    penalty = { totalWithout, cost: totalWithout - total, damageWithout: without.damage, statusWithout: without.status, spellScalingWithout: without.spellScaling };
  }
  const { row, reinforce } = prepared;
  const scaling = WEAPON_STATS.filter((stat) => (row.correct[stat] ?? 0) > 0).map((stat): ScalingGrade => {
    const percent = row.correct[stat]! * reinforce.correctRate[stat];
    return { stat, percent, letter: scalingLetter(percent) };
  });
  return {
    weapon: prepared.weapon,
    row,
    affinity: row.affinity,
    level: prepared.level,
    maxLevel: prepared.maxLevel,
    path: prepared.path,
    twoHanded: prepared.twoHanded,
    strengthBonus: prepared.strengthBonus,
    stats: { ...stats },
    effectiveStats: { ...effective },
    damage: result.damage,
    total,
    totalExact: result.totalExact,
    status: result.status,
    spellScaling: result.spellScaling,
    scaling,
    requirements: prepared.requirements.map(([stat, required]) => ({ stat, required, effective: effective[stat], met: effective[stat] >= required })),
    unmet: WEAPON_STATS.filter((stat) => unmet.has(stat)),
    penalty,
    twoHandingMeetsStrength:
      unmet.has('strength') && !prepared.strengthBonus && !prepared.weapon.paired && Math.floor(stats.strength * TWO_HAND_STRENGTH) >= (row.requirements.strength ?? 0),
  };
}

/** The attack rating of a weapon (any affinity it takes, any level of its path) for these stats. */
export function attackRating(tables: WeaponTables, weapon: WeaponData, request: AttackRequest): AttackRating {
  return ratePrepared(prepareAttack(tables, weapon, request), request.stats);
}
