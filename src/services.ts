// What command handlers may use, built once at start and passed down. Heavy parts (the item index,
// the database) are opened lazily on first use so /help never pays for them.

import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { projectPath } from './paths.ts';
import type { Logger } from './log.ts';
import type { AttachmentValue, CommandModule } from './router/types.ts';
import { openStore, type CharacterStore } from './characters/store.ts';

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
  /** The character database, opened on first use at DATABASE_PATH. */
  store(): CharacterStore;
  /** Release what was opened (the database). */
  close(): Promise<void>;
}

export function readAppInfo(): AppInfo {
  const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
    name: string;
    version: string;
    homepage?: string;
  };
  return { name: pkg.name, version: pkg.version, homepage: pkg.homepage };
}

export async function fetchOverHttp(attachment: AttachmentValue, maxBytes: number): Promise<Buffer> {
  if (attachment.size > maxBytes) throw new RangeError(`file is larger than ${maxBytes} bytes`);
  const response = await fetch(attachment.url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`download failed with HTTP ${response.status}`);
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.length > maxBytes) throw new RangeError(`file is larger than ${maxBytes} bytes`);
  return buffer;
}

export interface ServiceOptions {
  config: Config;
  logger: Logger;
  commands: readonly CommandModule[];
  now?: () => Date;
  fetchAttachment?: Services['fetchAttachment'];
}

export function createServices(options: ServiceOptions): Services {
  let store: CharacterStore | undefined;
  return {
    config: options.config,
    logger: options.logger,
    app: readAppInfo(),
    commands: options.commands,
    now: options.now ?? (() => new Date()),
    fetchAttachment: options.fetchAttachment ?? fetchOverHttp,
    store() {
      store ??= openStore(options.config.databasePath);
      return store;
    },
    async close() {
      store?.close();
      store = undefined;
    },
  };
}
