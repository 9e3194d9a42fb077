// Starts the fake Discord and the real bot (discord.js Client) logged in to it.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App, type AppOptions } from '../../src/app.ts';
import { startBot, type RunningBot } from '../../src/bot/discord.ts';
import type { Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { FakeDiscord, type RecordedRequest } from '../fake-discord/server.ts';

export interface Harness {
  fake: FakeDiscord;
  app: App;
  bot: RunningBot;
  logs: Record<string, any>[];
  dir: string;
  /** Deliver an interaction and wait for the bot's initial callback to it (a successful one). */
  interact(payload: { id: string; token: string }): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export function callbackOf(payload: { id: string; token: string }) {
  return (r: RecordedRequest) => r.method === 'POST' && r.path === `/interactions/${payload.id}/${payload.token}/callback`;
}

export async function startHarness(options: Partial<AppOptions> = {}): Promise<Harness> {
  const fake = await new FakeDiscord().start();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-e2e-'));
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      callback();
    },
  });
  const config: Config = {
    discordToken: fake.token,
    applicationId: '900000000000000001',
    databasePath: path.join(dir, 'bot.sqlite'),
    logLevel: 'debug',
    discordApiBase: fake.restBase,
  };
  const app = createApp({ config, logger: createLogger('debug', sink, [fake.token]), ...options });
  const bot = await startBot(app, fake.token);
  return {
    fake,
    app,
    bot,
    logs,
    dir,
    async interact(payload) {
      const waiting = fake.waitForRequest(callbackOf(payload));
      fake.dispatch('INTERACTION_CREATE', payload);
      return waiting;
    },
    async close() {
      await bot.stop(2_000);
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
