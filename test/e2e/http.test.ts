// End to end over HTTP interactions: signed requests from "Discord" (test/fake-discord/interactions.ts)
// to the bot's real node:http endpoint, the real router and commands behind it, deferred answers
// delivered to the fake Discord's webhook routes. Expected game figures are from mechanics.md (§1:
// levels 1 → 150 cost 7,112,459 runes).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { MAX_BODY_BYTES } from '../../src/bot/http.ts';
import { slashCommand as defineSlash } from '../../src/router/define.ts';
import type { CommandModule } from '../../src/router/types.ts';
import { APPLICATION_ID, attachment, autocomplete, buttonPress, ping, slashCommand, user } from '../fake-discord/payloads.ts';
import type { InteractionResponse } from '../fake-discord/interactions.ts';
import { gate, startHttpHarness, type HttpHarness } from './http-harness.ts';

type Message = {
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  attachments?: { id: number; filename: string }[];
};

const big: CommandModule = {
  data: defineSlash('bigfile', 'Answers with a large file (test only)'),
  examples: [],
  execute: () => ({ ephemeral: true, content: 'here it is', files: [{ name: 'big.txt', data: Buffer.alloc(300 * 1024, 'a') }] }),
};

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttpHarness({ commands: [...COMMANDS, big] });
});

afterAll(async () => {
  await h?.close();
});

/**
 * The message a command finally shows: the HTTP response's, or, when the bot deferred (type 5), the
 * edit it then sent to the webhook. Lets a test check the answer without depending on the clock.
 */
async function answerOf(response: InteractionResponse, token: string): Promise<{ message: Message; files: { name: string; data: Buffer }[]; deferred: boolean }> {
  expect(response.status).toBe(200);
  if (response.body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
    const edit = await h.webhook(token, 'PATCH');
    return { message: edit.body as Message, files: edit.files ?? [], deferred: true };
  }
  expect(response.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  return { message: response.body.data as Message, files: response.files, deferred: false };
}

/** Send a command and return what it finally shows. */
async function run(payload: { token: string }) {
  return answerOf(await h.send(payload), payload.token);
}

function unexpectedErrors() {
  return h.logs.filter((l) => l.errorId || l.msg === 'autocomplete failed' || l.msg === 'could not deliver the reply');
}

describe('signature and protocol', () => {
  it('answers a signed PING with exactly {"type":1}', async () => {
    const response = await h.send(ping());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.raw.toString('utf8')).toBe('{"type":1}');
  });

  it('refuses a bad signature with 401: a tampered body, another key, another timestamp', async () => {
    const tampered = await h.send(ping(), { tamper: (body) => Buffer.from(body.toString('utf8').replace('"type":1', '"type":2')) });
    expect(tampered.status).toBe(401);
    const other = new (await import('../fake-discord/interactions.ts')).InteractionSender(h.endpoint);
    const body = Buffer.from(JSON.stringify(ping()));
    const foreign = await h.send(body, { signature: other.signature('1700000000', body), timestamp: '1700000000' });
    expect(foreign.status).toBe(401);
    const shifted = await h.send(body, { timestamp: '1700000001', signature: h.sender.signature('1700000000', body) });
    expect(shifted.status).toBe(401);
    const garbage = await h.send(body, { signature: 'zz'.repeat(64) });
    expect(garbage.status).toBe(401);
    // A refused request runs nothing: no command was routed.
    expect(h.logs.filter((l) => l.msg === 'refused an HTTP interaction: missing or invalid signature').length).toBeGreaterThanOrEqual(4);
  });

  it('refuses missing signature headers with 401', async () => {
    expect((await h.send(ping(), { signature: null })).status).toBe(401);
    expect((await h.send(ping(), { timestamp: null })).status).toBe(401);
    expect((await h.send(ping(), { signature: null, timestamp: null })).status).toBe(401);
    // Even a command: nothing runs without a valid signature.
    const command = slashCommand('character', { path: ['create'], values: { name: 'Unsigned', class: 'Wretch' } });
    expect((await h.send(command, { signature: null })).status).toBe(401);
    const list = await run(slashCommand('character', { path: ['list'] }));
    expect(JSON.stringify(list.message)).not.toContain('Unsigned');
  });

  it('answers a wrong path with 404, a wrong method with 405, an oversized body with 413, a signed non-JSON body with 400', async () => {
    expect((await h.send(ping(), { path: '/' })).status).toBe(404);
    const get = await h.send(ping(), { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await h.send(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20))).status).toBe(413);
    expect((await h.send(Buffer.from('{"type":'))).status).toBe(400);
    expect((await h.send({ type: 99 })).status).toBe(400);
  });

  it('reports health for load balancers', async () => {
    const response = await fetch(`${h.endpoint}/health`);
    expect(response.status).toBe(200);
  });
});

describe('commands over HTTP', () => {
  it('/runes level from:1 to:150 answers 7,112,459 in the HTTP response', async () => {
    const response = await h.send(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150 }, guild: true }));
    expect(response.status).toBe(200);
    expect(response.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = response.body.data as Message;
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds![0]!.title).toBe('Level 1 → 150');
    expect(data.embeds![0]!.description).toContain('**7,112,459 runes**');
    expect(response.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers autocomplete with choices (type 8): Rivers of Blood first', async () => {
    const response = await h.send(autocomplete('item', 'name', { values: { name: 'rivers of bl' }, guild: true }));
    expect(response.status).toBe(200);
    expect(response.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(response.body.data.choices[0]).toEqual({ name: 'Rivers of Blood · Katana', value: 'weapon:9040000' });
    expect(response.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('updates the message on a button press (type 7)', async () => {
    const first = await run(slashCommand('runes', { path: ['level'], values: { from: 1, to: 150, breakdown: true } }));
    const ids = first.message.components!.flatMap((row) => row.components.map((c) => c.custom_id));
    expect(ids).toContain('runes:bd:1:150:-:2');
    const press = await h.send(buttonPress('runes:bd:1:150:-:2'));
    expect(press.status).toBe(200);
    expect(press.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(press.body.data.flags).toBeUndefined();
    expect((press.body.data as Message).embeds![0]!.fields![0]!.name).toBe('Per level (2/6)');
  });

  it('answers a button whose command no longer handles it privately', async () => {
    const press = await h.send(buttonPress('nothing:here'));
    expect(press.body).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
  });

  it('sends a reply with a file as multipart/form-data: payload_json and files[0]', async () => {
    const owner = user('800000000000000101', 'exporter');
    const created = await run(slashCommand('character', { path: ['create'], values: { name: 'Miriel', class: 'Vagabond' }, user: owner }));
    expect(created.message.content ?? JSON.stringify(created.message.embeds)).toMatch(/Miriel/);
    const payload = slashCommand('character', { path: ['export'], user: owner });
    const response = await h.send(payload);
    const { message, files, deferred } = await answerOf(response, payload.token);
    if (!deferred) expect(String(response.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(message.flags ?? MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(message.attachments).toEqual([{ id: 0, filename: expect.stringMatching(/^tarnished-ledger-800000000000000101-.*\.json$/), description: expect.any(String) }]);
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe(message.attachments![0]!.filename);
    const document = JSON.parse(files[0]!.data.toString('utf8')) as { characters: { name: string; className?: string; class?: string }[] };
    expect(document.characters.map((c) => c.name)).toEqual(['Miriel']);
    expect(unexpectedErrors()).toEqual([]);
  });

  it('an attachment option is downloaded, the command defers itself, and the answer arrives by PATCH …/@original', async () => {
    const owner = user('800000000000000102', 'exporter2');
    await run(slashCommand('character', { path: ['create'], values: { name: 'Renna', class: 'Astrologer' }, user: owner }));
    const file = (await run(slashCommand('character', { path: ['export'], user: owner }))).files[0]!;
    const url = h.fake.hostFile('characters.json', file.data);

    const importer = user('800000000000000103', 'importer');
    const payload = slashCommand('character', { path: ['import'], attachments: { file: attachment('600000000000000001', 'characters.json', url, file.data.length) }, user: importer });
    const response = await h.send(payload);
    expect(response.status).toBe(200);
    // /character import acknowledges before its heavy work (a private "thinking…"), then edits the reply.
    expect(response.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await h.webhook(payload.token, 'PATCH');
    expect(edit.headers.authorization).toBeUndefined(); // the interaction token is the credential
    expect((edit.body as Message).content).toContain('Imported 1 character: **Renna**.');
    expect((edit.body as Message).flags).toBeUndefined();

    // replace:true attaches a copy of what it replaces: the file goes with the PATCH.
    const again = slashCommand('character', { path: ['import'], values: { replace: true }, attachments: { file: attachment('600000000000000002', 'characters.json', url, file.data.length) }, user: importer });
    const second = await h.send(again);
    expect(second.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const withFile = await h.webhook(again.token, 'PATCH');
    expect(withFile.files).toHaveLength(1);
    expect(JSON.parse(withFile.files![0]!.data.toString('utf8')).characters.map((c: { name: string }) => c.name)).toEqual(['Renna']);
    expect(unexpectedErrors()).toEqual([]);
  });

  it('a file too large for the HTTP response goes as a deferral and an upload to the webhook', async () => {
    const payload = slashCommand('bigfile');
    const response = await h.send(payload);
    expect(response.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await h.webhook(payload.token, 'PATCH');
    expect((edit.body as Message).content).toBe('here it is');
    expect(edit.files).toHaveLength(1);
    expect(edit.files![0]!.data.length).toBe(300 * 1024);
  });

  it('the webhook of an interaction that was never acknowledged does not exist (the fake enforces Discord\'s rule)', async () => {
    const payload = slashCommand('help');
    const response = await h.send(payload, { signature: null });
    expect(response.status).toBe(401);
    const patch = await fetch(`${h.fake.restBase}/v10/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`, { method: 'PATCH', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(patch.status).toBe(404);
    expect(((await patch.json()) as { code: number }).code).toBe(10015);
  });
});

describe('deferral by the router, and shutdown', () => {
  const release = { slow: gate(), private: gate(), drain: gate() };
  const slow: CommandModule = {
    data: defineSlash('slow', 'Answers when the test says so (test only)'),
    examples: [],
    async execute() {
      await release.slow.opened;
      return { content: 'finally' };
    },
  };
  const turnsPrivate: CommandModule = {
    data: defineSlash('turnsprivate', 'Public thinking, private answer (test only)'),
    examples: [],
    async execute() {
      await release.private.opened;
      return { ephemeral: true, content: 'just for you' };
    },
  };
  const draining: CommandModule = {
    data: defineSlash('draining', 'In flight during shutdown (test only)'),
    examples: [],
    async execute() {
      await release.drain.opened;
      return { content: 'finished during shutdown' };
    },
  };
  let g: HttpHarness;

  beforeAll(async () => {
    // The router defers anything not answered after 50 ms; these commands answer only when released.
    g = await startHttpHarness({ commands: [...COMMANDS, slow, turnsPrivate, draining], deferAfterMs: 50 });
  });

  afterAll(async () => {
    await g?.close();
  });

  it('a slow command is deferred (type 5) in the HTTP response, then delivered by PATCH …/@original', async () => {
    const payload = slashCommand('slow', { guild: true });
    const response = await g.send(payload);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: {} });
    release.slow.open();
    const edit = await g.webhook(payload.token, 'PATCH');
    expect(edit.body).toMatchObject({ content: 'finally', allowed_mentions: { parse: [] } });
  });

  it('a private answer to a public deferral replaces the "thinking…" with a private follow-up', async () => {
    const payload = slashCommand('turnsprivate', { guild: true });
    const response = await g.send(payload);
    expect(response.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    release.private.open();
    const followUp = await g.webhook(payload.token, 'POST');
    expect(followUp.body).toMatchObject({ content: 'just for you', flags: MessageFlags.Ephemeral });
    await g.webhook(payload.token, 'DELETE');
    expect(g.fake.requests.some((r) => r.method === 'PATCH' && r.path.includes(payload.token))).toBe(false);
  });

  it('SIGTERM-style stop: refuses new connections, finishes the interaction in flight (its deferred answer too), then closes', async () => {
    const payload = slashCommand('draining', { guild: true });
    const response = await g.send(payload);
    expect(response.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const stopped = g.server.stop(30_000);
    let done = false;
    void stopped.then(() => (done = true));
    await expect(fetch(`${g.endpoint}/health`)).rejects.toThrow();
    expect(done).toBe(false); // still waiting for the interaction in flight
    release.drain.open();
    const edit = await g.webhook(payload.token, 'PATCH');
    expect((edit.body as Message).content).toBe('finished during shutdown');
    await stopped;
    expect(g.logs.some((l) => l.msg === 'could not deliver the reply')).toBe(false);
  });
});
