// CalcCorrectGraph: how much of a weapon's scaling a stat value gives (0 at 1, about 1 near the soft
// caps). Five stages; between two stages the value moves from one stage's grow value to the next one's
// along r, shaped by the earlier stage's exponent (attack-rating.md, formula step 7).

import type { CalcCorrectGraph } from './types.ts';

/** The curve's value at stat `x` (any real x: below the first stage it is flat, above the last too). */
export function curveValue(graph: CalcCorrectGraph, x: number): number {
  const first = graph[0];
  if (x <= first.maxVal) return first.maxGrowVal;
  for (let k = 1; k < graph.length; k++) {
    const stage = graph[k]!;
    if (x > stage.maxVal) continue;
    const previous = graph[k - 1]!;
    const span = stage.maxVal - previous.maxVal;
    if (span <= 0) return stage.maxGrowVal;
    let r = (x - previous.maxVal) / span;
    const adj = previous.adjPt;
    if (adj > 0) r = r ** adj;
    else if (adj < 0) r = 1 - (1 - r) ** -adj;
    return previous.maxGrowVal + (stage.maxGrowVal - previous.maxGrowVal) * r;
  }
  return graph[graph.length - 1]!.maxGrowVal;
}
