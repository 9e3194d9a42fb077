// Several processes (as under discord.js sharding, or HTTP replicas) writing the same database at once,
// starting together on a brand-new database, while other processes keep both CPU cores busy: no lost
// update (every character's final state equals what the processes report having done), and nothing
// refused: no "busy", no raw database error, no refusal of any kind reaching a caller. On SQLite (one file)
// and on PostgreSQL (one schema).
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { STAT_KEYS } from '../../src/game/classes.ts';
import { runesBetween } from '../../src/runes/levels.ts';
import { openStore } from '../../src/characters/store.ts';
import { SEED_RUNES, SHARED_NAMES, SHARED_USER, type ShardReport } from './fixtures/shard-writer.ts';
import { prepareFixture } from './fixtures/spawn-node.ts';
import { backends, tempDir, titleOf } from './helpers.ts';

const SHARDS = 4;
const OPS = 300;
const ENTRY = fileURLToPath(new URL('./fixtures/shard-writer.ts', import.meta.url));

/** One busy-looping process per CPU core (at least two), as on a shared CI machine. */
function saturateCpus(): ChildProcess[] {
  const count = Math.max(2, availableParallelism());
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

describe.each(backends().map((b) => [titleOf(b), b] as const))('several processes writing one database (%s)', (_title, backend) => {
  const tmp = tempDir('characters-shards-');
  afterAll(() => tmp.cleanup());

  it.skipIf(backend.skip !== null)(
    `${SHARDS} processes × ${OPS} operations on the same characters, CPUs saturated: no lost update, nothing refused`,
    async () => {
      const started = Date.now();
      const runner = await prepareFixture(ENTRY, tmp.dir);
      // Does not exist yet: the shards race to create and migrate it (a new file in a new folder, or a new schema).
      const { location, args } = backend.shared(`${tmp.dir}/new`);
      const burners = saturateCpus();
      try {
        const children = Array.from({ length: SHARDS }, (_, shard) => runner.spawn([args[0]!, String(shard), String(OPS), String(1000 + shard)], { stdio: ['pipe', 'pipe', 'pipe'] }));
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
                const onData = (c: Buffer | string) => {
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
          expect(r.errors, `shard ${r.shard}`).toEqual({}); // no busy/locked, no raw database error, no refusal
          expect(r.ops).toBe(OPS);
        }

        const store = await openStore(location);
        for (const name of SHARED_NAMES) {
          const c = await store.getCharacter(SHARED_USER, { name });
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
          expect((await store.history({ userId: SHARED_USER, name })).totals.entries).toBe(sum((r) => r.entries[name]));
        }
        for (const r of reports) expect((await store.getCharacter(`31000000000000000${r.shard}`, { name: 'Own' })).runesHeld).toBe(r.ownHeld);
        expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
        await store.close();
        const slowest = Math.max(...reports.map((r) => r.ms));
        console.log(
          `concurrency test (${backend.name}): ${SHARDS} processes × ${OPS} ops beside ${burners.length} busy loops (${runner.mode}), ` +
            `slowest shard ${slowest} ms, total ${Date.now() - started} ms`,
        );
      } finally {
        for (const burner of burners) burner.kill('SIGKILL');
      }
    },
    300_000,
  );
});
