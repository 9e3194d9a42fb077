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
import { merchantFromPrefix } from '../../scripts/build-data/shops.ts';
import { runeNumberFromInfo } from '../../scripts/build-data/dlc.ts';
import { kaggleKey, kaggleNumber, parsePyDict } from '../../scripts/build-data/kaggle.ts';
import { parseReadme } from '../../scripts/build-data/sources.ts';
import { dlcGoodsCategory, isRuneItemName, keyItemCategory } from '../../scripts/build-data/categories.ts';
import { isAffinityName } from '../../scripts/build-data/base.ts';

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

  it('recognises affinity variant names', () => {
    expect(isAffinityName('Heavy Uchigatana')).toBe(true);
    expect(isAffinityName("Lordsworn's Keen Straight Sword")).toBe(true);
    expect(isAffinityName("Onyx Lord's Sword")).toBe(false);
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

  it('takes only the number from a rune item info line', () => {
    expect(runeNumberFromInfo('Use to gain 7500 runes')).toBe(7500);
    expect(runeNumberFromInfo('Use to gain 12,500 runes')).toBe(12500);
    expect(runeNumberFromInfo('Use to gain a small number of runes')).toBeUndefined();
    expect(runeNumberFromInfo(undefined)).toBeUndefined();
  });

  it('parses the Kaggle python-literal cells and number cells', () => {
    expect(parsePyDict("{'Str': 15, 'Dex': 14}")).toEqual({ Str: 15, Dex: 14 });
    expect(parsePyDict("[{'Phy': '1.8', 'VS Str.': '2.3'}]")).toEqual({ Phy: 1.8, 'VS Str.': 2.3 });
    expect(kaggleNumber('30,000')).toBe(30000);
    expect(kaggleNumber('- (15 20)')).toBe(15);
    expect(kaggleNumber('N/A')).toBeUndefined();
    expect(kaggleKey('Crimson Amber Medallion +3 Variant')).toBe(kaggleKey('Crimson Amber Medallion +3'));
    expect(kaggleKey("Mushroom-Seller's Bell Bearing (1)")).toBe(kaggleKey("Mushroom-Seller's Bell Bearing [1]"));
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

  it('classifies DLC goods by id range', () => {
    expect(dlcGoodsCategory(2_200_000, 'Curseblade Meera')).toBe('spirit');
    expect(dlcGoodsCategory(2_002_952, 'Shadow Realm Rune [1]')).toBe('rune_item');
    expect(dlcGoodsCategory(2_004_300, "Miriam's Vanishing")).toBe('spell-sorcery');
    expect(dlcGoodsCategory(2_007_820, "Messmer's Orb")).toBe('spell-incantation');
    expect(dlcGoodsCategory(2_009_001, 'May the Best Win')).toBe('gesture');
    expect(dlcGoodsCategory(2_020_001, 'Rada Fruit')).toBe('crafting_material');
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
  });
});
