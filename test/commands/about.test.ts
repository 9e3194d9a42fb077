// /about: the game data patch and the sources in a player's words (no file names, param names or source tags).

import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

describe('/about', () => {
  it('says patch 1.16.1 and where the data comes from, in a player\'s words', async () => {
    const reply = await t.run('about', null);
    const embed = reply.embeds![0]!;
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    expect(fields['Game data']).toMatch(/^patch 1\.16\.1 · [\d,]+ items$/);
    const sources = fields['Data sources']!;
    // each source with what it gives, its licence and its version, in words (data/items.json `sources`)
    expect(sources).toMatch(/Every number\*\*: FromSoftware's own game data, patch 1\.16\.1, read with Smithbox's parameter layouts \(MIT licence, snapshot 15fa399\)/);
    expect(sources).toMatch(/Base-game item names\*\*: erdb's English game text of patch 1\.10 \(MIT licence, snapshot e2028a6\)/);
    expect(sources).toMatch(/Shadow of the Erdtree item names\*\*: Impaler's Archive/);
    expect(sources).toMatch(/Where enemies appear\*\*: .*\(ISC licence/);
    expect(sources).toMatch(/DejaVu Sans 2\.37/);
    // no licensing-status notes, no file names, param names or source tags
    expect(sources).not.toMatch(/NONE stated|until licensing|not credited|regulation\.bin|@1\.|@dlc|EquipParam|SpEffectParam|wiki scrape|kaggle/i);
    expect(embed.footer).toMatch(/\nGame data: patch 1\.16\.1$/);
    expect(fields['Game mechanics']).not.toMatch(/regulation 1\.|post-DLC dump/);
  });
});
