// What a fuzzer and a new player found in /character: another player's names in autocomplete,
// confirmation buttons that could be forged, buttons that came back to life after a re-import, an import
// that ignored whose file it was, and the history chart.

import { afterAll, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/router/customId.ts';
import { ALICE, BOB, buttonId, makeCharacterApp, text } from './character-helpers.ts';

const t = makeCharacterApp();
afterAll(() => t.close());
const store = () => t.app.services.store();

describe('/character show user:<B> name: autocompletes B’s public characters', () => {
  it('offers the other player’s public ones only, and your own without `user`', async () => {
    await store().createCharacter(BOB, { name: 'Open Book', className: 'Hero', isPublic: true });
    await store().createCharacter(BOB, { name: 'Secret Diary', className: 'Wretch' });
    await store().createCharacter(ALICE, { name: 'Alice Main', className: 'Samurai' });
    const bob = { kind: 'user' as const, id: BOB, username: 'bob' };
    const theirs = await t.complete('show', 'name', { user: bob, name: '' });
    expect(theirs.map((c) => c.value)).toEqual(['Open Book']);
    expect((await t.complete('show', 'name', { user: bob, name: 'secret' })).map((c) => c.value)).toEqual([]);
    expect((await t.complete('show', 'name', { name: '' })).map((c) => c.value)).toEqual(['Alice Main']);
  });
});

describe('confirmations are signed', () => {
  it('a delete button with its expiry rewritten, or without a signature, deletes nothing', async () => {
    await store().createCharacter(ALICE, { name: 'Keeper', className: 'Bandit' });
    const ask = await t.run('delete', { name: 'Keeper' });
    const confirm = buttonId(ask, /^Delete Keeper$/);
    const parts = confirm.split(':');
    // The reported forgery: the expiry pushed far into the future (the signature no longer matches).
    parts[parts.length - 2] = 'zzzzzz';
    const forged = await t.press(parts.join(':'));
    expect(forged.reply.content).toMatch(/no longer works: nothing was deleted/);
    // The old, unsigned layout.
    const unsigned = parts.slice(0, -1).join(':');
    expect((await t.press(unsigned)).reply.content).toMatch(/no longer works: nothing was deleted/);
    // Another character's id under this signature.
    const decoded = decodeCustomId(confirm)!;
    const other = confirm.replace(`:${decoded.fields[1]}:`, `:${Number(decoded.fields[1]) + 1}:`);
    expect((await t.press(other)).reply.content).toMatch(/no longer works: nothing was deleted/);
    expect((await store().listCharacters(ALICE)).characters.map((c) => c.name)).toContain('Keeper');
    // The real one still works (the same secret for every process on this database).
    expect((await t.press(confirm)).reply.content).toMatch(/^Deleted \*\*Keeper\*\*/);
  });

  it('a forget-me button with a changed expiry is refused', async () => {
    const ask = await t.run('forget-me', {}, { user: BOB });
    const confirm = buttonId(ask, /Delete all my data/);
    const parts = confirm.split(':');
    parts[parts.length - 2] = 'zzzzzz';
    expect((await t.press(parts.join(':'), { user: BOB })).reply.content).toMatch(/no longer works: nothing was deleted/);
    expect((await store().listCharacters(BOB)).characters).toHaveLength(2);
  });
});

describe('buttons stop working once what they point to was deleted', () => {
  it('after forget-me and a re-import of the same export, old Share and history buttons find nothing', async () => {
    const user = '200000000000000031';
    await store().createCharacter(user, { name: 'Phoenix', className: 'Prophet' });
    for (let i = 1; i <= 12; i++) await store().addRunes({ userId: user }, i * 100);
    const card = await t.run('show', {}, { user });
    const share = buttonId(card, /Share/);
    const history = await t.run('history', {}, { user });
    const next = buttonId(history, /Next/);
    const exported = await store().exportUser(user);
    await store().forgetUser(user);
    await store().importUser(user, exported);
    expect((await store().listCharacters(user)).characters.map((c) => c.name)).toEqual(['Phoenix']);
    expect((await t.press(share, { user })).reply.content).toBe('That character no longer exists.');
    expect((await t.press(next, { user })).reply.content).toBe('That character no longer exists.');
    // The re-imported character's own new buttons work.
    const fresh = buttonId(await t.run('show', {}, { user }), /Share/);
    expect(text((await t.press(fresh, { user })).reply)).toContain('Phoenix');
  });
});

describe('import says whose file it was', () => {
  it("loading another account's export works and says so; a malformed userId is refused privately", async () => {
    const from = '200000000000000041';
    const to = '200000000000000042';
    await store().createCharacter(from, { name: 'Borrowed', className: 'Astrologer' });
    const doc = await store().exportUser(from);
    const reply = await t.run('import', { file: t.file('export.json', JSON.stringify(doc)) }, { user: to });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`This file was exported by another Discord account (<@${from}>): its characters are now yours.`);
    const own = await t.run('import', { file: t.file('mine.json', JSON.stringify(await store().exportUser(to))), replace: true }, { user: to });
    expect(own.content).not.toMatch(/another Discord account/);
    const bad = await t.run('import', { file: t.file('bad.json', JSON.stringify({ ...doc, userId: 'not-an-id' })) }, { user: '200000000000000043' });
    expect(bad.ephemeral).toBe(true);
    expect(bad.content).toMatch(/userId: must be a Discord user id/);
    expect(bad.content).toMatch(/nothing was (changed|imported)/i);
  });
});

describe('/character history chart:true', () => {
  it('attaches a PNG of runes held and level over time, shown in the card', async () => {
    const user = '200000000000000051';
    await store().createCharacter(user, { name: 'Grapher', className: 'Vagabond' });
    await store().addRunes({ userId: user }, 30_000);
    await store().levelUp({ userId: user }, 'vigor', 3);
    await store().recordDeath({ userId: user });
    const reply = await t.run('history', { chart: true }, { user });
    expect(reply.files).toHaveLength(1);
    const png = reply.files![0]!;
    expect(png.name).toMatch(/\.png$/);
    expect(png.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.data.readUInt32BE(16)).toBeGreaterThanOrEqual(600);
    expect(png.data.readUInt32BE(20)).toBeGreaterThanOrEqual(300);
    expect(reply.embeds?.[0]?.imageFile).toBe(png.name);
    expect(reply.ephemeral).toBe(true);
  });
});

describe('a death holding no runes', () => {
  it('is recorded, and the history totals read "dropped 0", never "-0"', async () => {
    const user = '200000000000000041';
    await store().createCharacter(user, { name: 'Empty Pockets', className: 'Samurai' });
    expect(text(await t.run('died', {}, { user }))).toContain('died holding no runes');
    const history = text(await t.run('history', {}, { user }));
    expect(history).toContain('Deaths: 1 · dropped 0 · recovered 0');
    expect(history).not.toMatch(/-0\b/);
  });
});
