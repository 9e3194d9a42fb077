import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchemaTooNewError, StoreError } from '../../src/characters/errors.ts';
import { MIGRATIONS, SCHEMA_VERSION, migrate, readUserVersion, type Migration } from '../../src/characters/migrations.ts';
import { openStore } from '../../src/characters/store.ts';
import { tempDir } from './helpers.ts';

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

describe('opening and migrating', () => {
  it('a fresh file gets every migration, WAL, foreign keys, busy timeout, and the expected tables', () => {
    const store = openStore(path, { busyTimeoutMs: 4321 });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.path).toBe(path);
    store.close();
    const db = raw();
    expect(readUserVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['active_global', 'active_guild', 'characters', 'rune_ledger']);
    // user and guild ids are TEXT
    const cols = db.prepare("SELECT name, type FROM pragma_table_info('active_guild')").all();
    expect(cols).toEqual(expect.arrayContaining([{ name: 'user_id', type: 'TEXT' }, { name: 'guild_id', type: 'TEXT' }]));
    db.close();
  });

  it('connection settings are applied on every open', () => {
    openStore(path).close();
    const a = openStore(path, { busyTimeoutMs: 4321 });
    expect(a.settings()).toEqual({ journalMode: 'wal', foreignKeys: true, busyTimeoutMs: 4321, synchronous: 'FULL', schemaVersion: SCHEMA_VERSION });
    a.close();
    const b = openStore(path, { synchronous: 'NORMAL' });
    expect(b.settings()).toMatchObject({ foreignKeys: true, busyTimeoutMs: 600, synchronous: 'NORMAL' });
    b.close();
    const m = openStore(':memory:');
    expect(m.settings()).toMatchObject({ journalMode: 'memory', foreignKeys: true });
    m.close();
  });

  it('re-opening is idempotent: no migration runs again and the data stays', () => {
    const a = openStore(path);
    a.createCharacter('u1', { name: 'Kept', className: 'Hero' });
    a.close();
    const db = raw();
    expect(migrate(db, path)).toEqual([]);
    db.close();
    for (let i = 0; i < 3; i++) {
      const b = openStore(path);
      expect(b.listCharacters('u1').characters.map((c) => c.name)).toEqual(['Kept']);
      b.close();
    }
    const check = raw();
    expect(readUserVersion(check)).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('a database newer than the code refuses to open with a clear, typed error and is left untouched', () => {
    const a = openStore(path);
    a.createCharacter('u1', { name: 'Future', className: 'Hero' });
    a.close();
    const db = raw();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = readFileSync(path);

    let caught: unknown;
    try {
      openStore(path);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SchemaTooNewError);
    expect(caught).toBeInstanceOf(StoreError);
    const err = caught as SchemaTooNewError;
    expect(err.code).toBe('schema_too_new');
    expect(err.databaseVersion).toBe(SCHEMA_VERSION + 1);
    expect(err.supportedVersion).toBe(SCHEMA_VERSION);
    expect(err.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(err.message).toContain(`only knows up to version ${SCHEMA_VERSION}`);
    expect(err.message).toMatch(/newer release/);
    expect(readFileSync(path).equals(before)).toBe(true);
    const after = raw();
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('a file that is not a database is refused with a storage error', () => {
    openStore(path).close();
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite'.repeat(100));
    let caught: unknown;
    try {
      openStore(junk);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('storage');
    expect((caught as StoreError).message).toContain(junk);
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
});
