// The gateway path (real discord.js Client against the fake gateway) and the HTTP path (the bot's real
// HTTP endpoint) must hand the router the same request for the same interaction: options (typed values,
// subcommand group and subcommand, resolved users and attachments, the focused option), the invoker,
// server, channel, locale and who sees a normal reply. Each payload below goes through both, and the
// requests the router receives are compared (all fields but `surface`).

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApplicationIntegrationType, ChannelType, InteractionContextType, MessageFlags } from 'discord-api-types/v10';
import type { Router } from '../../src/router/router.ts';
import { attachment, autocomplete, buttonPress, selectMenu, slashCommand, user } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';
import { startHttpHarness, type HttpHarness } from './http-harness.ts';

let gateway: Harness;
let http: HttpHarness;

beforeAll(async () => {
  [gateway, http] = await Promise.all([startHarness(), startHttpHarness()]);
});

afterAll(async () => {
  await Promise.all([gateway?.close(), http?.close()]);
});

type Method = 'runCommand' | 'runAutocomplete' | 'runComponent';

/** The request `router.method` receives when this payload arrives by the gateway, and by HTTP. */
async function requestsFor(method: Method, payload: { id: string; token: string }): Promise<{ viaGateway: any; viaHttp: any }> {
  const capture = async (router: Router, deliver: () => Promise<unknown>) => {
    const spy = vi.spyOn(router, method);
    try {
      await deliver();
      await expect.poll(() => spy.mock.calls.length, { timeout: 10_000 }).toBeGreaterThan(0);
      return spy.mock.calls[0]![0];
    } finally {
      spy.mockRestore();
    }
  };
  const viaGateway = await capture(gateway.app.router, () => gateway.interact(payload));
  const viaHttp = await capture(http.app.router, () => http.send(payload));
  return { viaGateway, viaHttp };
}

async function expectSame(method: Method, payload: { id: string; token: string }): Promise<any> {
  const { viaGateway, viaHttp } = await requestsFor(method, payload);
  expect(viaGateway.surface).toBe('gateway');
  expect(viaHttp.surface).toBe('http');
  expect({ ...viaHttp, surface: 'gateway' }).toEqual(viaGateway);
  return viaHttp;
}

const someone = user('800000000000000555', 'melina');
const named = { ...user('800000000000000556', 'ranni'), global_name: 'Ranni the Witch' };

describe('the same request by the gateway and by HTTP', () => {
  it('a subcommand with integer and boolean options, in the bot DMs', async () => {
    const request = await expectSame('runCommand', slashCommand('runes', { path: ['level'], values: { from: 1, to: 150, breakdown: true } }));
    expect(request).toMatchObject({ commandName: 'runes', group: null, subcommand: 'level', options: { from: 1, to: 150, breakdown: true }, guildId: null, seenByOthers: false, locale: 'en-US' });
  });

  it('a subcommand group in a server, with a display name and a string option', async () => {
    const request = await expectSame('runCommand', slashCommand('character', { path: ['runes', 'add'], values: { amount: 1234, note: 'Margit' }, guild: true, user: named }));
    expect(request).toMatchObject({ group: 'runes', subcommand: 'add', options: { amount: 1234, note: 'Margit' }, seenByOthers: true, user: { id: named.id, username: 'ranni', displayName: 'Ranni the Witch' } });
  });

  it('a number option, another locale, a private channel (group DM of a user install)', async () => {
    const payload = slashCommand('runes', { path: ['farm'], values: { per_run: 50000, minutes_per_run: 1.5 } });
    const groupDm = {
      ...payload,
      locale: 'fr',
      context: InteractionContextType.PrivateChannel,
      channel_id: '900000000000000444',
      channel: { id: '900000000000000444', type: ChannelType.GroupDM, recipients: [someone, named] },
    };
    const request = await expectSame('runCommand', groupDm);
    expect(request).toMatchObject({ options: { per_run: 50000, minutes_per_run: 1.5 }, locale: 'fr', channelId: '900000000000000444', seenByOthers: true });
  });

  it('without a context field, the channel type decides who sees a reply', async () => {
    const { context: _context, ...dm } = slashCommand('help');
    expect((await expectSame('runCommand', dm)).seenByOthers).toBe(false);
    const { context: _c2, ...inGuild } = slashCommand('help', { guild: true });
    expect((await expectSame('runCommand', inGuild)).seenByOthers).toBe(true);
  });

  it('a user option with its resolved user, and an attachment option with its resolved file', async () => {
    const withUser = await expectSame('runCommand', slashCommand('character', { path: ['show'], values: { user: someone }, guild: true }));
    expect(withUser.options.user).toEqual({ kind: 'user', id: someone.id, username: 'melina' });
    const file = attachment('600000000000000009', 'characters.json', 'http://127.0.0.1:1/attachments/9/characters.json', 1234);
    const withFile = await expectSame('runCommand', slashCommand('character', { path: ['import'], values: { replace: false }, attachments: { file } }));
    expect(withFile.options.file).toEqual({ kind: 'attachment', name: 'characters.json', url: file.url, size: 1234, contentType: 'application/json' });
    expect(withFile.options.replace).toBe(false);
  });

  it('autocomplete: the focused option as text, beside the options already given', async () => {
    const request = await expectSame('runAutocomplete', autocomplete('character', 'item', { path: ['buy'], values: { item: 'smithing st', quantity: 3 }, guild: true }));
    expect(request).toMatchObject({ commandName: 'character', subcommand: 'buy', focused: 'item', options: { item: 'smithing st', quantity: 3 } });
    const top = await expectSame('runAutocomplete', autocomplete('item', 'name', { values: { name: 'moonv' } }));
    expect(top).toMatchObject({ group: null, subcommand: null, focused: 'name', options: { name: 'moonv' } });
  });

  it('a button on an ephemeral message in a server, and a select menu in the DMs', async () => {
    const button = await expectSame('runComponent', buttonPress('runes:bd:1:150:-:2', { guild: true, messageFlags: MessageFlags.Ephemeral }));
    expect(button).toMatchObject({ customId: 'runes:bd:1:150:-:2', values: [], messageEphemeral: true, seenByOthers: true });
    const select = await expectSame('runComponent', selectMenu('item:pick', ['Moonveil'], { user: someone }));
    expect(select).toMatchObject({ customId: 'item:pick', values: ['Moonveil'], messageEphemeral: false, seenByOthers: false, user: { id: someone.id } });
  });

  it('a user-installed command in a server the bot is not in', async () => {
    const payload = slashCommand('help', { guildId: '900000000000000777' });
    const userInstalled = { ...payload, authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: payload.member!.user.id } };
    const request = await expectSame('runCommand', userInstalled);
    expect(request).toMatchObject({ guildId: '900000000000000777', seenByOthers: true });
  });
});
