// Weapons, shields, ammunition, armour and talismans (ashes of war: ashesOfWar.ts), every number from the regulation
// file. A record exists for each param row that has an English name (base game: erdb's 1.10 text; DLC:
// Impaler's Archive); rows marked unused (sortId 999999, e.g. the cut Ragged set) are left out.
import type { Category, DamageKind, GuardStats, ScalingLetter, SkillFp, StatKey, StatusKind } from '../../src/items/types.ts';
import type { Param } from '../regulation/param.ts';
import { cell, cellOf, type Game, type TextKind } from './game.ts';
import { ARMOR_SLOTS, WEAPON_TYPES } from './categories.ts';
import { addRow, newDraft, type Draft } from './model.ts';
import { scalingLetter, upgradeCosts } from './scaling.ts';
import { cutToPercent, f32, positive, round } from './values.ts';
import type { EffectCollector } from './effects.ts';

export const UNUSED_SORT_ID = 999_999;

/** The item's English name and whether it comes from the DLC text. */
export function nameOf(game: Game, kind: TextKind, id: number, fixes: Record<string, string> = {}): { name: string; dlc: boolean } | null {
  // an id the base-game text names is a base-game item (a few are repeated in the DLC text)
  const base = game.text.base[kind].get(id);
  const fixed = fixes[String(id)];
  if (fixed) return { name: fixed, dlc: base === undefined };
  if (base) return { name: base, dlc: false };
  const dlc = game.text.dlc[kind].get(id);
  return dlc ? { name: dlc, dlc: true } : null;
}

/**
 * Each item row of an EquipParam table worth a record: the first row of its id, with an English name,
 * not marked unused (sortId 999999). Callers add their own filters (affinity rows, gestures, bare slots).
 */
export function* namedRows(game: Game, p: Param, kind: TextKind, fixes: Record<string, string>): Generator<{ i: number; id: number; name: string; dlc: boolean }> {
  for (let i = 0; i < p.rowCount; i++) {
    const id = p.ids[i] as number;
    if (p.index.get(id) !== i) continue;
    const n = nameOf(game, kind, id, fixes);
    if (!n || cell(p, i, 'sortId') === UNUSED_SORT_ID) continue;
    yield { i, id, ...n };
  }
}

/** Adds the SpEffect rows an item holds resident (ids of 0 or below are "none") to its effects and provenance. */
function addResidentEffects(d: Draft, fx: EffectCollector, ids: readonly number[], effects: number[]): void {
  for (const eid of ids) {
    if (eid > 0 && fx.add(eid)) {
      effects.push(eid);
      addRow(d, `SpEffectParam:${eid}`);
    }
  }
}

/** A skill's name: the text its SwordArtsParam row points at (textId), else the row's own id. */
export function skillName(game: Game, artsId: number): string | undefined {
  const sa = game.param('SwordArtsParam');
  const i = sa.index.get(artsId);
  if (i === undefined) return undefined;
  const textId = cell(sa, i, 'textId');
  const name = game.text.skills.get(textId) ?? game.text.skills.get(artsId);
  return name && name !== 'No Skill' ? name : undefined;
}

/** A skill's FP cost as the menus show it: use, then its two follow-ups (-1 in the param = none). */
export function skillFp(game: Game, artsId: number): SkillFp | undefined {
  const sa = game.param('SwordArtsParam');
  const i = sa.index.get(artsId);
  if (i === undefined) return undefined;
  const fp = (field: string) => {
    const v = cell(sa, i, field);
    return v >= 0 ? v : null;
  };
  const out: SkillFp = { use: fp('useMagicPoint_L2'), followUps: [fp('useMagicPoint_R1'), fp('useMagicPoint_R2')] };
  return out.use === null && out.followUps.every((v) => v === null) ? undefined : out;
}

const STATS: readonly [StatKey, string, string][] = [
  ['str', 'correctStrength', 'properStrength'],
  ['dex', 'correctAgility', 'properAgility'],
  ['int', 'correctMagic', 'properMagic'],
  ['fai', 'correctFaith', 'properFaith'],
  ['arc', 'correctLuck', 'properLuck'],
];

export const ATTACK_FIELDS: readonly [DamageKind, string][] = [
  ['physical', 'attackBasePhysics'],
  ['magic', 'attackBaseMagic'],
  ['fire', 'attackBaseFire'],
  ['lightning', 'attackBaseThunder'],
  ['holy', 'attackBaseDark'],
];

/** SpEffectParam buildup fields, by the status they build up. */
export const STATUS_FIELDS: readonly [StatusKind, string][] = [
  ['poison', 'poizonAttackPower'],
  ['scarletRot', 'diseaseAttackPower'],
  ['bloodLoss', 'bloodAttackPower'],
  ['frostbite', 'freezeAttackPower'],
  ['sleep', 'sleepAttackPower'],
  ['madness', 'madnessAttackPower'],
  ['deathBlight', 'curseAttackPower'],
];

/** Highest upgrade level of a reinforce type: consecutive ReinforceParamWeapon rows after the +0 row (≤ 25). */
export function maxReinforceLevel(reinforce: Param, typeId: number): number {
  let n = 0;
  while (n < 25 && reinforce.has(typeId + n + 1)) n++;
  return n;
}

/** The status effect ids a weapon applies at an upgrade level: spEffectBehaviorIdN + the level's spEffectIdN offset. */
export function statusEffectIds(game: Game, weaponRow: number, level: number): number[] {
  const w = game.param('EquipParamWeapon');
  const r = game.param('ReinforceParamWeapon');
  const typeId = cell(w, weaponRow, 'reinforceTypeId');
  const out: number[] = [];
  for (let n = 0; n < 3; n++) {
    const behavior = cell(w, weaponRow, `spEffectBehaviorId${n}`);
    if (behavior <= 0) continue;
    const offset = cellOf(r, typeId + level, `spEffectId${n + 1}`, 0);
    out.push(behavior + offset);
  }
  return out;
}

function weaponDraft(game: Game, i: number, id: number, name: string, dlc: boolean, category: Category, sub: string, fx: EffectCollector): Draft {
  const w = game.param('EquipParamWeapon');
  const d = newDraft({ category, paramId: id, name, table: 'weapon', dlc, patch: game.patch });
  d.subcategory = sub;
  d.weight = f32(cell(w, i, 'weight'));
  d.sellValue = positive(cell(w, i, 'sellValue'));
  const attack: Partial<Record<DamageKind, number>> = {};
  for (const [k, f] of ATTACK_FIELDS) {
    const v = cell(w, i, f);
    if (v > 0) attack[k] = v;
  }
  if (Object.keys(attack).length) d.attack = attack;
  const dmg: string[] = [];
  if (cell(w, i, 'isNormalAttackType')) dmg.push('standard');
  if (cell(w, i, 'isSlashAttackType')) dmg.push('slash');
  if (cell(w, i, 'isBlowAttackType')) dmg.push('strike');
  if (cell(w, i, 'isThrustAttackType')) dmg.push('pierce');
  if (dmg.length) d.damageTypes = dmg;
  if (category === 'ammo') return d;

  const req: Partial<Record<StatKey, number>> = {};
  const sc: Partial<Record<StatKey, ScalingLetter>> = {};
  for (const [k, c, p] of STATS) {
    const r = cell(w, i, p);
    if (r > 0) req[k] = r;
    const letter = scalingLetter(f32(cell(w, i, c)));
    if (letter) sc[k] = letter;
  }
  if (Object.keys(req).length) d.requirements = req;
  if (Object.keys(sc).length) d.scaling = sc;
  d.critical = 100 + cell(w, i, 'throwAtkRate');
  const arts = cell(w, i, 'swordArtsParamId');
  const skill = skillName(game, arts);
  if (skill) {
    d.skill = skill;
    d.skillFp = skillFp(game, arts);
    addRow(d, `SwordArtsParam:${arts}`);
  }

  const guard: GuardStats = {
    physical: f32(cell(w, i, 'physGuardCutRate')),
    magic: f32(cell(w, i, 'magGuardCutRate')),
    fire: f32(cell(w, i, 'fireGuardCutRate')),
    lightning: f32(cell(w, i, 'thunGuardCutRate')),
    holy: f32(cell(w, i, 'darkGuardCutRate')),
    boost: cell(w, i, 'staminaGuardDef'),
  };
  if (Object.values(guard).some((v) => v > 0)) d.guard = guard;

  const reinforce = game.param('ReinforceParamWeapon');
  const typeId = cell(w, i, 'reinforceTypeId');
  const max = maxReinforceLevel(reinforce, typeId);
  if (max !== 0 && max !== 10 && max !== 25) throw new Error(`${name}: unexpected max upgrade level ${max}`);
  d.upgrade = max === 25 ? 'regular' : max === 10 ? 'somber' : 'none';
  addRow(d, max > 0 ? `ReinforceParamWeapon:${typeId}-${typeId + max}` : `ReinforceParamWeapon:${typeId}`);
  const price = cell(w, i, 'reinforcePrice');
  if (max > 0 && price > 0) {
    d.upgradePrice = price;
    d.upgradeCosts = upgradeCosts(price, typeId, max, (rid) => {
      const ri = reinforce.index.get(rid);
      return ri === undefined ? undefined : f32(cell(reinforce, ri, 'reinforcePriceRate'));
    });
  }

  // status buildup at +0, and the weapon's effects (on-hit status effects and passives while held)
  const sp = game.param('SpEffectParam');
  const status: Partial<Record<StatusKind, number>> = {};
  const effects: number[] = [];
  for (const eid of statusEffectIds(game, i, 0)) {
    const si = sp.index.get(eid);
    if (si === undefined) continue;
    addRow(d, `SpEffectParam:${eid}`);
    if (fx.add(eid)) effects.push(eid);
    for (const [kind, field] of STATUS_FIELDS) {
      const v = cell(sp, si, field);
      if (v > 0) status[kind] = (status[kind] ?? 0) + v;
    }
  }
  if (Object.keys(status).length) {
    d.status = status;
    // the same rows at the highest upgrade level (each level may offset the status effect ids)
    if (max > 0) {
      const top: Partial<Record<StatusKind, number>> = {};
      for (const eid of statusEffectIds(game, i, max)) {
        const si = sp.index.get(eid);
        if (si === undefined) continue;
        addRow(d, `SpEffectParam:${eid}`);
        for (const [kind, field] of STATUS_FIELDS) {
          const v = cell(sp, si, field);
          if (v > 0) top[kind] = (top[kind] ?? 0) + v;
        }
      }
      d.statusMax = top;
    }
  }
  addResidentEffects(d, fx, ['residentSpEffectId', 'residentSpEffectId1', 'residentSpEffectId2'].map((f) => cell(w, i, f)), effects);
  if (effects.length) d.effects = [...new Set(effects)];
  return d;
}

/** Affinity variants and other named rows of one weapon (id+1 .. id+9999), e.g. "Heavy Uchigatana". */
function variantNames(game: Game, w: Param, id: number, name: string, fixes: Record<string, string>): string[] {
  const out = new Set<string>();
  for (let off = 1; off < 10_000; off++) {
    if (!w.has(id + off)) continue;
    const n = nameOf(game, 'weapon', id + off, fixes);
    if (n && n.name !== name) out.add(n.name);
  }
  return [...out];
}

export function buildWeapons(game: Game, fx: EffectCollector, fixes: Record<string, string>): Draft[] {
  const w = game.param('EquipParamWeapon');
  const out: Draft[] = [];
  for (const { i, id, ...n } of namedRows(game, w, 'weapon', fixes)) {
    if (id < 1_000_000 || id % 10_000 !== 0) continue; // affinity/level rows and Unarmed
    const wt = WEAPON_TYPES[cell(w, i, 'wepType')];
    if (!wt) throw new Error(`weapon ${id} ${n.name}: unknown wepType ${cell(w, i, 'wepType')}`);
    const d = weaponDraft(game, i, id, n.name, n.dlc, wt[0], wt[1], fx);
    d.aliases = variantNames(game, w, id, n.name, fixes);
    out.push(d);
  }
  return out;
}

const BARE_SLOT_NAMES = new Set(['Head', 'Body', 'Arms', 'Legs']);

export function armorAbsorption(p: Param, i: number): Record<string, number> {
  const pct = (f: string) => cutToPercent(cell(p, i, f));
  return {
    physical: pct('neutralDamageCutRate'),
    strike: pct('blowDamageCutRate'),
    slash: pct('slashDamageCutRate'),
    pierce: pct('thrustDamageCutRate'),
    magic: pct('magicDamageCutRate'),
    fire: pct('fireDamageCutRate'),
    lightning: pct('thunderDamageCutRate'),
    holy: pct('darkDamageCutRate'),
  };
}

export function buildArmor(game: Game, fx: EffectCollector, fixes: Record<string, string>): Draft[] {
  const p = game.param('EquipParamProtector');
  const out: Draft[] = [];
  for (const { i, id, ...n } of namedRows(game, p, 'protector', fixes)) {
    if (BARE_SLOT_NAMES.has(n.name)) continue; // "Head", "Body", …: the unequipped-slot rows
    const slot = ARMOR_SLOTS[cell(p, i, 'protectorCategory')];
    if (!slot) continue;
    const d = newDraft({ category: 'armor', paramId: id, name: n.name, table: 'protector', dlc: n.dlc, patch: game.patch });
    d.subcategory = slot;
    d.weight = f32(cell(p, i, 'weight'));
    d.sellValue = positive(cell(p, i, 'sellValue'));
    d.absorption = armorAbsorption(p, i);
    d.resistance = {
      immunity: cell(p, i, 'resistPoison'),
      robustness: cell(p, i, 'resistBlood'),
      focus: cell(p, i, 'resistSleep'),
      vitality: cell(p, i, 'resistCurse'),
    };
    d.poise = round(f32(cell(p, i, 'toughnessCorrectRate')) * 1000, 1);
    const effects: number[] = [];
    addResidentEffects(d, fx, ['residentSpEffectId', 'residentSpEffectId2', 'residentSpEffectId3'].map((f) => cell(p, i, f)), effects);
    if (effects.length) d.effects = [...new Set(effects)];
    out.push(d);
  }
  return out;
}

export function buildTalismans(game: Game, fx: EffectCollector, fixes: Record<string, string>): Draft[] {
  const a = game.param('EquipParamAccessory');
  const out: Draft[] = [];
  for (const { i, id, ...n } of namedRows(game, a, 'accessory', fixes)) {
    const d = newDraft({ category: 'talisman', paramId: id, name: n.name, table: 'accessory', dlc: n.dlc, patch: game.patch });
    d.weight = f32(cell(a, i, 'weight'));
    d.sellValue = positive(cell(a, i, 'sellValue'));
    const group = cell(a, i, 'accessoryGroup');
    if (group >= 0) d.accessoryGroup = group;
    const effects: number[] = [];
    const refs = [cell(a, i, 'refCategory') === 2 ? cell(a, i, 'refId') : -1];
    for (const f of ['residentSpEffectId1', 'residentSpEffectId2', 'residentSpEffectId3', 'residentSpEffectId4']) refs.push(cell(a, i, f));
    addResidentEffects(d, fx, refs, effects);
    if (effects.length) d.effects = [...new Set(effects)];
    out.push(d);
  }
  return out;
}
