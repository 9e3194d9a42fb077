// Deterministic serialisation of ItemData: fixed field order, one item per line.
import type { ItemData, ItemRecord } from '../../src/items/types.ts';

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
  'upgrade',
  'upgradePrice',
  'upgradeCosts',
  'skill',
  'fpCost',
  'hpCost',
  'stamina',
  'slots',
  'absorption',
  'resistance',
  'poise',
  'effect',
  'shop',
  'sources',
  'patch',
];

/** Copy a record with fields in a fixed order, dropping undefined and compiler-only fields. */
export function orderRecord(r: ItemRecord): ItemRecord {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) {
    const v = r[k];
    if (v === undefined) continue;
    out[k] = v;
  }
  for (const k of Object.keys(r).sort()) {
    if (k in out || FIELD_ORDER.includes(k as keyof ItemRecord)) continue;
    if (k === 'altIds' || k === 'table') continue;
    const v = (r as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as ItemRecord;
}

export function serialiseItemData(data: ItemData): string {
  const head = {
    generatedAt: data.generatedAt,
    patch: data.patch,
    sources: data.sources,
  };
  const lines: string[] = ['{'];
  lines.push(`  "generatedAt": ${JSON.stringify(head.generatedAt)},`);
  lines.push(`  "patch": ${JSON.stringify(head.patch)},`);
  lines.push('  "sources": [');
  head.sources.forEach((s, i) => lines.push(`    ${JSON.stringify(s)}${i < head.sources.length - 1 ? ',' : ''}`));
  lines.push('  ],');
  lines.push('  "items": [');
  data.items.forEach((it, i) => lines.push(`    ${JSON.stringify(orderRecord(it))}${i < data.items.length - 1 ? ',' : ''}`));
  lines.push('  ]');
  lines.push('}');
  return lines.join('\n') + '\n';
}
