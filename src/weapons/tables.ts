// The calculator's tables, indexed once: weapons by item key, and the param rows by id. Built from a
// WeaponTablesData (the loader's, or a test's); every id a weapon row points at is checked
// here, so the calculator never meets a dangling reference.

import { AFFINITIES, type Affinity, type AttackElementCorrect, type CalcCorrectGraph, type ReinforceLevel, type StatusEffect, type WeaponAffinityRow, type WeaponData, type WeaponTablesData } from './types.ts';

export type UpgradePath = 'regular' | 'somber' | 'none';

/** Highest upgrade level per path (+25 with Smithing Stones, +10 with Somber ones, +0 when it cannot be upgraded). */
export const MAX_LEVEL_BY_PATH: Record<UpgradePath, number> = { regular: 25, somber: 10, none: 0 };

/** Curves the game uses when a weapon names none: 0 for damage, 6 for status buildup. */
export const DEFAULT_DAMAGE_CURVE = 0;
export const DEFAULT_STATUS_CURVE = 6;

export class WeaponTables {
  readonly patch: string;
  readonly weapons: readonly WeaponData[];
  private readonly byKey = new Map<string, WeaponData>();
  private readonly reinforce = new Map<number, ReinforceLevel[]>();
  private readonly elementCorrect = new Map<number, AttackElementCorrect>();
  private readonly graphs = new Map<number, CalcCorrectGraph>();
  private readonly statuses = new Map<number, StatusEffect>();

  constructor(file: WeaponTablesData) {
    this.patch = file.patch;
    this.weapons = file.weapons;
    for (const [id, levels] of Object.entries(file.reinforceTypes)) this.reinforce.set(Number(id), levels);
    for (const [id, row] of Object.entries(file.attackElementCorrects)) this.elementCorrect.set(Number(id), row);
    for (const [id, graph] of Object.entries(file.calcCorrectGraphs)) this.graphs.set(Number(id), graph);
    for (const [id, effect] of Object.entries(file.statusEffects)) this.statuses.set(Number(id), effect);
    const problems: string[] = [];
    if (!this.graphs.has(DEFAULT_DAMAGE_CURVE) || !this.graphs.has(DEFAULT_STATUS_CURVE)) problems.push('default curves 0 and 6 missing');
    for (const weapon of file.weapons) {
      if (this.byKey.has(weapon.key)) problems.push(`${weapon.key} twice`);
      this.byKey.set(weapon.key, weapon);
      if (weapon.rows.length === 0) problems.push(`${weapon.name}: no rows`);
      const affinities = weapon.rows.map((row) => row.affinity);
      if (affinities.includes(null) && weapon.rows.length !== 1) problems.push(`${weapon.name}: a unique row among affinity rows`);
      if (new Set(affinities).size !== affinities.length) problems.push(`${weapon.name}: an affinity twice`);
      for (const row of weapon.rows) {
        const levels = this.reinforce.get(row.reinforceTypeId);
        if (!levels || ![1, 11, 26].includes(levels.length)) problems.push(`${row.name}: reinforce type ${row.reinforceTypeId}`);
        if (!this.elementCorrect.has(row.attackElementCorrectId)) problems.push(`${row.name}: attack element correct ${row.attackElementCorrectId}`);
        for (const id of Object.values(row.curves)) if (id !== undefined && !this.graphs.has(id)) problems.push(`${row.name}: curve ${id}`);
      }
    }
    if (problems.length) throw new Error(`weapon tables are inconsistent: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? ` (+${problems.length - 10} more)` : ''}`);
  }

  /** The weapon with this item key ("weapon:9000000"). */
  weapon(key: string): WeaponData | undefined {
    return this.byKey.get(key);
  }

  /** Upgrade levels of a row's path (index = level). */
  levels(row: WeaponAffinityRow): readonly ReinforceLevel[] {
    return this.reinforce.get(row.reinforceTypeId)!;
  }

  attackElementCorrect(row: WeaponAffinityRow): AttackElementCorrect {
    return this.elementCorrect.get(row.attackElementCorrectId)!;
  }

  graph(id: number): CalcCorrectGraph | undefined {
    return this.graphs.get(id);
  }

  statusEffect(id: number): StatusEffect | undefined {
    return this.statuses.get(id);
  }
}

/** Whether the weapon comes in affinities at all (unique weapons do not). */
export function takesAffinities(weapon: WeaponData): boolean {
  return weapon.rows[0]?.affinity !== null;
}

/** The affinities a weapon can take, in the game's order (empty for a unique weapon). */
export function affinitiesOf(weapon: WeaponData): Affinity[] {
  const have = new Set(weapon.rows.map((row) => row.affinity));
  return AFFINITIES.filter((affinity) => have.has(affinity));
}

/** The row of one affinity; `null`/undefined means the weapon's default (its only row, or standard). */
export function rowOf(weapon: WeaponData, affinity: Affinity | null | undefined): WeaponAffinityRow | undefined {
  if (affinity === null || affinity === undefined) return weapon.rows.find((row) => row.affinity === null || row.affinity === 'standard') ?? weapon.rows[0];
  return weapon.rows.find((row) => row.affinity === affinity);
}

/** The upgrade path from the number of upgrade levels (26: regular, 11: somber, 1: none). */
export function upgradePathOf(levelCount: number): UpgradePath {
  return levelCount >= 26 ? 'regular' : levelCount >= 11 ? 'somber' : 'none';
}
