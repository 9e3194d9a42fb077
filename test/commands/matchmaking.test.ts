// /matchmaking through the real router. The ranges are community-tested figures (src/game/matchmakingTables.ts
// cites r/Eldenring "Unofficial Matchmaking Information"): co-op 0.9·L − 10 … 1.1·L + 10, invasions
// 0.9·L … 1.1·L + 20, and the weapon table (a +25 matches +19 to +25 regular, +8 to +10 somber).

import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

describe('/matchmaking', () => {
  it('gives the co-op and invasion ranges and the weapon range, labelled community-tested with the source', async () => {
    const reply = await t.run('matchmaking', null, { level: 150, weapon_level: 25 });
    const out = text(reply);
    expect(out).toMatch(/summon levels 125 to 175/); // 0.9·150 − 10, 1.1·150 + 10
    expect(out).toMatch(/Invading: Hosts of levels 135 to 185/); // 0.9·150, 1.1·150 + 20
    expect(out).toMatch(/regular \+19 to \+25 and somber \+8 to \+10/);
    expect(out).toMatch(/community-tested/i);
    expect(out).toMatch(/Unofficial Matchmaking Information/);
    // the original publisher (the Reddit post), never a mirror
    const body = JSON.stringify(reply);
    expect(body).toContain('https://www.reddit.com/r/Eldenring/comments/t7620i/unofficial_matchmaking_information/');
    expect(body).not.toMatch(/gameskinny1|huuu\.biz|adminforge|khempo/);
    // at most one note line, and no "Game data" line under figures that are not game data
    const footer = reply.embeds![0]!.footer!;
    expect(footer.split('\n')).toHaveLength(1);
    expect(footer).toMatch(/^⚠ Community-tested in 2022, not game data/);
  });

  it('puts the disputed +22 range in its one note line', async () => {
    const footer = (await t.run('matchmaking', null, { level: 150, weapon_level: 22 })).embeds![0]!.footer!;
    expect(footer).toBe('⚠ Players disagree on the lower end for +22 (+17 or +18); +17 is used');
  });

  it('takes somber weapon levels and refuses somber levels above 10', async () => {
    expect(text(await t.run('matchmaking', null, { level: 100, weapon_level: 10, somber: true }))).toMatch(/\+10 \(somber\)/);
    const bad = await t.run('matchmaking', null, { level: 100, weapon_level: 12, somber: true });
    expect(bad.ephemeral).toBe(true);
    expect(bad.content).toMatch(/from 0 to 10/);
  });

  it('refuses levels outside 1 to 713 and asks for a level without a character', async () => {
    for (const level of [0, 714, -1]) {
      const reply = await t.run('matchmaking', null, { level });
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/from 1 to 713/);
    }
    expect((await t.run('matchmaking', null, {})).content).toMatch(/Give `level`/);
    expect(t.unexpected()).toEqual([]);
  });
});
