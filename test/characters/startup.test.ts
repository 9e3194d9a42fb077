// DATABASE_PATH and DATABASE_URL are checked once at start, by the console and by `npm start` alike: an
// unusable database is one line naming the variable and what is wrong, exit 1, no stack trace, and no
// command answered. A path under /proc must fail at once (a recursive mkdir there spins forever).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/characters/store.ts';
import { PROJECT_ROOT, runCli } from '../helpers/cli.ts';
import { postgres, tempDir } from './helpers.ts';

const tmp = tempDir('characters-startup-');
afterAll(() => tmp.cleanup());

function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, variable: string, problem: RegExp): string {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]!.startsWith(`${variable} `), lines[0]).toBe(true);
  expect(lines[0]).toMatch(problem);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|Something went wrong/);
  return lines[0]!;
}

const cli = (env: Record<string, string>) => runCli(['/character list'], { env });

describe('a bad DATABASE_PATH, in the console', () => {
  it('a path below a file: names the file that is not a folder', () => {
    expectOneLine(cli({ DATABASE_PATH: '/dev/null/x.sqlite' }), 'DATABASE_PATH', /\/dev\/null is not a folder/);
  });

  it('a folder', () => {
    expectOneLine(cli({ DATABASE_PATH: tmp.dir }), 'DATABASE_PATH', /is a folder, not a database file/);
  });

  it('a file that is not a database, left as it was', () => {
    const junk = path.join(tmp.dir, 'notes.txt');
    writeFileSync(junk, 'remember the bloodstain\n'.repeat(200));
    expectOneLine(cli({ DATABASE_PATH: junk }), 'DATABASE_PATH', /is not a SQLite database file/);
    expect(spawnSync('cat', [junk], { encoding: 'utf8' }).stdout).toBe('remember the bloodstain\n'.repeat(200));
  });

  it('a folder that cannot be created (under /proc): fails at once instead of spinning', () => {
    expectOneLine(cli({ DATABASE_PATH: '/proc/tarnished-ledger/db/x.sqlite' }), 'DATABASE_PATH', /the folder \/proc\/tarnished-ledger cannot be created/);
  });

  it('a place where the file cannot be created (/sys)', () => {
    expectOneLine(cli({ DATABASE_PATH: '/sys/tarnished-ledger.sqlite' }), 'DATABASE_PATH', /the file cannot be created or opened \((permission denied|operation not permitted)\)/);
  });

  it.skipIf(process.getuid?.() === 0)('a database file that cannot be written (as a user without write permission; root may write anything)', async () => {
    const file = path.join(tmp.dir, 'read-only.sqlite');
    await (await openStore(file)).close();
    chmodSync(file, 0o444);
    expectOneLine(cli({ DATABASE_PATH: file }), 'DATABASE_PATH', /cannot be written/);
  });

  it('a good path with missing folders works, creating them one level at a time', () => {
    const file = path.join(tmp.dir, 'a', 'b', 'db.sqlite');
    const result = cli({ DATABASE_PATH: file });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/no characters/i);
  });
});

describe('a bad DATABASE_PATH for `npm start`', () => {
  it('stops before connecting to Discord: one line, exit 1', () => {
    mkdirSync(path.join(tmp.dir, 'home'), { recursive: true });
    const result = spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: path.join(tmp.dir, 'home'),
        DISCORD_TOKEN: 'not.a.real.token',
        DISCORD_API_BASE: 'http://127.0.0.1:1/api',
        DATABASE_PATH: '/dev/null/x.sqlite',
      },
    });
    expectOneLine({ code: result.status, stdout: result.stdout, stderr: result.stderr }, 'DATABASE_PATH', /\/dev\/null is not a folder/);
  });
});

describe('a bad DATABASE_URL', () => {
  it('not a PostgreSQL URL', () => {
    const result = cli({ DATABASE_URL: 'mysql://localhost/db' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host:5432/database.');
  });

  it('nothing listening: one line, without the password', () => {
    const line = expectOneLine(cli({ DATABASE_URL: 'postgres://bot:hunter2@127.0.0.1:1/ledger' }), 'DATABASE_URL', /cannot connect to PostgreSQL \(connection refused\)/);
    expect(line).toContain('postgres://bot@127.0.0.1:1/ledger');
    expect(line).not.toContain('hunter2');
  });

  it.skipIf(postgres().url === null)('a server without that database', () => {
    const url = new URL(postgres().url!);
    url.pathname = '/no_such_database';
    expectOneLine(cli({ DATABASE_URL: url.toString() }), 'DATABASE_URL', /cannot connect to PostgreSQL \(no such database\)/);
  });

  it.skipIf(postgres().url === null)('a working one is used instead of DATABASE_PATH', () => {
    const url = postgres().url!;
    const result = cli({ DATABASE_URL: url, DATABASE_PATH: '/dev/null/never-used.sqlite' });
    expect(result.code, result.stderr).toBe(0);
  });
});
