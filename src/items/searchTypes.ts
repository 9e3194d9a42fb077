// What the item index answers: match tiers, filters, hits and lookup verdicts (src/items/search.ts).

import type { AliasTable } from './curated.ts';
import type { Category, ItemRecord } from './types.ts';

export const TIER = {
  EXACT_NAME: 7,
  EXACT_ALIAS: 6,
  UPGRADE: 5,
  PREFIX: 4,
  WORDS: 3,
  FUZZY_WORDS: 2,
  PARTIAL: 1,
  FUZZY: 0,
} as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

export interface SearchFilters {
  category?: Category | undefined;
  /** true: DLC items only; false: base game only; undefined: both. */
  dlc?: boolean | undefined;
}

export interface SearchOptions extends SearchFilters {
  /** How many hits at most (default 25). */
  limit?: number;
}

export interface SearchHit {
  item: ItemRecord;
  /** tier + a fraction; higher is better. */
  score: number;
  tier: Tier;
  /** The name or alias that matched. */
  matched: string;
  /** Share of the matched name's words the query accounts for (1 for exact and prefix matches). */
  coverage: number;
}

export interface LookupResult {
  /** Best first; empty when nothing matched at all. */
  hits: SearchHit[];
  best: SearchHit | undefined;
  /** The best hit matched an exact name, alias or upgrade form. */
  exact: boolean;
  /**
   * The best hit is a sound answer: an exact or prefix match, or every word of the query matched and the
   * query accounts for at least half of the item's name (so "thanks" is not a lookup of
   * 'Prattling Pate "Thank you"'). Queries of fewer than 3 letters are never confident, and a word
   * matched only after typo correction needs 6 letters typed ("help" is not "helm").
   */
  confident: boolean;
  /** The best hit is worth showing as an answer (with "did you mean"); otherwise only as a suggestion. */
  plausible: boolean;
}

export interface IndexOptions {
  aliases?: AliasTable;
  popular?: readonly string[];
}

/** Entry kinds: the official name, an alias from the compiled data (affinity, +N), a curated alias. */
