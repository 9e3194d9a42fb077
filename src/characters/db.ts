// The database under the store: one Kysely handle over either SQLite (better-sqlite3, the embedded default)
// or PostgreSQL (pg), the numbered migrations run at open, and the one transaction helper every operation
// goes through. Repository modules (characters.ts, ledger.ts, …) receive a `Db` and never know which.
//
// Transactions. `write(owner, work)` runs `work` in one transaction that holds the write lock for that
// owner's rows: on SQLite BEGIN IMMEDIATE (the database's one write lock); on PostgreSQL an advisory
// transaction lock per owner (plus row locks taken by the work: see lockRows), so no update is lost between
// processes or replicas. `read(work)` runs in a snapshot (BEGIN on SQLite; REPEATABLE READ READ ONLY on
// PostgreSQL). Either returns only after COMMIT has returned: a reply sent after it never acknowledges a
// change that is not in the database.
//
// Waiting never blocks the event loop for long. SQLite's busy_timeout is short (20 ms by default: its wait
// is synchronous); when it runs out (SQLITE_BUSY), the attempt is rolled back and the whole transaction is
// retried after an asynchronous setTimeout with exponential backoff and jitter, for a long budget (10 minutes
// by default: Discord accepts a follow-up for 15 minutes after a defer, and the router defers after about
// 2 s). PostgreSQL waits for locks asynchronously anyway, and a serialization failure or deadlock
// (40001, 40P01) is retried the same way. Only when the budget is spent does an operation fail with
// StoreError('busy'), having changed nothing.

import { closeSync, mkdirSync, openSync, statSync, type Stats as FileStats } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SelectQueryBuilder } from 'kysely';
import { SchemaTooNewError, StoreError, type StorageProblem } from './errors.ts';
import { MIGRATIONS, SCHEMA_VERSION, migrate, migratePostgres, readPostgresVersion, readUserVersion } from './migrations.ts';
import type { Tables } from './tables.ts';

export type Backend = 'sqlite' | 'postgres';

/** Where the characters live: a SQLite file (or ':memory:'), or a PostgreSQL URL. */
export type StoreTarget = { backend: 'sqlite'; path: string } | { backend: 'postgres'; url: string; schema?: string };

export interface DbOptions {
  /** SQLite: busy_timeout in ms for one attempt (default 20; the wait blocks the event loop). */
  busyTimeoutMs?: number;
  /** How long an operation keeps retrying a locked database before StoreError('busy') (default 10 minutes). */
  retryBudgetMs?: number;
  /** SQLite: PRAGMA synchronous (default 'FULL'; 'NORMAL' is safe against process crashes in WAL mode). */
  synchronous?: 'FULL' | 'NORMAL';
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL: how long to wait for a connection (default 10 s). */
  connectTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 20;
export const DEFAULT_RETRY_BUDGET_MS = 10 * 60_000;
const BACKOFF_FIRST_MS = 2;
const BACKOFF_MAX_MS = 250;
/** Folder levels created for a new DATABASE_PATH, one at a time (never a recursive mkdir). */
const MAX_NEW_FOLDERS = 8;

export type Query = Kysely<Tables>;

export type DbSettings =
  | { backend: 'sqlite'; journalMode: string; foreignKeys: boolean; busyTimeoutMs: number; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'; schemaVersion: number }
  | { backend: 'postgres'; serverVersion: string; schema: string; isolation: string; schemaVersion: number };

export interface Db {
  readonly backend: Backend;
  /** The file path, or the PostgreSQL URL without its password. */
  readonly location: string;
  read<T>(work: (q: Query) => Promise<T>): Promise<T>;
  /** `owner`: whose rows the work changes (PostgreSQL serializes each owner's writes on it). */
  write<T>(owner: string, work: (q: Query) => Promise<T>): Promise<T>;
  /** SELECT … FOR NO KEY UPDATE on PostgreSQL (SQLite's BEGIN IMMEDIATE already excludes other writers). */
  lockRows<QB extends SelectQueryBuilder<any, any, any>>(query: QB): QB;
  settings(): Promise<DbSettings>;
  /** SQLite only: the raw connection, for PRAGMA checks (integrity.ts). */
  readonly sqlite: Database.Database | null;
  close(): Promise<void>;
}

// ---- errors -----------------------------------------------------------------------------------------

function storage(problem: StorageProblem, location: string, detail?: string, cause?: unknown, folder?: string): StoreError<'storage'> {
  return new StoreError('storage', { problem, location, ...(folder === undefined ? {} : { folder }), ...(detail === undefined ? {} : { detail }) }, { cause });
}

function sqliteCode(err: unknown): string | null {
  return err instanceof Database.SqliteError ? err.code : null;
}

function pgCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

function isRetryable(err: unknown): boolean {
  const s = sqliteCode(err);
  if (s) return s.startsWith('SQLITE_BUSY') || s.startsWith('SQLITE_LOCKED');
  const p = pgCode(err);
  return p === '40001' || p === '40P01';
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** A failure from the database as a StoreError (store errors pass through; programming errors too). */
function translate(err: unknown, location: string): unknown {
  if (err instanceof StoreError) return err;
  const s = sqliteCode(err);
  if (s) {
    if (s === 'SQLITE_CONSTRAINT_UNIQUE' || s === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new StoreError('name_taken', { name: null }, { cause: err });
    if (s === 'SQLITE_NOTADB' || s === 'SQLITE_CORRUPT') return storage('not_a_database', location, s, err);
    if (s.startsWith('SQLITE_READONLY')) return storage('read_only', location, s, err);
    if (s.startsWith('SQLITE_CANTOPEN')) return storage('cannot_open', location, s, err);
    return storage('failed', location, s, err);
  }
  const p = pgCode(err);
  if (p) {
    if (p === '23505') return new StoreError('name_taken', { name: null }, { cause: err });
    if (p.startsWith('08') || p === '28P01' || p === '28000' || p === '3D000' || p === '57P03') return storage('cannot_connect', location, p, err);
    return storage('failed', location, p, err);
  }
  const sys = (err as { code?: unknown } | null)?.code;
  if (typeof sys === 'string' && CONNECT_ERRORS.has(sys)) return storage('cannot_connect', location, sys, err);
  if (err instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(err.message)) {
    return storage('cannot_connect', location, 'timeout', err);
  }
  return err;
}

// ---- retry ------------------------------------------------------------------------------------------

interface Retrier {
  run<T>(attempt: () => Promise<T>): Promise<T>;
  /** Stops retrying (sleepers give up with StoreError('closed')) and waits for running attempts to end. */
  close(): Promise<void>;
}

function retrier(location: string, budgetMs: number): Retrier {
  let closed = false;
  const sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => (sleepers.delete(entry), resolve()), ms), wake: resolve };
      sleepers.add(entry);
    });
  const running = new Set<Promise<unknown>>();
  return {
    async run<T>(attempt: () => Promise<T>): Promise<T> {
      const started = performance.now();
      for (let n = 1; ; n++) {
        if (closed) throw new StoreError('closed', {});
        const current = attempt();
        running.add(current);
        try {
          return await current;
        } catch (err) {
          if (!isRetryable(err)) throw translate(err, location);
          const waitedMs = Math.round(performance.now() - started);
          if (waitedMs >= budgetMs) throw new StoreError('busy', { attempts: n, waitedMs }, { cause: err });
          // Exponential backoff with full jitter, so waiting processes do not retry in lockstep.
          const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(n - 1, 16));
          await sleep(Math.max(1, Math.min(budgetMs - waitedMs, Math.random() * ceiling)));
        } finally {
          running.delete(current);
        }
      }
    },
    async close() {
      closed = true;
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.wake(); // the loop sees `closed` and gives up with StoreError('closed')
      }
      sleepers.clear();
      await Promise.allSettled([...running]);
    },
  };
}

// ---- SQLite -----------------------------------------------------------------------------------------

function statOrNull(path: string): FileStats | null {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw storage('cannot_open', path, code ?? 'stat failed', err);
  }
}

/**
 * Checks a database file path before opening it: the file is not a folder, the nearest existing folder
 * above it is a folder, and the missing levels below that one are created one at a time (a recursive
 * mkdir can spin forever on paths such as /proc/…).
 */
export function prepareDatabasePath(file: string): void {
  const found = statOrNull(file);
  if (found) {
    if (found.isDirectory()) throw storage('is_a_folder', file);
    try {
      closeSync(openSync(file, 'r+')); // SQLite would silently open a file it cannot write read-only
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'open failed';
      throw storage(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'read_only' : 'cannot_open', file, code, err);
    }
    return;
  }
  const missing: string[] = [];
  for (let dir = dirname(file); ; ) {
    const st = statOrNull(dir);
    if (st) {
      if (!st.isDirectory()) throw storage('parent_not_a_folder', file, undefined, undefined, dir);
      break;
    }
    missing.unshift(dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (missing.length > MAX_NEW_FOLDERS) throw storage('cannot_create_folder', file, 'too_deep', undefined, missing[0]);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'mkdir failed';
      if (code === 'EEXIST' && statOrNull(dir)?.isDirectory()) continue; // another process made it meanwhile
      throw storage('cannot_create_folder', file, code, err, dir);
    }
  }
  // Create the (empty) file here rather than in SQLite, so a refusal comes with the system's reason.
  try {
    closeSync(openSync(file, 'wx'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'open failed';
    if (code !== 'EEXIST') throw storage('cannot_open', file, code, err);
  }
}

/** better-sqlite3 behind Kysely's SqliteDialect, with prepared statements kept per SQL text. */
function cachedStatements(raw: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size > 500) cache.clear();
        statement = raw.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

async function openSqlite(path: string, options: DbOptions): Promise<Db> {
  const memory = path === ':memory:';
  const location = memory ? path : resolvePath(path);
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
  const retry = retrier(location, options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS);
  if (!memory) prepareDatabasePath(location);
  let raw: Database.Database;
  try {
    raw = new Database(location, { timeout: busyTimeoutMs });
  } catch (err) {
    const failure = translate(err, location);
    throw failure instanceof StoreError ? failure : storage('cannot_open', location, (err as Error).message, err);
  }
  try {
    await retry.run(async () => {
      raw.pragma(`busy_timeout = ${busyTimeoutMs}`);
      // Check the version before touching anything (journal mode included) so a newer file is left as is.
      const version = readUserVersion(raw);
      if (version > SCHEMA_VERSION) throw new SchemaTooNewError(location, version, SCHEMA_VERSION);
      if (!memory) raw.pragma('journal_mode = WAL');
      raw.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      raw.pragma('foreign_keys = ON');
      migrate(raw, location, MIGRATIONS);
      // Prove the file can be written (a read-only file opens fine and fails on the first change).
      raw.exec('BEGIN IMMEDIATE');
      raw.exec('ROLLBACK');
    });
  } catch (err) {
    await retry.close();
    raw.close();
    throw err;
  }

  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
  const begin = { read: raw.prepare('BEGIN'), write: raw.prepare('BEGIN IMMEDIATE') };
  const commit = raw.prepare('COMMIT');
  const rollback = raw.prepare('ROLLBACK');

  // Kysely's SQLite driver hands out its one connection to one caller at a time; each attempt holds it
  // from BEGIN to COMMIT and gives it back before any backoff sleep, so other work in this process runs.
  const transaction = <T>(kind: 'read' | 'write', work: (q: Query) => Promise<T>): Promise<T> =>
    retry.run(() =>
      kysely.connection().execute(async (q) => {
        begin[kind].run();
        try {
          const result = await work(q);
          commit.run();
          return result;
        } catch (err) {
          if (raw.inTransaction) rollback.run();
          throw err;
        }
      }),
    );

  let closed = false;
  return {
    backend: 'sqlite',
    location,
    sqlite: raw,
    read: (work) => transaction('read', work),
    write: (_owner, work) => transaction('write', work),
    lockRows: (query) => query,
    async settings() {
      return {
        backend: 'sqlite',
        journalMode: String(raw.pragma('journal_mode', { simple: true })),
        foreignKeys: raw.pragma('foreign_keys', { simple: true }) === 1,
        busyTimeoutMs: Number(raw.pragma('busy_timeout', { simple: true })),
        synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[Number(raw.pragma('synchronous', { simple: true }))] ?? 'FULL',
        schemaVersion: readUserVersion(raw),
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await retry.close();
      await kysely.destroy();
    },
  };
}

// ---- PostgreSQL -------------------------------------------------------------------------------------

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/:@/, '@');
  } catch {
    return 'postgres://…';
  }
}

/** int8 (BIGINT, COUNT, SUM of integers) as a JavaScript number: every value the store keeps fits exactly. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`BIGINT ${text} does not fit a JavaScript number exactly`);
  return value;
}

const INT8_OID = 20;

async function openPostgres(url: string, schema: string | undefined, options: DbOptions): Promise<Db> {
  const location = redactUrl(url);
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`not a plain schema name: ${schema}`);
  // pg is loaded only when PostgreSQL is used, so the SQLite default pays nothing for it.
  const { default: pg } = await import('pg');
  const { PostgresDialect } = await import('kysely');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format))) as never },
  });
  pool.on('error', () => undefined); // an idle connection dropped by the server: the next query reconnects
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const retry = retrier(location, options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS);
  try {
    await retry.run(async () => {
      if (schema) {
        // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide in PostgreSQL's catalog: one at a time.
        await kysely.transaction().execute(async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`tarnished-ledger:schema:${schema}`}, 0))`.execute(trx);
          await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(trx);
        });
      }
      await migratePostgres(kysely, location, MIGRATIONS);
    });
  } catch (err) {
    await retry.close();
    await kysely.destroy().catch(() => undefined);
    throw err;
  }

  const transaction = <T>(kind: 'read' | 'write', owner: string | null, work: (q: Query) => Promise<T>): Promise<T> =>
    retry.run(() =>
      kysely.connection().execute(async (q) => {
        await sql.raw(kind === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN').execute(q);
        try {
          if (owner !== null) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`tarnished-ledger:owner:${owner}`}, 0))`.execute(q);
          const result = await work(q);
          await sql.raw('COMMIT').execute(q);
          return result;
        } catch (err) {
          await sql.raw('ROLLBACK').execute(q).catch(() => undefined);
          throw err;
        }
      }),
    );

  let closed = false;
  return {
    backend: 'postgres',
    location,
    sqlite: null,
    read: (work) => transaction('read', null, work),
    write: (owner, work) => transaction('write', owner, work),
    lockRows: (query) => query.forNoKeyUpdate() as typeof query,
    async settings() {
      const info = await sql<{ v: string; s: string; i: string }>`SELECT current_setting('server_version') AS v, current_schema() AS s, current_setting('default_transaction_isolation') AS i`.execute(kysely);
      const row = info.rows[0]!;
      return { backend: 'postgres', serverVersion: row.v, schema: row.s, isolation: row.i, schemaVersion: await readPostgresVersion(kysely) };
    },
    async close() {
      if (closed) return;
      closed = true;
      await retry.close();
      await kysely.destroy();
    },
  };
}

// ---- opening ----------------------------------------------------------------------------------------

/** 'postgres://…' or 'postgresql://…' is PostgreSQL; anything else a SQLite path (':memory:' included). */
export function targetOf(location: string | StoreTarget): StoreTarget {
  if (typeof location !== 'string') return location;
  return /^postgres(ql)?:\/\//i.test(location) ? { backend: 'postgres', url: location } : { backend: 'sqlite', path: location };
}

/**
 * Opens (creating and migrating if needed) the database. Throws SchemaTooNewError for a database written
 * by a newer schema, and StoreError('storage') when the path or server cannot be used.
 */
export async function openDb(location: string | StoreTarget, options: DbOptions = {}): Promise<Db> {
  const target = targetOf(location);
  return target.backend === 'sqlite' ? openSqlite(target.path, options) : openPostgres(target.url, target.schema, options);
}
