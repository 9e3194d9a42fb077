// Replies are in a player's words: every example /help shows, run through the router (as the bot, the
// console and DM text run it), and the /item card of a sample of every category, must carry no param or
// file names, section signs, source tags ("regulation@1.16.1"), issue numbers or "regulation 1.x"; each
// card built from the game data ends with the one line "Game data: patch 1.16.1".

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { CATEGORIES } from '../../src/items/types.ts';
import { getItemIndex, type ItemIndex } from '../../src/items/search.ts';
import { definitionOf, parseCommandLine } from '../../src/router/parse.ts';
import type { CommandRequest, OptionValue } from '../../src/router/types.ts';
import type { Reply } from '../../src/render/types.ts';

/** What a player must never read, each with what it is. */
const JARGON: readonly [RegExp, string][] = [
  [/[A-Za-z]Param(?:\b|_)/, 'a param name'],
  [/CalcCorrectGraph|paramdef|regulation\.bin|soulRate|reinforcePrice|spEffect|refId_|sortId/i, 'a param or field name'],
  [/\.(?:json|md|ts|tsv|csv|xml|bin)\b/i, 'a file name'],
  [/§/, 'a section sign'],
  [/\b[\w-]+@[\w.-]*\w/, 'a source tag'],
  [/\bissue\s*#?\d+/i, 'an issue number'],
  [/\bregulation\s*1\./i, 'a regulation version'],
  [/\[(?:S1|V2|UNVERIFIED|CONFLICT)\]|single[- ]source/i, 'a confidence tag'],
];

function jargonIn(text: string): string[] {
  return JARGON.filter(([pattern]) => pattern.test(text)).map(([pattern, what]) => `${what} (${pattern.exec(text)![0]})`);
}

/** Every text of a reply a player reads: content, embeds, button labels, menu options. */
function visibleText(reply: Reply): string {
  const parts: string[] = [reply.content ?? ''];
  for (const e of reply.embeds ?? []) parts.push(e.title ?? '', e.description ?? '', e.footer ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]));
  for (const row of reply.components ?? []) {
    if (Array.isArray(row)) parts.push(...row.map((b) => b.label));
    else parts.push(row.placeholder ?? '', ...row.options.flatMap((o) => [o.label, o.description ?? '']));
  }
  for (const f of reply.files ?? []) parts.push(f.description ?? '');
  return parts.join('\n');
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-plain-'));
const app = createApp({
  config: loadConfig({ DATABASE_PATH: path.join(dir, 'db.sqlite') }),
  logger: createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })),
  deferAfterMs: 60_000,
});
afterAll(async () => {
  await app.shutdown(1000);
  rmSync(dir, { recursive: true, force: true });
});

async function run(line: string, userId = '500000000000000001'): Promise<Reply> {
  const parsed = parseCommandLine(line, COMMANDS, { allowFiles: false });
  if (!parsed.ok) throw new Error(parsed.error);
  const { commandName, group, subcommand, options } = parsed.value;
  const request: CommandRequest = {
    user: { id: userId, username: 'tester' },
    guildId: null,
    channelId: null,
    locale: 'en-US',
    surface: 'gateway',
    commandName,
    group,
    subcommand,
    options: options as Record<string, OptionValue>,
  };
  let reply: Reply | undefined;
  await app.router.runCommand(request, { defer: async () => undefined, send: async (r) => void (reply = r) });
  if (!reply) throw new Error(`no reply to ${line}`);
  return reply;
}

const examples = COMMANDS.flatMap((module) => module.examples.map((example) => ({ command: definitionOf(module).name, usage: example.usage })));

describe('the jargon check itself', () => {
  it('catches what the old replies said', () => {
    for (const old of [
      'Level costs: exact integer form of the game formula (CalcCorrectGraph row 200, regulation 1.09/1.10; mechanics.md §1)',
      'Item data: Longsword from regulation@1.16.1, erdb@1.10.0, patch 1.16.1',
      'Rune values: SpEffectParam.soul',
      'wired in issue 5',
      'single source (erdb reading of the params)',
    ]) {
      expect(jargonIn(old), old).not.toEqual([]);
    }
    expect(jargonIn('Game data: patch 1.16.1')).toEqual([]);
    expect(jargonIn('⚠ Gold Scarab with Fowl Foot counted as ×1.56; the game might add them (×1.5) instead')).toEqual([]);
  });
});

describe('every /help example, in plain words', () => {
  const user = '500000000000000002';
  // Examples that speak about "your active character" need one.
  beforeAll(async () => {
    await run('/character create name:Melina class:Vagabond', user);
    await run('/character runes add amount:200000', user);
  });

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(30);
  });

  it.each(examples)('$usage', { timeout: 60_000 }, async ({ usage }) => {
    const parsed = parseCommandLine(usage, COMMANDS, { allowFiles: false });
    if (!parsed.ok && /attach the file/.test(parsed.error)) return; // needs a real attachment
    const reply = await run(usage, user);
    const text = visibleText(reply);
    expect(text.trim().length, usage).toBeGreaterThan(0);
    expect(jargonIn(text), `${usage}\n${text}`).toEqual([]);
  });
});

describe('/item cards of every category', () => {
  const index = getItemIndex() as ItemIndex;
  const sample = CATEGORIES.flatMap((category) => {
    const all = index.items.filter((i) => i.category === category);
    const dlc = all.find((i) => i.dlc);
    return [...all.slice(0, 3), ...(dlc ? [dlc] : [])].map((item) => ({ category, key: item.key, name: item.name }));
  });

  it('samples every category', () => {
    expect(new Set(sample.map((s) => s.category)).size).toBe(CATEGORIES.length);
  });

  it.each(sample)('$category: $name', async ({ key }) => {
    // the item's key picks exactly that record (names can be shared: Beast Claw)
    const reply = await run(`/item name:${key}`);
    const embed = reply.embeds![0]!;
    expect(embed.footer).toBe('Game data: patch 1.16.1');
    expect(jargonIn(visibleText(reply))).toEqual([]);
  });
});
