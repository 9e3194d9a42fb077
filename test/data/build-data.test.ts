// Pure functions of the item data compiler, on small inline fixtures (no source files needed).
import { describe, expect, it } from 'vitest';
import { scalingLetter, upgradeCosts, roundHalfEven } from '../../scripts/build-data/scaling.ts';
import {
  cleanName,
  foldName,
  isPlaceholderName,
  splitBracketPrefix,
  splitPlusLevel,
  stripRowNamePrefix,
} from '../../scripts/build-data/names.ts';
import { parseFmg, parseParamCsv, num } from '../../scripts/build-data/io.ts';
import { currencyOf, DLC_BLOCKS, merchantFromPrefix, unlocksByFlag, UNNAMED_DLC_MERCHANT } from '../../scripts/build-data/shops.ts';
import { parseReadme } from '../../scripts/build-data/sources.ts';
import { goodsTypeCategory, isRuneItemName, keyItemCategory } from '../../scripts/build-data/categories.ts';
import { cutToPercent, f32, formatSeconds, round } from '../../scripts/build-data/values.ts';
import { effectChain, handTypedNumbers, renderEffect } from '../../scripts/build-data/effect-text.ts';
import type { EffectRow } from '../../scripts/build-data/effects.ts';

describe('scaling letters', () => {
  it('uses the tier thresholds S≥175 A≥140 B≥90 C≥60 D≥25 E≥1', () => {
    const cases: [number, string | undefined][] = [
      [0, undefined],
      [0.5, undefined],
      [1, 'E'],
      [24, 'E'],
      [25, 'D'],
      [59, 'D'],
      [60, 'C'],
      [89, 'C'],
      [90, 'B'],
      [139, 'B'],
      [140, 'A'],
      [174, 'A'],
      [175, 'S'],
      [300, 'S'],
    ];
    for (const [v, letter] of cases) expect(scalingLetter(v), `correct=${v}`).toBe(letter);
  });
});

describe('upgrade costs', () => {
  // a tiny ReinforceParamWeapon: type 0 regular-like (3 levels), type 2200 somber-like (2 levels)
  const rates = new Map<number, number>([
    [0, 1],
    [1, 1],
    [2, 1.2],
    [3, 1.4],
    [2200, 1],
    [2201, 1],
    [2202, 1.5],
  ]);
  const rateOf = (id: number) => rates.get(id);

  it('applies the rate of the target level to reinforcePrice', () => {
    expect(upgradeCosts(250, 0, 3, rateOf)).toEqual([250, 300, 350]);
    expect(upgradeCosts(360, 2200, 2, rateOf)).toEqual([360, 540]);
  });

  it('throws when a level row is missing', () => {
    expect(() => upgradeCosts(100, 0, 4, rateOf)).toThrow(/ReinforceParamWeapon row 4/);
  });

  it('rounds like Python round(): halves to even, float noise removed', () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(2.4999999999)).toBe(2);
    expect(roundHalfEven(310 * 1.2)).toBe(372);
    expect(roundHalfEven(0.1 * 3 * 10)).toBe(3);
  });
});

describe('names', () => {
  it('detects placeholder and test names', () => {
    for (const n of ['', '   ', '%null%', '[ERROR]', '[ERROR]Type 3', 'test gem 1', 'Test', 'dummy', '???', undefined, null]) {
      expect(isPlaceholderName(n), String(n)).toBe(true);
    }
    for (const n of ['Uchigatana', 'Golden Rune [13]', "Lord's Rune", 'Contest of Arms', 'Testament? no: Attest']) {
      expect(isPlaceholderName(n), n).toBe(false);
    }
  });

  it('cleans whitespace and keeps official punctuation and diacritics', () => {
    expect(cleanName('  Miséricorde ')).toBe('Miséricorde');
    expect(cleanName('Note:\u00a0Hidden  Cave')).toBe('Note: Hidden Cave');
    expect(cleanName('Prattling Pate "Hello"')).toBe('Prattling Pate "Hello"');
  });

  it('splits +N levels, also with a stray space', () => {
    expect(splitPlusLevel('Black Knife Tiche +10')).toEqual({ base: 'Black Knife Tiche', level: 10 });
    expect(splitPlusLevel('Winged Misbegotten Ashes + 3')).toEqual({ base: 'Winged Misbegotten Ashes', level: 3 });
    expect(splitPlusLevel('Golden Rune [3]')).toEqual({ base: 'Golden Rune [3]', level: 0 });
  });

  it('folds names for comparison', () => {
    expect(foldName("Kalé's Bell Bearing")).toBe(foldName("Kale's Bell Bearing"));
    expect(foldName('Gold-Pickled Fowl Foot')).toBe('gold pickled fowl foot');
  });

  it('handles Row Name prefixes, nested brackets included', () => {
    expect(stripRowNamePrefix('[Sorcery] Glintstone Pebble')).toBe('Glintstone Pebble');
    expect(splitBracketPrefix("[Twin Maiden Husks - Smithing-Stone Miner's Bell Bearing [1]] Smithing Stone [1]")).toEqual({
      prefix: "Twin Maiden Husks - Smithing-Stone Miner's Bell Bearing [1]",
      rest: 'Smithing Stone [1]',
    });
    expect(splitBracketPrefix('Memory Stone')).toEqual({ prefix: null, rest: 'Memory Stone' });
  });

});

describe('source readers', () => {
  it('parses FMG XML and decodes entities', () => {
    const xml = `<?xml version="1.0"?><fmg><entries>
<text id="2900">Golden Rune [1]</text>
<text id="2901">%null%</text>
<text id="8226">Note: The Preceptor&apos;s Secret</text>
<text id="10">two
lines</text>
</entries></fmg>`;
    const m = parseFmg(xml);
    expect(m.get(2900)).toBe('Golden Rune [1]');
    expect(m.get(2901)).toBe('%null%');
    expect(m.get(8226)).toBe("Note: The Preceptor's Secret");
    expect(m.get(10)).toBe('two\nlines');
  });

  it('parses ;-separated param CSVs and ignores repeated rows', () => {
    const csv = 'Row ID;Row Name;value;sellQuantity;\n100025;Memory Stone;3000;1;\n100105;[Patches] Gold-Pickled Fowl Foot;600;3;\n100025;Memory Stone;3000;1;\n';
    const t = parseParamCsv(csv);
    expect(t.rows).toHaveLength(2);
    const row = t.byId.get(100105);
    expect(row).toBeDefined();
    expect(num(row ?? {}, 'value')).toBe(600);
    expect(num(row ?? {}, 'missing', -1)).toBe(-1);
    expect(() => parseParamCsv('id;name\n1;x')).toThrow(/not a param CSV/);
  });

  it('reads repository and commit from a README that says "From: github.com/... at commit ..."', () => {
    const r = parseReadme('From: github.com/vawser/Smithbox at commit 15fa399f6e63957224ca8a8ac357a95e002213f3,\n  src/x\n');
    expect(r.repository).toBe('github.com/vawser/Smithbox');
    expect(r.commit).toBe('15fa399f6e63957224ca8a8ac357a95e002213f3');
  });

  it('reads repository, commit and a wrapped licence from a README', () => {
    const r = parseReadme(
      'Source repository: https://github.com/o/r\nCommit: 0123456789abcdef0123456789abcdef01234567 (2024-01-01)\nLicense: MIT (Jane),\n         second line.\nFiles kept: x\n',
    );
    expect(r).toEqual({
      repository: 'github.com/o/r',
      commit: '0123456789abcdef0123456789abcdef01234567',
      licence: 'MIT (Jane), second line',
    });
  });

});

describe('categories and merchants', () => {
  it('recognises rune items', () => {
    for (const n of ['Golden Rune [13]', "Hero's Rune [5]", "Lord's Rune", "Numen's Rune", 'Shadow Realm Rune [7]', "Marika's Rune"]) {
      expect(isRuneItemName(n), n).toBe(true);
    }
    expect(isRuneItemName("Godrick's Great Rune")).toBe(false);
    expect(isRuneItemName('Rune Arc')).toBe(false);
  });

  it('splits key items by name', () => {
    expect(keyItemCategory("Smithing-Stone Miner's Bell Bearing [1]")).toBe('bell_bearing');
    expect(keyItemCategory("Nomadic Warrior's Cookbook [3]")).toBe('cookbook');
    expect(keyItemCategory('Rusty Key')).toBe('key_item');
  });

  it('classifies goods by the param goodsType, base game and DLC alike', () => {
    expect(goodsTypeCategory(7)).toBe('spirit');
    expect(goodsTypeCategory(8)).toBe('spirit');
    expect(goodsTypeCategory(5)).toBe('spell-sorcery');
    expect(goodsTypeCategory(17)).toBe('spell-sorcery');
    expect(goodsTypeCategory(16)).toBe('spell-incantation');
    expect(goodsTypeCategory(2)).toBe('crafting_material');
    expect(goodsTypeCategory(10)).toBe('crystal_tear');
    expect(goodsTypeCategory(12)).toBe('info_item');
    expect(goodsTypeCategory(99)).toBeNull();
  });

  it('makes merchant labels readable and reads bell-bearing unlocks', () => {
    expect(merchantFromPrefix('Patches')).toEqual({ merchant: 'Patches' });
    expect(merchantFromPrefix("Twin Maiden Husks - Somberstone Miner's Bell Bearing [2]")).toEqual({
      merchant: 'Twin Maiden Husks',
      unlock: "Somberstone Miner's Bell Bearing [2]",
    });
    expect(merchantFromPrefix('Merchant - North Limgrave')).toEqual({ merchant: 'Nomadic Merchant (North Limgrave)' });
    expect(merchantFromPrefix('Isolated Merchant - Dragonbarrow')).toEqual({ merchant: 'Isolated Merchant (Dragonbarrow)' });
    expect(merchantFromPrefix('Merchant Kale')).toEqual({ merchant: 'Merchant Kalé' });
    expect(merchantFromPrefix('Preceptor Seluvis - Ranni Quest')).toEqual({ merchant: 'Preceptor Seluvis', unlock: "Ranni's quest" });
    expect(merchantFromPrefix('Alteration')).toBeNull();
    expect(merchantFromPrefix('Sorcery')).toBeNull();
    expect(merchantFromPrefix('Enia - Forging')).toBeNull();
    expect(merchantFromPrefix('Enia - Rellana, Twin Moon Knight')).toEqual({ merchant: 'Finger Reader Enia', unlock: 'after defeating Rellana, Twin Moon Knight' });
    // 1.16.1 row-name spellings
    expect(merchantFromPrefix('D Hunter of The Dead')).toEqual({ merchant: 'D, Hunter of the Dead' });
    expect(merchantFromPrefix('Pidia Carian Servant')).toEqual({ merchant: 'Pidia, Carian Servant' });
    expect(merchantFromPrefix('Merchant - Caelid (Aeonia Swamp)')).toEqual({ merchant: 'Nomadic Merchant (Caelid, Aeonia Swamp)' });
  });

  it('names currencies by costType and remembrance trades by the remembrance', () => {
    expect(currencyOf(0, 'Patches')).toBe('runes');
    expect(currencyOf(1, 'Dragon Communion')).toBe('Dragon Heart');
    expect(currencyOf(2, 'Preceptor Seluvis - Ranni Quest')).toBe('Starlight Shards');
    expect(currencyOf(5, null)).toBe('Heart of Bayle');
    expect(currencyOf(0, 'Remembrance of The Full Moon Queen')).toBe('Remembrance of the Full Moon Queen');
    expect(currencyOf(3, null)).toBeNull();
  });

  it('takes bell-bearing unlocks from the 1.10 row names by sale-unlock flag', () => {
    const m = unlocksByFlag([
      { name: "[Twin Maiden Husks - Smithing-Stone Miner's Bell Bearing [1]] Smithing Stone [1]", flag: 11109751 },
      { name: '[Twin Maiden Husks - Haligtree] Black Flame\'s Protection', flag: 11109770 },
      { name: '[Patches] Gold-Pickled Fowl Foot', flag: 0 },
    ]);
    expect([...m]).toEqual([["Twin Maiden Husks|11109751", "Smithing-Stone Miner's Bell Bearing [1]"]]);
  });

  it('attributes unnamed DLC blocks only with a cited page; the rest say so', () => {
    for (const b of DLC_BLOCKS) {
      if (b.merchant === UNNAMED_DLC_MERCHANT) expect(b.cite).toBeUndefined();
      else expect(b.cite).toMatch(/^https:\/\//);
      expect(b.from).toBeLessThanOrEqual(b.to);
    }
    expect(DLC_BLOCKS.find((b) => b.from === 102_270)?.merchant).toBe('a merchant in the Land of Shadow');
  });
});

describe('values read from the params', () => {
  it('prints float32 cells as the game tools do', () => {
    expect(f32(Math.fround(3.8))).toBe(3.8);
    expect(f32(Math.fround(0.1))).toBe(0.1);
    expect(f32(Math.fround(1.0967033))).toBe(1.0967033);
    expect(f32(8)).toBe(8);
    expect(cutToPercent(Math.fround(0.956))).toBe(4.4);
    expect(cutToPercent(1)).toBe(0);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
  });

  it('formats durations: whole minutes in minutes, the rest in seconds', () => {
    expect(formatSeconds(180)).toBe('3 minutes');
    expect(formatSeconds(60)).toBe('1 minute');
    expect(formatSeconds(10)).toBe('10 s');
    expect(formatSeconds(Math.fround(1.5))).toBe('1.5 s');
  });
});

describe('effect lines: numbers from the params', () => {
  const rows = new Map<number, EffectRow>([
    [1, { id: 1, d: -1, cat: 0, pri: 0, f: { soulRate: 1.2, cycleOccurrenceSpEffectId: 2 } }],
    [2, { id: 2, d: 10, cat: 0, pri: 0, f: { changeHpPoint: -30, maxHpRate: 0.9, replaceSpEffectId: 3 } }],
    [3, { id: 3, d: 0, cat: 0, pri: 0, f: { maxHpRate: 1.05, itemDropRate: 0.75 } }],
  ]);
  const rowOf = (id: number) => rows.get(id);
  const item = { name: 'Test Talisman', effects: [1] };

  it('follows the chain breadth first', () => {
    expect(effectChain(item, rowOf).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('fills every placeholder kind', () => {
    expect(renderEffect('Runes +{pct:soulRate}% for {duration}.', item, rowOf)).toBe('Runes +20% for 10 s.');
    expect(renderEffect('Heals {abs:changeHpPoint}; max HP -{pct:maxHpRate}%, then +{pct:maxHpRate@2}%.', item, rowOf)).toBe('Heals 30; max HP -10%, then +5%.');
    expect(renderEffect('Discovery +{x100:itemDropRate}, raw {val:changeHpPoint}.', item, rowOf)).toBe('Discovery +75, raw -30.');
    expect(renderEffect('Consume for {runes} runes.', { name: 'Rune', runeValue: 12500 }, rowOf)).toBe('Consume for 12,500 runes.');
    expect(renderEffect('Lasts {duration}.', { name: 'Tear', duration: 180 }, rowOf)).toBe('Lasts 3 minutes.');
  });

  it('stops on a placeholder the params cannot fill', () => {
    expect(() => renderEffect('+{pct:haveSoulRate}%', item, rowOf)).toThrow(/Test Talisman.*no effect of the item sets haveSoulRate/);
    expect(() => renderEffect('+{pct:maxHpRate@3}%', item, rowOf)).toThrow(/no 3th effect/);
    expect(() => renderEffect('for {duration}', { name: 'Stone', effects: [3] }, rowOf)).toThrow(/no duration/);
    expect(() => renderEffect('{runes}', item, rowOf)).toThrow(/gives no runes/);
  });

  it('finds numbers typed by hand, but not placeholders or upgrade levels', () => {
    expect(handTypedNumbers('Max HP +{pct:maxHpRate}% for {duration}.')).toEqual([]);
    expect(handTypedNumbers('Upgrades regular weapons from +0 to +3.')).toEqual([]);
    expect(handTypedNumbers('Poise up for 3 minutes; +20% attack; Strength +5.')).toEqual(['3 minutes', '+20%', '+5']);
  });
});
