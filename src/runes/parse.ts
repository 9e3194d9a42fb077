// Reading what a player types for the rune calculator: a list of rune items ("golden rune 5 x3, lords
// rune") and a farming target ("level 150", "150", "2,000,000", "1.5m", "500k"). Pure: the results are
// plain values, and every problem is returned as data (the command layer words it), never thrown;
// only a non-string argument is a TypeError (see validate.ts).

import { MAX_LEVEL, MIN_LEVEL } from '../game/classes.ts';
import { MAX_ITEM_COUNT, MAX_ITEM_LINES, MAX_RUNE_INPUT, MIN_ITEM_COUNT } from '../game/limits.ts';
import { closestRuneItemNames, findRuneItem, type HeldItem } from './runeItems.ts';
import { requireString } from './validate.ts';

// ---------------------------------------------------------------------------------------------
// Rune item lists

export type RuneItemListError =
  /** Nothing but separators. */
  | { kind: 'empty' }
  /** More entries than MAX_ITEM_LINES. */
  | { kind: 'too-many'; entries: number; max: number }
  /** No reading of the entry names a rune item; `name` is the most likely intended name. */
  | { kind: 'unknown-item'; entry: string; name: string; closest: string[] }
  /** A known item with a count outside min..max (`count` as typed). */
  | { kind: 'bad-count'; entry: string; item: string; count: string; min: number; max: number };

export interface RuneItemList {
  /** One line per entry that parsed, in the order typed (canonical item names). */
  items: HeldItem[];
  /** Every problem found; empty when the whole list parsed. */
  errors: RuneItemListError[];
}

interface Reading {
  name: string;
  count: string;
}

/** Candidate readings of one entry, most specific first: "golden rune 5 x3", "3x lords rune", "3 × lords rune", … */
function readings(entry: string): Reading[] {
  const out: Reading[] = [];
  const patterns: [RegExp, 'count-first' | 'name-first'][] = [
    [/^(\d+)\s*(?:x|×|\*)\s*(.+)$/i, 'count-first'], // 3x lords rune, 3 × lords rune
    [/^(?:x|×|\*)\s*(\d+)\s+(.+)$/i, 'count-first'], // x3 lords rune
    [/^(.+?)\s*(?:(?<![a-z])x|×|\*)\s*(\d+)$/i, 'name-first'], // golden rune 5 x3, golden rune 5 ×3
    [/^(.+?)\s+(\d+)\s*(?:x|×|\*)$/i, 'name-first'], // golden rune 5 3x, golden rune 5 3 ×
    [/^(\d+)\s+(.+)$/, 'count-first'], // 3 lords rune
  ];
  for (const [pattern, order] of patterns) {
    const match = pattern.exec(entry);
    if (!match) continue;
    out.push(order === 'count-first' ? { count: match[1]!, name: match[2]!.trim() } : { name: match[1]!.trim(), count: match[2]! });
  }
  out.push({ name: entry, count: '1' });
  return out;
}

/**
 * "golden rune 5 x3, lords rune; 2x hero's rune 1 + x2 numen's rune" → items and problems. Entries are
 * separated by commas, semicolons, new lines or " + "; a count is written x3, ×3, *3, 3x or a leading 3
 * and goes from MIN_ITEM_COUNT to MAX_ITEM_COUNT (9,999; src/game/limits.ts); names are matched with findRuneItem.
 */
export function parseRuneItemList(text: string): RuneItemList {
  const entries = requireString('items', text)
    .normalize('NFKC')
    .split(/[,;\n\r]+|\s\+\s/)
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return { items: [], errors: [{ kind: 'empty' }] };
  if (entries.length > MAX_ITEM_LINES) return { items: [], errors: [{ kind: 'too-many', entries: entries.length, max: MAX_ITEM_LINES }] };
  const items: HeldItem[] = [];
  const errors: RuneItemListError[] = [];
  for (const entry of entries) {
    const options = readings(entry);
    let hit: { reading: Reading; name: string } | undefined;
    for (const reading of options) {
      const item = findRuneItem(reading.name);
      if (item) {
        hit = { reading, name: item.name };
        break;
      }
    }
    if (!hit) {
      // With a count written, the name is what is left without it; otherwise the whole entry.
      const name = options.length > 1 ? options[0]!.name : entry;
      errors.push({ kind: 'unknown-item', entry, name, closest: closestRuneItemNames(name, 3) });
      continue;
    }
    const count = /^\d{1,6}$/.test(hit.reading.count) ? Number(hit.reading.count) : Infinity;
    if (count < MIN_ITEM_COUNT || count > MAX_ITEM_COUNT) {
      errors.push({ kind: 'bad-count', entry, item: hit.name, count: hit.reading.count, min: MIN_ITEM_COUNT, max: MAX_ITEM_COUNT });
      continue;
    }
    items.push({ item: hit.name, count });
  }
  return { items, errors };
}

// ---------------------------------------------------------------------------------------------
// Farming targets

export type FarmTargetParse =
  | { kind: 'level'; level: number }
  | { kind: 'runes'; runes: number }
  /** Written as a level ("level 800") outside 2..713. */
  | { kind: 'level-out-of-range'; level: number; min: number; max: number }
  /** A bare number too small to be a level to reach or a useful amount ("0", "1"). */
  | { kind: 'too-small'; value: number }
  /** Written as runes, outside 1..MAX_RUNE_INPUT. */
  | { kind: 'runes-out-of-range'; min: number; max: number }
  /** Neither a level nor an amount of runes. */
  | { kind: 'unreadable' };

const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

/**
 * "level 150", "lvl150", "l:150" → a level; a bare whole number up to 713 ("150") → a level too (no
 * amount that small is worth farming); "2,000,000", "2 000 000", "1.5m", "500k", "3 million runes",
 * "714" → runes (rounded to a whole number).
 */
export function parseFarmTarget(raw: string): FarmTargetParse {
  const text = requireString('target', raw).normalize('NFKC').trim().toLowerCase();
  const level = /^(?:level|lvl|lv|rl|l)\s*:?\s*(\d{1,4})$/.exec(text);
  if (level) {
    const value = Number(level[1]);
    if (value < MIN_LEVEL + 1 || value > MAX_LEVEL) return { kind: 'level-out-of-range', level: value, min: MIN_LEVEL + 1, max: MAX_LEVEL };
    return { kind: 'level', level: value };
  }
  const runes = /^(\d{1,3}(?:[,_ ]\d{3})+|\d+)(\.\d+)?\s*(k|m|b|bn|thousand|million|billion)?\s*(runes?)?$/.exec(text);
  if (!runes) return { kind: 'unreadable' };
  const number = Number(`${runes[1]!.replace(/[,_ ]/g, '')}${runes[2] ?? ''}`);
  const value = Math.round(number * (runes[3] ? MULTIPLIERS[runes[3]]! : 1));
  if (!runes[3] && !runes[4] && !runes[2] && value <= MAX_LEVEL) {
    if (value < MIN_LEVEL + 1) return { kind: 'too-small', value };
    return { kind: 'level', level: value };
  }
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_RUNE_INPUT) return { kind: 'runes-out-of-range', min: 1, max: MAX_RUNE_INPUT };
  return { kind: 'runes', runes: value };
}
