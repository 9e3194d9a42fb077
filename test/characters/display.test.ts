// One implementation each for what the store and the replies both need: the levels held runes buy
// (the rune core's highestReachableLevel), number grouping and stat labels (src/text/format.ts, src/game/classes.ts).
// Expected figures are from mechanics.md §1: runes to reach level 10 from level 1 are 6,667.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type CharacterStore } from '../../src/characters/store.ts';
import { highestReachableLevel } from '../../src/runes/index.ts';
import { RUNE_CAP, checkStatValue, requireInteger } from '../../src/characters/validate.ts';
import { findClass } from '../../src/game/classes.ts';
import { fmt } from '../../src/text/format.ts';
import { statLabel } from '../../src/game/classes.ts';
import { runeWorth } from '../../src/render/character.ts';
import { expectStoreError, steppingClock, wording } from './helpers.ts';

const ALICE = '100000000000000001';

let store: CharacterStore;
beforeEach(async () => {
  store = await openStore(':memory:', { now: steppingClock() });
});
afterEach(() => store.close());

describe('the levels held runes buy', () => {
  it('is the rune core figure: 6,667 runes take a Wretch from level 1 to 10, one rune less only to 9', async () => {
    expect(highestReachableLevel(1, 6_667).levelsGained).toBe(9);
    expect(highestReachableLevel(1, 6_666).levelsGained).toBe(8);
    // cost(712) = 8,879,348 (§1): at 712 that buys the last level, and nothing more at 713.
    expect(highestReachableLevel(712, 8_879_348).levelsGained).toBe(1);
    expect(highestReachableLevel(713, RUNE_CAP).levelsGained).toBe(0);
  });

  it('a character carries no second copy of it; the card computes it from the core', async () => {
    await store.createCharacter(ALICE, { name: 'Wretched', className: 'Wretch' });
    const { character } = await store.addRunes({ userId: ALICE }, 6_667);
    expect(character).not.toHaveProperty('affordableLevels');
    expect(runeWorth(character)).toMatchObject({ levels: 9, toLevel: 10, leftover: 0 });
  });
});

describe('store errors are worded with the shared display helpers (the store itself writes no English)', () => {
  it('groups numbers like the replies do', async () => {
    expect(fmt(999_999_999)).toBe('999,999,999');
    expect(fmt(-0)).toBe('0'); // a negated zero amount (a death holding nothing) reads 0, not -0
    const error = await expectStoreError(() => requireInteger(1_000_000_000, 'runes_held', 0, RUNE_CAP), 'invalid');
    expect(wording(error)).toBe('Runes held must be from 0 to 999,999,999 (got 1,000,000,000).');
    await store.createCharacter(ALICE, { name: 'Poor', className: 'Wretch' });
    // cost(1) = 673 (§1), with nothing held: 673 short.
    const short = await expectStoreError(() => store.levelUp({ userId: ALICE }, 'vigor'), 'insufficient_runes');
    expect(wording(short)).toContain('costs 673 runes but you hold 0: 673 short');
  });

  it('names stats the same way everywhere', async () => {
    expect(statLabel('vigor')).toBe('Vigor');
    expect(statLabel('intelligence')).toBe('Intelligence');
    // Vagabond starts with Vigor 15 (§2).
    const error = await expectStoreError(() => checkStatValue(findClass('Vagabond')!, 'vigor', 14), 'invalid');
    expect(wording(error)).toBe("Vigor can't be below 15, the Vagabond's starting value (got 14).");
  });
});
