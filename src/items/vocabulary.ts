// A frozen word list for the item index: ids, a sorted array for prefix ranges, postings (which
// documents hold each word) and words bucketed by length for typo correction (a bounded edit distance
// over the few hundred words of a similar length: tens of microseconds, nothing to build).
// Everything is built once; lookups do not allocate.

import { boundedDistance } from './normalize.ts';

/** Edit distance allowed for a typed word of this length (none for short words). */
export function allowedDistance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/** Bit i = letter 'a' + i present; bit 26 = a digit; bit 27 = anything else. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << 26;
    else mask |= 1 << 27;
  }
  return mask >>> 0;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Words longer than this share the last length bucket. */
const MAX_LENGTH = 40;

export class Vocabulary {
  /** Words by id. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly docLists: number[][] = [];
  /** Per word id: the documents that hold it (sorted, unique). */
  postings: Int32Array[] = [];
  private sorted: string[] = [];
  private sortedIds = new Int32Array(0);
  /** Word ids by word length (index = length, capped). */
  private byLength: Int32Array[] = [];
  /** Per word id: which letters it holds (a cheap filter before the edit distance). */
  private letters = new Uint32Array(0);
  private frozen = false;

  /** Record that document `doc` holds `word` (build time only). */
  add(word: string, doc: number): number {
    if (this.frozen) throw new Error('vocabulary is frozen');
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      this.docLists.push([]);
    }
    const list = this.docLists[id]!;
    if (list[list.length - 1] !== doc) list.push(doc);
    return id;
  }

  freeze(): this {
    this.frozen = true;
    this.postings = this.docLists.map((list) => Int32Array.from(new Set(list)).sort());
    const order = this.words.map((_, id) => id).sort((a, b) => (this.words[a]! < this.words[b]! ? -1 : this.words[a]! > this.words[b]! ? 1 : 0));
    this.sorted = order.map((id) => this.words[id]!);
    this.sortedIds = Int32Array.from(order);
    const buckets: number[][] = [];
    this.words.forEach((word, id) => (buckets[Math.min(word.length, MAX_LENGTH)] ??= []).push(id));
    this.letters = Uint32Array.from(this.words, letterMask);
    this.byLength = Array.from({ length: MAX_LENGTH + 1 }, (_, length) => Int32Array.from(buckets[length] ?? []));
    return this;
  }

  get size(): number {
    return this.words.length;
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Calls `visit` for every word that starts with `prefix` (in sorted order). */
  forEachPrefix(prefix: string, visit: (id: number, word: string) => void): void {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
      const word = sorted[i]!;
      if (!word.startsWith(prefix)) break;
      visit(this.sortedIds[i]!, word);
    }
  }

  /**
   * Calls `visit` for every word within the allowed edit distance of `word` (itself excluded), each
   * once, with its distance.
   */
  forEachNear(word: string, visit: (id: number, distance: number) => void, max = allowedDistance(word.length)): void {
    if (max <= 0) return;
    const mask = letterMask(word);
    // One edit changes at most two letters of the set (a substitution: one out, one in).
    const maxLetterChanges = 2 * max;
    const from = Math.max(1, word.length - max);
    const to = Math.min(MAX_LENGTH, word.length + max);
    for (let length = from; length <= to; length++) {
      const bucket = this.byLength[length]!;
      for (let i = 0; i < bucket.length; i++) {
        const id = bucket[i]!;
        if (popcount(mask ^ this.letters[id]!) > maxLetterChanges) continue;
        const candidate = this.words[id]!;
        if (candidate === word) continue;
        const d = boundedDistance(word, candidate, max);
        if (d <= max) visit(id, d);
      }
    }
  }
}
