// /runes through the real router. Expected figures are typed from /work/shared/docs/mechanics.md
// (§1 level costs, §4 rune items, §5 rune gain, §7 death), not copied from the bot's output.

import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

describe('/runes level', () => {
  it('1 → 150 costs 7,112,459 runes (mechanics.md §1 cumulative)', async () => {
    const reply = await t.run('runes', 'level', { from: 1, to: 150 });
    expect(reply.ephemeral).toBeFalsy();
    const out = text(reply);
    expect(out).toContain('7,112,459');
    expect(out).toContain('673'); // cost(1), the first level-up
    expect(out).toMatch(/Game data: patch 1\.16\.1$/); // the one plain footer line
  });

  it('1 → 713 costs 1,692,566,842 and single levels match the checkpoint table', async () => {
    expect(text(await t.run('runes', 'level', { from: 1, to: 713 }))).toContain('1,692,566,842');
    const checkpoints: Array<[number, string]> = [
      [1, '673'], [12, '1,038'], [92, '51,478'], [150, '153,680'], [209, '341,447'], [712, '8,879,348'],
    ];
    for (const [level, cost] of checkpoints) {
      expect(text(await t.run('runes', 'level', { from: level, to: level + 1 })), `cost(${level})`).toContain(`${cost} runes`);
    }
  });

  it('says what is still missing after held runes, with a progress bar', async () => {
    // 1 → 50 is 262,472 (mechanics.md §1); holding 100,000 leaves 162,472 (38 %).
    const out = text(await t.run('runes', 'level', { from: 1, to: 50, held: 100_000 }));
    expect(out).toContain('262,472');
    expect(out).toContain('162,472');
    expect(out).toMatch(/▰{3}▱{7} 38%/);
    const enough = text(await t.run('runes', 'level', { from: 1, to: 10, held: 10_000 }));
    // to 10: 6,667 → 3,333 left over
    expect(enough).toContain('3,333');
    expect(enough).toContain('100%');
  });

  it('pages the per-level breakdown with buttons that work', async () => {
    const reply = await t.run('runes', 'level', { from: 1, to: 713, breakdown: true });
    const first = text(reply);
    expect(first).toMatch(/1→2\s+673\s+673/);
    const buttons = (reply.components ?? []).flat();
    const next = buttons.find((b) => b.kind === 'button' && b.label.startsWith('Next'));
    expect(next && next.kind === 'button' ? next.customId : '').toMatch(/^runes:bd:1:713:-:2$/);
    // Every page fits in one embed field (1,024 characters): check them all.
    for (let page = 1; page <= 29; page++) {
      const result = await t.press(`runes:bd:1:713:-:${page}`);
      expect(result.mode).toBe('update');
      for (const field of result.reply.embeds?.[0]?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    const last = text((await t.press('runes:bd:1:713:-:29')).reply);
    expect(last).toMatch(/712→713\s+8,879,348\s+1,692,566,842/);
    const forged = await t.press('runes:bd:9:3:-:1');
    expect(forged).toMatchObject({ mode: 'reply', reply: { ephemeral: true } });
    expect(t.unexpected()).toEqual([]);
  });

  it('refuses bad levels privately, stating the valid range', async () => {
    for (const [options, pattern] of [
      [{ from: 0, to: 150 }, /from 1 to 712/],
      [{ from: 1, to: 714 }, /from 2 to 713/],
      [{ from: 150, to: 100 }, /must be above/],
      [{ from: 100, to: 100 }, /must be above/],
      [{ from: 1, to: 150, held: -5 }, /from 0 to 999,999,999, the most the game lets you hold/],
      // The game caps runes held at 999,999,999 (src/characters/validate.ts RUNE_CAP).
      [{ from: 1, to: 150, held: 1_000_000_000 }, /from 0 to 999,999,999, the most the game lets you hold \(you gave 1,000,000,000\)/],
      [{ from: 'abc', to: 150 }, /from 1 to 712/],
      [{ to: 150 }, /Give `from`/],
    ] as const) {
      const reply = await t.run('runes', 'level', options);
      expect(reply.ephemeral, JSON.stringify(options)).toBe(true);
      expect(reply.content, JSON.stringify(options)).toMatch(pattern);
    }
  });
});

describe('/runes reach', () => {
  it('is the inverse of /runes level: 7,112,459 runes from level 1 reach level 150 exactly', async () => {
    const out = text(await t.run('runes', 'reach', { runes: 7_112_459, from: 1 }));
    expect(out).toMatch(/level 150 \(\+149\)/);
    expect(out).toMatch(/0 left over/);
    expect(out).toContain('153,680'); // the next level, cost(150)
    const short = text(await t.run('runes', 'reach', { runes: 7_112_458, from: 1 }));
    expect(short).toMatch(/level 149/);
  });

  it('says so at the level cap', async () => {
    expect(text(await t.run('runes', 'reach', { runes: 5, from: 713 }))).toMatch(/713 is the maximum/);
  });
});

describe('/runes items', () => {
  it('values a list in every quantity spelling', async () => {
    // Golden Rune [5] = 1,600 and Lord's Rune = 50,000 (mechanics.md §4): 3 × 1,600 + 50,000 = 54,800.
    for (const list of ['golden rune 5 x3, lords rune', 'Golden Rune [5] ×3, Lord\'s Rune', '3x golden rune 5, lords rune', '3 × golden rune 5; lord’s rune', 'golden rune 5 x 3 + lords rune x1']) {
      const reply = await t.run('runes', 'items', { items: list });
      expect(reply.ephemeral, list).toBeFalsy();
      expect(text(reply), list).toContain('54,800');
    }
  });

  it('picks the fewest items with the least overshoot for a target', async () => {
    // From 3 × [5] (1,600) and a Lord's Rune (50,000), 51,000 needs the Lord's Rune and one [5]: 51,600.
    const out = text(await t.run('runes', 'items', { items: 'golden rune 5 x3, lords rune', target: 51_000 }));
    expect(out).toMatch(/1 × Lord's Rune, 1 × Golden Rune \[5\]/);
    expect(out).toContain('51,600');
    expect(out).toMatch(/600 over/);
    const short = text(await t.run('runes', 'items', { items: 'golden rune 1 x2', target: 1_000 }));
    expect(short).toMatch(/600 short/);
  });

  it('values DLC rune items from the 1.16.1 params, with no doubt attached', async () => {
    const out = text(await t.run('runes', 'items', { items: 'shadow realm rune 7' }));
    expect(out).toContain('30,000'); // SpEffectParam.soul of Shadow Realm Rune [7]'s effect (mechanics.md §4)
    expect(out).not.toMatch(/single source|⚠/);
  });

  it('answers unknown names with the closest names, and absurd counts with the range', async () => {
    const unknown = await t.run('runes', 'items', { items: 'golden rnue 5 x3' });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toMatch(/Closest names: .*Golden Rune \[5\]/);
    const absurd = await t.run('runes', 'items', { items: 'golden rune 5 x999999999999' });
    expect(absurd.ephemeral).toBe(true);
    expect(absurd.content).toMatch(/counts go from 1 to 9,999/);
    // A count of 0 lists nothing: refused, not answered with "Total: 0 runes".
    for (const items of ['golden rune 5 x0', '0x lords rune', 'lords rune, golden rune 5 x0']) {
      const zero = await t.run('runes', 'items', { items });
      expect(zero.ephemeral, items).toBe(true);
      expect(zero.content, items).toMatch(/The count for Golden Rune \[5\]|The count for Lord's Rune/);
      expect(zero.content, items).toMatch(/\(you gave 0\) is out of range: counts go from 1 to 9,999/);
    }
    // Every problem of a list at once, then how to write it.
    const several = await t.run('runes', 'items', { items: 'golden rnue 5 x3, lords rune x0' });
    expect(several.content).toMatch(/Closest names: .*Golden Rune \[5\][\s\S]*The count for Lord's Rune \(you gave 0\)[\s\S]*Write the list like/);
    const empty = await t.run('runes', 'items', { items: ',,,' });
    expect(empty.content).toMatch(/at least one rune item/);
  });
});

describe('/runes gain and /runes farm', () => {
  it('applies Gold Scarab ×1.2 and Fowl Foot ×1.3, labelling the stacking as assumed', async () => {
    expect(text(await t.run('runes', 'gain', { base: 10_000, gold_scarab: true }))).toContain('12,000');
    const both = text(await t.run('runes', 'gain', { base: 10_000, gold_scarab: true, fowl_foot: true }));
    expect(both).toContain('15,600');
    expect(both).toMatch(/⚠ Gold Scarab with Fowl Foot counted as ×1\.56/); // §5: stacking is unverified
  });

  it('caps a gain at the 999,999,999 runes a character can hold, and says so', async () => {
    // The game's cap on runes held is 999,999,999 (the in-game counter; the store enforces it too).
    const out = text(await t.run('runes', 'gain', { base: 99_999_999_999 }));
    expect(out).toMatch(/^999,999,999 runes from a base of 99,999,999,999/m);
    expect(out).toMatch(/Capped: the game lets you hold at most 999,999,999 runes/);
    expect(out).not.toMatch(/^99,999,999,999 runes/m);
    // 800,000,000 × 1.2 = 960,000,000 stays under the cap: no note.
    expect(text(await t.run('runes', 'gain', { base: 800_000_000, gold_scarab: true }))).not.toMatch(/Capped/);
  });

  it('gives a range in NG+ without an area, and one figure with it', async () => {
    // NG+2 factor 1.1 (ClearCountCorrectParam); area ×2..×5: 1,000 → 2,200 to 5,500; ×3 → 3,300.
    expect(text(await t.run('runes', 'gain', { base: 1_000, ng: 2 }))).toMatch(/2,200 to 5,500/);
    expect(text(await t.run('runes', 'gain', { base: 1_000, ng: 2, area: 3 }))).toContain('3,300');
    expect((await t.run('runes', 'gain', { base: 1_000, area: 3 })).content).toMatch(/only applies in NG\+/);
  });

  it('counts runs and time to a level or an amount', async () => {
    // 1 → 150 = 7,112,459; at 50,000 a run that is 143 runs; 2 minutes each = 286 min.
    const level = text(await t.run('runes', 'farm', { per_run: 50_000, target: 'level 150', minutes_per_run: 2 }));
    expect(level).toContain('7,112,459');
    expect(level).toMatch(/143 runs/);
    expect(level).toMatch(/4 h 46 min/);
    expect(text(await t.run('runes', 'farm', { per_run: 50_000, target: '150' }))).toMatch(/143 runs/);
    expect(text(await t.run('runes', 'farm', { per_run: 100_000, target: '1.5m' }))).toMatch(/15 runs/);
    const bad = await t.run('runes', 'farm', { per_run: 100, target: 'lots' });
    expect(bad.ephemeral).toBe(true);
    expect(bad.content).toMatch(/level 150/);
  });
});

describe('/runes death', () => {
  it('states the runes at risk, in levels, the rule and the protections', async () => {
    // Runes to reach level 10 from level 1 are 6,667 (mechanics.md §1), so holding exactly that at level 1
    // is 9 levels; the rules and protections are from §7.
    const out = text(await t.run('runes', 'death', { held: 6_667, level: 1 }));
    expect(out).toContain('6,667');
    expect(out).toMatch(/9 levels from level 1 \(to level 10\)/); // 1 → 10 costs exactly 6,667 (§1)
    expect(out).toMatch(/gone for good/);
    expect(out).toContain('Sacrificial Twig');
    expect(out).toContain('Twiggy Cracked Tear');
    // The reply claims nothing about NPCs stealing runes, so it warns about nothing (no Gostoc note).
    expect(out).not.toMatch(/Gostoc|unverified|⚠/);
    expect(out).toMatch(/-- Game data: patch 1\.16\.1$/);
  });

  it('refuses held runes above the game cap of 999,999,999, here and on the breakdown buttons', async () => {
    const reply = await t.run('runes', 'death', { held: 1_000_000_000 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/`held` must be a whole number of runes from 0 to 999,999,999/);
    expect(text(await t.run('runes', 'death', { held: 999_999_999, level: 713 }))).toContain('999,999,999 runes would drop');
    const forged = await t.press('runes:bd:1:150:1000000000:1');
    expect(forged).toMatchObject({ mode: 'reply', reply: { ephemeral: true } });
    const fine = await t.press('runes:bd:1:150:999999999:1');
    expect(fine.mode).toBe('update');
  });

  it('needs held runes or a character', async () => {
    const reply = await t.run('runes', 'death', {});
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Give `held`/);
  });
});

describe('no unexpected errors', () => {
  it('logged nothing on the error path during these tests', () => {
    expect(t.unexpected()).toEqual([]);
  });
});

describe('the /help examples', () => {
  it('every example of the rune calculator commands runs in the console without a refusal', async () => {
    const { ConsoleSession } = await import('../../src/cli/session.ts');
    const { COMMANDS } = await import('../../commands/index.ts');
    const session = new ConsoleSession(t.app.router, { userId: '200000000000000099', guildId: null });
    const mine = COMMANDS.filter((m) => ['runes', 'upgrade', 'class', 'stats', 'matchmaking'].includes(m.data.name));
    expect(mine).toHaveLength(5);
    for (const module of mine) {
      expect(module.examples.length).toBeGreaterThan(0);
      for (const example of module.examples) {
        if (example.usage === '/stats') continue; // needs an active character: covered in runes-character.test.ts
        const result = await session.run(example.usage);
        expect(result.kind, example.usage).toBe('reply');
        if (result.kind === 'reply') expect(result.reply.ephemeral, `${example.usage}: ${result.reply.content}`).toBeFalsy();
      }
    }
  });
});

describe('option definitions', () => {
  it('runes held are capped Discord-side at the game cap, 999,999,999; a sum to spend is not', async () => {
    const { definitionOf } = await import('../../src/router/parse.ts');
    const { runes } = await import('../../commands/runes.ts');
    type Opt = { name: string; max_value?: number; options?: Opt[] };
    const subs = (definitionOf(runes).options ?? []) as Opt[];
    const option = (sub: string, name: string) => subs.find((s) => s.name === sub)!.options!.find((o) => o.name === name)!;
    expect(option('level', 'held').max_value).toBe(999_999_999);
    expect(option('death', 'held').max_value).toBe(999_999_999);
    // 1 → 713 costs 1,692,566,842 (mechanics.md §1), more than anyone can hold at once.
    expect(option('reach', 'runes').max_value).toBeGreaterThan(1_692_566_842);
  });


  it('every numeric option has a Discord-side min and max, and every description fits in 100 characters', async () => {
    const { ApplicationCommandOptionType: T } = await import('discord-api-types/v10');
    const { definitionOf } = await import('../../src/router/parse.ts');
    const { COMMANDS } = await import('../../commands/index.ts');
    type Opt = { type: number; name: string; description: string; min_value?: number; max_value?: number; options?: Opt[] };
    const walk = (options: readonly Opt[], where: string): void => {
      for (const o of options) {
        expect(o.description.length, `${where} ${o.name}`).toBeLessThanOrEqual(100);
        if (o.type === T.Integer || o.type === T.Number) {
          expect(o.min_value, `${where} ${o.name} min`).toBeDefined();
          expect(o.max_value, `${where} ${o.name} max`).toBeDefined();
        }
        if (o.options) walk(o.options, `${where} ${o.name}`);
      }
    };
    for (const module of COMMANDS.filter((m) => ['runes', 'upgrade', 'class', 'stats', 'matchmaking'].includes(m.data.name))) {
      const def = definitionOf(module);
      expect(def.description.length).toBeLessThanOrEqual(100);
      walk((def.options ?? []) as Opt[], `/${def.name}`);
    }
  });
});
