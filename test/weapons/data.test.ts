// data/weapons.json: every weapon and shield players can look up has attack data, the file is what the
// build script makes from the weapon calculator tables (when ../shared is present), and the scaling
// letters it gives at +0 are the letters of the item data (compiled from other sources).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attackRating, upgradePathOf, type WeaponTablesFile } from '../../src/weapons/index.ts';
import { HAVE_TJC, adapterFile, product } from './helpers.ts';

const items = (JSON.parse(readFileSync(new URL('../../data/items.json', import.meta.url), 'utf8')) as {
  items: { key: string; name: string; category: string; upgrade?: string; dlc: boolean; scaling?: Record<string, string> }[];
}).items;
const weaponItems = items.filter((i) => i.category === 'weapon' || i.category === 'shield');

describe('data/weapons.json', () => {
  it('has every weapon and shield of the item data, base game and DLC, by item key', () => {
    for (const item of weaponItems) expect(product.weapon(item.key), item.name).toMatchObject({ name: item.name });
    expect(product.weapons.length).toBe(weaponItems.length);
    // data-sources.md §2.3: 480 weapons in the calculator tables, one of them "Unarmed" (no item), 102 DLC.
    expect(product.weapons.length).toBe(479);
    expect(product.weapons.filter((w) => w.dlc).length).toBe(102);
  });

  it("agrees with the item data on each weapon's upgrade path", () => {
    for (const item of weaponItems) {
      const weapon = product.weapon(item.key)!;
      expect(upgradePathOf(product.levels(weapon.rows[0]!).length), item.name).toBe(item.upgrade ?? 'none');
    }
  });

  it('gives at +0 the scaling letters the item data has (erdb for the base game)', () => {
    const short = { strength: 'str', dexterity: 'dex', intelligence: 'int', faith: 'fai', arcane: 'arc' } as const;
    let compared = 0;
    for (const item of weaponItems) {
      if (!item.scaling) continue;
      const weapon = product.weapon(item.key)!;
      const r = attackRating(product, weapon, { level: 0, stats: { strength: 99, dexterity: 99, intelligence: 99, faith: 99, arcane: 99 } });
      const letters = Object.fromEntries(r.scaling.filter((g) => g.letter !== '-').map((g) => [short[g.stat], g.letter]));
      expect(letters, item.name).toEqual(item.scaling);
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it.skipIf(!HAVE_TJC)('is exactly what npm run build-weapons makes from the weapon calculator tables', () => {
    const committed = JSON.parse(readFileSync(new URL('../../data/weapons.json', import.meta.url), 'utf8')) as WeaponTablesFile;
    expect(committed).toEqual(JSON.parse(JSON.stringify(adapterFile)));
  });
});
