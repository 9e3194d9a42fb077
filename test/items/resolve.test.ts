// The one item-resolution rule (src/items/resolve.ts) shared by /upgrade, /character buy and
// /character upgrade. A small hand-made index shows the rule itself; the real index shows the cases the
// commands meet (the three "Great Katana"s, "Longsword +3", a staff that cannot be upgraded).

import { describe, expect, it } from 'vitest';
import { ItemIndex } from '../../src/items/search.ts';
import { MAX_CANDIDATES, isUpgradableWeapon, requireItemIndex, resolveItem, searchItems } from '../../src/items/resolve.ts';
import type { Category, ItemRecord } from '../../src/items/types.ts';

let nextId = 1;
function item(name: string, category: Category, extra: Partial<ItemRecord> = {}): ItemRecord {
  const paramId = nextId++;
  return { key: `${category}:${paramId}`, paramId, name, aliases: [], category, dlc: false, sources: ['test'], patch: '1.10', ...extra };
}

const runes = (price: number) => ({ shop: [{ merchant: 'Twin Maiden Husks', price, currency: 'runes' }] });
const ITEMS = [
  item('Great Katana', 'weapon', { upgrade: 'regular' }),
  item("Rakshasa's Great Katana", 'weapon', { upgrade: 'regular' }),
  item("Dragon-Hunter's Great Katana", 'weapon', { upgrade: 'regular' }),
  item('Longsword', 'weapon', { upgrade: 'regular', aliases: ['Heavy Longsword'] }),
  item('Meteorite Staff', 'weapon', { upgrade: 'none' }),
  item('Moonveil', 'weapon', { upgrade: 'somber' }),
  item('Brass Shield', 'shield', { upgrade: 'regular' }),
  item('Black Knife Tiche', 'spirit_ash'),
  item('Arrow', 'ammo', runes(20)),
  item('Lordsworn Ring', 'talisman'),
  ...Array.from({ length: 8 }, (_, i) => item(`Smithing Stone [${i + 1}]`, 'upgrade_material', runes(200 * (i + 1)))),
];
const index = ItemIndex.fromData({ generatedAt: 'test', patch: '1.10', sources: [], items: ITEMS });
const named = (name: string) => ITEMS.find((i) => i.name === name)!;
const WEAPONS = { categories: ['weapon', 'shield'] as const, accept: isUpgradableWeapon, index };

describe('resolveItem: the rule', () => {
  it('an item key is that item, if the command takes it', () => {
    expect(resolveItem(named('Moonveil').key, WEAPONS)).toEqual({ kind: 'found', item: named('Moonveil'), exact: true, level: undefined });
    expect(resolveItem(named('Arrow').key, WEAPONS)).toEqual({ kind: 'not-found', closest: [], refused: named('Arrow') });
  });

  it('an exact name, alias or "+N" form wins outright; "+N" comes back as the level', () => {
    expect(resolveItem('longsword', WEAPONS)).toMatchObject({ kind: 'found', item: named('Longsword'), exact: true, level: undefined });
    expect(resolveItem('Heavy Longsword', WEAPONS)).toMatchObject({ kind: 'found', item: named('Longsword'), exact: true });
    expect(resolveItem('Longsword +3', WEAPONS)).toMatchObject({ kind: 'found', item: named('Longsword'), exact: true, level: 3 });
    // "Great Katana" is a whole name, though two other names contain it
    expect(resolveItem('great katana', WEAPONS)).toMatchObject({ kind: 'found', item: named('Great Katana'), exact: true });
  });

  it('a single sound match, or one in a better tier than the rest, is the answer (not exact: a best match)', () => {
    expect(resolveItem('moonv', WEAPONS)).toMatchObject({ kind: 'found', item: named('Moonveil'), exact: false });
    expect(resolveItem('brass', WEAPONS)).toMatchObject({ kind: 'found', item: named('Brass Shield'), exact: false });
  });

  it('equally good matches are a question, with every candidate', () => {
    const found = resolveItem('katana', WEAPONS);
    expect(found.kind).toBe('ambiguous');
    if (found.kind !== 'ambiguous') return;
    expect(found.total).toBe(3);
    expect(found.candidates.map((c) => c.name).sort()).toEqual(["Dragon-Hunter's Great Katana", 'Great Katana', "Rakshasa's Great Katana"]);
    // Eight stones share the prefix: all are counted, at most MAX_CANDIDATES listed.
    const stones = resolveItem('smithing stone', { accept: (i) => i.shop !== undefined, index });
    expect(stones).toMatchObject({ kind: 'ambiguous', total: 8 });
    if (stones.kind === 'ambiguous') expect(stones.candidates.length).toBe(Math.min(8, MAX_CANDIDATES));
  });

  it('not found: the closest names the command takes, and what the text names that it does not take', () => {
    expect(resolveItem('Meteorite Staff', WEAPONS)).toMatchObject({ kind: 'not-found', refused: named('Meteorite Staff') });
    // A spirit ash is outside /character upgrade's categories: not refused, just not found.
    expect(resolveItem('Black Knife Tiche', WEAPONS)).toMatchObject({ kind: 'not-found', refused: undefined });
    const typo = resolveItem('moonvail', WEAPONS);
    expect(typo.kind).toBe('not-found');
    if (typo.kind === 'not-found') expect(typo.closest.map((c) => c.name)).toContain('Moonveil');
    for (const text of ['', '   ', 'zzzz qqqq']) expect(resolveItem(text, WEAPONS)).toMatchObject({ kind: 'not-found', refused: undefined });
  });

  it('the filter decides, not the order of the categories: the same text means the same item', () => {
    const everything = { index };
    const weaponsFirst = { categories: ['weapon', 'shield', 'spirit_ash'] as const, index };
    const ashesFirst = { categories: ['spirit_ash', 'shield', 'weapon'] as const, index };
    for (const text of ['longsword', 'tiche', 'moonv', 'katana', 'brass']) {
      const a = resolveItem(text, everything);
      expect(resolveItem(text, weaponsFirst), text).toEqual(a);
      expect(resolveItem(text, ashesFirst), text).toEqual(a);
    }
  });

  it('searchItems lists only what the command takes, best first', () => {
    const hits = searchItems('great', { ...WEAPONS, limit: 25 });
    expect(hits.map((h) => h.item.name).sort()).toEqual(["Dragon-Hunter's Great Katana", 'Great Katana', "Rakshasa's Great Katana"]);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(searchItems('', { ...WEAPONS, limit: 25 }).every((h) => isUpgradableWeapon(h.item))).toBe(true);
    expect(searchItems('x'.repeat(5000), { ...WEAPONS, limit: 3 }).length).toBeLessThanOrEqual(3);
  });
});

describe('resolveItem with the real item data', () => {
  const real = { categories: ['weapon', 'shield'] as const, accept: isUpgradableWeapon };

  it('"katana" names three great katanas: a question, the same with or without spirit ashes searched', () => {
    const found = resolveItem('katana', real);
    expect(found).toMatchObject({ kind: 'ambiguous', total: 3 });
    if (found.kind === 'ambiguous') {
      expect(found.candidates.map((c) => c.name).sort()).toEqual(["Dragon-Hunter's Great Katana", 'Great Katana', "Rakshasa's Great Katana"]);
    }
    const withAshes = resolveItem('katana', { categories: ['weapon', 'shield', 'spirit_ash'], accept: (i) => i.category === 'spirit_ash' || isUpgradableWeapon(i) });
    expect(withAshes).toEqual(found);
  });

  it('"Longsword +3" is the Longsword, starting at +3; "Meteorite Staff" cannot be upgraded', () => {
    expect(resolveItem('Longsword +3', real)).toMatchObject({ kind: 'found', exact: true, level: 3, item: { name: 'Longsword' } });
    expect(resolveItem('Meteorite Staff', real)).toMatchObject({ kind: 'not-found', refused: { name: 'Meteorite Staff' } });
  });

  it('requireItemIndex returns the shared index', () => {
    expect(requireItemIndex().get(requireItemIndex().search('Longsword', { category: 'weapon', limit: 1 })[0]!.item.key)?.name).toBe('Longsword');
  });
});
