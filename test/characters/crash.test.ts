// Crash safety: writer processes stream operations into one database (a SQLite file, or a PostgreSQL
// schema) and print an acknowledgement after each committed operation (the "reply"); they are SIGKILLed at
// random moments, round after round. Afterwards every acknowledged operation must be in the database (and
// nothing refused or never started), the database must be sound (SQLite: PRAGMA integrity_check), and
// runes held = sum of the ledger for every character.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type StoreTarget } from '../../src/characters/store.ts';
import { prng } from './fixtures/random.ts';
import { prepareFixture, type FixtureRunner } from './fixtures/spawn-node.ts';
import { backends, tempDir, titleOf } from './helpers.ts';

const WRITER = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));
const KILLS = 32; // writer processes started, each SIGKILLed at a random moment
const PARALLEL = 3; // writers alive at any time (a killed one is replaced at once)
const USERS = ['200000000000000001', '200000000000000002']; // so each character is often written by two processes at once

interface RunLog {
  tag: string;
  ok: Set<number>;
  refused: Set<number>;
  lastSeq: number; // highest seq acknowledged either way (-1: none)
  stderr: string;
  exit: { code: number | null; signal: NodeJS.Signals | null };
}

function runWriter(runner: FixtureRunner, dbPath: string, user: string, sync: string, tag: string, seed: number, killAfterMs: number): Promise<RunLog> {
  return new Promise((resolve, reject) => {
    const log: RunLog = { tag, ok: new Set(), refused: new Set(), lastSeq: -1, stderr: '', exit: { code: null, signal: null } };
    const child: ChildProcess = runner.spawn([dbPath, user, tag, String(seed), sync], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    // Safety net: a writer that never becomes ready is killed and reported instead of hanging the suite.
    const watchdog = setTimeout(() => {
      log.stderr += 'never became ready within 60 s\n';
      child.kill('SIGKILL');
    }, 60_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [what, seqText, code] = line.split(' ');
        if (what === 'ready') {
          clearTimeout(watchdog);
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
        else if (what === 'ok' || what === 'refused') {
          const seq = Number(seqText);
          if (seq !== log.lastSeq + 1) reject(new Error(`${tag}: acknowledgement ${seq} out of order`));
          log.lastSeq = seq;
          (what === 'ok' ? log.ok : log.refused).add(seq);
          if (what === 'refused' && !['insufficient_runes', 'no_bloodstain', 'invalid', 'rune_cap'].includes(code!)) {
            reject(new Error(`${tag}: unexpected refusal ${line}`));
          }
        }
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (log.stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (timer) clearTimeout(timer);
      log.exit = { code, signal };
      resolve(log);
    });
  });
}

/** Plain SQL on the database the writers used (outside the store, as an auditor would read it). */
async function query<R>(location: string | StoreTarget, text: string): Promise<R[]> {
  if (typeof location === 'string') {
    const db = new Database(location, { readonly: true });
    try {
      return db.prepare(text).all() as R[];
    } finally {
      db.close();
    }
  }
  const { url, schema } = location as { url: string; schema: string };
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

describe.each(backends().map((b) => [titleOf(b), b] as const))('crash safety under SIGKILL (%s)', (_title, backend) => {
  if (backend.skip !== null) {
    it.skip('writers killed mid-stream', () => undefined);
    return;
  }
  const tmp = tempDir('characters-crash-');
  const { location, args } = backend.shared(tmp.dir);
  const dbPath = args[0]!;
  const logs: RunLog[] = [];
  let started = 0;
  let runner: FixtureRunner;

  beforeAll(async () => {
    started = Date.now();
    runner = await prepareFixture(WRITER, tmp.dir);
    const rand = prng(20240301);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < KILLS) {
        const i = next++;
        // half the writers use synchronous=NORMAL: in WAL mode that is enough against a killed process
        const sync = i % 4 < 2 ? 'FULL' : 'NORMAL';
        logs.push(await runWriter(runner, dbPath, USERS[i % USERS.length]!, sync, `w${i}`, Math.floor(rand() * 2 ** 31), 20 + Math.floor(rand() * 400)));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, lane));
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('every writer was killed mid-stream by SIGKILL after acknowledging work', () => {
    expect(logs).toHaveLength(KILLS);
    for (const log of logs) {
      expect(log.stderr, log.tag).toBe('');
      expect(log.exit.signal, log.tag).toBe('SIGKILL');
    }
    const acked = logs.reduce((n, l) => n + l.ok.size + l.refused.size, 0);
    expect(acked).toBeGreaterThan(KILLS * 5);
    console.log(
      `crash test (${backend.name}): ${logs.length} SIGKILLs (${PARALLEL} writers at a time), ${acked} acknowledged operations ` +
        `(${logs.reduce((n, l) => n + l.ok.size, 0)} committed), writers run as ${runner.mode}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  it('every acknowledged operation is in the database; refused and never-started ones are not', async () => {
    const found = new Map<string, Set<number>>();
    for (const { note } of await query<{ note: string }>(location, 'SELECT DISTINCT note FROM rune_ledger WHERE note IS NOT NULL')) {
      const [tag, seq] = note.split(':');
      if (!found.has(tag!)) found.set(tag!, new Set());
      found.get(tag!)!.add(Number(seq));
    }
    let inFlightCommitted = 0;
    for (const log of logs) {
      const inDb = found.get(log.tag) ?? new Set<number>();
      for (const seq of log.ok) expect(inDb.has(seq), `${log.tag}:${seq} acknowledged but missing`).toBe(true);
      for (const seq of log.refused) expect(inDb.has(seq), `${log.tag}:${seq} refused but present`).toBe(false);
      for (const seq of inDb) {
        // The only unacknowledged operation allowed in the database is the one in flight at the kill:
        // committed, but killed before its reply went out.
        if (!log.ok.has(seq)) {
          expect(seq, `${log.tag}:${seq} present but never acknowledged`).toBe(log.lastSeq + 1);
          inFlightCommitted++;
        }
      }
    }
    console.log(`crash test (${backend.name}): ${inFlightCommitted} of ${logs.length} kills landed after a commit but before its acknowledgement`);
  });

  it('the database is sound and held = sum of ledger for every character', async () => {
    if (typeof location === 'string') expect(await query(location, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const rows = await query<{ id: number; held: number; total: number | string }>(
      location,
      `SELECT c.id, c.runes_held AS held, COALESCE((SELECT SUM(amount) FROM rune_ledger l WHERE l.character_id = c.id), 0) AS total
       FROM characters c`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.held).toBe(Number(r.total));
    const store = await openStore(location);
    expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
    // and the store is still writable after all the crashes
    expect((await store.addRunes({ userId: USERS[0]!, name: 'Crash' }, 1)).entry.kind).toBe('earned');
    await store.close();
  });
});
