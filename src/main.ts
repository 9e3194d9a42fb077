// `npm start`. One entry point, four ways to run, chosen by the configuration:
//   HTTP_PORT set               serve Discord's HTTP interactions at POST /interactions (no gateway);
//   DISCORD_TOKEN set           connect to the gateway (GATEWAY_SHARDS shards it: in this process, or one
//                               child process per shard with GATEWAY_SHARD_MODE=process);
//   neither, in a terminal      the offline console;
//   neither, without one        exit 1 with one clear line.
// Each mode loads only what it uses (the HTTP mode never loads discord.js), and the item index is built
// in the background right after the bot is ready rather than before it connects.

import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { configFromEnvironment, type Config, type HttpConfig, type ShardingConfig } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import type { App } from './app.ts';

const NO_TOKEN_LINE =
  'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example) to connect to Discord, or run `npm run cli` for the offline console.';

const BANNER = `Tarnished Ledger — offline console (not connected to Discord).
To connect: create an application at https://discord.com/developers/applications, copy .env.example to .env,
set DISCORD_TOKEN (and DISCORD_APPLICATION_ID), run \`npm run deploy-commands\`, then \`npm start\` again.`;

const STOP_TIMEOUT_MS = 10_000;

/**
 * SIGINT/SIGTERM, listened for from the first moment of a bot mode: a signal that arrives while the bot
 * is still starting is kept, and stops it as soon as it is up.
 */
class Shutdown {
  private reason: string | undefined;
  private handler: ((reason: string) => void) | undefined;

  constructor() {
    process.once('SIGINT', () => this.request('SIGINT'));
    process.once('SIGTERM', () => this.request('SIGTERM'));
  }

  request(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.handler?.(reason);
  }

  /** Resolve with the exit code once a signal (now or earlier) has stopped the bot with `stop`. */
  stopWhenAsked(logger: Logger, stop: () => Promise<unknown>): Promise<number> {
    return new Promise<number>((resolve) => {
      const run = (reason: string) => {
        logger.info({ signal: reason }, 'shutting down: finishing in-flight work');
        stop().then(
          (clean) => {
            if (clean === false) {
              logger.warn('stopped, but not every part stopped cleanly');
              resolve(1);
              return;
            }
            logger.info('stopped cleanly');
            resolve(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            resolve(1);
          },
        );
      };
      if (this.reason !== undefined) run(this.reason);
      else this.handler = run;
    });
  }
}

/** Build what the first /item needs right after ready, in the background (a few hundred ms of CPU). */
/** The app, and what to build in the background once the bot is ready (the item index for /item). */
async function createBotApp(config: Config, logger: Logger): Promise<{ app: App; warmUp: () => void }> {
  const [{ createApp }, { getItemIndex }] = await Promise.all([import('./app.ts'), import('./items/search.ts')]);
  // Scheduled straight after ready (setImmediate, no await in between), so it runs before the first
  // interaction that arrives afterwards is handled, not in the middle of serving it.
  const warmUp = () =>
    setImmediate(() => {
      try {
        const started = performance.now();
        const index = getItemIndex();
        logger.info({ items: index?.size ?? 0, ms: Math.round(performance.now() - started) }, 'item index ready');
      } catch (error) {
        logger.warn({ err: error }, 'could not build the item index in advance');
      }
    });
  return { app: createApp({ config, logger }), warmUp };
}

/** DATABASE_PATH / DATABASE_URL checked once at start: false after printing the one line saying what is wrong. */
async function databaseUsable(app: App): Promise<boolean> {
  const problem = await app.services.checkDatabase();
  if (problem === null) return true;
  const { databaseProblemLine } = await import('./render/storeErrors.ts');
  process.stderr.write(`${databaseProblemLine(problem.error, problem.variable)}\n`);
  await app.shutdown(1_000);
  return false;
}

async function runHttpInteractions(config: Config, http: HttpConfig): Promise<number> {
  const shutdown = new Shutdown();
  const logger = createLogger(config.logLevel, 1, config.discordToken ? [config.discordToken] : []);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const [{ app, warmUp }, { startHttpInteractions }] = await Promise.all([createBotApp(config, logger), import('./bot/http.ts')]);
  if (!(await databaseUsable(app))) return 1;
  let running;
  try {
    running = await startHttpInteractions(app, http);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'EADDRINUSE' ? `HTTP_PORT ${http.port} is already in use.` : code === 'EACCES' ? `no permission to listen on HTTP_PORT ${http.port}.` : `could not listen on HTTP_PORT ${http.port}: ${(error as Error).message}`;
    logger.fatal({ err: error }, reason);
    await app.shutdown(1_000);
    return 1;
  }
  warmUp();
  const server = running;
  return shutdown.stopWhenAsked(logger, () => server.stop(STOP_TIMEOUT_MS));
}

async function runGateway(config: Config, token: string, sharding: ShardingConfig | undefined): Promise<number> {
  const shutdown = new Shutdown();
  // A shard spawned by the ShardingManager stops when the manager goes away (its IPC channel closes).
  if (sharding?.managedShard && process.connected) process.once('disconnect', () => shutdown.request('parent process gone'));
  let logger = createLogger(config.logLevel, 1, [token]);
  if (sharding?.managedShard) logger = logger.child({ shardIds: sharding.shardIds });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const [{ app, warmUp }, { startBot }, { clientShardOptions }] = await Promise.all([createBotApp(config, logger), import('./bot/discord.ts'), import('./bot/sharding.ts')]);
  if (!(await databaseUsable(app))) return 1;
  let bot;
  try {
    bot = await startBot(app, token, clientShardOptions(sharding));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'TokenInvalid' ? 'Discord rejected DISCORD_TOKEN (check the token in .env).' : `could not connect to Discord: ${(error as Error).message}`;
    logger.fatal({ err: error }, reason);
    await app.shutdown(1_000);
    return 1;
  }
  warmUp();
  const running = bot;
  return shutdown.stopWhenAsked(logger, () => running.stop(STOP_TIMEOUT_MS));
}

async function runShardManager(config: Config & { sharding: ShardingConfig; discordToken: string }): Promise<number> {
  const shutdown = new Shutdown();
  const logger = createLogger(config.logLevel, 1, [config.discordToken]);
  const { startShardProcesses } = await import('./bot/sharding.ts');
  let shards;
  try {
    shards = await startShardProcesses(config, logger, fileURLToPath(import.meta.url));
  } catch (error) {
    const status = (error as { status?: number }).status;
    const reason = status === 401 ? 'Discord rejected DISCORD_TOKEN (check the token in .env).' : `could not start the gateway shards: ${(error as Error).message}`;
    logger.fatal({ err: error }, reason);
    return 1;
  }
  logger.info({ shards: shards.count }, 'every shard is ready');
  const running = shards;
  return shutdown.stopWhenAsked(logger, () => running.stop(STOP_TIMEOUT_MS + 5_000));
}

async function runOfflineConsole(config: Config): Promise<number> {
  if (!process.stdin.isTTY) {
    process.stderr.write(`${NO_TOKEN_LINE}\n`);
    return 1;
  }
  const [{ runConsole }, { DEFAULT_CONSOLE_USER_ID, readLocalAttachment }, { createApp }] = await Promise.all([
    import('./cli/run.ts'),
    import('./cli/session.ts'),
    import('./app.ts'),
  ]);
  const logger = createLogger(config.logLevelSet ? config.logLevel : 'warn');
  const app = createApp({ config, logger, deferAfterMs: 60_000, fetchAttachment: readLocalAttachment });
  if (!(await databaseUsable(app))) return 1;
  return runConsole({
    app,
    identity: { userId: DEFAULT_CONSOLE_USER_ID, guildId: null },
    json: false,
    autocomplete: false,
    line: undefined,
    input: process.stdin,
    output: process.stdout,
    banner: BANNER,
  });
}

async function main(): Promise<number> {
  const config = await configFromEnvironment();
  if (!config) return 1;
  if (config.http) return runHttpInteractions(config, config.http);
  if (!config.discordToken) return runOfflineConsole(config);
  if (config.sharding?.mode === 'process' && !config.sharding.managedShard) {
    return runShardManager({ ...config, sharding: config.sharding, discordToken: config.discordToken });
  }
  return runGateway(config, config.discordToken, config.sharding);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fatal: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
