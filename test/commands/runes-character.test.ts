// Issue 5 integration: options that describe "me" default to the caller's active character, the reply
// says so (name escaped), explicit options win, and a broken store never fails a calculation.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD_ID, OTHER_USER_ID, USER_ID, makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

// Astrologer starts at level 6 with VIG 9 … (mechanics.md §2); +36 Vigor and +0 elsewhere → level 42.
beforeAll(async () => {
  const store = t.app.services.store();
  await store.createCharacter(USER_ID, { name: 'Miriel *the* @everyone', className: 'Astrologer', stats: { vigor: 45 }, maxUpgrade: { regular: 20, somber: 3 } });
  await store.addRunes({ userId: USER_ID }, 50_000);
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
    await store.recordDeath({ userId: USER_ID });
    await store.addRunes({ userId: USER_ID }, 1_000);
    const out = text(await t.run('runes', 'death', {}));
    expect(out).toContain('1,000 runes would drop');
    expect(out).toMatch(/bloodstain of 50,000 runes would be lost for good/);
  });

  it('no runes held but an unrecovered bloodstain: said once, plainly, never "costs nothing"', async () => {
    const store = t.app.services.store();
    store.recordDeath({ userId: USER_ID }); // the 1,000 now lie in the bloodstain; nothing is held
    const out = text(await t.run('runes', 'death', {}));
    expect(out).toMatch(/You carry no runes, but a death now would lose your unrecovered bloodstain of 1,000 runes for good: recover it first/);
    expect(out).not.toMatch(/costs nothing/);
    expect(out.match(/bloodstain of/g)).toHaveLength(1);
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
      await t2.app.services.store().createCharacter(USER_ID, { name: 'Blaidd', className: 'Wretch' });
      await t2.app.services.store().addRunes({ userId: USER_ID }, 6_000);
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

describe('/runes gain and /runes farm: NG+ from the character journey when `ng` is left out', () => {
  // NG+ (mechanics.md §5): runes = base × area multiplier (×2 … ×5 in the first cycle) × cycle factor;
  // journey 2 is NG+1 (factor 1.0), journey 3 is NG+2 (factor 1.1), and cycles above NG+7 scale like
  // NG+7 (factor 1.275).
  const t3 = makeTestApp();
  afterAll(() => t3.close());
  const journey = (n: number) => t3.app.services.store().setProgress({ userId: USER_ID }, { journey: n });
  beforeAll(async () => {
    await t3.app.services.store().createCharacter(USER_ID, { name: 'Nepheli _Loux_', className: 'Warrior' });
  });

  it('journey 3: NG+2, said in the reply with the name escaped; private in a server', async () => {
    await journey(3);
    const reply = await t3.run('runes', 'gain', { base: 1_000 });
    const out = text(reply);
    expect(out).toMatch(/2,200 to 5,500/); // 1,000 × 1.1 × 2 … × 5
    const description = reply.embeds![0]!.description!;
    expect(description).toContain("NG+2 from **Nepheli \\_Loux\\_**'s journey 3");
    expect((await t3.run('runes', 'gain', { base: 1_000 }, { guildId: GUILD_ID })).ephemeral).toBe(true);
    // `area` needs NG+: the journey provides it. 1,000 × 3 × 1.1 = 3,300
    expect(text(await t3.run('runes', 'gain', { base: 1_000, area: 3 }))).toContain('3,300');
  });

  it('an explicit `ng` wins, and then the character is not read (public in a server)', async () => {
    await journey(3);
    const first = await t3.run('runes', 'gain', { base: 1_000, ng: 0 }, { guildId: GUILD_ID });
    expect(first.ephemeral).toBeFalsy();
    expect(text(first)).toContain('1,000 runes');
    expect(text(first)).not.toMatch(/Nepheli|journey/);
    expect(text(await t3.run('runes', 'gain', { base: 1_000, ng: 1 }))).toMatch(/2,000 to 5,000/); // 1,000 × 1.0 × 2 … × 5
  });

  it('journey 2 is NG+1; journey 1 changes nothing but says where it came from; past NG+7 it scales like NG+7', async () => {
    await journey(2);
    const ng1 = text(await t3.run('runes', 'gain', { base: 1_000 }));
    expect(ng1).toMatch(/2,000 to 5,000/);
    expect(ng1).toContain("NG+1 from Nepheli");
    await journey(1);
    const firstJourney = text(await t3.run('runes', 'gain', { base: 1_000 }));
    expect(firstJourney).toContain('1,000 runes');
    expect(firstJourney).toMatch(/First journey, from Nepheli.*journey 1: no NG\+ factor/);
    expect((await t3.run('runes', 'gain', { base: 1_000, area: 3 })).content).toMatch(/only applies in NG\+/);
    await journey(20);
    const late = text(await t3.run('runes', 'gain', { base: 1_000 }));
    expect(late).toContain('NG+19 from Nepheli');
    expect(late).toMatch(/2,550 to 6,375/); // 1,000 × 1.275 × 2 … × 5
  });

  it('/runes farm: journey 3 counts per_run as a first-journey figure at NG+2 (the ×2 end), and says so', async () => {
    await journey(3);
    // 50,000 × 1.1 × 2 = 110,000 a run; 1,000,000 / 110,000 = 9.09… → 10 runs.
    const out = text(await t3.run('runes', 'farm', { per_run: 50_000, target: '1m' }));
    expect(out).toMatch(/\b10 runs\b/);
    expect(out).toContain('110,000');
    expect(out).toMatch(/NG\+2 from Nepheli.*journey 3/);
    expect(out).toMatch(/`?per_run`? counts as first-journey runes/);
    // ng:0 → 1,000,000 / 50,000 = 20 runs, no mention of the character
    const plain = text(await t3.run('runes', 'farm', { per_run: 50_000, target: '1m', ng: 0 }));
    expect(plain).toMatch(/\b20 runs\b/);
    expect(plain).not.toContain('Nepheli');
    // area 5: 50,000 × 1.1 × 5 = 275,000 a run → 1,000,000 / 275,000 = 3.6… → 4 runs
    expect(text(await t3.run('runes', 'farm', { per_run: 50_000, target: '1m', area: 5 }))).toMatch(/\b4 runs\b/);
  });
});
