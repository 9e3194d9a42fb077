// Shared set-up for the rune calculator command tests: a real app (router, services, character store on
// a temporary DATABASE_PATH) with a log sink, and a one-call way to run a command through the router.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { renderText } from '../../src/render/text.ts';
import { renderMessage } from '../../src/render/discord.ts';
import type { CommandRequest, OptionValue } from '../../src/router/types.ts';
import type { ComponentReply, Reply } from '../../src/render/types.ts';

export const USER_ID = '200000000000000011';
export const OTHER_USER_ID = '200000000000000012';
export const GUILD_ID = '300000000000000011';

export interface TestApp {
  app: App;
  logs: Record<string, any>[];
  run(command: string, subcommand: string | null, options?: Record<string, OptionValue>, who?: { userId?: string; guildId?: string | null }): Promise<Reply>;
  press(customId: string): Promise<ComponentReply>;
  /** Log lines of unexpected failures (the router's error path, or a failed autocomplete). */
  unexpected(since?: number): Record<string, any>[];
  close(): Promise<void>;
}

export function makeTestApp(): TestApp {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-runes-'));
  const logs: Record<string, any>[] = [];
  const sink = new Writable({ write: (chunk, _e, cb) => (logs.push(JSON.parse(String(chunk))), cb()) });
  const app = createApp({ config: loadConfig({ DATABASE_PATH: path.join(dir, 'db.sqlite') }), logger: createLogger('warn', sink), deferAfterMs: 60_000 });
  const invocation = (userId: string, guildId: string | null) => ({
    user: { id: userId, username: 'tester' },
    guildId,
    channelId: null,
    locale: 'en-US',
    surface: 'gateway' as const,
  });
  return {
    app,
    logs,
    async run(command, subcommand, options = {}, who = {}) {
      let reply: Reply | undefined;
      const request: CommandRequest = { ...invocation(who.userId ?? USER_ID, who.guildId ?? null), commandName: command, group: null, subcommand, options };
      await app.router.runCommand(request, { defer: async () => undefined, send: async (r) => void (reply = r) });
      if (!reply) throw new Error('no reply');
      return reply;
    },
    async press(customId) {
      let result: ComponentReply | undefined;
      await app.router.runComponent({ ...invocation(USER_ID, null), customId, values: [] }, { deferUpdate: async () => undefined, send: async (r) => void (result = r) });
      if (!result) throw new Error('no component reply');
      return result;
    },
    unexpected(since = 0) {
      return logs.slice(since).filter((l) => l.errorId || l.msg === 'autocomplete failed' || l.msg === 'handler failed');
    },
    async close() {
      await app.shutdown(1000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything the user sees, as plain text (markdown stripped), plus the Discord body for limit checks. */
export function text(reply: Reply): string {
  renderMessage(reply); // must render within Discord's limits without throwing
  return renderText(reply);
}
