// Loads the attack-rating tables the bot uses: data/weapons.json, in the shape of WeaponTablesFile
// (types.ts). The one place that knows where the tables come from: when the tables compiled from the
// game's regulation land, this file is pointed at them (and, if their layout differs, maps them into
// the same interfaces here).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WeaponTables } from './tables.ts';
import type { WeaponTablesFile } from './types.ts';

export const WEAPON_DATA_PATH = fileURLToPath(new URL('../../data/weapons.json', import.meta.url));

let cached: WeaponTables | null | undefined;

/** The tables, read and checked once; null when data/weapons.json is absent. */
export function loadWeaponTables(path = WEAPON_DATA_PATH): WeaponTables | null {
  const read = () => (existsSync(path) ? new WeaponTables(JSON.parse(readFileSync(path, 'utf8')) as WeaponTablesFile) : null);
  if (path !== WEAPON_DATA_PATH) return read();
  if (cached === undefined) cached = read();
  return cached;
}
