// A weapon and affinity from what a player typed: "Keen Uchigatana +25", "keen uchi", "heavy claymore",
// "claymore heavy", "Rivers of Blood", or an autocomplete value ("weapon:9000000/keen"). The item search
// itself is not done here: the caller passes the shared item resolver and search (src/items), so every
// command reads the same text as the same item; this module adds what only weapons have (affinity forms).
//
// The rule, in order:
//   1. an autocomplete value (item key, optionally "/affinity") is that weapon and affinity;
//   2. a trailing "+N" is the upgrade level;
//   3. a form's exact name ("Keen Uchigatana", "Celebrant's Keen Sickle", "Bloody Longsword",
//      "Heavy Claymore") is that weapon and affinity;
//   4. the item the whole text names; an affinity word typed before or after it (not part of its own
//      name, as in "Fire Knight's Greatsword") is its affinity;
//   5. otherwise, with an affinity word typed, the item the other words name, with that affinity;
//   6. otherwise the item search's own answer: ambiguous (it asks) or not found (closest names).

import { AFFINITY_LABELS, decodeWeaponKey, encodeWeaponKey, foldWords, formName, splitAffinity, type AffinityAffix } from './names.ts';
import type { WeaponTables } from './tables.ts';
import type { Affinity, WeaponData } from './types.ts';

/** What the shared item resolver answers for a text (weapons and shields only). */
export type NameResolution =
  | { kind: 'found'; key: string; exact: boolean }
  | { kind: 'ambiguous'; names: string[]; total: number }
  | { kind: 'not-found'; closest: string[] };

export type NameResolver = (text: string) => NameResolution;

/** One hit of the shared item search (weapons and shields only), best first. */
export interface NameHit {
  key: string;
  score: number;
  /** How the text matched (the item index's tier: 7 exact name … 3 every word … 1 some words, 0 fuzzy). */
  tier: number;
}

/** Hits matching only some words are dropped when better ones exist ("keen uchi" is not "Keen Buckler"). */
const SOUND_TIER = 2;

function soundHits(hits: NameHit[]): NameHit[] {
  const best = hits.reduce((max, hit) => Math.max(max, hit.tier), -1);
  return best >= SOUND_TIER ? hits.filter((hit) => hit.tier >= SOUND_TIER) : hits;
}

export type NameSearch = (text: string, limit: number) => NameHit[];

export type WeaponLookup =
  | {
      kind: 'found';
      weapon: WeaponData;
      /** The affinity the text names; undefined when it names none. */
      affinity: Affinity | undefined;
      /** A "+N" typed after the name. */
      level: number | undefined;
      /** An exact name, form name or key: no guess was made. */
      exact: boolean;
    }
  | { kind: 'ambiguous'; names: string[]; total: number }
  | { kind: 'not-found'; closest: string[] }
  /** The item exists but has no attack data. */
  | { kind: 'no-data'; key: string };

export interface WeaponChoice {
  weapon: WeaponData;
  affinity: Affinity | null;
  /** The form's name ("Keen Uchigatana"). */
  name: string;
  /** The stable value: item key, plus "/affinity". */
  value: string;
}

const UPGRADE_SUFFIX = /^(.*?\S)\s*\+\s*(\d{1,2})\s*$/u;
const MAX_TEXT = 100;

export class WeaponNames {
  /** Folded form name → weapon and affinity (null: the weapon's own form). */
  private readonly forms = new Map<string, { weapon: WeaponData; affinity: Affinity | null }>();

  constructor(private readonly tables: WeaponTables) {
    for (const weapon of tables.weapons) {
      this.forms.set(foldWords(weapon.name), { weapon, affinity: null });
    }
    for (const weapon of tables.weapons) {
      for (const row of weapon.rows) {
        if (!row.affinity || row.affinity === 'standard') continue;
        for (const name of [row.name, `${AFFINITY_LABELS[row.affinity]} ${weapon.name}`]) {
          const folded = foldWords(name);
          if (!this.forms.has(folded)) this.forms.set(folded, { weapon, affinity: row.affinity });
        }
      }
    }
  }

  /** The affinity an affix gives this weapon, unless the affix words are part of its own name. */
  private affixFor(weapon: WeaponData, affix: AffinityAffix | undefined): Affinity | undefined {
    if (!affix) return undefined;
    const own = foldWords(weapon.name);
    const partOfName = affix.leading ? own.startsWith(`${affix.words} `) || own === affix.words : own.endsWith(` ${affix.words}`);
    return partOfName ? undefined : affix.affinity;
  }

  private found(key: string, affinity: Affinity | undefined, level: number | undefined, exact: boolean): WeaponLookup {
    const weapon = this.tables.weapon(key);
    return weapon ? { kind: 'found', weapon, affinity, level, exact } : { kind: 'no-data', key };
  }

  lookup(text: string, resolver: NameResolver): WeaponLookup {
    const typed = text.trim().slice(0, MAX_TEXT);
    const decoded = decodeWeaponKey(typed);
    if (decoded) return this.found(decoded.key, decoded.affinity, undefined, true);
    const suffix = UPGRADE_SUFFIX.exec(typed);
    const base = suffix ? suffix[1]! : typed;
    const level = suffix ? Number(suffix[2]) : undefined;

    const form = this.forms.get(foldWords(base));
    if (form) return { kind: 'found', weapon: form.weapon, affinity: form.affinity ?? undefined, level, exact: true };

    const affix = splitAffinity(base);
    const whole = resolver(base);
    if (whole.kind === 'found') {
      const weapon = this.tables.weapon(whole.key);
      if (!weapon) return { kind: 'no-data', key: whole.key };
      const affinity = this.affixFor(weapon, affix);
      return { kind: 'found', weapon, affinity, level, exact: whole.exact && !affinity };
    }
    if (affix && affix.rest) {
      const rest = resolver(affix.rest);
      if (rest.kind === 'found') {
        return this.found(rest.key, affix.affinity, level, rest.exact);
      }
      if (whole.kind === 'not-found' && rest.kind === 'ambiguous') return rest;
    }
    return whole;
  }

  /**
   * Autocomplete: weapons (and their affinity forms, when an affinity word is typed) matching the
   * query, best first, at most `limit`.
   */
  choices(query: string, search: NameSearch, limit = 25): WeaponChoice[] {
    const typed = query.trim().slice(0, MAX_TEXT);
    const suffix = UPGRADE_SUFFIX.exec(typed);
    const base = suffix ? suffix[1]! : typed;
    const affix = splitAffinity(base);
    const scored: { choice: WeaponChoice; score: number }[] = [];
    const add = (weapon: WeaponData, affinity: Affinity | null, score: number) => {
      const usable = affinity === null || weapon.rows.some((row) => row.affinity === affinity);
      const chosen = usable ? affinity : null;
      scored.push({ choice: { weapon, affinity: chosen, name: formName(weapon, chosen), value: encodeWeaponKey(weapon.key, chosen) }, score });
    };
    const form = this.forms.get(foldWords(base));
    if (form) add(form.weapon, form.affinity, Number.POSITIVE_INFINITY);
    for (const hit of soundHits(search(base, limit))) {
      const weapon = this.tables.weapon(hit.key);
      if (weapon) add(weapon, this.affixFor(weapon, affix) ?? null, hit.score);
    }
    if (affix && affix.rest) {
      for (const hit of soundHits(search(affix.rest, limit))) {
        const weapon = this.tables.weapon(hit.key);
        if (weapon && weapon.rows.some((row) => row.affinity === affix.affinity)) add(weapon, affix.affinity, hit.score);
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const seen = new Set<string>();
    const out: WeaponChoice[] = [];
    for (const { choice } of scored) {
      if (seen.has(choice.value)) continue;
      seen.add(choice.value);
      out.push(choice);
      if (out.length >= limit) break;
    }
    return out;
  }
}
