// Cross-check: the tables compiled from regulation 1.16.1 (the product's, src/weapons/data.ts) against
// the public weapon calculator's own reading of 1.16.1 (an unmerged pull request's file in ../shared,
// through the test adapter ./tjc.ts). Two independent readings of the same params: every weapon ×
// affinity × three levels × four stat spreads × one- and two-handed must give the same shown values,
// except where the two files hold different inputs, and those inputs must be exactly the known ones
// below (checked against regulation.bin with the project's reader: the compiled side is the game's).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openRegulation } from '../../scripts/regulation/regulation.ts';
import { DAMAGE_TYPES, attackRating, type WeaponAffinityRow, type WeaponData, type WeaponStats, type WeaponTables } from '../../src/weapons/index.ts';
import { DEFAULT_DAMAGE_CURVE, DEFAULT_STATUS_CURVE } from '../../src/weapons/tables.ts';
import { HAVE_TJC, fromTjc, product } from './helpers.ts';

const SPREADS: WeaponStats[] = [
  { strength: 10, dexterity: 10, intelligence: 10, faith: 10, arcane: 10 },
  { strength: 40, dexterity: 40, intelligence: 20, faith: 20, arcane: 20 },
  { strength: 16, dexterity: 20, intelligence: 60, faith: 60, arcane: 60 },
  { strength: 99, dexterity: 99, intelligence: 99, faith: 99, arcane: 99 },
];

/**
 * Where regulation 1.16.1 and the calculator's file disagree on a weapon form's inputs. EquipParamWeapon
 * 32131200 (Occult Fingerprint Stone Shield) has spEffectBehaviorId0 = 6753 in regulation.bin 1.16.1
 * (madness 70, as on every other affinity of the shield; read with scripts/regulation), while the file
 * gives that one row no status effect at all (and so no madness curve to compare).
 */
const KNOWN_INPUT_DIFFERENCES: Record<string, string[]> = {
  'Occult Fingerprint Stone Shield': ['statusCurves', 'statusEffectIds'],
};

const REGULATION_DIR = fileURLToPath(new URL('../../../shared/data-sources/regulation/', import.meta.url));
const HAVE_REGULATION = existsSync(`${REGULATION_DIR}1.16.1/regulation.bin`);
if (!HAVE_REGULATION) console.warn('skipping the check of the known difference against regulation.bin: ../shared/data-sources/regulation is absent (needs ../shared)');

/** JSON with object keys sorted: two readings list a row's flags in different orders. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/** A form's inputs with every id resolved to what it points at, so two sources can be compared by value. */
function inputsOf(tables: WeaponTables, weapon: WeaponData, row: WeaponAffinityRow): Record<string, unknown> {
  const levels = tables.levels(row);
  const curve = (target: keyof WeaponAffinityRow['curves'], fallback: number) => tables.graph(row.curves[target] ?? fallback) ?? tables.graph(fallback);
  // The status buildup each effect slot gives at each level (id + the level's offset).
  const effects = levels.map((level) => row.statusEffectIds.map((id, slot) => (id > 0 ? (tables.statusEffect(id + level.statusEffectOffsets[slot]!) ?? null) : null)));
  const statuses = new Set(effects.flat().flatMap((effect) => Object.keys(effect ?? {})));
  // Only the curves a value is computed with: the damage types the form deals or casts with, its statuses.
  const damageTypes = DAMAGE_TYPES.filter((type) => (row.attackBase[type] ?? 0) > 0 || (type === 'magic' && weapon.sorceryTool) || (type === 'holy' && weapon.incantationTool));
  const statusTypes = (['poison', 'bloodLoss', 'sleep', 'madness'] as const).filter((type) => statuses.has(type));
  return {
    attackBase: row.attackBase,
    correct: row.correct,
    requirements: row.requirements,
    levels: levels.map((level) => ({ attackRate: level.attackRate, correctRate: level.correctRate })),
    elementCorrect: tables.attackElementCorrect(row),
    damageCurves: Object.fromEntries(damageTypes.map((type) => [type, curve(type, DEFAULT_DAMAGE_CURVE)])),
    statusCurves: Object.fromEntries(statusTypes.map((type) => [type, curve(type, DEFAULT_STATUS_CURVE)])),
    statusEffectIds: effects,
  };
}

function shownOf(tables: WeaponTables, weapon: WeaponData, row: WeaponAffinityRow, level: number, stats: WeaponStats, twoHanded: boolean): string {
  const r = attackRating(tables, weapon, { affinity: row.affinity, level, stats, twoHanded });
  return JSON.stringify({
    damage: r.damage.map((d) => [d.type, d.shown]),
    status: r.status.map((s) => [s.type, s.shown]),
    spell: r.spellScaling.map((s) => [s.school, s.shown]),
    total: r.total,
    unmet: r.unmet,
  });
}

describe.skipIf(!HAVE_TJC)('compiled 1.16.1 tables against the public weapon calculator file', () => {
  it('has the same weapons, the same affinity forms with the same names, and the same upgrade paths', () => {
    const other = fromTjc!;
    expect(other.weapons.map((w) => w.key).sort()).toEqual(product.weapons.map((w) => w.key).sort());
    let forms = 0;
    for (const weapon of product.weapons) {
      const theirs = other.weapon(weapon.key)!;
      expect(theirs.rows.map((r) => [r.affinity, r.name]), weapon.name).toEqual(weapon.rows.map((r) => [r.affinity, r.name]));
      expect([theirs.weaponType, theirs.paired, theirs.sorceryTool, theirs.incantationTool, theirs.dlc], weapon.name).toEqual([weapon.weaponType, weapon.paired, weapon.sorceryTool, weapon.incantationTool, weapon.dlc]);
      for (const row of weapon.rows) expect(other.levels(theirs.rows.find((r) => r.affinity === row.affinity)!).length, row.name).toBe(product.levels(row).length);
      forms += weapon.rows.length;
    }
    // data-sources.md §2.3: 3,216 rows in the file, one of them "Unarmed" (no item).
    expect(forms).toBe(3215);
  });

  it('gives the same inputs for every form but the known differences', { timeout: 120_000 }, () => {
    const other = fromTjc!;
    const differences: Record<string, string[]> = {};
    for (const weapon of product.weapons) {
      const theirs = other.weapon(weapon.key)!;
      for (const row of weapon.rows) {
        const mine = inputsOf(product, weapon, row);
        const file = inputsOf(other, theirs, theirs.rows.find((r) => r.affinity === row.affinity)!);
        const fields = Object.keys(mine).filter((field) => canonical(mine[field]) !== canonical(file[field]));
        if (fields.length) differences[row.name] = fields;
      }
    }
    expect(differences).toEqual(KNOWN_INPUT_DIFFERENCES);
  });

  it('gives the same shown values for every form × level × stat spread × hands where the inputs agree', { timeout: 120_000 }, () => {
    const other = fromTjc!;
    let compared = 0;
    let agreeing = 0;
    const disagreeing = new Map<string, number>();
    const unexplained: string[] = [];
    for (const weapon of product.weapons) {
      const theirs = other.weapon(weapon.key)!;
      for (const row of weapon.rows) {
        const theirRow = theirs.rows.find((r) => r.affinity === row.affinity)!;
        const max = product.levels(row).length - 1;
        for (const level of new Set([0, Math.floor(max / 2), max])) {
          for (const stats of SPREADS) {
            for (const twoHanded of [false, true]) {
              compared++;
              const a = shownOf(product, weapon, row, level, stats, twoHanded);
              const b = shownOf(other, theirs, theirRow, level, stats, twoHanded);
              if (a === b) {
                agreeing++;
                continue;
              }
              disagreeing.set(row.name, (disagreeing.get(row.name) ?? 0) + 1);
              if (!KNOWN_INPUT_DIFFERENCES[row.name]) unexplained.push(`${row.name} +${level} ${JSON.stringify(stats)}${twoHanded ? ' 2H' : ''}: ${a} vs ${b}`);
            }
          }
        }
      }
    }
    console.info(
      `attack-rating cross-check: ${agreeing} of ${compared} ratings agree between the compiled 1.16.1 tables and the weapon calculator file; ` +
        `the others: ${[...disagreeing].map(([name, n]) => `${name} (${n})`).join(', ') || 'none'}`,
    );
    expect(unexplained).toEqual([]);
    // 3,215 forms, each at 3 levels (+0, half-way, the top; 1 for the weapon that cannot be upgraded) × 4 spreads × 2.
    expect(compared).toBe((3215 * 3 - 2) * SPREADS.length * 2);
    // Occult Fingerprint Stone Shield's madness (70, Arcane-scaled) at its 3 levels × 4 spreads × 2 hands.
    expect(Object.fromEntries(disagreeing)).toEqual({ 'Occult Fingerprint Stone Shield': 24 });
  });
});

describe.skipIf(!HAVE_REGULATION)('the known difference, read from regulation.bin 1.16.1', () => {
  it('EquipParamWeapon 32131200 (Occult Fingerprint Stone Shield) has spEffectBehaviorId0 6753, madness 70; the compiled tables say the same', { timeout: 120_000 }, () => {
    const regulation = openRegulation(`${REGULATION_DIR}1.16.1/regulation.bin`, `${REGULATION_DIR}defs`);
    expect(regulation.patch).toBe('1.16.1');
    expect(regulation.param('EquipParamWeapon').num(32131200, 'spEffectBehaviorId0')).toBe(6753);
    expect(regulation.param('SpEffectParam').num(6753, 'madnessAttackPower')).toBe(70);
    const shield = product.weapons.find((w) => w.name === 'Fingerprint Stone Shield')!;
    expect(shield.rows.find((r) => r.affinity === 'occult')!.statusEffectIds).toEqual([6753, 0, 0]);
    expect(product.statusEffect(6753)).toEqual({ madness: 70 });
  });
});
