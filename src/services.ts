// What command handlers may use, built once at start and passed down. Heavy parts (the item index,
// the database) are opened lazily on first use so /help never pays for them.

import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { projectPath } from './paths.ts';
import type { Logger } from './log.ts';
import type { AppInfo, AttachmentValue, CommandModule, Services } from './router/types.ts';
import { createStore, type CharacterStore } from './characters/store.ts';
import { isStoreError } from './characters/errors.ts';

export type { AppInfo, Services } from './router/types.ts';

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
