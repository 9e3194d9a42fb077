// Loads the farming data: data/enemies.json and data/bosses.json (compiled, committed) and the curated
// data/farm-routes.json (checked against the enemies on load). Read once; null when a compiled file has
// not been built.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BossFile, EnemyFile, FarmRoute } from './types.ts';
import { checkedRoutes } from './validate.ts';

export const ENEMY_DATA_PATH = fileURLToPath(new URL('../../data/enemies.json', import.meta.url));
export const BOSS_DATA_PATH = fileURLToPath(new URL('../../data/bosses.json', import.meta.url));
export const FARM_ROUTES_PATH = fileURLToPath(new URL('../../data/farm-routes.json', import.meta.url));

export interface FarmingData {
  patch: string;
  enemies: EnemyFile;
  bosses: BossFile;
  routes: FarmRoute[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

let cached: FarmingData | null | undefined;

/** The enemies, bosses and checked routes; null when data/enemies.json or data/bosses.json is absent. */
export function loadFarmingData(paths: { enemies?: string; bosses?: string; routes?: string } = {}): FarmingData | null {
  const custom = Object.keys(paths).length > 0;
  if (!custom && cached !== undefined) return cached;
  const enemiesPath = paths.enemies ?? ENEMY_DATA_PATH;
  const bossesPath = paths.bosses ?? BOSS_DATA_PATH;
  const routesPath = paths.routes ?? FARM_ROUTES_PATH;
  let data: FarmingData | null = null;
  if (existsSync(enemiesPath) && existsSync(bossesPath)) {
    const enemies = readJson(enemiesPath) as EnemyFile;
    const bosses = readJson(bossesPath) as BossFile;
    const routes = existsSync(routesPath) ? checkedRoutes(readJson(routesPath), enemies) : [];
    data = { patch: enemies.patch, enemies, bosses, routes };
  }
  if (!custom) cached = data;
  return data;
}
