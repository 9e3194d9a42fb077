// The rune core's hand-kept tables against the game data: every rune item value equals the compiled
// data (data/items.json) and, with ../shared present, the item's own effect in the 1.16.1 params
// (EquipParamGoods.refId_default -> SpEffectParam.soul); the Gold Scarab and Gold-Pickled Fowl Foot
// rates and duration are the params' own; the patch every footer names is the data's.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RUNE_ITEMS } from '../../src/game/runeItemValues.ts';
import { GOLD_PICKLED_FOWL_FOOT, GOLD_SCARAB } from '../../src/game/runeGainModifiers.ts';
import { GAME_DATA_PATCH } from '../../src/game/patch.ts';
import type { ItemData } from '../../src/items/types.ts';
import { haveRegulation, paramCell, warnIfNoRegulation } from '../helpers/regulation.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8')) as { patch: string };
const data = read('items.json') as ItemData;

describe('the patch footers name', () => {
  it('is the patch of every compiled data file', () => {
    for (const f of ['items.json', 'sp-effects.json', 'attack-rating.json', 'enemies.json', 'bosses.json']) expect(read(f).patch, f).toBe(GAME_DATA_PATCH);
  });
});

describe('rune item values', () => {
  it('equal the compiled data for every item the data holds (the unused Lands Between Rune is not an item)', () => {
    for (const rune of RUNE_ITEMS) {
      const records = data.items.filter((i) => i.name === rune.name && (i.category === 'rune_item' || i.category === 'remembrance'));
      if (rune.name === 'Lands Between Rune') {
        expect(records).toEqual([]);
        continue;
      }
      expect(records, rune.name).toHaveLength(1);
      expect(records[0]!.runeValue, rune.name).toBe(rune.runes);
      expect(records[0]!.dlc, rune.name).toBe(rune.dlc);
    }
  });

  warnIfNoRegulation('the rune values read from the params');
  it.skipIf(!haveRegulation)('equal SpEffectParam.soul of each item\'s effect in the 1.16.1 params', { timeout: 120_000 }, () => {
    for (const rune of RUNE_ITEMS) {
      // goods 2990 is the Lands Between Rune (mechanics.md §4)
      const goodsId = rune.name === 'Lands Between Rune' ? 2990 : data.items.find((i) => i.name === rune.name)!.paramId;
      const effect = paramCell('EquipParamGoods', goodsId, 'refId_default');
      expect(paramCell('SpEffectParam', effect, 'soul'), rune.name).toBe(rune.runes);
    }
  });
});

describe('rune gain modifiers', () => {
  warnIfNoRegulation('the rune gain rates read from the params');
  it.skipIf(!haveRegulation)('Gold Scarab ×1.2 while worn, Fowl Foot ×1.3 for 180 s (SpEffect 311100 and 3971)', () => {
    const rate = (id: number) => Math.round(paramCell('SpEffectParam', id, 'soulRate') * 1000) / 1000;
    expect(rate(311_100)).toBe(GOLD_SCARAB.rate.num / GOLD_SCARAB.rate.den);
    expect(rate(3_971)).toBe(GOLD_PICKLED_FOWL_FOOT.rate.num / GOLD_PICKLED_FOWL_FOOT.rate.den);
    expect(paramCell('SpEffectParam', 3_971, 'effectEndurance')).toBe(GOLD_PICKLED_FOWL_FOOT.durationSeconds);
    // the goods row of the foot points at that effect
    expect(paramCell('EquipParamGoods', 1_200, 'refId_default')).toBe(3_971);
  });
});
