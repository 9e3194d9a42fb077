// Typed payload factories for the fake Discord: a missing required field is a compile error.

import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  MessageType,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIApplicationCommandAutocompleteInteraction,
  type APIMessageComponentInteraction,
  type APIUser,
  type GatewayMessageCreateDispatchData,
  type APIGuildMember,
} from 'discord-api-types/v10';

export const APPLICATION_ID = '900000000000000001';
export const GUILD_ID = '900000000000000002';
export const GUILD_CHANNEL_ID = '900000000000000003';
export const DM_CHANNEL_ID = '900000000000000004';

export const BOT_USER: APIUser = {
  id: APPLICATION_ID,
  username: 'Tarnished Ledger',
  discriminator: '0',
  global_name: 'Tarnished Ledger',
  avatar: null,
  bot: true,
};

export function user(id = '800000000000000001', username = 'tarnished'): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null };
}

export function guildCreatePayload(id = GUILD_ID) {
  const channelId = id === GUILD_ID ? GUILD_CHANNEL_ID : String(BigInt(id) + 1n);
  return {
    id,
    name: id === GUILD_ID ? 'Roundtable Hold' : `Server ${id}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '800000000000000099',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id, name: '@everyone', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '0', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [{ id: channelId, type: ChannelType.GuildText, name: 'general', position: 0, permission_overwrites: [], parent_id: null, guild_id: id, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 }],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

let counter = 0;
function nextId(): string {
  counter += 1;
  return String(700000000000000000n + BigInt(counter));
}

export interface Where {
  /** In a server (default: the bot's DMs). */
  guild?: boolean;
  /** Which server (default GUILD_ID); implies `guild`. */
  guildId?: string;
  user?: APIUser;
  /** Flags of the message a component sits on (e.g. 64: ephemeral). */
  messageFlags?: number;
}

function member(u: APIUser): APIGuildMember {
  return { user: u, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: "2248473465835073" } as unknown as APIGuildMember;
}

function common(where: Where) {
  const u = where.user ?? user();
  const guildId = where.guildId ?? GUILD_ID;
  const channelId = guildId === GUILD_ID ? GUILD_CHANNEL_ID : String(BigInt(guildId) + 1n);
  const inGuild = where.guild || where.guildId !== undefined;
  const base = {
    id: nextId(),
    application_id: APPLICATION_ID,
    token: `interaction-token-${counter}`,
    version: 1 as const,
    app_permissions: '2248473465835073',
    locale: 'en-US' as const,
    entitlements: [],
    authorizing_integration_owners: inGuild
      ? { [ApplicationIntegrationType.GuildInstall]: guildId }
      : { [ApplicationIntegrationType.UserInstall]: u.id },
    attachment_size_limit: 10_485_760,
  };
  if (inGuild) {
    return {
      ...base,
      guild_id: guildId,
      guild_locale: 'en-US' as const,
      member: member(u),
      channel_id: channelId,
      channel: { id: channelId, type: ChannelType.GuildText, name: 'general', guild_id: guildId },
      context: InteractionContextType.Guild,
    };
  }
  return {
    ...base,
    user: u,
    channel_id: DM_CHANNEL_ID,
    channel: { id: DM_CHANNEL_ID, type: ChannelType.DM, recipients: [u] },
    context: InteractionContextType.BotDM,
  };
}

/** Option values: strings, numbers, booleans, or a user (sent as a User option with its resolved data). */
export type OptionSpec = Record<string, string | number | boolean | APIUser>;

function isUser(value: unknown): value is APIUser {
  return typeof value === 'object' && value !== null && 'id' in value && 'username' in value;
}

function resolvedUsers(values: OptionSpec): Record<string, APIUser> {
  const users: Record<string, APIUser> = {};
  for (const value of Object.values(values)) if (isUser(value)) users[value.id] = value;
  return users;
}

function basicOptions(values: OptionSpec, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) => {
    if (isUser(value)) return { name, type: ApplicationCommandOptionType.User, value: value.id } as APIApplicationCommandInteractionDataBasicOption;
    const type =
      typeof value === 'boolean'
        ? ApplicationCommandOptionType.Boolean
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String;
    return { name, type, value, ...(name === focused ? { focused: true } : {}) } as APIApplicationCommandInteractionDataBasicOption;
  });
}

/** `path` is the subcommand path, e.g. ['level'] or ['group', 'sub'] (empty for a plain command). */
function optionTree(path: string[], leaves: APIApplicationCommandInteractionDataOption[]): APIApplicationCommandInteractionDataOption[] {
  if (path.length === 0) return leaves;
  if (path.length === 1) return [{ type: ApplicationCommandOptionType.Subcommand, name: path[0]!, options: leaves as APIApplicationCommandInteractionDataBasicOption[] }];
  return [
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: path[0]!,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: path[1]!, options: leaves as APIApplicationCommandInteractionDataBasicOption[] }],
    },
  ];
}

export function slashCommand(
  name: string,
  options: { path?: string[]; values?: OptionSpec; attachments?: Record<string, APIAttachment> } & Where = {},
): APIChatInputApplicationCommandInteraction {
  const leaves: APIApplicationCommandInteractionDataOption[] = basicOptions(options.values ?? {});
  const users = resolvedUsers(options.values ?? {});
  const resolved: Record<string, APIAttachment> = {};
  for (const [optionName, attachment] of Object.entries(options.attachments ?? {})) {
    leaves.push({ name: optionName, type: ApplicationCommandOptionType.Attachment, value: attachment.id });
    resolved[attachment.id] = attachment;
  }
  return {
    ...common(options),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextId(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: optionTree(options.path ?? [], leaves),
      ...(Object.keys(resolved).length || Object.keys(users).length
        ? { resolved: { ...(Object.keys(resolved).length ? { attachments: resolved } : {}), ...(Object.keys(users).length ? { users } : {}) } }
        : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

export function autocomplete(
  name: string,
  focused: string,
  options: { path?: string[]; values: OptionSpec } & Where,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...common(options),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: nextId(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: optionTree(options.path ?? [], basicOptions(options.values, focused)),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

export function buttonPress(customId: string, where: Where = {}): APIMessageComponentInteraction {
  const base = common(where);
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message: messagePayload(nextId(), base.channel_id, BOT_USER, '', where.messageFlags ? { flags: where.messageFlags } : {}),
  } as unknown as APIMessageComponentInteraction;
}

/** A choice made in a string select menu. */
export function selectMenu(customId: string, values: string[], where: Where = {}): APIMessageComponentInteraction {
  const base = common(where);
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
    message: messagePayload(nextId(), base.channel_id, BOT_USER, '', where.messageFlags ? { flags: where.messageFlags } : {}),
  } as unknown as APIMessageComponentInteraction;
}

/** A PING, as Discord sends to check the endpoint. */
export function ping() {
  return { id: nextId(), application_id: APPLICATION_ID, type: InteractionType.Ping, token: `interaction-token-${counter}`, version: 1 };
}

/** A message object as Discord returns it; `extra` overrides or adds fields (embeds, flags, channel_type…). */
export function messagePayload(id: string, channelId: string, author: APIUser, content: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    ...extra,
  };
}

export function directMessage(content: string, author: APIUser = user()): GatewayMessageCreateDispatchData {
  return messagePayload(nextId(), DM_CHANNEL_ID, author, content, { channel_type: ChannelType.DM }) as GatewayMessageCreateDispatchData;
}

export function attachment(id: string, filename: string, url: string, size: number): APIAttachment {
  return { id, filename, url, proxy_url: url, size, content_type: 'application/json' };
}
