// A character's history: runes held after each ledger entry and the level, with deaths, runes lost
// for good and recovered bloodstains marked. The x axis counts entries (oldest left), so a busy evening
// and a quiet month each keep every event visible; its ticks give the date of the entry below them.

import { MAX_LEVEL, MIN_LEVEL } from '../../game/classes.ts';
import { fmt } from '../../text/format.ts';
import { axisTitle, CHART_HEIGHT, CHART_WIDTH, renderChart, THEME, titles } from './engine.ts';
import { ChartInputError, type ChartImage, type HistoryChartEntry, type HistoryChartInput } from './inputs.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Date ticks on the x axis at most. */
const MAX_DATE_TICKS = 7;
const NAME_MAX = 28;
/** Losses labelled with their amount at most (the largest). */
const MAX_LOSS_LABELS = 3;

interface Dated extends HistoryChartEntry {
  time: number;
}

function day(time: number): string {
  const d = new Date(time);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function dayWithYear(time: number): string {
  return `${day(time)} ${new Date(time).getUTCFullYear()}`;
}

function clock(time: number): string {
  const d = new Date(time);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** A name for the title: one line, printable, short. */
function titleName(name: string | undefined): string {
  const clean = (name ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > NAME_MAX ? `${clean.slice(0, NAME_MAX - 1)}…` : clean;
}

function checkEntry(entry: HistoryChartEntry, index: number): Dated {
  const time = Date.parse(entry?.at);
  const ok =
    entry !== null &&
    typeof entry === 'object' &&
    Number.isInteger(entry.amount) &&
    Number.isInteger(entry.balanceAfter) &&
    entry.balanceAfter >= 0 &&
    Number.isInteger(entry.lost) &&
    entry.lost >= 0 &&
    Number.isFinite(time);
  if (!ok) throw new ChartInputError(`Ledger entry ${index + 1} is not readable (it needs whole rune amounts and a date).`);
  return { ...entry, time };
}

/**
 * Tick positions (entry numbers) and their labels: the first entry of each day, thinned so that labels
 * stay apart; within a single day, evenly spread times instead.
 */
function dateTicks(points: readonly { time: number }[]): { ticks: Map<number, string>; axis: string } {
  const ticks = new Map<number, string>();
  const first = points[0]!.time;
  const last = points[points.length - 1]!.time;
  const n = points.length - 1;
  const minGap = Math.max(1, n / MAX_DATE_TICKS);
  if (day(first) === day(last) && new Date(first).getUTCFullYear() === new Date(last).getUTCFullYear()) {
    const count = Math.min(n + 1, 6);
    let previous = '';
    for (let k = 0; k < count; k++) {
      const index = count === 1 ? 0 : Math.round((k * n) / (count - 1));
      const text = clock(points[index]!.time);
      if (text !== previous) ticks.set(index, text);
      previous = text;
    }
    return { ticks, axis: `Ledger entries on ${dayWithYear(first)} (UTC time)` };
  }
  const sameYear = new Date(first).getUTCFullYear() === new Date(last).getUTCFullYear();
  const label = sameYear ? day : dayWithYear;
  let previousDay = '';
  let lastTick = -Infinity;
  points.forEach((point, index) => {
    const today = day(point.time) + new Date(point.time).getUTCFullYear();
    if (today !== previousDay && index - lastTick >= minGap && (n - index >= minGap * 0.6 || index === 0)) {
      ticks.set(index, label(point.time));
      lastTick = index;
    }
    previousDay = today;
  });
  return { ticks, axis: `Ledger entries, oldest to newest (dates in UTC${sameYear ? `, ${new Date(first).getUTCFullYear()}` : ''})` };
}

export async function historyChart(input: HistoryChartInput): Promise<ChartImage> {
  const { entries, levelNow } = input;
  if (!Array.isArray(entries)) throw new ChartInputError('A history chart needs the ledger entries.');
  if (entries.length === 0) {
    throw new ChartInputError('There is no rune ledger yet: runes added, spent, lost or recovered show here once recorded.');
  }
  if (levelNow !== undefined && (!Number.isInteger(levelNow) || levelNow < MIN_LEVEL || levelNow > MAX_LEVEL)) {
    throw new ChartInputError(`The level must be from ${MIN_LEVEL} to ${MAX_LEVEL}.`);
  }
  const sorted = entries.map(checkEntry).sort((a, b) => a.time - b.time || a.id - b.id);
  const oldest = sorted[0]!;
  const startBalance = Math.max(0, oldest.balanceAfter - oldest.amount);

  // Point 0 is the balance before the oldest entry; point i the balance after entry i. Each value holds
  // for one slot to its right (the lines step at the entry), so the newest gets a slot too: x runs 0..n+1.
  const points = [{ time: oldest.time, balance: startBalance }, ...sorted.map((e) => ({ time: e.time, balance: e.balanceAfter }))];
  const slots = points.length;
  const withLastSlot = (values: number[]) => [...values.map((y, x) => ({ x, y })), { x: slots, y: values[values.length - 1]! }];
  const runes = withLastSlot(points.map((p) => p.balance));

  // Levels, walked back from the level now through the level-ups.
  let levels: { x: number; y: number }[] = [];
  if (levelNow !== undefined) {
    const after: number[] = new Array<number>(points.length);
    let level = levelNow;
    for (let i = sorted.length; i >= 1; i--) {
      after[i] = level;
      const entry = sorted[i - 1]!;
      if (entry.kind === 'level_up' && Number.isInteger(entry.points) && entry.points! > 0) level = Math.max(MIN_LEVEL, level - entry.points!);
    }
    after[0] = level;
    levels = withLastSlot(after);
  }

  const deaths: { x: number; y: number }[] = [];
  const losses: { x: number; y: number; lost: number }[] = [];
  const recoveries: { x: number; y: number }[] = [];
  let lostTotal = 0;
  sorted.forEach((entry, i) => {
    const x = i + 1;
    // A death is marked where the runes were when it happened (the top of the drop).
    if (entry.kind === 'death_drop') deaths.push({ x, y: entry.balanceAfter - entry.amount });
    if (entry.kind === 'recovered') recoveries.push({ x, y: entry.balanceAfter });
    if (entry.lost > 0) {
      // Marked at the height of what was lost, so its size reads on the runes axis.
      losses.push({ x, y: entry.lost, lost: entry.lost });
      lostTotal += entry.lost;
    }
  });

  const { ticks, axis } = dateTicks(points);
  const now = points[points.length - 1]!.balance;
  const summary = [
    `${fmt(sorted.length)} ${sorted.length === 1 ? 'entry' : 'entries'}`,
    `${fmt(deaths.length)} death${deaths.length === 1 ? '' : 's'}`,
    lostTotal > 0 ? `${fmt(lostTotal)} runes lost for good` : 'no runes lost for good',
    `now ${fmt(now)} runes${levelNow !== undefined ? `, level ${levelNow}` : ''}`,
  ].join(' · ');
  const name = titleName(input.name);
  const what = levels.length ? 'runes and level over time' : 'runes held over time';

  const datasets: any[] = [
    {
      label: 'Runes held',
      data: runes,
      yAxisID: 'y',
      stepped: 'before',
      pointStyle: 'line',
      borderColor: THEME.gold,
      backgroundColor: THEME.goldFill,
      fill: 'origin',
      borderWidth: 2.5,
      pointRadius: 0,
      order: 3,
    },
  ];
  if (levels.length) {
    datasets.push({ label: 'Level', data: levels, yAxisID: 'y1', stepped: 'before', pointStyle: 'line', borderColor: THEME.blue, borderWidth: 2.5, pointRadius: 0, fill: false, order: 2 });
  }
  // Smaller markers when there are many, so they stay apart.
  const radius = deaths.length + losses.length + recoveries.length > 40 ? 5 : 7;
  const marker = (label: string, data: { x: number; y: number }[], color: string, pointStyle: string, rotation = 0) => ({
    label,
    data,
    yAxisID: 'y',
    showLine: false,
    pointStyle,
    rotation,
    pointRadius: radius,
    pointBorderWidth: pointStyle === 'crossRot' ? 3 : 1.5,
    borderColor: color,
    backgroundColor: color,
    pointBorderColor: pointStyle === 'crossRot' ? color : THEME.background,
    pointBackgroundColor: color,
    clip: false,
    order: 1,
  });
  if (deaths.length) datasets.push(marker('Death', deaths, THEME.red, 'crossRot'));
  if (losses.length) datasets.push(marker('Runes lost for good', losses, THEME.orange, 'triangle', 180));
  if (recoveries.length) datasets.push(marker('Bloodstain recovered', recoveries, THEME.green, 'triangle'));

  const levelValues = levels.map((p) => p.y);
  const lowLevel = levelValues.length ? Math.min(...levelValues) : 0;
  const highLevel = levelValues.length ? Math.max(...levelValues) : 0;
  const maxRunes = Math.max(1, ...runes.map((p) => p.y), ...deaths.map((p) => p.y), ...losses.map((p) => p.y));

  // The biggest losses get their amount written beside them.
  const labels = [...losses]
    .sort((a, b) => b.lost - a.lost || a.x - b.x)
    .slice(0, MAX_LOSS_LABELS)
    .map((loss) => ({ x: loss.x, y: loss.y, axis: 'y', text: `${fmt(loss.lost)} lost`, color: THEME.orange }));

  const data = await renderChart({
    type: 'line',
    data: { datasets },
    options: {
      layout: { padding: { left: 10, right: levels.length ? 10 : 22, bottom: 4 } },
      plugins: {
        ...titles(name ? `${name}: ${what}` : what.replace(/^./, (c) => c.toUpperCase()), summary),
        legend: {
          display: true,
          position: 'bottom',
          labels: { color: THEME.text, usePointStyle: true, pointStyleWidth: 20, padding: 14, font: { size: 13 }, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: slots,
          offset: false,
          title: axisTitle(axis),
          grid: { display: false },
          afterBuildTicks: (scale) => {
            scale.ticks = [...ticks.keys()].map((value) => ({ value }));
          },
          ticks: { autoSkip: false, maxRotation: 0, callback: (value) => ticks.get(Number(value)) ?? '' },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          suggestedMax: maxRunes * 1.1,
          title: axisTitle('Runes held'),
          ticks: { maxTicksLimit: 6, callback: (value) => fmt(Number(value)) },
        },
        ...(levels.length
          ? {
              y1: {
                type: 'linear' as const,
                position: 'right' as const,
                suggestedMin: Math.max(MIN_LEVEL, lowLevel - 1),
                suggestedMax: highLevel + Math.max(1, Math.ceil((highLevel - lowLevel) * 0.1)),
                title: { ...axisTitle('Level'), color: THEME.blue },
                grid: { display: false },
                ticks: { precision: 0, maxTicksLimit: 6, color: THEME.blue },
              },
            }
          : {}),
      },
    },
  }, { labels });
  return {
    name: 'rune-history.png',
    data,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    description: `Chart of ${name ? `${name}'s` : 'the'} runes held${levels.length ? ' and level' : ''} over ${fmt(sorted.length)} ledger entries: ${summary}.`,
  };
}
