// The drawing engine behind every chart: chart.js 4 on @napi-rs/canvas, the shipped font, the colours,
// and a small "marks" plugin (shaded ranges, target lines, labelled markers) so no annotation plugin is
// needed. Loaded only through ./draw.ts, which is itself imported lazily (see ./index.ts): a process that
// never draws never loads the canvas library.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, Filler, Legend, Title, SubTitle);

/** Every chart is this size: wide enough to stay legible when Discord scales an embed image down. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

/** The family the shipped DejaVu Sans files are registered under (a private name, so no system font stands in). */
export const FONT_FAMILY = 'Ledger Sans';
const FONT_DIR = fileURLToPath(new URL('../fonts/', import.meta.url));
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

/**
 * Colours on an opaque dark card: it reads the same on Discord's dark and light themes. Series colours
 * are bright enough on the card and differ in lightness as well as hue; markers also differ in shape.
 */
export const THEME = {
  background: '#1b1c20',
  border: '#3a3c43',
  text: '#eceef2',
  muted: '#b3b8c2',
  grid: 'rgba(255, 255, 255, 0.10)',
  gold: '#e8b640',
  goldFill: 'rgba(232, 182, 64, 0.22)',
  goldShade: 'rgba(232, 182, 64, 0.13)',
  grey: '#7f8591',
  greyFill: 'rgba(127, 133, 145, 0.22)',
  blue: '#62b6f7',
  red: '#ff5c63',
  orange: '#ff9d3c',
  green: '#53dc8a',
} as const;

export const FONT_SIZES = { title: 21, subtitle: 15, axisTitle: 15, ticks: 14, legend: 14, mark: 13 } as const;

let fontsRegistered = false;

/** Registers the shipped font once; throws when a font file is missing or unreadable. */
export function registerFonts(): void {
  if (fontsRegistered) return;
  for (const file of FONT_FILES) {
    if (!GlobalFonts.registerFromPath(file, FONT_FAMILY)) throw new Error(`could not load the chart font ${path.basename(file)}`);
  }
  fontsRegistered = true;
  Chart.defaults.font = { ...Chart.defaults.font, family: FONT_FAMILY, size: FONT_SIZES.ticks };
  Chart.defaults.color = THEME.muted;
  Chart.defaults.borderColor = THEME.grid;
}

// ---------------------------------------------------------------------------------------------
// Marks: what chart.js has no element for. Positions are in the values of the named scales.

export interface BoxMark {
  /** An x range, shaded over the whole height of the plot. */
  from: number;
  to: number;
  color: string;
}

export interface LineMark {
  /** A vertical line at x = `at` (axis 'x') or a horizontal one at y = `at` on the named y axis. */
  axis: string;
  at: number;
  color: string;
  dash?: number[];
  label?: string;
  /** Where the label sits: for a vertical line, beside its top; for a horizontal one, above its left or right end. */
  labelSide?: 'start' | 'end';
}

export interface PointLabel {
  /** A short text beside the point (x, y) of the named y axis; left out when it would cover another label. */
  x: number;
  y: number;
  axis: string;
  text: string;
  color: string;
}

export interface Marks {
  boxes?: BoxMark[];
  lines?: LineMark[];
  labels?: PointLabel[];
}

/** chart.js's view of the 2D context (the canvas library's context implements it). */
type Ctx = Chart['ctx'];

const PILL_HEIGHT = FONT_SIZES.mark + 8;

function pillWidth(ctx: Ctx, text: string): number {
  ctx.font = `bold ${FONT_SIZES.mark}px '${FONT_FAMILY}'`;
  return ctx.measureText(text).width + 10;
}

function pill(ctx: Ctx, text: string, x: number, y: number, color: string, align: 'left' | 'right'): void {
  const width = pillWidth(ctx, text);
  const height = PILL_HEIGHT;
  const left = align === 'left' ? x : x - width;
  ctx.fillStyle = 'rgba(27, 28, 32, 0.88)';
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.roundRect(left, y, width, height, 4);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(text, left + 5, y + height / 2 + 0.5);
}

function marksPlugin(marks: Marks): Plugin {
  return {
    id: 'ledgerMarks',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      for (const box of marks.boxes ?? []) {
        const left = Math.max(area.left, Math.min(x.getPixelForValue(box.from), x.getPixelForValue(box.to)));
        const right = Math.min(area.right, Math.max(x.getPixelForValue(box.from), x.getPixelForValue(box.to)));
        if (right <= left) continue;
        ctx.fillStyle = box.color;
        ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      ctx.save();
      for (const line of marks.lines ?? []) {
        const scale = scales[line.axis];
        if (!scale) continue;
        const at = scale.getPixelForValue(line.at);
        const vertical = line.axis === 'x';
        if (vertical ? at < area.left - 0.5 || at > area.right + 0.5 : at < area.top - 0.5 || at > area.bottom + 0.5) continue;
        ctx.strokeStyle = line.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(line.dash ?? []);
        ctx.beginPath();
        if (vertical) {
          ctx.moveTo(at, area.top);
          ctx.lineTo(at, area.bottom);
        } else {
          ctx.moveTo(area.left, at);
          ctx.lineTo(area.right, at);
        }
        ctx.stroke();
        if (!line.label) continue;
        const width = pillWidth(ctx, line.label);
        const height = PILL_HEIGHT;
        if (vertical) {
          // Beside the top of the line, on the side with room.
          const right = at + 6 + width <= area.right - 4;
          pill(ctx, line.label, right ? at + 6 : at - 6, area.top + 6, line.color, right ? 'left' : 'right');
        } else {
          const end = line.labelSide === 'end';
          const y = at - height - 4 >= area.top ? at - height - 4 : at + 4;
          pill(ctx, line.label, end ? area.right - 6 : area.left + 6, y, line.color, end ? 'right' : 'left');
        }
      }
      const taken: { left: number; top: number; right: number; bottom: number }[] = [];
      for (const label of marks.labels ?? []) {
        const x = scales.x?.getPixelForValue(label.x);
        const y = scales[label.axis]?.getPixelForValue(label.y);
        if (x === undefined || y === undefined) continue;
        const width = pillWidth(ctx, label.text);
        const right = x + 10 + width <= area.right;
        const left = right ? x + 10 : x - 10 - width;
        const top = Math.min(Math.max(y - PILL_HEIGHT / 2, area.top), area.bottom - PILL_HEIGHT);
        const box = { left, top, right: left + width, bottom: top + PILL_HEIGHT };
        if (box.left < area.left || taken.some((t) => box.left < t.right && box.right > t.left && box.top < t.bottom && box.bottom > t.top)) continue;
        taken.push(box);
        pill(ctx, label.text, left, top, label.color, 'left');
      }
      ctx.restore();
    },
  };
}

/** Paints the card behind everything, with a thin border so it stands apart on a dark theme too. */
const backgroundPlugin: Plugin = {
  id: 'ledgerBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = THEME.background;
    ctx.fillRect(0, 0, width, height);
    ctx.strokeStyle = THEME.border;
    ctx.lineWidth = 2;
    ctx.strokeRect(1, 1, width - 2, height - 2);
    ctx.restore();
  },
};

/**
 * Draws one chart and encodes it as PNG (off the main thread). The same configuration always gives the
 * same bytes: no animation, a fixed pixel ratio, the shipped font.
 */
export async function renderChart<T extends ChartType>(config: ChartConfiguration<T>, marks: Marks = {}): Promise<Buffer> {
  registerFonts();
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const context = canvas.getContext('2d');
  const chart = new Chart(context as unknown as Ctx, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      events: [],
    },
    plugins: [backgroundPlugin, marksPlugin(marks), ...(config.plugins ?? [])],
  } as ChartConfiguration<T>);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

let scratch: Ctx | undefined;

/** The width of `text` in the chart font at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  registerFonts();
  scratch ??= createCanvas(8, 8).getContext('2d') as unknown as Ctx;
  scratch.font = `${bold ? 'bold ' : ''}${size}px '${FONT_FAMILY}'`;
  return scratch.measureText(text).width;
}

/** Splits "a · b · c" into as few lines as fit the chart's width, breaking only at the " · ". */
export function wrapParts(text: string, size: number): string[] {
  const max = CHART_WIDTH - 40;
  if (textWidth(text, size) <= max) return [text];
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(' · ')) {
    const joined = line ? `${line} · ${part}` : part;
    if (line && textWidth(joined, size) > max) {
      lines.push(line);
      line = part;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines;
}

/** The title and subtitle options every chart shares (a long subtitle wraps at its " · "). */
export function titles(title: string, subtitle: string) {
  return {
    title: { display: true, text: title, color: THEME.text, font: { size: FONT_SIZES.title, weight: 'bold' as const }, padding: { top: 14, bottom: 4 } },
    subtitle: { display: true, text: wrapParts(subtitle, FONT_SIZES.subtitle), color: THEME.muted, font: { size: FONT_SIZES.subtitle }, padding: { bottom: 10 } },
  };
}

/** An axis title in the shared style. */
export function axisTitle(text: string) {
  return { display: true, text, color: THEME.text, font: { size: FONT_SIZES.axisTitle, weight: 'bold' as const } };
}
