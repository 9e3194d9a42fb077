// Merchant offers from ShopLineupParam (base game only; no DLC shop param dump exists in the sources).
import type { ShopOffer } from '../../src/items/types.ts';
import { num } from './io.ts';
import { cleanName, splitBracketPrefix } from './names.ts';
import type { BaseTables } from './base.ts';
import type { Draft } from './model.ts';

/** ShopLineupParam.equipType -> the EquipParam table that equipId refers to. */
const EQUIP_TABLE: Record<number, Draft['table']> = { 0: 'weapon', 1: 'protector', 2: 'accessory', 3: 'goods', 4: 'gem' };

/** Readable merchant names for the Row Name bracket prefixes (Paramdex labels). */
const MERCHANT_NAMES: Record<string, string> = {
  'Merchant Kale': 'Merchant Kalé',
  'D, Hunter of The Dead': 'D, Hunter of the Dead',
  Miriel: 'Miriel, Pastor of Vows',
  'Dragon Communion': 'Cathedral of Dragon Communion',
};

export interface MerchantLabel {
  merchant: string;
  unlock?: string;
}

/**
 * Turn a Row Name bracket prefix into a merchant and an unlock condition.
 * "Twin Maiden Husks - Somberstone Miner's Bell Bearing [2]" -> Twin Maiden Husks, unlocked by that bell bearing;
 * "Merchant - North Limgrave" -> "Nomadic Merchant (North Limgrave)"; "Enia - Radahn" -> Finger Reader Enia.
 * Returns null for prefixes that are not shops (Alteration/Reversion of armour, remembrance duplication…).
 */
export function merchantFromPrefix(prefix: string): MerchantLabel | null {
  const p = cleanName(prefix);
  if (p === 'Alteration' || p === 'Reversion' || p === 'Incantation' || p === 'Sorcery') return null;
  const dash = p.indexOf(' - ');
  const head = dash >= 0 ? p.slice(0, dash) : p;
  const tail = dash >= 0 ? p.slice(dash + 3) : undefined;
  if (head === 'Merchant' && tail) return { merchant: `Nomadic Merchant (${tail})` };
  if (/^(Isolated|Hermit|Imprisoned|Abandoned) Merchant$/.test(head) && tail) return { merchant: `${head} (${tail})` };
  if (head === 'Enia') {
    if (tail === 'Forging') return null; // remembrance duplication, not a sale
    return tail ? { merchant: 'Finger Reader Enia', unlock: `after defeating ${tail}` } : { merchant: 'Finger Reader Enia' };
  }
  if (/^Remembrance of |^Elden Remembrance$/.test(head)) return { merchant: 'Finger Reader Enia' };
  const merchant = MERCHANT_NAMES[head] ?? head;
  if (!tail || tail === 'Quest') return { merchant };
  if (/ Quest$/.test(tail)) return { merchant, unlock: `${tail.replace(/ Quest$/, '')}'s quest` };
  if (/Bell Bearing|Scroll|Prayerbook|Principia/.test(tail)) return { merchant, unlock: tail };
  return { merchant, unlock: tail };
}

/** Currency of a shop row: costType 0 runes, 1 Dragon Heart, 2 Starlight Shards, 3 Lost Ashes of War?; remembrance trades. */
function currencyOf(costType: number, prefix: string): string | null {
  if (/^Remembrance of |^Elden Remembrance$/.test(prefix)) return cleanName(prefix).replace('of The ', 'of the ');
  switch (costType) {
    case 0:
      return 'runes';
    case 1:
      return 'Dragon Heart';
    case 2:
      return 'Starlight Shards';
    default:
      return null;
  }
}

export function attachShops(t: BaseTables, drafts: Draft[], warnings: string[]): void {
  const byTableId = new Map<string, Draft>();
  for (const d of drafts) {
    if (d.dlc || d.table === 'none') continue;
    byTableId.set(`${d.table}:${d.paramId}`, d);
    for (const a of d.altIds) byTableId.set(`${d.table}:${a}`, d);
  }
  let attached = 0;
  for (const row of t.shop.rows) {
    const id = num(row, 'Row ID');
    if (id < 100_000 || id >= 102_000) continue; // merchant shops live in 100000-101999
    const { prefix } = splitBracketPrefix(row['Row Name'] ?? '');
    if (!prefix) continue; // rows without a merchant label cannot be attributed
    const label = merchantFromPrefix(prefix);
    if (!label) continue;
    const currency = currencyOf(num(row, 'costType'), prefix);
    if (!currency) continue;
    const price = num(row, 'value');
    const isTrade = currency !== 'runes';
    if (price <= 0 && !isTrade) continue;
    const table = EQUIP_TABLE[num(row, 'equipType')];
    const target = table ? byTableId.get(`${table}:${num(row, 'equipId')}`) : undefined;
    if (!target) {
      warnings.push(`shop row ${id} ${row['Row Name']}: item ${row['equipType']}:${row['equipId']} not in the index`);
      continue;
    }
    const stock = num(row, 'sellQuantity', -1);
    // A remembrance trade costs the one remembrance: the row's `value` is not a count of it (it reads
    // 20000 on some rows), and the trade takes no runes in the game.
    const isRemembranceTrade = /Remembrance/.test(currency);
    const offer: ShopOffer = { merchant: label.merchant, price: isRemembranceTrade ? 1 : price > 0 ? price : 1, currency };
    if (stock > 0) offer.stock = stock;
    if (label.unlock) offer.unlock = label.unlock;
    const list = target.shop ?? [];
    const sig = JSON.stringify(offer);
    if (!list.some((o) => JSON.stringify(o) === sig)) {
      list.push(offer);
      attached++;
    }
    target.shop = list;
  }
  for (const d of drafts) {
    if (!d.shop) continue;
    d.shop.sort((a, b) => a.merchant.localeCompare(b.merchant) || a.price - b.price || (a.unlock ?? '').localeCompare(b.unlock ?? ''));
    if (!d.sources.includes('erdb@1.10.0')) d.sources.push('erdb@1.10.0');
  }
  if (attached === 0) warnings.push('no shop offers attached');
}
