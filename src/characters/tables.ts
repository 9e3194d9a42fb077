// The tables as Kysely sees them (the same on SQLite and PostgreSQL, see migrations.ts), and the mapping
// from rows to the plain values the store returns. Integers only: booleans are 0/1, times are ms since the
// Unix epoch (BIGINT on PostgreSQL, returned as JavaScript numbers: see db.ts).

import type { Generated, Insertable, Selectable } from 'kysely';
import { MAX_LEVEL, type Stat, type Stats } from '../game/classes.ts';
import { levelCost } from '../runes/levels.ts';
import type { Character, LedgerEntry, LedgerKind } from './types.ts';

export interface CharactersTable {
  id: Generated<number>;
  owner_id: string;
  name: string;
  /** NFKC + lower case: names are unique per owner regardless of case. */
  name_key: string;
  class: string;
  vigor: number;
  mind: number;
  endurance: number;
  strength: number;
  dexterity: number;
  intelligence: number;
  faith: number;
  arcane: number;
  level: number;
  runes_held: number;
  bloodstain: number | null;
  journey: number;
  max_upgrade_regular: number;
  max_upgrade_somber: number;
  is_public: number;
  created_at: number;
  updated_at: number;
}

export interface RuneLedgerTable {
  id: Generated<number>;
  character_id: number;
  owner_id: string;
  kind: LedgerKind;
  amount: number;
  balance_after: number;
  bloodstain_after: number | null;
  lost: number;
  stat: Stat | null;
  points: number | null;
  item: string | null;
  note: string | null;
  created_at: number;
}

export interface ActiveGlobalTable {
  user_id: string;
  character_id: number;
}

export interface ActiveGuildTable {
  user_id: string;
  guild_id: string;
  character_id: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Tables {
  characters: CharactersTable;
  rune_ledger: RuneLedgerTable;
  active_global: ActiveGlobalTable;
  active_guild: ActiveGuildTable;
  settings: SettingsTable;
}

export type CharacterRow = Selectable<CharactersTable>;
export type LedgerRow = Selectable<RuneLedgerTable>;
export type NewLedgerRow = Insertable<RuneLedgerTable>;

export function statsOf(row: CharacterRow): Stats {
  return {
    vigor: row.vigor,
    mind: row.mind,
    endurance: row.endurance,
    strength: row.strength,
    dexterity: row.dexterity,
    intelligence: row.intelligence,
    faith: row.faith,
    arcane: row.arcane,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function toCharacter(row: CharacterRow): Character {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    className: row.class,
    stats: statsOf(row),
    level: row.level,
    runesHeld: row.runes_held,
    bloodstain: row.bloodstain,
    journey: row.journey,
    maxUpgrade: { regular: row.max_upgrade_regular, somber: row.max_upgrade_somber },
    isPublic: row.is_public === 1,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    nextLevelCost: row.level < MAX_LEVEL ? levelCost(row.level) : null,
  };
}

export function toEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    characterId: row.character_id,
    kind: row.kind,
    amount: row.amount,
    balanceAfter: row.balance_after,
    bloodstainAfter: row.bloodstain_after,
    lost: row.lost,
    stat: row.stat,
    points: row.points,
    item: row.item,
    note: row.note,
    at: iso(row.created_at),
  };
}
