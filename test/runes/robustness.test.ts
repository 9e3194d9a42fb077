// No input, in or out of range, makes a calculator function fail other than with the documented
// RangeError or TypeError (see src/runes/validate.ts). Results that come back are checked for sanity:
// every number in them is finite, and rune amounts are safe integers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAT_KEYS } from '../../src/game/classes.ts';
import { RUNE_ITEMS } from '../../src/game/runeItemValues.ts';
import * as runes from '../../src/runes/index.ts';
import { closestRuneItemNames } from '../../src/runes/runeItems.ts';

/** Numbers around every boundary we use, plus junk. */
const number = fc.oneof(
  fc.integer({ min: -5, max: 30 }),
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.constantFrom(0, 1, 9, 10, 11, 24, 25, 26, 98, 99, 100, 305, 306, 712, 713, 714, 999_999_999, 1e12, 1e12 + 1, 2 ** 53, -0),
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.5, 1.5),
);
const junk = fc.oneof(fc.anything(), fc.string(), fc.constant(undefined), fc.constant(null), fc.bigInt());
const numberish = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: junk });
const itemName = fc.oneof(fc.constantFrom(...RUNE_ITEMS.map((i) => i.name), 'golden rune 5', 'lords rune', 'nope'), fc.string());
const heldList = fc.array(fc.oneof({ weight: 5, arbitrary: fc.record({ item: itemName, count: numberish }) }, { weight: 1, arbitrary: junk }), { maxLength: 8 });
const statObject = fc.oneof(fc.dictionary(fc.constantFrom(...STAT_KEYS, 'luck'), numberish, { maxKeys: 9 }), junk);
const pathish = fc.oneof(fc.constantFrom('regular', 'somber', 'spirit', 'renowned-spirit', 'heavy', ''), junk);
const gainOptions = fc.oneof(
  fc.record({ goldScarab: fc.oneof(fc.boolean(), junk), fowlFoot: fc.oneof(fc.boolean(), junk), ngCycle: numberish, ngAreaMultiplier: numberish }, { requiredKeys: [] }),
  junk,
);

function checkOutput(value: unknown, depth = 0): void {
  if (depth > 8) return;
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  else if (Array.isArray(value)) value.slice(0, 50).forEach((v) => checkOutput(v, depth + 1));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => checkOutput(v, depth + 1));
}

function onlyDocumentedErrors(run: () => unknown): void {
  try {
    checkOutput(run());
  } catch (error) {
    if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const cases: Array<[string, fc.Arbitrary<unknown[]>, (...args: never[]) => unknown]> = [
  ['levelCost', fc.tuple(numberish), runes.levelCost],
  ['runesBetween', fc.tuple(numberish, numberish), runes.runesBetween],
  ['highestReachableLevel', fc.tuple(numberish, numberish), runes.highestReachableLevel],
  ['levelBreakdown', fc.tuple(numberish, numberish), runes.levelBreakdown],
  ['levelPlan', fc.tuple(numberish, numberish, numberish), runes.levelPlan],
  ['rankClassesForBuild', fc.tuple(statObject), runes.rankClassesForBuild],
  ['hpForVigor', fc.tuple(numberish), runes.hpForVigor],
  ['fpForMind', fc.tuple(numberish), runes.fpForMind],
  ['staminaForEndurance', fc.tuple(numberish), runes.staminaForEndurance],
  ['equipLoadForEndurance', fc.tuple(numberish), runes.equipLoadForEndurance],
  ['discoveryForArcane', fc.tuple(numberish), runes.discoveryForArcane],
  ['derivedStatsFor', fc.tuple(statObject), runes.derivedStatsFor],
  ['findRuneItem', fc.tuple(fc.oneof(itemName, junk)), runes.findRuneItem],
  ['closestRuneItemNames', fc.tuple(fc.oneof(itemName, junk), numberish), closestRuneItemNames],
  ['valueOfItems', fc.tuple(fc.oneof(heldList, junk)), runes.valueOfItems],
  ['bestItemsToReach', fc.tuple(fc.oneof(heldList, fc.constant('unlimited'), junk), numberish, fc.oneof(fc.record({ includeDlc: fc.oneof(fc.boolean(), junk) }), junk)), runes.bestItemsToReach],
  ['runeGain', fc.tuple(numberish, gainOptions), runes.runeGain],
  ['runsNeeded', fc.tuple(numberish, numberish), runes.runsNeeded],
  [
    'farmPlan',
    fc.tuple(
      fc.oneof(
        fc.record({
          perRun: numberish,
          target: fc.oneof(fc.record({ runes: numberish }), fc.record({ fromLevel: numberish, toLevel: numberish }), junk),
          held: numberish,
          minutesPerRun: numberish,
          boosts: gainOptions,
        }, { requiredKeys: ['perRun', 'target'] }),
        junk,
      ),
    ),
    runes.farmPlan,
  ],
  ['weaponUpgradeRunes', fc.tuple(numberish, pathish, numberish, numberish), runes.weaponUpgradeRunes],
  ['spiritAshUpgradeRunes', fc.tuple(fc.oneof(fc.array(numberish, { maxLength: 12 }), junk), numberish, numberish), runes.spiritAshUpgradeRunes],
  ['upgradeMaterials', fc.tuple(pathish, numberish, numberish), runes.upgradeMaterials],
  ['materialPurchaseCost', fc.tuple(fc.oneof(fc.array(fc.record({ material: fc.oneof(fc.constantFrom('Smithing Stone [1]', 'Ancient Dragon Smithing Stone', 'Somber Smithing Stone [9]'), fc.string()), count: numberish }), { maxLength: 5 }), junk)), runes.materialPurchaseCost],
  ['planWeaponUpgrade', fc.tuple(fc.oneof(fc.record({ reinforcePrice: numberish, path: pathish, from: numberish, to: numberish }, { requiredKeys: ['reinforcePrice', 'path'] }), junk)), runes.planWeaponUpgrade],
  ['planSpiritAshUpgrade', fc.tuple(fc.oneof(fc.record({ renowned: fc.oneof(fc.boolean(), junk), costsPerStep: fc.oneof(fc.array(numberish, { minLength: 10, maxLength: 10 }), junk), from: numberish, to: numberish }, { requiredKeys: ['renowned', 'costsPerStep'] }), junk)), runes.planSpiritAshUpgrade],
  ['deathRisk', fc.tuple(numberish, numberish), runes.deathRisk],
  ['levelMatchRanges', fc.tuple(numberish), runes.levelMatchRanges],
  ['weaponMatchRange', fc.tuple(numberish, fc.oneof(fc.boolean(), junk)), runes.weaponMatchRange],
  ['matchmakingFor', fc.tuple(numberish, numberish, fc.oneof(fc.boolean(), junk)), runes.matchmakingFor],
];

describe('robustness: only RangeError or TypeError, never a crash', () => {
  for (const [name, args, fn] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(args, (values) => onlyDocumentedErrors(() => (fn as (...a: unknown[]) => unknown)(...values))),
        { numRuns: 300 },
      );
    });
  }

  it('every valid level pair and every valid stat works', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 713 }), fc.integer({ min: 1, max: 713 }), fc.integer({ min: 0, max: 1e12 }), (a, b, held) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(Number.isSafeInteger(runes.runesBetween(from, to))).toBe(true);
        expect(Number.isSafeInteger(runes.levelPlan(from, to, held).missing)).toBe(true);
        expect(Number.isSafeInteger(runes.deathRisk(held, from).levelsWorth!.leftover)).toBe(true);
      }),
    );
  });
});
