// Merchant offers from ShopLineupParam (1.16.1, base game and DLC). The param does not say who sells a
// row: the community row names do for most blocks ("[Twin Maiden Husks] ...", "[Enia - Radahn] ...").
// Blocks without a merchant in their row names are attributed only where a public page names the seller
// (the page is kept in the offer's `cite`); otherwise the offer says "a merchant in the Land of Shadow".
import type { ShopOffer } from '../../src/items/types.ts';
import { cell, type Game } from './game.ts';
import { cleanName, splitBracketPrefix } from './names.ts';
import { addRow, type Draft } from './model.ts';

/** ShopLineupParam.equipType -> the EquipParam table that equipId refers to (5: a custom weapon, see below). */
const EQUIP_TABLE: Record<number, Draft['table']> = { 0: 'weapon', 1: 'protector', 2: 'accessory', 3: 'goods', 4: 'gem' };
const EQUIP_CUSTOM_WEAPON = 5;
/** EquipMtrlSetParam.materialCate: the material is a goods row. */
const GOODS_MATERIAL = 4;
const ENIA = 'Finger Reader Enia';

/** Merchant lineups: 100000-101999 base game, 102000-102999 added with the DLC (Shadow of the Erdtree). */
export const SHOP_RANGE = { from: 100_000, to: 102_999, dlcFrom: 102_000 } as const;

export const UNNAMED_DLC_MERCHANT = 'a merchant in the Land of Shadow';
export const UNNAMED_BASE_MERCHANT = 'a merchant in the Lands Between';

/**
 * DLC blocks whose row names give no merchant. A block is attributed only with a public source that
 * names who sells an item of it; the page is stored with each offer.
 */
export const DLC_BLOCKS: readonly { from: number; to: number; merchant: string; cite?: string; why?: string }[] = [
  {
    from: 102_250,
    to: 102_266,
    merchant: 'Moore',
    cite: 'https://dnyuz.com/?p=2256177',
    why: 'Moore, at the Main Gate Cross, sells consumables and the note on sealed spiritsprings (this block holds Note: Sealed Spiritsprings)',
  },
  { from: 102_270, to: 102_282, merchant: UNNAMED_DLC_MERCHANT, why: 'no public source found that names the seller' },
  {
    from: 102_300,
    to: 102_308,
    merchant: 'Count Ymir, High Priest',
    cite: 'https://acugppep.pages.dev/posts/how-to-get-fleeting-microcosm-in-elden-ring-shadow-of-the-erdtree',
    why: 'Fleeting Microcosm is bought from Count Ymir for 20,000 runes (row 102303 of this block)',
  },
  {
    from: 102_350,
    to: 102_355,
    merchant: 'Grand Altar of Dragon Communion',
    cite: 'https://lostsupperlovefeast.com/what-to-do-with-the-heart-of-bayle-in-shadow-of-the-erdtree',
    why: "the flame at the Grand Altar trades Bayle's Tyranny and Bayle's Flame Lightning for the Heart of Bayle (rows 102350-102351)",
  },
];

/** Readable merchant names for Row Name bracket prefixes. */
const MERCHANT_NAMES: Record<string, string> = {
  'Merchant Kale': 'Merchant Kalé',
  'D, Hunter of The Dead': 'D, Hunter of the Dead',
  'D Hunter of The Dead': 'D, Hunter of the Dead',
  'Pidia Carian Servant': 'Pidia, Carian Servant',
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
 * Returns null for prefixes that are not a merchant (Alteration/Reversion of armour, remembrance
 * duplication, the spell categories of unnamed blocks).
 */
export function merchantFromPrefix(prefix: string): MerchantLabel | null {
  const p = cleanName(prefix);
  if (p === 'Alteration' || p === 'Reversion' || p === 'Incantation' || p === 'Sorcery') return null;
  const dash = p.indexOf(' - ');
  const head = dash >= 0 ? p.slice(0, dash) : p;
  const tail = dash >= 0 ? p.slice(dash + 3) : undefined;
  // "Caelid (Aeonia Swamp)" -> "Caelid, Aeonia Swamp" inside the merchant's parentheses
  if (head === 'Merchant' && tail) return { merchant: `Nomadic Merchant (${tail.replace(/\s*\(([^)]*)\)/, ', $1')})` };
  if (/^(Isolated|Hermit|Imprisoned|Abandoned) Merchant$/.test(head) && tail) return { merchant: `${head} (${tail})` };
  if (head === 'Enia') {
    if (tail === 'Forging') return null; // remembrance duplication, not a sale
    return tail ? { merchant: 'Finger Reader Enia', unlock: `after defeating ${tail}` } : { merchant: 'Finger Reader Enia' };
  }
  if (/^Remembrance of |^Elden Remembrance$/.test(head)) return { merchant: 'Finger Reader Enia' };
  const merchant = MERCHANT_NAMES[head] ?? head;
  if (!tail || tail === 'Quest') return { merchant };
  if (/ Quest$/.test(tail)) return { merchant, unlock: `${tail.replace(/ Quest$/, '')}'s quest` };
  return { merchant, unlock: tail };
}

/**
 * Currency of a shop row by costType: 0 runes, 1 Dragon Heart, 2 Starlight Shards (the base game's uses);
 * 5 Heart of Bayle (rows 102350-102351, the trade cited in DLC_BLOCKS). Remembrance trades are named by the
 * row's prefix. Null: an unknown currency (the row is reported, not guessed).
 */
export function currencyOf(costType: number, prefix: string | null): string | null {
  if (prefix && /^Remembrance of |^Elden Remembrance$/.test(prefix)) return cleanName(prefix).replace('of The ', 'of the ');
  switch (costType) {
    case 0:
      return 'runes';
    case 1:
      return 'Dragon Heart';
    case 2:
      return 'Starlight Shards';
    case 5:
      return 'Heart of Bayle';
    default:
      return null;
  }
}

export interface ShopReport {
  attached: number;
  byBlock: { from: number; to: number; merchant: string; cite?: string; why?: string; rows: number }[];
  /** rows attached with a generic merchant ("a merchant in the Lands Between / Land of Shadow"): no row name or source names one */
  unattributed: { row: number; name: string; merchant: string }[];
  skipped: { row: number; name: string; why: string }[];
  /** lineup rows outside the merchant ranges (alterations, duplication, blocks no row name gives a merchant): not attached */
  outsideMerchantRanges: { from: number; to: number; rows: number }[];
}

/** The merchant of a lineup row, from its row name or its block. */
function labelOf(id: number, rowName: string): { label: MerchantLabel | null; prefix: string | null; cite?: string; why?: string } {
  const { prefix } = splitBracketPrefix(rowName);
  if (prefix) {
    const label = merchantFromPrefix(prefix);
    if (label) return { label, prefix };
    // a category prefix ("[Sorcery] ...") in an attributed DLC block
    if (!/^(Sorcery|Incantation)$/.test(cleanName(prefix))) return { label: null, prefix, why: `prefix "${prefix}" is not a merchant` };
  }
  const block = DLC_BLOCKS.find((b) => id >= b.from && id <= b.to);
  if (block) return { label: { merchant: block.merchant }, prefix, ...(block.cite ? { cite: block.cite } : {}) };
  if (id >= SHOP_RANGE.dlcFrom) return { label: { merchant: UNNAMED_DLC_MERCHANT }, prefix };
  return { label: { merchant: UNNAMED_BASE_MERCHANT }, prefix };
}

/**
 * Unlock conditions the 1.16.1 row names no longer spell out: the 1.10 row names (erdb) gave them per
 * sale-unlock flag ("[Twin Maiden Husks - Smithing-Stone Miner's Bell Bearing [1]]"); a 1.16.1 row of the
 * same merchant with the same eventFlag_forRelease gets that unlock.
 */
export function unlocksByFlag(rows: readonly { name: string; flag: number }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (!r.flag) continue;
    const { prefix } = splitBracketPrefix(r.name);
    const label = prefix ? merchantFromPrefix(prefix) : null;
    if (label?.unlock && /Bell Bearing/.test(label.unlock)) out.set(`${label.merchant}|${r.flag}`, label.unlock);
  }
  return out;
}

export function attachShops(game: Game, drafts: Draft[], unlocks: ReadonlyMap<string, string> = new Map()): ShopReport {
  const shop = game.param('ShopLineupParam');
  const custom = game.param('EquipParamCustomWeapon');
  const materials = game.param('EquipMtrlSetParam');
  const remembrances = new Map<number, string>();
  for (const d of drafts) {
    if (d.category !== 'remembrance' || d.table !== 'goods') continue;
    for (const id of [d.paramId, ...d.altIds]) remembrances.set(id, d.name);
  }
  /** The remembrance a lineup row's material set asks for (its first material, a goods row), if any. */
  const remembranceOf = (mtrlId: number): string | undefined => {
    const mi = mtrlId > 0 ? materials.index.get(mtrlId) : undefined;
    if (mi === undefined || cell(materials, mi, 'materialCate01') !== GOODS_MATERIAL) return undefined;
    return remembrances.get(cell(materials, mi, 'materialId01'));
  };
  const names = game.rowNames('ShopLineupParam');
  const byTableId = new Map<string, Draft>();
  for (const d of drafts) {
    byTableId.set(`${d.table}:${d.paramId}`, d);
    for (const a of d.altIds) byTableId.set(`${d.table}:${a}`, d);
  }
  const report: ShopReport = {
    attached: 0,
    byBlock: DLC_BLOCKS.map((b) => ({ ...b, rows: 0 })),
    unattributed: [],
    skipped: [],
    outsideMerchantRanges: [],
  };
  for (let i = 0; i < shop.rowCount; i++) {
    const id = shop.ids[i] as number;
    if (shop.index.get(id) !== i) continue;
    if (id < SHOP_RANGE.from || id > SHOP_RANGE.to) {
      // group by thousand-block for the report
      const from = id - (id % 1000);
      const last = report.outsideMerchantRanges[report.outsideMerchantRanges.length - 1];
      if (last && last.from === from) {
        last.to = id;
        last.rows++;
      } else report.outsideMerchantRanges.push({ from, to: id, rows: 1 });
      continue;
    }
    const rowName = names.get(id) ?? '';
    const skip = (why: string) => report.skipped.push({ row: id, name: rowName, why });
    const named = labelOf(id, rowName);
    const { prefix, cite } = named;
    // A trade paid with a remembrance names it in the params: mtrlId -> EquipMtrlSetParam, whose first
    // material is the remembrance (goods). Finger Reader Enia makes every such trade, whatever the row
    // name says (the Dancing Lion's two rows are labelled as the Twin Maiden Husks').
    const paidWith = remembranceOf(cell(shop, i, 'mtrlId'));
    const label = paidWith ? { merchant: ENIA } : named.label;
    if (!label) {
      skip(named.why ?? 'not a sale');
      continue;
    }
    const currency = paidWith ?? currencyOf(cell(shop, i, 'costType'), prefix);
    if (!currency) {
      skip(`unknown currency (costType ${cell(shop, i, 'costType')})`);
      continue;
    }
    const price = cell(shop, i, 'value');
    const isTrade = currency !== 'runes';
    if (price <= 0 && !isTrade) {
      skip(price === 0 ? 'price 0' : `price ${price}`);
      continue;
    }
    let equipType = cell(shop, i, 'equipType');
    let equipId = cell(shop, i, 'equipId');
    if (equipType === EQUIP_CUSTOM_WEAPON) {
      // a weapon with a preset ash of war: the offer belongs to the base weapon
      const ci = custom.index.get(equipId);
      equipType = 0;
      equipId = ci === undefined ? -1 : cell(custom, ci, 'baseWepId');
      equipId -= equipId % 10_000;
    }
    const table = EQUIP_TABLE[equipType];
    const target = table ? byTableId.get(`${table}:${equipId}`) : undefined;
    if (!target) {
      skip(`item ${equipType}:${equipId} is not in the index`);
      continue;
    }
    const stock = cell(shop, i, 'sellQuantity');
    // A remembrance trade costs the one remembrance: the row's `value` is not a count of it, and the
    // trade takes no runes in the game.
    const isRemembranceTrade = paidWith !== undefined || /Remembrance/.test(currency);
    const offer: ShopOffer = { merchant: label.merchant, price: isRemembranceTrade ? 1 : price > 0 ? price : 1, currency };
    if (stock > 0) offer.stock = stock;
    const unlock = label.unlock ?? unlocks.get(`${label.merchant}|${cell(shop, i, 'eventFlag_forRelease')}`);
    if (unlock) offer.unlock = unlock;
    if (cite) offer.cite = cite;
    const list = target.shop ?? [];
    const sig = JSON.stringify(offer);
    if (!list.some((o) => JSON.stringify(o) === sig)) {
      list.push(offer);
      report.attached++;
    }
    target.shop = list;
    addRow(target, `ShopLineupParam:${id}`);
    if (label.merchant === UNNAMED_BASE_MERCHANT || label.merchant === UNNAMED_DLC_MERCHANT) {
      report.unattributed.push({ row: id, name: rowName, merchant: label.merchant });
    }
    const block = report.byBlock.find((b) => id >= b.from && id <= b.to);
    if (block) block.rows++;
  }
  for (const d of drafts) {
    if (!d.shop) continue;
    d.shop.sort((a, b) => a.merchant.localeCompare(b.merchant) || a.price - b.price || (a.unlock ?? '').localeCompare(b.unlock ?? ''));
  }
  return report;
}
