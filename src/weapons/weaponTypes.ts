// EquipParamWeapon.wepType values the calculator treats specially.

/** Light bows (50), bows (51), greatbows (53) and ballistae (56) are always held in two hands. */
export const ALWAYS_TWO_HANDED_TYPES: ReadonlySet<number> = new Set([50, 51, 53, 56]);

/** Bows, crossbows and ballistae: their attack rating is the bow's own, before any arrow or bolt. */
export const RANGED_TYPES: ReadonlySet<number> = new Set([50, 51, 53, 55, 56]);

export function isAlwaysTwoHanded(weaponType: number): boolean {
  return ALWAYS_TWO_HANDED_TYPES.has(weaponType);
}

export function isRanged(weaponType: number): boolean {
  return RANGED_TYPES.has(weaponType);
}
