// SQLITE_BUSY handling: a lock held briefly by another connection is absorbed by busy_timeout; a lock held
// past the timeout and the bounded retries becomes StoreError('busy') with a player-readable message and
// no change. The other connection lives in a worker thread so it can release the lock while this thread
// is blocked inside SQLite's busy handler.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type CharacterStore } from '../../src/characters/store.ts';
import { expectStoreError, tempDir } from './helpers.ts';

const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE characters SET updated_at = updated_at WHERE 0").run();
parentPort.postMessage('locked');
const cell = new Int32Array(new SharedArrayBuffer(4));
Atomics.wait(cell, 0, 0, workerData.holdMs);
db.exec('COMMIT');
const at = Date.now();
db.close();
parentPort.postMessage({ released: at });
`;

/** Starts a worker that takes the write lock, holds it `holdMs`, then commits. */
function holdLock(path: string, holdMs: number): { locked: Promise<void>; released: Promise<number> } {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(HOLDER, { eval: true, workerData: { path, holdMs, module } });
  const locked = new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === 'locked' && resolve());
    worker.on('error', reject);
  });
  const released = new Promise<number>((resolve, reject) => {
    worker.on('message', (m: unknown) => typeof m === 'object' && m !== null && resolve((m as { released: number }).released));
    worker.on('error', reject);
  });
  return { locked, released };
}

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  tmp = tempDir('characters-busy-');
  path = join(tmp.dir, 'busy.db');
  const s = openStore(path);
  s.createCharacter('u1', { name: 'Main', className: 'Wretch' });
  s.close();
});
afterEach(() => tmp.cleanup());

describe('busy database', () => {
  it('a short lock held by another connection is waited out by busy_timeout', async () => {
    const store = openStore(path, { busyTimeoutMs: 5000 });
    const { locked, released } = holdLock(path, 400);
    await locked;
    expect(store.addRunes({ userId: 'u1' }, 10).character.runesHeld).toBe(10); // blocks until the worker commits
    const done = Date.now();
    expect(done).toBeGreaterThanOrEqual(await released);
    store.close();
  });

  it('with the default settings, a long lock is refused as busy well within Discord’s 3 s (the wait blocks the event loop)', async () => {
    const store = openStore(path);
    const { locked, released } = holdLock(path, 3000);
    await locked;
    const started = Date.now();
    expectStoreError(() => store.addRunes({ userId: 'u1' }, 10), 'busy');
    expect(Date.now() - started).toBeLessThan(1800);
    await released;
    store.close();
  });

  it('a lock outlasting the timeout and retries is a StoreError(busy) and changes nothing', async () => {
    const store: CharacterStore = openStore(path, { busyTimeoutMs: 50, busyRetries: 1 });
    const { locked, released } = holdLock(path, 1500);
    await locked;
    const err = expectStoreError(() => store.addRunes({ userId: 'u1' }, 10), 'busy');
    expect(err.message).toMatch(/busy right now\. Nothing was changed/);
    await released;
    expect(store.getActiveCharacter('u1')!.runesHeld).toBe(0);
    expect(store.addRunes({ userId: 'u1' }, 5).character.runesHeld).toBe(5);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
