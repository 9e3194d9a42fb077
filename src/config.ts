// Configuration is read once, validated, and passed down; nothing else reads process.env.

import path from 'node:path';
import { z } from 'zod';

export const DEFAULT_DISCORD_API_BASE = 'https://discord.com/api';
export const DEFAULT_DATABASE_PATH = path.join('var', 'tarnished-ledger.sqlite');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SHARD_MODES = ['internal', 'process'] as const;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const ConfigSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\S+$/, 'must not contain spaces (paste the bot token from the Developer Portal, without "Bot ")')
      .optional(),
  ),
  DISCORD_APPLICATION_ID: z.preprocess(
    blankToUndefined,
    z.string().regex(/^\d{17,20}$/, 'must be the numeric application id (17 to 20 digits)').optional(),
  ),
  DATABASE_PATH: z.preprocess(blankToUndefined, z.string().default(DEFAULT_DATABASE_PATH)),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((url) => /^postgres(ql)?:\/\/[^\s/]+/i.test(url) && URL.canParse(url), 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  DISCORD_API_BASE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .url('must be an http(s) URL such as https://discord.com/api')
      .refine((url) => /^https?:\/\//i.test(url), 'must start with http:// or https://')
      .transform((url) => url.replace(/\/+$/, ''))
      .default(DEFAULT_DISCORD_API_BASE),
  ),
  HTTP_PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number from 1 to 65535 (or 0 for any free port)')
      .transform(Number)
      .refine((port) => port <= 65_535, 'must be a port number from 1 to 65535 (or 0 for any free port)')
      .optional(),
  ),
  HTTP_HOST: z.preprocess(blankToUndefined, z.string().regex(/^[\w.:[\]-]+$/, 'must be a host name or IP address, such as 0.0.0.0 or 127.0.0.1').optional()),
  DISCORD_PUBLIC_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal characters of the application\'s public key (Developer Portal → General Information)')
      .transform((key) => key.toLowerCase())
      .optional(),
  ),
  GATEWAY_SHARDS: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
    z
      .string()
      .regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto (the count Discord recommends) or a number of shards from 1')
      .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
      .optional(),
  ),
  GATEWAY_SHARD_MODE: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.toLowerCase()) : value),
    z.enum(SHARD_MODES, { message: `must be ${SHARD_MODES.join(' or ')}` }).default('internal'),
  ),
  // Set by discord.js's ShardingManager in the processes it spawns (with SHARDS and SHARD_COUNT).
  SHARDING_MANAGER: z.preprocess(blankToUndefined, z.string().optional()),
  SHARD_COUNT: z.preprocess(blankToUndefined, z.string().optional()),
  SHARDS: z.preprocess(blankToUndefined, z.string().optional()),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface HttpConfig {
  /** HTTP_PORT: serve Discord's interactions endpoint (POST /interactions) here instead of using the gateway. */
  port: number;
  /** HTTP_HOST: the address to listen on (default: every interface). */
  host: string | undefined;
  /** DISCORD_PUBLIC_KEY: verifies the Ed25519 signature Discord puts on every request. */
  publicKey: string;
  /** DISCORD_APPLICATION_ID: the webhook routes for deferred answers and follow-ups are per application. */
  applicationId: string;
}

export interface ShardingConfig {
  /** GATEWAY_SHARDS: Discord's recommended count ('auto', asked at start) or a fixed number of shards. */
  count: 'auto' | number;
  /** GATEWAY_SHARD_MODE: 'internal' runs every shard in this process; 'process' one child process per shard. */
  mode: (typeof SHARD_MODES)[number];
  /** This process is one shard spawned by discord.js's ShardingManager (it passes SHARDS and SHARD_COUNT). */
  managedShard: boolean;
  /** In a spawned shard: the shard ids it runs (from SHARDS). */
  shardIds?: number[];
}

export interface Config {
  discordToken: string | undefined;
  applicationId: string | undefined;
  /** The SQLite file (the default store), used when databaseUrl is not set. */
  databasePath: string;
  /** postgres://… : characters live in PostgreSQL instead of the SQLite file. */
  databaseUrl?: string | undefined;
  logLevel: LogLevel;
  /** LOG_LEVEL was set (the console logs only warnings unless it is). */
  logLevelSet?: boolean;
  discordApiBase: string;
  /** Present in HTTP interactions mode (HTTP_PORT set): no gateway connection. */
  http?: HttpConfig;
  /** Present when the gateway is sharded (GATEWAY_SHARDS set). */
  sharding?: ShardingConfig;
}

/** A configuration problem, already phrased as the one line to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'configuration');
    throw new ConfigError(`Invalid ${variable}: ${issue.message}.`);
  }
  const value = result.data;
  const config: Config = {
    discordToken: value.DISCORD_TOKEN,
    applicationId: value.DISCORD_APPLICATION_ID,
    databasePath: value.DATABASE_PATH,
    databaseUrl: value.DATABASE_URL,
    logLevel: value.LOG_LEVEL,
    logLevelSet: env.LOG_LEVEL !== undefined && env.LOG_LEVEL.trim() !== '',
    discordApiBase: value.DISCORD_API_BASE,
  };
  if (value.HTTP_PORT !== undefined) {
    if (!value.DISCORD_PUBLIC_KEY) throw new ConfigError("Invalid DISCORD_PUBLIC_KEY: required with HTTP_PORT (the application's public key, Developer Portal → General Information).");
    if (!value.DISCORD_APPLICATION_ID) throw new ConfigError('Invalid DISCORD_APPLICATION_ID: required with HTTP_PORT (deferred answers are sent to the application\'s webhook routes).');
    if (value.GATEWAY_SHARDS !== undefined) throw new ConfigError('Invalid GATEWAY_SHARDS: HTTP_PORT serves interactions without a gateway connection, so there is nothing to shard; unset one of them.');
    config.http = { port: value.HTTP_PORT, host: value.HTTP_HOST, publicKey: value.DISCORD_PUBLIC_KEY, applicationId: value.DISCORD_APPLICATION_ID };
  }
  const managedShard = value.SHARDING_MANAGER === 'true';
  if (!managedShard) {
    // discord.js reads these two itself in every Client; outside a spawned shard they would silently change the connection.
    if (value.SHARD_COUNT !== undefined) throw new ConfigError('Invalid SHARD_COUNT: discord.js reserves it for the shard processes it spawns; set GATEWAY_SHARDS=auto or a number instead.');
    if (value.SHARDS !== undefined) throw new ConfigError('Invalid SHARDS: discord.js reserves it for the shard processes it spawns; set GATEWAY_SHARDS=auto or a number instead.');
  }
  if (value.GATEWAY_SHARDS !== undefined || managedShard) {
    const count = managedShard && value.SHARD_COUNT && /^\d+$/.test(value.SHARD_COUNT) ? Number(value.SHARD_COUNT) : (value.GATEWAY_SHARDS ?? 1);
    config.sharding = { count, mode: managedShard ? 'process' : value.GATEWAY_SHARD_MODE, managedShard };
    if (managedShard && value.SHARDS && /^\[?[\d,\s]+\]?$/.test(value.SHARDS)) {
      config.sharding.shardIds = value.SHARDS.replace(/[[\]\s]/g, '').split(',').filter(Boolean).map(Number);
    }
  }
  return config;
}

/** Read `.env` (if present) into the environment, without overriding variables already set. */
export async function loadDotenv(): Promise<void> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
}

/**
 * For entry points: read `.env` and the environment, and return the configuration, or null after
 * printing the one-line reason to stderr (the caller exits 1).
 */
export async function configFromEnvironment(defaults: Record<string, string> = {}): Promise<Config | null> {
  await loadDotenv();
  try {
    return loadConfig({ ...defaults, ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}
