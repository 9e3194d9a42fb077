// Charts end to end: the real discord.js Client sends `chart:true` answers to the fake Discord as
// multipart bodies carrying the PNG, with the embed showing `attachment://<file>`: as the first response,
// as the edit of a deferred one, as a button's message update, and as a DM reply to typed text.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { buttonPress, directMessage, DM_CHANNEL_ID, slashCommand } from '../fake-discord/payloads.ts';
import type { RecordedRequest } from '../fake-discord/server.ts';
import { decode, pngSize, stats } from '../render/png.ts';
import { startHarness, type Harness } from './harness.ts';

type Message = {
  embeds?: { title?: string; description?: string; image?: { url: string } }[];
  attachments?: { id: number | string; filename?: string; description?: string }[];
  components?: { components: { custom_id?: string }[] }[];
};

let h: Harness;
let slow: Harness;

beforeAll(async () => {
  // Load the chart code once up front (the bot runs in this process), and never defer on `h`: a busy
  // machine must not turn a first response into a deferred one. `slow` defers at once instead, so its
  // answer always arrives as the edit of the "thinking…" message.
  await import('../../src/render/charts/draw.ts');
  h = await startHarness({ deferAfterMs: 60_000 });
  slow = await startHarness({ deferAfterMs: 0 });
});

afterAll(async () => {
  await h?.close();
  await slow?.close();
});

function unexpected(harness: Harness) {
  return harness.logs.filter((l) => l.errorId || l.msg === 'chart could not be drawn');
}

/** The PNG part of a multipart request, checked against the message's attachments and embed image. */
async function expectChart(request: RecordedRequest, message: Message, name: string): Promise<void> {
  expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data/);
  expect(request.files).toHaveLength(1);
  const file = request.files![0]!;
  expect(file.name).toBe(name);
  const size = pngSize(file.data);
  expect(size).toEqual({ width: 800, height: 400 });
  const { colours } = stats(await decode(file.data), [0x1b, 0x1c, 0x20]);
  expect(colours).toBeGreaterThan(20);
  expect(message.attachments).toHaveLength(1);
  // discord.js names the file in its multipart part (files[0]) and lists it here by id, with its alt text.
  expect(String(message.attachments![0]!.id)).toBe('0');
  if (message.attachments![0]!.filename !== undefined) expect(message.attachments![0]!.filename).toBe(name);
  expect(message.attachments![0]!.description).toMatch(/^Chart of /);
  expect(message.embeds![0]!.image).toEqual({ url: `attachment://${name}` });
}

describe('charts through the real Client', () => {
  it('/runes level chart:true answers with the PNG in the embed', async () => {
    const request = await h.interact(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150, chart: true }, guild: true }));
    const body = request.body as { type: number; data: Message };
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.embeds![0]!.description).toContain('**7,112,459 runes**');
    await expectChart(request, body.data, 'rune-cost-1-150.png');
    expect(unexpected(h)).toEqual([]);
  });

  it('/runes farm chart:true answers with the PNG in the embed', async () => {
    const request = await h.interact(slashCommand('runes', { path: ['farm'], values: { per_run: 50000, target: 'level 150', chart: true } }));
    const body = request.body as { type: number; data: Message };
    expect(body.data.embeds![0]!.description).toContain('**143 runs**');
    await expectChart(request, body.data, 'farming-progress.png');
  });

  it('without chart:true nothing is attached', async () => {
    const request = await h.interact(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150 } }));
    expect(request.files).toBeUndefined();
    expect((request.body as { data: Message }).data.embeds![0]!.image).toBeUndefined();
  });

  it('a breakdown page press updates the message with the chart again', async () => {
    const first = await h.interact(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150, breakdown: true, chart: true } }));
    const ids = (first.body as { data: Message }).data.components!.flatMap((row) => row.components.map((c) => c.custom_id));
    expect(ids).toContain('runes:bd:1:150:-:2:c');
    const press = await h.interact(buttonPress('runes:bd:1:150:-:2:c'));
    const body = press.body as { type: number; data: Message };
    expect(body.type).toBe(InteractionResponseType.UpdateMessage);
    await expectChart(press, body.data, 'rune-cost-1-150.png');
  });

  it('a deferred answer carries the chart in the edit of the original response', async () => {
    const payload = slashCommand('runes', { path: ['level'], values: { from: 80, to: 100, chart: true } });
    const edit = slow.fake.waitForNewRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`), 15_000);
    const callback = await slow.interact(payload);
    expect((callback.body as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const request = await edit;
    await expectChart(request, request.body as Message, 'rune-cost-80-100.png');
    expect(unexpected(slow)).toEqual([]);
  });

  it('a command typed in the DMs gets the chart in its reply', async () => {
    const posted = h.fake.waitForNewRequest((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages`, 15_000);
    h.fake.dispatch('MESSAGE_CREATE', directMessage('/runes farm per_run:50000 target:2000000 chart:true'));
    const request = await posted;
    const message = request.body as Message;
    expect(message.embeds![0]!.description).toContain('**40 runs**');
    await expectChart(request, message, 'farming-progress.png');
    expect(unexpected(h)).toEqual([]);
  });
});
