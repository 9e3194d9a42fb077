// A chart that cannot be drawn never breaks the reply: with the chart module failing to load (as when
// the canvas library is missing on a machine), `chart:true` still gets the full text answer with one
// short note, and the failure is logged (not shown as an error id).

import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp, text } from './runes-helpers.ts';

vi.mock('../../src/render/charts/draw.ts', () => {
  throw new Error('the canvas library could not be loaded');
});

const t = makeTestApp();
afterAll(() => t.close());

describe('chart:true when charts cannot be drawn', () => {
  it('/runes level answers in full, with a note instead of the picture', async () => {
    const reply = await t.run('runes', 'level', { from: 1, to: 150, chart: true });
    expect(reply.files ?? []).toHaveLength(0);
    expect(reply.embeds![0]!.imageFile).toBeUndefined();
    const out = text(reply);
    expect(out).toContain('7,112,459');
    expect(out).toContain('The chart could not be drawn this time; the answer above is complete.');
    expect(out).not.toMatch(/canvas|error/i);
    expect(t.logs.some((l) => l.msg === 'chart could not be drawn')).toBe(true);
    expect(t.unexpected()).toEqual([]);
  });

  it('/runes farm answers in full, with a note instead of the picture', async () => {
    const reply = await t.run('runes', 'farm', { per_run: 50_000, target: 'level 150', chart: true });
    expect(reply.files ?? []).toHaveLength(0);
    expect(text(reply)).toContain('143 runs');
    expect(text(reply)).toContain('The chart could not be drawn this time');
    expect(t.unexpected()).toEqual([]);
  });
});
