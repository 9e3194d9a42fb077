// Needs the raw sources in ../shared/data-sources: rebuilds in memory and compares with the committed
// files of data/ (deterministic, up to date), checks the build report and that no game text is copied.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildData, OUTPUT_FILES } from '../../scripts/build-data/build.ts';
import { parseFmg } from '../../scripts/build-data/io.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = path.resolve(root, '../shared/data-sources');
const have = fs.existsSync(path.join(sources, 'regulation/1.16.1/regulation.bin'));
if (!have) console.warn(`skipping source-dependent data tests: ${sources} is absent (needs ../shared)`);

function readJson(f: string): Record<string, string> {
  const raw = JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))) as Record<string, string>;
}

const build = () => buildData({ sourcesDir: sources, effects: readJson('data/effects.json'), nameFixes: readJson('data/dlc-name-fixes.json') });

describe.skipIf(!have)('compiler against ../shared/data-sources', () => {
  const built = have ? build() : null!;

  it('reproduces every committed data/ file byte for byte, twice (deterministic, up to date)', { timeout: 180_000 }, () => {
    const again = build();
    for (const f of OUTPUT_FILES) {
      const text = built.files[f] as string;
      expect(text === again.files[f], `${f}: second build differs`).toBe(true);
      expect(text === fs.readFileSync(path.join(root, 'data', f), 'utf8'), `data/${f} is not what npm run build-data writes`).toBe(true);
    }
  });

  it('reads everything from patch 1.16.1 and nothing from the wiki scrape', () => {
    expect(built.report.patch).toBe('1.16.1');
    expect(built.report.regulationVersion).toBe(11611000);
    expect(built.report.fromWikiScrape).toEqual([]);
    for (const s of built.data.sources) expect(s.repository).not.toMatch(/Elden-Ring-Dataset-API|kaggle/i);
  });

  it('lists the 1.16.1 item rows that no text names, and names every item in the index', () => {
    const unnamed = built.report.unnamedRows;
    for (const p of ['EquipParamWeapon', 'EquipParamProtector', 'EquipParamAccessory', 'EquipParamGoods', 'EquipParamGem']) expect(unnamed[p], p).toBeDefined();
    const listed = new Set(Object.entries(unnamed).flatMap(([p, rows]) => rows.map((r) => `${p}:${r.id}`)));
    for (const item of built.data.items) expect(listed.has(item.rows![0]!), item.key).toBe(false);
  });

  it('every curated effect names a real item and states no number by hand', () => {
    expect(built.report.warnings.filter((w) => w.startsWith('effects.json'))).toEqual([]);
  });

  it('reads an older file through its own layout: the 1.10 regulation gives 1.10 numbers and no DLC', { timeout: 180_000 }, () => {
    const old = buildData({
      sourcesDir: sources,
      regulation: path.join(sources, 'regulation/1.10/regulation.bin'),
      effects: readJson('data/effects.json'),
      nameFixes: readJson('data/dlc-name-fixes.json'),
    });
    expect(old.report.patch).toBe('1.10');
    expect(old.data.items.filter((i) => i.dlc)).toEqual([]);
    const zamor = old.data.items.find((i) => i.name === 'Zamor Curved Sword')!;
    expect(zamor.attack).toEqual({ physical: 125 }); // erdb 1.10 EquipParamWeapon.csv row 8050000
    expect(zamor.patch).toBe('1.10');
    expect(old.data.sources[0]!.id).toBe('regulation@1.10');
  });

  it('copies no game text: no effect equals or contains an Info/Caption line of the sources', () => {
    const dirs = [
      path.join(sources, 'erdb/src/erdb/data/gamedata/1.10.0'),
      path.join(sources, 'Impalers-Archive/GameText/GR/data/INTERROOT_win64/msg/engUS'),
    ];
    const lines = new Set<string>();
    for (const d of dirs) {
      for (const f of fs.readdirSync(d)) {
        if (!/(Info|Info2|Caption|Effect)(_dlc01)?\.fmg\.xml$/.test(f)) continue;
        for (const t of parseFmg(fs.readFileSync(path.join(d, f), 'utf8')).values()) {
          for (const line of t.split('\n')) {
            const s = line.trim().toLowerCase();
            if (s.length >= 25 && !s.includes('%null%')) lines.add(s);
          }
        }
      }
    }
    const effects = built.data.items.filter((i) => i.effect).map((i) => (i.effect as string).toLowerCase());
    const copied = effects.filter((e) => [...lines].some((l) => e.includes(l) || l === e.replace(/\.$/, '')));
    expect(copied).toEqual([]);
  });
});
