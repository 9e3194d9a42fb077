// The contract between the router, the surfaces (Discord gateway, HTTP interactions, offline console,
// DM text) and the command modules in commands/. Nothing here depends on discord.js objects: a command sees plain values.

import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Choice, ComponentReply, Reply } from '../render/types.ts';
import type { AttachmentValue, OptionValue } from './options.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { CharacterStore } from '../characters/store.ts';
import type { StoreError } from '../characters/errors.ts';
import type { Character } from '../characters/types.ts';

export type Surface = 'gateway' | 'http' | 'console' | 'dm-text';

export interface Invoker {
  id: string; // Discord user id (snowflake, kept as a string)
  username: string;
  displayName?: string;
}

export type { AttachmentValue, OptionValue, UserValue } from './options.ts';

export interface Invocation {
  user: Invoker;
  guildId: string | null; // null in DMs and private channels without a guild
  channelId: string | null;
  locale: string;
  surface: Surface;
  /**
   * Whether a non-ephemeral reply is seen by anyone but the invoker: true in servers and in private
   * channels (group DMs, DMs between other users), false in the bot's own DMs. Default: guildId !== null.
   */
  seenByOthers?: boolean;
}

export interface CommandRequest extends Invocation {
  commandName: string;
  group: string | null;
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

export interface AutocompleteRequest extends CommandRequest {
  /** The option being typed; its (partial, unvalidated) text is `options[focused]`. */
  focused: string;
}

export interface ComponentRequest extends Invocation {
  customId: string;
  values: string[];
  /** The message the component sits on is ephemeral (only its invoker sees it). */
  messageEphemeral?: boolean;
}

export interface TextRequest extends Invocation {
  content: string;
}

/** What every handler may ask of the router, besides its request. */
export interface HandlerTools {
  services: Services;
  /**
   * The invoker's active character (this server's pick first), looked up once; null when there is none
   * or the store fails (a lookup or a calculation never fails because of the database). Using it makes
   * the reply private wherever others would see it, unless the character is public.
   */
  activeCharacter(): Promise<Character | null>;
}

export interface CommandContext extends HandlerTools {
  request: CommandRequest;
  /** Acknowledge now ("thinking…") before long synchronous work; the router otherwise defers after 2 s. */
  defer(): Promise<void>;
}

export interface AutocompleteContext {
  request: AutocompleteRequest;
  /** The text typed so far in the focused option. */
  query: string;
  services: Services;
}

export interface ComponentContext extends HandlerTools {
  request: ComponentRequest;
  /** The custom id's action and fields after the command name, unescaped (src/router/customId.ts): `item:pick:-:beast+claw` → ['pick', '-', 'beast claw']. */
  args: string[];
}

export interface TextContext extends HandlerTools {
  request: TextRequest;
}

export interface Example {
  usage: string; // e.g. "/runes level from:1 to:150"
  description: string;
}

export interface CommandModule {
  /** The slash command definition (built with @discordjs/builders via `defineCommand`). */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Shown by /help, one line each. */
  examples: Example[];
  /** Whether a deferred reply should be private: the router defers on its own after 2 s. */
  deferEphemeral?: boolean;
  execute(context: CommandContext): Promise<Reply> | Reply;
  autocomplete?(context: AutocompleteContext): Promise<Choice[]> | Choice[];
  /** Buttons and select menus whose custom_id starts with `${data.name}:`. */
  component?(context: ComponentContext): Promise<ComponentReply> | ComponentReply;
  /**
   * Plain text sent to the bot in DMs: return a reply to claim the message, or null to let the next
   * module (or the router's fallback) answer it.
   */
  text?(context: TextContext): Promise<Reply | null> | Reply | null;
}

// What every handler may use, built once at start (src/services.ts) and passed down.
export interface AppInfo {
  name: string;
  version: string;
  homepage: string | undefined;
}

export interface Services {
  config: Config;
  logger: Logger;
  app: AppInfo;
  /** The registry, for /help. */
  commands: readonly CommandModule[];
  now(): Date;
  /** Download a file a user attached to a command (Discord CDN URL, or a local path in the console). */
  fetchAttachment(attachment: AttachmentValue, maxBytes: number): Promise<Buffer>;
  /** The character store (PostgreSQL at DATABASE_URL, else SQLite at DATABASE_PATH), opened on first use. */
  store(): CharacterStore;
  /**
   * Opens the character database now (migrating it, and making the install secret on first use); null
   * when it is usable, else why not and which setting names it (databaseProblemLine words it).
   */
  checkDatabase(): Promise<{ error: StoreError; variable: 'DATABASE_PATH' | 'DATABASE_URL' } | null>;
  /** Release what was opened (the database). */
  close(): Promise<void>;
}
