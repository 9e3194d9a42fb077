// Shared set-up for the attack-rating tests: the product tables (compiled from regulation 1.16.1:
// data/attack-rating.json with the names of data/items.json, always present) and the same tables built
// in the test from the public weapon calculator file through the test adapter (./tjc.ts; the file is in
// ../shared, absent on a fresh clone: those tests skip with a message).

import { readFileSync } from 'node:fs';
import { readTjcFile, tablesFromTjc, type WeaponItem } from './tjc.ts';
import { WeaponTables, loadWeaponTables, type Affinity, type WeaponData, type WeaponStats } from '../../src/weapons/index.ts';

export const product = loadWeaponTables()!;

const tjc = readTjcFile();
if (!tjc) console.warn('skipping attack-rating tests against the weapon calculator tables: ../shared/data-sources/elden-ring-weapon-calculator is absent (needs ../shared)');
export const HAVE_TJC = tjc !== null;

const items = (JSON.parse(readFileSync(new URL('../../data/items.json', import.meta.url), 'utf8')) as { items: WeaponItem[] }).items;
/** The tables as the adapter builds them from the weapon calculator file; null without ../shared. */
export const fromTjc = tjc ? new WeaponTables(tablesFromTjc(tjc, items).file) : null;

/** Stats not named are 1 (as in attack-rating.md's check values). */
export function stats(given: Partial<WeaponStats> = {}): WeaponStats {
  return { strength: 1, dexterity: 1, intelligence: 1, faith: 1, arcane: 1, ...given };
}

/** A weapon and affinity by the game's name of the form ("Keen Uchigatana", "Rivers of Blood"). */
export function form(tables: WeaponTables, name: string): { weapon: WeaponData; affinity: Affinity | null } {
  for (const weapon of tables.weapons) {
    const row = weapon.rows.find((r) => r.name === name);
    if (row) return { weapon, affinity: row.affinity };
  }
  throw new Error(`no weapon form named ${name}`);
}

export function weaponNamed(tables: WeaponTables, name: string): WeaponData {
  const weapon = tables.weapons.find((w) => w.name === name);
  if (!weapon) throw new Error(`no weapon named ${name}`);
  return weapon;
}
