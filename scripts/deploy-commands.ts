// `npm run deploy-commands`: bulk-overwrite the bot's slash commands with the registry.
//   --guild ID   deploy to one test server instead (appears instantly; guild commands ignore contexts)
//   --dry-run    print the JSON that would be sent, and send nothing

import process from 'node:process';
import { parseArgs } from 'node:util';
import { REST } from '@discordjs/rest';
import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { COMMANDS } from '../commands/index.ts';
import { configFromEnvironment } from '../src/config.ts';
import { definitionOf } from '../src/router/parse.ts';

export function commandBodies(forGuild: boolean): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((module) => {
    const body = structuredClone(definitionOf(module));
    if (forGuild) {
      // Guild commands do not support the BOT_DM / PRIVATE_CHANNEL contexts or user installs.
      delete body.contexts;
      delete body.integration_types;
    }
    return body;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { guild: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) {
    process.stderr.write('--guild must be a server id (17 to 20 digits).\n');
    return 1;
  }
  const body = commandBodies(values.guild !== undefined);
  if (values['dry-run']) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const config = await configFromEnvironment();
  if (!config) return 1;
  if (!config.discordToken || !config.applicationId) {
    process.stderr.write('deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment).\n');
    return 1;
  }
  const rest = new REST({ api: config.discordApiBase }).setToken(config.discordToken);
  const route = values.guild ? Routes.applicationGuildCommands(config.applicationId, values.guild) : Routes.applicationCommands(config.applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  process.stdout.write(`Deployed ${result.length} commands ${values.guild ? `to server ${values.guild}` : 'globally (may take a few minutes to appear)'}.\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`deploy failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
