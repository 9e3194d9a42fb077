// Option readers for handlers not yet on typed definitions (src/router/spec.ts): every failure is a
// UserError that states what is valid.

import { UserError } from '../errors.ts';
import { fmt, shown } from '../text/format.ts';
import type { OptionReader } from './options.ts';

export interface IntSpec {
  min: number;
  max: number;
  /** How to describe the valid values, e.g. "a level from 1 to 712"; default "a whole number from min to max". */
  what?: string;
}

function rangeText(spec: IntSpec): string {
  return spec.what ?? `a whole number from ${fmt(spec.min)} to ${fmt(spec.max)}`;
}

/** An integer option in [min, max], or undefined when absent. */
export function readInt(options: OptionReader, name: string, spec: IntSpec): number | undefined {
  if (!options.has(name)) return undefined;
  let value: number;
  try {
    value = options.getNumber(name, true);
  } catch {
    throw new UserError(`\`${name}\` must be ${rangeText(spec)}.`);
  }
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new UserError(`\`${name}\` must be ${rangeText(spec)} (you gave ${shown(Number.isInteger(value) ? fmt(value) : String(value))}).`);
  }
  return value;
}

/** A decimal option in (0, max], or undefined when absent. */
export function readPositive(options: OptionReader, name: string, max: number, what: string): number | undefined {
  if (!options.has(name)) return undefined;
  let value: number;
  try {
    value = options.getNumber(name, true);
  } catch {
    throw new UserError(`\`${name}\` must be ${what}.`);
  }
  if (!(value > 0) || value > max) throw new UserError(`\`${name}\` must be ${what} (you gave ${shown(value)}).`);
  return value;
}

/** A true/false option (false when absent). */
export function readFlag(options: OptionReader, name: string): boolean {
  if (!options.has(name)) return false;
  try {
    return options.getBoolean(name, true);
  } catch {
    throw new UserError(`\`${name}\` must be true or false.`);
  }
}

/** A text option, trimmed; undefined when absent or blank. Longer than `maxLength` is refused. */
export function readText(options: OptionReader, name: string, maxLength: number): string | undefined {
  if (!options.has(name)) return undefined;
  let value: string;
  try {
    value = options.getString(name) ?? '';
  } catch {
    throw new UserError(`\`${name}\` must be text of at most ${fmt(maxLength)} characters.`);
  }
  const trimmed = value.trim();
  if (trimmed.length > maxLength) throw new UserError(`\`${name}\` must be at most ${fmt(maxLength)} characters (you gave ${fmt(trimmed.length)}).`);
  return trimmed === '' ? undefined : trimmed;
}
