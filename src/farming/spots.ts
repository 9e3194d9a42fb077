// Farming spots: a curated route (NpcParam rows and how many one run kills, with its source) turned into
// runes per run (the sum of count × getSoul), with the boosts, per hour when the source gives a time,
// ranked, and the runs and time to a target. Integer arithmetic throughout (the rune core).

import { mergeNotes, type Note } from '../game/confidence.ts';
import { normalizeName } from '../items/normalize.ts';
import { farmPlan, runeGain, type FarmPlan, type FarmTarget, type RuneGainOptions } from '../runes/runeGain.ts';
import type { EnemyIndex } from './enemies.ts';
import type { FarmRoute } from './types.ts';

export interface SpotLine {
  npcParamId: number;
  name: string;
  count: number;
  /** First-journey runes one kill gives (getSoul). */
  each: number;
  /** count × each. */
  subtotal: number;
}

export interface SpotRunes {
  route: FarmRoute;
  lines: SpotLine[];
  /** Σ count × getSoul: first-journey runes one run gives, before boosts. */
  perRun: number;
}

export interface RankedSpot extends SpotRunes {
  /** Runes a run with the boosts: equal ends unless NG+ is asked without an area multiplier (×2 … ×5). */
  boosted: { min: number; max: number };
  /** Runes an hour at the source's time per run, null when the source gives no time. */
  perHour: { min: number; max: number } | null;
  /** Whether the spot suits the level asked: null when no level was asked or the source recommends none. */
  suitsLevel: boolean | null;
  notes: Note[];
}

/** The spot's runes per run from the game data (throws a RangeError if a row has vanished from the data). */
export function spotRunes(route: FarmRoute, index: EnemyIndex): SpotRunes {
  const lines = route.enemies.map((enemy) => {
    const row = index.row(enemy.npcParamId);
    if (!row) throw new RangeError(`the farming spot ${route.name} lists an enemy the game data does not have (row ${enemy.npcParamId})`);
    return { npcParamId: enemy.npcParamId, name: row.name ?? enemy.name, count: enemy.count, each: row.runes, subtotal: enemy.count * row.runes };
  });
  return { route, lines, perRun: lines.reduce((sum, line) => sum + line.subtotal, 0) };
}

/** Runes an hour for `perRun` runes every `seconds` seconds, floored (whole runes, exact integers). */
export function runesPerHour(perRun: number, seconds: number): number {
  if (!Number.isSafeInteger(perRun) || perRun < 0) throw new RangeError('runes per run must be a whole number of runes, 0 or more');
  if (!Number.isSafeInteger(seconds) || seconds < 1) throw new RangeError('seconds per run must be a whole number, 1 or more');
  return Number((BigInt(perRun) * 3600n) / BigInt(seconds));
}

function suits(route: FarmRoute, level: number | undefined): boolean | null {
  const range = route.quoted.level;
  if (level === undefined || !range) return null;
  return (range.min === undefined || level >= range.min) && (range.max === undefined || level <= range.max);
}

/**
 * Every spot with its runes per run (boosted) and per hour where the source gives a time, best first:
 * by the boosted runes a run (the lower end), then by name.
 */
export function rankSpots(routes: readonly FarmRoute[], index: EnemyIndex, boosts: RuneGainOptions = {}, level?: number): RankedSpot[] {
  const ranked = routes.map((route): RankedSpot => {
    const spot = spotRunes(route, index);
    const gain = runeGain(spot.perRun, boosts);
    const boosted = gain.kind === 'exact' ? { min: gain.runes, max: gain.runes } : { min: gain.minRunes, max: gain.maxRunes };
    const seconds = route.quoted.secondsPerRun;
    const perHour = seconds === undefined ? null : { min: runesPerHour(boosted.min, seconds), max: runesPerHour(boosted.max, seconds) };
    return { ...spot, boosted, perHour, suitsLevel: suits(route, level), notes: gain.notes };
  });
  return ranked.sort((a, b) => b.boosted.min - a.boosted.min || a.route.name.localeCompare(b.route.name, 'en'));
}

export interface SpotPlan {
  spot: SpotRunes;
  plan: FarmPlan;
  /** The source's time per run in minutes, null when it gives none. */
  minutesPerRun: number | null;
}

/** Runs (and time, when the source gives one) to collect `target` at a spot, after `held` runes. */
export function spotPlan(route: FarmRoute, index: EnemyIndex, target: FarmTarget, options: { held?: number; boosts?: RuneGainOptions } = {}): SpotPlan {
  const spot = spotRunes(route, index);
  if (spot.perRun < 1) throw new RangeError(`${route.name} gives no runes in the game data`);
  const seconds = route.quoted.secondsPerRun;
  const minutesPerRun = seconds === undefined ? null : seconds / 60;
  const plan = farmPlan({
    perRun: spot.perRun,
    target,
    ...(options.held !== undefined ? { held: options.held } : {}),
    ...(minutesPerRun !== null ? { minutesPerRun } : {}),
    ...(options.boosts ? { boosts: options.boosts } : {}),
  });
  return { spot, plan, minutesPerRun };
}

export interface SpotHit {
  route: FarmRoute;
  exact: boolean;
}

/** Spots matching what was typed (id or name, any case), best first; every spot for an empty query. */
export function searchSpots(routes: readonly FarmRoute[], query: string, limit = 25): SpotHit[] {
  const q = normalizeName(query.slice(0, 200));
  const scored: { route: FarmRoute; score: number }[] = [];
  for (const route of routes) {
    const keys = [route.id.replace(/-/g, ' '), normalizeName(route.name), normalizeName(route.region), normalizeName(route.grace)];
    let score: number;
    if (!q) score = 3;
    else if (route.id === query.trim() || keys[0] === q || keys[1] === q) score = 0;
    else if (keys.some((k) => k.startsWith(q))) score = 1;
    else if (q.split(' ').every((word) => keys.some((k) => k.split(' ').some((w) => w.startsWith(word))))) score = 2;
    else continue;
    scored.push({ route, score });
  }
  scored.sort((a, b) => a.score - b.score || a.route.name.localeCompare(b.route.name, 'en'));
  return scored.slice(0, limit).map(({ route, score }) => ({ route, exact: score === 0 }));
}

/** The spot an option value names: its id (what autocomplete sends) or its exact name; else the one plausible match. */
export function findSpot(routes: readonly FarmRoute[], query: string): FarmRoute | null {
  const hits = searchSpots(routes, query, 2);
  if (hits[0]?.exact) return hits[0].route;
  return hits.length === 1 && normalizeName(query) ? hits[0]!.route : null;
}

export function spotNotes(spots: readonly RankedSpot[]): Note[] {
  return mergeNotes(...spots.map((s) => s.notes));
}
