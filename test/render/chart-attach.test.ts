// Images in replies: attachChart puts the PNG on the reply and in the first embed, never breaks the
// reply when drawing fails, and the renderer keeps files within Discord's limits (count, size, names)
// with the embed pointing at the file actually sent.

import { describe, expect, it } from 'vitest';
import { attachChart, ChartInputError, type ChartImage } from '../../src/render/charts/index.ts';
import { attachmentName, renderFiles, renderMessage } from '../../src/render/discord.ts';
import { DiscordLimits } from '../../src/render/limits.ts';
import { renderText } from '../../src/render/text.ts';
import type { Reply } from '../../src/render/types.ts';
import { pngSize } from './png.ts';

const answer = (): Reply => ({ embeds: [{ title: 'Level 80 → 100', description: '**976,604 runes** from level 80 to level 100.' }, { title: 'second' }] });

const fakeImage = (name = 'chart.png', bytes = 100): ChartImage => ({ name, data: Buffer.alloc(bytes, 1), description: 'A chart.', width: 800, height: 400 });

describe('attachChart', () => {
  it('attaches a real chart and shows it in the first embed', async () => {
    const reply = await attachChart(answer(), (charts) => charts.levelCostChart({ from: 80, to: 100 }));
    expect(reply.files).toHaveLength(1);
    const file = reply.files![0]!;
    expect(file.name).toBe('rune-cost-80-100.png');
    expect(pngSize(file.data)).toEqual({ width: 800, height: 400 });
    expect(file.description).toMatch(/runes each level costs/);
    expect(reply.embeds![0]!.imageFile).toBe('rune-cost-80-100.png');
    expect(reply.embeds![0]!.description).toBe(answer().embeds![0]!.description);
    expect(reply.embeds![1]!.imageFile).toBeUndefined();
    const body = renderMessage(reply);
    expect(body.embeds![0]!.image).toEqual({ url: 'attachment://rune-cost-80-100.png' });
    expect(body.attachments).toEqual([{ id: 0, filename: 'rune-cost-80-100.png', description: file.description }]);
  });

  it('keeps the answer and says why when the input cannot be charted', async () => {
    let told = 0;
    const reply = await attachChart(answer(), (charts) => charts.historyChart({ entries: [] }), { onError: () => told++ });
    expect(reply.files ?? []).toHaveLength(0);
    expect(reply.embeds![0]!.imageFile).toBeUndefined();
    expect(reply.embeds![0]!.description).toMatch(/^\*\*976,604 runes\*\*.*\n\n\*No chart: There is no rune ledger yet/s);
    expect(told).toBe(0); // a player's input, not a failure to log
  });

  it('keeps the answer with a short note when drawing fails, and reports the failure', async () => {
    const errors: unknown[] = [];
    const reply = await attachChart(
      answer(),
      async () => {
        throw new Error('canvas exploded');
      },
      { onError: (error) => errors.push(error) },
    );
    expect(reply.files ?? []).toHaveLength(0);
    expect(reply.embeds![0]!.description).toMatch(/\n\n\*The chart could not be drawn this time; the answer above is complete\.\*$/);
    expect(renderText(reply)).not.toMatch(/canvas exploded/);
    expect(errors).toHaveLength(1);
  });

  it('refuses a chart above the upload limit instead of sending a message Discord would reject', async () => {
    const errors: unknown[] = [];
    const reply = await attachChart(answer(), async () => fakeImage('big.png', DiscordLimits.ATTACHMENT_BYTES + 1), { onError: (e) => errors.push(e) });
    expect(reply.files ?? []).toHaveLength(0);
    expect(reply.embeds![0]!.description).toMatch(/too large/);
    expect(errors).toHaveLength(1);
  });

  it('notes the failure in the content of a reply without an embed', async () => {
    const reply = await attachChart({ content: 'Plain answer.' }, async () => {
      throw new ChartInputError('Nothing to draw.');
    });
    expect(reply.content).toBe('Plain answer.\n\n*No chart: Nothing to draw.*');
  });
});

describe('files in the Discord body', () => {
  it('makes names safe for attachment:// and unique, keeping the embed pointed at the right file', () => {
    expect(attachmentName('rune-cost-80-100.png')).toBe('rune-cost-80-100.png');
    expect(attachmentName('Miriel’s history (2).png')).toBe('Miriel-s-history-2-.png');
    expect(attachmentName('../../etc/passwd')).toBe('etc-passwd');
    expect(attachmentName('.png')).toBe('file.png');
    expect(attachmentName(`${'x'.repeat(300)}.png`)).toBe(`${'x'.repeat(96)}.png`);
    const reply: Reply = {
      embeds: [{ title: 'a', imageFile: 'my chart.png' }],
      files: [
        { name: 'my-chart.png', data: Buffer.from('first') },
        { name: 'my chart.png', data: Buffer.from('second') },
      ],
    };
    const sent = renderFiles(reply.files);
    expect(sent.map((f) => f.name)).toEqual(['my-chart.png', 'my-chart-2.png']);
    const body = renderMessage(reply);
    expect(body.embeds![0]!.image).toEqual({ url: 'attachment://my-chart-2.png' });
    expect(body.attachments!.map((a) => a.filename)).toEqual(['my-chart.png', 'my-chart-2.png']);
  });

  it('sends at most 10 files, none above 10 MiB, and drops the image of a file not sent', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from(String(i)) }));
    expect(renderFiles(many)).toHaveLength(DiscordLimits.ATTACHMENTS_PER_MESSAGE);
    const reply: Reply = {
      embeds: [{ imageFile: 'huge.png' }],
      files: [{ name: 'huge.png', data: Buffer.alloc(DiscordLimits.ATTACHMENT_BYTES + 1) }],
    };
    const body = renderMessage(reply);
    expect(body.attachments).toBeUndefined();
    expect(body.embeds).toEqual([]);
    expect(body.content).toBe('\u200b');
  });

  it('keeps an embed that only shows an image, and cuts a long description', () => {
    const body = renderMessage({ embeds: [{ imageFile: 'c.png' }], files: [{ name: 'c.png', data: Buffer.from('png'), description: 'd'.repeat(2000) }] });
    expect(body.embeds).toEqual([{ image: { url: 'attachment://c.png' } }]);
    expect(body.attachments![0]!.description).toHaveLength(DiscordLimits.ATTACHMENT_DESCRIPTION);
  });

  it('names the image and the attached file in console text', () => {
    const text = renderText({ embeds: [{ title: 'Level 1 → 2', imageFile: 'c.png' }], files: [{ name: 'c.png', data: Buffer.alloc(2048) }] });
    expect(text).toContain('[image: c.png, attached below]');
    expect(text).toContain('Attachment: c.png (2.0 KiB)');
  });
});
