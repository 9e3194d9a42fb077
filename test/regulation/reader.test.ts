// The regulation reader, step by step, on small synthetic inputs built in the test (no ../shared needed):
// AES layer, DCX (zlib and zstd), BND4, paramdef layouts (versions, bitfields, strings), param rows, and
// the one-line errors for a truncated, corrupted, wrongly keyed or unknown-version file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptRegulation, ER_REGULATION_KEY } from '../../scripts/regulation/decrypt.ts';
import { decompressDcx, readDcxHeader } from '../../scripts/regulation/dcx.ts';
import { paramNameOf, readBnd4 } from '../../scripts/regulation/bnd4.ts';
import { layoutOf, parseFieldDef, parseParamdef, ParamdefLibrary } from '../../scripts/regulation/paramdef.ts';
import { Param, readParamHeader } from '../../scripts/regulation/param.ts';
import { readRegulation } from '../../scripts/regulation/regulation.ts';
import { patchOfVersion } from '../../scripts/regulation/versions.ts';
import { RegulationError } from '../../scripts/regulation/errors.ts';
import { alignColumns, checkAgainstCsv } from '../../scripts/regulation/csv-check.ts';
import { encrypt, makeBnd4, makeDcx, makeParam, makeRegulation, paramdefXml } from './synthetic.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'regulation-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A small param: s32 value = -1, f32 rate = 1, three bitfields in one u8, a u8, a 4-byte string, 2 pad bytes,
// and a field that only exists from version 11210015 on (18 bytes before 1.12, 22 after).
const DEMO_FIELDS = [
  's32 value = -1',
  'f32 rate = 1',
  'u8 flagA:1',
  'u8 flagB:3 = 2',
  'dummy8 spare:4',
  'u8 level',
  'fixstr tag[4]',
  'dummy8 pad[2]',
  { def: 's32 added = 7', first: 11210015 },
  { def: 'dummy8 oldPad[4]', removed: 11210015 },
];

function demoRow(value: number, rate: number, flagA: number, flagB: number, level: number, tag: string, added?: number): Buffer {
  const b = Buffer.alloc(20);
  b.writeInt32LE(value, 0);
  b.writeFloatLE(rate, 4);
  b[8] = flagA | (flagB << 1) | (0xa << 4);
  b[9] = level;
  b.write(tag, 10, 'latin1');
  // bytes 14-15: pad; 16-19: `added` (new layout) or oldPad (old layout)
  if (added !== undefined) b.writeInt32LE(added, 16);
  return b;
}

describe('paramdef fields and layouts', () => {
  it('reads Def strings: type, name, count, bits, default', () => {
    expect(parseFieldDef('s32 value = -1')).toEqual({ type: 's32', name: 'value', count: 1, bits: null, default: -1 });
    expect(parseFieldDef('dummy8 pad3[1]')).toEqual({ type: 'dummy8', name: 'pad3', count: 1, bits: null, default: 0 });
    expect(parseFieldDef('u8 isEnable:1 = 1')).toEqual({ type: 'u8', name: 'isEnable', count: 1, bits: 1, default: 1 });
    expect(parseFieldDef('fixstrW name[16]')).toEqual({ type: 'fixstrW', name: 'name', count: 16, bits: null, default: '' });
    expect(parseFieldDef('f32 weight = 0.5').default).toBe(0.5);
    expect(() => parseFieldDef('u24 bad')).toThrow(/unknown field type "u24"/);
    expect(() => parseFieldDef('s32')).toThrow(/cannot read the field definition/);
  });

  it('skips fields by FirstVersion / RemovedVersion and packs bitfields low bits first', () => {
    const def = parseParamdef(paramdefXml('DEMO_PARAM_ST', DEMO_FIELDS), 'Demo');
    const old = layoutOf(def, 11001000);
    const cur = layoutOf(def, 11611000);
    expect(old.rowSize).toBe(20);
    expect(cur.rowSize).toBe(20);
    expect(old.byName.has('added')).toBe(false);
    expect(old.byName.has('oldPad')).toBe(true);
    expect(cur.byName.has('added')).toBe(true);
    expect(cur.byName.has('oldPad')).toBe(false);
    // FirstVersion equal to the version: present; RemovedVersion equal to the version: gone
    expect(layoutOf(def, 11210015).byName.has('added')).toBe(true);
    expect(layoutOf(def, 11210015).byName.has('oldPad')).toBe(false);
    const bits = ['flagA', 'flagB', 'spare'].map((n) => cur.byName.get(n)!);
    expect(bits.map((f) => [f.offset, f.bitOffset, f.bits])).toEqual([
      [8, 0, 1],
      [8, 1, 3],
      [8, 4, 4],
    ]);
    expect(cur.byName.get('level')!.offset).toBe(9); // the u8 after a full unit starts a new byte
    expect(cur.byName.get('tag')!.size).toBe(4);
  });

  it('starts a new unit when a bitfield does not fit, changes base type, or follows a plain field', () => {
    const def = parseParamdef(
      paramdefXml('PACK_ST', ['u8 a:5', 'u8 b:5', 'u16 c:3', 'u16 d:3', 'u8 e', 'u8 f:1', 'dummy8 g:7', 'u32 h:1']),
      'Pack',
    );
    const l = layoutOf(def, 11611000);
    const at = (n: string) => [l.byName.get(n)!.offset, l.byName.get(n)!.bitOffset];
    expect(at('a')).toEqual([0, 0]);
    expect(at('b')).toEqual([1, 0]); // 5 + 5 > 8
    expect(at('c')).toEqual([2, 0]); // u16 unit
    expect(at('d')).toEqual([2, 3]);
    expect(at('e')).toEqual([4, 0]);
    expect(at('f')).toEqual([5, 0]);
    expect(at('g')).toEqual([5, 1]); // dummy8 bits share the u8 unit
    expect(at('h')).toEqual([6, 0]);
    expect(l.rowSize).toBe(10);
  });

  it('a library finds paramdefs by ParamType and says which is missing', () => {
    const dir = path.join(tmp, 'defs-lib');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'Demo.xml'), paramdefXml('DEMO_PARAM_ST', DEMO_FIELDS));
    const lib = new ParamdefLibrary(dir);
    expect(lib.has('DEMO_PARAM_ST')).toBe(true);
    expect(lib.get('DEMO_PARAM_ST').file).toBe('Demo');
    expect(() => lib.get('OTHER_PARAM_ST', 'OtherParam')).toThrow(/missing paramdef: no file in .* describes OtherParam \(ParamType OTHER_PARAM_ST\)/);
    expect(() => new ParamdefLibrary(path.join(tmp, 'nope'))).toThrow(/paramdef folder not found/);
  });
});

describe('param rows', () => {
  const def = parseParamdef(paramdefXml('DEMO_PARAM_ST', DEMO_FIELDS), 'Demo');
  const file = makeParam('DEMO_PARAM_ST', [
    { id: 10, data: demoRow(-1, 1, 1, 5, 3, 'abc', 7) },
    { id: 20, data: demoRow(800, 0.1, 0, 2, 25, 'wxyz', 9) },
    { id: 20, data: demoRow(1, 2, 1, 1, 1, 'dup', 1) },
  ]);

  it('reads the header: ParamType, row count, ids, stride', () => {
    const h = readParamHeader(file);
    expect(h.paramType).toBe('DEMO_PARAM_ST');
    expect(h.rowCount).toBe(3);
    expect([...h.ids]).toEqual([10, 20, 20]);
    expect(h.rowStride).toBe(20);
  });

  it('decodes every type: ints, float32, bitfields, strings, padding; a repeated id keeps its first row', () => {
    const p = new Param('Demo', layoutOf(def, 11611000), file, readParamHeader(file));
    expect(p.row(0)).toEqual({ value: -1, rate: 1, flagA: 1, flagB: 5, spare: 0xa, level: 3, tag: 'abc', pad: '0000', added: 7 });
    expect(p.num(20, 'value')).toBe(800);
    expect(p.num(20, 'rate')).toBe(Math.fround(0.1));
    expect(p.num(20, 'added')).toBe(9);
    expect(p.cell(1, p.field('tag'))).toBe('wxyz'); // a full fixstr has no NUL
    expect(p.index.get(20)).toBe(1);
    expect(() => p.num(30, 'value')).toThrow(/no row 30/);
    expect(() => p.field('nope')).toThrow(/no field "nope"/);
  });

  it('refuses a paramdef whose row size is not the file\'s', () => {
    const short = parseParamdef(paramdefXml('DEMO_PARAM_ST', ['s32 value', 'f32 rate']), 'Demo');
    expect(() => new Param('Demo', layoutOf(short, 11611000), file, readParamHeader(file))).toThrow(
      /Demo: the paramdef gives 8-byte rows, the file has 20-byte rows/,
    );
  });

  it('refuses a param whose rows lie outside the file', () => {
    expect(() => new Param('Demo', layoutOf(def, 11611000), file.subarray(0, 170), readParamHeader(file))).toThrow(/row 20 lies outside the file/);
  });
});

describe('BND4, DCX and the AES layer', () => {
  it('BND4: names (UTF-16), version, file data', () => {
    const bnd = makeBnd4(
      [
        { name: 'N:\\GR\\data\\Param\\param\\GameParam\\ShopLineupParam.param', data: Buffer.from('one') },
        { name: 'N:\\GR\\data\\Param\\param\\GameParam\\merged\\DLC02\\NpcParam.param', data: Buffer.from('second') },
      ],
      '11611000',
    );
    const r = readBnd4(bnd);
    expect(r.version).toBe('11611000');
    expect(r.files.map((f) => paramNameOf(f.name))).toEqual(['ShopLineupParam', 'NpcParam']);
    expect(Buffer.from(r.files[1]!.data).toString()).toBe('second');
    expect(() => readBnd4(Buffer.from('BND3' + '\0'.repeat(100)))).toThrow(/not a BND4 archive/);
  });

  it('DCX: DFLT (zlib) and ZSTD give the same bytes back; the header is read', () => {
    const data = Buffer.from('x'.repeat(1000) + 'payload' + 'y'.repeat(200000));
    for (const algo of ['DFLT', 'ZSTD'] as const) {
      const dcx = makeDcx(data, algo);
      const h = readDcxHeader(dcx);
      expect(h.algorithm).toBe(algo);
      expect(h.uncompressedSize).toBe(data.length);
      expect(h.dataOffset).toBe(0x4c);
      expect(Buffer.from(decompressDcx(dcx)).equals(data)).toBe(true);
    }
  });

  it('DCX: an unknown algorithm, a truncated or a corrupted stream each say so', () => {
    const data = Buffer.from('abc'.repeat(5000));
    const odd = makeDcx(data, 'DFLT');
    odd.write('LZMA', 0x28, 'latin1');
    expect(() => decompressDcx(odd)).toThrow(/unknown DCX compression "LZMA"/);
    const dcx = makeDcx(data, 'DFLT');
    expect(() => decompressDcx(dcx.subarray(0, dcx.length - 10))).toThrow(/truncated/);
    const bad = Buffer.from(dcx);
    bad.fill(0x55, 0x4c + 2, 0x4c + 40);
    expect(() => decompressDcx(bad)).toThrow(/corrupted/);
  });

  it('AES-256-CBC: the IV is the first 16 bytes; the public key decrypts, another key gives no DCX', () => {
    const plain = makeDcx(Buffer.from('hello'), 'DFLT');
    const enc = encrypt(plain);
    expect(decryptRegulation(enc).subarray(0, plain.length).equals(plain)).toBe(true);
    const other = Buffer.alloc(32, 7);
    expect(() => readDcxHeader(decryptRegulation(enc, other))).toThrow(/no DCX header after decryption: wrong key/);
    expect(ER_REGULATION_KEY.toString('hex').toUpperCase()).toBe('99BFFC366A6BC8C6F5827D093602D676C42892A01C207FB024D3AF4E493FEF99');
  });
});

describe('a whole synthetic regulation file', () => {
  const defsDir = path.join(tmp, 'defs');
  fs.mkdirSync(defsDir, { recursive: true });
  fs.writeFileSync(path.join(defsDir, 'Demo.xml'), paramdefXml('DEMO_PARAM_ST', DEMO_FIELDS));
  const demo = makeParam('DEMO_PARAM_ST', [{ id: 5, data: demoRow(42, 0.5, 1, 7, 9, 'ok', 3) }]);
  const other = makeParam('OTHER_PARAM_ST', [{ id: 1, data: Buffer.alloc(4) }]);
  const file = makeRegulation([
    { name: 'Demo', data: demo },
    { name: 'Other', data: other },
  ]);
  const lib = () => new ParamdefLibrary(defsDir);

  it('reads through every layer, at the file\'s version', () => {
    const reg = readRegulation(file, lib(), { acceptVersions: [11611000] });
    expect(reg.version).toBe(11611000);
    expect(reg.patch).toBe('1.16.1');
    expect(reg.paramNames).toEqual(['Demo', 'Other']);
    expect(reg.param('Demo').num(5, 'value')).toBe(42);
    expect(reg.param('Demo').num(5, 'flagB')).toBe(7);
    expect(reg.param('Demo').num(5, 'added')).toBe(3);
  });

  it('zlib-compressed (1.10 style) files read the same', () => {
    const dflt = makeRegulation([{ name: 'Demo', data: demo }], { algorithm: 'DFLT', version: '11001000' });
    const reg = readRegulation(dflt, lib());
    expect(reg.patch).toBe('1.10');
    expect(reg.param('Demo').layout.byName.has('added')).toBe(false);
  });

  it('one-line errors: wrongly keyed, truncated, corrupted, unknown version, missing paramdef', () => {
    const messages: string[] = [];
    const check = (f: () => unknown, re: RegExp) => {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RegulationError);
      const m = (err as Error).message;
      expect(m).toMatch(re);
      expect(m).not.toMatch(/\n/);
      messages.push(m);
    };
    const wrongKey = makeRegulation([{ name: 'Demo', data: demo }], { key: Buffer.alloc(32, 1) });
    check(() => readRegulation(wrongKey, lib()), /wrong key/);
    check(() => readRegulation(file.subarray(0, Math.floor(file.length / 2)), lib()), /truncated/);
    // corrupted: in a zlib stream (1.10 style) and in stored zstd blocks (the archive inside is damaged)
    const dflt = makeRegulation([{ name: 'Demo', data: demo }], { algorithm: 'DFLT' });
    const corruptDflt = Buffer.from(dflt);
    for (let i = 120; i < 180; i++) corruptDflt[i] = (corruptDflt[i] as number) ^ 0xff;
    check(() => readRegulation(corruptDflt, lib()), /corrupted/);
    const corrupt = Buffer.from(file);
    for (let i = 200; i < 260; i++) corrupt[i] = (corrupt[i] as number) ^ 0xff;
    check(() => readRegulation(corrupt, lib()), /damaged|corrupted/);
    check(() => readRegulation(makeRegulation([{ name: 'Demo', data: demo }], { version: '11711000' }), lib()), /regulation version 11711000 \(patch 1\.17\.1\) has no verified paramdefs/);
    check(() => readRegulation(file, lib()).param('Other'), /missing paramdef: no file in .* describes Other/);
    check(() => readRegulation(Buffer.alloc(10), lib()), /too short/);
    expect(messages).toHaveLength(7);
  });

  it('reads patch labels from versions', () => {
    expect(patchOfVersion(11001000)).toBe('1.10');
    expect(patchOfVersion(11611000)).toBe('1.16.1');
    expect(patchOfVersion(11210015)).toBe('1.12.1');
  });
});

describe('the CSV cell check', () => {
  const def = parseParamdef(paramdefXml('DEMO_PARAM_ST', ['s32 value', 'f32 rate = 1', 's8 kind', 'dummy8 pad[1]', 'u16 count']), 'Demo');
  const row = (value: number, rate: number, kind: number, count: number) => {
    const b = Buffer.alloc(12);
    b.writeInt32LE(value, 0);
    b.writeFloatLE(rate, 4);
    b.writeInt8(kind, 8);
    b.writeUInt16LE(count, 10);
    return b;
  };
  const file = makeParam('DEMO_PARAM_ST', [
    { id: 1, data: row(5, 0.1, -1, 300) },
    { id: 2, data: row(6, 1.0967033, 3, 7) },
  ]);
  const p = new Param('Demo', layoutOf(def, 11611000), file, readParamHeader(file));

  it('counts equal cells by name, floats as float32, renamed columns by bytes, and reports mismatches', () => {
    const csv = 'Row ID;Row Name;value;rate;oldKind;pad;count;\n1;;5;0.1;-1;00;300;\n2;x;6;1.0967033;3;00;8;\n3;;1;1;1;00;1;\n';
    const c = checkAgainstCsv(p, csv);
    expect(c.rows).toBe(2);
    expect(c.missingRows).toEqual([3]);
    expect(c.renamed).toEqual([['oldKind', 'kind']]);
    expect(c.renamedCompared).toBe(2);
    expect(c.renamedMatched).toBe(2);
    expect(c.compared).toBe(8);
    expect(c.matched).toBe(7);
    expect(c.mismatches).toEqual([{ id: 2, field: 'count', csv: '8', read: 7 }]);
    expect(alignColumns(['a', 'x', 'c'], ['a', 'b', 'c', 'd'])).toEqual({ pairs: [['a', 'a'], ['x', 'b'], ['c', 'c']], unmatched: [] });
  });
});
