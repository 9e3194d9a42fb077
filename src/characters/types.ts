// Plain values going in and out of the character store (no database or discord.js types).

import type { Stat, Stats } from '../game/classes.ts';
import { RUNES_HELD_CAP } from '../game/limits.ts';

// What the store keeps, at most.
/** The most runes a character can hold (the game's cap). */
export const RUNE_CAP = RUNES_HELD_CAP;
export const MAX_CHARACTERS_PER_USER = 20;
export const NAME_MAX_LENGTH = 32;
export const NOTE_MAX_LENGTH = 200;
export const ITEM_MAX_LENGTH = 100;
export const ID_MAX_LENGTH = 64;
export const MAX_JOURNEY = 999;
export const MAX_REGULAR_UPGRADE = 25;
export const MAX_SOMBER_UPGRADE = 10;


export const LEDGER_KINDS = ['earned', 'level_up', 'purchase', 'upgrade', 'death_drop', 'recovered', 'lost', 'correction'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type SpendKind = 'purchase' | 'upgrade';

export interface Character {
  id: number;
  ownerId: string;
  name: string;
  /** Starting class name as in CLASSES, e.g. "Vagabond". */
  className: string;
  stats: Stats;
  /** Derived: levelFromStats(stats). */
  level: number;
  runesHeld: number;
  /** Runes lying in the bloodstain of the last death, or null when there is none. */
  bloodstain: number | null;
  /** Journey number: 1 = first playthrough, 2 = NG+1, … */
  journey: number;
  maxUpgrade: { regular: number; somber: number };
  isPublic: boolean;
  createdAt: string;
  updatedAt: string;
  /** Derived: runes for the next level (null at level 713). What the held runes buy: highestReachableLevel (src/runes). */
  nextLevelCost: number | null;
}

/**
 * One change to a character's runes held. Invariants (checked by `checkIntegrity`, re-checked on import):
 *  - SUM(amount) over a character's entries = runesHeld, and balanceAfter is the running sum;
 *  - bloodstainAfter of the newest entry = the character's bloodstain (none when there are no entries).
 */
export interface LedgerEntry {
  id: number;
  characterId: number;
  kind: LedgerKind;
  /** Signed change to runes held. */
  amount: number;
  balanceAfter: number;
  bloodstainAfter: number | null;
  /** Runes gone for good in this entry (a 'lost' bloodstain, or a recovery overflowing the cap). */
  lost: number;
  stat: Stat | null;
  points: number | null;
  item: string | null;
  note: string | null;
  at: string;
}

/** Which character an operation is about: `name` if given, else the user's active one (guild override first). */
export interface CharacterRef {
  userId: string;
  name?: string | null;
  guildId?: string | null;
}

export interface HistoryTotals {
  /** Sum of 'earned' entries. */
  earned: number;
  /** Runes spent, by kind (positive figures). */
  spent: { level_up: number; purchase: number; upgrade: number; total: number };
  /** Runes gone for good: lost bloodstains plus any recovery overflowing the cap. */
  lost: number;
  /** Runes dropped into bloodstains at death (positive), and recovered from them. */
  dropped: number;
  recovered: number;
  /** Net of manual corrections (set, or a negative add). */
  corrections: number;
  deaths: number;
  entries: number;
}

export interface HistoryPage {
  character: Character;
  /** Newest first. */
  entries: LedgerEntry[];
  page: number;
  pageSize: number;
  pageCount: number;
  totals: HistoryTotals;
}

/** A user's characters and active selections, as /character list shows them. */
export interface CharacterListing {
  characters: Character[];
  /** Effective active character's name for this guild (override, else global), null if none. */
  active: string | null;
  globalActive: string | null;
  guildOverride: string | null;
}

/** Ledger entries a character card shows by default. */
export const CARD_RECENT_ENTRIES = 3;

/**
 * Everything a character card shows, read in the same transaction as the change it follows: the
 * character, its newest ledger entries, how many there are, and whether it is the owner's active one
 * ('here': this server's own pick; 'global': the one used everywhere else).
 */
export interface CharacterView {
  character: Character;
  recent: LedgerEntry[];
  entryCount: number;
  active: 'global' | 'here' | null;
}

/** What the bot holds about one user (for the forget-me confirmation): counted, not read. */
export interface UserDataSummary {
  characters: string[];
  ledgerEntries: number;
  selections: number;
}
