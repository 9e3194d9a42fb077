// Set-up for the /character tests: a real app (router, services, character store on a temporary
// DATABASE_PATH) with a controllable clock, attachments served from memory, and one-call ways to run a
// command, press a button or ask for autocomplete as any user, in a server or in DMs.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { renderMessage, type MessageBody } from '../../src/render/discord.ts';
import { renderText } from '../../src/render/text.ts';
import type { Choice, ComponentReply, Reply } from '../../src/render/types.ts';
import type { AttachmentValue, CommandRequest, OptionValue } from '../../src/router/types.ts';

export const ALICE = '200000000000000021';
export const BOB = '200000000000000022';
export const GUILD = '300000000000000021';
export const OTHER_GUILD = '300000000000000022';

export interface Who {
  user?: string;
  guild?: string | null;
}

export interface CharacterTestApp {
  app: App;
  logs: Record<string, any>[];
  /** Milliseconds since the epoch the app sees as "now"; move it to expire buttons. */
  clock: { now: number };
  /** Serve `data` as an attachment option value. */
  file(name: string, data: string | Buffer): AttachmentValue;
  run(subcommand: string, options?: Record<string, OptionValue>, who?: Who & { group?: string | null }): Promise<Reply>;
  press(customId: string, who?: Who): Promise<ComponentReply>;
  complete(subcommand: string, focused: string, options: Record<string, OptionValue>, who?: Who): Promise<Choice[]>;
  unexpected(since?: number): Record<string, any>[];
  close(): Promise<void>;
}

export function makeCharacterApp(): CharacterTestApp {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-character-'));
  const logs: Record<string, any>[] = [];
  const sink = new Writable({ write: (chunk, _e, cb) => (logs.push(JSON.parse(String(chunk))), cb()) });
  const files = new Map<string, Buffer>();
  const clock = { now: Date.UTC(2025, 0, 15, 12) };
  const app = createApp({
    config: loadConfig({ DATABASE_PATH: path.join(dir, 'db.sqlite') }),
    logger: createLogger('warn', sink),
    deferAfterMs: 60_000,
    now: () => new Date(clock.now),
    fetchAttachment: async (attachment, maxBytes) => {
      const data = files.get(attachment.url);
      if (!data) throw new Error(`no such file ${attachment.url}`);
      if (data.length > maxBytes) throw new RangeError('too large');
      return data;
    },
  });
  const invocation = (who: Who) => ({
    user: { id: who.user ?? ALICE, username: 'tester' },
    guildId: who.guild === undefined ? null : who.guild,
    channelId: null,
    locale: 'en-US',
    surface: 'gateway' as const,
  });
  let fileCount = 0;
  return {
    app,
    logs,
    clock,
    file(name, data) {
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const url = `https://cdn.example.test/attachments/${++fileCount}/${name}`;
      files.set(url, buffer);
      return { kind: 'attachment', name, url, size: buffer.length };
    },
    async run(subcommand, options = {}, who = {}) {
      let reply: Reply | undefined;
      const request: CommandRequest = { ...invocation(who), commandName: 'character', group: who.group ?? null, subcommand, options };
      await app.router.runCommand(request, { defer: async () => undefined, send: async (r) => void (reply = r) });
      if (!reply) throw new Error('no reply');
      return reply;
    },
    async press(customId, who = {}) {
      let result: ComponentReply | undefined;
      await app.router.runComponent({ ...invocation(who), customId, values: [] }, { deferUpdate: async () => undefined, send: async (r) => void (result = r) });
      if (!result) throw new Error('no component reply');
      return result;
    },
    async complete(subcommand, focused, options, who = {}) {
      return app.router.runAutocomplete({ ...invocation(who), commandName: 'character', group: null, subcommand, options, focused });
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

/** What the user sees, as plain text (markdown stripped); also checks the reply renders within Discord's limits. */
export function text(reply: Reply): string {
  renderMessage(reply);
  return renderText(reply);
}

/** The Discord message body (escaped markdown, limits applied). */
export function body(reply: Reply): MessageBody {
  return renderMessage(reply);
}

/** Every button's custom id, in order. */
export function buttonIds(reply: Reply): string[] {
  return (reply.components ?? []).flatMap((row) => (Array.isArray(row) ? row.flatMap((b) => (b.kind === 'button' ? [b.customId] : [])) : [row.customId]));
}

export function buttonId(reply: Reply, label: RegExp): string {
  for (const row of reply.components ?? []) {
    if (!Array.isArray(row)) continue;
    for (const b of row) if (b.kind === 'button' && label.test(b.label)) return b.customId;
  }
  throw new Error(`no button labelled ${label} in ${JSON.stringify(reply.components)}`);
}
