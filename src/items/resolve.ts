// One item from what a player typed (or an autocomplete value: an item key), the same way in every
// command that acts on one item (/upgrade, /character buy, /character upgrade), so the same text always
// means the same item. Pure: it reads the shared index (getItemIndex) and returns plain values; the
// commands word the answer.
//
// The rule, in order:
//   1. an item key ("weapon:2000000") is that item;
//   2. of the items the command takes (`categories`, then `accept`), a sound match is an exact name or
//      alias, a "+N" upgrade form, a name prefix, or a name with every word typed (TIER.WORDS or better);
//   3. the best sound match is the answer when it is exact (an exact name, alias or "+N" form), when it
//      is the only one, or when it is in a better tier than the next; otherwise the text is ambiguous and
//      the command asks (spending runes or answering on a guess is worse than asking);
//   4. with no sound match: not found, with the closest names the command takes, and `refused` when the
//      text names an item exactly that the command does not take (so it can say why).
// A "+N" written after the name ("Moonveil +3") comes back as `level`: where an upgrade starts.
//
// Commands that only show an item (/item, DM text) may take a best guess where a spending command asks:
// `showItem` applies the same rule, then, for an ambiguous or unmatched text, the index's typo-tolerant
// lookup (a close spelling, "moonvale"), and says it was a guess so the reply offers the alternatives.

import { UserError } from '../errors.ts';
import { splitUpgradeSuffix } from './normalize.ts';
import { getItemIndex, type ItemIndex } from './search.ts';
import { TIER, type SearchHit } from './searchTypes.ts';
import type { Category, ItemRecord } from './types.ts';

/** The shared item index, or a UserError when data/items.json has not been built. */
export function requireItemIndex(): ItemIndex {
  const index = getItemIndex();
  if (!index) throw new UserError('The item data has not been built yet (`npm run build-data`), so items cannot be looked up.');
  return index;
}

/** Weapons and shields on the regular or somber path: what a smithing table upgrades. */
export function isUpgradableWeapon(item: ItemRecord): boolean {
  return (item.category === 'weapon' || item.category === 'shield') && (item.upgrade === 'regular' || item.upgrade === 'somber');
}

export interface ItemFilter {
  /** Categories searched, in order of preference for equal scores; all when left out. */
  categories?: readonly Category[] | undefined;
  /** Which of those items the command takes (default: all of them). */
  accept?: ((item: ItemRecord) => boolean) | undefined;
  /** The index to use (default: the shared one, via requireItemIndex). */
  index?: ItemIndex | undefined;
}

export type ItemResolution =
  | {
      kind: 'found';
      item: ItemRecord;
      /** An item key, an exact name or alias, or a "+N" form: no guess was made. */
      exact: boolean;
      /** The "+N" typed after the name, if any. */
      level: number | undefined;
    }
  | {
      kind: 'ambiguous';
      /** The equally good matches, best first (at most MAX_CANDIDATES). */
      candidates: ItemRecord[];
      /** How many equally good matches there are in all. */
      total: number;
    }
  | {
      kind: 'not-found';
      /** The closest names among the items the command takes, best first (at most 5). */
      closest: ItemRecord[];
      /** An item the text names exactly (or by key) that the command does not take. */
      refused: ItemRecord | undefined;
    };

/** Longest text looked at (autocomplete values and names are at most 100 characters). */
export const MAX_QUERY_LENGTH = 100;
/** Candidates returned for an ambiguous text. */
export const MAX_CANDIDATES = 10;
const MAX_CLOSEST = 5;
/** Hits taken per category before `accept` filters them. */
const SEARCH_DEPTH = 200;

/** Items matching `query` over `categories` that `accept` takes, best first (ties: the earlier category). */
export function searchItems(query: string, filter: ItemFilter & { limit?: number } = {}): SearchHit[] {
  const index = filter.index ?? requireItemIndex();
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const limit = filter.limit ?? 25;
  const accept = filter.accept;
  const depth = accept ? SEARCH_DEPTH : limit;
  const ranked = (filter.categories ?? [undefined]).flatMap((category, order) =>
    index.search(q, { ...(category ? { category } : {}), limit: category ? depth : 2 * depth }).map((hit) => ({ hit, order })),
  );
  return ranked
    .filter(({ hit }) => !accept || accept(hit.item))
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .slice(0, limit)
    .map(({ hit }) => hit);
}

function takes(item: ItemRecord, filter: ItemFilter): boolean {
  return (!filter.categories || filter.categories.includes(item.category)) && (!filter.accept || filter.accept(item));
}

/** The one item `text` means among those the command takes, an ambiguity, or not found (see the rule above). */
export function resolveItem(text: string, filter: ItemFilter = {}): ItemResolution {
  const index = filter.index ?? requireItemIndex();
  const scoped = { ...filter, index };
  const typed = text.trim().slice(0, MAX_QUERY_LENGTH);
  const byKey = index.get(typed);
  if (byKey) return takes(byKey, scoped) ? { kind: 'found', item: byKey, exact: true, level: undefined } : { kind: 'not-found', closest: [], refused: byKey };

  const hits = typed ? searchItems(typed, { ...scoped, limit: 50 }) : [];
  const sound = hits.filter((hit) => hit.tier >= TIER.WORDS);
  const [best, second] = sound;
  if (best) {
    if (best.tier >= TIER.UPGRADE || !second || best.tier > second.tier) {
      return { kind: 'found', item: best.item, exact: best.tier >= TIER.UPGRADE, level: splitUpgradeSuffix(typed)?.level };
    }
    const tied = sound.filter((hit) => hit.tier === best.tier);
    return { kind: 'ambiguous', candidates: tied.slice(0, MAX_CANDIDATES).map((hit) => hit.item), total: tied.length };
  }

  // Not found: the closest names the command takes, and whether the text names something it does not take.
  let closest = hits.slice(0, MAX_CLOSEST).map((hit) => hit.item);
  if (closest.length === 0 && typed) {
    closest = (filter.categories ?? [undefined])
      .flatMap((category) => index.suggest(typed, { ...(category ? { category } : {}), limit: 10 }))
      .filter((hit) => !filter.accept || filter.accept(hit.item))
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_CLOSEST)
      .map((hit) => hit.item);
  }
  const named = typed ? searchItems(typed, { categories: filter.categories, index, limit: 1 })[0] : undefined;
  const refused = named && named.tier >= TIER.UPGRADE && !takes(named.item, scoped) ? named.item : undefined;
  return { kind: 'not-found', closest, refused };
}

export interface ShownItem {
  item: ItemRecord;
  /** A key, an exact name or alias, or a "+N" form: no guess was made. */
  exact: boolean;
  /** The other items the text could mean, best first (for a "did you mean" or "same name" menu). */
  hits: SearchHit[];
}

/**
 * The item to show for `text` by the shared rule above; where the rule would ask (ambiguous) or finds no
 * sound match, the best plausible guess of the typo-tolerant lookup, marked not exact. Null: nothing close.
 */
export function showItem(text: string, filter: { category?: Category | undefined; index?: ItemIndex | undefined } = {}): ShownItem | null {
  const index = filter.index ?? requireItemIndex();
  const typed = text.trim().slice(0, MAX_QUERY_LENGTH);
  const categories = filter.category ? [filter.category] : undefined;
  const found = resolveItem(typed, { categories, index });
  const hits = typed ? index.search(typed, { ...(filter.category ? { category: filter.category } : {}), limit: 25 }) : [];
  if (found.kind === 'found') return { item: found.item, exact: found.exact, hits };
  if (found.kind === 'ambiguous') return { item: found.candidates[0]!, exact: false, hits };
  const guess = index.lookup(typed, { ...(filter.category ? { category: filter.category } : {}), limit: 25 });
  if (!guess.best || !guess.plausible) return null;
  return { item: guess.best.item, exact: guess.exact, hits: guess.hits };
}

