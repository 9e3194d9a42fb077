// Every checkpoint of mechanics.md §3 (current, post-1.04 curves).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSES } from '../../src/game/classes.ts';
import { STAT_CURVES } from '../../src/game/statCurves.ts';
import {
  derivedStatsFor,
  discoveryForArcane,
  equipLoadForEndurance,
  evaluateCurve,
  fpForMind,
  hpForVigor,
  staminaForEndurance,
} from '../../src/runes/derivedStats.ts';

describe('derived stats: mechanics.md checkpoints', () => {
  it('HP (Vigor)', () => {
    const expected: Array<[number, number]> = [[1, 300], [2, 304], [3, 312], [10, 414], [20, 652], [25, 800], [30, 994], [40, 1_450], [50, 1_704], [60, 1_900], [99, 2_100]];
    for (const [vigor, hp] of expected) expect(hpForVigor(vigor), `vigor ${vigor}`).toBe(hp);
  });

  it('FP (Mind), current curve, not the 1.00 one (Mind 10 was 68)', () => {
    const expected: Array<[number, number]> = [[1, 50], [10, 78], [20, 121], [40, 235], [60, 350], [99, 450]];
    for (const [mind, fp] of expected) expect(fpForMind(mind), `mind ${mind}`).toBe(fp);
    expect(fpForMind(10)).not.toBe(68);
  });

  it('stamina (Endurance)', () => {
    const expected: Array<[number, number]> = [[10, 96], [30, 130], [50, 155], [99, 170]];
    for (const [endurance, stamina] of expected) expect(staminaForEndurance(endurance), `endurance ${endurance}`).toBe(stamina);
  });

  it('equip load (Endurance), rounded to 1 decimal', () => {
    const expected: Array<[number, number]> = [[8, 45.0], [10, 48.2], [25, 72.0], [40, 90.9], [60, 120.0], [99, 160.0]];
    for (const [endurance, load] of expected) expect(equipLoadForEndurance(endurance), `endurance ${endurance}`).toBe(load);
    expect(equipLoadForEndurance(1)).toBe(45);
  });

  it('discovery (Arcane) = 100 + Arcane', () => {
    expect(discoveryForArcane(10)).toBe(110);
    expect(discoveryForArcane(99)).toBe(199);
    for (let arcane = 1; arcane <= 99; arcane++) expect(discoveryForArcane(arcane)).toBe(100 + arcane);
  });

  it('Vagabond starts with 522 HP, 78 FP and 97 stamina', () => {
    const vagabond = CLASSES.find((c) => c.name === 'Vagabond')!;
    expect(derivedStatsFor(vagabond.stats)).toMatchObject({ hp: 522, fp: 78, stamina: 97 });
  });

  it('derivedStatsFor only computes what it is given', () => {
    expect(derivedStatsFor({ vigor: 40 })).toEqual({ hp: 1_450 });
    expect(derivedStatsFor({ endurance: 10, arcane: 10 })).toEqual({ stamina: 96, equipLoad: 48.2, discovery: 110 });
    expect(derivedStatsFor({})).toEqual({});
  });
});

describe('derived stats: exactness', () => {
  it('returns stage values exactly at every breakpoint', () => {
    for (const curve of Object.values(STAT_CURVES)) {
      curve.stageX.forEach((x, i) => {
        if (x < 1) return;
        expect(evaluateCurve(curve, x)).toEqual({ kind: 'exact', num: curve.stageValue[i], den: 1 });
      });
    }
  });

  it('never lands within 1e-9 of a floor or rounding boundary on a non-linear segment', () => {
    // Justifies using doubles there: the floored (HP, FP) or rounded (equip load) result cannot flip.
    for (const curve of [STAT_CURVES.hp, STAT_CURVES.fp, STAT_CURVES.equipLoad]) {
      for (let x = 1; x <= 99; x++) {
        const v = evaluateCurve(curve, x);
        if (v.kind !== 'float') continue;
        const scaled = curve.display === 'round-1-decimal' ? v.value * 10 + 0.5 : v.value;
        const distance = Math.abs(scaled - Math.round(scaled));
        expect(distance, `${curve.id} at ${x}`).toBeGreaterThan(1e-9);
      }
    }
  });

  it('is non-decreasing in the stat', () => {
    for (let x = 2; x <= 99; x++) {
      expect(hpForVigor(x)).toBeGreaterThanOrEqual(hpForVigor(x - 1));
      expect(fpForMind(x)).toBeGreaterThanOrEqual(fpForMind(x - 1));
      expect(staminaForEndurance(x)).toBeGreaterThanOrEqual(staminaForEndurance(x - 1));
      expect(equipLoadForEndurance(x)).toBeGreaterThanOrEqual(equipLoadForEndurance(x - 1));
    }
  });

  it('rejects stats outside 1..99', () => {
    for (const fn of [hpForVigor, fpForMind, staminaForEndurance, equipLoadForEndurance, discoveryForArcane]) {
      expect(() => fn(0)).toThrow(/1 to 99/);
      expect(() => fn(100)).toThrow(RangeError);
      expect(() => fn(10.5)).toThrow(RangeError);
      expect(() => fn('10' as never)).toThrow(TypeError);
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          const hp = hpForVigor(value as number);
          expect(Number.isInteger(hp)).toBe(true);
        } catch (error) {
          expect(error instanceof RangeError || error instanceof TypeError).toBe(true);
        }
      }),
    );
  });
});
