// The rune calculator's public surface (pure: no discord.js, no I/O).
// Error convention for every function: TypeError for a wrong JavaScript type, RangeError for a value
// out of range or an unknown name; messages state the valid range (see validate.ts).

export { levelCost, runesBetween, highestReachableLevel, levelBreakdown, levelPlan } from './levels.ts';
export type { ReachableLevel, LevelStep, LevelPlan } from './levels.ts';
export { rankClassesForBuild, validateTargetStats } from './classRanking.ts';
export type { ClassRanking } from './classRanking.ts';
export { hpForVigor, fpForMind, staminaForEndurance, equipLoadForEndurance, discoveryForArcane, derivedStatsFor } from './derivedStats.ts';
export type { DerivedStats } from './derivedStats.ts';
export { RUNE_ITEMS, findRuneItem, closestRuneItemNames, normalizeRuneItemName, valueOfItems, bestItemsToReach, runeItemNotes } from './runeItems.ts';
export type { RuneItem, HeldItem, ItemsValue, BestItemsResult, BestItemsOptions } from './runeItems.ts';
export { parseRuneItemList, parseFarmTarget } from './parse.ts';
export type { RuneItemList, RuneItemListError, FarmTargetParse } from './parse.ts';
export { runeGain, runsNeeded, farmPlan } from './runeGain.ts';
export type { RuneGainOptions, RuneGainResult, FarmPlan, FarmPlanInput, FarmTarget } from './runeGain.ts';
export {
  weaponUpgradeRunes,
  spiritAshUpgradeRunes,
  upgradeMaterials,
  materialPurchaseCost,
  planWeaponUpgrade,
  planSpiritAshUpgrade,
  roundHalfEven,
} from './upgrades.ts';
export type { RuneSteps, MaterialList, PurchaseCost, UpgradePlan } from './upgrades.ts';
export { deathRisk } from './death.ts';
export type { DeathRisk } from './death.ts';
export { levelMatchRanges, weaponMatchRange, matchmakingFor, matchmakingWeapon } from './matchmaking.ts';
export type { LevelMatchRanges, WeaponMatchRange, MatchmakingSummary, MatchmakingWeapon } from './matchmaking.ts';
export type { Note, Confidence } from '../game/confidence.ts';
