import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { completeLine } from '../../src/cli/complete.ts';
import { ConsoleSession } from '../../src/cli/session.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { slashCommand } from '../../src/router/define.ts';
import type { CommandModule } from '../../src/router/types.ts';

const runes: CommandModule = {
  data: slashCommand('runes', 'Rune arithmetic').addSubcommand((sub) =>
    sub
      .setName('level')
      .setDescription('level')
      .addIntegerOption((o) => o.setName('from').setDescription('from').setRequired(true))
      .addIntegerOption((o) => o.setName('to').setDescription('to').setRequired(true))
      .addBooleanOption((o) => o.setName('breakdown').setDescription('b')),
  ),
  examples: [],
  execute: () => ({ content: 'ok' }),
};
const item: CommandModule = {
  data: slashCommand('item', 'Look up').addStringOption((o) => o.setName('name').setDescription('n').setRequired(true).setAutocomplete(true)),
  examples: [],
  execute: () => ({ content: 'ok' }),
  autocomplete: ({ query }) =>
    ['Rivers of Blood', 'Ring of Light', 'Moonveil'].filter((n) => n.toLowerCase().startsWith(query.toLowerCase())).map((n) => ({ name: `${n} · x`, value: n })),
};

const modules = [runes, item];
const app = createApp({ config: loadConfig({ DATABASE_PATH: ':memory:' }), logger: createLogger('silent'), commands: modules });
const session = new ConsoleSession(app.router, { userId: '100000000000000001', guildId: null });
const complete = (line: string) => completeLine(line, modules, session);

describe('console tab completion', () => {
  it('completes command names', async () => {
    expect(await complete('/ru')).toEqual([['/runes '], '/ru']);
    expect(await complete('')).toEqual([['/runes ', '/item '], '']);
  });

  it('completes subcommands and option names', async () => {
    expect(await complete('/runes le')).toEqual([['level '], 'le']);
    expect(await complete('/runes level f')).toEqual([['from:'], 'f']);
    expect(await complete('/runes level from:1 t')).toEqual([['to:'], 't']);
  });

  it('completes values from the command’s own autocomplete and booleans', async () => {
    expect(await complete('/item name:ri')).toEqual([['Rivers of Blood ', 'Ring of Light '], 'ri']);
    expect(await complete('/item name:rivers of')).toEqual([['Rivers of Blood '], 'rivers of']);
    expect(await complete('/runes level from:1 to:5 breakdown:t')).toEqual([['true '], 't']);
  });
});
