// Bad input never crashes anything: for every command in the registry, every subcommand, random option
// values of the declared types (in and out of the declared ranges, absent or present, hostile text)
// must produce a reply without reaching the router's "unexpected error" path. Same for autocomplete
// and for button presses with forged custom ids.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApplicationCommandOptionType as T, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { definitionOf } from '../../src/router/parse.ts';
import type { CommandRequest, OptionValue } from '../../src/router/types.ts';
import type { ComponentReply, Reply } from '../../src/render/types.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-prop-'));
const logs: Record<string, any>[] = [];
const sink = new Writable({ write: (chunk, _e, cb) => (logs.push(JSON.parse(String(chunk))), cb()) });
const app = createApp({
  config: loadConfig({ DATABASE_PATH: path.join(dir, 'db.sqlite') }),
  logger: createLogger('warn', sink),
  deferAfterMs: 60_000,
  fetchAttachment: async () => Buffer.from('{"not":"what you expect"'),
});

// User 0 has a private active character: nothing about it may appear in a reply others can see.
const SECRET = 'Zelgius Secretkeeper';
await app.services.store().createCharacter('200000000000000001', { name: SECRET, className: 'Wretch' });
await app.services.store().addRunes({ userId: '200000000000000001' }, 1_234_567);

/** A reply visible to others (not ephemeral, in a server) that shows the private character. */
function leaks(reply: Reply, guild: boolean): boolean {
  return guild && !reply.ephemeral && /Zelgius|Secretkeeper/.test(JSON.stringify(reply));
}

afterAll(async () => {
  await app.shutdown(1000);
  rmSync(dir, { recursive: true, force: true });
});

const hostileText = fc.constantFrom('', ' ', '@everyone', '@here', '<@123456789012345678>', '**bold** __u__ ~~s~~ `c` ||s||', '```', '\u0000\u0007\n\r\t', 'x'.repeat(6001), '😀'.repeat(60), 'Ｍｏｏｎｖｅｉｌ', 'ﷺ', '-1', '1e309', 'NaN', '0x10', '[5]', 'golden rune 5 x999999999999', ',,,', 'level 150');

function valueFor(option: APIApplicationCommandBasicOption): fc.Arbitrary<OptionValue> {
  switch (option.type) {
    case T.String: {
      const choices = 'choices' in option && option.choices?.length ? [fc.constantFrom(...option.choices.map((c) => c.value))] : [];
      return fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 60 }), hostileText, ...choices);
    }
    case T.Integer: {
      const min = option.min_value ?? -1e12;
      const max = option.max_value ?? 1e12;
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.integer(), fc.constantFrom(0, -1, 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 713, 714, 99, 100));
    }
    case T.Number:
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    case T.Boolean:
      return fc.boolean();
    case T.User:
      return fc.record({ kind: fc.constant('user' as const), id: fc.stringMatching(/^\d{17,19}$/), username: fc.string({ maxLength: 10 }) });
    case T.Attachment:
      return fc.record({
        kind: fc.constant('attachment' as const),
        name: fc.string({ maxLength: 20 }),
        url: fc.constant('http://127.0.0.1:9/none.json'),
        size: fc.integer({ min: 0, max: 50_000_000 }),
      });
    default:
      return fc.constant('x');
  }
}

function leaves() {
  const out: { commandName: string; group: string | null; subcommand: string | null; options: APIApplicationCommandBasicOption[] }[] = [];
  for (const module of COMMANDS) {
    const def = definitionOf(module);
    const top = def.options ?? [];
    const basic = top.filter((o) => o.type !== T.Subcommand && o.type !== T.SubcommandGroup) as APIApplicationCommandBasicOption[];
    if (basic.length === top.length) out.push({ commandName: def.name, group: null, subcommand: null, options: basic });
    for (const o of top) {
      if (o.type === T.Subcommand) out.push({ commandName: def.name, group: null, subcommand: o.name, options: (o.options ?? []) as APIApplicationCommandBasicOption[] });
      if (o.type === T.SubcommandGroup) {
        for (const s of o.options ?? []) out.push({ commandName: def.name, group: o.name, subcommand: s.name, options: (s.options ?? []) as APIApplicationCommandBasicOption[] });
      }
    }
  }
  return out;
}

function optionsArbitrary(options: APIApplicationCommandBasicOption[]): fc.Arbitrary<Record<string, OptionValue>> {
  const shape: Record<string, fc.Arbitrary<OptionValue>> = {};
  for (const option of options) shape[option.name] = valueFor(option);
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Record<string, OptionValue>>;
}

const users = ['200000000000000001', '200000000000000002'];
const base = (userIndex: number, guild: boolean) => ({
  user: { id: users[userIndex % users.length]!, username: 'prop' },
  guildId: guild ? '300000000000000001' : null,
  channelId: null,
  locale: 'en-US',
  surface: 'gateway' as const,
});

function unexpectedErrors(): Record<string, any>[] {
  return logs.filter((l) => l.errorId || l.msg === 'autocomplete failed');
}

describe.each(leaves())('/$commandName $group $subcommand', (leaf) => {
  it('answers any option values with a reply, never an unexpected error', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArbitrary(leaf.options), fc.nat(), fc.boolean(), async (options, who, guild) => {
        const before = logs.length;
        let reply: Reply | undefined;
        const request: CommandRequest = { ...base(who, guild), commandName: leaf.commandName, group: leaf.group, subcommand: leaf.subcommand, options };
        await app.router.runCommand(request, { defer: async () => undefined, send: async (r) => void (reply = r) });
        expect(reply).toBeDefined();
        expect(leaks(reply!, guild), JSON.stringify({ options, reply })).toBe(false);
        const errors = unexpectedErrors().filter((l) => logs.indexOf(l) >= before);
        expect(errors, JSON.stringify({ options, errors: errors.map((e) => e.err?.stack ?? e.msg) })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  const autocompleted = leaf.options.filter((o) => 'autocomplete' in o && o.autocomplete);
  if (autocompleted.length) {
    it('answers any autocomplete text with at most 25 choices', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...autocompleted.map((o) => o.name)), fc.oneof(fc.string({ maxLength: 120 }), hostileText), fc.nat(), async (focused, text, who) => {
          const before = logs.length;
          const choices = await app.router.runAutocomplete({ ...base(who, false), commandName: leaf.commandName, group: leaf.group, subcommand: leaf.subcommand, options: { [focused]: text }, focused });
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(unexpectedErrors().filter((l) => logs.indexOf(l) >= before)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('forged button presses', () => {
  it('get a reply, never an unexpected error', async () => {
    const names = COMMANDS.map((m) => m.data.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String)), { maxLength: 6 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), fc.nat(), fc.boolean(), async (name, parts, values, who, guild) => {
        const before = logs.length;
        let result: ComponentReply | undefined;
        await app.router.runComponent(
          { ...base(who, guild), customId: [name, ...parts].join(':').slice(0, 100), values, messageEphemeral: false },
          { deferUpdate: async () => undefined, send: async (r) => void (result = r) },
        );
        expect(result).toBeDefined();
        expect(leaks(result!.reply, guild)).toBe(false);
        expect(unexpectedErrors().filter((l) => logs.indexOf(l) >= before)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
