// The chart renderer: real PNGs (signature, IHDR size ≥ 600×300), not blank (decoded pixels vary), the
// same bytes for the same input, and pictures that show what they claim: bar heights follow the game's
// level costs (mechanics.md §1), the requested range is the gold band, deaths and losses are marked,
// the runes line ends at the target. Bad input draws or says why not in a player's words.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { farmChart, FONT_FAMILY, FONT_FILES, historyChart, levelCostChart, THEME } from '../../src/render/charts/draw.ts';
import { ChartInputError, type ChartImage, type HistoryChartEntry } from '../../src/render/charts/index.ts';
import { bars, count, decode, hex, near, pixel, pngSize, rowsOf, stats, type Pixels } from './png.ts';

const BACKGROUND = hex(THEME.background);
const GOLD = hex(THEME.gold);
const GREY = hex(THEME.grey);
const BLUE = hex(THEME.blue);
const RED = hex(THEME.red);
const ORANGE = hex(THEME.orange);
const GREEN = hex(THEME.green);

/** What every chart must be: a PNG at least 600×300 that decodes to a picture with real content. */
async function expectRealChart(image: ChartImage): Promise<Pixels> {
  const size = pngSize(image.data);
  expect(size, 'PNG signature and IHDR').not.toBeNull();
  expect(size!.width).toBeGreaterThanOrEqual(600);
  expect(size!.height).toBeGreaterThanOrEqual(300);
  expect({ width: image.width, height: image.height }).toEqual(size);
  expect(image.name).toMatch(/^[a-z0-9-]+\.png$/);
  expect(image.description.length).toBeGreaterThan(20);
  expect(image.description.length).toBeLessThanOrEqual(1024);
  const pixels = await decode(image.data);
  expect(pixels.width).toBe(size!.width);
  const { colours, nonBackground } = stats(pixels, BACKGROUND);
  expect(colours, 'distinct colours').toBeGreaterThanOrEqual(20);
  expect(nonBackground, 'share of pixels that are not the card').toBeGreaterThan(0.08);
  // Opaque everywhere: the card reads the same on Discord's dark and light themes.
  for (let i = 3; i < pixels.data.length; i += 4 * 997) expect(pixels.data[i]).toBe(255);
  return pixels;
}

// ---------------------------------------------------------------------------------------------
// Ledger fixtures (the shape the store returns, newest first)

let nextId = 1;
function entry(kind: string, amount: number, balanceAfter: number, at: string, extra: Partial<HistoryChartEntry> = {}): HistoryChartEntry {
  return { id: nextId++, kind, amount, balanceAfter, lost: 0, points: null, at, ...extra };
}

/** Earn, level up, die, recover, earn, die, die again (the first bloodstain is lost for good). Oldest first. */
function eventfulLedger(): HistoryChartEntry[] {
  return [
    entry('earned', 30_000, 30_000, '2025-03-01T18:00:00Z'),
    entry('level_up', -20_000, 10_000, '2025-03-01T18:30:00Z', { points: 3 }),
    entry('earned', 50_000, 60_000, '2025-03-02T19:00:00Z'),
    entry('death_drop', -60_000, 0, '2025-03-02T19:10:00Z'),
    entry('recovered', 60_000, 60_000, '2025-03-02T19:20:00Z'),
    entry('earned', 40_000, 100_000, '2025-03-04T20:00:00Z'),
    entry('death_drop', -100_000, 0, '2025-03-04T20:05:00Z'),
    entry('earned', 15_000, 15_000, '2025-03-05T20:00:00Z'),
    entry('lost', 0, 15_000, '2025-03-05T20:10:00Z', { lost: 100_000 }),
    entry('death_drop', -15_000, 0, '2025-03-05T20:10:00Z'),
    entry('earned', 25_000, 25_000, '2025-03-06T21:00:00Z'),
  ];
}

describe('the shipped font', () => {
  it('is DejaVu Sans from the project (regular and bold) with its licence, registered under its own name', async () => {
    for (const file of FONT_FILES) {
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString('hex')).toBe('00010000'); // TrueType
    }
    const licence = readFileSync(path.join(path.dirname(FONT_FILES[0]!), 'LICENSE.txt'), 'utf8');
    expect(licence).toMatch(/Bitstream Vera/);
    expect(licence).toMatch(/Permission is hereby granted/);
    await levelCostChart({ from: 1, to: 2 }); // registers the font
    const family = GlobalFonts.families.find((f) => f.family === FONT_FAMILY);
    expect(family, `${FONT_FAMILY} registered`).toBeDefined();
    expect(family!.styles.map((s) => s.weight).sort()).toEqual([400, 700]);
  });
});

describe('levelCostChart', () => {
  it('draws one bar per level, their heights following the game costs, the requested range in gold', async () => {
    // 90 → 100 shows levels 86..105 (5 levels of context each side): cost(85..104).
    const image = await levelCostChart({ from: 90, to: 100 });
    const pixels = await expectRealChart(image);
    const found = bars(pixels, [GOLD, GREY], 20);
    expect(found).toHaveLength(20);
    expect(found.map((b) => (b.colour === 0 ? 'gold' : 'grey'))).toEqual([...Array(5).fill('grey'), ...Array(10).fill('gold'), ...Array(5).fill('grey')]);
    // Bar for level 93 is cost(92) = 51,478, for level 101 cost(100) = 61,591 (mechanics.md §1 checkpoints).
    const barOf = (levelReached: number) => found[levelReached - 86]!;
    expect(barOf(101).height / barOf(93).height).toBeCloseTo(61_591 / 51_478, 1);
    expect(Math.abs(barOf(101).height / barOf(93).height - 61_591 / 51_478)).toBeLessThan(0.015);
    // Bars grow with the level.
    for (let i = 1; i < found.length; i++) expect(found[i]!.height).toBeGreaterThanOrEqual(found[i - 1]!.height);
    expect(image.name).toBe('rune-cost-90-100.png');
  });

  it('states the total from the game figures in its alt text', async () => {
    expect((await levelCostChart({ from: 1, to: 150 })).description).toContain('7,112,459 runes');
    expect((await levelCostChart({ from: 1, to: 713 })).description).toContain('1,692,566,842 runes');
  });

  it('draws a wide range as a line: gold inside the range, grey after it', async () => {
    const pixels = await expectRealChart(await levelCostChart({ from: 1, to: 150 }));
    const columns = (colour: readonly [number, number, number]) =>
      [...Array(pixels.width).keys()].filter((x) => rowsOf(pixels, x, colour, 2).length > 0 && x > 60 && x < pixels.width - 10);
    const gold = columns(GOLD);
    const grey = columns(GREY);
    expect(gold.length).toBeGreaterThan(200);
    expect(grey.length).toBeGreaterThan(40);
    // 1 → 150 starts at the left edge: the grey context is only to the right of the gold range.
    expect(Math.min(...grey)).toBeGreaterThan(Math.max(...gold) - 3);
  });

  it('marks the level the runes held buy, and a single level still draws', async () => {
    // 250,000 runes from level 80 buy level 86 (cost(80..85) = 245,547; mechanics.md formula).
    const withHeld = await expectRealChart(await levelCostChart({ from: 80, to: 100, held: 250_000 }));
    expect(count(withHeld, GREEN, undefined, 3)).toBeGreaterThan(100);
    const without = await decode((await levelCostChart({ from: 80, to: 100 })).data);
    expect(count(without, GREEN, undefined, 3)).toBe(0);
    const one = await levelCostChart({ from: 100, to: 101 });
    const pixels = await expectRealChart(one);
    expect(bars(pixels, [GOLD, GREY], 20).filter((b) => b.colour === 0)).toHaveLength(1);
    expect(one.description).toContain('61,591 runes');
  });

  it('gives the same bytes for the same input', async () => {
    const a = await levelCostChart({ from: 40, to: 60, held: 12_345 });
    const b = await levelCostChart({ from: 40, to: 60, held: 12_345 });
    expect(a.data.equals(b.data)).toBe(true);
    const c = await levelCostChart({ from: 40, to: 61, held: 12_345 });
    expect(a.data.equals(c.data)).toBe(false);
  });

  it('refuses levels that are not a range, saying what is valid', async () => {
    for (const input of [{ from: 100, to: 100 }, { from: 101, to: 100 }, { from: 0, to: 10 }, { from: 1, to: 714 }, { from: 1.5, to: 10 }, { from: 1, to: 10, held: -1 }]) {
      await expect(levelCostChart(input)).rejects.toThrow(ChartInputError);
    }
    await expect(levelCostChart({ from: 100, to: 100 })).rejects.toThrow(/from 1 to 713/);
  });
});

describe('historyChart', () => {
  it('draws runes held and level with deaths, losses and recoveries marked', async () => {
    const image = await historyChart({ entries: eventfulLedger().reverse(), levelNow: 20, name: 'Miriel' });
    const pixels = await expectRealChart(image);
    expect(count(pixels, GOLD, undefined, 3)).toBeGreaterThan(500);
    expect(count(pixels, BLUE, undefined, 3)).toBeGreaterThan(300);
    expect(count(pixels, RED, undefined, 3)).toBeGreaterThan(60);
    expect(count(pixels, ORANGE, undefined, 3)).toBeGreaterThan(40);
    expect(count(pixels, GREEN, undefined, 3)).toBeGreaterThan(20);
    expect(image.description).toContain('11 ledger entries');
    expect(image.description).toContain('3 deaths');
    expect(image.description).toContain('100,000 runes lost for good');
    expect(image.description).toContain('now 25,000 runes, level 20');
  });

  it('marks no death, loss or level when there are none', async () => {
    const calm = [entry('earned', 5_000, 5_000, '2025-03-01T18:00:00Z'), entry('purchase', -1_000, 4_000, '2025-03-01T18:05:00Z'), entry('earned', 8_000, 12_000, '2025-03-01T18:45:00Z')];
    const image = await historyChart({ entries: calm });
    const pixels = await expectRealChart(image);
    expect(count(pixels, RED, undefined, 3)).toBe(0);
    expect(count(pixels, ORANGE, undefined, 3)).toBe(0);
    expect(count(pixels, BLUE, undefined, 3)).toBe(0);
    expect(image.description).toContain('0 deaths');
  });

  it('takes entries in any order (the store gives them newest first): same picture', async () => {
    const oldestFirst = eventfulLedger();
    const a = await historyChart({ entries: oldestFirst, levelNow: 20 });
    const b = await historyChart({ entries: [...oldestFirst].reverse(), levelNow: 20 });
    expect(a.data.equals(b.data)).toBe(true);
    const c = await historyChart({ entries: [...oldestFirst].reverse(), levelNow: 20 });
    expect(b.data.equals(c.data)).toBe(true);
  });

  it('draws a single entry, and a long ledger', async () => {
    await expectRealChart(await historyChart({ entries: [entry('earned', 5_000, 5_000, '2025-03-01T18:00:00Z')], levelNow: 9 }));
    const long: HistoryChartEntry[] = [];
    let held = 0;
    for (let i = 0; i < 2_000; i++) {
      const died = i % 37 === 36;
      const amount = died ? -held : 1_000 + (i % 7) * 500;
      held += amount;
      long.push(entry(died ? 'death_drop' : 'earned', amount, held, new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString()));
    }
    const image = await historyChart({ entries: long.reverse(), levelNow: 150, name: 'A very long character name that goes on and on' });
    await expectRealChart(image);
    expect(image.description).toContain('2,000 ledger entries');
  });

  it('says why there is no chart for an empty ledger or an unreadable entry', async () => {
    await expect(historyChart({ entries: [] })).rejects.toThrow(ChartInputError);
    await expect(historyChart({ entries: [] })).rejects.toThrow(/no rune ledger yet/i);
    await expect(historyChart({ entries: [entry('earned', 5, 5, 'yesterday')] })).rejects.toThrow(/not readable/);
    await expect(historyChart({ entries: [entry('earned', 5, 5, '2025-03-01T18:00:00Z')], levelNow: 714 })).rejects.toThrow(/from 1 to 713/);
  });
});

describe('farmChart', () => {
  /** The row where the dashed green target line runs (the row with most green pixels across the plot). */
  function targetLineRow(pixels: Pixels): number {
    let best = { row: -1, n: 0 };
    for (let y = 0; y < pixels.height; y++) {
      const n = count(pixels, GREEN, { left: 350, top: y, right: 700, bottom: y + 1 }, 3);
      if (n > best.n) best = { row: y, n };
    }
    return best.row;
  }

  /** The rows of the gold runes line and of the green target line in a column. */
  function rowsAt(pixels: Pixels, x: number) {
    return { gold: rowsOf(pixels, x, GOLD, 3), green: rowsOf(pixels, x, GREEN, 3) };
  }

  it('draws runes held run after run up to the target line', async () => {
    // 2,000,000 runes at 50,000 a run: 40 runs.
    const image = await farmChart({ perRun: 50_000, runs: 40, held: 0, targetRunes: 2_000_000 });
    const pixels = await expectRealChart(image);
    expect(count(pixels, GREEN, undefined, 3)).toBeGreaterThan(300);
    expect(count(pixels, BLUE, undefined, 3)).toBe(0);
    // The runes line rises from left to right and ends on the target line.
    const goldColumns = [...Array(pixels.width).keys()].filter((x) => rowsAt(pixels, x).gold.length > 0);
    const left = Math.min(...goldColumns) + 4;
    const right = Math.max(...goldColumns) - 4;
    expect(Math.min(...rowsAt(pixels, left).gold)).toBeGreaterThan(Math.min(...rowsAt(pixels, right).gold) + 150);
    const targetRow = targetLineRow(pixels);
    expect(Math.abs(Math.min(...rowsAt(pixels, right).gold) - targetRow)).toBeLessThan(12);
    expect(image.description).toContain('in 40 runs');
  });

  it('adds the level line for a level target', async () => {
    // Level 1 → 150 is 7,112,459 runes (mechanics.md §1); at 50,000 a run, 143 runs.
    const image = await farmChart({ perRun: 50_000, runs: 143, held: 0, targetRunes: 7_112_459, levels: { from: 1, to: 150 }, minutesPerRun: 1.5 });
    const pixels = await expectRealChart(image);
    expect(count(pixels, BLUE, undefined, 3)).toBeGreaterThan(300);
  });

  it('draws a target already reached: what is held, above the target', async () => {
    const image = await farmChart({ perRun: 50_000, runs: 0, held: 2_500_000, targetRunes: 2_000_000 });
    const pixels = await expectRealChart(image);
    const x = Math.floor(pixels.width * 0.92);
    const { gold } = rowsAt(pixels, x);
    expect(gold.length).toBeGreaterThan(0);
    expect(Math.min(...gold)).toBeLessThan(targetLineRow(pixels) - 20); // higher on the picture
    expect(image.description).toMatch(/already reached/);
    // The card's top-left pixel is the background.
    expect(near(pixel(pixels, 10, 10), BACKGROUND, 2)).toBe(true);
  });

  it('is deterministic and refuses a plan that does not add up', async () => {
    const input = { perRun: 78_000, runs: 9, held: 300_000, targetRunes: 976_604, levels: { from: 80, to: 100 }, minutesPerRun: 2 };
    const a = await farmChart(input);
    const b = await farmChart({ ...input });
    expect(a.data.equals(b.data)).toBe(true);
    await expect(farmChart({ ...input, runs: 8 })).rejects.toThrow(/do not end at the target/);
    await expect(farmChart({ ...input, runs: 10 })).rejects.toThrow(ChartInputError);
    await expect(farmChart({ ...input, targetRunes: 1_000_000, runs: 9 })).rejects.toThrow(/not the cost of level 80 → 100/);
    await expect(farmChart({ ...input, perRun: 0 })).rejects.toThrow(ChartInputError);
    await expect(farmChart({ perRun: 1, runs: 999_999_999, held: 1, targetRunes: 1_000_000_000 })).resolves.toBeDefined();
  });
});
