// Merchant offers read the other way round: what a bell bearing adds to the Twin Maiden Husks' stock
// (the offers the compiler marked `unlock: <bell bearing>`), what a remembrance trades for at Finger
// Reader Enia (the offers paid with it), and which merchant's wares a merchant's bell bearing hands over.
// Pure: built once per item list.

import type { ItemRecord, ShopOffer } from './types.ts';

export interface StockEntry {
  item: ItemRecord;
  offer: ShopOffer;
}

export interface BellBearingOwner {
  /** "Patches" from "Patches' Bell Bearing", "Nomadic Merchant" from "Nomadic Merchant's Bell Bearing [3]". */
  owner: string;
  /** The one merchant in the data that owner names, when exactly one does ("Merchant Kalé"). */
  merchant?: string;
}

const BELL_BEARING = /^(.+?)(?:'s|')? Bell Bearing(?: \[\d+\])?$/;

function push(map: Map<string, StockEntry[]>, key: string, entry: StockEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

const byPrice = (a: StockEntry, b: StockEntry) => a.offer.price - b.offer.price || a.item.name.localeCompare(b.item.name);

export class StockIndex {
  private readonly unlocks = new Map<string, StockEntry[]>();
  private readonly trades = new Map<string, StockEntry[]>();
  private readonly merchants = new Set<string>();

  constructor(items: readonly ItemRecord[]) {
    for (const item of items) {
      for (const offer of item.shop ?? []) {
        this.merchants.add(offer.merchant);
        if (offer.unlock) push(this.unlocks, offer.unlock, { item, offer });
        if (offer.currency !== 'runes') push(this.trades, offer.currency, { item, offer });
      }
    }
    for (const list of [...this.unlocks.values(), ...this.trades.values()]) list.sort(byPrice);
  }

  /** Offers that appear once `unlock` (a bell bearing's name) is handed over, cheapest first. */
  unlockedBy(unlock: string): readonly StockEntry[] {
    return this.unlocks.get(unlock) ?? [];
  }

  /** Offers paid with the item named `currency` (a remembrance: what Enia trades it for). */
  tradedFor(currency: string): readonly StockEntry[] {
    return this.trades.get(currency) ?? [];
  }

  /**
   * Whose bell bearing this is, and the merchant it names when exactly one merchant matches. A numbered
   * one ("Hermit Merchant's Bell Bearing [2]") is one of several merchants of that kind: none is named.
   */
  bellBearingOwner(name: string): BellBearingOwner | undefined {
    const match = BELL_BEARING.exec(name);
    const owner = match?.[1];
    if (!owner) return undefined;
    if (/\[\d+\]$/.test(name)) return { owner };
    const word = new RegExp(`(^|[\\s,(])${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,)])`);
    const matches = [...this.merchants].filter((m) => word.test(m));
    return matches.length === 1 ? { owner, merchant: matches[0]! } : { owner };
  }
}

const cache = new WeakMap<readonly ItemRecord[], StockIndex>();

/** The stock index of an item list, built on first use. */
export function stockIndexOf(items: readonly ItemRecord[]): StockIndex {
  let index = cache.get(items);
  if (!index) {
    index = new StockIndex(items);
    cache.set(items, index);
  }
  return index;
}
