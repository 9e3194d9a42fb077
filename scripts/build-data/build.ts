// The compiler: sources -> the files of data/. Pure apart from reading the source files; the caller
// writes the result (scripts/build-data.ts writes aside and renames at the end).
import fs from 'node:fs';
import path from 'node:path';
import type { Category, ItemData, ItemRecord } from '../../src/items/types.ts';
import { CATEGORIES } from '../../src/items/types.ts';
import { buildArmor, buildTalismans, buildWeapons } from './equipment.ts';
import { buildAshesOfWar } from './ashesOfWar.ts';
import { buildGoods } from './goods.ts';
import { EffectCollector, type EffectRow } from './effects.ts';
import { handTypedNumbers, renderEffect } from './effect-text.ts';
import { loadGame, type Game } from './game.ts';
import { foldName } from './names.ts';
import { attachShops, unlocksByFlag, type ShopReport } from './shops.ts';
import { attachGreatRuneEffects } from './greatRunes.ts';
import { readParamCsv } from './io.ts';
import { checkSources, readSourceInfo, sourcePaths, type PathOptions } from './sources.ts';
import { buildAttackTables, buildBosses, buildEnemies, readEnemyPlaces } from './tables.ts';
import { serialiseAttackTables, serialiseBosses, serialiseEnemies, serialiseItemData, serialiseReport, serialiseSpEffects } from './output.ts';
import { PARAM_OF_TABLE, SRC, type Draft } from './model.ts';

export interface BuildOptions extends PathOptions {
  effects: Record<string, string>; // curated one-line effects, by item name (may hold {placeholders})
  nameFixes: Record<string, string>; // curated DLC names by FMG id, where the dump lacks the full name
  acceptVersions?: number[];
}

export interface BuildReport {
  patch: string;
  regulationVersion: number;
  counts: Record<string, { base: number; dlc: number }>;
  /** Rows of the item params that no English text names (so they are not items in the index). */
  unnamedRows: Record<string, { id: number; rowName?: string }[]>;
  /** What still comes from the community wiki scrape: nothing (kept so a reviewer sees it said). */
  fromWikiScrape: string[];
  shops: ShopReport;
  enemies: { rows: number; unnamed: number; withPlaces: number; tableIdsNotInNpcParam: number[] };
  merged: string[]; // DLC rows that re-issue a base item
  warnings: string[];
}

export interface BuildOutput {
  /** file name in data/ -> content */
  files: Record<string, string>;
  data: ItemData;
  report: BuildReport;
}

export const OUTPUT_FILES = ['items.json', 'sp-effects.json', 'attack-rating.json', 'enemies.json', 'bosses.json', 'build-report.json'] as const;

const ITEM_PARAMS: readonly [string, keyof Game['text']['base']][] = [
  ['EquipParamWeapon', 'weapon'],
  ['EquipParamProtector', 'protector'],
  ['EquipParamAccessory', 'accessory'],
  ['EquipParamGoods', 'goods'],
  ['EquipParamGem', 'gem'],
];

function unnamedRows(game: Game, fixes: Record<string, string>): BuildReport['unnamedRows'] {
  const out: BuildReport['unnamedRows'] = {};
  for (const [param, kind] of ITEM_PARAMS) {
    const p = game.param(param);
    const names = game.rowNames(param);
    const list: { id: number; rowName?: string }[] = [];
    for (let i = 0; i < p.rowCount; i++) {
      const id = p.ids[i] as number;
      if (p.index.get(id) !== i) continue;
      if (game.text.base[kind].has(id) || game.text.dlc[kind].has(id) || fixes[String(id)]) continue;
      const rowName = names.get(id);
      list.push(rowName ? { id, rowName } : { id });
    }
    out[param] = list;
  }
  return out;
}

/** Sort, check keys, clean aliases; returns warnings. */
function finish(drafts: Draft[]): string[] {
  const warnings: string[] = [];
  const allNames = new Set(drafts.map((d) => foldName(d.name)));
  for (const d of drafts) {
    const own = foldName(d.name);
    const seen = new Set<string>();
    const yielding = (d.yieldingAliases ?? []).filter((a) => !allNames.has(foldName(a)));
    d.aliases = [...d.aliases, ...yielding]
      .filter((a) => {
        const f = foldName(a);
        if (f === own || seen.has(f)) return false;
        seen.add(f);
        if (allNames.has(f)) {
          warnings.push(`alias "${a}" of ${d.key} dropped: it is another item's name`);
          return false;
        }
        return true;
      })
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }));
  }
  const catIndex = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
  drafts.sort((a, b) => (catIndex.get(a.category) ?? 99) - (catIndex.get(b.category) ?? 99) || a.paramId - b.paramId);
  const keys = new Set<string>();
  for (const d of drafts) {
    if (keys.has(d.key)) throw new Error(`duplicate key ${d.key}`);
    keys.add(d.key);
  }
  return warnings;
}

export function buildData(opts: BuildOptions): BuildOutput {
  const paths = sourcePaths(opts);
  checkSources(paths);
  const game = loadGame(paths, opts.acceptVersions ? { acceptVersions: opts.acceptVersions } : {});
  const fx = new EffectCollector(game);
  const fixes = opts.nameFixes;
  const warnings: string[] = [];

  const all: Draft[] = [
    ...buildWeapons(game, fx, fixes),
    ...buildArmor(game, fx, fixes),
    ...buildTalismans(game, fx, fixes),
    ...buildAshesOfWar(game, fixes),
    ...buildGoods(game, fx, fixes),
  ];

  // A DLC row that re-issues a base item (same category and name, e.g. Larval Tear) is the base item.
  const merged: string[] = [];
  const seen = new Map<string, Draft>();
  const drafts: Draft[] = [];
  for (const d of [...all.filter((x) => !x.dlc), ...all.filter((x) => x.dlc)]) {
    const k = `${d.category}|${foldName(d.name)}`;
    const prev = seen.get(k);
    if (prev && prev.table === d.table) {
      merged.push(`${d.key} "${d.name}" -> ${prev.key}`);
      prev.altIds.push(d.paramId, ...d.altIds);
      prev.rows.push(`${PARAM_OF_TABLE[d.table]}:${d.paramId}`);
      continue;
    }
    seen.set(k, d);
    drafts.push(d);
  }

  const greatRunes = attachGreatRuneEffects(game, drafts, fx);
  for (const name of greatRunes.without) warnings.push(`great rune without an effect row: ${name}`);

  const erdbShops = readParamCsv(path.join(paths.erdb, 'ShopLineupParam.csv'));
  const shops = attachShops(
    game,
    drafts,
    unlocksByFlag(erdbShops.rows.map((r) => ({ name: r['Row Name'] ?? '', flag: Number(r['eventFlag_forRelease']) }))),
  );

  // curated effects: our words, the numbers filled in from the params
  const rowCache = new Map<number, EffectRow>();
  const rowOf = (id: number) => {
    if (!fx.ids.has(id)) return undefined;
    let r = rowCache.get(id);
    if (!r) {
      r = fx.row(id);
      rowCache.set(id, r);
    }
    return r;
  };
  const byName = new Map<string, Draft[]>();
  for (const d of drafts) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  for (const [name, template] of Object.entries(opts.effects)) {
    const targets = byName.get(name);
    if (!targets) {
      warnings.push(`effects.json: no item named "${name}"`);
      continue;
    }
    const typed = handTypedNumbers(template);
    if (typed.length) warnings.push(`effects.json "${name}": number typed by hand (${typed.join(', ')})`);
    for (const d of targets) {
      if (d.category === 'weapon' || d.category === 'shield' || d.category === 'armor') continue;
      d.effect = renderEffect(template, d, rowOf);
      if (!d.sources.includes(SRC.curated)) d.sources.push(SRC.curated);
    }
  }

  warnings.push(...finish(drafts));

  const counts: BuildReport['counts'] = {};
  for (const c of CATEGORIES) counts[c] = { base: 0, dlc: 0 };
  for (const d of drafts) {
    const c = counts[d.category as Category] as { base: number; dlc: number };
    if (d.dlc) c.dlc++;
    else c.base++;
  }

  const data: ItemData = {
    generatedAt: sourcesDate(paths.root),
    patch: game.patch,
    sources: readSourceInfo(paths, game.patch),
    items: drafts as ItemRecord[],
  };

  const enemyTable = buildEnemies(game, readEnemyPlaces(paths.enemies));
  const report: BuildReport = {
    patch: game.patch,
    regulationVersion: game.reg.version,
    counts,
    unnamedRows: unnamedRows(game, fixes),
    fromWikiScrape: [],
    shops,
    enemies: {
      rows: enemyTable.enemies.length,
      unnamed: enemyTable.unnamed,
      withPlaces: enemyTable.joined,
      tableIdsNotInNpcParam: enemyTable.unknownIds,
    },
    merged,
    warnings,
  };

  const files: Record<string, string> = {
    'items.json': serialiseItemData(data),
    'sp-effects.json': serialiseSpEffects(game.patch, fx.table()),
    'attack-rating.json': serialiseAttackTables(game.patch, buildAttackTables(game, drafts)),
    'enemies.json': serialiseEnemies(game.patch, enemyTable),
    'bosses.json': serialiseBosses(game.patch, buildBosses(game)),
    'build-report.json': serialiseReport(report),
  };
  return { files, data, report };
}

/** Deterministic "generated at": the newest date named in the source READMEs. */
function sourcesDate(root: string): string {
  let best = '';
  if (!fs.existsSync(root)) return '1970-01-01';
  for (const dir of fs.readdirSync(root).sort()) {
    const f = path.join(root, dir, 'README.txt');
    if (!fs.existsSync(f)) continue;
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\b(20\d\d-\d\d-\d\d)\b/g)) if (m[1] && m[1] > best) best = m[1];
  }
  return best || '1970-01-01';
}
