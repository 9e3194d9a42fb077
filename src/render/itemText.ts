// Item names a player typed: what the shared resolver (src/items/resolve.ts) could not decide, in words.

import type { ItemRecord } from '../items/types.ts';
import { escapeUserText } from '../text/escape.ts';
import { fmt, list, shown } from '../text/format.ts';

const CANDIDATES_SHOWN = 6;

function boldNames(items: readonly ItemRecord[]): string[] {
  return items.map((item) => `**${escapeUserText(item.name)}**`);
}

/** "Which weapon? “katana” matches several: **A**, **B** and **C**. Pick one from the list as you type." */
export function ambiguousItemText(typed: string, what: string, candidates: readonly ItemRecord[], total: number): string {
  const names = boldNames(candidates.slice(0, CANDIDATES_SHOWN));
  const more = Math.max(total, candidates.length) - names.length;
  return `Which ${what}? “${shown(typed)}” matches several: ${list(more > 0 ? [...names, `${fmt(more)} more`] : names)}. Pick one from the list as you type.`;
}

/** " Closest names: **A**, **B** and **C**." (with a leading space), or "" when there are none. */
export function closestNamesText(items: readonly ItemRecord[]): string {
  return items.length ? ` Closest names: ${list(boldNames(items))}.` : '';
}
