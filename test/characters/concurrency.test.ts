// Several processes (as under discord.js sharding) writing the same database file at once, starting
// together on a brand-new file: no lost update (every character's final state equals what the processes
// report having done), and no "database is locked" (or any other error) reaching a caller.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STAT_KEYS } from '../../src/game/classes.ts';
import { runesBetween } from '../../src/runes/levels.ts';
import { openStore } from '../../src/characters/store.ts';
import { SEED_RUNES, SHARED_NAMES, SHARED_USER, type ShardReport } from './fixtures/shard-writer.ts';
import { prepareFixture } from './fixtures/spawn-node.ts';
import { tempDir } from './helpers.ts';

const SHARDS = 4;
const OPS = 300;
const ENTRY = fileURLToPath(new URL('./fixtures/shard-writer.ts', import.meta.url));

describe('several processes writing one file', () => {
  const tmp = tempDir('characters-shards-');
  afterAll(() => tmp.cleanup());

  it(`${SHARDS} processes × ${OPS} operations on the same characters: no lost update, no locked error`, async () => {
    const started = Date.now();
    const runner = await prepareFixture(ENTRY, tmp.dir);
    const dbPath = join(tmp.dir, 'new', 'shards.db'); // does not exist yet: the shards race to create and migrate it
    const children = Array.from({ length: SHARDS }, (_, shard) => runner.spawn([dbPath, String(shard), String(OPS), String(1000 + shard)], { stdio: ['pipe', 'pipe', 'pipe'] }));
    const outputs = children.map(
      (child) =>
        new Promise<{ out: string; err: string; code: number | null }>((resolve, reject) => {
          let out = '';
          let err = '';
          child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
          child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
          child.on('error', reject);
          child.on('close', (code) => resolve({ out, err, code }));
        }),
    );
    // Start them all at the same moment, once every one has loaded.
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            const onData = (c: Buffer) => {
              if (c.toString().includes('loaded')) {
                child.stdout!.off('data', onData);
                resolve();
              }
            };
            child.stdout!.on('data', onData);
          }),
      ),
    );
    for (const child of children) child.stdin!.write('go\n');
    const results = await Promise.all(outputs);

    const reports: ShardReport[] = results.map((r) => {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const line = r.out.split('\n').find((l) => l.startsWith('{'));
      expect(line, r.out).toBeDefined();
      return JSON.parse(line!) as ShardReport;
    });
    for (const r of reports) {
      expect(r.errors, `shard ${r.shard}`).toEqual({}); // no busy/locked, no raw SQLite error, no refusal
      expect(r.ops).toBe(OPS);
    }

    const store = openStore(dbPath);
    for (const name of SHARED_NAMES) {
      const c = store.getCharacter(SHARED_USER, { name });
      const sum = (pick: (r: ShardReport) => number | undefined) => reports.reduce((s, r) => s + (pick(r) ?? 0), 0);
      const earned = sum((r) => r.earned[name]);
      const purchased = sum((r) => r.purchased[name]);
      const levelCosts = sum((r) => r.levelCosts[name]);
      const points = sum((r) => Object.values(r.points[name] ?? {}).reduce((a, b) => a + b, 0));
      expect(earned).toBeGreaterThanOrEqual(SHARDS * SEED_RUNES);
      // Each level was paid exactly once, at its own price, whatever the interleaving:
      expect(c.level).toBe(1 + points);
      expect(levelCosts).toBe(runesBetween(1, c.level));
      expect(c.runesHeld).toBe(earned - purchased - levelCosts);
      for (const stat of STAT_KEYS) expect(c.stats[stat]).toBe(10 + sum((r) => r.points[name]?.[stat]));
      expect(store.history({ userId: SHARED_USER, name }).totals.entries).toBe(sum((r) => r.entries[name]));
    }
    for (const r of reports) expect(store.getCharacter(`31000000000000000${r.shard}`, { name: 'Own' }).runesHeld).toBe(r.ownHeld);
    expect(store.checkIntegrity()).toEqual({ ok: true, problems: [] });
    store.close();
    const slowest = Math.max(...reports.map((r) => r.ms));
    console.log(`concurrency test: ${SHARDS} processes × ${OPS} ops (${runner.mode}), slowest shard ${slowest} ms, total ${Date.now() - started} ms`);
  }, 120_000);
});

