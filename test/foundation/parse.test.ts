import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slashCommand } from '../../src/router/define.ts';
import { parseCommandLine } from '../../src/router/parse.ts';
import type { CommandModule } from '../../src/router/types.ts';

const runes: CommandModule = {
  data: (() => {
    const builder = slashCommand('runes', 'Rune arithmetic');
    builder.addSubcommand((sub) =>
      sub
        .setName('level')
        .setDescription('Runes from one level to another')
        .addIntegerOption((o) => o.setName('from').setDescription('from').setRequired(true).setMinValue(1).setMaxValue(712))
        .addIntegerOption((o) => o.setName('to').setDescription('to').setRequired(true).setMinValue(2).setMaxValue(713))
        .addIntegerOption((o) => o.setName('held').setDescription('held').setMinValue(0)),
    );
    builder.addSubcommandGroup((group) =>
      group
        .setName('items')
        .setDescription('Rune items')
        .addSubcommand((sub) => sub.setName('value').setDescription('value').addStringOption((o) => o.setName('list').setDescription('list').setRequired(true))),
    );
    return builder;
  })(),
  examples: [],
  execute: () => ({ content: 'ok' }),
};

const item: CommandModule = {
  data: slashCommand('item', 'Look up an item')
    .addStringOption((o) => o.setName('name').setDescription('name').setRequired(true).setAutocomplete(true))
    .addStringOption((o) => o.setName('category').setDescription('category').addChoices({ name: 'Weapon', value: 'weapon' }, { name: 'Armor', value: 'armor' }))
    .addBooleanOption((o) => o.setName('dlc').setDescription('dlc')),
  examples: [],
  execute: () => ({ content: 'ok' }),
};

const modules = [runes, item];

describe('parseCommandLine', () => {
  it('parses subcommands and typed options', () => {
    expect(parseCommandLine('/runes level from:1 to:150', modules)).toEqual({
      ok: true,
      value: { commandName: 'runes', group: null, subcommand: 'level', options: { from: 1, to: 150 }, focused: 'to' },
    });
    expect(parseCommandLine('/runes level from:1,000 to:150 held:12_000', modules)).toMatchObject({ ok: false });
    expect(parseCommandLine('/runes level from:10 to:150 held:1,200,000', modules)).toMatchObject({ ok: true, value: { options: { held: 1_200_000 } } });
  });

  it('parses subcommand groups', () => {
    expect(parseCommandLine('/runes items value list:golden rune 5 x3, lords rune', modules)).toMatchObject({
      ok: true,
      value: { group: 'items', subcommand: 'value', options: { list: 'golden rune 5 x3, lords rune' } },
    });
  });

  it('takes values with spaces without quotes, and strips quotes when given', () => {
    expect(parseCommandLine('/item name:rivers of blood', modules)).toMatchObject({ ok: true, value: { options: { name: 'rivers of blood' } } });
    expect(parseCommandLine('/item name:"moonveil" dlc:no', modules)).toMatchObject({ ok: true, value: { options: { name: 'moonveil', dlc: false } } });
    expect(parseCommandLine('item name:Sword: of Night category:Weapon', modules)).toMatchObject({
      ok: true,
      value: { options: { name: 'Sword: of Night', category: 'weapon' } },
    });
  });

  it('explains what is valid when the line is wrong', () => {
    const error = (line: string) => {
      const result = parseCommandLine(line, modules);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error;
    };
    expect(error('/nope')).toMatch(/Unknown command `\/nope`.*\/runes, \/item/);
    expect(error('/runes')).toMatch(/needs one of: level, items/);
    expect(error('/runes level from:0 to:5')).toMatch(/`from` must be a whole number from 1 to 712/);
    expect(error('/runes level from:1')).toMatch(/^Missing required option for `\/runes level`: `to:` — \S/); // then the option's description
    expect(error('/runes level from:abc to:5')).toMatch(/`from` must be a whole number/);
    expect(error('/runes level frm:1 to:5')).toMatch(/Unknown option `frm`/);
    expect(error('/item name:x category:shoes')).toMatch(/must be one of: weapon, armor/);
    expect(error('/item name:x dlc:maybe')).toMatch(/true or false/);
    expect(error('/item rivers')).toMatch(/name:value/);
  });

  it('in autocomplete mode keeps partial values and reports the focused option', () => {
    expect(parseCommandLine('/item name:rivers of bl', modules, { autocomplete: true })).toEqual({
      ok: true,
      value: { commandName: 'item', group: null, subcommand: null, options: { name: 'rivers of bl' }, focused: 'name' },
    });
    expect(parseCommandLine('/runes level from:', modules, { autocomplete: true })).toMatchObject({ ok: true, value: { focused: 'from', options: { from: '' } } });
  });

  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' , maxLength: 300 }), (tail) => {
        for (const prefix of ['', '/', '/runes ', '/runes level ', '/item name:', '/runes items value list:']) {
          const result = parseCommandLine(prefix + tail, modules);
          expect(typeof result.ok).toBe('boolean');
          parseCommandLine(prefix + tail, modules, { autocomplete: true });
        }
      }),
      { numRuns: 300 },
    );
  });
});
