// The curated one-line effects (data/effects.json) are our own words; the numbers in them come from the
// params. A line may hold placeholders that the build fills in from the item's effects (SpEffectParam):
//   {duration}      the effect's duration, e.g. "10 s" (effectEndurance)
//   {runes}         the runes a rune item gives, e.g. "7,500" (SpEffectParam.soul)
//   {pct:FIELD}     a rate field as a percentage change, sign dropped: maxHpRate 1.06 -> "6", 0.9 -> "10"
//   {x100:FIELD}    a field × 100: itemDropRate 0.75 -> "75"
//   {val:FIELD}     a field as it is: changeMagicSlot 2 -> "2"
//   {abs:FIELD}     a field without its sign: changeHpPoint -30 (a heal) -> "30"
// FIELD is looked up in the item's effects, then in the effects they chain to (breadth first); FIELD@2
// takes the second effect in that order that sets the field. A placeholder that cannot be filled stops
// the build: a number on a card must never be typed by hand instead.
import { CHAIN_FIELDS, type EffectRow } from './effects.ts';
import { formatSeconds, round } from './values.ts';

export interface EffectSource {
  name: string;
  effects?: number[];
  duration?: number;
  runeValue?: number;
}

const TOKEN = /\{(duration|runes|pct|x100|val|abs)(?::([A-Za-z0-9_]+)(?:@(\d+))?)?\}/g;

/** The item's effect rows, roots first, then what they chain to (breadth first). */
export function effectChain(item: Pick<EffectSource, 'effects'>, rowOf: (id: number) => EffectRow | undefined): EffectRow[] {
  const out: EffectRow[] = [];
  const seen = new Set<number>();
  const queue = [...(item.effects ?? [])];
  while (queue.length) {
    const id = queue.shift() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    const row = rowOf(id);
    if (!row) continue;
    out.push(row);
    for (const f of CHAIN_FIELDS) {
      const v = row.f[f];
      if (typeof v === 'number' && v > 0) queue.push(v);
    }
  }
  return out;
}

const numberText = (x: number) => String(round(x, 2));

/** Fill the placeholders of one effect line; throws naming the item and placeholder when one cannot be filled. */
export function renderEffect(template: string, item: EffectSource, rowOf: (id: number) => EffectRow | undefined): string {
  const chain = effectChain(item, rowOf);
  const where = `effects.json "${item.name}"`;
  return template.replace(TOKEN, (whole, kind: string, field: string | undefined, nth: string | undefined) => {
    if (kind === 'duration') {
      const d = item.duration ?? chain.find((r) => r.d > 0)?.d;
      if (d === undefined) throw new Error(`${where}: ${whole} but the item's effects have no duration`);
      return formatSeconds(d);
    }
    if (kind === 'runes') {
      if (item.runeValue === undefined) throw new Error(`${where}: ${whole} but the item gives no runes`);
      return item.runeValue.toLocaleString('en-US');
    }
    if (!field) throw new Error(`${where}: ${whole} needs a field name`);
    const rows = chain.filter((r) => typeof r.f[field] === 'number');
    const v = rows[(nth ? Number(nth) : 1) - 1]?.f[field];
    if (typeof v !== 'number') throw new Error(`${where}: ${whole}: no${nth ? ` ${nth}th` : ''} effect of the item sets ${field}`);
    if (kind === 'pct') return numberText(Math.abs(v - 1) * 100);
    if (kind === 'x100') return numberText(v * 100);
    if (kind === 'abs') return numberText(Math.abs(v));
    return numberText(v);
  });
}

/**
 * Numbers a line states outside placeholders (the build report lists them as typed by hand). Upgrade
 * levels ("from +0 to +3") are not effect numbers and are not counted.
 */
export function handTypedNumbers(template: string): string[] {
  const rest = template.replace(TOKEN, '').replace(/from \+\d+ to \+\d+/g, '');
  return [...rest.matchAll(/[+-]?\d[\d,]*(?:\.\d+)?\s*(?:%|s\b|seconds?\b|minutes?\b|runes\b|per second\b|FP\b|HP\b)|[+-]\d+(?:\.\d+)?/g)].map((m) => m[0].trim());
}
