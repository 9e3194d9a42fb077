// Commands typed as text (the console, DM text) are refused the way Discord would never send them:
// an option the command does not have, or one option given twice. Checked over every leaf of the real
// registry with random values, unknown names and positions.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApplicationCommandOptionType as T, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { definitionOf, parseCommandLine } from '../../src/router/parse.ts';

interface Leaf {
  path: string;
  options: APIApplicationCommandBasicOption[];
}

function leaves(): Leaf[] {
  const out: Leaf[] = [];
  for (const module of COMMANDS) {
    const def = definitionOf(module);
    const top = def.options ?? [];
    const basic = top.filter((o) => o.type !== T.Subcommand && o.type !== T.SubcommandGroup) as APIApplicationCommandBasicOption[];
    if (basic.length === top.length) out.push({ path: `/${def.name}`, options: basic });
    for (const o of top) {
      if (o.type === T.Subcommand) out.push({ path: `/${def.name} ${o.name}`, options: (o.options ?? []) as APIApplicationCommandBasicOption[] });
      if (o.type === T.SubcommandGroup) {
        for (const s of o.options ?? []) out.push({ path: `/${def.name} ${o.name} ${s.name}`, options: (s.options ?? []) as APIApplicationCommandBasicOption[] });
      }
    }
  }
  return out;
}

/** A value that is valid for the option, written as a user would type it. */
function typedValue(option: APIApplicationCommandBasicOption): fc.Arbitrary<string> {
  if ('choices' in option && option.choices?.length) return fc.constantFrom(...option.choices.map((c) => String(c.value)));
  switch (option.type) {
    case T.Integer:
    case T.Number: {
      const min = Math.ceil(option.min_value ?? 0);
      const max = Math.floor(option.max_value ?? 1_000_000);
      return fc.integer({ min, max: Math.max(min, max) }).map(String);
    }
    case T.Boolean:
      return fc.constantFrom('true', 'false');
    case T.User:
      return fc.constant('123456789012345678');
    case T.String: {
      const max = option.max_length ?? 40;
      return fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,2}$/).filter((s) => s.length <= max && s.length >= (option.min_length ?? 1));
    }
    default:
      return fc.constant('x');
  }
}

const typable = leaves().filter((leaf) => leaf.options.every((o) => o.type !== T.Attachment));
const optionName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/);

describe.each(typable)('$path typed as text', (leaf) => {
  const known = new Set(leaf.options.map((o) => o.name));
  const valid = leaf.options.length ? `options: ${leaf.options.map((o) => o.name).join(', ')}` : 'it takes no options';

  it('refuses an option it does not have, wherever it stands, naming the valid ones', () => {
    fc.assert(
      fc.property(
        fc.subarray(leaf.options),
        optionName.filter((name) => !known.has(name)),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 12 }).filter((v) => /^\S/.test(v)),
        (present, bogus, at, bogusValue) => {
          const parts = present.map((o) => fc.sample(typedValue(o), 1)[0]).map((v, i) => `${present[i]!.name}:${v}`);
          parts.splice(at % (parts.length + 1), 0, `${bogus}:${bogusValue}`);
          const result = parseCommandLine(`${leaf.path} ${parts.join(' ')}`, COMMANDS);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error).toContain(`Unknown option \`${bogus}\``);
            expect(result.error).toContain(`\`${leaf.path}\` (${valid})`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  const required = leaf.options.filter((o) => o.required);
  if (required.length) {
    it('refuses a line without its required options, naming each with what it means', () => {
      const result = parseCommandLine(leaf.path, COMMANDS);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toContain(`for \`${leaf.path}\``);
        for (const o of required) expect(result.error).toContain(`\`${o.name}:\` — ${o.description}`);
      }
    });
  }

  if (leaf.options.length) {
    it('refuses an option given twice', () => {
      fc.assert(
        fc.property(fc.constantFrom(...leaf.options), fc.nat(), (option, seed) => {
          const [a, b] = fc.sample(typedValue(option), { numRuns: 2, seed });
          const line = `${leaf.path} ${option.name}:${a} ${option.name}:${b}`;
          const result = parseCommandLine(line, COMMANDS);
          expect(result.ok, line).toBe(false);
          if (!result.ok) expect(result.error).toContain(`\`${option.name}\` is given twice`);
        }),
        { numRuns: 20 },
      );
    });

    it('reads back exactly the options typed, with spaces in text values', () => {
      fc.assert(
        fc.property(fc.subarray(leaf.options, { minLength: 1 }), fc.nat(), (present, seed) => {
          const values = present.map((o, i) => fc.sample(typedValue(o), { numRuns: 1, seed: seed + i })[0]!);
          const line = `${leaf.path} ${present.map((o, i) => `${o.name}:${values[i]}`).join(' ')}`;
          const result = parseCommandLine(line, COMMANDS, { autocomplete: true });
          expect(result.ok, line).toBe(true);
          if (result.ok) expect(result.value.options).toEqual(Object.fromEntries(present.map((o, i) => [o.name, values[i]])));
        }),
        { numRuns: 20 },
      );
    });
  }
});

describe('typed commands: the examples from the report', () => {
  it('/runes level from:1 to:150 bogus:1 names the bad option and the valid ones', () => {
    const result = parseCommandLine('/runes level from:1 to:150 bogus:1', COMMANDS);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) {
      expect(result.error).toMatch(/^Unknown option `bogus` for `\/runes level` \(options: .*\)\.$/);
      for (const name of ['from', 'to', 'held', 'breakdown']) expect(result.error).toMatch(new RegExp(`[ :]${name}[,)]`));
    }
  });

  it('/item name:moonveil bogus:1 is refused instead of searching for "moonveil bogus:1"', () => {
    expect(parseCommandLine('/item name:moonveil bogus:1', COMMANDS)).toMatchObject({ ok: false });
  });

  it('item names with a colon and a space still need no quotes', () => {
    expect(parseCommandLine("/item name:Ash of War: Lion's Claw", COMMANDS)).toMatchObject({ ok: true, value: { options: { name: "Ash of War: Lion's Claw" } } });
  });

  it('a repeated option is refused, not silently the last', () => {
    expect(parseCommandLine('/runes level from:1 to:100 to:150', COMMANDS)).toMatchObject({ ok: false, error: expect.stringContaining('`to` is given twice') });
  });
});
