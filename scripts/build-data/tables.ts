// Compact tables for the next features, compiled from the regulation file: enemies (rune drops and
// places), boss rewards, and what the attack-rating formula reads (../shared/docs/attack-rating.md).
// Each table is { columns, rows }: one array per row, values in column order (documented in output.ts).
import fs from 'node:fs';
import type { Param } from '../regulation/param.ts';
import { cell, type Game } from './game.ts';
import { maxReinforceLevel, STATUS_FIELDS } from './equipment.ts';
import { f32 } from './values.ts';
import type { Draft } from './model.ts';

export interface Table {
  columns: string[];
  rows: (number | string | null)[][];
}

function numeric(p: Param, i: number, field: string): number {
  const f = p.field(field);
  const v = p.cell(i, f);
  if (typeof v !== 'number') throw new Error(`${p.name}.${field} is not numeric`);
  return f.type === 'f32' || f.type === 'angle32' ? f32(v) : v;
}

function tableOf(p: Param, ids: Iterable<number>, fields: readonly string[]): Table {
  const rows: (number | string | null)[][] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const i = p.index.get(id);
    if (i === undefined) continue;
    rows.push([id, ...fields.map((f) => numeric(p, i, f))]);
  }
  return { columns: ['id', ...fields], rows };
}

// ---------------------------------------------------------------- enemies and bosses

export interface EnemyPlace {
  location: string;
  name: string;
  boss: boolean;
  dlc: boolean;
}

/** enemy-data.tsv: Location, Name, Is Boss, Is DLC, ID (NpcParam row id), then figures we do not take. */
export function readEnemyPlaces(file: string): Map<number, EnemyPlace[]> {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const head = (lines[0] ?? '').split('\t');
  const col = (n: string) => {
    const k = head.indexOf(n);
    if (k < 0) throw new Error(`enemy-data.tsv: no "${n}" column`);
    return k;
  };
  const [cLoc, cName, cBoss, cDlc, cId] = [col('Location'), col('Name'), col('Is Boss'), col('Is DLC'), col('ID')];
  const out = new Map<number, EnemyPlace[]>();
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const c = line.split('\t');
    const id = Number(c[cId]);
    if (!Number.isInteger(id) || id <= 0) continue;
    const place: EnemyPlace = {
      location: (c[cLoc] ?? '').trim(),
      name: (c[cName] ?? '').trim(),
      boss: /^true$/i.test((c[cBoss] ?? '').trim()),
      dlc: /^true$/i.test((c[cDlc] ?? '').trim()),
    };
    const list = out.get(id) ?? [];
    if (!list.some((p) => p.location === place.location && p.name === place.name)) list.push(place);
    out.set(id, list);
  }
  return out;
}

export interface EnemyTable {
  places: string[];
  enemies: { id: number; name?: string; runes?: number; at?: [number, number][]; aka?: string[] }[];
  unnamed: number;
  joined: number; // enemy-table ids found in NpcParam
  unknownIds: number[]; // enemy-table ids that are not NpcParam rows
}

export function buildEnemies(game: Game, places: Map<number, EnemyPlace[]>): EnemyTable {
  const npc = game.param('NpcParam');
  const rowNames = game.rowNames('NpcParam');
  const placeNames = [...new Set([...places.values()].flat().map((p) => p.location))].sort((a, b) => a.localeCompare(b, 'en'));
  const placeIndex = new Map(placeNames.map((n, k) => [n, k]));
  const enemies: EnemyTable['enemies'] = [];
  let unnamed = 0;
  let joined = 0;
  for (let i = 0; i < npc.rowCount; i++) {
    const id = npc.ids[i] as number;
    if (npc.index.get(id) !== i) continue;
    const here = places.get(id) ?? [];
    if (here.length) joined++;
    const name = rowNames.get(id) ?? game.text.npcNames.get(cell(npc, i, 'nameId')) ?? here[0]?.name;
    const e: EnemyTable['enemies'][number] = { id };
    if (name) e.name = name;
    else unnamed++;
    const soul = cell(npc, i, 'getSoul');
    if (soul > 0) e.runes = soul;
    if (here.length) {
      e.at = here.map((p) => [placeIndex.get(p.location) as number, (p.boss ? 1 : 0) | (p.dlc ? 2 : 0)] as [number, number]);
      e.at.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const aka = [...new Set(here.map((p) => p.name).filter((n) => n && n !== name))].sort();
      if (aka.length) e.aka = aka;
    }
    enemies.push(e);
  }
  const unknownIds = [...places.keys()].filter((id) => !npc.has(id)).sort((a, b) => a - b);
  return { places: placeNames, enemies, unnamed, joined, unknownIds };
}

export interface BossRow {
  id: number;
  name?: string;
  single: number;
  multi: number;
}

export function buildBosses(game: Game): BossRow[] {
  const area = game.param('GameAreaParam');
  const names = game.rowNames('GameAreaParam');
  const out: BossRow[] = [];
  for (let i = 0; i < area.rowCount; i++) {
    const id = area.ids[i] as number;
    if (area.index.get(id) !== i) continue;
    const row: BossRow = { id, single: cell(area, i, 'bonusSoul_single'), multi: cell(area, i, 'bonusSoul_multi') };
    const n = names.get(id);
    if (n) row.name = n;
    out.push(row);
  }
  return out;
}

// ---------------------------------------------------------------- attack rating

const DAMAGE = ['Physics', 'Magic', 'Fire', 'Thunder', 'Dark'] as const;
const STAT_FIELDS = ['Strength', 'Agility', 'Magic', 'Faith', 'Luck'] as const;

export const WEAPON_COLUMNS = [
  'wepType',
  'weight',
  'reinforceTypeId',
  'attackElementCorrectId',
  ...DAMAGE.map((t) => `attackBase${t}`),
  ...STAT_FIELDS.map((s) => `correct${s}`),
  ...STAT_FIELDS.map((s) => `proper${s}`),
  ...[...DAMAGE, 'Poison', 'Blood', 'Sleep', 'Madness'].map((t) => `correctType_${t}`),
  'spEffectBehaviorId0',
  'spEffectBehaviorId1',
  'spEffectBehaviorId2',
  'isDualBlade',
  'enableMagic',
  'enableMiracle',
  'throwAtkRate',
  'physGuardCutRate',
  'magGuardCutRate',
  'fireGuardCutRate',
  'thunGuardCutRate',
  'darkGuardCutRate',
  'staminaGuardDef',
] as const;

export const REINFORCE_COLUMNS = [
  ...['physics', 'magic', 'fire', 'thunder', 'dark'].map((t) => `${t}AtkRate`),
  ...STAT_FIELDS.map((s) => `correct${s}Rate`),
  'spEffectId1',
  'spEffectId2',
  'spEffectId3',
  'reinforcePriceRate',
  ...['physics', 'magic', 'fire', 'thunder', 'dark'].map((t) => `${t}GuardCutRate`),
  'staminaGuardDefRate',
] as const;

export const GRAPH_COLUMNS = [
  ...[0, 1, 2, 3, 4].map((k) => `stageMaxVal${k}`),
  ...[0, 1, 2, 3, 4].map((k) => `stageMaxGrowVal${k}`),
  ...[0, 1, 2, 3, 4].map((k) => `adjPt_maxGrowVal${k}`),
] as const;

export interface AttackTables {
  weapons: Table;
  reinforce: Table;
  elementCorrect: Table;
  graphs: Table;
  status: Table;
}

/** Every EquipParamWeapon row (each affinity) of the weapons and shields in the item index. */
export function buildAttackTables(game: Game, drafts: readonly Draft[]): AttackTables {
  const w = game.param('EquipParamWeapon');
  const r = game.param('ReinforceParamWeapon');
  const sp = game.param('SpEffectParam');
  const bases = new Set<number>();
  for (const d of drafts) if (d.category === 'weapon' || d.category === 'shield') bases.add(d.paramId);

  const weaponRows: (number | string | null)[][] = [];
  const reinforceIds = new Set<number>();
  const elementIds = new Set<number>();
  const graphIds = new Set<number>([0, 6]); // the defaults for damage and status (attack-rating.md step 7)
  const statusIds = new Set<number>();
  for (let i = 0; i < w.rowCount; i++) {
    const id = w.ids[i] as number;
    if (!bases.has(id - (id % 10_000)) || w.index.get(id) !== i) continue;
    weaponRows.push([id, ...WEAPON_COLUMNS.map((c) => numeric(w, i, c))]);
    const typeId = cell(w, i, 'reinforceTypeId');
    const max = maxReinforceLevel(r, typeId);
    for (let lv = 0; lv <= max; lv++) reinforceIds.add(typeId + lv);
    elementIds.add(cell(w, i, 'attackElementCorrectId'));
    for (const t of [...DAMAGE, 'Poison', 'Blood', 'Sleep', 'Madness']) graphIds.add(cell(w, i, `correctType_${t}`));
    for (let n = 0; n < 3; n++) {
      const behavior = cell(w, i, `spEffectBehaviorId${n}`);
      if (behavior <= 0) continue;
      for (let lv = 0; lv <= max; lv++) {
        const ri = r.index.get(typeId + lv);
        const offset = ri === undefined ? 0 : cell(r, ri, `spEffectId${n + 1}`);
        if (sp.has(behavior + offset)) statusIds.add(behavior + offset);
      }
    }
  }
  const ae = game.param('AttackElementCorrectParam');
  const aeFields = ae.layout.fields.filter((f) => f.type !== 'dummy8').map((f) => f.name);
  return {
    weapons: { columns: ['id', ...WEAPON_COLUMNS], rows: weaponRows },
    reinforce: tableOf(r, reinforceIds, REINFORCE_COLUMNS),
    elementCorrect: tableOf(ae, elementIds, aeFields),
    graphs: tableOf(game.param('CalcCorrectGraph'), graphIds, GRAPH_COLUMNS),
    status: tableOf(sp, statusIds, STATUS_FIELDS.map(([, f]) => f)),
  };
}
