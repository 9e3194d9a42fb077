// A console session over the real registry (the same router and handlers as the bot), with a clock the
// tests can move, and a way to send DM text.

import { Writable } from 'node:stream';
import { COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import { ConsoleSession, type LineResult } from '../../src/cli/session.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { MessageBody } from '../../src/render/discord.ts';
import type { Reply } from '../../src/render/types.ts';

export const clock = { now: new Date('2026-06-01T12:00:00Z') };
export const logs: Record<string, any>[] = [];
const sink = new Writable({ write: (chunk, _e, cb) => (logs.push(JSON.parse(String(chunk))), cb()) });

export const app = createApp({
  config: loadConfig({ DATABASE_PATH: ':memory:' }),
  logger: createLogger('warn', sink),
  commands: COMMANDS,
  now: () => clock.now,
  deferAfterMs: 60_000,
});
export const session = new ConsoleSession(app.router, { userId: '100000000000000001', guildId: null });

export type Rendered = { reply: Reply; body: { type: number; data: MessageBody } };

export async function run(line: string): Promise<Rendered> {
  const result: LineResult = await session.run(line);
  if (result.kind !== 'reply') throw new Error(`no reply to ${line}`);
  return { reply: result.reply, body: result.body };
}

export async function dm(content: string): Promise<Reply> {
  return app.router.runText({ user: { id: '100000000000000002', username: 'dm' }, guildId: null, channelId: null, locale: 'en-US', surface: 'dm-text', content });
}

/** Errors the router logged as unexpected (a handler threw something other than a UserError). */
export function failures(): Record<string, any>[] {
  return logs.filter((l) => l.errorId || l.msg === 'autocomplete failed' || l.msg === 'handler failed');
}
