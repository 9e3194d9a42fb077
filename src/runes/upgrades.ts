// Weapon and spirit-ash upgrades: runes per step, materials per step, and what buying the materials
// at the Twin Maiden Husks costs (mechanics.md §6).
// Errors: TypeError / RangeError as described in validate.ts.
//
// Runes per step come from one of two places. An item record's own `upgradeCosts` (the compiler's
// round(reinforcePrice × reinforcePriceRate) over the item's OWN ReinforceParamWeapon rows) is used
// whenever it is there: that is the only right answer for weapons whose reinforce type is neither the
// regular (0) nor the somber (2200) rate table, e.g. crossbows and hand ballistae (3100: ×1.2 … ×6.0)
// and the somber ballistae (3200: ×1.0, ×1.2 … ×3.0). Without it, reinforcePrice × the regular or
// somber rate table below (weaponUpgradeRunes).
//
// Rounding: erdb computes round(reinforcePrice × rate) with Python 3's round(), which rounds halves to
// EVEN (round(540.5) == 540, round(541.5) == 542). The float product is exact for every tie that can
// occur (rates ×1.5/2.5/3.5/4.5 are exact binary fractions), so integer half-to-even reproduces erdb
// exactly. Regular rates are (n+4)/5, whose products never end in .5, so ties only happen on somber
// steps with an odd reinforcePrice. Whether the game itself rounds that way is not verified.

import { mergeNotes, type Note } from '../game/confidence.ts';
import { MAX_REINFORCE_PRICE, MAX_ITEM_COUNT } from '../game/limits.ts';
import type { Rational } from '../game/runeGainModifiers.ts';
import {
  MATERIALS,
  MAX_UPGRADE,
  WEAPON_PRICE_RATES,
  materialForStep,
  type MaterialInfo,
  type MaterialPath,
  type WeaponPath,
} from '../game/upgradeTables.ts';
import { requireInteger, requireObject, requireOneOf } from './validate.ts';

export const WEAPON_PATHS: readonly WeaponPath[] = ['regular', 'somber'];
export const MATERIAL_PATHS: readonly MaterialPath[] = ['regular', 'somber', 'spirit', 'renowned-spirit'];

// The rate of the level a step reaches, the spirit ashes' own costs and materials, and the Twin Maiden
// Husks' stock all come from the 1.16.1 params; the one thing the params leave open is how the game
// rounds a step ending in exactly half a rune.
export const UPGRADE_NOTES = {
  halfEven: {
    id: 'upgrade-round-half-even',
    confidence: 'assumed',
    text: 'A step cost ended in exactly .5 and was rounded to even, as erdb (Python round) does; the game may round differently.',
  },
} as const satisfies Record<string, Note>;

/** round(num/den) with ties to even (Python 3 round), for num ≥ 0, den > 0; also reports a tie. */
export function roundHalfEven(num: number, den: number): { value: number; tie: boolean } {
  const q = Math.floor(num / den);
  const twiceRemainder = 2 * (num - q * den);
  if (twiceRemainder > den) return { value: q + 1, tie: false };
  if (twiceRemainder < den) return { value: q, tie: false };
  return { value: q % 2 === 0 ? q : q + 1, tie: true };
}

function checkRange(path: MaterialPath, from: number, to: number): void {
  const max = MAX_UPGRADE[path];
  requireInteger('from', from, 0, max);
  requireInteger('to', to, 0, max);
  if (from > to) throw new RangeError(`from (+${from}) must not be above to (+${to})`);
}

export interface RuneStep {
  from: number;
  to: number;
  runes: number;
}

export interface RuneSteps {
  steps: RuneStep[];
  total: number;
  notes: Note[];
}

function weaponStep(reinforcePrice: number, rate: Rational) {
  return roundHalfEven(reinforcePrice * rate.num, rate.den);
}

/**
 * Runes for each step from +from to +to (0 ≤ from ≤ to ≤ 25 regular / 10 somber) for a weapon whose
 * EquipParamWeapon.reinforcePrice is `reinforcePrice` (0..1,000,000). Longsword (250) +0→+25 = 21,250.
 */
export function weaponUpgradeRunes(reinforcePrice: number, path: WeaponPath, from = 0, to: number = MAX_UPGRADE[path]): RuneSteps {
  requireInteger('reinforcePrice', reinforcePrice, 0, MAX_REINFORCE_PRICE);
  requireOneOf('path', path, WEAPON_PATHS);
  checkRange(path, from, to);
  const rates = WEAPON_PRICE_RATES[path];
  const steps: RuneStep[] = [];
  let total = 0;
  let tie = false;
  for (let n = from + 1; n <= to; n++) {
    const step = weaponStep(reinforcePrice, rates[n - 1]!);
    tie ||= step.tie;
    steps.push({ from: n - 1, to: n, runes: step.value });
    total += step.value;
  }
  const notes: Note[] = tie ? [UPGRADE_NOTES.halfEven] : [];
  return { steps, total, notes };
}

/** The most one step may cost: the largest reinforcePrice × the largest rate in the params (×6.0). */
export const MAX_STEP_COST = 6 * MAX_REINFORCE_PRICE;

/**
 * Runes for each step from +from to +to, given an item's own cost per step (`costsPerStep[0]` = +0→+1,
 * …; as many entries as the path has steps: 25 regular, 10 somber or spirit ash; each 0..6,000,000).
 * The one place step costs are added up, for weapons and spirit ashes alike; no notes.
 */
export function stepCostRunes(costsPerStep: readonly number[], path: MaterialPath, from = 0, to: number = MAX_UPGRADE[path]): Omit<RuneSteps, 'notes'> {
  requireOneOf('path', path, MATERIAL_PATHS);
  const count = MAX_UPGRADE[path];
  if (!Array.isArray(costsPerStep)) throw new TypeError(`costsPerStep must be an array of ${count} rune costs (+0→+1 … +${count - 1}→+${count})`);
  if (costsPerStep.length !== count) throw new RangeError(`costsPerStep must have exactly ${count} entries (+0→+1 … +${count - 1}→+${count}), got ${costsPerStep.length}`);
  costsPerStep.forEach((cost, i) => requireInteger(`cost of +${i}→+${i + 1}`, cost, 0, MAX_STEP_COST));
  checkRange(path, from, to);
  const steps: RuneStep[] = [];
  let total = 0;
  for (let n = from + 1; n <= to; n++) {
    const runes = costsPerStep[n - 1]!;
    steps.push({ from: n - 1, to: n, runes });
    total += runes;
  }
  return { steps, total };
}

/**
 * Runes for each step of a spirit ash, given that ash's own cost per step (`costsPerStep[0]` = +0→+1,
 * …, `[9]` = +9→+10; each 0..6,000,000), from +from to +to (0..10).
 */
export function spiritAshUpgradeRunes(costsPerStep: readonly number[], from = 0, to = 10): RuneSteps {
  const runes = stepCostRunes(costsPerStep, 'spirit', from, to);
  return { ...runes, notes: [] };
}

/**
 * Runes for each step of a weapon from its own cost per step (an item record's `upgradeCosts`: 25 entries
 * on the regular path, 10 on the somber one), from +from to +to.
 */
export function weaponStepCostRunes(costsPerStep: readonly number[], path: WeaponPath, from = 0, to: number = MAX_UPGRADE[path]): RuneSteps {
  requireOneOf('path', path, WEAPON_PATHS);
  const runes = stepCostRunes(costsPerStep, path, from, to);
  return { ...runes, notes: [] };
}

export interface MaterialStep {
  from: number;
  to: number;
  material: string;
  count: number;
}

export interface MaterialCount {
  material: string;
  count: number;
}

export interface MaterialList {
  steps: MaterialStep[];
  /** Per material, in the order first needed. */
  totals: MaterialCount[];
  notes: Note[];
}

/**
 * Materials for each step from +from to +to. Paths: 'regular' (Smithing Stones, max +25), 'somber'
 * (Somber Smithing Stones, max +10), 'spirit' (Grave Glovewort, regular ashes, max +10),
 * 'renowned-spirit' (Ghost Glovewort, renowned ashes, max +10).
 */
export function upgradeMaterials(path: MaterialPath, from = 0, to: number = MAX_UPGRADE[path]): MaterialList {
  requireOneOf('path', path, MATERIAL_PATHS);
  checkRange(path, from, to);
  const steps: MaterialStep[] = [];
  const totals = new Map<string, number>();
  for (let n = from + 1; n <= to; n++) {
    const { material, count } = materialForStep(path, n);
    steps.push({ from: n - 1, to: n, material, count });
    totals.set(material, (totals.get(material) ?? 0) + count);
  }
  return { steps, totals: [...totals].map(([material, count]) => ({ material, count })), notes: [] };
}

export interface PurchaseLine {
  material: string;
  count: number;
  /** Sold by the Twin Maiden Husks (once the bell bearing is given). */
  purchasable: boolean;
  priceEach: number | null;
  runes: number | null;
  bellBearing: string | null;
  /** Another seller, with limited stock, when the Husks don't sell it. */
  otherSeller?: MaterialInfo['otherSeller'];
}

export interface PurchaseCost {
  lines: PurchaseLine[];
  /** Runes for every purchasable line. */
  totalRunes: number;
  /** Materials the Husks never sell. */
  notPurchasable: string[];
  /** Bell bearings needed for the purchasable lines, in order. */
  bellBearings: string[];
  notes: Note[];
}

/** What buying `materials` at the Twin Maiden Husks costs, and which bell bearings that needs. */
export function materialPurchaseCost(materials: readonly MaterialCount[]): PurchaseCost {
  if (!Array.isArray(materials)) throw new TypeError('materials must be an array of { material, count }');
  const lines: PurchaseLine[] = [];
  const notPurchasable: string[] = [];
  const bellBearings: string[] = [];
  let totalRunes = 0;
  materials.forEach((entry: unknown, index) => {
    const object = requireObject(`materials[${index}]`, entry);
    if (typeof object.material !== 'string') throw new TypeError(`materials[${index}].material must be a string`);
    const info = MATERIALS.get(object.material);
    if (!info) throw new RangeError(`unknown upgrade material ${JSON.stringify(object.material.slice(0, 60))}; valid: ${[...MATERIALS.keys()].join(', ')}`);
    const count = requireInteger(`count of ${info.name}`, object.count, 0, MAX_ITEM_COUNT * 100);
    if (info.huskPrice === null) {
      notPurchasable.push(info.name);
      lines.push({ material: info.name, count, purchasable: false, priceEach: null, runes: null, bellBearing: null, ...(info.otherSeller ? { otherSeller: info.otherSeller } : {}) });
      return;
    }
    const runes = info.huskPrice * count;
    totalRunes += runes;
    if (info.bellBearing && count > 0 && !bellBearings.includes(info.bellBearing)) bellBearings.push(info.bellBearing);
    lines.push({ material: info.name, count, purchasable: true, priceEach: info.huskPrice, runes, bellBearing: info.bellBearing });
  });
  return { lines, totalRunes, notPurchasable, bellBearings, notes: [] };
}

export interface UpgradePlan {
  path: MaterialPath;
  from: number;
  to: number;
  runes: RuneSteps;
  materials: MaterialList;
  purchase: PurchaseCost;
  /** Upgrade runes plus buying every purchasable material. */
  totalRunesIfBuyingMaterials: number;
  notes: Note[];
}

/**
 * Everything about upgrading a weapon from +from to +to: runes, stones, and their price at the Husks.
 * Runes: the item's own `costsPerStep` (its record's `upgradeCosts`) when given, else `reinforcePrice` ×
 * the regular or somber rate table; one of the two is required.
 */
export function planWeaponUpgrade(input: { path: WeaponPath; reinforcePrice?: number | undefined; costsPerStep?: readonly number[] | undefined; from?: number; to?: number }): UpgradePlan {
  const object = requireObject('upgrade', input);
  const path = requireOneOf('path', object.path, WEAPON_PATHS);
  const from = object.from === undefined ? 0 : (object.from as number);
  const to = object.to === undefined ? MAX_UPGRADE[path] : (object.to as number);
  if (object.costsPerStep === undefined && object.reinforcePrice === undefined) throw new TypeError('an upgrade needs the weapon\'s costsPerStep or its reinforcePrice');
  const runes =
    object.costsPerStep !== undefined
      ? weaponStepCostRunes(object.costsPerStep as number[], path, from, to)
      : weaponUpgradeRunes(object.reinforcePrice as number, path, from, to);
  return assemblePlan(path, from, to, runes);
}

/** Runes, materials and what buying the materials costs, for one upgrade path and range. */
function assemblePlan(path: MaterialPath, from: number, to: number, runes: RuneSteps): UpgradePlan {
  const materials = upgradeMaterials(path, from, to);
  const purchase = materialPurchaseCost(materials.totals);
  return {
    path,
    from,
    to,
    runes,
    materials,
    purchase,
    totalRunesIfBuyingMaterials: runes.total + purchase.totalRunes,
    notes: mergeNotes(runes.notes, materials.notes, purchase.notes),
  };
}

/** The same for a spirit ash: `renowned` ashes use Ghost Glovewort; `costsPerStep` as in spiritAshUpgradeRunes. */
export function planSpiritAshUpgrade(input: { renowned: boolean; costsPerStep: readonly number[]; from?: number; to?: number }): UpgradePlan {
  const object = requireObject('upgrade', input);
  if (typeof object.renowned !== 'boolean') throw new TypeError('renowned must be true or false');
  const path: MaterialPath = object.renowned ? 'renowned-spirit' : 'spirit';
  const from = object.from === undefined ? 0 : (object.from as number);
  const to = object.to === undefined ? 10 : (object.to as number);
  const runes = spiritAshUpgradeRunes(object.costsPerStep as number[], from, to);
  return assemblePlan(path, from, to, runes);
}
