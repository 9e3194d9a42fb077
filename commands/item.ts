// /item name:<autocomplete> [category]: the item card, with "did you mean" when the name was not exact.
// Also answers plain item names sent to the bot in DMs. The search itself lives in src/items/search.ts.

import { UserError } from '../src/errors.ts';
import { CATEGORY_CHOICES, CATEGORY_LABELS, parseCategory } from '../src/items/categories.ts';
import { choiceLabel, itemCard, wikiButton, type CardCharacter } from '../src/render/itemCard.ts';
import { normalizeName } from '../src/items/normalize.ts';
import { getItemIndex, type ItemIndex } from '../src/items/search.ts';
import { TIER, type SearchFilters, type SearchHit } from '../src/items/searchTypes.ts';
import { requireItemIndex, showItem } from '../src/items/resolve.ts';
import { stockIndexOf } from '../src/items/stock.ts';
import { CATEGORIES, type ItemRecord } from '../src/items/types.ts';
import { escapeUserText } from '../src/text/escape.ts';
import type { ButtonView, Choice, ComponentRow, Reply, SelectView } from '../src/render/types.ts';
import { encodeCustomId, fitField } from '../src/router/customId.ts';
import { defineCommand } from '../src/router/command.ts';
import { string } from '../src/router/spec.ts';
import type { AutocompleteContext } from '../src/router/types.ts';
import { mustStayPrivate, seenByOthers } from '../src/router/privacy.ts';

/** "Did you mean" candidates offered under a card. */
const MAX_ALTERNATIVES = 10;
/** Room left for the query in `item:pick:<category>:<query>` (custom ids are ≤ 100 characters). */
/** Room for the query in a pick menu's id: 100 minus `item:pick:<category>:`. */
const PICK_QUERY_BUDGET = 100 - 'item:pick:20:'.length;
/** DM text longer than this, or with more words, is a conversation, not an item name. */
const DM_MAX_CHARS = 80;
const DM_MAX_WORDS = 8;
/** A whole-name fuzzy match at least this good answers a DM (with "did you mean"). */
const DM_MIN_FUZZY = 0.6;
/** Chat that is not a lookup, whatever the index would make of it. */
const CHAT = new Set(['hi', 'hey', 'hello', 'yo', 'help', 'thanks', 'thank you', 'thx', 'ty', 'ok', 'okay', 'yes', 'no', 'lol', 'bye', 'good bot', 'bad bot', 'start', 'test']);


function pickId(query: string, filters: SearchFilters): string {
  const category = filters.category ? String(CATEGORIES.indexOf(filters.category)) : '-';
  return encodeCustomId('item', 'pick', [category, fitField(normalizeName(query), PICK_QUERY_BUDGET)]);
}

function alternativesMenu(hits: readonly SearchHit[], shown: ItemRecord, query: string, filters: SearchFilters, placeholder: string): SelectView | undefined {
  const others = hits.filter((hit) => hit.item.key !== shown.key).slice(0, MAX_ALTERNATIVES);
  if (!others.length) return undefined;
  return {
    kind: 'select',
    customId: pickId(query, filters),
    placeholder,
    options: others.map((hit) => ({
      label: choiceLabel(hit.item),
      value: hit.item.key,
      ...(hit.item.effect ? { description: hit.item.effect } : {}),
    })),
  };
}

/** The card for `item`, a wiki button, and a select of the other candidates when there are any. */
export function cardReply(
  item: ItemRecord,
  options: {
    index: ItemIndex;
    hits?: readonly SearchHit[];
    query?: string;
    filters?: SearchFilters;
    exact?: boolean;
    character?: CardCharacter | undefined;
    /** The card is private because of the character fields: offer to post the plain card publicly. */
    shareable?: boolean;
  },
): Reply {
  const { index, hits = [], query = item.name, filters = {}, exact = true } = options;
  const rows: ComponentRow[] = [[wikiButton(item), ...(options.shareable ? [shareButton(item)] : [])]];
  // An exact name shared by several items (Beast Claw: a weapon and an incantation) offers the others.
  const candidates = exact ? hits.filter((hit) => hit.item.name === item.name) : hits;
  const menu = alternativesMenu(candidates, item, query, filters, exact ? 'Other items with this name' : 'Did you mean…?');
  if (menu) rows.push(menu);
  return {
    ...(exact ? {} : { content: `Closest match for “${escapeUserText(query.trim().slice(0, 100))}”:` }),
    embeds: [itemCard(item, { patch: index.patch, stock: stockIndexOf(index.items), ...(options.character ? { character: options.character } : {}) })],
    components: rows,
  };
}

/** Posts the card without the character's fields for everyone to see. */
function shareButton(item: ItemRecord): ButtonView {
  return { kind: 'button', label: 'Share', style: 'secondary', customId: encodeCustomId('item', 'share', [item.key]) };
}

/** The card for what `query` means by the shared rule (src/items/resolve.ts showItem), or null when nothing is close. */
function answer(index: ItemIndex, query: string, filters: SearchFilters, character: CardCharacter | undefined, shareable = false): Reply | null {
  const shown = showItem(query, { category: filters.category, index });
  if (!shown) return null;
  return cardReply(shown.item, { index, hits: shown.hits, query, filters, exact: shown.exact, character, shareable });
}

function notFound(index: ItemIndex, query: string, filters: SearchFilters): Reply {
  const where = filters.category ? ` among ${CATEGORY_LABELS[filters.category].toLowerCase()} items` : '';
  const suggestions = index.suggest(query, { ...filters, limit: 5 });
  const closest = suggestions.length ? ` Closest names: ${suggestions.map((hit) => `**${escapeUserText(hit.item.name)}**`).join(', ')}.` : '';
  return {
    ephemeral: true,
    refused: true,
    content: `No item matches “${escapeUserText(query.trim().slice(0, 100))}”${where}.${closest} Check the spelling, type fewer letters, or try \`/search\` to look through effects.`,
  };
}

/** Whether DM text reads like an item name rather than conversation. */
export function looksLikeItemLookup(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 3 || trimmed.length > DM_MAX_CHARS) return false;
  if (/[\r\n]/.test(trimmed) || /https?:\/\//i.test(trimmed) || /<[@#][!&]?\d+>/.test(trimmed)) return false;
  if (!/\p{L}/u.test(trimmed)) return false;
  const normalized = normalizeName(trimmed);
  if (!normalized || CHAT.has(normalized)) return false;
  return normalized.split(' ').length <= DM_MAX_WORDS;
}

function nameChoices({ query, request }: AutocompleteContext): Choice[] {
  const index = getItemIndex();
  if (!index) return [];
  const raw = typeof request.options.category === 'string' ? request.options.category : undefined;
  const category = parseCategory(raw);
  const hits = index.search(query, { category, limit: 25 });
  // The value is always the item's key (the label shows the name; the console's Tab writes the name).
  return hits.map((hit) => ({ name: choiceLabel(hit.item), value: hit.item.key, typed: hit.item.name }));
}

export const item = defineCommand({
  name: 'item',
  description: 'Look up any Elden Ring item, base game or Shadow of the Erdtree',
  options: {
    name: string('The item name, or as much of it as you remember', { required: true, maxLength: 100, autocomplete: nameChoices }),
    category: string('Only look among items of this kind', { choices: CATEGORY_CHOICES }),
  },
  examples: [
    { usage: '/item name:Rivers of Blood', description: 'the card of a weapon: attack, scaling, requirements, upgrade cost' },
    { usage: '/item name:gpff', description: 'short names and typos work too (Gold-Pickled Fowl Foot)' },
    { usage: '/item name:beast claw category:incantation', description: 'only look among one kind of item' },
  ],
  async execute({ request, activeCharacter }, args) {
    const index = requireItemIndex();
    // Trimmed: a trailing space means "more words coming" to autocomplete, not to a submitted name.
    const query = args.name.trim();
    const filters: SearchFilters = { category: parseCategory(args.category) }; // the option's choices are checked
    if (!normalizeName(query)) throw new UserError('Type an item name, e.g. `/item name:Moonveil`.');
    const character = await activeCharacter();
    return answer(index, query, filters, character ?? undefined, mustStayPrivate(request, character)) ?? notFound(index, query, filters);
  },
  async component({ request, args, activeCharacter }) {
    const index = requireItemIndex();
    const [action, categoryIndex = '-', query = ''] = args;
    if (action === 'share') {
      // Everyone sees this one: the plain card, never the presser's character.
      const shared = index.get(args[1] ?? '');
      if (!shared) return { mode: 'reply', reply: { ephemeral: true, content: 'That item is no longer in the data: run `/item` again.' } };
      return { mode: 'reply', reply: cardReply(shared, { index }) };
    }
    const key = request.values[0];
    if (action !== 'pick' || !key) return { mode: 'reply', reply: { ephemeral: true, content: 'This menu no longer works: run `/item` again.' } };
    const picked = index.get(key);
    if (!picked) return { mode: 'reply', reply: { ephemeral: true, content: 'That item is no longer in the data: run `/item` again.' } };
    const category = categoryIndex === '-' ? undefined : CATEGORIES[Number(categoryIndex)];
    const filters: SearchFilters = { category };
    const hits = query ? index.search(query, { ...filters, limit: MAX_ALTERNATIVES + 1 }) : [];
    // On a card others can see, the pick updates the plain card; on a private one, the character's too.
    const character = request.messageEphemeral || !seenByOthers(request) ? ((await activeCharacter()) ?? undefined) : undefined;
    const reply = cardReply(picked, { index, hits, query: query || picked.name, filters, exact: false, character });
    return { mode: 'update', reply: { ...reply, content: query ? `Matches for “${escapeUserText(query)}”:` : '' } };
  },
  async text({ request, activeCharacter }) {
    if (!looksLikeItemLookup(request.content)) return null;
    const index = getItemIndex();
    if (!index) return null;
    const query = request.content.trim();
    const result = index.lookup(query, { limit: 25 });
    // A sound match, or a close spelling of a whole name ("moonvale"); partial matches of a sentence
    // ("hello there" → 'Prattling Pate "Hello"') are left to the router's help.
    const misspelt = result.best?.tier === TIER.FUZZY && result.best.score >= DM_MIN_FUZZY;
    if (!result.confident && !misspelt) return null;
    return answer(index, query, {}, (await activeCharacter()) ?? undefined);
  },
});
