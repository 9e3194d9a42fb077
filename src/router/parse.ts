// Text → command request, for the offline console and for commands typed as plain text in DMs:
// `/runes level from:1 to:150`, `/item name:rivers of blood` (values with spaces need no quotes).
// Options are checked the way Discord's client checks them (types, required, ranges, choices).

import path from 'node:path';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  ApplicationCommandOptionType as T,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CommandModule, OptionValue } from './types.ts';
import { codeSpan } from '../text/escape.ts';
import { UserError } from '../errors.ts';
import type { DefinedCommand } from './command.ts';
import { checkValue, type OptionSpec } from './spec.ts';

export interface ParsedLine {
  commandName: string;
  group: string | null;
  subcommand: string | null;
  options: Record<string, OptionValue>;
  /** In autocomplete mode: the last option on the line. */
  focused: string | null;
}

export type ParseResult = { ok: true; value: ParsedLine } | { ok: false; error: string };

export interface ParseOptions {
  /** Autocomplete mode: the last option is being typed, so nothing is validated. */
  autocomplete?: boolean;
  /** Base folder for attachment paths (console only). */
  cwd?: string;
  /** Whether attachment options accept local file paths (the console) or not (DM text). */
  allowFiles?: boolean;
}

const definitionCache = new WeakMap<CommandModule, RESTPostAPIChatInputApplicationCommandsJSONBody>();

export function definitionOf(module: CommandModule): RESTPostAPIChatInputApplicationCommandsJSONBody {
  let json = definitionCache.get(module);
  if (!json) {
    json = module.data.toJSON();
    definitionCache.set(module, json);
  }
  return json;
}

function isBasic(option: APIApplicationCommandOption): option is APIApplicationCommandBasicOption {
  return option.type !== T.Subcommand && option.type !== T.SubcommandGroup;
}

/** The leaf options for a command path, or the names valid at the next level when the path is incomplete. */
export function resolvePath(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  words: string[],
): { group: string | null; subcommand: string | null; options: APIApplicationCommandBasicOption[]; consumed: number } | { missing: string[]; at: string } {
  const top = definition.options ?? [];
  const subs = top.filter((o) => !isBasic(o));
  if (subs.length === 0) return { group: null, subcommand: null, options: top.filter(isBasic), consumed: 0 };
  const first = words[0]?.toLowerCase();
  const hit = subs.find((o) => o.name === first);
  if (!hit) return { missing: subs.map((o) => o.name), at: `/${definition.name}` };
  if (hit.type === T.Subcommand) return { group: null, subcommand: hit.name, options: (hit.options ?? []).filter(isBasic), consumed: 1 };
  const second = words[1]?.toLowerCase();
  const leaves = (hit.type === T.SubcommandGroup ? hit.options ?? [] : []) as APIApplicationCommandOption[];
  const leaf = leaves.find((o) => o.name === second && o.type === T.Subcommand);
  if (!leaf || leaf.type !== T.Subcommand) return { missing: leaves.map((o) => o.name), at: `/${definition.name} ${hit.name}` };
  return { group: hit.name, subcommand: leaf.name, options: (leaf.options ?? []).filter(isBasic), consumed: 2 };
}

const TYPE_WORDS: Partial<Record<T, string>> = {
  [T.String]: 'text',
  [T.Integer]: 'a whole number',
  [T.Number]: 'a number',
  [T.Boolean]: 'true or false',
  [T.User]: 'a user id or mention',
  [T.Attachment]: 'a file path',
};

function describeRange(option: APIApplicationCommandBasicOption): string {
  if (option.type !== T.Integer && option.type !== T.Number) return '';
  const min = option.min_value;
  const max = option.max_value;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

function convert(option: APIApplicationCommandBasicOption, raw: string, parse: ParseOptions): OptionValue | { error: string } {
  const expected = `\`${option.name}\` must be ${TYPE_WORDS[option.type] ?? 'a value'}${describeRange(option)}`;
  switch (option.type) {
    case T.String: {
      if ('choices' in option && option.choices?.length) {
        const choice = option.choices.find((c) => c.value.toLowerCase() === raw.toLowerCase() || c.name.toLowerCase() === raw.toLowerCase());
        if (!choice) return { error: `\`${option.name}\` must be one of: ${option.choices.map((c) => c.value).join(', ')}.` };
        return choice.value;
      }
      if (option.min_length !== undefined && raw.length < option.min_length) return { error: `\`${option.name}\` must be at least ${option.min_length} characters.` };
      if (option.max_length !== undefined && raw.length > option.max_length) return { error: `\`${option.name}\` must be at most ${option.max_length} characters.` };
      return raw;
    }
    case T.Integer:
    case T.Number: {
      const cleaned = raw.replace(/[,_](?=\d{3})/g, '');
      const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
      if (!Number.isFinite(value) || (option.type === T.Integer && !Number.isSafeInteger(value))) return { error: `${expected}.` };
      if ('choices' in option && option.choices?.length && !option.choices.some((c) => c.value === value)) {
        return { error: `\`${option.name}\` must be one of: ${option.choices.map((c) => c.value).join(', ')}.` };
      }
      if ((option.min_value !== undefined && value < option.min_value) || (option.max_value !== undefined && value > option.max_value)) {
        return { error: `${expected}.` };
      }
      return value;
    }
    case T.Boolean: {
      const word = raw.toLowerCase();
      if (['true', 'yes', 'y', '1', 'on'].includes(word)) return true;
      if (['false', 'no', 'n', '0', 'off'].includes(word)) return false;
      return { error: `${expected}.` };
    }
    case T.User: {
      const id = /^<@!?(\d{17,20})>$/.exec(raw)?.[1] ?? (/^\d{17,20}$/.test(raw) ? raw : undefined);
      if (!id) return { error: `${expected}.` };
      return { kind: 'user', id, username: id };
    }
    case T.Attachment: {
      if (!parse.allowFiles) return { error: `\`${option.name}\`: attach the file to a slash command instead.` };
      const full = path.resolve(parse.cwd ?? process.cwd(), raw);
      try {
        const stats = statSync(full);
        if (!stats.isFile()) return { error: `\`${option.name}\`: ${raw} is not a file.` };
        return { kind: 'attachment', name: path.basename(full), url: pathToFileURL(full).href, size: stats.size };
      } catch {
        return { error: `\`${option.name}\`: no file at ${raw}.` };
      }
    }
    default:
      return { error: `\`${option.name}\` cannot be given as text here.` };
  }
}

/** Text → the option's type, then the command's own check (src/router/spec.ts): one message per mistake. */
function convertWithSpec(option: APIApplicationCommandBasicOption, spec: OptionSpec, raw: string, parse: ParseOptions): OptionValue | { error: string } {
  let typed: OptionValue = raw;
  if (spec.type === 'integer' || spec.type === 'number') {
    const cleaned = raw.replace(/[,_](?=\d{3})/g, '');
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) typed = Number(cleaned);
  } else if (spec.type === 'boolean') {
    const word = raw.toLowerCase();
    if (['true', 'yes', 'y', '1', 'on'].includes(word)) typed = true;
    if (['false', 'no', 'n', '0', 'off'].includes(word)) typed = false;
  } else if (spec.type !== 'string') {
    const converted = convert(option, raw, parse);
    if (typeof converted === 'object' && 'error' in converted) return converted;
    typed = converted;
  }
  try {
    return checkValue(option.name, spec, typed);
  } catch (error) {
    if (error instanceof UserError) return { error: error.message };
    throw error;
  }
}

/** Parse one line against the registry. */
export function parseCommandLine(line: string, modules: readonly CommandModule[], parse: ParseOptions = {}): ParseResult {
  const text = line.trim().replace(/^\//, '');
  const nameMatch = /^(\S+)\s*/.exec(text);
  if (!nameMatch) return { ok: false, error: 'Type a command, e.g. `/help`.' };
  const commandName = nameMatch[1]!.toLowerCase();
  const module = modules.find((m) => m.data.name === commandName);
  if (!module) {
    return { ok: false, error: `Unknown command ${codeSpan(`/${commandName}`)}. Commands: ${modules.map((m) => '/' + m.data.name).join(', ')}.` };
  }
  const definition = definitionOf(module);
  let rest = text.slice(nameMatch[0].length);
  const words = rest.split(/\s+/).filter(Boolean);
  const resolved = resolvePath(definition, words);
  if ('missing' in resolved) {
    return { ok: false, error: `\`${resolved.at}\` needs one of: ${resolved.missing.join(', ')}.` };
  }
  for (let i = 0; i < resolved.consumed; i++) rest = rest.replace(/^\s*\S+/, '');
  rest = rest.trim();

  const known = resolved.options;
  const specs = 'leafOf' in module ? (module as DefinedCommand).leafOf(resolved.group, resolved.subcommand)?.options : undefined;
  const byName = new Map(known.map((o) => [o.name, o]));
  const commandPath = ['/' + commandName, resolved.group, resolved.subcommand].filter(Boolean).join(' ');
  const valid = known.length ? `options: ${known.map((o) => o.name).join(', ')}` : 'it takes no options';
  // Split at ` name:`. A known option may be followed by a space (`from: 1`); any other `word:value`
  // (no space after the colon) is an option Discord would never send, refused below. So values may hold
  // spaces and colons followed by a space ("Ash of War: Lion's Claw") without quotes.
  const names = known.map((o) => o.name.replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const knownNames = names.length ? names.join('|') : '(?!)';
  const splitter = new RegExp(`(?:^|\\s)(?:(${knownNames}):|([\\p{L}\\p{N}_-]{1,32}):(?=\\S))`, 'giu');
  const found: { name: string; start: number; valueStart: number; unknown: boolean }[] = [];
  for (const match of rest.matchAll(splitter)) {
    const name = (match[1] ?? match[2]!).toLowerCase();
    found.push({ name, start: match.index, valueStart: match.index + match[0].length, unknown: match[1] === undefined && !byName.has(name) });
  }
  const leading = (found.length ? rest.slice(0, found[0]!.start) : rest).trim();
  if (leading) {
    return { ok: false, error: `Write options as name:value (${codeSpan(commandPath)}: ${valid}).` };
  }
  const unknown = found.find((f) => f.unknown);
  if (unknown && !parse.autocomplete) {
    return { ok: false, error: `Unknown option ${codeSpan(unknown.name, 32)} for ${codeSpan(commandPath)} (${valid}).` };
  }

  const options: Record<string, OptionValue> = {};
  let focused: string | null = null;
  for (let i = 0; i < found.length; i++) {
    const entry = found[i]!;
    const end = i + 1 < found.length ? found[i + 1]!.start : rest.length;
    let raw = rest.slice(entry.valueStart, end).trim();
    if (raw.length >= 2 && /^(["']).*\1$/s.test(raw)) raw = raw.slice(1, -1);
    const option = byName.get(entry.name);
    if (!option) continue; // autocomplete mode: an unknown option is ignored
    if (options[option.name] !== undefined && !parse.autocomplete) {
      return { ok: false, error: `The option ${codeSpan(option.name, 32)} is given twice: give each option once.` };
    }
    focused = option.name;
    if (parse.autocomplete) {
      options[option.name] = raw;
      continue;
    }
    if (raw === '') return { ok: false, error: `\`${option.name}\` has no value.` };
    const spec = specs?.[option.name];
    const value = spec ? convertWithSpec(option, spec, raw, parse) : convert(option, raw, parse);
    if (typeof value === 'object' && 'error' in value) return { ok: false, error: value.error };
    options[option.name] = value;
  }
  if (!parse.autocomplete) {
    // Name each missing option with its description, so the refusal says what to give.
    const missing = known.filter((o) => o.required && options[o.name] === undefined).map((o) => `${codeSpan(`${o.name}:`, 34)} — ${o.description}`);
    if (missing.length) return { ok: false, error: `Missing required option${missing.length > 1 ? 's' : ''} for ${codeSpan(commandPath)}: ${missing.join('; ')}.` };
  }
  return { ok: true, value: { commandName, group: resolved.group, subcommand: resolved.subcommand, options, focused } };
}
