// The same text means the same item in /upgrade and in /character (one resolver, src/items/resolve.ts):
// an ambiguous name is a question in both, "+N" after a name is where /upgrade starts, and an explicit
// `from` wins in both. Rune figures from mechanics.md §6: the Longsword (reinforcePrice 250) costs
// 250, 300, 350, … 1,450 per step, 21,250 from +0 to +25.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ID, makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());
beforeAll(async () => {
  await t.app.services.store().createCharacter(USER_ID, { name: 'Smith', className: 'Vagabond' });
  await t.app.services.store().addRunes({ userId: USER_ID }, 100_000);
});
const held = async () => (await t.app.services.store().getCharacter(USER_ID, { name: 'Smith' })).runesHeld;

const KATANAS = ["Rakshasa's Great Katana", 'Great Katana', "Dragon-Hunter's Great Katana"];

describe('an ambiguous name is a question everywhere', () => {
  it('/upgrade weapon:katana asks which, listing the three great katanas', async () => {
    const reply = await t.run('upgrade', null, { weapon: 'katana' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Which weapon, shield or spirit ash\? “katana” matches several: /);
    for (const name of KATANAS) expect(reply.content).toContain(`**${name}**`);
    expect(reply.content).toMatch(/\*\* and \*\*.*\*\*\. Pick one from the list as you type\.$/);
  });

  it('/character upgrade weapon:katana asks the same, and spends nothing', async () => {
    const before = await held();
    const reply = await t.run('character', 'upgrade', { weapon: 'katana', from: 0, to: 1 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Which weapon\? “katana” matches several: /);
    for (const name of KATANAS) expect(reply.content).toContain(`**${name}**`);
    expect(await held()).toBe(before);
  });

  it('/character buy item:smithing stone lists six of the eight stones and says how many more, in one clean sentence', async () => {
    const reply = await t.run('character', 'buy', { item: 'smithing stone' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Which item\? “smithing stone” matches several: \*\*Smithing Stone \[\d\]\*\*, /);
    expect(reply.content).toMatch(/\*\* and 2 more\. Pick one from the list as you type\.$/);
    expect(reply.content).not.toMatch(/…|\.\.|\. \./);
  });
});

describe('"Longsword +3" and `from`', () => {
  it('/upgrade weapon:Longsword +3 starts at +3: 21,250 − (250 + 300 + 350) = 20,350', async () => {
    const out = text(await t.run('upgrade', null, { weapon: 'Longsword +3' }));
    expect(out).toContain('Longsword +3 → +25');
    expect(out).toContain('Upgrade runes: 20,350.');
    expect(out).not.toContain('was not used');
  });

  it('/upgrade weapon:Longsword +3 from:0: the explicit from wins (21,250), and the reply says so', async () => {
    const out = text(await t.run('upgrade', null, { weapon: 'Longsword +3', from: 0 }));
    expect(out).toContain('Longsword +0 → +25');
    expect(out).toContain('Upgrade runes: 21,250.');
    expect(out).toContain('The +3 in the name was not used: `from` says +0.');
  });

  it('/character upgrade weapon:Longsword +3 from:0 to:5 spends +0 → +5: 250 + 300 + 350 + 400 + 450 = 1,750', async () => {
    const before = await held();
    const reply = await t.run('character', 'upgrade', { weapon: 'Longsword +3', from: 0, to: 5 });
    expect(reply.content).toContain('upgraded Longsword +0→+5 for **1,750** runes');
    expect(reply.content).toContain('The +3 in the name was not used: `from` says +0.');
    expect(await held()).toBe(before - 1_750);
    // With the same +N as `from`, nothing to say: +3 → +5 is the steps to +4 and +5, 400 + 450 = 850.
    const same = await t.run('character', 'upgrade', { weapon: 'Longsword +3', from: 3, to: 5 });
    expect(same.content).toContain('for **850** runes');
    expect(same.content).not.toContain('was not used');
  });
});

describe('names the commands do not take', () => {
  it('a staff that cannot be upgraded is named as such in both', async () => {
    expect((await t.run('upgrade', null, { weapon: 'Meteorite Staff' })).content).toBe('Meteorite Staff cannot be upgraded.');
    expect((await t.run('character', 'upgrade', { weapon: 'Meteorite Staff', from: 0, to: 1 })).content).toBe('**Meteorite Staff** cannot be upgraded. Nothing was spent.');
    expect(t.unexpected()).toEqual([]);
  });
});
