// npm run build-data -- --sources <dir> [--out data/items.json]
// Compiles the public sources (see ../shared/docs/data-sources.md) into data/items.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildItemData } from './build-data/build.ts';
import { serialiseItemData } from './build-data/output.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v ?? fallback;
}

function readJson(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && !k.startsWith('$')) out[k] = v;
  return out;
}

const t0 = performance.now();
const sourcesDir = path.resolve(root, arg('sources', '../shared/data-sources'));
const out = path.resolve(root, arg('out', 'data/items.json'));
const { data, report } = buildItemData({
  sourcesDir,
  effects: readJson(path.join(root, 'data/effects.json')),
  nameFixes: readJson(path.join(root, 'data/dlc-name-fixes.json')),
});
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, serialiseItemData(data));
const ms = Math.round(performance.now() - t0);

let base = 0;
let dlc = 0;
for (const [cat, c] of Object.entries(report.counts)) {
  if (c.base + c.dlc === 0) continue;
  console.log(`${cat.padEnd(18)} base ${String(c.base).padStart(4)}  dlc ${String(c.dlc).padStart(4)}`);
  base += c.base;
  dlc += c.dlc;
}
console.log(`${'total'.padEnd(18)} base ${String(base).padStart(4)}  dlc ${String(dlc).padStart(4)}  = ${base + dlc}`);
if (process.argv.includes('--verbose')) for (const w of report.warnings) console.warn(`warn: ${w}`);
else if (report.warnings.length) console.warn(`${report.warnings.length} warnings (--verbose to list)`);
console.log(`wrote ${path.relative(root, out)} in ${ms} ms`);
