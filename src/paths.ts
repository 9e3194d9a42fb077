// The project's root folder (where package.json and data/ are), wherever the code runs from: src/ under
// tsx, or dist/src/ once compiled by `npm run build`. A leaf module: anything may import it.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return dirname(dirname(fileURLToPath(import.meta.url)));
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path under the project root, e.g. projectPath('data', 'items.json'). */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
