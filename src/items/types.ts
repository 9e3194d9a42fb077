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

export interface ShopOffer {
  merchant: string; // e.g. "Patches", "Twin Maiden Husks"
  price: number; // in `currency`
  currency: string; // "runes", or an item name for trades (e.g. "Starlight Shards")
  stock?: number; // omitted = unlimited
  unlock?: string; // e.g. "Smithing-Stone Miner's Bell Bearing [1]"
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
  upgradeCosts?: number[]; // rune cost of each step: [0] = +0→+1, ...
  skill?: string;
  fpCost?: number;
  hpCost?: number;
  stamina?: number; // spells: stamina cost
  slots?: number;
  absorption?: Record<string, number>; // armour: % per damage kind
  resistance?: { immunity: number; robustness: number; focus: number; vitality: number };
  poise?: number;
  effect?: string; // one line, our own words
  sources: string[]; // e.g. ["erdb@1.10.0"], ["impalers-archive", "tjc@1.14"]
  patch: string; // game data patch the facts come from, e.g. "1.10" or "1.14"
}

export interface ItemData {
  generatedAt: string;
  patch: string; // summary patch label for the footer
  sources: { id: string; repository: string; commit: string; licence: string }[];
  items: ItemRecord[];
}
