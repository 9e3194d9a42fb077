// Wiring: configuration + logger + services + router, shared by the bot, the console, the deploy
// script and the tests.

import { COMMANDS } from '../commands/index.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { Router } from './router/router.ts';
import type { CommandModule } from './router/types.ts';
import { createServices, type Services } from './services.ts';

export interface App {
  config: Config;
  logger: Logger;
  services: Services;
  router: Router;
  /** Wait for in-flight work (up to `timeoutMs`), then release resources (the database). */
  shutdown(timeoutMs?: number): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  commands?: readonly CommandModule[];
  fetchAttachment?: Services['fetchAttachment'];
  now?: () => Date;
  deferAfterMs?: number;
}

export function createApp(options: AppOptions): App {
  const commands = options.commands ?? COMMANDS;
  const services = createServices({
    config: options.config,
    logger: options.logger,
    commands,
    ...(options.fetchAttachment ? { fetchAttachment: options.fetchAttachment } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const router = new Router(commands, services, options.deferAfterMs);
  let closed = false;
  return {
    config: options.config,
    logger: options.logger,
    services,
    router,
    async shutdown(timeoutMs = 10_000) {
      if (closed) return;
      closed = true;
      await router.drain(timeoutMs);
      await services.close();
    },
  };
}
