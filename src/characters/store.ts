// The character store: every operation at a glance, each one transaction returning a Promise, over
// SQLite (the embedded default) or PostgreSQL through one code path (db.ts). Plain values in and out; no
// discord.js, no player-facing words (errors are StoreError { code, data }: see errors.ts).
//
// Ownership: every function takes the acting user's id and only ever reads or writes that user's rows;
// another user's character is only ever returned by getCharacter, and only when it is public.
// Active characters and their rules: selections.ts. Runes and the ledger: ledger.ts. Export, import and
// forget-me: transfer.ts. The audit: integrity.ts.
//
// Character-changing operations also return `view`: the character's card (newest entries, their count,
// the active mark in the reference's server) read in the same transaction, so a command that changes a
// character and shows it runs one transaction, not three.

import { resolve as resolvePath } from 'node:path';
import type { Stat, Stats } from '../game/classes.ts';
import * as characters from './characters.ts';
import { openDb, targetOf, redactUrl, type Backend, type Db, type DbOptions, type DbSettings, type StoreTarget } from './db.ts';
import { StoreError } from './errors.ts';
import { installSecret } from './install.ts';
import { checkIntegrity, type IntegrityReport } from './integrity.ts';
import * as ledger from './ledger.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import type { StoreContext } from './rows.ts';
import type { ExportDocument } from './schema.ts';
import * as selections from './selections.ts';
import * as transfer from './transfer.ts';
import type { Character, CharacterListing, CharacterRef, CharacterView, HistoryPage, LedgerEntry, SpendKind, UserDataSummary } from './types.ts';

export type { CreateCharacterInput, ProgressInput, CharacterTarget } from './characters.ts';
export type { SwitchOptions, SwitchResult } from './selections.ts';
export type { ImportOptions, ImportResult } from './transfer.ts';
export type { UpgradeInput } from './ledger.ts';
export type { IntegrityReport } from './integrity.ts';
export type { Backend, DbSettings, StoreTarget } from './db.ts';
export type { CharacterListing } from './types.ts';
export { DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_RETRY_BUDGET_MS } from './db.ts';

export interface OpenStoreOptions extends DbOptions {
  /** Clock in ms since the epoch (tests). */
  now?: () => number;
}

/** A change to a character, with its card after the change. */
interface Changed {
  character: Character;
  view: CharacterView;
}

export interface CharacterStore {
  readonly backend: Backend;
  /** The SQLite file (absolute), ':memory:', or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Same as `location` (the name the SQLite-only store had). */
  readonly path: string;
  readonly schemaVersion: number;
  /** Opens and migrates the database now (otherwise the first operation does); rejects with why it cannot. */
  ready(): Promise<void>;

  // characters.ts
  createCharacter(userId: string, input: characters.CreateCharacterInput): Promise<Changed & { madeActive: boolean }>;
  listCharacters(userId: string, guildId?: string | null): Promise<CharacterListing>;
  /** Another user's public characters (never a private one). */
  listPublicCharacters(viewerId: string, ownerId: string): Promise<Character[]>;
  getCharacter(viewerId: string, target?: characters.CharacterTarget): Promise<Character>;
  /** The viewer's own character with its card data (newest `recent` entries, default 3). */
  getCharacterView(viewerId: string, target?: characters.CharacterTarget, recent?: number): Promise<CharacterView>;
  getActiveCharacter(userId: string, guildId?: string | null): Promise<Character | null>;
  renameCharacter(ref: CharacterRef, newName: string): Promise<Changed & { previousName: string }>;
  deleteCharacter(ref: CharacterRef): Promise<{ deleted: Character; wasGlobalActive: boolean; globalActive: Character | null; ledgerEntriesDeleted: number }>;
  setVisibility(ref: CharacterRef, isPublic: boolean): Promise<Changed & { changed: boolean }>;
  setStats(ref: CharacterRef, stats: Partial<Stats>): Promise<Changed & { previousStats: Stats; previousLevel: number }>;
  setProgress(ref: CharacterRef, progress: characters.ProgressInput): Promise<Changed>;

  // selections.ts
  switchActive(userId: string, name: string, guildId?: string | null, options?: selections.SwitchOptions): Promise<selections.SwitchResult>;
  clearGuildOverride(userId: string, guildId: string): Promise<{ cleared: boolean; active: Character | null }>;

  // ledger.ts
  setRunes(ref: CharacterRef, amount: number, note?: string | null): Promise<Changed & { entry: LedgerEntry; previous: number }>;
  addRunes(ref: CharacterRef, amount: number, note?: string | null): Promise<Changed & { entry: LedgerEntry }>;
  levelUp(
    ref: CharacterRef,
    stat: Stat | string,
    points?: number,
    note?: string | null,
  ): Promise<Changed & { entry: LedgerEntry; cost: number; fromLevel: number; toLevel: number; stat: Stat; fromValue: number; toValue: number }>;
  spend(ref: CharacterRef, kind: SpendKind, amount: number, what: string, note?: string | null): Promise<Changed & { entry: LedgerEntry }>;
  /** Spend on a weapon upgrade and raise the highest upgrade of that path if `toLevel` is higher: one transaction. */
  recordUpgrade(ref: CharacterRef, upgrade: ledger.UpgradeInput): Promise<Changed & { entry: LedgerEntry; raised: boolean }>;
  recordDeath(ref: CharacterRef, note?: string | null): Promise<Changed & { dropped: number; lostBloodstain: number; entries: LedgerEntry[] }>;
  recordRecovery(ref: CharacterRef, note?: string | null): Promise<Changed & { recovered: number; lostToCap: number; entry: LedgerEntry }>;
  history(ref: CharacterRef, page?: number, pageSize?: number): Promise<HistoryPage>;

  // transfer.ts
  exportUser(userId: string): Promise<ExportDocument>;
  importUser(userId: string, document: unknown, options?: transfer.ImportOptions): Promise<transfer.ImportResult>;
  /** For the forget-me confirmation: names, and COUNTs of ledger entries and selections. */
  summarizeUser(userId: string): Promise<UserDataSummary>;
  forgetUser(userId: string): Promise<{ characters: number; ledgerEntries: number; selections: number }>;

  // install.ts, integrity.ts, db.ts
  /** 32 random bytes made on first call and kept in the database: the same for every process using it. */
  installSecret(): Promise<Buffer>;
  /** SQLite integrity_check and foreign_key_check, and a replay of every ledger against its character. */
  checkIntegrity(): Promise<IntegrityReport>;
  /** The connection's settings, for diagnostics. */
  settings(): Promise<DbSettings>;
  close(): Promise<void>;
}

/**
 * A store for `location` (a SQLite path, ':memory:', or postgres://…) that opens on first use (or on
 * ready()); a failed open is tried again by the next call.
 */
export function createStore(location: string | StoreTarget, options: OpenStoreOptions = {}): CharacterStore {
  const target = targetOf(location);
  const shown = target.backend === 'sqlite' ? (target.path === ':memory:' ? target.path : resolvePath(target.path)) : redactUrl(target.url);
  const now = options.now ?? Date.now;
  let opening: Promise<StoreContext> | null = null;
  let closed = false;
  let secret: Promise<Buffer> | null = null;

  const context = (): Promise<StoreContext> => {
    if (closed) return Promise.reject(new StoreError('closed', {}));
    opening ??= openDb(target, options).then(
      (db: Db) => ({ db, now }),
      (err: unknown) => {
        opening = null;
        throw err;
      },
    );
    return opening;
  };
  // Each operation waits for the database, then runs (argument checks included) as a rejected or resolved Promise.
  const op =
    <A extends unknown[], R>(fn: (ctx: StoreContext, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> =>
      fn(await context(), ...args);

  return {
    backend: target.backend,
    location: shown,
    path: shown,
    schemaVersion: SCHEMA_VERSION,
    async ready() {
      await context();
    },
    createCharacter: op(characters.createCharacter),
    listCharacters: op(characters.listCharacters),
    listPublicCharacters: op(characters.listPublicCharacters),
    getCharacter: op(characters.getCharacter),
    getCharacterView: op(characters.getCharacterView),
    getActiveCharacter: op(characters.getActiveCharacter),
    renameCharacter: op(characters.renameCharacter),
    deleteCharacter: op(characters.deleteCharacter),
    setVisibility: op(characters.setVisibility),
    setStats: op(characters.setStats),
    setProgress: op(characters.setProgress),
    switchActive: op(selections.switchActive),
    clearGuildOverride: op(selections.clearGuildOverride),
    setRunes: op(ledger.setRunes),
    addRunes: op(ledger.addRunes),
    levelUp: op(ledger.levelUp),
    spend: op(ledger.spend),
    recordUpgrade: op(ledger.recordUpgrade),
    recordDeath: op(ledger.recordDeath),
    recordRecovery: op(ledger.recordRecovery),
    history: op(ledger.history),
    exportUser: op(transfer.exportUser),
    importUser: op(transfer.importUser),
    summarizeUser: op(transfer.summarizeUser),
    forgetUser: op(transfer.forgetUser),
    installSecret() {
      secret ??= op(installSecret)().catch((err: unknown) => {
        secret = null;
        throw err;
      });
      return secret;
    },
    checkIntegrity: op(checkIntegrity),
    settings: op(async (ctx) => ctx.db.settings()),
    async close() {
      if (closed) return;
      closed = true;
      const pending = opening;
      opening = null;
      if (pending) await (await pending.catch(() => null))?.db.close();
    },
  };
}

/** Opens (creating and migrating if needed) the store; rejects with SchemaTooNewError or StoreError('storage'). */
export async function openStore(location: string | StoreTarget, options: OpenStoreOptions = {}): Promise<CharacterStore> {
  const store = createStore(location, options);
  try {
    await store.ready();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
