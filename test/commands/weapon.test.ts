// /weapon through the real router. Expected figures: attack-rating.md's check values (Rivers of Blood
// +10 at Str 30 / Dex 50 / Arc 50: physical 389, fire 274, blood loss 73, total 664; Keen Uchigatana
// +25 two-handed at 30/50: 526, blood loss 45; Erdtree Seal +0 at Faith 50: 147) and cases worked by
// hand from its formula (the arithmetic is in the comment by each).

import { afterAll, describe, expect, it } from 'vitest';
import { GUILD_ID, USER_ID, makeTestApp, text } from './runes-helpers.ts';
import { runesBetween } from '../../src/runes/index.ts';
import type { AutocompleteRequest } from '../../src/router/types.ts';

const t = makeTestApp();
afterAll(() => t.close());

const CHECK_STATS = { strength: 30, dexterity: 50, intelligence: 1, faith: 1, arcane: 50 };
const OWNER = '200000000000000077';

async function choices(options: Record<string, string>, focused: string) {
  const request: AutocompleteRequest = {
    user: { id: USER_ID, username: 'u' },
    guildId: null,
    channelId: null,
    locale: 'en-US',
    surface: 'gateway',
    commandName: 'weapon',
    group: null,
    subcommand: 'ar',
    options,
    focused,
  };
  return t.app.router.runAutocomplete(request);
}

describe('/weapon ar', () => {
  it('Rivers of Blood +10 at Str 30 Dex 50 Arc 50: every type and the total on one line, blood loss, letters, requirements', async () => {
    const reply = await t.run('weapon', 'ar', { name: 'Rivers of Blood', level: 10, ...CHECK_STATS }, { guildId: GUILD_ID });
    expect(reply.ephemeral).toBeFalsy();
    const out = text(reply);
    expect(out).toContain('== Rivers of Blood +10 ==');
    expect(out).toContain('Physical 389 · Fire 274 · Total 664');
    expect(out).toContain('Blood loss 73');
    // Str 10 × 1.8 = 18 → E, Dex 50 × 1.8 = 90 → B, Arc 33 × 1.8 = 59.4 → D
    expect(out).toContain('Scaling: Str E · Dex B · Arc D');
    expect(out).toContain('Requirements: Str 12 ✓ · Dex 18 ✓ · Arc 20 ✓');
    expect(out).toContain('-- Game data: patch 1.16.1');
    expect(out).not.toMatch(/param|\.json|§|Equip|Reinforce|issue/i);
  });

  it('Keen Uchigatana +25 two-handed (typed as "keen uchigatana +25"): 526 and blood loss 45', async () => {
    const out = text(await t.run('weapon', 'ar', { name: 'keen uchigatana +25', strength: 30, dexterity: 50, intelligence: 1, faith: 1, arcane: 1, two_handed: true }));
    expect(out).toContain('== Keen Uchigatana +25 (two-handed) ==');
    expect(out).toContain('Physical 526 · Total 526');
    expect(out).toContain('Blood loss 45');
    expect(out).toContain('Strength 30 counts as 45');
    // Keen at +25: Dex 51 × 2.8 = 142.8 → A
    expect(out).toContain('Dex A');
  });

  it('takes the autocomplete value (item key and affinity)', async () => {
    const out = text(await t.run('weapon', 'ar', { name: 'weapon:9000000/keen', level: 25, strength: 30, dexterity: 50, intelligence: 1, faith: 1, arcane: 1, two_handed: true }));
    expect(out).toContain('Physical 526 · Total 526');
  });

  it('Erdtree Seal +0 at Faith 50: incantation scaling 147', async () => {
    const out = text(await t.run('weapon', 'ar', { name: 'Erdtree Seal', level: 0, strength: 1, dexterity: 1, intelligence: 1, faith: 50, arcane: 1 }));
    expect(out).toContain('Incantation scaling 147');
  });

  it('an unmet requirement: Uchigatana +0 at Str 10 Dex 15 is 115 × 0.6 = 69, and 132 met (a cost of 63)', async () => {
    // met: 115 × (1 + 0.116545 × 0.36 + 0.198041 × 0.55) = 132.35 → 132
    const out = text(await t.run('weapon', 'ar', { name: 'Uchigatana', level: 0, strength: 10, dexterity: 15, intelligence: 1, faith: 1, arcane: 1 }));
    expect(out).toContain('Physical 69 (×0.6) · Total 69');
    expect(out).toContain('Requirements: Str 11 ✗ (10) · Dex 15 ✓');
    expect(out).toContain('Unmet: Strength 10 of 11');
    expect(out).toContain('Total 132 (this costs you 63)');
    expect(out).toContain('Two-handing it would meet the Strength requirement');
  });

  it('says which values it assumed without a character', async () => {
    const out = text(await t.run('weapon', 'ar', { name: 'Uchigatana' }));
    expect(out).toContain("No stats given: 10 each (a Wretch's start)");
    expect(out).toContain('Level +0 (give `level` for another, up to +25)');
  });

  it("defaults to the active character's stats and highest upgrade, says so, and keeps the reply private in a server", async () => {
    const store = t.app.services.store();
    store.createCharacter(OWNER, { name: 'Miriel', className: 'Confessor' });
    store.setStats({ userId: OWNER }, { strength: 30, dexterity: 50, arcane: 50 });
    store.setProgress({ userId: OWNER }, { maxUpgrade: { regular: 20, somber: 10 } });
    const reply = await t.run('weapon', 'ar', { name: 'Rivers of Blood' }, { userId: OWNER, guildId: GUILD_ID });
    expect(reply.ephemeral).toBe(true);
    const out = text(reply);
    expect(out).toContain('Physical 389 · Fire 274 · Total 664');
    expect(out).toContain('All five stats from Miriel');
    expect(out).toContain("Level +10: Miriel's highest somber upgrade");
    // An option given wins over the character's value; the rest still come from it.
    const mixed = text(await t.run('weapon', 'ar', { name: 'Rivers of Blood', arcane: 20 }, { userId: OWNER }));
    expect(mixed).toContain('Strength, Dexterity, Intelligence and Faith from Miriel');
  });

  it('refuses bad combinations privately, saying what is valid', async () => {
    const cases: [Record<string, string | number | boolean>, RegExp][] = [
      [{ name: 'Rivers of Blood', level: 25 }, /somber weapon: `level` must be from 0 to 10 \(you gave \+25\)/],
      [{ name: 'Rivers of Blood +12' }, /from 0 to 10/],
      [{ name: 'Rivers of Blood', affinity: 'Keen' }, /cannot take an affinity/],
      [{ name: 'Uchigatana', affinity: 'banana' }, /must be an affinity Uchigatana can take: Standard, Heavy, Keen/],
      [{ name: 'Meteorite Staff', level: 3 }, /cannot be upgraded: `level` must be 0/],
      [{ name: 'Uchigatana', level: 26 }, /from 0 to 25/],
      [{ name: 'Uchigatana', strength: 0 }, /stat value from 1 to 99/],
      [{ name: 'Uchigatana', strength: 100 }, /stat value from 1 to 99/],
      [{ name: 'definitely not a sword' }, /found no weapon or shield/],
      [{ name: 'sword' }, /matches several/],
      [{ name: 'Golden Rune [1]' }, /found no weapon or shield/],
      [{}, /`name` is required/],
    ];
    for (const [options, pattern] of cases) {
      const reply = await t.run('weapon', 'ar', options);
      expect(reply.ephemeral, JSON.stringify(options)).toBe(true);
      expect(reply.content, JSON.stringify(options)).toMatch(pattern);
    }
    expect(t.unexpected()).toEqual([]);
  });

  it('the affinity option wins over one typed in the name, and says so', async () => {
    const out = text(await t.run('weapon', 'ar', { name: 'keen uchigatana', affinity: 'Heavy', level: 0 }));
    expect(out).toContain('== Heavy Uchigatana +0 ==');
    expect(out).toContain('The Keen in the name was not used');
  });
});

describe('/weapon compare', () => {
  it('Moonveil +10 and Rivers of Blood +10 at Str 30 Dex 50 Int 40 Arc 50: 667 against 664', async () => {
    // Moonveil: physical 73 × 2.45 = 178.85 × (1 + 0.416100 × 0.216 + 0.660655 × 0.9) = 301.27; magic
    // 87 × 2.45 = 213.15 × (1 + 0.666667 × 1.08) = 366.62; total floor(667.88) = 667.
    // Rivers of Blood: the check value, 664 (Intelligence feeds nothing on it).
    const reply = await t.run('weapon', 'compare', { a: 'Moonveil', b: 'Rivers of Blood', level_a: 10, level_b: 10, strength: 30, dexterity: 50, intelligence: 40, faith: 1, arcane: 50 });
    const out = text(reply);
    expect(out).toContain('== Moonveil +10 vs Rivers of Blood +10 ==');
    expect(out).toContain('Moonveil +10 is ahead by 3 (667 vs 664)');
    expect(out).toContain('Physical 301 · Magic 366 · Total 667');
    expect(out).toContain('Physical 389 · Fire 274 · Total 664');
    expect(reply.embeds![0]!.fields!.map((f) => f.inline)).toEqual([true, true]);
  });
});

describe('/weapon affinities', () => {
  it('lists all 13 affinities best first; Flame Art Claymore +25 at Str 16 Dex 13 Fai 40 is 701', async () => {
    // Flame Art: physical 266 × (1 + 0.215135 × 0.252 + 0.164596 × 0.18) = 288.30; fire 266 × (1 + 0.666667 × 0.828) = 412.83 → 701
    const reply = await t.run('weapon', 'affinities', { name: 'Claymore', level: 25, strength: 16, dexterity: 13, intelligence: 1, faith: 40, arcane: 1 });
    const out = text(reply);
    const rows = [...out.matchAll(/^\s*(\d+)\. (\S+(?: Art)?)\s+(\d+)/gm)].map((m) => ({ rank: Number(m[1]), affinity: m[2]!, total: Number(m[3]) }));
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((x, y) => y - x));
    expect(rows.find((r) => r.affinity === 'Flame Art')?.total).toBe(701);
    expect(out).toContain(`Best for these stats: ${rows[0]!.affinity} (${rows[0]!.total})`);
  });

  it('says a unique weapon has only its own form', async () => {
    expect(text(await t.run('weapon', 'affinities', { name: 'Rivers of Blood', level: 10, ...CHECK_STATS }))).toContain('Rivers of Blood cannot take an affinity');
  });
});

describe('/weapon next', () => {
  it('Heavy Claymore +0 at 10 everywhere: 1 and 5 points add nothing (Str 16 and Dex 13 are needed first), 10 points: Strength +7, Dexterity +3, with the runes from level 60', async () => {
    const out = text(await t.run('weapon', 'next', { name: 'Heavy Claymore', level: 0, strength: 10, dexterity: 10, intelligence: 10, faith: 10, arcane: 10, character_level: 60 }));
    expect(out).toContain('Stats that matter here: Strength and Dexterity.');
    expect(out).toContain('1 point: no split adds anything yet');
    expect(out).toContain('5 points: no split adds anything yet');
    expect(out).toMatch(/10 points: Strength \+7, Dexterity \+3 → Total \d+/);
    expect(out).toContain(`level 60 → 70: ${runesBetween(60, 70).toLocaleString('en-US')} runes`);
  });

  it("uses the character's level and runes held", async () => {
    t.app.services.store().addRunes({ userId: OWNER }, 100_000);
    const out = text(await t.run('weapon', 'next', { name: 'Rivers of Blood' }, { userId: OWNER }));
    // Confessor starts at level 10 (mechanics.md §2); Str 12→30, Dex 12→50, Arc 9→50 is 18 + 38 + 41 = 97 levels: 107.
    expect(out).toContain('Level 107 and runes held from Miriel');
    const one = runesBetween(107, 108);
    const ten = runesBetween(107, 117);
    expect(one).toBeLessThan(100_000);
    expect(out).toContain(`level 107 → 108: ${one.toLocaleString('en-US')} runes: you hold 100,000, enough`);
    expect(out).toContain(`level 107 → 117: ${ten.toLocaleString('en-US')} runes: you hold 100,000, ${(ten - 100_000).toLocaleString('en-US')} short`);
  });
});

describe('autocomplete', () => {
  it('weapon names with affinity forms, values the stable key', async () => {
    const keen = await choices({ name: 'keen uchi' }, 'name');
    expect(keen[0]).toEqual({ name: 'Keen Uchigatana · Katana', value: 'weapon:9000000/keen', typed: 'Keen Uchigatana' });
    const heavy = await choices({ name: 'heavy claymore' }, 'name');
    expect(heavy[0]).toMatchObject({ name: 'Heavy Claymore · Greatsword', value: 'weapon:3180000/heavy' });
    const rob = await choices({ name: 'rivers of bl' }, 'name');
    expect(rob[0]).toMatchObject({ name: 'Rivers of Blood · Katana · somber', value: 'weapon:9040000' });
  });

  it('the affinity option offers only what the chosen weapon takes', async () => {
    const all = await choices({ name: 'weapon:9000000', affinity: '' }, 'affinity');
    expect(all).toHaveLength(13);
    expect(all[2]).toEqual({ name: 'Keen — Keen Uchigatana', value: 'keen' });
    expect(await choices({ name: 'Longsword', affinity: 'bl' }, 'affinity')).toEqual([{ name: 'Blood — Bloody Longsword', value: 'blood' }]);
    expect(await choices({ name: 'Rivers of Blood', affinity: '' }, 'affinity')).toEqual([{ name: 'None: Rivers of Blood cannot take an affinity', value: 'none' }]);
  });
});

describe('typed definition', () => {
  type Opt = { type: number; name: string; description: string; required?: boolean; min_value?: number; max_value?: number; max_length?: number; autocomplete?: boolean; options?: Opt[] };
  const subcommands = async () => {
    const { definitionOf } = await import('../../src/router/parse.ts');
    const { weapon } = await import('../../commands/weapon.ts');
    return (definitionOf(weapon).options ?? []) as Opt[];
  };

  it('states the game ranges once: upgrade levels 0-25, stats 1-99, the rune level 1-712; names and affinities autocomplete', async () => {
    const subs = await subcommands();
    expect(subs.map((s) => s.name)).toEqual(['ar', 'compare', 'affinities', 'next']);
    const option = (sub: string, name: string) => subs.find((s) => s.name === sub)!.options!.find((o) => o.name === name)!;
    for (const [sub, level] of [['ar', 'level'], ['compare', 'level_a'], ['compare', 'level_b'], ['affinities', 'level'], ['next', 'level']] as const) {
      expect(option(sub, level), `${sub} ${level}`).toMatchObject({ min_value: 0, max_value: 25 });
      for (const stat of ['strength', 'dexterity', 'intelligence', 'faith', 'arcane']) expect(option(sub, stat), `${sub} ${stat}`).toMatchObject({ min_value: 1, max_value: 99 });
    }
    for (const [sub, name] of [['ar', 'name'], ['compare', 'a'], ['compare', 'b'], ['affinities', 'name'], ['next', 'name']] as const) {
      expect(option(sub, name), `${sub} ${name}`).toMatchObject({ required: true, autocomplete: true, max_length: 100 });
    }
    for (const [sub, name] of [['ar', 'affinity'], ['compare', 'affinity_a'], ['compare', 'affinity_b'], ['next', 'affinity']] as const) {
      expect(option(sub, name), `${sub} ${name}`).toMatchObject({ autocomplete: true, max_length: 40 });
    }
    // Level 713 is the highest (mechanics.md §1): a level-up cost is asked from at most 712.
    expect(option('next', 'character_level')).toMatchObject({ min_value: 1, max_value: 712 });
    expect(subs.find((s) => s.name === 'affinities')!.options!.map((o) => o.name)).not.toContain('affinity');
  });

  it('refuses an out-of-range value with what is valid, before the weapon is looked up', async () => {
    const level = await t.run('weapon', 'compare', { a: 'Uchigatana', b: 'Moonveil', level_b: 30 });
    expect(level.ephemeral).toBe(true);
    expect(level.content).toBe('`level_b` must be an upgrade level from 0 to 25, 0 to 10 for somber weapons (you gave 30).');
    const character = await t.run('weapon', 'next', { name: 'Uchigatana', character_level: 713 });
    expect(character.content).toBe('`character_level` must be a level from 1 to 712 (you gave 713).');
    const blank = await t.run('weapon', 'ar', { name: '   ' });
    expect(blank.ephemeral).toBe(true);
    expect(blank.content).toMatch(/`name` is required: a weapon or shield name/);
  });

  it("compare's second affinity offers the second weapon's affinities", async () => {
    const request: AutocompleteRequest = {
      user: { id: USER_ID, username: 'u' },
      guildId: null,
      channelId: null,
      locale: 'en-US',
      surface: 'gateway',
      commandName: 'weapon',
      group: null,
      subcommand: 'compare',
      options: { a: 'Uchigatana', b: 'Rivers of Blood', affinity_b: '' },
      focused: 'affinity_b',
    };
    expect(await t.app.router.runAutocomplete(request)).toEqual([{ name: 'None: Rivers of Blood cannot take an affinity', value: 'none' }]);
    const first = await t.app.router.runAutocomplete({ ...request, options: { a: 'Uchigatana', b: 'Rivers of Blood', affinity_a: 'ke' }, focused: 'affinity_a' });
    expect(first).toEqual([{ name: 'Keen — Keen Uchigatana', value: 'keen' }]);
  });
});
