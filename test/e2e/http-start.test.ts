// `npm start` as an operator runs it, in HTTP interactions mode: the prestart step compiles the bot to
// dist/ and node runs the compiled JavaScript; it answers a signed PING and a command, and stops cleanly
// when its process group gets SIGTERM (as from a terminal's Ctrl+C, systemd or a container runtime).
// Bad HTTP settings stop the start with one line naming the variable.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, ping, slashCommand } from '../fake-discord/payloads.ts';
import { InteractionSender } from '../fake-discord/interactions.ts';
import { FakeDiscord } from '../fake-discord/server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
let fake: FakeDiscord;
let dir: string;

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tl-http-start-'));
});

afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

function collect(child: ReturnType<typeof spawn>) {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { exited, output: () => ({ stdout, stderr }) };
}

function logLines(text: string): { msg?: string; port?: number }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; port?: number });
}

describe('npm start in HTTP interactions mode', () => {
  it('builds dist/, runs the compiled bot, answers a signed PING and /help, and stops cleanly on SIGTERM', async () => {
    const sender = new InteractionSender('http://127.0.0.1', fake);
    const child = spawn('npm', ['start'], {
      cwd: root,
      detached: true, // its own process group, signalled as a whole below
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: sender.publicKeyHex,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_BASE: fake.restBase,
        DATABASE_PATH: path.join(dir, 'db.sqlite'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = collect(child);
    try {
      await expect.poll(() => logLines(run.output().stdout).find((l) => l.msg === 'listening for HTTP interactions')?.port, { timeout: 120_000, interval: 100 }).toBeTruthy();
      expect(run.output().stdout).toContain('node dist/src/main.js');
      expect(existsSync(path.join(root, 'dist', 'src', 'main.js'))).toBe(true);
      sender.endpoint = `http://127.0.0.1:${logLines(run.output().stdout).find((l) => l.msg === 'listening for HTTP interactions')!.port}`;

      const pong = await sender.send(ping());
      expect(pong.status).toBe(200);
      expect(pong.raw.toString('utf8')).toBe('{"type":1}');
      const help = await sender.send(slashCommand('help', { guild: true }));
      expect(help.status).toBe(200);
      expect([4, 5]).toContain(help.body.type);
      // The compiled bot finds its data: the item index is built in the background after start.
      await expect.poll(() => logLines(run.output().stdout).find((l) => l.msg === 'item index ready'), { timeout: 60_000 }).toMatchObject({ items: expect.any(Number) });
      expect((logLines(run.output().stdout).find((l) => l.msg === 'item index ready') as { items: number }).items).toBeGreaterThan(1000);

      process.kill(-child.pid!, 'SIGTERM');
      await run.exited;
      expect(run.output().stdout).toContain('stopped cleanly');
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 180_000);
});

describe('bad HTTP settings: one line naming the variable, exit 1', () => {
  function start(env: Record<string, string>) {
    const child = spawn(tsx, ['src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: path.join(dir, 'x.sqlite'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return collect(child);
  }
  const key = 'ab'.repeat(32);

  it.each([
    ['HTTP_PORT without a public key', { HTTP_PORT: '8080', DISCORD_APPLICATION_ID: APPLICATION_ID }, 'DISCORD_PUBLIC_KEY'],
    ['HTTP_PORT without an application id', { HTTP_PORT: '8080', DISCORD_PUBLIC_KEY: key }, 'DISCORD_APPLICATION_ID'],
    ['a port that is not a number', { HTTP_PORT: 'eighty', DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: APPLICATION_ID }, 'HTTP_PORT'],
    ['a public key that is not 64 hex characters', { HTTP_PORT: '8080', DISCORD_PUBLIC_KEY: 'not-a-key', DISCORD_APPLICATION_ID: APPLICATION_ID }, 'DISCORD_PUBLIC_KEY'],
    ['shards with HTTP_PORT', { HTTP_PORT: '8080', DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: APPLICATION_ID, GATEWAY_SHARDS: '2' }, 'GATEWAY_SHARDS'],
    ["discord.js's own SHARD_COUNT", { DISCORD_TOKEN: 'x', SHARD_COUNT: 'auto' }, 'SHARD_COUNT'],
  ])('%s', async (_label, env, variable) => {
    const run = start(env);
    expect(await run.exited).toBe(1);
    const { stdout, stderr } = run.output();
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^Invalid ${variable}: `));
  });

  it('a port already in use stops the start with a clear reason', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const run = start({ HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: APPLICATION_ID });
      expect(await run.exited).toBe(1);
      expect(logLines(run.output().stdout).some((l) => l.msg === `HTTP_PORT ${port} is already in use.`)).toBe(true);
    } finally {
      busy.close();
    }
  });
});

describe('bench/start.ts stays runnable', () => {
  // The figures are for `npm run bench`; here only that every bot starts, answers and is measured.
  it('measures every bot in both modes', async () => {
    const { benchStart } = await import('../../bench/start.ts');
    // Without the tsx variants, to keep the test suite light on a shared machine.
    const figures = await benchStart({ runs: 1, interactions: 20, concurrency: 4, underLoad: false, withTsx: false });
    expect(figures.map((f) => `${f.mode}: ${f.echo ? 'echo' : 'bot'}`)).toEqual(['gateway: bot', 'gateway: echo', 'http: bot', 'http: echo']);
    for (const f of figures) {
      expect(f.startMs).toHaveLength(1);
      expect(f.startMs[0]).toBeGreaterThan(0);
      expect(f.item.interactions).toBe(20);
      expect(f.autocomplete.interactions).toBe(20);
      expect(f.rssAfterReadyMb).toBeGreaterThan(0);
    }
  }, 240_000);
});
