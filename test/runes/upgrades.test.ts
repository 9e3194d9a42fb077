// Expected values from mechanics.md §6 (rate tables, materials, Twin Maiden Husks prices).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  materialPurchaseCost,
  planSpiritAshUpgrade,
  planWeaponUpgrade,
  roundHalfEven,
  spiritAshUpgradeRunes,
  upgradeMaterials,
  weaponStepCostRunes,
  weaponUpgradeRunes,
} from '../../src/runes/upgrades.ts';

describe('weapon upgrade runes', () => {
  it('Longsword (reinforcePrice 250): 250, 300, … 1,450 per step, 21,250 in total', () => {
    const r = weaponUpgradeRunes(250, 'regular');
    expect(r.total).toBe(21_250);
    expect(r.steps).toHaveLength(25);
    expect(r.steps[0]).toEqual({ from: 0, to: 1, runes: 250 });
    expect(r.steps[1]).toEqual({ from: 1, to: 2, runes: 300 });
    expect(r.steps[24]).toEqual({ from: 24, to: 25, runes: 1_450 });
    expect(r.notes).toEqual([]); // the rates are the params' own: no note
  });

  it('Moonveil (360, somber): 360 … 2,160 per step, 11,880 in total', () => {
    const r = weaponUpgradeRunes(360, 'somber');
    expect(r.total).toBe(11_880);
    expect(r.steps.map((s) => s.runes)).toEqual([360, 540, 720, 900, 1_080, 1_260, 1_440, 1_620, 1_800, 2_160]);
  });

  it('totals are 85 × price (regular) and 33 × price (somber) when no rounding occurs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (price) => {
        expect(weaponUpgradeRunes(price * 5, 'regular').total).toBe(85 * price * 5);
        expect(weaponUpgradeRunes(price * 2, 'somber').total).toBe(33 * price * 2);
      }),
    );
  });

  it('totals between any two levels add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), (price, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(weaponUpgradeRunes(price, 'regular', x, z).total).toBe(weaponUpgradeRunes(price, 'regular', x, y).total + weaponUpgradeRunes(price, 'regular', y, z).total);
      }),
    );
    expect(weaponUpgradeRunes(250, 'regular', 10, 10)).toEqual({ steps: [], total: 0, notes: [] });
    expect(weaponUpgradeRunes(250, 'regular', 24, 25).total).toBe(1_450);
  });

  it("rounds halves to even like Python's round(), which erdb uses", () => {
    // Python: round(541.5) == 542, round(902.5) == 902, round(1263.5) == 1264, round(1624.5) == 1624.
    const r = weaponUpgradeRunes(361, 'somber');
    expect(r.steps.map((s) => s.runes)).toEqual([361, 542, 722, 902, 1_083, 1_264, 1_444, 1_624, 1_805, 2_166]);
    expect(r.notes.map((n) => n.id)).toContain('upgrade-round-half-even');
    expect(roundHalfEven(1, 2)).toEqual({ value: 0, tie: true });
    expect(roundHalfEven(3, 2)).toEqual({ value: 2, tie: true });
    expect(roundHalfEven(5, 2)).toEqual({ value: 2, tie: true });
    expect(roundHalfEven(7, 5)).toEqual({ value: 1, tie: false });
    expect(roundHalfEven(8, 5)).toEqual({ value: 2, tie: false });
  });

  it('rejects bad levels, paths and prices', () => {
    expect(() => weaponUpgradeRunes(250, 'somber', 0, 11)).toThrow(/0 to 10/);
    expect(() => weaponUpgradeRunes(250, 'regular', 0, 26)).toThrow(/0 to 25/);
    expect(() => weaponUpgradeRunes(250, 'regular', 5, 4)).toThrow(RangeError);
    expect(() => weaponUpgradeRunes(-1, 'regular')).toThrow(RangeError);
    expect(() => weaponUpgradeRunes(250, 'heavy' as never)).toThrow(/regular, somber/);
  });
});

describe('upgrade materials', () => {
  it('regular +0→+25: 12 of each Smithing Stone [1]–[8] and 1 Ancient Dragon Smithing Stone', () => {
    const m = upgradeMaterials('regular');
    const expected = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ material: `Smithing Stone [${n}]`, count: 12 }));
    expect(m.totals).toEqual([...expected, { material: 'Ancient Dragon Smithing Stone', count: 1 }]);
  });

  it('regular steps need 2/4/6 of the tier stone', () => {
    const steps = upgradeMaterials('regular').steps;
    expect(steps.slice(0, 4).map((s) => [s.material, s.count])).toEqual([
      ['Smithing Stone [1]', 2], ['Smithing Stone [1]', 4], ['Smithing Stone [1]', 6], ['Smithing Stone [2]', 2],
    ]);
    expect(steps.slice(21).map((s) => [s.to, s.material, s.count])).toEqual([
      [22, 'Smithing Stone [8]', 2], [23, 'Smithing Stone [8]', 4], [24, 'Smithing Stone [8]', 6], [25, 'Ancient Dragon Smithing Stone', 1],
    ]);
  });

  it('somber: one Somber Smithing Stone [n] per step, then the Somber Ancient Dragon', () => {
    const m = upgradeMaterials('somber');
    expect(m.steps.map((s) => s.material)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Somber Smithing Stone [${n}]`),
      'Somber Ancient Dragon Smithing Stone',
    ]);
    expect(m.steps.every((s) => s.count === 1)).toBe(true);
  });

  it('spirit ashes: Grave or Ghost Glovewort [n], then the Great one', () => {
    expect(upgradeMaterials('spirit').steps.map((s) => s.material).at(-1)).toBe('Great Grave Glovewort');
    expect(upgradeMaterials('renowned-spirit', 3, 5).steps.map((s) => s.material)).toEqual(['Ghost Glovewort [4]', 'Ghost Glovewort [5]']);
    expect(upgradeMaterials('spirit').notes).toEqual([]);
  });
});

describe('buying materials at the Twin Maiden Husks', () => {
  it('prices a full regular path and flags the Ancient Dragon stone as not purchasable', () => {
    const p = materialPurchaseCost(upgradeMaterials('regular').totals);
    // 12 × (200 + 400 + 600 + 900 + 1,200 + 1,500 + 2,400 + 3,600) = 12 × 10,800.
    expect(p.totalRunes).toBe(129_600);
    expect(p.notPurchasable).toEqual(['Ancient Dragon Smithing Stone']);
    expect(p.lines.at(-1)).toMatchObject({ purchasable: false, runes: null, otherSeller: { merchant: 'Gostoc', price: 20_000, stock: 1 } });
    expect(p.bellBearings).toEqual([1, 2, 3, 4].map((n) => `Smithing-Stone Miner's Bell Bearing [${n}]`));
    expect(p.notes).toEqual([]);
  });

  it('prices a full somber path: 97,000 runes and five bell bearings', () => {
    const p = materialPurchaseCost(upgradeMaterials('somber').totals);
    expect(p.totalRunes).toBe(2_000 + 3_000 + 4_000 + 6_000 + 9_000 + 12_000 + 16_000 + 20_000 + 25_000);
    expect(p.notPurchasable).toEqual(['Somber Ancient Dragon Smithing Stone']);
    expect(p.lines.find((l) => l.material === 'Somber Smithing Stone [9]')?.bellBearing).toBe("Somberstone Miner's Bell Bearing [5]");
    expect(p.lines.find((l) => l.material === 'Somber Smithing Stone [8]')?.bellBearing).toBe("Somberstone Miner's Bell Bearing [4]");
  });

  it('prices gloveworts', () => {
    const grave = materialPurchaseCost(upgradeMaterials('spirit').totals);
    expect(grave.totalRunes).toBe(800 + 1_200 + 1_600 + 2_400 + 3_200 + 4_000 + 5_000 + 6_000 + 8_000);
    expect(grave.notPurchasable).toEqual(['Great Grave Glovewort']);
    expect(grave.lines.find((l) => l.material === 'Grave Glovewort [7]')?.bellBearing).toBe("Glovewort Picker's Bell Bearing [3]");
    const ghost = materialPurchaseCost(upgradeMaterials('renowned-spirit').totals);
    expect(ghost.totalRunes).toBe(1_200 + 1_800 + 2_400 + 3_600 + 4_800 + 6_000 + 7_500 + 9_000 + 12_000);
    expect(ghost.lines.find((l) => l.material === 'Ghost Glovewort [4]')?.bellBearing).toBe("Ghost-Glovewort Picker's Bell Bearing [2]");
  });

  it('rejects unknown materials', () => {
    expect(() => materialPurchaseCost([{ material: 'Smithing Stone [9]', count: 1 }])).toThrow(RangeError);
    expect(() => materialPurchaseCost('stones' as never)).toThrow(TypeError);
  });
});

describe('upgrade plans', () => {
  it('combines runes, stones and their price', () => {
    const plan = planWeaponUpgrade({ reinforcePrice: 250, path: 'regular' });
    expect(plan.runes.total).toBe(21_250);
    expect(plan.purchase.totalRunes).toBe(129_600);
    expect(plan.totalRunesIfBuyingMaterials).toBe(150_850);
    const partial = planWeaponUpgrade({ reinforcePrice: 360, path: 'somber', from: 8, to: 10 });
    expect(partial.runes.total).toBe(1_800 + 2_160);
    expect(partial.materials.totals).toEqual([
      { material: 'Somber Smithing Stone [9]', count: 1 },
      { material: 'Somber Ancient Dragon Smithing Stone', count: 1 },
    ]);
    expect(partial.purchase.totalRunes).toBe(25_000);
  });

  it('plans a spirit ash from its own per-step costs', () => {
    // Illustrative per-step costs shaped like Black Knife Tiche (mechanics.md gives 2,000, 3,200, … 11,600, 14,000).
    const tiche = [2_000, 3_200, 4_400, 5_600, 6_800, 8_000, 9_200, 10_400, 11_600, 14_000];
    expect(spiritAshUpgradeRunes(tiche).total).toBe(tiche.reduce((a, b) => a + b, 0));
    const plan = planSpiritAshUpgrade({ renowned: true, costsPerStep: tiche, from: 0, to: 2 });
    expect(plan.runes.total).toBe(5_200);
    expect(plan.materials.totals.map((t) => t.material)).toEqual(['Ghost Glovewort [1]', 'Ghost Glovewort [2]']);
    expect(plan.purchase.totalRunes).toBe(3_000);
    expect(() => spiritAshUpgradeRunes([1, 2, 3])).toThrow(/exactly 10/);
  });
});

describe("a weapon's own cost per step (its record's upgradeCosts)", () => {
  // Read from regulation 1.16.1 (EquipParamWeapon 43000000, ReinforceParamWeapon 3100–3125): Soldier's
  // Crossbow has reinforcePrice 240 and reinforceTypeId 3100, whose reinforcePriceRate at +n is 1 + 0.2n
  // (1.2 at +1 … 6.0 at +25). So +n costs 240 × (1 + 0.2n) = 240 + 48n: 288, 336, … 1,440, and in all
  // 25 × 240 + 48 × (1 + … + 25) = 6,000 + 48 × 325 = 21,600. The regular table (rate (n + 4)/5) would say
  // 240 × 85 = 20,400.
  const crossbow = Array.from({ length: 25 }, (_, i) => 240 + 48 * (i + 1));

  it("Soldier's Crossbow +0 → +25: 288 … 1,440 per step, 21,600 in all (not the regular table's 20,400)", () => {
    expect(crossbow[0]).toBe(288);
    expect(crossbow[24]).toBe(1_440);
    const plan = planWeaponUpgrade({ path: 'regular', reinforcePrice: 240, costsPerStep: crossbow });
    expect(plan.runes.total).toBe(21_600);
    expect(plan.runes.steps[0]).toEqual({ from: 0, to: 1, runes: 288 });
    expect(plan.runes.steps[24]).toEqual({ from: 24, to: 25, runes: 1_440 });
    expect(weaponUpgradeRunes(240, 'regular').total).toBe(20_400);
    // The stones are the regular path's as for any weapon: 12 of each Smithing Stone [1]–[8] and one Ancient Dragon stone.
    expect(plan.materials.totals).toHaveLength(9);
    expect(plan.totalRunesIfBuyingMaterials).toBe(21_600 + 129_600);
  });

  it('takes part of the way: +20 → +25 is the steps to +21 … +25 (240 + 48n each)', () => {
    // +21 … +25: 240 + 48 × 21 = 1,248, 1,296, 1,344, 1,392, 1,440 → 6,720
    expect(weaponStepCostRunes(crossbow, 'regular', 20, 25).total).toBe(1_248 + 1_296 + 1_344 + 1_392 + 1_440);
    expect(weaponStepCostRunes(crossbow, 'regular', 7, 7)).toEqual({ steps: [], total: 0, notes: [] });
  });

  it('a somber ballista: Jar Cannon (reinforcePrice 580, type 3200: rates 1.0, 1.2, 1.4 … 2.6, 3.0) costs 580 × 19.2 = 11,136, not the somber table\'s 580 × 33', () => {
    const rates = [1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 3];
    const jar = [580, 696, 812, 928, 1_044, 1_160, 1_276, 1_392, 1_508, 1_740];
    jar.forEach((cost, i) => expect(cost).toBe(Math.round(580 * rates[i]!)));
    const plan = planWeaponUpgrade({ path: 'somber', reinforcePrice: 580, costsPerStep: jar });
    expect(plan.runes.total).toBe(11_136);
    expect(weaponUpgradeRunes(580, 'somber').total).toBe(19_140);
    expect(plan.materials.steps[9]).toEqual({ from: 9, to: 10, material: 'Somber Ancient Dragon Smithing Stone', count: 1 });
  });

  it('refuses costs that do not fit the path, and a plan with neither costs nor a price', () => {
    expect(() => planWeaponUpgrade({ path: 'somber', costsPerStep: crossbow })).toThrow(/exactly 10 entries/);
    expect(() => planWeaponUpgrade({ path: 'regular', costsPerStep: [1, 2, 3] })).toThrow(RangeError);
    expect(() => planWeaponUpgrade({ path: 'regular', costsPerStep: crossbow.map((c, i) => (i === 3 ? -c : c)) })).toThrow(/cost of \+3→\+4/);
    expect(() => planWeaponUpgrade({ path: 'regular', costsPerStep: 'cheap' as never })).toThrow(TypeError);
    expect(() => planWeaponUpgrade({ path: 'regular' })).toThrow(/costsPerStep or its reinforcePrice/);
    expect(() => weaponStepCostRunes(crossbow, 'regular', 5, 26)).toThrow(/0 to 25/);
  });

  it('adds up to the same as reinforcePrice × the rate table when the costs are that table (any price)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), (price, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const table = weaponUpgradeRunes(price, 'regular');
        const costs = table.steps.map((step) => step.runes);
        expect(weaponStepCostRunes(costs, 'regular', from, to).total).toBe(weaponUpgradeRunes(price, 'regular', from, to).total);
      }),
      { numRuns: 100 },
    );
  });
});
