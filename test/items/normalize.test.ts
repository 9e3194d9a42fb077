// Name normalisation: the same rules for names (once, at build) and queries (each keystroke).

import { describe, expect, it } from 'vitest';
import { boundedDistance, compactKey, foldText, normalizeName, romanAlternative, splitUpgradeSuffix, stem, tokenize } from '../../src/items/normalize.ts';

describe('normalizeName', () => {
  it.each([
    ['Rivers of Blood', 'rivers of blood'],
    ['RIVERS   OF  BLOOD', 'rivers of blood'],
    ["Hero's Rune [1]", 'heros rune 1'],
    ['heros rune 1', 'heros rune 1'],
    ['Hero’s Rune (1)', 'heros rune 1'],
    ['Golden Rune [5]', 'golden rune 5'],
    ['golden rune 05', 'golden rune 5'],
    ['golden rune5', 'golden rune 5'],
    ['Gold-Pickled Fowl Foot', 'gold pickled fowl foot'],
    ['Gold–Pickled Fowl Foot', 'gold pickled fowl foot'],
    ['Ash of War: Lion\'s Claw', 'ash of war lions claw'],
    ['Miséricorde', 'misericorde'],
    ['MISÉRICORDE', 'misericorde'],
    ['Great Épée', 'great epee'],
    ["Varré's Bouquet", 'varres bouquet'],
    ['Merchant Kalé', 'merchant kale'],
    ['Ｍｏｏｎｖｅｉｌ', 'moonveil'],
    ['Nightmaiden & Swordstress Puppets', 'nightmaiden and swordstress puppets'],
    ['Prattling Pate "Hello"', 'prattling pate hello'],
    ['St. Trina\'s Torch', 'st trinas torch'],
    ['Dectus Medallion (Right)', 'dectus medallion right'],
    ['Flame, Grant Me Strength', 'flame grant me strength'],
    ['Erdtree\'s Favor +2', 'erdtrees favor 2'],
    ['erdtree favour', 'erdtree favor'],
    ['Veteran\'s Armour', 'veterans armor'],
    ['**bold** <@123>', 'bold 123'],
    ['', ''],
    ['   ', ''],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('folds ligatures and letters without a decomposition', () => {
    expect(foldText('Straße Ærø Œuvre Łódź')).toBe('strasse aero oeuvre lodz');
  });

  it('keeps letters of other scripts as words and drops control characters', () => {
    expect(normalizeName('мун\u0000\u0007 вел')).toBe('мун вел');
  });

  it('caps the work on huge input', () => {
    expect(tokenize('a '.repeat(100_000)).length).toBeLessThanOrEqual(200);
    expect(normalizeName('x'.repeat(1_000_000)).length).toBeLessThanOrEqual(200);
  });
});

describe('stem', () => {
  it('meets plurals and possessives', () => {
    expect(stem('tears')).toBe('tear');
    expect(stem('bloodhounds')).toBe('bloodhound');
    expect(stem('vows')).toBe('vow');
    expect(stem('glass')).toBe('glass');
    expect(stem('axe')).toBe('axe');
    expect(stem('ash')).toBe('ash');
  });
});

describe('roman numerals', () => {
  it('offer a numeric reading after the first word only', () => {
    expect(romanAlternative(['golden', 'rune', 'xii'], 2)).toBe('12');
    expect(romanAlternative(['golden', 'rune', 'v'], 2)).toBe('5');
    expect(romanAlternative(['v'], 0)).toBeUndefined();
    expect(romanAlternative(['golden', 'rune'], 1)).toBeUndefined();
  });

  it('are not rewritten by tokenize (a name may be half typed: "Miriam\'s V")', () => {
    expect(tokenize("Miriam's V")).toEqual(['miriams', 'v']);
  });
});

describe('helpers', () => {
  it('compactKey joins words', () => {
    expect(compactKey(tokenize('Bull-Goat Helm'))).toBe('bullgoathelm');
    expect(compactKey(tokenize('bullgoat helm'))).toBe('bullgoathelm');
  });

  it('splitUpgradeSuffix reads "+N" only', () => {
    expect(splitUpgradeSuffix('Moonveil +10')).toEqual({ base: 'Moonveil', level: 10 });
    expect(splitUpgradeSuffix('keen uchigatana+25')).toEqual({ base: 'keen uchigatana', level: 25 });
    expect(splitUpgradeSuffix('Golden Rune 5')).toBeNull();
    expect(splitUpgradeSuffix('+3')).toBeNull();
  });

  it('boundedDistance counts edits and transpositions, and gives up past the bound', () => {
    expect(boundedDistance('blashpemous', 'blasphemous', 2)).toBe(1);
    expect(boundedDistance('wonderous', 'wondrous', 2)).toBe(1);
    expect(boundedDistance('moonveil', 'moonveil', 2)).toBe(0);
    expect(boundedDistance('abc', 'xyz', 1)).toBe(2);
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
    expect(boundedDistance('', 'ab', 2)).toBe(2);
    expect(boundedDistance('x'.repeat(100), 'x'.repeat(99) + 'y', 2)).toBe(1);
  });
});
