// The attack-rating core's input: the game's weapon parameters, named after what they mean. Each field
// says which param field it comes from (regulation.bin: EquipParamWeapon, ReinforceParamWeapon,
// AttackElementCorrectParam, CalcCorrectGraph, SpEffectParam). The loader (data.ts) builds these shapes
// (WeaponTablesData) from the compiled param rows of data/attack-rating.json and the names of
// data/items.json; it is the only place that knows where they come from.

import type { Stat } from '../game/classes.ts';

/** The five stats a weapon scales with (EquipParamWeapon correct*: Strength, Agility, Magic, Faith, Luck). */
export const WEAPON_STATS = ['strength', 'dexterity', 'intelligence', 'faith', 'arcane'] as const satisfies readonly Stat[];
export type WeaponStat = (typeof WEAPON_STATS)[number];
export type WeaponStats = Record<WeaponStat, number>;

/** Damage types in the game's order (param suffixes Physics, Magic, Fire, Thunder, Dark). */
export const DAMAGE_TYPES = ['physical', 'magic', 'fire', 'lightning', 'holy'] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

/**
 * Status effects (SpEffectParam poizonAttackPower, diseaseAttackPower, bloodAttackPower,
 * freezeAttackPower, sleepAttackPower, madnessAttackPower, curseAttackPower).
 */
export const STATUS_TYPES = ['poison', 'scarletRot', 'bloodLoss', 'frost', 'sleep', 'madness', 'deathBlight'] as const;
export type StatusType = (typeof STATUS_TYPES)[number];

/** What a CalcCorrectGraph id is given for (EquipParamWeapon correctType_Physics … correctType_Madness). */
export type CurveTarget = DamageType | 'poison' | 'bloodLoss' | 'sleep' | 'madness';

/**
 * Affinities, in the game's order: an affinity row of a weapon is EquipParamWeapon[base id + 100 × n],
 * n = the index here (standard 0, heavy 1 … occult 12).
 */
export const AFFINITIES = ['standard', 'heavy', 'keen', 'quality', 'fire', 'flame-art', 'lightning', 'sacred', 'magic', 'cold', 'poison', 'blood', 'occult'] as const;
export type Affinity = (typeof AFFINITIES)[number];

/** One EquipParamWeapon row: a weapon with one affinity. */
export interface WeaponAffinityRow {
  /** Which affinity this row is (row id − base id) / 100; null for a weapon that cannot take affinities. */
  affinity: Affinity | null;
  /** The game's name of this form, e.g. "Keen Uchigatana", "Bloody Longsword" (the item data's name of the row). */
  name: string;
  /** attackBasePhysics, attackBaseMagic, attackBaseFire, attackBaseThunder, attackBaseDark; absent = 0. */
  attackBase: Partial<Record<DamageType, number>>;
  /** correctStrength, correctAgility, correctMagic, correctFaith, correctLuck, in percent (51 = 0.51); absent = 0. */
  correct: Partial<Record<WeaponStat, number>>;
  /** properStrength, properAgility, properMagic, properFaith, properLuck; absent = no requirement. */
  requirements: Partial<Record<WeaponStat, number>>;
  /** reinforceTypeId: the first ReinforceParamWeapon row of its upgrade path (row = this + level). */
  reinforceTypeId: number;
  /** attackElementCorrectId: which stats feed which damage type. */
  attackElementCorrectId: number;
  /**
   * correctType_Physics/Magic/Fire/Thunder/Dark/Poison/Blood/Sleep/Madness: the CalcCorrectGraph id per
   * damage type or status; absent = the game's default (0 for damage, 6 for status).
   */
  curves: Partial<Record<CurveTarget, number>>;
  /** spEffectBehaviorId0, spEffectBehaviorId1, spEffectBehaviorId2: status effect rows at +0 (0 = none). */
  statusEffectIds: [number, number, number];
}

/** One weapon (or shield) with every affinity form it can take. */
export interface WeaponData {
  /** The item key in data/items.json ("weapon:9000000"), how players and commands name the weapon. */
  key: string;
  /** The weapon's own name (its standard form). */
  name: string;
  /** EquipParamWeapon.wepType (13 katana, 51 bow, 57 staff, 61 seal …; see WEAPON_TYPES). */
  weaponType: number;
  /** EquipParamWeapon.isDualBlade: a paired weapon (no Strength bonus when two-handed). */
  paired: boolean;
  /** EquipParamWeapon.enableMagic: casts sorceries. */
  sorceryTool: boolean;
  /** EquipParamWeapon.enableMiracle: casts incantations. */
  incantationTool: boolean;
  /** Shadow of the Erdtree. */
  dlc: boolean;
  /** One row (affinity null) for a weapon that cannot take affinities, else one per affinity, standard first. */
  rows: WeaponAffinityRow[];
}

/** One ReinforceParamWeapon row: an upgrade level of an upgrade path. */
export interface ReinforceLevel {
  /** physicsAtkRate, magicAtkRate, fireAtkRate, thunderAtkRate, darkAtkRate. */
  attackRate: Record<DamageType, number>;
  /** correctStrengthRate, correctAgilityRate, correctMagicRate, correctFaithRate, correctLuckRate. */
  correctRate: Record<WeaponStat, number>;
  /** spEffectId1, spEffectId2, spEffectId3: added to spEffectBehaviorId0, 1, 2 (when those are set). */
  statusEffectOffsets: [number, number, number];
}

/**
 * One AttackElementCorrectParam row: for each damage type, the stats that feed it: `true` for an
 * isXCorrect_byY flag, or a number (percent, as `correct`) where the row overrides the weapon's own
 * scaling (overwriteXCorrectRate_byY: the hidden 5% Intelligence/Faith of Smithscript weapons).
 */
export type AttackElementCorrect = Record<DamageType, Partial<Record<WeaponStat, true | number>>>;

/** One stage of a CalcCorrectGraph row. */
export interface CurveStage {
  /** stageMaxValN: the stat value where this stage ends. */
  maxVal: number;
  /** stageMaxGrowValN / 100: the curve's value there (0.75 = 75%). */
  maxGrowVal: number;
  /** adjPt_maxGrowValN: the exponent shaping the way to the next stage. */
  adjPt: number;
}

/** One CalcCorrectGraph row: five stages. */
export type CalcCorrectGraph = [CurveStage, CurveStage, CurveStage, CurveStage, CurveStage];

/** One SpEffectParam row, reduced to its status buildup per hit (…AttackPower fields); absent = 0. */
export type StatusEffect = Partial<Record<StatusType, number>>;

/** Everything the calculator reads, as the loader (data.ts) builds it. */
export interface WeaponTablesData {
  /** Game patch of the numbers, e.g. "1.16.1". */
  patch: string;
  /** Where the file was made from (for developers; never shown to players). */
  generatedFrom: string;
  weapons: WeaponData[];
  /** reinforceTypeId → its levels, index = upgrade level (ReinforceParamWeapon[reinforceTypeId + level]). */
  reinforceTypes: Record<string, ReinforceLevel[]>;
  /** attackElementCorrectId → row. */
  attackElementCorrects: Record<string, AttackElementCorrect>;
  /** CalcCorrectGraph id → row. */
  calcCorrectGraphs: Record<string, CalcCorrectGraph>;
  /** SpEffectParam id → status buildup (only rows that carry some). */
  statusEffects: Record<string, StatusEffect>;
}
