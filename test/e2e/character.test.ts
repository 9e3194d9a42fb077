// /character end to end: the real discord.js Client logged in to the fake Discord. Create, switch (per
// server), show (private, with a Share button whose press posts a public copy), export as a file
// attachment, and import of an attached file served by the fake's CDN.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIUser } from 'discord-api-types/v10';
import { attachment, autocomplete, buttonPress, GUILD_ID, slashCommand, user } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

type Body = {
  type: number;
  data: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    components?: { components: { custom_id?: string; label?: string; disabled?: boolean }[] }[];
    attachments?: { id: number; filename: string }[];
    choices?: { name: string; value: string }[];
  };
};

const owner = user('800000000000000501', 'ranni');
const stranger = user('800000000000000502', 'blaidd');

function buttons(body: Body): { custom_id?: string; label?: string }[] {
  return (body.data.components ?? []).flatMap((row) => row.components);
}

function showOther(target: APIUser, name: string, viewer: APIUser) {
  return slashCommand('character', { path: ['show'], values: { user: target, name }, user: viewer });
}

/** An import acknowledges first (private "thinking…") and then edits in its answer. */
async function deferredAnswer(payload: { id: string; token: string }): Promise<{ content?: string }> {
  const edit = h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`));
  const callback = (await h.interact(payload)).body as Body;
  expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  expect(callback.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  return (await edit).body as { content?: string };
}

function unexpectedErrors() {
  return h.logs.filter((l) => l.errorId || l.msg === 'autocomplete failed');
}

describe('/character through the real Client', () => {
  it('create: a private card with a Share button', async () => {
    const request = await h.interact(slashCommand('character', { path: ['create'], values: { name: 'Ranni', class: 'Astrologer' }, guild: true, user: owner }));
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.content).toContain('Created **Ranni**, an Astrologer at level 6. It is your active character.');
    expect(body.data.embeds![0]!.title).toBe('Ranni — Astrologer, level 6');
    expect(buttons(body).map((b) => b.label)).toEqual(['Share']);
    await h.interact(slashCommand('character', { path: ['create'], values: { name: 'Renna', class: 'Prisoner' }, user: owner }));
  });

  it('switch here:true in a server, and autocomplete of the names', async () => {
    const request = await h.interact(slashCommand('character', { path: ['switch'], values: { name: 'Renna', here: true }, guild: true, user: owner }));
    const body = request.body as Body;
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.content).toMatch(/^\*\*Renna\*\* is now your active character in this server\. Elsewhere it is still \*\*Ranni\*\*\./);
    const store = h.app.services.store();
    expect((await store.getActiveCharacter(owner.id, GUILD_ID))?.name).toBe('Renna');
    expect((await store.getActiveCharacter(owner.id, null))?.name).toBe('Ranni');
    const dm = await h.interact(slashCommand('character', { path: ['switch'], values: { name: 'Renna', here: true }, user: owner }));
    expect((dm.body as Body).data.content).toMatch(/this is not a server/);
    const choices = await h.interact(autocomplete('character', 'name', { path: ['show'], values: { name: 'r' }, guild: true, user: owner }));
    expect((choices.body as Body).type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((choices.body as Body).data.choices!.map((c) => c.value).sort()).toEqual(['Ranni', 'Renna']);
  });

  it('show: private with Share; pressing Share posts a public copy; a stranger cannot press it', async () => {
    await h.app.services.store().addRunes({ userId: owner.id, name: 'Renna' }, 10_000);
    const request = await h.interact(slashCommand('character', { path: ['show'], guild: true, user: owner }));
    const body = request.body as Body;
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const embed = body.data.embeds![0]!;
    expect(embed.title).toBe('Renna — Prisoner, level 9'); // this server's pick
    expect(embed.description).toContain('Runes held: **10,000**');
    expect(embed.description).toContain('💡 You hold more than the next level costs');
    const share = buttons(body).find((b) => b.label === 'Share')!.custom_id!;
    expect(share).toMatch(new RegExp(`^character:share:${owner.id}:c:`));

    const refused = await h.interact(buttonPress(share, { guild: true, user: stranger }));
    expect((refused.body as Body).data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect((refused.body as Body).data.content).toMatch(/Only the owner/);

    const pressed = await h.interact(buttonPress(share, { guild: true, user: owner }));
    const shared = pressed.body as Body;
    expect(shared.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((shared.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(shared.data.content).toBe(`Shared by <@${owner.id}>`);
    expect(shared.data.embeds![0]!.title).toBe('Renna — Prisoner, level 9');
    expect(shared.data.components ?? []).toEqual([]);
  });

  it("another user sees a public character, and a private one exactly like a missing one", async () => {
    const hidden = await h.interact(showOther(owner, 'Ranni', stranger));
    const missing = await h.interact(showOther(owner, 'Rennala', stranger));
    expect((hidden.body as Body).data.content).toBe('That player has no public character named “Ranni”.');
    expect((missing.body as Body).data.content).toBe('That player has no public character named “Rennala”.');
    await h.app.services.store().setVisibility({ userId: owner.id, name: 'Ranni' }, true);
    const shown = await h.interact(showOther(owner, 'Ranni', stranger));
    expect((shown.body as Body).data.embeds![0]!.title).toBe('Ranni — Astrologer, level 6');
  });

  it('export attaches a JSON file; import of that attached file (served by the CDN) loads it for another user', async () => {
    const exported = await h.interact(slashCommand('character', { path: ['export'], user: owner }));
    const body = exported.body as Body;
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.attachments).toHaveLength(1);
    const file = exported.files![0]!;
    expect(file.name).toMatch(new RegExp(`^tarnished-ledger-${owner.id}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
    const doc = JSON.parse(file.data.toString('utf8'));
    expect(doc.characters.map((c: { name: string }) => c.name)).toEqual(['Ranni', 'Renna']);

    const url = h.fake.hostFile('characters.json', file.data);
    const payload = slashCommand('character', { path: ['import'], attachments: { file: attachment('600000000000000001', 'characters.json', url, file.data.length) }, user: stranger });
    const imported = await deferredAnswer(payload);
    expect(imported.content).toMatch(/^Imported 2 characters: \*\*Ranni\*\* and \*\*Renna\*\*\./);
    const store = h.app.services.store();
    expect((await store.listCharacters(stranger.id)).characters.map((c) => [c.name, c.runesHeld])).toEqual([
      ['Ranni', 0],
      ['Renna', 10_000],
    ]);
  });

  it('import rejects a malformed attached file with what is wrong, and changes nothing', async () => {
    const store = h.app.services.store();
    const before = JSON.stringify((await store.exportUser(stranger.id)).characters);
    const bad = Buffer.from(JSON.stringify({ format: 'tarnished-ledger/characters', version: 1, characters: [{ name: 'x' }] }));
    const url = h.fake.hostFile('bad.json', bad);
    const payload = slashCommand('character', { path: ['import'], values: { replace: true }, attachments: { file: attachment('600000000000000002', 'bad.json', url, bad.length) }, user: stranger });
    const answer = await deferredAnswer(payload);
    expect(answer.content).toMatch(/^The file was not imported \(nothing was changed\)\. What is wrong with it:\n• /);
    expect(answer.content).toContain('exportedAt');
    expect(JSON.stringify((await store.exportUser(stranger.id)).characters)).toBe(before);
    expect(unexpectedErrors()).toEqual([]);
  });
});
