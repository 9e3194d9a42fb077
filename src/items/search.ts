// The item index: every name and alias normalised once, with exact-key maps, sorted keys for prefix
// ranges, a word index (postings, prefix ranges, typo correction by bounded edit distance) and, for the
// last resort, a character-bigram shortlist re-scored by fuse.js. A query touches only what its words
// reach; per-query scratch arrays are allocated once and reset by the list of what was touched.
// Pure: no discord.js, no I/O except the lazy singleton at the bottom.
//
// Ranking, best first (a "tier"; within a tier a score in [0, 1) orders hits):
//   7 exact name               "Rivers of Blood", "rivers of blood"
//   6 exact alias / loose key  "rob", "keen uchigatana", "radagon soreseal"
//   5 name +N upgrade          "Moonveil +10"
//   4 prefix of a name         "rivers of bl", and names typed without their spaces "bullgoat helm"
//   3 every word matches       "fowl foot gold", "mohgwyn spear" (words exact, plural-folded or prefixes)
//   2 every word matches, some only after typo correction   "blashpemous blade"
//   1 some words match         (also the "did you mean" material)
//   0 fuse.js fuzzy match of the whole string (only when no name matched every word)
// Within a tier: how much of the name the query covers, how well each word matched, whether the first
// word lines up, and a small prior (curated popularity + category), then shorter names, then data order.

import { BigramShortlist, FUSE_OPTIONS, FUSE_SUGGEST_OPTIONS } from './shortlist.ts';
import type { ItemData, ItemRecord } from './types.ts';
import { TIER, type IndexOptions, type LookupResult, type SearchFilters, type SearchHit, type SearchOptions, type Tier } from './searchTypes.ts';
import { MAX_QUERY_TOKENS, STOP_WORDS, compactKey, normalizeName, romanAlternative, significant, splitUpgradeSuffix, stem, tokenize } from './normalize.ts';
import { TextIndex } from './textSearch.ts';
import { Vocabulary, allowedDistance } from './vocabulary.ts';
import { loadAliasTable, loadPopularList } from './curated.ts';
import { loadItemData } from './data.ts';
import { CATEGORY_PRIOR, KIND_CURATED, KIND_DATA_ALIAS, KIND_FACTOR, KIND_NAME, PLAUSIBLE_FUZZY, SHORTLIST, W_EXACT, W_FUZZY_1, W_FUZZY_2, lowerBound, prefixWeight, pushTo } from './searchWeights.ts';


export class ItemIndex {
  readonly items: readonly ItemRecord[];
  readonly patch: string;

  // Records.
  private readonly byKey = new Map<string, number>();
  /** Official names carried by more than one record (Beast Claw: a weapon and an incantation). */
  private readonly recPrior: Float64Array;
  private readonly recPopular: Float64Array;
  private readonly recDlc: Uint8Array;
  private readonly recNameLength: Uint16Array;
  private readonly popularOrder: number[] = [];

  // Entries (names and aliases).
  private readonly entryText: string[] = [];
  private readonly entryLower: string[] = [];
  private readonly entryKey: string[] = [];
  private readonly entryRecordList: number[] = [];
  private readonly entryKindList: number[] = [];
  private readonly entrySigList: number[] = [];
  private readonly entryFirstList: number[] = [];
  private entryRecord = new Int32Array(0);
  private entryKind = new Uint8Array(0);
  private entrySig = new Uint8Array(0);
  private entryFirst = new Int32Array(0);

  private readonly exact = new Map<string, number[]>();
  private readonly loose = new Map<string, number[]>(); // stem key and compact key → entries
  private sortedKeys: string[] = [];
  private sortedKeyEntry = new Int32Array(0);
  private sortedCompact: string[] = [];
  private sortedCompactEntry = new Int32Array(0);
  private readonly words = new Vocabulary();
  // Last resort: a character-bigram shortlist of names and curated aliases, re-scored with fuse.js.
  private readonly fuzzy: BigramShortlist;

  // /search: a word index over name, effect, subcategory and skill (src/items/textSearch.ts).
  private readonly text: TextIndex;

  // Per-query scratch space, reused (search is synchronous, so one set suffices).
  private tokenWeight = new Float32Array(0);
  private entryTouched = new Uint8Array(0);
  private touchedEntries = new Int32Array(0);
  private touchedEntryCount = 0;
  /** Query word positions written into tokenWeight by the current query. */
  private positionsUsed = 0;
  private readonly firstMark: Uint8Array;
  private readonly firstMarked: number[] = [];
  private readonly recScore: Float64Array;
  private readonly recEntry: Int32Array;
  private readonly recTier: Int8Array;
  private readonly recCoverage: Float32Array;
  private readonly touchedRecords: Int32Array;
  private readonly recTouched: Uint8Array;
  private touchedRecordCount = 0;

  private constructor(data: ItemData, options: IndexOptions) {
    this.items = data.items;
    this.patch = data.patch;
    const n = this.items.length;
    this.recPrior = new Float64Array(n);
    this.recPopular = new Float64Array(n);
    this.recDlc = new Uint8Array(n);
    this.recNameLength = new Uint16Array(n);
    this.recScore = new Float64Array(n);
    this.recEntry = new Int32Array(n);
    this.recTier = new Int8Array(n);
    this.recCoverage = new Float32Array(n);
    this.touchedRecords = new Int32Array(n);
    this.recTouched = new Uint8Array(n);

    const byName = new Map<string, number[]>();
    this.items.forEach((item, i) => {
      this.byKey.set(item.key, i);
      pushTo(byName, item.name, i);
      this.recDlc[i] = item.dlc ? 1 : 0;
      this.recNameLength[i] = Math.min(65535, item.name.length);
    });

    const popular = options.popular ?? [];
    popular.forEach((name, rank) => {
      for (const i of byName.get(name) ?? []) {
        if (this.recPopular[i]! > 0) continue;
        this.recPopular[i] = 0.5 + 0.5 * (1 - rank / Math.max(1, popular.length));
        this.popularOrder.push(i);
      }
    });
    for (let i = 0; i < n; i++) this.recPrior[i] = 0.6 * this.recPopular[i]! + 0.4 * CATEGORY_PRIOR[this.items[i]!.category];

    // Entries: names, then data aliases, then curated aliases.
    this.items.forEach((item, i) => {
      this.addEntry(item.name, i, KIND_NAME);
      for (const alias of item.aliases) this.addEntry(alias, i, KIND_DATA_ALIAS);
    });
    for (const [name, aliases] of Object.entries(options.aliases ?? {})) {
      for (const i of byName.get(name) ?? []) for (const alias of aliases) this.addEntry(alias, i, KIND_CURATED);
    }
    this.entryRecord = Int32Array.from(this.entryRecordList);
    this.entryKind = Uint8Array.from(this.entryKindList);
    this.entrySig = Uint8Array.from(this.entrySigList);
    this.words.freeze();
    this.entryFirst = Int32Array.from(this.entryFirstList);

    const byKeyOrder = this.entryKey.map((_, e) => e).sort((a, b) => (this.entryKey[a]! < this.entryKey[b]! ? -1 : this.entryKey[a]! > this.entryKey[b]! ? 1 : a - b));
    this.sortedKeys = byKeyOrder.map((e) => this.entryKey[e]!);
    this.sortedKeyEntry = Int32Array.from(byKeyOrder);
    const compacts = this.entryKey.map((k) => k.replace(/ /g, ''));
    const byCompactOrder = compacts.map((_, e) => e).sort((a, b) => (compacts[a]! < compacts[b]! ? -1 : compacts[a]! > compacts[b]! ? 1 : a - b));
    this.sortedCompact = byCompactOrder.map((e) => compacts[e]!);
    this.sortedCompactEntry = Int32Array.from(byCompactOrder);

    const entries = this.entryKey.length;
    this.tokenWeight = new Float32Array(entries * MAX_QUERY_TOKENS);
    this.entryTouched = new Uint8Array(entries);
    this.touchedEntries = new Int32Array(entries);
    this.firstMark = new Uint8Array(this.words.size);

    // Over official names and curated aliases (affinity variants add nothing a name lacks).
    this.fuzzy = new BigramShortlist(this.entryKey, (e) => this.entryKind[e] !== KIND_DATA_ALIAS);

    this.text = new TextIndex(this.items, this.recPrior);
  }

  static fromData(data: ItemData, options: IndexOptions = {}): ItemIndex {
    return new ItemIndex(data, options);
  }

  private addEntry(text: string, record: number, kind: number): void {
    const tokens = tokenize(text);
    if (!tokens.length) return;
    const key = tokens.join(' ');
    const e = this.entryKey.length;
    this.entryText.push(text);
    this.entryLower.push(text.toLowerCase());
    this.entryKey.push(key);
    this.entryRecordList.push(record);
    this.entryKindList.push(kind);
    pushTo(this.exact, key, e);
    const sig = significant(tokens);
    const stems = sig.map(stem);
    pushTo(this.loose, `s:${stems.join(' ')}`, e);
    pushTo(this.loose, `c:${compactKey(tokens)}`, e);
    // "Ash of War: X" is named X by players: the prefix does not count against coverage.
    const countable = key.startsWith('ash of war ') && stems.length > 2 ? stems.length - 2 : stems.length;
    this.entrySigList.push(Math.min(255, countable));
    let first = -1;
    for (const s of stems) {
      const id = this.words.add(s, e);
      if (first < 0) first = id;
    }
    this.entryFirstList.push(first);
  }

  /**
   * Every item whose name, effect, class or skill holds all the words of the query (see TextIndex):
   * items listed for their effect alone first, then effect and name, name, class, skill.
   */
  searchText(query: string, options: SearchFilters & { limit?: number } = {}): ItemRecord[] {
    return this.text.search(query, options.limit ?? 500, (r) => this.passes(r, options));
  }

  get size(): number {
    return this.items.length;
  }

  /** The record with this key (`weapon:9040000`). */
  get(key: string): ItemRecord | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  /** The record whose official name or alias is exactly this (after normalisation), else undefined. */
  findExact(name: string, filters: SearchFilters = {}): ItemRecord | undefined {
    const key = normalizeName(name);
    const entries = this.exact.get(key);
    if (!entries) return undefined;
    let best: number | undefined;
    let bestRank = -Infinity;
    for (const e of entries) {
      const r = this.entryRecord[e]!;
      if (!this.passes(r, filters)) continue;
      const item = this.items[r]!;
      const rank = (this.entryKind[e] === KIND_NAME ? 2 : 0) + (item.name === name ? 1 : 0) + this.recPrior[r]! / 2;
      if (rank > bestRank) {
        bestRank = rank;
        best = r;
      }
    }
    return best === undefined ? undefined : this.items[best];
  }

  private passes(record: number, filters: SearchFilters): boolean {
    if (filters.category !== undefined && this.items[record]!.category !== filters.category) return false;
    if (filters.dlc !== undefined && (this.recDlc[record] === 1) !== filters.dlc) return false;
    return true;
  }

  /** Commonly looked-up items (the curated list), then the rest in data order, filtered. */
  popular(options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 25;
    const out: SearchHit[] = [];
    const seen = new Set<number>();
    const take = (r: number) => {
      if (out.length >= limit || seen.has(r) || !this.passes(r, options)) return;
      seen.add(r);
      const item = this.items[r]!;
      // Scores fall with the list's order (most looked-up first).
      out.push({ item, score: 1 - out.length / (limit + 1), tier: TIER.FUZZY, matched: item.name, coverage: 0 });
    };
    for (const r of this.popularOrder) take(r);
    if (out.length < limit) {
      // Fill with the most looked-up categories first.
      const rest = this.items.map((_, r) => r).filter((r) => !seen.has(r) && this.passes(r, options));
      rest.sort((a, b) => this.recPrior[b]! - this.recPrior[a]! || a - b);
      for (const r of rest) take(r);
    }
    return out;
  }

  // ---- scoring session -------------------------------------------------------------------------

  private consider(e: number, tier: Tier, fine: number, filters: SearchFilters, coverage = 1): void {
    const r = this.entryRecord[e]!;
    if (!this.passes(r, filters)) return;
    const score = tier + Math.min(0.999, Math.max(0, fine));
    this.touch(r);
    if (score > this.recScore[r]!) {
      this.recScore[r] = score;
      this.recEntry[r] = e;
      this.recTier[r] = tier;
      this.recCoverage[r] = coverage;
    }
  }

  private touch(r: number): void {
    if (this.recTouched[r] === 0) {
      this.recTouched[r] = 1;
      this.touchedRecords[this.touchedRecordCount++] = r;
    }
  }

  private resetSession(): void {
    for (let i = 0; i < this.touchedRecordCount; i++) {
      const r = this.touchedRecords[i]!;
      this.recTouched[r] = 0;
      this.recScore[r] = 0;
      this.recTier[r] = 0;
    }
    this.touchedRecordCount = 0;
    const used = this.positionsUsed;
    for (let i = 0; i < this.touchedEntryCount; i++) {
      const e = this.touchedEntries[i]!;
      this.entryTouched[e] = 0;
      const base = e * MAX_QUERY_TOKENS;
      for (let p = 0; p < used; p++) this.tokenWeight[base + p] = 0;
    }
    this.touchedEntryCount = 0;
    this.positionsUsed = 0;
    for (const id of this.firstMarked) this.firstMark[id] = 0;
    this.firstMarked.length = 0;
  }

  /** Best `limit` touched records, best first (ties: shorter name, then data order). */
  private collect(limit: number, minTier: number = TIER.FUZZY): SearchHit[] {
    const top: number[] = [];
    const better = (a: number, b: number) => {
      const sa = this.recScore[a]!;
      const sb = this.recScore[b]!;
      if (sa !== sb) return sa > sb;
      const la = this.recNameLength[a]!;
      const lb = this.recNameLength[b]!;
      if (la !== lb) return la < lb;
      return a < b;
    };
    for (let i = 0; i < this.touchedRecordCount; i++) {
      const r = this.touchedRecords[i]!;
      if (this.recScore[r]! <= 0 || this.recTier[r]! < minTier) continue;
      if (top.length === limit && !better(r, top[top.length - 1]!)) continue;
      let pos = top.length < limit ? top.length : limit - 1;
      if (top.length < limit) top.push(r);
      while (pos > 0 && better(r, top[pos - 1]!)) {
        top[pos] = top[pos - 1]!;
        pos--;
      }
      top[pos] = r;
    }
    return top.map((r) => ({
      item: this.items[r]!,
      score: this.recScore[r]!,
      tier: this.recTier[r]! as Tier,
      matched: this.entryText[this.recEntry[r]!]!,
      coverage: this.recCoverage[r]!,
    }));
  }

  // ---- name search -----------------------------------------------------------------------------

  /** Items whose name (or alias) matches the query, best first. An empty query gives popular items. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, Math.min(options.limit ?? 25, this.items.length));
    const tokens = tokenize(query);
    if (tokens.length > MAX_QUERY_TOKENS) tokens.length = MAX_QUERY_TOKENS;
    if (!tokens.length) return this.popular({ ...options, limit });
    try {
      this.scoreName(query, tokens, options);
      // Partial and whole-string fuzzy matches only fill in when no name matched every word.
      const floor = this.bestTier() >= TIER.FUZZY_WORDS ? TIER.FUZZY_WORDS : TIER.FUZZY;
      return this.collect(limit, floor);
    } finally {
      this.resetSession();
    }
  }

  /** search() plus the verdicts /item and DM lookups need. */
  lookup(query: string, options: SearchOptions = {}): LookupResult {
    const tokens = tokenize(query);
    if (!tokens.length) return { hits: [], best: undefined, exact: false, confident: false, plausible: false };
    const hits = this.search(query, options);
    const best = hits[0];
    const exact = best !== undefined && best.tier >= TIER.UPGRADE;
    const typed = tokens.join('').length;
    const confident =
      best !== undefined &&
      typed >= 3 &&
      (best.tier >= TIER.PREFIX || (best.tier === TIER.WORDS && best.coverage >= 0.5) || (best.tier === TIER.FUZZY_WORDS && best.coverage >= 0.5 && typed >= 6));
    const plausible = best !== undefined && (best.tier >= TIER.PARTIAL || best.score >= PLAUSIBLE_FUZZY);
    return { hits, best, exact, confident, plausible };
  }

  private scoreName(raw: string, allTokens: string[], filters: SearchFilters): void {
    const key = allTokens.join(' ');
    const sig = significant(allTokens);
    const stems = sig.map(stem);
    // A query ending in a space has its last word finished: "great " is not "greatsword".
    const wordDone = /\s$/u.test(raw);
    // Roman numerals read as numbers, as an alternative: "golden rune xii".
    let romanTokens: string[] | undefined;
    for (let i = 1; i < allTokens.length; i++) {
      const digits = romanAlternative(allTokens, i);
      if (digits !== undefined) (romanTokens ??= [...allTokens])[i] = digits;
    }
    const romanSig = romanTokens ? significant(romanTokens) : undefined;

    // Tier 7/6: the whole key; not when a space follows it, which says more words are coming
    // ("Comet " is on its way to "Comet Azur"; "Comet" itself still ranks, as a word match).
    if (!wordDone) {
      // A last word that is a stop word may be a word being typed ("mushroom a" → "Mushroom Arms"): then
      // the stop-word-free form is no exact match.
      const loose = !(allTokens.length > 1 && STOP_WORDS.has(allTokens[allTokens.length - 1]!));
      this.scoreKeys(raw, key, allTokens, stems, filters, 1, loose);
      if (romanTokens && romanSig) this.scoreKeys(raw, romanTokens.join(' '), romanTokens, romanSig.map(stem), filters, 0.9, loose);
    }

    // Tier 5: a name or alias typed with an upgrade level ("Moonveil +10").
    const upgrade = splitUpgradeSuffix(raw);
    if (upgrade) {
      const baseTokens = tokenize(upgrade.base);
      for (const e of this.exact.get(baseTokens.join(' ')) ?? []) {
        this.consider(e, TIER.UPGRADE, 0.7 * KIND_FACTOR[this.entryKind[e]! as 0 | 1 | 2] + 0.25 * this.recPrior[this.entryRecord[e]!]!, filters);
      }
    }

    // Tier 4: prefix of a whole name (and of its spaceless form: "bullgoat h"). Punctuation typed is a
    // hint: "St." is on its way to "St. Trina's Torch", "Golem'" to "Golem's Halberd".
    const typed = raw.trimStart().toLowerCase();
    const typedWeight = /[^\p{L}\p{N}\s]/u.test(typed) ? 0.4 : 0.15;
    if (wordDone) {
      this.scorePrefix(this.sortedKeys, this.sortedKeyEntry, `${key} `, typed, typedWeight, TIER.PREFIX, filters);
    } else {
      this.scorePrefix(this.sortedKeys, this.sortedKeyEntry, key, typed, typedWeight, TIER.PREFIX, filters);
      if (allTokens.length > 1 || key.length >= 4) this.scorePrefix(this.sortedCompact, this.sortedCompactEntry, compactKey(allTokens), typed, typedWeight, TIER.WORDS, filters);
    }

    // Tiers 3/2/1: word matches.
    const lastIndex = stems.length - 1;
    this.positionsUsed = stems.length;
    for (let i = 0; i < stems.length; i++) {
      const typed = sig[i]!;
      const word = stems[i]!;
      const finished = i !== lastIndex || wordDone;
      let exactFound = false;
      const exactId = this.words.id(word);
      if (exactId !== undefined) {
        exactFound = true;
        this.markWord(i, exactId, W_EXACT, filters);
      }
      const roman = romanSig?.[i];
      if (roman !== undefined && roman !== typed) {
        const romanId = this.words.id(roman);
        if (romanId !== undefined) {
          exactFound = true;
          this.markWord(i, romanId, W_EXACT, filters);
        }
      }
      if (typed.length >= 2 || !finished) {
        this.words.forEachPrefix(typed, (id, full) => {
          if (id !== exactId) this.markWord(i, id, prefixWeight(typed.length, full.length, finished), filters);
        });
      }
      if (!exactFound && allowedDistance(word.length) > 0) {
        this.words.forEachNear(word, (id, d) => this.markWord(i, id, d === 1 ? W_FUZZY_1 : W_FUZZY_2, filters));
      }
    }
    const needed = stems.length;
    let complete = false;
    for (let t = 0; t < this.touchedEntryCount; t++) {
      const e = this.touchedEntries[t]!;
      const base = e * MAX_QUERY_TOKENS;
      let matched = 0;
      let sum = 0;
      let fuzzy = false;
      for (let i = 0; i < needed; i++) {
        const w = this.tokenWeight[base + i]!;
        if (w > 0) {
          matched++;
          sum += w;
          if (w < 0.5) fuzzy = true;
        }
      }
      const kindFactor = KIND_FACTOR[this.entryKind[e]! as 0 | 1 | 2];
      const r = this.entryRecord[e]!;
      const prior = this.recPrior[r]!;
      const coverage = Math.min(1, matched / Math.max(1, this.entrySig[e]!));
      const first = this.firstMark[this.entryFirst[e]!] === 1 ? 1 : 0;
      if (matched === needed) {
        complete = true;
        const fine = (0.33 * (sum / needed) + 0.3 * coverage + 0.12 * first + 0.25 * prior) * kindFactor;
        this.consider(e, fuzzy ? TIER.FUZZY_WORDS : TIER.WORDS, fine, filters, coverage);
      } else if (needed >= 2 && sum * 2 >= needed) {
        const fine = (0.4 * (matched / needed) + 0.2 * (sum / needed) + 0.15 * coverage + 0.25 * prior) * kindFactor;
        this.consider(e, TIER.PARTIAL, fine, filters, coverage);
      }
    }

    // Tier 0: nothing matched word for word; let fuse.js find near spellings of the whole name.
    if (!complete && this.bestTier() < TIER.FUZZY_WORDS) {
      this.fuzzy.visit(key, SHORTLIST, FUSE_OPTIONS, (e, fuseScore, dice) => {
        this.consider(e, TIER.FUZZY, 0.55 * (1 - fuseScore) + 0.25 * dice + 0.2 * this.recPrior[this.entryRecord[e]!]!, filters, 0);
      });
    }
  }

  /**
   * Tiers 7 and 6: the exact key and its plural-folded form. The spaceless form ("bullgoat helm",
   * "moon veil") ranks as a prefix: names that really begin with what was typed stand beside it
   * ("blackflame" → Black Flame, and the Blackflame Monk set).
   */
  private scoreKeys(raw: string, key: string, tokens: readonly string[], stems: readonly string[], filters: SearchFilters, factor: number, loose: boolean): void {
    for (const e of this.exact.get(key) ?? []) {
      const r = this.entryRecord[e]!;
      const prior = this.recPrior[r]!;
      if (this.entryKind[e] === KIND_NAME) {
        const sameCase = this.items[r]!.name.toLowerCase() === raw.trim().toLowerCase() ? 1 : 0;
        this.consider(e, TIER.EXACT_NAME, (0.5 * sameCase + 0.4 * prior) * factor, filters);
      } else {
        this.consider(e, TIER.EXACT_ALIAS, (0.7 * (this.entryKind[e] === KIND_CURATED ? 1 : 0.95) + 0.25 * prior) * factor, filters);
      }
    }
    if (!loose) return;
    for (const e of this.loose.get(`s:${stems.join(' ')}`) ?? []) {
      const kindFactor = KIND_FACTOR[this.entryKind[e]! as 0 | 1 | 2];
      this.consider(e, TIER.EXACT_ALIAS, (0.63 * kindFactor + 0.25 * this.recPrior[this.entryRecord[e]!]!) * factor, filters);
    }
    for (const e of this.loose.get(`c:${compactKey(tokens)}`) ?? []) {
      const kindFactor = KIND_FACTOR[this.entryKind[e]! as 0 | 1 | 2];
      this.consider(e, TIER.PREFIX, (0.4 + 0.45 * this.recPrior[this.entryRecord[e]!]! + 0.1) * kindFactor * factor, filters);
    }
  }

  private bestTier(): number {
    let best = -1;
    for (let i = 0; i < this.touchedRecordCount; i++) {
      const r = this.touchedRecords[i]!;
      if (this.recTier[r]! > best) best = this.recTier[r]!;
    }
    return best;
  }

  /**
   * Names and aliases beginning with `prefix`. Official names rank in `tier`; affinity variants and
   * curated aliases as word matches (a partly typed alias is weak evidence, and "Heavy …", "Keen …"
   * would crowd out real names), and the variants only once the prefix says something.
   */
  private scorePrefix(sorted: readonly string[], entryOf: Int32Array, prefix: string, typed: string, typedWeight: number, tier: Tier, filters: SearchFilters): void {
    if (!prefix) return;
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
      const full = sorted[i]!;
      if (!full.startsWith(prefix)) break;
      const e = entryOf[i]!;
      const kind = this.entryKind[e]!;
      if (kind === KIND_DATA_ALIAS && prefix.length < 3) continue;
      const r = this.entryRecord[e]!;
      const asTyped = kind === KIND_NAME && this.entryLower[e]!.startsWith(typed) ? 1 : 0;
      const fine = (0.25 * (prefix.length / full.length) + 0.45 * this.recPrior[r]! + typedWeight * asTyped + 0.15) * KIND_FACTOR[kind as 0 | 1 | 2];
      this.consider(e, kind === KIND_NAME ? tier : TIER.WORDS, fine, filters);
    }
  }

  private markWord(position: number, wordId: number, weight: number, filters: SearchFilters): void {
    if (position === 0 && this.firstMark[wordId] === 0) {
      this.firstMark[wordId] = 1;
      this.firstMarked.push(wordId);
    }
    const postings = this.words.postings[wordId]!;
    for (let p = 0; p < postings.length; p++) {
      const e = postings[p]!;
      if (filters.category !== undefined || filters.dlc !== undefined) {
        if (!this.passes(this.entryRecord[e]!, filters)) continue;
      }
      const slot = e * MAX_QUERY_TOKENS + position;
      if (weight > this.tokenWeight[slot]!) this.tokenWeight[slot] = weight;
      if (this.entryTouched[e] === 0) {
        this.entryTouched[e] = 1;
        this.touchedEntries[this.touchedEntryCount++] = e;
      }
    }
  }

  /** Loose suggestions for a query nothing matched (bigram shortlist, fuse.js with a wide threshold). */
  suggest(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 5;
    const key = normalizeName(query);
    const found: { r: number; e: number; score: number }[] = [];
    this.fuzzy.visit(key, 40, FUSE_SUGGEST_OPTIONS, (e, fuseScore, dice) => {
      const r = this.entryRecord[e]!;
      if (!this.passes(r, options)) return;
      found.push({ r, e, score: 0.6 * (1 - fuseScore) + 0.4 * dice });
    });
    found.sort((a, b) => b.score - a.score || a.r - b.r);
    const out: SearchHit[] = [];
    const seen = new Set<number>();
    for (const { r, e, score } of found) {
      if (seen.has(r)) continue;
      seen.add(r);
      out.push({ item: this.items[r]!, score, tier: TIER.FUZZY, matched: this.entryText[e]!, coverage: 0 });
      if (out.length >= limit) break;
    }
    return out;
  }

}

// ---- the shared instance ---------------------------------------------------------------------------

let shared: ItemIndex | undefined;

/** The index over data/items.json with the curated tables, built on first use. Null without data. */
export function getItemIndex(): ItemIndex | null {
  if (shared) return shared;
  const data = loadItemData();
  if (!data) return null;
  shared = ItemIndex.fromData(data, { aliases: loadAliasTable(), popular: loadPopularList() });
  return shared;
}
