import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchemaTooNewError, StoreError } from '../../src/characters/errors.ts';
import { MIGRATIONS, SCHEMA_VERSION, migrate, readUserVersion, type Migration } from '../../src/characters/migrations.ts';
import { DEFAULT_BUSY_TIMEOUT_MS, openStore } from '../../src/characters/store.ts';
import { expectStoreError, freshSchema, postgres, tempDir, wording } from './helpers.ts';

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  tmp = tempDir();
  path = join(tmp.dir, 'var', 'bot.db');
});
afterEach(() => tmp.cleanup());

function raw(file = path): Database.Database {
  return new Database(file);
}

async function openError(location: string): Promise<unknown> {
  try {
    await openStore(location);
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('opening and migrating', () => {
  it('a fresh file gets every migration, WAL, foreign keys, busy timeout, and the expected tables', async () => {
    const store = await openStore(path, { busyTimeoutMs: 4321 });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.path).toBe(path);
    await store.close();
    const db = raw();
    expect(readUserVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    // sqlite_sequence is SQLite's own record of AUTOINCREMENT ids (version 2); settings holds the install secret (version 3).
    expect(tables).toEqual(['active_global', 'active_guild', 'characters', 'rune_ledger', 'settings', 'sqlite_sequence']);
    // user and guild ids are TEXT
    const cols = db.prepare("SELECT name, type FROM pragma_table_info('active_guild')").all();
    expect(cols).toEqual(expect.arrayContaining([{ name: 'user_id', type: 'TEXT' }, { name: 'guild_id', type: 'TEXT' }]));
    db.close();
  });

  it('connection settings are applied on every open', async () => {
    await (await openStore(path)).close();
    const a = await openStore(path, { busyTimeoutMs: 4321 });
    expect(await a.settings()).toEqual({ backend: 'sqlite', journalMode: 'wal', foreignKeys: true, busyTimeoutMs: 4321, synchronous: 'FULL', schemaVersion: SCHEMA_VERSION });
    await a.close();
    const b = await openStore(path, { synchronous: 'NORMAL' });
    // The default wait is short: SQLite waits synchronously; longer waits are retried asynchronously.
    expect(await b.settings()).toMatchObject({ foreignKeys: true, busyTimeoutMs: DEFAULT_BUSY_TIMEOUT_MS, synchronous: 'NORMAL' });
    expect(DEFAULT_BUSY_TIMEOUT_MS).toBeLessThanOrEqual(50);
    await b.close();
    const m = await openStore(':memory:');
    expect(await m.settings()).toMatchObject({ journalMode: 'memory', foreignKeys: true });
    await m.close();
  });

  it('re-opening is idempotent: no migration runs again and the data stays', async () => {
    const a = await openStore(path);
    await a.createCharacter('u1', { name: 'Kept', className: 'Hero' });
    await a.close();
    const db = raw();
    expect(migrate(db, path)).toEqual([]);
    db.close();
    for (let i = 0; i < 3; i++) {
      const b = await openStore(path);
      expect((await b.listCharacters('u1')).characters.map((c) => c.name)).toEqual(['Kept']);
      await b.close();
    }
    const check = raw();
    expect(readUserVersion(check)).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('a database newer than the code refuses to open with a clear, typed error and is left untouched', async () => {
    const a = await openStore(path);
    await a.createCharacter('u1', { name: 'Future', className: 'Hero' });
    await a.close();
    const db = raw();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = readFileSync(path);

    const caught = await openError(path);
    expect(caught).toBeInstanceOf(SchemaTooNewError);
    expect(caught).toBeInstanceOf(StoreError);
    const err = caught as SchemaTooNewError;
    expect(err.code).toBe('schema_too_new');
    expect(err.databaseVersion).toBe(SCHEMA_VERSION + 1);
    expect(err.supportedVersion).toBe(SCHEMA_VERSION);
    expect(wording(err)).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(wording(err)).toContain(`only knows up to version ${SCHEMA_VERSION}`);
    expect(wording(err)).toMatch(/newer release/);
    expect(readFileSync(path).equals(before)).toBe(true);
    const after = raw();
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('a file that is not a database is refused with a storage error', async () => {
    await (await openStore(path)).close();
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite'.repeat(100));
    const caught = await openError(junk);
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('storage');
    expect((caught as StoreError<'storage'>).data.problem).toBe('not_a_database');
    expect(wording(caught as StoreError)).toContain(junk);
  });
});

describe('a database written by the previous release (schema version 1) opens and migrates forward', () => {
  // fixtures/schema-v1.sqlite was written by the store of commit f4c64e0 (schema version 1): users A and B,
  // a ledger with every kind of entry, a global and a server selection, and two deleted characters (ids 3
  // and 5; 5 was the highest id). fixtures/schema-v1.expected.json is what that release's exportUser and
  // listCharacters returned for the file.
  const A = '100000000000000001';
  const B = '100000000000000002';
  const GUILD = '900000000000000001';
  const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
  const expected = JSON.parse(readFileSync(fixture('schema-v1.expected.json'), 'utf8')) as Record<string, { export: unknown; list: unknown }>;

  it('keeps every character (with its id), ledger entry and selection', async () => {
    const file = join(tmp.dir, 'old.sqlite');
    copyFileSync(fixture('schema-v1.sqlite'), file);
    const before = raw(file);
    expect(readUserVersion(before)).toBe(1);
    before.close();

    const store = await openStore(file, { now: () => Date.UTC(2024, 6, 1) });
    for (const user of [A, B]) {
      expect(await store.exportUser(user)).toEqual(expected[user]!.export);
      expect(await store.listCharacters(user, GUILD)).toEqual(expected[user]!.list);
    }
    expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
    await store.close();

    const after = raw(file);
    expect(readUserVersion(after)).toBe(SCHEMA_VERSION);
    expect((after.prepare('SELECT COUNT(*) AS n FROM rune_ledger').get() as { n: number }).n).toBe(8);
    expect(after.pragma('foreign_key_check')).toEqual([]);
    expect((after.prepare("SELECT sql FROM sqlite_schema WHERE name = 'characters'").get() as { sql: string }).sql).toMatch(/AUTOINCREMENT/);
    after.close();
  });

  it('hands out ids above every id it holds, and never one of a character deleted after the upgrade', async () => {
    const file = join(tmp.dir, 'old.sqlite');
    copyFileSync(fixture('schema-v1.sqlite'), file);
    const store = await openStore(file);
    // The file's highest id is 4 (Blaidd): ids above it come next.
    const first = (await store.createCharacter(B, { name: 'Newcomer', className: 'Wretch' })).character;
    expect(first.id).toBeGreaterThan(4);
    await store.deleteCharacter({ userId: B, name: 'Newcomer' });
    // Version 1 would give the deleted character's id to the next one (rowid = max + 1); now it is never reused.
    const second = (await store.createCharacter(B, { name: 'Newcomer', className: 'Wretch' })).character;
    expect(second.id).toBeGreaterThan(first.id);
    await store.close();
  });
});

describe('migrate() with a custom list', () => {
  const steps: Migration[] = [
    { version: 1, description: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') },
    { version: 2, description: 'b', up: (db) => db.exec('ALTER TABLE a ADD COLUMN y INTEGER') },
    { version: 3, description: 'c', up: (db) => db.exec('CREATE TABLE c (z INTEGER); INSERT INTO c VALUES (1)') },
  ];

  it('applies in order, resumes from the recorded version, and is idempotent', () => {
    const db = new Database(':memory:');
    expect(migrate(db, ':memory:', steps.slice(0, 1))).toEqual([1]);
    expect(migrate(db, ':memory:', [steps[2]!, steps[0]!, steps[1]!])).toEqual([2, 3]);
    expect(migrate(db, ':memory:', steps)).toEqual([]);
    expect(readUserVersion(db)).toBe(3);
    expect(db.prepare('SELECT y FROM a').all()).toEqual([]);
    db.close();
  });

  it('a failing migration rolls back its own step and leaves the earlier ones applied', () => {
    const db = new Database(':memory:');
    const broken: Migration = { version: 3, description: 'broken', up: (d) => d.exec('CREATE TABLE half (x); SELECT * FROM nowhere') };
    expect(() => migrate(db, ':memory:', [steps[0]!, steps[1]!, broken])).toThrow(/nowhere/);
    expect(readUserVersion(db)).toBe(2);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses gaps in the numbering', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ':memory:', [steps[0]!, steps[2]!])).toThrow(/without gaps/);
    db.close();
  });

  it('a table rebuild that would break a foreign key is rolled back, and foreign keys are on again', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const parent: Migration = { version: 1, description: 'p', up: (d) => d.exec('CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE k (p INTEGER REFERENCES p (id)); INSERT INTO p VALUES (1); INSERT INTO k VALUES (1)') };
    const lossy: Migration = { version: 2, description: 'drops a parent row', rebuildsTables: true, up: (d) => d.exec('CREATE TABLE p2 (id INTEGER PRIMARY KEY); DROP TABLE p; ALTER TABLE p2 RENAME TO p') };
    expect(() => migrate(db, ':memory:', [parent, lossy])).toThrow(/foreign key/);
    expect(readUserVersion(db)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM p').get()).toEqual({ n: 1 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe.skipIf(postgres().url === null)(`PostgreSQL migrations${postgres().url ? '' : ` (skipped: ${postgres().reason})`}`, () => {
  const url = postgres().url!;
  const admin = new pg.Client({ connectionString: url });
  const connected = admin.connect();
  afterAll(() => admin.end());

  it('a fresh schema gets every migration, once, even when several replicas open it at the same moment', async () => {
    await connected;
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 5 }, () => openStore({ backend: 'postgres', url, schema }, { poolSize: 2 })));
    for (const s of stores) expect(await s.settings()).toMatchObject({ backend: 'postgres', schema, schemaVersion: SCHEMA_VERSION });
    await Promise.all(stores.map((s) => s.close()));
    const tables = await admin.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
    expect(tables.rows.map((r) => r.table_name)).toEqual(['active_global', 'active_guild', 'characters', 'rune_ledger', 'schema_version', 'settings']);
    expect((await admin.query(`SELECT version FROM ${schema}.schema_version`)).rows).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('a schema newer than the code refuses to open with the same typed error, and is left untouched', async () => {
    await connected;
    const schema = freshSchema();
    const a = await openStore({ backend: 'postgres', url, schema });
    await a.createCharacter('u1', { name: 'Future', className: 'Hero' });
    await a.close();
    await admin.query(`UPDATE ${schema}.schema_version SET version = $1`, [SCHEMA_VERSION + 1]);
    const err = await expectStoreError(openStore({ backend: 'postgres', url, schema }), 'schema_too_new');
    expect(err).toBeInstanceOf(SchemaTooNewError);
    expect(wording(err)).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect((await admin.query(`SELECT version FROM ${schema}.schema_version`)).rows).toEqual([{ version: SCHEMA_VERSION + 1 }]);
    expect((await admin.query(`SELECT name FROM ${schema}.characters`)).rows).toEqual([{ name: 'Future' }]);
  });
});
