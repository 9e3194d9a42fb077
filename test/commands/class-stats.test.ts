// /class and /stats through the real router; expected values from mechanics.md §2 and §3.

import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

describe('/class best', () => {
  it('strength:80 vigor:40 names Hero at level 97 first and ranks all ten classes', async () => {
    // Hero: VIG 14, STR 16, sum 86 → 86 + (40 − 14) + (80 − 16) − 79 = 97 (§2).
    const reply = await t.run('class', 'best', { strength: 80, vigor: 40 });
    const out = text(reply);
    const rows = out.split('\n').filter((line) => /^\s*\d+\. /.test(line));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatch(/^\s*1\. Hero\s+97\b/);
    for (const name of ['Vagabond', 'Warrior', 'Hero', 'Bandit', 'Astrologer', 'Prophet', 'Confessor', 'Samurai', 'Prisoner', 'Wretch']) {
      expect(rows.some((row) => row.includes(name)), name).toBe(true);
    }
    // Wretch: all 10s, level 1 → 80 + 30 + 70 − 79 = 101
    expect(rows.find((r) => r.includes('Wretch'))).toMatch(/Wretch\s+101\b/);
    expect(out).toMatch(/Game data: patch 1\.16\.1$/);
    expect(out).not.toMatch(/mechanics|§|CharaInitParam|regulation/);
  });

  it('every stat at 99: all reach 713, so the fewest runes (Confessor, who starts at 10) comes first', async () => {
    const all = { vigor: 99, mind: 99, endurance: 99, strength: 99, dexterity: 99, intelligence: 99, faith: 99, arcane: 99 };
    const rows = text(await t.run('class', 'best', all)).split('\n').filter((line) => /^\s*\d+\. /.test(line));
    expect(rows[0]).toMatch(/^\s*1\. Confessor\s+713\b/);
    expect(rows.at(-1)).toMatch(/Wretch\s+713\b/);
  });

  it('counts wasted points for stats set below a class start', async () => {
    // Vagabond starts with VIG 15: a target of VIG 10 wastes 5.
    const out = text(await t.run('class', 'best', { vigor: 10 }));
    expect(out.split('\n').find((l) => l.includes('Vagabond'))).toMatch(/5 \(VIG 5\)/);
  });

  it('needs at least one stat, each 1 to 99', async () => {
    expect((await t.run('class', 'best', {})).content).toMatch(/at least one target stat/);
    const high = await t.run('class', 'best', { strength: 100 });
    expect(high.ephemeral).toBe(true);
    expect(high.content).toMatch(/from 1 to 99/);
    expect((await t.run('class', 'best', { faith: 0 })).content).toMatch(/from 1 to 99/);
  });
});

describe('/class info', () => {
  it('Vagabond: level 9, 522 HP, 78 FP, 97 stamina (§2)', async () => {
    const out = text(await t.run('class', 'info', { name: 'Vagabond' }));
    expect(out).toContain('level 9');
    expect(out).toContain('VIG 15 · MND 10 · END 11 · STR 14 · DEX 13 · INT 9 · FAI 9 · ARC 7');
    expect(out).toContain('HP: 522');
    expect(out).toContain('FP: 78');
    expect(out).toContain('Stamina: 97');
    expect(out).toContain('1,692,560,986'); // Vagabond (9) → 713, §1
  });

  it('refuses an unknown class with the list', async () => {
    const reply = await t.run('class', 'info', { name: 'Samurai Jack' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Vagabond, Warrior, Hero/);
  });
});

describe('/stats', () => {
  it('matches every checkpoint of mechanics.md §3', async () => {
    const hp: Array<[number, string]> = [[1, '300'], [10, '414'], [20, '652'], [25, '800'], [30, '994'], [40, '1,450'], [50, '1,704'], [60, '1,900'], [99, '2,100']];
    const fp: Array<[number, string]> = [[10, '78'], [20, '121'], [40, '235'], [60, '350'], [99, '450']];
    const stamina: Array<[number, string]> = [[10, '96'], [30, '130'], [50, '155'], [99, '170']];
    const load: Array<[number, string]> = [[8, '45.0'], [10, '48.2'], [25, '72.0'], [40, '90.9'], [60, '120.0'], [99, '160.0']];
    const discovery: Array<[number, string]> = [[10, '110'], [99, '199']];
    for (const [vigor, value] of hp) expect(text(await t.run('stats', null, { vigor }))).toContain(`HP (Vigor ${vigor}): ${value}`);
    for (const [mind, value] of fp) expect(text(await t.run('stats', null, { mind }))).toContain(`FP (Mind ${mind}): ${value}`);
    for (const [endurance, value] of stamina) expect(text(await t.run('stats', null, { endurance }))).toContain(`Stamina (Endurance ${endurance}): ${value}`);
    for (const [endurance, value] of load) expect(text(await t.run('stats', null, { endurance }))).toContain(`Equip load (Endurance ${endurance}): ${value}`);
    for (const [arcane, value] of discovery) expect(text(await t.run('stats', null, { arcane }))).toContain(`Discovery (Arcane ${arcane}): ${value}`);
  });

  it('answers several stats at once, ending with the game data patch', async () => {
    const out = text(await t.run('stats', null, { vigor: 40, mind: 10, endurance: 10 }));
    expect(out).toContain('1,450');
    expect(out).toContain('78');
    expect(out).toContain('48.2');
    expect(out).toMatch(/floored, equip load to 0\.1[^\n]*\nGame data: patch 1\.16\.1$/);
    expect(out).not.toMatch(/mechanics|§|CalcCorrectGraph|regulation/);
  });

  it('refuses out-of-range stats and an empty call without a character', async () => {
    expect((await t.run('stats', null, { vigor: 100 })).content).toMatch(/from 1 to 99/);
    expect((await t.run('stats', null, { mind: -3 })).content).toMatch(/from 1 to 99/);
    expect((await t.run('stats', null, {})).content).toMatch(/at least one of vigor, mind, endurance, arcane/);
    expect(t.unexpected()).toEqual([]);
  });
});
