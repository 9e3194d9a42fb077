// Runes gained by using each rune consumable (mechanics.md §4).
// Base game [V2]: SpEffectParam.soul rows 3269-3288 = EquipParamGoods.sellValue 2900-2919 (1.09/1.10),
// in-game captions agree for [1] (200) and Lord's Rune (50,000).
// Remembrances if consumed [V2]: SpEffectParam.soul rows 3720-3734 = sellValue of goods 2950-2964.
// DLC [S1]: one post-DLC data-mined repo (4laric/er-archipelago RUNE_PAYOUT); DLC remembrance payouts
// are their sellValue, assumed equal to the payout.

import type { Confidence } from './confidence.ts';

export type RuneItemKind = 'rune' | 'remembrance';

export interface RuneItem {
  name: string;
  runes: number;
  kind: RuneItemKind;
  dlc: boolean;
  confidence: Confidence;
  /**
   * Part of the default pool for "unlimited" planning: ordinary rune consumables a player farms or
   * buys. Remembrances (better traded for boss items), unconfirmed items and the unused
   * Lands Between Rune are left out of that pool; they can still be valued when held.
   */
  standard: boolean;
  /** Why the confidence is not 'verified', when it is not; `id` is stable and shared by items with the same caveat. */
  caveat?: { id: string; text: string };
}

function rune(name: string, runes: number): RuneItem {
  return { name, runes, kind: 'rune', dlc: false, confidence: 'verified', standard: true };
}
function remembrance(boss: string, runes: number): RuneItem {
  return { name: boss, runes, kind: 'remembrance', dlc: false, confidence: 'verified', standard: false };
}
const DLC_RUNE_CAVEAT = {
  id: 'dlc-rune-values',
  text:
    'DLC value from a single post-DLC data-mined source (no post-DLC param dump checked); one map-mod source comments lower Shadow Realm Rune values (2,500-5,000), probably mod-specific.',
};
const DLC_REMEMBRANCE_CAVEAT = {
  id: 'dlc-remembrance-values',
  text: 'DLC remembrance: the value is its sell value from a single post-DLC source; the rune payout is assumed equal.',
};
const UNCONFIRMED_ITEM_CAVEAT = {
  id: 'unconfirmed-dlc-items',
  text: 'Value from a single post-DLC source and name from Paramdex; not confirmed to be obtainable in normal play.',
};
function dlcRune(name: string, runes: number): RuneItem {
  return { name, runes, kind: 'rune', dlc: true, confidence: 'single-source', standard: true, caveat: DLC_RUNE_CAVEAT };
}
function dlcRemembrance(name: string, runes: number): RuneItem {
  return {
    name,
    runes,
    kind: 'remembrance',
    dlc: true,
    confidence: 'single-source',
    standard: false,
    caveat: DLC_REMEMBRANCE_CAVEAT,
  };
}

export const RUNE_ITEMS: readonly RuneItem[] = [
  rune('Golden Rune [1]', 200),
  rune('Golden Rune [2]', 400),
  rune('Golden Rune [3]', 800),
  rune('Golden Rune [4]', 1_200),
  rune('Golden Rune [5]', 1_600),
  rune('Golden Rune [6]', 2_000),
  rune('Golden Rune [7]', 2_500),
  rune('Golden Rune [8]', 3_000),
  rune('Golden Rune [9]', 3_800),
  rune('Golden Rune [10]', 5_000),
  rune('Golden Rune [11]', 6_250), // one published calculator says 6,200 [CONFLICT]; the params say 6,250
  rune('Golden Rune [12]', 7_500),
  rune('Golden Rune [13]', 10_000),
  rune("Numen's Rune", 12_500),
  rune("Hero's Rune [1]", 15_000),
  rune("Hero's Rune [2]", 20_000),
  rune("Hero's Rune [3]", 25_000),
  rune("Hero's Rune [4]", 30_000),
  rune("Hero's Rune [5]", 35_000),
  rune("Lord's Rune", 50_000),

  remembrance('Remembrance of the Grafted', 20_000),
  remembrance('Remembrance of the Starscourge', 40_000),
  remembrance('Remembrance of the Omen King', 30_000),
  remembrance('Remembrance of the Blasphemous', 50_000),
  remembrance('Remembrance of the Rot Goddess', 50_000),
  remembrance('Remembrance of the Blood Lord', 30_000),
  remembrance('Remembrance of the Black Blade', 30_000),
  remembrance('Remembrance of Hoarah Loux', 30_000),
  remembrance('Remembrance of the Dragonlord', 30_000),
  remembrance('Remembrance of the Full Moon Queen', 20_000),
  remembrance('Remembrance of the Lichdragon', 30_000),
  remembrance('Remembrance of the Fire Giant', 30_000),
  remembrance('Remembrance of the Regal Ancestor', 30_000),
  remembrance('Elden Remembrance', 50_000),
  remembrance('Remembrance of the Naturalborn', 30_000),

  dlcRune('Shadow Realm Rune [1]', 7_500),
  dlcRune('Shadow Realm Rune [2]', 10_000),
  dlcRune('Shadow Realm Rune [3]', 12_500),
  dlcRune('Shadow Realm Rune [4]', 15_000),
  dlcRune('Shadow Realm Rune [5]', 17_500),
  dlcRune('Shadow Realm Rune [6]', 22_500),
  dlcRune('Shadow Realm Rune [7]', 30_000),
  dlcRune('Rune of an Unsung Hero', 50_000),
  dlcRune("Marika's Rune", 80_000),
  {
    ...dlcRune('Broken Rune', 500),
    confidence: 'unverified',
    standard: false,
    caveat: UNCONFIRMED_ITEM_CAVEAT,
  },
  {
    ...dlcRune("Leda's Rune", 40_000),
    confidence: 'unverified',
    standard: false,
    caveat: UNCONFIRMED_ITEM_CAVEAT,
  },

  dlcRemembrance('Remembrance of the Wild Boar Rider', 30_000),
  dlcRemembrance('Remembrance of the Impaler', 40_000),
  dlcRemembrance('Remembrance of the Shadow Sunflower', 40_000),
  dlcRemembrance('Remembrance of the Twin Moon Knight', 30_000),
  dlcRemembrance('Remembrance of the Saint of the Bud', 30_000),
  dlcRemembrance('Remembrance of the Dancing Lion', 30_000),
  dlcRemembrance('Remembrance of a God and a Lord', 50_000),
  dlcRemembrance('Remembrance of the Lord of Frenzied Flame', 40_000),
  dlcRemembrance('Remembrance of the Mother of Fingers', 40_000),
  dlcRemembrance('Remembrance of Putrescence', 30_000),

  {
    name: 'Lands Between Rune',
    runes: 3_000,
    kind: 'rune',
    dlc: false,
    confidence: 'single-source',
    standard: false,
    caveat: { id: 'lands-between-rune', text: "Appears to be an unused item (sortId 999999); it shares Golden Rune [8]'s effect." },
  },
];
