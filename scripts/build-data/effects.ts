// Structured effect data (data/sp-effects.json): every SpEffectParam row an item refers to, and the rows
// those chain to, with its duration and the fields that differ from their base value (the paramdef
// default, or the value most rows of the param carry). Which fields matter is not chosen by hand: any
// field away from its base is kept, except padding and a few presentation-only fields (icons, visual
// effects). Turning these into player words is done elsewhere.
import type { Param } from '../regulation/param.ts';
import type { FieldLayout } from '../regulation/paramdef.ts';
import type { Game } from './game.ts';
import { f32 } from './values.ts';

/** Fields that point at another SpEffectParam row (followed, so a chained effect is in the table too). */
export const CHAIN_FIELDS = [
  'replaceSpEffectId',
  'cycleOccurrenceSpEffectId',
  'atkOccurrenceSpEffectId',
  'accumuOverFireId',
  'accumuUnderFireId',
  'applyIdOnGetSoul',
  'spiritDeathSpEffectId',
] as const;

/** Presentation only: what the effect looks like, not what it does. */
const PRESENTATION = /^(iconId|vfxId\d?|dmypolyId|addFootEffectSfxId|effectEndDeleteDecalGroupId|AppearAiSoundId|hearingAiSoundLevel|eye_angX|eye_angY)$/;

/** Fields kept even at their default: what decides how effects stack or replace each other. */
export const STACKING_FIELDS = ['spCategory', 'categoryPriority'] as const;

export interface EffectRow {
  id: number;
  /** effectEndurance in seconds: -1 = while the source is active (equipped), 0 = instant */
  d: number;
  /** stacking: spCategory (effects of one category replace each other) and categoryPriority */
  cat: number;
  pri: number;
  /** every other field whose value differs from its base value (EffectTable.defaults) */
  f: Record<string, number | string>;
}

export interface EffectTable {
  /**
   * The base value of every field: the paramdef default, or, where most rows of the whole SpEffectParam
   * carry another value (soulRate 1, vowType0..15 set), that value. Computed from the file, not chosen.
   */
  defaults: Record<string, number | string>;
  rows: EffectRow[];
}

export class EffectCollector {
  readonly ids = new Set<number>();
  private readonly sp: Param;
  private base: Map<string, number | string> | null = null;

  constructor(game: Game) {
    this.sp = game.param('SpEffectParam');
  }

  /** Add an effect row and what it chains to; false when the id names no row. */
  add(id: number): boolean {
    if (!(id > 0) || !this.sp.has(id)) return false;
    const todo = [id];
    while (todo.length) {
      const next = todo.pop() as number;
      if (this.ids.has(next)) continue;
      this.ids.add(next);
      const i = this.sp.index.get(next) as number;
      for (const f of CHAIN_FIELDS) {
        const field = this.sp.layout.byName.get(f);
        if (!field) continue; // a field this regulation version does not have
        const v = this.sp.cell(i, field);
        if (typeof v === 'number' && v > 0 && this.sp.has(v) && !this.ids.has(v)) todo.push(v);
      }
    }
    return true;
  }

  private value(i: number, field: FieldLayout): number | string {
    const raw = this.sp.cell(i, field);
    return typeof raw === 'number' && (field.type === 'f32' || field.type === 'angle32') ? f32(raw) : raw;
  }

  private fields(): FieldLayout[] {
    return this.sp.layout.fields.filter((f) => f.type !== 'dummy8' && !PRESENTATION.test(f.name));
  }

  /** Base value per field: the value most rows have, ties going to the paramdef default. */
  defaults(): Map<string, number | string> {
    if (this.base) return this.base;
    const base = new Map<string, number | string>();
    const isFloat = (f: FieldLayout) => f.type === 'f32' || f.type === 'angle32';
    for (const field of this.fields()) {
      // count raw cells (float32 values are exact doubles, so equal cells compare equal)
      const counts = new Map<number | string, number>();
      for (let i = 0; i < this.sp.rowCount; i++) {
        const v = this.sp.cell(i, field);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const dflt = typeof field.default === 'number' && isFloat(field) ? Math.fround(field.default) : field.default;
      let best: number | string = dflt;
      let bestCount = counts.get(dflt) ?? 0;
      for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
      base.set(field.name, typeof best === 'number' && isFloat(field) ? f32(best) : best);
    }
    this.base = base;
    return base;
  }

  row(id: number): EffectRow {
    const i = this.sp.index.get(id);
    if (i === undefined) throw new Error(`no SpEffectParam row ${id}`);
    const base = this.defaults();
    const f: Record<string, number | string> = {};
    let d = 0;
    let cat = 0;
    let pri = 0;
    for (const field of this.fields()) {
      const v = this.value(i, field);
      if (field.name === 'effectEndurance') d = v as number;
      else if (field.name === 'spCategory') cat = v as number;
      else if (field.name === 'categoryPriority') pri = v as number;
      else if (v !== base.get(field.name)) f[field.name] = v;
    }
    return { id, d, cat, pri, f };
  }

  table(): EffectTable {
    const defaults: Record<string, number | string> = {};
    for (const [k, v] of this.defaults()) if (k !== 'effectEndurance' && k !== 'spCategory' && k !== 'categoryPriority') defaults[k] = v;
    return { defaults, rows: [...this.ids].sort((a, b) => a - b).map((id) => this.row(id)) };
  }
}
