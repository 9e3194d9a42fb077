// The sharded gateway against the fake Discord, which recommends 2 shards (GET /gateway/bot), accepts
// IDENTIFY with a shard pair, gives each shard its servers ((guild_id >> 22) % 2) and sends each
// server's events to that server's shard (DMs to shard 0):
//   - GATEWAY_SHARD_MODE=internal (the Client's `shards` option): both shards in this process;
//   - GATEWAY_SHARD_MODE=process (discord.js's ShardingManager): `npm start`'s entry spawns one process
//     per shard; each answers an interaction in its own server; SIGTERM stops them all.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { createApp } from '../../src/app.ts';
import { startBot, type RunningBot } from '../../src/bot/discord.ts';
import { clientShardOptions } from '../../src/bot/sharding.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { GUILD_ID, slashCommand } from '../fake-discord/payloads.ts';
import { FakeDiscord, shardOf, type RecordedRequest } from '../fake-discord/server.ts';
import { callbackOf } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
// `node --import tsx` rather than the tsx command: the command relays a signal to its child and kills
// the child if it has not reacted within a few tens of milliseconds, which a busy machine can exceed.
const TSX_NODE = [process.execPath, ['--import', 'tsx']] as const;
const OTHER_GUILD = '910000000000000000';

function embedDescription(request: RecordedRequest): string {
  const body = request.body as { type: number; data: { embeds?: { description?: string }[] } };
  expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  return body.data.embeds?.[0]?.description ?? '';
}

async function interact(fake: FakeDiscord, payload: { id: string; token: string }): Promise<RecordedRequest> {
  const waiting = fake.waitForRequest(callbackOf(payload), 30_000);
  fake.dispatch('INTERACTION_CREATE', payload);
  return waiting;
}

describe('sharded gateway', () => {
  it('the two servers live on different shards (the fixture is right)', () => {
    expect(shardOf(GUILD_ID, 2)).not.toBe(shardOf(OTHER_GUILD, 2));
  });

  describe('internal: every shard in one process', () => {
    let fake: FakeDiscord;
    let bot: RunningBot;
    let dir: string;

    beforeAll(async () => {
      fake = await new FakeDiscord({ recommendedShards: 2, guilds: [GUILD_ID, OTHER_GUILD] }).start();
      dir = mkdtempSync(path.join(os.tmpdir(), 'tl-shard-'));
      const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.restBase, DATABASE_PATH: path.join(dir, 'db.sqlite'), GATEWAY_SHARDS: 'auto', LOG_LEVEL: 'warn' });
      expect(config.sharding).toEqual({ count: 'auto', mode: 'internal', managedShard: false });
      const logger = createLogger('warn', new Writable({ write: (_c, _e, cb) => cb() }));
      bot = await startBot(createApp({ config, logger }), fake.token, clientShardOptions(config.sharding));
    });

    afterAll(async () => {
      await bot?.stop(2_000);
      await fake?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('asks Discord for the count, identifies both shards, and each answers in its own server', async () => {
      const pairs = fake.identifies.map((d) => (d as { shard: [number, number] }).shard).sort();
      expect(pairs).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(bot.client.guilds.cache.map((g) => g.id).sort()).toEqual([GUILD_ID, OTHER_GUILD].sort());
      for (const guildId of [GUILD_ID, OTHER_GUILD]) {
        const answer = await interact(fake, slashCommand('runes', { path: ['level'], values: { from: 1, to: 150 }, guildId }));
        expect(embedDescription(answer)).toContain('**7,112,459 runes**');
      }
      // Outside servers, events come to shard 0.
      const dm = await interact(fake, slashCommand('runes', { path: ['level'], values: { from: 1, to: 150 } }));
      expect(embedDescription(dm)).toContain('**7,112,459 runes**');
    });
  });

  describe('process: one process per shard (ShardingManager)', () => {
    let fake: FakeDiscord;
    let dir: string;

    beforeAll(async () => {
      fake = await new FakeDiscord({ recommendedShards: 2, guilds: [GUILD_ID, OTHER_GUILD] }).start();
      dir = mkdtempSync(path.join(os.tmpdir(), 'tl-shards-'));
    });

    afterAll(async () => {
      await fake?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('spawns both shards, each identifies with its pair and answers in its server, and SIGTERM stops them all', async () => {
      const manager = spawn(TSX_NODE[0], [...TSX_NODE[1], 'src/main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          DISCORD_TOKEN: fake.token,
          DISCORD_API_BASE: fake.restBase,
          DATABASE_PATH: path.join(dir, 'db.sqlite'),
          GATEWAY_SHARDS: 'auto',
          GATEWAY_SHARD_MODE: 'process',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      manager.stdout!.on('data', (chunk) => (output += chunk));
      manager.stderr!.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => manager.on('exit', (code) => resolve(code)));
      try {
        await expect.poll(() => output.includes('every shard is ready'), { timeout: 90_000, interval: 200 }).toBe(true);
        const pairs = fake.identifies.map((d) => (d as { shard: [number, number] }).shard).sort();
        expect(pairs).toEqual([
          [0, 2],
          [1, 2],
        ]);
        expect(fake.connectedShards().sort()).toEqual(pairs);
        const logLines = () => output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg?: string; shardIds?: number[]; shards?: number[] });
        // Two processes, each running one shard (its logs carry the shard it was given). A child's log line
        // can reach the pipe after the manager's "ready": wait for both.
        await expect.poll(() => logLines().filter((l) => l.msg === 'connected to Discord').length, { timeout: 30_000, interval: 100 }).toBe(2);
        const connected = logLines().filter((l) => l.msg === 'connected to Discord');
        expect(connected.map((l) => l.shardIds).sort()).toEqual([[0], [1]]);
        expect(connected.map((l) => l.shards).sort()).toEqual([[0], [1]]);
        for (const guildId of [GUILD_ID, OTHER_GUILD]) {
          const answer = await interact(fake, slashCommand('runes', { path: ['level'], values: { from: 1, to: 150 }, guildId }));
          expect(embedDescription(answer)).toContain('**7,112,459 runes**');
        }
        manager.kill('SIGTERM');
        expect(await exited).toBe(0);
        // Each shard finished its work and stopped, then the manager.
        expect(logLines().filter((l) => l.msg === 'stopped cleanly')).toHaveLength(3);
        await expect.poll(() => fake.connectedShards().length, { timeout: 10_000 }).toBe(0);
        expect(output).not.toContain(fake.token);
      } finally {
        manager.kill('SIGKILL');
      }
    }, 180_000);
  });
});
