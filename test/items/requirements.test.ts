// checkRequirements / affordability: the pure checks /item uses to mark requirements met or unmet and
// to say whether the merchant price is affordable for the active character.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLASSES, STAT_KEYS, type Stats } from '../../src/game/classes.ts';
import { affordability, allRequirementsMet, checkRequirements, planPurchase, REQUIREMENT_STATS } from '../../src/items/requirements.ts';

const vagabond = CLASSES.find((c) => c.name === 'Vagabond')!; // STR 14, DEX 13, INT 9, FAI 9, ARC 7
const me = { stats: { ...vagabond.stats }, runesHeld: 5_000 };

describe('checkRequirements', () => {
  it('marks each requirement met or unmet, in menu order, with what is missing', () => {
    // Moonveil: STR 12, DEX 18, INT 23
    const checks = checkRequirements(me, { int: 23, str: 12, dex: 18 });
    expect(checks).toEqual([
      { stat: 'str', characterStat: 'strength', label: 'Strength', required: 12, have: 14, met: true, missing: 0 },
      { stat: 'dex', characterStat: 'dexterity', label: 'Dexterity', required: 18, have: 13, met: false, missing: 5 },
      { stat: 'int', characterStat: 'intelligence', label: 'Intelligence', required: 23, have: 9, met: false, missing: 14 },
    ]);
    expect(allRequirementsMet(checks)).toBe(false);
  });

  it('an exactly equal stat meets the requirement; 0 is listed and met; absent keys are skipped', () => {
    const checks = checkRequirements(me, { str: 14, arc: 0, fai: undefined });
    expect(checks.map((c) => [c.stat, c.met])).toEqual([
      ['str', true],
      ['arc', true],
    ]);
    expect(allRequirementsMet(checks)).toBe(true);
  });

  it('no requirements → no checks, all met', () => {
    expect(checkRequirements(me, {})).toEqual([]);
    expect(checkRequirements(me, undefined)).toEqual([]);
    expect(checkRequirements(me, null)).toEqual([]);
    expect(allRequirementsMet([])).toBe(true);
  });

  it('reads the full stat names (int → intelligence, fai → faith, arc → arcane)', () => {
    const stats: Stats = { vigor: 10, mind: 10, endurance: 10, strength: 11, dexterity: 12, intelligence: 13, faith: 14, arcane: 15 };
    const checks = checkRequirements({ stats }, { str: 99, dex: 99, int: 99, fai: 99, arc: 99 });
    expect(checks.map((c) => c.have)).toEqual([11, 12, 13, 14, 15]);
    expect(REQUIREMENT_STATS.map((r) => r.stat)).toEqual(['strength', 'dexterity', 'intelligence', 'faith', 'arcane']);
  });

  it('ignores unknown keys and refuses bad values with the convention of the rune core', () => {
    expect(checkRequirements(me, { str: 1, vig: 50 } as never)).toHaveLength(1);
    expect(() => checkRequirements(me, { str: -1 })).toThrow(RangeError);
    expect(() => checkRequirements(me, { dex: 100 })).toThrow(RangeError);
    expect(() => checkRequirements(me, { int: 1.5 })).toThrow(RangeError);
    expect(() => checkRequirements(me, { fai: '10' } as never)).toThrow(TypeError);
    expect(() => checkRequirements(me, [] as never)).toThrow(TypeError);
    expect(() => checkRequirements({} as never, { str: 1 })).toThrow(TypeError);
  });

  it('property: met ⇔ have ≥ required, missing = max(0, required − have)', () => {
    const stat = fc.integer({ min: 1, max: 99 });
    const statsArb = fc.record(Object.fromEntries(STAT_KEYS.map((k) => [k, stat])) as Record<keyof Stats, typeof stat>);
    const req = fc.integer({ min: 0, max: 99 });
    const reqArb = fc.record({ str: req, dex: req, int: req, fai: req, arc: req }, { requiredKeys: [] });
    fc.assert(
      fc.property(statsArb, reqArb, (stats, requirements) => {
        const checks = checkRequirements({ stats }, requirements);
        expect(checks).toHaveLength(Object.keys(requirements).length);
        for (const c of checks) {
          expect(c.have).toBe(stats[c.characterStat]);
          expect(c.met).toBe(c.have >= c.required);
          expect(c.missing).toBe(Math.max(0, c.required - c.have));
        }
        expect(allRequirementsMet(checks)).toBe(checks.every((c) => c.have >= c.required));
      }),
    );
  });
});

describe('affordability', () => {
  it('affordable when held ≥ price, with the shortfall otherwise', () => {
    expect(affordability(me, 4_999)).toEqual({ price: 4_999, held: 5_000, affordable: true, shortfall: 0 });
    expect(affordability(me, 5_000)).toEqual({ price: 5_000, held: 5_000, affordable: true, shortfall: 0 });
    expect(affordability(me, 5_001)).toEqual({ price: 5_001, held: 5_000, affordable: false, shortfall: 1 });
    expect(affordability({ runesHeld: 0 }, 0).affordable).toBe(true);
  });

  it('refuses a negative, fractional or non-number price, and a character without runes', () => {
    expect(() => affordability(me, -1)).toThrow(RangeError);
    expect(() => affordability(me, 1.5)).toThrow(RangeError);
    expect(() => affordability(me, Number.NaN)).toThrow(RangeError);
    expect(() => affordability(me, '100' as never)).toThrow(TypeError);
    expect(() => affordability({} as never, 100)).toThrow(TypeError);
  });

  it('property: affordable ⇔ held ≥ price, and held − price + shortfall ≥ 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 2_000_000_000 }), (held, price) => {
        const a = affordability({ runesHeld: held }, price);
        expect(a.affordable).toBe(held >= price);
        expect(a.shortfall).toBe(Math.max(0, price - held));
        expect(held + a.shortfall).toBeGreaterThanOrEqual(price);
      }),
    );
  });
});

describe('planPurchase', () => {
  const arrow = [
    { merchant: 'Nomadic Merchant (West Limgrave)', price: 20, currency: 'runes' },
    { merchant: 'Merchant Kalé', price: 20, currency: 'runes' },
  ];

  it('one unlimited offer: price × quantity from the first cheapest merchant', () => {
    expect(planPurchase(arrow, 10)).toEqual({ ok: true, quantity: 10, total: 200, lines: [{ merchant: 'Nomadic Merchant (West Limgrave)', count: 10, priceEach: 20, runes: 200 }] });
  });

  it('fills from the cheapest merchant first, each up to its stock', () => {
    const offers = [
      { merchant: 'Patches', price: 3000, currency: 'runes', stock: 1 },
      { merchant: 'Nomadic Merchant', price: 2000, currency: 'runes', stock: 1 },
      { merchant: 'Twin Maiden Husks', price: 4000, currency: 'runes' },
    ];
    const plan = planPurchase(offers, 3);
    expect(plan).toEqual({
      ok: true,
      quantity: 3,
      total: 9000,
      lines: [
        { merchant: 'Nomadic Merchant', count: 1, priceEach: 2000, runes: 2000 },
        { merchant: 'Patches', count: 1, priceEach: 3000, runes: 3000 },
        { merchant: 'Twin Maiden Husks', count: 1, priceEach: 4000, runes: 4000 },
      ],
    });
  });

  it('at equal prices takes the unlimited offer first', () => {
    const stones = [
      { merchant: 'Nomadic Merchant', price: 200, currency: 'runes', stock: 3 },
      { merchant: 'Twin Maiden Husks', price: 200, currency: 'runes' },
    ];
    expect(planPurchase(stones, 5)).toEqual({ ok: true, quantity: 5, total: 1000, lines: [{ merchant: 'Twin Maiden Husks', count: 5, priceEach: 200, runes: 1000 }] });
  });

  it('refuses more than the known stock, and items sold for something else than runes', () => {
    const limited = [
      { merchant: 'Patches', price: 600, currency: 'runes', stock: 3 },
      { merchant: 'Enia', price: 1, currency: 'Remembrance of the Grafted' },
    ];
    expect(planPurchase(limited, 3)).toMatchObject({ ok: true, total: 1800 });
    expect(planPurchase(limited, 4)).toEqual({ ok: false, reason: 'stock', available: 3, quantity: 4 });
    expect(planPurchase([limited[1]!], 1)).toEqual({ ok: false, reason: 'not_for_runes', offers: [limited[1]] });
    expect(planPurchase(undefined, 1)).toEqual({ ok: false, reason: 'not_for_runes', offers: [] });
    expect(() => planPurchase(arrow, 0)).toThrow(RangeError);
    expect(() => planPurchase(arrow, 1.5)).toThrow(RangeError);
  });
});
