// End to end: /item and /search through the real discord.js Client logged in to the fake Discord.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType, MessageFlags, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { autocomplete, buttonPress, directMessage, DM_CHANNEL_ID, slashCommand } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

type Component = { type: number; custom_id?: string; url?: string; label?: string; disabled?: boolean; options?: { label: string; value: string }[] };
type Body = {
  type: number;
  data: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; url?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[];
    components?: { components: Component[] }[];
    choices?: { name: string; value: string }[];
  };
};

function unexpectedErrors() {
  return h.logs.filter((l) => l.errorId || l.msg === 'autocomplete failed' || l.msg === 'handler failed');
}

/** A string-select press (the payload factory makes buttons; a select differs in type and values). */
function selectPress(customId: string, values: string[], where: { guild?: boolean } = {}): APIMessageComponentInteraction {
  const press = buttonPress(customId, where);
  return { ...press, data: { custom_id: customId, component_type: ComponentType.StringSelect, values } } as unknown as APIMessageComponentInteraction;
}

describe('items through the real Client', () => {
  it('answers /item autocomplete: Rivers of Blood first, within the limits', async () => {
    const request = await h.interact(autocomplete('item', 'name', { values: { name: 'rivers of bl' }, guild: true }));
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    // The value is the item's key (Discord shows the label); `typed` is never sent.
    expect(body.data.choices![0]).toEqual({ name: 'Rivers of Blood · Katana', value: 'weapon:9040000' });
    const empty = (await h.interact(autocomplete('item', 'name', { values: { name: '' } }))).body as Body;
    expect(empty.data.choices).toHaveLength(25);
    for (const choice of empty.data.choices!) expect(choice.value).toMatch(/^[a-z_]+:\d+$/);
  });

  it('answers /item in a server with the public card and a wiki link button', async () => {
    const request = await h.interact(slashCommand('item', { values: { name: 'Moonveil' }, guild: true }));
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((body.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const embed = body.data.embeds![0]!;
    expect(embed.title).toBe('Moonveil');
    expect(embed.fields!.find((f) => f.name === 'Upgrade')!.value).toContain('11,880 runes');
    expect(embed.footer!.text).toMatch(/patch/);
    expect(body.data.components![0]!.components[0]).toMatchObject({ url: 'https://eldenring.wiki.fextralife.com/Moonveil', label: 'Community wiki' });
  });

  it('offers "did you mean" and updates the card when another candidate is picked', async () => {
    const request = await h.interact(slashCommand('item', { values: { name: 'mimic' }, guild: true }));
    const body = request.body as Body;
    expect(body.data.content).toMatch(/Closest match/);
    const menu = body.data.components![1]!.components[0]!;
    expect(menu.type).toBe(ComponentType.StringSelect);
    const veil = menu.options!.find((o) => o.label.startsWith("Mimic's Veil"))!;
    const picked = (await h.interact(selectPress(menu.custom_id!, [veil.value], { guild: true }))).body as Body;
    expect(picked.type).toBe(InteractionResponseType.UpdateMessage);
    expect(picked.data.embeds![0]!.title).toBe("Mimic's Veil");
  });

  it('answers an item name sent as a DM with its card', async () => {
    const waiting = h.fake.waitForNewRequest((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages`);
    h.fake.dispatch('MESSAGE_CREATE', directMessage('gold pickled fowl foot'));
    const body = (await waiting).body as Body['data'] & { allowed_mentions: unknown };
    expect(body.embeds![0]!.title).toBe('Gold-Pickled Fowl Foot');
    expect(body.embeds![0]!.fields!.find((f) => f.name === 'Where to buy')!.value).toMatch(/Patches/);
    expect(body.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('pages /search results with buttons that update the message', async () => {
    const first = (await h.interact(slashCommand('search', { values: { query: 'runes' }, guild: true }))).body as Body;
    expect(first.data.embeds![0]!.description).toContain('Gold Scarab');
    const next = first.data.components![0]!.components.find((c) => c.label === 'Next')!;
    const second = (await h.interact(buttonPress(next.custom_id!, { guild: true }))).body as Body;
    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(second.data.embeds![0]!.footer!.text).toMatch(/^Page 2 of/);
  });

  it('logged no unexpected error', () => {
    expect(unexpectedErrors()).toEqual([]);
  });
});
