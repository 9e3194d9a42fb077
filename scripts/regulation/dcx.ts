// Step 2: the decrypted bytes are a DCX container: "DCX\0", then "DCS\0" + two big-endian u32
// (uncompressed size, compressed size), "DCP\0" + the algorithm ("DFLT" = zlib, "ZSTD"), and "DCA\0" + a
// big-endian u32 that, added to the DCA tag's offset, is where the compressed bytes start.
import { inflateSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { fail } from './errors.ts';

export type DcxAlgorithm = 'DFLT' | 'ZSTD';

export interface DcxHeader {
  algorithm: DcxAlgorithm;
  uncompressedSize: number;
  compressedSize: number;
  dataOffset: number;
}

const ascii = (b: Uint8Array, at: number, n: number) => Buffer.from(b.buffer, b.byteOffset + at, n).toString('latin1');

function findTag(b: Uint8Array, tag: string, from: number, limit: number): number {
  const end = Math.min(b.length - 4, limit);
  for (let i = from; i <= end; i++) {
    if (b[i] === tag.charCodeAt(0) && b[i + 1] === tag.charCodeAt(1) && b[i + 2] === tag.charCodeAt(2) && b[i + 3] === tag.charCodeAt(3)) return i;
  }
  return -1;
}

export function readDcxHeader(b: Uint8Array): DcxHeader {
  if (b.length < 16 || ascii(b, 0, 4) !== 'DCX\0') fail('no DCX header after decryption: wrong key, or not an Elden Ring regulation file');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const dcs = findTag(b, 'DCS\0', 4, 256);
  const dcp = findTag(b, 'DCP\0', 4, 256);
  const dca = findTag(b, 'DCA\0', 4, 256);
  if (dcs < 0 || dcp < 0 || dca < 0 || dcs + 12 > b.length || dcp + 8 > b.length || dca + 8 > b.length) fail('the DCX header is damaged (DCS, DCP or DCA tag missing)');
  const uncompressedSize = view.getUint32(dcs + 4, false);
  const compressedSize = view.getUint32(dcs + 8, false);
  const algo = ascii(b, dcp + 4, 4);
  if (algo !== 'DFLT' && algo !== 'ZSTD') fail(`unknown DCX compression "${algo.replace(/[^\x20-\x7e]/g, '?')}" (known: DFLT, ZSTD)`);
  const dataOffset = dca + view.getUint32(dca + 4, false);
  return { algorithm: algo, uncompressedSize, compressedSize, dataOffset };
}

/** Decompress a DCX container; checks the sizes the header promises. */
export function decompressDcx(b: Uint8Array): Uint8Array {
  const h = readDcxHeader(b);
  const available = b.length - h.dataOffset;
  // AES cuts the file to a multiple of 16 bytes, so the last block may hold up to 15 bytes of padding.
  if (available < h.compressedSize) fail(`the file is truncated: ${h.compressedSize} compressed bytes expected, ${Math.max(0, available)} present`);
  const packed = b.subarray(h.dataOffset, h.dataOffset + h.compressedSize);
  let out: Uint8Array;
  try {
    if (h.algorithm === 'DFLT') out = inflateSync(packed);
    else out = zstdDecompress(packed, new Uint8Array(h.uncompressedSize));
  } catch (e) {
    fail(`the compressed data is corrupted (${h.algorithm}: ${(e as Error).message.split('\n')[0]})`);
  }
  if (out.length !== h.uncompressedSize) fail(`the compressed data is corrupted: ${out.length} bytes unpacked, the header says ${h.uncompressedSize}`);
  return out;
}
