// Effect search (/search by what items do): the player query sample in ../shared (skipped with a message
// when absent), our own list of player questions (test/items/effect-queries.tsv), ranking by relevance
// then magnitude, filters, and names still found as the name index finds them.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getEffectSearch, readQuery, searchItems } from '../../src/items/effectSearch.ts';
import { porterStem } from '../../src/items/stemmer.ts';
import { getItemIndex } from '../../src/items/search.ts';

const index = getItemIndex()!;
const effects = getEffectSearch()!;
const search = (q: string, o: Parameters<typeof searchItems>[3] = {}) => searchItems(index, effects, q, o).map((i) => i.name);

const SHARED_EFFECTS = fileURLToPath(new URL('../../../shared/queries/effects.tsv', import.meta.url));
const SHARED_ITEMS = fileURLToPath(new URL('../../../shared/queries/items.tsv', import.meta.url));
const OWN = fileURLToPath(new URL('./effect-queries.tsv', import.meta.url));

function readTsv(path: string): { query: string; expected: string[] }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [query, expected] = l.split('\t');
      return { query: query!.trim(), expected: expected!.split('|').map((s) => s.trim()) };
    });
}

function topFive(cases: { query: string; expected: string[] }[]): string[] {
  const misses: string[] = [];
  for (const { query, expected } of cases) {
    const top = search(query).slice(0, 5);
    if (!expected.some((e) => top.includes(e))) misses.push(`"${query}" → ${top.join(', ')}`);
  }
  return misses;
}

describe('effect queries: an expected item among the first five', () => {
  it.skipIf(!existsSync(SHARED_EFFECTS))('every line of ../shared/queries/effects.tsv', () => {
    const cases = readTsv(SHARED_EFFECTS);
    const misses = topFive(cases);
    console.log(`effects.tsv top-5: ${cases.length - misses.length}/${cases.length}`);
    expect(misses).toEqual([]);
  });
  if (!existsSync(SHARED_EFFECTS)) console.log('skipped: ../shared/queries/effects.tsv not found (the player query sample lives beside the project)');

  it('every line of our own list (at least 40 questions players ask)', () => {
    const cases = readTsv(OWN);
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const seed of ['rune gain', 'more spell slots', 'increase max hp', 'protect runes on death', 'fire resistance', 'two handing damage', 'stealth']) {
      expect(cases.map((c) => c.query)).toContain(seed);
    }
    const misses = topFive(cases);
    console.log(`effect-queries.tsv top-5: ${cases.length - misses.length}/${cases.length}`);
    expect(misses).toEqual([]);
  });
});

describe('ranking', () => {
  it('relevance first, then magnitude: the rune gain items by soulRate (1.4, 1.3, 1.2)', () => {
    for (const q of ['best rune gain', 'rune gain']) {
      const names = search(q);
      expect(names.indexOf('Gold-Pickled Fowl Foot'), q).toBeLessThan(names.indexOf('Gold Scarab'));
      expect(names.indexOf('Golden Horn Tender'), q).toBeLessThan(names.indexOf('Gold-Pickled Fowl Foot'));
    }
    // Dragoncrest Greatshield (0.8 against enemies) before the plain Dragoncrest Shield (0.9)
    const guard = search('physical damage negation');
    expect(guard.indexOf('Dragoncrest Greatshield Talisman')).toBeLessThan(guard.indexOf('Dragoncrest Shield Talisman'));
    // an effect that is always on (Flamedrake +1: defEnemyDmgCorrectRate_Fire 0.83) before a bigger one
    // that needs guarding (Pearl Shield Talisman: fireDamageCutRate 0.8 on a guarded hit)
    const fire = search('fire resistance', { category: 'talisman' });
    expect(fire.indexOf('Flamedrake Talisman +1')).toBeLessThan(fire.indexOf('Pearl Shield Talisman'));
  });

  it('filters by DLC and category', () => {
    expect(search('rune gain', { dlc: false })).not.toContain('Golden Horn Tender');
    expect(search('rune gain', { dlc: true })[0]).toBe('Golden Horn Tender');
    const talismans = searchItems(index, effects, 'rune gain', { category: 'talisman' });
    expect(talismans[0]?.name).toBe('Gold Scarab');
    expect(talismans.every((i) => i.category === 'talisman')).toBe(true);
  });

  it('reads intents from words in any order, each word once', () => {
    expect(readQuery('heal when killing enemies').intents.map((i) => i.kind)).toEqual(['hp_on_kill']);
    expect(readQuery('protect runes on death').intents.map((i) => i.kind)).toEqual(['keep_runes']);
    expect(readQuery('best rune gain').best).toBe(true);
    expect(readQuery('zzzz').intents).toEqual([]);
    expect(search('zzzzqx')).toEqual([]);
    expect(search('')).toEqual([]);
  });

  it('stems as Porter does (his published examples)', () => {
    const cases: Record<string, string> = { caresses: 'caress', ponies: 'poni', relational: 'relat', conditional: 'condit', hopping: 'hop', filing: 'file', happy: 'happi', triplicate: 'triplic', resistance: 'resist', healing: 'heal' };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });
});

if (!existsSync(SHARED_ITEMS)) console.log('skipped: ../shared/queries/items.tsv not found (the player query sample lives beside the project)');

describe('names are found as before', () => {
  it('an exact name comes first', () => {
    for (const name of ['Gold Scarab', 'Rivers of Blood', 'Golden Rune [5]', 'Memory Stone', 'Crimson Amber Medallion']) expect(search(name)[0]).toBe(name);
  });

  it.skipIf(!existsSync(SHARED_ITEMS))('../shared/queries/items.tsv: wherever the name index puts the expected item first, /search does too', () => {
    const lines = readFileSync(SHARED_ITEMS, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    let nameFirst = 0;
    let searchFirst = 0;
    const lost: string[] = [];
    for (const line of lines) {
      const [query, expected] = line.split('\t').map((s) => s.trim()) as [string, string];
      const byName = index.search(query, { limit: 5 })[0]?.item.name === expected;
      const bySearch = search(query)[0] === expected;
      if (byName) nameFirst++;
      if (bySearch) searchFirst++;
      if (byName && !bySearch) lost.push(query);
    }
    console.log(`items.tsv top-1: name index ${nameFirst}/${lines.length}, /search ${searchFirst}/${lines.length}`);
    expect(lost).toEqual([]);
  });
});
