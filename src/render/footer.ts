// The footer of a reply, in a player's words: at most one short note where a number shown really is
// uncertain, then the one line every card ends with, "Game data: patch 1.16.1". No file names, param
// names, section signs or source tags: where the numbers come from is /about's job.

import type { Note } from '../game/confidence.ts';
import { GAME_DATA_PATCH } from '../game/patch.ts';

/** The last line of every card built from the game data. */
export function gameDataLine(patch: string = GAME_DATA_PATCH): string {
  return `Game data: patch ${patch}`;
}

/** A few plain words per note id the core returns; any other note is shown as its own sentence. */
const BRIEF: Record<string, string> = {
  'rune-gain-stacking': 'Gold Scarab with Fowl Foot counted as ×1.56; the game might add them (×1.5) instead',
  'rune-gain-rounding': 'Boosted runes are rounded down once; the game may round a rune differently',
  'ng-area-multiplier': 'The NG+ area bonus (×2 to ×5 in the first NG+, by area) comes from one community source',
  'ng-cycle-cap': 'Runes stop growing after NG+7',
  'farm-ng-area-conservative': 'Counted at the smallest NG+ area bonus (×2): you may need fewer runs',
  'upgrade-round-half-even': 'A step cost ending in half a rune was rounded to the even number',
  'matchmaking-community-tested': 'Community-tested in 2022, not game data; later patches may differ',
  'matchmaking-weapon-22': 'Players disagree on the lower end for +22 (+17 or +18); +17 is used',
};

/** One short line for a note, in a player's words. */
export function briefNote(note: Note): string {
  return BRIEF[note.id] ?? note.text;
}

export interface FooterOptions {
  /** A plain line about how the figures are shown (rounding, what is not counted), above the note. */
  about?: string;
  /** false for replies whose figures are not game data (matchmaking): no "Game data" line. */
  gameData?: boolean;
  patch?: string;
}

/**
 * Footer: the `about` line, the first note (one line at most, marked ⚠ unless verified), then
 * "Game data: patch …".
 * The core lists notes most important first, so the first one is the one worth a line.
 */
export function footer(notes: readonly Note[] = [], options: FooterOptions = {}): string {
  const lines: string[] = [];
  if (options.about) lines.push(options.about);
  const note = notes[0];
  // ⚠ marks doubt; a verified note (where to buy the Fowl Feet a farm needs) is a plain line
  if (note) lines.push(note.confidence === 'verified' ? briefNote(note) : `⚠ ${briefNote(note)}`);
  if (options.gameData !== false) lines.push(gameDataLine(options.patch));
  return lines.join('\n');
}
