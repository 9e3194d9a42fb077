// Farming progress: runes held after each run up to the target (a dashed line), and for a level target
// the level those runes buy.

import { MAX_LEVEL, MIN_LEVEL } from '../../game/classes.ts';
import { MAX_RUNE_INPUT } from '../../game/limits.ts';
import { highestReachableLevel, runesBetween } from '../../runes/index.ts';
import { duration, fmt } from '../../text/format.ts';
import { Chart } from 'chart.js';
import { axisTitle, CHART_HEIGHT, CHART_WIDTH, renderChart, THEME, titles } from './engine.ts';
import { ChartInputError, type ChartImage, type FarmChartInput } from './inputs.ts';

/** Runs up to this many get a dot each; more are drawn as a plain line. */
const MAX_DOTS = 60;
/** Points on the runes line at most (it is straight: a sample is exact). */
const MAX_POINTS = 200;

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k) at or above `value`. */
function roundUp(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function whole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export async function farmChart(input: FarmChartInput): Promise<ChartImage> {
  const { perRun, runs, held, targetRunes, levels, minutesPerRun } = input;
  if (!whole(perRun, 1, MAX_RUNE_INPUT) || !whole(held, 0, MAX_RUNE_INPUT) || !whole(targetRunes, 0, MAX_RUNE_INPUT) || !whole(runs, 0, MAX_RUNE_INPUT)) {
    throw new ChartInputError(`A farming chart needs whole numbers of runes (from 0 to ${fmt(MAX_RUNE_INPUT)}), at least 1 rune a run.`);
  }
  if (levels !== undefined && (!whole(levels.from, MIN_LEVEL, MAX_LEVEL) || !whole(levels.to, MIN_LEVEL, MAX_LEVEL) || levels.from >= levels.to)) {
    throw new ChartInputError(`A level target needs two levels from ${MIN_LEVEL} to ${MAX_LEVEL}, the first below the second.`);
  }
  if (levels !== undefined && runesBetween(levels.from, levels.to) !== targetRunes) {
    throw new ChartInputError(`The target of ${fmt(targetRunes)} runes is not the cost of level ${levels.from} → ${levels.to}.`);
  }
  const fromLevel = levels?.from;
  if (minutesPerRun !== undefined && !(minutesPerRun > 0 && Number.isFinite(minutesPerRun))) throw new ChartInputError('Minutes per run must be above 0.');
  const final = held + runs * perRun;
  if (final < targetRunes || (runs > 0 && held + (runs - 1) * perRun >= targetRunes)) {
    throw new ChartInputError(`${fmt(runs)} runs of ${fmt(perRun)} runes from ${fmt(held)} do not end at the target of ${fmt(targetRunes)}.`);
  }
  if (final > MAX_RUNE_INPUT) throw new ChartInputError(`A farming chart goes up to ${fmt(MAX_RUNE_INPUT)} runes.`);

  const reached = runs === 0;
  // A little room after the last run, so the last step of the level line shows.
  const lastRun = reached ? 1 : runs + Math.max(0.4, runs * 0.03);
  // The runes line is straight: a sample of at most MAX_POINTS runs draws it exactly. Nothing to farm:
  // a flat line at what is held.
  const runesLine: { x: number; y: number }[] = [];
  if (reached) runesLine.push({ x: 0, y: held }, { x: 1, y: held });
  else {
    const step = Math.max(1, Math.ceil(runs / MAX_POINTS));
    for (let run = 0; run < runs; run += step) runesLine.push({ x: run, y: held + run * perRun });
    runesLine.push({ x: runs, y: final });
  }
  const dots = !reached && runs <= MAX_DOTS;

  // For a level target: the level the runes buy, stepping up at the run where each level is paid for.
  const levelLine: { x: number; y: number }[] = [];
  if (fromLevel !== undefined && !reached) {
    const levelAt = (run: number) => highestReachableLevel(fromLevel, held + run * perRun).level;
    levelLine.push({ x: 0, y: levelAt(0) });
    let run = 0;
    while (run < runs && levelAt(runs) > levelAt(run)) {
      // The first run after which the level is higher (the level only grows with runs).
      const current = levelAt(run);
      let lo = run + 1;
      let hi = runs;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (levelAt(mid) > current) hi = mid;
        else lo = mid + 1;
      }
      levelLine.push({ x: lo, y: levelAt(lo) });
      run = lo;
    }
    levelLine.push({ x: lastRun, y: levelAt(runs) });
  }

  const time = minutesPerRun !== undefined && runs > 0 ? ` · about ${duration(runs * minutesPerRun)}` : '';
  const subtitle = reached
    ? `Nothing to farm: you hold ${fmt(held)} of the ${fmt(targetRunes)} runes needed`
    : `${fmt(runs)} run${runs === 1 ? '' : 's'} at ${fmt(perRun)} rune${perRun === 1 ? '' : 's'} a run${held > 0 ? `, from ${fmt(held)} held` : ''}${time}`;
  // The runes axis ends on a round number; the level axis is scaled so that the target level sits on
  // the target line (both lines meet there).
  const yMax = roundUp(Math.max(final, targetRunes, 1) * 1.08);
  const levelAxis =
    levels && !reached && targetRunes > 0 ? { min: levels.from, max: levels.from + ((levels.to - levels.from) * yMax) / targetRunes } : undefined;

  const datasets: any[] = [
    {
      label: 'Runes held',
      data: runesLine,
      yAxisID: 'y',
      borderColor: THEME.gold,
      backgroundColor: THEME.goldFill,
      fill: 'origin',
      borderWidth: 3,
      pointStyle: dots ? 'circle' : 'line',
      pointRadius: dots ? 4 : 0,
      pointBackgroundColor: THEME.gold,
      // (The legend draws a 'line' point style with the point border width.)
      pointBorderWidth: dots ? 0 : 3,
      clip: false,
      order: 2,
    },
  ];
  if (levelLine.length && levelAxis) {
    datasets.push({
      label: 'Level',
      data: levelLine,
      yAxisID: 'y1',
      stepped: 'before',
      borderColor: THEME.blue,
      borderWidth: 2.5,
      pointStyle: 'line',
      pointRadius: 0,
      fill: false,
      order: 1,
    });
  }

  const data = await renderChart(
    {
      type: 'line',
      data: { datasets },
      options: {
        layout: { padding: { left: 10, right: levelAxis ? 10 : 24, bottom: 6 } },
        plugins: {
          ...titles(levels ? `Farming level ${levels.from} → ${levels.to}` : `Farming ${fmt(targetRunes)} runes`, subtitle),
          legend: {
            display: levelAxis !== undefined,
            position: 'bottom',
            labels: {
              color: THEME.text,
              usePointStyle: true,
              pointStyleWidth: 22,
              padding: 16,
              sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
              // Both series as lines in the key, whatever their dots.
              generateLabels: (chart) =>
                Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({ ...item, pointStyle: 'line' as const, lineWidth: 3 })),
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            max: lastRun,
            title: axisTitle(reached ? 'Runs: none needed' : 'Runs'),
            grid: { display: false },
            ticks: {
              display: !reached,
              precision: 0,
              includeBounds: false,
              maxRotation: 0,
              maxTicksLimit: 11,
              callback: (value) => (Number.isInteger(Number(value)) ? fmt(Number(value)) : ''),
            },
          },
          y: {
            type: 'linear',
            min: 0,
            max: yMax,
            title: axisTitle('Runes'),
            ticks: { maxTicksLimit: 7, includeBounds: false, callback: (value) => fmt(Number(value)) },
          },
          ...(levelAxis
            ? {
                y1: {
                  type: 'linear' as const,
                  position: 'right' as const,
                  min: levelAxis.min,
                  max: levelAxis.max,
                  title: { ...axisTitle('Level'), color: THEME.blue },
                  grid: { display: false },
                  ticks: { precision: 0, maxTicksLimit: 7, includeBounds: false, color: THEME.blue },
                },
              }
            : {}),
        },
      },
    },
    {
      lines: [
        { axis: 'y', at: targetRunes, color: THEME.green, dash: [8, 5], label: `Target: ${fmt(targetRunes)} runes${levels ? ` (level ${levels.to})` : ''}`, labelSide: 'start' },
        ...(reached ? [] : [{ axis: 'x', at: runs, color: THEME.green, dash: [3, 4], label: `Run ${fmt(runs)}` }]),
      ],
      labels: reached ? [{ x: 0.5, y: held, axis: 'y', text: `You hold ${fmt(held)}`, color: THEME.gold }] : [],
    },
  );
  return {
    name: 'farming-progress.png',
    data,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    description: reached
      ? `Chart of runes held against the farming target of ${fmt(targetRunes)} runes: already reached with ${fmt(held)}.`
      : `Chart of runes held after each run, from ${fmt(held)} to ${fmt(final)} in ${fmt(runs)} runs, with the target of ${fmt(targetRunes)} runes marked.`,
  };
}
