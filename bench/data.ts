// The game data compiler and the compiled files: how long `npm run build-data` takes (target: seconds, not
// minutes) next to a baseline of only unpacking the regulation file, and how long the bot takes to parse
// each file of data/ next to data/items.json alone (the next engineer decides what to lazy-load).
// Run alone: `npx tsx bench/data.ts`. The build part needs ../shared/data-sources (skipped when absent).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData, OUTPUT_FILES } from '../scripts/build-data/build.ts';
import { decryptRegulation } from '../scripts/regulation/decrypt.ts';
import { decompressDcx } from '../scripts/regulation/dcx.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.resolve(root, '../shared/data-sources');
const TARGET_BUILD_MS = 10_000;

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function readJson(f: string): Record<string, string> {
  const raw = JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))) as Record<string, string>;
}

export async function run(): Promise<void> {
  const regulation = path.join(sources, 'regulation/1.16.1/regulation.bin');
  if (fs.existsSync(regulation)) {
    const unpack = [0, 1, 2].map(() => time(() => decompressDcx(decryptRegulation(fs.readFileSync(regulation)))).ms);
    const build = [0, 1, 2].map(
      () => time(() => buildData({ sourcesDir: sources, effects: readJson('data/effects.json'), nameFixes: readJson('data/dlc-name-fixes.json') })).ms,
    );
    const b = median(build);
    console.log(`build-data (in memory, median of 3): ${b.toFixed(0)} ms; baseline, only decrypt + unpack the 1.16.1 file: ${median(unpack).toFixed(0)} ms (${(b / median(unpack)).toFixed(1)}×)`);
    console.log(`target < ${TARGET_BUILD_MS / 1000} s: ${b < TARGET_BUILD_MS ? 'met' : 'NOT met'}`);
  } else {
    console.log(`(build skipped: ${sources} not found)`);
  }
  const parse = (f: string) => median([0, 1, 2, 3, 4].map(() => time(() => JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8'))).ms));
  const times = new Map(OUTPUT_FILES.map((f) => [f, parse(f)]));
  const base = times.get('items.json') as number;
  console.log('parse at start (median of 5)   size      ms   × items.json (baseline)');
  for (const f of OUTPUT_FILES) {
    const ms = times.get(f) as number;
    const kb = fs.statSync(path.join(root, 'data', f)).size / 1024;
    console.log(`  ${f.padEnd(26)} ${kb.toFixed(0).padStart(6)} KB ${ms.toFixed(1).padStart(6)}   ${(ms / base).toFixed(2)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
