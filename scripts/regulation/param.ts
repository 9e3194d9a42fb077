// Step 4: one .param file (little-endian): u16 row count at 0x0A; i64 offset of the ParamType string at
// 0x10; row headers from 0x40, 24 bytes each: i32 row id, 4 pad, i64 data offset, i64 name offset. Rows
// are fixed-size; a paramdef layout (paramdef.ts) says what each byte means. Values are decoded on demand.
import { fail } from './errors.ts';
import type { FieldLayout, ParamLayout } from './paramdef.ts';

export type Cell = number | string;

export interface ParamHeader {
  paramType: string;
  rowCount: number;
  ids: Int32Array;
  dataOffsets: number[];
  nameOffsets: number[];
  rowStride: number | null; // distance between two rows' data, null with fewer than 2 rows
}

function cstring(b: Uint8Array, at: number): string {
  let end = at;
  while (end < b.length && b[end] !== 0) end++;
  return Buffer.from(b.buffer, b.byteOffset + at, end - at).toString('latin1');
}

export function readParamHeader(b: Uint8Array, name = 'param'): ParamHeader {
  if (b.length < 0x40) fail(`${name}: the param file is too short (${b.length} bytes)`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const rowCount = view.getUint16(0x0a, true);
  const typeOffset = Number(view.getBigInt64(0x10, true));
  if (typeOffset < 0x40 || typeOffset >= b.length) fail(`${name}: the param header is damaged (ParamType offset ${typeOffset})`);
  const paramType = cstring(b, typeOffset);
  if (0x40 + rowCount * 24 > b.length) fail(`${name}: ${rowCount} row headers do not fit in ${b.length} bytes`);
  const ids = new Int32Array(rowCount);
  const dataOffsets: number[] = [];
  const nameOffsets: number[] = [];
  for (let i = 0; i < rowCount; i++) {
    const h = 0x40 + i * 24;
    ids[i] = view.getInt32(h, true);
    dataOffsets.push(Number(view.getBigInt64(h + 8, true)));
    nameOffsets.push(Number(view.getBigInt64(h + 16, true)));
  }
  const rowStride = rowCount >= 2 ? (dataOffsets[1] as number) - (dataOffsets[0] as number) : null;
  return { paramType, rowCount, ids, dataOffsets, nameOffsets, rowStride };
}

/** A param read through its layout. Row order is file order (id order); `index` keeps a repeated id's first row. */
export class Param {
  readonly ids: Int32Array;
  readonly index = new Map<number, number>();
  private readonly view: DataView;

  constructor(
    readonly name: string,
    readonly layout: ParamLayout,
    private readonly bytes: Uint8Array,
    private readonly header: ParamHeader,
  ) {
    this.ids = header.ids;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const size = layout.rowSize;
    if (header.rowStride !== null && header.rowStride !== size) {
      fail(`${name}: the paramdef gives ${size}-byte rows, the file has ${header.rowStride}-byte rows (paramdef does not fit this regulation version)`);
    }
    for (let i = 0; i < header.rowCount; i++) {
      const off = header.dataOffsets[i] as number;
      if (off < 0 || off + size > bytes.length) fail(`${name}: row ${header.ids[i]} lies outside the file (truncated or corrupted)`);
      const id = header.ids[i] as number;
      if (!this.index.has(id)) this.index.set(id, i);
    }
  }

  get rowCount(): number {
    return this.header.rowCount;
  }

  has(id: number): boolean {
    return this.index.has(id);
  }

  field(name: string): FieldLayout {
    const f = this.layout.byName.get(name);
    if (!f) fail(`${this.name}: no field "${name}" in the paramdef at this regulation version`);
    return f;
  }

  /** The row's name stored in the file (Elden Ring ships them empty; community names come separately). */
  rowName(i: number): string {
    const at = this.header.nameOffsets[i] as number;
    return at > 0 && at < this.bytes.length ? cstring(this.bytes, at) : '';
  }

  /** One cell of row i (file order). */
  cell(i: number, f: FieldLayout): Cell {
    const at = (this.header.dataOffsets[i] as number) + f.offset;
    const v = this.view;
    if (f.bits !== null) {
      const unit = f.size === 1 ? v.getUint8(at) : f.size === 2 ? v.getUint16(at, true) : v.getUint32(at, true);
      return Math.floor(unit / 2 ** f.bitOffset) % 2 ** f.bits;
    }
    switch (f.type) {
      case 's8':
        return v.getInt8(at);
      case 'u8':
        return v.getUint8(at);
      case 's16':
        return v.getInt16(at, true);
      case 'u16':
        return v.getUint16(at, true);
      case 's32':
      case 'b32':
        return v.getInt32(at, true);
      case 'u32':
        return v.getUint32(at, true);
      case 'f32':
      case 'angle32':
        return v.getFloat32(at, true);
      case 'f64':
        return v.getFloat64(at, true);
      case 'fixstr': {
        const s = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, f.size).toString('latin1');
        const nul = s.indexOf('\0');
        return nul >= 0 ? s.slice(0, nul) : s;
      }
      case 'fixstrW': {
        const s = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, f.size).toString('utf16le');
        const nul = s.indexOf('\0');
        return nul >= 0 ? s.slice(0, nul) : s;
      }
      case 'dummy8':
        return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, f.size).toString('hex');
    }
  }

  /** A numeric cell by row id and field name (throws on a missing row or a string field). */
  num(id: number, field: string): number {
    const i = this.index.get(id);
    if (i === undefined) fail(`${this.name}: no row ${id}`);
    const v = this.cell(i, this.field(field));
    if (typeof v !== 'number') fail(`${this.name}.${field} is not a number`);
    return v;
  }

  /** `length` raw bytes of row i from `offset`, as lower-case hex. */
  rawHex(i: number, offset: number, length: number): string {
    const at = (this.header.dataOffsets[i] as number) + offset;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, Math.max(0, Math.min(length, this.bytes.length - at))).toString('hex');
  }

  /** Every field of row i, in paramdef order. */
  row(i: number): Record<string, Cell> {
    const out: Record<string, Cell> = {};
    for (const f of this.layout.fields) if (!(f.name in out)) out[f.name] = this.cell(i, f);
    return out;
  }
}
