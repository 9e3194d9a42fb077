// No query string breaks item search: huge, unicode, control characters, markdown, mentions, item names
// with noise. Neither the index, nor autocomplete, nor the /item and /search handlers (commands, menus,
// buttons, DM text) throw anything but a UserError meant for the player.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { item as itemCommand } from '../../commands/item.ts';
import { search as searchCommand } from '../../commands/search.ts';
import { UserError } from '../../src/errors.ts';
import { getItemIndex, type ItemIndex } from '../../src/items/search.ts';
import { CATEGORIES } from '../../src/items/types.ts';
import { renderChoices, renderMessage } from '../../src/render/discord.ts';
import type { Reply } from '../../src/render/types.ts';
import type { Invocation, OptionValue } from '../../src/router/types.ts';
import { app } from './helpers.ts';

/** What the router gives every handler besides its request (no active character here). */
const tools = { services: app.services, activeCharacter: async () => null, defer: async () => undefined };

const index = getItemIndex() as ItemIndex;
const names = index.items.map((i) => i.name);
const invocation: Invocation = { user: { id: '1', username: 'u' }, guildId: null, channelId: null, locale: 'en-US', surface: 'gateway' };

const hostile = fc.constantFrom(
  '',
  ' ',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<#123456789012345678>',
  '<@&123>',
  '**bold** __u__ ~~s~~ `c` ||s|| > quote',
  '```js\nx\n```',
  '\u0000\u0001\u0007\u001b[31m\n\r\t\u2028\u2029',
  '\u200b\u200d\ufeff',
  '😀'.repeat(60),
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'Ｍｏｏｎｖｅｉｌ',
  'ﷺ',
  'e\u0301\u0301\u0301\u0301',
  '\ud800',
  '\udfff\ud800',
  'Moonveil +99',
  '+',
  '+10',
  '[5]',
  '[[[[[',
  '(((',
  'a:b:c',
  ':::',
  'x'.repeat(6001),
  'a '.repeat(5000),
  'rivers of blood '.repeat(300),
  'i v x ii iii iv',
  'the of and a',
);

const query = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ minLength: 1000, maxLength: 20_000 }),
  hostile,
  fc.tuple(fc.constantFrom(...names), hostile, fc.nat(40)).map(([name, noise, cut]) => `${name.slice(0, cut)}${noise}`),
  fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 8 })).map(([name, noise]) => `${noise}${name}${noise}`),
);

const filters = fc.record({
  category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
  dlc: fc.option(fc.boolean(), { nil: undefined }),
});

/** Run a handler: a reply, or a UserError, nothing else; and the reply renders within Discord's limits. */
async function expectReplyOrUserError(work: () => unknown): Promise<void> {
  try {
    const result = (await work()) as Reply | { mode: string; reply: Reply } | null;
    if (result === null) return;
    const reply = 'mode' in result ? result.reply : result;
    const body = renderMessage(reply);
    expect(JSON.stringify(body)).not.toMatch(/(?<!@\u200b)@everyone/);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

describe('property: no query breaks item search', () => {
  it('search, lookup, suggest, searchText and findExact never throw and keep their limits', () => {
    fc.assert(
      fc.property(query, filters, fc.integer({ min: 1, max: 40 }), (q, f, limit) => {
        const hits = index.search(q, { ...f, limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(new Set(hits.map((h) => h.item.key)).size).toBe(hits.length); // each item once
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
        for (const hit of hits) {
          if (f.category) expect(hit.item.category).toBe(f.category);
          if (f.dlc !== undefined) expect(hit.item.dlc).toBe(f.dlc);
        }
        const result = index.lookup(q, f);
        expect(result.best).toBe(result.hits[0]);
        expect(index.suggest(q, { ...f, limit: 5 }).length).toBeLessThanOrEqual(5);
        expect(Array.isArray(index.searchText(q, f))).toBe(true);
        index.findExact(q, f);
      }),
      { numRuns: 400 },
    );
  });

  it('autocomplete answers within Discord\'s limits', async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.option(fc.oneof(fc.constantFrom(...CATEGORIES), fc.string({ maxLength: 20 })), { nil: undefined }), async (q, category) => {
        const options: Record<string, OptionValue> = { name: q, ...(category !== undefined ? { category } : {}) };
        const choices = await itemCommand.autocomplete!({
          request: { ...invocation, commandName: 'item', group: null, subcommand: null, options, focused: 'name' },
          query: q,
          services: app.services,
        });
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of renderChoices(choices)) {
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('/item and /search handlers answer or refuse politely', async () => {
    const option = fc.option(fc.oneof(fc.constantFrom(...CATEGORIES), fc.string({ maxLength: 30 }), hostile), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(query, option, fc.option(fc.boolean(), { nil: undefined }), async (q, category, dlc) => {
        const itemOptions: Record<string, OptionValue> = { name: q, ...(category !== undefined ? { category } : {}) };
        await expectReplyOrUserError(() =>
          itemCommand.execute({ request: { ...invocation, commandName: 'item', group: null, subcommand: null, options: itemOptions }, ...tools }),
        );
        const searchOptions: Record<string, OptionValue> = { query: q, ...(category !== undefined ? { category } : {}), ...(dlc !== undefined ? { dlc } : {}) };
        await expectReplyOrUserError(() =>
          searchCommand.execute({ request: { ...invocation, commandName: 'search', group: null, subcommand: null, options: searchOptions }, ...tools }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('menus and buttons with forged custom ids and values answer or refuse politely', async () => {
    const part = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('pick', 'n', 'p', '-', '0', '99', '-1', 'y', 'zzzzzz', '1e99'), hostile.map((s) => s.slice(0, 30)));
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 8 }), fc.array(fc.oneof(fc.constantFrom(...index.items.slice(0, 50).map((i) => i.key)), fc.string({ maxLength: 20 })), { maxLength: 3 }), async (args, values) => {
        const request = { ...invocation, customId: '', values };
        await expectReplyOrUserError(() => itemCommand.component!({ request: { ...request, customId: ['item', ...args].join(':') }, args, ...tools }));
        await expectReplyOrUserError(() => searchCommand.component!({ request: { ...request, customId: ['search', ...args].join(':') }, args, ...tools }));
      }),
      { numRuns: 300 },
    );
  });

  it('DM text never throws', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (content) => {
        await expectReplyOrUserError(() => itemCommand.text!({ request: { ...invocation, surface: 'dm-text', content }, ...tools }));
      }),
      { numRuns: 300 },
    );
  });
});
