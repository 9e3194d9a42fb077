// End to end: /weapon through the real discord.js Client logged in to the fake Discord. Figures:
// attack-rating.md's check values (Rivers of Blood +10 at 30/50/50: 389, 274, total 664, blood loss 73).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { autocomplete, slashCommand, user } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

type Body = { type: number; data: { content?: string; flags?: number; embeds?: { title?: string; description?: string; footer?: { text: string } }[]; choices?: { name: string; value: string }[] } };

describe('/weapon through the real Client', () => {
  it('autocompletes "rivers of bl", then answers the chosen value with the check values, in a server, publicly', async () => {
    const choices = await h.interact(autocomplete('weapon', 'name', { path: ['ar'], values: { name: 'rivers of bl' }, guild: true }));
    const choiceBody = choices.body as Body;
    expect(choiceBody.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const first = choiceBody.data.choices![0]!;
    expect(first).toEqual({ name: 'Rivers of Blood · Katana · somber', value: 'weapon:9040000' });

    const request = await h.interact(
      slashCommand('weapon', { path: ['ar'], values: { name: first.value, level: 10, strength: 30, dexterity: 50, intelligence: 1, faith: 1, arcane: 50 }, guild: true }),
    );
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags ?? 0).toBe(0);
    const embed = body.data.embeds![0]!;
    expect(embed.title).toBe('Rivers of Blood +10');
    expect(embed.description).toContain('Physical 389 · Fire 274 · **Total 664**');
    expect(embed.description).toContain('Blood loss 73');
    expect(embed.footer?.text).toBe('Game data: patch 1.16.1');
  });

  it("uses the active character's stats, privately in a server, and refuses a bad level privately", async () => {
    const owner = user('800000000000000077', 'melina');
    const store = h.app.services.store();
    store.createCharacter(owner.id, { name: 'Melina', className: 'Samurai' });
    store.setStats({ userId: owner.id }, { strength: 30, dexterity: 50, arcane: 50 });
    const request = await h.interact(slashCommand('weapon', { path: ['ar'], values: { name: 'Rivers of Blood', level: 10 }, user: owner, guild: true }));
    const body = request.body as Body;
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.embeds![0]!.description).toContain('**Total 664**');
    expect(body.data.embeds![0]!.description).toContain('from **Melina**');

    const bad = await h.interact(slashCommand('weapon', { path: ['ar'], values: { name: 'Rivers of Blood', level: 25 } }));
    const badBody = bad.body as Body;
    expect(badBody.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(badBody.data.content).toMatch(/somber weapon: `level` must be from 0 to 10/);
    expect(h.logs.filter((l) => l.errorId || l.msg === 'autocomplete failed')).toEqual([]);
  });
});
