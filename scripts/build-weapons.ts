// npm run build-weapons [-- --source <TJC regulation JSON>] [--items data/items.json] [--out data/weapons.json]
// Writes the PROVISIONAL attack-rating tables (data/weapons.json, shape: src/weapons/types.ts
// WeaponTablesFile) from ThomasJClark's weapon calculator data, until the tables compiled from the
// game's regulation replace them (then src/weapons/data.ts is pointed at those).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTjcFile, serialiseWeaponTables, tablesFromTjc, TJC_FILE_116, type WeaponItem } from './build-weapons/tjc.ts';
import { WeaponTables } from '../src/weapons/tables.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const source = arg('source') ? path.resolve(process.cwd(), arg('source')!) : fileURLToPath(TJC_FILE_116);
const itemsPath = path.resolve(root, arg('items') ?? 'data/items.json');
const out = path.resolve(root, arg('out') ?? 'data/weapons.json');
const tjc = readTjcFile(source);
if (!tjc) {
  console.error(`no weapon calculator data at ${source} (give --source)`);
  process.exit(1);
}
const items = (JSON.parse(fs.readFileSync(itemsPath, 'utf8')) as { items: WeaponItem[] }).items;
const { file, report } = tablesFromTjc(tjc, items);
new WeaponTables(file); // throws on a dangling reference
fs.writeFileSync(out, serialiseWeaponTables(file));
const rows = file.weapons.reduce((n, w) => n + w.rows.length, 0);
console.log(`${file.weapons.length} weapons and shields, ${rows} affinity rows (${file.weapons.filter((w) => w.dlc).length} DLC weapons)`);
if (report.unmatchedRows.length) console.log(`rows with no item of that name (skipped): ${report.unmatchedRows.join(', ')}`);
if (report.itemsWithoutRows.length) console.warn(`items with no attack data: ${report.itemsWithoutRows.join(', ')}`);
console.log(`wrote ${path.relative(root, out)} (${Math.round(fs.statSync(out).size / 1024)} KiB)`);
