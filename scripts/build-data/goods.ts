// Goods (consumables, tools, materials, key items, runes, tears, ...), spells and spirit ashes, base game
// and DLC alike, every number from the regulation file: EquipParamGoods, Magic (spells), SpEffectParam
// (rune values, effects and their durations).
import type { Category, StatKey } from '../../src/items/types.ts';
import { cell, type Game } from './game.ts';
import { goodsTypeCategory, isRuneItemName, keyItemCategory } from './categories.ts';
import { addRow, newDraft, type Draft } from './model.ts';
import { cleanName, foldName, isPlaceholderName, splitPlusLevel, stripRowNamePrefix } from './names.ts';
import { namedRows } from './equipment.ts';
import type { EffectCollector } from './effects.ts';
import { f32 } from './values.ts';

/** Goods that look like items but are not inventory items in normal play. */
const CUT_GOODS = new Set(['Lands Between Rune']);
/** EquipParamGoods.sortGroupId of gestures (Bow, Wave, …): not items. */
const GESTURE_SORT_GROUP = 250;
/** refCategory value meaning "refId is an SpEffectParam row". */
export const REF_SPEFFECT = 2;

interface Candidate {
  id: number;
  i: number; // row index
  name: string;
  dlc: boolean;
  kind: NonNullable<ReturnType<typeof goodsTypeCategory>>;
}

function goodsCategory(game: Game, c: Candidate): Category {
  const g = game.param('EquipParamGoods');
  switch (c.kind) {
    case 'spell-sorcery':
      return 'sorcery';
    case 'spell-incantation':
      return 'incantation';
    case 'spirit':
      return 'spirit_ash';
    case 'consumable':
      if (isRuneItemName(c.name)) return 'rune_item';
      if (/Great Rune$/.test(c.name) && !/^Phantom/.test(c.name)) return 'great_rune'; // Miquella's Great Rune
      return cell(g, c.i, 'isConsume') ? 'consumable' : 'tool';
    case 'key_item':
      return keyItemCategory(c.name);
    default:
      return c.kind;
  }
}

export function buildGoods(game: Game, fx: EffectCollector, fixes: Record<string, string>): Draft[] {
  const g = game.param('EquipParamGoods');
  // 1. candidates: named, not gestures, not unused rows
  const cands: Candidate[] = [];
  for (const { i, id, ...n } of namedRows(game, g, 'goods', fixes)) {
    if (cell(g, i, 'sortGroupId') === GESTURE_SORT_GROUP) continue;
    if (CUT_GOODS.has(n.name)) continue;
    const kind = goodsTypeCategory(cell(g, i, 'goodsType'));
    if (!kind) continue;
    cands.push({ id, i, name: n.name, dlc: n.dlc, kind });
  }
  // 2. group: spirit ashes and flasks by base name (+N levels are aliases), others by exact name
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const gname = c.kind === 'spirit' || /^Flask of /.test(c.name) ? splitPlusLevel(c.name).base : c.name;
    const key = `${c.kind === 'spell-sorcery' || c.kind === 'spell-incantation' ? 'spell' : 'goods'}|${c.dlc ? 'dlc' : 'base'}|${gname}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const out: Draft[] = [];
  for (const [key, group] of groups) {
    const gname = key.slice(key.indexOf('|', key.indexOf('|') + 1) + 1);
    // canonical row: the one named exactly gname with the lowest id, preferring the restored great rune
    const sorted = [...group].sort((a, b) => {
      const ea = a.name === gname ? 0 : 1;
      const eb = b.name === gname ? 0 : 1;
      if (ea !== eb) return ea - eb;
      const ga = a.kind === 'great_rune' ? 0 : 1;
      const gb = b.kind === 'great_rune' ? 0 : 1;
      if (ga !== gb) return ga - gb;
      return a.id - b.id;
    });
    const head = sorted[0] as Candidate;
    const category = goodsCategory(game, head);
    const d = newDraft({ category, paramId: head.id, name: gname, table: 'goods', dlc: head.dlc, patch: game.patch });
    d.altIds = sorted.slice(1).map((c) => c.id);
    d.aliases = [...new Set(group.filter((c) => c.name !== gname).map((c) => c.name))];
    // an official alternative spelling: the community row name where it differs from the game text
    // (e.g. an earlier patch's name, "Terra Magicus"); goods only, equipment row names are labels
    const rn = game.rowNames('EquipParamGoods').get(head.id);
    const alt = rn ? cleanName(stripRowNamePrefix(rn)) : '';
    if (alt && !isPlaceholderName(alt) && foldName(alt) !== foldName(gname)) d.aliases.push(alt);
    fillGoodsFacts(game, d, head.i, fx);
    out.push(d);
  }
  return out;
}

function fillGoodsFacts(game: Game, d: Draft, i: number, fx: EffectCollector): void {
  const g = game.param('EquipParamGoods');
  const sp = game.param('SpEffectParam');
  const w = f32(cell(g, i, 'weight'));
  if (w > 0) d.weight = w;
  const maxNum = cell(g, i, 'maxNum');
  if (maxNum > 0) d.maxHeld = maxNum;
  const maxRep = cell(g, i, 'maxRepositoryNum');
  if (maxRep > 0) d.maxStored = maxRep;

  // the item's effect (refCategory 2 = an SpEffectParam row)
  const ref = cell(g, i, 'refCategory') === REF_SPEFFECT ? cell(g, i, 'refId_default') : -1;
  const si = ref > 0 ? sp.index.get(ref) : undefined;
  const isSpell = d.category === 'sorcery' || d.category === 'incantation';
  if (si !== undefined && !isSpell && d.category !== 'spirit_ash') {
    if (fx.add(ref)) d.effects = [ref];
    addRow(d, `SpEffectParam:${ref}`);
    const endurance = cell(sp, si, 'effectEndurance');
    if (endurance > 0) d.duration = Math.round(endurance * 1000) / 1000;
  }

  const sell = cell(g, i, 'sellValue');
  if (d.category === 'rune_item' || d.category === 'remembrance') {
    // the runes gained on use are the effect's `soul` (equal to sellValue in every file so far)
    const soul = si !== undefined ? cell(sp, si, 'soul') : 0;
    if (soul > 0) d.runeValue = soul;
    else if (sell > 0) d.runeValue = sell;
  } else if (sell > 0) d.sellValue = sell;

  if (isSpell) {
    const magic = game.param('Magic');
    const mi = magic.index.get(d.paramId);
    if (mi !== undefined) {
      addRow(d, `Magic:${d.paramId}`);
      d.fpCost = cell(magic, mi, 'mp');
      d.stamina = cell(magic, mi, 'stamina');
      d.slots = cell(magic, mi, 'slotLength');
      const req: Partial<Record<StatKey, number>> = {};
      const int = cell(magic, mi, 'requirementIntellect');
      const fai = cell(magic, mi, 'requirementFaith');
      const arc = cell(magic, mi, 'requirementLuck');
      if (int > 0) req.int = int;
      if (fai > 0) req.fai = fai;
      if (arc > 0) req.arc = arc;
      if (Object.keys(req).length) d.requirements = req;
    }
  }

  if (d.category === 'spirit_ash') {
    d.subcategory = cell(g, i, 'goodsType') === 8 ? 'Renowned Spirit Ash' : 'Spirit Ash';
    const mp = cell(g, i, 'consumeMP');
    const hp = cell(g, i, 'consumeHP');
    if (mp > 0) d.fpCost = mp;
    if (hp > 0) d.hpCost = hp;
    // each level row names the next one (reinforceGoodsId) and the runes that step costs (reinforcePrice)
    const costs: number[] = [];
    let row = i;
    const seen = new Set<number>();
    while (costs.length < 10) {
      const nextId = cell(g, row, 'reinforceGoodsId');
      const price = cell(g, row, 'reinforcePrice');
      const next = g.index.get(nextId);
      if (nextId <= 0 || next === undefined || price <= 0 || seen.has(nextId)) break;
      seen.add(nextId);
      costs.push(price);
      row = next;
    }
    if (costs.length) {
      d.upgradeCosts = costs;
      d.upgradePrice = costs[0];
      addRow(d, `EquipParamGoods:${d.paramId}-${d.paramId + costs.length}`);
    }
  }
}
