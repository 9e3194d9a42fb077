// The ten starting classes (CharaInitParam rows 3000-3009, patch 1.09/1.10; mechanics.md §2).
// level = sum(stats) - 79 holds for every class.

export const STAT_KEYS = ['vigor', 'mind', 'endurance', 'strength', 'dexterity', 'intelligence', 'faith', 'arcane'] as const;
export type Stat = (typeof STAT_KEYS)[number];
export type Stats = Record<Stat, number>;

export const STAT_ABBREVIATIONS: Record<Stat, string> = {
  vigor: 'VIG',
  mind: 'MND',
  endurance: 'END',
  strength: 'STR',
  dexterity: 'DEX',
  intelligence: 'INT',
  faith: 'FAI',
  arcane: 'ARC',
};

export const MIN_STAT = 1;
export const MAX_STAT = 99;
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 713; // 8 × 99 − 79
export const LEVEL_OFFSET = 79;

export interface StartingClass {
  name: string;
  level: number;
  stats: Stats;
}

function cls(name: string, level: number, v: number, m: number, e: number, s: number, d: number, i: number, f: number, a: number): StartingClass {
  return { name, level, stats: { vigor: v, mind: m, endurance: e, strength: s, dexterity: d, intelligence: i, faith: f, arcane: a } };
}

export const CLASSES: readonly StartingClass[] = [
  cls('Vagabond', 9, 15, 10, 11, 14, 13, 9, 9, 7),
  cls('Warrior', 8, 11, 12, 11, 10, 16, 10, 8, 9),
  cls('Hero', 7, 14, 9, 12, 16, 9, 7, 8, 11),
  cls('Bandit', 5, 10, 11, 10, 9, 13, 9, 8, 14),
  cls('Astrologer', 6, 9, 15, 9, 8, 12, 16, 7, 9),
  cls('Prophet', 7, 10, 14, 8, 11, 10, 7, 16, 10),
  cls('Confessor', 10, 10, 13, 10, 12, 12, 9, 14, 9),
  cls('Samurai', 9, 12, 11, 13, 12, 15, 9, 8, 8),
  cls('Prisoner', 9, 11, 12, 11, 11, 14, 14, 6, 9),
  cls('Wretch', 1, 10, 10, 10, 10, 10, 10, 10, 10),
];

export function levelFromStats(stats: Stats): number {
  let sum = 0;
  for (const key of STAT_KEYS) sum += stats[key];
  return sum - LEVEL_OFFSET;
}

/** Case-insensitive class lookup; undefined when the name is not a class. */
export function findClass(name: string): StartingClass | undefined {
  const wanted = name.trim().toLowerCase();
  return CLASSES.find((c) => c.name.toLowerCase() === wanted);
}

/** "vigor" → "Vigor". */
export function statLabel(stat: Stat): string {
  return stat.charAt(0).toUpperCase() + stat.slice(1);
}
