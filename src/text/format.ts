// Numbers and words as players read them: grouping, one decimal, upgrade levels, durations, lists, a
// text progress bar, and user text quoted back. The text leaf: it imports nothing of the project.

import { escapeUserText } from './escape.ts';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 7112459 → "7,112,459". */
export function fmt(n: number): string {
  // `-amount` of a zero amount is -0, which Intl writes as "-0"; a player never has minus nothing
  return Number.isFinite(n) ? grouping.format(n === 0 ? 0 : n) : String(n);
}

/** 48.2 → "48.2", 45 → "45.0". */
export function fmt1(n: number): string {
  return oneDecimal.format(n);
}

/** `+5`, used for upgrade levels. */
export function plus(n: number): string {
  return `+${n}`;
}

/**
 * A text progress bar: `▰▰▰▰▱▱▱▱▱▱ 42%`. The percentage is floored so 100% only shows when the goal is
 * met; a goal of 0 counts as met.
 */
export function progressBar(done: number, goal: number, width = 10): string {
  const fraction = goal <= 0 ? 1 : Math.min(Math.max(done / goal, 0), 1);
  const filled = fraction >= 1 ? width : Math.min(Math.floor(fraction * width), width - 1);
  const percent = fraction >= 1 ? 100 : Math.min(Math.floor(fraction * 100), 99);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${percent}%`;
}

/** "1 minute", "2 h 5 min", "3 d 4 h". */
export function duration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '?';
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days} d ${h} h` : `${days} d`;
}

/** Joins names as "A, B and C". */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The raw value as the user gave it, escaped and shortened, for "you gave …". */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? 'that value' : String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return escapeUserText(short);
}
