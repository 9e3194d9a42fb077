// Ashes of War (EquipParamGem): the skill and its FP cost, the affinity an ash gives by default and
// every affinity it can give (in the game's order), and the weapon classes it can be put on.
//
// canMountWep_<kind> flags name the weapon kinds of EquipParamWeapon.wepType; the pairs below are the
// game's own (they agree with the public param tools that check mounting, e.g. "canMountWep_SpearHeavy"
// for wepType 28, Great Spear). A class is listed only if some armament row of that class accepts a new
// ash at all (gemMountType 2): the flags for sacred seals, crossbows and ballistas never come into play
// (staves do take one: Spinning Weapon).
import type { AshOfWarInfo } from '../../src/items/types.ts';
import { cell, type Game } from './game.ts';
import { WEAPON_TYPES } from './categories.ts';
import { addRow, newDraft, type Draft } from './model.ts';
import { AFFINITY_OFFSETS } from './names.ts';
import { positive } from './values.ts';
import { namedRows, skillFp, skillName } from './equipment.ts';

/** EquipParamGem.canMountWep_<kind> → EquipParamWeapon.wepType. */
export const MOUNT_FLAGS: Readonly<Record<string, number>> = {
  Dagger: 1,
  SwordNormal: 3,
  SwordLarge: 5,
  SwordGigantic: 7,
  SaberNormal: 9,
  SaberLarge: 11,
  katana: 13,
  SwordDoubleEdge: 14,
  SwordPierce: 15,
  RapierHeavy: 16,
  AxeNormal: 17,
  AxeLarge: 19,
  HammerNormal: 21,
  HammerLarge: 23,
  Flail: 24,
  SpearNormal: 25,
  SpearHeavy: 28,
  SpearAxe: 29,
  Sickle: 31,
  Knuckle: 35,
  Claw: 37,
  Whip: 39,
  AxhammerLarge: 41,
  BowSmall: 50,
  BowNormal: 51,
  BowLarge: 53,
  ClossBow: 55,
  Ballista: 56,
  Staff: 57,
  Talisman: 61,
  ShieldSmall: 65,
  ShieldNormal: 67,
  ShieldLarge: 69,
  Torch: 87,
  HandToHand: 88,
  PerfumeBottle: 89,
  ThrustingShield: 90,
  ThrowingWeapon: 91,
  ReverseHandSword: 92,
  LightGreatsword: 93,
  GreatKatana: 94,
  BeastClaw: 95,
};

/** Affinity by index (configurableWepAttrNN, defaultWepAttr): 0 Standard, then the id offsets / 100. */
export function affinityName(index: number): string | undefined {
  return index === 0 ? 'Standard' : AFFINITY_OFFSETS[index * 100];
}

const MAX_AFFINITY_INDEX = 23; // configurableWepAttr00 … 23 (the game uses 00 … 12)

/** Weapon types of which at least one armament row accepts a new Ash of War (gemMountType 2). */
function typesTakingAshes(game: Game): Set<number> {
  const w = game.param('EquipParamWeapon');
  const out = new Set<number>();
  for (let i = 0; i < w.rowCount; i++) {
    if (cell(w, i, 'gemMountType') === 2) out.add(cell(w, i, 'wepType'));
  }
  return out;
}

export function ashOfWarInfo(game: Game, row: number, takesAshes: ReadonlySet<number>): AshOfWarInfo | undefined {
  const g = game.param('EquipParamGem');
  const affinities: string[] = [];
  for (let a = 0; a <= MAX_AFFINITY_INDEX; a++) {
    const field = `configurableWepAttr${String(a).padStart(2, '0')}`;
    if (!g.layout.byName.has(field) || !cell(g, row, field)) continue;
    const name = affinityName(a);
    if (name) affinities.push(name);
  }
  const defaultAffinity = affinityName(cell(g, row, 'defaultWepAttr'));
  const weaponClasses: string[] = [];
  for (const [flag, wepType] of Object.entries(MOUNT_FLAGS)) {
    if (!takesAshes.has(wepType) || !cell(g, row, `canMountWep_${flag}`)) continue;
    const cls = WEAPON_TYPES[wepType]?.[1];
    if (cls && !weaponClasses.includes(cls)) weaponClasses.push(cls);
  }
  if (!defaultAffinity || !affinities.length || !weaponClasses.length) return undefined;
  return { defaultAffinity, affinities, weaponClasses };
}

export function buildAshesOfWar(game: Game, fixes: Record<string, string>): Draft[] {
  const g = game.param('EquipParamGem');
  const takesAshes = typesTakingAshes(game);
  const out: Draft[] = [];
  for (const { i, id, ...n } of namedRows(game, g, 'gem', fixes)) {
    const d = newDraft({ category: 'ash_of_war', paramId: id, name: n.name, table: 'gem', dlc: n.dlc, patch: game.patch });
    d.sellValue = positive(cell(g, i, 'sellValue'));
    // players say "lion's claw" for "Ash of War: Lion's Claw"
    const short = n.name.replace(/^Ash of War:\s*/, '');
    if (short !== n.name) d.yieldingAliases = [short];
    const arts = cell(g, i, 'swordArtsParamId');
    const skill = skillName(game, arts);
    if (skill) {
      d.skill = skill;
      d.skillFp = skillFp(game, arts);
      addRow(d, `SwordArtsParam:${arts}`);
    }
    d.ashOfWar = ashOfWarInfo(game, i, takesAshes);
    out.push(d);
  }
  return out;
}
