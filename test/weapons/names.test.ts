// Weapon names as players type them: affinity words before or after the name, the game's own form names,
// "+N" levels and autocomplete values, through the shared item resolver (src/items) as the command uses it.

import { describe, expect, it } from 'vitest';
import { resolveItem, searchItems } from '../../src/items/resolve.ts';
import type { ItemRecord } from '../../src/items/types.ts';
import { WeaponNames, decodeWeaponKey, encodeWeaponKey, parseAffinity, splitAffinity, type NameResolution } from '../../src/weapons/index.ts';
import { product } from './helpers.ts';

const filter = { categories: ['weapon', 'shield'] as const, accept: (item: ItemRecord) => product.weapon(item.key) !== undefined };
const resolver = (text: string): NameResolution => {
  const found = resolveItem(text, filter);
  if (found.kind === 'found') return { kind: 'found', key: found.item.key, exact: found.exact };
  if (found.kind === 'ambiguous') return { kind: 'ambiguous', names: found.candidates.map((i) => i.name), total: found.total };
  return { kind: 'not-found', closest: found.closest.map((i) => i.name) };
};
const search = (text: string, limit: number) => searchItems(text, { ...filter, limit }).map((hit) => ({ key: hit.item.key, score: hit.score, tier: hit.tier }));
const names = new WeaponNames(product);

describe('affinity words', () => {
  it('reads the game words and the usual variants', () => {
    expect(parseAffinity('Keen')).toBe('keen');
    expect(parseAffinity('flame art')).toBe('flame-art');
    expect(parseAffinity('Flame-Art')).toBe('flame-art');
    expect(parseAffinity('bloody')).toBe('blood');
    expect(parseAffinity('OCCULT')).toBe('occult');
    expect(parseAffinity('banana')).toBeUndefined();
  });

  it('finds a whole affinity word before or after a name, never inside a word', () => {
    expect(splitAffinity('keen uchi')).toEqual({ affinity: 'keen', words: 'keen', rest: 'uchi', leading: true });
    expect(splitAffinity('flame art claymore')).toMatchObject({ affinity: 'flame-art', rest: 'claymore' });
    expect(splitAffinity('claymore heavy')).toMatchObject({ affinity: 'heavy', rest: 'claymore', leading: false });
    expect(splitAffinity("bloodhound's fang")).toBeUndefined();
    expect(splitAffinity('keen')).toBeUndefined();
  });

  it('carries weapon and affinity in a stable value', () => {
    expect(encodeWeaponKey('weapon:9000000', 'keen')).toBe('weapon:9000000/keen');
    expect(encodeWeaponKey('weapon:9000000', null)).toBe('weapon:9000000');
    expect(decodeWeaponKey('weapon:9000000/flame-art')).toEqual({ key: 'weapon:9000000', affinity: 'flame-art' });
    expect(decodeWeaponKey('shield:31130000')).toEqual({ key: 'shield:31130000', affinity: undefined });
    expect(decodeWeaponKey('weapon:9000000/banana')).toBeUndefined();
    expect(decodeWeaponKey('Uchigatana')).toBeUndefined();
  });
});

describe('lookup', () => {
  const found = (text: string) => {
    const result = names.lookup(text, resolver);
    if (result.kind !== 'found') throw new Error(`${text}: ${result.kind}`);
    return { name: result.weapon.name, affinity: result.affinity, level: result.level };
  };

  it.each([
    ['keen uchi', 'Uchigatana', 'keen', undefined],
    ['Keen Uchigatana +25', 'Uchigatana', 'keen', 25],
    ['heavy claymore', 'Claymore', 'heavy', undefined],
    ['claymore heavy', 'Claymore', 'heavy', undefined],
    ['Bloody Longsword', 'Longsword', 'blood', undefined],
    ["Celebrant's Keen Sickle", "Celebrant's Sickle", 'keen', undefined],
    ["Fire Knight's Greatsword", "Fire Knight's Greatsword", undefined, undefined],
    ['Sacred Relic Sword', 'Sacred Relic Sword', undefined, undefined],
    ['Rivers of Blood +10', 'Rivers of Blood', undefined, 10],
    ['rob', 'Rivers of Blood', undefined, undefined],
    ['weapon:9000000/keen', 'Uchigatana', 'keen', undefined],
    ['Moonveil', 'Moonveil', undefined, undefined],
  ] as const)('%s → %s (%s)', (text, name, affinity, level) => {
    expect(found(text)).toEqual({ name, affinity, level });
  });

  it('asks when the text is ambiguous and says when nothing matches', () => {
    expect(names.lookup('sword', resolver).kind).toBe('ambiguous');
    expect(names.lookup('qqqqzzzz', resolver).kind).toBe('not-found');
    expect(names.lookup('weapon:1', resolver)).toEqual({ kind: 'no-data', key: 'weapon:1' });
  });
});

describe('autocomplete choices', () => {
  it('offers the affinity form typed first, with a stable value', () => {
    expect(names.choices('keen uchi', search)[0]).toMatchObject({ name: 'Keen Uchigatana', value: 'weapon:9000000/keen', affinity: 'keen' });
    expect(names.choices('heavy clay', search).map((c) => c.name)).toContain('Heavy Claymore');
    expect(names.choices('uchigatana', search)[0]).toMatchObject({ name: 'Uchigatana', value: 'weapon:9000000', affinity: null });
  });

  it('never offers an affinity a weapon cannot take, and at most 25 choices whose values decode', () => {
    for (const query of ['keen', 'keen r', 'blood', 'fire kn', 'magic sword', 'sacred relic', '', 'x'.repeat(150)]) {
      const choices = names.choices(query, search);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(decodeWeaponKey(choice.value), choice.value).toBeDefined();
        expect(choice.value.length).toBeLessThanOrEqual(100);
        if (choice.affinity) expect(choice.weapon.rows.some((r) => r.affinity === choice.affinity)).toBe(true);
      }
    }
    expect(names.choices('keen rivers of blood', search)[0]).toMatchObject({ name: 'Rivers of Blood', affinity: null, value: 'weapon:9040000' });
  });
});
