// Name normalisation for the item index: the same function runs once per item name at build time and
// once per query, so "Hero's Rune [1]", "heros rune 1" and "HEROS  RUNE (1)" all become "heros rune 1".
//
// Rules: Unicode compatibility folding (full-width letters, ligatures), diacritics dropped (Miséricorde →
// misericorde), lowercase, apostrophes removed without a gap (Lion's → lions), "&" read as "and",
// every other non-letter/non-digit (hyphens, brackets, colons, quotes, "+") is a word break, letters and
// digits split (rune5 → rune 5), leading zeros dropped, and a few British spellings read as the game's
// American ones. Roman numerals (golden rune xii → golden rune 12) are an alternative reading the search
// tries (`romanAlternative`), not a rewrite: "Miriam's V" is a name being typed, not "Miriam's 5".

/** Longest input we look at: Discord option values are ≤ 100 characters; DMs can be longer. */
export const MAX_QUERY_CHARS = 200;
/** Most words of a query that take part in matching. */
export const MAX_QUERY_TOKENS = 12;

const APOSTROPHES = /['\u2018\u2019\u201b\u02bc\u02b9`\u00b4]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_NOT_WORD = /[^a-z0-9]+/g;
const ASCII_LETTER_DIGIT = /(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/g;
const LETTER_DIGIT = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu;

/** Letters NFKD does not decompose into a base letter. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_LETTER_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** British → the game's (American) spelling, whole words only. */
const SPELLING: ReadonlyMap<string, string> = new Map([
  ['armour', 'armor'],
  ['armours', 'armors'],
  ['favour', 'favor'],
  ['favours', 'favors'],
  ['colour', 'color'],
  ['colours', 'colors'],
  ['honour', 'honor'],
  ['valour', 'valor'],
  ['grey', 'gray'],
]);

const ROMAN: ReadonlyMap<string, string> = new Map([
  ['i', '1'],
  ['ii', '2'],
  ['iii', '3'],
  ['iv', '4'],
  ['v', '5'],
  ['vi', '6'],
  ['vii', '7'],
  ['viii', '8'],
  ['ix', '9'],
  ['x', '10'],
  ['xi', '11'],
  ['xii', '12'],
  ['xiii', '13'],
]);

/** Words that carry no meaning on their own in an item name; they never need to match. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'a', 'an', 'and', 'to', 'for', 'in', 'on', 'at', 'with']);

/**
 * Case, diacritics, apostrophes and punctuation folded; words separated by single spaces.
 * Pure string folding, no word-level rules (see `tokenize`).
 */
export function foldText(text: string): string {
  let s = text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text;
  if (PRINTABLE_ASCII.test(s)) {
    // Fast path (almost every name and query): the same rules with ASCII-only patterns.
    s = s.toLowerCase().replace(ASCII_APOSTROPHES, '').replace(/&/g, ' and ').replace(ASCII_NOT_WORD, ' ').replace(ASCII_LETTER_DIGIT, ' ');
    return s.trim();
  }
  s = s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  s = s.replace(SPECIAL_LETTER_RE, (c) => SPECIAL_LETTERS[c] ?? c);
  s = s.replace(APOSTROPHES, '').replace(/&/g, ' and ');
  s = s.replace(NOT_WORD, ' ');
  s = s.replace(LETTER_DIGIT, ' ');
  return s.trim();
}

/** The words of a name or query, after every normalisation rule. */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  if (!folded) return [];
  const words = folded.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length && out.length < MAX_QUERY_TOKENS * 4; i++) {
    let word = words[i]!;
    if (/^\d+$/.test(word)) word = word.replace(/^0+(?=\d)/, '');
    else word = SPELLING.get(word) ?? word;
    out.push(word);
  }
  return out;
}

/**
 * The digits a roman numeral token stands for, when it is one and not the first word (the game writes
 * numbers as [n], so "golden rune xii" means "Golden Rune [12]"); else undefined.
 */
export function romanAlternative(tokens: readonly string[], index: number): string | undefined {
  return index > 0 ? ROMAN.get(tokens[index]!) : undefined;
}

/** The normalised form of a name or query: its tokens joined by single spaces. */
export function normalizeName(text: string): string {
  return tokenize(text).join(' ');
}

/**
 * A light stem so plurals and possessives meet: "tears" → "tear", "bloodhounds" (from "Bloodhound's")
 * → "bloodhound", "vows" → "vow". Words of 3 letters or fewer, and words ending in "ss", are kept.
 */
export function stem(token: string): string {
  if (token.length >= 4 && token.charCodeAt(token.length - 1) === 115 /* s */ && token.charCodeAt(token.length - 2) !== 115) {
    return token.slice(0, -1);
  }
  return token;
}

/** The tokens joined without spaces: "bullgoat helm" and "Bull-Goat Helm" share "bullgoathelm". */
export function compactKey(tokens: readonly string[]): string {
  return tokens.join('');
}

/**
 * A trailing upgrade level typed after a name ("Moonveil +10", "Keen Uchigatana+25"), split off.
 * Only a "+" marks it: "Golden Rune 5" is a name, not an upgrade.
 */
export function splitUpgradeSuffix(text: string): { base: string; level: number } | null {
  const match = /^(.*?\S)\s*\+\s*(\d{1,2})\s*$/u.exec(text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text);
  if (!match) return null;
  return { base: match[1]!, level: Number(match[2]) };
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up as soon as it
 * exceeds `max` (returns max + 1). Reuses module-level buffers: no allocation per call.
 */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m]!;
  return d > max ? max + 1 : d;
}

/** The words of a query that carry meaning (stop words dropped, unless the query is only stop words). */
export function significant(tokens: readonly string[]): string[] {
  const kept = tokens.filter((t) => !STOP_WORDS.has(t));
  return kept.length ? kept : [...tokens];
}
