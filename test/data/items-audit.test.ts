// Audit of the committed compiled data (data/*.json): coverage, integrity, ranges and spot facts.
// Expected values are typed from ../shared/docs/mechanics.md (§4 rune items, §6 upgrade costs and shop
// prices), from the public check values in ../shared/data-sources/regulation/README.txt, and from patch
// 1.16.1 params read by hand with the reader (the row each comes from is named beside it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type ItemData, type ItemRecord } from '../../src/items/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = JSON.parse(fs.readFileSync(path.join(root, 'data/items.json'), 'utf8')) as ItemData;
const items = data.items;

function one(name: string, category?: string): ItemRecord {
  const found = items.filter((i) => i.name === name && (!category || i.category === category));
  expect(found, `${name}${category ? ` (${category})` : ''}`).toHaveLength(1);
  return found[0] as ItemRecord;
}

const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);

describe('coverage', () => {
  it('holds at least 2,600 items, base game and DLC', () => {
    expect(items.length).toBeGreaterThanOrEqual(2600);
    expect(items.filter((i) => i.dlc).length).toBeGreaterThan(500);
    expect(items.filter((i) => !i.dlc).length).toBeGreaterThan(2000);
  });

  it('has plausible counts per category', () => {
    const count = (c: string) => items.filter((i) => i.category === c).length;
    const expected: [string, number, number][] = [
      ['weapon', 380, 420],
      ['shield', 75, 85],
      ['ammo', 60, 75],
      ['armor', 700, 730],
      ['talisman', 150, 160],
      ['sorcery', 80, 90],
      ['incantation', 125, 135],
      ['ash_of_war', 110, 120],
      ['spirit_ash', 80, 90],
    ];
    for (const [c, lo, hi] of expected) {
      expect(count(c), c).toBeGreaterThanOrEqual(lo);
      expect(count(c), c).toBeLessThanOrEqual(hi);
    }
    const goods = items.filter((i) => !['weapon', 'shield', 'ammo', 'armor', 'talisman', 'sorcery', 'incantation', 'ash_of_war', 'spirit_ash'].includes(i.category));
    expect(goods.length).toBeGreaterThan(800);
    for (const c of CATEGORIES) expect(count(c), `category ${c} is empty`).toBeGreaterThan(0);
  });

  it('lists every source with repository, commit and licence', () => {
    expect(data.sources.map((x) => x.id)).toEqual(['regulation@1.16.1', 'erdb@1.10.0', 'impalers-archive@dlc01', 'enemy-locations@guyathomas']);
    for (const s of data.sources) {
      expect(s.id).toMatch(/\S/);
      expect(s.repository).toMatch(/github\.com\//);
      expect(s.commit).toMatch(/^[0-9a-f]{40}/);
      expect(s.licence).toMatch(/\S/);
    }
    const ids = new Set(data.sources.map((s) => s.id));
    for (const i of items) for (const s of i.sources) if (s !== 'curated') expect(ids.has(s), `${i.key} source ${s}`).toBe(true);
  });
});

describe('integrity', () => {
  it('every record has key, category, name, dlc flag, sources and patch', () => {
    const cats = new Set<string>(CATEGORIES);
    for (const i of items) {
      expect(cats.has(i.category), i.key).toBe(true);
      expect(i.key).toBe(`${i.category}:${i.paramId}`);
      expect(Number.isInteger(i.paramId) && i.paramId > 0, i.key).toBe(true);
      expect(typeof i.dlc).toBe('boolean');
      expect(i.sources.length, i.key).toBeGreaterThan(0);
      expect(i.sources[0], i.key).toBe('regulation@1.16.1');
      expect(i.patch, i.key).toBe('1.16.1');
      // provenance: the record's own param row first, then every other row its numbers came from
      expect(i.rows?.[0], i.key).toMatch(new RegExp(`^EquipParam(Weapon|Protector|Accessory|Goods|Gem):${i.paramId}$`));
      for (const r of i.rows ?? []) expect(r, i.key).toMatch(/^[A-Za-z]+:\d+(-\d+)?$/);
      expect(Array.isArray(i.aliases)).toBe(true);
    }
  });

  it('has no duplicate keys', () => {
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no duplicate (name, category) pairs', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const i of items) {
      const k = `${i.category}|${i.name.toLowerCase()}`;
      const prev = seen.get(k);
      if (prev) dups.push(`${prev} / ${i.key} ${i.name}`);
      seen.set(k, i.key);
    }
    expect(dups).toEqual([]);
  });

  it('has no empty or placeholder names or aliases', () => {
    const bad = /%null%|\[ERROR\]|^\s*$|^(test|dummy|unused)\b|\?\?\?/i;
    for (const i of items) {
      expect(i.name, i.key).not.toMatch(bad);
      expect(i.name).toBe(i.name.trim());
      for (const a of i.aliases) expect(a, `${i.key} alias`).not.toMatch(bad);
    }
  });

  it('aliases never repeat the item name or name another item', () => {
    const names = new Set(items.map((i) => i.name.toLowerCase()));
    for (const i of items) {
      for (const a of i.aliases) {
        expect(a.toLowerCase(), i.key).not.toBe(i.name.toLowerCase());
        expect(names.has(a.toLowerCase()), `${i.key} alias ${a}`).toBe(false);
      }
    }
  });

  it('is sorted by category, then id', () => {
    const order = new Map<string, number>(CATEGORIES.map((c, n) => [c, n]));
    for (let n = 1; n < items.length; n++) {
      const a = items[n - 1] as ItemRecord;
      const b = items[n] as ItemRecord;
      const ca = order.get(a.category) ?? 0;
      const cb = order.get(b.category) ?? 0;
      expect(ca < cb || (ca === cb && a.paramId < b.paramId), `${a.key} before ${b.key}`).toBe(true);
    }
  });
});

describe('numbers in range', () => {
  const isPosInt = (n: number) => Number.isInteger(n) && n > 0;
  it('weights, values and costs', () => {
    for (const i of items) {
      if (i.weight !== undefined) {
        expect(i.weight, i.key).toBeGreaterThanOrEqual(0);
        expect(i.weight, i.key).toBeLessThanOrEqual(100);
      }
      for (const v of [i.sellValue, i.runeValue, i.upgradePrice]) if (v !== undefined) expect(isPosInt(v), `${i.key} ${v}`).toBe(true);
      for (const c of i.upgradeCosts ?? []) expect(isPosInt(c), `${i.key} cost ${c}`).toBe(true);
      for (const v of [i.fpCost, i.hpCost, i.stamina, i.slots]) {
        if (v !== undefined) {
          expect(v, i.key).toBeGreaterThanOrEqual(0);
          expect(v, i.key).toBeLessThan(2000);
        }
      }
      for (const o of i.shop ?? []) {
        expect(isPosInt(o.price), `${i.key} price`).toBe(true);
        if (o.stock !== undefined) expect(isPosInt(o.stock), `${i.key} stock`).toBe(true);
        expect(o.merchant).toMatch(/\S/);
        expect(o.currency).toMatch(/\S/);
      }
    }
  });

  it('requirements 0-99, absorption 0-100, letters valid', () => {
    for (const i of items) {
      for (const v of Object.values(i.requirements ?? {})) {
        expect(v, i.key).toBeGreaterThanOrEqual(0);
        expect(v, i.key).toBeLessThanOrEqual(99);
      }
      for (const l of Object.values(i.scaling ?? {})) expect(['S', 'A', 'B', 'C', 'D', 'E'], i.key).toContain(l);
      for (const v of Object.values(i.absorption ?? {})) {
        // a few pieces really have a small negative negation (Guardian Garb (Full Bloom) fire -2.3%)
        expect(v, i.key).toBeGreaterThanOrEqual(-10);
        expect(v, i.key).toBeLessThanOrEqual(100);
      }
      for (const v of Object.values(i.attack ?? {})) expect(isPosInt(v), `${i.key} attack`).toBe(true);
      if (i.poise !== undefined) expect(i.poise).toBeGreaterThanOrEqual(0);
      if (i.critical !== undefined) expect(i.critical).toBeGreaterThanOrEqual(100);
      if (i.upgrade === 'regular' && i.upgradeCosts) expect(i.upgradeCosts, i.key).toHaveLength(25);
      if (i.upgrade === 'somber' && i.upgradeCosts) expect(i.upgradeCosts, i.key).toHaveLength(10);
    }
  });
});

describe('ashes of war', () => {
  const weaponClasses = new Set(items.filter((i) => i.category === 'weapon' || i.category === 'shield').map((i) => i.subcategory));
  const ashes = items.filter((i) => i.category === 'ash_of_war');

  it('each names the affinity it gives among those it can give, and only classes armaments really have', () => {
    for (const ash of ashes) {
      if (ash.name === 'Ash of War: No Skill') continue; // the placeholder row of the base game
      const info = ash.ashOfWar;
      expect(info, ash.name).toBeDefined();
      expect(info!.affinities, ash.name).toContain(info!.defaultAffinity);
      expect(info!.weaponClasses.length, ash.name).toBeGreaterThan(0);
      for (const c of info!.weaponClasses) expect(weaponClasses.has(c), `${ash.name}: ${c}`).toBe(true);
    }
  });

  it('FP costs are whole numbers from 0, and the skill costs something or has a follow-up that does', () => {
    for (const i of items) {
      if (!i.skillFp) continue;
      const all = [i.skillFp.use, ...i.skillFp.followUps].filter((v): v is number => v !== null);
      expect(all.length, i.key).toBeGreaterThan(0);
      for (const v of all) expect(Number.isInteger(v) && v >= 0 && v < 100, `${i.key} FP ${v}`).toBe(true);
    }
  });

  it('spot facts (EquipParamGem, 1.16.1): Barrage is for light bows only, with Standard only; Sacred Blade gives Sacred', () => {
    // 40100 Barrage: canMountWep_BowSmall only, configurableWepAttr00 only (defaultWepAttr 0 = Standard).
    expect(one('Ash of War: Barrage').ashOfWar).toEqual({ defaultAffinity: 'Standard', affinities: ['Standard'], weaponClasses: ['Light Bow'] });
    // 20100 Sacred Blade: defaultWepAttr 7 = Sacred; configurableWepAttr 00-03, 06, 07 (Standard, Heavy, Keen, Quality, Lightning, Sacred).
    expect(one('Ash of War: Sacred Blade').ashOfWar?.affinities).toEqual(['Standard', 'Heavy', 'Keen', 'Quality', 'Lightning', 'Sacred']);
    expect(one('Ash of War: Sacred Blade').ashOfWar?.defaultAffinity).toBe('Sacred');
  });
});

describe('spot facts (mechanics.md)', () => {
  it('rune items (§4)', () => {
    const golden = [200, 400, 800, 1200, 1600, 2000, 2500, 3000, 3800, 5000, 6250, 7500, 10000];
    golden.forEach((v, n) => expect(one(`Golden Rune [${n + 1}]`).runeValue).toBe(v));
    expect(one("Numen's Rune").runeValue).toBe(12500);
    [15000, 20000, 25000, 30000, 35000].forEach((v, n) => expect(one(`Hero's Rune [${n + 1}]`).runeValue).toBe(v));
    expect(one("Lord's Rune").runeValue).toBe(50000);
    [7500, 10000, 12500, 15000, 17500, 22500, 30000].forEach((v, n) => {
      const r = one(`Shadow Realm Rune [${n + 1}]`);
      expect(r.runeValue).toBe(v);
      expect(r.dlc).toBe(true);
    });
    expect(one('Rune of an Unsung Hero').runeValue).toBe(50000);
    expect(one("Marika's Rune").runeValue).toBe(80000);
    expect(one('Broken Rune').runeValue).toBe(500);
    expect(one('Remembrance of the Grafted').runeValue).toBe(20000);
    expect(one('Elden Remembrance').runeValue).toBe(50000);
    for (const i of items.filter((x) => x.category === 'rune_item')) expect(i.runeValue, i.name).toBeGreaterThan(0);
  });

  it('weapon upgrade costs (§6)', () => {
    const ls = one('Longsword', 'weapon');
    expect(ls.upgrade).toBe('regular');
    expect(ls.upgradePrice).toBe(250);
    expect(ls.upgradeCosts).toHaveLength(25);
    expect(ls.upgradeCosts?.[0]).toBe(250);
    expect(ls.upgradeCosts?.[1]).toBe(300);
    expect(ls.upgradeCosts?.[24]).toBe(1450);
    expect(sum(ls.upgradeCosts)).toBe(21250);

    const mv = one('Moonveil', 'weapon');
    expect(mv.upgrade).toBe('somber');
    expect(mv.upgradeCosts).toHaveLength(10);
    expect(mv.upgradeCosts?.[0]).toBe(360);
    expect(mv.upgradeCosts?.[9]).toBe(2160);
    expect(sum(mv.upgradeCosts)).toBe(11880);
  });

  it('spirit ash upgrade costs (§6)', () => {
    const t = one('Black Knife Tiche', 'spirit_ash');
    expect(t.upgradeCosts).toHaveLength(10);
    expect(t.upgradeCosts?.[0]).toBe(2000);
    expect(t.upgradeCosts?.[1]).toBe(3200);
    expect(t.upgradeCosts?.[8]).toBe(11600);
    expect(t.upgradeCosts?.[9]).toBe(14000);
    expect(one('Mimic Tear Ashes').hpCost).toBe(660);
  });

  it('merchant prices (§6)', () => {
    const offer = (name: string, merchant: string) => {
      const o = one(name).shop?.filter((s) => s.merchant === merchant) ?? [];
      expect(o.length, `${name} at ${merchant}`).toBeGreaterThan(0);
      return o[0] as NonNullable<ItemRecord['shop']>[number];
    };
    const gpff = offer('Gold-Pickled Fowl Foot', 'Patches');
    expect(gpff.price).toBe(600);
    expect(gpff.stock).toBe(3);
    expect(gpff.currency).toBe('runes');

    const husks = 'Twin Maiden Husks';
    const tables: [string, number[]][] = [
      ['Smithing Stone', [200, 400, 600, 900, 1200, 1500, 2400, 3600]],
      ['Somber Smithing Stone', [2000, 3000, 4000, 6000, 9000, 12000, 16000, 20000, 25000]],
      ['Grave Glovewort', [800, 1200, 1600, 2400, 3200, 4000, 5000, 6000, 8000]],
      ['Ghost Glovewort', [1200, 1800, 2400, 3600, 4800, 6000, 7500, 9000, 12000]],
    ];
    for (const [base, prices] of tables) {
      prices.forEach((p, n) => {
        const o = offer(`${base} [${n + 1}]`, husks);
        expect(o.price, `${base} [${n + 1}]`).toBe(p);
        expect(o.unlock, `${base} [${n + 1}] unlock`).toMatch(/Bell Bearing/);
      });
    }
    expect(offer('Smithing Stone [1]', husks).unlock).toBe("Smithing-Stone Miner's Bell Bearing [1]");
    expect(offer('Somber Smithing Stone [9]', husks).unlock).toBe("Somberstone Miner's Bell Bearing [5]");
    expect(offer('Memory Stone', husks).price).toBe(3000);
    expect(offer('Talisman Pouch', husks).price).toBe(500);
    expect(offer('Ancient Dragon Smithing Stone', 'Gatekeeper Gostoc').price).toBe(20000);
  });

  it('weapon facts', () => {
    const u = one('Uchigatana', 'weapon');
    expect(u.subcategory).toBe('Katana');
    expect(u.aliases).toContain('Heavy Uchigatana');
    expect(u.aliases).toContain('Keen Uchigatana');
    expect(u.requirements).toEqual({ str: 11, dex: 15 });
    expect(u.skill).toBe('Unsheathe');
    const rob = one('Rivers of Blood', 'weapon');
    expect(rob.upgrade).toBe('somber');
    expect(rob.requirements?.arc).toBe(20);
    const dlcW = one('Main-gauche', 'weapon');
    expect(dlcW.dlc).toBe(true);
    expect(dlcW.patch).toBe('1.16.1');
    expect(dlcW.requirements).toEqual({ str: 7, dex: 15 }); // EquipParamWeapon 1500000 properStrength 7, properAgility 15
    expect(one('Iron Helmet').absorption?.physical).toBe(4.4);
    expect(one('Iron Helmet').poise).toBe(6);
    expect(one('Iron Helmet').weight).toBe(3.8);
  });

  it('collapses duplicate system rows and +N forms', () => {
    const flask = one('Flask of Crimson Tears');
    expect(flask.aliases).toContain('Flask of Crimson Tears +12');
    expect(items.filter((i) => i.name.startsWith('Flask of Crimson Tears'))).toHaveLength(1);
    expect(one('Black Knife Tiche').aliases).toContain('Black Knife Tiche +10');
    // talisman tiers and numbered items stay separate
    one('Crimson Amber Medallion');
    one('Crimson Amber Medallion +1');
    one('Crimson Amber Medallion +2');
    one('Crimson Amber Medallion +3');
    one('Smithing Stone [8]');
    one("Nomadic Warrior's Cookbook [24]");
  });
});

describe('curated effects', () => {
  it('every talisman and every rune-gain/rune-loss item has a one-line effect', () => {
    const runeItems = [
      'Gold Scarab',
      'Gold-Pickled Fowl Foot',
      'Sacrificial Twig',
      'Twiggy Cracked Tear',
      'Silver Scarab',
      'Silver-Pickled Fowl Foot',
    ];
    for (const n of runeItems) expect(one(n).effect, n).toMatch(/\S/);
    for (const i of items.filter((x) => x.category === 'talisman')) {
      expect(i.effect, i.name).toBeDefined();
    }
    for (const i of items) {
      if (i.effect === undefined) continue;
      expect(i.effect, i.key).not.toMatch(/\n/);
      expect(i.effect.length, i.key).toBeLessThanOrEqual(200);
      expect(i.sources, i.key).toContain('curated');
    }
  });
});

const readData = <T>(f: string) => JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8')) as T;
const offersOf = (i: ItemRecord) => i.shop ?? [];

describe('patch 1.16.1 from the game\'s own parameters (issue 9)', () => {
  it('the public check values of the regulation README', () => {
    // ShopLineupParam 101885: goods 2020001 (Rada Fruit), 800 runes, unlimited
    const rada = one('Rada Fruit');
    expect(rada.rows).toContain('ShopLineupParam:101885');
    expect(offersOf(rada).find((o) => o.merchant === 'Twin Maiden Husks')).toEqual({ merchant: 'Twin Maiden Husks', price: 800, currency: 'runes' });
    // EquipParamWeapon 67520000: reinforceTypeId 2200 (somber), reinforcePrice 460, weight 8.0
    const rtb = one("Rellana's Twin Blades");
    expect(rtb.paramId).toBe(67520000);
    expect(rtb.rows).toContain('ReinforceParamWeapon:2200-2210');
    expect(rtb.upgrade).toBe('somber');
    expect(rtb.upgradePrice).toBe(460);
    expect(rtb.weight).toBe(8);
    // EquipParamGoods 2002952 (Shadow Realm Rune [1]): sellValue 7500, the runes it gives
    expect(one('Shadow Realm Rune [1]').paramId).toBe(2002952);
    expect(one('Shadow Realm Rune [1]').runeValue).toBe(7500);
    // NpcParam 34701468 (Bloodbane Albinauric, Mohgwyn Palace): getSoul 2044
    const enemies = readData<{ places: string[]; enemies: { id: number; name?: string; runes?: number; at?: [number, number][] }[] }>('enemies.json');
    const albinauric = enemies.enemies.find((e) => e.id === 34701468)!;
    expect(albinauric.runes).toBe(2044);
    expect(albinauric.at!.map(([p]) => enemies.places[p])).toContain('Mohgwyn Palace');
    // GameAreaParam 1051430800 (Black Blade Kindred, Bestial Sanctum): bonusSoul_single 88000
    const bosses = readData<{ bosses: { id: number; name?: string; single: number; multi: number }[] }>('bosses.json');
    expect(bosses.bosses.find((b) => b.id === 1051430800)?.single).toBe(88000);
  });

  it('base-game numbers are the 1.16.1 ones: Zamor Curved Sword base attack 130 (125 in 1.10)', () => {
    expect(one('Zamor Curved Sword').attack).toEqual({ physical: 130 }); // EquipParamWeapon 8050000 attackBasePhysics
    expect(one('Forked Hatchet').attack?.physical).toBe(113);
    expect(one('Whip').attack?.physical).toBe(103);
  });

  it('no weapon or shield that can be upgraded lacks its rune cost, DLC included', () => {
    const missing = items.filter((i) => (i.category === 'weapon' || i.category === 'shield') && i.upgrade !== 'none' && !i.upgradeCosts?.length);
    expect(missing.map((i) => i.name)).toEqual([]);
    expect(items.filter((i) => i.dlc && i.category === 'weapon' && i.upgradeCosts).length).toBeGreaterThanOrEqual(90);
    // 460 × somber rates 1, 1.5, … 5, 6 (ReinforceParamWeapon 2201-2210)
    expect(one("Rellana's Twin Blades").upgradeCosts).toEqual([460, 690, 920, 1150, 1380, 1610, 1840, 2070, 2300, 2760]);
  });

  it('every item a DLC merchant sells shows its merchant and price (each DLC lineup row is attached)', () => {
    const attached = new Map<number, ItemRecord>();
    for (const i of items) for (const r of i.rows ?? []) if (r.startsWith('ShopLineupParam:')) attached.set(Number(r.split(':')[1]), i);
    const blocks: [number, number, string][] = [
      [102250, 102266, 'Moore'],
      [102270, 102282, 'a merchant in the Land of Shadow'],
      [102300, 102308, 'Count Ymir, High Priest'],
    ];
    for (const [from, to, merchant] of blocks) {
      for (let id = from; id <= to; id++) {
        const item = attached.get(id);
        expect(item, `ShopLineupParam ${id}`).toBeDefined();
        const offer = offersOf(item!).find((o) => o.merchant === merchant);
        expect(offer, `${item!.name} at ${merchant}`).toBeDefined();
        expect(offer!.price, item!.name).toBeGreaterThan(0);
        if (merchant !== 'a merchant in the Land of Shadow') expect(offer!.cite, item!.name).toMatch(/^https:\/\//);
        else expect(offer!.cite).toBeUndefined();
      }
    }
    // ShopLineupParam 102260: Spellproof Pickled Liver, 4000 runes, 2 in stock
    expect(offersOf(one('Spellproof Pickled Liver'))).toEqual([expect.objectContaining({ merchant: 'Moore', price: 4000, currency: 'runes', stock: 2 })]);
    // ShopLineupParam 102282: Thiollier's Concoction, 30000 runes
    expect(offersOf(one("Thiollier's Concoction"))).toEqual([{ merchant: 'a merchant in the Land of Shadow', price: 30000, currency: 'runes' }]);
    // ShopLineupParam 102350: Bayle's Tyranny for the Heart of Bayle (costType 5)
    expect(offersOf(one("Bayle's Tyranny"))).toEqual([expect.objectContaining({ merchant: 'Grand Altar of Dragon Communion', price: 1, currency: 'Heart of Bayle' })]);
    for (const i of items.filter((x) => x.dlc)) for (const o of offersOf(i)) expect(o.merchant, i.key).toMatch(/\S/);
  });

  it('DLC goods and talismans show their sell values', () => {
    expect(one('Two-Headed Turtle Talisman').sellValue).toBe(1000); // EquipParamAccessory 7030
    expect(one('Golden Braid').sellValue).toBe(2000); // EquipParamAccessory 7120
    expect(one('Spellproof Pickled Liver').sellValue).toBe(200); // EquipParamGoods 2001120
    expect(one('Rada Fruit').sellValue).toBe(10); // EquipParamGoods 2020001
    for (const t of items.filter((i) => i.dlc && i.category === 'talisman')) expect(t.sellValue, t.name).toBeGreaterThan(0);
    const dlcGoods = items.filter((i) => i.dlc && ['consumable', 'crafting_material'].includes(i.category));
    expect(dlcGoods.filter((i) => i.sellValue).length).toBeGreaterThan(dlcGoods.length / 2);
  });

  it('DLC armour from the params: Black Knight Greaves robustness 41, vitality 15 (EquipParamProtector 5150300)', () => {
    const g = one('Black Knight Greaves');
    expect(g.resistance?.robustness).toBe(41);
    expect(g.resistance?.vitality).toBe(15);
    expect(g.weight).toBe(8.5);
  });

  it('the cut Ragged set (sortId 999999) is gone', () => {
    for (const n of ['Ragged Hat', 'Ragged Armor', 'Ragged Gloves', 'Ragged Loincloth', 'Ragged Hat (Altered)', 'Ragged Armor (Altered)']) {
      expect(items.filter((i) => i.name === n), n).toEqual([]);
    }
  });

  it('the shop rows once dropped for a blank row name are back', () => {
    // 1.16.1 row names: 100816 Fire Arrow, 100813 Preserving Boluses, 100801 Poisonbone Dart (Aeonia Swamp merchant), 100340 Weathered Map (Pidia)
    expect(offersOf(one('Fire Arrow'))).toContainEqual({ merchant: 'Nomadic Merchant (Caelid, Aeonia Swamp)', price: 120, currency: 'runes' });
    expect(offersOf(one('Preserving Boluses'))).toContainEqual({ merchant: 'Nomadic Merchant (Caelid, Aeonia Swamp)', price: 2500, currency: 'runes', stock: 3 });
    expect(offersOf(one('Poisonbone Dart')).some((o) => o.merchant === 'Nomadic Merchant (Caelid, Aeonia Swamp)' && o.price === 120)).toBe(true);
    expect(offersOf(one('Weathered Map'))).toEqual([{ merchant: 'Pidia, Carian Servant', price: 600, currency: 'runes', stock: 1 }]);
  });

  it('tear durations come from SpEffectParam: Leaden Hardtear 10 s, Stonebarb Cracked Tear 30 s', () => {
    const leaden = one('Leaden Hardtear'); // EquipParamGoods 11018 -> SpEffectParam 3519 effectEndurance 10
    expect(leaden.duration).toBe(10);
    expect(leaden.effects).toEqual([3519]);
    expect(leaden.effect).toMatch(/for 10 s\./);
    const stonebarb = one('Stonebarb Cracked Tear'); // 11026 -> 511026, 30 s
    expect(stonebarb.duration).toBe(30);
    expect(stonebarb.effect).toMatch(/for 30 s\./);
    expect(one('Gold-Pickled Fowl Foot').effect).toBe('Runes from defeated enemies +30% for 3 minutes.'); // 3971: soulRate 1.3, 180 s
    expect(one('Crimsonspill Crystal Tear').duration).toBe(180); // 11000 -> 3500
  });

  it('effect rows are in sp-effects.json with duration and fields, linked from the items', () => {
    const fx = readData<{ defaults: Record<string, number>; effects: Record<string, { d: number; cat: number; pri: number; f: Record<string, number> }> }>('sp-effects.json');
    const linked = items.flatMap((i) => i.effects ?? []);
    expect(linked.length).toBeGreaterThan(500);
    for (const id of linked) expect(fx.effects[String(id)], `SpEffectParam ${id}`).toBeDefined();
    expect(fx.effects['3971']).toMatchObject({ d: 180, f: { soulRate: 1.3 } }); // Gold-Pickled Fowl Foot
    expect(fx.effects['311100']).toMatchObject({ d: -1, f: { soulRate: 1.2 } }); // Gold Scarab
    expect(fx.effects['311000']!.f.itemDropRate).toBe(0.75); // Silver Scarab
    expect(fx.defaults.soulRate).toBe(1);
    expect(one('Gold Scarab').effects).toEqual([311100]);
    expect(one('Crimson Amber Medallion').accessoryGroup).toBe(1000);
  });

  it('no number comes from the wiki scrape', () => {
    const report = readData<{ fromWikiScrape: string[] }>('build-report.json');
    expect(report.fromWikiScrape).toEqual([]);
    for (const i of items) for (const src of i.sources) expect(src, i.key).not.toMatch(/kaggle|hakkache|tjc/i);
    for (const s of data.sources) expect(s.repository).not.toMatch(/Elden-Ring-Dataset-API/);
  });

  it('attack-rating tables hold every affinity row of every weapon and shield, and the rows they use', () => {
    type Table = { columns: string[]; rows: (number | null)[][] };
    const ar = readData<{ weapons: Table; reinforce: Table; elementCorrect: Table; graphs: Table; status: Table }>('attack-rating.json');
    const ids = new Set(ar.weapons.rows.map((r) => r[0]));
    for (const i of items.filter((x) => x.category === 'weapon' || x.category === 'shield')) expect(ids.has(i.paramId), i.name).toBe(true);
    const col = (t: Table, c: string) => t.columns.indexOf(c);
    const rob = ar.weapons.rows.find((r) => r[0] === one('Rivers of Blood').paramId)!;
    expect(rob[col(ar.weapons, 'reinforceTypeId')]).toBe(2200); // somber
    expect(ar.weapons.rows.filter((r) => r[0]! - (r[0]! % 10000) === one('Uchigatana').paramId)).toHaveLength(13); // standard + 12 affinities
    const reinforce = new Set(ar.reinforce.rows.map((r) => r[0]));
    const elements = new Set(ar.elementCorrect.rows.map((r) => r[0]));
    const graphs = new Set(ar.graphs.rows.map((r) => r[0]));
    for (const w of ar.weapons.rows) {
      expect(reinforce.has(w[col(ar.weapons, 'reinforceTypeId')]!), String(w[0])).toBe(true);
      expect(elements.has(w[col(ar.weapons, 'attackElementCorrectId')]!), String(w[0])).toBe(true);
      for (const t of ['Physics', 'Magic', 'Fire', 'Thunder', 'Dark', 'Poison', 'Blood', 'Sleep', 'Madness']) expect(graphs.has(w[col(ar.weapons, `correctType_${t}`)]!)).toBe(true);
    }
    expect(ar.status.rows.length).toBeGreaterThan(50);
  });
});
