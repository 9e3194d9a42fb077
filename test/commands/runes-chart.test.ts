// `chart:true` on /runes level and /runes farm, through the real router: the PNG is attached and shown
// in the embed, only when asked; the text answer is unchanged; breakdown pages keep the chart; a
// character's defaults reach the chart and keep the reply private. Figures from mechanics.md §1.

import { afterAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/render/discord.ts';
import type { Reply } from '../../src/render/types.ts';
import { pngSize } from '../render/png.ts';
import { GUILD_ID, makeTestApp, text } from './runes-helpers.ts';

const t = makeTestApp();
afterAll(() => t.close());

function chartOf(reply: Reply): { name: string; width: number; height: number } {
  expect(reply.files).toHaveLength(1);
  const file = reply.files![0]!;
  const size = pngSize(file.data);
  expect(size).not.toBeNull();
  expect(reply.embeds![0]!.imageFile).toBe(file.name);
  const body = renderMessage(reply);
  expect(body.embeds![0]!.image?.url).toBe(`attachment://${file.name}`);
  expect(body.attachments).toEqual([{ id: 0, filename: file.name, description: file.description }]);
  return { name: file.name, ...size! };
}

describe('/runes level chart:true', () => {
  it('attaches the rune cost chart and keeps the text answer as it was', async () => {
    const plain = await t.run('runes', 'level', { from: 80, to: 100, held: 250_000 });
    const charted = await t.run('runes', 'level', { from: 80, to: 100, held: 250_000, chart: true });
    expect(plain.files).toBeUndefined();
    expect(plain.embeds![0]!.imageFile).toBeUndefined();
    const chart = chartOf(charted);
    expect(chart).toEqual({ name: 'rune-cost-80-100.png', width: 800, height: 400 });
    // 80 → 86 costs 245,547 (cost(80..85)), so 250,000 buys level 86 with 4,453 over.
    expect(text(charted)).toContain('What you hold already buys level 86 (4,453 left over).');
    expect(charted.embeds![0]!.description).toBe(plain.embeds![0]!.description);
    expect(text(charted)).toContain('[image: rune-cost-80-100.png, attached below]');
    expect(charted.files![0]!.description).toContain('976,604 runes');
    expect(t.unexpected()).toEqual([]);
  });

  it('chart:false draws nothing', async () => {
    const reply = await t.run('runes', 'level', { from: 1, to: 150, chart: false });
    expect(reply.files).toBeUndefined();
    expect(text(reply)).toContain('7,112,459');
  });

  it('keeps the chart on every breakdown page', async () => {
    const reply = await t.run('runes', 'level', { from: 1, to: 150, breakdown: true, chart: true });
    expect(chartOf(reply).name).toBe('rune-cost-1-150.png');
    const ids = (reply.components ?? []).flat().flatMap((b) => (b.kind === 'button' ? [b.customId] : []));
    expect(ids).toContain('runes:bd:1:150:-:2:c');
    const page = await t.press('runes:bd:1:150:-:2:c');
    expect(page.mode).toBe('update');
    expect(chartOf(page.reply).name).toBe('rune-cost-1-150.png');
    expect(page.reply.embeds![0]!.fields![0]!.name).toBe('Per level (2/6)');
    // Pages without `:c` stay as they were; anything else after the page is refused.
    expect((await t.press('runes:bd:1:150:-:2')).reply.files).toBeUndefined();
    expect(await t.press('runes:bd:1:150:-:2:x')).toMatchObject({ mode: 'reply', reply: { ephemeral: true } });
    expect(t.unexpected()).toEqual([]);
  });

  it("uses the active character's level and runes, and stays private in a server", async () => {
    const owner = '200000000000000077';
    t.app.services.store().createCharacter(owner, { name: 'Rya', className: 'Wretch' });
    t.app.services.store().addRunes({ userId: owner }, 6_000);
    const reply = await t.run('runes', 'level', { to: 20, chart: true }, { userId: owner, guildId: GUILD_ID });
    expect(reply.ephemeral).toBe(true);
    expect(chartOf(reply).name).toBe('rune-cost-1-20.png');
    // From level 1, reaching level 9 costs 5,856 and level 10 costs 6,667 (673+689+706+723+740+757+775+793+811;
    // mechanics.md §1), so 6,000 buys level 9.
    expect(text(reply)).toContain('What you hold already buys level 9');
  });
});

describe('/runes farm chart:true', () => {
  it('attaches the farming chart for a runes target and for a level target', async () => {
    const runes = await t.run('runes', 'farm', { per_run: 50_000, target: '2000000', chart: true });
    expect(chartOf(runes).name).toBe('farming-progress.png');
    expect(text(runes)).toContain('40 runs');
    expect(runes.files![0]!.description).toContain('in 40 runs');
    // 1 → 150 is 7,112,459 runes: 143 runs of 50,000.
    const level = await t.run('runes', 'farm', { per_run: 50_000, target: 'level 150', minutes_per_run: 1.5, chart: true });
    chartOf(level);
    expect(text(level)).toContain('143 runs');
    expect(level.files![0]!.description).toContain('in 143 runs');
  });

  it('draws a target already reached', async () => {
    const owner = '200000000000000078';
    t.app.services.store().createCharacter(owner, { name: 'Nepheli', className: 'Warrior' });
    t.app.services.store().addRunes({ userId: owner }, 3_000_000);
    // A Warrior starts at level 8; 3,000,000 held is far more than level 8 → 20 costs.
    const reply = await t.run('runes', 'farm', { per_run: 50_000, target: 'level 20', chart: true }, { userId: owner });
    expect(text(reply)).toContain('Nothing to farm');
    expect(chartOf(reply).name).toBe('farming-progress.png');
  });

  it('with boosts the chart counts boosted runs', async () => {
    // Gold Scarab ×1.2: 50,000 → 60,000 a run (mechanics.md §5); 2,000,000 needs 34 runs.
    const reply = await t.run('runes', 'farm', { per_run: 50_000, target: '2000000', gold_scarab: true, chart: true });
    expect(text(reply)).toContain('34 runs');
    expect(reply.files![0]!.description).toContain('in 34 runs');
    expect(t.unexpected()).toEqual([]);
  });

  it('sends nothing heavy to the other subcommands', async () => {
    const reply = await t.run('runes', 'reach', { runes: 1_000_000, from: 50 });
    expect(reply.files).toBeUndefined();
    expect(t.unexpected()).toEqual([]);
  });
});
