// defineCommand: one command from one typed definition (src/router/spec.ts) — its Discord JSON, a
// dispatch table from subcommand to handler with checked, typed arguments, and autocomplete routed to
// the option being typed. The result is a plain CommandModule for the router and the registry.

import { ApplicationCommandOptionType as T, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { UserError } from '../errors.ts';
import type { Choice, ComponentReply, Reply } from '../render/types.ts';
import { commandJson, optionsJson, readArgs, type ArgsOf, type OptionsSpec } from './spec.ts';
import type { AutocompleteContext, CommandContext, CommandModule, ComponentContext, Example, TextContext } from './types.ts';

export interface Leaf<O extends OptionsSpec = OptionsSpec> {
  description: string;
  options: O;
  execute(context: CommandContext, args: ArgsOf<O>): Promise<Reply> | Reply;
}

/** A subcommand (or a command without subcommands): its options and its handler, typed together. */
export function leaf<const O extends OptionsSpec>(definition: Leaf<O>): Leaf<O> {
  return definition;
}

export interface Group {
  description: string;
  subcommands: Readonly<Record<string, Leaf<any>>>;
}

interface Shared {
  name: string;
  description: string;
  examples: Example[];
  deferEphemeral?: boolean;
  component?(context: ComponentContext): Promise<ComponentReply> | ComponentReply;
  text?(context: TextContext): Promise<Reply | null> | Reply | null;
}

/** A command without subcommands: its options and handler sit on the command itself. */
export interface SingleCommand<O extends OptionsSpec> extends Shared {
  options: O;
  execute(context: CommandContext, args: ArgsOf<O>): Promise<Reply> | Reply;
}

/** A command with subcommands and/or groups of subcommands. */
export interface BranchedCommand extends Shared {
  subcommands?: Readonly<Record<string, Leaf<any>>>;
  groups?: Readonly<Record<string, Group>>;
}

export interface DefinedCommand extends CommandModule {
  /** The leaf a request names (the command itself, a subcommand, or a grouped subcommand). */
  leafOf(group: string | null, subcommand: string | null): Leaf<any> | undefined;
}

export function defineCommand<const O extends OptionsSpec>(definition: SingleCommand<O>): DefinedCommand;
export function defineCommand(definition: BranchedCommand): DefinedCommand;
export function defineCommand(input: SingleCommand<OptionsSpec> | BranchedCommand): DefinedCommand {
  const single: Leaf<any> | undefined = 'options' in input ? { description: input.description, options: input.options, execute: input.execute } : undefined;
  const definition: BranchedCommand & { leaf?: Leaf<any> } = single ? { ...input, leaf: single } : input;
  const leafOf = (group: string | null, subcommand: string | null): Leaf<any> | undefined => {
    if (definition.leaf) return group === null && subcommand === null ? definition.leaf : undefined;
    if (group !== null) return subcommand === null ? undefined : definition.groups?.[group]?.subcommands[subcommand];
    return subcommand === null ? undefined : definition.subcommands?.[subcommand];
  };

  let json: RESTPostAPIChatInputApplicationCommandsJSONBody | undefined;
  const toJSON = () => {
    if (json) return json;
    let options: APIApplicationCommandOption[];
    if (definition.leaf) {
      options = optionsJson(definition.leaf.options);
    } else {
      options = [];
      for (const [name, sub] of Object.entries(definition.subcommands ?? {})) {
        options.push({ type: T.Subcommand, name, description: sub.description, options: optionsJson(sub.options) });
      }
      for (const [name, group] of Object.entries(definition.groups ?? {})) {
        options.push({
          type: T.SubcommandGroup,
          name,
          description: group.description,
          options: Object.entries(group.subcommands).map(([subName, sub]) => ({ type: T.Subcommand, name: subName, description: sub.description, options: optionsJson(sub.options) })),
        });
      }
    }
    json = commandJson(definition.name, definition.description, options);
    return json;
  };

  const paths = (): string =>
    definition.leaf
      ? `/${definition.name}`
      : [
          ...Object.keys(definition.subcommands ?? {}).map((s) => `\`/${definition.name} ${s}\``),
          ...Object.entries(definition.groups ?? {}).flatMap(([g, group]) => Object.keys(group.subcommands).map((s) => `\`/${definition.name} ${g} ${s}\``)),
        ].join(', ');

  const module: DefinedCommand = {
    data: { name: definition.name, toJSON },
    examples: definition.examples,
    ...(definition.deferEphemeral !== undefined ? { deferEphemeral: definition.deferEphemeral } : {}),
    leafOf,
    execute(context: CommandContext) {
      const { group, subcommand, options } = context.request;
      const target = leafOf(group, subcommand);
      if (!target) throw new UserError(`Use one of: ${paths()}.`);
      return target.execute(context, readArgs(target.options, options));
    },
    autocomplete(context: AutocompleteContext): Promise<Choice[]> | Choice[] {
      const target = leafOf(context.request.group, context.request.subcommand);
      const spec = target?.options[context.request.focused];
      return spec && 'autocomplete' in spec && spec.autocomplete ? spec.autocomplete(context) : [];
    },
    ...(definition.component ? { component: definition.component } : {}),
    ...(definition.text ? { text: definition.text } : {}),
  };
  return module;
}
