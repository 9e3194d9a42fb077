// The item card's structured effect, through /item as the bot runs it. The numbers expected are the
// params' (SpEffectParam 311100 soulRate 1.2 while worn; 3971 soulRate 1.3, effectEndurance 180;
// 321800 atkEnemyDmgCorrectRate 1.15, atkPlayerDmgCorrectRate 1.075; EquipParamGoods 10030 maxNum 8),
// and mechanics.md §5 for the two rune items.

import { describe, expect, it } from 'vitest';
import { run } from '../items/helpers.ts';
import { effectFields, effectLine, effectSummary } from '../../src/render/effectText.ts';
import { getEffectCatalog } from '../../src/items/effects.ts';
import { getItemIndex } from '../../src/items/search.ts';

const field = async (name: string, title: string) => {
  const { reply } = await run(`/item name:${name}`);
  const embed = reply.embeds![0]!;
  expect(embed.title).toBe(name);
  return embed.fields?.find((f) => f.name === title)?.value;
};

describe('/item shows what the item does, with its numbers from the params', () => {
  it('Gold Scarab: +20% runes from kills while equipped', async () => {
    expect(await field('Gold Scarab', 'What it does')).toBe('• Runes from kills +20% (while equipped)');
    expect(await field('Gold Scarab', 'Stacks with')).toMatch(/Gold-Pickled Fowl Foot/);
  });

  it('Gold-Pickled Fowl Foot: +30% for 180 s, and what replaces it', async () => {
    expect(await field('Gold-Pickled Fowl Foot', 'What it does')).toBe('• Runes from kills +30% for 180 s (3 min)');
    expect(await field('Gold-Pickled Fowl Foot', 'Does not stack with')).toMatch(/Golden Horn Tender/);
  });

  it('a talisman group and a PvP value', async () => {
    expect(await field('Arsenal Charm', 'Does not stack with')).toMatch(/Cannot be worn together with Arsenal Charm \+1 and Great-Jar's Arsenal/);
    expect(await field('Claw Talisman', 'What it does')).toBe('• Jump attacks +15% (+7.5% against players) (while equipped)');
  });

  it('Memory Stone: one slot each, up to 8 carried', async () => {
    expect(await field('Memory Stone', 'What it does')).toBe('• One more memory slot per stone (up to 8 can be carried)');
  });

  it('items without an effect get no such field; the footer still names the patch', async () => {
    const { reply } = await run('/item name:Rivers of Blood');
    expect(reply.embeds![0]!.fields?.some((f) => f.name === 'What it does')).toBe(false);
    expect(reply.embeds![0]!.footer).toMatch(/Game data: patch 1\.16\.1/);
  });

  it('/search lines show the structured effect of an item that has no one-line summary (a DLC item)', async () => {
    const { reply } = await run('/search query:best rune gain');
    expect(reply.embeds![0]!.description).toMatch(/Golden Horn Tender[^\n]*\nRunes from kills \+40% for 180 s/);
  });
});

describe('wording', () => {
  const catalog = getEffectCatalog()!;
  const index = getItemIndex()!;
  const item = (name: string) => index.items.find((i) => i.name === name)!;
  const lines = (name: string) => catalog.effectsOf(item(name)).map((e) => effectLine(e, item(name)));

  it('conditions, durations, stages and drawbacks in words', () => {
    expect(lines('Red-Feathered Branchsword')).toEqual(['Attack power +20% while HP is below 20%']);
    expect(lines('Crusade Insignia')).toEqual(['Attack power +15% (+10% against players) for 20 s after killing an enemy']);
    expect(lines('Winged Sword Insignia')).toEqual(['Attack power +10% over a chain of hits (3%, 5%, 10%)']);
    expect(lines("Taker's Cameo")).toEqual(['Killing an enemy heals 3% of max HP + 30']);
    expect(lines("Radagon's Soreseal")).toEqual(['Vigor, Endurance, Strength and Dexterity +5 (while equipped)', 'Damage taken +15% (while equipped) (drawback)']);
    expect(lines('Meteorite Staff')).toEqual(['Gravity sorceries +30% (while held)']);
  });

  it('no fields without data, and a summary only for items with effects', () => {
    expect(effectFields(item('Gold Scarab'), null)).toEqual([]);
    expect(effectSummary(item('Rivers of Blood'))).toBeUndefined();
    expect(effectSummary(item('Golden Horn Tender'))).toBe('Runes from kills +40% for 180 s (3 min).');
  });
});
