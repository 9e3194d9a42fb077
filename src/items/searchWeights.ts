// The name index's tuning: entry kinds and their weights, the category prior, word-match weights, and
// small helpers (src/items/search.ts explains the tiers these order within).

import type { Category } from './types.ts';

export const KIND_NAME = 0;
export const KIND_DATA_ALIAS = 1;
export const KIND_CURATED = 2;
export const KIND_FACTOR = [1, 0.82, 0.95] as const;

/** How often each category is looked up, roughly: a tie-break, never more. */
export const CATEGORY_PRIOR: Record<Category, number> = {
  weapon: 1,
  shield: 0.8,
  ammo: 0.5,
  armor: 0.55,
  talisman: 0.95,
  sorcery: 0.85,
  incantation: 0.85,
  ash_of_war: 0.8,
  spirit_ash: 0.85,
  consumable: 0.7,
  tool: 0.7,
  crafting_material: 0.5,
  upgrade_material: 0.75,
  key_item: 0.6,
  bell_bearing: 0.5,
  cookbook: 0.4,
  crystal_tear: 0.7,
  great_rune: 0.8,
  remembrance: 0.7,
  rune_item: 0.7,
  info_item: 0.2,
};

export const W_EXACT = 1;
export const W_FUZZY_1 = 0.45;
export const W_FUZZY_2 = 0.35;
/**
 * Prefix weights lie in (0.5, 0.95]: above any typo correction, below an exact word; lower when the
 * typed word is finished (followed by another word or a space), as it then likely names another word.
 */
export function prefixWeight(typed: number, full: number, finished: boolean): number {
  return 0.5 + (finished ? 0.3 : 0.45) * (typed / full);
}

export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** A fuse.js-only match at least this good is shown as an answer; below, only as a suggestion. */
export const PLAUSIBLE_FUZZY = 0.5;
/** How many shortlisted names fuse.js re-scores per query (each costs ~15 µs). */
export const SHORTLIST = 16;
