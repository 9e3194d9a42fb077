// A sharded gateway with discord.js's own machinery. Discord requires sharding from 2,500 servers (each
// shard carries at most 2,500; GET /gateway/bot recommends about one per 1,000).
//   GATEWAY_SHARD_MODE=internal  every shard in this one process (Client option `shards`), the default;
//   GATEWAY_SHARD_MODE=process   discord.js's ShardingManager: this process spawns one child per shard
//                                running the same entry point (src/main.ts, or dist/src/main.js), restarts
//                                a child that dies, and stops them all on SIGTERM.
// The shard count is asked of Discord at DISCORD_API_BASE (discord.js's own 'auto' always asks
// discord.com), so the fake Discord in the tests can recommend a count too.

import type { REST } from '@discordjs/rest';
import type { ShardingManager, Shard } from 'discord.js';
import type { Config, ShardingConfig } from '../config.ts';
import type { Logger } from '../log.ts';

/** Discord's identify window: shards in the same rate-limit bucket identify at most once per 5 s. */
export const IDENTIFY_INTERVAL_MS = 5_500;
/** How long a spawned shard may take to report ready (its start-up and its servers arriving). */
export const SHARD_READY_TIMEOUT_MS = 90_000;

export interface GatewayInfo {
  url: string;
  shards: number;
  maxConcurrency: number;
  remaining: number;
}

export async function fetchGatewayInfo(apiBase: string, token: string): Promise<GatewayInfo> {
  const { REST: Rest } = await import('@discordjs/rest');
  const rest: REST = new Rest({ api: apiBase, retries: 2 }).setToken(token);
  const info = (await rest.get('/gateway/bot')) as { url: string; shards: number; session_start_limit: { remaining: number; max_concurrency: number } };
  return { url: info.url, shards: info.shards, maxConcurrency: Math.max(1, info.session_start_limit.max_concurrency), remaining: info.session_start_limit.remaining };
}

/** Client options for one process: every shard here ('internal'), or what the ShardingManager assigned. */
export function clientShardOptions(sharding: ShardingConfig | undefined): { shards?: 'auto' | number[]; shardCount?: number } {
  if (!sharding || sharding.managedShard) return {}; // discord.js reads SHARDS / SHARD_COUNT given by the manager
  if (sharding.count === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: sharding.count }, (_, id) => id), shardCount: sharding.count };
}

export interface RunningShards {
  manager: ShardingManager;
  count: number;
  /** Stop every shard (SIGTERM: each finishes its in-flight work), without respawning them. */
  stop(timeoutMs?: number): Promise<boolean>;
}

function waitForExit(shard: Shard, timeoutMs: number): Promise<boolean> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(false);
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/**
 * GATEWAY_SHARD_MODE=process: spawn one process per shard with discord.js's ShardingManager, in groups of
 * `max_concurrency` (one per identify bucket), 5.5 s apart, each group once the previous one is ready.
 */
export async function startShardProcesses(config: Config & { sharding: ShardingConfig; discordToken: string }, logger: Logger, entry: string): Promise<RunningShards> {
  const info = await fetchGatewayInfo(config.discordApiBase, config.discordToken);
  const count = config.sharding.count === 'auto' ? info.shards : config.sharding.count;
  if (info.remaining < count) throw new Error(`Discord allows ${info.remaining} more gateway sessions today, fewer than the ${count} shards`);
  const { ShardingManager: Manager } = await import('discord.js');
  const manager = new Manager(entry, {
    totalShards: count,
    mode: 'process',
    respawn: true,
    token: config.discordToken,
    // Keep the loader (tsx when running from the sources) and any node flags the operator gave.
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    shard.on('death', (child) => logger.warn({ shardId: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'shard process exited'));
    shard.on('ready', () => logger.info({ shardId: shard.id }, 'shard ready'));
  });
  logger.info({ shards: count, recommended: info.shards, maxConcurrency: info.maxConcurrency, mode: 'process' }, 'starting gateway shards');
  let stopped = false;
  const stop = async (timeoutMs = 15_000): Promise<boolean> => {
    stopped = true;
    manager.respawn = false;
    const shards = [...manager.shards.values()];
    for (const shard of shards) shard.process?.kill('SIGTERM');
    const results = await Promise.all(shards.map((shard) => waitForExit(shard, timeoutMs)));
    return results.every(Boolean);
  };
  try {
    for (let first = 0; first < count && !stopped; first += info.maxConcurrency) {
      if (first > 0) await new Promise((resolve) => setTimeout(resolve, IDENTIFY_INTERVAL_MS));
      const group = Array.from({ length: Math.min(info.maxConcurrency, count - first) }, (_, i) => manager.createShard(first + i));
      await Promise.all(group.map((shard) => shard.spawn(SHARD_READY_TIMEOUT_MS)));
    }
  } catch (error) {
    await stop(5_000);
    throw error;
  }
  return { manager, count, stop };
}
