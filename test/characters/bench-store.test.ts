// The store benchmark stays runnable (figures themselves are for `npm run bench`, not asserted here).
import { describe, expect, it } from 'vitest';
import { benchPostgresStore, benchStore } from '../../bench/store.ts';
import { postgres } from './helpers.ts';

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

  it.skipIf(postgres().url === null)(`returns figures for the store on PostgreSQL and its baseline${postgres().url ? '' : ` (skipped: ${postgres().reason})`}`, async () => {
    const result = await benchPostgresStore(postgres().url!, { commands: 60 });
    expect(result.backend).toBe('postgres');
    expect(result.figures).toHaveLength(2);
    expect(result.baseline).toMatch(/^baseline: autocommit/);
    for (const f of result.figures) {
      expect(f.commands).toBe(60);
      expect(f.commandsPerSecond).toBeGreaterThan(0);
      expect(f.p99Ms).toBeGreaterThanOrEqual(f.p50Ms);
    }
  });
});
