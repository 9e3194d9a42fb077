// Step 3: the decompressed bytes are a BND4 archive. Header: "BND4"; byte 9 = 1 for big-endian; i32 file
// count at 0x0C; the format version string (8 ASCII bytes) at 0x18 (the regulation version, e.g.
// "11611000"); i64 file-header size at 0x20; byte 0x30 = 1 for UTF-16LE names. File headers from 0x40:
// u8 flags, 3 pad, i32 -1, i64 compressed size, i64 uncompressed size, u32 data offset, i32 id, u32 name offset.
import { fail } from './errors.ts';

export interface BndFile {
  name: string; // full path as stored, e.g. N:\GR\data\Param\param\GameParam\ShopLineupParam.param
  id: number;
  data: Uint8Array;
}

export interface Bnd4 {
  version: string;
  files: BndFile[];
}

function readCString(b: Uint8Array, at: number, unicode: boolean): string {
  if (at < 0 || at >= b.length) fail(`the archive is damaged: a file name points outside it (offset ${at})`);
  let end = at;
  if (unicode) {
    while (end + 1 < b.length && (b[end] !== 0 || b[end + 1] !== 0)) end += 2;
    return Buffer.from(b.buffer, b.byteOffset + at, end - at).toString('utf16le');
  }
  while (end < b.length && b[end] !== 0) end++;
  return Buffer.from(b.buffer, b.byteOffset + at, end - at).toString('latin1');
}

export function readBnd4(b: Uint8Array): Bnd4 {
  if (b.length < 0x40 || Buffer.from(b.buffer, b.byteOffset, 4).toString('latin1') !== 'BND4') fail('the unpacked data is not a BND4 archive');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[9] !== 1;
  const count = view.getInt32(0x0c, le);
  const version = Buffer.from(b.buffer, b.byteOffset + 0x18, 8).toString('latin1').replace(/\0+$/, '');
  const headerSize = Number(view.getBigInt64(0x20, le));
  const unicode = b[0x30] === 1;
  if (count < 0 || headerSize < 0x24 || 0x40 + count * headerSize > b.length) fail(`the archive is damaged: ${count} file headers of ${headerSize} bytes do not fit`);
  const files: BndFile[] = [];
  for (let i = 0; i < count; i++) {
    const h = 0x40 + i * headerSize;
    const compressed = Number(view.getBigInt64(h + 0x08, le));
    const size = Number(view.getBigInt64(h + 0x10, le));
    const offset = view.getUint32(h + 0x18, le);
    const id = view.getInt32(h + 0x1c, le);
    const nameOffset = view.getUint32(h + 0x20, le);
    if (compressed !== size) fail(`the archive is damaged: file #${i} claims ${compressed} packed bytes for ${size} (a regulation file stores files as they are)`);
    if (offset + size > b.length) fail(`the archive is truncated: file #${i} ends at ${offset + size}, the archive at ${b.length}`);
    files.push({ name: readCString(b, nameOffset, unicode), id, data: b.subarray(offset, offset + size) });
  }
  return { version, files };
}

/** "N:\GR\...\DLC02\ShopLineupParam.param" -> "ShopLineupParam". */
export function paramNameOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.param$/i, '');
}
