// Item search benchmark: autocomplete latency (p50, p99 per query) and top-1 accuracy for this index
// and, in the same run over the same queries, for a plain fuse.js index with default options
// (`new Fuse(items, { keys: ['name'] })`), which is what a bot without an index of its own would do.
//
// Query sets:
//  - "typed prefixes": every item name cut at 3, 6 and 10 characters (as a player types it; short cuts
//    are ambiguous, so top-1 here is "the item is first among all items sharing that prefix" only in
//    spirit; "listed" says whether it is among the 25 autocomplete choices);
//  - "full names": every item name as written;
//  - "query file": ../shared/queries/items.tsv (what players type; skipped when absent).
//
// The plain fuse.js index is slow (milliseconds to tens of milliseconds a query), so by default it runs on
// an evenly spread sample of the two big sets (every k-th query); this index runs on the same sample too
// (the rows compared for speed-up and accuracy) and on the whole set.
//
// Reading top-1 on typed prefixes: a 3-letter prefix is shared by many items and the same string is
// expected to find each of them, so at most one of those queries can be right whatever the ranking;
// that figure measures little beyond "the first choice starts with what was typed".
//
// Run alone: `npx tsx bench/items.ts` (add `--full` to run the baseline on every query);
// `npm run bench` imports `benchItems`.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { loadItemData } from '../src/items/data.ts';
import { getItemIndex, type ItemIndex } from '../src/items/search.ts';
import type { ItemRecord } from '../src/items/types.ts';

export const QUERY_FILE = fileURLToPath(new URL('../../shared/queries/items.tsv', import.meta.url));

export interface BenchQuery {
  query: string;
  expected: string;
}

export interface EngineFigures {
  queries: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  top1: number; // share, 0..1
  listed: number; // share within the first 25
}

export interface SetFigures {
  set: string;
  /** This index on every query of the set. */
  index: EngineFigures;
  /** This index on the baseline's sample. */
  indexSample: EngineFigures;
  /** Plain fuse.js on the sample. */
  fuse: EngineFigures;
}

export interface ItemsBenchResult {
  items: number;
  buildMs: { index: number; fuse: number };
  sets: SetFigures[];
  /** p99 of this index over all sets, and how many times faster than plain fuse.js at p99/p50. */
  summary: { indexP99Us: number; fuseP99Us: number; speedupP50: number; speedupP99: number };
}

export function readQueryFile(path = QUERY_FILE): BenchQuery[] | null {
  if (!existsSync(path)) return null;
  const out: BenchQuery[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [query, expected] = line.split('\t');
    if (query && expected) out.push({ query, expected: expected.trim() });
  }
  return out;
}

export function prefixQueries(items: readonly ItemRecord[], cuts = [3, 6, 10]): BenchQuery[] {
  const out: BenchQuery[] = [];
  for (const item of items) {
    const seen = new Set<string>();
    for (const cut of cuts) {
      if (cut >= item.name.length) continue;
      const query = item.name.slice(0, cut);
      if (seen.has(query)) continue;
      seen.add(query);
      out.push({ query, expected: item.name });
    }
  }
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

type Engine = (query: string) => string[]; // names, best first (at most 25)

/**
 * An evenly spread sample of about `max` queries: every k-th distinct query string, with all of its
 * copies (a prefix shared by several items is one string expected to find each of them; keeping the
 * copies together keeps the sample's top-1 an unbiased estimate of the whole set's).
 */
export function sample(queries: readonly BenchQuery[], max: number): BenchQuery[] {
  if (queries.length <= max) return [...queries];
  const groups = new Map<string, BenchQuery[]>();
  for (const q of queries) {
    const group = groups.get(q.query);
    if (group) group.push(q);
    else groups.set(q.query, [q]);
  }
  const step = Math.ceil(queries.length / max);
  return [...groups.values()].filter((_, i) => i % step === 0).flat();
}

function measure(engine: Engine, queries: readonly BenchQuery[], passes: number, warmup = queries.length): EngineFigures {
  // Warm-up (JIT), not measured.
  for (const q of queries.slice(0, warmup)) engine(q.query);
  const times = new Float64Array(queries.length * passes);
  let top1 = 0;
  let listed = 0;
  let k = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const q of queries) {
      const start = performance.now();
      const names = engine(q.query);
      times[k++] = (performance.now() - start) * 1000;
      if (pass === 0) {
        if (names[0] === q.expected) top1++;
        if (names.includes(q.expected)) listed++;
      }
    }
  }
  times.sort();
  return {
    queries: queries.length,
    p50Us: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    maxUs: times[times.length - 1] ?? 0,
    top1: queries.length ? top1 / queries.length : 0,
    listed: queries.length ? listed / queries.length : 0,
  };
}

export interface ItemsBenchOptions {
  print?: boolean;
  /** Measured passes of this index over each set (default 3). */
  passes?: number;
  queryFile?: string;
  /** Most queries per set the plain fuse.js baseline runs (default: 1,500 prefixes, 300 full names, the whole query file). */
  baselineSample?: number;
}

/** Default baseline sample sizes: fuse.js takes ~10 ms per prefix and ~45 ms per full name. */
const BASELINE_SAMPLE: Record<string, number> = { 'typed prefixes': 1500, 'full names': 300, 'query file': Infinity };

export async function benchItems(options: ItemsBenchOptions = {}): Promise<ItemsBenchResult> {
  const print = options.print ?? true;
  const passes = options.passes ?? 3;
  const data = loadItemData();
  if (!data) throw new Error('data/items.json is missing: run npm run build-data first');

  let start = performance.now();
  const index: ItemIndex = getItemIndex()!;
  const indexBuildMs = performance.now() - start;
  start = performance.now();
  const fuse = new Fuse(data.items, { keys: ['name'] });
  const fuseBuildMs = performance.now() - start;

  const ours: Engine = (query) => index.search(query, { limit: 25 }).map((hit) => hit.item.name);
  const plain: Engine = (query) => fuse.search(query, { limit: 25 }).map((result) => result.item.name);

  const sets: { set: string; queries: BenchQuery[] }[] = [
    { set: 'typed prefixes', queries: prefixQueries(data.items) },
    { set: 'full names', queries: data.items.map((item) => ({ query: item.name, expected: item.name })) },
  ];
  const file = readQueryFile(options.queryFile ?? QUERY_FILE);
  if (file) sets.push({ set: 'query file', queries: file });

  const figures: SetFigures[] = sets.map(({ set, queries }) => {
    const sampled = sample(queries, options.baselineSample ?? BASELINE_SAMPLE[set] ?? 400);
    return {
      set,
      index: measure(ours, queries, passes),
      indexSample: measure(ours, sampled, passes),
      // One measured pass, after a short warm-up, for the baseline: it is the slow one.
      fuse: measure(plain, sampled, 1, 50),
    };
  });

  const all = (pick: (s: SetFigures) => EngineFigures, key: 'p50Us' | 'p99Us') => Math.max(...figures.map((s) => pick(s)[key]));
  const summary = {
    indexP99Us: all((s) => s.index, 'p99Us'),
    fuseP99Us: all((s) => s.fuse, 'p99Us'),
    speedupP50: Math.min(...figures.map((s) => s.fuse.p50Us / Math.max(s.indexSample.p50Us, 1e-3))),
    speedupP99: Math.min(...figures.map((s) => s.fuse.p99Us / Math.max(s.indexSample.p99Us, 1e-3))),
  };
  const result: ItemsBenchResult = { items: data.items.length, buildMs: { index: indexBuildMs, fuse: fuseBuildMs }, sets: figures, summary };
  if (print) printItemsBench(result, file === null);
  return result;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);

export function printItemsBench(result: ItemsBenchResult, queryFileMissing = false): void {
  const rows: string[][] = [['set', 'engine', 'queries', 'p50', 'p99', 'max', 'top-1', 'in top 25']];
  for (const s of result.sets) {
    const same = s.indexSample.queries === s.index.queries;
    const engines: [string, EngineFigures][] = same
      ? [
          ['this index', s.index],
          ['plain fuse.js', s.fuse],
        ]
      : [
          ['this index (all)', s.index],
          ['this index (sample)', s.indexSample],
          ['plain fuse.js (sample)', s.fuse],
        ];
    for (const [engine, f] of engines) {
      rows.push([s.set, engine, String(f.queries), us(f.p50Us), us(f.p99Us), us(f.maxUs), pct(f.top1), pct(f.listed)]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  console.log(`Item search: ${result.items} items; build ${result.buildMs.index.toFixed(0)} ms (this index), ${result.buildMs.fuse.toFixed(0)} ms (plain fuse.js)`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  const s = result.summary;
  console.log(
    `p99 over all sets: ${us(s.indexP99Us)} (target < 1 ms: ${s.indexP99Us < 1000 ? 'met' : 'NOT met'}); ` +
      `speed-up vs plain fuse.js on the same queries, worst set: ${s.speedupP50.toFixed(0)}× at p50, ${s.speedupP99.toFixed(0)}× at p99 (target ≥ 10×: ${s.speedupP99 >= 10 && s.speedupP50 >= 10 ? 'met' : 'NOT met'})`,
  );
  if (queryFileMissing) console.log('(query file ../shared/queries/items.tsv not found: that set was skipped)');
}

/** The entry bench/run.ts (`npm run bench`) calls. */
export async function run(): Promise<ItemsBenchResult> {
  return benchItems();
}

// Run alone: npx tsx bench/items.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchItems(process.argv.includes('--full') ? { baselineSample: Infinity } : {}).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
