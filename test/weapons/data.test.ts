// The tables the loader (src/weapons/data.ts) builds from data/attack-rating.json (compiled from
// regulation 1.16.1) and data/items.json: every weapon and shield players can look up has attack data,
// the upgrade paths and +0 scaling letters agree with the item records, the forms are the ones the game
// offers, and the param columns the formula does not model hold their neutral values.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AFFINITIES, affinityFormNames, attackRating, loadWeaponTables, upgradePathOf, weaponTablesFromCompiled, type AttackRatingFile, type WeaponItem } from '../../src/weapons/index.ts';
import { product } from './helpers.ts';

const items = (JSON.parse(readFileSync(new URL('../../data/items.json', import.meta.url), 'utf8')) as {
  items: (WeaponItem & { upgrade?: string; scaling?: Record<string, string> })[];
}).items;
const weaponItems = items.filter((i) => i.category === 'weapon' || i.category === 'shield');
const compiled = JSON.parse(readFileSync(new URL('../../data/attack-rating.json', import.meta.url), 'utf8')) as AttackRatingFile;

describe('the attack-rating tables compiled from regulation 1.16.1', () => {
  it('has every weapon and shield of the item data, base game and DLC, by item key', () => {
    for (const item of weaponItems) expect(product.weapon(item.key), item.name).toMatchObject({ name: item.name, dlc: item.dlc });
    expect(product.weapons.length).toBe(weaponItems.length);
    // data-sources.md §2.3: 480 weapons in the calculator tables, one of them "Unarmed" (no item), 102 DLC.
    expect(product.weapons.length).toBe(479);
    expect(product.weapons.filter((w) => w.dlc).length).toBe(102);
    expect(product.patch).toBe('1.16.1');
  });

  it("agrees with the item data on each weapon's upgrade path", () => {
    for (const item of weaponItems) {
      const weapon = product.weapon(item.key)!;
      for (const row of weapon.rows) expect(upgradePathOf(product.levels(row).length), row.name).toBe(item.upgrade ?? 'none');
    }
  });

  it('gives at +0 the scaling letters the item data has', () => {
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

  it('offers the affinity forms the game names: all 13 or only its own; leftover affinity rows of unique weapons are not forms', () => {
    let forms = 0;
    for (const weapon of product.weapons) {
      const affinities = weapon.rows.map((r) => r.affinity);
      if (affinities[0] === null) expect(affinities, weapon.name).toEqual([null]);
      else expect(affinities, weapon.name).toEqual([...AFFINITIES]);
      forms += weapon.rows.length;
    }
    // data-sources.md §2.3: 3,216 rows in the calculator file, one of them "Unarmed"; 252 cannot take affinities.
    expect(forms).toBe(3215);
    expect(product.weapons.filter((w) => w.rows[0]!.affinity === null).length).toBe(252 - 1);
    // EquipParamWeapon has Heavy … Occult rows for these, but the game names no such form: they stay unique.
    const ids = new Set(compiled.weapons.rows.map((row) => Number(row[0])));
    for (const name of ['Great Club', "Troll's Hammer", 'Treespear', 'Serpentbone Blade']) {
      const weapon = product.weapons.find((w) => w.name === name)!;
      const paramId = weaponItems.find((i) => i.key === weapon.key)!.paramId;
      expect(ids.has(paramId + 1200), `${name} has an Occult row in the params`).toBe(true);
      expect(weapon.rows.map((r) => r.affinity), name).toEqual([null]);
    }
  });

  it('names each affinity form as the game does (the item aliases), Lightning Spear included', () => {
    const spear = product.weapons.find((w) => w.name === 'Spear')!;
    // "Lightning Spear" is also an incantation, so the item data keeps it off the Spear's aliases.
    expect(spear.rows.find((r) => r.affinity === 'lightning')!.name).toBe('Lightning Spear');
    expect(product.weapons.find((w) => w.name === 'Longsword')!.rows.find((r) => r.affinity === 'blood')!.name).toBe('Bloody Longsword');
    expect(product.weapons.find((w) => w.name === "Celebrant's Sickle")!.rows.find((r) => r.affinity === 'keen')!.name).toBe("Celebrant's Keen Sickle");
    expect(affinityFormNames({ name: "Fire Knight's Greatsword", aliases: ["Fire Knight's Fire Greatsword", "Fire Knight's Keen Greatsword"] })).toEqual(
      new Map([
        ['fire', "Fire Knight's Fire Greatsword"],
        ['keen', "Fire Knight's Keen Greatsword"],
      ]),
    );
    for (const weapon of product.weapons) {
      const item = weaponItems.find((i) => i.key === weapon.key)!;
      for (const row of weapon.rows) {
        if (row.affinity === null || row.affinity === 'standard') expect(row.name).toBe(weapon.name);
        else if (row.name !== 'Lightning Spear') expect(item.aliases, row.name).toContain(row.name);
      }
    }
  });

  it('holds neutral values in the columns the formula does not use (influence rates 100, no overwrite rate without its flag)', () => {
    const { columns, rows } = compiled.elementCorrect;
    for (const row of rows) {
      columns.forEach((column, i) => {
        if (column.startsWith('Influence')) expect(row[i], `${row[0]} ${column}`).toBe(100);
        if (column.startsWith('overwrite') && row[i] !== -1) expect(row[columns.indexOf(column.replace('overwrite', 'is').replace('CorrectRate_', 'Correct_'))], `${row[0]} ${column}`).toBe(1);
      });
    }
  });

  it('refuses tables that lack a column or a weapon, saying what to rebuild', () => {
    const noColumn = { ...compiled, weapons: { columns: compiled.weapons.columns.map((c) => (c === 'attackBasePhysics' ? 'renamed' : c)), rows: compiled.weapons.rows } };
    expect(() => weaponTablesFromCompiled(noColumn, weaponItems)).toThrow(/weapons table has no column attackBasePhysics \(rebuild it with npm run build-data\)/);
    const noRows = { ...compiled, weapons: { columns: compiled.weapons.columns, rows: [] } };
    expect(() => weaponTablesFromCompiled(noRows, weaponItems.slice(0, 2))).toThrow(/has no row for Dagger, Black Knife/);
    expect(loadWeaponTables({ attackRating: '/nonexistent/attack-rating.json' })).toBeNull();
  });
});
