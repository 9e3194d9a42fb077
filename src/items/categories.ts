// Item categories in a player's words: labels, the finer kind of an item, and reading a category a
// player typed or picked.

import type { Category, ItemRecord } from './types.ts';

export const CATEGORY_LABELS: Record<Category, string> = {
  weapon: 'Weapon',
  shield: 'Shield',
  ammo: 'Ammunition',
  armor: 'Armor',
  talisman: 'Talisman',
  sorcery: 'Sorcery',
  incantation: 'Incantation',
  ash_of_war: 'Ash of War',
  spirit_ash: 'Spirit Ash',
  consumable: 'Consumable',
  tool: 'Tool',
  crafting_material: 'Crafting material',
  upgrade_material: 'Upgrade material',
  key_item: 'Key item',
  bell_bearing: 'Bell Bearing',
  cookbook: 'Cookbook',
  crystal_tear: 'Crystal Tear',
  great_rune: 'Great Rune',
  remembrance: 'Remembrance',
  rune_item: 'Rune item',
  info_item: 'Note or map',
};

/** "Katana", "Head", or the category label when the data has no finer class. */
export function kindLabel(item: ItemRecord): string {
  return item.subcategory ?? CATEGORY_LABELS[item.category];
}

/** A category from an option value: the key ("ash_of_war") or its label ("Ash of War"), any case. */
export function parseCategory(value: string | undefined): Category | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const wanted = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  for (const [key, label] of Object.entries(CATEGORY_LABELS) as [Category, string][]) {
    if (key === wanted || label.toLowerCase().replace(/[\s-]+/g, '_') === wanted) return key;
  }
  return undefined;
}

/** Slash-command choices for a category option (21 ≤ Discord's 25). */
export const CATEGORY_CHOICES: { name: string; value: Category }[] = (Object.entries(CATEGORY_LABELS) as [Category, string][]).map(([value, name]) => ({ name, value }));
