// End to end: /enemy and /farm spots through the real discord.js Client logged in to the fake Discord.
// Figures from the game's params (NpcParam 45610068 Bloodbane Giant Crow getSoul 11,038; GameAreaParam
// 1051430800 Black Blade Kindred bonusSoul_single and _multi 88,000; NpcParam 33300042 getSoul 1,952)
// and mechanics.md §1 (cost(42) = 10,893 by its formula).

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

type Body = {
  type: number;
  data: { content?: string; flags?: number; allowed_mentions?: { parse?: string[] }; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[]; choices?: { name: string; value: string }[] };
};

describe('/enemy and /farm spots through the real Client', () => {
  it('autocompletes "bloodbane giant", then answers the chosen enemy publicly in a server', async () => {
    const choices = await h.interact(autocomplete('enemy', 'name', { values: { name: 'bloodbane giant' }, guild: true }));
    const choiceBody = choices.body as Body;
    expect(choiceBody.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const first = choiceBody.data.choices![0]!;
    expect(first).toEqual({ name: 'Bloodbane Giant Crow · 11,038 runes · Mohgwyn Palace', value: 'Bloodbane Giant Crow' });

    const request = await h.interact(slashCommand('enemy', { values: { name: first.value, gold_scarab: true }, guild: true }));
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags ?? 0).toBe(0);
    const embed = body.data.embeds![0]!;
    expect(embed.title).toBe('Bloodbane Giant Crow');
    expect(embed.fields![0]!.value).toContain('**Mohgwyn Palace**: 11,038 runes');
    expect(embed.fields![1]!.value).toMatch(/NG\s+13,245/); // 11,038 × 1.2 = 13,245.6
    expect(embed.footer?.text).toMatch(/(^|\n)Game data: patch 1\.16\.1$/);
  });

  it('a boss reward alone and in co-op', async () => {
    const request = await h.interact(slashCommand('enemy', { values: { name: 'Black Blade Kindred' } }));
    const fields = (request.body as Body).data.embeds![0]!.fields!;
    expect(fields.find((f) => f.name === 'Boss reward (the host)')!.value).toContain("**Greyoll's Dragonbarrow - Bestial Sanctum**: 88,000 runes, alone or with cooperators");
  });

  it("/farm spots with an active character: privately in a server, the runs to its next level, the source's link", async () => {
    const owner = user('800000000000000088', 'rogier');
    h.app.services.store().createCharacter(owner.id, { name: 'Rogier', className: 'Astrologer', stats: { vigor: 45 } });
    const request = await h.interact(slashCommand('farm', { path: ['spots'], values: { target: '2000000' }, user: owner, guild: true }));
    const body = request.body as Body;
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.allowed_mentions?.parse).toEqual([]);
    const spot = body.data.embeds![0]!.fields![0]!;
    expect(spot.name).toBe("1. Dragonbarrow: the rolling boulder below Lenne's Rise");
    expect(spot.value).toContain('= **1,952 runes a run**');
    expect(spot.value).toContain('To level 43: **6 runs**'); // ⌈10,893 / 1,952⌉
    expect(spot.value).toContain('To 2,000,000 runes: **1,025 runs**'); // ⌈2,000,000 / 1,952⌉
    expect(spot.value).toContain('(https://gist.github.com/exsilium/cd2ef4cbe61024c16e3fb56e33a4854c)');

    const bad = await h.interact(slashCommand('farm', { path: ['spots'], values: { target: 'lots' }, user: owner, guild: true }));
    const badBody = bad.body as Body;
    expect(badBody.data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(badBody.data.content).toMatch(/`target` must be runes/);
    expect(h.logs.filter((l) => l.errorId || l.msg === 'autocomplete failed')).toEqual([]);
  });
});
