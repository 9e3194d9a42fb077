// Needs the raw sources in ../shared/data-sources: rebuilds in memory and compares with the committed file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildItemData } from '../../scripts/build-data/build.ts';
import { serialiseItemData } from '../../scripts/build-data/output.ts';
import { parseFmg } from '../../scripts/build-data/io.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = path.resolve(root, '../shared/data-sources');
const have = fs.existsSync(sources);
if (!have) console.warn(`skipping source-dependent data tests: ${sources} is absent (needs ../shared)`);

function readJson(f: string): Record<string, string> {
  const raw = JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))) as Record<string, string>;
}

describe.skipIf(!have)('compiler against ../shared/data-sources', () => {
  const built = have
    ? buildItemData({ sourcesDir: sources, effects: readJson('data/effects.json'), nameFixes: readJson('data/dlc-name-fixes.json') })
    : null;

  it('reproduces the committed data/items.json byte for byte (deterministic, up to date)', () => {
    const text = serialiseItemData(built!.data);
    expect(text === fs.readFileSync(path.join(root, 'data/items.json'), 'utf8')).toBe(true);
    expect(serialiseItemData(buildItemData({ sourcesDir: sources, effects: readJson('data/effects.json'), nameFixes: readJson('data/dlc-name-fixes.json') }).data)).toBe(text);
  });

  it('every curated effect names a real item', () => {
    expect(built!.report.warnings.filter((w) => w.startsWith('effects.json'))).toEqual([]);
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
    const effects = Object.values(readJson('data/effects.json')).map((e) => e.toLowerCase());
    const copied = effects.filter((e) => [...lines].some((l) => e.includes(l) || l === e.replace(/\.$/, '')));
    expect(copied).toEqual([]);
  });
});
