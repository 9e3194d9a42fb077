// Everything the compiler reads, loaded once: the regulation file (every number), the English text
// (names only: erdb's 1.10 FMGs for the base game, Impaler's Archive for the DLC) and the community row
// names (merchant labels, enemy and boss names).
import fs from 'node:fs';
import path from 'node:path';
import { openRegulation, type Regulation } from '../regulation/regulation.ts';
import type { Param } from '../regulation/param.ts';
import { readFmg, readParamCsv } from './io.ts';
import { cleanName, isPlaceholderName } from './names.ts';
import type { SourcePaths } from './sources.ts';

export type TextKind = 'weapon' | 'protector' | 'accessory' | 'goods' | 'gem';

export interface GameText {
  base: Record<TextKind, Map<number, string>>;
  dlc: Record<TextKind, Map<number, string>>;
  /** Skill names by text id (SwordArtsParam.textId): ArtsName_dlc01 (DLC), else erdb's 1.10 SwordArtsParam Row Names (base game, where textId = row id). */
  skills: Map<number, string>;
  /** NpcName_dlc01 by NpcParam.nameId (the base-game NpcName text is not in the sources). */
  npcNames: Map<number, string>;
}

export interface Game {
  reg: Regulation;
  patch: string;
  text: GameText;
  /** Community row names by param and row id (Smithbox "Param Row Names", English). */
  rowNames: (param: string) => ReadonlyMap<number, string>;
  param: (name: string) => Param;
}

const FMG_FILES: Record<TextKind, string> = {
  weapon: 'WeaponName',
  protector: 'ProtectorName',
  accessory: 'AccessoryName',
  goods: 'GoodsName',
  gem: 'GemName',
};

function realNames(m: Map<number, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [id, n] of m) if (!isPlaceholderName(n)) out.set(id, cleanName(n));
  return out;
}

export function loadText(p: SourcePaths): GameText {
  const base = {} as Record<TextKind, Map<number, string>>;
  const dlc = {} as Record<TextKind, Map<number, string>>;
  for (const [k, f] of Object.entries(FMG_FILES) as [TextKind, string][]) {
    base[k] = realNames(readFmg(path.join(p.erdb, `${f}.fmg.xml`)));
    dlc[k] = realNames(readFmg(path.join(p.impalers, `${f}_dlc01.fmg.xml`)));
  }
  const skills = new Map<number, string>();
  const arts = readParamCsv(path.join(p.erdb, 'SwordArtsParam.csv'));
  for (const row of arts.rows) {
    const n = row['Row Name'];
    if (n && !isPlaceholderName(n)) skills.set(Number(row['Row ID']), cleanName(n));
  }
  for (const [id, n] of realNames(readFmg(path.join(p.impalers, 'ArtsName_dlc01.fmg.xml')))) skills.set(id, n);
  const npcNames = realNames(readFmg(path.join(p.impalers, 'NpcName_dlc01.fmg.xml')));
  return { base, dlc, skills, npcNames };
}

interface RowNameFile {
  Entries?: { ID: number; Entries?: string[] }[];
}

/** Every param the compiler reads: each is read through its paramdef before anything else is done. */
export const PARAMS_READ = [
  'EquipParamWeapon',
  'EquipParamCustomWeapon',
  'EquipParamProtector',
  'EquipParamAccessory',
  'EquipParamGoods',
  'EquipParamGem',
  'EquipMtrlSetParam',
  'Magic',
  'SwordArtsParam',
  'ReinforceParamWeapon',
  'ShopLineupParam',
  'SpEffectParam',
  'NpcParam',
  'GameAreaParam',
  'AttackElementCorrectParam',
  'CalcCorrectGraph',
] as const;

export function loadGame(p: SourcePaths, opts: { acceptVersions?: number[] } = {}): Game {
  const reg = openRegulation(p.regulation, p.defs, opts.acceptVersions ? { acceptVersions: opts.acceptVersions } : {});
  for (const name of PARAMS_READ) reg.param(name); // a missing or unfitting paramdef stops the build here
  const text = loadText(p);
  const cache = new Map<string, Map<number, string>>();
  const rowNames = (param: string) => {
    let m = cache.get(param);
    if (m) return m;
    m = new Map();
    const f = path.join(p.rowNames, `${param}.json`);
    if (fs.existsSync(f)) {
      const doc = JSON.parse(fs.readFileSync(f, 'utf8')) as RowNameFile;
      for (const e of doc.Entries ?? []) {
        const n = e.Entries?.[0]?.trim();
        if (n) m.set(e.ID, cleanName(n));
      }
    }
    cache.set(param, m);
    return m;
  };
  return { reg, patch: reg.patch, text, rowNames, param: (name) => reg.param(name) };
}

/** A numeric cell by field name; a missing row or field is a compiler bug, so it throws. */
export function cell(p: Param, i: number, field: string): number {
  const v = p.cell(i, p.field(field));
  if (typeof v !== 'number') throw new Error(`${p.name}.${field} is not numeric`);
  return v;
}

/** The same by row id, or `fallback` when the row is absent. */
export function cellOf(p: Param, id: number, field: string, fallback = 0): number {
  const i = p.index.get(id);
  return i === undefined ? fallback : cell(p, i, field);
}
