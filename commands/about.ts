import { slashCommand } from '../src/router/define.ts';
import type { CommandModule } from '../src/router/types.ts';
import { loadItemData } from '../src/items/data.ts';
import { BRAND_COLOR } from '../src/render/style.ts';

/** What each data source gives, in a player's words (by the source id's prefix). */
function sourceWords(id: string): string {
  if (id.startsWith('regulation')) return "Every number: FromSoftware's own game data (the game's parameter file), read with Smithbox's parameter layouts (MIT)";
  if (id.startsWith('erdb')) return "Base-game item names: erdb's English game text (MIT)";
  if (id.startsWith('impalers')) return "Shadow of the Erdtree item names: Impaler's Archive game text";
  if (id.startsWith('enemy')) return 'Where enemies appear: a community table';
  return 'Data';
}

export const about: CommandModule = {
  data: slashCommand('about', 'Version, game data patch, and where the code and data come from'),
  examples: [{ usage: '/about', description: 'version and data sources' }],
  execute({ services }) {
    const data = loadItemData();
    const sources = data?.sources.length
      ? data.sources.map((s) => `• ${sourceWords(s.id)}: ${s.repository} @ \`${s.commit.slice(0, 7)}\``).join('\n')
      : 'Item data not built yet (`npm run build-data`).';
    return {
      embeds: [
        {
          title: `Tarnished Ledger ${services.app.version}`,
          description:
            'An Elden Ring companion: item lookups (base game and Shadow of the Erdtree), exact rune arithmetic, and your characters with a rune ledger.',
          color: BRAND_COLOR,
          fields: [
            { name: 'Game data', value: data ? `patch ${data.patch} · ${data.items.length.toLocaleString('en-US')} items` : 'not built', inline: true },
            { name: 'Code', value: services.app.homepage ? services.app.homepage : 'MIT licence; see the README of this bot\'s repository', inline: true },
            { name: 'Data sources', value: sources },
            {
              name: 'Game mechanics',
              value: 'Level costs, class stats, derived stats, rune values and upgrade costs come from the game\'s own parameter tables (regulation 1.09/1.10, DLC from a post-DLC dump).',
            },
          ],
          footer: 'Unofficial fan project; Elden Ring is © FromSoftware / Bandai Namco. No game text is reproduced.',
        },
      ],
    };
  },
};
