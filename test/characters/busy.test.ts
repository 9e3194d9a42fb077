// SQLITE_BUSY handling: another connection holding the write lock (in a worker thread, so it can let go
// while this thread runs) is waited out asynchronously: the event loop keeps running, the router's
// auto-defer fires during the wait, and the command is answered, not refused. Only a lock outlasting the
// whole retry budget becomes StoreError('busy'), changing nothing.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { Reply } from '../../src/render/types.ts';
import { openStore, type CharacterStore } from '../../src/characters/store.ts';
import { expectStoreError, tempDir, wording } from './helpers.ts';

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

/** Counts event-loop turns while `work` runs: a synchronous wait inside `work` would leave it at 0. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => turns++, 5);
  try {
    const result = await work();
    return { result, turns };
  } finally {
    clearInterval(timer);
  }
}

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(async () => {
  tmp = tempDir('characters-busy-');
  path = join(tmp.dir, 'busy.db');
  const s = await openStore(path);
  await s.createCharacter('u1', { name: 'Main', className: 'Wretch' });
  await s.close();
});
afterEach(() => tmp.cleanup());

describe('busy database', () => {
  it('a short lock held by another connection is waited out without blocking the event loop', async () => {
    const store = await openStore(path);
    const { locked, released } = holdLock(path, 400);
    await locked;
    const { result, turns } = await turnsDuring(() => store.addRunes({ userId: 'u1' }, 10));
    expect(result.character.runesHeld).toBe(10); // committed after the worker's COMMIT
    expect(Date.now()).toBeGreaterThanOrEqual(await released);
    expect(turns).toBeGreaterThan(0);
    await store.close();
  });

  it('with the default settings, a lock held for 3 s is waited out too: answered, not refused', async () => {
    const store: CharacterStore = await openStore(path);
    const { locked, released } = holdLock(path, 3000);
    await locked;
    const { result, turns } = await turnsDuring(() => store.addRunes({ userId: 'u1' }, 10));
    expect(result.character.runesHeld).toBe(10);
    expect(Date.now()).toBeGreaterThanOrEqual(await released);
    expect(turns).toBeGreaterThan(0);
    await store.close();
  });

  it('a lock outlasting the whole retry budget is a StoreError(busy) and changes nothing', async () => {
    const store: CharacterStore = await openStore(path, { retryBudgetMs: 300 });
    const { locked, released } = holdLock(path, 1500);
    await locked;
    const err = await expectStoreError(() => store.addRunes({ userId: 'u1' }, 10), 'busy');
    expect(wording(err)).toMatch(/busy right now\. Nothing was changed/);
    expect(err.data.attempts).toBeGreaterThan(1); // it did retry before giving up
    await released;
    expect((await store.getActiveCharacter('u1'))!.runesHeld).toBe(0);
    expect((await store.addRunes({ userId: 'u1' }, 5)).character.runesHeld).toBe(5);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });

  it('closing the store while an operation waits ends the wait with StoreError(closed), changing nothing', async () => {
    const store = await openStore(path);
    const { locked, released } = holdLock(path, 1500);
    await locked;
    const waiting = expectStoreError(() => store.addRunes({ userId: 'u1' }, 10), 'closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.close();
    await waiting;
    await released;
    const check = await openStore(path);
    expect((await check.getActiveCharacter('u1'))!.runesHeld).toBe(0);
    await check.close();
  });
});

describe('through the router', () => {
  it('a command waiting on a held write lock is deferred by the router, then answered; nothing is refused', async () => {
    const logs: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (logs.push(JSON.parse(String(chunk))), cb()) });
    const app = createApp({ config: loadConfig({ DATABASE_PATH: path }), logger: createLogger('warn', sink), deferAfterMs: 100 });
    const events: string[] = [];
    let reply: Reply | undefined;
    const request = {
      user: { id: 'u1', username: 'tester' },
      guildId: null,
      channelId: null,
      locale: 'en-US',
      surface: 'gateway' as const,
      commandName: 'character',
      group: 'runes',
      subcommand: 'add',
      options: { amount: 10 },
    };
    try {
      const { locked, released } = holdLock(path, 1500);
      await locked;
      await app.router.runCommand(request, {
        defer: async () => void events.push('defer'),
        send: async (r) => {
          events.push('send');
          reply = r;
        },
      });
      expect(events).toEqual(['defer', 'send']);
      expect(reply!.content).toContain('earned 10 runes, now holding **10**');
      expect(Date.now()).toBeGreaterThanOrEqual(await released);
      expect(logs.filter((l) => l.errorId || l.level === 50)).toEqual([]);
    } finally {
      await app.shutdown(1000);
    }
  });
});
