// The discord.js edge: builds the Client, turns gateway events into router calls, and delivers the
// router's replies through the interaction (reply / defer + edit / follow-up) or as a DM reply.

import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type CommandInteractionOption,
  type Message,
  type MessageComponentInteraction,
} from 'discord.js';
import type { App } from '../app.ts';
import type { Logger } from '../log.ts';
import { renderChoices, renderFiles, renderMessage } from '../render/discord.ts';
import type { Reply } from '../render/types.ts';
import type { Router } from '../router/router.ts';
import { autocompleteRequest, commandRequest, componentRequest, type InteractionFacts, type OptionNode } from './requests.ts';

export interface ClientOverrides {
  rest?: Partial<NonNullable<ClientOptions['rest']>>;
  /** Internal sharding: 'auto' (Discord's recommendation) or the shard ids this process runs (see sharding.ts). */
  shards?: 'auto' | number[];
  shardCount?: number;
}

/** Guilds + DirectMessages intents and the Channel partial (DM channels are never announced). No privileged intents. */
export function createClient(apiBase: string, overrides: ClientOverrides = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: apiBase, ...overrides.rest },
    ...(overrides.shards !== undefined ? { shards: overrides.shards } : {}),
    ...(overrides.shardCount !== undefined ? { shardCount: overrides.shardCount } : {}),
  });
}

/** The facts every request needs, as discord.js has them (the HTTP mode reads the same from raw JSON). */
function factsOf(interaction: BaseInteraction): InteractionFacts {
  return {
    user: { id: interaction.user.id, username: interaction.user.username, globalName: interaction.user.globalName },
    guildId: interaction.guildId ?? null,
    channelId: interaction.channelId ?? null,
    channelType: interaction.channel?.type ?? null,
    context: interaction.context ?? null,
    locale: interaction.locale,
  };
}

/** discord.js's option tree as plain nodes, with the resolved attachment or user attached. */
function nodesOf(data: readonly CommandInteractionOption[]): OptionNode[] {
  return data.map((option): OptionNode => {
    const node: OptionNode = { name: option.name, type: option.type };
    if (option.value !== undefined && option.value !== null) node.value = option.value;
    if (option.focused) node.focused = true;
    if (option.options) node.options = nodesOf(option.options);
    if (option.attachment) {
      const a = option.attachment;
      node.attachment = { kind: 'attachment', name: a.name, url: a.url, size: a.size, ...(a.contentType ? { contentType: a.contentType } : {}) };
    }
    if (option.user) node.user = { id: option.user.id, username: option.user.username };
    return node;
  });
}

/** discord.js message options from a reply (the body is already within Discord's limits). */
function messageOptions(reply: Reply, allowEphemeral = true) {
  const body = renderMessage(reply, { allowEphemeral });
  return {
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    // The same files, names and order as the body's `attachments` (within Discord's limits).
    files: renderFiles(reply.files).map((file) => ({ attachment: file.data, name: file.name, ...(file.description ? { description: file.description } : {}) })),
    allowedMentions: { parse: [], repliedUser: false },
    ...(body.flags ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

async function handleChatInput(interaction: ChatInputCommandInteraction, router: Router): Promise<void> {
  let deferredEphemeral = false;
  await router.runCommand(
    commandRequest(factsOf(interaction), interaction.commandName, nodesOf(interaction.options.data), 'gateway'),
    {
      async defer(ephemeral) {
        deferredEphemeral = ephemeral;
        await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      },
      async send(reply) {
        if (!interaction.deferred && !interaction.replied) {
          await interaction.reply(messageOptions(reply));
          return;
        }
        // A deferred reply keeps the visibility chosen at defer time. A private answer to a public
        // "thinking…" is moved to a private follow-up instead of being shown to everyone.
        const { flags: _flags, ...edit } = messageOptions(reply);
        if (reply.ephemeral && !deferredEphemeral) {
          await interaction.deleteReply().catch(() => undefined);
          await interaction.followUp(messageOptions(reply));
        } else {
          await interaction.editReply(edit);
        }
      },
    },
  );
}

async function handleAutocomplete(interaction: AutocompleteInteraction, router: Router, logger: Logger): Promise<void> {
  let choices: Awaited<ReturnType<Router['runAutocomplete']>> = [];
  try {
    const request = autocompleteRequest(factsOf(interaction), interaction.commandName, nodesOf(interaction.options.data), 'gateway');
    if (request) choices = await router.runAutocomplete(request);
  } catch (error) {
    logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
  }
  await interaction.respond(renderChoices(choices)).catch((error: unknown) => logger.warn({ err: error, command: interaction.commandName }, 'autocomplete response failed'));
}

async function handleComponent(interaction: MessageComponentInteraction, router: Router): Promise<void> {
  await router.runComponent(
    componentRequest(
      factsOf(interaction),
      interaction.customId,
      interaction.isStringSelectMenu() ? interaction.values : [],
      interaction.message.flags.has(MessageFlags.Ephemeral),
      'gateway',
    ),
    {
      async deferUpdate() {
        await interaction.deferUpdate();
      },
      async send(result) {
        if (result.mode === 'update') {
          const { flags: _flags, ...edit } = messageOptions(result.reply);
          if (interaction.deferred || interaction.replied) await interaction.editReply(edit);
          else await interaction.update(edit);
        } else if (interaction.deferred || interaction.replied) {
          await interaction.followUp(messageOptions(result.reply));
        } else {
          await interaction.reply(messageOptions(result.reply));
        }
      },
    },
  );
}

async function handleDirectMessage(message: Message, client: Client, router: Router, logger: Logger): Promise<void> {
  // Never read server messages (no MessageContent intent either); ignore bots, including ourselves.
  if (message.author.bot || message.system || message.author.id === client.user?.id) return;
  if (message.inGuild() || message.channel.type !== ChannelType.DM) return;
  const reply = await router.runText({
    user: { id: message.author.id, username: message.author.username, ...(message.author.globalName ? { displayName: message.author.globalName } : {}) },
    guildId: null,
    channelId: message.channelId,
    locale: 'en-US',
    surface: 'dm-text',
    seenByOthers: false,
    content: message.content,
  });
  const { flags: _flags, ...options } = messageOptions(reply, false);
  await message.reply(options).catch((error: unknown) => logger.error({ err: error, userId: message.author.id }, 'could not answer a DM'));
}

/** Route every gateway event the bot cares about into the router. */
export function attachRouter(client: Client, app: App): void {
  const { router, logger } = app;
  client.on(Events.InteractionCreate, (interaction) => {
    let work: Promise<void> | undefined;
    if (interaction.isChatInputCommand()) work = handleChatInput(interaction, router);
    else if (interaction.isAutocomplete()) work = handleAutocomplete(interaction, router, logger);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) work = handleComponent(interaction, router);
    work?.catch((error: unknown) => logger.error({ err: error, interactionId: interaction.id }, 'interaction failed'));
  });
  client.on(Events.MessageCreate, (message) => {
    handleDirectMessage(message, client, router, logger).catch((error: unknown) => logger.error({ err: error }, 'DM handling failed'));
  });
  client.on(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: ready.ws.shards.map((shard) => shard.id) }, 'connected to Discord'));
  client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, 'shard ready'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'gateway error'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global, scope: info.scope }, 'rate limited'));
}

export interface RunningBot {
  client: Client;
  /** Stop taking work, finish what is running, close the database, then disconnect. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Log in and wait until the gateway session is ready. */
export async function startBot(app: App, token: string, overrides: ClientOverrides = {}): Promise<RunningBot> {
  const client = createClient(app.config.discordApiBase, overrides);
  attachRouter(client, app);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  let stopping: Promise<void> | undefined;
  return {
    client,
    stop(timeoutMs = 10_000) {
      stopping ??= (async () => {
        await app.shutdown(timeoutMs);
        await client.destroy();
      })();
      return stopping;
    },
  };
}
