// Builders for small synthetic regulation files: a param, a BND4 archive, a DCX container, the AES
// layer. They follow ../shared/data-sources/regulation/README.txt, so the reader can be tested without
// the real files.
import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { ER_REGULATION_KEY } from '../../scripts/regulation/decrypt.ts';

/** A paramdef XML with the given Def strings (each may carry FirstVersion/RemovedVersion). */
export function paramdefXml(paramType: string, fields: (string | { def: string; first?: number; removed?: number })[]): string {
  const lines = fields.map((f) => {
    const x = typeof f === 'string' ? { def: f } : f;
    const attrs = `${x.first !== undefined ? ` FirstVersion="${x.first}"` : ''}${x.removed !== undefined ? ` RemovedVersion="${x.removed}"` : ''}`;
    return `    <Field Def="${x.def}"${attrs}>\n      <DisplayName>x</DisplayName>\n    </Field>`;
  });
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<PARAMDEF XmlVersion="2">\n  <ParamType>${paramType}</ParamType>\n  <Fields>\n${lines.join('\n')}\n  </Fields>\n</PARAMDEF>\n`;
}

/** A .param file: header, 24-byte row headers from 0x40, fixed-size row data, then the ParamType string. */
export function makeParam(paramType: string, rows: { id: number; data: Buffer }[]): Buffer {
  const headerEnd = 0x40 + rows.length * 24;
  const dataSize = rows.reduce((n, r) => n + r.data.length, 0);
  const nameAt = headerEnd + dataSize;
  const typeAt = nameAt + 1;
  const out = Buffer.alloc(typeAt + paramType.length + 1);
  out.writeUInt32LE(typeAt, 0x00);
  out.writeUInt16LE(rows.length, 0x0a);
  out.writeBigInt64LE(BigInt(typeAt), 0x10);
  let at = headerEnd;
  rows.forEach((r, i) => {
    const h = 0x40 + i * 24;
    out.writeInt32LE(r.id, h);
    out.writeBigInt64LE(BigInt(at), h + 8);
    out.writeBigInt64LE(BigInt(nameAt), h + 16);
    r.data.copy(out, at);
    at += r.data.length;
  });
  out.write(paramType, typeAt, 'latin1');
  return out;
}

/** A BND4 archive (little-endian, UTF-16 names) holding the files, with the version string at 0x18. */
export function makeBnd4(files: { name: string; data: Buffer }[], version: string): Buffer {
  const headerSize = 0x24;
  const namesAt = 0x40 + files.length * headerSize;
  const names = files.map((f) => Buffer.from(`${f.name}\0`, 'utf16le'));
  let dataAt = namesAt + names.reduce((n, b) => n + b.length, 0);
  const head = Buffer.alloc(namesAt);
  head.write('BND4', 0, 'latin1');
  head.writeInt32LE(files.length, 0x0c);
  head.writeBigInt64LE(0x40n, 0x10);
  head.write(version.padEnd(8, '\0'), 0x18, 'latin1');
  head.writeBigInt64LE(BigInt(headerSize), 0x20);
  head[0x30] = 1; // unicode names
  let nameAt = namesAt;
  const datas: Buffer[] = [];
  files.forEach((f, i) => {
    const h = 0x40 + i * headerSize;
    head[h] = 0x40;
    head.writeInt32LE(-1, h + 4);
    head.writeBigInt64LE(BigInt(f.data.length), h + 8);
    head.writeBigInt64LE(BigInt(f.data.length), h + 0x10);
    head.writeUInt32LE(dataAt, h + 0x18);
    head.writeInt32LE(i, h + 0x1c);
    head.writeUInt32LE(nameAt, h + 0x20);
    nameAt += (names[i] as Buffer).length;
    dataAt += f.data.length;
    datas.push(f.data);
  });
  return Buffer.concat([head, ...names, ...datas]);
}

/**
 * A zstd frame holding `data` in raw (stored) blocks: single-segment frame header with the content size,
 * then blocks of at most 128 KiB. Enough for a decoder test without a zstd compressor.
 */
export function zstdStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd])];
  // frame header descriptor: FCS field size 3 (8 bytes), single segment
  parts.push(Buffer.from([0xe0]));
  const fcs = Buffer.alloc(8);
  fcs.writeBigUInt64LE(BigInt(data.length));
  parts.push(fcs);
  const max = 128 * 1024;
  for (let at = 0; at < data.length || at === 0; at += max) {
    const chunk = data.subarray(at, at + max);
    const last = at + max >= data.length ? 1 : 0;
    const h = (chunk.length << 3) | last; // block type 0 = raw
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), chunk);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

/** A DCX container: "DCX\0", DCS (sizes), DCP (algorithm), DCA (offset of the compressed bytes). */
export function makeDcx(data: Buffer, algorithm: 'DFLT' | 'ZSTD'): Buffer {
  const packed = algorithm === 'DFLT' ? deflateSync(data) : zstdStored(data);
  const h = Buffer.alloc(0x4c);
  h.write('DCX\0', 0, 'latin1');
  h.writeUInt32BE(0x11000, 4);
  h.writeUInt32BE(0x18, 8);
  h.writeUInt32BE(0x24, 0x0c);
  h.writeUInt32BE(0x44, 0x10);
  h.writeUInt32BE(0x4c, 0x14);
  h.write('DCS\0', 0x18, 'latin1');
  h.writeUInt32BE(data.length, 0x1c);
  h.writeUInt32BE(packed.length, 0x20);
  h.write('DCP\0', 0x24, 'latin1');
  h.write(algorithm, 0x28, 'latin1');
  h.writeUInt32BE(0x20, 0x2c);
  h.write('DCA\0', 0x44, 'latin1');
  h.writeUInt32BE(8, 0x48);
  return Buffer.concat([h, packed]);
}

/** AES-256-CBC as the game stores it: 16-byte IV, then the ciphertext (no padding; zero-filled to 16). */
export function encrypt(plain: Buffer, key: Buffer = ER_REGULATION_KEY, iv: Buffer = randomBytes(16)): Buffer {
  const padded = Buffer.alloc(Math.ceil(plain.length / 16) * 16);
  plain.copy(padded);
  const c = createCipheriv('aes-256-cbc', key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([iv, c.update(padded), c.final()]);
}

/** A whole regulation file from params, through every layer. */
export function makeRegulation(
  params: { name: string; data: Buffer }[],
  opts: { version?: string; algorithm?: 'DFLT' | 'ZSTD'; key?: Buffer } = {},
): Buffer {
  const bnd = makeBnd4(
    params.map((p) => ({ name: `N:\\GR\\data\\Param\\param\\GameParam\\${p.name}.param`, data: p.data })),
    opts.version ?? '11611000',
  );
  return encrypt(makeDcx(bnd, opts.algorithm ?? 'ZSTD'), opts.key);
}
