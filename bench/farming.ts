// Farming benchmark: building the enemy index from data/enemies.json and data/bosses.json beside only
// parsing those files (the baseline), and /enemy autocomplete latency (p50, p99 per query) over every
// entry name typed in part (3 and 6 letters) and in full, beside a plain case-insensitive substring scan
// of the same names (the baseline), plus how often the full name comes first. Run alone:
// `npx tsx bench/farming.ts`; `npm run bench -- farming`.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BOSS_DATA_PATH, ENEMY_DATA_PATH, EnemyIndex, type BossFile, type EnemyFile } from '../src/farming/index.ts';

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function timeEach(queries: readonly string[], work: (q: string) => unknown): { p50Us: number; p99Us: number } {
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    work(q);
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return { p50Us: Math.round(quantile(times, 0.5)), p99Us: Math.round(quantile(times, 0.99)) };
}

export async function run(): Promise<unknown> {
  const parseStart = performance.now();
  const enemies = JSON.parse(readFileSync(ENEMY_DATA_PATH, 'utf8')) as EnemyFile;
  const bosses = JSON.parse(readFileSync(BOSS_DATA_PATH, 'utf8')) as BossFile;
  const parseMs = performance.now() - parseStart;
  const buildStart = performance.now();
  const index = new EnemyIndex(enemies, bosses);
  const buildMs = performance.now() - buildStart;

  const names = index.entries.map((e) => e.name);
  const queries = names.flatMap((n) => [n.slice(0, 3), n.slice(0, 6), n]);
  for (const q of queries.slice(0, 200)) index.search(q); // warm up
  const ours = timeEach(queries, (q) => index.search(q, 25));
  const lower = names.map((n) => n.toLowerCase());
  const baseline = timeEach(queries, (q) => {
    const needle = q.toLowerCase();
    return lower.filter((n) => n.includes(needle)).slice(0, 25);
  });
  const first = names.filter((n) => index.search(n, 1)[0]?.entry.name === n).length;

  const figures = {
    entries: names.length,
    buildMs: { index: Number(buildMs.toFixed(1)), baselineParseOnly: Number(parseMs.toFixed(1)) },
    autocomplete: { queries: queries.length, index: ours, baselineSubstringScan: baseline },
    fullNameFirst: `${first} of ${names.length}`,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) void run();
