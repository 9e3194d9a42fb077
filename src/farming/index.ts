// Where runes come from: enemies and bosses by name (drops per place, per NG cycle, boss rewards) and
// curated farming spots (runes per run and per hour, ranked; runs and time to a target). Pure: no
// discord.js; the data is read once from data/ (src/farming/data.ts).

import { loadFarmingData, type FarmingData } from './data.ts';
import { EnemyIndex } from './enemies.ts';

export { loadFarmingData, ENEMY_DATA_PATH, BOSS_DATA_PATH, FARM_ROUTES_PATH } from './data.ts';
export type { FarmingData } from './data.ts';
export { EnemyIndex, enemyDrops, enemyKey, splitBossName, splitVariant } from './enemies.ts';
export type { BossReward, EnemyDrops, EnemyEntry, EnemyEntryRow, EnemyHit, EnemyLookup, EnemyPlace, PlaceDrop } from './enemies.ts';
export { runesByCycle } from './cycles.ts';
export type { Boosts, CycleRunes, RunesByCycle } from './cycles.ts';
export { findSpot, rankSpots, runesPerHour, searchSpots, spotNotes, spotPlan, spotRunes } from './spots.ts';
export type { RankedSpot, SpotHit, SpotLine, SpotPlan, SpotRunes } from './spots.ts';
export { checkedRoutes, routeProblems } from './validate.ts';
export type { BossFile, BossRow, EnemyFile, EnemyRow, FarmRoute, FarmRouteFile, RouteEnemy, RouteQuote, RouteSource } from './types.ts';

export interface Farming {
  data: FarmingData;
  index: EnemyIndex;
}

let cached: Farming | null | undefined;

/** The loaded farming data and its enemy index, built once; null when the compiled data is absent. */
export function getFarming(): Farming | null {
  if (cached !== undefined) return cached;
  const data = loadFarmingData();
  cached = data ? { data, index: new EnemyIndex(data.enemies, data.bosses) } : null;
  return cached;
}
