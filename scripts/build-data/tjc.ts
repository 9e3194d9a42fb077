// ThomasJClark elden-ring-weapon-calculator regulation JSON (v1.14): weapon stats by name, incl. DLC.
import fs from 'node:fs';

export interface TjcWeapon {
  name: string;
  weaponName: string;
  affinityId: number;
  weaponType: number;
  requirements: Partial<Record<'str' | 'dex' | 'int' | 'fai' | 'arc', number>>;
  attack: [number, number][];
  attributeScaling: [string, number][];
  reinforceTypeId: number;
  dlc?: boolean;
  weight?: number; // v1.16.1 PR file only
  crit?: number; // v1.16.1 PR file only: critical bonus over 100
}

export interface Tjc {
  /** weaponName -> the standard-affinity (or only) row */
  byName: Map<string, TjcWeapon>;
  /** weaponName -> names of all affinity variants */
  variants: Map<string, string[]>;
  reinforceLevels: Map<number, number>; // reinforceTypeId -> max level
}

export function loadTjc(file: string): Tjc {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    weapons: TjcWeapon[];
    reinforceTypes: Record<string, unknown[]>;
  };
  const byName = new Map<string, TjcWeapon>();
  const variants = new Map<string, string[]>();
  for (const w of raw.weapons) {
    const cur = byName.get(w.weaponName);
    if (!cur || (w.affinityId <= 0 && cur.affinityId > 0)) byName.set(w.weaponName, w);
    const v = variants.get(w.weaponName) ?? [];
    if (w.name !== w.weaponName) v.push(w.name);
    variants.set(w.weaponName, v);
  }
  const reinforceLevels = new Map<number, number>();
  for (const [k, v] of Object.entries(raw.reinforceTypes)) reinforceLevels.set(Number(k), v.length - 1);
  return { byName, variants, reinforceLevels };
}

/** TJC attack element index -> our damage kind (0-4); status buildups (5+) are not base attack. */
export const TJC_ATTACK_KINDS = ['physical', 'magic', 'fire', 'lightning', 'holy'] as const;
