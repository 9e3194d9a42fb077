// HTTP interactions: Discord POSTs each interaction to the bot's "Interactions Endpoint URL" instead of
// sending it over the gateway. This is that endpoint (node:http): verify the Ed25519 signature, answer
// PING, turn the interaction into the same router request the gateway path builds, and answer in the
// HTTP response when the reply is ready in time (type 4 / 7 / 8; multipart when it has files). When the
// router defers (after about 2 s, or when a handler asks), the HTTP response is the deferral (type 5 / 6)
// and the answer follows through the interaction's webhook (REST at DISCORD_API_BASE).
//
// Nothing is kept between requests, so any number of replicas can sit behind a load balancer; what a
// command saves lives in the database they share. No discord.js here (and no gateway connection).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import type { App } from '../app.ts';
import type { HttpConfig } from '../config.ts';
import { renderChoices, renderMessage, type MessageBody } from '../render/discord.ts';
import type { Choice, FileView, Reply } from '../render/types.ts';
import { multipartBody, type UploadFile } from './multipart.ts';
import { autocompleteRequestFromApi, commandRequestFromApi, componentRequestFromApi, isRoutedComponent } from './requests.ts';
import { publicKeyFromHex, verifyInteraction } from './signature.ts';
import { createWebhookClient, type WebhookClient } from './webhooks.ts';

/** Interactions are a few kilobytes; anything near this is not from Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Files go in the HTTP response only while the whole response stays small: larger interaction responses
 * are reported to be refused by Discord (hikari-py/hikari#1048 saw failures above about 150 KiB). Bigger
 * files are sent as a deferral and then an upload to the webhook, which takes up to the attachment limit.
 */
export const MAX_INLINE_RESPONSE_BYTES = 128 * 1024;

export interface HttpInteractionsOptions {
  /** Overrides for tests; production reads everything from app.config.http. */
  webhooks?: WebhookClient;
}

export interface RunningHttpInteractions {
  server: Server;
  /** The port actually listened on (HTTP_PORT=0 picks a free one). */
  port: number;
  /** Stop accepting, let in-flight interactions finish (deferred answers included), close the database. */
  stop(timeoutMs?: number): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = { json: 'application/json', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8' };

function uploads(files: readonly FileView[] | undefined): UploadFile[] {
  return (files ?? []).map((file) => {
    const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
    return { name: file.name, data: file.data, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream' };
  });
}

/** The message body without flags: edits cannot change them (ephemeral is decided by the first response). */
function withoutFlags(body: MessageBody): MessageBody {
  const { flags: _flags, ...rest } = body;
  return rest;
}

function ephemeralData(ephemeral: boolean): { flags?: number } {
  return ephemeral ? { flags: MessageFlags.Ephemeral } : {};
}

/** The one HTTP response an interaction gets: sent at most once, resolved once it has left. */
class InteractionExchange {
  private sent = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly closing: () => boolean,
  ) {}

  get responded(): boolean {
    return this.sent;
  }

  /** Would this response, with these files, be small enough to go in the HTTP response? */
  static fitsInline(payload: unknown, files: readonly UploadFile[]): boolean {
    if (!files.length) return true;
    const size = files.reduce((sum, file) => sum + file.data.length, 0) + Buffer.byteLength(JSON.stringify(payload)) + 1024;
    return size <= MAX_INLINE_RESPONSE_BYTES;
  }

  respond(payload: unknown, files: readonly UploadFile[] = []): Promise<void> {
    if (this.sent) return Promise.reject(new Error('this interaction was already answered'));
    this.sent = true;
    const { body, contentType } = files.length ? multipartBody(payload, files) : { body: Buffer.from(JSON.stringify(payload), 'utf8'), contentType: 'application/json' };
    return new Promise<void>((resolve, reject) => {
      const res = this.res;
      if (res.destroyed || res.writableEnded) {
        reject(new Error('Discord closed the request before the answer was ready'));
        return;
      }
      res.once('finish', () => resolve());
      res.once('close', () => (res.writableFinished ? resolve() : reject(new Error('the connection closed while answering'))));
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length, ...(this.closing() ? { connection: 'close' } : {}) });
      res.end(body);
    });
  }
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }).end(body);
}

/** Read the whole body, or null (after answering 413) when it is larger than the limit. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    plain(res, 413, 'request body too large', { connection: 'close' });
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        plain(res, 413, 'request body too large', { connection: 'close' });
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export class HttpInteractions {
  private readonly key: KeyObject;
  private readonly webhooks: WebhookClient;
  private closing = false;

  constructor(
    private readonly app: App,
    config: HttpConfig,
    options: HttpInteractionsOptions = {},
  ) {
    this.key = publicKeyFromHex(config.publicKey);
    this.webhooks = options.webhooks ?? createWebhookClient({ apiBase: app.config.discordApiBase, applicationId: config.applicationId });
  }

  markStopping(): void {
    this.closing = true;
  }

  /** The node:http request listener. Never throws. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      this.app.logger.error({ err: error }, 'HTTP interaction failed');
      if (!res.headersSent) plain(res, 500, 'internal error');
      else if (!res.writableEnded) res.end();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      // For load balancers: a stopping replica reports 503 so no new work is sent to it.
      plain(res, this.closing ? 503 : 200, this.closing ? 'stopping' : 'ok');
      return;
    }
    if (path !== '/interactions') {
      plain(res, 404, 'not found: Discord interactions are served at POST /interactions');
      return;
    }
    if (req.method !== 'POST') {
      plain(res, 405, 'method not allowed: use POST', { allow: 'POST' });
      return;
    }
    const body = await readBody(req, res);
    if (!body) return;
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!verifyInteraction(this.key, body, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined)) {
      // Discord itself sends bad signatures now and then to check that they are refused.
      this.app.logger.warn({ signed: typeof signature === 'string', bytes: body.length }, 'refused an HTTP interaction: missing or invalid signature');
      plain(res, 401, 'invalid request signature');
      return;
    }
    let interaction: { type?: unknown; id?: unknown };
    try {
      interaction = JSON.parse(body.toString('utf8')) as { type?: unknown };
    } catch {
      plain(res, 400, 'the body is not JSON');
      return;
    }
    if (typeof interaction !== 'object' || interaction === null) {
      plain(res, 400, 'the body is not an interaction');
      return;
    }
    const exchange = new InteractionExchange(res, () => this.closing);
    switch (interaction.type) {
      case InteractionType.Ping:
        await exchange.respond({ type: InteractionResponseType.Pong });
        return;
      case InteractionType.ApplicationCommand:
        await this.command(interaction as APIApplicationCommandInteraction, exchange);
        return;
      case InteractionType.ApplicationCommandAutocomplete:
        await this.autocomplete(interaction as APIApplicationCommandAutocompleteInteraction, exchange);
        return;
      case InteractionType.MessageComponent:
        await this.component(interaction as APIMessageComponentInteraction, exchange);
        return;
      case InteractionType.ModalSubmit:
        await exchange.respond({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { ...renderMessage({ ephemeral: true, content: 'This form is no longer in use: run the command again.' }) },
        });
        return;
      default:
        plain(res, 400, 'unknown interaction type');
    }
  }

  private async command(interaction: APIApplicationCommandInteraction, exchange: InteractionExchange): Promise<void> {
    const token = interaction.token;
    let deferredEphemeral = false;
    await this.app.router.runCommand(commandRequestFromApi(interaction), {
      defer: async (ephemeral) => {
        deferredEphemeral = ephemeral;
        await exchange.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeralData(ephemeral) });
      },
      send: async (reply) => {
        const body = renderMessage(reply);
        const files = uploads(reply.files);
        if (!exchange.responded) {
          const payload = { type: InteractionResponseType.ChannelMessageWithSource, data: body };
          if (InteractionExchange.fitsInline(payload, files)) {
            await exchange.respond(payload, files);
            return;
          }
          deferredEphemeral = reply.ephemeral ?? false;
          await exchange.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeralData(deferredEphemeral) });
        }
        // A deferred reply keeps the visibility chosen at defer time. A private answer to a public
        // "thinking…" is moved to a private follow-up instead of being shown to everyone.
        if (reply.ephemeral && !deferredEphemeral) {
          await this.webhooks.deleteOriginal(token).catch(() => undefined);
          await this.webhooks.followUp(token, body, files);
        } else {
          await this.webhooks.editOriginal(token, withoutFlags(body), files);
        }
      },
    });
    await this.answerIfSilent(exchange, interaction.id);
  }

  private async autocomplete(interaction: APIApplicationCommandAutocompleteInteraction, exchange: InteractionExchange): Promise<void> {
    let choices: Choice[] = [];
    try {
      const request = autocompleteRequestFromApi(interaction);
      if (request) choices = await this.app.router.runAutocomplete(request);
    } catch (error) {
      this.app.logger.warn({ err: error, command: interaction.data.name }, 'autocomplete failed');
    }
    await exchange.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: renderChoices(choices) } });
  }

  private async component(interaction: APIMessageComponentInteraction, exchange: InteractionExchange): Promise<void> {
    if (!isRoutedComponent(interaction)) {
      await exchange.respond({ type: InteractionResponseType.DeferredMessageUpdate });
      return;
    }
    const token = interaction.token;
    await this.app.router.runComponent(componentRequestFromApi(interaction), {
      deferUpdate: async () => {
        await exchange.respond({ type: InteractionResponseType.DeferredMessageUpdate });
      },
      send: async (result) => {
        const body = renderMessage(result.reply);
        const files = uploads(result.reply.files);
        if (result.mode === 'update') {
          const payload = { type: InteractionResponseType.UpdateMessage, data: withoutFlags(body) };
          if (!exchange.responded && InteractionExchange.fitsInline(payload, files)) {
            await exchange.respond(payload, files);
            return;
          }
          if (!exchange.responded) await exchange.respond({ type: InteractionResponseType.DeferredMessageUpdate });
          await this.webhooks.editOriginal(token, withoutFlags(body), files);
          return;
        }
        if (!exchange.responded) {
          const payload = { type: InteractionResponseType.ChannelMessageWithSource, data: body };
          if (InteractionExchange.fitsInline(payload, files)) {
            await exchange.respond(payload, files);
            return;
          }
          await exchange.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeralData(result.reply.ephemeral ?? false) });
          await this.webhooks.editOriginal(token, withoutFlags(body), files);
          return;
        }
        await this.webhooks.followUp(token, body, files);
      },
    });
    await this.answerIfSilent(exchange, interaction.id);
  }

  /** The router always answers; if delivering that answer failed before anything was sent, say so now. */
  private async answerIfSilent(exchange: InteractionExchange, interactionId: string): Promise<void> {
    if (exchange.responded) return;
    const reply: Reply = { ephemeral: true, content: 'Something went wrong on our side while answering: please try again.' };
    await exchange
      .respond({ type: InteractionResponseType.ChannelMessageWithSource, data: renderMessage(reply) })
      .catch((error: unknown) => this.app.logger.warn({ err: error, interactionId }, 'could not answer an HTTP interaction'));
  }
}

/** Listen on HTTP_PORT and serve POST /interactions until stop(). */
export async function startHttpInteractions(app: App, config: HttpConfig, options: HttpInteractionsOptions = {}): Promise<RunningHttpInteractions> {
  const interactions = new HttpInteractions(app, config, options);
  const server = createServer(interactions.listener);
  // A request must arrive whole within a few seconds (Discord sends small bodies at once).
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  app.logger.info({ port, host: config.host ?? 'all interfaces', path: '/interactions' }, 'listening for HTTP interactions');
  let stopping: Promise<void> | undefined;
  return {
    server,
    port,
    stop(timeoutMs = 10_000) {
      stopping ??= (async () => {
        const deadline = Date.now() + timeoutMs;
        interactions.markStopping();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // In-flight interactions finish, deferred answers included; then the database closes.
        await app.shutdown(timeoutMs);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
        clearTimeout(timer);
        server.closeAllConnections();
      })();
      return stopping;
    },
  };
}
