// /weapon next's search: the best split of 1, 5 and 10 points must be the best of every split (checked
// here by trying them all), and the runes are the rune core's level costs.

import { describe, expect, it } from 'vitest';
import { bestNextPoints, prepareAttack, ratePrepared, WEAPON_STATS, type WeaponStat, type WeaponStats } from '../../src/weapons/index.ts';
import { runesBetween } from '../../src/runes/index.ts';
import { form, product, stats } from './helpers.ts';

/** Every split of `points` over `over`, capped at 99: the best shown total (or spell scaling). */
function bruteForce(prepared: ReturnType<typeof prepareAttack>, base: WeaponStats, over: readonly WeaponStat[], points: number, spell: boolean): number {
  let best = -1;
  const walk = (i: number, left: number, current: WeaponStats) => {
    if (i === over.length) {
      if (left === 0) {
        const r = ratePrepared(prepared, current);
        best = Math.max(best, spell ? Math.max(...r.spellScaling.map((s) => s.shown)) : r.total);
      }
      return;
    }
    const stat = over[i]!;
    for (let n = 0; n <= Math.min(left, 99 - base[stat]); n++) walk(i + 1, left - n, { ...current, [stat]: base[stat] + n });
  };
  walk(0, points, base);
  return best;
}

describe('best next points', () => {
  const cases: [string, number, Partial<WeaponStats>, boolean][] = [
    ['Rivers of Blood', 10, { strength: 12, dexterity: 18, arcane: 20 }, false],
    ['Keen Uchigatana', 25, { strength: 20, dexterity: 40 }, true],
    ['Cold Claymore', 25, { strength: 30, dexterity: 20, intelligence: 25 }, false],
    ['Erdtree Seal', 10, { faith: 50 }, false],
    ['Staff of the Great Beyond', 5, { strength: 7, intelligence: 30, faith: 25 }, false],
    ['Flame Art Smithscript Dagger', 25, { strength: 5, dexterity: 11, intelligence: 10, faith: 40 }, false],
  ];
  it.each(cases)('%s +%i: each plan is the best of every split', (name, level, given, twoHanded) => {
    const { weapon, affinity } = form(product, name);
    const prepared = prepareAttack(product, weapon, { affinity, level, twoHanded });
    const base = stats(given);
    const next = bestNextPoints(prepared, base);
    for (const plan of next.plans) {
      expect(plan.exact).toBe(true);
      expect(plan.spent).toBe(plan.points);
      expect(plan.value, `${plan.points} points`).toBe(bruteForce(prepared, base, next.stats, plan.points, next.objective === 'spell-scaling'));
      const rated = ratePrepared(prepared, plan.stats);
      expect(next.objective === 'attack' ? rated.total : Math.max(...rated.spellScaling.map((s) => s.shown))).toBe(plan.value);
    }
  });

  it('Heavy Claymore +0 at 10 everywhere (needs Str 16, Dex 13): no gain from 1 or 5 points, and 10 points meet both with the extra point on Strength', () => {
    // Meeting both takes 6 + 3 = 9 points; before that the 0.6 penalty holds whatever the split.
    // Heavy scales with Strength only, so the 10th point goes there.
    const { weapon, affinity } = form(product, 'Heavy Claymore');
    const prepared = prepareAttack(product, weapon, { affinity, level: 0 });
    const next = bestNextPoints(prepared, stats({ strength: 10, dexterity: 10, intelligence: 10, faith: 10, arcane: 10 }), { characterLevel: 60, runesHeld: 50_000 });
    expect(next.stats).toEqual(['strength', 'dexterity']);
    expect(next.plans.map((p) => p.gain)).toEqual([0, 0, next.plans[2]!.gain]);
    expect(next.plans[2]!.gain).toBeGreaterThan(0);
    expect(next.plans[2]!.added).toEqual({ strength: 7, dexterity: 3 });
    // Runes: the rune core's costs from level 60.
    expect(next.plans.map((p) => p.cost?.runes)).toEqual([runesBetween(60, 61), runesBetween(60, 65), runesBetween(60, 70)]);
    expect(next.plans[0]!.cost).toMatchObject({ fromLevel: 60, toLevel: 61, held: 50_000, missing: Math.max(runesBetween(60, 61) - 50_000, 0) });
  });

  it('stops at 99 and says how many points could be placed', () => {
    const { weapon, affinity } = form(product, 'Heavy Claymore');
    const prepared = prepareAttack(product, weapon, { affinity, level: 25 });
    const next = bestNextPoints(prepared, stats({ strength: 97, dexterity: 99 }));
    expect(next.stats).toEqual(['strength']);
    expect(next.plans.map((p) => p.spent)).toEqual([1, 2, 2]);
    const maxed = bestNextPoints(prepared, stats({ strength: 99, dexterity: 99 }));
    expect(maxed.stats).toEqual([]);
    expect(maxed.plans.every((p) => p.gain === 0 && p.spent === 0)).toBe(true);
  });

  it('only searches stats that feed this weapon', () => {
    const { weapon, affinity } = form(product, 'Moonveil');
    const next = bestNextPoints(prepareAttack(product, weapon, { affinity, level: 10 }), stats({ strength: 12, dexterity: 18, intelligence: 23 }));
    expect(next.stats).toEqual(['strength', 'dexterity', 'intelligence']);
    expect(WEAPON_STATS.filter((s) => !next.stats.includes(s))).toEqual(['faith', 'arcane']);
  });
});
