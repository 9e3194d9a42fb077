// The shape of one compiled item record in data/items.json.
// Facts only (names, ids, numbers, categories). Never description, caption, lore or wiki text:
// `effect` is a one-line summary written in this project's own words.

export const CATEGORIES = [
  'weapon',
  'shield',
  'ammo',
  'armor',
  'talisman',
  'sorcery',
  'incantation',
  'ash_of_war',
  'spirit_ash',
  'consumable',
  'tool',
  'crafting_material',
  'upgrade_material',
  'key_item',
  'bell_bearing',
  'cookbook',
  'crystal_tear',
  'great_rune',
  'remembrance',
  'rune_item',
  'info_item',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type StatKey = 'str' | 'dex' | 'int' | 'fai' | 'arc';
export type ScalingLetter = 'S' | 'A' | 'B' | 'C' | 'D' | 'E';
export type DamageKind = 'physical' | 'magic' | 'fire' | 'lightning' | 'holy';
export type UpgradePath = 'regular' | 'somber' | 'none';
/** Status buildups a weapon can inflict (SpEffectParam *AttackPower of its status effects). */
export type StatusKind = 'poison' | 'scarletRot' | 'bloodLoss' | 'frostbite' | 'sleep' | 'madness' | 'deathBlight';

export interface ShopOffer {
  merchant: string; // e.g. "Patches", "Twin Maiden Husks"; "a merchant in the Land of Shadow" where no source names one
  price: number; // in `currency`
  currency: string; // "runes", or an item name for trades (e.g. "Starlight Shards")
  stock?: number; // omitted = unlimited
  unlock?: string; // e.g. "Smithing-Stone Miner's Bell Bearing [1]"
  cite?: string; // public page that names the merchant of an unnamed DLC block (internal, never shown)
}

/** Guarded damage negation (%) per damage kind at +0, and guard boost (stability). */
export interface GuardStats {
  physical: number;
  magic: number;
  fire: number;
  lightning: number;
  holy: number;
  boost: number;
}

export interface ItemRecord {
  key: string; // `${category}:${paramId}`; unique
  paramId: number;
  name: string; // official English name
  aliases: string[]; // affinity variants, +N forms, curated short names
  category: Category;
  subcategory?: string; // "Katana", "Head", "Sacred Seal", ...
  dlc: boolean;
  weight?: number;
  sellValue?: number;
  runeValue?: number; // rune items (and remembrances): runes gained on use
  shop?: ShopOffer[];
  requirements?: Partial<Record<StatKey, number>>;
  scaling?: Partial<Record<StatKey, ScalingLetter>>;
  attack?: Partial<Record<DamageKind, number>>; // at +0
  damageTypes?: string[]; // "standard" | "slash" | "strike" | "pierce"
  critical?: number;
  upgrade?: UpgradePath;
  upgradePrice?: number; // EquipParamWeapon.reinforcePrice (runes for the +1 step base)
  upgradeCosts?: number[]; // rune cost of each step: [0] = +0→+1, ... (weapons and spirit ashes)
  guard?: GuardStats; // weapons and shields
  status?: Partial<Record<StatusKind, number>>; // weapons: status buildup at +0
  statusMax?: Partial<Record<StatusKind, number>>; // weapons that can be upgraded: the same at the highest upgrade level (+10 or +25), before stat scaling
  skill?: string;
  skillFp?: SkillFp; // weapons, shields and ashes of war: what the skill costs in FP (SwordArtsParam)
  ashOfWar?: AshOfWarInfo; // ashes of war: the affinities it grants and the weapon classes it goes on
  fpCost?: number;
  hpCost?: number;
  stamina?: number; // spells: stamina cost
  slots?: number;
  absorption?: Record<string, number>; // armour: % per damage kind
  resistance?: { immunity: number; robustness: number; focus: number; vitality: number };
  poise?: number;
  effect?: string; // one line, our own words; numbers in it are filled in from the params at build time
  effects?: number[]; // SpEffectParam ids of the item's effects: keys of data/sp-effects.json (talismans, goods, armour and weapon passives)
  duration?: number; // goods: seconds the item's timed effect lasts (SpEffectParam.effectEndurance of its effect)
  maxHeld?: number; // goods: how many can be carried (EquipParamGoods.maxNum)
  maxStored?: number; // goods: how many the storage chest holds (maxRepositoryNum)
  accessoryGroup?: number; // talismans: two talismans of one group cannot be worn together (EquipParamAccessory.accessoryGroup)
  sources: string[]; // ids of ItemData.sources, e.g. ["regulation@1.16.1", "erdb@1.10.0"] (numbers from the regulation, name from the text)
  patch: string; // game data patch the numbers come from: "1.16.1"
  rows?: string[]; // provenance: the param rows the numbers came from, own row first, e.g. ["EquipParamWeapon:67520000", "ReinforceParamWeapon:2200-2210"] ("A-B": rows A to B); always set by the compiler; internal, never shown
}

/**
 * A skill's FP cost as the game's menus show it, "FP 6 (– 12)": the cost of using the skill, then of its
 * two follow-ups (null where the skill has none, shown as "–"). SwordArtsParam.useMagicPoint_L2, _R1, _R2.
 */
export interface SkillFp {
  use: number | null;
  followUps: [number | null, number | null];
}

/** What an Ash of War does to the armament it is put on (EquipParamGem). */
export interface AshOfWarInfo {
  /** The affinity it gives by default ("Keen"; "Standard" for none). */
  defaultAffinity: string;
  /** Every affinity it can give, in the game's order (Standard first). */
  affinities: string[];
  /** The weapon and shield classes it can be put on, as the item cards name them ("Katana", "Medium Shield"). */
  weaponClasses: string[];
}

export interface ItemData {
  generatedAt: string;
  patch: string; // game data patch of every record, e.g. "1.16.1" (the footer says "Game data: patch 1.16.1")
  sources: { id: string; repository: string; commit: string; licence: string }[];
  items: ItemRecord[];
}
