// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb into a temporary folder, start
// it on a free loopback port, hand back its URL, and stop and remove it afterwards. Nothing is installed:
// it uses the PostgreSQL binaries already on the machine (PG_BIN, else `pg_config --bindir`, else the
// newest /usr/lib/postgresql/<version>/bin). initdb and pg_ctl refuse to run as root, so as root they run
// as the `postgres` user (runuser), which then owns the temporary folder.
//   npx tsx scripts/postgres-cluster.ts     starts one, prints its URL, and stops it on Ctrl-C

import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PostgresCluster {
  url: string;
  version: string;
  dir: string;
  stop(): void;
}

/** The folder holding initdb, pg_ctl and postgres, or null with the reason none was found. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): { bin: string } | { bin: null; reason: string } {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
  if (env.PG_BIN) return has(env.PG_BIN) ? { bin: env.PG_BIN } : { bin: null, reason: `PG_BIN=${env.PG_BIN} holds no initdb/pg_ctl/postgres` };
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dir && has(dir)) return { bin: dir };
  } catch {
    // no pg_config on PATH: look in the usual Debian/Ubuntu place
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => has(join(root, v, 'bin')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions.length > 0) return { bin: join(root, versions[0]!, 'bin') };
  return { bin: null, reason: 'no PostgreSQL binaries found (set PG_BIN, put pg_config on PATH, or install PostgreSQL 15)' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Starts a fresh cluster (trust authentication on 127.0.0.1 only; durability off: it is thrown away). */
export async function startPostgresCluster(options: { bin?: string } = {}): Promise<PostgresCluster> {
  const found = options.bin ? { bin: options.bin } : findPostgresBin();
  if (!found.bin) throw new Error((found as { reason: string }).reason);
  const bin = found.bin;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const owner = asRoot ? postgresUser() : null;
  if (asRoot && !owner) throw new Error('running as root, but there is no `postgres` user to run initdb and pg_ctl as');
  const run = (file: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, file);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, file), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 120_000, cwd: tmpdir() });
    if (result.status !== 0) throw new Error(`${file} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error ?? '')).trim()}`);
    return result.stdout;
  };
  const dir = mkdtempSync(join(tmpdir(), 'tl-postgres-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const stop = () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '60']);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freePort();
      const settings = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        `-c unix_socket_directories='${dir}'`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        run('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', settings]);
        const version = run('postgres', ['--version']).trim();
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, dir, stop };
      } catch (error) {
        lastError = error; // most likely the port was taken in between: try another
      }
    }
    throw lastError;
  } catch (error) {
    stop();
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cluster = await startPostgresCluster();
  process.stdout.write(`${cluster.version} at ${cluster.url} (Ctrl-C stops and removes it)\n`);
  const done = () => {
    cluster.stop();
    process.exit(0);
  };
  process.once('SIGINT', done);
  process.once('SIGTERM', done);
  setInterval(() => undefined, 60_000);
}
