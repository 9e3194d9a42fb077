// /search query:<words> [category] [dlc]: items by name and by what they do (names first when the query
// names an item, effects first when it names an effect), 10 a page. The Previous/Next buttons are
// stateless: their custom id carries the query, the filters, the page and when the list was issued;
// after BUTTON_TTL_MS they stop, say so, and are shown disabled. The search itself lives in
// src/items/effectSearch.ts (searchItems) over the name index of src/items/search.ts.

import { UserError } from '../src/errors.ts';
import { CATEGORY_CHOICES, CATEGORY_LABELS, kindLabel, parseCategory } from '../src/items/categories.ts';
import { normalizeName } from '../src/items/normalize.ts';
import type { SearchFilters } from '../src/items/searchTypes.ts';
import { CATEGORIES, type Category, type ItemRecord } from '../src/items/types.ts';
import { escapeUserText } from '../src/text/escape.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { effectSummary } from '../src/render/effectText.ts';
import type { ButtonView, Reply } from '../src/render/types.ts';
import { encodeCustomId } from '../src/router/customId.ts';
import { defineCommand } from '../src/router/command.ts';
import { boolean, string } from '../src/router/spec.ts';
import { requireItemIndex } from '../src/items/resolve.ts';
import { getEffectSearch, searchItems } from '../src/items/effectSearch.ts';

export const PAGE_SIZE = 10;
/** Buttons stop working this long after the list was issued. */
export const BUTTON_TTL_MS = 10 * 60 * 1000;
/** The query as carried in custom ids (normalised, cut on a word boundary) and as searched. */
const QUERY_CHARS = 56;
const MAX_RESULTS = 500;

/** The form of the query every page searches with, so page 3 lists what page 1 counted. */
export function canonicalQuery(query: string): string {
  const normalized = normalizeName(query);
  if (normalized.length <= QUERY_CHARS) return normalized;
  const cut = normalized.slice(0, QUERY_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut).trim();
}

interface PageState {
  query: string;
  filters: SearchFilters;
  page: number;
  issuedAt: number; // seconds since the epoch
}

function encodeFilters(filters: SearchFilters): [string, string] {
  const dlc = filters.dlc === undefined ? '-' : filters.dlc ? 'y' : 'n';
  const category = filters.category ? String(CATEGORIES.indexOf(filters.category)) : '-';
  return [dlc, category];
}

/** `search:<n|p>:<current page>:<issued, base 36>:<dlc>:<category>:<query>` (≤ 100 characters). */
function buttonId(direction: 'n' | 'p', state: PageState): string {
  const [dlc, category] = encodeFilters(state.filters);
  return encodeCustomId('search', direction, [state.page, state.issuedAt.toString(36), dlc, category, state.query]);
}

function decode(args: string[]): { direction: string; state: PageState } | null {
  const [direction, page, issued, dlc, category, query = ''] = args;
  if ((direction !== 'n' && direction !== 'p') || page === undefined || issued === undefined) return null;
  const pageNumber = Number(page);
  const issuedAt = parseInt(issued, 36);
  if (!Number.isSafeInteger(pageNumber) || pageNumber < 0 || !Number.isFinite(issuedAt)) return null;
  const categoryKey: Category | undefined = category === undefined || category === '-' ? undefined : CATEGORIES[Number(category)];
  const filters: SearchFilters = { category: categoryKey, dlc: dlc === 'y' ? true : dlc === 'n' ? false : undefined };
  return { direction, state: { query, filters, page: pageNumber, issuedAt } };
}

function line(item: ItemRecord, position: number): string {
  const head = `**${position}.** ${escapeUserText(item.name)} · ${escapeUserText(kindLabel(item))}${item.dlc ? ' · DLC' : ''}`;
  const effect = item.effect ?? effectSummary(item);
  return effect ? `${head}\n${escapeUserText(effect)}` : head;
}

function describeFilters(filters: SearchFilters): string {
  const parts: string[] = [];
  if (filters.category) parts.push(CATEGORY_LABELS[filters.category]);
  if (filters.dlc === true) parts.push('Shadow of the Erdtree only');
  if (filters.dlc === false) parts.push('base game only');
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function renderPage(results: readonly ItemRecord[], state: PageState, expired: boolean): Reply {
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, state.page), pages - 1);
  const shown = { ...state, page };
  const slice = results.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const more = results.length >= MAX_RESULTS ? '+' : '';
  const reply: Reply = {
    embeds: [
      {
        title: `Items matching “${escapeUserText(state.query)}”${describeFilters(state.filters)}`,
        description: slice.map((item, i) => line(item, page * PAGE_SIZE + i + 1)).join('\n'),
        color: BRAND_COLOR,
        footer: `Page ${page + 1} of ${pages} · ${results.length}${more} items · /item name:<name> shows an item's card`,
      },
    ],
  };
  if (pages > 1) {
    const buttons: ButtonView[] = [
      { kind: 'button', label: 'Previous', emoji: '◀', customId: buttonId('p', shown), disabled: expired || page === 0 },
      { kind: 'button', label: 'Next', emoji: '▶', customId: buttonId('n', shown), disabled: expired || page >= pages - 1 },
    ];
    reply.components = [buttons];
  }
  if (expired) reply.content = `These buttons have expired (they work for ${BUTTON_TTL_MS / 60_000} minutes): run \`/search\` again to page through the list.`;
  return reply;
}

export const search = defineCommand({
  name: 'search',
  description: 'Find items by name or by what they do, e.g. "more runes" or "fire resistance"',
  options: {
    query: string('An item name, or what the item should do ("rune gain", "jump attacks")', { required: true, maxLength: 100 }),
    category: string('Only items of this kind', { choices: CATEGORY_CHOICES }),
    dlc: boolean('True: only Shadow of the Erdtree items; false: only the base game'),
  },
  examples: [
    { usage: '/search query:runes', description: 'what raises rune gain, and the rune items' },
    { usage: '/search query:best rune gain', description: 'by what items do, strongest first' },
    { usage: '/search query:sleep category:ammo', description: 'only look among one kind of item' },
    { usage: '/search query:katana dlc:true', description: 'only Shadow of the Erdtree items' },
  ],
  execute({ services }, args) {
    const index = requireItemIndex();
    const effects = getEffectSearch();
    const raw = args.query;
    const query = canonicalQuery(raw);
    if (!query) throw new UserError('Type a word or two to look for, e.g. `/search query:runes`.');
    const filters: SearchFilters = { category: parseCategory(args.category), dlc: args.dlc };
    const results = searchItems(index, effects, query, { ...filters, limit: MAX_RESULTS });
    if (!results.length) {
      throw new UserError(`No item's name or effect matches “${escapeUserText(raw.trim().slice(0, 100))}”${describeFilters(filters)}. Try fewer or other words, or \`/item\` to look up a name.`);
    }
    return renderPage(results, { query, filters, page: 0, issuedAt: Math.floor(services.now().getTime() / 1000) }, false);
  },
  component({ args, services }) {
    const decoded = decode(args);
    if (!decoded) return { mode: 'reply', reply: { ephemeral: true, content: 'This button no longer works: run `/search` again.' } };
    const { direction, state } = decoded;
    const results = searchItems(requireItemIndex(), getEffectSearch(), state.query, { ...state.filters, limit: MAX_RESULTS });
    const expired = services.now().getTime() - state.issuedAt * 1000 > BUTTON_TTL_MS;
    if (expired) return { mode: 'update', reply: renderPage(results, state, true) };
    const page = direction === 'n' ? state.page + 1 : state.page - 1;
    return { mode: 'update', reply: renderPage(results, { ...state, page }, false) };
  },
});
