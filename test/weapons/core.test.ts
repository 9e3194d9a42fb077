// The calculator's rules one by one: curves, scaling letters, two-handing, the requirement penalty and
// what it costs, and refusals. Expected values come from attack-rating.md's formula, worked by hand.

import { describe, expect, it } from 'vitest';
import { attackRating, curveValue, scalingLetter, type CalcCorrectGraph } from '../../src/weapons/index.ts';
import { form, product, stats, weaponNamed } from './helpers.ts';

// CalcCorrectGraph 0 (the default damage curve): stages 1/18/60/80/150, grow 0/25/75/90/110 %, exponents 1.2, −1.2, 1, 1.
const GRAPH_0: CalcCorrectGraph = [
  { maxVal: 1, maxGrowVal: 0, adjPt: 1.2 },
  { maxVal: 18, maxGrowVal: 0.25, adjPt: -1.2 },
  { maxVal: 60, maxGrowVal: 0.75, adjPt: 1 },
  { maxVal: 80, maxGrowVal: 0.9, adjPt: 1 },
  { maxVal: 150, maxGrowVal: 1.1, adjPt: 1 },
];

describe('CalcCorrectGraph curves', () => {
  it('is the stage value at each stage end, flat below the first and above the last', () => {
    expect(curveValue(GRAPH_0, 1)).toBe(0);
    expect(curveValue(GRAPH_0, 18)).toBeCloseTo(0.25, 12);
    expect(curveValue(GRAPH_0, 60)).toBeCloseTo(0.75, 12);
    expect(curveValue(GRAPH_0, 80)).toBeCloseTo(0.9, 12);
    expect(curveValue(GRAPH_0, 150)).toBeCloseTo(1.1, 12);
    expect(curveValue(GRAPH_0, 0)).toBe(0);
    expect(curveValue(GRAPH_0, 200)).toBe(1.1);
  });

  it('shapes a stage by its exponent: positive r^adj, negative 1 − (1 − r)^−adj', () => {
    // x = 10: r = 9/17, adj 1.2 → 0.25 × (9/17)^1.2 = 0.25 × 0.466180 = 0.116545
    expect(curveValue(GRAPH_0, 10)).toBeCloseTo(0.116545, 6);
    // x = 40: r = 22/42, adj −1.2 → 0.25 + 0.5 × (1 − (20/42)^1.2) = 0.25 + 0.5 × (1 − 0.410522) = 0.544739
    expect(curveValue(GRAPH_0, 40)).toBeCloseTo(0.544739, 6);
    // x = 70: linear between 60 and 80 → 0.75 + 0.15 × 0.5 = 0.825
    expect(curveValue(GRAPH_0, 70)).toBeCloseTo(0.825, 12);
  });
});

describe('scaling letters', () => {
  it('S ≥ 175, A ≥ 140, B ≥ 90, C ≥ 60, D ≥ 25, E ≥ 1', () => {
    const cases: [number, string][] = [[175, 'S'], [174.9, 'A'], [140, 'A'], [139.9, 'B'], [90, 'B'], [89.9, 'C'], [60, 'C'], [59.9, 'D'], [25, 'D'], [24.9, 'E'], [1, 'E'], [0.9, '-']];
    for (const [percent, letter] of cases) expect(scalingLetter(percent), String(percent)).toBe(letter);
  });

  it('uses the upgrade level: Keen Uchigatana Dex 51 × 2.8 = 142.8 → A at +25, 51 × 1.8 = 91.8 → B at +0; Str 9 × 1.3 = 11.7 and 9 × 0.5 = 4.5 → E', () => {
    const { weapon, affinity } = form(product, 'Keen Uchigatana');
    const at25 = attackRating(product, weapon, { affinity, level: 25, stats: stats() });
    expect(at25.scaling.map((g) => [g.stat, g.letter])).toEqual([['strength', 'E'], ['dexterity', 'A']]);
    expect(at25.scaling[1]!.percent).toBeCloseTo(142.8, 9);
    const at0 = attackRating(product, weapon, { affinity, level: 0, stats: stats() });
    expect(at0.scaling.map((g) => g.letter)).toEqual(['E', 'B']);
  });
});

describe('two-handing', () => {
  it('multiplies Strength by 1.5, floored, for the damage and the requirement check', () => {
    const uchigatana = weaponNamed(product, 'Uchigatana');
    const r = attackRating(product, uchigatana, { level: 0, stats: stats({ strength: 7, dexterity: 15 }), twoHanded: true });
    expect(r.effectiveStats.strength).toBe(10); // floor(10.5)
    expect(r.unmet).toEqual(['strength']); // 10 < 11 even two-handed
    expect(r.twoHandingMeetsStrength).toBe(false);
    // One-handed at Str 8: short, and two-handing (floor(12) ≥ 11) would meet it.
    expect(attackRating(product, uchigatana, { level: 0, stats: stats({ strength: 8, dexterity: 15 }) }).twoHandingMeetsStrength).toBe(true);
    expect(attackRating(product, uchigatana, { level: 0, stats: stats({ strength: 8, dexterity: 15 }), twoHanded: true }).unmet).toEqual([]); // floor(12) ≥ 11
  });

  it('gives a paired weapon no Strength bonus', () => {
    const hookclaws = weaponNamed(product, 'Hookclaws');
    const request = { level: 25, stats: stats({ strength: 20, dexterity: 30 }) };
    const two = attackRating(product, hookclaws, { ...request, twoHanded: true });
    const one = attackRating(product, hookclaws, request);
    expect(hookclaws.paired).toBe(true);
    expect(two.strengthBonus).toBe(false);
    expect(two.effectiveStats.strength).toBe(20);
    expect(two.total).toBe(one.total);
  });

  it('always holds bows, light bows, greatbows and ballistae in two hands', () => {
    for (const name of ['Longbow', 'Shortbow', 'Greatbow', 'Hand Ballista']) {
      const bow = weaponNamed(product, name);
      const one = attackRating(product, bow, { level: 0, stats: stats({ strength: 20, dexterity: 20 }) });
      expect(one.strengthBonus, name).toBe(true);
      expect(one.effectiveStats.strength, name).toBe(30);
    }
    // A crossbow is not: it keeps Strength as it is.
    expect(attackRating(product, weaponNamed(product, 'Light Crossbow'), { level: 0, stats: stats({ strength: 20 }) }).strengthBonus).toBe(false);
  });
});

describe('requirements', () => {
  it('Uchigatana +0 with Str 10 (needs 11): physical 115 × 0.6 = 69; met, it would be 115 × (1 + 0.116545 × 0.36 + 0.198041 × 0.55) = 132.35 → 132, so the penalty costs 63', () => {
    const r = attackRating(product, weaponNamed(product, 'Uchigatana'), { level: 0, stats: stats({ strength: 10, dexterity: 15 }) });
    expect(r.damage.map((d) => [d.type, d.shown, d.penalized])).toEqual([['physical', 69, true]]);
    expect(r.requirements).toEqual([
      { stat: 'strength', required: 11, effective: 10, met: false },
      { stat: 'dexterity', required: 15, effective: 15, met: true },
    ]);
    expect(r.penalty?.totalWithout).toBe(132);
    expect(r.penalty?.cost).toBe(63);
    // The innate blood loss does not scale, so the penalty leaves it alone.
    expect(r.status).toMatchObject([{ type: 'bloodLoss', shown: 45, penalized: false }]);
  });

  it('penalises only the types an unmet stat feeds: Moonveil +5 with Int 22 of 23 loses its magic bonus, not its physical one', () => {
    const r = attackRating(product, weaponNamed(product, 'Moonveil'), { level: 5, stats: stats({ strength: 12, dexterity: 18, intelligence: 22 }) });
    expect(r.unmet).toEqual(['intelligence']);
    expect(r.damage.map((d) => [d.type, d.penalized])).toEqual([['physical', false], ['magic', true]]);
  });

  it('penalises an Arcane-scaling status when Arcane is short: Rivers of Blood with Arc 19 of 20 has blood loss 50 × 0.6 = 30', () => {
    const r = attackRating(product, weaponNamed(product, 'Rivers of Blood'), { level: 0, stats: stats({ strength: 12, dexterity: 18, arcane: 19 }) });
    expect(r.status).toMatchObject([{ type: 'bloodLoss', shown: 30, penalized: true }]);
    expect(r.damage.every((d) => d.penalized)).toBe(true); // physical and fire both scale with Arcane on this weapon
  });

  it('a seal short of Faith casts at 100 × 0.6 = 60', () => {
    const r = attackRating(product, weaponNamed(product, 'Erdtree Seal'), { level: 0, stats: stats({ faith: 39 }) });
    expect(r.spellScaling).toMatchObject([{ school: 'incantation', shown: 60, penalized: true }]);
    // Met (Faith 39 on curve 15: 0.25 + 0.4 × 14/35 = 0.41; 100 × (1 + 0.41 × 0.89) = 136.49 → 136)
    expect(r.penalty?.spellScalingWithout).toMatchObject([{ shown: 136 }]);
  });
});

describe('refusals', () => {
  const uchigatana = weaponNamed(product, 'Uchigatana');
  const rivers = weaponNamed(product, 'Rivers of Blood');
  const meteorite = weaponNamed(product, 'Meteorite Staff');
  const cases: [string, () => unknown, RegExp][] = [
    ['level 26 on a regular weapon', () => attackRating(product, uchigatana, { level: 26, stats: stats() }), /from 0 to 25/],
    ['level 11 on a somber weapon', () => attackRating(product, rivers, { level: 11, stats: stats() }), /somber weapon.*from 0 to 10/],
    ['level 1 on a weapon that cannot be upgraded', () => attackRating(product, meteorite, { level: 1, stats: stats() }), /cannot be upgraded/],
    ['a fractional level', () => attackRating(product, uchigatana, { level: 2.5, stats: stats() }), /from 0 to 25/],
    ['an affinity on a unique weapon', () => attackRating(product, rivers, { affinity: 'keen', level: 0, stats: stats() }), /cannot take an affinity/],
    ['a stat of 0', () => attackRating(product, uchigatana, { level: 0, stats: stats({ strength: 0 }) }), /strength must be a whole number from 1 to 99/],
    ['a stat of 100', () => attackRating(product, uchigatana, { level: 0, stats: stats({ arcane: 100 }) }), /arcane must be a whole number from 1 to 99/],
    ['a stat that is not a number', () => attackRating(product, uchigatana, { level: 0, stats: stats({ faith: Number.NaN }) }), /faith must be/],
  ];
  it.each(cases)('%s is a RangeError saying what is valid', (_name, run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});
