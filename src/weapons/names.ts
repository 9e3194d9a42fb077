// Words for affinities and weapon forms, and the stable key a weapon + affinity travels as (an
// autocomplete value): the item key, plus "/affinity" when one was picked ("weapon:9000000/keen").

import { AFFINITIES, type Affinity, type WeaponData } from './types.ts';

export const AFFINITY_LABELS: Record<Affinity, string> = {
  standard: 'Standard',
  heavy: 'Heavy',
  keen: 'Keen',
  quality: 'Quality',
  fire: 'Fire',
  'flame-art': 'Flame Art',
  lightning: 'Lightning',
  sacred: 'Sacred',
  magic: 'Magic',
  cold: 'Cold',
  poison: 'Poison',
  blood: 'Blood',
  occult: 'Occult',
};

/** Lowercase words only: apostrophes dropped, anything else not a letter or digit becomes a space. */
export function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Every way a player writes an affinity, folded: the game's words and a few of the community's. */
const AFFINITY_WORDS: ReadonlyMap<string, Affinity> = new Map<string, Affinity>([
  ...AFFINITIES.map((a) => [foldWords(AFFINITY_LABELS[a]), a] as [string, Affinity]),
  ...AFFINITIES.map((a) => [a, a] as [string, Affinity]),
  ['flameart', 'flame-art'],
  ['flame', 'flame-art'],
  ['bloody', 'blood'],
  ['normal', 'standard'],
  ['std', 'standard'],
  ['lightening', 'lightning'],
]);

/** An affinity from what a player typed ("Keen", "flame art", "bloody"); undefined when it is none. */
export function parseAffinity(text: string): Affinity | undefined {
  return AFFINITY_WORDS.get(foldWords(text)) ?? AFFINITY_WORDS.get(foldWords(text).replace(/ /g, ''));
}

export interface AffinityAffix {
  affinity: Affinity;
  /** The affinity words as typed, folded ("flame art"). */
  words: string;
  /** The rest of the text, folded: the weapon name part. */
  rest: string;
  /** Whether the affinity came first ("keen uchi") rather than last ("uchigatana keen"). */
  leading: boolean;
}

/**
 * An affinity written before or after a weapon name: "keen uchi", "flame art claymore", "claymore heavy".
 * Only whole words count ("bloodhound" is not "blood"); "flame" alone is not taken as a leading word
 * (it starts real names: "Flame Art …" is handled as two words).
 */
export function splitAffinity(text: string): AffinityAffix | undefined {
  const words = foldWords(text).split(' ').filter(Boolean);
  if (words.length < 2) return undefined;
  for (const count of [2, 1]) {
    if (words.length <= count) continue;
    const head = words.slice(0, count).join(' ');
    const affinity = count === 2 ? (head === 'flame art' ? 'flame-art' : undefined) : head === 'flame' ? undefined : AFFINITY_WORDS.get(head);
    if (affinity) return { affinity, words: head, rest: words.slice(count).join(' '), leading: true };
  }
  for (const count of [2, 1]) {
    if (words.length <= count) continue;
    const tail = words.slice(-count).join(' ');
    const affinity = count === 2 ? (tail === 'flame art' ? 'flame-art' : undefined) : tail === 'flame' ? undefined : AFFINITY_WORDS.get(tail);
    if (affinity) return { affinity, words: tail, rest: words.slice(0, -count).join(' '), leading: false };
  }
  return undefined;
}

/** The game's name of a weapon's form: "Keen Uchigatana", "Celebrant's Keen Sickle"; the plain name for null. */
export function formName(weapon: WeaponData, affinity: Affinity | null | undefined): string {
  if (affinity === null || affinity === undefined) return weapon.name;
  return weapon.rows.find((row) => row.affinity === affinity)?.name ?? `${AFFINITY_LABELS[affinity]} ${weapon.name}`;
}

const KEY_PATTERN = /^((?:weapon|shield):\d{1,12})(?:\/([a-z-]{3,12}))?$/;

/** The stable value of a weapon form: its item key, with "/affinity" when one is chosen. */
export function encodeWeaponKey(key: string, affinity: Affinity | null | undefined): string {
  return affinity ? `${key}/${affinity}` : key;
}

/** The item key and affinity of such a value; undefined when the text is not one. */
export function decodeWeaponKey(text: string): { key: string; affinity: Affinity | undefined } | undefined {
  const match = KEY_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const affinity = match[2] === undefined ? undefined : (AFFINITIES as readonly string[]).includes(match[2]) ? (match[2] as Affinity) : null;
  if (affinity === null) return undefined;
  return { key: match[1]!, affinity };
}
