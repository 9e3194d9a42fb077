// Structured effects read from the compiled params (data/sp-effects.json). Every expected value below
// was read from the SpEffectParam rows themselves (field values quoted in the comments) or from
// ../shared/docs/mechanics.md, never from this code's output.

import { describe, expect, it } from 'vitest';
import { EffectCatalog, getEffectCatalog, interpretItem, loadEffectTable } from '../../src/items/effects.ts';
import type { StructuredEffect } from '../../src/items/effectVocabulary.ts';
import { stackingRule } from '../../src/items/effectVocabulary.ts';
import { getItemIndex } from '../../src/items/search.ts';
import type { ItemData, ItemRecord } from '../../src/items/types.ts';

const catalog = getEffectCatalog()!;
const index = getItemIndex()!;
const item = (name: string, category?: ItemRecord['category']) => {
  const found = index.items.find((i) => i.name === name && (!category || i.category === category));
  if (!found) throw new Error(`no item ${name}`);
  return found;
};
const effects = (name: string) => catalog.effectsOf(item(name));
const one = (name: string, kind: StructuredEffect['kind']) => {
  const list = effects(name).filter((e) => e.kind === kind);
  expect(list, `${name}: one ${kind} effect`).toHaveLength(1);
  return list[0]!;
};

describe('structured effects from the params', () => {
  it('rune gain: Gold Scarab soulRate 1.2 while equipped; Gold-Pickled Fowl Foot soulRate 1.3 for 180 s (mechanics.md §5)', () => {
    const scarab = one('Gold Scarab', 'rune_gain');
    expect(scarab).toMatchObject({ value: 20, unit: 'percent', timing: 'equipped', drawback: false });
    expect(scarab.duration).toBeUndefined();
    const foot = one('Gold-Pickled Fowl Foot', 'rune_gain');
    expect(foot).toMatchObject({ value: 30, unit: 'percent', timing: 'timed', duration: 180 });
    // DLC: Golden Horn Tender, SpEffect 20501230 soulRate 1.4, effectEndurance 180
    expect(one('Golden Horn Tender', 'rune_gain')).toMatchObject({ value: 40, duration: 180 });
  });

  it('item discovery: Silver Scarab itemDropRate 0.75 (+75), Silver-Pickled Fowl Foot 0.5 for 180 s', () => {
    expect(one('Silver Scarab', 'item_discovery')).toMatchObject({ value: 75, unit: 'points', timing: 'equipped' });
    expect(one('Silver-Pickled Fowl Foot', 'item_discovery')).toMatchObject({ value: 50, duration: 180 });
  });

  it('maximums and load: maxHpRate 1.06 / 1.1, equipWeightChangeRate 1.19, and a drawback (maxHpRate 0.85)', () => {
    expect(one('Crimson Amber Medallion', 'max_hp').value).toBe(6);
    expect(one('Crimson Amber Medallion +3', 'max_hp').value).toBe(10);
    expect(one("Great-Jar's Arsenal", 'equip_load').value).toBe(19);
    const blade = one('Primal Glintstone Blade', 'max_hp');
    expect(blade).toMatchObject({ value: -15, drawback: true });
    // magicConsumptionRate = miracleConsumptionRate = 0.75
    expect(one('Primal Glintstone Blade', 'fp_cost')).toMatchObject({ value: 25, scope: ['sorcery', 'incantation'] });
  });

  it("Erdtree's Favor +1: maxHpRate 1.035, maxStaminaRate 1.085, equipWeightChangeRate 1.065", () => {
    const fx = effects("Erdtree's Favor +1");
    expect(fx.find((e) => e.kind === 'max_hp')?.value).toBe(3.5);
    expect(fx.find((e) => e.kind === 'max_stamina')?.value).toBe(8.5);
    expect(fx.find((e) => e.kind === 'equip_load')?.value).toBe(6.5);
  });

  it("attributes and a penalty: Radagon's Soreseal +5 Vigor, Endurance, Strength, Dexterity; every *DamageCutRate 1.15", () => {
    expect(one("Radagon's Soreseal", 'attribute')).toMatchObject({ value: 5, scope: ['vigor', 'endurance', 'strength', 'dexterity'] });
    expect(one("Radagon's Soreseal", 'damage_negation')).toMatchObject({ value: -15, drawback: true });
    expect(one("Radagon's Soreseal", 'damage_negation').elements).toBeUndefined();
  });

  it('attack kinds from magicSubCategoryChange: jump 102 (1.15 enemies, 1.075 players), guard counter 103, two-handed 120', () => {
    const claw = one('Claw Talisman', 'attack');
    expect(claw).toMatchObject({ scope: ['sub:102'], value: 15, pvp: 7.5 });
    expect(claw.elements).toBeUndefined();
    expect(one('Curved Sword Talisman', 'attack')).toMatchObject({ scope: ['sub:103'], value: 20 });
    expect(one('Two-Handed Sword Talisman', 'attack')).toMatchObject({ scope: ['sub:120'], value: 15, pvp: 10 });
  });

  it('critical hits (throwAttackParamChange, *AttackRate 1.17) and spell schools (stateInfo 71 with the sorcery or incantation flag)', () => {
    expect(one('Dagger Talisman', 'attack')).toMatchObject({ scope: ['critical'], value: 17 });
    expect(one('Graven-Mass Talisman', 'attack')).toMatchObject({ scope: ['sorcery'], value: 8 });
    expect(one("Flock's Canvas Talisman", 'attack')).toMatchObject({ scope: ['incantation'], value: 8 });
    // Meteorite Staff: subcategory 11 (gravity sorceries), *AttackRate 1.3
    expect(one('Meteorite Staff', 'attack')).toMatchObject({ scope: ['sub:11'], value: 30, timing: 'equipped' });
  });

  it('damage negation by type, enemies first and players apart: Dragoncrest Greatshield 0.8 / 0.95, Pearldrake +2 0.91 on four types', () => {
    expect(one('Dragoncrest Greatshield Talisman', 'damage_negation')).toMatchObject({ elements: ['physical'], value: 20, pvp: 5 });
    expect(one('Pearldrake Talisman +2', 'damage_negation')).toMatchObject({ elements: ['magic', 'fire', 'lightning', 'holy'], value: 9 });
    expect(one('Boiled Crab', 'damage_negation')).toMatchObject({ elements: ['physical'], value: 20, duration: 60 });
  });

  it('status resistance grouped (change*ResistPoint 90) and cures (buildup -99999)', () => {
    expect(one('Immunizing Horn Charm', 'status_resistance')).toMatchObject({ scope: ['poison', 'scarlet rot'], value: 90 });
    expect(one('Neutralizing Boluses', 'cure_status').scope).toEqual(['poison']);
  });

  it("conditions: HP below 20% (conditionHp 20), full HP, on a kill with a duration, nearby blood loss, a chain of hits", () => {
    expect(one('Red-Feathered Branchsword', 'attack').conditions).toEqual([{ kind: 'hp_below', value: 20 }]);
    expect(one('Ritual Shield Talisman', 'damage_negation')).toMatchObject({ value: 30, conditions: [{ kind: 'hp_full' }] });
    // Crusade Insignia: applyIdOnGetSoul 20380501, which lasts 20 s with atkEnemyDmgCorrectRate 1.15
    expect(one('Crusade Insignia', 'attack')).toMatchObject({ value: 15, duration: 20, timing: 'timed', conditions: [{ kind: 'on_kill' }] });
    // Lord of Blood's Exultation: invocation 379 (blood loss nearby) → 321601, 20 s, 1.2 against enemies
    expect(one("Lord of Blood's Exultation", 'attack')).toMatchObject({ value: 20, duration: 20, conditions: [{ kind: 'nearby_status', value: 'blood loss' }] });
    // Winged Sword Insignia: accumulator stages 320804..320806 at 1.03, 1.05, 1.1
    expect(one('Winged Sword Insignia', 'attack')).toMatchObject({ value: 10, stages: [3, 5, 10] });
  });

  it("HP on a kill: Taker's Cameo changeHpRate -3, changeHpPoint -30; FP on a kill: Ancestral Spirit's Horn changeMpPoint -3", () => {
    expect(one("Taker's Cameo", 'hp_on_kill')).toMatchObject({ value: 3, unit: 'percent', flat: 30 });
    expect(one("Ancestral Spirit's Horn", 'fp_on_kill')).toMatchObject({ value: 3, unit: 'flat' });
    expect(one('Blasphemous Blade', 'hp_on_kill')).toMatchObject({ value: 4, flat: 40 });
  });

  it('over time and flasks: Blessed Dew 2 HP every 1 s, Green Turtle +8 stamina/s, Crimson Seed 1.2', () => {
    expect(one('Blessed Dew Talisman', 'hp_regen')).toMatchObject({ value: 2, unit: 'per_second' });
    expect(one('Green Turtle Talisman', 'stamina_regen')).toMatchObject({ value: 8 });
    expect(one('Crimson Seed Talisman', 'flask_potency')).toMatchObject({ value: 20, scope: ['hp'] });
  });

  it('stealth, slots and keeping runes', () => {
    expect(one("Crepus's Vial", 'stealth')).toMatchObject({ scope: ['silent'], value: 100 });
    expect(one('Moon of Nokstella', 'memory_slots')).toMatchObject({ value: 2, unit: 'count' });
    // mechanics.md §8: one slot per Memory Stone, EquipParamGoods 10030 maxNum 8
    expect(one('Memory Stone', 'memory_slots')).toMatchObject({ value: 1, timing: 'per_item', maxCount: 8 });
    expect(one('Talisman Pouch', 'talisman_slots')).toMatchObject({ value: 1, maxCount: 3 });
    expect(one('Sacrificial Twig', 'keep_runes').scope).toEqual(['once']);
    expect(one('Twiggy Cracked Tear', 'keep_runes')).toMatchObject({ duration: 180 });
  });

  it('weapon coatings: Fire Grease fireAttackPower 85 for 60 s; Blood Grease buildup 30 on a hit', () => {
    expect(one('Fire Grease', 'weapon_buff')).toMatchObject({ elements: ['fire'], value: 85, unit: 'flat', duration: 60 });
    expect(one('Blood Grease', 'weapon_buff')).toMatchObject({ scope: ['blood loss'], value: 30 });
  });

  it("a weapon's on-hit status is not the holder's effect (Rivers of Blood: only buildup rows)", () => {
    expect(catalog.effectsOf(item('Rivers of Blood'))).toEqual([]);
  });

  it('says nothing rather than something wrong for an unknown trigger', () => {
    const rows = { '1': { d: -1, cat: 0, pri: 0, f: { invocationConditionsStateChange1: 9999, maxHpRate: 2 } } };
    const fake = { ...item('Gold Scarab'), key: 'talisman:fake', effects: [1] } as ItemRecord;
    expect(interpretItem(fake, (id) => rows[String(id) as '1'])).toEqual([]);
  });
});

describe('synergy', () => {
  it('talismans of one accessoryGroup cannot be worn together (Arsenal Charm, +1, Great-Jar\'s Arsenal: group 1030)', () => {
    const names = catalog.synergyOf(item('Arsenal Charm')).exclusiveWith.map((i) => i.name);
    expect(names.sort()).toEqual(['Arsenal Charm +1', "Great-Jar's Arsenal"]);
  });

  it('effects of one stacking category replace each other: greases (spCategory 162), fowl foot and horn tender (201, priority 57)', () => {
    const grease = catalog.synergyOf(item('Fire Grease')).conflicts;
    expect(grease.flatMap((c) => c.items.map((i) => i.name))).toEqual(expect.arrayContaining(['Magic Grease', 'Blood Grease']));
    const foot = catalog.synergyOf(item('Gold-Pickled Fowl Foot')).conflicts.flatMap((c) => c.items.map((i) => i.name));
    expect(foot).toContain('Golden Horn Tender');
    // priority 56 (Silver-Pickled Fowl Foot) is another effect in the 200 block: not claimed as a conflict
    expect(foot).not.toContain('Silver-Pickled Fowl Foot');
    expect(stackingRule(201)).toBe('replaces_same_priority');
    expect(stackingRule(151)).toBe('replaces');
    expect(stackingRule(0)).toBe('stacks');
  });

  it('a talisman and a consumable with the same effect stack (Gold Scarab spCategory 0)', () => {
    const s = catalog.synergyOf(item('Gold Scarab'));
    expect(s.conflicts).toEqual([]);
    expect(s.stacksWith.map((i) => i.name)).toEqual(expect.arrayContaining(['Gold-Pickled Fowl Foot']));
  });

  it('builds from a small hand-made table too', () => {
    const data: ItemData = {
      generatedAt: 't',
      patch: '1',
      sources: [],
      items: [
        { key: 'consumable:1', paramId: 1, name: 'A', aliases: [], category: 'consumable', dlc: false, effects: [10], sources: [], patch: '1' },
        { key: 'consumable:2', paramId: 2, name: 'B', aliases: [], category: 'consumable', dlc: false, effects: [11], sources: [], patch: '1' },
      ],
    };
    const table = { patch: '1', effects: { '10': { d: 30, cat: 151, pri: 0, f: { soulRate: 1.5 } }, '11': { d: 60, cat: 151, pri: 0, f: { maxHpRate: 1.1 } } } };
    const small = EffectCatalog.fromData(data, table);
    expect(small.effectsOf(data.items[0]!)[0]).toMatchObject({ kind: 'rune_gain', value: 50, duration: 30 });
    expect(small.synergyOf(data.items[0]!).conflicts[0]!.items.map((i) => i.name)).toEqual(['B']);
    expect(loadEffectTable('/nonexistent/sp-effects.json')).toBeNull();
  });
});
