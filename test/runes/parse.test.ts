// What players type for the rune calculator, read by the pure core (src/runes/parse.ts). Item names are
// the canonical names of mechanics.md §4; levels and amounts are worked out by hand in the comments.

import { describe, expect, it } from 'vitest';
import { parseFarmTarget, parseRuneItemList } from '../../src/runes/parse.ts';
import { valueOfItems } from '../../src/runes/runeItems.ts';

describe('parseRuneItemList', () => {
  it('reads every way of writing a count, and canonical names from loose spellings', () => {
    const expected = [
      { item: 'Golden Rune [5]', count: 3 },
      { item: "Lord's Rune", count: 1 },
    ];
    for (const text of [
      'golden rune 5 x3, lords rune',
      "Golden Rune [5] ×3, Lord's Rune",
      '3x golden rune 5, lords rune',
      '3 × golden rune 5; lord’s rune',
      'x3 golden rune 5\nlords rune',
      'golden rune 5 3x + lords rune x1',
      '3 golden rune 5, *1 lords rune',
    ]) {
      expect(parseRuneItemList(text), text).toEqual({ items: expected, errors: [] });
    }
  });

  it('keeps a number that is part of the name: "hero\'s rune 1" is one Hero\'s Rune [1], not a count', () => {
    expect(parseRuneItemList("hero's rune 1, 2x hero's rune 5").items).toEqual([
      { item: "Hero's Rune [1]", count: 1 },
      { item: "Hero's Rune [5]", count: 2 },
    ]);
    // Golden Rune [5] 1,600 × 3 + Lord's Rune 50,000 = 54,800 (§4)
    expect(valueOfItems(parseRuneItemList('golden rune 5 x3, lords rune').items).total).toBe(54_800);
  });

  it('returns every problem as data: unknown names with the closest names, and counts out of range', () => {
    const { items, errors } = parseRuneItemList('golden rnue 5 x3, lords rune, numens rune x99999999, banana');
    expect(items).toEqual([{ item: "Lord's Rune", count: 1 }]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ kind: 'unknown-item', entry: 'golden rnue 5 x3', name: 'golden rnue 5' });
    expect(errors[0]!.kind === 'unknown-item' && errors[0]!.closest).toContain('Golden Rune [5]');
    expect(errors[1]).toEqual({ kind: 'bad-count', entry: 'numens rune x99999999', item: "Numen's Rune", count: '99999999', min: 1, max: 9_999 });
    expect(errors[2]).toMatchObject({ kind: 'unknown-item', entry: 'banana', name: 'banana' });
  });

  it('counts go from 1 to 9,999: "x0" is a problem, not a line worth nothing', () => {
    expect(parseRuneItemList('golden rune 5 x0')).toEqual({
      items: [],
      errors: [{ kind: 'bad-count', entry: 'golden rune 5 x0', item: 'Golden Rune [5]', count: '0', min: 1, max: 9_999 }],
    });
    expect(parseRuneItemList('0 lords rune').errors).toEqual([{ kind: 'bad-count', entry: '0 lords rune', item: "Lord's Rune", count: '0', min: 1, max: 9_999 }]);
    expect(parseRuneItemList('lords rune x9999, golden rune 1 x1')).toEqual({
      items: [
        { item: "Lord's Rune", count: 9_999 },
        { item: 'Golden Rune [1]', count: 1 },
      ],
      errors: [],
    });
    expect(parseRuneItemList('lords rune x10000').errors).toMatchObject([{ kind: 'bad-count', count: '10000' }]);
  });

  it('an empty list and an overlong one are one problem each', () => {
    expect(parseRuneItemList(' ,,; \n')).toEqual({ items: [], errors: [{ kind: 'empty' }] });
    expect(parseRuneItemList(Array(201).fill('lords rune').join(','))).toEqual({ items: [], errors: [{ kind: 'too-many', entries: 201, max: 200 }] });
    expect(parseRuneItemList(Array(200).fill('lords rune').join(',')).items).toHaveLength(200);
  });

  it('a non-string is a TypeError, like the rest of the core', () => {
    expect(() => parseRuneItemList(42 as never)).toThrow(TypeError);
  });
});

describe('parseFarmTarget', () => {
  it('reads levels, written as a level or as a bare number up to 713', () => {
    for (const text of ['level 150', 'Level 150', 'lvl150', 'lv 150', 'RL150', 'l:150', '150', ' 150 ']) {
      expect(parseFarmTarget(text), text).toEqual({ kind: 'level', level: 150 });
    }
    expect(parseFarmTarget('2')).toEqual({ kind: 'level', level: 2 });
    expect(parseFarmTarget('713')).toEqual({ kind: 'level', level: 713 });
  });

  it('reads amounts of runes: grouped digits, k / m / b suffixes, decimals and the word "runes"', () => {
    const cases: [string, number][] = [
      ['2,000,000', 2_000_000],
      ['2 000 000', 2_000_000],
      ['2_000_000', 2_000_000],
      ['1.5m', 1_500_000], // 1.5 × 1,000,000
      ['500k', 500_000],
      ['500k runes', 500_000],
      ['3 million', 3_000_000],
      ['0.25 b', 250_000_000],
      ['714', 714], // above the last level: an amount
      ['100 runes', 100], // "runes" makes it an amount
      ['1.5', 2], // a decimal is an amount, rounded to a whole rune
    ];
    for (const [text, runes] of cases) expect(parseFarmTarget(text), text).toEqual({ kind: 'runes', runes });
  });

  it('says what is wrong with anything else', () => {
    expect(parseFarmTarget('level 714')).toEqual({ kind: 'level-out-of-range', level: 714, min: 2, max: 713 });
    expect(parseFarmTarget('level 1')).toEqual({ kind: 'level-out-of-range', level: 1, min: 2, max: 713 });
    expect(parseFarmTarget('1')).toEqual({ kind: 'too-small', value: 1 });
    expect(parseFarmTarget('0')).toEqual({ kind: 'too-small', value: 0 });
    // 2,000b = 2,000,000,000,000 runes, above the 1,000,000,000,000 input bound
    expect(parseFarmTarget('2000b')).toEqual({ kind: 'runes-out-of-range', min: 1, max: 1_000_000_000_000 });
    expect(parseFarmTarget('0 runes')).toEqual({ kind: 'runes-out-of-range', min: 1, max: 1_000_000_000_000 });
    for (const text of ['lots', '', '1,00', '-5', '5 levels', 'level', '1e6']) expect(parseFarmTarget(text), text).toEqual({ kind: 'unreadable' });
    expect(() => parseFarmTarget(undefined as never)).toThrow(TypeError);
  });
});
