// Loads the compiled item facts (data/items.json, written by `npm run build-data`). The running bot
// reads only data/, never the raw sources.

import { existsSync, readFileSync } from 'node:fs';
import { projectPath } from '../paths.ts';
import type { ItemData } from './types.ts';

export const ITEM_DATA_PATH = projectPath('data', 'items.json');

let cached: ItemData | null | undefined;

/** The compiled item data, read once; null when data/items.json has not been built. */
export function loadItemData(path = ITEM_DATA_PATH): ItemData | null {
  if (path !== ITEM_DATA_PATH) return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ItemData) : null;
  if (cached === undefined) cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ItemData) : null;
  return cached;
}
