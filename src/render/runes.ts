// Shared helpers for the rune calculator's commands (/runes, /upgrade, /class, /stats, /matchmaking):
// number formatting (also used to word the character store's errors), stat labels, a text progress bar,
// option reading that always states the valid range, turning the core's RangeError/TypeError into a
// UserError, the active-character default, and the footer that names the data source and the core's
// confidence notes in a few words.
// No game formulas here: those live in src/runes and src/game.

import { UserError } from '../errors.ts';
import type { Character } from '../characters/types.ts';
import type { Stat } from '../game/classes.ts';
import type { ItemRecord } from '../items/types.ts';
import type { Note } from '../game/confidence.ts';
import type { OptionReader } from '../router/options.ts';
import type { CommandContext } from '../router/types.ts';
import { escapeUserText } from './escape.ts';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 7112459 → "7,112,459". */
export function fmt(n: number): string {
  return Number.isFinite(n) ? grouping.format(n) : String(n);
}

/** 48.2 → "48.2", 45 → "45.0". */
export function fmt1(n: number): string {
  return oneDecimal.format(n);
}

/** "vigor" → "Vigor". */
export function statLabel(stat: Stat): string {
  return stat.charAt(0).toUpperCase() + stat.slice(1);
}

/** `+5`, used for upgrade levels. */
export function plus(n: number): string {
  return `+${n}`;
}

/**
 * A text progress bar: `▰▰▰▰▱▱▱▱▱▱ 42%`. The percentage is floored so 100% only shows when the goal is
 * met; a goal of 0 counts as met.
 */
export function progressBar(done: number, goal: number, width = 10): string {
  const fraction = goal <= 0 ? 1 : Math.min(Math.max(done / goal, 0), 1);
  const filled = fraction >= 1 ? width : Math.min(Math.floor(fraction * width), width - 1);
  const percent = fraction >= 1 ? 100 : Math.min(Math.floor(fraction * 100), 99);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${percent}%`;
}

/** "1 minute", "2 h 5 min", "3 d 4 h". */
export function duration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '?';
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days} d ${h} h` : `${days} d`;
}

// ---------------------------------------------------------------------------------------------
// Options: every failure is a UserError that states what is valid.

/** The raw value as the user gave it, escaped and shortened, for "you gave …". */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? 'that value' : String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return escapeUserText(short);
}

export interface IntSpec {
  min: number;
  max: number;
  /** How to describe the valid values, e.g. "a level from 1 to 712"; default "a whole number from min to max". */
  what?: string;
}

function rangeText(spec: IntSpec): string {
  return spec.what ?? `a whole number from ${fmt(spec.min)} to ${fmt(spec.max)}`;
}

/** An integer option in [min, max], or undefined when absent. */
export function readInt(options: OptionReader, name: string, spec: IntSpec): number | undefined {
  if (!options.has(name)) return undefined;
  let value: number;
  try {
    value = options.getNumber(name, true);
  } catch {
    throw new UserError(`\`${name}\` must be ${rangeText(spec)}.`);
  }
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new UserError(`\`${name}\` must be ${rangeText(spec)} (you gave ${shown(Number.isInteger(value) ? fmt(value) : String(value))}).`);
  }
  return value;
}

/** A decimal option in (0, max], or undefined when absent. */
export function readPositive(options: OptionReader, name: string, max: number, what: string): number | undefined {
  if (!options.has(name)) return undefined;
  let value: number;
  try {
    value = options.getNumber(name, true);
  } catch {
    throw new UserError(`\`${name}\` must be ${what}.`);
  }
  if (!(value > 0) || value > max) throw new UserError(`\`${name}\` must be ${what} (you gave ${shown(value)}).`);
  return value;
}

/** A true/false option (false when absent). */
export function readFlag(options: OptionReader, name: string): boolean {
  if (!options.has(name)) return false;
  try {
    return options.getBoolean(name, true);
  } catch {
    throw new UserError(`\`${name}\` must be true or false.`);
  }
}

/** A text option, trimmed; undefined when absent or blank. Longer than `maxLength` is refused. */
export function readText(options: OptionReader, name: string, maxLength: number): string | undefined {
  if (!options.has(name)) return undefined;
  let value: string;
  try {
    value = options.getString(name) ?? '';
  } catch {
    throw new UserError(`\`${name}\` must be text of at most ${fmt(maxLength)} characters.`);
  }
  const trimmed = value.trim();
  if (trimmed.length > maxLength) throw new UserError(`\`${name}\` must be at most ${fmt(maxLength)} characters (you gave ${fmt(trimmed.length)}).`);
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Runs a core calculation; its RangeError/TypeError (a value the command did not catch first) becomes a
 * UserError with the core's message, which always states the valid range.
 */
export function core<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      const message = error.message.replace(/^./, (c) => c.toUpperCase());
      throw new UserError(`${escapeUserText(message)}.`);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The active character (issue 5): defaults for options that describe "me". The router looks it up once,
// only when asked, and makes the reply private when a private character was read where others see it.

export function lazyCharacter(context: CommandContext): () => Promise<Character | null> {
  return () => context.activeCharacter();
}

// ---------------------------------------------------------------------------------------------
// Sources and confidence notes

export const SOURCES = {
  levels: 'Level costs: exact integer form of the game formula (CalcCorrectGraph row 200, regulation 1.09/1.10; mechanics.md §1)',
  classes: 'Classes: CharaInitParam 3000–3009, regulation 1.09/1.10 (mechanics.md §2)',
  derived: 'Derived stats: CalcCorrectGraph curves, patch 1.04+ values (regulation 1.09/1.10; mechanics.md §3)',
  runeItems: 'Rune values: SpEffectParam.soul, regulation 1.10; DLC from one post-DLC source (mechanics.md §4)',
  runeGain: 'Rune gain: SpEffectParam soulRate and ClearCountCorrectParam, regulation 1.09/1.10 (mechanics.md §5)',
  upgrades: 'Stones, prices and rates: EquipMtrlSetParam, ShopLineupParam, ReinforceParamWeapon, regulation 1.09/1.10 (mechanics.md §6)',
  death: 'Death rules: in-game text and published guides (mechanics.md §7)',
} as const;

const CONFIDENCE_WORDS: Record<Note['confidence'], string> = {
  verified: 'verified',
  'single-source': 'single source',
  conflict: 'sources disagree',
  unverified: 'unverified',
  assumed: 'assumed',
  'community-tested': 'community-tested',
};

/** A few words per note id the core returns; unknown ids fall back to the note's own sentence. */
const BRIEF: Record<string, string> = {
  'rune-gain-stacking': 'Scarab + Fowl Foot stacking: assumed ×1.56 (×1.5 if additive)',
  'fowl-foot-value': 'Fowl Foot +30% for 180 s: single source',
  'rune-gain-rounding': 'rounding of boosted runes: assumed (floored once)',
  'ng-area-multiplier': 'NG+ first-cycle area multiplier ×2–×5: single source',
  'ng-cycle-cap': 'rune scaling stops at NG+7',
  'farm-ng-area-conservative': 'NG+ without an area multiplier: counted at ×2, so the run count is an upper bound',
  'fowl-foot-shop': 'Patches sells Gold-Pickled Fowl Feet for 600 runes each (3 in stock)',
  'upgrade-target-rate': 'per-step rune rates: single source (erdb reading of the params)',
  'upgrade-round-half-even': 'a step ending in .5 was rounded to even: assumed',
  'bell-bearing-unlocks': 'which bell bearing unlocks which stone: single source (inferred from flag order)',
  'spirit-ash-materials': 'spirit ash materials: single source (params)',
  'spirit-ash-runes': 'spirit ash rune costs: single source (params)',
  'death-gostoc-claim': 'claim that Gostoc steals 10% of your runes on death: unverified',
  'matchmaking-community-tested': 'matchmaking ranges: community-tested (r/Eldenring "Unofficial Matchmaking Information", 2022), not game data',
  'matchmaking-boundaries': 'level bounds rounded inward: assumed',
  'matchmaking-uncapped': 'no upper level limit from 306 (summoning) / 301 (invading): community-tested',
  'matchmaking-highest-weapon': 'uses the highest weapon upgrade you ever held: community-tested',
  'matchmaking-weapon-22': '+22 weapon range: sources disagree (+17 or +18 lower bound; +17 used)',
  'matchmaking-password': 'with a password summons ignore the limits (scaled down); invasions still happen',
  'matchmaking-password-conflict': 'password vs weapon level: sources disagree',
};

/** Notes whose text starts with the item names they concern ("A, B: caveat"): keep the names. */
const NAMED_NOTES = new Set(['dlc-rune-values', 'dlc-remembrance-values', 'unconfirmed-dlc-items', 'lands-between-rune']);

export function briefNote(note: Note): string {
  const brief = BRIEF[note.id];
  if (brief) return brief;
  if (NAMED_NOTES.has(note.id)) {
    const colon = note.text.indexOf(': ');
    const names = colon > 0 ? note.text.slice(0, colon) : '';
    return names ? `${names}: ${CONFIDENCE_WORDS[note.confidence]} value` : `${CONFIDENCE_WORDS[note.confidence]}: ${note.text}`;
  }
  return `${CONFIDENCE_WORDS[note.confidence]}: ${note.text}`;
}

/** Footer: the source line, then one short line per note (marked ⚠). Plain text (footers show no markdown). */
export function footer(source: string, notes: readonly Note[] = []): string {
  const seen = new Set<string>();
  const lines = [source];
  for (const note of notes) {
    if (seen.has(note.id)) continue;
    seen.add(note.id);
    lines.push(`⚠ ${briefNote(note)}`);
  }
  return lines.join('\n');
}

/** Joins names as "A, B and C". */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Item names a player typed (src/items/resolve.ts finds the item; these word what it could not decide).

const CANDIDATES_SHOWN = 6;

function boldNames(items: readonly ItemRecord[]): string[] {
  return items.map((item) => `**${escapeUserText(item.name)}**`);
}

/** "Which weapon? “katana” matches several: **A**, **B** and **C**. Pick one from the list as you type." */
export function ambiguousItemText(typed: string, what: string, candidates: readonly ItemRecord[], total: number): string {
  const names = boldNames(candidates.slice(0, CANDIDATES_SHOWN));
  const more = Math.max(total, candidates.length) - names.length;
  return `Which ${what}? “${shown(typed)}” matches several: ${list(more > 0 ? [...names, `${fmt(more)} more`] : names)}. Pick one from the list as you type.`;
}

/** " Closest names: **A**, **B** and **C**." (with a leading space), or "" when there are none. */
export function closestNamesText(items: readonly ItemRecord[]): string {
  return items.length ? ` Closest names: ${list(boldNames(items))}.` : '';
}
