// Chart rendering benchmark: milliseconds per chart (p50, p99, max) for each chart the bot draws, next
// to a baseline measured in the same run: an empty 800×400 canvas filled with the card colour and
// encoded to PNG the same way (what any picture costs before chart.js draws anything). Also the first
// chart of a process, which loads chart.js, the canvas library and the font (the lazy import).
//
// Run alone: `npx tsx bench/charts.ts [iterations]`; `npm run bench` calls run().

import { fileURLToPath } from 'node:url';
import type { HistoryChartEntry } from '../src/render/charts/index.ts';

export interface ChartFigure {
  label: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** PNG size of the last drawing. */
  kib: number;
}

export interface ChartsBenchResult {
  /** Loading the chart module and drawing the first chart, in this process. */
  firstChartMs: number;
  baseline: ChartFigure;
  figures: ChartFigure[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

async function measure(label: string, runs: number, draw: () => Promise<Buffer>): Promise<ChartFigure> {
  for (let i = 0; i < 3; i++) await draw(); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const png = await draw();
    times.push(performance.now() - start);
    bytes = png.length;
  }
  times.sort((a, b) => a - b);
  return { label, runs, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), maxMs: times[times.length - 1]!, kib: bytes / 1024 };
}

/** A ledger of `n` entries over two months, newest first, with deaths, losses, recoveries and level-ups. */
export function benchLedger(n: number): HistoryChartEntry[] {
  const entries: HistoryChartEntry[] = [];
  let held = 0;
  let stain: number | null = null;
  const start = Date.UTC(2025, 0, 5, 12);
  for (let i = 0; i < n; i++) {
    const at = new Date(start + Math.floor((i / n) * 60 * 86_400_000)).toISOString();
    const id = i + 1;
    const step = i % 25;
    if (step === 20 && held > 0) {
      if (stain !== null) {
        entries.push({ id, kind: 'lost', amount: 0, balanceAfter: held, lost: stain, points: null, at });
        stain = null;
      } else {
        stain = held;
        entries.push({ id, kind: 'death_drop', amount: -held, balanceAfter: 0, lost: 0, points: null, at });
        held = 0;
      }
    } else if (step === 22 && stain !== null) {
      held += stain;
      entries.push({ id, kind: 'recovered', amount: stain, balanceAfter: held, lost: 0, points: null, at });
      stain = null;
    } else if (step % 6 === 5 && held > 20_000) {
      const cost = Math.floor(held * 0.7);
      held -= cost;
      entries.push({ id, kind: 'level_up', amount: -cost, balanceAfter: held, lost: 0, points: 2, at });
    } else {
      const amount = 2_000 + ((i * 7_919) % 40_000);
      held += amount;
      entries.push({ id, kind: 'earned', amount, balanceAfter: held, lost: 0, points: null, at });
    }
  }
  return entries.reverse();
}

export async function benchCharts(runs = 100, print = true): Promise<ChartsBenchResult> {
  let start = performance.now();
  const charts = await import('../src/render/charts/draw.ts');
  await charts.levelCostChart({ from: 80, to: 100 });
  const firstChartMs = performance.now() - start;
  const { createCanvas } = await import('@napi-rs/canvas');

  const baseline = await measure('baseline: empty 800×400 canvas → PNG', runs, async () => {
    const canvas = createCanvas(charts.CHART_WIDTH, charts.CHART_HEIGHT);
    const context = canvas.getContext('2d');
    context.fillStyle = charts.THEME.background;
    context.fillRect(0, 0, charts.CHART_WIDTH, charts.CHART_HEIGHT);
    return canvas.encode('png');
  });
  const ledger300 = benchLedger(300);
  const ledger2000 = benchLedger(2_000);
  const figures = [
    await measure('rune cost, levels 80 → 100 (30 bars)', runs, async () => (await charts.levelCostChart({ from: 80, to: 100, held: 250_000 })).data),
    await measure('rune cost, levels 1 → 713 (line, 712 points)', runs, async () => (await charts.levelCostChart({ from: 1, to: 713 })).data),
    await measure('history, 300 ledger entries', runs, async () => (await charts.historyChart({ entries: ledger300, levelNow: 120, name: 'Miriel' })).data),
    await measure('history, 2,000 ledger entries', runs, async () => (await charts.historyChart({ entries: ledger2000, levelNow: 300 })).data),
    await measure('farming, level 1 → 150 (143 runs)', runs, async () =>
      (await charts.farmChart({ perRun: 50_000, runs: 143, held: 0, targetRunes: 7_112_459, levels: { from: 1, to: 150 }, minutesPerRun: 1.5 })).data,
    ),
  ];
  const result = { firstChartMs, baseline, figures };
  if (print) printChartsBench(result);
  return result;
}

export function printChartsBench(result: ChartsBenchResult): void {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const rows = [['chart', 'runs', 'p50', 'p99', 'max', 'p50 − baseline', 'PNG'], ...[result.baseline, ...result.figures].map((f) => [
    f.label,
    String(f.runs),
    ms(f.p50Ms),
    ms(f.p99Ms),
    ms(f.maxMs),
    f === result.baseline ? '—' : `+${ms(f.p50Ms - result.baseline.p50Ms)}`,
    `${f.kib.toFixed(1)} KiB`,
  ])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c >= 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  console.log(`Charts (800×400 PNG): first chart of the process, loading chart.js, the canvas library and the font: ${ms(result.firstChartMs)}`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

export async function run(): Promise<ChartsBenchResult> {
  return benchCharts();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 100);
  benchCharts(Number.isInteger(runs) && runs > 0 ? runs : 100).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
