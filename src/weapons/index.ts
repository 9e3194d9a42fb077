// The attack-rating core's public surface (pure: no discord.js, no store, no renderer).
// Errors: RangeError with a sentence saying what is valid (bad level, affinity or stats).

export * from './types.ts';
export { curveValue } from './curves.ts';
export { WeaponTables, MAX_LEVEL_BY_PATH, DEFAULT_DAMAGE_CURVE, DEFAULT_STATUS_CURVE, affinitiesOf, rowOf, takesAffinities, upgradePathOf } from './tables.ts';
export type { UpgradePath } from './tables.ts';
export {
  attackRating,
  prepareAttack,
  ratePrepared,
  quickTotals,
  requireRow,
  requireStats,
  scalingLetter,
  shownValue,
  effectiveStatsFor,
  ARCANE_STATUSES,
  REQUIREMENT_PENALTY,
  SCALING_TIERS,
  TWO_HAND_STRENGTH,
} from './attack.ts';
export type { AttackRating, AttackRequest, DamageLine, PenaltyCost, PreparedAttack, RequirementCheck, ScalingGrade, ScalingLetter, SpellSchool, SpellScalingLine, StatusLine } from './attack.ts';
export { bestNextPoints, statsThatMatter, objectiveOf, DEFAULT_POINT_COUNTS, EXACT_LIMIT } from './optimize.ts';
export type { NextPoints, NextPointsOptions, Objective, PointsPlan, RuneCost } from './optimize.ts';
export { AFFINITY_LABELS, decodeWeaponKey, encodeWeaponKey, foldWords, formName, parseAffinity, splitAffinity } from './names.ts';
export type { AffinityAffix } from './names.ts';
export { WeaponNames } from './lookup.ts';
export type { NameHit, NameResolution, NameResolver, NameSearch, WeaponChoice, WeaponLookup } from './lookup.ts';
export { ALWAYS_TWO_HANDED_TYPES, RANGED_TYPES, isAlwaysTwoHanded, isRanged } from './weaponTypes.ts';
export { ATTACK_RATING_PATH, affinityFormNames, loadWeaponTables, weaponTablesFromCompiled } from './data.ts';
export type { AttackRatingFile, CompiledTable, WeaponItem } from './data.ts';
