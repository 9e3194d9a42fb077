// Start-up, memory and throughput of the real bot process in both modes, each beside an echo bot (a bot
// that only replies: bench/echo/gateway.mjs, a minimal discord.js client; bench/echo/http.mjs, a minimal
// node:http endpoint that verifies signatures) measured in the same run against the fake Discord of the
// tests on 127.0.0.1. The bot runs as `npm start` runs it (node on the compiled dist/), and also as it
// started before the build step existed (tsx transpiling src/ at start), for comparison.
//   cold start   process spawn → ready: the gateway IDENTIFY reaching the fake (gateway mode), or the
//                "listening" line (HTTP mode); median of `runs` starts, [min–max]
//   first /item  the first /item answer right after ready (the item index is built in the background
//                then), also with both CPU cores kept busy by two other processes (a "slow machine")
//   memory       RSS of the process tree 1.5 s after ready, and after the interactions below
//   throughput   interactions per second and p50/p99 latency at a fixed concurrency, for /item (a card)
//                and /item autocomplete; the latency is from sending the interaction to its answer
//                (the interaction callback at the fake for the gateway, the HTTP response for HTTP);
//                and the bot's own CPU time per interaction (user + system, from /proc), which other
//                work on a shared machine disturbs far less than the wall-clock figures
// Starts are interleaved (every bot once per round) and the throughput is measured in rounds with every
// bot running, so a burst of other load on the machine hits all of them alike. Each gateway bot has a
// fake Discord of its own. Run alone with `npx tsx bench/start.ts [runs] [interactions]`, or through
// `npm run bench`.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPLICATION_ID, autocomplete, slashCommand } from '../test/fake-discord/payloads.ts';
import { InteractionSender } from '../test/fake-discord/interactions.ts';
import { FakeDiscord } from '../test/fake-discord/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

type Mode = 'gateway' | 'http';

interface Subject {
  label: string;
  mode: Mode;
  command: string;
  args: string[];
  echo: boolean;
}

const SUBJECTS: Subject[] = [
  { label: 'bot (node dist/, as npm start)', mode: 'gateway', command: process.execPath, args: ['dist/src/main.js'], echo: false },
  { label: 'bot via tsx (start before the build step)', mode: 'gateway', command: TSX, args: ['src/main.ts'], echo: false },
  { label: 'echo bot (discord.js, baseline)', mode: 'gateway', command: process.execPath, args: ['bench/echo/gateway.mjs'], echo: true },
  { label: 'bot (node dist/, as npm start)', mode: 'http', command: process.execPath, args: ['dist/src/main.js'], echo: false },
  { label: 'bot via tsx (start before the build step)', mode: 'http', command: TSX, args: ['src/main.ts'], echo: false },
  { label: 'echo bot (node:http, baseline)', mode: 'http', command: process.execPath, args: ['bench/echo/http.mjs'], echo: true },
];

export interface Throughput {
  interactions: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  deferred: number;
  /** The bot's CPU time (user + system) per interaction. */
  cpuMsPerInteraction: number;
}

export interface SubjectFigures {
  label: string;
  mode: Mode;
  echo: boolean;
  startMs: number[];
  firstItemMs: number[];
  firstItemUnderLoadMs: number[];
  startUnderLoadMs: number[];
  rssAfterReadyMb: number;
  rssAfterInteractionsMb: number;
  item: Throughput;
  autocomplete: Throughput;
}

export interface StartBenchOptions {
  runs?: number;
  interactions?: number;
  concurrency?: number;
  /** Also measure start and the first /item with two busy-loop processes beside (default true). */
  underLoad?: boolean;
  /** Only these modes (default both). */
  modes?: Mode[];
  /** Also the bot started through tsx (default true). */
  withTsx?: boolean;
}

// ---- processes --------------------------------------------------------------------------------------

/** A process and all its descendants (tsx runs the bot in a child process). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** RSS of a process and all its descendants, in MB. */
function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

/** User + system CPU time of a process and its descendants so far, in ms. */
function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // gone
    }
  }
  return ticks * 10; // CLK_TCK is 100 on Linux
}

interface Running {
  child: ChildProcess;
  /** Resolves with the first log line carrying this msg. */
  line(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function launch(subject: Subject, env: Record<string, string>): Running {
  const child = spawn(subject.command, subject.args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const seen: Record<string, unknown>[] = [];
  const waiters: { msg: string; resolve: (l: Record<string, unknown>) => void }[] = [];
  let buffer = '';
  let errors = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      seen.push(line);
      for (const w of waiters.filter((w) => w.msg === line.msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    line(msg, timeoutMs = 60_000) {
      const found = seen.find((l) => l.msg === msg);
      if (found) return Promise.resolve(found);
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`${subject.label}: no "${msg}" line within ${timeoutMs} ms\n${errors}`)), timeoutMs);
        waiters.push({ msg, resolve: (l) => (clearTimeout(timer), ok(l)) });
        void exited.then((code) => fail(new Error(`${subject.label} exited (${code}) before "${msg}"\n${errors}`)));
      });
    },
  };
}

async function stop(running: Running): Promise<void> {
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 15_000);
  await running.exited;
  clearTimeout(timer);
}

function busyLoops(count: number): () => void {
  const hogs = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  return () => {
    for (const hog of hogs) hog.kill('SIGKILL');
  };
}

// ---- interactions ------------------------------------------------------------------------------------

type Payload = { id: string; token: string };

interface Driver {
  /** Send one interaction and resolve with [latency ms, deferred?] when it is answered. */
  send(payload: Payload): Promise<[number, boolean]>;
}

function gatewayDriver(fake: FakeDiscord): Driver & { close(): void } {
  const pending = new Map<string, (deferred: boolean) => void>();
  const off = fake.onRequest((r) => {
    const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path)?.[1];
    if (id && r.status < 300) pending.get(id)?.((r.body as { type?: number })?.type === 5);
  });
  return {
    send(payload) {
      return new Promise((done) => {
        const started = performance.now();
        pending.set(payload.id, (deferred) => {
          pending.delete(payload.id);
          done([performance.now() - started, deferred]);
        });
        fake.dispatch('INTERACTION_CREATE', payload);
      });
    },
    close: off,
  };
}

function httpDriver(sender: InteractionSender, endpoint: string): Driver {
  return {
    async send(payload) {
      const started = performance.now();
      const response = await sender.send(payload, { endpoint });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return [performance.now() - started, response.body?.type === 5];
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Latencies and time of one measured batch, to be pooled over rounds. */
interface Batch {
  latencies: number[];
  seconds: number;
  deferred: number;
  cpuMs: number;
}

async function batch(driver: Driver, make: () => Payload, total: number, concurrency: number, pid: number): Promise<Batch> {
  const latencies: number[] = [];
  let deferred = 0;
  let next = 0;
  const cpuBefore = treeCpuMs(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const [ms, wasDeferred] = await driver.send(make());
        latencies.push(ms);
        if (wasDeferred) deferred++;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, deferred, cpuMs: treeCpuMs(pid) - cpuBefore };
}

function pooled(batches: Batch[]): Throughput {
  const latencies = batches.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const seconds = batches.reduce((sum, b) => sum + b.seconds, 0);
  const cpuMs = batches.reduce((sum, b) => sum + b.cpuMs, 0);
  return {
    interactions: latencies.length,
    perSecond: seconds > 0 ? Math.round(latencies.length / seconds) : 0,
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    deferred: batches.reduce((sum, b) => sum + b.deferred, 0),
    cpuMsPerInteraction: latencies.length ? Math.round((cpuMs / latencies.length) * 100) / 100 : 0,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const ITEMS = ['Rivers of Blood', 'Moonveil', 'Blasphemous Blade', 'Golden Rune [5]', 'Longsword', 'Erdtree Greatshield', 'Mimic Tear Ashes', 'Sword of Night and Flame'];
let counter = 0;
const itemCommand = () => slashCommand('item', { values: { name: ITEMS[counter++ % ITEMS.length]! }, guild: true });
const itemAutocomplete = () => autocomplete('item', 'name', { values: { name: ITEMS[counter++ % ITEMS.length]!.slice(0, 3 + (counter % 5)) }, guild: true });

// ---- the benchmark -----------------------------------------------------------------------------------

interface Started {
  running: Running;
  startMs: number;
  firstItemMs: number;
  driver: Driver & { close?(): void };
  /** The gateway bot's own fake Discord. */
  fake?: FakeDiscord;
}

/** Start one bot, wait until it is ready, and time its first /item answer. */
async function startOnce(subject: Subject, sender: InteractionSender, dir: string, tag: string): Promise<Started> {
  const fake = await new FakeDiscord().start();
  const env: Record<string, string> = {
    HOME: dir,
    DATABASE_PATH: join(dir, `bench-${subject.mode}-${tag}.sqlite`),
    DISCORD_API_BASE: fake.restBase,
    LOG_LEVEL: 'info',
    ...(subject.mode === 'gateway'
      ? { DISCORD_TOKEN: fake.token }
      : { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: sender.publicKeyHex, DISCORD_APPLICATION_ID: APPLICATION_ID }),
  };
  const identified = new Promise<number>((done) => {
    const off = fake.onIdentify(() => {
      off();
      done(performance.now());
    });
  });
  const spawned = performance.now();
  const running = launch(subject, env);
  let readyAt: number;
  let driver: Driver & { close?(): void };
  if (subject.mode === 'gateway') {
    const died = running.exited.then((code) => Promise.reject(new Error(`${subject.label} exited (${code}) before identifying`)));
    readyAt = await Promise.race([identified, died]);
    await running.line('connected to Discord');
    driver = gatewayDriver(fake);
  } else {
    const line = await running.line('listening for HTTP interactions');
    readyAt = performance.now();
    const endpoint = `http://127.0.0.1:${line.port as number}`;
    driver = httpDriver(sender, endpoint);
  }
  const [firstItemMs] = await driver.send(itemCommand());
  return { running, startMs: readyAt - spawned, firstItemMs, driver, fake };
}

async function stopStarted(started: Started): Promise<void> {
  started.driver.close?.();
  await stop(started.running);
  await started.fake?.stop();
}

export async function benchStart(options: StartBenchOptions = {}): Promise<SubjectFigures[]> {
  const runs = options.runs ?? 5;
  const total = options.interactions ?? 2_000;
  const concurrency = options.concurrency ?? 20;
  const rounds = Math.max(1, Math.min(5, Math.floor(total / 100)));
  const modes = options.modes ?? ['gateway', 'http'];
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const sender = new InteractionSender('http://127.0.0.1');
  sender.agent = new Agent({ keepAlive: true, maxSockets: concurrency * 4 });
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const subjects = SUBJECTS.filter((s) => modes.includes(s.mode) && (options.withTsx !== false || s.command !== TSX));
  const figures = subjects.map(
    (subject): SubjectFigures => ({
      label: subject.label,
      mode: subject.mode,
      echo: subject.echo,
      startMs: [],
      firstItemMs: [],
      firstItemUnderLoadMs: [],
      startUnderLoadMs: [],
      rssAfterReadyMb: 0,
      rssAfterInteractionsMb: 0,
      item: emptyThroughput(),
      autocomplete: emptyThroughput(),
    }),
  );
  try {
    // 1. Cold starts, every bot once per round.
    for (let run = 0; run < runs; run++) {
      for (const [i, subject] of subjects.entries()) {
        const started = await startOnce(subject, sender, dir, `r${run}`);
        figures[i]!.startMs.push(round(started.startMs));
        figures[i]!.firstItemMs.push(round(started.firstItemMs));
        await stopStarted(started);
      }
    }
    // 2. The same with both cores kept busy by two other processes.
    if (options.underLoad ?? true) {
      const release = busyLoops(2);
      try {
        for (let run = 0; run < Math.min(3, runs); run++) {
          for (const [i, subject] of subjects.entries()) {
            const started = await startOnce(subject, sender, dir, `l${run}`);
            figures[i]!.startUnderLoadMs.push(round(started.startMs));
            figures[i]!.firstItemUnderLoadMs.push(round(started.firstItemMs));
            await stopStarted(started);
          }
        }
      } finally {
        release();
      }
    }
    // 3. Memory and throughput, every bot running, in rounds.
    const all: Started[] = [];
    try {
      for (const subject of subjects) all.push(await startOnce(subject, sender, dir, 'steady'));
      await new Promise((r) => setTimeout(r, 1_500));
      all.forEach((s, i) => (figures[i]!.rssAfterReadyMb = treeRssMb(s.running.child.pid!)));
      // Warm-up (JIT, caches), not measured.
      for (const s of all) for (let i = 0; i < Math.min(100, total); i++) await s.driver.send(i % 2 ? itemCommand() : itemAutocomplete());
      const itemBatches = all.map((): Batch[] => []);
      const autocompleteBatches = all.map((): Batch[] => []);
      for (let r = 0; r < rounds; r++) {
        for (let k = 0; k < all.length; k++) {
          const i = (k + r) % all.length;
          const s = all[i]!;
          itemBatches[i]!.push(await batch(s.driver, itemCommand, Math.round(total / rounds), concurrency, s.running.child.pid!));
          autocompleteBatches[i]!.push(await batch(s.driver, itemAutocomplete, Math.round(total / rounds), concurrency, s.running.child.pid!));
        }
      }
      all.forEach((s, i) => {
        figures[i]!.item = pooled(itemBatches[i]!);
        figures[i]!.autocomplete = pooled(autocompleteBatches[i]!);
        figures[i]!.rssAfterInteractionsMb = treeRssMb(s.running.child.pid!);
      });
    } finally {
      for (const s of all) await stopStarted(s);
    }
  } finally {
    sender.agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

function emptyThroughput(): Throughput {
  return { interactions: 0, perSecond: 0, p50Ms: 0, p99Ms: 0, deferred: 0, cpuMsPerInteraction: 0 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
}

function span(values: number[]): string {
  if (!values.length) return '—';
  return `${Math.round(median(values))} ms [${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}]`;
}

function rate(t: Throughput): string {
  return `${t.perSecond.toLocaleString('en-US')}/s, p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms, ${t.cpuMsPerInteraction} ms CPU each${t.deferred ? `, ${t.deferred} deferred` : ''}`;
}

export function format(figures: SubjectFigures[], options: { runs: number; interactions: number; concurrency: number }): string {
  const out: string[] = [];
  for (const mode of ['gateway', 'http'] as const) {
    const rows = figures.filter((f) => f.mode === mode);
    if (!rows.length) continue;
    const base = rows.find((f) => f.echo);
    out.push(mode === 'gateway' ? 'Gateway mode (ready = IDENTIFY received by the fake Discord)' : 'HTTP interactions mode (ready = listening on HTTP_PORT)');
    for (const f of rows) {
      const vs = base && f !== base ? `  (${(median(f.startMs) / Math.max(1, median(base.startMs))).toFixed(2)}× the echo bot)` : '';
      out.push(`  ${f.label}`);
      out.push(`    cold start ${span(f.startMs)}${vs}; with both cores busy ${span(f.startUnderLoadMs)}`);
      out.push(`    first /item after ready ${span(f.firstItemMs)}; with both cores busy ${span(f.firstItemUnderLoadMs)}`);
      out.push(`    RSS ${f.rssAfterReadyMb} MB after ready, ${f.rssAfterInteractionsMb} MB after ${(200 + f.item.interactions + f.autocomplete.interactions).toLocaleString('en-US')} interactions`);
      out.push(`    /item ${rate(f.item)}`);
      out.push(`    /item autocomplete ${rate(f.autocomplete)}`);
    }
  }
  return `${options.runs} cold starts per bot, interleaved (median [min–max]; with both cores busy: 3); throughput: ${options.interactions.toLocaleString('en-US')} of each kind per bot at ${options.concurrency} in flight, in rounds, after 100 for warm-up; the echo bots answer everything with a fixed message.\n${out.join('\n')}\n`;
}

/** Entry point for bench/run.ts. */
export async function run(runs?: number, interactions?: number): Promise<SubjectFigures[]> {
  const options = { runs: runs ?? 5, interactions: interactions ?? 2_000, concurrency: 20 };
  const figures = await benchStart(options);
  process.stdout.write(format(figures, options));
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [runs, interactions] = process.argv.slice(2).map(Number);
  run(runs, interactions).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
