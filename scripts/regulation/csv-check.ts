// The reader's self-check: a param read here against a param CSV dumped by another tool (erdb's 1.10
// dumps, ';'-separated, header "Row ID;Row Name;field..."), cell for cell. Columns are matched to
// paramdef fields by name; a column whose name differs (a field renamed between paramdef versions) is
// paired with the field at the same place in the order when the neighbours agree.
import type { Cell, Param } from './param.ts';
import type { FieldLayout } from './paramdef.ts';

export interface CsvCheck {
  param: string;
  rows: number; // CSV rows compared
  compared: number; // cells compared, columns and fields of the same name
  matched: number;
  renamed: [string, string][]; // [csv column, paramdef field] pairs matched by position
  renamedCompared: number; // cells of renamed pairs, compared as the same bytes (a type may have changed)
  renamedMatched: number;
  unmatchedColumns: string[]; // CSV columns with no field (not compared)
  missingRows: number[]; // CSV row ids absent from the param
  mismatches: { id: number; field: string; csv: string; read: Cell }[]; // first 20
}

/**
 * A renamed field may also have changed type between paramdef versions (s8 -> u8, or 8 pad bytes ->
 * an f32 and 4 pad bytes): compare what the CSV says with the same bytes of the row.
 */
function sameBytes(csv: string, param: Param, i: number, f: FieldLayout): boolean {
  if (/^[0-9a-f]+$/i.test(csv) && csv.length % 2 === 0 && f.bits === null && csv.length > 1 && (f.type === 'dummy8' || !/^-?\d+$/.test(csv) || csv.length > 2 * f.size)) {
    return param.rawHex(i, f.offset, csv.length / 2) === csv.toLowerCase();
  }
  const n = Number(csv);
  const read = param.cell(i, f);
  if (!Number.isInteger(n) || typeof read !== 'number' || !Number.isInteger(read)) return cellEquals(csv, read, f.type);
  // compare the low bytes the CSV's value spans (an s8 column now read as part of a u16 field)
  const fieldWidth = f.bits ?? f.size * 8;
  const need = n >= -128 && n <= 255 ? 8 : n >= -32768 && n <= 65535 ? 16 : 32;
  const mod = 2 ** Math.min(fieldWidth, need);
  return ((n % mod) + mod) % mod === ((read % mod) + mod) % mod;
}

function cellEquals(csv: string, read: Cell, type: string): boolean {
  if (typeof read === 'string') {
    if (type === 'dummy8') return csv.toLowerCase() === read.toLowerCase();
    return csv === read;
  }
  if (csv.trim() === '') return false;
  const n = Number(csv);
  if (type === 'f32' || type === 'angle32') return Math.fround(n) === Math.fround(read) || (Number.isNaN(n) && Number.isNaN(read));
  return n === read;
}

/** Align CSV columns with paramdef fields (same order; names mostly equal). */
export function alignColumns(columns: readonly string[], fields: readonly string[]): { pairs: [string, string][]; unmatched: string[] } {
  const pairs: [string, string][] = [];
  const unmatched: string[] = [];
  const fieldSet = new Set(fields);
  const colSet = new Set(columns);
  let i = 0;
  let j = 0;
  while (i < columns.length) {
    const c = columns[i] as string;
    const f = fields[j];
    if (f === undefined) {
      unmatched.push(c);
      i++;
    } else if (c === f) {
      pairs.push([c, f]);
      i++;
      j++;
    } else if (fieldSet.has(c)) {
      j++; // a field the CSV does not have
    } else if (colSet.has(f)) {
      unmatched.push(c); // a column the paramdef does not have
      i++;
    } else {
      pairs.push([c, f]); // renamed
      i++;
      j++;
    }
  }
  return { pairs, unmatched };
}

export function checkAgainstCsv(param: Param, csvText: string): CsvCheck {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(';');
  const columns = header.slice(2).filter((c) => c !== '');
  const { pairs, unmatched } = alignColumns(
    columns,
    param.layout.fields.map((f) => f.name),
  );
  const colIndex = new Map(header.map((c, k) => [c, k]));
  const plan = pairs.map(([c, f]) => ({ col: colIndex.get(c) as number, field: param.field(f), name: f, renamed: c !== f }));
  const result: CsvCheck = {
    param: param.name,
    rows: 0,
    compared: 0,
    matched: 0,
    renamed: pairs.filter(([c, f]) => c !== f),
    renamedCompared: 0,
    renamedMatched: 0,
    unmatchedColumns: unmatched,
    missingRows: [],
    mismatches: [],
  };
  // a repeated id: the k-th CSV row with that id is compared with the k-th param row with that id
  const rowsOf = new Map<number, number[]>();
  for (let i = 0; i < param.rowCount; i++) {
    const id = param.ids[i] as number;
    const list = rowsOf.get(id);
    if (list) list.push(i);
    else rowsOf.set(id, [i]);
  }
  const seen = new Map<number, number>();
  for (const line of lines.slice(1)) {
    const cells = line.split(';');
    const id = Number(cells[0]);
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    const i = rowsOf.get(id)?.[k];
    if (i === undefined) {
      result.missingRows.push(id);
      continue;
    }
    result.rows++;
    for (const p of plan) {
      const csv = cells[p.col] ?? '';
      const read = param.cell(i, p.field);
      if (p.renamed) {
        result.renamedCompared++;
        if (sameBytes(csv, param, i, p.field)) result.renamedMatched++;
        else if (result.mismatches.length < 20) result.mismatches.push({ id, field: p.name, csv, read });
        continue;
      }
      result.compared++;
      if (cellEquals(csv, read, p.field.type)) result.matched++;
      else if (result.mismatches.length < 20) result.mismatches.push({ id, field: p.name, csv, read });
    }
  }
  return result;
}
