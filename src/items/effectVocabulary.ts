// The vocabulary of structured effects: the kinds of effect an item can have, the words players use
// for each, and the tables that decode the game's effect params (SpEffectParam) into them.
// Facts only: the code tables below are the meanings of the params' enum values as Smithbox's paramdex
// names them (ATK_SUB_CATEGORY, SP_EFFECT_TYPE, SP_EFFECT_SPCATEGORY; MIT), never game text. Every
// magnitude comes from the params through src/items/effects.ts; nothing here is a number of an item.

/** What an effect changes. */
export const EFFECT_KINDS = [
  'rune_gain',
  'item_discovery',
  'max_hp',
  'max_fp',
  'max_stamina',
  'equip_load',
  'poise',
  'attribute',
  'damage_negation',
  'status_resistance',
  'cure_status',
  'attack',
  'stamina_damage',
  'guard',
  'fp_cost',
  'stamina_cost',
  'casting_speed',
  'buff_duration',
  'hp_regen',
  'fp_regen',
  'stamina_regen',
  'heal',
  'restore_fp',
  'hp_on_kill',
  'fp_on_kill',
  'hp_on_hit',
  'fp_on_hit',
  'flask_potency',
  'stealth',
  'memory_slots',
  'talisman_slots',
  'fall_damage',
  'aggro',
  'bow_range',
  'keep_runes',
  'dodge',
  'headshot',
  'weapon_buff',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/** Damage types as players name them (the params say Physics, Magic, Fire, Thunder, Dark). */
export const ELEMENTS = ['physical', 'magic', 'fire', 'lightning', 'holy'] as const;
export type Element = (typeof ELEMENTS)[number];

/** The element suffix of the *DmgCorrectRate_X and *AttackRate fields. */
export const ELEMENT_FIELDS: readonly [Element, string, string][] = [
  // [element, suffix of atk/defXDmgCorrectRate_, prefix of XAttackRate / XAttackPower]
  ['physical', 'Physics', 'physics'],
  ['magic', 'Magic', 'magic'],
  ['fire', 'Fire', 'fire'],
  ['lightning', 'Thunder', 'thunder'],
  ['holy', 'Dark', 'dark'],
];

/** *DamageCutRate fields (damage taken × rate) and the damage type each covers. */
export const CUT_RATE_FIELDS: readonly [string, Element][] = [
  ['neutralDamageCutRate', 'physical'],
  ['slashDamageCutRate', 'physical'],
  ['blowDamageCutRate', 'physical'],
  ['thrustDamageCutRate', 'physical'],
  ['magicDamageCutRate', 'magic'],
  ['fireDamageCutRate', 'fire'],
  ['thunderDamageCutRate', 'lightning'],
  ['darkDamageCutRate', 'holy'],
];

export const STATUSES = ['poison', 'scarlet rot', 'blood loss', 'frostbite', 'sleep', 'madness', 'death blight'] as const;
export type Status = (typeof STATUSES)[number];

/** change*ResistPoint fields (resistance on the wearer). */
export const RESIST_FIELDS: readonly [string, Status][] = [
  ['changePoisonResistPoint', 'poison'],
  ['changeDiseaseResistPoint', 'scarlet rot'],
  ['changeBloodResistPoint', 'blood loss'],
  ['changeFreezeResistPoint', 'frostbite'],
  ['changeSleepResistPoint', 'sleep'],
  ['changeMadnessResistPoint', 'madness'],
  ['changeCurseResistPoint', 'death blight'],
];

/** *AttackPower fields of status buildup (on the one who carries the effect). */
export const BUILDUP_FIELDS: readonly [string, Status][] = [
  ['poizonAttackPower', 'poison'],
  ['diseaseAttackPower', 'scarlet rot'],
  ['bloodAttackPower', 'blood loss'],
  ['freezeAttackPower', 'frostbite'],
  ['sleepAttackPower', 'sleep'],
  ['madnessAttackPower', 'madness'],
  ['curseAttackPower', 'death blight'],
];

/** A buildup this negative on oneself clears the bar: a cure (the boluses write -99999). */
export const CURE_BUILDUP = -9999;

export const ATTRIBUTES = ['vigor', 'mind', 'endurance', 'strength', 'dexterity', 'intelligence', 'faith', 'arcane'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export const ATTRIBUTE_FIELDS: readonly [string, Attribute][] = [
  ['addLifeForceStatus', 'vigor'],
  ['addWillpowerStatus', 'mind'],
  ['addEndureStatus', 'endurance'],
  ['addStrengthStatus', 'strength'],
  ['addDexterityStatus', 'dexterity'],
  ['addMagicStatus', 'intelligence'],
  ['addFaithStatus', 'faith'],
  ['addLuckStatus', 'arcane'],
];

/**
 * ATK_SUB_CATEGORY (SpEffectParam.magicSubCategoryChange1..3): which attacks a damage multiplier applies
 * to. 1–36 are spell schools, 100 and up kinds of attack. Names in players' words.
 */
export const ATTACK_SUBCATEGORIES: ReadonlyMap<number, string> = new Map([
  [1, 'full moon sorceries'],
  [2, 'carian sword sorceries'],
  [3, 'glintblade sorceries'],
  [4, 'stonedigger sorceries'],
  [5, 'crystalian sorceries'],
  [6, 'Azur academy sorceries'],
  [7, 'Lusat academy sorceries'],
  [8, 'magma sorceries'],
  [9, 'thorn sorceries'],
  [10, 'death sorceries'],
  [11, 'gravity sorceries'],
  [12, 'night sorceries'],
  [13, 'cold sorceries'],
  [14, 'Azur primeval sorceries'],
  [15, 'Lusat primeval sorceries'],
  [16, 'Ymir sorceries'],
  [20, 'blackflame incantations'],
  [21, 'giantsflame incantations'],
  [22, 'dragon cult incantations'],
  [23, 'bestial incantations'],
  [24, 'Golden Order incantations'],
  [25, 'dragon communion incantations'],
  [26, 'frenzied flame incantations'],
  [27, 'godslayer incantations'],
  [28, 'Aspect of the Crucible incantations'],
  [31, 'bear incantations'],
  [32, 'guardian spirit sorceries'],
  [33, 'Messmer incantations'],
  [34, 'Miquella incantations'],
  [35, 'divine bird incantations'],
  [36, 'inquisitor spells'],
  [100, 'charged attacks'],
  [101, 'mounted attacks'],
  [102, 'jump attacks'],
  [103, 'guard counters'],
  [104, 'the last hit of a combo'],
  [105, 'arrows and bolts'],
  [106, 'roars'],
  [107, 'breath attacks'],
  [108, 'throwing pots'],
  [109, 'perfumes'],
  [110, 'charged spells'],
  [111, 'charged skills'],
  [112, 'skills'],
  [113, 'ranged skills'],
  [114, 'vapor attacks'],
  [116, 'shrieks'],
  [117, 'wraith attacks'],
  [118, 'arrow and bolt hits'],
  [119, 'thrown weapons'],
  [120, 'two-handed attacks'],
  [121, 'attacks out of a roll or backstep'],
  [122, 'running attacks'],
  [123, 'magma attacks'],
  [124, 'storm attacks'],
  [125, 'frost stomps'],
  [127, 'kicks and stomps'],
  [129, 'dance attacks'],
  [130, 'Messmer skills'],
  [131, 'hefty pots'],
  [132, 'blood attacks'],
  [133, 'lightning skills'],
  [134, 'Redmane skills'],
  [135, "Igon's harpoon"],
]);

/** ATK_SUB_CATEGORY values whose boosts are collected under one searchable attack kind. */
export const ATTACK_SCOPE_OF_SUBCATEGORY: ReadonlyMap<number, string> = new Map([
  [100, 'charged'],
  [101, 'mounted'],
  [102, 'jump'],
  [103, 'guard_counter'],
  [104, 'combo_finisher'],
  [105, 'ranged'],
  [110, 'charged_spell'],
  [111, 'charged_skill'],
  [112, 'skill'],
  [113, 'ranged'],
  [118, 'ranged'],
  [119, 'thrown'],
  [120, 'two_handed'],
  [121, 'roll_attack'],
  [122, 'running'],
  [127, 'kick'],
  [108, 'pot'],
  [131, 'pot'],
  [109, 'perfume'],
  [106, 'roar'],
  [107, 'breath'],
]);

/**
 * SP_EFFECT_TYPE values (SpEffectParam.stateInfo and invocationConditionsStateChange1..3) that change
 * what an effect means. Values not listed carry no meaning for a player.
 */
export const STATE = {
  spellPower: 71, // with magParamChange / miracleParamChange: sorceries / incantations
  guarding: 158,
  keepRunesBreaks: 159, // destroy the talisman instead of dropping runes
  keepRunes: 160,
  thrustCounter: 197,
  onKill: 199,
  critHp: 288,
  critFp: 289,
  rollFrames: 290,
  lighterLoad: 315,
  criticalReceived: 335,
  critical: 367,
  nearBloodLoss: 379,
  nearRot: 380,
  headshot: 450,
  crouching: 466,
  backstepFrames: 473,
  spiritDeath: 475,
  nearSleep: 480,
  afterCritical: 483,
  nearMadness: 495,
  afterFlask: 496,
  stance: 503,
  buffDuration: 193,
  rollTrigger1: 123,
  rollTrigger4: 126,
  stealthHearing: 54,
} as const;

/** invocationConditionsStateChange values: "active while a status is inflicted nearby". */
export const NEARBY_STATUS: ReadonlyMap<number, string> = new Map([
  [STATE.nearBloodLoss, 'blood loss'],
  [STATE.nearRot, 'poison or scarlet rot'],
  [STATE.nearSleep, 'sleep'],
  [STATE.nearMadness, 'madness'],
]);

/**
 * How SP_EFFECT_SPCATEGORY values stack (Smithbox's labels: 0/1/10/20 coexist, 100–299 "remove
 * previous", 200 only with a matching priority, 1000s "apply highest", 10000s "apply first").
 * For the 200 block the conservative reading is used: only effects with the same category AND the same
 * categoryPriority are said to replace each other.
 */
export type StackingRule = 'stacks' | 'replaces' | 'replaces_same_priority' | 'strongest_applies' | 'first_applies';

export function stackingRule(category: number): StackingRule {
  if (category >= 10000) return 'first_applies';
  if (category >= 1000) return 'strongest_applies';
  if (category >= 200 && category < 300) return 'replaces_same_priority';
  if (category >= 100 && category < 200) return 'replaces';
  return 'stacks';
}

/**
 * Items whose effect the game applies for each one carried rather than through an effect row
 * (../shared/docs/mechanics.md §8: one memory slot per Memory Stone, one talisman slot per Talisman
 * Pouch); how many can be carried comes from the params (maxHeld).
 */
export const PER_ITEM_HELD: ReadonlyMap<string, { kind: EffectKind; perItem: number }> = new Map([
  ['key_item:10030', { kind: 'memory_slots', perItem: 1 }],
  ['key_item:10040', { kind: 'talisman_slots', perItem: 1 }],
]);

/**
 * Search words for each kind: what the kind is called, then the words players use for it. The search
 * (src/items/effectSearch.ts) indexes these with every item that has the kind.
 */
export const KIND_WORDS: Record<EffectKind, string> = {
  rune_gain: 'rune gain more runes runes from kills runes from enemies rune acquisition souls farming',
  item_discovery: 'item discovery find more items drop rate loot item drops',
  max_hp: 'max hp health hit points vitality life',
  max_fp: 'max fp focus points mana',
  max_stamina: 'max stamina endurance',
  equip_load: 'equip load carry weight heavier armor medium roll burden',
  poise: 'poise stagger flinch hyperarmor',
  attribute: 'attribute stat stats level boost',
  damage_negation: 'damage negation defense defence resistance protection absorption less damage taken',
  status_resistance: 'status resistance resist immunity robustness focus vitality ailment',
  cure_status: 'cure cures remove clear ailment',
  attack: 'attack damage power boost stronger',
  stamina_damage: 'guard break stamina damage to blocking enemies stance break',
  guard: 'guard block blocking shield stability stamina lost',
  fp_cost: 'fp cost cheaper spells fp consumption less fp',
  stamina_cost: 'stamina cost no stamina',
  casting_speed: 'casting speed cast faster spell speed',
  buff_duration: 'buff duration longer spell effects last longer',
  hp_regen: 'hp regeneration regen heal over time health recovery',
  fp_regen: 'fp regeneration regen fp over time',
  stamina_regen: 'stamina regeneration stamina recovery faster stamina',
  heal: 'heal restore hp health',
  restore_fp: 'restore fp replenish fp',
  hp_on_kill: 'heal on kill hp on kill killing enemies restores hp lifesteal',
  fp_on_kill: 'fp on kill killing enemies restores fp',
  hp_on_hit: 'heal on hit hp on hit lifesteal',
  fp_on_hit: 'fp on hit restores fp when hitting',
  flask_potency: 'flask potency flask heals more estus crimson tears cerulean tears',
  stealth: 'stealth sneak quiet silent hide unseen footsteps',
  memory_slots: 'memory slots spell slots more spells attunement',
  talisman_slots: 'talisman slots more talismans',
  fall_damage: 'fall damage falling',
  aggro: 'aggro draws enemies taunt target',
  bow_range: 'bow range arrow distance',
  keep_runes: 'keep runes protect runes on death lose runes',
  dodge: 'dodge roll i-frames invincibility backstep',
  headshot: 'headshot head hits',
  weapon_buff: 'weapon buff coat weapon grease',
};

/** Search words for scopes (attack kinds, elements, statuses, stats): the scope name and what players say. */
export const SCOPE_WORDS: Record<string, string> = {
  physical: 'physical phys',
  magic: 'magic',
  fire: 'fire flame',
  lightning: 'lightning thunder',
  holy: 'holy',
  poison: 'poison immunity',
  'scarlet rot': 'rot scarlet immunity',
  'blood loss': 'bleed blood loss hemorrhage robustness',
  frostbite: 'frost frostbite robustness',
  sleep: 'sleep focus',
  madness: 'madness focus',
  'death blight': 'death blight deathblight vitality',
  critical: 'critical backstab riposte crit',
  jump: 'jump jumping',
  guard_counter: 'guard counter counters',
  charged: 'charged charge heavy attacks',
  two_handed: 'two handed two handing 2h twohand',
  skill: 'skill skills ash of war weapon art',
  charged_skill: 'charged skill',
  charged_spell: 'charged spell',
  sorcery: 'sorcery sorceries spell spells',
  incantation: 'incantation incantations spell spells miracle',
  ranged: 'arrow arrows bolt bolts bow ranged',
  mounted: 'mounted horseback torrent',
  combo_finisher: 'combo chain last hit',
  counterattack: 'counterattack counter thrusting',
  roll_attack: 'roll rolling backstep',
  running: 'running sprint dash',
  thrown: 'throwing thrown',
  kick: 'kick stomp',
  pot: 'pot pots throwing',
  perfume: 'perfume',
  roar: 'roar',
  breath: 'breath',
  hp: 'hp health crimson',
  fp: 'fp cerulean',
  spell: 'spell spells',
  silent: 'silent quiet sound noise',
  crouching: 'crouch crouching',
  roll: 'roll rolling',
  backstep: 'backstep',
};

// ---- a structured effect: what src/items/effects.ts reads each row into ----

export type ConditionKind =
  | 'hp_below'
  | 'hp_above'
  | 'hp_full'
  | 'on_kill'
  | 'spirit_death'
  | 'hit_chain'
  | 'nearby_status'
  | 'guarding'
  | 'crouching'
  | 'after_critical'
  | 'on_critical'
  | 'after_flask'
  | 'stance'
  | 'lighter_load'
  | 'critical_received'
  | 'until_hit';

export interface EffectCondition {
  kind: ConditionKind;
  value?: number | string;
}

export type EffectUnit = 'percent' | 'points' | 'per_second' | 'flat' | 'count' | 'none';
export type EffectTiming = 'equipped' | 'timed' | 'instant' | 'per_item';

export interface StructuredEffect {
  kind: EffectKind;
  /** What it applies to: attack kinds (`sub:102`, `critical`, `sorcery`), attributes, statuses, `hp`/`fp`; empty = in general. */
  scope: string[];
  /** Damage types, when the effect is limited to some (attack, damage negation, weapon buffs). */
  elements?: Element[];
  /** Magnitude in `unit`; positive = in the player's favour (a drawback has a negative value). */
  value?: number;
  unit: EffectUnit;
  /** Heals: a flat amount beside the percentage of max HP/FP in `value`. */
  flat?: number;
  /** Against other players, when the params set another value than against enemies. */
  pvp?: number;
  /** Values reached over a chain of hits, lowest first (`value` is the highest). */
  stages?: number[];
  /** Seconds the effect lasts once it starts; absent = while equipped, instant or per item. */
  duration?: number;
  timing: EffectTiming;
  conditions: EffectCondition[];
  drawback: boolean;
  /** Per-item effects: how many can be carried (maxHeld). */
  maxCount?: number;
  /** Stacking category and priority of the effect's own row (0 = stacks with everything). */
  stacking: { category: number; priority: number };
  /** SpEffectParam row the numbers come from (internal provenance, never shown). */
  row: number;
}
