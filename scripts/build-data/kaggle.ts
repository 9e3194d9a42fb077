// The Kaggle "Ultimate Elden Ring with Shadow of the Erdtree DLC" CSVs (hakkache mirror): DLC gap filler only.
// Only names, category membership and numbers are read. The description/effect/location text columns are never used.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { foldName } from './names.ts';

export type KRow = Record<string, string>;

export interface Kaggle {
  /** file stem (e.g. "armors", "items/tools") -> folded name -> rows */
  files: Map<string, Map<string, KRow[]>>;
  get(file: string, name: string): KRow | undefined;
  has(file: string, name: string): boolean;
}

/** Fold a Kaggle name for matching: drops their oddities such as " Variant", "(2)" and "Golden Rune [3] 3". */
export function kaggleKey(name: string): string {
  return foldName(
    name
      .replace(/\s+Variant$/i, '')
      .replace(/\s*\((Tool|Incantation|Sorcery)\)$/i, '')
      .replace(/\((\d+)\)/g, '[$1]'),
  );
}

export const KAGGLE_FILES = [
  'armors',
  'talismans',
  'sorceries',
  'incantations',
  'spiritAshes',
  'ashesOfWar',
  'weapons',
  'shields',
  'skills',
  'items/ammos',
  'items/bells',
  'items/consumables',
  'items/cookbooks',
  'items/crystalTears',
  'items/greatRunes',
  'items/keyItems',
  'items/materials',
  'items/multi',
  'items/remembrances',
  'items/tools',
  'items/upgradeMaterials',
  'items/whetblades',
] as const;

export function loadKaggle(dir: string): Kaggle {
  const files = new Map<string, Map<string, KRow[]>>();
  for (const f of KAGGLE_FILES) {
    const p = path.join(dir, `${f}.csv`);
    const rows = parse(fs.readFileSync(p), {
      columns: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as KRow[];
    const m = new Map<string, KRow[]>();
    for (const r of rows) {
      const n = r['name'];
      if (!n) continue;
      const k = kaggleKey(n);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    files.set(f, m);
  }
  return {
    files,
    get(file, name) {
      const list = files.get(file)?.get(kaggleKey(name));
      if (!list) return undefined;
      // prefer the DLC row when a name is listed twice
      return list.find((r) => isKaggleDlc(r)) ?? list[0];
    },
    has(file, name) {
      return files.get(file)?.has(kaggleKey(name)) ?? false;
    },
  };
}

export function isKaggleDlc(r: KRow): boolean {
  return String(r['dlc'] ?? '').trim() === '1';
}

/** Parse a Python-literal dict string like "{'Str': 15, 'Dex': 14}" or "[{'Phy': '1.8', ...}]" into numbers. */
export function parsePyDict(s: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!s) return out;
  for (const m of s.matchAll(/'([^']+)'\s*:\s*'?\s*(-?\d+(?:,\d{3})*(?:\.\d+)?)/g)) {
    const key = m[1];
    const raw = m[2];
    if (key === undefined || raw === undefined) continue;
    const v = Number(raw.replace(/,/g, ''));
    if (Number.isFinite(v)) out[key] = v;
  }
  return out;
}

/** A plain number from a Kaggle cell ("9.0", "30,000", "- (15 20)" -> 15); undefined for -, N/A, None, empty. */
export function kaggleNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /-?\d[\d,]*(?:\.\d+)?/.exec(s);
  if (!m) return undefined;
  const v = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(v) ? v : undefined;
}
