// The name index's fuzzy last resort: the names sharing the most character bigrams with the query
// (Dice coefficient), the best few of them re-scored by fuse.js (Bitap). Scratch arrays are allocated
// once and reset after every query.

import Fuse from 'fuse.js';

/** fuse.js options for re-scoring the shortlist: the whole name is searched, typos tolerated. */
export const FUSE_OPTIONS = { threshold: 0.45, ignoreLocation: true } as const;
export const FUSE_SUGGEST_OPTIONS = { threshold: 0.7, ignoreLocation: true } as const;
export type FuseOptions = typeof FUSE_OPTIONS | typeof FUSE_SUGGEST_OPTIONS;

function forEachBigram(text: string, visit: (code: number) => void): void {
  for (let i = 0; i + 1 < text.length; i++) visit(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
}

export class BigramShortlist {
  private readonly postings = new Map<number, Int32Array>();
  private readonly count: Uint16Array;
  private readonly hits: Uint16Array;
  private readonly touched: Int32Array;

  /** Over `keys[e]` (normalised entry keys) for the entries `include` keeps. */
  constructor(
    private readonly keys: readonly string[],
    include: (entry: number) => boolean,
  ) {
    const entries = keys.length;
    this.count = new Uint16Array(entries);
    this.hits = new Uint16Array(entries);
    this.touched = new Int32Array(entries);
    const lists = new Map<number, number[]>();
    for (let e = 0; e < entries; e++) {
      if (!include(e)) continue;
      const seen = new Set<number>();
      forEachBigram(keys[e]!, (code) => seen.add(code));
      this.count[e] = seen.size;
      for (const code of seen) {
        const list = lists.get(code);
        if (list) list.push(e);
        else lists.set(code, [e]);
      }
    }
    for (const [code, list] of lists) this.postings.set(code, Int32Array.from(list));
  }

  /** The best `size` entries by bigram overlap with `key`, re-scored by fuse.js; `visit` gets each fuse.js match. */
  visit(key: string, size: number, options: FuseOptions, visit: (entry: number, fuseScore: number, dice: number) => void): void {
    const pattern = key.length > 64 ? key.slice(0, 64) : key;
    if (pattern.length < 2) return;
    let touched = 0;
    let queryBigrams = 0;
    forEachBigram(pattern, (code) => {
      queryBigrams++;
      const postings = this.postings.get(code);
      if (!postings) return;
      for (let p = 0; p < postings.length; p++) {
        const e = postings[p]!;
        if (this.hits[e] === 0) this.touched[touched++] = e;
        if (this.hits[e]! < 65535) this.hits[e]!++;
      }
    });
    const best: number[] = [];
    const bestDice: number[] = [];
    for (let t = 0; t < touched; t++) {
      const e = this.touched[t]!;
      const dice = (2 * Math.min(this.hits[e]!, this.count[e]!)) / (queryBigrams + this.count[e]!);
      this.hits[e] = 0;
      if (dice < 0.25) continue;
      if (best.length === size && dice <= bestDice[size - 1]!) continue;
      let pos = best.length < size ? best.length : size - 1;
      if (best.length < size) {
        best.push(e);
        bestDice.push(dice);
      }
      while (pos > 0 && dice > bestDice[pos - 1]!) {
        best[pos] = best[pos - 1]!;
        bestDice[pos] = bestDice[pos - 1]!;
        pos--;
      }
      best[pos] = e;
      bestDice[pos] = dice;
    }
    for (let i = 0; i < best.length; i++) {
      const e = best[i]!;
      const result = Fuse.match(pattern, this.keys[e]!, options);
      if (result.isMatch) visit(e, result.score, bestDice[i]!);
    }
  }
}
