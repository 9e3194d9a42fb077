// The one router. Every way in (gateway interaction, console line, DM text) becomes a call here; the
// router finds the command, runs it, keeps Discord's 3-second rule by deferring, and turns any thrown
// error into one friendly private reply carrying a short error id that is also in the log.

import { randomBytes } from 'node:crypto';
import { DEFER_AFTER_MS } from '../render/limits.ts';
import type { Choice, ComponentReply, Reply } from '../render/types.ts';
import { UserError } from '../errors.ts';
import { codeSpan } from '../text/escape.ts';
import { decodeCustomId } from './customId.ts';
import { parseCommandLine } from './parse.ts';
import { ActiveCharacterProbe, mustStayPrivate } from './privacy.ts';
import type { AutocompleteRequest, CommandModule, CommandRequest, ComponentRequest, Invocation, Services, TextRequest } from './types.ts';

/** How a surface delivers the answer to a command. */
export interface CommandResponder {
  /** Acknowledge now and answer later (Discord's "thinking…"). Called at most once. */
  defer(ephemeral: boolean): Promise<void>;
  /** The answer: the initial response, or the edit of the deferred one. */
  send(reply: Reply): Promise<void>;
}

export interface ComponentResponder {
  deferUpdate(): Promise<void>;
  send(reply: ComponentReply): Promise<void>;
}

const AUTOCOMPLETE_BUDGET_MS = 2500;

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function errorReply(errorId: string): Reply {
  return {
    ephemeral: true,
    content: `Something went wrong on our side. It has been logged as error \`${errorId}\`: please try again, and mention that id if you report it.`,
  };
}

export function userErrorReply(error: UserError): Reply {
  return { ephemeral: true, content: error.message, refused: true };
}

export function fallbackTextReply(): Reply {
  return {
    content:
      'I answer slash commands: type `/` to see them, or `/help` for the list with examples. ' +
      'In this chat you can also type a command as text, e.g. `/runes level from:1 to:150`.',
  };
}

export class Router {
  readonly commands: ReadonlyMap<string, CommandModule>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private accepting = true;

  constructor(
    modules: readonly CommandModule[],
    private readonly services: Services,
    private readonly deferAfterMs = DEFER_AFTER_MS,
  ) {
    const map = new Map<string, CommandModule>();
    for (const module of modules) {
      if (map.has(module.data.name)) throw new Error(`two commands are named ${module.data.name}`);
      map.set(module.data.name, module);
    }
    this.commands = map;
  }

  get modules(): CommandModule[] {
    return [...this.commands.values()];
  }

  /** Stop taking new work and wait (up to `timeoutMs`) for what is running to finish. */
  async drain(timeoutMs: number): Promise<void> {
    this.accepting = false;
    const all = Promise.allSettled([...this.inFlight]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private describe(request: CommandRequest): string {
    return ['/' + request.commandName, request.group, request.subcommand].filter(Boolean).join(' ');
  }

  /** Turn a thrown value into the reply the user sees, logging real failures with an id. */
  private failureReply(error: unknown, where: Record<string, unknown>): Reply {
    if (error instanceof UserError) return userErrorReply(error);
    const errorId = newErrorId();
    this.services.logger.error({ err: error, errorId, ...where }, 'handler failed');
    return errorReply(errorId);
  }

  /** The invoker's active character, looked up at most once and only if the handler asks. */
  private probe(request: Invocation): ActiveCharacterProbe {
    return new ActiveCharacterProbe(async () => {
      try {
        return (await this.services.store().getActiveCharacter(request.user.id, request.guildId)) ?? null;
      } catch (error) {
        this.services.logger.warn({ err: error, userId: request.user.id }, 'active character unavailable; answering without it');
        return null;
      }
    });
  }

  private logContext(request: CommandRequest | ComponentRequest | TextRequest): Record<string, unknown> {
    return { userId: request.user.id, guildId: request.guildId, surface: request.surface };
  }

  /** Run a slash command and deliver its reply through `responder`. Never throws. */
  runCommand(request: CommandRequest, responder: CommandResponder): Promise<void> {
    return this.track(this.runCommandInner(request, responder));
  }

  private async runCommandInner(request: CommandRequest, responder: CommandResponder): Promise<void> {
    const where = { command: this.describe(request), ...this.logContext(request) };
    const module = this.commands.get(request.commandName);
    let reply: Reply;
    let deferral: Promise<void> | undefined;
    if (!this.accepting) {
      reply = { ephemeral: true, content: 'The bot is restarting: please try again in a minute.' };
    } else if (!module) {
      reply = { ephemeral: true, refused: true, content: `I don't know the command ${codeSpan(`/${request.commandName}`)}. Type \`/help\` for the list.` };
    } else {
      const started = performance.now();
      const probe = this.probe(request);
      const deferNow = (): Promise<void> => {
        clearTimeout(timer);
        deferral ??= responder.defer(module.deferEphemeral ?? false).catch((error: unknown) => {
          this.services.logger.warn({ err: error, ...where }, 'defer failed');
        });
        return deferral;
      };
      const timer = setTimeout(deferNow, this.deferAfterMs);
      try {
        reply = await module.execute({
          request,
          services: this.services,
          activeCharacter: () => probe.get(),
          defer: deferNow,
        });
        if (mustStayPrivate(request, probe.used)) reply = { ...reply, ephemeral: true };
      } catch (error) {
        reply = this.failureReply(error, where);
      } finally {
        clearTimeout(timer);
      }
      this.services.logger.debug({ ...where, ms: Math.round(performance.now() - started) }, 'command handled');
    }
    if (deferral) await deferral;
    try {
      await responder.send(reply);
    } catch (error) {
      this.services.logger.error({ err: error, ...where }, 'could not deliver the reply');
    }
  }

  /** Choices for an autocomplete request; any failure or slowness gives an empty list at once. */
  async runAutocomplete(request: AutocompleteRequest): Promise<Choice[]> {
    const module = this.commands.get(request.commandName);
    if (!module?.autocomplete || !this.accepting) return [];
    const raw = request.options[request.focused];
    const query = typeof raw === 'string' ? raw : raw === undefined ? '' : String(raw);
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = Promise.resolve(module.autocomplete({ request, query, services: this.services }));
      const timeout = new Promise<Choice[]>((resolve) => (timer = setTimeout(() => resolve([]), AUTOCOMPLETE_BUDGET_MS)));
      return await this.track(Promise.race([work, timeout]));
    } catch (error) {
      this.services.logger.warn({ err: error, command: this.describe(request), focused: request.focused, ...this.logContext(request) }, 'autocomplete failed');
      return [];
    } finally {
      clearTimeout(timer);
    }
  }

  /** Run a button or select menu press. Never throws. */
  runComponent(request: ComponentRequest, responder: ComponentResponder): Promise<void> {
    return this.track(this.runComponentInner(request, responder));
  }

  private async runComponentInner(request: ComponentRequest, responder: ComponentResponder): Promise<void> {
    const decoded = decodeCustomId(request.customId);
    const args = decoded ? [decoded.action, ...decoded.fields] : [];
    const where = { component: request.customId, ...this.logContext(request) };
    const module = decoded ? this.commands.get(decoded.command) : undefined;
    let result: ComponentReply;
    let deferral: Promise<void> | undefined;
    if (!module?.component || !this.accepting) {
      result = { mode: 'reply', reply: { ephemeral: true, content: 'This button no longer works: run the command again.' } };
    } else {
      const timer = setTimeout(() => {
        deferral = responder.deferUpdate().catch((error: unknown) => this.services.logger.warn({ err: error, ...where }, 'defer failed'));
      }, this.deferAfterMs);
      const probe = this.probe(request);
      try {
        result = await module.component({ request, args, services: this.services, activeCharacter: () => probe.get() });
        // A private character read for someone else's public message: answer the presser privately
        // instead of editing what everyone sees.
        if (mustStayPrivate(request, probe.used) && !(result.mode === 'update' && request.messageEphemeral)) {
          result = { mode: 'reply', reply: { ...result.reply, ephemeral: true } };
        }
      } catch (error) {
        result = { mode: 'reply', reply: this.failureReply(error, where) };
      } finally {
        clearTimeout(timer);
      }
    }
    if (deferral) await deferral;
    try {
      await responder.send(result);
    } catch (error) {
      this.services.logger.error({ err: error, ...where }, 'could not deliver the reply');
    }
  }

  /** Answer plain text sent to the bot in DMs. Never throws. */
  runText(request: TextRequest): Promise<Reply> {
    return this.track(this.runTextInner(request));
  }

  private async runTextInner(request: TextRequest): Promise<Reply> {
    const where = { text: true, ...this.logContext(request) };
    if (!this.accepting) return { content: 'The bot is restarting: please try again in a minute.' };
    try {
      if (request.content.trimStart().startsWith('/')) return await this.runTypedCommand(request);
      for (const module of this.commands.values()) {
        if (!module.text) continue;
        const probe = this.probe(request);
        const reply = await module.text({ request, services: this.services, activeCharacter: () => probe.get() });
        if (reply) return reply;
      }
      return fallbackTextReply();
    } catch (error) {
      return this.failureReply(error, where);
    }
  }

  /** A slash command typed as text in DMs: parsed like the console, run like any other command. */
  private async runTypedCommand(request: TextRequest): Promise<Reply> {
    const parsed = parseCommandLine(request.content, this.modules, { allowFiles: false });
    if (!parsed.ok) return { content: parsed.error };
    const { commandName, group, subcommand, options } = parsed.value;
    let answer: Reply = { content: '\u200b' };
    await this.runCommandInner(
      { ...request, commandName, group, subcommand, options },
      { defer: async () => undefined, send: async (reply) => void (answer = reply) },
    );
    // Everything in a DM is private already.
    return { ...answer, ephemeral: false };
  }
}
