// Input checks shared by the store and the import schema. Each returns the cleaned value or throws a
// StoreError('invalid') whose message a player can read.

import { CLASSES, MAX_STAT, STAT_KEYS, findClass, type StartingClass, type Stat, type Stats } from '../game/classes.ts';
// Display helpers for the messages below (src/render/runes.ts imports nothing from src/characters at run
// time, so there is no import cycle).
import { fmt } from '../text/format.ts';
import { statLabel } from '../game/classes.ts';
import { StoreError } from './errors.ts';

/** The game caps runes held (and so a bloodstain) at 999,999,999. */
export const RUNE_CAP = 999_999_999;
export const MAX_CHARACTERS_PER_USER = 20;
export const NAME_MAX_LENGTH = 32;
export const NOTE_MAX_LENGTH = 200;
export const ITEM_MAX_LENGTH = 100;
export const ID_MAX_LENGTH = 64;
export const MAX_JOURNEY = 999;
export const MAX_REGULAR_UPGRADE = 25;
export const MAX_SOMBER_UPGRADE = 10;

// Control characters, line/paragraph separators, lone surrogates, bidi embeddings/overrides/isolates,
// zero-width space and BOM: nothing a player means to type into a name, and all able to break layout.
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/u;

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Trims, NFC-normalises and collapses inner whitespace; 1–32 characters, no control characters. */
export function cleanName(raw: unknown, what = 'Character name'): string {
  if (typeof raw !== 'string') throw new StoreError('invalid', `${what} must be text.`);
  if (FORBIDDEN.test(raw)) throw new StoreError('invalid', `${what} must not contain control or invisible formatting characters.`);
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const length = codePoints(name);
  if (length < 1) throw new StoreError('invalid', `${what} must not be empty.`);
  if (length > NAME_MAX_LENGTH) {
    throw new StoreError('invalid', `${what} must be at most ${NAME_MAX_LENGTH} characters (this one has ${length}).`);
  }
  return name;
}

/** The uniqueness key: names are unique per owner regardless of case (and of Unicode compatibility forms). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** Optional free text (ledger notes): trimmed, empty → null, at most `max` characters, no control characters. */
export function cleanText(raw: unknown, what: string, max: number, required: boolean): string | null {
  if (raw === undefined || raw === null) {
    if (required) throw new StoreError('invalid', `${what} is required.`);
    return null;
  }
  if (typeof raw !== 'string') throw new StoreError('invalid', `${what} must be text.`);
  if (FORBIDDEN.test(raw)) throw new StoreError('invalid', `${what} must not contain control or invisible formatting characters.`);
  const text = raw.normalize('NFC').trim();
  if (text === '') {
    if (required) throw new StoreError('invalid', `${what} must not be empty.`);
    return null;
  }
  const length = codePoints(text);
  if (length > max) throw new StoreError('invalid', `${what} must be at most ${max} characters (this one has ${length}).`);
  return text;
}

export function cleanNote(raw: unknown): string | null {
  return cleanText(raw, 'Note', NOTE_MAX_LENGTH, false);
}

/** Discord user and guild ids are stored as TEXT; any short printable token is accepted (the console uses names). */
export function cleanId(raw: unknown, what: 'User id' | 'Server id'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > ID_MAX_LENGTH || /\s/u.test(raw) || FORBIDDEN.test(raw)) {
    throw new StoreError('invalid', `${what} must be a non-empty token of at most ${ID_MAX_LENGTH} characters without spaces.`);
  }
  return raw;
}

export function requireClass(raw: unknown): StartingClass {
  const found = typeof raw === 'string' ? findClass(raw) : undefined;
  if (!found) {
    throw new StoreError('invalid', `Unknown starting class. Choose one of: ${CLASSES.map((c) => c.name).join(', ')}.`);
  }
  return found;
}

export function requireStat(raw: unknown): Stat {
  const wanted = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const stat = STAT_KEYS.find((s) => s === wanted);
  if (!stat) throw new StoreError('invalid', `Unknown stat. Choose one of: ${STAT_KEYS.join(', ')}.`);
  return stat;
}

export function requireInteger(raw: unknown, what: string, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) throw new StoreError('invalid', `${what} must be a whole number.`);
  if (raw < min || raw > max) {
    throw new StoreError('invalid', `${what} must be from ${fmt(min)} to ${fmt(max)} (got ${fmt(raw)}).`);
  }
  return raw;
}

/** Checks one stat value against 1–99 and the class's starting value. */
export function checkStatValue(cls: StartingClass, stat: Stat, value: unknown): number {
  const min = cls.stats[stat];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new StoreError('invalid', `${statLabel(stat)} must be a whole number.`);
  if (value > MAX_STAT) throw new StoreError('invalid', `${statLabel(stat)} can be at most ${MAX_STAT} (got ${value}).`);
  if (value < min) {
    throw new StoreError('invalid', `${statLabel(stat)} can't be below ${min}, the ${cls.name}'s starting value (got ${value}).`);
  }
  return value;
}

/** Merges a partial stat change over `base`, validating every given key. Unknown keys are refused. */
export function mergeStats(cls: StartingClass, base: Stats, changes: unknown): Stats {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) throw new StoreError('invalid', 'Stats must be an object of stat values.');
  const out: Stats = { ...base };
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    if (value === undefined) continue;
    const stat = STAT_KEYS.find((s) => s === key);
    if (!stat) throw new StoreError('invalid', `Unknown stat "${key}". Choose from: ${STAT_KEYS.join(', ')}.`);
    out[stat] = checkStatValue(cls, stat, value);
  }
  return out;
}
