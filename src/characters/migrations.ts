// Numbered schema migrations for both backends, applied in order at open. The version is kept in PRAGMA
// user_version on SQLite and in the one-row table schema_version on PostgreSQL; a database newer than this
// code is refused (SchemaTooNewError) and left untouched. Never edit a released migration: append one.
//
// SQLite: each step runs in its own BEGIN IMMEDIATE transaction together with the user_version bump, so a
// crash mid-migration leaves the previous version intact, and processes opening a new file at once cannot
// both apply it (each re-reads user_version under the write lock and skips what is done). A step that
// rebuilds a referenced table runs with foreign keys off (they would cascade the DROP) and checks them
// before COMMIT. SQLITE_BUSY escapes to the caller (db.ts), which retries the whole migration later.
// PostgreSQL: each step runs in a transaction holding an advisory lock for this schema, re-reading the
// version first, so replicas starting together apply each step once.
//
// Both backends get the same constraints: CHECKs on every stat and rune amount, foreign keys that keep a
// ledger entry or a selection on its owner's character, names unique per owner case-insensitively (on
// name_key), and character ids never handed out twice (AUTOINCREMENT from version 2; identity on PostgreSQL).

import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { SchemaTooNewError } from './errors.ts';

export interface Migration {
  version: number;
  description: string;
  /** SQLite: runs on the raw better-sqlite3 connection inside BEGIN IMMEDIATE. */
  up(db: BetterSqlite3.Database): void;
  /** PostgreSQL: the same step as SQL ('' when the PostgreSQL schema already had it). */
  postgres?: string;
  /** SQLite: the step rebuilds a table others reference, so foreign keys are off around it. */
  rebuildsTables?: boolean;
}

const STATS = ['vigor', 'mind', 'endurance', 'strength', 'dexterity', 'intelligence', 'faith', 'arcane'];
const STAT_CHECKS = STATS.map((s) => `  ${s} INTEGER NOT NULL CHECK (${s} BETWEEN 1 AND 99),`).join('\n');

/** The characters table's columns and constraints after `id` (identical in versions 1 and 2 on SQLite). */
const CHARACTER_COLUMNS = `  owner_id TEXT NOT NULL,
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
  UNIQUE (id, owner_id)              -- parent key for the owner-consistent foreign keys`;

const LEDGER_KINDS_SQL = "'earned', 'level_up', 'purchase', 'upgrade', 'death_drop', 'recovered', 'lost', 'correction'";

const POSTGRES_V1 = `
CREATE TABLE characters (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- never reused
${CHARACTER_COLUMNS.replace('is_public INTEGER', 'is_public SMALLINT').replace('created_at INTEGER', 'created_at BIGINT').replace('updated_at INTEGER', 'updated_at BIGINT')}
);
CREATE TABLE rune_ledger (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  character_id BIGINT NOT NULL,
  owner_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${LEDGER_KINDS_SQL})),
  amount INTEGER NOT NULL,
  balance_after INTEGER NOT NULL CHECK (balance_after BETWEEN 0 AND 999999999),
  bloodstain_after INTEGER,
  lost INTEGER NOT NULL DEFAULT 0 CHECK (lost >= 0),
  stat TEXT,
  points INTEGER,
  item TEXT,
  note TEXT,
  created_at BIGINT NOT NULL,
  FOREIGN KEY (character_id, owner_id) REFERENCES characters (id, owner_id) ON DELETE CASCADE
);
CREATE INDEX rune_ledger_character ON rune_ledger (character_id, id);
CREATE INDEX rune_ledger_owner ON rune_ledger (owner_id);
CREATE TABLE active_global (
  user_id TEXT PRIMARY KEY,
  character_id BIGINT NOT NULL,
  FOREIGN KEY (character_id, user_id) REFERENCES characters (id, owner_id) ON DELETE CASCADE
);
CREATE TABLE active_guild (
  user_id TEXT NOT NULL,
  guild_id TEXT NOT NULL,
  character_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, guild_id),
  FOREIGN KEY (character_id, user_id) REFERENCES characters (id, owner_id) ON DELETE CASCADE
);
CREATE INDEX active_global_character ON active_global (character_id);
CREATE INDEX active_guild_character ON active_guild (character_id);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'characters, rune ledger, active selections',
    postgres: POSTGRES_V1,
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
  {
    version: 2,
    description: 'character ids are never reused (AUTOINCREMENT; the table is rebuilt keeping every id)',
    postgres: '', // identity columns from version 1 on
    rebuildsTables: true,
    up(db) {
      db.exec(`
CREATE TABLE characters_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
${CHARACTER_COLUMNS}
) STRICT;
INSERT INTO characters_v2 SELECT * FROM characters;
DROP TABLE characters;
ALTER TABLE characters_v2 RENAME TO characters;
`);
    },
  },
  {
    version: 3,
    description: 'install settings (the secret that signs button ids)',
    postgres: 'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
    up(db) {
      db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;');
    },
  },
];

/** The schema version this code writes: the newest migration's number. */
export const SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

function checkNumbering(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version !== i + 1) {
      throw new Error(`migrations must be numbered 1, 2, 3, … without gaps (found ${m.version} at position ${i + 1})`);
    }
  });
  return sorted;
}

// ---- SQLite ---------------------------------------------------------------------------------------

export function readUserVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the database's user_version, in order, each in its own IMMEDIATE
 * transaction. Throws SchemaTooNewError (changing nothing) when the database is newer than `migrations`.
 * Returns the versions applied by this call.
 */
export function migrate(db: BetterSqlite3.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const sorted = checkNumbering(migrations);
  const latest = sorted.length;
  const found = readUserVersion(db);
  if (found > latest) throw new SchemaTooNewError(path, found, latest);

  const applied: number[] = [];
  for (const m of sorted) {
    if (m.version <= found) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables && foreignKeys) db.pragma('foreign_keys = OFF'); // a no-op inside a transaction, so before BEGIN
    try {
      const step = db.transaction(() => {
        const current = readUserVersion(db); // re-read under the write lock: another process may have migrated
        if (current > latest) throw new SchemaTooNewError(path, current, latest);
        if (current >= m.version) return false;
        m.up(db);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.version} would leave ${broken.length} broken foreign key(s)`);
        }
        db.pragma(`user_version = ${m.version}`);
        return true;
      });
      if (step.immediate()) applied.push(m.version);
    } finally {
      if (m.rebuildsTables && foreignKeys) db.pragma('foreign_keys = ON');
    }
  }
  return applied;
}

// ---- PostgreSQL -----------------------------------------------------------------------------------

/** The schema version of the PostgreSQL schema `db` points at (0: no tables yet). Reads only. */
export async function readPostgresVersion(db: Kysely<any>): Promise<number> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_version')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  const row = await sql<{ version: number }>`SELECT version FROM schema_version WHERE id = 1`.execute(db);
  return row.rows[0]?.version ?? 0;
}

/** The PostgreSQL counterpart of migrate(): the same numbered steps, each in one locked transaction. */
export async function migratePostgres(db: Kysely<any>, location: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const sorted = checkNumbering(migrations);
  const latest = sorted.length;
  const found = await readPostgresVersion(db);
  if (found > latest) throw new SchemaTooNewError(location, found, latest);
  const applied: number[] = [];
  for (const m of sorted) {
    if (m.version <= found) continue;
    if (m.postgres === undefined) throw new Error(`migration ${m.version} has no PostgreSQL step`);
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended('tarnished-ledger:migrate:' || current_schema(), 0))`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS schema_version (id SMALLINT PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)`.execute(trx);
      const current = await readPostgresVersion(trx);
      if (current > latest) throw new SchemaTooNewError(location, current, latest);
      if (current >= m.version) return false;
      if (m.postgres!.trim() !== '') await sql.raw(m.postgres!).execute(trx);
      await sql`INSERT INTO schema_version (id, version) VALUES (1, ${m.version}) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version`.execute(trx);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
