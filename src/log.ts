// Structured logs (pino). Secrets never reach a log line: known fields are redacted by path, and
// errors are scrubbed of the bot token and of interaction/webhook tokens that appear in request URLs.

import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

export const REDACTED_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'config.discordToken',
  'headers.authorization',
  '*.headers.authorization',
  'interaction.token',
];

const URL_TOKENS = /\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9_.-]{20,}/g;

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(URL_TOKENS, '/$1/[redacted]');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out;
}

function errorSerializer(secrets: readonly string[]) {
  return (error: unknown) => {
    const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
    const clean = (value: unknown): unknown => {
      if (typeof value === 'string') return scrubSecrets(value, secrets);
      if (Array.isArray(value)) return value.map(clean);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
      return value;
    };
    return clean(serialized);
  };
}

/**
 * Logs go to stderr by default so the console's stdout stays clean for replies. `secrets` (the bot
 * token) are removed from any error text.
 */
export function createLogger(level: LogLevel, destination: NodeJS.WritableStream | number = 2, secrets: readonly string[] = []): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino(
    {
      level,
      base: { app: 'tarnished-ledger' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: errorSerializer(secrets) },
    },
    stream,
  );
}
