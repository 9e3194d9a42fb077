// The footer: at most one note line, then the one plain line every card built from the game data ends with.
import { describe, expect, it } from 'vitest';
import { footer, gameDataLine } from '../../src/render/footer.ts';
import type { Note } from '../../src/game/confidence.ts';

const assumed: Note = { id: 'rune-gain-stacking', confidence: 'assumed', text: 'long internal sentence' };
const rounding: Note = { id: 'rune-gain-rounding', confidence: 'assumed', text: 'another' };
const verified: Note = { id: 'fowl-foot-shop', confidence: 'verified', text: 'Patches sells Gold-Pickled Fowl Feet for 600 runes each (3 in stock).' };

describe('footer', () => {
  it('is the plain patch line alone when nothing is uncertain', () => {
    expect(footer()).toBe('Game data: patch 1.16.1');
    expect(gameDataLine('1.16.1')).toBe('Game data: patch 1.16.1');
  });

  it('shows one note at most, the first, in a few plain words, marked ⚠', () => {
    expect(footer([assumed, rounding])).toBe('⚠ Gold Scarab with Fowl Foot counted as ×1.56; the game might add them (×1.5) instead\nGame data: patch 1.16.1');
  });

  it("shows a verified note's own sentence without ⚠, an `about` line first, and no patch line for figures that are not game data", () => {
    expect(footer([verified])).toBe('Patches sells Gold-Pickled Fowl Feet for 600 runes each (3 in stock).\nGame data: patch 1.16.1');
    expect(footer([], { about: 'HP floored.' })).toBe('HP floored.\nGame data: patch 1.16.1');
    expect(footer([assumed], { gameData: false }).split('\n')).toHaveLength(1);
  });
});
