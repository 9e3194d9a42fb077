// Configuration is read once, validated, and passed down; nothing else reads process.env.

import path from 'node:path';
import { z } from 'zod';

export const DEFAULT_DISCORD_API_BASE = 'https://discord.com/api';
export const DEFAULT_DATABASE_PATH = path.join('var', 'tarnished-ledger.sqlite');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  discordToken: string | undefined;
  applicationId: string | undefined;
  /** The SQLite file (the default store), used when databaseUrl is not set. */
  databasePath: string;
  /** postgres://… : characters live in PostgreSQL instead of the SQLite file. */
  databaseUrl?: string | undefined;
  logLevel: LogLevel;
  discordApiBase: string;
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
  return {
    discordToken: value.DISCORD_TOKEN,
    applicationId: value.DISCORD_APPLICATION_ID,
    databasePath: value.DATABASE_PATH,
    databaseUrl: value.DATABASE_URL,
    logLevel: value.LOG_LEVEL,
    discordApiBase: value.DISCORD_API_BASE,
  };
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
