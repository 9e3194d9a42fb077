// Deterministic serialisation of the compiled files: fixed field order, one record per line, so a
// rebuild from the same inputs is byte-identical and a diff shows what changed.
import type { ItemData, ItemRecord } from '../../src/items/types.ts';
import type { EffectTable } from './effects.ts';
import type { AttackTables, BossRow, EnemyTable, Table } from './tables.ts';

const FIELD_ORDER: (keyof ItemRecord)[] = [
  'key',
  'paramId',
  'name',
  'category',
  'subcategory',
  'dlc',
  'aliases',
  'weight',
  'sellValue',
  'runeValue',
  'requirements',
  'scaling',
  'attack',
  'damageTypes',
  'critical',
  'status',
  'statusMax',
  'guard',
  'upgrade',
  'upgradePrice',
  'upgradeCosts',
  'skill',
  'skillFp',
  'ashOfWar',
  'fpCost',
  'hpCost',
  'stamina',
  'slots',
  'absorption',
  'resistance',
  'poise',
  'accessoryGroup',
  'maxHeld',
  'maxStored',
  'duration',
  'effect',
  'effects',
  'shop',
  'sources',
  'patch',
  'rows',
];

const COMPILER_ONLY = new Set(['altIds', 'table', 'yieldingAliases']);

/** Copy a record with fields in a fixed order, dropping undefined and compiler-only fields. */
export function orderRecord(r: ItemRecord): ItemRecord {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) {
    const v = r[k];
    if (v === undefined) continue;
    out[k] = v;
  }
  for (const k of Object.keys(r).sort()) {
    if (k in out || FIELD_ORDER.includes(k as keyof ItemRecord) || COMPILER_ONLY.has(k)) continue;
    const v = (r as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as ItemRecord;
}

function lines(open: string, items: readonly string[], close: string): string[] {
  return [open, ...items.map((s, i) => `    ${s}${i < items.length - 1 ? ',' : ''}`), close];
}

export function serialiseItemData(data: ItemData): string {
  const out: string[] = ['{'];
  out.push(`  "generatedAt": ${JSON.stringify(data.generatedAt)},`);
  out.push(`  "patch": ${JSON.stringify(data.patch)},`);
  out.push(...lines('  "sources": [', data.sources.map((s) => JSON.stringify(s)), '  ],'));
  out.push(...lines('  "items": [', data.items.map((it) => JSON.stringify(orderRecord(it))), '  ]'));
  out.push('}');
  return out.join('\n') + '\n';
}

function doc(text: Record<string, string>): string {
  return `  "$doc": ${JSON.stringify(text)},`;
}

function table(name: string, t: Table, last: boolean): string[] {
  return [
    `  ${JSON.stringify(name)}: {`,
    `    "columns": ${JSON.stringify(t.columns)},`,
    '    "rows": [',
    ...t.rows.map((r, i) => `      ${JSON.stringify(r)}${i < t.rows.length - 1 ? ',' : ''}`),
    '    ]',
    `  }${last ? '' : ','}`,
  ];
}

export const SP_EFFECTS_DOC = {
  what: 'SpEffectParam rows referred to by an item (ItemRecord.effects) and the rows they chain to; keys are SpEffectParam ids',
  d: 'effectEndurance: duration in seconds; -1 = while the source is active (e.g. a talisman is worn), 0 = instant',
  cat: 'spCategory: effects of one category replace each other instead of stacking (0 = none)',
  pri: 'categoryPriority: which effect of a category wins',
  f: "every other field whose value differs from its base value in \"defaults\", by paramdef name (rates such as soulRate, haveSoulRate, maxHpRate, itemDropRate, equipWeightChangeRate; chained ids such as replaceSpEffectId, cycleOccurrenceSpEffectId); f32 values as the game tools print them",
  defaults: "the base value of every field: the paramdef default, or the value most SpEffectParam rows carry where that differs (computed from the file); a field absent from f has this value",
} as const;

export function serialiseSpEffects(patch: string, t: EffectTable): string {
  const { rows } = t;
  const out = ['{', doc(SP_EFFECTS_DOC), `  "patch": ${JSON.stringify(patch)},`, `  "defaults": ${JSON.stringify(t.defaults)},`];
  out.push(
    ...lines(
      '  "effects": {',
      rows.map((r) => `${JSON.stringify(String(r.id))}: ${JSON.stringify({ d: r.d, cat: r.cat, pri: r.pri, f: r.f })}`),
      '  }',
    ),
  );
  out.push('}');
  return out.join('\n') + '\n';
}

export const ENEMIES_DOC = {
  what: 'every NpcParam row: its rune drop and the places it is met (from the enemy-locations table, joined on the NpcParam id)',
  id: 'NpcParam row id',
  name: 'NpcParam row name (community), else the game text (NpcName), else the enemy table; absent when none names it',
  runes: 'getSoul: runes dropped in NG before boosts and NG+ scaling; absent = 0 (bosses: see bosses.json)',
  at: '[place, flags]: place = index into "places"; flags 1 = a boss there, 2 = a DLC place',
  aka: 'the names the enemy table gives this id where they differ from name',
} as const;

export function serialiseEnemies(patch: string, t: EnemyTable): string {
  const out = ['{', doc(ENEMIES_DOC), `  "patch": ${JSON.stringify(patch)},`];
  out.push(`  "places": ${JSON.stringify(t.places)},`);
  out.push(...lines('  "enemies": [', t.enemies.map((e) => JSON.stringify(e)), '  ]'));
  out.push('}');
  return out.join('\n') + '\n';
}

export const BOSSES_DOC = {
  what: 'every GameAreaParam row: the runes a boss (area) awards',
  id: 'GameAreaParam row id (the boss\'s own id, e.g. 1051430800)',
  name: 'row name (community)',
  single: 'bonusSoul_single: runes awarded to a host playing alone',
  multi: 'bonusSoul_multi: runes awarded to a host in co-op',
} as const;

export function serialiseBosses(patch: string, rows: readonly BossRow[]): string {
  const out = ['{', doc(BOSSES_DOC), `  "patch": ${JSON.stringify(patch)},`];
  out.push(...lines('  "bosses": [', rows.map((r) => JSON.stringify(r)), '  ]'));
  out.push('}');
  return out.join('\n') + '\n';
}

export const ATTACK_DOC = {
  what: 'the param rows the attack-rating formula reads (../shared/docs/attack-rating.md); each table is { columns, rows }, a row lists values in column order, column names are paramdef field names',
  weapons: 'EquipParamWeapon: every affinity row of every weapon and shield in items.json (id = base id + 100 × affinity: 100 Heavy, 200 Keen, 300 Quality, 400 Fire, 500 Flame Art, 600 Lightning, 700 Sacred, 800 Magic, 900 Cold, 1000 Poison, 1100 Blood, 1200 Occult); the base id is the item\'s paramId in items.json',
  reinforce: 'ReinforceParamWeapon rows used: reinforceTypeId + level (0..max); atk/correct rates, status offsets (spEffectId1..3), price rate, guard rates per level',
  elementCorrect: 'AttackElementCorrectParam rows used: which stats feed which damage type, override and influence rates',
  graphs: 'CalcCorrectGraph rows used (plus 0 and 6, the defaults): stage x, stage values, exponents',
  status: 'SpEffectParam status rows: spEffectBehaviorId0..2 + the level\'s spEffectId1..3 offset, for every weapon row and level; buildup per status',
} as const;

export function serialiseAttackTables(patch: string, t: AttackTables): string {
  const out = ['{', doc(ATTACK_DOC), `  "patch": ${JSON.stringify(patch)},`];
  out.push(...table('weapons', t.weapons, false));
  out.push(...table('reinforce', t.reinforce, false));
  out.push(...table('elementCorrect', t.elementCorrect, false));
  out.push(...table('graphs', t.graphs, false));
  out.push(...table('status', t.status, true));
  out.push('}');
  return out.join('\n') + '\n';
}

/** Pretty JSON with sorted-by-construction keys (the build report). */
export function serialiseReport(report: unknown): string {
  return JSON.stringify(report, null, 1) + '\n';
}
