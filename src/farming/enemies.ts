// Enemies and bosses by name. One name is often several NpcParam rows that drop different runes in
// different places (a Bloodbane Albinauric in Mohgwyn Palace, an Albinauric in Liurnia): an entry keeps
// its rows with their places, so a card can show the drop per place. Bosses (GameAreaParam, "[place]
// name" rows) join the entry of the same name, or make their own. Pure: built from the loaded data.

import { boundedDistance, normalizeName } from '../items/normalize.ts';
import type { BossFile, EnemyFile } from './types.ts';

export interface EnemyPlace {
  place: string;
  /** The enemy table marks this row as a boss in this place. */
  boss: boolean;
  dlc: boolean;
}

export interface EnemyEntryRow {
  /** NpcParam row id. */
  id: number;
  /** What the row's name adds in brackets ("Pot" of "Commoner (Pot)"), or null. */
  variant: string | null;
  /** getSoul: first-journey runes before boosts (0 when the row drops none). */
  runes: number;
  places: EnemyPlace[];
}

export interface BossReward {
  /** GameAreaParam row id. */
  id: number;
  /** The place the row names, or null. */
  place: string | null;
  /** What the row's name adds in brackets ("Solo" of "Jagged Peak Drake (Solo)"), or null. */
  variant: string | null;
  /** Runes for a host playing alone (bonusSoul_single). */
  single: number;
  /** Runes for a host in co-op (bonusSoul_multi). */
  multi: number;
}

export interface EnemyEntry {
  /** normalizeName of the name: the lookup key. */
  key: string;
  /** The name without bracketed variants: "Tree Sentinel" for "Tree Sentinel (Limgrave)" and "(Altus Plateau)". */
  name: string;
  /** Other names rows of this entry go by: full names with their variants, and the enemy table's names. */
  aka: string[];
  /** Rows met in at least one named place. */
  rows: EnemyEntryRow[];
  bosses: BossReward[];
  /** Every place it is met is in the Realm of Shadow (Shadow of the Erdtree). */
  dlc: boolean;
}

export interface PlaceDrop {
  place: string;
  /** Distinct first-journey drops of the name's rows in this place, highest first. */
  runes: number[];
  /** The bracketed variants of the rows met here ("Pot", "Boss"), in data order. */
  variants: string[];
  boss: boolean;
  dlc: boolean;
}

/** What the enemy card shows: drops per place (highest first) and the distinct drops. */
export interface EnemyDrops {
  places: PlaceDrop[];
  /** Distinct non-zero drops over every place, highest first. */
  values: number[];
}

export interface EnemyHit {
  entry: EnemyEntry;
  /** 0 exact name, 1 another name of it, 2 name starts with the query, 3 every word starts a word, 4 contains, 5 close spelling. */
  tier: number;
}

export interface EnemyLookup {
  /** The best entry, or null when nothing is plausibly meant. */
  best: EnemyHit | null;
  /** Every hit, best first. */
  hits: EnemyHit[];
}

/** "[Greyoll's Dragonbarrow - Bestial Sanctum] Black Blade Kindred" → place and name. */
export function splitBossName(rowName: string): { place: string | null; name: string } {
  // Row names cannot hold commas: "Leyndell- Royal Capital", "Morgott- the Omen King" stand for ", ".
  const commas = (text: string) => text.replace(/(?<=[\p{L}\p{N}.'])- /gu, ', ').trim();
  const match = /^\[([^\]]*)\]\s*(.*)$/.exec(rowName.trim());
  if (!match) return { place: null, name: commas(rowName) };
  return { place: commas(match[1]!) || null, name: commas(match[2]!) };
}

/** The pseudo-place of the player's own spirit summons: they are not enemies. */
const SPIRIT_SUMMONS = 'Spirit Summon';

/** "Commoner (Pot)" → base "Commoner", variant "Pot"; "Putrid Corpse (Large) (Maggots)" → "Putrid Corpse", "Large, Maggots". */
export function splitVariant(name: string): { base: string; variant: string | null } {
  let base = name.trim();
  const variants: string[] = [];
  for (let match = /^(.*\S)\s*\(([^()]*)\)$/.exec(base); match; match = /^(.*\S)\s*\(([^()]*)\)$/.exec(base)) {
    base = match[1]!;
    if (match[2]!.trim()) variants.unshift(match[2]!.trim());
  }
  return { base, variant: variants.length ? variants.join(', ') : null };
}

/** Lookup key: the item index's normalisation (case, apostrophes, punctuation), so "Morgott- the Omen King" meets "Morgott, the Omen King". */
export function enemyKey(name: string): string {
  return normalizeName(name);
}

export class EnemyIndex {
  readonly patch: string;
  readonly entries: readonly EnemyEntry[];
  private readonly byKey = new Map<string, EnemyEntry>();
  private readonly byAka = new Map<string, EnemyEntry[]>();
  private readonly byRow = new Map<number, { name: string | undefined; runes: number }>();
  /** Each entry's lookup keys (its name, then its other names) and their words, computed once. */
  private readonly keys: { entry: EnemyEntry; keys: string[]; words: string[][] }[];
  /** Alphabetical position of each entry (ties in a ranking are broken by it, without collation per query). */
  private readonly order = new Map<EnemyEntry, number>();

  constructor(enemies: EnemyFile, bosses: BossFile) {
    this.patch = enemies.patch;
    // Spellings of each base name, counted: the entry shows the most common ("Mohg, the Omen" over "Mohg The Omen").
    const spellings = new Map<string, Map<string, number>>();
    const entry = (fullName: string): { target: EnemyEntry; variant: string | null } => {
      const { base, variant } = splitVariant(fullName);
      const key = enemyKey(base);
      let target = this.byKey.get(key);
      if (!target) {
        target = { key, name: base, aka: [], rows: [], bosses: [], dlc: false };
        this.byKey.set(key, target);
      }
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(base, (counts.get(base) ?? 0) + 1);
      spellings.set(key, counts);
      if (variant && !target.aka.includes(fullName.trim())) target.aka.push(fullName.trim());
      return { target, variant };
    };
    for (const row of enemies.enemies) {
      this.byRow.set(row.id, { name: row.name, runes: row.runes ?? 0 });
      if (!row.name || !row.at?.length || !enemyKey(splitVariant(row.name).base)) continue;
      if (row.at.every(([index]) => enemies.places[index] === SPIRIT_SUMMONS)) continue;
      const { target, variant } = entry(row.name);
      const places = row.at.map(([index, flags]) => ({ place: enemies.places[index] ?? '?', boss: (flags & 1) !== 0, dlc: (flags & 2) !== 0 }));
      target.rows.push({ id: row.id, variant: places.every((p) => namesPlace(variant, p.place)) ? null : variant, runes: row.runes ?? 0, places });
      for (const aka of row.aka ?? []) if (enemyKey(aka) !== target.key && !target.aka.includes(aka)) target.aka.push(aka);
    }
    for (const row of bosses.bosses) {
      // Rows that award nothing are the second half of a duo (the reward sits on the other row) or unused.
      if (!row.name || (row.single === 0 && row.multi === 0)) continue;
      const { place, name } = splitBossName(row.name);
      if (!enemyKey(splitVariant(name).base)) continue;
      const { target, variant } = entry(name);
      target.bosses.push({ id: row.id, place, variant: place && namesPlace(variant, place) ? null : variant, single: row.single, multi: row.multi });
    }
    for (const [key, counts] of spellings) {
      const target = this.byKey.get(key)!;
      target.name = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    }
    for (const e of this.byKey.values()) {
      e.dlc = e.rows.length > 0 && e.rows.every((r) => r.places.every((p) => p.dlc));
      e.bosses.sort((a, b) => b.single - a.single || (a.place ?? '').localeCompare(b.place ?? '', 'en'));
      for (const aka of e.aka) {
        const key = enemyKey(aka);
        const list = this.byAka.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byAka.set(key, list);
      }
    }
    this.entries = [...this.byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
    this.entries.forEach((e, i) => this.order.set(e, i));
    this.keys = this.entries.map((e) => {
      const keys = [...new Set([e.key, ...e.aka.map(enemyKey)])].filter(Boolean);
      return { entry: e, keys, words: keys.map((k) => k.split(' ')) };
    });
  }

  /** The entry of exactly this name (any case or punctuation), or undefined. */
  get(name: string): EnemyEntry | undefined {
    return this.byKey.get(enemyKey(name));
  }

  /** The NpcParam row's name and first-journey runes (0 when it drops none), or undefined when there is no such row. */
  row(id: number): { name: string | undefined; runes: number } | undefined {
    return this.byRow.get(id);
  }

  /** Entries matching what was typed, best first (at most `limit`). */
  search(query: string, limit = 25): EnemyHit[] {
    const q = enemyKey(query.slice(0, 200));
    if (!q) return [];
    const words = q.split(' ');
    const hits: EnemyHit[] = [];
    const seen = new Set<EnemyEntry>();
    const add = (entry: EnemyEntry, tier: number) => {
      if (seen.has(entry)) return;
      seen.add(entry);
      hits.push({ entry, tier });
    };
    const exact = this.byKey.get(q);
    if (exact) add(exact, 0);
    for (const e of this.byAka.get(q) ?? []) add(e, 1);
    for (const { entry: e, keys, words: keyWords } of this.keys) {
      if (seen.has(e)) continue;
      if (keys.some((k) => k.startsWith(q))) add(e, 2);
      else if (keyWords.some((w) => everyWordStarts(words, w))) add(e, 3);
      else if (keys.some((k) => k.includes(q))) add(e, 4);
    }
    if (hits.length < Math.min(limit, 3) && q.length >= 4) {
      // Close spellings of the whole name ("bloodbane albinuric"), within about one slip per four letters.
      const max = Math.max(1, Math.floor(q.length / 4));
      const close: { entry: EnemyEntry; distance: number }[] = [];
      for (const { entry: e, keys } of this.keys) {
        if (seen.has(e)) continue;
        let distance = max + 1;
        for (const k of keys) distance = Math.min(distance, boundedDistance(q, k, max));
        if (distance <= max) close.push({ entry: e, distance });
      }
      close.sort((a, b) => a.distance - b.distance || this.order.get(a.entry)! - this.order.get(b.entry)!);
      for (const c of close) add(c.entry, 5);
    }
    // Within a tier: shorter names first (the name itself before "… (Boss)"), then alphabetical.
    hits.sort((a, b) => a.tier - b.tier || a.entry.name.length - b.entry.name.length || this.order.get(a.entry)! - this.order.get(b.entry)!);
    return hits.slice(0, limit);
  }

  /** The entry a submitted name means: exact, another name of it, else the best plausible match. */
  lookup(query: string): EnemyLookup {
    const hits = this.search(query, 25);
    const best = hits[0] ?? null;
    return { best, hits };
  }
}

/** Whether a bracketed variant only repeats its place ("Dragonbarrow - Bestial Sanctum" at "Greyoll's Dragonbarrow - Bestial Sanctum"). */
function namesPlace(variant: string | null, place: string): boolean {
  if (!variant) return false;
  const words = new Set(normalizeName(place).split(' '));
  return normalizeName(variant).split(' ').every((w) => words.has(w));
}

function everyWordStarts(query: readonly string[], words: readonly string[]): boolean {
  return query.every((q) => words.some((w) => w.startsWith(q)));
}

/** The entry's drops per place (highest drop first, then by place) and its distinct non-zero drops. */
export function enemyDrops(entry: EnemyEntry): EnemyDrops {
  const byPlace = new Map<string, PlaceDrop>();
  for (const row of entry.rows) {
    for (const p of row.places) {
      const drop = byPlace.get(p.place) ?? { place: p.place, runes: [], variants: [], boss: false, dlc: p.dlc };
      if (!drop.runes.includes(row.runes)) drop.runes.push(row.runes);
      if (row.variant && !drop.variants.includes(row.variant)) drop.variants.push(row.variant);
      drop.boss ||= p.boss;
      drop.dlc ||= p.dlc;
      byPlace.set(p.place, drop);
    }
  }
  const places = [...byPlace.values()];
  for (const p of places) p.runes.sort((a, b) => b - a);
  places.sort((a, b) => b.runes[0]! - a.runes[0]! || a.place.localeCompare(b.place, 'en'));
  const values = [...new Set(entry.rows.map((r) => r.runes).filter((r) => r > 0))].sort((a, b) => b - a);
  return { places, values };
}
