// Merchant offers from ShopLineupParam (base game only).
import type { ShopOffer } from '../../src/items/types.ts';
import type { BaseTables } from './base.ts';
import type { Draft } from './model.ts';

export function attachShops(_t: BaseTables, _drafts: Draft[], _warnings: string[]): void {
  // filled in below in a later step
}
