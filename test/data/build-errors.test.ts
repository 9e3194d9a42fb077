// `npm run build-data` on a bad regulation file: one line saying what is wrong, exit code 1, and data/
// exactly as it was (everything is written aside and renamed only at the end). Synthetic inputs built
// here, so this runs without ../shared; the last test (a good build into a fresh folder) needs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeParam, makeRegulation, paramdefXml } from '../regulation/synthetic.ts';
import { OUTPUT_FILES } from '../../scripts/build-data/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'build-errors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A sources folder with every input present but tiny; the regulation file is the one under test. */
function fakeSources(regulation: Buffer, defs: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'src-'));
  const reg = path.join(dir, 'regulation');
  fs.mkdirSync(path.join(reg, '1.16.1'), { recursive: true });
  fs.mkdirSync(path.join(reg, 'defs'));
  fs.mkdirSync(path.join(reg, 'names'));
  fs.writeFileSync(path.join(reg, '1.16.1/regulation.bin'), regulation);
  for (const [f, xml] of Object.entries(defs)) fs.writeFileSync(path.join(reg, 'defs', f), xml);
  const erdb = path.join(dir, 'erdb/src/erdb/data/gamedata/1.10.0');
  const imp = path.join(dir, 'Impalers-Archive/GameText/GR/data/INTERROOT_win64/msg/engUS');
  fs.mkdirSync(erdb, { recursive: true });
  fs.mkdirSync(imp, { recursive: true });
  fs.mkdirSync(path.join(dir, 'enemy-locations'));
  fs.writeFileSync(path.join(dir, 'enemy-locations/enemy-data.tsv'), 'Location\tName\tIs Boss\tIs DLC\tID\n');
  return dir;
}

/** A data/ folder with known content, to check that a failed build leaves it alone. */
function sentinelData(): { dir: string; before: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(tmp, 'data-'));
  const before: Record<string, string> = {};
  for (const f of OUTPUT_FILES) {
    before[f] = `previous ${f}\n`;
    fs.writeFileSync(path.join(dir, f), before[f]);
  }
  return { dir, before };
}

function runBuild(args: string[]) {
  const r = spawnSync(tsx, ['scripts/build-data.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 170_000, env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const weaponDef = { 'EquipParamWeapon.xml': paramdefXml('EQUIP_PARAM_WEAPON_ST', ['s32 sortId', 'f32 weight = 1']) };
const weapon = makeParam('EQUIP_PARAM_WEAPON_ST', [{ id: 1000000, data: Buffer.alloc(8) }]);
const good = makeRegulation([{ name: 'EquipParamWeapon', data: weapon }]);

const cases: [string, Buffer, Record<string, string>, RegExp][] = [
  ['truncated', good.subarray(0, Math.floor(good.length * 0.6)), weaponDef, /truncated/],
  ['corrupted', (() => { const b = Buffer.from(makeRegulation([{ name: 'EquipParamWeapon', data: weapon }], { algorithm: 'DFLT' })); for (let i = 110; i < 150; i++) b[i] = (b[i] as number) ^ 0xa5; return b; })(), weaponDef, /corrupted|damaged/],
  ['wrongly keyed', makeRegulation([{ name: 'EquipParamWeapon', data: weapon }], { key: Buffer.alloc(32, 9) }), weaponDef, /wrong key/],
  ['of an unknown version', makeRegulation([{ name: 'EquipParamWeapon', data: weapon }], { version: '11701000' }), weaponDef, /regulation version 11701000 \(patch 1\.17\) has no verified paramdefs/],
  ['missing a paramdef', good, {}, /missing paramdef: no file in .* describes EquipParamWeapon/],
];

describe('npm run build-data with a bad regulation file', () => {
  for (const [what, file, defs, message] of cases) {
    it(`stops with one line when the file is ${what}, and data/ stays as it was`, { timeout: 180_000 }, () => {
      const sources = fakeSources(file, defs);
      const { dir, before } = sentinelData();
      const { code, stdout, stderr } = runBuild(['--sources', sources, '--out', dir]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^build-data: /);
      expect(lines[0]).toMatch(message);
      for (const f of OUTPUT_FILES) expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).toBe(before[f]);
      expect(fs.readdirSync(path.dirname(dir)).filter((n) => n.includes('-build-'))).toEqual([]);
    });
  }

  it('refuses --regulation pointing at no file, with one line', { timeout: 180_000 }, () => {
    const { dir, before } = sentinelData();
    const { code, stderr } = runBuild(['--sources', fakeSources(good, weaponDef), '--regulation', path.join(tmp, 'nope.bin'), '--out', dir]);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^build-data: regulation file not found: .*nope\.bin$/);
    for (const f of OUTPUT_FILES) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(before[f]);
  });
});

const shared = path.resolve(root, '../shared/data-sources');
const haveShared = fs.existsSync(path.join(shared, 'regulation/1.16.1/regulation.bin'));
if (!haveShared) console.warn(`skipping the full build run: ${shared} is absent (needs ../shared)`);

describe.skipIf(!haveShared)('npm run build-data with the shared sources', () => {
  it('writes every file into --out, the same as the committed data/, and leaves no temporary folder', { timeout: 180_000 }, () => {
    const out = path.join(tmp, 'fresh', 'data');
    const { code, stdout, stderr } = runBuild(['--out', out, '--regulation', path.join(shared, 'regulation/1.16.1/regulation.bin')]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/patch 1\.16\.1 \(regulation 11611000\)/);
    expect(stdout).toMatch(/from the wiki scrape: nothing/);
    for (const f of OUTPUT_FILES) expect(fs.readFileSync(path.join(out, f), 'utf8') === fs.readFileSync(path.join(root, 'data', f), 'utf8'), f).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['data']);
  });
});
