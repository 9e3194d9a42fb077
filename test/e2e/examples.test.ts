// Every example /help shows, run through the real discord.js Client against the fake Discord: each one
// is answered (no unexpected error, nothing logged with an error id). Examples that need an attached
// file are covered by the character end-to-end tests.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { definitionOf, parseCommandLine } from '../../src/router/parse.ts';
import { slashCommand, user, type OptionSpec } from '../fake-discord/payloads.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
const player = user('800000000000000701', 'ranni');

beforeAll(async () => {
  h = await startHarness();
  // Some examples speak about "your active character".
  await h.interact(slashCommand('character', { path: ['create'], values: { name: 'Melina', class: 'Vagabond' }, user: player }));
  await h.interact(slashCommand('character', { path: ['runes', 'add'], values: { amount: 200000 }, user: player }));
});

afterAll(async () => {
  await h?.close();
});

const examples = COMMANDS.flatMap((module) => module.examples.map((example) => ({ command: definitionOf(module).name, usage: example.usage })));

describe('every /help example through the real Client', () => {
  it.each(examples)('$usage', async ({ usage }) => {
    const parsed = parseCommandLine(usage, COMMANDS, { allowFiles: false });
    if (!parsed.ok && /attach the file/.test(parsed.error)) return; // needs a real attachment
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
    if (!parsed.ok) return;
    const { commandName, group, subcommand, options } = parsed.value;
    const path = [group, subcommand].filter((p): p is string => p !== null);
    const before = h.logs.length;
    const request = await h.interact(slashCommand(commandName, { path, values: options as OptionSpec, user: player, guild: usage.length % 2 === 0 }));
    const body = request.body as { type: number; data?: { content?: string; embeds?: unknown[]; components?: unknown[]; attachments?: unknown[] } };
    expect([4, 5]).toContain(body.type);
    // A refusal is a bare private sentence; every example gets a real answer: a card, a file, or buttons.
    if (body.type === 4) {
      const substance = (body.data?.embeds?.length ?? 0) + (body.data?.components?.length ?? 0) + (body.data?.attachments?.length ?? 0);
      expect(substance, body.data?.content).toBeGreaterThan(0);
    }
    expect(h.logs.slice(before).filter((l) => l.errorId)).toEqual([]);
  });
});
