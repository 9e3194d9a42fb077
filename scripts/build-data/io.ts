// Readers for the raw source formats: erdb param CSVs (';'-delimited) and FMG XML text dumps.
// Only ids, names and numbers are taken from these files; FMG text other than names is never written out.
import fs from 'node:fs';

export type ParamRow = Readonly<Record<string, string>>;

export interface ParamTable {
  readonly name: string;
  readonly rows: readonly ParamRow[]; // in file order, first occurrence of each Row ID only
  readonly byId: ReadonlyMap<number, ParamRow>;
}

/** Parse an erdb param CSV: header `Row ID;Row Name;field...`, one row per line, ';' separated. */
export function parseParamCsv(text: string, name = 'param'): ParamTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(';');
  if (header[0] !== 'Row ID') throw new Error(`${name}: not a param CSV (header starts with ${header[0]})`);
  const rows: ParamRow[] = [];
  const byId = new Map<number, ParamRow>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const cells = line.split(';');
    const row: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) {
      const key = header[c];
      if (key) row[key] = cells[c] ?? '';
    }
    const id = Number(row['Row ID']);
    if (!Number.isInteger(id)) throw new Error(`${name}: bad Row ID on line ${i + 1}`);
    if (byId.has(id)) continue; // some dumps repeat a row verbatim
    byId.set(id, row);
    rows.push(row);
  }
  return { name, rows, byId };
}

export function readParamCsv(file: string): ParamTable {
  return parseParamCsv(fs.readFileSync(file, 'utf8'), file);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? _m;
  });
}

/** Parse an FMG XML dump into id -> text (entities decoded, nothing else changed). */
export function parseFmg(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const re = /<text id="(-?\d+)"\s*(?:\/>|>([\s\S]*?)<\/text>)/g;
  for (const m of text.matchAll(re)) {
    out.set(Number(m[1]), decodeXmlEntities(m[2] ?? ''));
  }
  return out;
}

export function readFmg(file: string): Map<number, string> {
  return parseFmg(fs.readFileSync(file, 'utf8'));
}

/** Numeric field of a param row; NaN-safe (missing or non-numeric -> fallback). */
export function num(row: ParamRow, field: string, fallback = 0): number {
  const v = row[field];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}
