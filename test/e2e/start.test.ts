// `npm start` as a real process: with DISCORD_TOKEN and DISCORD_API_BASE pointing at a Discord-compatible
// server, the bot logs in there with no code change, answers /help, and shuts down cleanly on SIGTERM.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { slashCommand } from '../fake-discord/payloads.ts';
import { callbackOf } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
let fake: FakeDiscord;
let dir: string;

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tl-start-'));
});

afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore') {
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('npm start', () => {
  it('connects to the Discord-compatible server in DISCORD_API_BASE, answers /help and stops cleanly on SIGTERM', async () => {
    const bot = run({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.restBase, DATABASE_PATH: path.join(dir, 'db.sqlite'), LOG_LEVEL: 'info' });
    try {
      await fake.waitForReady(1, 20_000);
      // Events sent right after READY are delivered once the client reports ready: give it a moment.
      await expect.poll(() => bot.output().stdout.includes('connected to Discord'), { timeout: 10_000 }).toBe(true);
      const payload = slashCommand('help', { guild: true });
      const waiting = fake.waitForRequest(callbackOf(payload), 10_000);
      fake.dispatch('INTERACTION_CREATE', payload);
      const request = await waiting;
      expect((request.body as { type: number }).type).toBe(4);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.output().stdout).toContain('stopped cleanly');
      expect(bot.output().stdout + bot.output().stderr).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('without a token and without a terminal, prints one clear line and exits 1', async () => {
    const bot = run({ DISCORD_TOKEN: '' });
    expect(await bot.exited).toBe(1);
    const { stdout, stderr } = bot.output();
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/DISCORD_TOKEN is not set/);
  });

  it('rejects a bad setting with one line naming the variable', async () => {
    const bot = run({ DISCORD_TOKEN: 'x', DISCORD_API_BASE: 'not a url' });
    expect(await bot.exited).toBe(1);
    const { stderr } = bot.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid DISCORD_API_BASE: /);
  });
});
