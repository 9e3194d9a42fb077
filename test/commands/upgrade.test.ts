// /upgrade through the real router. Expected figures are from mechanics.md §6: Longsword (reinforcePrice
// 250) +0→+25 = 21,250 runes; Moonveil (360, somber) +0→+10 = 11,880; a regular +0→+25 needs 12 of each
// Smithing Stone [1]-[8] and 1 Ancient Dragon Smithing Stone; Twin Maiden Husks prices.

import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

describe('/upgrade', () => {
  it('Longsword +0 → +25: 21,250 runes, 12 of each Smithing Stone [1]-[8] and 1 Ancient Dragon Smithing Stone', async () => {
    const reply = await t.run('upgrade', null, { weapon: 'Longsword' });
    expect(reply.ephemeral).toBeFalsy();
    const out = text(reply);
    expect(out).toContain('21,250');
    for (let tier = 1; tier <= 8; tier++) expect(out).toContain(`12 × Smithing Stone [${tier}]`);
    expect(out).toContain('1 × Ancient Dragon Smithing Stone: not sold by the Husks');
    // 250, 300, … 1,450 per step (§6)
    expect(out).toMatch(/\+0→\+1\s+250\s+2 × Smithing Stone \[1\]/);
    expect(out).toMatch(/\+24→\+25\s+1,450\s+1 × Ancient Dragon Smithing Stone/);
    // Husks: 12 × (200 + 400 + 600 + 900 + 1,200 + 1,500 + 2,400 + 3,600) = 129,600
    expect(out).toContain('129,600');
    expect(out).toContain('12 × Smithing Stone [8]: 3,600 each = 43,200');
    expect(out).toContain("Smithing-Stone Miner's Bell Bearing [4]");
    // The per-step rates are the params' own: no doubt noted, one plain footer line.
    expect(out).toMatch(/-- Game data: patch 1\.16\.1$/);
    expect(out).not.toMatch(/single source|⚠|regulation@|erdb@/);
  });

  it('Moonveil +0 → +10: 11,880 runes and one of each Somber Smithing Stone', async () => {
    const out = text(await t.run('upgrade', null, { weapon: 'moonveil' }));
    expect(out).toContain('11,880');
    for (let tier = 1; tier <= 9; tier++) expect(out).toContain(`1 × Somber Smithing Stone [${tier}]`);
    expect(out).toContain('1 × Somber Ancient Dragon Smithing Stone: not sold by the Husks');
    // Somber [1]-[9]: 2,000 + 3,000 + 4,000 + 6,000 + 9,000 + 12,000 + 16,000 + 20,000 + 25,000 = 97,000
    expect(out).toContain('97,000');
    expect(out).toContain("Somberstone Miner's Bell Bearing [5]");
  });

  it('takes a partial range, including "+N" written after the name', async () => {
    // Moonveil steps from §6: 360, 540, 720, 900, 1,080, 1,260, 1,440, 1,620, 1,800, 2,160 → +3→+10 = 10,260
    expect(text(await t.run('upgrade', null, { weapon: 'Moonveil', from: 3 }))).toContain('10,260');
    expect(text(await t.run('upgrade', null, { weapon: 'Moonveil +3' }))).toContain('10,260');
  });

  it('spirit ashes: Black Knife Tiche 2,000 … 14,000 per step with Ghost Gloveworts', async () => {
    const out = text(await t.run('upgrade', null, { ash: 'Black Knife Tiche' }));
    expect(out).toMatch(/\+0→\+1\s+2,000\s+1 × Ghost Glovewort \[1\]/);
    expect(out).toMatch(/\+9→\+10\s+14,000\s+1 × Great Ghost Glovewort/);
    expect(out).toContain('1 × Great Ghost Glovewort: not sold by the Husks');
    // a spirit ash name in `weapon` works too; Wandering Noble Ashes is a regular ash (Grave Glovewort), 135 … 675
    const noble = text(await t.run('upgrade', null, { weapon: 'Wandering Noble Ashes' }));
    expect(noble).toMatch(/\+0→\+1\s+135\s+1 × Grave Glovewort \[1\]/);
    expect(noble).toMatch(/\+9→\+10\s+675\s+1 × Great Grave Glovewort/);
  });

  it('refuses bad input privately with what is valid', async () => {
    const cases: Array<[Record<string, string | number>, RegExp]> = [
      [{}, /Give `weapon`/],
      [{ weapon: 'Moonveil', to: 20 }, /up to \+10/],
      [{ weapon: 'Longsword', from: 10, to: 5 }, /must be above/],
      [{ weapon: 'Longsword', from: -1 }, /from 0 to 25/],
      [{ weapon: 'definitely not a sword' }, /found no weapon/],
      [{ weapon: 'Longsword', ash: 'Mimic Tear Ashes' }, /either/],
      [{ weapon: 'Meteorite Staff' }, /cannot be upgraded/],
    ];
    for (const [options, pattern] of cases) {
      const reply = await t.run('upgrade', null, options);
      expect(reply.ephemeral, JSON.stringify(options)).toBe(true);
      expect(reply.content, JSON.stringify(options)).toMatch(pattern);
    }
  });

  it('autocompletes weapon and ash names', async () => {
    const weapons = await t.app.router.runAutocomplete({
      user: { id: '1', username: 'u' },
      guildId: null,
      channelId: null,
      locale: 'en-US',
      surface: 'gateway',
      commandName: 'upgrade',
      group: null,
      subcommand: null,
      options: { weapon: 'longsw' },
      focused: 'weapon',
    });
    expect(weapons.map((c) => c.value)).toContain('Longsword');
    const ashes = await t.app.router.runAutocomplete({
      user: { id: '1', username: 'u' },
      guildId: null,
      channelId: null,
      locale: 'en-US',
      surface: 'gateway',
      commandName: 'upgrade',
      group: null,
      subcommand: null,
      options: { ash: 'tiche' },
      focused: 'ash',
    });
    expect(ashes[0]?.value).toBe('Black Knife Tiche');
    expect(t.unexpected()).toEqual([]);
  });
});

describe('/upgrade name resolution with the item index', () => {
  it('takes affinity names, "+N" forms and loose words, and says when it picked a best match', async () => {
    expect(text(await t.run('upgrade', null, { weapon: 'Heavy Longsword' }))).toContain('21,250');
    const tiche = text(await t.run('upgrade', null, { ash: 'Black Knife Tiche +5' }));
    expect(tiche).toContain('Black Knife Tiche +5 → +10');
    expect(tiche).toMatch(/\+5→\+6\s+8,000/); // the ash's own cost of +5 → +6 (§6: 2,000, 3,200, … 14,000)
    expect(text(await t.run('upgrade', null, { weapon: 'tiche' }))).toMatch(/Best match for “tiche”/);
    const unknown = await t.run('upgrade', null, { weapon: 'definitely not a sword' });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toMatch(/found no weapon, shield or spirit ash/);
  });
});

describe('/upgrade with an active character (issue 5)', () => {
  // A third user, so the tests above keep answering without a character.
  const MIRIEL = '200000000000000013';
  const GUILD = '300000000000000013';

  it('says whether its runes held cover the upgrade runes, with the name escaped', async () => {
    const store = t.app.services.store();
    store.createCharacter(MIRIEL, { name: 'Miriel *the* @everyone', className: 'Vagabond' });
    store.addRunes({ userId: MIRIEL }, 12_000);
    // Longsword +0 → +25 costs 21,250 (§6): 21,250 − 12,000 = 9,250 short.
    const short = await t.run('upgrade', null, { weapon: 'Longsword' }, { userId: MIRIEL });
    const description = short.embeds![0]!.description!;
    expect(description).toContain('**Miriel \\*the\\* @\u200beveryone** holds 12,000 runes: **9,250 short**.');
    expect(JSON.stringify(short)).not.toMatch(/@everyone/);
    // +20 → +25: the steps to +21 … +25 at rates 5.0, 5.2, 5.4, 5.6, 5.8 × 250 = 1,250 + 1,300 + 1,350 + 1,400 + 1,450 = 6,750.
    const enough = text(await t.run('upgrade', null, { weapon: 'Longsword', from: 20 }, { userId: MIRIEL }));
    expect(enough).toContain('Upgrade runes: 6,750.');
    expect(enough).toContain('holds 12,000 runes: enough.');
  });

  it('is private in a server for a private character, public for a public one, and normal in DMs', async () => {
    expect((await t.run('upgrade', null, { weapon: 'Longsword' }, { userId: MIRIEL, guildId: GUILD })).ephemeral).toBe(true);
    expect((await t.run('upgrade', null, { weapon: 'Longsword' }, { userId: MIRIEL })).ephemeral).toBeFalsy();
    const store = t.app.services.store();
    store.setVisibility({ userId: MIRIEL }, true);
    const shared = await t.run('upgrade', null, { weapon: 'Longsword' }, { userId: MIRIEL, guildId: GUILD });
    expect(shared.ephemeral).toBeFalsy();
    expect(text(shared)).toContain('holds 12,000 runes');
    store.setVisibility({ userId: MIRIEL }, false);
  });

  it("a DLC weapon's upgrade cost is known: Rellana's Twin Blades +0 → +10 in runes and somber stones", async () => {
    // 1.16.1 params: EquipParamWeapon 67520000 reinforcePrice 460, reinforceTypeId 2200 (somber); the somber
    // rates +1..+10 (1, 1.5, … 5, 6) sum to 33, so 460 × 33 = 15,180 runes.
    const out = text(await t.run('upgrade', null, { weapon: "Rellana's Twin Blades" }));
    expect(out).toContain('Upgrade runes: 15,180.');
    expect(out).not.toContain('unknown');
    expect(out).toMatch(/\+0→\+1\s+460\s+1 × Somber Smithing Stone \[1\]/);
    expect(out).toMatch(/\+9→\+10\s+2,760\s+1 × Somber Ancient Dragon Smithing Stone/);
  });
});
