// Upgrade rate tables, materials per step, and Twin Maiden Husks prices (mechanics.md §6).
// Rune cost of reaching +n = round(EquipParamWeapon.reinforcePrice × ReinforceParamWeapon[type + n].reinforcePriceRate)
// (formula from erdb src/erdb/table/armaments.py _get_upgrade_costs [V2]; rate tables identical in 1.09 and 1.10).

import type { Confidence } from './confidence.ts';
import type { Rational } from './runeGainModifiers.ts';

export type WeaponPath = 'regular' | 'somber';
export type SpiritAshPath = 'spirit' | 'renowned-spirit';
export type MaterialPath = WeaponPath | SpiritAshPath;

export const MAX_UPGRADE: Readonly<Record<MaterialPath, number>> = { regular: 25, somber: 10, spirit: 10, 'renowned-spirit': 10 };

/**
 * reinforcePriceRate of the TARGET level, index 0 = +1. Regular (reinforceTypeId 0): 1.0 + 0.2 × (n − 1)
 * = (n + 4)/5, summing to 85. Somber (2200): 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, summing to 33.
 */
export const WEAPON_PRICE_RATES: Readonly<Record<WeaponPath, readonly Rational[]>> = {
  regular: Array.from({ length: 25 }, (_, i) => ({ num: i + 5, den: 5 })),
  somber: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12].map((halves) => ({ num: halves, den: 2 })),
};

export interface MaterialInfo {
  name: string;
  /** Twin Maiden Husks price in runes, null when they never sell it. */
  huskPrice: number | null;
  /** Bell bearing that unlocks it at the Husks, null when not sold there. */
  bellBearing: string | null;
  /** Another seller, when the Husks don't sell it. */
  otherSeller?: { merchant: string; price: number; stock: number };
}

const SMITHING_PRICES = [200, 400, 600, 900, 1_200, 1_500, 2_400, 3_600];
const SOMBER_PRICES = [2_000, 3_000, 4_000, 6_000, 9_000, 12_000, 16_000, 20_000, 25_000];
const GRAVE_GLOVEWORT_PRICES = [800, 1_200, 1_600, 2_400, 3_200, 4_000, 5_000, 6_000, 8_000];
const GHOST_GLOVEWORT_PRICES = [1_200, 1_800, 2_400, 3_600, 4_800, 6_000, 7_500, 9_000, 12_000];

function bearing(kind: string, index: number): string {
  return `${kind} Bell Bearing [${index}]`;
}

function tieredMaterials(base: string, prices: number[], bellBearingKind: string, tierSize: number): MaterialInfo[] {
  return prices.map((price, i) => ({
    name: `${base} [${i + 1}]`,
    huskPrice: price,
    bellBearing: bearing(bellBearingKind, Math.floor(i / tierSize) + 1),
  }));
}

/** Every upgrade material, by name. Prices [V2]; which bell bearing unlocks what [S1, inferred from flag order]. */
export const MATERIALS: ReadonlyMap<string, MaterialInfo> = new Map(
  [
    ...tieredMaterials('Smithing Stone', SMITHING_PRICES, "Smithing-Stone Miner's", 2),
    { name: 'Ancient Dragon Smithing Stone', huskPrice: null, bellBearing: null, otherSeller: { merchant: 'Gostoc', price: 20_000, stock: 1 } },
    // Somber [1]-[8] in pairs, [9] alone: Somberstone Miner's [1]..[5].
    ...tieredMaterials('Somber Smithing Stone', SOMBER_PRICES, "Somberstone Miner's", 2),
    { name: 'Somber Ancient Dragon Smithing Stone', huskPrice: null, bellBearing: null },
    ...tieredMaterials('Grave Glovewort', GRAVE_GLOVEWORT_PRICES, "Glovewort Picker's", 3),
    { name: 'Great Grave Glovewort', huskPrice: null, bellBearing: null },
    ...tieredMaterials('Ghost Glovewort', GHOST_GLOVEWORT_PRICES, "Ghost-Glovewort Picker's", 3),
    { name: 'Great Ghost Glovewort', huskPrice: null, bellBearing: null },
  ].map((m) => [m.name, m] as const),
);

export const MATERIAL_CONFIDENCE: Readonly<Record<'prices' | 'bellBearings' | 'weaponMaterials' | 'spiritMaterials', Confidence>> = {
  prices: 'verified',
  bellBearings: 'single-source',
  weaponMaterials: 'verified',
  spiritMaterials: 'single-source',
};

/** Material and count for the step +(n−1) → +n. */
export function materialForStep(path: MaterialPath, n: number): { material: string; count: number } {
  switch (path) {
    case 'regular':
      // +1/+2/+3 need 2/4/6 × [1]; … +22/+23/+24 need 2/4/6 × [8]; +25 needs 1 Ancient Dragon Smithing Stone.
      if (n === 25) return { material: 'Ancient Dragon Smithing Stone', count: 1 };
      return { material: `Smithing Stone [${Math.ceil(n / 3)}]`, count: 2 * (((n - 1) % 3) + 1) };
    case 'somber':
      if (n === 10) return { material: 'Somber Ancient Dragon Smithing Stone', count: 1 };
      return { material: `Somber Smithing Stone [${n}]`, count: 1 };
    case 'spirit':
      if (n === 10) return { material: 'Great Grave Glovewort', count: 1 };
      return { material: `Grave Glovewort [${n}]`, count: 1 };
    case 'renowned-spirit':
      if (n === 10) return { material: 'Great Ghost Glovewort', count: 1 };
      return { material: `Ghost Glovewort [${n}]`, count: 1 };
  }
}
