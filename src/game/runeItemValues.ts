// Runes gained by using each rune consumable (mechanics.md §4). Every value is the item's own effect in
// the game's parameters of patch 1.16.1 (SpEffectParam.soul of the goods' effect), base game and DLC
// alike; test/runes/rune-item-data.test.ts checks each one against data/items.json.

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
function dlcRune(name: string, runes: number): RuneItem {
  return { name, runes, kind: 'rune', dlc: true, confidence: 'verified', standard: true };
}
function dlcRemembrance(name: string, runes: number): RuneItem {
  return { name, runes, kind: 'remembrance', dlc: true, confidence: 'verified', standard: false };
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
  rune('Golden Rune [11]', 6_250), // one published calculator says 6,200; the params say 6,250
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
  // Single drops, not farmed or bought: valued when held, left out of the planning pool.
  { ...dlcRune('Broken Rune', 500), standard: false },
  { ...dlcRune("Leda's Rune", 40_000), standard: false },

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
    caveat: { id: 'lands-between-rune', text: "an unused item, not found in normal play; it shares Golden Rune [8]'s effect." },
  },
];
