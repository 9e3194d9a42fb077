// Rune cost per level: the cost of each level-up around the requested range, the range shaded, and
// the level the runes held already buy.

import { MAX_LEVEL, MIN_LEVEL } from '../../game/classes.ts';
import { MAX_RUNE_INPUT } from '../../game/limits.ts';
import { highestReachableLevel, levelCost, runesBetween } from '../../runes/index.ts';
import { fmt } from '../../text/format.ts';
import { axisTitle, CHART_HEIGHT, CHART_WIDTH, renderChart, THEME, titles, type LineMark } from './engine.ts';
import { ChartInputError, type ChartImage, type LevelCostChartInput } from './inputs.ts';

/** Up to this many levels are drawn as bars; wider windows as a filled line. */
const MAX_BARS = 60;

function isLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_LEVEL && value <= MAX_LEVEL;
}

/** The levels shown: the range plus a quarter of its width (at least 5 levels) on each side. */
export function levelWindow(from: number, to: number): { first: number; last: number } {
  const pad = Math.max(5, Math.ceil((to - from) / 4));
  return { first: Math.max(MIN_LEVEL + 1, from + 1 - pad), last: Math.min(MAX_LEVEL, to + pad) };
}

export async function levelCostChart(input: LevelCostChartInput): Promise<ChartImage> {
  const { from, to, held } = input;
  if (!isLevel(from) || !isLevel(to) || from >= to) {
    throw new ChartInputError(`A level chart needs two levels from ${MIN_LEVEL} to ${MAX_LEVEL}, the first below the second.`);
  }
  if (held !== undefined && (!Number.isInteger(held) || held < 0 || held > MAX_RUNE_INPUT)) {
    throw new ChartInputError(`Runes held must be a whole number from 0 to ${fmt(MAX_RUNE_INPUT)}.`);
  }
  // x = the level reached; y = the runes that level-up costs.
  const { first, last } = levelWindow(from, to);
  const points: { x: number; y: number }[] = [];
  for (let level = first; level <= last; level++) points.push({ x: level, y: levelCost(level - 1) });
  const inRange = (level: number) => level > from && level <= to;
  const total = runesBetween(from, to);
  const levels = to - from;
  const bars = points.length <= MAX_BARS;

  const lines: LineMark[] = [];
  let heldText = '';
  if (held !== undefined) {
    const reach = highestReachableLevel(from, held);
    if (reach.level >= to) heldText = ` · the ${fmt(held)} runes you hold cover it all`;
    else if (reach.level > from) {
      heldText = ` · you hold enough for level ${reach.level}`;
      lines.push({ axis: 'x', at: reach.level + 0.5, color: THEME.green, dash: [6, 4], label: `You can reach ${reach.level}` });
    } else heldText = ' · what you hold buys no level yet';
  }

  const range = levels === 1 ? `Level ${from} → ${to}` : `Levels ${from} → ${to}`;
  const subtitle = `${range} shaded: ${fmt(total)} runes for ${levels === 1 ? '1 level' : `${fmt(levels)} levels`}${heldText}`;
  const colour = (level: number) => (inRange(level) ? THEME.gold : THEME.grey);

  const data = await renderChart(
    {
      type: bars ? 'bar' : 'line',
      data: {
        datasets: [
          bars
            ? {
                label: 'Runes for the level',
                data: points,
                backgroundColor: points.map((p) => colour(p.x)),
                borderWidth: 0,
                barPercentage: 0.9,
                categoryPercentage: 1,
              }
            : {
                label: 'Runes for the level',
                data: points,
                borderColor: THEME.grey,
                borderWidth: 2.5,
                pointRadius: 0,
                fill: 'origin',
                backgroundColor: THEME.greyFill,
                segment: {
                  borderColor: (segment: { p1DataIndex: number }) => colour(points[segment.p1DataIndex]!.x),
                  backgroundColor: (segment: { p1DataIndex: number }) => (inRange(points[segment.p1DataIndex]!.x) ? THEME.goldFill : THEME.greyFill),
                },
              },
        ],
      },
      options: {
        layout: { padding: { left: 10, right: 22, bottom: 8 } },
        plugins: { ...titles('Rune cost of each level', subtitle), legend: { display: false } },
        scales: {
          x: {
            type: 'linear',
            min: bars ? first - 0.5 : first,
            max: bars ? last + 0.5 : last,
            offset: false,
            title: axisTitle('Level reached'),
            grid: { display: false },
            // A few bars: a label under each (every other one past 12); more: chart.js picks round levels.
            ...(points.length <= 24
              ? {
                  afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
                    const every = points.length <= 12 ? 1 : 2;
                    scale.ticks = points.filter((p) => (p.x - first) % every === 0).map((p) => ({ value: p.x }));
                  },
                }
              : {}),
            ticks: {
              precision: 0,
              includeBounds: false,
              autoSkip: points.length > 24,
              maxRotation: 0,
              maxTicksLimit: 12,
              callback: (value) => (Number.isInteger(Number(value)) ? String(value) : ''),
            },
          },
          y: {
            type: 'linear',
            beginAtZero: true,
            title: axisTitle('Runes for that level'),
            ticks: { maxTicksLimit: 7, callback: (value) => fmt(Number(value)) },
          },
        },
      },
    },
    { boxes: [{ from: from + 0.5, to: to + 0.5, color: THEME.goldShade }], lines },
  );
  return {
    name: `rune-cost-${from}-${to}.png`,
    data,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    description: `Chart of the runes each level costs from level ${first} to ${last}, with ${range.toLowerCase()} shaded (${fmt(total)} runes).`,
  };
}
