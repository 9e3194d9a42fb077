// Test-only adapter: ThomasJClark/elden-ring-weapon-calculator's regulation JSON
// (regulation-vanilla-v1.16.1.js, an unmerged pull request; see ../shared/docs/data-sources.md §2.3) →
// the calculator's own tables (src/weapons/types.ts), to cross-check the tables compiled from the
// regulation against an independent reading of the same params. The bot never reads this file. Rows are
// keyed by name there: each is matched to data/items.json by weapon name.

import fs from 'node:fs';
import {
  AFFINITIES,
  DAMAGE_TYPES,
  type AttackElementCorrect,
  type CalcCorrectGraph,
  type CurveTarget,
  type ReinforceLevel,
  type StatusEffect,
  type StatusType,
  type WeaponAffinityRow,
  type WeaponData,
  type WeaponStat,
  type WeaponTablesData,
} from '../../src/weapons/types.ts';

export const TJC_FILE_116 = new URL('../../../shared/data-sources/elden-ring-weapon-calculator/public/regulation-vanilla-v1.16.1.js', import.meta.url);

type TjcAttribute = 'str' | 'dex' | 'int' | 'fai' | 'arc';

interface TjcWeapon {
  name: string;
  weaponName: string;
  affinityId: number;
  weaponType: number;
  requirements: Partial<Record<TjcAttribute, number>>;
  attack: [number, number][];
  attributeScaling: [TjcAttribute, number][];
  statusSpEffectParamIds?: number[];
  reinforceTypeId: number;
  attackElementCorrectId: number;
  calcCorrectGraphIds: Record<string, number>;
  dlc?: boolean;
  paired?: boolean;
  sorceryTool?: boolean;
  incantationTool?: boolean;
}

interface TjcReinforceLevel {
  attack: Record<string, number>;
  attributeScaling: Record<TjcAttribute, number>;
  statusSpEffectId1?: number;
  statusSpEffectId2?: number;
  statusSpEffectId3?: number;
}

export interface TjcFile {
  calcCorrectGraphs: Record<string, { maxVal: number; maxGrowVal: number; adjPt: number }[]>;
  attackElementCorrects: Record<string, Record<string, Partial<Record<TjcAttribute, boolean | number>>>>;
  reinforceTypes: Record<string, TjcReinforceLevel[]>;
  statusSpEffectParams: Record<string, Record<string, number>>;
  weapons: TjcWeapon[];
}

/** The items players look weapons up by: data/items.json records of category weapon or shield. */
export interface WeaponItem {
  key: string;
  name: string;
  category: string;
}

const STAT_OF: Record<TjcAttribute, WeaponStat> = { str: 'strength', dex: 'dexterity', int: 'intelligence', fai: 'faith', arc: 'arcane' };
/** TJC's AttackPowerType numbers: 0–4 damage, 5–11 status. */
const STATUS_OF: Record<number, StatusType> = { 5: 'poison', 6: 'scarletRot', 7: 'bloodLoss', 8: 'frost', 9: 'sleep', 10: 'madness', 11: 'deathBlight' };
const CURVE_OF: Record<number, CurveTarget> = { 0: 'physical', 1: 'magic', 2: 'fire', 3: 'lightning', 4: 'holy', 5: 'poison', 7: 'bloodLoss', 9: 'sleep', 10: 'madness' };

/** TJC stores correct/100 (0.51): back to the param's percent, without float noise. */
function percent(fraction: number): number {
  return Math.round(fraction * 100 * 1e6) / 1e6;
}

export function readTjcFile(file: URL | string = TJC_FILE_116): TjcFile | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TjcFile;
}

function rowFrom(w: TjcWeapon): WeaponAffinityRow {
  const attackBase: WeaponAffinityRow['attackBase'] = {};
  for (const [type, value] of w.attack) {
    const damage = DAMAGE_TYPES[type];
    if (damage && value > 0) attackBase[damage] = value;
  }
  const correct: WeaponAffinityRow['correct'] = {};
  for (const [attribute, value] of w.attributeScaling) if (value > 0) correct[STAT_OF[attribute]] = percent(value);
  const requirements: WeaponAffinityRow['requirements'] = {};
  for (const [attribute, value] of Object.entries(w.requirements) as [TjcAttribute, number][]) if (value > 0) requirements[STAT_OF[attribute]] = value;
  const curves: WeaponAffinityRow['curves'] = {};
  for (const [type, id] of Object.entries(w.calcCorrectGraphIds)) {
    const target = CURVE_OF[Number(type)];
    if (target) curves[target] = id;
  }
  const ids = w.statusSpEffectParamIds ?? [];
  return {
    affinity: w.affinityId < 0 ? null : AFFINITIES[w.affinityId]!,
    name: w.name,
    attackBase,
    correct,
    requirements,
    reinforceTypeId: w.reinforceTypeId,
    attackElementCorrectId: w.attackElementCorrectId,
    curves,
    statusEffectIds: [ids[0] ?? 0, ids[1] ?? 0, ids[2] ?? 0],
  };
}

function reinforceFrom(levels: TjcReinforceLevel[]): ReinforceLevel[] {
  return levels.map((level) => ({
    attackRate: { physical: level.attack['0'] ?? 1, magic: level.attack['1'] ?? 1, fire: level.attack['2'] ?? 1, lightning: level.attack['3'] ?? 1, holy: level.attack['4'] ?? 1 },
    correctRate: {
      strength: level.attributeScaling.str,
      dexterity: level.attributeScaling.dex,
      intelligence: level.attributeScaling.int,
      faith: level.attributeScaling.fai,
      arcane: level.attributeScaling.arc,
    },
    statusEffectOffsets: [level.statusSpEffectId1 ?? 0, level.statusSpEffectId2 ?? 0, level.statusSpEffectId3 ?? 0],
  }));
}

function elementCorrectFrom(row: Record<string, Partial<Record<TjcAttribute, boolean | number>>>): AttackElementCorrect {
  const out = {} as AttackElementCorrect;
  DAMAGE_TYPES.forEach((type, index) => {
    const feeds: AttackElementCorrect[DamageType] = {};
    for (const [attribute, flag] of Object.entries(row[String(index)] ?? {}) as [TjcAttribute, boolean | number][]) {
      if (flag === true) feeds[STAT_OF[attribute]] = true;
      else if (typeof flag === 'number' && flag > 0) feeds[STAT_OF[attribute]] = percent(flag);
    }
    out[type] = feeds;
  });
  return out;
}
type DamageType = (typeof DAMAGE_TYPES)[number];

export interface AdapterReport {
  /** TJC weapon names with no item of that name (e.g. "Unarmed"). */
  unmatchedRows: string[];
  /** Items with no TJC rows. */
  itemsWithoutRows: string[];
}

/** The calculator's tables from TJC's file, for the weapons and shields in `items` (matched by name). */
export function tablesFromTjc(tjc: TjcFile, items: readonly WeaponItem[], patch = '1.16.1'): { file: WeaponTablesData; report: AdapterReport } {
  const rowsByName = new Map<string, TjcWeapon[]>();
  for (const w of tjc.weapons) {
    const list = rowsByName.get(w.weaponName) ?? [];
    list.push(w);
    rowsByName.set(w.weaponName, list);
  }
  const weapons: WeaponData[] = [];
  const itemsWithoutRows: string[] = [];
  const matched = new Set<string>();
  for (const item of items) {
    if (item.category !== 'weapon' && item.category !== 'shield') continue;
    const rows = rowsByName.get(item.name);
    if (!rows) {
      itemsWithoutRows.push(item.name);
      continue;
    }
    matched.add(item.name);
    const sorted = [...rows].sort((a, b) => a.affinityId - b.affinityId);
    const first = sorted[0]!;
    weapons.push({
      key: item.key,
      name: item.name,
      weaponType: first.weaponType,
      paired: Boolean(first.paired),
      sorceryTool: Boolean(first.sorceryTool),
      incantationTool: Boolean(first.incantationTool),
      dlc: Boolean(first.dlc),
      rows: sorted.map(rowFrom),
    });
  }
  const used = { reinforce: new Set<number>(), elements: new Set<number>(), status: new Set<number>() };
  for (const weapon of weapons) {
    for (const row of weapon.rows) {
      used.reinforce.add(row.reinforceTypeId);
      used.elements.add(row.attackElementCorrectId);
    }
  }
  const reinforceTypes: Record<string, ReinforceLevel[]> = {};
  for (const id of [...used.reinforce].sort((a, b) => a - b)) reinforceTypes[id] = reinforceFrom(tjc.reinforceTypes[id] ?? []);
  const attackElementCorrects: Record<string, AttackElementCorrect> = {};
  for (const id of [...used.elements].sort((a, b) => a - b)) attackElementCorrects[id] = elementCorrectFrom(tjc.attackElementCorrects[id] ?? {});
  const calcCorrectGraphs: Record<string, CalcCorrectGraph> = {};
  for (const [id, stages] of Object.entries(tjc.calcCorrectGraphs)) {
    calcCorrectGraphs[id] = stages.map((s) => ({ maxVal: s.maxVal, maxGrowVal: s.maxGrowVal, adjPt: s.adjPt })) as CalcCorrectGraph;
  }
  const statusEffects: Record<string, StatusEffect> = {};
  for (const [id, row] of Object.entries(tjc.statusSpEffectParams)) {
    const effect: StatusEffect = {};
    for (const [type, value] of Object.entries(row)) {
      const status = STATUS_OF[Number(type)];
      if (status && value > 0) effect[status] = value;
    }
    if (Object.keys(effect).length) statusEffects[id] = effect;
  }
  const unmatchedRows = [...rowsByName.keys()].filter((name) => !matched.has(name));
  return {
    file: {
      patch,
      generatedFrom: 'provisional: ThomasJClark/elden-ring-weapon-calculator public/regulation-vanilla-v1.16.1.js (pull request 66), matched to data/items.json by name',
      weapons,
      reinforceTypes,
      attackElementCorrects,
      calcCorrectGraphs,
      statusEffects,
    },
    report: { unmatchedRows, itemsWithoutRows },
  };
}
