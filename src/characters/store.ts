// The character store: one module over better-sqlite3 (12.x). Plain values in and out; no discord.js.
//
// Database: WAL, foreign keys on, busy_timeout, numbered migrations at open (PRAGMA user_version).
// Every mutating operation is one BEGIN IMMEDIATE transaction (read-modify-write under the write lock,
// so concurrent processes never lose an update), and returns only after COMMIT has returned: a caller
// that replies after the call returns never acknowledges a change that is not in the database.
// synchronous defaults to FULL, so an acknowledged change also survives a power cut or OS crash, not just a
// killed process (with NORMAL, which is enough against SIGKILL, the newest commits may roll back after a
// power cut). Pass { synchronous: 'NORMAL' } to trade that for throughput (see bench/store.ts).
//
// Ownership: every function takes the acting user's id and only ever reads or writes that user's rows;
// another user's character is only ever returned by getCharacter, and only when it is public.
//
// Active character: one global per user, plus an optional override per (user, guild).
// getActiveCharacter(user, guild) = the guild override if set, else the global one. Creating a user's
// first character (or any character while they have no global active one) makes it the global active
// one. Deleting a character removes the selections that point at it; if it was the global active one,
// the user's most recently updated remaining character becomes the global active one (none if no
// characters remain). Guild overrides pointing at it are dropped, so that server falls back to global.

import { mkdirSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import Database from 'better-sqlite3';
import { MAX_LEVEL, STAT_KEYS, findClass, levelFromStats, type Stat, type Stats } from '../game/classes.ts';
import { levelCost, runesBetween } from '../runes/levels.ts';
import { SchemaTooNewError, StoreError } from './errors.ts';
import { replayLedger } from './ledger.ts';
import { MIGRATIONS, SCHEMA_VERSION, migrate, readUserVersion } from './migrations.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExportDocument, type ExportDocument, type ExportedCharacter } from './schema.ts';
import type { Character, CharacterRef, HistoryPage, HistoryTotals, LedgerEntry, LedgerKind, SpendKind } from './types.ts';
import {
  ITEM_MAX_LENGTH,
  MAX_CHARACTERS_PER_USER,
  MAX_JOURNEY,
  MAX_REGULAR_UPGRADE,
  MAX_SOMBER_UPGRADE,
  RUNE_CAP,
  checkStatValue,
  cleanId,
  cleanName,
  cleanNote,
  cleanText,
  mergeStats,
  nameKey,
  requireClass,
  requireInteger,
  requireStat,
} from './validate.ts';
import { fmt } from '../text/format.ts';
import { statLabel } from '../game/classes.ts';

export interface OpenStoreOptions {
  /** SQLite busy_timeout in ms (default 600: the wait blocks the event loop). */
  busyTimeoutMs?: number;
  /** Whole-transaction retries after SQLITE_BUSY outlasts the busy timeout (default 1). */
  busyRetries?: number;
  /** PRAGMA synchronous (default 'FULL'; 'NORMAL' is safe against process crashes in WAL mode). */
  synchronous?: 'FULL' | 'NORMAL';
  /** Clock in ms since the epoch (tests). */
  now?: () => number;
}

export interface CreateCharacterInput {
  name: string;
  className: string;
  /** Stats differing from the class's starting values. */
  stats?: Partial<Stats>;
  journey?: number;
  maxUpgrade?: { regular?: number; somber?: number };
  isPublic?: boolean;
}

export interface ProgressInput {
  journey?: number;
  maxUpgrade?: { regular?: number; somber?: number };
}

export interface CharacterListing {
  characters: Character[];
  /** Effective active character's name for this guild (override, else global), null if none. */
  active: string | null;
  globalActive: string | null;
  guildOverride: string | null;
}

export interface ImportOptions {
  /**
   * 'merge' (default): add the file's characters next to the user's existing ones; any name clash refuses
   *   the whole import. The user's current active selections stay; the file's are used only where the
   *   user has none (global, or that server).
   * 'replace': delete all of the user's characters (and ledgers and selections) and load the file's.
   */
  mode?: 'merge' | 'replace';
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

export interface CharacterStore {
  readonly path: string;
  readonly schemaVersion: number;
  createCharacter(userId: string, input: CreateCharacterInput): { character: Character; madeActive: boolean };
  listCharacters(userId: string, guildId?: string | null): CharacterListing;
  getCharacter(viewerId: string, target?: { ownerId?: string; name?: string | null; guildId?: string | null }): Character;
  getActiveCharacter(userId: string, guildId?: string | null): Character | null;
  switchActive(userId: string, name: string, guildId?: string | null): { character: Character; scope: 'global' | 'guild'; previous: Character | null };
  clearGuildOverride(userId: string, guildId: string): { cleared: boolean; active: Character | null };
  renameCharacter(ref: CharacterRef, newName: string): { character: Character; previousName: string };
  deleteCharacter(ref: CharacterRef): { deleted: Character; wasGlobalActive: boolean; globalActive: Character | null; ledgerEntriesDeleted: number };
  setVisibility(ref: CharacterRef, isPublic: boolean): { character: Character; changed: boolean };
  setStats(ref: CharacterRef, stats: Partial<Stats>): { character: Character; previousStats: Stats; previousLevel: number };
  setProgress(ref: CharacterRef, progress: ProgressInput): { character: Character };
  setRunes(ref: CharacterRef, amount: number, note?: string | null): { character: Character; entry: LedgerEntry; previous: number };
  addRunes(ref: CharacterRef, amount: number, note?: string | null): { character: Character; entry: LedgerEntry };
  levelUp(
    ref: CharacterRef,
    stat: Stat | string,
    points?: number,
    note?: string | null,
  ): { character: Character; entry: LedgerEntry; cost: number; fromLevel: number; toLevel: number; stat: Stat; fromValue: number; toValue: number };
  spend(ref: CharacterRef, kind: SpendKind, amount: number, what: string, note?: string | null): { character: Character; entry: LedgerEntry };
  /** Spend on a weapon upgrade and raise the highest upgrade of that path if `toLevel` is higher: one transaction. */
  recordUpgrade(
    ref: CharacterRef,
    upgrade: { amount: number; what: string; path: 'regular' | 'somber'; toLevel: number; note?: string | null },
  ): { character: Character; entry: LedgerEntry; raised: boolean };
  recordDeath(ref: CharacterRef, note?: string | null): { character: Character; dropped: number; lostBloodstain: number; entries: LedgerEntry[] };
  recordRecovery(ref: CharacterRef, note?: string | null): { character: Character; recovered: number; lostToCap: number; entry: LedgerEntry };
  history(ref: CharacterRef, page?: number, pageSize?: number): HistoryPage;
  exportUser(userId: string): ExportDocument;
  importUser(userId: string, document: unknown, options?: ImportOptions): { imported: Character[]; replaced: number; globalActive: Character | null };
  forgetUser(userId: string): { characters: number; ledgerEntries: number; selections: number };
  /** PRAGMA integrity_check, foreign_key_check, and a replay of every ledger against its character. */
  checkIntegrity(): IntegrityReport;
  /** This connection's settings, for diagnostics. */
  settings(): { journalMode: string; foreignKeys: boolean; busyTimeoutMs: number; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'; schemaVersion: number };
  close(): void;
}

interface CharacterRow {
  id: number;
  owner_id: string;
  name: string;
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

interface LedgerRow {
  id: number;
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

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

function isBusy(err: unknown): boolean {
  if (!(err instanceof Database.SqliteError)) return false;
  return err.code.startsWith('SQLITE_BUSY') || err.code.startsWith('SQLITE_LOCKED');
}

function translate(err: unknown): unknown {
  if (err instanceof StoreError) return err;
  if (err instanceof Database.SqliteError) {
    if (isBusy(err)) {
      return new StoreError('busy', 'The character database is busy right now. Nothing was changed; try again in a moment.', { cause: err });
    }
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return new StoreError('name_taken', 'You already have a character with that name.', { cause: err });
    }
    return new StoreError('storage', `The character database failed (${err.code}). Nothing was changed.`, { cause: err });
  }
  return err;
}

function statsOf(row: CharacterRow): Stats {
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

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toCharacter(row: CharacterRow): Character {
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

function toEntry(row: LedgerRow): LedgerEntry {
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

function quote(name: string): string {
  return `“${name}”`;
}

function insufficient(held: number, required: number, what: string): StoreError {
  const shortfall = required - held;
  return new StoreError(
    'insufficient_runes',
    `${what} costs ${fmt(required)} runes but you hold ${fmt(held)}: ${fmt(shortfall)} short. Nothing was spent.`,
    { shortfall, required },
  );
}

function overCap(held: number, amount: number): StoreError {
  return new StoreError(
    'rune_cap',
    `That would make ${fmt(held + amount)} runes held; the game caps held runes at ${fmt(RUNE_CAP)}. Nothing was changed.`,
  );
}

/**
 * Opens (creating if needed) the character database at `path`, or an in-memory one for ':memory:'.
 * Throws SchemaTooNewError if the file was written by a newer schema; StoreError('storage') if it is not
 * a usable SQLite database.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 600;
export const DEFAULT_BUSY_RETRIES = 1;

export function openStore(path: string, options: OpenStoreOptions = {}): CharacterStore {
  const memory = path === ':memory:';
  const fullPath = memory ? path : resolvePath(path);
  // better-sqlite3 waits synchronously: a long wait would freeze the bot's event loop (gateway
  // heartbeats, the router's 2-second defer). Transactions here take milliseconds, so waiting about a
  // second in all before answering "busy, try again" is plenty and keeps Discord's 3-second rule.
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const busyRetries = options.busyRetries ?? DEFAULT_BUSY_RETRIES;
  const now = options.now ?? Date.now;

  function guard<R>(fn: () => R): R {
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (err) {
        if (isBusy(err) && attempt < busyRetries) {
          sleepMs(10 + Math.floor(Math.random() * 40 * (attempt + 1)));
          continue;
        }
        throw translate(err);
      }
    }
  }

  let db: Database.Database;
  try {
    if (!memory) mkdirSync(dirname(fullPath), { recursive: true });
    db = new Database(fullPath, { timeout: busyTimeoutMs });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new StoreError('storage', `Could not open the character database at ${fullPath}: ${message}`, { cause: err });
  }
  try {
    guard(() => {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      // Check the version before touching anything (journal mode included) so a newer file is left as is.
      const version = readUserVersion(db);
      if (version > SCHEMA_VERSION) throw new SchemaTooNewError(fullPath, version, SCHEMA_VERSION);
      if (!memory) db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db, fullPath, MIGRATIONS);
    });
  } catch (err) {
    db.close();
    if (err instanceof StoreError && err.code === 'storage') {
      throw new StoreError('storage', `Could not open the character database at ${fullPath}: ${(err.cause as Error | undefined)?.message ?? err.message}`, {
        cause: err.cause,
      });
    }
    throw err;
  }

  // ---- prepared statements --------------------------------------------------------------------------
  const q = {
    byName: db.prepare<[string, string], CharacterRow>('SELECT * FROM characters WHERE owner_id = ? AND name_key = ?'),
    byOwner: db.prepare<[string], CharacterRow>('SELECT * FROM characters WHERE owner_id = ? ORDER BY created_at, id'),
    countByOwner: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM characters WHERE owner_id = ?'),
    mostRecent: db.prepare<[string], CharacterRow>('SELECT * FROM characters WHERE owner_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO characters (owner_id, name, name_key, class, vigor, mind, endurance, strength, dexterity, intelligence, faith,
         arcane, level, runes_held, bloodstain, journey, max_upgrade_regular, max_upgrade_somber, is_public, created_at, updated_at)
       VALUES (@owner_id, @name, @name_key, @class, @vigor, @mind, @endurance, @strength, @dexterity, @intelligence, @faith,
         @arcane, @level, @runes_held, @bloodstain, @journey, @max_upgrade_regular, @max_upgrade_somber, @is_public, @created_at, @updated_at)`,
    ),
    save: db.prepare(
      `UPDATE characters SET name = @name, name_key = @name_key, vigor = @vigor, mind = @mind, endurance = @endurance,
         strength = @strength, dexterity = @dexterity, intelligence = @intelligence, faith = @faith, arcane = @arcane,
         level = @level, runes_held = @runes_held, bloodstain = @bloodstain, journey = @journey,
         max_upgrade_regular = @max_upgrade_regular, max_upgrade_somber = @max_upgrade_somber, is_public = @is_public,
         updated_at = @updated_at
       WHERE id = @id AND owner_id = @owner_id`,
    ),
    remove: db.prepare<[number, string]>('DELETE FROM characters WHERE id = ? AND owner_id = ?'),
    insertEntry: db.prepare(
      `INSERT INTO rune_ledger (character_id, owner_id, kind, amount, balance_after, bloodstain_after, lost, stat, points, item, note, created_at)
       VALUES (@character_id, @owner_id, @kind, @amount, @balance_after, @bloodstain_after, @lost, @stat, @points, @item, @note, @created_at)`,
    ),
    entryCount: db.prepare<[number, string], { n: number }>('SELECT COUNT(*) AS n FROM rune_ledger WHERE character_id = ? AND owner_id = ?'),
    entryPage: db.prepare<[number, string, number, number], LedgerRow>(
      'SELECT * FROM rune_ledger WHERE character_id = ? AND owner_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
    ),
    entriesAll: db.prepare<[number, string], LedgerRow>('SELECT * FROM rune_ledger WHERE character_id = ? AND owner_id = ? ORDER BY id'),
    totals: db.prepare<[number, string], { kind: LedgerKind; amount: number; lost: number; n: number }>(
      'SELECT kind, SUM(amount) AS amount, SUM(lost) AS lost, COUNT(*) AS n FROM rune_ledger WHERE character_id = ? AND owner_id = ? GROUP BY kind',
    ),
    ownerEntryCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM rune_ledger WHERE owner_id = ?'),
    globalActive: db.prepare<[string], CharacterRow>(
      'SELECT c.* FROM active_global a JOIN characters c ON c.id = a.character_id AND c.owner_id = a.user_id WHERE a.user_id = ?',
    ),
    guildActive: db.prepare<[string, string], CharacterRow>(
      'SELECT c.* FROM active_guild a JOIN characters c ON c.id = a.character_id AND c.owner_id = a.user_id WHERE a.user_id = ? AND a.guild_id = ?',
    ),
    guildOverrides: db.prepare<[string], { guild_id: string; name: string }>(
      'SELECT a.guild_id, c.name FROM active_guild a JOIN characters c ON c.id = a.character_id AND c.owner_id = a.user_id WHERE a.user_id = ? ORDER BY a.guild_id',
    ),
    setGlobal: db.prepare<[string, number]>(
      'INSERT INTO active_global (user_id, character_id) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET character_id = excluded.character_id',
    ),
    setGuild: db.prepare<[string, string, number]>(
      `INSERT INTO active_guild (user_id, guild_id, character_id) VALUES (?, ?, ?)
       ON CONFLICT (user_id, guild_id) DO UPDATE SET character_id = excluded.character_id`,
    ),
    clearGuild: db.prepare<[string, string]>('DELETE FROM active_guild WHERE user_id = ? AND guild_id = ?'),
    forgetGlobal: db.prepare<[string]>('DELETE FROM active_global WHERE user_id = ?'),
    forgetGuild: db.prepare<[string]>('DELETE FROM active_guild WHERE user_id = ?'),
    forgetLedger: db.prepare<[string]>('DELETE FROM rune_ledger WHERE owner_id = ?'),
    forgetCharacters: db.prepare<[string]>('DELETE FROM characters WHERE owner_id = ?'),
    allCharacters: db.prepare<[], CharacterRow>('SELECT * FROM characters ORDER BY id'),
  };

  // ---- helpers (run inside a transaction) ------------------------------------------------------------
  function activeRow(userId: string, guildId: string | null): CharacterRow | undefined {
    if (guildId !== null) {
      const override = q.guildActive.get(userId, guildId);
      if (override) return override;
    }
    return q.globalActive.get(userId);
  }

  function optionalGuild(guildId: string | null | undefined): string | null {
    return guildId === undefined || guildId === null ? null : cleanId(guildId, 'Server id');
  }

  /** The acting user's character named in `ref`, or their active one. Never another user's row. */
  function resolve(ref: CharacterRef): CharacterRow {
    if (ref === null || typeof ref !== 'object') throw new StoreError('invalid', 'A character reference is required.');
    const userId = cleanId(ref.userId, 'User id');
    if (ref.name !== undefined && ref.name !== null && (typeof ref.name !== 'string' || ref.name.trim() !== '')) {
      const name = cleanName(ref.name);
      const row = q.byName.get(userId, nameKey(name));
      if (!row) throw new StoreError('not_found', `You have no character named ${quote(name)}.`);
      return row;
    }
    const row = activeRow(userId, optionalGuild(ref.guildId));
    if (!row) throw new StoreError('no_active', 'You have no active character. Create one, or switch to one of yours.');
    return row;
  }

  function save(row: CharacterRow): void {
    row.updated_at = now();
    const info = q.save.run(row);
    if (info.changes !== 1) throw new Error(`character ${row.id} was not updated`); // cannot happen under the write lock
  }

  interface PostExtras {
    lost?: number;
    stat?: Stat | null;
    points?: number | null;
    item?: string | null;
    note?: string | null;
    /** New bloodstain; undefined keeps the current one. */
    bloodstainAfter?: number | null;
  }

  /** Applies `amount` to the row's runes held (and bloodstain) and appends the matching ledger entry. */
  function post(row: CharacterRow, kind: LedgerKind, amount: number, extras: PostExtras, at: number): LedgerEntry {
    const held = row.runes_held + amount;
    if (held < 0 || held > RUNE_CAP || !Number.isSafeInteger(held)) throw new Error(`ledger post would leave ${held} runes`); // callers check first
    row.runes_held = held;
    if (extras.bloodstainAfter !== undefined) row.bloodstain = extras.bloodstainAfter;
    const entry: Omit<LedgerRow, 'id'> = {
      character_id: row.id,
      owner_id: row.owner_id,
      kind,
      amount,
      balance_after: held,
      bloodstain_after: row.bloodstain,
      lost: extras.lost ?? 0,
      stat: extras.stat ?? null,
      points: extras.points ?? null,
      item: extras.item ?? null,
      note: extras.note ?? null,
      created_at: at,
    };
    const info = q.insertEntry.run(entry);
    return toEntry({ id: Number(info.lastInsertRowid), ...entry });
  }

  function write<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    const txn = db.transaction(fn);
    return (...args: A): R => guard(() => txn.immediate(...args));
  }

  function read<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    const txn = db.transaction(fn);
    return (...args: A): R => guard(() => txn.deferred(...args));
  }

  function newRow(userId: string, name: string, className: string, stats: Stats, extra: Partial<CharacterRow>, at: number): CharacterRow {
    return {
      id: 0,
      owner_id: userId,
      name,
      name_key: nameKey(name),
      class: className,
      ...stats,
      level: levelFromStats(stats),
      runes_held: 0,
      bloodstain: null,
      journey: 1,
      max_upgrade_regular: 0,
      max_upgrade_somber: 0,
      is_public: 0,
      created_at: at,
      updated_at: at,
      ...extra,
    };
  }

  function insertRow(row: CharacterRow): CharacterRow {
    const { id: _id, ...values } = row;
    const info = q.insert.run(values);
    return { ...row, id: Number(info.lastInsertRowid) };
  }

  function checkProgress(progress: ProgressInput, row: CharacterRow): void {
    if (progress.journey !== undefined) row.journey = requireInteger(progress.journey, 'Journey', 1, MAX_JOURNEY);
    const up = progress.maxUpgrade;
    if (up !== undefined) {
      if (up.regular !== undefined) row.max_upgrade_regular = requireInteger(up.regular, 'Highest regular weapon upgrade', 0, MAX_REGULAR_UPGRADE);
      if (up.somber !== undefined) row.max_upgrade_somber = requireInteger(up.somber, 'Highest somber weapon upgrade', 0, MAX_SOMBER_UPGRADE);
    }
  }

  function classOf(row: CharacterRow) {
    const cls = findClass(row.class);
    if (!cls) throw new Error(`character ${row.id} has unknown class ${row.class}`);
    return cls;
  }

  // ---- operations -------------------------------------------------------------------------------------
  const createCharacter = write((userIdRaw: string, input: CreateCharacterInput) => {
    const userId = cleanId(userIdRaw, 'User id');
    if (input === null || typeof input !== 'object') throw new StoreError('invalid', 'Character details are required.');
    const name = cleanName(input.name);
    const cls = requireClass(input.className);
    const stats = input.stats === undefined ? { ...cls.stats } : mergeStats(cls, cls.stats, input.stats);
    if (q.countByOwner.get(userId)!.n >= MAX_CHARACTERS_PER_USER) {
      throw new StoreError('limit', `You already have ${MAX_CHARACTERS_PER_USER} characters, the most allowed. Delete one first.`);
    }
    if (q.byName.get(userId, nameKey(name))) throw new StoreError('name_taken', `You already have a character named ${quote(name)}.`);
    const at = now();
    const row = newRow(userId, name, cls.name, stats, { is_public: input.isPublic === true ? 1 : 0 }, at);
    checkProgress({ journey: input.journey, maxUpgrade: input.maxUpgrade }, row);
    const saved = insertRow(row);
    const madeActive = q.globalActive.get(userId) === undefined;
    if (madeActive) q.setGlobal.run(userId, saved.id);
    return { character: toCharacter(saved), madeActive };
  });

  const listCharacters = read((userIdRaw: string, guildIdRaw?: string | null): CharacterListing => {
    const userId = cleanId(userIdRaw, 'User id');
    const guildId = optionalGuild(guildIdRaw);
    const global = q.globalActive.get(userId);
    const override = guildId === null ? undefined : q.guildActive.get(userId, guildId);
    return {
      characters: q.byOwner.all(userId).map(toCharacter),
      active: (override ?? global)?.name ?? null,
      globalActive: global?.name ?? null,
      guildOverride: override?.name ?? null,
    };
  });

  const getCharacter = read((viewerRaw: string, target: { ownerId?: string; name?: string | null; guildId?: string | null } = {}): Character => {
    const viewerId = cleanId(viewerRaw, 'User id');
    const ownerId = target.ownerId === undefined ? viewerId : cleanId(target.ownerId, 'User id');
    const own = ownerId === viewerId;
    if (target === null || typeof target !== 'object') throw new StoreError('invalid', 'Which character to show is required.');
    const hasName = target.name !== undefined && target.name !== null && (typeof target.name !== 'string' || target.name.trim() !== '');
    const name = hasName ? cleanName(target.name) : null;
    const row = name !== null ? q.byName.get(ownerId, nameKey(name)) : activeRow(ownerId, optionalGuild(target.guildId));
    if (own) {
      if (row) return toCharacter(row);
      if (name !== null) throw new StoreError('not_found', `You have no character named ${quote(name)}.`);
      throw new StoreError('no_active', 'You have no active character. Create one, or switch to one of yours.');
    }
    // Another user's: only public ones, and a private one is reported exactly like a missing one.
    if (row && row.is_public === 1) return toCharacter(row);
    throw new StoreError(
      'not_found',
      name !== null ? `That player has no public character named ${quote(name)}.` : 'That player has no public active character.',
    );
  });

  const getActiveCharacter = read((userIdRaw: string, guildIdRaw?: string | null): Character | null => {
    const row = activeRow(cleanId(userIdRaw, 'User id'), optionalGuild(guildIdRaw));
    return row ? toCharacter(row) : null;
  });

  const switchActive = write((userIdRaw: string, nameRaw: string, guildIdRaw?: string | null) => {
    const userId = cleanId(userIdRaw, 'User id');
    const guildId = optionalGuild(guildIdRaw);
    const row = resolve({ userId, name: cleanName(nameRaw) });
    const previousRow = guildId === null ? q.globalActive.get(userId) : q.guildActive.get(userId, guildId);
    if (guildId === null) q.setGlobal.run(userId, row.id);
    else q.setGuild.run(userId, guildId, row.id);
    return { character: toCharacter(row), scope: guildId === null ? ('global' as const) : ('guild' as const), previous: previousRow ? toCharacter(previousRow) : null };
  });

  const clearGuildOverride = write((userIdRaw: string, guildIdRaw: string) => {
    const userId = cleanId(userIdRaw, 'User id');
    const guildId = cleanId(guildIdRaw, 'Server id');
    const cleared = q.clearGuild.run(userId, guildId).changes > 0;
    const active = q.globalActive.get(userId);
    return { cleared, active: active ? toCharacter(active) : null };
  });

  const renameCharacter = write((ref: CharacterRef, newNameRaw: string) => {
    const row = resolve(ref);
    const name = cleanName(newNameRaw, 'New name');
    const key = nameKey(name);
    if (key !== row.name_key && q.byName.get(row.owner_id, key)) throw new StoreError('name_taken', `You already have a character named ${quote(name)}.`);
    const previousName = row.name;
    row.name = name;
    row.name_key = key;
    save(row);
    return { character: toCharacter(row), previousName };
  });

  const deleteCharacter = write((ref: CharacterRef) => {
    const row = resolve(ref);
    const wasGlobalActive = q.globalActive.get(row.owner_id)?.id === row.id;
    const ledgerEntriesDeleted = q.entryCount.get(row.id, row.owner_id)!.n;
    q.remove.run(row.id, row.owner_id); // cascades to its ledger and to selections pointing at it
    let global = q.globalActive.get(row.owner_id);
    if (!global) {
      global = q.mostRecent.get(row.owner_id);
      if (global) q.setGlobal.run(row.owner_id, global.id);
    }
    return { deleted: toCharacter(row), wasGlobalActive, globalActive: global ? toCharacter(global) : null, ledgerEntriesDeleted };
  });

  const setVisibility = write((ref: CharacterRef, isPublic: boolean) => {
    if (typeof isPublic !== 'boolean') throw new StoreError('invalid', 'Visibility must be public or private.');
    const row = resolve(ref);
    const value = isPublic ? 1 : 0;
    const changed = row.is_public !== value;
    if (changed) {
      row.is_public = value;
      save(row);
    }
    return { character: toCharacter(row), changed };
  });

  const setStats = write((ref: CharacterRef, changes: Partial<Stats>) => {
    const row = resolve(ref);
    const previousStats = statsOf(row);
    const stats = mergeStats(classOf(row), previousStats, changes);
    Object.assign(row, stats);
    row.level = levelFromStats(stats);
    save(row);
    return { character: toCharacter(row), previousStats, previousLevel: levelFromStats(previousStats) };
  });

  const setProgress = write((ref: CharacterRef, progress: ProgressInput) => {
    if (progress === null || typeof progress !== 'object') throw new StoreError('invalid', 'Progress details are required.');
    const row = resolve(ref);
    checkProgress(progress, row);
    save(row);
    return { character: toCharacter(row) };
  });

  const setRunes = write((ref: CharacterRef, amountRaw: number, noteRaw?: string | null) => {
    const amount = requireInteger(amountRaw, 'Runes held', 0, RUNE_CAP);
    const note = cleanNote(noteRaw);
    const row = resolve(ref);
    const previous = row.runes_held;
    const entry = post(row, 'correction', amount - previous, { note }, now());
    save(row);
    return { character: toCharacter(row), entry, previous };
  });

  const addRunes = write((ref: CharacterRef, amountRaw: number, noteRaw?: string | null) => {
    const amount = requireInteger(amountRaw, 'Runes to add', -RUNE_CAP, RUNE_CAP);
    if (amount === 0) throw new StoreError('invalid', 'Runes to add must not be 0.');
    const note = cleanNote(noteRaw);
    const row = resolve(ref);
    if (amount < 0 && row.runes_held + amount < 0) {
      throw new StoreError(
        'insufficient_runes',
        `You hold ${fmt(row.runes_held)} runes, so ${fmt(-amount)} can't be taken away. Nothing was changed.`,
        { shortfall: -amount - row.runes_held, required: -amount },
      );
    }
    if (row.runes_held + amount > RUNE_CAP) throw overCap(row.runes_held, amount);
    const entry = post(row, amount > 0 ? 'earned' : 'correction', amount, { note }, now());
    save(row);
    return { character: toCharacter(row), entry };
  });

  const levelUp = write((ref: CharacterRef, statRaw: Stat | string, pointsRaw: number = 1, noteRaw?: string | null) => {
    const stat = requireStat(statRaw);
    const points = requireInteger(pointsRaw, 'Points', 1, 98);
    const note = cleanNote(noteRaw);
    const row = resolve(ref);
    const fromValue = row[stat];
    const toValue = fromValue + points;
    if (toValue > 99) {
      throw new StoreError(
        'invalid',
        `${statLabel(stat)} is ${fromValue}; ${points} more point${points === 1 ? '' : 's'} would take it to ${toValue}, above the maximum of 99.`,
      );
    }
    checkStatValue(classOf(row), stat, toValue);
    const fromLevel = row.level;
    const toLevel = fromLevel + points;
    const cost = runesBetween(fromLevel, toLevel);
    if (row.runes_held < cost) {
      throw insufficient(row.runes_held, cost, `Levelling ${statLabel(stat)} from ${fromValue} to ${toValue} (level ${fromLevel} → ${toLevel})`);
    }
    row[stat] = toValue;
    row.level = toLevel;
    const entry = post(row, 'level_up', -cost, { stat, points, note }, now());
    save(row);
    return { character: toCharacter(row), entry, cost, fromLevel, toLevel, stat, fromValue, toValue };
  });

  const spend = write((ref: CharacterRef, kind: SpendKind, amountRaw: number, whatRaw: string, noteRaw?: string | null) => {
    if (kind !== 'purchase' && kind !== 'upgrade') throw new StoreError('invalid', 'Spending must be a purchase or an upgrade.');
    const amount = requireInteger(amountRaw, 'Cost', 1, RUNE_CAP);
    const item = cleanText(whatRaw, kind === 'purchase' ? 'Item' : 'Weapon', ITEM_MAX_LENGTH, true)!;
    const note = cleanNote(noteRaw);
    const row = resolve(ref);
    if (row.runes_held < amount) throw insufficient(row.runes_held, amount, kind === 'purchase' ? `Buying ${item}` : `Upgrading ${item}`);
    const entry = post(row, kind, -amount, { item, note }, now());
    save(row);
    return { character: toCharacter(row), entry };
  });

  const recordUpgrade = write(
    (ref: CharacterRef, upgrade: { amount: number; what: string; path: 'regular' | 'somber'; toLevel: number; note?: string | null }) => {
      if (upgrade === null || typeof upgrade !== 'object') throw new StoreError('invalid', 'Upgrade details are required.');
      if (upgrade.path !== 'regular' && upgrade.path !== 'somber') throw new StoreError('invalid', 'The upgrade path must be regular or somber.');
      const amount = requireInteger(upgrade.amount, 'Cost', 1, RUNE_CAP);
      const toLevel = requireInteger(upgrade.toLevel, 'Upgrade level', 1, upgrade.path === 'regular' ? 25 : 10);
      const item = cleanText(upgrade.what, 'Weapon', ITEM_MAX_LENGTH, true)!;
      const note = cleanNote(upgrade.note);
      const row = resolve(ref);
      if (row.runes_held < amount) throw insufficient(row.runes_held, amount, `Upgrading ${item}`);
      const entry = post(row, 'upgrade', -amount, { item, note }, now());
      const column = upgrade.path === 'regular' ? 'max_upgrade_regular' : 'max_upgrade_somber';
      const raised = toLevel > row[column];
      if (raised) row[column] = toLevel;
      save(row);
      return { character: toCharacter(row), entry, raised };
    },
  );

  const recordDeath = write((ref: CharacterRef, noteRaw?: string | null) => {
    const note = cleanNote(noteRaw);
    const row = resolve(ref);
    const at = now();
    const entries: LedgerEntry[] = [];
    const lostBloodstain = row.bloodstain ?? 0;
    if (row.bloodstain !== null) entries.push(post(row, 'lost', 0, { lost: row.bloodstain, bloodstainAfter: null, note }, at));
    const dropped = row.runes_held;
    entries.push(post(row, 'death_drop', -dropped, { bloodstainAfter: dropped > 0 ? dropped : null, note }, at));
    save(row);
    return { character: toCharacter(row), dropped, lostBloodstain, entries };
  });

  const recordRecovery = write((ref: CharacterRef, noteRaw?: string | null) => {
    const note = cleanNote(noteRaw);
    const row = resolve(ref);
    if (row.bloodstain === null) throw new StoreError('no_bloodstain', `${quote(row.name)} has no bloodstain to recover.`);
    const stain = row.bloodstain;
    const recovered = Math.min(stain, RUNE_CAP - row.runes_held);
    const lostToCap = stain - recovered;
    const entry = post(row, 'recovered', recovered, { lost: lostToCap, bloodstainAfter: null, note }, now());
    save(row);
    return { character: toCharacter(row), recovered, lostToCap, entry };
  });

  const history = read((ref: CharacterRef, pageRaw: number = 1, pageSizeRaw: number = 10): HistoryPage => {
    const pageSize = requireInteger(pageSizeRaw, 'Page size', 1, 100);
    const pageWanted = requireInteger(pageRaw, 'Page', 1, Number.MAX_SAFE_INTEGER);
    const row = resolve(ref);
    const count = q.entryCount.get(row.id, row.owner_id)!.n;
    const pageCount = Math.max(1, Math.ceil(count / pageSize));
    const page = Math.min(pageWanted, pageCount);
    const entries = q.entryPage.all(row.id, row.owner_id, pageSize, (page - 1) * pageSize).map(toEntry);
    const totals: HistoryTotals = {
      earned: 0,
      spent: { level_up: 0, purchase: 0, upgrade: 0, total: 0 },
      lost: 0,
      dropped: 0,
      recovered: 0,
      corrections: 0,
      deaths: 0,
      entries: count,
    };
    for (const t of q.totals.all(row.id, row.owner_id)) {
      totals.lost += t.lost;
      switch (t.kind) {
        case 'earned':
          totals.earned = t.amount;
          break;
        case 'level_up':
        case 'purchase':
        case 'upgrade':
          totals.spent[t.kind] = -t.amount;
          totals.spent.total += -t.amount;
          break;
        case 'death_drop':
          totals.dropped = -t.amount;
          totals.deaths = t.n;
          break;
        case 'recovered':
          totals.recovered = t.amount;
          break;
        case 'correction':
          totals.corrections = t.amount;
          break;
        case 'lost':
          break;
      }
    }
    return { character: toCharacter(row), entries, page, pageSize, pageCount, totals };
  });

  const exportUser = read((userIdRaw: string): ExportDocument => {
    const userId = cleanId(userIdRaw, 'User id');
    const characters: ExportedCharacter[] = q.byOwner.all(userId).map((row) => ({
      name: row.name,
      class: row.class,
      stats: statsOf(row),
      level: row.level,
      runesHeld: row.runes_held,
      bloodstain: row.bloodstain,
      journey: row.journey,
      maxUpgrade: { regular: row.max_upgrade_regular, somber: row.max_upgrade_somber },
      public: row.is_public === 1,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      ledger: q.entriesAll.all(row.id, userId).map((e) => ({
        kind: e.kind,
        amount: e.amount,
        balanceAfter: e.balance_after,
        bloodstainAfter: e.bloodstain_after,
        lost: e.lost,
        stat: e.stat,
        points: e.points,
        item: e.item,
        note: e.note,
        at: iso(e.created_at),
      })),
    }));
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: iso(now()),
      userId,
      active: q.globalActive.get(userId)?.name ?? null,
      guildOverrides: q.guildOverrides.all(userId).map((o) => ({ guildId: o.guild_id, character: o.name })),
      characters,
    };
  });

  const importUser = write((userIdRaw: string, input: unknown, options: ImportOptions = {}) => {
    const userId = cleanId(userIdRaw, 'User id');
    const mode = options.mode ?? 'merge';
    if (mode !== 'merge' && mode !== 'replace') throw new StoreError('invalid', 'Import mode must be merge or replace.');
    const parsed = parseExportDocument(input);
    if (!parsed.ok) {
      const shown = parsed.issues.slice(0, 20);
      const more = parsed.issues.length - shown.length;
      throw new StoreError(
        'invalid',
        `The file was not imported (nothing was changed):\n${shown.map((i) => `• ${i}`).join('\n')}${more > 0 ? `\n…and ${more} more.` : ''}`,
        { issues: parsed.issues },
      );
    }
    const doc = parsed.document;
    let replaced = 0;
    if (mode === 'replace') {
      replaced = q.countByOwner.get(userId)!.n;
      q.forgetGuild.run(userId);
      q.forgetGlobal.run(userId);
      q.forgetLedger.run(userId);
      q.forgetCharacters.run(userId);
    } else {
      const clashes = doc.characters.filter((c) => q.byName.get(userId, nameKey(c.name)) !== undefined).map((c) => c.name);
      if (clashes.length > 0) {
        throw new StoreError(
          'name_taken',
          `The file was not imported (nothing was changed): you already have ${clashes.length === 1 ? 'a character' : 'characters'} named ${clashes.map(quote).join(', ')}. Rename or delete ${clashes.length === 1 ? 'it' : 'them'} first, or import in replace mode.`,
          { issues: clashes.map((n) => `characters: "${n}" already exists`) },
        );
      }
      const total = q.countByOwner.get(userId)!.n + doc.characters.length;
      if (total > MAX_CHARACTERS_PER_USER) {
        throw new StoreError(
          'limit',
          `The file was not imported (nothing was changed): it would give you ${total} characters, above the limit of ${MAX_CHARACTERS_PER_USER}.`,
        );
      }
    }
    const byKey = new Map<string, CharacterRow>();
    const imported: Character[] = [];
    for (const c of doc.characters) {
      const stats = c.stats as Stats;
      let row = newRow(
        userId,
        c.name,
        c.class,
        stats,
        {
          runes_held: c.runesHeld,
          bloodstain: c.bloodstain,
          journey: c.journey,
          max_upgrade_regular: c.maxUpgrade.regular,
          max_upgrade_somber: c.maxUpgrade.somber,
          is_public: c.public ? 1 : 0,
          updated_at: Date.parse(c.updatedAt),
        },
        Date.parse(c.createdAt),
      );
      row = insertRow(row);
      for (const e of c.ledger) {
        q.insertEntry.run({
          character_id: row.id,
          owner_id: userId,
          kind: e.kind,
          amount: e.amount,
          balance_after: e.balanceAfter,
          bloodstain_after: e.bloodstainAfter,
          lost: e.lost,
          stat: e.stat,
          points: e.points,
          item: e.item,
          note: e.note,
          created_at: Date.parse(e.at),
        });
      }
      byKey.set(row.name_key, row);
      imported.push(toCharacter(row));
    }
    const pick = (name: string | null): CharacterRow | undefined => (name === null ? undefined : byKey.get(nameKey(cleanName(name))));
    if (!q.globalActive.get(userId)) {
      const chosen = pick(doc.active) ?? [...byKey.values()][0];
      if (chosen) q.setGlobal.run(userId, chosen.id);
    }
    for (const o of doc.guildOverrides) {
      const chosen = pick(o.character);
      if (chosen && !q.guildActive.get(userId, o.guildId)) q.setGuild.run(userId, o.guildId, chosen.id);
    }
    const global = q.globalActive.get(userId);
    return { imported, replaced, globalActive: global ? toCharacter(global) : null };
  });

  const forgetUser = write((userIdRaw: string) => {
    const userId = cleanId(userIdRaw, 'User id');
    const selections = q.forgetGuild.run(userId).changes + q.forgetGlobal.run(userId).changes;
    const ledgerEntries = q.forgetLedger.run(userId).changes;
    const characters = q.forgetCharacters.run(userId).changes;
    return { characters, ledgerEntries, selections };
  });

  const checkIntegrity = read((): IntegrityReport => {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    for (const r of integrity) if (r.integrity_check !== 'ok') problems.push(`integrity_check: ${r.integrity_check}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violation(s)`);
    for (const row of q.allCharacters.all()) {
      const entries = q.entriesAll.all(row.id, row.owner_id).map((e) => ({
        kind: e.kind,
        amount: e.amount,
        balanceAfter: e.balance_after,
        bloodstainAfter: e.bloodstain_after,
        lost: e.lost,
      }));
      problems.push(...replayLedger(entries, { runesHeld: row.runes_held, bloodstain: row.bloodstain }, `character ${row.id} (${row.owner_id}/${row.name})`));
      const cls = findClass(row.class);
      if (!cls) problems.push(`character ${row.id}: unknown class ${row.class}`);
      else for (const s of STAT_KEYS) if (row[s] < cls.stats[s]) problems.push(`character ${row.id}: ${s} ${row[s]} below the class minimum`);
    }
    return { ok: problems.length === 0, problems };
  });

  const settings = () => ({
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1,
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[Number(db.pragma('synchronous', { simple: true }))] ?? 'FULL',
    schemaVersion: readUserVersion(db),
  });

  let closed = false;
  return {
    path: fullPath,
    schemaVersion: SCHEMA_VERSION,
    createCharacter,
    listCharacters,
    getCharacter,
    getActiveCharacter,
    switchActive,
    clearGuildOverride,
    renameCharacter,
    deleteCharacter,
    setVisibility,
    setStats,
    setProgress,
    setRunes,
    addRunes,
    levelUp,
    spend,
    recordUpgrade,
    recordDeath,
    recordRecovery,
    history,
    exportUser,
    importUser,
    forgetUser,
    checkIntegrity,
    settings,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
