// The item card filled from the data, checked against numbers read here from the game's own 1.16.1
// params (../shared; the suite skips with a message when it is absent), never against the card's output:
// a shield's guard (EquipParamWeapon guard fields), a weapon's status buildup per upgrade (spEffectBehaviorId
// + the level's ReinforceParamWeapon.spEffectId offset -> SpEffectParam *AttackPower), a great rune's effect
// (its SpEffectParam row), what a bell bearing adds to the Twin Maiden Husks' stock (ShopLineupParam rows and
// prices, mechanics.md §6), what a remembrance trades for (lineup rows whose material set asks for it).

import { describe, expect, it } from 'vitest';
import { getItemIndex, type ItemIndex } from '../../src/items/search.ts';
import { stockIndexOf } from '../../src/items/stock.ts';
import { itemCard, kindLine } from '../../src/render/itemCard.ts';
import type { EmbedView } from '../../src/render/types.ts';
import type { ItemRecord } from '../../src/items/types.ts';
import { haveRegulation, paramCell, paramHas, paramRows, warnIfNoRegulation } from '../helpers/regulation.ts';

const index = getItemIndex() as ItemIndex;
const stock = stockIndexOf(index.items);

function record(name: string, category?: string): ItemRecord {
  const found = index.items.filter((i) => i.name === name && (!category || i.category === category));
  expect(found, name).toHaveLength(1);
  return found[0]!;
}
const card = (name: string, category?: string): EmbedView => itemCard(record(name, category), { patch: index.patch, stock });
const field = (view: EmbedView, name: string) => view.fields?.find((f) => f.name === name)?.value;
/** A float32 cell as the game menus show it (74.0000… → 74). */
const f32 = (x: number) => Math.round(x * 1000) / 1000;

warnIfNoRegulation('the item card values read from the params');

describe.skipIf(!haveRegulation)('item cards against the 1.16.1 params', { timeout: 120_000 }, () => {
  it("a shield's guarded damage negation and guard boost (stability)", () => {
    for (const name of ['Buckler', 'Brass Shield', 'Fingerprint Stone Shield', 'Shield of Night']) {
      const id = record(name).paramId;
      const cut = (f: string) => f32(paramCell('EquipParamWeapon', id, f));
      const view = card(name);
      expect(field(view, 'Guarded damage negation (+0)'), name).toBe(
        `Phy ${cut('physGuardCutRate')}% · Mag ${cut('magGuardCutRate')}% · Fire ${cut('fireGuardCutRate')}% · Ligt ${cut('thunGuardCutRate')}% · Holy ${cut('darkGuardCutRate')}%`,
      );
      expect(field(view, 'Guard boost (stability)'), name).toBe(String(paramCell('EquipParamWeapon', id, 'staminaGuardDef')));
    }
    // The Buckler, typed from the params once as a check of the reading: 74 / 30 / 30 / 16 / 30, stability 45.
    expect(field(card('Buckler'), 'Guarded damage negation (+0)')).toBe('Phy 74% · Mag 30% · Fire 30% · Ligt 16% · Holy 30%');
    expect(field(card('Buckler'), 'Guard boost (stability)')).toBe('45');
  });

  it("Rivers of Blood's blood loss at +0 and +10, and that Arcane raises it", () => {
    const id = record('Rivers of Blood').paramId;
    const type = paramCell('EquipParamWeapon', id, 'reinforceTypeId');
    const behavior = paramCell('EquipParamWeapon', id, 'spEffectBehaviorId0');
    const bleed = (level: number) => paramCell('SpEffectParam', behavior + paramCell('ReinforceParamWeapon', type + level, 'spEffectId1'), 'bloodAttackPower');
    const [atZero, atTen] = [bleed(0), bleed(10)];
    expect(atZero).toBe(50); // the in-game passive at +0
    const expected = atZero === atTen ? `Blood loss ${atZero} at +0 and at +10` : `Blood loss ${atZero} at +0, ${atTen} at +10`;
    const line = field(card('Rivers of Blood'), 'Status buildup per hit')!;
    expect(line.startsWith(expected), line).toBe(true);
    // correctLuck > 0: the buildup grows with Arcane (attack-rating.md: RoB +10 at Arcane 50 builds 73)
    expect(paramCell('EquipParamWeapon', id, 'correctLuck')).toBeGreaterThan(0);
    expect(line).toMatch(/rises with Arcane/);
  });

  it('every weapon with a passive: buildup at +0 and at the top level from its own rows', () => {
    const fields: [string, string][] = [
      ['poison', 'poizonAttackPower'],
      ['scarletRot', 'diseaseAttackPower'],
      ['bloodLoss', 'bloodAttackPower'],
      ['frostbite', 'freezeAttackPower'],
      ['sleep', 'sleepAttackPower'],
      ['madness', 'madnessAttackPower'],
      ['deathBlight', 'curseAttackPower'],
    ];
    const weapons = index.items.filter((i) => i.status);
    expect(weapons.length).toBeGreaterThan(50);
    for (const w of weapons) {
      const type = paramCell('EquipParamWeapon', w.paramId, 'reinforceTypeId');
      const top = w.upgrade === 'regular' ? 25 : w.upgrade === 'somber' ? 10 : 0;
      const at = (level: number) => {
        const out: Record<string, number> = {};
        for (let n = 0; n < 3; n++) {
          const behavior = paramCell('EquipParamWeapon', w.paramId, `spEffectBehaviorId${n}`);
          if (behavior <= 0) continue;
          const row = behavior + paramCell('ReinforceParamWeapon', type + level, `spEffectId${n + 1}`);
          if (!paramHas('SpEffectParam', row)) continue; // no such row: no buildup from it
          for (const [kind, f] of fields) {
            const value = paramCell('SpEffectParam', row, f);
            if (value > 0) out[kind] = (out[kind] ?? 0) + value;
          }
        }
        return out;
      };
      expect(w.status, w.name).toEqual(at(0));
      if (top > 0) expect(w.statusMax, w.name).toEqual(at(top));
    }
  });

  it("the great runes' effects come from their own effect rows", () => {
    const row = (id: number, f: string) => f32(paramCell('SpEffectParam', id, f));
    // Godrick's (600): every attribute the same bonus
    const godrick = ['addLifeForceStatus', 'addWillpowerStatus', 'addEndureStatus', 'addStrengthStatus', 'addDexterityStatus', 'addMagicStatus', 'addFaithStatus', 'addLuckStatus'].map((f) => row(600, f));
    expect(new Set(godrick).size).toBe(1);
    expect(card("Godrick's Great Rune").description).toContain(`every attribute +${godrick[0]}`);
    const pct = (x: number) => Math.round((x - 1) * 100);
    expect(card("Radahn's Great Rune").description).toContain(`max HP +${pct(row(610, 'maxHpRate'))}%, FP +${pct(row(610, 'maxMpRate'))}%, stamina +${pct(row(610, 'maxStaminaRate'))}%`);
    expect(card("Morgott's Great Rune").description).toContain(`max HP +${pct(row(620, 'maxHpRate'))}%`);
    // Rykard's (630): on each kill, the effect it applies restores HP (negative change = healing)
    const onKill = paramCell('SpEffectParam', 630, 'applyIdOnGetSoul');
    expect(card("Rykard's Great Rune").description).toContain(`restores ${-row(onKill, 'changeHpRate')}% of your max HP + ${-row(onKill, 'changeHpPoint')} HP`);
    for (const name of ["Mohg's Great Rune", "Malenia's Great Rune"]) expect(card(name).description, name).toMatch(/With a Rune Arc active: \w/);
    for (const name of ["Godrick's Great Rune", "Radahn's Great Rune", "Morgott's Great Rune", "Rykard's Great Rune", "Mohg's Great Rune", "Malenia's Great Rune"]) {
      expect(card(name).description, name).not.toMatch(/Great Rune · Great Rune/);
    }
  });

  it("a bell bearing's card lists what it adds to the Twin Maiden Husks, at their prices", () => {
    // mechanics.md §6: Smithing-Stone Miner's [1] unlocks Smithing Stone [1]-[2] at the Husks (200, 400).
    const husks = (goods: number) => paramRows('ShopLineupParam', (c) => c('equipId') === goods && c('equipType') === 3).filter((id) => id >= 101_800 && id <= 101_899);
    const [stone1, stone2] = [husks(10_100), husks(10_101)];
    expect(stone1).toHaveLength(1);
    expect(stone2).toHaveLength(1);
    // both rows open with one flag: the one bell bearing
    expect(paramCell('ShopLineupParam', stone1[0]!, 'eventFlag_forRelease')).toBe(paramCell('ShopLineupParam', stone2[0]!, 'eventFlag_forRelease'));
    const value = field(card("Smithing-Stone Miner's Bell Bearing [1]"), "Adds to the Twin Maiden Husks' stock")!;
    expect(value).toContain(`Smithing Stone [1]: ${paramCell('ShopLineupParam', stone1[0]!, 'value')} runes each`);
    expect(value).toContain(`Smithing Stone [2]: ${paramCell('ShopLineupParam', stone2[0]!, 'value')} runes each`);
    expect(value).not.toContain('Smithing Stone [3]');
    // Somber [9] alone for Somberstone Miner's [5] (§6): 25,000
    expect(field(card("Somberstone Miner's Bell Bearing [5]"), "Adds to the Twin Maiden Husks' stock")).toContain('Somber Smithing Stone [9]: 25,000 runes each');
    // A merchant's bell bearing hands that merchant's wares over
    expect(field(card("Patches' Bell Bearing"), 'Hand it to the Twin Maiden Husks')).toMatch(/wares of Patches/);
    expect(field(card("Kalé's Bell Bearing"), 'Hand it to the Twin Maiden Husks')).toMatch(/wares of Merchant Kalé/);
  });

  it('a remembrance lists what Finger Reader Enia trades it for: the lineup rows whose material is that remembrance', () => {
    for (const name of ['Remembrance of the Grafted', 'Remembrance of the Dancing Lion', 'Remembrance of a God and a Lord']) {
      const goods = record(name, 'remembrance').paramId;
      const sets = new Set(paramRows('EquipMtrlSetParam', (c) => c('materialId01') === goods && c('materialCate01') === 4));
      // merchant lineups are rows 100000-102999 (the 9000000 block holds unused test rows)
      const rows = paramRows('ShopLineupParam', (c) => sets.has(c('mtrlId'))).filter((row) => row >= 100_000 && row <= 102_999);
      expect(rows.length, name).toBeGreaterThanOrEqual(2);
      const named = (row: number) => {
        const id = paramCell('ShopLineupParam', row, 'equipId');
        const weapon = paramCell('ShopLineupParam', row, 'equipType') === 0;
        const found = index.items.find((i) => (weapon ? (i.category === 'weapon' || i.category === 'shield') && i.paramId === id - (id % 10_000) : i.paramId === id && i.category !== 'weapon'));
        return found!.name;
      };
      const expected = [...new Set(rows.map(named))].sort();
      const value = field(card(name, 'remembrance'), 'Trade it at Finger Reader Enia for one of')!;
      const listed = value.split('\n').map((line) => /^\*\*(.+?)\*\*/.exec(line)![1]!).sort();
      expect(listed, name).toEqual(expected);
    }
  });
});

describe.skipIf(!haveRegulation)('where the remembrance trades are', { timeout: 120_000 }, () => {
  it('ShopLineupParam_Recipe holds crafting recipes only: no row there asks for a remembrance', () => {
    const remembrances = new Set(index.items.filter((i) => i.category === 'remembrance').map((i) => i.paramId));
    expect(remembrances.size).toBe(25);
    const rows = paramRows('ShopLineupParam_Recipe', () => true);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const set = paramCell('ShopLineupParam_Recipe', row, 'mtrlId');
      if (set <= 0 || !paramHas('EquipMtrlSetParam', set)) continue;
      for (let k = 1; k <= 6; k++) expect(remembrances.has(paramCell('EquipMtrlSetParam', set, `materialId0${k}`)), `recipe row ${row}`).toBe(false);
    }
  });
});

describe('item cards from the compiled data', () => {
  it("every remembrance's card lists at least two trades at Enia", () => {
    for (const item of index.items.filter((i) => i.category === 'remembrance')) {
      const value = field(itemCard(item, { stock }), 'Trade it at Finger Reader Enia for one of') ?? '';
      expect(value.split('\n').length, item.name).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('item cards without doubled labels', () => {
  it('names the kind once ("Spirit Ash", "Small Shield", "Katana · Weapon")', () => {
    expect(kindLine(record('Lone Wolf Ashes'))).toBe('Spirit Ash');
    expect(kindLine(record('Mimic Tear Ashes'))).toBe('Renowned Spirit Ash');
    expect(kindLine(record('Buckler'))).toBe('Small Shield');
    expect(kindLine(record('Rivers of Blood'))).toBe('Katana · Weapon');
    for (const item of index.items) {
      const line = kindLine(item);
      const [first, second] = line.split(' · ');
      if (second) expect(first!.toLowerCase().endsWith(second.toLowerCase()), `${item.name}: ${line}`).toBe(false);
    }
  });

  it('says the runes a rune item gives once', () => {
    for (const item of index.items.filter((i) => i.runeValue !== undefined)) {
      const view = itemCard(item, { stock });
      const amount = item.runeValue!.toLocaleString('en-US');
      const text = [view.description, ...(view.fields ?? []).map((f) => f.value)].join('\n');
      expect(text.split(amount).length - 1, item.name).toBeGreaterThanOrEqual(1);
      const saidInDescription = view.description!.includes(amount);
      expect(field(view, 'Runes gained') === undefined, item.name).toBe(saidInDescription);
    }
  });
});
