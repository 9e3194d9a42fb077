// The farming core on the compiled data (data/enemies.json, data/bosses.json). Expected figures were read
// from the game's own params (regulation 1.16.1, with the project's reader), not from this code:
//   NpcParam 34701468 Bloodbane Albinauric (Mohgwyn Palace)  getSoul 2,044 (also the regulation README)
//   NpcParam 34715268 Large Bloodbane Albinauric             getSoul 2,397
//   NpcParam 45610068 Bloodbane Giant Crow                   getSoul 11,038
//   NpcParam 35500068 Sanguine Noble (Mohgwyn Palace)        getSoul 6,062
//   NpcParam 33300042 Giant Silver Tear (Dragonbarrow)       getSoul 1,952
//   GameAreaParam 1051430800 Black Blade Kindred (Bestial Sanctum) bonusSoul_single 88,000, _multi 88,000 (README)
//   GameAreaParam 41020800 Lamenter                          bonusSoul_single 160,000, _multi 0
//   GameAreaParam 10000800 Godrick the Grafted               bonusSoul_single 20,000 (also mechanics.md §5)
// NG+ factors and boosts: mechanics.md §5 (first NG+ ×2 to ×5 by area; NG+2 ×1.1 … NG+7 ×1.275; Gold
// Scarab ×1.2, Fowl Foot ×1.3; floored once). Level costs: mechanics.md §1.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadFarmingData,
  EnemyIndex,
  enemyDrops,
  findSpot,
  getFarming,
  rankSpots,
  runesByCycle,
  runesPerHour,
  searchSpots,
  splitBossName,
  splitVariant,
  spotPlan,
  spotRunes,
  type FarmRoute,
} from '../../src/farming/index.ts';

const farming = getFarming();
if (!farming) throw new Error('data/enemies.json and data/bosses.json are committed: they must load');
const { index } = farming;

/** A test route (not shipped data): the real rows, counts chosen for the arithmetic. */
function route(id: string, enemies: FarmRoute['enemies'], quoted: Partial<FarmRoute['quoted']> = {}): FarmRoute {
  return {
    id,
    name: id,
    region: 'Test region',
    dlc: false,
    grace: 'Test grace',
    enemies,
    quoted: { note: 'test', ...quoted },
    source: { url: 'https://example.com/guide', title: 'Guide', publisher: 'Example' },
  };
}

describe('enemy lookup', () => {
  it('Bloodbane Albinauric: 2,044 runes in Mohgwyn Palace (NpcParam 34701468)', () => {
    const entry = index.get('Bloodbane Albinauric')!;
    expect(entry.rows.map((r) => r.id)).toContain(34701468);
    expect(entry.rows.find((r) => r.id === 34701468)!.runes).toBe(2044);
    const drops = enemyDrops(entry);
    expect(drops.places.find((p) => p.place === 'Mohgwyn Palace')!.runes).toEqual([2044]);
    expect(drops.values[0]).toBe(2044);
  });

  it('one name, several rows in different places: the drop is given per place', () => {
    // The Giant Silver Tear rows (NpcParam 3330004x/6x) sit in several places with different getSoul.
    const drops = enemyDrops(index.get('Giant Silver Tear')!);
    expect(drops.places.length).toBeGreaterThan(1);
    expect(drops.values.length).toBeGreaterThan(1);
    expect(drops.places.find((p) => p.place === "Greyoll's Dragonbarrow - Southwest Farum Greatbridge")!.runes).toContain(1952);
  });

  it('the other Mohgwyn farm enemies: the giant crow 11,038, the Sanguine Noble 6,062, the large albinauric 2,397', () => {
    expect(index.row(45610068)).toEqual({ name: 'Bloodbane Giant Crow', runes: 11038 });
    expect(enemyDrops(index.get('Sanguine Noble')!).places.find((p) => p.place === 'Mohgwyn Palace')!.runes).toContain(6062);
    expect(enemyDrops(index.get('Large Bloodbane Albinauric')!).values).toContain(2397);
  });

  it('a boss: Black Blade Kindred awards 88,000 at the Bestial Sanctum, alone and in co-op (GameAreaParam 1051430800)', () => {
    const entry = index.get('black blade kindred')!;
    expect(entry.bosses).toContainEqual({ id: 1051430800, place: "Greyoll's Dragonbarrow - Bestial Sanctum", variant: null, single: 88000, multi: 88000 });
    // Its NpcParam rows with a place qualifier ("… (Dragonbarrow - Bestial Sanctum)") join the same entry.
    expect(entry.rows.some((r) => r.places.some((p) => p.place === "Greyoll's Dragonbarrow - Bestial Sanctum" && p.boss))).toBe(true);
  });

  it('a boss whose co-op reward differs: Lamenter 160,000 alone, 0 in co-op (GameAreaParam 41020800)', () => {
    expect(index.get('Lamenter')!.bosses).toContainEqual(expect.objectContaining({ id: 41020800, single: 160000, multi: 0 }));
  });

  it('boss row names join the enemy of the same name whatever the punctuation: Godrick the Grafted 20,000', () => {
    const entry = index.get('Godrick the Grafted')!;
    expect(entry.bosses.find((b) => b.id === 10000800)!.single).toBe(20000);
    expect(index.get('Morgott- the Omen King')).toBe(index.get('Morgott, the Omen King'));
  });

  it('finds names from a prefix, from words, from another name and from a typo', () => {
    expect(index.search('bloodbane alb', 5)[0]!.entry.name).toBe('Bloodbane Albinauric');
    expect(index.search('giant crow bloodbane', 5).map((h) => h.entry.name)).toContain('Bloodbane Giant Crow');
    expect(index.search('bloodbane albinuric', 5)[0]!.entry.name).toBe('Bloodbane Albinauric');
    expect(index.search('Commoner (Pot)', 5)[0]!.entry.name).toBe('Commoner');
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('zzzzqqqqxxxx', 5)).toEqual([]);
    expect(index.lookup('black blade kindred').best!.tier).toBe(0);
  });

  it('splits boss row names and bracketed variants', () => {
    expect(splitBossName("[Greyoll's Dragonbarrow - Bestial Sanctum] Black Blade Kindred")).toEqual({ place: "Greyoll's Dragonbarrow - Bestial Sanctum", name: 'Black Blade Kindred' });
    expect(splitBossName('Plain name')).toEqual({ place: null, name: 'Plain name' });
    // Row names write a comma as "- "; a spaced " - " separates a region from a place and stays.
    expect(splitBossName('[Leyndell- Royal Capital] Morgott- the Omen King')).toEqual({ place: 'Leyndell, Royal Capital', name: 'Morgott, the Omen King' });
    expect(splitBossName('[Liurnia - Caria Manor] Loretta- Royal Knight')).toEqual({ place: 'Liurnia - Caria Manor', name: 'Loretta, Royal Knight' });
    expect(splitVariant('Putrid Corpse (Large) (Maggots)')).toEqual({ base: 'Putrid Corpse', variant: 'Large, Maggots' });
    expect(splitVariant('Commoner')).toEqual({ base: 'Commoner', variant: null });
  });

  it("leaves out the player's own spirit summons (met only in the \"Spirit Summon\" pseudo-place)", () => {
    expect(index.search('[Spirit Summon] Mimic Tear', 25).every((h) => h.entry.rows.every((r) => r.places.every((p) => p.place !== 'Spirit Summon')))).toBe(true);
    expect(index.entries.some((e) => e.rows.some((r) => r.places.some((p) => p.place === 'Spirit Summon')))).toBe(false);
  });

  it('builds from any data shape it is given (a synthetic file)', () => {
    const small = new EnemyIndex(
      { patch: 'x', places: ['A', 'B'], enemies: [{ id: 1, name: 'Foe', runes: 10, at: [[0, 0]] }, { id: 2, name: 'Foe (Big)', runes: 30, at: [[1, 2]] }, { id: 3, name: 'Unplaced', runes: 5 }] },
      { patch: 'x', bosses: [{ id: 9, name: '[B] Foe', single: 100, multi: 50 }, { id: 10, name: '[B] Nobody', single: 0, multi: 0 }] },
    );
    expect(small.entries.map((e) => e.name)).toEqual(['Foe']);
    const drops = enemyDrops(small.get('foe')!);
    expect(drops.places).toEqual([
      { place: 'B', runes: [30], variants: ['Big'], boss: false, dlc: true },
      { place: 'A', runes: [10], variants: [], boss: false, dlc: false },
    ]);
    expect(small.get('Foe')!.bosses).toEqual([{ id: 9, place: 'B', variant: null, single: 100, multi: 50 }]);
    expect(small.row(3)).toEqual({ name: 'Unplaced', runes: 5 });
    expect(small.row(4)).toBeUndefined();
  });
});

describe('runes per NG cycle with the boosts', () => {
  it('2,044 (Bloodbane Albinauric): NG 2,044; NG+1 4,088 to 10,220; NG+2 4,496 to 11,242; NG+7 5,212 to 13,030', () => {
    const { cycles } = runesByCycle(2044);
    expect(cycles.map((c) => c.cycle)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(cycles[0]).toMatchObject({ min: 2044, max: 2044 });
    expect(cycles[1]).toMatchObject({ min: 4088, max: 10220 }); // ×2, ×5
    expect(cycles[2]).toMatchObject({ min: 4496, max: 11242 }); // 2,044 × 2 × 1.1 = 4,496.8; × 5 × 1.1 = 11,242
    expect(cycles[7]).toMatchObject({ min: 5212, max: 13030 }); // × 2 × 1.275 = 5,212.2; × 5 × 1.275 = 13,030.5
  });

  it('Gold Scarab and Fowl Foot as /runes gain applies them: 2,044 × 1.2 = 2,452; × 1.56 = 3,188; a ×3 area in NG+3 with the Scarab 8,278', () => {
    expect(runesByCycle(2044, { goldScarab: true }).cycles[0]).toMatchObject({ min: 2452, max: 2452 }); // 2,452.8
    expect(runesByCycle(2044, { goldScarab: true, fowlFoot: true }).cycles[0]).toMatchObject({ min: 3188, max: 3188 }); // 3,188.64
    // 2,044 × 1.2 × 1.125 × 3 = 8,278.2
    expect(runesByCycle(2044, { goldScarab: true, ngAreaMultiplier: 3 }).cycles[3]).toMatchObject({ min: 8278, max: 8278 });
  });

  it('a boss reward scales the same way: 88,000 with the Scarab is 105,600', () => {
    expect(runesByCycle(88000, { goldScarab: true }).cycles[0]).toMatchObject({ min: 105600, max: 105600 });
  });

  it('labels the NG+ range and the stacking assumption', () => {
    const ids = runesByCycle(2044, { goldScarab: true, fowlFoot: true }).notes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['ng-area-multiplier', 'rune-gain-stacking']));
  });
});

describe('farming spots', () => {
  const crow = route('crow', [{ npcParamId: 45610068, name: 'Bloodbane Giant Crow', count: 1 }], { secondsPerRun: 30 });
  const albinaurics = route('albinaurics', [
    { npcParamId: 34701468, name: 'Bloodbane Albinauric', count: 3 },
    { npcParamId: 34715268, name: 'Large Bloodbane Albinauric', count: 2 },
  ]);

  it('runes a run are Σ count × getSoul: 3 × 2,044 + 2 × 2,397 = 10,926', () => {
    const spot = spotRunes(albinaurics, index);
    expect(spot.lines.map((l) => [l.count, l.each, l.subtotal])).toEqual([
      [3, 2044, 6132],
      [2, 2397, 4794],
    ]);
    expect(spot.perRun).toBe(10926);
  });

  it('ranks by runes a run, and gives an hour only where the source gives a time: 11,038 every 30 s is 1,324,560 an hour', () => {
    const ranked = rankSpots([albinaurics, crow], index);
    expect(ranked.map((s) => s.route.id)).toEqual(['crow', 'albinaurics']);
    expect(ranked[0]!.perHour).toEqual({ min: 1324560, max: 1324560 }); // 11,038 × 120
    expect(ranked[1]!.perHour).toBeNull();
    // With the Scarab: 11,038 × 1.2 = 13,245.6 → 13,245; × 120 = 1,589,400
    expect(rankSpots([crow], index, { goldScarab: true })[0]).toMatchObject({ boosted: { min: 13245, max: 13245 }, perHour: { min: 1589400, max: 1589400 } });
    // NG+1 without an area: the ×2 to ×5 range, ranked by its lower end.
    expect(rankSpots([crow], index, { ngCycle: 1 })[0]!.boosted).toEqual({ min: 22076, max: 55190 });
  });

  it('says whether a spot suits a level only when its source recommends levels', () => {
    const levelled = route('levelled', crow.enemies, { level: { min: 100, max: 150 } });
    expect(rankSpots([levelled, crow], index, {}, 120).map((s) => [s.route.id, s.suitsLevel])).toEqual([
      ['crow', null],
      ['levelled', true],
    ]);
    expect(rankSpots([levelled], index, {}, 99)[0]!.suitsLevel).toBe(false);
    expect(rankSpots([levelled], index)[0]!.suitsLevel).toBeNull();
  });

  it('runs and time to a target: level 1 to 150 (7,112,459 runes) at 1,952 a run is 3,644 runs; with the Scarab (2,342) 3,037', () => {
    const boulder = farming.data.routes.find((r) => r.id === 'dragonbarrow-lennes-rise-boulder')!;
    expect(spotPlan(boulder, index, { fromLevel: 1, toLevel: 150 }).plan).toMatchObject({ targetRunes: 7112459, runs: 3644, minutes: null });
    expect(spotPlan(boulder, index, { fromLevel: 1, toLevel: 150 }, { boosts: { goldScarab: true } }).plan).toMatchObject({ perRunBoosted: 2342, runs: 3037 });
    // cost(50) = 15,102: 8 runs of 1,952; holding 15,000 leaves 102: 1 run.
    expect(spotPlan(boulder, index, { fromLevel: 50, toLevel: 51 }).plan.runs).toBe(8);
    expect(spotPlan(boulder, index, { fromLevel: 50, toLevel: 51 }, { held: 15000 }).plan.runs).toBe(1);
    // A source time of 30 s a run: 1,324,560 runes an hour at the crow; 2,000,000 runes take 182 runs = 91 minutes.
    expect(spotPlan(crow, index, { runes: 2_000_000 })).toMatchObject({ minutesPerRun: 0.5, plan: { runs: 182, minutes: 91 } });
  });

  it('per hour is exact integer arithmetic, and refuses nonsense', () => {
    expect(runesPerHour(1952, 7)).toBe(1003885); // 1,952 × 3,600 / 7 = 1,003,885.7
    expect(runesPerHour(999_999_999, 1)).toBe(3_599_999_996_400);
    expect(() => runesPerHour(1, 0)).toThrow(RangeError);
    expect(() => runesPerHour(-1, 10)).toThrow(RangeError);
  });

  it('a route naming a row the data lacks is refused, not counted as 0', () => {
    expect(() => spotRunes(route('ghost', [{ npcParamId: 33300043, name: 'x', count: 1 }]), index)).toThrow(/an enemy the game data does not have \(row 33300043\)/);
  });

  it('the loader refuses a routes file with a spot that has no source or an unknown NpcParam id', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-routes-'));
    try {
      const file = path.join(dir, 'farm-routes.json');
      const bad = { routes: [{ ...crow, id: 'crow', source: undefined }, { ...crow, id: 'ghost', enemies: [{ npcParamId: 33300043, name: 'x', count: 1 }] }] };
      writeFileSync(file, JSON.stringify(bad));
      expect(() => loadFarmingData({ routes: file })).toThrow(/spot "crow": has no public source.*spot "ghost": names NpcParam 33300043, which does not exist/s);
      writeFileSync(file, JSON.stringify({ routes: [crow] }));
      expect(loadFarmingData({ routes: file })!.routes.map((r) => r.id)).toEqual(['crow']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a spot by id, name or words; nothing for an unknown one', () => {
    const routes = [crow, albinaurics, ...farming.data.routes];
    expect(findSpot(routes, 'crow')).toBe(crow);
    expect(findSpot(routes, 'dragonbarrow-lennes-rise-boulder')!.id).toBe('dragonbarrow-lennes-rise-boulder');
    expect(findSpot(farming.data.routes, 'boulder')!.id).toBe('dragonbarrow-lennes-rise-boulder');
    expect(findSpot(routes, 'nowhere at all')).toBeNull();
    expect(searchSpots(routes, '').length).toBe(routes.length);
  });
});
