// Multipliers from mechanics.md §5: Gold Scarab ×1.2, Gold-Pickled Fowl Foot ×1.3, both ×1.56 (assumed),
// NG+ cycle factors 1.0, 1.1, 1.125, 1.2, 1.225, 1.25, 1.275 for NG+1..NG+7.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runesBetween } from '../../src/runes/levels.ts';
import { farmPlan, runeGain, runsNeeded } from '../../src/runes/runeGain.ts';

describe('runeGain', () => {
  it('applies no multiplier by default', () => {
    expect(runeGain(20_000)).toMatchObject({ kind: 'exact', runes: 20_000, multiplier: { num: 1, den: 1 }, notes: [] });
  });

  it('applies Gold Scarab (+20 %) and Fowl Foot (+30 %)', () => {
    expect(runeGain(20_000, { goldScarab: true })).toMatchObject({ kind: 'exact', runes: 24_000, multiplier: { num: 6, den: 5 } });
    const foot = runeGain(20_000, { fowlFoot: true });
    expect(foot).toMatchObject({ kind: 'exact', runes: 26_000 });
    expect(foot.notes).toEqual([]); // +30 % for 180 s is the params' own (SpEffect 3971): nothing to note
  });

  it('stacks both multiplicatively (×1.56) and labels it assumed', () => {
    const both = runeGain(420_000, { goldScarab: true, fowlFoot: true });
    expect(both).toMatchObject({ kind: 'exact', runes: 655_200, multiplier: { num: 39, den: 25 } });
    expect(both.notes.find((n) => n.id === 'rune-gain-stacking')?.confidence).toBe('assumed');
  });

  it('floors once, in exact integer arithmetic, and says so', () => {
    // 2,013 × 1.56 = 3,140.28 → 3,140; 7 × 1.2 = 8.4 → 8.
    const r = runeGain(2_013, { goldScarab: true, fowlFoot: true });
    expect(r).toMatchObject({ kind: 'exact', runes: 3_140 });
    expect(r.notes.find((n) => n.id === 'rune-gain-rounding')?.confidence).toBe('assumed');
    expect(runeGain(7, { goldScarab: true })).toMatchObject({ runes: 8 });
    // Largest input stays exact: 10^12 × 1.56 × 5 × 1.275.
    expect(runeGain(1_000_000_000_000, { goldScarab: true, fowlFoot: true, ngCycle: 7, ngAreaMultiplier: 5 })).toMatchObject({ runes: 9_945_000_000_000 });
  });

  it('applies NG+ cycle factors with the area multiplier', () => {
    const factors: Array<[number, number]> = [[1, 1], [2, 1.1], [3, 1.125], [4, 1.2], [5, 1.225], [6, 1.25], [7, 1.275]];
    for (const [cycle, factor] of factors) {
      // Godrick (20,000) in an early ×4 area: 20,000 × 4 × factor (all exact in decimal).
      expect(runeGain(20_000, { ngCycle: cycle, ngAreaMultiplier: 4 })).toMatchObject({ kind: 'exact', runes: Math.round(80_000 * factor) });
    }
    // NG+8 and above scale like NG+7, with a note.
    const ng9 = runeGain(20_000, { ngCycle: 9, ngAreaMultiplier: 4 });
    expect(ng9).toMatchObject({ runes: 102_000 });
    expect(ng9.notes.map((n) => n.id)).toContain('ng-cycle-cap');
  });

  it('gives the ×2..×5 range when the NG+ area multiplier is unknown', () => {
    const r = runeGain(20_000, { ngCycle: 2 });
    expect(r).toMatchObject({ kind: 'range', minRunes: 44_000, maxRunes: 110_000 });
    expect(r.notes.find((n) => n.id === 'ng-area-multiplier')?.confidence).toBe('single-source');
  });

  it('rejects bad input', () => {
    expect(() => runeGain(-1)).toThrow(RangeError);
    expect(() => runeGain(1.5)).toThrow(RangeError);
    expect(() => runeGain(100, { ngCycle: -1 })).toThrow(RangeError);
    expect(() => runeGain(100, { ngCycle: 1, ngAreaMultiplier: 6 as never })).toThrow(/2 to 5/);
    expect(() => runeGain(100, { goldScarab: 'yes' as never })).toThrow(TypeError);
  });

  it('never loses a rune to rounding beyond one and never goes below base (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.boolean(), fc.boolean(), (base, goldScarab, fowlFoot) => {
        const r = runeGain(base, { goldScarab, fowlFoot });
        if (r.kind !== 'exact') throw new Error('expected exact');
        const exactTimes25 = BigInt(base) * BigInt(goldScarab ? 30 : 25) * BigInt(fowlFoot ? 13 : 10); // base × rates × 250
        expect(BigInt(r.runes) * 250n <= exactTimes25).toBe(true);
        expect(BigInt(r.runes + 1) * 250n > exactTimes25).toBe(true);
        expect(r.runes).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});

describe('runsNeeded and farmPlan', () => {
  it('rounds runs up', () => {
    expect(runsNeeded(1_000, 0)).toBe(0);
    expect(runsNeeded(1_000, 1_000)).toBe(1);
    expect(runsNeeded(1_000, 1_001)).toBe(2);
    expect(runsNeeded(35_000, 7_112_459)).toBe(204);
    expect(() => runsNeeded(0, 5)).toThrow(/1 to/);
  });

  it('plans a farm to a rune target', () => {
    const plan = farmPlan({ perRun: 50_000, target: { runes: 1_000_000 }, held: 120_000, minutesPerRun: 1.5 });
    expect(plan).toMatchObject({ targetRunes: 1_000_000, missing: 880_000, perRunBoosted: 50_000, runs: 18, runesCollected: 900_000, surplus: 20_000, minutes: 27 });
  });

  it('plans a farm to a level with boosts', () => {
    const plan = farmPlan({ perRun: 20_000, target: { fromLevel: 1, toLevel: 150 }, minutesPerRun: 2, boosts: { goldScarab: true, fowlFoot: true } });
    expect(plan.targetRunes).toBe(7_112_459);
    expect(plan.perRunBoosted).toBe(31_200);
    expect(plan.runs).toBe(228); // 7,112,459 / 31,200 = 227.96…
    expect(plan.minutes).toBe(456);
    expect(plan.fowlFeetNeeded).toBe(152); // 456 minutes / 3 minutes per foot
    expect(plan.notes.map((n) => n.id)).toEqual(['rune-gain-stacking', 'fowl-foot-shop']); // 20,000 × 1.56 is a whole 31,200: no rounding note
    expect(plan.runs * plan.perRunBoosted).toBeGreaterThanOrEqual(runesBetween(1, 150));
  });

  it('needs no runs when held already covers the target', () => {
    expect(farmPlan({ perRun: 100, target: { runes: 500 }, held: 800 })).toMatchObject({ missing: 0, runs: 0, surplus: 300, minutes: null });
  });

  it('uses the conservative ×2 in NG+ without an area multiplier', () => {
    const plan = farmPlan({ perRun: 10_000, target: { runes: 100_000 }, boosts: { ngCycle: 1 } });
    expect(plan).toMatchObject({ perRunBoosted: 20_000, runs: 5 });
    expect(plan.notes.map((n) => n.id)).toContain('farm-ng-area-conservative');
  });

  it('rejects bad plans', () => {
    expect(() => farmPlan({ perRun: 100, target: { fromLevel: 10, toLevel: 5 } })).toThrow(RangeError);
    expect(() => farmPlan({ perRun: 100, target: {} as never })).toThrow(TypeError);
    expect(() => farmPlan({ perRun: 100, target: { runes: 5 }, minutesPerRun: 0 })).toThrow(RangeError);
    expect(() => farmPlan({ perRun: 100, target: { runes: 5 }, minutesPerRun: Number.NaN })).toThrow(RangeError);
  });
});
