// Checks of the curated farming routes against the rules of the data: every spot cites a public source,
// names existing NpcParam rows (as compiled in data/enemies.json) with whole positive counts, and quotes
// a time or a level only as numbers. Pure: the loader refuses a file with problems, and the tests run
// the same check on the committed file.

import type { EnemyFile, FarmRoute, FarmRouteFile } from './types.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A count per run no route plausibly exceeds: a typo guard, not a game limit. */
const MAX_COUNT = 500;
/** One day, in seconds: a typo guard for a quoted time per run. */
const MAX_SECONDS = 86_400;

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function wholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of the routes file, one sentence each naming the spot; [] when it is sound. */
export function routeProblems(file: unknown, enemies: Pick<EnemyFile, 'enemies'>): string[] {
  if (!isObject(file) || !Array.isArray(file.routes)) return ['the file must be an object with a "routes" array'];
  const rows = new Map(enemies.enemies.map((row) => [row.id, row]));
  const problems: string[] = [];
  const seen = new Set<string>();
  file.routes.forEach((raw: unknown, index) => {
    const where = isObject(raw) && text(raw.id) ? `spot "${raw.id}"` : `spot #${index + 1}`;
    const say = (problem: string) => problems.push(`${where}: ${problem}`);
    if (!isObject(raw)) return say('is not an object');
    if (!text(raw.id) || !ID.test(raw.id)) say('needs an id of lowercase words joined by hyphens');
    else if (seen.has(raw.id)) say('has the id of another spot');
    else seen.add(raw.id);
    for (const key of ['name', 'region', 'grace'] as const) if (!text(raw[key])) say(`needs a ${key}`);
    if (typeof raw.dlc !== 'boolean') say('needs dlc: true or false');
    if (raw.notes !== undefined && !text(raw.notes)) say('has empty notes');
    const source = raw.source;
    if (!isObject(source) || !text(source.url) || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(source.url) || !text(source.title) || !text(source.publisher)) {
      say('has no public source (an https url, a title and a publisher)');
    }
    const quoted = raw.quoted;
    if (!isObject(quoted) || !text(quoted.note)) say('needs what its source says (quoted.note)');
    else {
      if (quoted.runesPerRun !== undefined && !wholeIn(quoted.runesPerRun, 1, Number.MAX_SAFE_INTEGER)) say('quotes runes per run that are not a whole positive number');
      if (quoted.secondsPerRun !== undefined && !wholeIn(quoted.secondsPerRun, 1, MAX_SECONDS)) say(`quotes a time per run that is not a whole number of seconds from 1 to ${MAX_SECONDS}`);
      if (quoted.level !== undefined) {
        const level = quoted.level;
        const ok =
          isObject(level) &&
          (level.min !== undefined || level.max !== undefined) &&
          (level.min === undefined || wholeIn(level.min, 1, 713)) &&
          (level.max === undefined || wholeIn(level.max, 1, 713)) &&
          (level.min === undefined || level.max === undefined || (level.min as number) <= (level.max as number));
        if (!ok) say('quotes a level range that is not levels from 1 to 713, lowest first');
      }
    }
    if (!Array.isArray(raw.enemies) || raw.enemies.length === 0) return say('lists no enemies');
    const ids = new Set<number>();
    for (const enemy of raw.enemies as unknown[]) {
      if (!isObject(enemy) || !wholeIn(enemy.npcParamId, 1, Number.MAX_SAFE_INTEGER)) {
        say('lists an enemy without an NpcParam id');
        continue;
      }
      const id = enemy.npcParamId;
      if (ids.has(id)) say(`lists NpcParam ${id} twice`);
      ids.add(id);
      if (!wholeIn(enemy.count, 1, MAX_COUNT)) say(`gives NpcParam ${id} a count that is not a whole number from 1 to ${MAX_COUNT}`);
      const row = rows.get(id);
      if (!row) {
        say(`names NpcParam ${id}, which does not exist`);
        continue;
      }
      if (!row.at?.length) say(`names NpcParam ${id}, which is met in no named place`);
      const names = [row.name, ...(row.aka ?? [])].filter(text).map((n) => n.toLowerCase());
      if (!text(enemy.name) || !names.includes(enemy.name.toLowerCase())) say(`calls NpcParam ${id} "${String(enemy.name)}", but the data calls it ${names.map((n) => `"${n}"`).join(' or ') || 'nothing'}`);
    }
  });
  return problems;
}

/** The routes of a file that has no problems (throws an Error listing them otherwise). */
export function checkedRoutes(file: unknown, enemies: Pick<EnemyFile, 'enemies'>): FarmRoute[] {
  const problems = routeProblems(file, enemies);
  if (problems.length) throw new Error(`data/farm-routes.json: ${problems.join('; ')}`);
  return (file as FarmRouteFile).routes;
}
