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
    expect(sources).toContain("FromSoftware's own game data");
    expect(sources).toContain("Smithbox's parameter layouts (MIT)");
    expect(sources).toContain("erdb's English game text (MIT)");
    expect(sources).toContain("Impaler's Archive");
    expect(sources).not.toMatch(/regulation\.bin|@1\.|EquipParam|SpEffectParam|wiki scrape|kaggle/i);
  });
});
