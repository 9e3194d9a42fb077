// What command handlers may use, built once at start and passed down. Heavy parts (the item index,
// the database) are opened lazily on first use so /help never pays for them.

import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { projectPath } from './paths.ts';
import type { Logger } from './log.ts';
import type { AttachmentValue, CommandModule } from './router/types.ts';
import { createStore, type CharacterStore } from './characters/store.ts';
import { isStoreError, type StoreError } from './characters/errors.ts';

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
      store ??= createStore(options.config.databaseUrl ?? options.config.databasePath);
      return store;
    },
    async checkDatabase() {
      try {
        await this.store().ready();
        await this.store().installSecret();
        return null;
      } catch (error) {
        if (!isStoreError(error)) throw error;
        return { error, variable: options.config.databaseUrl ? 'DATABASE_URL' : 'DATABASE_PATH' };
      }
    },
    async close() {
      await store?.close();
      store = undefined;
    },
  };
}
