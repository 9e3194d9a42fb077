// End to end: the rune calculator's commands through the real discord.js Client logged in to the fake
// Discord. Expected figures are from mechanics.md (§1 1→150 = 7,112,459; §2 Hero 97; §6 Longsword 21,250).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { autocomplete, buttonPress, slashCommand, user } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

type Body = { type: number; data: { content?: string; flags?: number; embeds?: { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[]; components?: { components: { custom_id?: string; label?: string }[] }[]; choices?: { name: string; value: string }[] } };

function unexpectedErrors() {
  return h.logs.filter((l) => l.errorId || l.msg === 'autocomplete failed');
}

describe('rune calculator through the real Client', () => {
  it('/runes level from:1 to:150 in a server answers 7,112,459, ending with the game data patch', async () => {
    const request = await h.interact(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150 }, guild: true }));
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags ?? 0).toBe(0);
    const embed = body.data.embeds![0]!;
    expect(embed.title).toBe('Level 1 → 150');
    expect(embed.description).toContain('**7,112,459 runes**');
    expect(embed.footer?.text).toBe('Game data: patch 1.16.1');
  });

  it('/runes level with a breakdown pages through a button press', async () => {
    const request = await h.interact(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150, breakdown: true } }));
    const body = request.body as Body;
    const ids = body.data.components!.flatMap((row) => row.components.map((c) => c.custom_id));
    expect(ids).toContain('runes:bd:1:150:-:2');
    const press = await h.interact(buttonPress('runes:bd:1:150:-:2'));
    const updated = press.body as Body;
    expect(updated.type).toBe(InteractionResponseType.UpdateMessage);
    expect(updated.data.embeds![0]!.fields![0]!.name).toBe('Per level (2/6)');
  });

  it('/class best strength:80 vigor:40 names Hero at level 97 first', async () => {
    const request = await h.interact(slashCommand('class', { path: ['best'], values: { strength: 80, vigor: 40 }, guild: true }));
    const description = (request.body as Body).data.embeds![0]!.description!;
    expect(description).toMatch(/^\*\*Hero\*\* gets there at \*\*level 97\*\*/);
    expect(description).toMatch(/ 1\. Hero\s+97/);
  });

  it('/upgrade autocompletes weapon names and answers the chosen one', async () => {
    const choices = await h.interact(autocomplete('upgrade', 'weapon', { values: { weapon: 'longsw' }, guild: true }));
    const body = choices.body as Body;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data.choices!.map((c) => c.name)).toContain('Longsword');
    const ash = await h.interact(autocomplete('upgrade', 'ash', { values: { ash: 'mimic' } }));
    expect((ash.body as Body).data.choices![0]).toEqual({ name: 'Mimic Tear Ashes (spirit ash)', value: 'spirit_ash:207000' });
    // The chosen choice sends the item key.
    const longsword = body.data.choices!.find((c) => c.name === 'Longsword')!;
    const answer = await h.interact(slashCommand('upgrade', { values: { weapon: String(longsword.value) } }));
    expect((answer.body as Body).data.embeds![0]!.description).toContain('**21,250**');
  });

  it('/stats and /matchmaking answer in the bot DMs', async () => {
    const stats = await h.interact(slashCommand('stats', { values: { vigor: 40, mind: 10, endurance: 10 } }));
    const fields = (stats.body as Body).data.embeds![0]!.fields!.map((f) => `${f.name}: ${f.value}`);
    expect(fields.some((f) => f.startsWith('HP (Vigor 40): 1,450'))).toBe(true);
    expect(fields.some((f) => f.startsWith('FP (Mind 10): 78'))).toBe(true);
    expect(fields.some((f) => f.startsWith('Equip load (Endurance 10): 48.2'))).toBe(true);
    const match = await h.interact(slashCommand('matchmaking', { values: { level: 150 } }));
    expect(JSON.stringify(match.body)).toMatch(/community-tested/i);
  });

  it('uses the active character made with the store, and refuses bad input privately', async () => {
    const owner = user('800000000000000042', 'miriel');
    await h.app.services.store().createCharacter(owner.id, { name: 'Miriel', className: 'Confessor' });
    const request = await h.interact(slashCommand('runes', { path: ['level'], values: { to: 11 }, user: owner }));
    const embed = (request.body as Body).data.embeds![0]!;
    // Confessor starts at level 10 (§2); cost(10) = 829 (§1).
    expect(embed.title).toBe('Level 10 → 11');
    expect(embed.description).toContain('**829 runes**');
    expect(embed.description).toContain('from **Miriel** (level 10)');

    const bad = await h.interact(slashCommand('runes', { path: ['level'], values: { from: 0, to: 714 } }));
    const badBody = bad.body as Body;
    expect(badBody.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(badBody.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(badBody.data.content).toMatch(/from 1 to 712/);
    expect(unexpectedErrors()).toEqual([]);
  });
});
