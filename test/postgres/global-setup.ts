// vitest globalSetup: a throwaway PostgreSQL cluster for the whole `npm test` run (scripts/postgres-cluster.ts:
// initdb into a temporary folder, a free loopback port, stopped and removed at the end). Its URL reaches
// the tests through inject('postgres'). Where PostgreSQL is not installed, the PostgreSQL tests skip with
// the reason printed here, unless REQUIRE_POSTGRES=1 (as in CI), which makes the run fail instead.
// TEST_DATABASE_URL=postgres://… uses an existing server instead of starting one.

import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string | null; reason: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const required = process.env.REQUIRE_POSTGRES === '1';
  let cluster: PostgresCluster | null = null;
  let url = process.env.TEST_DATABASE_URL || null;
  let reason = url ? 'TEST_DATABASE_URL' : '';
  if (!url) {
    try {
      cluster = await startPostgresCluster();
      url = cluster.url;
      reason = cluster.version;
    } catch (error) {
      reason = (error as Error).message;
      if (required) throw new Error(`REQUIRE_POSTGRES=1 but no PostgreSQL could be started: ${reason}`);
      process.stderr.write(`\n[postgres] PostgreSQL tests are skipped: ${reason}\n\n`);
    }
  }
  project.provide('postgres', { url, reason });
  return () => cluster?.stop();
}
