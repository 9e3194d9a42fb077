// Shadow of the Erdtree records: names/ids from Impaler's Archive *_dlc01 FMGs, weapon numbers from
// TJC v1.14, other numbers from the Kaggle CSVs (licence unclear; every such field is marked in `sources`).
import path from 'node:path';
import type { Category, DamageKind, ScalingLetter, StatKey } from '../../src/items/types.ts';
import { readFmg } from './io.ts';
import { cleanName, isPlaceholderName, splitPlusLevel } from './names.ts';
import { scalingLetter } from './scaling.ts';
import { WEAPON_TYPES, dlcGoodsCategory } from './categories.ts';
import { isKaggleDlc, kaggleNumber, parsePyDict, type Kaggle, type KRow } from './kaggle.ts';
import { TJC_ATTACK_KINDS, type Tjc } from './tjc.ts';
import { PATCH_TJC, SRC, newDraft as newRecord, type Draft } from './model.ts';
import { naturalCompare } from './base.ts';

export interface DlcText {
  weapon: Map<number, string>;
  protector: Map<number, string>;
  accessory: Map<number, string>;
  goods: Map<number, string>;
  gem: Map<number, string>;
  goodsInfo: Map<number, string>; // read only for the rune numbers of rune items
}

export function loadDlcText(dir: string): DlcText {
  const p = (f: string) => readFmg(path.join(dir, `${f}_dlc01.fmg.xml`));
  return {
    weapon: p('WeaponName'),
    protector: p('ProtectorName'),
    accessory: p('AccessoryName'),
    goods: p('GoodsName'),
    gem: p('GemName'),
    goodsInfo: p('GoodsInfo'),
  };
}

function realName(map: Map<number, string>, id: number, fixes: Record<string, string>): string | null {
  const fixed = fixes[String(id)];
  if (fixed) return fixed;
  const n = map.get(id);
  if (isPlaceholderName(n)) return null;
  return cleanName(n as string);
}

function newDraft(category: Category, paramId: number, name: string, table: Draft['table']): Draft {
  return newRecord('dlc', category, paramId, name, table);
}

function addSource(d: Draft, s: string): void {
  if (!d.sources.includes(s)) d.sources.push(s);
}

const KAGGLE_STAT: Record<string, StatKey> = { Str: 'str', Dex: 'dex', Int: 'int', Fai: 'fai', Arc: 'arc' };

function kaggleRequirements(r: KRow): Partial<Record<StatKey, number>> | undefined {
  const req: Partial<Record<StatKey, number>> = {};
  for (const [k, v] of Object.entries(parsePyDict(r['requirements']))) {
    const stat = KAGGLE_STAT[k];
    if (stat && v > 0) req[stat] = v;
  }
  return Object.keys(req).length ? req : undefined;
}

const KAGGLE_DAMAGE: Record<string, string> = { standard: 'standard', slash: 'slash', strike: 'strike', pierce: 'pierce' };

function kaggleDamageTypes(s: string | undefined): string[] | undefined {
  if (!s) return undefined;
  const out: string[] = [];
  for (const part of s.split(/[/,]/)) {
    const k = KAGGLE_DAMAGE[part.trim().toLowerCase()];
    if (k && !out.includes(k)) out.push(k);
  }
  return out.length ? out : undefined;
}

function buildDlcWeapons(text: DlcText, tjc: Tjc, tjc1161: Tjc | null, kg: Kaggle, fixes: Record<string, string>): Draft[] {
  const out: Draft[] = [];
  for (const [id] of text.weapon) {
    if (id % 10_000 !== 0) continue;
    const name = realName(text.weapon, id, fixes);
    if (!name) continue;
    const aliases = new Set<string>();
    for (let off = 1; off < 10_000; off++) {
      const an = text.weapon.has(id + off) ? realName(text.weapon, id + off, fixes) : null;
      if (an && an !== name) aliases.add(an);
    }
    if (id >= 50_000_000 && id < 60_000_000) {
      const d = newDraft('ammo', id, name, 'weapon');
      const k = kg.get('items/ammos', name);
      if (k) {
        addSource(d, SRC.kaggle);
        const t = (k['type'] ?? '').trim();
        if (t) d.subcategory = t;
        const ap = parsePyDict(k['attack power']);
        const attack: Partial<Record<DamageKind, number>> = {};
        const map: [string, DamageKind][] = [
          ['Phy', 'physical'],
          ['Mag', 'magic'],
          ['Fire', 'fire'],
          ['Ligt', 'lightning'],
          ['Holy', 'holy'],
        ];
        for (const [kk, dk] of map) if ((ap[kk] ?? 0) > 0) attack[dk] = ap[kk] as number;
        if (Object.keys(attack).length) d.attack = attack;
        const dt = kaggleDamageTypes(k['damage type']);
        if (dt) d.damageTypes = dt;
      }
      if (!d.subcategory) d.subcategory = /Greatbolt|Ballista/i.test(name) ? 'Greatbolt' : /Great ?Arrow/i.test(name) ? 'Greatarrow' : /Bolt/.test(name) ? 'Bolt' : 'Arrow';
      out.push(d);
      continue;
    }
    const w = tjc.byName.get(name);
    const k = kg.get('weapons', name) ?? kg.get('shields', name);
    let wt = w ? WEAPON_TYPES[w.weaponType] : undefined;
    if (!wt) throw new Error(`DLC weapon ${id} ${name}: no TJC weapon type`);
    const d = newDraft(wt[0], id, name, 'weapon');
    d.subcategory = wt[1];
    if (w) {
      for (const v of tjc.variants.get(name) ?? []) aliases.add(v);
      addSource(d, SRC.tjc);
      d.patch = PATCH_TJC;
      const req: Partial<Record<StatKey, number>> = {};
      for (const [kk, v] of Object.entries(w.requirements)) if (v && v > 0) req[kk as StatKey] = v;
      if (Object.keys(req).length) d.requirements = req;
      const sc: Partial<Record<StatKey, ScalingLetter>> = {};
      for (const [attr, v] of w.attributeScaling) {
        const letter = scalingLetter(Math.round(v * 100));
        if (letter) sc[attr as StatKey] = letter;
      }
      if (Object.keys(sc).length) d.scaling = sc;
      const attack: Partial<Record<DamageKind, number>> = {};
      for (const [type, v] of w.attack) {
        const kind = TJC_ATTACK_KINDS[type];
        if (kind && v > 0) attack[kind] = v;
      }
      if (Object.keys(attack).length) d.attack = attack;
      const max = tjc.reinforceLevels.get(w.reinforceTypeId) ?? 0;
      d.upgrade = max === 25 ? 'regular' : max === 10 ? 'somber' : 'none';
    }
    if (k) {
      addSource(d, SRC.kaggle);
      const wgt = kaggleNumber(k['weight']);
      if (wgt !== undefined) d.weight = wgt;
      const dt = kaggleDamageTypes(k['damage type']);
      if (dt) d.damageTypes = dt;
      const skill = (k['skill'] ?? '').trim();
      if (skill && !/^(-|none|n\/a|no skill)$/i.test(skill)) d.skill = skill;
      if (!d.requirements) {
        const req = kaggleRequirements(k);
        if (req) d.requirements = req;
      }
    }
    // weight and critical: game-derived 1.16.1 file (matches erdb for all 377 base weapons) over the wiki scrape
    const w16 = tjc1161?.byName.get(name);
    if (w16 && typeof w16.weight === 'number') {
      d.weight = w16.weight;
      if (typeof w16.crit === 'number') d.critical = 100 + w16.crit;
      addSource(d, SRC.tjcPr);
    }
    d.aliases = [...aliases].sort(naturalCompare);
    out.push(d);
  }
  return out;
}

const ARMOR_SLOT_BY_DIGIT = ['Head', 'Chest', 'Arms', 'Legs'];
const KAGGLE_NEG: [string, string][] = [
  ['Phy', 'physical'],
  ['VS Str.', 'strike'],
  ['VS Sla.', 'slash'],
  ['VS Pie.', 'pierce'],
  ['Mag', 'magic'],
  ['Fir', 'fire'],
  ['Lit', 'lightning'],
  ['Hol', 'holy'],
];

function buildDlcArmor(text: DlcText, kg: Kaggle, fixes: Record<string, string>): Draft[] {
  const out: Draft[] = [];
  for (const [id] of text.protector) {
    const name = realName(text.protector, id, fixes);
    if (!name) continue;
    const d = newDraft('armor', id, name, 'protector');
    d.subcategory = ARMOR_SLOT_BY_DIGIT[Math.floor((id % 1000) / 100)] ?? 'Body';
    const k = kg.get('armors', name);
    if (k) {
      addSource(d, SRC.kaggle);
      d.weight = kaggleNumber(k['weight']);
      // the scrape spells the keys both "VS Str." and "VS Str": compare without dots
      const neg = new Map(Object.entries(parsePyDict(k['damage negation'])).map(([kk, v]) => [kk.replace(/\./g, ''), v]));
      const abs: Record<string, number> = {};
      for (const [kk, ours] of KAGGLE_NEG) {
        const v = neg.get(kk.replace(/\./g, ''));
        if (v !== undefined) abs[ours] = v;
      }
      if (Object.keys(abs).length === 8) d.absorption = abs;
      const res = parsePyDict(k['resistance']);
      if (res['Imm.'] !== undefined) {
        d.resistance = {
          immunity: res['Imm.'] ?? 0,
          robustness: res['Rob.'] ?? 0,
          focus: res['Foc.'] ?? 0,
          vitality: res['Vit.'] ?? 0,
        };
        if (res['Poi.'] !== undefined) d.poise = res['Poi.'];
      }
    }
    out.push(d);
  }
  return out;
}

function buildDlcTalismans(text: DlcText, kg: Kaggle, fixes: Record<string, string>): Draft[] {
  const out: Draft[] = [];
  for (const [id] of text.accessory) {
    const name = realName(text.accessory, id, fixes);
    if (!name) continue;
    const d = newDraft('talisman', id, name, 'accessory');
    const k = kg.get('talismans', name);
    if (k) {
      addSource(d, SRC.kaggle);
      const w = kaggleNumber(k['weight']);
      if (w !== undefined) d.weight = w;
    }
    out.push(d);
  }
  return out;
}

function buildDlcAshes(text: DlcText, kg: Kaggle, fixes: Record<string, string>): Draft[] {
  const out: Draft[] = [];
  for (const [id] of text.gem) {
    const name = realName(text.gem, id, fixes);
    if (!name) continue;
    const d = newDraft('ash_of_war', id, name, 'gem');
    const k = kg.get('ashesOfWar', name);
    const skill = (k?.['skill'] ?? '').trim() || name.replace(/^Ash(es)? of War:\s*/, '');
    if (k) addSource(d, SRC.kaggle);
    d.skill = skill;
    out.push(d);
  }
  return out;
}

function kaggleGoodsCategory(kg: Kaggle, name: string): Category | 'spell-sorcery' | 'spell-incantation' | undefined {
  const table: [string, Category | 'spell-sorcery' | 'spell-incantation'][] = [
    ['sorceries', 'spell-sorcery'],
    ['incantations', 'spell-incantation'],
    ['items/remembrances', 'remembrance'],
    ['items/greatRunes', 'great_rune'],
    ['items/bells', 'bell_bearing'],
    ['items/cookbooks', 'cookbook'],
    ['items/crystalTears', 'crystal_tear'],
    ['items/upgradeMaterials', 'upgrade_material'],
    ['items/tools', 'tool'],
    ['items/multi', 'tool'],
    ['items/keyItems', 'key_item'],
    ['items/materials', 'crafting_material'],
    ['items/consumables', 'consumable'],
  ];
  for (const [file, cat] of table) {
    const r = kg.get(file, name);
    if (r && isKaggleDlc(r)) return cat;
  }
  return undefined;
}

function buildDlcGoods(text: DlcText, kg: Kaggle, fixes: Record<string, string>): Draft[] {
  interface Cand {
    id: number;
    name: string;
  }
  const groups = new Map<string, Cand[]>();
  for (const [id] of text.goods) {
    const name = realName(text.goods, id, fixes);
    if (!name) continue;
    const gname = id >= 2_200_000 ? splitPlusLevel(name).base : name;
    const g = groups.get(gname);
    if (g) g.push({ id, name });
    else groups.set(gname, [{ id, name }]);
  }
  const out: Draft[] = [];
  for (const [gname, group] of groups) {
    group.sort((a, b) => (a.name === gname ? 0 : 1) - (b.name === gname ? 0 : 1) || a.id - b.id);
    const head = group[0] as Cand;
    let kind = dlcGoodsCategory(head.id, gname);
    if (kind === 'gesture') continue; // gestures are not items
    // the id ranges are coarse for consumables/tools/key items/materials: Kaggle's lists refine those only
    if (kind === 'spell-sorcery' || kind === 'spell-incantation') {
      const kk = kaggleGoodsCategory(kg, gname);
      if (kk === 'spell-sorcery' || kk === 'spell-incantation') kind = kk; // e.g. the rot sorceries sit in the incantation id range
    } else if (kind === 'consumable' || kind === 'tool' || kind === 'key_item' || kind === 'crafting_material') {
      const kk = kaggleGoodsCategory(kg, gname);
      if (kk && kk !== 'remembrance' && kk !== 'great_rune' && kk !== 'bell_bearing' && kk !== 'cookbook') kind = kk;
    }
    const category: Category =
      kind === 'spell-sorcery' ? 'sorcery' : kind === 'spell-incantation' ? 'incantation' : kind === 'spirit' ? 'spirit_ash' : kind;
    const d = newDraft(category, head.id, gname, 'goods');
    d.altIds = group.slice(1).map((c) => c.id);
    d.aliases = group
      .filter((c) => c.name !== gname)
      .map((c) => c.name)
      .sort(naturalCompare);
    fillDlcGoodsFacts(d, text, kg);
    out.push(d);
  }
  return out;
}

/** "Use to gain 7500 runes" -> 7500: only the number is taken from the info text. */
export function runeNumberFromInfo(info: string | undefined): number | undefined {
  if (!info) return undefined;
  const m = /gain\s+([\d,]+)\s+runes/i.exec(info);
  if (!m || m[1] === undefined) return undefined;
  const v = Number(m[1].replace(/,/g, ''));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

function fillDlcGoodsFacts(d: Draft, text: DlcText, kg: Kaggle): void {
  if (d.category === 'rune_item') {
    const v = runeNumberFromInfo(text.goodsInfo.get(d.paramId));
    if (v !== undefined) d.runeValue = v;
    return;
  }
  if (d.category === 'remembrance') {
    const k = kg.get('items/remembrances', d.name);
    const v = kaggleNumber(k?.['value']);
    if (k && v !== undefined && v > 0) {
      d.runeValue = v;
      addSource(d, SRC.kaggle);
    }
    return;
  }
  if (d.category === 'sorcery' || d.category === 'incantation') {
    const k = kg.get(d.category === 'sorcery' ? 'sorceries' : 'incantations', d.name);
    if (!k) return;
    addSource(d, SRC.kaggle);
    const fp = kaggleNumber(k['FP']);
    if (fp !== undefined) d.fpCost = fp;
    const st = kaggleNumber(k['stamina cost']);
    if (st !== undefined) d.stamina = st;
    const sl = kaggleNumber(k['slot']);
    if (sl !== undefined) d.slots = sl;
    const req: Partial<Record<StatKey, number>> = {};
    for (const [col, stat] of [
      ['INT', 'int'],
      ['FAI', 'fai'],
      ['ARC', 'arc'],
    ] as const) {
      const v = kaggleNumber(k[col]);
      if (v !== undefined && v > 0) req[stat] = v;
    }
    if (Object.keys(req).length) d.requirements = req;
    return;
  }
  if (d.category === 'spirit_ash') {
    const k = kg.get('spiritAshes', d.name);
    if (!k) return;
    addSource(d, SRC.kaggle);
    const fp = kaggleNumber(k['FP cost']);
    const hp = kaggleNumber(k['HP cost']);
    if (fp !== undefined && fp > 0) d.fpCost = fp;
    if (hp !== undefined && hp > 0) d.hpCost = hp;
  }
}

export function buildDlc(text: DlcText, tjc: Tjc, tjc1161: Tjc | null, kg: Kaggle, fixes: Record<string, string>): Draft[] {
  return [
    ...buildDlcWeapons(text, tjc, tjc1161, kg, fixes),
    ...buildDlcArmor(text, kg, fixes),
    ...buildDlcTalismans(text, kg, fixes),
    ...buildDlcAshes(text, kg, fixes),
    ...buildDlcGoods(text, kg, fixes),
  ];
}
