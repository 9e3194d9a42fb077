// Expected values typed from mechanics.md §2 (CharaInitParam 3000-3009).
import { describe, expect, it } from 'vitest';
import { CLASSES, MAX_LEVEL, STAT_KEYS, findClass, levelFromStats } from '../../src/game/classes.ts';

// name, level, VIG, MND, END, STR, DEX, INT, FAI, ARC
const TABLE: Array<[string, number, ...number[]]> = [
  ['Vagabond', 9, 15, 10, 11, 14, 13, 9, 9, 7],
  ['Warrior', 8, 11, 12, 11, 10, 16, 10, 8, 9],
  ['Hero', 7, 14, 9, 12, 16, 9, 7, 8, 11],
  ['Bandit', 5, 10, 11, 10, 9, 13, 9, 8, 14],
  ['Astrologer', 6, 9, 15, 9, 8, 12, 16, 7, 9],
  ['Prophet', 7, 10, 14, 8, 11, 10, 7, 16, 10],
  ['Confessor', 10, 10, 13, 10, 12, 12, 9, 14, 9],
  ['Samurai', 9, 12, 11, 13, 12, 15, 9, 8, 8],
  ['Prisoner', 9, 11, 12, 11, 11, 14, 14, 6, 9],
  ['Wretch', 1, 10, 10, 10, 10, 10, 10, 10, 10],
];

describe('starting classes', () => {
  it('has the ten classes with the param stats', () => {
    expect(CLASSES).toHaveLength(10);
    for (const [name, level, ...stats] of TABLE) {
      const cls = findClass(name);
      expect(cls, name).toBeDefined();
      expect(cls!.level).toBe(level);
      expect(STAT_KEYS.map((k) => cls!.stats[k])).toEqual(stats);
    }
  });

  it('satisfies level = sum of stats − 79 for all ten', () => {
    for (const [name, level, ...stats] of TABLE) {
      expect(stats.reduce((a, b) => a + b, 0) - 79, name).toBe(level);
      expect(levelFromStats(findClass(name)!.stats)).toBe(level);
    }
  });

  it('caps at 713 = 8 × 99 − 79', () => {
    expect(MAX_LEVEL).toBe(713);
    expect(levelFromStats({ vigor: 99, mind: 99, endurance: 99, strength: 99, dexterity: 99, intelligence: 99, faith: 99, arcane: 99 })).toBe(713);
  });

  it('finds classes case-insensitively', () => {
    expect(findClass('  hero ')?.name).toBe('Hero');
    expect(findClass('Knight')).toBeUndefined();
  });
});
