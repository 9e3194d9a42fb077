// Category tables: weapon class by wepType, goods category by goodsType and name (base game and DLC alike).
import type { Category } from '../../src/items/types.ts';

/** EquipParamWeapon.wepType -> [category, weapon class]. Codes as used by the game params and TJC. */
export const WEAPON_TYPES: Readonly<Record<number, readonly [Category, string]>> = {
  1: ['weapon', 'Dagger'],
  3: ['weapon', 'Straight Sword'],
  5: ['weapon', 'Greatsword'],
  7: ['weapon', 'Colossal Sword'],
  9: ['weapon', 'Curved Sword'],
  11: ['weapon', 'Curved Greatsword'],
  13: ['weapon', 'Katana'],
  14: ['weapon', 'Twinblade'],
  15: ['weapon', 'Thrusting Sword'],
  16: ['weapon', 'Heavy Thrusting Sword'],
  17: ['weapon', 'Axe'],
  19: ['weapon', 'Greataxe'],
  21: ['weapon', 'Hammer'],
  23: ['weapon', 'Great Hammer'],
  24: ['weapon', 'Flail'],
  25: ['weapon', 'Spear'],
  28: ['weapon', 'Great Spear'],
  29: ['weapon', 'Halberd'],
  31: ['weapon', 'Reaper'],
  35: ['weapon', 'Fist'],
  37: ['weapon', 'Claw'],
  39: ['weapon', 'Whip'],
  41: ['weapon', 'Colossal Weapon'],
  50: ['weapon', 'Light Bow'],
  51: ['weapon', 'Bow'],
  53: ['weapon', 'Greatbow'],
  55: ['weapon', 'Crossbow'],
  56: ['weapon', 'Ballista'],
  57: ['weapon', 'Glintstone Staff'],
  61: ['weapon', 'Sacred Seal'],
  65: ['shield', 'Small Shield'],
  67: ['shield', 'Medium Shield'],
  69: ['shield', 'Greatshield'],
  81: ['ammo', 'Arrow'],
  83: ['ammo', 'Greatarrow'],
  85: ['ammo', 'Bolt'],
  86: ['ammo', 'Greatbolt'],
  87: ['weapon', 'Torch'],
  88: ['weapon', 'Hand-to-Hand Art'],
  89: ['weapon', 'Perfume Bottle'],
  90: ['shield', 'Thrusting Shield'],
  91: ['weapon', 'Throwing Blade'],
  92: ['weapon', 'Backhand Blade'],
  93: ['weapon', 'Light Greatsword'],
  94: ['weapon', 'Great Katana'],
  95: ['weapon', 'Beast Claw'],
};

export const ARMOR_SLOTS: Readonly<Record<number, string>> = { 0: 'Head', 1: 'Chest', 2: 'Arms', 3: 'Legs' };

/** Rune items: used to gain runes (the runes come from the item's effect, SpEffectParam.soul). */
export function isRuneItemName(name: string): boolean {
  return (
    /^Golden Rune \[\d+\]$/.test(name) ||
    /^Hero's Rune \[\d+\]$/.test(name) ||
    /^Shadow Realm Rune \[\d+\]$/.test(name) ||
    ["Numen's Rune", "Lord's Rune", 'Rune of an Unsung Hero', "Marika's Rune", 'Broken Rune', "Leda's Rune"].includes(name)
  );
}

/** EquipParamGoods.goodsType -> category (type 0 and 1 are refined by name/flags elsewhere). */
export function goodsTypeCategory(goodsType: number): Category | 'spell-sorcery' | 'spell-incantation' | 'spirit' | null {
  switch (goodsType) {
    case 0:
      return 'consumable';
    case 1:
      return 'key_item';
    case 2:
      return 'crafting_material';
    case 3:
      return 'remembrance';
    case 5:
    case 17:
      return 'spell-sorcery';
    case 16:
    case 18:
      return 'spell-incantation';
    case 7:
    case 8:
      return 'spirit';
    case 9:
      return 'tool'; // Flask of Wondrous Physick
    case 10:
      return 'crystal_tear';
    case 11:
      return 'key_item'; // containers: Cracked Pot, Ritual Pot, Perfume Bottle
    case 12:
      return 'info_item';
    case 14:
      return 'upgrade_material';
    case 15:
      return 'great_rune';
    default:
      return null;
  }
}

/** Refine a key item (goodsType 1) by its name. */
export function keyItemCategory(name: string): Category {
  if (/Bell Bearing/.test(name)) return 'bell_bearing';
  if (/Cookbook/.test(name)) return 'cookbook';
  if (/Great Rune\b/.test(name) && !/^Phantom/.test(name)) return 'great_rune';
  return 'key_item';
}
