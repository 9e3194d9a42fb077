// Issue 5 end to end: /item read for the caller's active character through the real discord.js Client
// and the fake Discord: each stat requirement marked met or unmet, and whether the merchant price is
// affordable. The server's own pick (switch here:true) wins over the global active character there.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, slashCommand, user } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';
import { decodeCustomId } from '../../src/router/customId.ts';

type Field = { name: string; value: string };
type Body = {
  type: number;
  data: { flags?: number; embeds?: { title?: string; fields?: Field[] }[]; components?: { components: { custom_id?: string; label?: string }[] }[] };
};

let h: Harness;
const player = user('800000000000000601', 'melina');

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function card(name: string, guild = false): Promise<Field[]> {
  const request = await h.interact(slashCommand('item', { values: { name }, user: player, guild }));
  return ((request.body as Body).data.embeds?.[0]?.fields ?? []) as Field[];
}

describe('/item for the active character', () => {
  it('shows no character fields before the player has a character', async () => {
    const fields = await card('Rivers of Blood');
    expect(fields.some((f) => /meet|can use|afford/i.test(f.name))).toBe(false);
  });

  it('marks each requirement met or unmet and says whether the price is affordable', async () => {
    // A Vagabond starts with Str 14, Dex 13, Arc 7. Rivers of Blood needs Str 12, Dex 18, Arc 20.
    await h.interact(slashCommand('character', { path: ['create'], values: { name: 'Tarnished', class: 'Vagabond' }, user: player }));
    const rob = await card('Rivers of Blood');
    const requirements = rob.find((f) => f.name.startsWith('Tarnished'))!;
    expect(requirements.name).toBe('Tarnished does not meet every requirement');
    expect(requirements.value).toMatch(/✅ Strength 12 \(you have 14\)/);
    expect(requirements.value).toMatch(/❌ Dexterity 18 \(you have 13: 5 short\)/);
    expect(requirements.value).toMatch(/❌ Arcane 20 \(you have 7: 13 short\)/);

    // Gold-Pickled Fowl Foot: 600 runes at Patches (mechanics.md §6). 0 held, then 2,000 held.
    expect((await card('Gold-Pickled Fowl Foot')).find((f) => f.name === 'Can Tarnished afford it?')!.value).toMatch(/Not yet: 600 runes short/);
    await h.interact(slashCommand('character', { path: ['runes', 'add'], values: { amount: 2000 }, user: player }));
    expect((await card('Gold-Pickled Fowl Foot')).find((f) => f.name === 'Can Tarnished afford it?')!.value).toMatch(/^Yes: 2,000 runes held, the cheapest offer is 600/);
  });

  it("uses the server's own pick in that server", async () => {
    await h.interact(slashCommand('character', { path: ['create'], values: { name: 'Bleed Build', class: 'Bandit' }, user: player }));
    await h.interact(slashCommand('character', { path: ['stats'], values: { name: 'Bleed Build', strength: 12, dexterity: 18, arcane: 20 }, user: player }));
    await h.interact(slashCommand('character', { path: ['switch'], values: { name: 'Bleed Build', here: true }, user: player, guild: true }));
    const inGuild = await card('Rivers of Blood', true);
    expect(inGuild.find((f) => f.name.startsWith('Bleed Build'))!.name).toBe('Bleed Build can use it');
    const inDm = await card('Rivers of Blood', false);
    expect(inDm.find((f) => f.name.startsWith('Tarnished'))).toBeDefined();
  });

  it('keeps a private character private in a server: the card is ephemeral, and Share posts the plain card', async () => {
    const request = await h.interact(slashCommand('item', { values: { name: 'Rivers of Blood' }, user: player, guild: true }));
    const body = request.body as Body;
    expect(body.data.flags).toBe(64);
    const share = body.data.components!.flatMap((row) => row.components).find((c) => c.label === 'Share')!;
    expect(decodeCustomId(share.custom_id!)).toEqual({ command: 'item', action: 'share', fields: ['weapon:9040000'] });
    const shared = await h.interact(buttonPress(share.custom_id!, { guild: true, user: player }));
    const sharedBody = shared.body as Body;
    expect(sharedBody.type).toBe(4);
    expect(sharedBody.data.flags ?? 0).toBe(0);
    expect(sharedBody.data.embeds![0]!.title).toBe('Rivers of Blood');
    expect(JSON.stringify(sharedBody)).not.toMatch(/Bleed Build|Tarnished|you have/);
  });

  it('answers a public server card for a player without a character, or with a public one', async () => {
    const other = user('800000000000000602', 'nepheli');
    const plain = await h.interact(slashCommand('item', { values: { name: 'Moonveil' }, user: other, guild: true }));
    expect((plain.body as Body).data.flags ?? 0).toBe(0);
    await h.interact(slashCommand('character', { path: ['create'], values: { name: 'Open Book', class: 'Astrologer' }, user: other }));
    await h.interact(slashCommand('character', { path: ['visibility'], values: { name: 'Open Book', public: true }, user: other }));
    const open = await h.interact(slashCommand('item', { values: { name: 'Moonveil' }, user: other, guild: true }));
    expect((open.body as Body).data.flags ?? 0).toBe(0);
    expect(JSON.stringify(open.body)).toMatch(/Open Book/);
  });
});
