// The game's own 1.16.1 parameters from ../shared, for tests that check a reply against numbers read from
// the params directly. Absent in a fresh clone: `haveRegulation` is false and the tests skip with a message.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRegulation, type Regulation } from '../../scripts/regulation/regulation.ts';
import type { Param } from '../../scripts/regulation/param.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const regDir = path.resolve(root, '../shared/data-sources/regulation');
const file = path.join(regDir, '1.16.1/regulation.bin');

export const haveRegulation = fs.existsSync(file) && fs.existsSync(path.join(regDir, 'defs'));

let opened: Regulation | undefined;

/** Says once, on the console, why the calling suite skips. */
export function warnIfNoRegulation(what: string): void {
  if (!haveRegulation) console.warn(`skipping ${what}: ${file} is absent (needs ../shared)`);
}

export function regulation(): Regulation {
  opened ??= openRegulation(file, path.join(regDir, 'defs'));
  return opened;
}

/** A cell of param `name`, row `id`, field `field`; throws when the row is missing. */
export function paramCell(name: string, id: number, field: string): number {
  const p: Param = regulation().param(name);
  const i = p.index.get(id);
  if (i === undefined) throw new Error(`${name} has no row ${id}`);
  const v = p.cell(i, p.field(field));
  if (typeof v !== 'number') throw new Error(`${name}.${field} is not numeric`);
  return v;
}

/** Whether param `name` has row `id`. */
export function paramHas(name: string, id: number): boolean {
  return regulation().param(name).index.has(id);
}

/** Every row id of param `name` whose cells satisfy `test`. */
export function paramRows(name: string, test: (cell: (field: string) => number) => boolean): number[] {
  const p = regulation().param(name);
  const out: number[] = [];
  for (let i = 0; i < p.rowCount; i++) {
    const id = p.ids[i]!;
    if (p.index.get(id) !== i) continue;
    const cell = (field: string) => p.cell(i, p.field(field)) as number;
    if (test(cell)) out.push(id);
  }
  return out;
}
