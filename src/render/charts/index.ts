// Charts as PNG attachments: the light entry point. It imports no canvas code: `attachChart` loads the
// chart functions (./draw.ts: chart.js on @napi-rs/canvas) on first use only, so a command that draws
// nothing never loads them (start-up time matters). Import ./draw.ts directly only in tests and benches.

import { DiscordLimits } from '../limits.ts';
import type { Reply } from '../types.ts';
import { ChartInputError, type ChartImage } from './inputs.ts';

export { ChartInputError } from './inputs.ts';
export type { ChartImage, FarmChartInput, HistoryChartEntry, HistoryChartInput, LevelCostChartInput } from './inputs.ts';

/** The chart functions, as `attachChart` hands them to its `draw` callback. */
export type ChartFunctions = typeof import('./draw.ts');

export interface AttachChartOptions {
  /** Told about a failure that is not the input's fault (to log it); the player only sees a short note. */
  onError?: (error: unknown) => void;
}

/** The reply with a line added to its first embed's description (or to its content when it has no embed). */
function withNote(reply: Reply, note: string): Reply {
  const [first, ...rest] = reply.embeds ?? [];
  if (first) return { ...reply, embeds: [{ ...first, description: first.description ? `${first.description}\n\n${note}` : note }, ...rest] };
  return { ...reply, content: reply.content ? `${reply.content}\n\n${note}` : note };
}

/**
 * The reply with a chart attached and shown as its first embed's image. Drawing never breaks the reply:
 * when the chart cannot be drawn, the answer comes as it was with one short note saying so.
 *
 *   return attachChart(reply, (charts) => charts.levelCostChart({ from, to }), { onError: (e) => logger.warn({ err: e }, 'chart failed') });
 */
export async function attachChart(reply: Reply, draw: (charts: ChartFunctions) => Promise<ChartImage>, options: AttachChartOptions = {}): Promise<Reply> {
  let image: ChartImage;
  try {
    image = await draw(await import('./draw.ts'));
  } catch (error) {
    if (error instanceof ChartInputError) return withNote(reply, `*No chart: ${error.message}*`);
    options.onError?.(error);
    return withNote(reply, '*The chart could not be drawn this time; the answer above is complete.*');
  }
  if (image.data.length > DiscordLimits.ATTACHMENT_BYTES) {
    options.onError?.(new Error(`chart ${image.name} is ${image.data.length} bytes, above the upload limit`));
    return withNote(reply, '*The chart came out too large to send; the answer above is complete.*');
  }
  const file = { name: image.name, data: image.data, description: image.description };
  const [first, ...rest] = reply.embeds ?? [];
  return {
    ...reply,
    files: [...(reply.files ?? []), file],
    ...(first ? { embeds: [{ ...first, imageFile: image.name }, ...rest] } : {}),
  };
}
