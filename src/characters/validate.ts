// Input checks shared by the store and the import schema. Each returns the cleaned value or throws a
// StoreError('invalid') whose data says which field broke which rule (src/render/storeErrors.ts words it).

import { CLASSES, MAX_STAT, STAT_KEYS, findClass, type StartingClass, type Stat, type Stats } from '../game/classes.ts';
import { invalid, type StoreField } from './errors.ts';
import { RUNE_CAP, MAX_CHARACTERS_PER_USER, NAME_MAX_LENGTH, NOTE_MAX_LENGTH, ITEM_MAX_LENGTH, ID_MAX_LENGTH, MAX_JOURNEY, MAX_REGULAR_UPGRADE, MAX_SOMBER_UPGRADE } from './types.ts';

export { RUNE_CAP, MAX_CHARACTERS_PER_USER, NAME_MAX_LENGTH, NOTE_MAX_LENGTH, ITEM_MAX_LENGTH, ID_MAX_LENGTH, MAX_JOURNEY, MAX_REGULAR_UPGRADE, MAX_SOMBER_UPGRADE };

/** The game caps runes held (and so a bloodstain) at 999,999,999. */

// Control characters, line/paragraph separators, lone surrogates, bidi embeddings/overrides/isolates,
// zero-width space and BOM: nothing a player means to type into a name, and all able to break layout.
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/u;

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Trims, NFC-normalises and collapses inner whitespace; 1–32 characters, no control characters. */
export function cleanName(raw: unknown, field: 'name' | 'new_name' = 'name'): string {
  if (typeof raw !== 'string') throw invalid({ reason: 'not_text', field });
  if (FORBIDDEN.test(raw)) throw invalid({ reason: 'forbidden_characters', field });
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const length = codePoints(name);
  if (length < 1) throw invalid({ reason: 'empty', field });
  if (length > NAME_MAX_LENGTH) throw invalid({ reason: 'too_long', field, max: NAME_MAX_LENGTH, length });
  return name;
}

/** The uniqueness key: names are unique per owner regardless of case (and of Unicode compatibility forms). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** Optional free text (ledger notes): trimmed, empty → null, at most `max` characters, no control characters. */
export function cleanText(raw: unknown, field: 'note' | 'item' | 'weapon', max: number, required: boolean): string | null {
  if (raw === undefined || raw === null) {
    if (required) throw invalid({ reason: 'required', field });
    return null;
  }
  if (typeof raw !== 'string') throw invalid({ reason: 'not_text', field });
  if (FORBIDDEN.test(raw)) throw invalid({ reason: 'forbidden_characters', field });
  const text = raw.normalize('NFC').trim();
  if (text === '') {
    if (required) throw invalid({ reason: 'empty', field });
    return null;
  }
  const length = codePoints(text);
  if (length > max) throw invalid({ reason: 'too_long', field, max, length });
  return text;
}

export function cleanNote(raw: unknown): string | null {
  return cleanText(raw, 'note', NOTE_MAX_LENGTH, false);
}

/** Discord user and guild ids are stored as TEXT; any short printable token is accepted (the console uses names). */
export function cleanId(raw: unknown, field: 'user_id' | 'server_id'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > ID_MAX_LENGTH || /\s/u.test(raw) || FORBIDDEN.test(raw)) {
    throw invalid({ reason: 'bad_id', field, max: ID_MAX_LENGTH });
  }
  return raw;
}

export function requireClass(raw: unknown): StartingClass {
  const found = typeof raw === 'string' ? findClass(raw) : undefined;
  if (!found) throw invalid({ reason: 'unknown_class', classes: CLASSES.map((c) => c.name) });
  return found;
}

export function requireStat(raw: unknown): Stat {
  const wanted = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const stat = STAT_KEYS.find((s) => s === wanted);
  if (!stat) throw invalid({ reason: 'unknown_stat', stats: [...STAT_KEYS], key: null });
  return stat;
}

export function requireInteger(raw: unknown, field: StoreField, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) throw invalid({ reason: 'not_integer', field });
  if (raw < min || raw > max) throw invalid({ reason: 'out_of_range', field, min, max, value: raw });
  return raw;
}

/** Checks one stat value against 1–99 and the class's starting value. */
export function checkStatValue(cls: StartingClass, stat: Stat, value: unknown): number {
  const min = cls.stats[stat];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid({ reason: 'not_integer', field: stat });
  if (value > MAX_STAT) throw invalid({ reason: 'stat_too_high', stat, max: MAX_STAT, value });
  if (value < min) throw invalid({ reason: 'stat_below_class', stat, min, className: cls.name, value });
  return value;
}

/** Merges a partial stat change over `base`, validating every given key. Unknown keys are refused. */
export function mergeStats(cls: StartingClass, base: Stats, changes: unknown): Stats {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) throw invalid({ reason: 'argument', argument: 'stats' });
  const out: Stats = { ...base };
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    if (value === undefined) continue;
    const stat = STAT_KEYS.find((s) => s === key);
    if (!stat) throw invalid({ reason: 'unknown_stat', stats: [...STAT_KEYS], key });
    out[stat] = checkStatValue(cls, stat, value);
  }
  return out;
}
