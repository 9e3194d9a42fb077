// Reading the charts back: PNG header checks and decoded pixels (with @napi-rs/canvas), so tests can
// say what a picture shows rather than trust that something was drawn.

import { createCanvas, loadImage } from '@napi-rs/canvas';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk (which must come first), or null when this is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (data.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8ClampedArray;
}

export async function decode(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

export type Rgb = readonly [number, number, number];

export function hex(colour: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) throw new Error(`not a #rrggbb colour: ${colour}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

export function pixel(p: Pixels, x: number, y: number): Rgb {
  const i = (y * p.width + x) * 4;
  return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
}

/** Whether a pixel is within `tolerance` of a colour on every channel. */
export function near(a: Rgb, b: Rgb, tolerance = 6): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;
}

/** Distinct colours, and the share of pixels that are not the background. */
export function stats(p: Pixels, background: Rgb): { colours: number; nonBackground: number } {
  const seen = new Set<number>();
  let other = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const rgb: Rgb = [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
    seen.add((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
    if (!near(rgb, background, 2)) other++;
  }
  return { colours: seen.size, nonBackground: other / (p.width * p.height) };
}

/** How many pixels are near a colour (optionally inside a box). */
export function count(p: Pixels, colour: Rgb, box = { left: 0, top: 0, right: p.width, bottom: p.height }, tolerance = 6): number {
  let n = 0;
  for (let y = box.top; y < box.bottom; y++) for (let x = box.left; x < box.right; x++) if (near(pixel(p, x, y), colour, tolerance)) n++;
  return n;
}

/** The rows (top to bottom) of column x where the colour appears. */
export function rowsOf(p: Pixels, x: number, colour: Rgb, tolerance = 6): number[] {
  const rows: number[] = [];
  for (let y = 0; y < p.height; y++) if (near(pixel(p, x, y), colour, tolerance)) rows.push(y);
  return rows;
}

/**
 * Vertical bars of the given colours, left to right: runs of adjacent columns where some colour fills at
 * least `minHeight` pixels; each bar gets its colour (index into `colours`) and its height in pixels
 * at its middle column.
 */
export function bars(p: Pixels, colours: readonly Rgb[], minHeight = 3): { left: number; right: number; colour: number; height: number }[] {
  const found: { left: number; right: number; colour: number; height: number }[] = [];
  let current: { left: number; right: number; colour: number } | null = null;
  const columnColour = (x: number): number => {
    for (let c = 0; c < colours.length; c++) if (rowsOf(p, x, colours[c]!, 2).length >= minHeight) return c;
    return -1;
  };
  for (let x = 0; x <= p.width; x++) {
    const colour = x < p.width ? columnColour(x) : -1;
    if (current && colour === current.colour) {
      current.right = x;
      continue;
    }
    if (current) {
      const middle = Math.floor((current.left + current.right) / 2);
      found.push({ ...current, height: rowsOf(p, middle, colours[current.colour]!, 2).length });
    }
    current = colour >= 0 ? { left: x, right: x, colour } : null;
  }
  return found;
}
