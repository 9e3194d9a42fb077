import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { defineCommand } from '../src/router/command.ts';
import { string } from '../src/router/spec.ts';
import { definitionOf } from '../src/router/parse.ts';
import { UserError } from '../src/errors.ts';
import { codeSpan } from '../src/text/escape.ts';
import type { CommandModule } from '../src/router/types.ts';
import type { EmbedField } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';

/** Examples shown per command in the overview; `/help command:<name>` shows them all. */
const OVERVIEW_EXAMPLES = 3;

function examplesField(module: CommandModule): EmbedField {
  const definition = definitionOf(module);
  const lines = module.examples.slice(0, OVERVIEW_EXAMPLES).map((example) => `\`${example.usage}\` — ${example.description}`);
  const more = module.examples.length - OVERVIEW_EXAMPLES;
  if (more > 0) lines.push(`…and ${more} more: \`/help command:${definition.name}\``);
  return { name: `/${definition.name} — ${definition.description}`, value: lines.join('\n') || definition.description };
}

function detail(module: CommandModule): EmbedField[] {
  const definition = definitionOf(module);
  const fields: EmbedField[] = [];
  const describeOptions = (options: readonly { name: string; description: string; required?: boolean }[]) =>
    options.map((o) => `• \`${o.name}\`${o.required ? '' : ' (optional)'}: ${o.description}`).join('\n');
  for (const option of definition.options ?? []) {
    if (option.type === T.Subcommand) {
      fields.push({ name: `/${definition.name} ${option.name}`, value: `${option.description}\n${describeOptions(option.options ?? [])}`.trim() });
    } else if (option.type === T.SubcommandGroup) {
      for (const sub of option.options ?? []) {
        fields.push({ name: `/${definition.name} ${option.name} ${sub.name}`, value: `${sub.description}\n${describeOptions(sub.options ?? [])}`.trim() });
      }
    }
  }
  const basic = (definition.options ?? []).filter((o) => o.type !== T.Subcommand && o.type !== T.SubcommandGroup);
  if (basic.length) fields.push({ name: 'Options', value: describeOptions(basic) });
  fields.push({ name: 'Examples', value: module.examples.map((e) => `\`${e.usage}\` — ${e.description}`).join('\n') || '—' });
  return fields;
}

export const help = defineCommand({
  name: 'help',
  description: 'Every command of the bot, with an example of each',
  options: {
    command: string('Show one command in detail', {
      autocomplete({ query, services }) {
        const q = query.trim().replace(/^\//, '').toLowerCase();
        return services.commands
          .map((m) => m.data.name)
          .filter((name) => name.includes(q))
          .map((name) => ({ name: `/${name}`, value: name }));
      },
    }),
  },
  examples: [
    { usage: '/help', description: 'this list' },
    { usage: '/help command:runes', description: 'one command in detail' },
  ],
  execute({ services }, args) {
    const wanted = args.command?.trim().replace(/^\//, '').toLowerCase();
    if (wanted) {
      const module = services.commands.find((m) => m.data.name === wanted);
      if (!module) {
        throw new UserError(`There is no ${codeSpan(`/${wanted}`)} command. Commands: ${services.commands.map((m) => `\`/${m.data.name}\``).join(', ')}.`);
      }
      const definition = definitionOf(module);
      return {
        embeds: [{ title: `/${definition.name}`, description: definition.description, color: BRAND_COLOR, fields: detail(module) }],
      };
    }
    return {
      embeds: [
        {
          title: 'Tarnished Ledger — commands',
          description:
            'Elden Ring items, rune arithmetic and your characters. Works in servers, in DMs with the bot, and as a user-installed app. ' +
            'In DMs you can also just type an item name.',
          color: BRAND_COLOR,
          fields: services.commands.map(examplesField),
          footer: 'Option values go after a colon: /runes level from:1 to:150',
        },
      ],
    };
  },
});
