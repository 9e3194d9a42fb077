// /character through the router (the same path as Discord and the console): every subcommand, its
// refusals, the Share / confirm / page buttons, and autocomplete. A temporary database per file.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { loadItemData } from '../../src/items/data.ts';
import { runesBetween, weaponUpgradeRunes } from '../../src/runes/index.ts';
import { parseCommandLine } from '../../src/router/parse.ts';
import { character, CONFIRM_SECONDS } from '../../commands/character/index.ts';
import { COMMANDS } from '../../commands/index.ts';
import type { StoreError } from '../../src/characters/errors.ts';
import { storeErrorText } from '../../src/render/storeErrors.ts';
import { ALICE, BOB, GUILD, OTHER_GUILD, body, buttonId, buttonIds, makeCharacterApp, text, type CharacterTestApp } from './character-helpers.ts';

let t: CharacterTestApp;

beforeAll(() => {
  t = makeCharacterApp();
});

afterAll(async () => {
  await t.close();
});

const store = () => t.app.services.store();
const items = loadItemData()!.items;
const itemNamed = (name: string) => items.find((i) => i.name === name)!;

function expectPrivate(reply: { ephemeral?: boolean }) {
  expect(reply.ephemeral).toBe(true);
}

describe('create, list, show', () => {
  it('creates a character privately, with a Share button, and makes the first one active', async () => {
    const reply = await t.run('create', { name: 'Tarnished', class: 'Vagabond' });
    expectPrivate(reply);
    const out = text(reply);
    expect(out).toContain('Created Tarnished, a Vagabond at level 9. It is your active character.');
    expect(out).toContain('== Tarnished — Vagabond, level 9 ==');
    expect(out).toContain('VIG 15 · MND 10 · END 11 · STR 14 · DEX 13 · INT 9 · FAI 9 · ARC 7');
    expect(buttonIds(reply)).toEqual([expect.stringMatching(new RegExp(`^character:share:${ALICE}:c:\\d+:[0-9a-z]+$`))]);
    expect(body(reply).flags).toBe(MessageFlags.Ephemeral);
  });

  it('refuses a duplicate name (whatever the case), an unknown class and a bad name, privately', async () => {
    const before = t.logs.length;
    const dup = await t.run('create', { name: 'TARNISHED', class: 'Wretch' });
    expectPrivate(dup);
    expect(dup.content).toMatch(/already have a character named/);
    const cls = await t.run('create', { name: 'Other', class: 'Paladin' });
    // The option's own choices refuse it first, naming every class.
    expect(cls.content).toMatch(/^`class` must be one of: Vagabond, Warrior, .*Wretch \(you gave Paladin\)\.$/);
    const blank = await t.run('create', { name: '   ', class: 'Wretch' });
    expect(blank.content).toMatch(/must not be empty/);
    expect((await store().listCharacters(ALICE)).characters).toHaveLength(1);
    expect(t.unexpected(before)).toEqual([]);
  });

  it('refuses the 21st character', async () => {
    for (let i = 2; i <= 20; i++) await store().createCharacter(BOB, { name: `Bob ${i}`, className: 'Wretch' });
    await store().createCharacter(BOB, { name: 'Bob 1', className: 'Hero' });
    const reply = await t.run('create', { name: 'Bob 21', class: 'Samurai' }, { user: BOB });
    expectPrivate(reply);
    expect(reply.content).toMatch(/already have 20 characters/);
    expect((await store().listCharacters(BOB)).characters).toHaveLength(20);
    const list = text(await t.run('list', {}, { user: BOB }));
    expect(list).toContain('Your characters (20 of 20)');
    await store().forgetUser(BOB);
  });

  it('lists the characters with the active one marked', async () => {
    await t.run('create', { name: 'Second', class: 'Wretch' });
    const reply = await t.run('list');
    expectPrivate(reply);
    const out = text(reply);
    expect(out).toContain('★ Tarnished — Vagabond, level 9 · 0 runes · active');
    expect(out).toContain('• Second — Wretch, level 1 · 0 runes');
    expect(buttonIds(reply)).toEqual([`character:share:${ALICE}:l`]);
    const empty = text(await t.run('list', {}, { user: BOB }));
    expect(empty).toMatch(/no characters yet/);
  });

  it('show: what the runes held are worth, the advice to spend them, and the bloodstain', async () => {
    await store().addRunes({ userId: ALICE, name: 'Second' }, 600); // Wretch level 1: the next level costs 673
    let out = text(await t.run('show', { name: 'Second' }));
    expect(out).toContain('Runes held: 600');
    expect(out).toContain('Worth no level yet: the next one (1 → 2) costs 673, 73 to go.');
    expect(out).not.toContain('💡');
    await store().addRunes({ userId: ALICE, name: 'Second' }, 1_000);
    out = text(await t.run('show', { name: 'Second' }));
    expect(out).toMatch(/Worth 2 levels \(level 1 → 3, \d[\d,]* left over\); the next level costs 673\./);
    expect(out).toContain('💡 You hold more than the next level costs');
    await store().recordDeath({ userId: ALICE, name: 'Second' });
    out = text(await t.run('show', { name: 'Second' }));
    expect(out).toContain('🩸 Bloodstain: 1,600 runes');
    expect(out).toContain('Latest runes:');
    expect(out).toMatch(/#3.*Died: 1,600 dropped into a bloodstain → held 0/);
  });

  it("show user: another user's private character reads exactly like a missing one; a public one shows", async () => {
    await store().createCharacter(BOB, { name: 'Secret', className: 'Prophet' });
    const hidden = await t.run('show', { user: { kind: 'user', id: BOB, username: 'bob' }, name: 'Secret' });
    const missing = await t.run('show', { user: { kind: 'user', id: BOB, username: 'bob' }, name: 'Nobody' });
    expectPrivate(hidden);
    expect(hidden.content).toBe(missing.content!.replace('Nobody', 'Secret'));
    const active = await t.run('show', { user: { kind: 'user', id: BOB, username: 'bob' } });
    expect(active.content).toMatch(/no public active character/);
    await store().setVisibility({ userId: BOB, name: 'Secret' }, true);
    const shown = await t.run('show', { user: { kind: 'user', id: BOB, username: 'bob' }, name: 'secret' });
    expectPrivate(shown);
    expect(text(shown)).toContain('== Secret — Prophet, level 7 ==');
    expect(buttonIds(shown)).toEqual([]); // not the viewer's to share
    expect(text(shown)).not.toContain('💡');
  });

  it('escapes player-typed names: no pings, no markdown', async () => {
    const name = '*B* @here <@123456789012345678>';
    const reply = await t.run('create', { name, class: 'Hero' });
    expect(text(reply)).toContain('== *B* @here <@123456789012345678> — Hero, level 7 ==');
    const json = JSON.stringify(body(reply));
    expect(json).toContain('\\\\*B\\\\*');
    expect(json).not.toContain('@here');
    expect(json).not.toContain('<@123456789012345678>');
    expect(body(reply).allowed_mentions).toEqual({ parse: [] });
    await store().deleteCharacter({ userId: ALICE, name });
  });
});

describe('switch, rename, visibility, stats, progress', () => {
  it('switches everywhere, or for one server with here:true', async () => {
    const global = await t.run('switch', { name: 'second' });
    expect(text(global)).toMatch(/^Second is now your active character everywhere/);
    expect((await store().getActiveCharacter(ALICE))?.name).toBe('Second');
    const here = await t.run('switch', { name: 'Tarnished', here: true }, { guild: GUILD });
    expect(text(here)).toMatch(/^Tarnished is now your active character in this server\. Elsewhere it is still Second\./);
    expect((await store().getActiveCharacter(ALICE, GUILD))?.name).toBe('Tarnished');
    expect((await store().getActiveCharacter(ALICE, OTHER_GUILD))?.name).toBe('Second');
    expect((await store().getActiveCharacter(ALICE))?.name).toBe('Second');
    expect(text(await t.run('list', {}, { guild: GUILD }))).toContain('★ Tarnished — Vagabond, level 9 · 0 runes · active in this server');
  });

  it('refuses here:true in DMs, clearly', async () => {
    const reply = await t.run('switch', { name: 'Tarnished', here: true });
    expectPrivate(reply);
    expect(reply.content).toMatch(/`here:true` picks a character for one server, and this is not a server/);
    expect((await store().getActiveCharacter(ALICE))?.name).toBe('Second');
  });

  it('a switch everywhere made inside a server also clears that server’s own pick', async () => {
    const reply = await t.run('switch', { name: 'Tarnished' }, { guild: GUILD });
    expect((await store().getActiveCharacter(ALICE))?.name).toBe('Tarnished');
    expect((await store().listCharacters(ALICE, GUILD)).guildOverride).toBeNull();
    expect(reply.content).toMatch(/everywhere/);
    const missing = await t.run('switch', { name: 'Nobody' });
    expect(missing.content).toMatch(/no character named “Nobody”/);
  });

  it('renames, refusing a name already taken', async () => {
    const clash = await t.run('rename', { name: 'Second', new_name: 'tarnished' });
    expect(clash.content).toMatch(/already have a character named/);
    const ok = await t.run('rename', { name: 'Second', new_name: 'Wretched' });
    expect(ok.content).toBe('Renamed **Second** to **Wretched**.');
    expect((await store().getCharacter(ALICE, { name: 'Wretched' })).className).toBe('Wretch');
  });

  it('sets visibility', async () => {
    const reply = await t.run('visibility', { name: 'Wretched', public: true });
    expect(reply.content).toMatch(/is now public/);
    expect((await store().getCharacter(BOB, { ownerId: ALICE, name: 'Wretched' })).isPublic).toBe(true);
    expect((await t.run('visibility', { name: 'Wretched', public: true })).content).toMatch(/was already public/);
    await t.run('visibility', { name: 'Wretched', public: false });
    expect(storeErrorText(await store().getCharacter(BOB, { ownerId: ALICE, name: 'Wretched' }).then(() => ({ code: 'none', data: null }), (e: StoreError) => e))).toMatch(/no public character/);
  });

  it('stats: any subset, level recomputed, class minimums kept, no runes spent', async () => {
    const reply = await t.run('stats', { name: 'Wretched', vigor: 20, arcane: 15 });
    expect(reply.content).toBe('**Wretched**: Vigor 10 → 20, Arcane 10 → 15 (level 1 → 16). No runes were spent.');
    expect((await store().getCharacter(ALICE, { name: 'Wretched' })).level).toBe(16);
    const low = await t.run('stats', { name: 'Tarnished', vigor: 14 });
    expect(low.content).toMatch(/Vigor can't be below 15, the Vagabond's starting value/);
    const none = await t.run('stats', { name: 'Tarnished' });
    expect(none.content).toMatch(/at least one stat/);
    await t.run('stats', { name: 'Wretched', vigor: 10, arcane: 10 });
  });

  it('progress: journey and highest weapon upgrades', async () => {
    const reply = await t.run('progress', { journey: 2, regular_upgrade: 12, somber_upgrade: 5 });
    expect(reply.content).toBe('**Tarnished**: journey 2, highest weapon +12 regular / +5 somber.');
    expect(text(reply)).toContain('Journey: 2 (NG+1)');
    expect((await t.run('progress', {})).content).toMatch(/Give `journey`/);
    await t.run('progress', { journey: 1, regular_upgrade: 0, somber_upgrade: 0 });
  });
});

describe('runes, levelup, died, recovered', () => {
  it('runes add and set, recorded in the ledger', async () => {
    const add = await t.run('add', { amount: 100_000, note: 'Godrick' }, { group: 'runes' });
    expect(add.content).toBe('**Tarnished**: earned 100,000 runes, now holding **100,000**.');
    const set = await t.run('set', { amount: 90_000 }, { group: 'runes' });
    expect(set.content).toBe('**Tarnished**: runes held 100,000 → **90,000**.');
    const take = await t.run('add', { amount: -100_000 }, { group: 'runes' });
    expect(take.content).toMatch(/You hold 90,000 runes, so 100,000 can't be taken away/);
    const zero = await t.run('add', { amount: 0 }, { group: 'runes' });
    expect(zero.content).toMatch(/must not be 0/);
    await t.run('set', { amount: 100_000, note: 'back to 100k' }, { group: 'runes' });
    expect((await store().getCharacter(ALICE, { name: 'Tarnished' })).runesHeld).toBe(100_000);
  });

  it("levelup spends exactly the game's cost: Vagabond vigor ×5 = 4,763", async () => {
    expect(runesBetween(9, 14)).toBe(4_763);
    const reply = await t.run('levelup', { stat: 'vigor', points: 5 });
    expectPrivate(reply);
    expect(reply.content).toBe('**Tarnished**: Vigor 15 → 20, level 9 → 14, for **4,763** runes. Holding 95,237.');
    const c = await store().getCharacter(ALICE, { name: 'Tarnished' });
    expect([c.level, c.stats.vigor, c.runesHeld]).toEqual([14, 20, 95_237]);
  });

  it('levelup refuses with the shortfall when runes are short, and changes nothing', async () => {
    const before = await store().getCharacter(ALICE, { name: 'Tarnished' });
    const cost = runesBetween(14, 64);
    const reply = await t.run('levelup', { stat: 'mind', points: 50 });
    expectPrivate(reply);
    expect(reply.content).toContain(`costs ${cost.toLocaleString('en-US')} runes but you hold 95,237: ${(cost - 95_237).toLocaleString('en-US')} short. Nothing was spent.`);
    expect(reply.content).toContain(`You need **${(cost - 95_237).toLocaleString('en-US')}** more runes`);
    expect(await store().getCharacter(ALICE, { name: 'Tarnished' })).toEqual(before);
    const over = await t.run('levelup', { stat: 'vigor', points: 80 });
    expect(over.content).toMatch(/above the maximum of 99/);
  });

  it('died drops the runes into a bloodstain; dying again loses the first; recovered brings back only the last', async () => {
    const first = await t.run('died');
    expect(first.content).toContain('**Tarnished** died: **95,237** runes dropped into a bloodstain.');
    await t.run('add', { amount: 5_000 }, { group: 'runes' });
    const second = await t.run('died');
    expect(second.content).toContain('**5,000** runes dropped into a bloodstain');
    expect(second.content).toContain('The earlier bloodstain of **95,237** runes was not recovered and is lost for good.');
    const back = await t.run('recovered');
    expect(back.content).toBe('**Tarnished** recovered **5,000** runes from the bloodstain, now holding 5,000.');
    const again = await t.run('recovered');
    expect(again.content).toMatch(/has no bloodstain to recover/);
    expect(await store().checkIntegrity()).toEqual({ ok: true, problems: [] });
  });

  it('history: each step with the balance after it, totals, and pages with Previous/Next', async () => {
    const reply = await t.run('history');
    expectPrivate(reply);
    const out = text(reply);
    const lines = out.split('\n');
    const expected = [
      /#9\b.*Recovered the bloodstain: \+5,000 → held 5,000$/,
      /#8\b.*Died: 5,000 dropped into a bloodstain → held 0$/,
      /#7\b.*Bloodstain of 95,237 lost for good → held 5,000$/,
      /#6\b.*Earned \+5,000 → held 5,000$/,
      /#5\b.*Died: 95,237 dropped into a bloodstain → held 0$/,
      /#4\b.*Level up Vigor \+5: −4,763 → held 95,237$/,
      /#3\b.*Corrected by hand: \+10,000 → held 100,000 — back to 100k$/,
      /#2\b.*Corrected by hand: −10,000 → held 90,000$/,
      /#1\b.*Earned \+100,000 → held 100,000 — Godrick$/,
    ];
    for (const [i, re] of expected.entries()) expect(lines[1 + i]).toMatch(re);
    expect(out).toContain('Earned: 105,000');
    expect(out).toContain('Spent: 4,763 (level-ups 4,763)');
    expect(out).toContain('Lost for good: 95,237');
    expect(out).toContain('Deaths: 2 · dropped 100,237 · recovered 5,000');
    expect(out).not.toContain('Corrections by hand'); // −10,000 and +10,000 net to nothing
    expect(out).toContain('Page 1 of 1 · 9 entries, newest first');
    expect(buttonIds(reply)).toEqual([expect.stringMatching(new RegExp(`^character:share:${ALICE}:h:\\d+:[0-9a-z]+:1$`))]);
  });

  it('history pages: Previous/Next edit the message; a page past the end shows the last', async () => {
    for (let i = 1; i <= 12; i++) await store().addRunes({ userId: ALICE, name: 'Wretched' }, i * 100, `run ${i}`);
    const first = await t.run('history', { name: 'Wretched' });
    expect(text(first)).toContain('Page 1 of 2 · 15 entries');
    expect(text(first)).toMatch(/#15\b.*Earned \+1,200 → held 7,800 — run 12/);
    const next = buttonId(first, /Next/);
    const pressed = await t.press(next);
    expect(pressed.mode).toBe('update');
    const page2 = text(pressed.reply);
    expect(page2).toContain('Page 2 of 2');
    expect(page2).toMatch(/#5\b.*Earned \+200 → held 300 — run 2/);
    expect(page2).toMatch(/#3\b.*Died: 1,600 dropped into a bloodstain → held 0/);
    expect(page2).toMatch(/#1\b.*Earned \+600 → held 600/);
    expect(page2).toContain('[Next ▶] (disabled)');
    expect(page2).not.toContain('[◀ Previous] (disabled)');
    const last = await t.run('history', { name: 'Wretched', page: 999 });
    expect(text(last)).toContain('Page 2 of 2');
    expect(last.content).toBe('You asked for page 999, but there are only 2 pages: here is the last one.');
    expect((await t.run('history', { name: 'Wretched', page: 2 })).content).toBeUndefined();
    // 15 entries at 10 a page: 2 pages; a character with no entries has 1.
    await store().createCharacter(ALICE, { name: 'Blank', className: 'Hero' });
    expect((await t.run('history', { name: 'Blank', page: 3 })).content).toBe('You asked for page 3, but there is only 1 page: here is the last one.');
    await store().deleteCharacter({ userId: ALICE, name: 'Blank' });
    const bob = await t.press(next, { user: BOB });
    expect(bob.mode).toBe('reply');
    expect(bob.reply.content).toMatch(/Only the owner/);
  });
});

describe('buy and upgrade (prices from the item data)', () => {
  it('buy spends the merchant price × quantity', async () => {
    const arrow = itemNamed('Arrow');
    const price = Math.min(...arrow.shop!.filter((o) => o.currency === 'runes').map((o) => o.price));
    const held = (await store().getCharacter(ALICE, { name: 'Tarnished' })).runesHeld;
    const reply = await t.run('buy', { item: 'Arrow', quantity: 10 });
    expectPrivate(reply);
    expect(reply.content).toMatch(new RegExp(`^\\*\\*Tarnished\\*\\* bought Arrow ×10 for \\*\\*${(price * 10).toLocaleString('en-US')}\\*\\* runes`));
    expect((await store().getCharacter(ALICE, { name: 'Tarnished' })).runesHeld).toBe(held - price * 10);
    // The autocomplete value (the item key) works the same.
    await t.run('buy', { item: arrow.key });
    expect((await store().getCharacter(ALICE, { name: 'Tarnished' })).runesHeld).toBe(held - price * 11);
    const last = (await store().history({ userId: ALICE, name: 'Tarnished' }, 1, 1)).entries[0]!;
    expect([last.kind, last.amount, last.item]).toEqual(['purchase', -price, 'Arrow']);
  });

  it('buy refuses when short (with the shortfall), past the known stock, and items not sold for runes', async () => {
    const before = await store().getCharacter(ALICE, { name: 'Tarnished' });
    const fowl = itemNamed('Gold-Pickled Fowl Foot');
    const offer = fowl.shop!.find((o) => o.currency === 'runes')!;
    expect(offer.stock).toBeDefined();
    const stock = await t.run('buy', { item: 'Gold-Pickled Fowl Foot', quantity: offer.stock! + 1 });
    expect(stock.content).toMatch(new RegExp(`stock only ${offer.stock} × \\*\\*Gold-Pickled Fowl Foot\\*\\* per playthrough`));
    const arrows = 999 * Math.min(...itemNamed('Arrow').shop!.filter((o) => o.currency === 'runes').map((o) => o.price));
    expect(arrows).toBeGreaterThan(before.runesHeld);
    const refused = await t.run('buy', { item: 'Arrow', quantity: 999 });
    expectPrivate(refused);
    expect(refused.content).toContain(
      `Buying Arrow ×999 costs ${arrows.toLocaleString('en-US')} runes but you hold ${before.runesHeld.toLocaleString('en-US')}: ${(arrows - before.runesHeld).toLocaleString('en-US')} short. Nothing was spent.`,
    );
    const relic = items.find((i) => i.shop?.length && i.shop.every((o) => o.currency !== 'runes'))!;
    const trade = await t.run('buy', { item: relic.name });
    expect(trade.content).toMatch(/is not sold for runes: .* trades it for/);
    const nothing = await t.run('buy', { item: 'Moonveil' });
    expect(nothing.content).toMatch(/No merchant sells \*\*Moonveil\*\* for runes/);
    const unknown = await t.run('buy', { item: 'zzzz qqqq' });
    expect(unknown.content).toMatch(/No item sold for runes matches/);
    const vague = await t.run('buy', { item: 'long' });
    expect(vague.content).toMatch(/^Which item\? /);
    expect(await store().getCharacter(ALICE, { name: 'Tarnished' })).toEqual(before);
  });

  it('upgrade spends the rune core figure for the weapon and raises the highest upgrade', async () => {
    await t.run('set', { amount: 100_000 }, { group: 'runes' });
    const longsword = itemNamed('Longsword');
    const cost = weaponUpgradeRunes(longsword.upgradePrice!, 'regular', 0, 3).total;
    const reply = await t.run('upgrade', { weapon: 'Longsword', from: 0, to: 3 });
    expectPrivate(reply);
    expect(reply.content).toContain(`**Tarnished** upgraded Longsword +0→+3 for **${cost.toLocaleString('en-US')}** runes. Holding ${(100_000 - cost).toLocaleString('en-US')}. Highest regular upgrade is now +3`);
    expect(reply.content).toMatch(/It also takes \d+ × Smithing Stone \[1\]/);
    const c = await store().getCharacter(ALICE, { name: 'Tarnished' });
    expect(c.maxUpgrade).toEqual({ regular: 3, somber: 0 });
    expect(c.runesHeld).toBe(100_000 - cost);
    // A lower upgrade does not lower the highest.
    await t.run('upgrade', { weapon: 'Longsword', from: 0, to: 1 });
    expect((await store().getCharacter(ALICE, { name: 'Tarnished' })).maxUpgrade.regular).toBe(3);
  });

  it('upgrade refuses out-of-path levels, weapons without a rune price, and shortfalls', async () => {
    const before = await store().getCharacter(ALICE, { name: 'Tarnished' });
    const somber = await t.run('upgrade', { weapon: 'Moonveil', from: 0, to: 11 });
    expect(somber.content).toMatch(/Moonveil\*\* uses somber stones and goes from \+0 to \+10/);
    const backwards = await t.run('upgrade', { weapon: 'Longsword', from: 5, to: 5 });
    expect(backwards.content).toMatch(/`from` must be below `to`/);
    // Patch 1.16.1 data gives every upgradable weapon its rune price (DLC ones included), so no weapon is
    // refused for a missing price any more.
    expect(items.filter((i) => (i.category === 'weapon' || i.category === 'shield') && (i.upgrade === 'regular' || i.upgrade === 'somber') && i.upgradePrice === undefined)).toEqual([]);
    await t.run('set', { amount: 10 }, { group: 'runes' });
    const short = await t.run('upgrade', { weapon: 'Longsword', from: 10, to: 25 });
    expect(short.content).toMatch(/Upgrading Longsword \+10→\+25 costs .* short\. Nothing was spent\./);
    const after = await store().getCharacter(ALICE, { name: 'Tarnished' });
    expect(after.maxUpgrade).toEqual(before.maxUpgrade);
    expect(after.runesHeld).toBe(10);
    await t.run('set', { amount: before.runesHeld }, { group: 'runes' });
  });

  it('autocompletes buyable items and upgradable weapons (item keys as values), and own character names', async () => {
    const buyable = await t.complete('buy', 'item', { item: 'arro' });
    expect(buyable[0]).toEqual({ name: expect.stringMatching(/^Arrow — \d+ runes/), value: itemNamed('Arrow').key, typed: 'Arrow' });
    for (const choice of buyable) expect(items.find((i) => i.key === choice.value)!.shop!.some((o) => o.currency === 'runes')).toBe(true);
    const weapons = await t.complete('upgrade', 'weapon', { weapon: 'moonv' });
    expect(weapons[0]).toEqual({ name: 'Moonveil (somber)', value: itemNamed('Moonveil').key, typed: 'Moonveil' });
    for (const choice of weapons) expect(['regular', 'somber']).toContain(items.find((i) => i.key === choice.value)!.upgrade);
    const mine = await t.complete('show', 'name', { name: 'w' });
    expect(mine.map((c) => c.value)).toEqual(['Wretched']);
    const all = await t.complete('levelup', 'name', { name: '' });
    expect(all.map((c) => c.value).sort()).toEqual(['Tarnished', 'Wretched']);
    expect(all.find((c) => c.value === 'Tarnished')!.name).toMatch(/\(active\)$/);
    expect(await t.complete('show', 'name', { name: '' }, { user: BOB })).toEqual([{ name: 'Secret — Prophet, level 7 (active)', value: 'Secret' }]);
  });
});

describe('Share', () => {
  it('posts a public copy re-rendered from the database, and only for the owner', async () => {
    const reply = await t.run('show', { name: 'Tarnished' });
    const share = buttonId(reply, /Share/);
    await store().addRunes({ userId: ALICE, name: 'Tarnished' }, 1_234); // after the private reply
    const held = (await store().getCharacter(ALICE, { name: 'Tarnished' })).runesHeld;
    const pressed = await t.press(share);
    expect(pressed.mode).toBe('reply');
    expect(pressed.reply.ephemeral).toBeFalsy();
    expect(body(pressed.reply).flags).toBeUndefined();
    const out = text(pressed.reply);
    expect(out).toContain(`Shared by <@${ALICE}>`);
    expect(out).toContain(`Runes held: ${held.toLocaleString('en-US')}`);
    expect(buttonIds(pressed.reply)).toEqual([]);
    const bob = await t.press(share, { user: BOB });
    expect(bob.reply.ephemeral).toBe(true);
    expect(bob.reply.content).toMatch(/Only the owner/);
  });

  it('shares the list and a history page; a deleted character is reported', async () => {
    const list = await t.press(`character:share:${ALICE}:l`);
    expect(list.reply.ephemeral).toBeFalsy();
    expect(text(list.reply)).toMatch(/Tarnished — Vagabond/);
    const history = await t.run('history', { name: 'Wretched', page: 2 });
    const shared = await t.press(buttonId(history, /Share/));
    expect(text(shared.reply)).toContain('Page 2 of 2');
    expect(shared.reply.ephemeral).toBeFalsy();
    const ghost = await t.press(`character:share:${ALICE}:c:99999:abc`);
    expect(ghost.reply.content).toBe('That character no longer exists.');
    expect(ghost.reply.ephemeral).toBe(true);
  });
});

describe('delete and forget-me need the owner’s confirm', () => {
  it('delete asks first; another user, an expired button and Cancel change nothing; Confirm deletes', async () => {
    await store().createCharacter(ALICE, { name: 'Doomed', className: 'Bandit' });
    const ask = await t.run('delete', { name: 'doomed' });
    expectPrivate(ask);
    expect(ask.content).toMatch(/^Delete \*\*Doomed\*\* \(Bandit, level 5, 0 runes held\) and its 0 ledger entries\? This cannot be undone/);
    const confirm = buttonId(ask, /^Delete Doomed$/);
    const cancel = buttonId(ask, /Cancel/);
    expect((await t.press(confirm, { user: BOB })).reply.content).toMatch(/Only the owner/);
    expect((await t.press(cancel)).reply.content).toBe('Cancelled: nothing was changed.');
    t.clock.now += (CONFIRM_SECONDS + 1) * 1000;
    const late = await t.press(confirm);
    expect(late.mode).toBe('update');
    expect(late.reply.content).toMatch(/expired: nothing was deleted/);
    expect((await store().listCharacters(ALICE)).characters.map((c) => c.name)).toContain('Doomed');
    const again = await t.run('delete', { name: 'Doomed' });
    const done = await t.press(buttonId(again, /^Delete Doomed$/));
    expect(done.mode).toBe('update');
    expect(done.reply.content).toBe('Deleted **Doomed** and its 0 ledger entries. Your active character is now **Tarnished**.');
    expect(done.reply.components).toEqual([]);
    expect((await store().listCharacters(ALICE)).characters.map((c) => c.name)).not.toContain('Doomed');
    // Pressing it again (or after the id is reused by a new character) deletes nothing more.
    await store().createCharacter(ALICE, { name: 'Doomed', className: 'Bandit' });
    expect((await t.press(buttonId(again, /^Delete Doomed$/))).reply.content).toBe('That character no longer exists.');
    expect((await store().listCharacters(ALICE)).characters.map((c) => c.name)).toContain('Doomed');
    await store().deleteCharacter({ userId: ALICE, name: 'Doomed' });
    const missing = await t.run('delete', { name: 'Nobody' });
    expect(missing.content).toMatch(/no character named “Nobody”/);
  });

  it('forget-me asks first; only the owner’s confirm deletes everything', async () => {
    const carol = '200000000000000023';
    await store().createCharacter(carol, { name: 'Rya', className: 'Confessor' });
    await store().addRunes({ userId: carol }, 500);
    const ask = await t.run('forget-me', {}, { user: carol });
    expectPrivate(ask);
    expect(ask.content).toMatch(/deletes everything the bot stores about you: 1 character \(\*\*Rya\*\*\), 1 ledger entry/);
    const confirm = buttonId(ask, /Delete all my data/);
    expect((await t.press(confirm)).reply.content).toMatch(/Only the owner/); // Alice pressing Carol's button
    expect((await store().listCharacters(carol)).characters).toHaveLength(1);
    const done = await t.press(confirm, { user: carol });
    expect(done.mode).toBe('update');
    expect(done.reply.content).toBe('Done: deleted 1 character, 1 ledger entry and 1 active selection. The bot stores nothing more about you.');
    expect((await store().exportUser(carol)).characters).toEqual([]);
    expect((await t.run('forget-me', {}, { user: carol })).content).toMatch(/stores nothing about you/);
  });
});

describe('export and import', () => {
  it('export attaches a JSON file of all the characters and ledgers', async () => {
    const reply = await t.run('export');
    expectPrivate(reply);
    expect(reply.files).toHaveLength(1);
    const file = reply.files![0]!;
    expect(file.name).toBe(`tarnished-ledger-${ALICE}-2025-01-15.json`);
    const doc = JSON.parse(file.data.toString('utf8'));
    expect(doc.format).toBe('tarnished-ledger/characters');
    expect(doc.characters.map((c: { name: string }) => c.name)).toEqual(['Tarnished', 'Wretched']);
    expect(doc.characters[0].ledger.length).toBe((await store().history({ userId: ALICE, name: 'Tarnished' })).totals.entries);
    expect(reply.content).toMatch(/^Your 2 characters \(\*\*Tarnished\*\* and \*\*Wretched\*\*\) with \d+ ledger entries/);
  });

  it('a bad file is rejected with what is wrong, and changes nothing', async () => {
    const before = JSON.stringify((await store().exportUser(ALICE)).characters);
    const notJson = await t.run('import', { file: t.file('bad.json', '{"format": ') });
    expectPrivate(notJson);
    expect(notJson.content).toMatch(/^The file was not imported \(nothing was changed\)\. What is wrong with it:\n• \(file\): not valid JSON/);
    const doc = await store().exportUser(ALICE);
    const broken = structuredClone(doc) as any;
    broken.characters[0].stats.vigor = 120;
    broken.characters[1].name = '@everyone';
    broken.characters[1].runesHeld += 1;
    const wrong = await t.run('import', { file: t.file('wrong.json', JSON.stringify(broken)) }, {});
    expect(wrong.content).toContain('characters[0].stats.vigor');
    expect(JSON.stringify(body(wrong))).not.toMatch(/(?<!\\u200b)@everyone/);
    const clash = await t.run('import', { file: t.file('mine.json', JSON.stringify(doc)) });
    expect(clash.content).toMatch(/you already have characters with these names/);
    expect(clash.content).toContain('"Tarnished" already exists');
    const huge = await t.run('import', { file: { kind: 'attachment', name: 'huge.json', url: 'https://cdn.example.test/huge', size: 50_000_000 } });
    expect(huge.content).toMatch(/Nothing was changed/);
    const gone = await t.run('import', { file: { kind: 'attachment', name: 'gone.json', url: 'https://cdn.example.test/gone', size: 10 } });
    expect(gone.content).toMatch(/could not download/);
    expect(JSON.stringify((await store().exportUser(ALICE)).characters)).toBe(before);
    expect((await store().checkIntegrity()).ok).toBe(true);
  });

  it('imports next to existing characters, and replaces only with replace:true (attaching the old ones)', async () => {
    const doc = await store().exportUser(ALICE);
    const merged = await t.run('import', { file: t.file('alice.json', JSON.stringify(doc)) }, { user: BOB });
    expectPrivate(merged);
    expect(merged.content).toMatch(/^Imported 2 characters: \*\*Tarnished\*\* and \*\*Wretched\*\*\./);
    expect((await store().listCharacters(BOB)).characters.map((c) => c.name).sort()).toEqual(['Secret', 'Tarnished', 'Wretched']);
    expect((await store().getCharacter(BOB, { name: 'Tarnished' })).runesHeld).toBe((await store().getCharacter(ALICE, { name: 'Tarnished' })).runesHeld);
    const only = structuredClone(doc);
    only.characters = only.characters.slice(1);
    only.active = null;
    const replaced = await t.run('import', { file: t.file('one.json', JSON.stringify(only)), replace: true }, { user: BOB });
    expect(replaced.content).toContain('They replace your 3 previous characters: a copy of those is attached.');
    expect(replaced.files![0]!.name).toMatch(/before-import/);
    expect(JSON.parse(replaced.files![0]!.data.toString()).characters).toHaveLength(3);
    expect((await store().listCharacters(BOB)).characters.map((c) => c.name)).toEqual(['Wretched']);
    expect((await store().checkIntegrity()).ok).toBe(true);
  });
});

describe('every /help example of /character', () => {
  it('parses as the console would and answers without an unexpected error', async () => {
    const module = COMMANDS.find((m) => m.data.name === 'character')!;
    expect(module).toBe(character);
    const subcommands = new Set<string>();
    const before = t.logs.length;
    const who = '200000000000000029';
    for (const example of character.examples) {
      const parsed = parseCommandLine(example.usage, COMMANDS, { allowFiles: false });
      if (!parsed.ok) {
        // Only the import example names a file, which DM text cannot carry.
        expect(example.usage).toMatch(/^\/character import/);
        subcommands.add('import');
        continue;
      }
      const { group, subcommand, options } = parsed.value;
      subcommands.add([group, subcommand].filter(Boolean).join(' '));
      const reply = await t.run(subcommand!, options, { user: who, group });
      expect(reply.content ?? '', example.usage).not.toMatch(/went wrong/);
      if (subcommand !== 'delete' && subcommand !== 'forget-me' && subcommand !== 'list' && subcommand !== 'export') {
        expect(reply.embeds?.length, `${example.usage}: ${reply.content}`).toBeGreaterThan(0);
      }
    }
    expect(t.unexpected(before)).toEqual([]);
    expect(subcommands.size).toBe(20); // every subcommand has an example
  });
});
