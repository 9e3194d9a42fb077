// Layout for /character: the character card, the list, ledger lines, the history page and its buttons. Every name, note and item text a player typed goes through escapeUserText here. No database access and no game formulas (those are in src/characters
// and src/runes); this file only arranges their results.

import type { Character, CharacterListing, HistoryPage, LedgerEntry } from '../characters/types.ts';
import { MAX_CHARACTERS_PER_USER } from '../characters/types.ts';
import { STAT_ABBREVIATIONS, STAT_KEYS } from '../game/classes.ts';
import { highestReachableLevel } from '../runes/index.ts';
import { escapeUserText, truncate } from '../text/escape.ts';
import { statLabel } from '../game/classes.ts';
import { fmt } from '../text/format.ts';
import { BRAND_COLOR, ERROR_COLOR } from './style.ts';
import type { ButtonView, ComponentRow, EmbedField, EmbedView } from './types.ts';

/** Minus sign for spent runes (U+2212, so a line never starts a markdown list). */
export const MINUS = '−';

/** A character's (player-typed) name, escaped for markdown and mentions, in bold: the one way replies name a character. */
export function nameOf(character: Pick<Character, 'name'>): string {
  return `**${escapeUserText(character.name)}**`;
}

/** Escaped player text, shortened for a one-line listing. */
export function userText(text: string, max = 80): string {
  return escapeUserText(truncate(text, max));
}

export function signed(amount: number): string {
  if (amount > 0) return `+${fmt(amount)}`;
  if (amount < 0) return `${MINUS}${fmt(-amount)}`;
  return '0';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

function when(iso: string): string {
  // 2024-03-01T12:00:00.000Z → 2024-03-01 12:00 UTC (same on every surface; no locale guessing).
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

// ---------------------------------------------------------------------------------------------
// Runes held: what they are worth, and the advice to spend them.

export interface RuneWorth {
  held: number;
  /** Levels the held runes pay for from the current level, the level that reaches, and what is left. */
  levels: number;
  toLevel: number;
  leftover: number;
  /** Cost of the next level from the current one (null at the cap). */
  nextLevelCost: number | null;
  /** Runes still missing for the next level (0 when it is affordable; null at the cap). */
  shortOfNext: number | null;
  /** The held runes exceed the next level's cost: better spent before a death takes them. */
  adviseSpending: boolean;
}

export function runeWorth(character: Character): RuneWorth {
  const reach = highestReachableLevel(character.level, character.runesHeld);
  const next = character.nextLevelCost;
  return {
    held: character.runesHeld,
    levels: reach.levelsGained,
    toLevel: reach.level,
    leftover: reach.leftover,
    nextLevelCost: next,
    shortOfNext: next === null ? null : Math.max(0, next - character.runesHeld),
    adviseSpending: next !== null && character.runesHeld > next,
  };
}

export function runeLines(character: Character): string[] {
  const worth = runeWorth(character);
  const lines = [`Runes held: **${fmt(worth.held)}**`];
  if (worth.nextLevelCost === null) {
    lines.push(`Level ${character.level} is the highest there is: runes only buy items and upgrades now.`);
  } else if (worth.levels === 0) {
    lines.push(`Worth no level yet: the next one (${character.level} → ${character.level + 1}) costs ${fmt(worth.nextLevelCost)}, **${fmt(worth.shortOfNext ?? 0)}** to go.`);
  } else {
    lines.push(
      `Worth **${plural(worth.levels, 'level')}** (level ${character.level} → ${worth.toLevel}, ${fmt(worth.leftover)} left over); the next level costs ${fmt(worth.nextLevelCost)}.`,
    );
  }
  if (worth.adviseSpending) {
    lines.push(`💡 You hold more than the next level costs: spend them before a death drops them (\`/character levelup\`).`);
  }
  if (character.bloodstain !== null) {
    lines.push(
      `🩸 Bloodstain: **${fmt(character.bloodstain)}** runes where you last died. Touch it, then \`/character recovered\`; dying again first loses them for good.`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Ledger lines

export function entryDescription(entry: LedgerEntry): string {
  const item = entry.item === null ? '' : userText(entry.item, 60);
  switch (entry.kind) {
    case 'earned':
      return `Earned **${signed(entry.amount)}**`;
    case 'level_up':
      return `Level up${entry.stat ? ` ${statLabel(entry.stat)}` : ''}${entry.points ? ` +${entry.points}` : ''}: **${signed(entry.amount)}**`;
    case 'purchase':
      return `Bought ${item || 'something'}: **${signed(entry.amount)}**`;
    case 'upgrade':
      return `Upgraded ${item || 'a weapon'}: **${signed(entry.amount)}**`;
    case 'death_drop':
      return entry.amount === 0 ? 'Died holding no runes' : `Died: **${fmt(-entry.amount)}** dropped into a bloodstain`;
    case 'lost':
      return `Bloodstain of **${fmt(entry.lost)}** lost for good`;
    case 'recovered':
      return `Recovered the bloodstain: **${signed(entry.amount)}**${entry.lost > 0 ? ` (${fmt(entry.lost)} lost over the cap)` : ''}`;
    case 'correction':
      return `Corrected by hand: **${signed(entry.amount)}**`;
  }
}

/** One ledger line: number, date, what happened, the balance after, and the note. */
export function entryLine(entry: LedgerEntry, number?: number): string {
  const head = number === undefined ? '' : `\`#${number}\` `;
  const note = entry.note ? ` — ${userText(entry.note, 60)}` : '';
  return `${head}${when(entry.at)} · ${entryDescription(entry)} → held ${fmt(entry.balanceAfter)}${note}`;
}

// ---------------------------------------------------------------------------------------------
// The character card

export interface CardOptions {
  /** Newest first (as the store's history gives them). */
  recent?: readonly LedgerEntry[];
  /** The total number of ledger entries, to number the recent ones. */
  entryCount?: number;
  /** Which selection makes this character active here, if any. */
  active?: 'global' | 'here' | null;
  /** Someone else is looking at it (a public character): no advice addressed to the owner. */
  viewedByOther?: boolean;
}

export function statsLine(character: Pick<Character, 'stats'>): string {
  return STAT_KEYS.map((s) => `${STAT_ABBREVIATIONS[s]} ${character.stats[s]}`).join(' · ');
}

export function characterCard(character: Character, options: CardOptions = {}): EmbedView {
  const lines: string[] = [];
  if (options.viewedByOther) {
    lines.push(`Runes held: **${fmt(character.runesHeld)}**`);
    if (character.bloodstain !== null) lines.push(`🩸 Bloodstain: **${fmt(character.bloodstain)}** runes`);
  } else {
    lines.push(...runeLines(character));
  }
  const fields: EmbedField[] = [
    { name: 'Stats', value: statsLine(character) },
    { name: 'Journey', value: character.journey === 1 ? '1 (first playthrough)' : `${character.journey} (NG+${character.journey - 1})`, inline: true },
    { name: 'Highest weapon', value: `+${character.maxUpgrade.regular} regular · +${character.maxUpgrade.somber} somber`, inline: true },
    {
      name: 'Visibility',
      value: `${character.isPublic ? 'Public' : 'Private'}${options.active === 'global' ? ' · active' : options.active === 'here' ? ' · active in this server' : ''}`,
      inline: true,
    },
  ];
  if (options.recent && options.recent.length > 0) {
    const count = options.entryCount ?? options.recent.length;
    fields.push({ name: 'Latest runes', value: options.recent.map((e, i) => entryLine(e, count - i)).join('\n') });
  }
  return {
    title: `${userText(character.name, 40)} — ${character.className}, level ${character.level}`,
    description: lines.join('\n'),
    color: BRAND_COLOR,
    fields,
    footer: `Created ${when(character.createdAt)} UTC · updated ${when(character.updatedAt)} UTC`,
  };
}

// ---------------------------------------------------------------------------------------------
// The list

export function listEmbed(listing: CharacterListing, inGuild: boolean): EmbedView {
  const { characters } = listing;
  if (characters.length === 0) {
    return {
      title: 'Your characters',
      description: 'You have no characters yet. Create one with `/character create name:… class:…`.',
      color: BRAND_COLOR,
    };
  }
  const lines = characters.map((c) => {
    const marks: string[] = [];
    if (listing.active === c.name) marks.push(inGuild && listing.guildOverride === c.name ? 'active in this server' : 'active');
    else if (listing.globalActive === c.name) marks.push('active elsewhere');
    if (c.isPublic) marks.push('public');
    const stain = c.bloodstain !== null ? ` · 🩸 ${fmt(c.bloodstain)}` : '';
    return `${listing.active === c.name ? '★' : '•'} ${nameOf(c)} — ${c.className}, level ${c.level} · ${fmt(c.runesHeld)} runes${stain}${marks.length ? ` · ${marks.join(', ')}` : ''}`;
  });
  return {
    title: `Your characters (${characters.length} of ${MAX_CHARACTERS_PER_USER})`,
    description: lines.join('\n'),
    color: BRAND_COLOR,
    footer: 'Switch with /character switch name:… (add here:true for this server only)',
  };
}

// ---------------------------------------------------------------------------------------------
// History

export function totalsField(page: HistoryPage): EmbedField {
  const t = page.totals;
  const spent = [
    t.spent.level_up ? `level-ups ${fmt(t.spent.level_up)}` : '',
    t.spent.purchase ? `purchases ${fmt(t.spent.purchase)}` : '',
    t.spent.upgrade ? `upgrades ${fmt(t.spent.upgrade)}` : '',
  ].filter(Boolean);
  const lines = [
    `Earned: **${fmt(t.earned)}**`,
    `Spent: **${fmt(t.spent.total)}**${spent.length ? ` (${spent.join(', ')})` : ''}`,
    `Lost for good: **${fmt(t.lost)}**`,
    `Deaths: ${fmt(t.deaths)} · dropped ${fmt(t.dropped)} · recovered ${fmt(t.recovered)}`,
  ];
  if (t.corrections !== 0) lines.push(`Corrections by hand: ${signed(t.corrections)}`);
  return { name: 'Totals', value: lines.join('\n') };
}

export function historyEmbed(page: HistoryPage): EmbedView {
  const c = page.character;
  const first = page.totals.entries - (page.page - 1) * page.pageSize;
  const lines = page.entries.map((e, i) => entryLine(e, first - i));
  return {
    title: `Rune history — ${userText(c.name, 40)}`,
    description: lines.length ? lines.join('\n') : 'No rune changes yet. `/character runes add amount:…` records runes earned.',
    color: BRAND_COLOR,
    fields: [totalsField(page), { name: 'Now', value: `Held ${fmt(c.runesHeld)}${c.bloodstain !== null ? ` · bloodstain ${fmt(c.bloodstain)}` : ''} · level ${c.level}` }],
    footer: `Page ${page.page} of ${page.pageCount} · ${plural(page.totals.entries, 'entry', 'entries')}, newest first`,
  };
}

// ---------------------------------------------------------------------------------------------
// Buttons (their custom ids are built by the command: commands/character/ids.ts).

export function shareButton(customId: string): ButtonView {
  return { kind: 'button', label: 'Share', customId, style: 'secondary', emoji: '📣' };
}

/** Previous / Next (when there are several pages) and Share under a history page. */
export function historyButtons(page: HistoryPage, ids: { page(n: number): string; share: string }): ComponentRow[] {
  const row: ButtonView[] = [];
  if (page.pageCount > 1) {
    row.push(
      { kind: 'button', label: '◀ Previous', customId: ids.page(Math.max(1, page.page - 1)), style: 'secondary', disabled: page.page <= 1 },
      { kind: 'button', label: 'Next ▶', customId: ids.page(Math.min(page.pageCount, page.page + 1)), style: 'secondary', disabled: page.page >= page.pageCount },
    );
  }
  row.push(shareButton(ids.share));
  return [row];
}

export function confirmButtons(confirmId: string, confirmLabel: string, cancelId: string): ComponentRow[] {
  return [
    [
      { kind: 'button', label: confirmLabel, customId: confirmId, style: 'danger' },
      { kind: 'button', label: 'Cancel', customId: cancelId, style: 'secondary' },
    ],
  ];
}

// ---------------------------------------------------------------------------------------------
// Errors (the store's errors are worded in storeErrors.ts)

export function errorEmbed(title: string, description: string): EmbedView {
  return { title, description, color: ERROR_COLOR };
}
