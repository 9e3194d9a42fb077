// The curated farming spots (data/farm-routes.json): every spot cites a public source and names NpcParam
// rows that exist, checked against the compiled data/enemies.json (so it runs on a fresh clone). The
// same check is shown catching a spot without a source and an id that does not exist. With ../shared,
// each route's rune values are also read straight from the game's NpcParam.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routeProblems, type EnemyFile, type FarmRouteFile } from '../../src/farming/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const regDir = path.resolve(root, '../shared/data-sources/regulation');
const haveShared = fs.existsSync(path.join(regDir, '1.16.1/regulation.bin'));
if (!haveShared) console.warn(`skipping the farm routes' check against the game's NpcParam: ${regDir} is absent (needs ../shared)`);

const file = JSON.parse(fs.readFileSync(path.join(root, 'data/farm-routes.json'), 'utf8')) as FarmRouteFile;
const enemies = JSON.parse(fs.readFileSync(path.join(root, 'data/enemies.json'), 'utf8')) as EnemyFile;
const rowIds = new Set(enemies.enemies.map((row) => row.id));

/** A deep copy of the committed file with one spot changed. */
function withFirstRoute(change: (route: Record<string, any>) => void): unknown {
  const copy = structuredClone(file) as unknown as { routes: Record<string, any>[] };
  change(copy.routes[0]!);
  return copy;
}

describe('data/farm-routes.json', () => {
  it('has spots, and the check finds no problem in any of them', () => {
    expect(file.routes.length).toBeGreaterThan(0);
    expect(routeProblems(file, enemies)).toEqual([]);
  });

  it('every spot cites a public source: an https url, a title and a publisher', () => {
    for (const route of file.routes) {
      expect(route.source.url, route.id).toMatch(/^https:\/\/\S+$/);
      expect(route.source.title.trim().length, route.id).toBeGreaterThan(0);
      expect(route.source.publisher.trim().length, route.id).toBeGreaterThan(0);
      expect(route.quoted.note.trim().length, route.id).toBeGreaterThan(0);
    }
  });

  it('every enemy of every spot is an NpcParam row of data/enemies.json, with a whole positive count', () => {
    const missing = file.routes.flatMap((r) => r.enemies.filter((e) => !rowIds.has(e.npcParamId)).map((e) => `${r.id}: ${e.npcParamId}`));
    expect(missing).toEqual([]);
    for (const route of file.routes) for (const e of route.enemies) expect(Number.isInteger(e.count) && e.count > 0, `${route.id} ${e.npcParamId}`).toBe(true);
  });

  it('the check catches a spot without a source', () => {
    const noSource = withFirstRoute((r) => delete r.source);
    expect(routeProblems(noSource, enemies).join('\n')).toMatch(/has no public source/);
    const httpOnly = withFirstRoute((r) => (r.source.url = 'http://example.com/guide'));
    expect(routeProblems(httpOnly, enemies).join('\n')).toMatch(/has no public source/);
    const noPublisher = withFirstRoute((r) => (r.source.publisher = ' '));
    expect(routeProblems(noPublisher, enemies).join('\n')).toMatch(/has no public source/);
  });

  it('the check catches an NpcParam id that does not exist, and a name that is not that row', () => {
    // 33300043 is not a row of NpcParam (the rows around the Giant Silver Tear are 33300040 and 33300042 … ).
    expect(rowIds.has(33300043)).toBe(false);
    const unknownId = withFirstRoute((r) => (r.enemies[0].npcParamId = 33300043));
    expect(routeProblems(unknownId, enemies).join('\n')).toMatch(/names NpcParam 33300043, which does not exist/);
    const wrongName = withFirstRoute((r) => (r.enemies[0].name = 'Sanguine Noble'));
    expect(routeProblems(wrongName, enemies).join('\n')).toMatch(/calls NpcParam \d+ "Sanguine Noble"/);
    const badCount = withFirstRoute((r) => (r.enemies[0].count = 1.5));
    expect(routeProblems(badCount, enemies).join('\n')).toMatch(/a count that is not a whole number/);
    const noEnemies = withFirstRoute((r) => (r.enemies = []));
    expect(routeProblems(noEnemies, enemies).join('\n')).toMatch(/lists no enemies/);
  });

  it('the check catches a time or a level the source does not give as numbers', () => {
    const time = withFirstRoute((r) => (r.quoted.secondsPerRun = '10 s'));
    expect(routeProblems(time, enemies).join('\n')).toMatch(/time per run/);
    const level = withFirstRoute((r) => (r.quoted.level = { min: 90, max: 40 }));
    expect(routeProblems(level, enemies).join('\n')).toMatch(/level range/);
  });

  describe.skipIf(!haveShared)("against the game's own NpcParam (../shared)", () => {
    it('each route row exists in regulation 1.16.1 with the getSoul data/enemies.json holds', async () => {
      const { openRegulation } = await import('../../scripts/regulation/regulation.ts');
      const npc = openRegulation(path.join(regDir, '1.16.1/regulation.bin'), path.join(regDir, 'defs')).param('NpcParam');
      const byId = new Map(enemies.enemies.map((row) => [row.id, row]));
      for (const route of file.routes) {
        for (const e of route.enemies) expect([route.id, e.npcParamId, npc.num(e.npcParamId, 'getSoul')]).toEqual([route.id, e.npcParamId, byId.get(e.npcParamId)?.runes ?? 0]);
      }
    }, 60_000);
  });
});
