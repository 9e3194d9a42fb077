// Issue 5 integration: options that describe "me" default to the caller's active character, the reply
// says so (name escaped), explicit options win, and a broken store never fails a calculation.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD_ID, OTHER_USER_ID, USER_ID, makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

// Astrologer starts at level 6 with VIG 9 … (mechanics.md §2); +36 Vigor and +0 elsewhere → level 42.
beforeAll(() => {
  const store = t.app.services.store();
  store.createCharacter(USER_ID, { name: 'Miriel *the* @everyone', className: 'Astrologer', stats: { vigor: 45 }, maxUpgrade: { regular: 20, somber: 3 } });
  store.addRunes({ userId: USER_ID }, 50_000);
});

describe('defaults from the active character', () => {
  it('/runes level: from = the character level and held = its runes, said in the reply', async () => {
    const reply = await t.run('runes', 'level', { to: 50 });
    expect(reply.ephemeral).toBeFalsy();
    const out = text(reply);
    expect(out).toContain('Level 42 → 50');
    // level 42 → 50: cost(L) = floor((L+81)² · (L−6) / 50) + 1 (mechanics.md §1) for L = 42..49 is
    // 10,893 + 11,379 + 11,876 + 12,384 + 12,904 + 13,435 + 13,979 + 14,535 (cost(49) = 14,535 is in §1)
    expect(out).toContain('101,385');
    expect(out).toContain('Held: 50,000');
    expect(out).toMatch(/Using level and runes held from Miriel/);
    // the name is escaped: no markdown emphasis and no live @everyone
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description).toContain('Miriel \\*the\\*');
    expect(description).not.toMatch(/@everyone/);
  });

  it('is private in a server, where others would see the private character (and normal in the bot DMs)', async () => {
    const inServer = await t.run('runes', 'level', { to: 50 }, { guildId: GUILD_ID });
    expect(inServer.ephemeral).toBe(true);
    const explicit = await t.run('runes', 'level', { from: 1, to: 150 }, { guildId: GUILD_ID });
    expect(explicit.ephemeral).toBeFalsy();
    for (const [command, sub] of [['runes', 'death'], ['stats', null], ['matchmaking', null]] as const) {
      const reply = await t.run(command, sub, {}, { guildId: GUILD_ID });
      expect(reply.ephemeral, `/${command} ${sub ?? ''}`).toBe(true);
    }
  });

  it('explicit options win, and held is not borrowed for another starting level', async () => {
    const out = text(await t.run('runes', 'level', { from: 1, to: 150 }));
    expect(out).toContain('7,112,459');
    expect(out).not.toContain('Miriel');
    expect(out).not.toContain('Held');
  });

  it('/runes reach, /runes death, /matchmaking and /stats use the character too', async () => {
    const reach = text(await t.run('runes', 'reach', {}));
    expect(reach).toContain('50,000 runes from level 42');
    expect(reach).toMatch(/Using runes held and level from Miriel/);
    const death = text(await t.run('runes', 'death', {}));
    expect(death).toContain('50,000 runes would drop');
    expect(death).toMatch(/from level 42/);
    const match = text(await t.run('matchmaking', null, {}));
    expect(match).toContain('Matchmaking at level 42');
    expect(match).toMatch(/Weapon level \+20/); // regular +20 outranks somber +3
    const stats = text(await t.run('stats', null, {}));
    expect(stats).toContain('HP (Vigor 45)');
  });

  it('an unrecovered bloodstain shows up as what a second death would lose', async () => {
    const store = t.app.services.store();
    store.recordDeath({ userId: USER_ID });
    store.addRunes({ userId: USER_ID }, 1_000);
    const out = text(await t.run('runes', 'death', {}));
    expect(out).toContain('1,000 runes would drop');
    expect(out).toMatch(/bloodstain of 50,000 runes would be lost for good/);
  });

  it('another user, or another server without an override, does not get this character', async () => {
    const reply = await t.run('runes', 'level', { to: 50 }, { userId: OTHER_USER_ID });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Give `from`/);
    // The global active character applies in any server.
    expect(text(await t.run('runes', 'reach', {}, { guildId: GUILD_ID }))).toMatch(/from Miriel/);
  });

  it('a store failure counts as "no character" and never fails the calculation', async () => {
    const services = t.app.services;
    const original = services.store;
    services.store = () => {
      throw new Error('database is on fire');
    };
    try {
      const before = t.logs.length;
      const reply = await t.run('runes', 'level', { from: 1, to: 150 });
      expect(text(reply)).toContain('7,112,459');
      const asks = await t.run('runes', 'level', { to: 150 });
      expect(asks.ephemeral).toBe(true);
      expect(asks.content).toMatch(/Give `from`/);
      expect(t.unexpected(before)).toEqual([]);
    } finally {
      services.store = original;
    }
  });
});

describe('/runes farm with a character', () => {
  it('climbs from the character level, counting its runes held, and refuses a target below it', async () => {
    const t2 = makeTestApp();
    try {
      t2.app.services.store().createCharacter(USER_ID, { name: 'Blaidd', className: 'Wretch' });
      t2.app.services.store().addRunes({ userId: USER_ID }, 6_000);
      // Wretch is level 1; 1 → 10 costs 6,667 (§1); holding 6,000 leaves 667: one run of 1,000.
      const out = text(await t2.run('runes', 'farm', { per_run: 1_000, target: 'level 10' }));
      expect(out).toContain('Farming level 1 → 10');
      expect(out).toContain('missing 667');
      expect(out).toMatch(/\b1 run\b/);
      expect(out).toMatch(/from Blaidd \(level 1\)/);
      const low = await t2.run('runes', 'farm', { per_run: 1_000, target: 'level 1' });
      expect(low.ephemeral).toBe(true);
      expect(low.content).toMatch(/from 2 to 713/);
    } finally {
      await t2.close();
    }
  });
});
