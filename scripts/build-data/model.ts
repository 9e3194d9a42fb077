// Shared types for the compiler's intermediate state.
import type { Category, ItemRecord } from '../../src/items/types.ts';

/** A record under construction, plus compiler-only bookkeeping that is dropped on output. */
export interface Draft extends ItemRecord {
  /** Other param ids that denote the same item (duplicate rows): used to attach shop offers. */
  altIds: number[];
  /** Which EquipParam table the ids refer to, for the shop join. */
  table: 'weapon' | 'protector' | 'accessory' | 'goods' | 'gem' | 'none';
}

export const PATCH_ERDB = '1.10';
export const PATCH_TJC = '1.14';
export const PATCH_DLC_TEXT = '1.12'; // Shadow of the Erdtree launch text dump (Impaler's Archive, 2024-06)

export const SRC = {
  erdb: 'erdb@1.10.0',
  impalers: 'impalers-archive@dlc01',
  tjc: 'tjc-calculator@1.14',
  tjcPr: 'tjc-calculator-pr66@1.16.1', // weight and critical of DLC weapons only
  kaggle: 'kaggle-dlc@hakkache',
  curated: 'curated',
} as const;

/** A fresh record: base-game ones come from erdb 1.10, DLC ones start from the DLC text dump. */
export function newDraft(origin: 'base' | 'dlc', category: Category, paramId: number, name: string, table: Draft['table']): Draft {
  const dlc = origin === 'dlc';
  return {
    key: `${category}:${paramId}`,
    paramId,
    name,
    aliases: [],
    category,
    dlc,
    sources: [dlc ? SRC.impalers : SRC.erdb],
    patch: dlc ? PATCH_DLC_TEXT : PATCH_ERDB,
    altIds: [],
    table,
  };
}
