// `npm start`: connect to Discord when DISCORD_TOKEN is set; otherwise open the offline console in a
// terminal, or exit 1 with one clear line when there is no terminal.

import process from 'node:process';
import { configFromEnvironment } from './config.ts';
import { createLogger } from './log.ts';
import { createApp, type App } from './app.ts';
import { databaseProblemLine } from './render/storeErrors.ts';
import { startBot } from './bot/discord.ts';
import { getItemIndex } from './items/search.ts';

const NO_TOKEN_LINE =
  'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example) to connect to Discord, or run `npm run cli` for the offline console.';

const BANNER = `Tarnished Ledger — offline console (not connected to Discord).
To connect: create an application at https://discord.com/developers/applications, copy .env.example to .env,
set DISCORD_TOKEN (and DISCORD_APPLICATION_ID), run \`npm run deploy-commands\`, then \`npm start\` again.`;

/** DATABASE_PATH / DATABASE_URL checked once at start: false after printing the one line saying what is wrong. */
async function databaseUsable(app: App): Promise<boolean> {
  const problem = await app.services.checkDatabase();
  if (problem === null) return true;
  process.stderr.write(`${databaseProblemLine(problem.error, problem.variable)}\n`);
  await app.shutdown(1_000);
  return false;
}

async function main(): Promise<number> {
  const config = await configFromEnvironment();
  if (!config) return 1;

  if (!config.discordToken) {
    if (!process.stdin.isTTY) {
      process.stderr.write(`${NO_TOKEN_LINE}\n`);
      return 1;
    }
    const { runConsole } = await import('./cli/run.ts');
    const { DEFAULT_CONSOLE_USER_ID, readLocalAttachment } = await import('./cli/session.ts');
    const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
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

  const logger = createLogger(config.logLevel, 1, [config.discordToken]);
  const app = createApp({ config, logger });
  if (!(await databaseUsable(app))) return 1;
  // Build the item index before the first keystroke needs it (it takes a few hundred milliseconds).
  const started = performance.now();
  const index = getItemIndex();
  logger.info({ items: index?.size ?? 0, ms: Math.round(performance.now() - started) }, 'item index ready');
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  let bot;
  try {
    bot = await startBot(app, config.discordToken);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'TokenInvalid' ? 'Discord rejected DISCORD_TOKEN (check the token in .env).' : `could not connect to Discord: ${(error as Error).message}`;
    logger.fatal({ err: error }, reason);
    await app.shutdown(1_000);
    return 1;
  }
  const running = bot;
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down: finishing in-flight work');
      running.stop(10_000).then(
        () => {
          logger.info('stopped cleanly');
          resolve(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fatal: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
