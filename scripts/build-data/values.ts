// Number helpers for values read from the params (pure, unit-tested).

/**
 * The shortest decimal that reads back as the same float32: 3.799999952316284 -> 3.8. This is how the
 * game data tools print f32 cells (and how erdb's CSVs show them), so 1.16.1 weights read as in the game.
 */
export function f32(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const want = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === want) return v;
  }
  return x;
}

/** Round to n decimals, removing float noise (0.1 + 0.2 -> 0.3). */
export function round(x: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(x * k + (x >= 0 ? 1e-9 : -1e-9)) / k;
}

/** A damage cut rate (1 = no cut) as an absorption percentage with one decimal: 0.956 -> 4.4. */
export function cutToPercent(rate: number): number {
  return Math.round((1 - f32(rate)) * 1000) / 10;
}

/** A positive number, or undefined (sell values: -1 and 0 mean "cannot be sold"). */
export function positive(n: number): number | undefined {
  return n > 0 ? n : undefined;
}

/** Seconds as a player reads them: 180 -> "3 minutes", 60 -> "1 minute", 10 -> "10 s", 0.5 -> "0.5 s". */
export function formatSeconds(s: number): string {
  const v = f32(s);
  if (v >= 60 && v % 60 === 0) return v === 60 ? '1 minute' : `${v / 60} minutes`;
  return `${v} s`;
}
