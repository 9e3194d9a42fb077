// The regulation reader: file bytes -> decrypted -> DCX unpacked -> BND4 archive of .param files, each
// read through its paramdef at the file's regulation version. One general reader for every param.
import fs from 'node:fs';
import { decryptRegulation, ER_REGULATION_KEY } from './decrypt.ts';
import { decompressDcx } from './dcx.ts';
import { paramNameOf, readBnd4 } from './bnd4.ts';
import { fail } from './errors.ts';
import { Param, readParamHeader } from './param.ts';
import { layoutOf, ParamdefLibrary } from './paramdef.ts';
import { patchOfVersion, VERIFIED_VERSIONS } from './versions.ts';

export interface OpenOptions {
  key?: Uint8Array;
  /** Versions accepted beyond VERIFIED_VERSIONS (a player's newer game file, with paramdefs for it). */
  acceptVersions?: readonly number[];
}

export class Regulation {
  private readonly cache = new Map<string, Param>();

  constructor(
    readonly version: number,
    private readonly files: ReadonlyMap<string, Uint8Array>,
    private readonly defs: ParamdefLibrary,
  ) {}

  /** "1.16.1" */
  get patch(): string {
    return patchOfVersion(this.version);
  }

  get paramNames(): string[] {
    return [...this.files.keys()].sort();
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  /** A param by file name (e.g. "EquipParamWeapon"), read through its paramdef. */
  param(name: string): Param {
    const done = this.cache.get(name);
    if (done) return done;
    const bytes = this.files.get(name);
    if (!bytes) fail(`the regulation file has no ${name} param`);
    const header = readParamHeader(bytes, name);
    const def = this.defs.get(header.paramType, name);
    const p = new Param(name, layoutOf(def, this.version), bytes, header);
    this.cache.set(name, p);
    return p;
  }
}

/** Read a regulation file's bytes. Throws RegulationError (one line) for anything wrong with it. */
export function readRegulation(bytes: Uint8Array, defs: ParamdefLibrary, opts: OpenOptions = {}): Regulation {
  const plain = decryptRegulation(bytes, opts.key ?? ER_REGULATION_KEY);
  const bnd = readBnd4(decompressDcx(plain));
  if (!/^\d{8}$/.test(bnd.version)) fail(`the archive has no regulation version (found "${bnd.version.replace(/[^\x20-\x7e]/g, '?')}")`);
  const version = Number(bnd.version);
  if (!VERIFIED_VERSIONS.has(version) && !(opts.acceptVersions ?? []).includes(version)) {
    const known = [...VERIFIED_VERSIONS].map(([v, p]) => `${p} (${v})`).join(', ');
    fail(
      `regulation version ${version} (patch ${patchOfVersion(version)}) has no verified paramdefs (known: ${known}); get paramdefs for it and pass --defs <dir> --accept-version ${version}`,
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const f of bnd.files) {
    const name = paramNameOf(f.name);
    if (files.has(name)) fail(`the archive holds ${name} twice`);
    files.set(name, f.data);
  }
  return new Regulation(version, files, defs);
}

export function openRegulation(file: string, defsDir: string, opts: OpenOptions = {}): Regulation {
  if (!fs.existsSync(file)) fail(`regulation file not found: ${file}`);
  const defs = new ParamdefLibrary(defsDir);
  return readRegulation(fs.readFileSync(file), defs, opts);
}
