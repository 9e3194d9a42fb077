// Rune consumables: value of what a player holds, and the best items to use for a target.
// Errors: TypeError / RangeError as described in validate.ts (unknown names are a RangeError whose
// message lists the closest names).

import type { Note } from '../game/confidence.ts';
import { MAX_ITEM_COUNT, MAX_ITEM_LINES, MAX_RUNE_INPUT } from '../game/limits.ts';
import { RUNE_ITEMS, type RuneItem } from '../game/runeItemValues.ts';
import { grouped, requireBoolean, requireInteger, requireObject, requireString } from './validate.ts';

export { RUNE_ITEMS, type RuneItem };

// ---------------------------------------------------------------------------------------------
// Names

/** Lower case, apostrophes dropped, brackets and punctuation as spaces: "Lord's Rune" → "lords rune". */
export function normalizeRuneItemName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_NORMALIZED_NAME = new Map(RUNE_ITEMS.map((item) => [normalizeRuneItemName(item.name), item]));

/** Exact (normalised) name lookup: "golden rune 5", "Golden Rune [5]" and "GOLDEN RUNE [5]" all match. */
export function findRuneItem(name: string): RuneItem | undefined {
  requireString('item name', name);
  return BY_NORMALIZED_NAME.get(normalizeRuneItemName(name));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The `limit` rune-item names closest to `name` (edit distance on normalised names). */
export function closestRuneItemNames(name: string, limit = 3): string[] {
  const wanted = normalizeRuneItemName(requireString('item name', name).slice(0, 200)).slice(0, 80);
  requireInteger('limit', limit, 0, RUNE_ITEMS.length);
  return RUNE_ITEMS.map((item) => ({ item, distance: editDistance(wanted, normalizeRuneItemName(item.name)) }))
    .sort((a, b) => a.distance - b.distance || a.item.runes - b.item.runes)
    .slice(0, limit)
    .map((entry) => entry.item.name);
}

function resolveItem(name: unknown): RuneItem {
  const text = requireString('item', name);
  const item = BY_NORMALIZED_NAME.get(normalizeRuneItemName(text));
  if (!item) {
    throw new RangeError(`unknown rune item ${JSON.stringify(text.slice(0, 60))}; closest names: ${closestRuneItemNames(text).join(', ')}`);
  }
  return item;
}

// ---------------------------------------------------------------------------------------------
// Notes

/** One note per distinct caveat among the items used (grouped, naming the items). */
export function runeItemNotes(items: Iterable<RuneItem>): Note[] {
  const byCaveat = new Map<string, { item: RuneItem; names: string[] }>();
  for (const item of items) {
    if (item.confidence === 'verified' || !item.caveat) continue;
    const entry = byCaveat.get(item.caveat.id);
    if (entry) {
      if (!entry.names.includes(item.name)) entry.names.push(item.name);
    } else byCaveat.set(item.caveat.id, { item, names: [item.name] });
  }
  return [...byCaveat.values()].map(({ item, names }) => ({
    id: item.caveat!.id,
    confidence: item.confidence,
    text: `${names.join(', ')}: ${item.caveat!.text}`,
  }));
}

// ---------------------------------------------------------------------------------------------
// Value of a list

export interface HeldItem {
  /** Item name, resolved with findRuneItem. */
  item: string;
  count: number;
}

export interface ItemLine {
  item: RuneItem;
  count: number;
  subtotal: number;
}

export interface ItemsValue {
  total: number;
  lines: ItemLine[];
  notes: Note[];
}

function resolveList(list: unknown): ItemLine[] {
  if (!Array.isArray(list)) throw new TypeError('items must be an array of { item, count }');
  if (list.length > MAX_ITEM_LINES) throw new RangeError(`items must have at most ${MAX_ITEM_LINES} lines, got ${list.length}`);
  return list.map((entry: unknown, index) => {
    const object = requireObject(`items[${index}]`, entry);
    const item = resolveItem(object.item);
    const count = requireInteger(`count of ${item.name}`, object.count, 0, MAX_ITEM_COUNT);
    return { item, count, subtotal: item.runes * count };
  });
}

/** Total runes of a list such as [{ item: 'Golden Rune [5]', count: 3 }, { item: "Lord's Rune", count: 1 }]. */
export function valueOfItems(list: readonly HeldItem[]): ItemsValue {
  const lines = resolveList(list);
  const total = lines.reduce((sum, line) => sum + line.subtotal, 0);
  return { total, lines, notes: runeItemNotes(lines.filter((l) => l.count > 0).map((l) => l.item)) };
}

// ---------------------------------------------------------------------------------------------
// Best items to reach a target
//
// Objective (lexicographic), over every sub-multiset of the available items whose value is ≥ target:
//   1. fewest items;
//   2. then least overshoot (value − target);
//   3. remaining ties (same count, same total, different items) are broken deterministically: fewest
//      exchanges away from "the k most valuable items", then, among items of equal value, regular
//      rune items before remembrances and verified values before single-source ones.
//
// Algorithm (exact, fast for targets of billions):
// - Items are grouped by value (items of equal value are interchangeable for the objective).
// - The minimum count k is the smallest k whose k most valuable items reach the target (a greedy
//   prefix); no set of fewer items can reach it, and any k-set of optimal overshoot is found as an
//   exchange from that top-k set S0: remove some items of S0 (values ≥ v, the smallest value in S0)
//   and add as many from the rest (values ≤ v).
// - The reduction R = value(S0) − value(F) must satisfy R ≤ slack = value(S0) − target < v. Write
//   R = Σ(removed − v) + Σ(v − added): both parts are ≥ 0 and ≤ slack, so a DP over
//   (number exchanged s, excess) for each side, with excess bounded by slack / gcd(values), is small.
// - After cancelling equal-value exchanges (only possible at value v), every exchanged pair lowers the
//   value by at least the smallest gap between a removable and an addable value, which bounds s.
//   With the game's rune values (multiples of 50, neighbours far apart) s stays ≤ ~10.

export type BestItemsResult =
  | {
      kind: 'reached';
      target: number;
      items: { item: RuneItem; count: number }[];
      itemCount: number;
      total: number;
      overshoot: number;
      notes: Note[];
    }
  | {
      kind: 'unreachable';
      target: number;
      /** Value of everything available. */
      available: number;
      shortfall: number;
      notes: Note[];
    };

export interface BestItemsOptions {
  /** Only for 'unlimited': include DLC rune items in the pool (default false: base game only, all verified). */
  includeDlc?: boolean;
}

interface ValueGroup {
  value: number;
  available: number; // Infinity in unlimited mode
  members: { item: RuneItem; count: number }[]; // preference order
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function memberPreference(a: RuneItem, b: RuneItem): number {
  const kind = (item: RuneItem) => (item.kind === 'rune' ? 0 : 1);
  const trust = (item: RuneItem) => (item.confidence === 'verified' ? 0 : 1);
  return kind(a) - kind(b) || trust(a) - trust(b);
}

function buildGroups(held: ItemLine[] | 'unlimited', includeDlc: boolean): ValueGroup[] {
  const map = new Map<number, ValueGroup>();
  const add = (item: RuneItem, count: number) => {
    if (count === 0) return;
    let group = map.get(item.runes);
    if (!group) map.set(item.runes, (group = { value: item.runes, available: 0, members: [] }));
    group.available += count;
    const existing = group.members.find((m) => m.item === item);
    if (existing) existing.count += count;
    else group.members.push({ item, count });
  };
  if (held === 'unlimited') {
    for (const item of RUNE_ITEMS) if (item.standard && (includeDlc || !item.dlc)) add(item, Infinity);
  } else {
    for (const line of held) add(line.item, line.count);
  }
  const groups = [...map.values()].sort((a, b) => b.value - a.value);
  for (const group of groups) group.members.sort((a, b) => memberPreference(a.item, b.item));
  return groups;
}

/** Bounded "exactly s items, total excess e" DP with reconstruction. */
function exchangeTable(types: { unit: number; limit: number }[], sMax: number, eMax: number) {
  const width = eMax + 1;
  const layer = (sMax + 1) * width;
  // choice[t][s*width + e] = how many of type t were used to reach (s, e) after types 0..t; -1 = unreachable.
  const choice: Int16Array[] = [];
  let reach = new Uint8Array(layer);
  reach[0] = 1;
  for (const type of types) {
    const next = new Uint8Array(layer);
    const taken = new Int16Array(layer).fill(-1);
    const maxTake = Math.min(type.limit, sMax);
    for (let s = 0; s <= sMax; s++) {
      for (let e = 0; e <= eMax; e++) {
        if (!reach[s * width + e]) continue;
        for (let c = 0; c <= maxTake && s + c <= sMax; c++) {
          const e2 = e + c * type.unit;
          if (e2 > eMax) break;
          const index = (s + c) * width + e2;
          if (!next[index]) {
            next[index] = 1;
            taken[index] = c;
          }
        }
      }
    }
    choice.push(taken);
    reach = next;
  }
  const reconstruct = (s: number, e: number): number[] => {
    const counts = new Array<number>(types.length).fill(0);
    for (let t = types.length - 1; t >= 0; t--) {
      const c = choice[t]![s * width + e]!;
      counts[t] = c;
      s -= c;
      e -= c * types[t]!.unit;
    }
    return counts;
  };
  return { reach, width, reconstruct };
}

/**
 * The fewest items whose total reaches `target` (0..MAX_RUNE_INPUT), with the least overshoot; see the
 * objective above. `held` is a list of { item, count } or 'unlimited' (any number of each standard
 * rune item: base game only unless options.includeDlc).
 */
export function bestItemsToReach(held: readonly HeldItem[] | 'unlimited', target: number, options: BestItemsOptions = {}): BestItemsResult {
  const lines = held === 'unlimited' ? 'unlimited' : resolveList(held);
  requireInteger('target', target, 0, MAX_RUNE_INPUT);
  const opts = requireObject('options', options);
  const includeDlc = opts.includeDlc === undefined ? false : requireBoolean('includeDlc', opts.includeDlc);
  const groups = buildGroups(lines, includeDlc);

  // 1. Minimum count: greedy prefix of the most valuable items.
  const c0 = groups.map(() => 0);
  let sum = 0;
  let cutIndex = -1;
  for (let i = 0; i < groups.length && sum < target; i++) {
    const group = groups[i]!;
    const need = Math.ceil((target - sum) / group.value);
    const take = Math.min(need, group.available);
    c0[i] = take;
    sum += take * group.value;
    cutIndex = i;
  }
  if (sum < target) {
    const notes = lines === 'unlimited' ? [] : runeItemNotes(lines.filter((l) => l.count > 0).map((l) => l.item));
    return { kind: 'unreachable', target, available: sum, shortfall: target - sum, notes };
  }

  const counts = [...c0];
  if (cutIndex >= 0 && sum > target) {
    // 2. Least overshoot among sets of exactly that many items: exchanges from the top set.
    const cut = groups[cutIndex]!.value;
    const unitSize = groups.reduce((g, group) => gcd(g, group.value), 0);
    const slackUnits = Math.floor((sum - target) / unitSize);
    const removable = groups.map((group, i) => ({ i, unit: (group.value - cut) / unitSize, limit: c0[i]! })).filter((t) => t.limit > 0);
    const addable = groups
      .map((group, i) => ({ i, unit: (cut - group.value) / unitSize, limit: group.available - c0[i]! }))
      .filter((t) => t.limit > 0 && groups[t.i]!.value <= cut);
    let minGap = Infinity;
    for (const r of removable) for (const a of addable) if (r.unit + a.unit > 0) minGap = Math.min(minGap, r.unit + a.unit);
    const sMax = Number.isFinite(minGap)
      ? Math.min(
          Math.floor(slackUnits / minGap),
          removable.reduce((n, t) => n + t.limit, 0),
          addable.reduce((n, t) => n + Math.min(t.limit, slackUnits + 1), 0),
        )
      : 0;
    if (sMax > 0) {
      const rem = exchangeTable(removable, sMax, slackUnits);
      const add = exchangeTable(addable, sMax, slackUnits);
      let best = { reduction: 0, s: 0, e: 0, d: 0 };
      for (let s = 1; s <= sMax; s++) {
        // Largest reachable addition deficit ≤ x, for x = 0..slack.
        const bestAtMost = new Int32Array(slackUnits + 1).fill(-1);
        for (let x = 0, last = -1; x <= slackUnits; x++) {
          if (add.reach[s * add.width + x]) last = x;
          bestAtMost[x] = last;
        }
        for (let e = 0; e <= slackUnits; e++) {
          if (!rem.reach[s * rem.width + e]) continue;
          const d = bestAtMost[slackUnits - e]!;
          if (d >= 0 && e + d > best.reduction) best = { reduction: e + d, s, e, d };
        }
      }
      if (best.reduction > 0) {
        const removed = rem.reconstruct(best.s, best.e);
        const added = add.reconstruct(best.s, best.d);
        removable.forEach((t, k) => (counts[t.i]! -= removed[k]!));
        addable.forEach((t, k) => (counts[t.i]! += added[k]!));
      }
    }
  }

  const items: { item: RuneItem; count: number }[] = [];
  let total = 0;
  let itemCount = 0;
  groups.forEach((group, i) => {
    let left = counts[i]!;
    total += left * group.value;
    itemCount += left;
    for (const member of group.members) {
      if (left === 0) break;
      const use = Math.min(left, member.count);
      items.push({ item: member.item, count: use });
      left -= use;
    }
  });
  return {
    kind: 'reached',
    target,
    items,
    itemCount,
    total,
    overshoot: total - target,
    notes: runeItemNotes(items.map((entry) => entry.item)),
  };
}

/** For error messages and help text. */
export function describeItemLimits(): string {
  return `up to ${MAX_ITEM_LINES} lines, counts from 0 to ${grouped(MAX_ITEM_COUNT)}, targets up to ${grouped(MAX_RUNE_INPUT)} runes`;
}
