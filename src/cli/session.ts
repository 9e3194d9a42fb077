// The offline console's engine: runs lines through the same router and handlers as the bot and
// returns what the bot would send to Discord. Used by `npm run cli`, `npm start` without a token,
// and tests.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { Router } from '../router/router.ts';
import { parseCommandLine } from '../router/parse.ts';
import type { Invocation } from '../router/types.ts';
import { renderChoices, renderMessage, type MessageBody } from '../render/discord.ts';
import type { Choice, Reply } from '../render/types.ts';
import type { AttachmentValue } from '../router/types.ts';

export const DEFAULT_CONSOLE_USER_ID = '100000000000000001';

export interface ConsoleIdentity {
  userId: string;
  guildId: string | null;
}

export type LineResult =
  | { kind: 'reply'; reply: Reply; body: { type: number; data: MessageBody }; invalid?: boolean }
  | { kind: 'choices'; choices: Choice[] }
  | { kind: 'empty' };

export async function readLocalAttachment(attachment: AttachmentValue, maxBytes: number): Promise<Buffer> {
  if (!attachment.url.startsWith('file:')) throw new Error('the console reads local files only');
  if (attachment.size > maxBytes) throw new RangeError(`file is larger than ${maxBytes} bytes`);
  return readFile(fileURLToPath(attachment.url));
}

export class ConsoleSession {
  constructor(
    private readonly router: Router,
    private readonly identity: ConsoleIdentity,
    private readonly cwd = process.cwd(),
  ) {}

  private invocation(): Invocation {
    return {
      user: { id: this.identity.userId, username: 'console', displayName: 'Console user' },
      guildId: this.identity.guildId,
      channelId: null,
      locale: 'en-US',
      surface: 'console',
    };
  }

  private static errorResult(message: string): LineResult {
    const reply: Reply = { ephemeral: true, content: message };
    return { kind: 'reply', reply, body: { type: InteractionResponseType.ChannelMessageWithSource, data: renderMessage(reply) }, invalid: true };
  }

  /** Run one console line: `/command sub option:value …`, or `press <custom_id> [values…]` for a button. */
  async run(line: string): Promise<LineResult> {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return { kind: 'empty' };
    const press = /^press\s+<?([^\s<>]+)>?(?:\s+(.*))?$/i.exec(trimmed);
    if (press) return this.press(press[1]!, press[2]?.split(/\s*,\s*/).filter(Boolean) ?? []);
    const parsed = parseCommandLine(trimmed, this.router.modules, { cwd: this.cwd, allowFiles: true });
    if (!parsed.ok) return ConsoleSession.errorResult(parsed.error);
    const { commandName, group, subcommand, options } = parsed.value;
    let answer: Reply | undefined;
    await this.router.runCommand(
      { ...this.invocation(), commandName, group, subcommand, options },
      { defer: async () => undefined, send: async (reply) => void (answer = reply) },
    );
    const reply = answer ?? { content: '(no reply)' };
    return { kind: 'reply', reply, body: { type: InteractionResponseType.ChannelMessageWithSource, data: renderMessage(reply) }, invalid: reply.refused === true };
  }

  /** The choices the bot would offer for the last option on the line, exactly as Discord gets them. */
  async autocomplete(line: string): Promise<Choice[]> {
    return renderChoices(await this.choices(line));
  }

  /** The same choices as the command returned them (with `typed`, what Tab completion writes). */
  async choices(line: string): Promise<Choice[]> {
    const parsed = parseCommandLine(line.trim(), this.router.modules, { autocomplete: true });
    if (!parsed.ok || !parsed.value.focused) return [];
    const { commandName, group, subcommand, options, focused } = parsed.value;
    return this.router.runAutocomplete({ ...this.invocation(), commandName, group, subcommand, options, focused });
  }

  private async press(customId: string, values: string[]): Promise<LineResult> {
    let result: LineResult = { kind: 'empty' };
    await this.router.runComponent(
      { ...this.invocation(), customId, values },
      {
        deferUpdate: async () => undefined,
        send: async (answer) => {
          const type = answer.mode === 'update' ? InteractionResponseType.UpdateMessage : InteractionResponseType.ChannelMessageWithSource;
          result = { kind: 'reply', reply: answer.reply, body: { type, data: renderMessage(answer.reply) }, invalid: answer.reply.refused === true };
        },
      },
    );
    return result;
  }
}
