// Pure checks of a character against an item: its stat requirements (met or not), its price (affordable
// or not), and the cheapest way to buy a quantity from the merchants' rune offers. No I/O, no discord.js:
// /item renders the first two for the caller's active character; /character buy uses the last.
//
// Requirements use the item data's short keys (str, dex, int, fai, arc); a character's stats use the full
// names. Each check compares the stat as it is (one-handed): two-handing's Strength bonus is not applied.
// Errors follow the rune core's convention: TypeError for a wrong JavaScript type, RangeError for a value
// out of range.

import type { Stat, Stats } from '../game/classes.ts';
import type { StatKey } from './types.ts';
import type { Character } from '../characters/types.ts';

export type RequirementStat = StatKey;

/** The requirement keys in the game's menu order, with the character stat each one reads. */
export const REQUIREMENT_STATS: readonly { key: RequirementStat; stat: Stat; label: string }[] = [
  { key: 'str', stat: 'strength', label: 'Strength' },
  { key: 'dex', stat: 'dexterity', label: 'Dexterity' },
  { key: 'int', stat: 'intelligence', label: 'Intelligence' },
  { key: 'fai', stat: 'faith', label: 'Faith' },
  { key: 'arc', stat: 'arcane', label: 'Arcane' },
];

export interface RequirementCheck {
  /** The requirement key as in the item data. */
  stat: RequirementStat;
  /** The character's stat it was compared with. */
  characterStat: Stat;
  label: string;
  required: number;
  have: number;
  met: boolean;
  /** Points still missing (0 when met). */
  missing: number;
}

export interface Affordability {
  price: number;
  held: number;
  affordable: boolean;
  /** Runes still missing (0 when affordable). */
  shortfall: number;
}

type WithStats = Pick<Character, 'stats'> | { stats: Stats };
type WithRunes = Pick<Character, 'runesHeld'>;

function statsOf(character: WithStats): Stats {
  if (character === null || typeof character !== 'object' || character.stats === null || typeof character.stats !== 'object') {
    throw new TypeError('character must have stats');
  }
  return character.stats;
}

/**
 * One check per requirement the item has, in menu order (Strength, Dexterity, Intelligence, Faith, Arcane).
 * Keys that are absent (or undefined) are skipped; a requirement of 0 is listed and always met. Unknown
 * keys are ignored. Requirements must be whole numbers from 0 to 99.
 */
export function checkRequirements(character: WithStats, requirements: Partial<Record<RequirementStat, number>> | undefined | null): RequirementCheck[] {
  const stats = statsOf(character);
  if (requirements === undefined || requirements === null) return [];
  if (typeof requirements !== 'object' || Array.isArray(requirements)) throw new TypeError('requirements must be an object such as { str: 12, dex: 10 }');
  const out: RequirementCheck[] = [];
  for (const { key, stat, label } of REQUIREMENT_STATS) {
    const required = requirements[key];
    if (required === undefined) continue;
    if (typeof required !== 'number') throw new TypeError(`requirement ${key} must be a number`);
    if (!Number.isInteger(required) || required < 0 || required > 99) throw new RangeError(`requirement ${key} must be a whole number from 0 to 99 (got ${required})`);
    const have = stats[stat];
    if (typeof have !== 'number' || !Number.isFinite(have)) throw new TypeError(`character ${stat} must be a number`);
    const met = have >= required;
    out.push({ stat: key, characterStat: stat, label, required, have, met, missing: met ? 0 : required - have });
  }
  return out;
}

/** True when every check is met (also for an item without requirements). */
export function allRequirementsMet(checks: readonly RequirementCheck[]): boolean {
  return checks.every((c) => c.met);
}

/** Whether the runes the character holds pay `price` (a whole number of runes, 0 or more). */
export function affordability(character: WithRunes, price: number): Affordability {
  if (character === null || typeof character !== 'object') throw new TypeError('character must be an object with runesHeld');
  const held = character.runesHeld;
  if (typeof held !== 'number' || !Number.isSafeInteger(held) || held < 0) throw new TypeError('character.runesHeld must be a whole number of runes');
  if (typeof price !== 'number') throw new TypeError('price must be a number');
  if (!Number.isSafeInteger(price) || price < 0) throw new RangeError(`price must be a whole number of runes, 0 or more (got ${price})`);
  const affordable = held >= price;
  return { price, held, affordable, shortfall: affordable ? 0 : price - held };
}

// ---------------------------------------------------------------------------------------------
// Buying from merchants

export interface PurchaseOffer {
  merchant: string;
  price: number;
  currency: string;
  /** Omitted = unlimited. */
  stock?: number;
}

export interface PurchaseLine {
  merchant: string;
  count: number;
  priceEach: number;
  runes: number;
}

export type PurchasePlan =
  | { ok: true; quantity: number; total: number; lines: PurchaseLine[] }
  /** No offer in runes at all: `offers` lists what the merchants take instead (may be empty). */
  | { ok: false; reason: 'not_for_runes'; offers: PurchaseOffer[] }
  /** Every rune offer has a known stock and together they hold fewer than asked. */
  | { ok: false; reason: 'stock'; available: number; quantity: number };

/**
 * The cheapest way to buy `quantity` (1 or more) from the merchants' rune offers: cheapest first (at equal
 * prices an unlimited offer first), each merchant up to its stock (per playthrough; what was already bought is not known here). Offers in other
 * currencies (remembrances, Dragon Hearts, Starlight Shards …) are not rune purchases.
 */
export function planPurchase(offers: readonly PurchaseOffer[] | undefined, quantity: number): PurchasePlan {
  if (typeof quantity !== 'number') throw new TypeError('quantity must be a number');
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a whole number, 1 or more (got ${quantity})`);
  const all = offers ?? [];
  if (!Array.isArray(all)) throw new TypeError('offers must be an array');
  const runeOffers = all
    .map((offer, index) => ({ offer, index }))
    .filter(({ offer }) => offer.currency === 'runes' && Number.isSafeInteger(offer.price) && offer.price >= 0)
    // Cheapest first; at the same price an unlimited offer first (fewer merchants to name), then data order.
    .sort((a, b) => a.offer.price - b.offer.price || Number(a.offer.stock !== undefined) - Number(b.offer.stock !== undefined) || a.index - b.index)
    .map(({ offer }) => offer);
  if (runeOffers.length === 0) return { ok: false, reason: 'not_for_runes', offers: all.filter((o) => o.currency !== 'runes') };
  const lines: PurchaseLine[] = [];
  let remaining = quantity;
  let total = 0;
  for (const offer of runeOffers) {
    if (remaining === 0) break;
    const count = offer.stock === undefined ? remaining : Math.min(remaining, Math.max(0, Math.floor(offer.stock)));
    if (count === 0) continue;
    const runes = count * offer.price;
    lines.push({ merchant: offer.merchant, count, priceEach: offer.price, runes });
    total += runes;
    remaining -= count;
  }
  if (remaining > 0) return { ok: false, reason: 'stock', available: quantity - remaining, quantity };
  return { ok: true, quantity, total, lines };
}
