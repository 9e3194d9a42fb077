// Name cleaning and placeholder detection (pure functions, unit-tested).

/** True for FMG/param names that mark an empty, test or placeholder slot. */
export function isPlaceholderName(name: string | undefined | null): boolean {
  if (name === undefined || name === null) return true;
  const s = name.trim();
  if (s === '') return true;
  if (s.includes('%null%')) return true;
  if (/^\[ERROR\]/i.test(s)) return true;
  if (/^(test|dummy|unused|debug)\b/i.test(s)) return true;
  if (/\b(test gem|dummy)\b/i.test(s)) return true;
  if (/^\?+$/.test(s)) return true;
  return false;
}

/** Normalise an official name for output: NFC, trim, collapse inner whitespace, straight quotes kept. */
export function cleanName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u00A0\u2000-\u200B\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split a trailing upgrade level: "Black Knife Tiche +7" -> { base: "Black Knife Tiche", level: 7 }. */
export function splitPlusLevel(name: string): { base: string; level: number } {
  const m = /^(.*\S)\s*\+\s?(\d{1,2})$/.exec(name);
  if (!m || m[1] === undefined || m[2] === undefined) return { base: name, level: 0 };
  return { base: m[1], level: Number(m[2]) };
}

/** Strip a param Row Name category prefix such as "[Sorcery] Glintstone Pebble". */
export function stripRowNamePrefix(rowName: string): string {
  return rowName.replace(/^\[[^\]]*\]\s*/, '');
}

/** Fold a name for comparison: lower case, no diacritics, no punctuation, single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`"]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The twelve weapon affinities, as they prefix affinity-variant weapon names. */
export const AFFINITY_PREFIXES = [
  'Heavy',
  'Keen',
  'Quality',
  'Fire',
  'Flame Art',
  'Lightning',
  'Sacred',
  'Magic',
  'Cold',
  'Poison',
  'Blood',
  'Occult',
] as const;

/** Affinity offsets in EquipParamWeapon ids (base id + offset). */
export const AFFINITY_OFFSETS: Record<number, string> = {
  100: 'Heavy',
  200: 'Keen',
  300: 'Quality',
  400: 'Fire',
  500: 'Flame Art',
  600: 'Lightning',
  700: 'Sacred',
  800: 'Magic',
  900: 'Cold',
  1000: 'Poison',
  1100: 'Blood',
  1200: 'Occult',
};

/**
 * Parse a balanced leading bracket: "[Twin Maiden Husks - X Bell Bearing [1]] Smithing Stone [1]"
 * -> { prefix: "Twin Maiden Husks - X Bell Bearing [1]", rest: "Smithing Stone [1]" }.
 */
export function splitBracketPrefix(s: string): { prefix: string | null; rest: string } {
  if (!s.startsWith('[')) return { prefix: null, rest: s };
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return { prefix: s.slice(1, i), rest: s.slice(i + 1).trim() };
    }
  }
  return { prefix: null, rest: s };
}
