// CalcCorrectGraph rows for the derived stats, CURRENT values (patch 1.04 and later; identical in
// the 1.09 and 1.10 dumps). mechanics.md §3 [V2]. The patch 1.00 FP, stamina and equip-load curves
// were lower (Mind 10 gave 68 FP); they are deliberately not used.
//
// For x between stage i and i+1: r = (x − s_i)/(s_{i+1} − s_i); g = r^e if e > 0, else 1 − (1 − r)^(−e);
// value = G_i + (G_{i+1} − G_i)·g.

import type { Stat } from './classes.ts';

export type DerivedStat = 'hp' | 'fp' | 'stamina' | 'equipLoad' | 'discovery';

export interface StatCurve {
  id: DerivedStat;
  /** CalcCorrectGraph row id. */
  row: number;
  stat: Stat;
  stageX: readonly [number, number, number, number, number];
  /** Stage values times `scale`, so that every stored value is an integer. */
  stageValue: readonly [number, number, number, number, number];
  /** Divide an evaluated value by this to get the param's own unit (100 for discovery's 1.0–1.99). */
  scale: number;
  exponents: readonly [number, number, number, number];
  /** How the game displays it. */
  display: 'floor' | 'round-1-decimal' | 'integer';
}

export const STAT_CURVES: Readonly<Record<DerivedStat, StatCurve>> = {
  hp: { id: 'hp', row: 100, stat: 'vigor', stageX: [1, 25, 40, 60, 99], stageValue: [300, 800, 1450, 1900, 2100], scale: 1, exponents: [1.5, 1.1, -1.2, -1.2], display: 'floor' },
  fp: { id: 'fp', row: 101, stat: 'mind', stageX: [1, 15, 35, 60, 99], stageValue: [50, 95, 200, 350, 450], scale: 1, exponents: [1, 1, -1.2, 1], display: 'floor' },
  stamina: { id: 'stamina', row: 104, stat: 'endurance', stageX: [1, 15, 30, 50, 99], stageValue: [80, 105, 130, 155, 170], scale: 1, exponents: [1, 1, 1, 1], display: 'floor' },
  equipLoad: { id: 'equipLoad', row: 220, stat: 'endurance', stageX: [1, 8, 25, 60, 99], stageValue: [45, 45, 72, 120, 160], scale: 1, exponents: [1, 1, 1.1, 1], display: 'round-1-decimal' },
  // Stage values 1, 1.3, 1.4, 1.6, 1.99 stored ×100; discovery = 100 × value, which is the scaled value.
  // Every segment has slope 1 per point, so discovery = 100 + Arcane exactly.
  discovery: { id: 'discovery', row: 140, stat: 'arcane', stageX: [0, 30, 40, 60, 99], stageValue: [100, 130, 140, 160, 199], scale: 100, exponents: [1, 1, 1, 1], display: 'integer' },
};
