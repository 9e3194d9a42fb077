// The store benchmark stays runnable (figures themselves are for `npm run bench`, not asserted here).
import { describe, expect, it } from 'vitest';
import { benchStore } from '../../bench/store.ts';

describe('bench/store.ts', () => {
  it('returns figures for the store and the named baseline', async () => {
    const result = await benchStore({ commands: 60 });
    expect(result.figures).toHaveLength(3);
    expect(result.baseline).toMatch(/^baseline: autocommit/);
    for (const f of result.figures) {
      expect(f.commands).toBe(60);
      expect(f.commandsPerSecond).toBeGreaterThan(0);
      expect(f.p99Ms).toBeGreaterThanOrEqual(f.p50Ms);
    }
  });
});
