// The reader on the game's own files in ../shared/data-sources/regulation (skips with a message when absent):
// layouts fit every param of both patches, the README's public check values, and the 1.10 check: every
// cell of erdb's 1.10 CSVs equals the same row and field read from 1.10/regulation.bin.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openRegulation } from '../../scripts/regulation/regulation.ts';
import { checkAgainstCsv, type CsvCheck } from '../../scripts/regulation/csv-check.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const regDir = path.resolve(root, '../shared/data-sources/regulation');
const erdbDir = path.resolve(root, '../shared/data-sources/erdb/src/erdb/data/gamedata/1.10.0');
const have = fs.existsSync(path.join(regDir, '1.16.1/regulation.bin')) && fs.existsSync(path.join(regDir, '1.10/regulation.bin'));
if (!have) console.warn(`skipping the regulation files tests: ${regDir} is absent (needs ../shared)`);

describe.skipIf(!have)('the game\'s regulation files', () => {
  const defs = path.join(regDir, 'defs');
  const r116 = have ? openRegulation(path.join(regDir, '1.16.1/regulation.bin'), defs) : null!;
  const r110 = have ? openRegulation(path.join(regDir, '1.10/regulation.bin'), defs) : null!;

  it('reads the versions and the archive of each patch', () => {
    expect(r116.version).toBe(11611000);
    expect(r116.patch).toBe('1.16.1');
    expect(r116.paramNames).toHaveLength(194);
    expect(r110.version).toBe(11001000);
    expect(r110.paramNames).toHaveLength(186);
  });

  it('every param of both files has a paramdef whose layout fits its rows', { timeout: 120_000 }, () => {
    for (const r of [r110, r116]) for (const name of r.paramNames) expect(() => r.param(name), name).not.toThrow();
    const size = (n: string) => r116.param(n).layout.rowSize;
    expect(size('ShopLineupParam')).toBe(52);
    expect(size('EquipParamWeapon')).toBe(664);
    expect(size('EquipParamGoods')).toBe(176);
    expect(size('NpcParam')).toBe(736);
    expect(size('SpEffectParam')).toBe(912);
  });

  it('gives the public check values of the README (1.16.1)', () => {
    const shop = r116.param('ShopLineupParam');
    expect(shop.num(101885, 'equipType')).toBe(3);
    expect(shop.num(101885, 'equipId')).toBe(2020001);
    expect(shop.num(101885, 'value')).toBe(800);
    expect(shop.num(101885, 'sellQuantity')).toBe(-1);
    const w = r116.param('EquipParamWeapon');
    expect(w.num(67520000, 'reinforceTypeId')).toBe(2200);
    expect(w.num(67520000, 'reinforcePrice')).toBe(460);
    expect(w.num(67520000, 'weight')).toBe(8);
    expect(r116.param('EquipParamGoods').num(2002952, 'sellValue')).toBe(7500);
    expect(r116.param('NpcParam').num(34701468, 'getSoul')).toBe(2044);
    expect(r116.param('GameAreaParam').num(1051430800, 'bonusSoul_single')).toBe(88000);
  });

  it('1.10 check: every cell of every erdb 1.10 param CSV equals the reader\'s (figures printed)', { timeout: 120_000 }, () => {
    const csvs = fs.readdirSync(erdbDir).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs.length).toBeGreaterThanOrEqual(14);
    const results: CsvCheck[] = [];
    for (const f of csvs) {
      const name = f.replace(/\.csv$/, '');
      const c = checkAgainstCsv(r110.param(name), fs.readFileSync(path.join(erdbDir, f), 'utf8'));
      results.push(c);
      expect(c.mismatches, name).toEqual([]);
      expect(c.missingRows, name).toEqual([]);
      expect(c.compared, name).toBeGreaterThan(0);
      expect(c.matched, name).toBe(c.compared);
      expect(c.renamedMatched, name).toBe(c.renamedCompared);
      expect(c.rows, name).toBe(r110.param(name).rowCount);
    }
    const lines = results.map(
      (c) =>
        `${c.param.padEnd(26)} rows ${String(c.rows).padStart(5)}  cells ${String(c.matched).padStart(8)}/${String(c.compared).padEnd(8)}` +
        (c.renamed.length ? ` renamed ${c.renamedMatched}/${c.renamedCompared} (${c.renamed.map(([a, b]) => `${a}->${b}`).join(', ')})` : '') +
        (c.unmatchedColumns.length ? ` not compared: ${c.unmatchedColumns.join(', ')}` : ''),
    );
    const total = results.reduce((n, c) => n + c.compared, 0);
    console.log(`1.10 reader check (erdb CSV cells equal to regulation.bin), ${total} cells:\n${lines.join('\n')}`);
  });
});
