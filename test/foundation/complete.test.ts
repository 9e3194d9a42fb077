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

const upgrade: CommandModule = {
  data: slashCommand('upgrade', 'Upgrade').addStringOption((o) => o.setName('weapon').setDescription('w').setAutocomplete(true)),
  examples: [],
  execute: () => ({ content: 'ok' }),
  // Values are internal keys, as Discord should get them; `typed` is the name.
  autocomplete: () => [
    { name: 'Beast Claw (fist)', value: 'weapon:9060000', typed: 'Beast Claw' },
    { name: 'Crafting thing', value: 'crafting_material:20683', typed: 'Crafting Thing' },
  ],
};

const modules = [runes, item, upgrade];
const app = createApp({ config: loadConfig({ DATABASE_PATH: ':memory:' }), logger: createLogger('silent'), commands: modules });
const session = new ConsoleSession(app.router, { userId: '100000000000000001', guildId: null });
const complete = (line: string) => completeLine(line, modules, session);

describe('console tab completion', () => {
  it('completes command names', async () => {
    expect(await complete('/ru')).toEqual([['/runes '], '/ru']);
    expect(await complete('')).toEqual([['/runes ', '/item ', '/upgrade '], '']);
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

  it('writes names, never internal keys, when a command answers with keys', async () => {
    expect(await complete('/upgrade weapon:b')).toEqual([['Beast Claw ', 'Crafting Thing '], 'b']);
    // What Discord gets is unchanged: the keys.
    expect((await session.autocomplete('/upgrade weapon:b')).map((c) => c.value)).toEqual(['weapon:9060000', 'crafting_material:20683']);
  });
});
