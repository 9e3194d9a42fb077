// Structured logs (pino). Secrets are redacted by path so a token can never reach a log line.

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

/** Logs go to stderr by default so the console's stdout stays clean for replies. */
export function createLogger(level: LogLevel, destination: NodeJS.WritableStream | number = 2): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino({ level, base: { app: 'tarnished-ledger' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
}
