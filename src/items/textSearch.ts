// The /search word index: every word of an item's name, effect summary, class and skill, stemmed, with
// which fields it stands in. A query lists the items holding all its words: items listed for their
// effect alone first (so "runes" lists what changes rune gain before the rune items themselves), then
// effect and name, name, class, skill; then a small prior (popularity, category) and natural name order.
// Scratch arrays are allocated once and reset by the list of what a query touched.

import { MAX_QUERY_TOKENS, STOP_WORDS, significant, stem, tokenize } from './normalize.ts';
import type { ItemRecord } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

const FIELD_EFFECT = 1;
const FIELD_NAME = 2;
const FIELD_SUBCATEGORY = 4;
const FIELD_SKILL = 8;
/** Weights of the fields (effect first: /search is for "what does what"). */
const FIELD_WEIGHTS: readonly [number, number][] = [
  [FIELD_EFFECT, 3],
  [FIELD_NAME, 2.5],
  [FIELD_SUBCATEGORY, 2],
  [FIELD_SKILL, 1.5],
];
const EFFECT_ONLY_BONUS = 0.5;

/** Natural order for names: "Golden Rune [2]" before "Golden Rune [10]". */
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export class TextIndex {
  private readonly words = new Vocabulary();
  /** Per word: a field mask per posting. */
  private readonly fields: Uint8Array[];
  private readonly mask: Uint32Array;
  private readonly weight: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  /** `prior[r]`: record r's small ranking prior (popularity and category), from the name index. */
  constructor(
    private readonly items: readonly ItemRecord[],
    private readonly prior: Float64Array,
  ) {
    const n = items.length;
    this.mask = new Uint32Array(n);
    this.weight = new Float64Array(n);
    this.touched = new Int32Array(n);
    const fieldLists: number[][] = [];
    const add = (text: string | undefined, record: number, field: number) => {
      if (!text) return;
      for (const token of tokenize(text)) {
        if (STOP_WORDS.has(token)) continue;
        const id = this.words.add(stem(token), record);
        const list = (fieldLists[id] ??= []);
        list.push(record, field);
      }
    };
    items.forEach((item, i) => {
      add(item.name, i, FIELD_NAME);
      add(item.effect, i, FIELD_EFFECT);
      add(item.subcategory, i, FIELD_SUBCATEGORY);
      add(item.skill, i, FIELD_SKILL);
    });
    this.words.freeze();
    // Field masks aligned with the frozen postings (sorted unique records).
    this.fields = this.words.postings.map((records, id) => {
      const masks = new Uint8Array(records.length);
      const pairs = fieldLists[id] ?? [];
      for (let p = 0; p < pairs.length; p += 2) {
        const record = pairs[p]!;
        let lo = 0;
        let hi = records.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (records[mid]! < record) lo = mid + 1;
          else hi = mid;
        }
        masks[lo]! |= pairs[p + 1]!;
      }
      return masks;
    });
  }

  /** The items (at most `limit`) holding every word of `query` among those `passes` keeps; typo-corrected only when none match exactly. */
  search(query: string, limit: number, passes: (record: number) => boolean): ItemRecord[] {
    const tokens = tokenize(query);
    if (tokens.length > MAX_QUERY_TOKENS) tokens.length = MAX_QUERY_TOKENS;
    const sig = significant(tokens);
    if (!sig.length) return [];
    const stems = sig.map(stem);
    const run = (fuzzy: boolean): ItemRecord[] => {
      try {
        for (let i = 0; i < stems.length; i++) this.mark(i, sig[i]!, stems[i]!, fuzzy, passes);
        const full = (1 << stems.length) - 1;
        const found: number[] = [];
        for (let t = 0; t < this.touchedCount; t++) {
          const r = this.touched[t]!;
          if (this.mask[r] === full) found.push(r);
        }
        found.sort((a, b) => this.weight[b]! - this.weight[a]! || NAME_ORDER.compare(this.items[a]!.name, this.items[b]!.name) || a - b);
        return found.slice(0, limit).map((r) => this.items[r]!);
      } finally {
        this.reset();
      }
    };
    const exact = run(false);
    return exact.length ? exact : run(true);
  }

  private mark(position: number, typed: string, word: string, fuzzy: boolean, passes: (record: number) => boolean): void {
    const bit = 1 << position;
    const visit = (id: number, factor: number) => {
      const records = this.words.postings[id]!;
      const masks = this.fields[id]!;
      for (let p = 0; p < records.length; p++) {
        const r = records[p]!;
        if (!passes(r)) continue;
        if (this.mask[r] === 0 && this.weight[r] === 0) this.touched[this.touchedCount++] = r;
        const mask = masks[p]!;
        let weight = 0;
        for (const [field, w] of FIELD_WEIGHTS) if (mask & field) weight = Math.max(weight, w);
        // Listed only for what it does (the word is not in its name): the answers /item cannot give.
        if (mask & FIELD_EFFECT && !(mask & FIELD_NAME)) weight += EFFECT_ONLY_BONUS;
        if ((this.mask[r]! & bit) === 0) {
          this.mask[r]! |= bit;
          this.weight[r]! += weight * factor + 0.1 * this.prior[r]!;
        }
      }
    };
    const exactId = this.words.id(word);
    if (exactId !== undefined) visit(exactId, 1);
    if (typed.length >= 4) {
      this.words.forEachPrefix(typed, (id) => {
        if (id !== exactId) visit(id, 0.8);
      });
    }
    if (fuzzy && exactId === undefined) this.words.forEachNear(word, (id) => visit(id, 0.6));
  }

  private reset(): void {
    for (let t = 0; t < this.touchedCount; t++) {
      const r = this.touched[t]!;
      this.mask[r] = 0;
      this.weight[r] = 0;
    }
    this.touchedCount = 0;
  }
}
