// /item autocomplete: Discord's limits, labels that begin with the official name, DLC marked, and the
// item's key as the value (so the chosen value resolves exactly; the console's Tab writes the name).

import { describe, expect, it } from 'vitest';
import { item as itemCommand } from '../../commands/item.ts';
import { choiceLabel } from '../../src/render/itemCard.ts';
import { loadPopularList } from '../../src/items/curated.ts';
import { getItemIndex, type ItemIndex } from '../../src/items/search.ts';
import type { AutocompleteContext } from '../../src/router/types.ts';
import type { Choice } from '../../src/render/types.ts';
import { app, session } from './helpers.ts';

const index = getItemIndex() as ItemIndex;
const labels = new Set(index.items.map(choiceLabel));
const byName = new Map<string, typeof index.items>();
for (const item of index.items) byName.set(item.name, [...(byName.get(item.name) ?? []), item]);

async function choicesFor(query: string, extra: Record<string, string> = {}): Promise<Choice[]> {
  const options = { name: query, ...extra };
  const context: AutocompleteContext = {
    request: { user: { id: '1', username: 'u' }, guildId: null, channelId: null, locale: 'en-US', surface: 'gateway', commandName: 'item', group: null, subcommand: null, options, focused: 'name' },
    query,
    services: app.services,
  };
  return itemCommand.autocomplete!(context);
}

/** What is wrong with a list of choices (empty when all is well); plain checks, so thousands run fast. */
function problems(query: string, choices: Choice[]): string[] {
  const out: string[] = [];
  if (choices.length > 25) out.push(`${query}: ${choices.length} choices`);
  for (const choice of choices) {
    const value = choice.value;
    if (typeof value !== 'string') {
      out.push(`${query}: value ${value} is not a name`);
      continue;
    }
    if (choice.name.length > 100 || value.length > 100) out.push(`${query}: ${choice.name} is too long`);
    // The value is always the item's key; the console writes `typed`, the official name.
    const keyed = index.get(value);
    if (!keyed) out.push(`${query}: ${value} is not an item key`);
    if (keyed && choice.typed !== keyed.name) out.push(`${query}: ${value} types as ${choice.typed}, not ${keyed.name}`);
    const name = keyed?.name ?? value;
    const items = keyed ? [keyed] : byName.get(value);
    if (!items) continue;
    if (!choice.name.startsWith(name)) out.push(`${query}: ${choice.name} does not begin with ${name}`);
    // The label is exactly one item's label: "Name · Class", with "(DLC)" exactly when it is a DLC item.
    const item = items?.find((i) => choiceLabel(i) === choice.name);
    if (!item || !labels.has(choice.name)) out.push(`${query}: ${choice.name} is no item's label`);
    else if (choice.name.endsWith('(DLC)') !== item.dlc) out.push(`${query}: ${choice.name} DLC mark is wrong`);
  }
  return out;
}

function checkChoices(query: string, choices: Choice[]): void {
  expect(problems(query, choices)).toEqual([]);
}

describe('/item autocomplete', () => {
  it('lists Rivers of Blood first for "rivers of bl", labelled with its class', async () => {
    const choices = await session.autocomplete('/item name:rivers of bl');
    expect(choices[0]).toEqual({ name: 'Rivers of Blood · Katana', value: index.items.find((i) => i.name === 'Rivers of Blood')!.key });
  });

  it('keeps every limit for every item name typed at several lengths', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const item of index.items) {
      for (const cut of new Set([1, 3, 6, 10, item.name.length])) {
        const query = item.name.slice(0, cut);
        found.push(...problems(query, await choicesFor(query)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(index.items.length * 3);
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('marks DLC items', async () => {
    const dlc = index.items.find((i) => i.dlc && i.category === 'weapon')!;
    const choices = await choicesFor(dlc.name);
    expect(choices[0]!.name).toBe(`${dlc.name} · ${dlc.subcategory ?? 'Weapon'} (DLC)`);
  });

  it('offers the commonly looked-up items for an empty query', async () => {
    const choices = await choicesFor('');
    expect(choices).toHaveLength(25);
    expect(choices.map((c) => index.get(String(c.value))?.name)).toEqual(loadPopularList().slice(0, 25));
    checkChoices('', choices);
  });

  it('honours the category option', async () => {
    const choices = await choicesFor('beast claw', { category: 'incantation' });
    for (const choice of choices) expect(choice.name).toMatch(/· Incantation/);
    expect((await choicesFor('', { category: 'talisman' })).length).toBe(25);
    checkChoices('claw', await choicesFor('claw', { category: 'not a category' }));
  });

  it('the chosen value resolves to that item', async () => {
    for (const query of ['rivers', 'gpff', 'moonv', 'golden rune', 'mimic', 'misericorde']) {
      for (const choice of (await choicesFor(query)).slice(0, 5)) {
        const item = index.get(choice.value as string)!;
        expect(item.key).toBe(choice.value);
        expect(choice.name.startsWith(item.name)).toBe(true);
      }
    }
  });
});
