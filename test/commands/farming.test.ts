// /enemy, /farm spots and /runes farm spot: through the real router. Expected figures come from the
// game's params (read with the project's reader, regulation 1.16.1), mechanics.md, and arithmetic in the
// comment by each: NpcParam 34701468 Bloodbane Albinauric getSoul 2,044; 45610068 Bloodbane Giant Crow
// 11,038; 33300042 Giant Silver Tear 1,952; GameAreaParam 1051430800 Black Blade Kindred 88,000 alone and
// in co-op; 41020800 Lamenter 160,000 alone, 0 in co-op. Level costs: mechanics.md §1.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD_ID, OTHER_USER_ID, USER_ID, makeTestApp, text } from './runes-helpers.ts';
import type { AutocompleteRequest } from '../../src/router/types.ts';

const t = makeTestApp();
afterAll(() => t.close());

// An Astrologer with +36 Vigor is level 42 (runes-character.test.ts); cost(42) = 10,893 (mechanics.md §1 formula).
const NG_USER = '200000000000000099';
beforeAll(() => {
  const store = t.app.services.store();
  store.createCharacter(USER_ID, { name: 'Miriel *the* @everyone', className: 'Astrologer', stats: { vigor: 45 } });
  store.createCharacter(NG_USER, { name: 'Rogier', className: 'Astrologer', stats: { vigor: 45 }, journey: 2 });
});

async function choices(commandName: string, subcommand: string | null, focused: string, value: string) {
  const request: AutocompleteRequest = {
    user: { id: USER_ID, username: 'u' },
    guildId: null,
    channelId: null,
    locale: 'en-US',
    surface: 'gateway',
    commandName,
    group: null,
    subcommand,
    options: { [focused]: value },
    focused,
  };
  return t.app.router.runAutocomplete(request);
}

const BOULDER = 'dragonbarrow-lennes-rise-boulder';

describe('/enemy', () => {
  it('Bloodbane Albinauric: 2,044 in Mohgwyn Palace, every NG+ cycle, publicly', async () => {
    const reply = await t.run('enemy', null, { name: 'Bloodbane Albinauric' }, { guildId: GUILD_ID });
    expect(reply.ephemeral).toBeFalsy();
    const out = text(reply);
    expect(out).toContain('== Bloodbane Albinauric ==');
    expect(out).toContain('Mohgwyn Palace: 2,044 runes');
    expect(out).toMatch(/NG\s+2,044/);
    expect(out).toMatch(/NG\+1\s+4,088–10,220/); // ×2 … ×5
    expect(out).toMatch(/NG\+2\s+4,496–11,242/); // 2,044 × 2 × 1.1 = 4,496.8; × 5 × 1.1 = 11,242
    expect(out).toMatch(/NG\+7 on\s+5,212–13,030/); // × 1.275
    expect(out).toMatch(/^(-- )?Game data: patch 1.16.1$/m);
    // the ×2 to ×5 range is said once, with how to narrow it, not again in the footer
    expect(out.match(/×2 to ×5/g)).toHaveLength(1);
    expect(out).toContain('give `area` for one figure');
    expect(out).not.toMatch(/param|\.json|§|getSoul|bonusSoul|issue/i);
  });

  it('Gold Scarab and Fowl Foot as /runes gain applies them: 2,044 × 1.56 = 3,188 in NG', async () => {
    const out = text(await t.run('enemy', null, { name: 'Bloodbane Albinauric', gold_scarab: true, fowl_foot: true }));
    expect(out).toMatch(/NG\s+3,188/); // 3,188.64 floored
    expect(out).toContain('With Gold Scarab ×1.2 and Gold-Pickled Fowl Foot ×1.3');
    expect(out).toMatch(/Gold Scarab with Fowl Foot counted as ×1.56/);
    const gain = text(await t.run('runes', 'gain', { base: 2044, gold_scarab: true, fowl_foot: true }));
    expect(gain).toContain('3,188 runes');
  });

  it('a ×2 area gives one NG+ figure: 2,044 × 2 × 1.275 = 5,212 in NG+7', async () => {
    const out = text(await t.run('enemy', null, { name: 'Bloodbane Albinauric', area: 2 }));
    expect(out).toMatch(/NG\+7 on\s+5,212\s/);
    expect(out).not.toContain('give `area`');
  });

  it('a boss: Black Blade Kindred, 88,000 at the Bestial Sanctum alone or with cooperators; 105,600 with the Scarab', async () => {
    const out = text(await t.run('enemy', null, { name: 'black blade kindred', gold_scarab: true }));
    expect(out).toContain("Greyoll's Dragonbarrow - Bestial Sanctum: 88,000 runes, alone or with cooperators");
    expect(out).toMatch(/NG\s+105,600/);
  });

  it('a boss whose co-op reward differs: Lamenter 160,000 alone, 0 with cooperators', async () => {
    const out = text(await t.run('enemy', null, { name: 'Lamenter' }));
    expect(out).toContain("Lamenter's Gaol: 160,000 runes alone · 0 with cooperators");
  });

  it('a typo gets the closest match, said so; nonsense gets a private refusal saying what to give', async () => {
    const close = await t.run('enemy', null, { name: 'bloodbane albinuric' });
    expect(close.content).toContain('Closest match for “bloodbane albinuric”');
    expect(text(close)).toContain('Mohgwyn Palace: 2,044 runes');
    const none = await t.run('enemy', null, { name: 'zzzzqqqqxxxx' });
    expect(none.ephemeral).toBe(true);
    expect(none.content).toMatch(/No enemy or boss matches “zzzzqqqqxxxx”\. Give a name/);
    const mention = await t.run('enemy', null, { name: '@everyone <@123456789012345678>' });
    expect(JSON.stringify(mention)).not.toMatch(/@everyone|<@\d+>/);
    const bad = await t.run('enemy', null, { name: 'Bloodbane Albinauric', area: 7 });
    expect(bad.content).toMatch(/`area` must be an NG\+ area multiplier from 2 to 5/);
    expect(t.unexpected()).toEqual([]);
  });

  it('autocompletes names with their runes and place', async () => {
    const list = await choices('enemy', null, 'name', 'bloodbane giant');
    expect(list[0]).toMatchObject({ name: 'Bloodbane Giant Crow · 11,038 runes · Mohgwyn Palace', value: 'Bloodbane Giant Crow' });
    const boss = await choices('enemy', null, 'name', 'black blade kin');
    expect(boss[0]!.name).toBe('Black Blade Kindred · boss 60,000–88,000 · 2 places');
    expect((await choices('enemy', null, 'name', 'a')).length).toBeLessThanOrEqual(25);
  });
});

describe('/farm spots', () => {
  it('without a character: the spot, 1,952 a run from the game data beside the guide\'s 1,952, its link, and no figure an hour', async () => {
    const reply = await t.run('farm', 'spots', {}, { userId: OTHER_USER_ID, guildId: GUILD_ID });
    expect(reply.ephemeral).toBeFalsy();
    const out = text(reply);
    expect(out).toContain('1. Dragonbarrow: the rolling boulder below Lenne\'s Rise');
    expect(out).toContain('1 × Giant Silver Tear (1,952) = 1,952 runes a run');
    expect(out).toContain('the guide says 1,952');
    expect(out).toContain('The guide gives no time per run, so no figure an hour.');
    expect(reply.embeds![0]!.fields![0]!.value).toContain('(https://gist.github.com/exsilium/cd2ef4cbe61024c16e3fb56e33a4854c)');
    // The source gives no level: nothing is said about level.
    expect(out).not.toMatch(/recommends|suits/i);
  });

  it('with a target and the Scarab: level 1 → 150 (7,112,459 runes) at 2,342 a run is 3,037 runs', async () => {
    const out = text(await t.run('farm', 'spots', { target: 'level 150', gold_scarab: true }, { userId: OTHER_USER_ID }));
    expect(out).toContain('With your boosts and journey: 2,342 a run'); // 1,952 × 1.2 = 2,342.4
    expect(out).toContain('To level 150: 3,037 runs'); // ⌈7,112,459 / 2,342⌉
    expect(out).toContain('Counting from level 1');
    const runes = text(await t.run('farm', 'spots', { target: '2m' }, { userId: OTHER_USER_ID }));
    expect(runes).toContain('To 2,000,000 runes: 1,025 runs'); // ⌈2,000,000 / 1,952⌉ = 1,024.6 → 1,025
  });

  it("with an active character: runs to its next level (42 → 43 costs 10,893: 6 runs) and to the target, privately in a server", async () => {
    const reply = await t.run('farm', 'spots', { target: 'level 50' }, { guildId: GUILD_ID });
    expect(reply.ephemeral).toBe(true);
    const out = text(reply);
    expect(out).toContain('To level 43: 6 runs'); // ⌈10,893 / 1,952⌉ = 5.6 → 6
    // 42 → 50 is 101,385 runes (runes-character.test.ts, mechanics.md §1): ⌈101,385 / 1,952⌉ = 52
    expect(out).toContain('To level 50: 52 runs');
    const description = reply.embeds![0]!.description!;
    expect(description).toContain('Using level 42 and 0 runes held from **Miriel \\*the\\* @\u200beveryone**');
    expect(JSON.stringify(reply)).not.toMatch(/@everyone/);
    const lower = await t.run('farm', 'spots', { target: 'level 30' });
    expect(lower.ephemeral).toBe(true);
    expect(lower.content).toMatch(/is already level 42: give a higher target level/);
  });

  it("NG+ from the character's journey: journey 2 is NG+1, a ×2 to ×5 range (3,904 to 9,760 a run)", async () => {
    const out = text(await t.run('farm', 'spots', {}, { userId: NG_USER }));
    expect(out).toContain("NG+1 from Rogier's journey 2");
    expect(out).toContain('With your boosts and journey: 3,904 to 9,760 a run');
    const area = text(await t.run('farm', 'spots', { ng: 1, area: 3 }, { userId: OTHER_USER_ID }));
    expect(area).toContain('5,856 a run'); // 1,952 × 3
  });

  it('refuses bad input privately, saying what is valid', async () => {
    expect((await t.run('farm', 'spots', { target: 'lots' })).content).toMatch(/`target` must be runes/);
    expect((await t.run('farm', 'spots', { area: 2 }, { userId: OTHER_USER_ID })).content).toMatch(/`area` only applies in NG\+/);
    expect((await t.run('farm', 'spots', { ng: -1 })).content).toMatch(/`ng` must be an NG\+ cycle/);
    expect((await t.run('farm', null, {})).content).toMatch(/Use one of: `\/farm spots`/);
    expect(t.unexpected()).toEqual([]);
  });
});

describe('/runes farm spot', () => {
  it('takes its runes a run from the spot: level 1 → 150 at 1,952 a run is 3,644 runs', async () => {
    const out = text(await t.run('runes', 'farm', { spot: BOULDER, target: 'level 150' }, { userId: OTHER_USER_ID }));
    expect(out).toContain("At Dragonbarrow: the rolling boulder below Lenne's Rise: 1,952 runes a run");
    expect(out).toContain('3,644 runs at 1,952 runes a run'); // ⌈7,112,459 / 1,952⌉
    expect(out).toContain('Game data: patch 1.16.1');
  });

  it('per_run still works, and a clear private message when neither or both are given, or the spot is unknown', async () => {
    expect(text(await t.run('runes', 'farm', { per_run: 50000, target: 'level 150' }, { userId: OTHER_USER_ID }))).toContain('143 runs'); // ⌈7,112,459 / 50,000⌉
    const neither = await t.run('runes', 'farm', { target: 'level 150' });
    expect(neither.ephemeral).toBe(true);
    expect(neither.content).toMatch(/Give `per_run` \(a whole number of runes from 1 to 1,000,000,000,000\) or `spot`/);
    expect((await t.run('runes', 'farm', { target: 'level 150', per_run: 5, spot: BOULDER })).content).toBe('Give either `per_run` or `spot`, not both.');
    expect((await t.run('runes', 'farm', { target: 'level 150', spot: 'the moon' })).content).toMatch(/No farming spot matches “the moon”\. Give `spot` as one of: `dragonbarrow-lennes-rise-boulder`/);
  });

  it('autocompletes spots by name, sending the id', async () => {
    expect(await choices('runes', 'farm', 'spot', 'boul')).toEqual([{ name: "Dragonbarrow: the rolling boulder below Lenne's Rise", value: BOULDER, typed: BOULDER }]);
    expect(await choices('runes', 'farm', 'spot', 'zzzz')).toEqual([]);
  });
});
