// Effect search (/search): find items by what they do. The text part is MiniSearch (BM25, prefix and
// fuzzy matching) over one document per item with an effect: its effect kinds as tokens, the words of
// those kinds (src/items/effectVocabulary.ts), our one-line effect text, its category (names are the
// name index's job). A query is read
// twice: as free words (Porter-stemmed, like the documents), and for intents — word patterns such as
// {heal|hp} + {kill} that name an effect kind — which search the kind tokens with a strong boost.
// Ranking: items matching more of the query's intents first, then the text score (in coarse bands),
// then the effect's magnitude ("best rune gain": +40 % before +30 % before +20 %).
// `searchItems` puts the name index's sound name matches first, so /search keeps finding names.
// Pure apart from the lazy singleton at the bottom.

import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { ItemRecord } from './types.ts';
import { CATEGORY_LABELS } from './categories.ts';
import { foldText } from './normalize.ts';
import { porterStem } from './stemmer.ts';
import { getItemIndex, type ItemIndex } from './search.ts';
import { TIER, type SearchFilters } from './searchTypes.ts';
import { EffectCatalog, getEffectCatalog } from './effects.ts';
import type { StructuredEffect } from './effectVocabulary.ts';
import { ATTACK_SCOPE_OF_SUBCATEGORY, ATTACK_SUBCATEGORIES, ATTRIBUTES, ELEMENTS, KIND_WORDS, SCOPE_WORDS, type EffectKind } from './effectVocabulary.ts';

const KIND_PREFIX = 'zk';
/** Stem every word except kind tokens. */
const stemCache = new Map<string, string>();
const processTerm = (term: string): string => {
  const t = term.toLowerCase();
  if (t.startsWith(KIND_PREFIX)) return t;
  let stem = stemCache.get(t);
  if (stem === undefined) {
    stem = porterStem(t);
    if (stemCache.size < 50_000) stemCache.set(t, stem);
  }
  return stem;
};
const token = (...parts: string[]) => KIND_PREFIX + parts.join('').replace(/[^a-z0-9]/gi, '').toLowerCase();

/** The searchable scope of an effect scope: `sub:102` → "jump", a school → "sorcery", a status → "rot". */
function scopeKeys(scope: string): string[] {
  if (scope.startsWith('sub:')) {
    const n = Number(scope.slice(4));
    const named = ATTACK_SCOPE_OF_SUBCATEGORY.get(n);
    if (named) return [named];
    if (n >= 1 && n <= 36) return [/incantation/.test(ATTACK_SUBCATEGORIES.get(n) ?? '') ? 'incantation' : 'sorcery', `school${n}`];
    return [`sub${n}`];
  }
  return [scope];
}

function scopeWords(scope: string): string {
  if (scope.startsWith('sub:')) {
    const n = Number(scope.slice(4));
    const named = ATTACK_SCOPE_OF_SUBCATEGORY.get(n);
    return `${ATTACK_SUBCATEGORIES.get(n) ?? ''} ${named ? (SCOPE_WORDS[named] ?? '') : ''}`;
  }
  return SCOPE_WORDS[scope] ?? scope;
}

/** Kind tokens of one effect: the kind alone, and with each of its scopes and damage types. */
export function effectTokens(e: StructuredEffect): string[] {
  if (e.drawback) return [token('drawback', e.kind)];
  const out = [token(e.kind)];
  for (const s of e.scope) for (const k of scopeKeys(s)) out.push(token(e.kind, k));
  for (const el of e.elements ?? []) out.push(token(e.kind, el));
  for (const c of e.conditions) out.push(token(e.kind, 'when', c.kind));
  return out;
}

// ---- intents -----------------------------------------------------------------------------------

/** A pattern: every group must have one of its words in the query (stemmed, any order). */
type Pattern = readonly (readonly string[])[];
interface Intent {
  /** Kind tokens searched, each with a weight. */
  tokens: readonly [string, number][];
  patterns: readonly Pattern[];
  /** The effect the ranking reads a magnitude from. */
  kind: EffectKind;
  scope?: string;
}

const HEAL = ['heal', 'hp', 'health', 'life', 'restore', 'recover', 'lifesteal'];
const RESIST = ['resist', 'resistance', 'immune', 'immunity', 'protect', 'protection', 'negate', 'negation', 'prevent', 'defense', 'defence', 'absorption', 'reduce', 'less', 'taken'];
const BOOST = ['attack', 'attacks', 'damage', 'dmg', 'power', 'boost', 'dealt', 'stronger', 'buff', 'hits'];
const STATUS_WORDS: Record<string, string[]> = {
  poison: ['poison', 'toxic', 'poisoned'],
  'scarlet rot': ['rot', 'scarlet'],
  'blood loss': ['bleed', 'bleeding', 'blood', 'hemorrhage'],
  frostbite: ['frost', 'frostbite'],
  sleep: ['sleep'],
  madness: ['madness', 'mad', 'frenzy'],
  'death blight': ['deathblight', 'blight'],
};
const ELEMENT_WORDS: Record<string, string[]> = {
  physical: ['physical', 'phys'],
  magic: ['magic'],
  fire: ['fire', 'flame'],
  lightning: ['lightning', 'thunder'],
  holy: ['holy'],
};
const ATTRIBUTE_WORDS: Record<string, string[]> = {
  vigor: ['vigor', 'vig'],
  mind: ['mind'],
  endurance: ['endurance', 'end'],
  strength: ['strength', 'str'],
  dexterity: ['dexterity', 'dex'],
  intelligence: ['intelligence', 'int'],
  faith: ['faith', 'fai'],
  arcane: ['arcane', 'arc'],
};

const intent = (kind: EffectKind, patterns: Pattern[], scope?: string, extra: [string, number][] = []): Intent => {
  const i: Intent = { tokens: [[scope ? token(kind, scope) : token(kind), 1], ...extra], patterns, kind };
  if (scope) i.scope = scope;
  return i;
};

/** Most specific first: a word that an intent used is not read again by a later one. */
const INTENTS: Intent[] = [
  intent('keep_runes', [[['protect', 'keep', 'save', 'lose', 'losing', 'lost', 'death', 'die', 'dying', 'safe'], ['rune', 'runes']]]),
  intent('hp_on_kill', [[HEAL, ['kill', 'killing', 'kills', 'slay', 'defeat', 'defeating']]]),
  intent('fp_on_kill', [[['fp', 'mana'], ['kill', 'killing', 'kills']]]),
  intent('hp_on_hit', [[HEAL, ['hit', 'hits', 'hitting', 'critical', 'crit', 'attack', 'attacking']]]),
  intent('memory_slots', [[['memory', 'spell', 'spells', 'attunement', 'sorcery', 'incantation'], ['slot', 'slots']]]),
  intent('talisman_slots', [[['talisman', 'talismans'], ['slot', 'slots', 'pouch']]]),
  intent('bow_range', [[['bow', 'arrow', 'arrows'], ['range', 'distance', 'farther', 'further']]]),
  intent('fp_regen', [[['fp', 'mana'], ['regen', 'regenerate', 'regeneration', 'recovery', 'time']]]),
  intent('stamina_regen', [[['stamina'], ['regen', 'regenerate', 'regeneration', 'recovery', 'recover', 'faster', 'refill']]]),
  intent('hp_regen', [[['hp', 'health', 'life'], ['regen', 'regenerate', 'regeneration', 'recovery', 'time']], [['regen', 'regenerate', 'regeneration']]]),
  intent('stamina_cost', [[['stamina'], ['cost', 'free', 'consumption', 'use']]]),
  intent('stamina_damage', [[['guard', 'stance', 'posture'], ['break', 'breaking', 'breaker']], [['stamina'], ['damage']]]),
  intent('fp_cost', [
    [['fp', 'mana', 'spell', 'spells', 'skill', 'skills'], ['cost', 'costs', 'consumption', 'cheaper', 'less', 'save', 'reduce', 'reduced']],
    [['cheaper'], ['spell', 'spells', 'skill', 'skills']],
  ]),
  intent('casting_speed', [[['cast', 'casting', 'spell'], ['speed', 'faster', 'fast', 'quicker', 'quick']]]),
  intent('buff_duration', [[['buff', 'buffs', 'spell', 'effect', 'effects'], ['duration', 'longer', 'last', 'extend']]]),
  intent('flask_potency', [[['flask', 'flasks', 'estus'], ['heal', 'heals', 'more', 'potency', 'stronger', 'better', 'restore', 'boost']], [['flask', 'estus']]]),
  intent('equip_load', [[['equip', 'carry', 'load', 'weight', 'burden', 'encumbrance']], [['heavier', 'heavy'], ['armor', 'armour', 'gear']], [['medium', 'light', 'fat'], ['roll']]]),
  intent('guard', [[['block', 'blocking', 'guard', 'guarding', 'shield'], ['stamina', 'stability', 'better', 'cost']]]),
  intent('attack', [[['low', 'below', 'under'], ['hp', 'health']]], 'when:hp_below', [[token('damage_negation', 'when', 'hp_below'), 0.8]]),
  intent('attack', [[['charged', 'charge'], ['spell', 'spells', 'sorcery', 'incantation']]], 'charged_spell'),
  intent('attack', [[['charged', 'charge'], ['skill', 'skills']]], 'charged_skill'),
  intent('attack', [[['guard'], ['counter', 'counters', 'countering']]], 'guard_counter'),
  intent('attack', [[['two', '2'], ['hand', 'handed', 'handing', 'hands']], [['2h', 'twohand', 'twohanding', 'twohanded']]], 'two_handed'),
  intent('attack', [[['jump', 'jumping']]], 'jump'),
  intent('attack', [[['backstab', 'backstabs', 'riposte', 'ripostes', 'critical', 'crit', 'crits']]], 'critical'),
  intent('attack', [[['charged', 'charge', 'heavy']]], 'charged'),
  intent('attack', [[['roll', 'rolling', 'backstep'], ['attack', 'attacks']]], 'roll_attack'),
  intent('attack', [[['running', 'sprinting', 'dash', 'sprint']]], 'running'),
  intent('attack', [[['mounted', 'horseback', 'torrent', 'horse']]], 'mounted'),
  intent('attack', [[['combo', 'chain', 'last', 'final'], ['hit', 'hits', 'attack', 'finisher']], [['combo', 'finisher']]], 'combo_finisher'),
  intent('attack', [[['arrow', 'arrows', 'bolt', 'bolts', 'bow', 'bows', 'ranged']]], 'ranged'),
  intent('attack', [[['pot', 'pots']]], 'pot'),
  intent('attack', [[['thrown', 'throwing']]], 'thrown'),
  intent('attack', [[['skill', 'skills', 'ash', 'art'], BOOST]], 'skill'),
  intent('attack', [[['sorcery', 'sorceries', 'sorc']]], 'sorcery', [[token('fp_cost', 'sorcery'), 0.3], [token('casting_speed'), 0.2]]),
  intent('attack', [[['incantation', 'incantations', 'incant', 'miracle', 'miracles']]], 'incantation', [[token('fp_cost', 'incantation'), 0.3], [token('casting_speed'), 0.2]]),
  intent('dodge', [[['dodge', 'iframes', 'invincibility', 'invincible']], [['roll', 'rolls', 'rolling', 'backstep']]]),
  ...Object.entries(STATUS_WORDS).flatMap(([status, words]) => [
    intent('cure_status', [[words, ['cure', 'cures', 'remove', 'clear', 'heal', 'treat', 'stop']]], status, [[token('status_resistance', status), 0.5]]),
    intent('status_resistance', [[words, [...RESIST, 'against']]], status, [[token('cure_status', status), 0.6]]),
  ]),
  ...Object.entries(ELEMENT_WORDS).flatMap(([el, words]) => [
    intent('damage_negation', [[words, RESIST]], el),
    intent('attack', [[words, BOOST]], el, [[token('weapon_buff', el), 0.5]]),
  ]),
  intent('max_hp', [[['hp', 'health', 'life', 'vitality']]]),
  intent('max_fp', [[['fp', 'mana']]]),
  intent('max_stamina', [[['stamina']]]),
  intent('rune_gain', [[['rune', 'runes', 'soul', 'souls']]]),
  intent('item_discovery', [[['discovery', 'loot', 'drop', 'drops', 'find', 'finding']]]),
  intent('poise', [[['poise', 'stagger', 'flinch', 'hyperarmor', 'stun']]]),
  intent('stealth', [[['stealth', 'sneak', 'sneaky', 'quiet', 'silent', 'hide', 'hidden', 'invisible', 'noise', 'footsteps', 'stealthy']]]),
  intent('fall_damage', [[['fall', 'falling']]]),
  intent('aggro', [[['aggro', 'taunt', 'attract', 'draw']]]),
  intent('headshot', [[['headshot', 'headshots']]]),
  intent('weapon_buff', [[['grease', 'coat', 'coating', 'imbue']]]),
  ...ATTRIBUTES.map((a) => intent('attribute', [[ATTRIBUTE_WORDS[a]!]], a)),
  intent('attribute', [[['stat', 'stats', 'attribute', 'attributes', 'level', 'levels']]]),
  intent('damage_negation', [[RESIST.filter((w) => w !== 'less'), ['damage', 'hits']], [['tank', 'tanky', 'tankier', 'defense', 'defence', 'negation']]]),
  intent('heal', [[['heal', 'healing', 'heals', 'restore']]], undefined, [[token('hp_regen'), 0.5], [token('flask_potency'), 0.3]]),
  intent('attack', [[BOOST]]),
];

interface PreparedIntent extends Intent {
  stems: readonly (readonly (ReadonlySet<string>)[])[];
}
const PREPARED: PreparedIntent[] = INTENTS.map((i) => ({ ...i, stems: i.patterns.map((p) => p.map((group) => new Set(group.map(processTerm)))) }));

const BEST_WORDS = new Set(['best', 'strongest', 'most', 'highest', 'max', 'biggest', 'top', 'greatest'].map(processTerm));
const STOP = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'on', 'in', 'with', 'when', 'while', 'that', 'what', 'which', 'items', 'item', 'increase', 'increases', 'more', 'higher', 'extra', 'boost', 'boosts', 'get', 'better', 'my', 'me', 'i', 'is', 'gives', 'give', 'from', 'enemies', 'enemy']);

export interface ReadQuery {
  words: string[];
  intents: PreparedIntent[];
  best: boolean;
}

/** The query's stemmed words, the intents they name (each word read by one intent at most), and whether it asks for the best. */
export function readQuery(query: string): ReadQuery {
  const raw = foldText(query).split(' ').filter(Boolean);
  const stems = raw.map(processTerm);
  const used = new Set<number>();
  const intents: PreparedIntent[] = [];
  for (const i of PREPARED) {
    for (const pattern of i.stems) {
      const picks: number[] = [];
      const ok = pattern.every((group) => {
        const at = stems.findIndex((s, k) => !used.has(k) && !picks.includes(k) && group.has(s));
        if (at < 0) return false;
        picks.push(at);
        return true;
      });
      if (ok) {
        picks.forEach((k) => used.add(k));
        if (!intents.includes(i)) intents.push(i);
        break;
      }
    }
  }
  return {
    words: raw.filter((w) => !STOP.has(w) && !BEST_WORDS.has(processTerm(w))),
    intents,
    best: stems.some((s) => BEST_WORDS.has(s)),
  };
}

// ---- the index -----------------------------------------------------------------------------------

interface Doc {
  id: number;
  kinds: string;
  words: string;
  effect: string;
  category: string;
}

export interface EffectHit {
  item: ItemRecord;
  score: number;
  /** How many of the query's intents the item's effects match. */
  intents: number;
  /** The magnitude ranked by, when an intent named an effect the item has. */
  magnitude?: number;
}

/** Items worn or used for their effect rank before gear that has one on the side, at equal relevance. */
const PURPOSE: Partial<Record<ItemRecord['category'], number>> = { talisman: 3, consumable: 2, crystal_tear: 2, key_item: 2, tool: 1 };
const purpose = (item: ItemRecord) => PURPOSE[item.category] ?? 0;

const FIELD_BOOST = { kinds: 4, words: 1.2, effect: 1, category: 0.8 };

export class EffectSearch {
  readonly items: readonly ItemRecord[];
  private readonly ms: MiniSearch<Doc>;
  private readonly tokensOf: Set<string>[] = [];

  constructor(readonly catalog: EffectCatalog) {
    this.items = catalog.items;
    this.ms = new MiniSearch<Doc>({
      fields: ['kinds', 'words', 'effect', 'category'],
      processTerm,
      searchOptions: { processTerm, boost: FIELD_BOOST },
    });
    const docs: Doc[] = [];
    this.items.forEach((item, id) => {
      const effects = catalog.effectsOf(item);
      const tokens = new Set(effects.flatMap(effectTokens));
      this.tokensOf[id] = tokens;
      if (!effects.length && !item.effect) return;
      const words = effects
        .filter((e) => !e.drawback)
        .map((e) => [KIND_WORDS[e.kind], ...e.scope.map(scopeWords), ...(e.elements ?? []).map((el) => SCOPE_WORDS[el] ?? el)].join(' '))
        .join(' ');
      docs.push({
        id,
        kinds: [...tokens].join(' '),
        words,
        effect: item.effect ?? '',
        category: `${CATEGORY_LABELS[item.category]} ${item.subcategory ?? ''}`,
      });
    });
    this.ms.addAll(docs);
  }

  static fromCatalog(catalog: EffectCatalog): EffectSearch {
    return new EffectSearch(catalog);
  }

  get size(): number {
    return this.ms.documentCount;
  }

  private passes(item: ItemRecord, filters: SearchFilters): boolean {
    if (filters.category !== undefined && item.category !== filters.category) return false;
    if (filters.dlc !== undefined && item.dlc !== filters.dlc) return false;
    return true;
  }

  /** Items by what they do, best first (see the ranking at the top of this file). */
  search(query: string | ReadQuery, options: SearchFilters & { limit?: number } = {}): EffectHit[] {
    const limit = options.limit ?? 50;
    const read = typeof query === 'string' ? readQuery(query) : query;
    const queries: Query[] = [];
    const intentTokens = new Map<string, number>();
    for (const i of read.intents) for (const [t, w] of i.tokens) intentTokens.set(t, Math.max(w, intentTokens.get(t) ?? 0));
    for (const [t, w] of intentTokens) queries.push({ queries: [t], fields: ['kinds'], boost: { kinds: 6 * w } });
    if (read.words.length) {
      queries.push({
        queries: [read.words.join(' ')],
        fields: ['words', 'effect', 'category'],
        // the last word may be unfinished; a long word may carry one typo
        prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 4,
        fuzzy: (term) => (term.length >= 7 ? 1 : false),
        combineWith: 'OR',
      });
    }
    if (!queries.length) return [];
    const filter = (r: SearchResult) => this.passes(this.items[r.id as number]!, options);
    const results = this.ms.search({ queries, combineWith: 'OR' }, { filter });
    if (!results.length) return [];

    interface Ranked extends EffectHit {
      id: number;
      band: number;
      purpose: number;
    }
    const hits: Ranked[] = results.map((r) => {
      const id = r.id as number;
      const item = this.items[id]!;
      const tokens = this.tokensOf[id]!;
      let intents = 0;
      let magnitude: number | undefined;
      for (const i of read.intents) {
        if (!i.tokens.some(([t, w]) => w >= 1 && tokens.has(t))) continue;
        intents++;
        const m = this.catalog.strongest(item, i.kind, i.scope && !ELEMENTS.includes(i.scope as never) ? undefined : i.scope);
        if (m !== undefined && (magnitude === undefined || m > magnitude)) magnitude = m;
      }
      const hit: Ranked = { item, score: r.score, intents, id, band: 0, purpose: purpose(item) };
      if (magnitude !== undefined) hit.magnitude = magnitude;
      return hit;
    });
    // Relevance first: intents matched, then the text score in bands of a quarter of the best score in
    // the same intent tier (so near-equal documents rank by magnitude), then magnitude, then what the
    // item is for, then score, then data order.
    const top = new Map<number, number>();
    for (const h of hits) top.set(h.intents, Math.max(top.get(h.intents) ?? 0, h.score));
    if (!read.best) for (const h of hits) h.band = Math.floor((h.score / (top.get(h.intents) || 1)) * 4 - 1e-9);
    hits.sort(
      (a, b) =>
        b.intents - a.intents ||
        b.band - a.band ||
        (b.magnitude ?? -Infinity) - (a.magnitude ?? -Infinity) ||
        b.purpose - a.purpose ||
        b.score - a.score ||
        a.id - b.id,
    );
    return hits.slice(0, limit).map(({ item, score, intents, magnitude }) => (magnitude === undefined ? { item, score, intents } : { item, score, intents, magnitude }));
  }
}

// ---- /search: names and effects together ------------------------------------------------------------

export interface ItemSearchOptions extends SearchFilters {
  limit?: number;
}

/** How many name matches may come before the effect matches (and effect matches before names). */
const NAME_FIRST = 10;

/**
 * What /search lists, each item once:
 *  1. items whose name soundly matches (the name index: exact, prefix, every word), first when the name
 *     is matched exactly or the query names no effect;
 *  2. items by what they do (effect search), first when the query names an effect ("jump attacks");
 *  3. anything else whose name, effect, class or skill holds every word (the name index's word search).
 */
export function searchItems(names: ItemIndex, effects: EffectSearch | null, query: string, options: ItemSearchOptions = {}): ItemRecord[] {
  const limit = options.limit ?? 500;
  const filters: SearchFilters = { category: options.category, dlc: options.dlc };
  const out: ItemRecord[] = [];
  const seen = new Set<string>();
  const take = (item: ItemRecord) => {
    if (seen.has(item.key) || out.length >= limit) return;
    seen.add(item.key);
    out.push(item);
  };
  const lookup = names.lookup(query, { ...filters, limit: NAME_FIRST });
  const nameHits = lookup.confident ? lookup.hits.filter((hit) => hit.tier >= TIER.PREFIX || (hit.tier >= TIER.FUZZY_WORDS && hit.coverage >= 0.5)).map((hit) => hit.item) : [];
  const read = readQuery(query);
  const effectHits = effects ? effects.search(read, { ...filters, limit }).map((hit) => hit.item) : [];
  // A name matched as a whole by a query of several words ("flask of wonderous physick") is what was
  // meant even when its words also name an effect; a one-word query ("runes") is more likely an effect.
  const best = lookup.best;
  const wholeName = lookup.confident && best !== undefined && best.tier >= TIER.FUZZY_WORDS && best.coverage >= 1 && foldText(query).split(' ').length >= 2;
  const effectFirst = !lookup.exact && !wholeName && read.intents.length > 0;
  const ordered = effectFirst ? [...effectHits.slice(0, NAME_FIRST), ...nameHits, ...effectHits.slice(NAME_FIRST)] : [...nameHits, ...effectHits];
  for (const item of ordered) take(item);
  for (const item of names.searchText(query, { ...filters, limit })) take(item);
  return out;
}

let shared: EffectSearch | null | undefined;

/** The effect search over the shared catalog, built on first use; null without data. */
export function getEffectSearch(): EffectSearch | null {
  if (shared !== undefined) return shared;
  const catalog = getEffectCatalog();
  shared = catalog ? EffectSearch.fromCatalog(catalog) : null;
  return shared;
}

/** searchItems over the shared indexes. */
export function searchItemsShared(query: string, options: ItemSearchOptions = {}): ItemRecord[] {
  const names = getItemIndex();
  if (!names) return [];
  return searchItems(names, getEffectSearch(), query, options);
}
