import { slashCommand } from '../src/router/define.ts';
import type { CommandModule } from '../src/router/types.ts';
import { loadItemData } from '../src/items/data.ts';
import type { ItemData } from '../src/items/types.ts';
import { gameDataLine } from '../src/render/footer.ts';
import { BRAND_COLOR } from '../src/render/style.ts';

type Source = ItemData['sources'][number];

/** What a source gives, its version and its licence, in a player's words (by the source id's prefix). */
function sourceLine(source: Source, patch: string): string {
  const where = `<https://${source.repository}>`;
  const snapshot = `snapshot ${source.commit.slice(0, 7)}`;
  const [kind] = source.id.split('@');
  switch (kind) {
    case 'regulation':
      return `**Every number**: FromSoftware's own game data, patch ${patch}, read with Smithbox's parameter layouts (MIT licence, ${snapshot}) ${where}`;
    case 'erdb':
      return `**Base-game item names**: erdb's English game text of patch 1.10 (MIT licence, ${snapshot}) ${where}`;
    case 'impalers-archive':
      return `**Shadow of the Erdtree item names**: Impaler's Archive, the DLC's English game text (${snapshot}); names only, the text is FromSoftware's ${where}`;
    case 'enemy-locations':
      return `**Where enemies appear**: the enemy table of guyathomas's Elden Ring calculator (ISC licence, ${snapshot}) ${where}`;
    default:
      return `**Data**: ${source.repository} (${snapshot})`;
  }
}

export const about: CommandModule = {
  data: slashCommand('about', 'Version, game data patch, and where the code and data come from'),
  examples: [{ usage: '/about', description: 'version and data sources' }],
  execute({ services }) {
    const data = loadItemData();
    const sources = data?.sources.length
      ? [...data.sources.map((s) => `• ${sourceLine(s, data.patch)}`), '• **Chart font**: DejaVu Sans 2.37 (its own free font licence, shipped with the bot)'].join('\n')
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
            { name: 'Code', value: services.app.homepage ? `MIT licence: ${services.app.homepage}` : "MIT licence; see the README of this bot's repository", inline: true },
            { name: 'Data sources', value: sources },
            {
              name: 'Game mechanics',
              value:
                "Level costs, class stats, derived stats, rune values, upgrade costs and attack ratings use the game's own formulas and tables from the same game data. Matchmaking ranges are community tests (2022), not game data.",
            },
          ],
          footer: `Unofficial fan project; Elden Ring is © FromSoftware / Bandai Namco. No game text is reproduced.\n${gameDataLine(data?.patch)}`,
        },
      ],
    };
  },
};
