// Argument checks shared by the calculator.
//
// Error convention for every exported function in src/runes (documented once, here):
// - TypeError  when an argument has the wrong JavaScript type (a string where a number is
//              expected, a missing object, a non-array list).
// - RangeError when the type is right but the value is not allowed (not an integer, out of
//              range, an unknown name). The message always states the valid range or choices.
// Nothing else is thrown. The command layer turns both into a friendly ephemeral reply.

const groupFormat = new Intl.NumberFormat('en-US');

/** 1234567 -> "1,234,567" (for error messages only). */
export function grouped(n: number): string {
  return Number.isFinite(n) ? groupFormat.format(n) : String(n);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** An integer in [min, max]. */
export function requireInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number (an integer from ${grouped(min)} to ${grouped(max)}), got ${describe(value)}`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${grouped(min)} to ${grouped(max)}, got ${describe(value)}`);
  }
  return value;
}

/** A finite number in (0, max] (decimals allowed: minutes, not runes). */
export function requirePositiveNumber(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number greater than 0 and at most ${grouped(max)}, got ${describe(value)}`);
  }
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new RangeError(`${name} must be a number greater than 0 and at most ${grouped(max)}, got ${describe(value)}`);
  }
  return value;
}

export function requireBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be true or false, got ${describe(value)}`);
  return value;
}

export function requireString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${describe(value)}`);
  return value;
}

/** A plain object (options bag). `undefined` is allowed when `optional`. */
export function requireObject(name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function requireOneOf<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string') throw new TypeError(`${name} must be one of ${choices.join(', ')}, got ${describe(value)}`);
  if (!(choices as readonly string[]).includes(value)) {
    throw new RangeError(`${name} must be one of ${choices.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}
