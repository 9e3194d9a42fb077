// `npm run cli`: the offline console. Same router and handlers as the bot; replies printed as text,
// or as the exact Discord interaction response body with --json.

import { stdin, stdout, stderr, argv, exit } from 'node:process';
import { parseArgs } from 'node:util';
import { configFromEnvironment } from '../config.ts';
import { createLogger } from '../log.ts';
import { createApp } from '../app.ts';
import { databaseProblemLine } from '../render/storeErrors.ts';
import { DEFAULT_CONSOLE_USER_ID, readLocalAttachment } from './session.ts';
import { runConsole } from './run.ts';

const USAGE = `Usage: npm run cli -- [options] ["/command option:value ..."]

  (no command)        interactive prompt (tab completes commands, options and values);
                      when standard input is not a terminal: one command per line, one reply per line
  --json              print the Discord interaction response body instead of text
  --autocomplete      print the choices offered for the last option of the line
  --user ID           act as this Discord user id (default ${DEFAULT_CONSOLE_USER_ID})
  --guild ID          act as if in this server (default: the bot's DMs)
  --help              this text

Examples:
  npm run cli -- "/runes level from:1 to:150"
  npm run cli -- --autocomplete --json "/item name:rivers of bl"
  printf '/help\\n/about\\n' | npm run -s cli -- --json`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(2),
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        autocomplete: { type: 'boolean', default: false },
        user: { type: 'string' },
        guild: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  const snowflake = /^\d{17,20}$/;
  if (values.user !== undefined && !snowflake.test(values.user)) {
    stderr.write('--user must be a Discord user id (17 to 20 digits).\n');
    return 2;
  }
  if (values.guild !== undefined && !snowflake.test(values.guild)) {
    stderr.write('--guild must be a Discord server id (17 to 20 digits).\n');
    return 2;
  }
  // The console is quiet unless LOG_LEVEL asks otherwise: stdout carries only replies.
  const config = await configFromEnvironment({ LOG_LEVEL: 'warn' });
  if (!config) return 1;
  const logger = createLogger(config.logLevel);
  const app = createApp({ config, logger, deferAfterMs: 60_000, fetchAttachment: readLocalAttachment });
  // DATABASE_PATH (or DATABASE_URL) checked once at start: one line saying what is wrong, exit 1.
  const problem = await app.services.checkDatabase();
  if (problem !== null) {
    stderr.write(`${databaseProblemLine(problem.error, problem.variable)}\n`);
    await app.shutdown(1_000);
    return 1;
  }
  return runConsole({
    app,
    identity: { userId: values.user ?? DEFAULT_CONSOLE_USER_ID, guildId: values.guild ?? null },
    json: values.json,
    autocomplete: values.autocomplete,
    line: positionals.length ? positionals.join(' ') : undefined,
    input: stdin,
    output: stdout,
  });
}

main().then(
  (code) => exit(code),
  (error: unknown) => {
    stderr.write(`console failed: ${error instanceof Error ? error.message : String(error)}\n`);
    exit(1);
  },
);
