// Command definitions as typed data: one statement of each option gives the Discord JSON, the handler's
// argument type and the check of every value, with one message per mistake on every surface.

import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand, leaf } from '../../src/router/command.ts';
import { parseCommandLine } from '../../src/router/parse.ts';
import { boolean, integer, readArgs, string, type ArgsOf } from '../../src/router/spec.ts';
import { UserError } from '../../src/errors.ts';

const LEVEL_OPTIONS = {
  from: integer('The level you are at', { min: 1, max: 712, noun: 'a level' }),
  to: integer('The level to reach', { min: 2, max: 713, noun: 'a level', required: true }),
  breakdown: boolean('Show every level'),
  note: string('A note', { maxLength: 10 }),
};

let seen: ArgsOf<typeof LEVEL_OPTIONS> | undefined;
const runes = defineCommand({
  name: 'runes',
  description: 'Rune arithmetic',
  examples: [],
  subcommands: {
    level: leaf({
      description: 'Runes from one level to another',
      options: LEVEL_OPTIONS,
      execute(_context, args) {
        seen = args;
        // @ts-expect-error an option the definition does not have is a type error, not a silent undefined
        void args.too;
        return { content: `${args.to}` };
      },
    }),
  },
});

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('typed command definitions', () => {
  it('derives the handler argument type from the definition', () => {
    expectTypeOf<ArgsOf<typeof LEVEL_OPTIONS>>().toEqualTypeOf<{ to: number } & { from?: number; breakdown?: boolean; note?: string }>();
  });

  it('builds the Discord JSON from the same statement: ranges, required first, everywhere-contexts', () => {
    const json = runes.data.toJSON();
    expect(json.integration_types).toEqual([0, 1]);
    expect(json.contexts).toEqual([0, 1, 2]);
    const level = json.options![0]!;
    expect(level).toMatchObject({ type: T.Subcommand, name: 'level' });
    const options = 'options' in level ? level.options! : [];
    expect(options.map((o) => o.name)).toEqual(['to', 'from', 'breakdown', 'note']);
    expect(options[0]).toEqual({ type: T.Integer, name: 'to', description: 'The level to reach', required: true, min_value: 2, max_value: 713 });
    expect(options[3]).toMatchObject({ type: T.String, max_length: 10 });
  });

  it('checks every value with one message that says what is valid', () => {
    expect(readArgs(LEVEL_OPTIONS, { to: 150, from: 1 })).toEqual({ to: 150, from: 1 });
    expect(refusal(() => readArgs(LEVEL_OPTIONS, { to: 714 }))).toBe('`to` must be a level from 2 to 713 (you gave 714).');
    expect(refusal(() => readArgs(LEVEL_OPTIONS, { to: 1.5 }))).toBe('`to` must be a level from 2 to 713 (you gave 1.5).');
    expect(refusal(() => readArgs(LEVEL_OPTIONS, { from: 1 }))).toBe('The option `to` is required: a level from 2 to 713.');
    expect(refusal(() => readArgs(LEVEL_OPTIONS, { to: 5, breakdown: 'yes' }))).toBe('`breakdown` must be true or false.');
    expect(refusal(() => readArgs(LEVEL_OPTIONS, { to: 5, note: 'x'.repeat(11) }))).toBe('`note` must be at most 10 characters (you gave 11).');
  });

  it('the console and DM text refuse a value with the very message the router gives', () => {
    const typed = parseCommandLine('/runes level from:1 to:714', [runes]);
    expect(typed).toEqual({ ok: false, error: refusal(() => readArgs(LEVEL_OPTIONS, { from: 1, to: 714 })) });
    const word = parseCommandLine('/runes level to:high', [runes]);
    expect(word).toEqual({ ok: false, error: '`to` must be a level from 2 to 713.' });
  });

  it('dispatches to the subcommand with checked arguments', async () => {
    const reply = await runes.execute({ request: { commandName: 'runes', group: null, subcommand: 'level', options: { to: 150 } } } as never);
    expect(reply).toEqual({ content: '150' });
    expect(seen).toEqual({ to: 150 });
    expect(refusal(() => runes.execute({ request: { commandName: 'runes', group: null, subcommand: 'nope', options: {} } } as never))).toMatch(/Use one of: `\/runes level`/);
  });
});
