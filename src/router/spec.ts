// Command definitions as typed data. A command states each option once — its name, type, range,
// description and autocomplete — and gets from that one statement:
//   - the JSON Discord registers (min/max, choices, required, autocomplete, integration types, contexts),
//   - the handler's argument type (`ArgsOf`): renaming an option is a type error in the handler,
//   - the check of every value the router receives (from Discord, the console or DM text), with one
//     message per mistake, naming what is valid ("`to` must be a level from 2 to 713 (you gave 714).").
// Modelled on yuudachi's ArgumentsOf, over plain objects instead of builder chains.

import {
  ApplicationCommandOptionType as T,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { UserError } from '../errors.ts';
import { escapeUserText } from '../text/escape.ts';
import type { Choice } from '../render/types.ts';
import type { AttachmentValue, AutocompleteContext, OptionValue, UserValue } from './types.ts';

export type AutocompleteFn = (context: AutocompleteContext) => Promise<Choice[]> | Choice[];

interface CommonSpec {
  description: string;
  required?: boolean;
}

export interface IntegerSpec extends CommonSpec {
  type: 'integer';
  min: number;
  max: number;
  /** What a valid value is called in messages: "a level" → "a level from 1 to 712". Default "a whole number". */
  noun?: string;
  /** Said after the range: "…from 0 to 999,999,999, the most the game lets you hold". */
  note?: string;
  autocomplete?: AutocompleteFn;
}

export interface NumberSpec extends CommonSpec {
  type: 'number';
  /** Lowest valid value; with `aboveMin` the value must be strictly greater. */
  min: number;
  max: number;
  aboveMin?: boolean;
  noun?: string;
  note?: string;
}

export interface StringSpec extends CommonSpec {
  type: 'string';
  maxLength?: number;
  choices?: readonly { name: string; value: string }[];
  autocomplete?: AutocompleteFn;
}

export interface BooleanSpec extends CommonSpec {
  type: 'boolean';
}

export interface UserSpec extends CommonSpec {
  type: 'user';
}

export interface AttachmentSpec extends CommonSpec {
  type: 'attachment';
}

export type OptionSpec = IntegerSpec | NumberSpec | StringSpec | BooleanSpec | UserSpec | AttachmentSpec;
export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends IntegerSpec | NumberSpec
  ? number
  : S extends StringSpec
    ? string
    : S extends BooleanSpec
      ? boolean
      : S extends UserSpec
        ? UserValue
        : AttachmentValue;

type RequiredKeys<O extends OptionsSpec> = { [K in keyof O]: O[K] extends { required: true } ? K : never }[keyof O];

/** The handler's arguments: required options always present, the others possibly undefined. */
export type ArgsOf<O extends OptionsSpec> = { [K in RequiredKeys<O>]: ValueOf<O[K]> } & { [K in Exclude<keyof O, RequiredKeys<O>>]?: ValueOf<O[K]> };

// ---------------------------------------------------------------------------------------------
// Option constructors: `integer('The level you are at', { min: 1, max: 712, noun: 'a level' })`. The result
// keeps the literal `required: true` (for ArgsOf); NoInfer stops a surrounding definition's type from
// being taken as the options' own.

type Extra<S> = Omit<S, 'type' | 'description'>;

export function integer<const E extends Extra<IntegerSpec>>(description: string, extra: E): IntegerSpec & NoInfer<E> {
  return { type: 'integer', description, ...extra };
}
export function number<const E extends Extra<NumberSpec>>(description: string, extra: E): NumberSpec & NoInfer<E> {
  return { type: 'number', description, ...extra };
}
export function string<const E extends Extra<StringSpec>>(description: string, extra: E = {} as E): StringSpec & NoInfer<E> {
  return { type: 'string', description, ...extra };
}
export function boolean<const E extends Extra<BooleanSpec>>(description: string, extra: E = {} as E): BooleanSpec & NoInfer<E> {
  return { type: 'boolean', description, ...extra };
}
export function user<const E extends Extra<UserSpec>>(description: string, extra: E = {} as E): UserSpec & NoInfer<E> {
  return { type: 'user', description, ...extra };
}
export function attachment<const E extends Extra<AttachmentSpec>>(description: string, extra: E = {} as E): AttachmentSpec & NoInfer<E> {
  return { type: 'attachment', description, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Checking values

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "a level from 1 to 712", "a number above 0 and at most 1,440", "true or false". */
export function validValues(spec: OptionSpec): string {
  switch (spec.type) {
    case 'integer':
      return `${spec.noun ?? 'a whole number'} from ${grouping.format(spec.min)} to ${grouping.format(spec.max)}${spec.note ? `, ${spec.note}` : ''}`;
    case 'number': {
      const range = spec.aboveMin ? `above ${grouping.format(spec.min)} and at most ${grouping.format(spec.max)}` : `from ${grouping.format(spec.min)} to ${grouping.format(spec.max)}`;
      return `${spec.noun ?? 'a number'} ${range}${spec.note ? `, ${spec.note}` : ''}`;
    }
    case 'string':
      if (spec.choices?.length) return `one of: ${spec.choices.map((c) => c.value).join(', ')}`;
      return spec.maxLength ? `text of at most ${grouping.format(spec.maxLength)} characters` : 'text';
    case 'boolean':
      return 'true or false';
    case 'user':
      return 'a user';
    case 'attachment':
      return 'a file';
  }
}

function shownValue(value: unknown): string {
  if (typeof value === 'number') return grouping.format(value);
  const text = typeof value === 'string' ? value : 'that';
  return escapeUserText(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function refuse(name: string, spec: OptionSpec, given?: unknown): never {
  const gave = given === undefined ? '' : ` (you gave ${shownValue(given)})`;
  throw new UserError(`\`${name}\` must be ${validValues(spec)}${gave}.`);
}

/** One option's value checked against its spec; throws a UserError saying what is valid. */
export function checkValue(name: string, spec: OptionSpec, value: OptionValue): OptionValue {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/[,_\s]/g, '')) : NaN;
      if (!Number.isFinite(n)) refuse(name, spec);
      if (spec.type === 'integer' && !Number.isSafeInteger(n)) refuse(name, spec, n);
      const low = spec.type === 'number' && spec.aboveMin ? n <= spec.min : n < spec.min;
      if (low || n > spec.max) refuse(name, spec, n);
      return n;
    }
    case 'string': {
      if (typeof value !== 'string') refuse(name, spec);
      if (spec.choices?.length) {
        const choice = spec.choices.find((c) => c.value.toLowerCase() === value.trim().toLowerCase() || c.name.toLowerCase() === value.trim().toLowerCase());
        if (!choice) refuse(name, spec, value);
        return choice.value;
      }
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        throw new UserError(`\`${name}\` must be at most ${grouping.format(spec.maxLength)} characters (you gave ${grouping.format(value.length)}).`);
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') refuse(name, spec);
      return value;
    case 'user':
      if (typeof value !== 'object' || value.kind !== 'user') refuse(name, spec);
      return value;
    case 'attachment':
      if (typeof value !== 'object' || value.kind !== 'attachment') refuse(name, spec);
      return value;
  }
}

/** Every option of a leaf read and checked: unknown names are ignored, a missing required one refused. */
export function readArgs<O extends OptionsSpec>(options: O, values: Readonly<Record<string, OptionValue>>): ArgsOf<O> {
  const args: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(options)) {
    const value = values[name];
    if (value === undefined) {
      if (spec.required) throw new UserError(`The option \`${name}\` is required: ${validValues(spec)}.`);
      continue;
    }
    args[name] = checkValue(name, spec, value);
  }
  return args as ArgsOf<O>;
}

// ---------------------------------------------------------------------------------------------
// The JSON Discord registers

function optionJson(name: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name, description: spec.description, ...(spec.required ? { required: true } : {}) };
  switch (spec.type) {
    case 'integer':
      return spec.autocomplete
        ? { ...base, type: T.Integer, min_value: spec.min, max_value: spec.max, autocomplete: true }
        : { ...base, type: T.Integer, min_value: spec.min, max_value: spec.max };
    case 'number':
      return { ...base, type: T.Number, min_value: spec.min, max_value: spec.max };
    case 'string': {
      const text = { ...base, type: T.String as const, ...(spec.maxLength !== undefined ? { max_length: spec.maxLength } : {}) };
      if (spec.autocomplete) return { ...text, autocomplete: true };
      return spec.choices?.length ? { ...text, choices: spec.choices.map((c) => ({ name: c.name, value: c.value })) } : text;
    }
    case 'boolean':
      return { ...base, type: T.Boolean };
    case 'user':
      return { ...base, type: T.User };
    case 'attachment':
      return { ...base, type: T.Attachment };
  }
}

/** Discord lists required options first; the order within each kind is the definition's. */
export function optionsJson(options: OptionsSpec): APIApplicationCommandBasicOption[] {
  const entries = Object.entries(options);
  return [...entries.filter(([, s]) => s.required), ...entries.filter(([, s]) => !s.required)].map(([name, spec]) => optionJson(name, spec));
}

export function commandJson(name: string, description: string, options: APIApplicationCommandOption[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name,
    description,
    options,
    // Everywhere the bot can be: installed in a server or by a user; in servers, its DMs and private channels.
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  };
}
