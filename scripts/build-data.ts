// npm run build-data -- [--sources <dir>] [--regulation <regulation.bin>] [--defs <paramdef dir>]
//                       [--accept-version <n>] [--out <dir>] [--verbose]
// Compiles the game's own parameters (regulation.bin) and the public name sources into data/. Every file
// is written aside first and renamed into place at the end: on any error the build prints one line
// saying what is wrong and data/ stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData, OUTPUT_FILES } from './build-data/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);

function arg(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`--${name} needs a value`);
  return v;
}

function fail(message: string): never {
  console.error(`build-data: ${message}`);
  process.exit(1);
}

function readJson(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && !k.startsWith('$')) out[k] = v;
  return out;
}

const t0 = performance.now();
const sourcesDir = path.resolve(root, arg('sources') ?? '../shared/data-sources');
const regulation = arg('regulation');
const defs = arg('defs');
const accept = arg('accept-version');
const outDir = path.resolve(root, arg('out') ?? 'data');
const verbose = argv.includes('--verbose');
if (accept !== undefined && !/^\d{8}$/.test(accept)) fail(`--accept-version takes an 8-digit regulation version, got "${accept}"`);

let result: ReturnType<typeof buildData>;
try {
  result = buildData({
    sourcesDir,
    ...(regulation ? { regulation: path.resolve(regulation) } : {}),
    ...(defs ? { defs: path.resolve(defs) } : {}),
    ...(accept ? { acceptVersions: [Number(accept)] } : {}),
    effects: readJson(path.join(root, 'data/effects.json')),
    nameFixes: readJson(path.join(root, 'data/dlc-name-fixes.json')),
  });
} catch (e) {
  if (verbose) console.error(e);
  fail((e as Error).message.split('\n')[0] ?? String(e));
}

// write aside, then rename into place
const aside = path.join(path.dirname(outDir), `.${path.basename(outDir)}-build-${process.pid}`);
try {
  fs.mkdirSync(aside, { recursive: true });
  for (const f of OUTPUT_FILES) fs.writeFileSync(path.join(aside, f), result.files[f] as string);
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of OUTPUT_FILES) fs.renameSync(path.join(aside, f), path.join(outDir, f));
} catch (e) {
  fail(`could not write ${path.relative(root, outDir) || outDir}: ${(e as Error).message}`);
} finally {
  fs.rmSync(aside, { recursive: true, force: true });
}
const ms = Math.round(performance.now() - t0);

const { report } = result;
let base = 0;
let dlc = 0;
for (const [cat, c] of Object.entries(report.counts)) {
  if (c.base + c.dlc === 0) continue;
  console.log(`${cat.padEnd(18)} base ${String(c.base).padStart(4)}  dlc ${String(c.dlc).padStart(4)}`);
  base += c.base;
  dlc += c.dlc;
}
console.log(`${'total'.padEnd(18)} base ${String(base).padStart(4)}  dlc ${String(dlc).padStart(4)}  = ${base + dlc}`);
const unnamed = Object.entries(report.unnamedRows).map(([p, l]) => `${p} ${l.length}`).join(', ');
console.log(`patch ${report.patch} (regulation ${report.regulationVersion}); unnamed rows: ${unnamed}; from the wiki scrape: ${report.fromWikiScrape.length ? report.fromWikiScrape.join(', ') : 'nothing'}`);
console.log(`shop offers ${report.shops.attached}, shop rows skipped ${report.shops.skipped.length}; enemies ${report.enemies.rows} (${report.enemies.withPlaces} with places)`);
if (verbose) for (const w of report.warnings) console.warn(`warn: ${w}`);
else if (report.warnings.length) console.warn(`${report.warnings.length} warnings (--verbose to list; also in data/build-report.json)`);
console.log(`wrote ${OUTPUT_FILES.map((f) => path.join(path.relative(root, outDir) || '.', f)).join(', ')} in ${ms} ms`);
