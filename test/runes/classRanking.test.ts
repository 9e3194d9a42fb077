import { describe, expect, it } from 'vitest';
import { rankClassesForBuild } from '../../src/runes/classRanking.ts';
import { runesBetween } from '../../src/runes/levels.ts';

describe('rankClassesForBuild', () => {
  it('names Hero at level 97 first for strength 80, vigor 40, and ranks all ten', () => {
    const ranking = rankClassesForBuild({ strength: 80, vigor: 40 });
    expect(ranking).toHaveLength(10);
    expect(ranking[0]!.class.name).toBe('Hero');
    expect(ranking[0]!.level).toBe(97);
    expect(ranking[0]!.rank).toBe(1);
    expect(new Set(ranking.map((r) => r.class.name)).size).toBe(10);
    // Hero: 86 + (40 − 14) + (80 − 16) − 79 = 97, 90 levels from its start at 7.
    expect(ranking[0]).toMatchObject({ levelsToGain: 90, totalWasted: 0, wasted: {} });
    expect(ranking[0]!.finalStats).toMatchObject({ vigor: 40, strength: 80, mind: 9 });
    // Levels never decrease down the list.
    for (let i = 1; i < ranking.length; i++) expect(ranking[i]!.level).toBeGreaterThanOrEqual(ranking[i - 1]!.level);
  });

  it('computes each class as max(start, target) per stat', () => {
    // Hand-computed from the class table: Vagabond sum 88, VIG 15, STR 14 → 88 + 25 + 66 − 79 = 100.
    const byName = Object.fromEntries(rankClassesForBuild({ strength: 80, vigor: 40 }).map((r) => [r.class.name, r]));
    expect(byName.Vagabond!.level).toBe(100);
    expect(byName.Wretch!.level).toBe(1 + 30 + 70); // 80 + 30 + 70 − 79
    expect(byName.Astrologer!.level).toBe(85 + 31 + 72 - 79);
  });

  it('counts wasted points only on stats the target sets lower', () => {
    // Target Mind 9: Astrologer starts at 15 → 6 wasted; Hero starts at 9 → 0.
    const byName = Object.fromEntries(rankClassesForBuild({ mind: 9 }).map((r) => [r.class.name, r]));
    expect(byName.Astrologer!.wasted).toEqual({ mind: 6 });
    expect(byName.Astrologer!.totalWasted).toBe(6);
    expect(byName.Hero!.totalWasted).toBe(0);
    expect(byName.Astrologer!.level).toBe(6);
  });

  it('breaks level ties by waste, then class order, sharing rank numbers', () => {
    // Empty target: every class stays at its own level, Wretch (1) first; Hero and Prophet tie at 7.
    const ranking = rankClassesForBuild({});
    expect(ranking.map((r) => r.class.name)).toEqual([
      'Wretch', 'Bandit', 'Astrologer', 'Hero', 'Prophet', 'Warrior', 'Vagabond', 'Samurai', 'Prisoner', 'Confessor',
    ]);
    expect(ranking[3]!.rank).toBe(4);
    expect(ranking[4]!.rank).toBe(4);
    expect(ranking[5]!.rank).toBe(6);
  });

  it('with every stat at 99 all reach 713: fewest runes first (the highest starting level), Confessor first', () => {
    const all99 = { vigor: 99, mind: 99, endurance: 99, strength: 99, dexterity: 99, intelligence: 99, faith: 99, arcane: 99 };
    const ranking = rankClassesForBuild(all99);
    for (const row of ranking) expect(row.level).toBe(713);
    // Starting levels from the class table: Confessor 10; Vagabond, Samurai, Prisoner 9; Warrior 8;
    // Hero, Prophet 7; Astrologer 6; Bandit 5; Wretch 1. The runes needed are runesBetween(start, 713).
    expect(ranking[0]!.class.name).toBe('Confessor');
    expect(ranking[0]!.runesNeeded).toBe(runesBetween(10, 713));
    expect(ranking.map((r) => r.class.level)).toEqual([10, 9, 9, 9, 8, 7, 7, 6, 5, 1]);
    expect(ranking.at(-1)!.class.name).toBe('Wretch');
    // The three classes starting at 9 tie on level, runes and waste: one shared rank.
    expect(ranking.slice(1, 4).map((r) => r.rank)).toEqual([2, 2, 2]);
    expect(ranking[4]!.rank).toBe(5);
  });

  it('reports the runes from the class start', () => {
    const hero = rankClassesForBuild({ strength: 80, vigor: 40 })[0]!;
    expect(hero.runesNeeded).toBe(runesBetween(7, 97));
    // Wretch to 40 in every stat: level 241 from 1.
    const wretch = rankClassesForBuild({ vigor: 40, mind: 40, endurance: 40, strength: 40, dexterity: 40, intelligence: 40, faith: 40, arcane: 40 }).find((r) => r.class.name === 'Wretch')!;
    expect(wretch.level).toBe(241);
  });

  it('rejects unknown stats and values outside 1..99', () => {
    expect(() => rankClassesForBuild({ strength: 100 })).toThrow(/1 to 99/);
    expect(() => rankClassesForBuild({ strength: 0 })).toThrow(RangeError);
    expect(() => rankClassesForBuild({ luck: 5 } as never)).toThrow(/unknown stat "luck"/);
    expect(() => rankClassesForBuild({ vigor: '40' } as never)).toThrow(TypeError);
    expect(() => rankClassesForBuild(null as never)).toThrow(TypeError);
  });
});
