import { slashCommand } from '../src/router/define.ts';
import type { CommandModule } from '../src/router/types.ts';
import { loadItemData } from '../src/items/data.ts';
import { BRAND_COLOR } from '../src/render/style.ts';

export const about: CommandModule = {
  data: slashCommand('about', 'Version, game data patch, and where the code and data come from'),
  examples: [{ usage: '/about', description: 'version and data sources' }],
  execute({ services }) {
    const data = loadItemData();
    const sources = data?.sources.length
      ? data.sources.map((s) => `• ${s.repository} @ \`${s.commit.slice(0, 7)}\` (${s.licence})`).join('\n')
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
