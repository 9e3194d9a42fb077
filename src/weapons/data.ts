// Loads the attack-rating tables the bot uses: the param rows the game-data compiler writes from
// regulation 1.16.1 into data/attack-rating.json (five `{ columns, rows }` tables, column names =
// paramdef field names; its `$doc` explains them), plus the names and item keys of data/items.json.
// The one place that knows where the tables come from and how they are laid out: everything else in
// the core reads the interfaces of types.ts.
//
// Which forms a weapon has: EquipParamWeapon holds a row per affinity (base id + 100 × n) even for a
// few weapons the game never lets you infuse (Great Club, Troll's Hammer, Treespear, Serpentbone
// Blade); the game names the forms it offers, so a weapon takes affinities when the item data lists
// named affinity forms of it (its aliases), and then every affinity row it has is a form. Rows at other
// offsets (Inseparable Sword's +2000) are not affinities and are left out.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadItemData } from '../items/data.ts';
import { AFFINITY_LABELS, foldWords, parseAffinity } from './names.ts';
import { WeaponTables } from './tables.ts';
import {
  AFFINITIES,
  DAMAGE_TYPES,
  STATUS_TYPES,
  WEAPON_STATS,
  type Affinity,
  type AttackElementCorrect,
  type CalcCorrectGraph,
  type CurveTarget,
  type DamageType,
  type ReinforceLevel,
  type StatusEffect,
  type StatusType,
  type WeaponAffinityRow,
  type WeaponData,
  type WeaponStat,
  type WeaponTablesData,
} from './types.ts';

export const ATTACK_RATING_PATH = fileURLToPath(new URL('../../data/attack-rating.json', import.meta.url));

/** One compiled param table: column names (paramdef fields) and rows of values in column order. */
export interface CompiledTable {
  columns: string[];
  rows: (number | string | null)[][];
}

/** data/attack-rating.json. */
export interface AttackRatingFile {
  patch: string;
  weapons: CompiledTable;
  reinforce: CompiledTable;
  elementCorrect: CompiledTable;
  graphs: CompiledTable;
  status: CompiledTable;
}

/** What the loader needs of a data/items.json record (src/items/types.ts ItemRecord). */
export interface WeaponItem {
  key: string;
  paramId: number;
  name: string;
  category: string;
  dlc: boolean;
  aliases: readonly string[];
}

// Param field name parts, in the order of WEAPON_STATS / DAMAGE_TYPES.
const STAT_FIELD: Record<WeaponStat, string> = { strength: 'Strength', dexterity: 'Agility', intelligence: 'Magic', faith: 'Faith', arcane: 'Luck' };
/** AttackElementCorrectParam spells Agility "Dexterity". */
const ELEMENT_STAT_FIELD: Record<WeaponStat, string> = { ...STAT_FIELD, dexterity: 'Dexterity' };
const DAMAGE_FIELD: Record<DamageType, string> = { physical: 'Physics', magic: 'Magic', fire: 'Fire', lightning: 'Thunder', holy: 'Dark' };
const REINFORCE_RATE_FIELD: Record<DamageType, string> = { physical: 'physicsAtkRate', magic: 'magicAtkRate', fire: 'fireAtkRate', lightning: 'thunderAtkRate', holy: 'darkAtkRate' };
const CURVE_FIELD: Record<CurveTarget, string> = {
  physical: 'correctType_Physics',
  magic: 'correctType_Magic',
  fire: 'correctType_Fire',
  lightning: 'correctType_Thunder',
  holy: 'correctType_Dark',
  poison: 'correctType_Poison',
  bloodLoss: 'correctType_Blood',
  sleep: 'correctType_Sleep',
  madness: 'correctType_Madness',
};
const STATUS_FIELD: Record<StatusType, string> = {
  poison: 'poizonAttackPower',
  scarletRot: 'diseaseAttackPower',
  bloodLoss: 'bloodAttackPower',
  frost: 'freezeAttackPower',
  sleep: 'sleepAttackPower',
  madness: 'madnessAttackPower',
  deathBlight: 'curseAttackPower',
};

/** Affinity rows sit at base id + 100 × n (n = index in AFFINITIES); the base id is a multiple of this. */
const AFFINITY_STEP = 100;
const BASE_ID_STEP = 10_000;

/** A table's rows, each read by column name; a missing column is an error that says what to rebuild. */
function reader(table: CompiledTable, name: string): (row: CompiledTable['rows'][number], column: string) => number {
  const index = new Map(table.columns.map((column, i) => [column, i]));
  return (row, column) => {
    const i = index.get(column);
    if (i === undefined) throw new Error(`data/attack-rating.json: the ${name} table has no column ${column} (rebuild it with npm run build-data)`);
    const value = row[i];
    return typeof value === 'number' ? value : Number(value ?? 0);
  };
}

/** Only the values above 0 (absent = 0 in the core's interfaces). */
function positive<K extends string>(keys: readonly K[], value: (key: K) => number): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of keys) {
    const v = value(key);
    if (v > 0) out[key] = v;
  }
  return out;
}

/** The affinity an item alias names ("Fire Knight's Keen Greatsword", "Bloody Spear"): the words it adds to the weapon's own name. */
function affinityOfAlias(weaponName: string, alias: string): Affinity | undefined {
  const rest = foldWords(alias).split(' ');
  for (const word of foldWords(weaponName).split(' ')) {
    const at = rest.indexOf(word);
    if (at < 0) return undefined;
    rest.splice(at, 1);
  }
  return rest.length ? parseAffinity(rest.join(' ')) : undefined;
}

/** The game's names of a weapon's affinity forms, from its item aliases. */
export function affinityFormNames(item: Pick<WeaponItem, 'name' | 'aliases'>): Map<Affinity, string> {
  const names = new Map<Affinity, string>();
  for (const alias of item.aliases) {
    const affinity = affinityOfAlias(item.name, alias);
    if (affinity && affinity !== 'standard' && !names.has(affinity)) names.set(affinity, alias);
  }
  return names;
}

/** The core's tables from the compiled param rows and the weapon and shield records of the item data. */
export function weaponTablesFromCompiled(file: AttackRatingFile, items: readonly WeaponItem[]): WeaponTablesData {
  const w = reader(file.weapons, 'weapons');
  const rowsByBase = new Map<number, Map<number, CompiledTable['rows'][number]>>();
  for (const row of file.weapons.rows) {
    const id = w(row, 'id');
    const base = id - (id % BASE_ID_STEP);
    const offset = id - base;
    if (offset % AFFINITY_STEP !== 0 || offset / AFFINITY_STEP >= AFFINITIES.length) continue;
    const forms = rowsByBase.get(base) ?? new Map<number, CompiledTable['rows'][number]>();
    forms.set(offset / AFFINITY_STEP, row);
    rowsByBase.set(base, forms);
  }

  const affinityRow = (row: CompiledTable['rows'][number], affinity: Affinity | null, name: string): WeaponAffinityRow => {
    const curves: WeaponAffinityRow['curves'] = {};
    for (const [target, field] of Object.entries(CURVE_FIELD) as [CurveTarget, string][]) curves[target] = w(row, field);
    const effect = (slot: number) => Math.max(0, w(row, `spEffectBehaviorId${slot}`));
    return {
      affinity,
      name,
      attackBase: positive(DAMAGE_TYPES, (type) => w(row, `attackBase${DAMAGE_FIELD[type]}`)),
      correct: positive(WEAPON_STATS, (stat) => w(row, `correct${STAT_FIELD[stat]}`)),
      requirements: positive(WEAPON_STATS, (stat) => w(row, `proper${STAT_FIELD[stat]}`)),
      reinforceTypeId: w(row, 'reinforceTypeId'),
      attackElementCorrectId: w(row, 'attackElementCorrectId'),
      curves,
      statusEffectIds: [effect(0), effect(1), effect(2)],
    };
  };

  const weapons: WeaponData[] = [];
  const missing: string[] = [];
  for (const item of items) {
    if (item.category !== 'weapon' && item.category !== 'shield') continue;
    const forms = rowsByBase.get(item.paramId);
    const standard = forms?.get(0);
    if (!forms || !standard) {
      missing.push(item.name);
      continue;
    }
    const named = affinityFormNames(item);
    const rows: WeaponAffinityRow[] = named.size
      ? AFFINITIES.flatMap((affinity, n) => {
          const row = forms.get(n);
          if (!row) return [];
          const name = affinity === 'standard' ? item.name : (named.get(affinity) ?? `${AFFINITY_LABELS[affinity]} ${item.name}`);
          return [affinityRow(row, affinity, name)];
        })
      : [affinityRow(standard, null, item.name)];
    weapons.push({
      key: item.key,
      name: item.name,
      weaponType: w(standard, 'wepType'),
      paired: w(standard, 'isDualBlade') === 1,
      sorceryTool: w(standard, 'enableMagic') === 1,
      incantationTool: w(standard, 'enableMiracle') === 1,
      dlc: item.dlc,
      rows,
    });
  }
  if (missing.length) throw new Error(`data/attack-rating.json has no row for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (+${missing.length - 5} more)` : ''} (rebuild it with npm run build-data)`);

  // ReinforceParamWeapon: a path's levels are the rows reinforceTypeId + 0, 1, … as far as they go.
  const r = reader(file.reinforce, 'reinforce');
  const reinforceRows = new Map(file.reinforce.rows.map((row) => [r(row, 'id'), row]));
  const reinforceTypes: Record<string, ReinforceLevel[]> = {};
  for (const typeId of new Set(weapons.flatMap((weapon) => weapon.rows.map((row) => row.reinforceTypeId)))) {
    const levels: ReinforceLevel[] = [];
    for (let level = 0; reinforceRows.has(typeId + level); level++) {
      const row = reinforceRows.get(typeId + level)!;
      levels.push({
        attackRate: Object.fromEntries(DAMAGE_TYPES.map((type) => [type, r(row, REINFORCE_RATE_FIELD[type])])) as ReinforceLevel['attackRate'],
        correctRate: Object.fromEntries(WEAPON_STATS.map((stat) => [stat, r(row, `correct${STAT_FIELD[stat]}Rate`)])) as ReinforceLevel['correctRate'],
        statusEffectOffsets: [r(row, 'spEffectId1'), r(row, 'spEffectId2'), r(row, 'spEffectId3')],
      });
    }
    reinforceTypes[typeId] = levels;
  }

  // AttackElementCorrectParam: a flagged stat feeds the type; an overwrite rate (not −1) replaces its scaling.
  const e = reader(file.elementCorrect, 'elementCorrect');
  const attackElementCorrects: Record<string, AttackElementCorrect> = {};
  for (const row of file.elementCorrect.rows) {
    const entry = {} as AttackElementCorrect;
    for (const type of DAMAGE_TYPES) {
      const feeds: AttackElementCorrect[DamageType] = {};
      for (const stat of WEAPON_STATS) {
        if (e(row, `is${ELEMENT_STAT_FIELD[stat]}Correct_by${DAMAGE_FIELD[type]}`) !== 1) continue;
        const overwrite = e(row, `overwrite${ELEMENT_STAT_FIELD[stat]}CorrectRate_by${DAMAGE_FIELD[type]}`);
        feeds[stat] = overwrite >= 0 ? overwrite : true;
      }
      entry[type] = feeds;
    }
    attackElementCorrects[e(row, 'id')] = entry;
  }

  // CalcCorrectGraph: five stages; grow values are percent in the param.
  const g = reader(file.graphs, 'graphs');
  const calcCorrectGraphs: Record<string, CalcCorrectGraph> = {};
  for (const row of file.graphs.rows) {
    calcCorrectGraphs[g(row, 'id')] = [0, 1, 2, 3, 4].map((k) => ({ maxVal: g(row, `stageMaxVal${k}`), maxGrowVal: g(row, `stageMaxGrowVal${k}`) / 100, adjPt: g(row, `adjPt_maxGrowVal${k}`) })) as CalcCorrectGraph;
  }

  // SpEffectParam: buildup per status, rows that carry some.
  const s = reader(file.status, 'status');
  const statusEffects: Record<string, StatusEffect> = {};
  for (const row of file.status.rows) {
    const effect = positive(STATUS_TYPES, (type) => s(row, STATUS_FIELD[type]));
    if (Object.keys(effect).length) statusEffects[s(row, 'id')] = effect;
  }

  return {
    patch: file.patch,
    generatedFrom: 'data/attack-rating.json (compiled from the regulation), names and keys from data/items.json',
    weapons,
    reinforceTypes,
    attackElementCorrects,
    calcCorrectGraphs,
    statusEffects,
  };
}

let cached: WeaponTables | null | undefined;

/**
 * The tables, read and checked once; null when data/attack-rating.json or data/items.json is absent.
 * Other paths (tests) are read fresh each time.
 */
export function loadWeaponTables(paths: { attackRating?: string; items?: string } = {}): WeaponTables | null {
  const read = (): WeaponTables | null => {
    const attackPath = paths.attackRating ?? ATTACK_RATING_PATH;
    if (!existsSync(attackPath)) return null;
    const itemData = paths.items ? loadItemData(paths.items) : loadItemData();
    if (!itemData) return null;
    const file = JSON.parse(readFileSync(attackPath, 'utf8')) as AttackRatingFile;
    return new WeaponTables(weaponTablesFromCompiled(file, itemData.items));
  };
  if (paths.attackRating !== undefined || paths.items !== undefined) return read();
  if (cached === undefined) cached = read();
  return cached;
}
