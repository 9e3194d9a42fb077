// Property tests for the rune calculator's commands: no option values at all — declared types or not,
// huge, negative, fractional, NaN-like strings, any Unicode, markdown, mentions — make a handler reach
// the router's error path (which logs an errorId). Every refusal is a private reply that says what is
// valid, and nothing the user typed comes back as a live mention.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApplicationCommandOptionType as T, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { classCommand } from '../../commands/class.ts';
import { matchmaking } from '../../commands/matchmaking.ts';
import { runes } from '../../commands/runes.ts';
import { stats } from '../../commands/stats.ts';
import { upgrade } from '../../commands/upgrade.ts';
import { definitionOf } from '../../src/router/parse.ts';
import type { OptionValue } from '../../src/router/types.ts';
import type { Reply } from '../../src/render/types.ts';
import { USER_ID, OTHER_USER_ID, makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());
beforeAll(async () => {
  // USER_ID has an active character (defaults apply); OTHER_USER_ID has none.
  await t.app.services.store().createCharacter(USER_ID, { name: '@here **Ranni**', className: 'Wretch', stats: { vigor: 60 } });
  await t.app.services.store().addRunes({ userId: USER_ID }, 123_456);
});

const MODULES = [runes, upgrade, classCommand, stats, matchmaking];

function leaves() {
  const out: { command: string; subcommand: string | null; options: APIApplicationCommandBasicOption[] }[] = [];
  for (const module of MODULES) {
    const def = definitionOf(module);
    const top = def.options ?? [];
    const subs = top.filter((o) => o.type === T.Subcommand);
    if (subs.length === 0) out.push({ command: def.name, subcommand: null, options: top as APIApplicationCommandBasicOption[] });
    for (const sub of subs) if (sub.type === T.Subcommand) out.push({ command: def.name, subcommand: sub.name, options: (sub.options ?? []) as APIApplicationCommandBasicOption[] });
  }
  return out;
}

const nastyStrings = fc.constantFrom(
  '', ' ', '0', '-0', '-1', '714', '1e309', '-1e309', 'NaN', 'Infinity', '0x1F', '1_000', '1,000', '١٢٣', '12abc', '3.5', '9'.repeat(40),
  '@everyone', '@here', '<@123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>', '**bold** _i_ ~~s~~ `c` ||spoiler|| > quote',
  '```js\nboom\n```', '[link](https://example.com)', '\u0000\u001f\u007f', '\u200b\u202e', 'Ｌｏｎｇｓｗｏｒｄ', 'golden rune 5 x99999', 'lords rune ×0',
  ',,,', 'x3', '3x', 'level 0', 'level 714', 'level 150', '1.5m', '999999999999999b', 'Moonveil +99', 'Moonveil +', '+5', '😀'.repeat(30), 'a'.repeat(5000),
);

/** Any value a command might receive, whatever its declared type (DMs and forged payloads are not validated). */
const anyValue: fc.Arbitrary<OptionValue> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e12, 1e12 + 1, 1e300, -1e300, NaN, Infinity, -Infinity, 0.5, -0, 713, 714, 712, 99, 100, 25, 26, 10, 11),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  nastyStrings,
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.record({ kind: fc.constant('user' as const), id: fc.constant('123456789012345678'), username: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('attachment' as const), name: fc.string({ maxLength: 8 }), url: fc.constant('http://127.0.0.1:9/x'), size: fc.nat() }),
);

/** Values of the declared type, in and around the declared range (what Discord itself would send). */
function typedValue(option: APIApplicationCommandBasicOption): fc.Arbitrary<OptionValue> {
  switch (option.type) {
    case T.Integer: {
      const min = option.min_value ?? -1e6;
      const max = option.max_value ?? 1e6;
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) }), fc.constantFrom(min - 1, max + 1, min, max));
    }
    case T.Number:
      return fc.oneof(fc.double({ min: option.min_value ?? -1e6, max: option.max_value ?? 1e6, noNaN: true }), fc.double());
    case T.Boolean:
      return fc.boolean();
    case T.String:
      return 'choices' in option && option.choices?.length ? fc.oneof(fc.constantFrom(...option.choices.map((c) => c.value)), nastyStrings) : fc.oneof(nastyStrings, fc.string({ maxLength: 60 }));
    default:
      return anyValue;
  }
}

function optionsFor(options: APIApplicationCommandBasicOption[]): fc.Arbitrary<Record<string, OptionValue>> {
  const shape: Record<string, fc.Arbitrary<OptionValue>> = {};
  for (const option of options) shape[option.name] = fc.oneof({ weight: 2, arbitrary: typedValue(option) }, { weight: 1, arbitrary: anyValue });
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Record<string, OptionValue>>;
}

/** A refusal must say what is valid: a range, the choices, the closest names, or what to give. */
const STATES_WHAT_IS_VALID =
  /must be|must not|Give |Use one of|Closest names|is required|at least|at most|already|cannot be upgraded|matches several|found no|either|no upgrade costs|Classes:|only applies|List at most|goes up to|counts go from/;

function checkReply(reply: Reply, context: unknown): void {
  const rendered = text(reply); // renders within Discord's limits
  const all = JSON.stringify(reply);
  expect(all, JSON.stringify(context)).not.toMatch(/@(everyone|here)/);
  expect(all, JSON.stringify(context)).not.toMatch(/<@[!&]?\d+>|<#\d+>/);
  if (reply.ephemeral) {
    expect(reply.content ?? '', JSON.stringify(context)).toMatch(STATES_WHAT_IS_VALID);
    expect(reply.content).not.toMatch(/Something went wrong/);
  } else {
    expect(rendered.length).toBeGreaterThan(0);
  }
}

describe.each(leaves())('/$command $subcommand', (leaf) => {
  it('never reaches the error path, and every refusal states what is valid', async () => {
    await fc.assert(
      fc.asyncProperty(optionsFor(leaf.options), fc.boolean(), async (options, withCharacter) => {
        const before = t.logs.length;
        const reply = await t.run(leaf.command, leaf.subcommand, options, { userId: withCharacter ? USER_ID : OTHER_USER_ID });
        expect(t.unexpected(before), JSON.stringify(options)).toEqual([]);
        checkReply(reply, options);
      }),
      { numRuns: 150 },
    );
  });
});

describe('forged inputs outside the options', () => {
  it('an unknown or missing subcommand is a private hint', async () => {
    for (const sub of [null, 'nope', '']) {
      const reply = await t.run('runes', sub, {});
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/Use one of/);
      expect((await t.run('class', sub, {})).content).toMatch(/Use one of: `\/class best`, `\/class info`/);
    }
  });

  it('forged breakdown buttons never reach the error path', async () => {
    const part = fc.oneof(fc.integer().map(String), fc.constantFrom('-', '', 'bd', '713', '1', '0', '9999999999999', 'NaN'), fc.string({ maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 6 }), async (parts) => {
        const before = t.logs.length;
        const result = await t.press(['runes', ...parts].join(':').slice(0, 100));
        expect(t.unexpected(before), parts.join(':')).toEqual([]);
        text(result.reply);
      }),
      { numRuns: 300 },
    );
  });

  it('autocomplete answers any text with at most 25 short choices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('weapon', 'ash', 'from'), fc.oneof(nastyStrings, fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 40 })), async (focused, query) => {
        const before = t.logs.length;
        const choices = await t.app.router.runAutocomplete({
          user: { id: USER_ID, username: 'p' },
          guildId: null,
          channelId: null,
          locale: 'en-US',
          surface: 'gateway',
          commandName: 'upgrade',
          group: null,
          subcommand: null,
          options: { [focused]: query },
          focused,
        });
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
        expect(t.unexpected(before)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
