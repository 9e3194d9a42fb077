import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import { StoreError, type StoreErrorCode } from '../../src/characters/errors.ts';
import { openStore, type CharacterStore, type OpenStoreOptions } from '../../src/characters/store.ts';
import { storeErrorText } from '../../src/render/storeErrors.ts';

/** A fresh temporary folder; `cleanup()` removes it. */
export function tempDir(prefix = 'characters-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The PostgreSQL server of this test run (test/postgres/global-setup.ts), or null with why not. */
export function postgres(): { url: string | null; reason: string } {
  return inject('postgres') ?? { url: null, reason: 'no global setup' };
}

/** A fresh, empty PostgreSQL schema name on the test server (each store in its own). */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why this backend's tests are skipped, or null when they run. */
  skip: string | null;
  /** A new empty store (SQLite in memory; PostgreSQL in a schema of its own). */
  open(options?: OpenStoreOptions): Promise<CharacterStore>;
  /** A location several stores (or processes) can share: a file path in `dir`, or a URL with a schema. */
  shared(dir: string): { location: string | { backend: 'postgres'; url: string; schema: string }; args: string[] };
}

const sqlite: Backend = {
  name: 'sqlite',
  skip: null,
  open: (options) => openStore(':memory:', options),
  shared: (dir) => {
    const path = join(dir, `${randomBytes(4).toString('hex')}.db`);
    return { location: path, args: [path] };
  },
};

function postgresBackend(): Backend {
  const { url, reason } = postgres();
  return {
    name: 'postgres',
    skip: url ? null : reason,
    open: (options) => openStore({ backend: 'postgres', url: url!, schema: freshSchema() }, { poolSize: 4, ...options }),
    shared: () => {
      const schema = freshSchema();
      return { location: { backend: 'postgres', url: url!, schema }, args: [`${url!}#${schema}`] };
    },
  };
}

/** Both backends, for describe.each: the store's whole suite runs on SQLite and on PostgreSQL. */
export function backends(): Backend[] {
  return [sqlite, postgresBackend()];
}

/** describe.each title: "sqlite", or "postgres (skipped: why)". */
export function titleOf(backend: Backend): string {
  return backend.skip ? `${backend.name} (skipped: ${backend.skip})` : backend.name;
}

/** The words a player reads for a store error (src/render/storeErrors.ts). */
export function wording(err: StoreError): string {
  return storeErrorText(err);
}

/** Awaits `work`, expecting a StoreError with `code`; returns it for further checks. */
export async function expectStoreError<C extends StoreErrorCode>(work: (() => unknown) | Promise<unknown>, code: C): Promise<StoreError<C>> {
  let caught: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected a StoreError ${code}`).toBeInstanceOf(StoreError);
  const err = caught as StoreError<C>;
  expect(err.code, err.message).toBe(code);
  // What a player would read never shows the database's own words.
  expect(wording(err)).not.toMatch(/SQLITE|constraint|duplicate key|violates/i);
  return err;
}

/** A controllable clock: starts at 2024-03-01T12:00:00Z and moves one second per call. */
export function steppingClock(start = Date.UTC(2024, 2, 1, 12)): () => number {
  let t = start;
  return () => (t += 1000);
}
