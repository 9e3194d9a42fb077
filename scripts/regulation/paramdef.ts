// Step 5: paramdefs (Smithbox XML). A field's Def is "type name[count]:bits = default". A field is present
// in a regulation file when FirstVersion <= version < RemovedVersion. Consecutive bitfields of the same base
// type (dummy8 counts as u8) share one unit of that type, low bits first, until it is full; any other field
// ends the unit. The layout of one param at one version is the list of present fields with their offsets.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fail } from './errors.ts';

export type FieldType = 's8' | 'u8' | 's16' | 'u16' | 's32' | 'u32' | 'f32' | 'f64' | 'b32' | 'angle32' | 'fixstr' | 'fixstrW' | 'dummy8';

const TYPE_SIZE: Record<FieldType, number> = {
  s8: 1,
  u8: 1,
  s16: 2,
  u16: 2,
  s32: 4,
  u32: 4,
  f32: 4,
  f64: 8,
  b32: 4,
  angle32: 4,
  fixstr: 1,
  fixstrW: 2,
  dummy8: 1,
};

export interface FieldDef {
  type: FieldType;
  name: string;
  count: number; // array length for fixstr/fixstrW/dummy8 (bytes or chars), else 1
  bits: number | null; // bitfield width, or null
  default: number | string;
  firstVersion: number | null;
  removedVersion: number | null;
}

export interface ParamDef {
  paramType: string; // e.g. "SHOP_LINEUP_PARAM"
  file: string; // the XML file's base name, e.g. "ShopLineupParam"
  fields: FieldDef[];
}

export interface FieldLayout {
  name: string;
  type: FieldType;
  offset: number; // byte offset inside the row
  size: number; // bytes (the unit size for a bitfield)
  count: number;
  bitOffset: number; // for bitfields
  bits: number | null;
  default: number | string;
}

export interface ParamLayout {
  paramType: string;
  rowSize: number;
  fields: FieldLayout[];
  byName: Map<string, FieldLayout>;
}

const DEF_RE = /^\s*(\w+)\s+(\w+)\s*(?:\[(\d+)\])?\s*(?::\s*(\d+))?\s*(?:=\s*(\S+))?\s*$/;

/** Parse one Def attribute, e.g. "s32 value = -1", "dummy8 pad3[1]", "u8 isEnable:1 = 1". */
export function parseFieldDef(def: string, where = 'paramdef'): Omit<FieldDef, 'firstVersion' | 'removedVersion'> {
  const m = DEF_RE.exec(def);
  if (!m) fail(`${where}: cannot read the field definition "${def}"`);
  const type = m[1] as FieldType;
  if (!(type in TYPE_SIZE)) fail(`${where}: unknown field type "${m[1]}" in "${def}"`);
  const count = m[3] ? Number(m[3]) : 1;
  const bits = m[4] ? Number(m[4]) : null;
  const isString = type === 'fixstr' || type === 'fixstrW';
  let dflt: number | string = isString ? '' : 0;
  if (m[5] !== undefined && !isString && type !== 'dummy8') {
    const v = Number(m[5]);
    if (!Number.isFinite(v)) fail(`${where}: bad default "${m[5]}" in "${def}"`);
    dflt = v;
  }
  if (bits !== null && (bits < 1 || bits > TYPE_SIZE[type === 'dummy8' ? 'u8' : type] * 8)) fail(`${where}: bad bit width in "${def}"`);
  return { type, name: m[2] as string, count, bits, default: dflt };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Field' });

export function parseParamdef(text: string, file = 'paramdef'): ParamDef {
  const doc = xml.parse(text.replace(/^\uFEFF/, '')) as { PARAMDEF?: { ParamType?: string; Fields?: { Field?: Record<string, string>[] } } };
  const root = doc.PARAMDEF;
  if (!root?.ParamType) fail(`${file}: not a paramdef (no <ParamType>)`);
  const fields: FieldDef[] = [];
  for (const f of root.Fields?.Field ?? []) {
    const def = f['Def'];
    if (typeof def !== 'string') fail(`${file}: a <Field> has no Def`);
    const v = (k: string) => (f[k] !== undefined ? Number(f[k]) : null);
    fields.push({ ...parseFieldDef(def, file), firstVersion: v('FirstVersion'), removedVersion: v('RemovedVersion') });
  }
  return { paramType: String(root.ParamType).trim(), file, fields };
}

/** The fields present at a regulation version, with offsets (bitfields packed as the game does). */
export function layoutOf(def: ParamDef, version: number): ParamLayout {
  const out: FieldLayout[] = [];
  let offset = 0;
  let unit: { type: FieldType; offset: number; size: number; used: number } | null = null;
  for (const f of def.fields) {
    if (f.firstVersion !== null && f.firstVersion > version) continue;
    if (f.removedVersion !== null && f.removedVersion <= version) continue;
    if (f.bits !== null) {
      const base: FieldType = f.type === 'dummy8' ? 'u8' : f.type;
      const size = TYPE_SIZE[base];
      if (!unit || unit.type !== base || unit.used + f.bits > size * 8) {
        unit = { type: base, offset, size, used: 0 };
        offset += size;
      }
      out.push({ name: f.name, type: base, offset: unit.offset, size, count: 1, bitOffset: unit.used, bits: f.bits, default: f.default });
      unit.used += f.bits;
      continue;
    }
    unit = null;
    const size = TYPE_SIZE[f.type] * f.count;
    out.push({ name: f.name, type: f.type, offset, size, count: f.count, bitOffset: 0, bits: null, default: f.default });
    offset += size;
  }
  const byName = new Map<string, FieldLayout>();
  for (const f of out) if (!byName.has(f.name)) byName.set(f.name, f);
  return { paramType: def.paramType, rowSize: offset, fields: out, byName };
}

/** The paramdef XML files of a folder, indexed by their ParamType; parsed when first asked for. */
export class ParamdefLibrary {
  private readonly files = new Map<string, string>(); // paramType -> path
  private readonly parsed = new Map<string, ParamDef>();

  constructor(readonly dir: string) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`paramdef folder not found: ${dir}`);
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.toLowerCase().endsWith('.xml')) continue;
      const p = path.join(dir, f);
      const head = fs.readFileSync(p, 'utf8').slice(0, 600);
      const m = /<ParamType>\s*([^<\s]+)\s*<\/ParamType>/.exec(head);
      if (m?.[1] && !this.files.has(m[1])) this.files.set(m[1], p);
    }
  }

  has(paramType: string): boolean {
    return this.files.has(paramType);
  }

  get(paramType: string, paramName = paramType): ParamDef {
    const done = this.parsed.get(paramType);
    if (done) return done;
    const p = this.files.get(paramType);
    if (!p) fail(`missing paramdef: no file in ${this.dir} describes ${paramName} (ParamType ${paramType})`);
    const def = parseParamdef(fs.readFileSync(p, 'utf8'), path.basename(p, '.xml'));
    this.parsed.set(paramType, def);
    return def;
  }
}
