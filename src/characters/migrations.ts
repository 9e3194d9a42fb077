// Numbered schema migrations, applied in order at open and tracked in PRAGMA user_version.
// Each migration runs in its own BEGIN IMMEDIATE transaction together with the user_version bump, so a
// crash mid-migration leaves the previous version intact, and two processes opening the same new file
// at once cannot both apply it (the second re-reads user_version under the write lock and skips).
// Never edit a released migration: append a new one.

import type BetterSqlite3 from 'better-sqlite3';
import { SchemaTooNewError } from './errors.ts';

export interface Migration {
  version: number;
  description: string;
  up(db: BetterSqlite3.Database): void;
}

const STAT_CHECKS = ['vigor', 'mind', 'endurance', 'strength', 'dexterity', 'intelligence', 'faith', 'arcane']
  .map((s) => `  ${s} INTEGER NOT NULL CHECK (${s} BETWEEN 1 AND 99),`)
  .join('\n');

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'characters, rune ledger, active selections',
    up(db) {
      db.exec(`
CREATE TABLE characters (
  id INTEGER PRIMARY KEY,
  owner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,            -- NFKC + lower case: uniqueness per owner is case-insensitive
  class TEXT NOT NULL,
${STAT_CHECKS}
  level INTEGER NOT NULL,
  runes_held INTEGER NOT NULL DEFAULT 0 CHECK (runes_held BETWEEN 0 AND 999999999),
  bloodstain INTEGER CHECK (bloodstain IS NULL OR bloodstain BETWEEN 1 AND 999999999),
  journey INTEGER NOT NULL DEFAULT 1 CHECK (journey BETWEEN 1 AND 999),   -- 1 = first playthrough, 2 = NG+1
  max_upgrade_regular INTEGER NOT NULL DEFAULT 0 CHECK (max_upgrade_regular BETWEEN 0 AND 25),
  max_upgrade_somber INTEGER NOT NULL DEFAULT 0 CHECK (max_upgrade_somber BETWEEN 0 AND 10),
  is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  created_at INTEGER NOT NULL,       -- ms since the Unix epoch
  updated_at INTEGER NOT NULL,
  CHECK (level = vigor + mind + endurance + strength + dexterity + intelligence + faith + arcane - 79),
  UNIQUE (owner_id, name_key),
  UNIQUE (id, owner_id)              -- parent key for the owner-consistent foreign keys below
) STRICT;

CREATE TABLE rune_ledger (
  id INTEGER PRIMARY KEY,
  character_id INTEGER NOT NULL,
  owner_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('earned', 'level_up', 'purchase', 'upgrade', 'death_drop', 'recovered', 'lost', 'correction')),
  amount INTEGER NOT NULL,           -- signed change to runes held; SUM(amount) = characters.runes_held
  balance_after INTEGER NOT NULL CHECK (balance_after BETWEEN 0 AND 999999999),
  bloodstain_after INTEGER,          -- the bloodstain after this entry (NULL = none)
  lost INTEGER NOT NULL DEFAULT 0 CHECK (lost >= 0),  -- runes gone for good in this entry
  stat TEXT,
  points INTEGER,
  item TEXT,
  note TEXT,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (character_id, owner_id) REFERENCES characters (id, owner_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX rune_ledger_character ON rune_ledger (character_id, id);
CREATE INDEX rune_ledger_owner ON rune_ledger (owner_id);

CREATE TABLE active_global (
  user_id TEXT PRIMARY KEY,
  character_id INTEGER NOT NULL,
  FOREIGN KEY (character_id, user_id) REFERENCES characters (id, owner_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE active_guild (
  user_id TEXT NOT NULL,
  guild_id TEXT NOT NULL,
  character_id INTEGER NOT NULL,
  PRIMARY KEY (user_id, guild_id),
  FOREIGN KEY (character_id, user_id) REFERENCES characters (id, owner_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX active_global_character ON active_global (character_id);
CREATE INDEX active_guild_character ON active_guild (character_id);
`);
    },
  },
];

/** The schema version this code writes: the newest migration's number. */
export const SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function readUserVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the database's user_version, in order, each in its own IMMEDIATE
 * transaction. Throws SchemaTooNewError (changing nothing) when the database is newer than `migrations`.
 * Returns the versions applied by this call.
 */
export function migrate(db: BetterSqlite3.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version !== i + 1) {
      throw new Error(`migrations must be numbered 1, 2, 3, … without gaps (found ${m.version} at position ${i + 1})`);
    }
  });
  const latest = sorted.length;
  const found = readUserVersion(db);
  if (found > latest) throw new SchemaTooNewError(path, found, latest);

  const applied: number[] = [];
  for (const m of sorted) {
    if (m.version <= found) continue;
    const step = db.transaction(() => {
      const current = readUserVersion(db); // re-read under the write lock: another process may have migrated
      if (current > latest) throw new SchemaTooNewError(path, current, latest);
      if (current >= m.version) return false;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  return applied;
}
