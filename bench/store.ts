// Character store benchmark: character commands per second and latency percentiles on a temporary file
// database, for the store as shipped and, in the same run, for named baselines on the same schema and the
// same seeded command sequence:
//   store (WAL, synchronous=FULL)      the default: one BEGIN IMMEDIATE transaction per command
//   store (WAL, synchronous=NORMAL)    same, without an fsync per commit (safe against a killed process,
//                                      not against a power cut)
//   baseline: autocommit (WAL, FULL)   the same reads and writes with no transaction per command: every
//                                      statement commits on its own (and a concurrent writer could
//                                      interleave between the read and the write: the lost update the
//                                      store's transactions prevent)
// Run alone with `npx tsx bench/store.ts [commands]`, or through `npm run bench` (bench/run.ts calls run()).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { STAT_KEYS, type Stat } from '../src/game/classes.ts';
import { runesBetween } from '../src/runes/levels.ts';
import { StoreError } from '../src/characters/errors.ts';
import { openStore, type CharacterStore } from '../src/characters/store.ts';

export interface StoreBenchFigure {
  label: string;
  commands: number;
  commandsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface StoreBenchResult {
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

function seed(store: CharacterStore): void {
  for (let u = 0; u < USERS; u++) {
    const user = `40000000000000${String(u).padStart(4, '0')}`;
    for (const name of NAMES) {
      store.createCharacter(user, { name, className: 'Wretch' });
      store.addRunes({ userId: user, name }, 1_000_000);
    }
  }
}

function viaStore(store: CharacterStore): (c: Command) => void {
  return (c) => {
    const ref = { userId: c.user, name: c.name };
    try {
      switch (c.t) {
        case 'add':
          store.addRunes(ref, c.amount, 'bench');
          break;
        case 'spend':
          store.spend(ref, 'purchase', c.amount, 'Bench item');
          break;
        case 'levelUp':
          store.levelUp(ref, c.stat, 1);
          break;
        case 'death':
          store.recordDeath(ref);
          break;
        case 'recovery':
          store.recordRecovery(ref);
          break;
        case 'show':
          store.getCharacter(c.user, { name: c.name });
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
function viaAutocommit(db: Database.Database): (c: Command) => void {
  const get = db.prepare<[string, string], Row>('SELECT * FROM characters WHERE owner_id = ? AND name_key = ?');
  const setRunes = db.prepare<[number, number | null, number, number]>('UPDATE characters SET runes_held = ?, bloodstain = ?, updated_at = ? WHERE id = ?');
  const entry = db.prepare<[number, string, string, number, number, number | null, number, string | null, number]>(
    `INSERT INTO rune_ledger (character_id, owner_id, kind, amount, balance_after, bloodstain_after, lost, stat, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const levelStmts = Object.fromEntries(
    STAT_KEYS.map((s) => [s, db.prepare<[number, number, number, number]>(`UPDATE characters SET ${s} = ${s} + 1, level = ?, runes_held = ?, updated_at = ? WHERE id = ?`)]),
  ) as Record<Stat, Database.Statement<[number, number, number, number]>>;
  return (c) => {
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

function measure(label: string, commands: Command[], exec: (c: Command) => void): StoreBenchFigure {
  const times = new Float64Array(commands.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < commands.length; i++) {
    const t0 = process.hrtime.bigint();
    exec(commands[i]!);
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

/** Runs every variant on its own fresh temporary file database and returns the figures. */
export async function benchStore(options: { commands?: number } = {}): Promise<StoreBenchResult> {
  const count = options.commands ?? 2_000;
  const commands = workload(count);
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const figures: StoreBenchFigure[] = [];
  try {
    const variants: { label: string; run: (path: string, label: string) => StoreBenchFigure }[] = [
      {
        label: 'store (WAL, synchronous=FULL, one IMMEDIATE transaction per command)',
        run: (path, label) => {
          const store = openStore(path);
          seed(store);
          const figure = measure(label, commands, viaStore(store));
          store.close();
          return figure;
        },
      },
      {
        label: 'store (WAL, synchronous=NORMAL, one IMMEDIATE transaction per command)',
        run: (path, label) => {
          const store = openStore(path, { synchronous: 'NORMAL' });
          seed(store);
          const figure = measure(label, commands, viaStore(store));
          store.close();
          return figure;
        },
      },
      {
        label: 'baseline: autocommit, no transaction per command (WAL, synchronous=FULL)',
        run: (path, label) => {
          const store = openStore(path);
          seed(store);
          store.close();
          const db = new Database(path, { timeout: 5000 });
          db.pragma('journal_mode = WAL');
          db.pragma('synchronous = FULL');
          db.pragma('foreign_keys = ON');
          const figure = measure(label, commands, viaAutocommit(db));
          db.close();
          return figure;
        },
      },
    ];
    variants.forEach((v, i) => figures.push(v.run(join(dir, `v${i}.db`), v.label)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { figures, baseline: figures[2]!.label };
}

function format(result: StoreBenchResult): string {
  const base = result.figures.find((f) => f.label === result.baseline)!;
  const lines = result.figures.map((f) => {
    const ratio = f === base ? '(baseline)' : `${(f.commandsPerSecond / base.commandsPerSecond).toFixed(2)}× baseline`;
    return `${f.label}\n    ${f.commandsPerSecond.toLocaleString('en-US')} commands/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms  ${ratio}`;
  });
  return `${result.figures[0]!.commands.toLocaleString('en-US')} character commands (30% add, 15% buy, 20% level up, 10% death, 10% recovery, 15% show) over ${USERS * NAMES.length} characters, temporary file database:\n${lines.join('\n')}\n`;
}

/** Entry point for bench/run.ts: prints the figures and returns them. */
export async function run(commands?: number): Promise<StoreBenchResult> {
  const result = await benchStore(commands === undefined ? {} : { commands });
  process.stdout.write(format(result));
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  run(arg).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
