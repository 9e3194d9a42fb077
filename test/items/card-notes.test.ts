// The item card says how sure its numbers are, as mechanics.md tags them.

import { describe, expect, it } from 'vitest';
import { dataNotes } from '../../src/render/itemCard.ts';
import { getItemIndex } from '../../src/items/search.ts';

const index = getItemIndex()!;
const notesOf = (name: string) => dataNotes(index.findExact(name)!);

describe('data notes on the item card', () => {
  it('marks DLC rune values as single-source and leaves verified base-game values alone (§4)', () => {
    expect(notesOf("Marika's Rune").join(' ')).toMatch(/single source/);
    expect(notesOf('Golden Rune [13]')).toEqual([]);
    expect(notesOf("Lord's Rune")).toEqual([]);
  });

  it('marks the Gold-Pickled Fowl Foot effect as single-source (§5) and not the Gold Scarab', () => {
    expect(notesOf('Gold-Pickled Fowl Foot').join(' ')).toMatch(/Fowl Foot .*single source/);
    expect(notesOf('Gold Scarab')).toEqual([]);
  });

  it('marks per-step upgrade costs (§6: the target level rate, one source)', () => {
    expect(notesOf('Longsword').join(' ')).toMatch(/per-step rune rates: single source/);
    expect(notesOf('Black Knife Tiche').join(' ')).toMatch(/spirit ash rune costs: single source/);
  });
});
