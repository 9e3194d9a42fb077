// Two replicas of the bot in HTTP interactions mode, each its own process started like `npm start`
// (src/main.ts with HTTP_PORT), over ONE database, as behind a load balancer: 200 concurrent
// `/character runes add` for one user's one character, alternating between the replicas. Nothing may be
// lost and nothing refused: every command answers with the new balance, the balances form one chain
// (each one is the previous one plus that command's amount: every write saw the one before it), and the
// final balance is the exact sum.
//
// Backends: a shared SQLite file always; PostgreSQL as well, on the test cluster `npm test` starts
// (test/postgres/global-setup.ts), in a fresh database of its own: the replicas get DATABASE_URL and the
// test also checks that no SQLite file was made.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { APPLICATION_ID, slashCommand, user } from '../fake-discord/payloads.ts';
import { InteractionSender, type InteractionResponse } from '../fake-discord/interactions.ts';
import { FakeDiscord } from '../fake-discord/server.ts';

const root = path.resolve(import.meta.dirname, '../..');
// `node --import tsx` rather than the tsx command: the command relays a signal to its child and kills
// the child if it has not reacted within a few tens of milliseconds, which a busy machine can exceed.
const TSX_NODE = [process.execPath, ['--import', 'tsx']] as const;
const WRITES = 200;
const server = inject('postgres');
const postgresServer = server?.url ?? undefined;
const replicaDatabase = `tl_replicas_${process.pid}_${randomInt(1_000_000)}`;
/** The test server's URL, pointing at the replicas' own database. */
const postgresUrl = postgresServer ? Object.assign(new URL(postgresServer), { pathname: `/${replicaDatabase}` }).href : undefined;

async function createReplicaDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServer });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${replicaDatabase}`);
  } finally {
    await client.end();
  }
}

interface Replica {
  child: ChildProcess;
  endpoint: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(TSX_NODE[0], [...TSX_NODE[1], 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start listening:\n${output}`)), 90_000);
    const look = () => {
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening for HTTP interactions' && entry.port) {
          clearTimeout(timer);
          child.stdout!.off('data', look);
          resolve(entry.port);
        }
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => reject(new Error(`replica exited with ${code}:\n${output}`)));
  });
  return { child, endpoint: `http://127.0.0.1:${port}`, output: () => output, exited };
}

const backends: { name: string; env: (dir: string) => Record<string, string>; prepare?: () => Promise<void> }[] = [
  { name: 'a shared SQLite file', env: (dir) => ({ DATABASE_PATH: path.join(dir, 'shared.sqlite') }) },
  ...(postgresUrl
    ? [{ name: 'PostgreSQL (DATABASE_URL)', env: (dir: string) => ({ DATABASE_URL: postgresUrl, DATABASE_PATH: path.join(dir, 'must-not-exist.sqlite') }), prepare: createReplicaDatabase }]
    : []),
];

if (!postgresUrl) {
  describe('two HTTP replicas over PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL test server (${server?.reason ?? 'no global setup'}), so only the shared SQLite file is tested`, () => undefined);
  });
}

describe.each(backends)('two HTTP replicas over $name', (backend) => {
  let fake: FakeDiscord;
  let dir: string;
  let sender: InteractionSender;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    fake = await new FakeDiscord().start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'tl-replicas-'));
    sender = new InteractionSender('http://127.0.0.1', fake);
    await backend.prepare?.();
    const env = {
      HOME: dir,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      DISCORD_PUBLIC_KEY: sender.publicKeyHex,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_BASE: fake.restBase,
      LOG_LEVEL: 'info',
      ...backend.env(dir),
    };
    replicas = await Promise.all([startReplica(env), startReplica(env)]);
  }, 120_000);

  afterAll(async () => {
    for (const replica of replicas) replica.child.kill('SIGKILL');
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** What the command finally says: the HTTP response, or the webhook edit after a deferral. */
  async function answer(response: InteractionResponse, token: string): Promise<string> {
    expect(response.status).toBe(200);
    if (response.body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APPLICATION_ID}/${token}/messages/@original`, 120_000);
      return JSON.stringify(edit.body);
    }
    expect(response.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    return JSON.stringify(response.body.data);
  }

  async function run(replica: Replica, payload: { token: string }): Promise<string> {
    return answer(await sender.send(payload, { endpoint: replica.endpoint }), payload.token);
  }

  it(`${WRITES} concurrent writes for one user, alternating between the replicas: nothing lost, nothing refused, the balance exact`, async () => {
    // A fresh user each run, so a shared PostgreSQL database may already hold other data.
    const player = user(`8${randomInt(10 ** 11, 10 ** 12)}000001`, 'tarnished');
    const created = await run(replicas[0]!, slashCommand('character', { path: ['create'], values: { name: 'Miriel', class: 'Vagabond' }, user: player }));
    expect(created).toContain('Miriel');

    // Amounts 1, 2, … 200: every write is told apart by its amount.
    const amounts = Array.from({ length: WRITES }, (_, i) => i + 1);
    const replies = await Promise.all(
      amounts.map(async (amount, i) => {
        const payload = slashCommand('character', { path: ['runes', 'add'], values: { amount }, user: player });
        const text = await run(replicas[i % 2]!, payload);
        return { amount, text };
      }),
    );

    const balances = new Map<number, number>();
    for (const { amount, text } of replies) {
      const match = /earned ([\d,]+) runes, now holding \*\*([\d,]+)\*\*/.exec(text);
      expect(match, `write of ${amount} was not applied: ${text}`).not.toBeNull();
      expect(Number(match![1]!.replaceAll(',', ''))).toBe(amount);
      const balance = Number(match![2]!.replaceAll(',', ''));
      expect(balances.has(balance), `two writes reported the same balance ${balance}: one overwrote the other`).toBe(false);
      balances.set(balance, amount);
    }
    // One chain: each balance minus its amount is the balance of another write (or 0 for the first).
    for (const [balance, amount] of balances) {
      const before = balance - amount;
      expect(before === 0 || balances.has(before), `balance ${balance} does not follow any other write`).toBe(true);
    }
    const total = (WRITES * (WRITES + 1)) / 2; // 20,100
    expect(Math.max(...balances.keys())).toBe(total);

    // Both replicas read the same final state.
    for (const replica of replicas) {
      const shown = await run(replica, slashCommand('character', { path: ['show'], user: player }));
      expect(shown).toContain(`Runes held: **${total.toLocaleString('en-US')}**`);
      const history = await run(replica, slashCommand('character', { path: ['history'], user: player }));
      expect(history).toContain(`Held ${total.toLocaleString('en-US')}`);
    }
    // Neither replica logged an error (pino level 50) on the way.
    for (const replica of replicas) expect(replica.output()).not.toMatch(/"level":50/);
  }, 240_000);

  it('both replicas stop cleanly on SIGTERM', async () => {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    for (const replica of replicas) {
      expect(await replica.exited).toBe(0);
      expect(replica.output()).toContain('stopped cleanly');
    }
    if (backend.name.startsWith('PostgreSQL')) expect(existsSync(path.join(dir, 'must-not-exist.sqlite'))).toBe(false);
  }, 60_000);
});
