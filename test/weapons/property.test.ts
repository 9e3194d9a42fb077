// Properties over every weapon and shield, every affinity it takes, any level of its path and any stats
// 1–99: no NaN, nothing negative, the total is the floor of the unrounded sum, each shown value is the
// floor of its own; and bad input is refused with a sentence saying what is valid.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AFFINITIES, WEAPON_STATS, affinitiesOf, attackRating, takesAffinities, type WeaponStats } from '../../src/weapons/index.ts';
import { product } from './helpers.ts';

const statsArb = fc.record(Object.fromEntries(WEAPON_STATS.map((s) => [s, fc.integer({ min: 1, max: 99 })])) as Record<keyof WeaponStats, fc.Arbitrary<number>>);
const rows = product.weapons.flatMap((weapon) => weapon.rows.map((row) => ({ weapon, row, maxLevel: product.levels(row).length - 1 })));

describe('every weapon × affinity', () => {
  it(`${rows.length} forms, random stats and levels: finite, not negative, totals are floors of the sum`, () => {
    fc.assert(
      fc.property(fc.array(statsArb, { minLength: 6, maxLength: 6 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), fc.boolean(), (statSets, levelPicks, twoHanded) => {
        rows.forEach(({ weapon, row, maxLevel }, i) => {
          const level = Math.min(maxLevel, Math.floor(levelPicks[i % 6]! * (maxLevel + 1)));
          const r = attackRating(product, weapon, { affinity: row.affinity, level, stats: statSets[i % 6]!, twoHanded });
          let sum = 0;
          for (const d of r.damage) {
            if (!Number.isFinite(d.value) || d.value < 0 || d.shown !== Math.floor(d.value + 1e-9)) throw new Error(`${row.name} +${level} ${d.type} ${d.value}`);
            sum += d.value;
          }
          if (r.total !== Math.floor(sum + 1e-9)) throw new Error(`${row.name} total ${r.total} vs ${sum}`);
          for (const s of [...r.status, ...r.spellScaling]) if (!Number.isFinite(s.value) || s.value < 0 || s.shown !== Math.floor(s.value + 1e-9)) throw new Error(`${row.name} ${s.type}`);
          if (r.penalty && (r.penalty.cost < 0 || !Number.isFinite(r.penalty.totalWithout))) throw new Error(`${row.name} penalty ${r.penalty.cost}`);
          if (!r.penalty && r.unmet.length) throw new Error(`${row.name} unmet without a penalty`);
        });
      }),
      { numRuns: 15 },
    );
  });

  it('more of a stat never lowers the attack (requirements met)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rows.length - 1 }), statsArb, fc.constantFrom(...WEAPON_STATS), fc.boolean(), (index, base, stat, twoHanded) => {
        const { weapon, row, maxLevel } = rows[index]!;
        const high = { ...base } as WeaponStats;
        for (const s of WEAPON_STATS) high[s] = Math.max(base[s], row.requirements[s] ?? 1);
        if (high[stat] >= 99) return;
        const before = attackRating(product, weapon, { affinity: row.affinity, level: maxLevel, stats: high, twoHanded });
        const after = attackRating(product, weapon, { affinity: row.affinity, level: maxLevel, stats: { ...high, [stat]: high[stat] + 1 }, twoHanded });
        expect(after.totalExact).toBeGreaterThanOrEqual(before.totalExact - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad input is refused', () => {
  it('level above the path, an affinity the weapon cannot take, stats out of 1–99', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: product.weapons.length - 1 }), fc.integer({ min: 26, max: 1000 }), fc.constantFrom(...AFFINITIES), fc.integer({ min: -50, max: 0 }), (index, level, affinity, badStat) => {
        const weapon = product.weapons[index]!;
        const ok = { strength: 10, dexterity: 10, intelligence: 10, faith: 10, arcane: 10 };
        expect(() => attackRating(product, weapon, { level, stats: ok })).toThrow(/level must be/);
        expect(() => attackRating(product, weapon, { level: -1, stats: ok })).toThrow(RangeError);
        if (!takesAffinities(weapon)) expect(() => attackRating(product, weapon, { affinity, level: 0, stats: ok })).toThrow(/cannot take an affinity/);
        else expect(affinitiesOf(weapon)).toContain(affinity);
        expect(() => attackRating(product, weapon, { level: 0, stats: { ...ok, dexterity: badStat } })).toThrow(/from 1 to 99/);
        expect(() => attackRating(product, weapon, { level: 0, stats: { ...ok, dexterity: 100 - badStat } })).toThrow(/from 1 to 99/);
      }),
      { numRuns: 200 },
    );
  });
});
