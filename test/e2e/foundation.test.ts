// End to end: the real discord.js Client, logged in to the fake Discord on 127.0.0.1.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { slashCommand as defineSlash } from '../../src/router/define.ts';
import type { CommandModule } from '../../src/router/types.ts';
import { autocomplete, buttonPress, directMessage, DM_CHANNEL_ID, slashCommand, user } from '../fake-discord/payloads.ts';
import { callbackOf, startHarness, type Harness } from './harness.ts';

const boom: CommandModule = {
  data: defineSlash('boom', 'Always fails (test only)'),
  examples: [],
  execute() {
    throw new Error('kaboom: secret internal detail');
  },
  autocomplete() {
    throw new Error('autocomplete kaboom');
  },
};

const slow: CommandModule = {
  data: defineSlash('slow', 'Answers after a while (test only)'),
  examples: [],
  deferEphemeral: true,
  async execute() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ephemeral: true, content: 'finally' };
  },
};

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ commands: [...COMMANDS, boom, slow], deferAfterMs: 100 });
});

afterAll(async () => {
  await h?.close();
});

describe('the bot against a fake Discord', () => {
  it('logs in with the Guilds and DirectMessages intents only', () => {
    const identify = h.fake.identifies[0] as { intents: number; token: string };
    expect(identify.token).toBe(h.fake.token);
    expect(identify.intents).toBe((1 << 0) | (1 << 12));
  });

  it('answers /help in a server', async () => {
    const payload = slashCommand('help', { guild: true });
    const request = await h.interact(payload);
    const body = request.body as { type: number; data: { embeds: { title: string; fields: { name: string }[] }[]; allowed_mentions: unknown } };
    expect(request.headers.authorization).toBeUndefined(); // interaction callbacks are sent without the bot token
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.embeds[0]!.title).toMatch(/commands/i);
    const names = body.data.embeds[0]!.fields.map((f) => f.name);
    for (const module of COMMANDS) expect(names.some((n) => n.startsWith(`/${module.data.name}`))).toBe(true);
    expect(body.data.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('answers /help in the bot DMs (no guild)', async () => {
    const request = await h.interact(slashCommand('help', { values: { command: 'about' } }));
    const body = request.body as { type: number; data: { embeds: { title: string }[] } };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]!.title).toBe('/about');
  });

  it('answers autocomplete with choices, and with an empty list when the handler fails', async () => {
    const request = await h.interact(autocomplete('help', 'command', { values: { command: 'ab' }, guild: true }));
    expect(request.body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [{ name: '/about', value: 'about' }] } });
    const failing = await h.interact(autocomplete('boom', 'x', { values: { x: 'a' } }));
    expect(failing.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('turns a throwing handler into one private reply with an error id that is in the log', async () => {
    const request = await h.interact(slashCommand('boom', { guild: true }));
    const body = request.body as { type: number; data: { content: string; flags: number } };
    expect(body.type).toBe(4);
    expect(body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(body.data.content).not.toContain('kaboom');
    const errorId = /`([0-9a-f]{8})`/.exec(body.data.content)?.[1];
    expect(errorId).toBeDefined();
    const logged = h.logs.find((l) => l.errorId === errorId);
    expect(logged?.err?.message).toContain('kaboom');
    expect(JSON.stringify(h.logs)).not.toContain(h.fake.token);
  });

  it('defers work that takes longer than the deferral threshold, then edits the reply', async () => {
    const payload = slashCommand('slow');
    const callback = await h.interact(payload);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`));
    expect((edit.body as { content: string }).content).toBe('finally');
  });

  it('answers a plain-text DM, and a command typed as text', async () => {
    const waiting = h.fake.waitForNewRequest((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages`);
    h.fake.dispatch('MESSAGE_CREATE', directMessage('hello there'));
    const request = await waiting;
    const body = request.body as { content: string; message_reference: { message_id: string }; allowed_mentions: { parse: string[]; replied_user: boolean } };
    expect(body.content).toContain('/help');
    expect(body.message_reference.message_id).toBeDefined();
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const typed = h.fake.waitForNewRequest((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages`);
    h.fake.dispatch('MESSAGE_CREATE', directMessage('/help command:about'));
    const typedBody = (await typed).body as { embeds: { title: string }[]; flags?: number };
    expect(typedBody.embeds[0]!.title).toBe('/about');
  });

  it('ignores DMs from bots, including itself', async () => {
    const before = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', directMessage('I am a bot', { ...user('800000000000000077', 'otherbot'), bot: true }));
    h.fake.dispatch('MESSAGE_CREATE', directMessage('echo', { id: '900000000000000001', username: 'Tarnished Ledger', discriminator: '0', global_name: null, avatar: null, bot: true }));
    // A later human DM is answered, and it is the only new message.
    const waiting = h.fake.waitForNewRequest((r) => r.path === `/channels/${DM_CHANNEL_ID}/messages`);
    h.fake.dispatch('MESSAGE_CREATE', directMessage('hi'));
    await waiting;
    const posted = h.fake.requests.slice(before).filter((r) => r.path === `/channels/${DM_CHANNEL_ID}/messages`);
    expect(posted).toHaveLength(1);
  });

  it('answers a button whose command no longer handles it', async () => {
    const request = await h.interact(buttonPress('nothing:here'));
    expect(request.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
  });
});

describe('faults', () => {
  it('survives a 500, a 429 and a dropped gateway socket, and answers the next interaction', async () => {
    // 1. A 500 on the callback: @discordjs/rest retries it and the answer gets through.
    h.fake.injectFaults('POST', /\/callback$/, [{ status: 500 }]);
    const first = slashCommand('help');
    const delivered = await h.interact(first);
    const attempts = h.fake.requests.filter(callbackOf(first));
    expect(attempts.map((r) => r.status)).toEqual([500, 204]);
    expect(delivered.status).toBe(204);

    // 2. A 429 with rate-limit headers: the client waits as told, then retries.
    h.fake.injectFaults('POST', /\/callback$/, [
      {
        status: 429,
        headers: { 'retry-after': '1', 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1', 'x-ratelimit-bucket': 'fake', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 1, global: false },
      },
    ]);
    const second = slashCommand('help', { guild: true });
    await h.interact(second);
    const tries = h.fake.requests.filter(callbackOf(second));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(900);

    // 3. The gateway socket drops: the client reconnects and identifies again.
    h.fake.dropGateway();
    await h.fake.waitForReady(2);
    const third = slashCommand('help', { guild: true });
    const answered = await h.interact(third);
    expect((answered.body as { type: number }).type).toBe(4);
  });

  it('stays up when a reply cannot be delivered at all', async () => {
    h.fake.injectFaults('POST', /\/callback$/, [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }]);
    const lost = slashCommand('help');
    h.fake.dispatch('INTERACTION_CREATE', lost);
    await expect.poll(() => h.logs.some((l) => l.msg === 'could not deliver the reply'), { timeout: 5000 }).toBe(true);
    const next = await h.interact(slashCommand('about'));
    expect((next.body as { type: number }).type).toBe(4);
  });
});
