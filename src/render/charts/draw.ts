// The chart functions (heavy: they load chart.js and the canvas library). Import this file lazily,
// through `attachChart` in ./index.ts, so commands that draw nothing never pay for it.

export { levelCostChart, levelWindow } from './levelCost.ts';
export { historyChart } from './history.ts';
export { farmChart } from './farm.ts';
export { CHART_HEIGHT, CHART_WIDTH, FONT_FAMILY, FONT_FILES, THEME } from './engine.ts';
