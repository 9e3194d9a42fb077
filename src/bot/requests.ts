// Interactions → router requests, shared by both ways Discord delivers them: the gateway (discord.js
// objects, src/bot/discord.ts) and HTTP interactions (raw API JSON, src/bot/http.ts). Each edge extracts
// the same few facts and option nodes; the functions here turn those into the requests the router
// takes, so a command sees exactly the same request whichever way it arrived. No discord.js here: the
// HTTP mode never loads it.

import {
  ApplicationCommandOptionType as T,
  ChannelType,
  ComponentType,
  InteractionContextType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIInteractionDataResolved,
  type APIMessageComponentInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import type { AttachmentValue, AutocompleteRequest, CommandRequest, ComponentRequest, Invocation, OptionValue, Surface } from '../router/types.ts';

/** What both edges know about who invoked an interaction, and where. */
export interface InteractionFacts {
  user: { id: string; username: string; globalName?: string | null };
  guildId: string | null;
  channelId: string | null;
  /** The channel's type when Discord sent it (or discord.js has it cached). */
  channelType?: number | null;
  /** Where the interaction happened (0 server, 1 the bot's DMs, 2 a private channel), when Discord says. */
  context?: number | null;
  locale?: string | null;
}

/** One option as both edges see it: the API's option tree, with attachments and users already resolved. */
export interface OptionNode {
  name: string;
  type: number;
  value?: string | number | boolean | null;
  focused?: boolean;
  options?: readonly OptionNode[];
  attachment?: AttachmentValue;
  user?: { id: string; username: string };
}

/** The locale used when Discord sends none (it always does, except for PING). */
export const DEFAULT_LOCALE = 'en-US';

/** Only in the bot's own DMs is a normal reply seen by the invoker alone. */
export function othersSeeReplies(facts: InteractionFacts): boolean {
  if (facts.context === InteractionContextType.BotDM) return false;
  if (facts.context === InteractionContextType.Guild || facts.context === InteractionContextType.PrivateChannel) return true;
  return facts.guildId !== null || facts.channelType !== ChannelType.DM;
}

export function invocationOf(facts: InteractionFacts, surface: Surface): Invocation {
  return {
    user: {
      id: facts.user.id,
      username: facts.user.username,
      ...(facts.user.globalName ? { displayName: facts.user.globalName } : {}),
    },
    guildId: facts.guildId,
    channelId: facts.channelId,
    locale: facts.locale || DEFAULT_LOCALE,
    surface,
    seenByOthers: othersSeeReplies(facts),
  };
}

/** Flatten an option tree into the subcommand path and a name → value map. */
export function flattenOptions(data: readonly OptionNode[]): {
  group: string | null;
  subcommand: string | null;
  options: Record<string, OptionValue>;
} {
  let group: string | null = null;
  let subcommand: string | null = null;
  const options: Record<string, OptionValue> = {};
  const visit = (list: readonly OptionNode[]) => {
    for (const option of list) {
      if (option.type === T.SubcommandGroup) {
        group = option.name;
        visit(option.options ?? []);
      } else if (option.type === T.Subcommand) {
        subcommand = option.name;
        visit(option.options ?? []);
      } else if (option.type === T.Attachment && option.attachment) {
        options[option.name] = option.attachment;
      } else if (option.type === T.User && (option.user || typeof option.value === 'string')) {
        const id = option.user?.id ?? String(option.value);
        options[option.name] = { kind: 'user', id, username: option.user?.username ?? id };
      } else if (option.value !== undefined && option.value !== null) {
        options[option.name] = option.value;
      }
    }
  };
  visit(data);
  return { group, subcommand, options };
}

/** The option being typed in an autocomplete interaction (depth-first), if any. */
export function focusedOption(data: readonly OptionNode[]): OptionNode | undefined {
  for (const option of data) {
    if (option.focused) return option;
    const inner = option.options ? focusedOption(option.options) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

export function commandRequest(facts: InteractionFacts, commandName: string, data: readonly OptionNode[], surface: Surface): CommandRequest {
  return { ...invocationOf(facts, surface), commandName, ...flattenOptions(data) };
}

/** Null when no option is marked as focused (a malformed interaction: answer with no choices). */
export function autocompleteRequest(facts: InteractionFacts, commandName: string, data: readonly OptionNode[], surface: Surface): AutocompleteRequest | null {
  const focused = focusedOption(data);
  if (!focused) return null;
  const { group, subcommand, options } = flattenOptions(data);
  return {
    ...invocationOf(facts, surface),
    commandName,
    group,
    subcommand,
    options: { ...options, [focused.name]: String(focused.value ?? '') },
    focused: focused.name,
  };
}

export function componentRequest(facts: InteractionFacts, customId: string, values: readonly string[], messageEphemeral: boolean, surface: Surface): ComponentRequest {
  return { ...invocationOf(facts, surface), customId, values: [...values], messageEphemeral };
}

// ---- raw API JSON (HTTP interactions) ---------------------------------------------------------------

type ApiInteraction = APIApplicationCommandInteraction | APIApplicationCommandAutocompleteInteraction | APIMessageComponentInteraction;

/** The invoker is `member.user` in servers and `user` elsewhere. */
export function apiUser(interaction: { member?: { user: APIUser }; user?: APIUser }): APIUser | undefined {
  return interaction.member?.user ?? interaction.user;
}

export function factsFromApi(interaction: ApiInteraction): InteractionFacts {
  const user = apiUser(interaction);
  const channel = interaction.channel as { id?: string; type?: number } | undefined;
  return {
    user: { id: user?.id ?? '0', username: user?.username ?? 'unknown', globalName: user?.global_name ?? null },
    guildId: interaction.guild_id ?? null,
    channelId: channel?.id ?? interaction.channel_id ?? null,
    channelType: channel?.type ?? null,
    context: interaction.context ?? null,
    locale: 'locale' in interaction ? interaction.locale : null,
  };
}

type ApiOption = APIApplicationCommandInteractionDataOption;

/** The API's option tree with attachments and users looked up in `resolved`. */
export function optionNodesFromApi(options: readonly ApiOption[] | undefined, resolved: APIInteractionDataResolved | undefined): OptionNode[] {
  return (options ?? []).map((option): OptionNode => {
    if (option.type === T.Subcommand || option.type === T.SubcommandGroup) {
      return { name: option.name, type: option.type, options: optionNodesFromApi(option.options as ApiOption[] | undefined, resolved) };
    }
    const value = (option as { value?: string | number | boolean }).value;
    const node: OptionNode = { name: option.name, type: option.type, ...(value !== undefined ? { value } : {}) };
    if ((option as { focused?: boolean }).focused) node.focused = true;
    if (option.type === T.Attachment && typeof value === 'string') {
      const file = resolved?.attachments?.[value];
      if (file) {
        node.attachment = { kind: 'attachment', name: file.filename, url: file.url, size: file.size, ...(file.content_type ? { contentType: file.content_type } : {}) };
      }
    }
    if (option.type === T.User && typeof value === 'string') {
      const found = resolved?.users?.[value];
      if (found) node.user = { id: found.id, username: found.username };
    }
    return node;
  });
}

function commandOptions(interaction: APIApplicationCommandInteraction | APIApplicationCommandAutocompleteInteraction): OptionNode[] {
  const data = interaction.data as { options?: ApiOption[]; resolved?: APIInteractionDataResolved };
  return optionNodesFromApi(data.options, data.resolved);
}

export function commandRequestFromApi(interaction: APIApplicationCommandInteraction, surface: Surface = 'http'): CommandRequest {
  return commandRequest(factsFromApi(interaction), interaction.data.name, commandOptions(interaction), surface);
}

export function autocompleteRequestFromApi(interaction: APIApplicationCommandAutocompleteInteraction, surface: Surface = 'http'): AutocompleteRequest | null {
  return autocompleteRequest(factsFromApi(interaction), interaction.data.name, commandOptions(interaction), surface);
}

/** Buttons and string selects are routed; other component kinds (user/role/channel selects) are not used by the bot. */
export function isRoutedComponent(interaction: APIMessageComponentInteraction): boolean {
  return interaction.data.component_type === ComponentType.Button || interaction.data.component_type === ComponentType.StringSelect;
}

export function componentRequestFromApi(interaction: APIMessageComponentInteraction, surface: Surface = 'http'): ComponentRequest {
  const data = interaction.data as { custom_id: string; values?: string[] };
  const flags = interaction.message?.flags ?? 0;
  return componentRequest(
    factsFromApi(interaction),
    data.custom_id,
    interaction.data.component_type === ComponentType.StringSelect ? (data.values ?? []) : [],
    (flags & MessageFlags.Ephemeral) !== 0,
    surface,
  );
}
