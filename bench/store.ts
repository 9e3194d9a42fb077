// Character store benchmark: character commands per second and latency percentiles, for the store as
// shipped on each backend and, in the same run, for a named baseline on the same schema and the same
// seeded command sequence:
//   SQLite (a temporary file)
//     store (WAL, synchronous=FULL)      the default: one BEGIN IMMEDIATE transaction per command
//     store (WAL, synchronous=NORMAL)    same, without an fsync per commit (safe against a killed process,
//                                        not against a power cut)
//     baseline: autocommit (WAL, FULL)   the same reads and writes as plain prepared statements with no
//                                        transaction per command: every statement commits on its own (and
//                                        a concurrent writer could interleave between the read and the
//                                        write: the lost update the store's transactions prevent)
//   PostgreSQL (DATABASE_URL or TEST_DATABASE_URL, else a throwaway local cluster; skipped if none)
//     store (one transaction per command, owner lock and row lock)
//     baseline: autocommit               the same statements through one plain pg client, no transaction
// Each store command also returns the character card it changed (read in the same transaction), which
// the baselines do not read: that is part of what the figures compare.
// Run alone with `npx tsx bench/store.ts [commands]`, or through `npm run bench` (bench/run.ts calls run()).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { STAT_KEYS, type Stat } from '../src/game/classes.ts';
import { runesBetween } from '../src/runes/levels.ts';
import { StoreError } from '../src/characters/errors.ts';
import { openStore, type CharacterStore } from '../src/characters/store.ts';
import { startPostgresCluster, type PostgresCluster } from '../scripts/postgres-cluster.ts';

export interface StoreBenchFigure {
  label: string;
  commands: number;
  commandsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface StoreBenchResult {
  backend: 'sqlite' | 'postgres';
  figures: StoreBenchFigure[];
  /** The label of the figure the others are compared with. */
  baseline: string;
}

type Command =
  | { t: 'add'; user: string; name: string; amount: number }
  | { t: 'spend'; user: string; name: string; amount: number }
  | { t: 'levelUp'; user: string; name: string; stat: Stat }
  | { t: 'death'; user: string; name: string }
  | { t: 'recovery'; user: string; name: string }
  | { t: 'show'; user: string; name: string };

const USERS = 50;
const NAMES = ['Main', 'Alt', 'Third'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function workload(count: number): Command[] {
  const rand = prng(5);
  const out: Command[] = [];
  for (let i = 0; i < count; i++) {
    const user = `40000000000000${String(Math.floor(rand() * USERS)).padStart(4, '0')}`;
    const name = NAMES[Math.floor(rand() * NAMES.length)]!;
    const r = rand();
    if (r < 0.3) out.push({ t: 'add', user, name, amount: 1 + Math.floor(rand() * 50_000) });
    else if (r < 0.45) out.push({ t: 'spend', user, name, amount: 1 + Math.floor(rand() * 20_000) });
    else if (r < 0.65) out.push({ t: 'levelUp', user, name, stat: STAT_KEYS[Math.floor(rand() * 8)]! });
    else if (r < 0.75) out.push({ t: 'death', user, name });
    else if (r < 0.85) out.push({ t: 'recovery', user, name });
    else out.push({ t: 'show', user, name });
  }
  return out;
}

async function seed(store: CharacterStore): Promise<void> {
  for (let u = 0; u < USERS; u++) {
    const user = `40000000000000${String(u).padStart(4, '0')}`;
    for (const name of NAMES) {
      await store.createCharacter(user, { name, className: 'Wretch' });
      await store.addRunes({ userId: user, name }, 1_000_000);
    }
  }
}

function viaStore(store: CharacterStore): (c: Command) => Promise<void> {
  return async (c) => {
    const ref = { userId: c.user, name: c.name };
    try {
      switch (c.t) {
        case 'add':
          await store.addRunes(ref, c.amount, 'bench');
          break;
        case 'spend':
          await store.spend(ref, 'purchase', c.amount, 'Bench item');
          break;
        case 'levelUp':
          await store.levelUp(ref, c.stat, 1);
          break;
        case 'death':
          await store.recordDeath(ref);
          break;
        case 'recovery':
          await store.recordRecovery(ref);
          break;
        case 'show':
          await store.getCharacter(c.user, { name: c.name });
          break;
      }
    } catch (err) {
      if (!(err instanceof StoreError) || err.code === 'busy' || err.code === 'storage') throw err;
    }
  };
}

interface Row {
  id: number;
  runes_held: number;
  bloodstain: number | null;
  level: number;
  [stat: string]: number | null;
}

/** The same commands as plain statements on the same schema, each statement committing on its own. */
function viaAutocommit(db: Database.Database): (c: Command) => Promise<void> {
  const get = db.prepare<[string, string], Row>('SELECT * FROM characters WHERE owner_id = ? AND name_key = ?');
  const setRunes = db.prepare<[number, number | null, number, number]>('UPDATE characters SET runes_held = ?, bloodstain = ?, updated_at = ? WHERE id = ?');
  const entry = db.prepare<[number, string, string, number, number, number | null, number, string | null, number]>(
    `INSERT INTO rune_ledger (character_id, owner_id, kind, amount, balance_after, bloodstain_after, lost, stat, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const levelStmts = Object.fromEntries(
    STAT_KEYS.map((s) => [s, db.prepare<[number, number, number, number]>(`UPDATE characters SET ${s} = ${s} + 1, level = ?, runes_held = ?, updated_at = ? WHERE id = ?`)]),
  ) as Record<Stat, Database.Statement<[number, number, number, number]>>;
  return async (c) => {
    const row = get.get(c.user, c.name.toLowerCase());
    if (!row) throw new Error('missing character');
    const now = Date.now();
    switch (c.t) {
      case 'show':
        return;
      case 'add': {
        const held = row.runes_held + c.amount;
        if (held > 999_999_999) return;
        setRunes.run(held, row.bloodstain, now, row.id);
        entry.run(row.id, c.user, 'earned', c.amount, held, row.bloodstain, 0, null, now);
        return;
      }
      case 'spend': {
        if (row.runes_held < c.amount) return;
        const held = row.runes_held - c.amount;
        setRunes.run(held, row.bloodstain, now, row.id);
        entry.run(row.id, c.user, 'purchase', -c.amount, held, row.bloodstain, 0, null, now);
        return;
      }
      case 'levelUp': {
        if ((row[c.stat] as number) >= 99) return;
        const cost = runesBetween(row.level, row.level + 1);
        if (row.runes_held < cost) return;
        const held = row.runes_held - cost;
        levelStmts[c.stat].run(row.level + 1, held, now, row.id);
        entry.run(row.id, c.user, 'level_up', -cost, held, row.bloodstain, 0, c.stat, now);
        return;
      }
      case 'death': {
        if (row.bloodstain !== null) entry.run(row.id, c.user, 'lost', 0, row.runes_held, null, row.bloodstain, null, now);
        const stain = row.runes_held > 0 ? row.runes_held : null;
        setRunes.run(0, stain, now, row.id);
        entry.run(row.id, c.user, 'death_drop', -row.runes_held, 0, stain, 0, null, now);
        return;
      }
      case 'recovery': {
        if (row.bloodstain === null) return;
        const got = Math.min(row.bloodstain, 999_999_999 - row.runes_held);
        setRunes.run(row.runes_held + got, null, now, row.id);
        entry.run(row.id, c.user, 'recovered', got, row.runes_held + got, null, row.bloodstain - got, null, now);
        return;
      }
    }
  };
}

/** The same commands through one plain pg client: each statement commits on its own. */
function viaAutocommitPostgres(client: pg.Client): (c: Command) => Promise<void> {
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => (await client.query<R>(text, values)).rows;
  const entry = (v: unknown[]) =>
    q(
      `INSERT INTO rune_ledger (character_id, owner_id, kind, amount, balance_after, bloodstain_after, lost, stat, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      v,
    );
  const setRunes = (held: number, stain: number | null, now: number, id: number) =>
    q('UPDATE characters SET runes_held = $1, bloodstain = $2, updated_at = $3 WHERE id = $4', [held, stain, now, id]);
  return async (c) => {
    const [row] = await q<Row>('SELECT * FROM characters WHERE owner_id = $1 AND name_key = $2', [c.user, c.name.toLowerCase()]);
    if (!row) throw new Error('missing character');
    const now = Date.now();
    switch (c.t) {
      case 'show':
        return;
      case 'add': {
        const held = row.runes_held + c.amount;
        if (held > 999_999_999) return;
        await setRunes(held, row.bloodstain, now, row.id);
        await entry([row.id, c.user, 'earned', c.amount, held, row.bloodstain, 0, null, now]);
        return;
      }
      case 'spend': {
        if (row.runes_held < c.amount) return;
        const held = row.runes_held - c.amount;
        await setRunes(held, row.bloodstain, now, row.id);
        await entry([row.id, c.user, 'purchase', -c.amount, held, row.bloodstain, 0, null, now]);
        return;
      }
      case 'levelUp': {
        if ((row[c.stat] as number) >= 99) return;
        const cost = runesBetween(row.level, row.level + 1);
        if (row.runes_held < cost) return;
        const held = row.runes_held - cost;
        await q(`UPDATE characters SET ${c.stat} = ${c.stat} + 1, level = $1, runes_held = $2, updated_at = $3 WHERE id = $4`, [row.level + 1, held, now, row.id]);
        await entry([row.id, c.user, 'level_up', -cost, held, row.bloodstain, 0, c.stat, now]);
        return;
      }
      case 'death': {
        if (row.bloodstain !== null) await entry([row.id, c.user, 'lost', 0, row.runes_held, null, row.bloodstain, null, now]);
        const stain = row.runes_held > 0 ? row.runes_held : null;
        await setRunes(0, stain, now, row.id);
        await entry([row.id, c.user, 'death_drop', -row.runes_held, 0, stain, 0, null, now]);
        return;
      }
      case 'recovery': {
        if (row.bloodstain === null) return;
        const got = Math.min(row.bloodstain, 999_999_999 - row.runes_held);
        await setRunes(row.runes_held + got, null, now, row.id);
        await entry([row.id, c.user, 'recovered', got, row.runes_held + got, null, row.bloodstain - got, null, now]);
        return;
      }
    }
  };
}

async function measure(label: string, commands: Command[], exec: (c: Command) => Promise<void>): Promise<StoreBenchFigure> {
  const times = new Float64Array(commands.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < commands.length; i++) {
    const t0 = process.hrtime.bigint();
    await exec(commands[i]!);
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  const sorted = Array.from(times).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    label,
    commands: commands.length,
    commandsPerSecond: Math.round((commands.length / totalMs) * 1000),
    p50Ms: round(pct(50)),
    p99Ms: round(pct(99)),
    maxMs: round(sorted.at(-1)!),
  };
}

/** Runs every SQLite variant on its own fresh temporary file database and returns the figures. */
export async function benchStore(options: { commands?: number } = {}): Promise<StoreBenchResult> {
  const count = options.commands ?? 2_000;
  const commands = workload(count);
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const figures: StoreBenchFigure[] = [];
  try {
    const variants: { label: string; run: (path: string, label: string) => Promise<StoreBenchFigure> }[] = [
      {
        label: 'store (WAL, synchronous=FULL, one IMMEDIATE transaction per command)',
        run: async (path, label) => {
          const store = await openStore(path);
          await seed(store);
          const figure = await measure(label, commands, viaStore(store));
          await store.close();
          return figure;
        },
      },
      {
        label: 'store (WAL, synchronous=NORMAL, one IMMEDIATE transaction per command)',
        run: async (path, label) => {
          const store = await openStore(path, { synchronous: 'NORMAL' });
          await seed(store);
          const figure = await measure(label, commands, viaStore(store));
          await store.close();
          return figure;
        },
      },
      {
        label: 'baseline: autocommit, no transaction per command (WAL, synchronous=FULL)',
        run: async (path, label) => {
          const store = await openStore(path);
          await seed(store);
          await store.close();
          const db = new Database(path, { timeout: 5000 });
          db.pragma('journal_mode = WAL');
          db.pragma('synchronous = FULL');
          db.pragma('foreign_keys = ON');
          const figure = await measure(label, commands, viaAutocommit(db));
          db.close();
          return figure;
        },
      },
    ];
    for (const [i, v] of variants.entries()) figures.push(await v.run(join(dir, `v${i}.db`), v.label));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { backend: 'sqlite', figures, baseline: figures[2]!.label };
}

/** The store and its baseline on PostgreSQL at `url`, each in a fresh schema of its own. */
export async function benchPostgresStore(url: string, options: { commands?: number } = {}): Promise<StoreBenchResult> {
  const commands = workload(options.commands ?? 2_000);
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const storeSchema = `bench_store_${stamp}`;
  const baseSchema = `bench_base_${stamp}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const store = await openStore({ backend: 'postgres', url, schema: storeSchema });
    await seed(store);
    const storeFigure = await measure('store (one transaction per command, owner lock and row lock)', commands, viaStore(store));
    await store.close();

    const seeded = await openStore({ backend: 'postgres', url, schema: baseSchema });
    await seed(seeded);
    await seeded.close();
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${baseSchema}`, types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as never } });
    await client.connect();
    const baseFigure = await measure('baseline: autocommit, no transaction per command (one plain pg client)', commands, viaAutocommitPostgres(client));
    await client.end();
    return { backend: 'postgres', figures: [storeFigure, baseFigure], baseline: baseFigure.label };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${storeSchema} CASCADE`).catch(() => undefined);
    await admin.query(`DROP SCHEMA IF EXISTS ${baseSchema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
}

function format(result: StoreBenchResult): string {
  const base = result.figures.find((f) => f.label === result.baseline)!;
  const lines = result.figures.map((f) => {
    const ratio = f === base ? '(baseline)' : `${(f.commandsPerSecond / base.commandsPerSecond).toFixed(2)}× baseline`;
    return `${f.label}\n    ${f.commandsPerSecond.toLocaleString('en-US')} commands/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms  ${ratio}`;
  });
  const where = result.backend === 'sqlite' ? 'SQLite, temporary file database' : 'PostgreSQL';
  return `${result.figures[0]!.commands.toLocaleString('en-US')} character commands (30% add, 15% buy, 20% level up, 10% death, 10% recovery, 15% show) over ${USERS * NAMES.length} characters, ${where}:\n${lines.join('\n')}\n`;
}

/** Entry point for bench/run.ts: prints the figures for SQLite, then PostgreSQL (if one can be had), and returns them. */
export async function run(commands?: number): Promise<StoreBenchResult[]> {
  const options = commands === undefined ? {} : { commands };
  const results = [await benchStore(options)];
  process.stdout.write(format(results[0]!));
  let url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
  let cluster: PostgresCluster | null = null;
  if (!url) {
    try {
      cluster = await startPostgresCluster();
      url = cluster.url;
      process.stdout.write(`\n(PostgreSQL: a throwaway local cluster, ${cluster.version})\n`);
    } catch (error) {
      process.stdout.write(`\nPostgreSQL: skipped (${(error as Error).message}; set DATABASE_URL to measure against a server)\n`);
    }
  }
  try {
    if (url) {
      const result = await benchPostgresStore(url, options);
      results.push(result);
      process.stdout.write(`\n${format(result)}`);
    }
  } finally {
    cluster?.stop();
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  run(arg).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
