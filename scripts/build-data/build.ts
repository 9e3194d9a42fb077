// The compiler: sources -> ItemData. Pure apart from reading the source files.
import fs from 'node:fs';
import { CATEGORIES, type ItemData, type ItemRecord } from '../../src/items/types.ts';
import { buildBase, loadBaseTables, naturalCompare } from './base.ts';
import { buildDlc, loadDlcText } from './dlc.ts';
import { kaggleKey, loadKaggle } from './kaggle.ts';
import { loadTjc } from './tjc.ts';
import { foldName } from './names.ts';
import { checkSources, readSourceInfo, sourcePaths } from './sources.ts';
import { attachShops } from './shops.ts';
import type { Draft } from './model.ts';

export interface BuildOptions {
  sourcesDir: string;
  effects: Record<string, string>; // curated one-line effects, by item name
  nameFixes: Record<string, string>; // curated DLC names by FMG id, where the dump lacks the full name
}

export interface BuildReport {
  counts: Record<string, { base: number; dlc: number }>;
  warnings: string[];
}

export function buildItemData(opts: BuildOptions): { data: ItemData; report: BuildReport } {
  const paths = sourcePaths(opts.sourcesDir);
  checkSources(paths);
  const warnings: string[] = [];

  const base = loadBaseTables(paths.erdb);
  const kg = loadKaggle(paths.kaggle);
  const tjc = loadTjc(paths.tjc114);
  const tjc1161 = fs.existsSync(paths.tjc1161) ? loadTjc(paths.tjc1161) : null;
  const dlcText = loadDlcText(paths.impalers);

  const toolNames = new Set<string>();
  for (const f of ['items/tools', 'items/multi']) for (const k of kg.files.get(f)?.keys() ?? []) toolNames.add(k);

  const baseDrafts = buildBase(base, new Set([...toolNames].map((k) => foldName(k))));
  const dlcDrafts = buildDlc(dlcText, tjc, tjc1161, kg, opts.nameFixes);

  // DLC rows that re-issue a base item (same category and name, e.g. Larval Tear) are the base item.
  const seen = new Map<string, Draft>();
  for (const d of baseDrafts) seen.set(`${d.category}|${foldName(d.name)}`, d);
  const drafts: Draft[] = [...baseDrafts];
  for (const d of dlcDrafts) {
    const k = `${d.category}|${foldName(d.name)}`;
    const prev = seen.get(k);
    if (prev) {
      warnings.push(`DLC ${d.key} "${d.name}" merged into ${prev.key}`);
      continue;
    }
    seen.set(k, d);
    drafts.push(d);
  }

  attachShops(base, drafts, warnings);

  // effects (curated, our own words)
  const byName = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = byName.get(d.name) ?? [];
    list.push(d);
    byName.set(d.name, list);
  }
  for (const [name, effect] of Object.entries(opts.effects)) {
    const targets = byName.get(name);
    if (!targets) {
      warnings.push(`effects.json: no item named "${name}"`);
      continue;
    }
    for (const d of targets) {
      if (d.category === 'weapon' || d.category === 'shield' || d.category === 'armor') continue;
      d.effect = effect;
      if (!d.sources.includes('curated')) d.sources.push('curated');
    }
  }

  // aliases: drop self, duplicates and any alias that is another item's name
  const allNames = new Set(drafts.map((d) => foldName(d.name)));
  for (const d of drafts) {
    const own = foldName(d.name);
    const seenA = new Set<string>();
    d.aliases = d.aliases
      .filter((a) => {
        const f = foldName(a);
        if (f === own || seenA.has(f)) return false;
        seenA.add(f);
        if (allNames.has(f)) {
          warnings.push(`alias "${a}" of ${d.key} dropped: it is another item's name`);
          return false;
        }
        return true;
      })
      .sort(naturalCompare);
  }

  const catIndex = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
  drafts.sort(
    (a, b) => (catIndex.get(a.category) ?? 99) - (catIndex.get(b.category) ?? 99) || a.paramId - b.paramId,
  );

  const keys = new Set<string>();
  for (const d of drafts) {
    if (keys.has(d.key)) throw new Error(`duplicate key ${d.key}`);
    keys.add(d.key);
  }

  const counts: BuildReport['counts'] = {};
  for (const c of CATEGORIES) counts[c] = { base: 0, dlc: 0 };
  for (const d of drafts) {
    const c = counts[d.category] as { base: number; dlc: number };
    if (d.dlc) c.dlc++;
    else c.base++;
  }

  const sources = readSourceInfo(paths);
  const data: ItemData = {
    generatedAt: sourcesDate(paths.root),
    patch: '1.10 (base game) / 1.14 (DLC weapons) / 1.12 DLC text',
    sources,
    items: drafts as ItemRecord[],
  };
  return { data, report: { counts, warnings } };
}

/** Deterministic "generated at": the newest date named in the source READMEs. */
function sourcesDate(root: string): string {
  let best = '';
  for (const dir of fs.readdirSync(root)) {
    const f = `${root}/${dir}/README.txt`;
    if (!fs.existsSync(f)) continue;
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\b(20\d\d-\d\d-\d\d)\b/g)) if (m[1] && m[1] > best) best = m[1];
  }
  return best || '1970-01-01';
}

export { kaggleKey };
