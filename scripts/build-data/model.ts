// Shared types for the compiler's intermediate state.
import type { Category, ItemRecord } from '../../src/items/types.ts';

/** A record under construction, plus compiler-only bookkeeping that is dropped on output. */
export interface Draft extends ItemRecord {
  rows: string[];
  /** Other param ids that denote the same item (duplicate rows, DLC re-issues): used to attach shop offers. */
  altIds: number[];
  /** Which EquipParam table the ids refer to, for the shop join. */
  table: 'weapon' | 'protector' | 'accessory' | 'goods' | 'gem';
  /** Aliases that give way, without a warning, where another item bears that name (an Ash of War by its skill's name, "Lion's Claw"; not "Glintstone Pebble", a sorcery). */
  yieldingAliases?: string[];
}

/** Source ids, as listed in ItemData.sources (and shown nowhere a player reads). */
export const SRC = {
  regulation: (patch: string) => `regulation@${patch}`,
  erdb: 'erdb@1.10.0', // base-game names (FMG text) and skill names
  impalers: 'impalers-archive@dlc01', // DLC names (FMG text)
  enemies: 'enemy-locations@guyathomas', // which enemies are in which places (data/enemies.json only)
  curated: 'curated',
} as const;

/** The EquipParam table of each record table, for provenance ("EquipParamWeapon:67520000"). */
export const PARAM_OF_TABLE: Record<Draft['table'], string> = {
  weapon: 'EquipParamWeapon',
  protector: 'EquipParamProtector',
  accessory: 'EquipParamAccessory',
  goods: 'EquipParamGoods',
  gem: 'EquipParamGem',
};

export function newDraft(opts: {
  category: Category;
  paramId: number;
  name: string;
  table: Draft['table'];
  dlc: boolean;
  patch: string;
}): Draft {
  return {
    key: `${opts.category}:${opts.paramId}`,
    paramId: opts.paramId,
    name: opts.name,
    aliases: [],
    category: opts.category,
    dlc: opts.dlc,
    sources: [SRC.regulation(opts.patch), opts.dlc ? SRC.impalers : SRC.erdb],
    patch: opts.patch,
    rows: [`${PARAM_OF_TABLE[opts.table]}:${opts.paramId}`],
    altIds: [],
    table: opts.table,
  };
}

/** Add a provenance row once ("SpEffectParam:3971"). */
export function addRow(d: Draft, row: string): void {
  if (!d.rows.includes(row)) d.rows.push(row);
}
