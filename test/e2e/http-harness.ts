// Starts the fake Discord and the bot in HTTP interactions mode in this process: the real router and
// commands behind the real node:http endpoint, signed requests from an InteractionSender, deferred
// answers delivered to the fake's webhook routes.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App, type AppOptions } from '../../src/app.ts';
import { startHttpInteractions, type RunningHttpInteractions } from '../../src/bot/http.ts';
import type { Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { APPLICATION_ID } from '../fake-discord/payloads.ts';
import { InteractionSender, type InteractionResponse, type SendOptions } from '../fake-discord/interactions.ts';
import { FakeDiscord, type RecordedRequest } from '../fake-discord/server.ts';

export interface HttpHarness {
  fake: FakeDiscord;
  app: App;
  server: RunningHttpInteractions;
  sender: InteractionSender;
  endpoint: string;
  logs: Record<string, any>[];
  dir: string;
  /** Sign and send an interaction; resolves with the bot's HTTP response. */
  send(payload: unknown, options?: SendOptions): Promise<InteractionResponse>;
  /** The webhook request (a successful one) the bot makes for this interaction token. */
  webhook(token: string, method: 'PATCH' | 'POST' | 'DELETE', timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export async function startHttpHarness(options: Partial<AppOptions> = {}): Promise<HttpHarness> {
  const fake = await new FakeDiscord().start();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-http-'));
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      callback();
    },
  });
  const sender = new InteractionSender('http://127.0.0.1', fake);
  const config: Config = {
    discordToken: undefined,
    applicationId: APPLICATION_ID,
    databasePath: path.join(dir, 'bot.sqlite'),
    logLevel: 'debug',
    discordApiBase: fake.restBase,
    http: { port: 0, host: '127.0.0.1', publicKey: sender.publicKeyHex, applicationId: APPLICATION_ID },
  };
  const app = createApp({ config, logger: createLogger('debug', sink), ...options });
  const server = await startHttpInteractions(app, config.http!);
  const endpoint = `http://127.0.0.1:${server.port}`;
  sender.endpoint = endpoint;
  return {
    fake,
    app,
    server,
    sender,
    endpoint,
    logs,
    dir,
    send: (payload, sendOptions) => sender.send(payload, sendOptions),
    webhook(token, method, timeoutMs = 10_000) {
      const base = `/webhooks/${APPLICATION_ID}/${token}`;
      return fake.waitForRequest((r) => r.method === method && (method === 'POST' ? r.path === base : r.path === `${base}/messages/@original`), timeoutMs);
    },
    async close() {
      await server.stop(2_000);
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A promise the test resolves when it chooses (no clocks). */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
