// The two small hand-kept tables the item index merges with the compiled data:
//  - data/aliases.json: the community's short names and spellings ("RoB", "GPFF", "erdtree favour"),
//    keyed by official item name; reviewed by hand, never generated from a query list;
//  - data/popular.json: commonly looked-up items, most popular first; a small tie-break weight in
//    search and the suggestions offered for an empty query.

import { existsSync, readFileSync } from 'node:fs';
import { projectPath } from '../paths.ts';

export const ALIASES_PATH = projectPath('data', 'aliases.json');
export const POPULAR_PATH = projectPath('data', 'popular.json');

/** Official item name → the extra names players use for it. */
export type AliasTable = Readonly<Record<string, readonly string[]>>;

interface AliasFile {
  aliases: Record<string, string[]>;
}

interface PopularFile {
  items: string[];
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

export function loadAliasTable(path = ALIASES_PATH): AliasTable {
  const file = readJson<AliasFile>(path);
  return file?.aliases ?? {};
}

export function loadPopularList(path = POPULAR_PATH): readonly string[] {
  const file = readJson<PopularFile>(path);
  return file?.items ?? [];
}
