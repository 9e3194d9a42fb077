// Base-game records from the erdb 1.10.0 params and English FMG names.
import path from 'node:path';
import type { Category, DamageKind, ScalingLetter, StatKey } from '../../src/items/types.ts';
import { num, readFmg, readParamCsv, type ParamRow, type ParamTable } from './io.ts';
import { cleanName, foldName, isPlaceholderName, splitPlusLevel, stripRowNamePrefix } from './names.ts';
import { scalingLetter, upgradeCosts } from './scaling.ts';
import { ARMOR_SLOTS, WEAPON_TYPES, baseGoodsCategory, isRuneItemName, keyItemCategory } from './categories.ts';
import { newDraft as newRecord, type Draft } from './model.ts';

export interface BaseTables {
  weapon: ParamTable;
  protector: ParamTable;
  accessory: ParamTable;
  goods: ParamTable;
  gem: ParamTable;
  magic: ParamTable;
  swordArts: ParamTable;
  reinforce: ParamTable;
  shop: ParamTable;
  names: {
    weapon: Map<number, string>;
    protector: Map<number, string>;
    accessory: Map<number, string>;
    goods: Map<number, string>;
    gem: Map<number, string>;
  };
}

export function loadBaseTables(dir: string): BaseTables {
  const p = (f: string) => path.join(dir, f);
  return {
    weapon: readParamCsv(p('EquipParamWeapon.csv')),
    protector: readParamCsv(p('EquipParamProtector.csv')),
    accessory: readParamCsv(p('EquipParamAccessory.csv')),
    goods: readParamCsv(p('EquipParamGoods.csv')),
    gem: readParamCsv(p('EquipParamGem.csv')),
    magic: readParamCsv(p('Magic.csv')),
    swordArts: readParamCsv(p('SwordArtsParam.csv')),
    reinforce: readParamCsv(p('ReinforceParamWeapon.csv')),
    shop: readParamCsv(p('ShopLineupParam.csv')),
    names: {
      weapon: readFmg(p('WeaponName.fmg.xml')),
      protector: readFmg(p('ProtectorName.fmg.xml')),
      accessory: readFmg(p('AccessoryName.fmg.xml')),
      goods: readFmg(p('GoodsName.fmg.xml')),
      gem: readFmg(p('GemName.fmg.xml')),
    },
  };
}

function realName(map: Map<number, string>, id: number): string | null {
  const n = map.get(id);
  if (isPlaceholderName(n)) return null;
  return cleanName(n as string);
}

function newDraft(category: Category, paramId: number, name: string, table: Draft['table']): Draft {
  return newRecord('base', category, paramId, name, table);
}

function positive(n: number): number | undefined {
  return n > 0 ? n : undefined;
}

/** An affinity-variant weapon name ("Heavy Uchigatana", "Lordsworn's Keen Straight Sword", "Carian Knight's Bloody Shield"). */
export function isAffinityName(name: string): boolean {
  return /\b(Heavy|Keen|Quality|Fire|Flame Art|Lightning|Sacred|Magic|Cold|Poison|Blood|Bloody|Occult)\b/.test(name);
}

/**
 * Official alternative spelling of a goods item: the param Row Name when it differs from the FMG name beyond
 * case/diacritics (e.g. an earlier patch's name). Used for goods only: equipment Row Names are community labels.
 */
function rowNameAlias(row: ParamRow, name: string): string[] {
  const rn = cleanName(stripRowNamePrefix(row['Row Name'] ?? ''));
  if (!rn || isPlaceholderName(rn)) return [];
  if (foldName(rn) === foldName(name)) return [];
  return [rn];
}

export function skillName(t: BaseTables, swordArtsId: number): string | undefined {
  if (swordArtsId < 0) return undefined;
  const row = t.swordArts.byId.get(swordArtsId);
  const n = row?.['Row Name'];
  if (!n || isPlaceholderName(n) || n === 'No Skill') return undefined;
  return cleanName(n);
}

/** Max upgrade level of a reinforce type: consecutive ReinforceParamWeapon rows after the +0 row (≤ 25). */
export function maxReinforceLevel(t: BaseTables, typeId: number): number {
  let n = 0;
  while (n < 25 && t.reinforce.byId.has(typeId + n + 1)) n++;
  return n;
}

const STATS: readonly [StatKey, string, string][] = [
  ['str', 'correctStrength', 'properStrength'],
  ['dex', 'correctAgility', 'properAgility'],
  ['int', 'correctMagic', 'properMagic'],
  ['fai', 'correctFaith', 'properFaith'],
  ['arc', 'correctLuck', 'properLuck'],
];

const ATTACK: readonly [DamageKind, string][] = [
  ['physical', 'attackBasePhysics'],
  ['magic', 'attackBaseMagic'],
  ['fire', 'attackBaseFire'],
  ['lightning', 'attackBaseThunder'],
  ['holy', 'attackBaseDark'],
];

function weaponDraft(t: BaseTables, row: ParamRow, id: number, name: string, category: Category, sub: string): Draft {
  const d = newDraft(category, id, name, 'weapon');
  d.subcategory = sub;
  d.weight = num(row, 'weight');
  d.sellValue = positive(num(row, 'sellValue'));
  const attack: Partial<Record<DamageKind, number>> = {};
  for (const [k, f] of ATTACK) {
    const v = num(row, f);
    if (v > 0) attack[k] = v;
  }
  if (Object.keys(attack).length) d.attack = attack;
  const dmg: string[] = [];
  if (num(row, 'isNormalAttackType')) dmg.push('standard');
  if (num(row, 'isSlashAttackType')) dmg.push('slash');
  if (num(row, 'isBlowAttackType')) dmg.push('strike');
  if (num(row, 'isThrustAttackType')) dmg.push('pierce');
  if (dmg.length) d.damageTypes = dmg;
  if (category === 'ammo') return d;

  const req: Partial<Record<StatKey, number>> = {};
  const sc: Partial<Record<StatKey, ScalingLetter>> = {};
  for (const [k, c, p] of STATS) {
    const r = num(row, p);
    if (r > 0) req[k] = r;
    const letter = scalingLetter(num(row, c));
    if (letter) sc[k] = letter;
  }
  if (Object.keys(req).length) d.requirements = req;
  if (Object.keys(sc).length) d.scaling = sc;
  d.critical = 100 + num(row, 'throwAtkRate');
  const skill = skillName(t, num(row, 'swordArtsParamId', -1));
  if (skill) d.skill = skill;

  const typeId = num(row, 'reinforceTypeId');
  const max = maxReinforceLevel(t, typeId);
  d.upgrade = max === 25 ? 'regular' : max === 10 ? 'somber' : 'none';
  if (max !== 0 && max !== 10 && max !== 25) throw new Error(`${name}: unexpected max upgrade level ${max}`);
  const price = num(row, 'reinforcePrice');
  if (max > 0 && price > 0) {
    d.upgradePrice = price;
    d.upgradeCosts = upgradeCosts(price, typeId, max, (rid) => {
      const r = t.reinforce.byId.get(rid);
      return r ? num(r, 'reinforcePriceRate') : undefined;
    });
  }
  return d;
}

function buildWeapons(t: BaseTables): Draft[] {
  const out: Draft[] = [];
  for (const row of t.weapon.rows) {
    const id = num(row, 'Row ID');
    if (id < 1_000_000 || id % 10_000 !== 0) continue; // affinity/level rows and Unarmed
    const name = realName(t.names.weapon, id);
    if (!name) continue;
    const wt = WEAPON_TYPES[num(row, 'wepType')];
    if (!wt) throw new Error(`weapon ${id} ${name}: unknown wepType ${row['wepType']}`);
    const d = weaponDraft(t, row, id, name, wt[0], wt[1]);
    // affinity variants: named rows id+1 .. id+9999 (e.g. "Heavy Uchigatana")
    const aliases = new Set<string>();
    for (let off = 1; off < 10_000; off++) {
      if (!t.weapon.byId.has(id + off)) continue;
      const an = realName(t.names.weapon, id + off);
      if (an && an !== name && isAffinityName(an)) aliases.add(an);
    }
    d.aliases = [...aliases];
    out.push(d);
  }
  return out;
}

const BARE_SLOT_NAMES = new Set(['Head', 'Body', 'Arms', 'Legs']);

function buildArmor(t: BaseTables): Draft[] {
  const out: Draft[] = [];
  for (const row of t.protector.rows) {
    const id = num(row, 'Row ID');
    const name = realName(t.names.protector, id);
    if (!name || BARE_SLOT_NAMES.has(name)) continue; // "Head", "Body", …: the unequipped-slot rows
    const slot = ARMOR_SLOTS[num(row, 'protectorCategory')];
    if (!slot) continue;
    const d = newDraft('armor', id, name, 'protector');
    d.subcategory = slot;
    d.weight = num(row, 'weight');
    d.sellValue = positive(num(row, 'sellValue'));
    d.absorption = armorAbsorption(row);
    d.resistance = {
      immunity: num(row, 'resistPoison'),
      robustness: num(row, 'resistBlood'),
      focus: num(row, 'resistSleep'),
      vitality: num(row, 'resistCurse'),
    };
    d.poise = Math.round(num(row, 'toughnessCorrectRate') * 1000 * 10) / 10;
    out.push(d);
  }
  return out;
}

export function armorAbsorption(row: ParamRow): Record<string, number> {
  const pct = (f: string) => Math.round((1 - num(row, f, 1)) * 1000) / 10;
  return {
    physical: pct('neutralDamageCutRate'),
    strike: pct('blowDamageCutRate'),
    slash: pct('slashDamageCutRate'),
    pierce: pct('thrustDamageCutRate'),
    magic: pct('magicDamageCutRate'),
    fire: pct('fireDamageCutRate'),
    lightning: pct('thunderDamageCutRate'),
    holy: pct('darkDamageCutRate'),
  };
}

function buildTalismans(t: BaseTables): Draft[] {
  const out: Draft[] = [];
  for (const row of t.accessory.rows) {
    const id = num(row, 'Row ID');
    const name = realName(t.names.accessory, id);
    if (!name) continue;
    const d = newDraft('talisman', id, name, 'accessory');
    d.weight = num(row, 'weight');
    d.sellValue = positive(num(row, 'sellValue'));
    out.push(d);
  }
  return out;
}

function buildAshesOfWar(t: BaseTables): Draft[] {
  const out: Draft[] = [];
  for (const row of t.gem.rows) {
    const id = num(row, 'Row ID');
    const name = realName(t.names.gem, id);
    if (!name) continue;
    const d = newDraft('ash_of_war', id, name, 'gem');
    d.sellValue = positive(num(row, 'sellValue'));
    const skill = skillName(t, num(row, 'swordArtsParamId', -1));
    if (skill) d.skill = skill;
    out.push(d);
  }
  return out;
}

interface GoodsCandidate {
  id: number;
  name: string;
  row: ParamRow;
  kind: ReturnType<typeof baseGoodsCategory>;
}

/** Goods that look like items but are not real inventory items in normal play. */
const CUT_GOODS = new Set(['Lands Between Rune']);

function buildGoods(t: BaseTables, toolNames: ReadonlySet<string>): Draft[] {
  // 1. candidates: named, not gestures, not cut (sortId 999999 marks unused/duplicate rows)
  const cands: GoodsCandidate[] = [];
  for (const row of t.goods.rows) {
    const id = num(row, 'Row ID');
    const name = realName(t.names.goods, id);
    if (!name) continue;
    if (num(row, 'sortGroupId') === 250) continue; // gestures (Bow, Wave, …): not items
    if (num(row, 'sortId') === 999_999) continue; // unused copies / cut items
    if (CUT_GOODS.has(name)) continue;
    const kind = baseGoodsCategory(num(row, 'goodsType'));
    if (!kind) continue;
    cands.push({ id, name, row, kind });
  }
  // 2. group: spirit ashes and flasks by base name (+N levels are aliases), others by exact name
  const groups = new Map<string, GoodsCandidate[]>();
  for (const c of cands) {
    let gname = c.name;
    if (c.kind === 'spirit' || /^Flask of /.test(c.name)) gname = splitPlusLevel(c.name).base;
    const key = `${c.kind === 'spell-sorcery' || c.kind === 'spell-incantation' ? 'spell' : 'goods'}|${gname}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const out: Draft[] = [];
  for (const [key, group] of groups) {
    const gname = key.slice(key.indexOf('|') + 1);
    // canonical row: the one named exactly gname with the lowest id, preferring consumable (usable) rows
    const sorted = [...group].sort((a, b) => {
      const ea = a.name === gname ? 0 : 1;
      const eb = b.name === gname ? 0 : 1;
      if (ea !== eb) return ea - eb;
      // great runes: the restored (goodsType 15) row is the one players hold and use
      const ga = a.kind === 'great_rune' ? 0 : 1;
      const gb = b.kind === 'great_rune' ? 0 : 1;
      if (ga !== gb) return ga - gb;
      return a.id - b.id;
    });
    const head = sorted[0] as GoodsCandidate;
    const category = goodsCategory(head, toolNames);
    const d = newDraft(category, head.id, gname, 'goods');
    d.altIds = sorted.slice(1).map((c) => c.id);
    const aliases = new Set<string>();
    for (const c of group) if (c.name !== gname) aliases.add(c.name);
    for (const a of rowNameAlias(head.row, gname)) aliases.add(a);
    d.aliases = [...aliases].sort(naturalCompare);
    fillGoodsFacts(t, d, head.row, sorted);
    out.push(d);
  }
  return out;
}

function goodsCategory(c: GoodsCandidate, toolNames: ReadonlySet<string>): Category {
  switch (c.kind) {
    case 'spell-sorcery':
      return 'sorcery';
    case 'spell-incantation':
      return 'incantation';
    case 'spirit':
      return 'spirit_ash';
    case 'consumable': {
      if (isRuneItemName(c.name)) return 'rune_item';
      if (toolNames.has(foldName(c.name))) return 'tool';
      return num(c.row, 'isConsume') ? 'consumable' : 'tool';
    }
    case 'key_item':
      return keyItemCategory(c.name);
    case null:
      throw new Error('unreachable');
    default:
      return c.kind;
  }
}

function fillGoodsFacts(t: BaseTables, d: Draft, row: ParamRow, group: GoodsCandidate[]): void {
  const w = num(row, 'weight');
  if (w > 0) d.weight = w;
  const sell = num(row, 'sellValue');
  if (d.category === 'rune_item' || d.category === 'remembrance') {
    if (sell > 0) d.runeValue = sell; // sellValue == SpEffectParam.soul for these (mechanics.md §4)
  } else if (sell > 0) d.sellValue = sell;

  if (d.category === 'sorcery' || d.category === 'incantation') {
    const m = t.magic.byId.get(d.paramId);
    if (m) {
      d.fpCost = num(m, 'mp');
      d.stamina = num(m, 'stamina');
      d.slots = num(m, 'slotLength');
      const req: Partial<Record<StatKey, number>> = {};
      const i = num(m, 'requirementIntellect');
      const f = num(m, 'requirementFaith');
      const a = num(m, 'requirementLuck');
      if (i > 0) req.int = i;
      if (f > 0) req.fai = f;
      if (a > 0) req.arc = a;
      if (Object.keys(req).length) d.requirements = req;
    }
  }
  if (d.category === 'spirit_ash') {
    d.subcategory = num(row, 'goodsType') === 8 ? 'Renowned Spirit Ash' : 'Spirit Ash';
    const mp = num(row, 'consumeMP');
    const hp = num(row, 'consumeHP');
    if (mp > 0) d.fpCost = mp;
    if (hp > 0) d.hpCost = hp;
    // rune cost of +n -> +n+1 is the reinforcePrice of the +n row
    const byLevel = new Map<number, ParamRow>();
    for (const c of group) byLevel.set(splitPlusLevel(c.name).level, c.row);
    const costs: number[] = [];
    for (let lv = 0; lv < 10; lv++) {
      const r = byLevel.get(lv);
      const p = r ? num(r, 'reinforcePrice') : 0;
      if (p <= 0) break;
      costs.push(p);
    }
    if (costs.length) {
      d.upgradeCosts = costs;
      d.upgradePrice = costs[0];
    }
  }
}

export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' });
}

export function buildBase(t: BaseTables, toolNames: ReadonlySet<string>): Draft[] {
  return [
    ...buildWeapons(t),
    ...buildArmor(t),
    ...buildTalismans(t),
    ...buildAshesOfWar(t),
    ...buildGoods(t, toolNames),
  ];
}
