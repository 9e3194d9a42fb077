// /upgrade through the real router. Expected figures are from mechanics.md §6: Longsword (reinforcePrice
// 250) +0→+25 = 21,250 runes; Moonveil (360, somber) +0→+10 = 11,880; a regular +0→+25 needs 12 of each
// Smithing Stone [1]-[8] and 1 Ancient Dragon Smithing Stone; Twin Maiden Husks prices.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openRegulation } from '../../scripts/regulation/regulation.ts';
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
    expect(weapons.map((c) => c.typed)).toContain('Longsword');
    for (const choice of weapons) expect(choice.value).toMatch(/^(weapon|shield):\d+$/); // item keys
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
    expect(ashes[0]?.typed).toBe('Black Knife Tiche');
    expect(ashes[0]?.value).toMatch(/^spirit_ash:\d+$/);
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
    await store.createCharacter(MIRIEL, { name: 'Miriel *the* @everyone', className: 'Vagabond' });
    await store.addRunes({ userId: MIRIEL }, 12_000);
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
    await store.setVisibility({ userId: MIRIEL }, true);
    const shared = await t.run('upgrade', null, { weapon: 'Longsword' }, { userId: MIRIEL, guildId: GUILD });
    expect(shared.ephemeral).toBeFalsy();
    expect(text(shared)).toContain('holds 12,000 runes');
    await store.setVisibility({ userId: MIRIEL }, false);
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

describe('/upgrade on upgrade paths with their own rates', () => {
  // Soldier's Crossbow, read from regulation 1.16.1: EquipParamWeapon 43000000 reinforcePrice 240,
  // reinforceTypeId 3100; ReinforceParamWeapon 3101 … 3125 reinforcePriceRate 1.2, 1.4, … 6.0 (1 + 0.2n).
  // +n costs 240 × (1 + 0.2n) = 240 + 48n: +1 288, +2 336, … +25 1,440; in all 6,000 + 48 × 325 = 21,600.
  it("Soldier's Crossbow +0 → +25: 288 … 1,440 per step, 21,600 runes (the regular table's 20,400 was wrong)", async () => {
    const out = text(await t.run('upgrade', null, { weapon: "Soldier's Crossbow" }));
    expect(out).toContain('Upgrade runes: 21,600.');
    expect(out).toMatch(/\+0→\+1\s+288\s+2 × Smithing Stone \[1\]/);
    expect(out).toMatch(/\+1→\+2\s+336\s+4 × Smithing Stone \[1\]/);
    expect(out).toMatch(/\+24→\+25\s+1,440\s+1 × Ancient Dragon Smithing Stone/);
    // +10 → +15: the steps to +11 … +15 at 240 + 48n = 768 + 816 + 864 + 912 + 960 = 4,320
    expect(text(await t.run('upgrade', null, { weapon: "Soldier's Crossbow", from: 10, to: 15 }))).toContain('Upgrade runes: 4,320.');
  });

  it('Jar Cannon (somber ballista, reinforcePrice 580, type 3200: ×1.0, 1.2 … 2.6, 3.0): 11,136 runes with somber stones', async () => {
    // 580 × (1 + 1.2 + 1.4 + 1.6 + 1.8 + 2.0 + 2.2 + 2.4 + 2.6 + 3.0) = 580 × 19.2 = 11,136
    const out = text(await t.run('upgrade', null, { weapon: 'Jar Cannon' }));
    expect(out).toContain('Upgrade runes: 11,136.');
    expect(out).toMatch(/\+1→\+2\s+696\s+1 × Somber Smithing Stone \[2\]/);
    expect(out).toMatch(/\+9→\+10\s+1,740\s+1 × Somber Ancient Dragon Smithing Stone/);
  });

  // The footer's source line; the confidence notes below it are worded in src/render/footer.ts.
  it("the footer says which patch in a player's words: no source ids, param names or section signs", async () => {
    const reply = await t.run('upgrade', null, { weapon: 'Longsword' });
    const footer = reply.embeds![0]!.footer!;
    expect(footer.split('\n')[0]).toBe('Game data: patch 1.16.1');
    expect(footer).not.toMatch(/regulation@|erdb@|impalers-archive@|§|mechanics\.md|\.json/i);
    expect(footer).not.toMatch(/[A-Za-z]+Param\b/);
    const ash = (await t.run('upgrade', null, { ash: 'Black Knife Tiche' })).embeds![0]!.footer!;
    expect(ash.split('\n')[0]).toBe('Game data: patch 1.16.1');
    expect(ash).not.toMatch(/regulation@|erdb@|impalers-archive@|§|mechanics\.md|\.json/i);
    expect(ash).not.toMatch(/[A-Za-z]+Param\b/);
  });
});

const REGULATION_DIR = fileURLToPath(new URL('../../../shared/data-sources/regulation/', import.meta.url));
const HAVE_REGULATION = existsSync(`${REGULATION_DIR}1.16.1/regulation.bin`);
if (!HAVE_REGULATION) console.warn("skipping the crossbow's upgrade costs read from regulation.bin: ../shared/data-sources/regulation is absent (needs ../shared)");

describe.skipIf(!HAVE_REGULATION)("/upgrade against the crossbow's own params in regulation.bin 1.16.1", () => {
  it("Soldier's Crossbow: each step is round(reinforcePrice × reinforcePriceRate of its own rows), as /upgrade prints", { timeout: 120_000 }, async () => {
    const regulation = openRegulation(`${REGULATION_DIR}1.16.1/regulation.bin`, `${REGULATION_DIR}defs`);
    const weapon = regulation.param('EquipParamWeapon');
    const reinforce = regulation.param('ReinforceParamWeapon');
    const price = weapon.num(43000000, 'reinforcePrice');
    const type = weapon.num(43000000, 'reinforceTypeId');
    expect([price, type]).toEqual([240, 3100]);
    const out = text(await t.run('upgrade', null, { weapon: "Soldier's Crossbow" }));
    let total = 0;
    for (let n = 1; n <= 25; n++) {
      const runes = Math.round(price * reinforce.num(type + n, 'reinforcePriceRate'));
      expect(runes, `+${n}`).toBe(240 + 48 * n);
      expect(out, `+${n - 1}→+${n}`).toMatch(new RegExp(`\\+${n - 1}→\\+${n}\\s+${runes.toLocaleString('en-US')}\\s`));
      total += runes;
    }
    expect(out).toContain(`Upgrade runes: ${total.toLocaleString('en-US')}.`);
  });
});
