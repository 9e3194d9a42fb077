// Tab completion for the interactive console: command names, subcommands, option names, and option
// values from the commands' own autocomplete (or their fixed choices).

import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { definitionOf, resolvePath } from '../router/parse.ts';
import type { CommandModule } from '../router/types.ts';
import type { ConsoleSession } from './session.ts';

export async function completeLine(line: string, modules: readonly CommandModule[], session: ConsoleSession): Promise<[string[], string]> {
  const commandWord = /^\/?(\S*)$/.exec(line);
  if (commandWord) {
    const typed = commandWord[1]!.toLowerCase();
    const names = modules.map((m) => m.data.name).filter((name) => name.startsWith(typed));
    return [names.map((name) => `/${name} `), line];
  }
  const head = /^\/?(\S+)\s+/.exec(line);
  const module = modules.find((m) => m.data.name === head?.[1]?.toLowerCase());
  if (!head || !module) return [[], line];
  const definition = definitionOf(module);
  const afterName = line.slice(head[0].length);
  const words = afterName.split(/\s+/);
  const resolved = resolvePath(definition, words.slice(0, -1).filter(Boolean));
  if ('missing' in resolved) {
    const current = words[words.length - 1] ?? '';
    return [resolved.missing.filter((name) => name.startsWith(current.toLowerCase())).map((name) => `${name} `), current];
  }
  // Subcommands consumed: the rest are options.
  let rest = afterName;
  for (let i = 0; i < resolved.consumed; i++) rest = rest.replace(/^\s*\S+/, '');
  const options = resolved.options;
  const lastOption = [...rest.matchAll(new RegExp(`(?:^|\\s)(${options.map((o) => o.name).join('|') || '(?!)'}):`, 'gi'))].pop();
  const lastWord = /(\S*)$/.exec(rest)![1]!;
  const used = new Set([...rest.matchAll(/(?:^|\s)([\w-]+):/g)].map((m) => m[1]!.toLowerCase()));

  const nameCandidates = lastWord.includes(':')
    ? []
    : options.filter((o) => !used.has(o.name) && o.name.startsWith(lastWord.toLowerCase())).map((o) => `${o.name}:`);

  if (lastOption) {
    const option = options.find((o) => o.name === lastOption[1]!.toLowerCase())!;
    const value = rest.slice(lastOption.index + lastOption[0].length);
    let values: string[] = [];
    if ('autocomplete' in option && option.autocomplete) {
      // Names, not internal keys: what a user would type, resolving to the same choice.
      values = [...new Set((await session.choices(line)).map((choice) => choice.typed ?? String(choice.value)))];
    } else if ('choices' in option && option.choices?.length) {
      values = option.choices.map((c) => String(c.value)).filter((v) => v.toLowerCase().startsWith(value.toLowerCase()));
    } else if (option.type === T.Boolean) {
      values = ['true', 'false'].filter((v) => v.startsWith(value.toLowerCase()));
    }
    // Completing a value replaces everything typed after `name:`; completing a name replaces the last word.
    if (values.length && (!nameCandidates.length || value.trim() === lastWord)) return [values.map((v) => `${v} `), value];
    if (nameCandidates.length && value.trim() !== lastWord) return [nameCandidates, lastWord];
    return [values.map((v) => `${v} `), value];
  }
  return [nameCandidates, lastWord];
}
