// Attack-rating benchmark, each figure beside a baseline measured in the same run:
//   sweep        attackRating for every weapon × affinity × upgrade level at one stat spread, time per
//                weapon (all its affinities and levels) and per rating;
//                baseline: a plain loop reading the same tables (attack base × rate per damage type,
//                correct × rate per stat, for every row and level) with no curve, requirement or result;
//   /weapon ar   the core work of one /weapon ar (name lookup through the item index, prepare, rate), and
//                the whole command through the router (options, defaults, layout, the Discord body), p50
//                and p99 over a mix of weapons and spellings; target: well under 1 ms;
//                baseline: the plain table loop for that one weapon form at that level.
// Run alone with `npx tsx bench/weapons.ts`, or through `npm run bench` (bench/run.ts calls run()).

import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { renderMessage } from '../src/render/discord.ts';
import { resolveItem } from '../src/items/resolve.ts';
import type { ItemRecord } from '../src/items/types.ts';
import type { CommandRequest } from '../src/router/types.ts';
import type { Reply } from '../src/render/types.ts';
import {
  DAMAGE_TYPES,
  WEAPON_STATS,
  WeaponNames,
  attackRating,
  loadWeaponTables,
  prepareAttack,
  ratePrepared,
  type NameResolution,
  type WeaponAffinityRow,
  type WeaponStats,
  type WeaponTables,
} from '../src/weapons/index.ts';

const SPREAD: WeaponStats = { strength: 40, dexterity: 40, intelligence: 20, faith: 20, arcane: 20 };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The baseline: read the same numbers the calculator reads, and add them up. */
function plainRead(tables: WeaponTables, row: WeaponAffinityRow, level: number): number {
  const reinforce = tables.levels(row)[level]!;
  let sum = 0;
  for (const type of DAMAGE_TYPES) sum += (row.attackBase[type] ?? 0) * reinforce.attackRate[type];
  for (const stat of WEAPON_STATS) sum += (row.correct[stat] ?? 0) * reinforce.correctRate[stat];
  return sum;
}

export interface WeaponsBenchResult {
  weapons: number;
  ratings: number;
  sweepMs: number;
  baselineSweepMs: number;
  perWeaponUs: number;
  baselinePerWeaponUs: number;
  core: { p50Us: number; p99Us: number };
  command: { p50Us: number; p99Us: number };
  baselineOne: { p50Us: number; p99Us: number };
}

function sweep(tables: WeaponTables, work: (row: WeaponAffinityRow, weaponIndex: number, level: number) => number): { ms: number; count: number; sink: number } {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  tables.weapons.forEach((weapon, index) => {
    for (const row of weapon.rows) {
      const levels = tables.levels(row).length;
      for (let level = 0; level < levels; level++) {
        sink += work(row, index, level);
        count++;
      }
    }
  });
  return { ms: performance.now() - start, count, sink };
}

function timeEach(count: number, work: (i: number) => unknown): { p50Us: number; p99Us: number } {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    work(i);
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return { p50Us: percentile(times, 50), p99Us: percentile(times, 99) };
}

export async function benchWeapons(): Promise<WeaponsBenchResult> {
  const tables = loadWeaponTables();
  if (!tables) throw new Error('data/attack-rating.json or data/items.json is missing (npm run build-data)');
  const weapons = tables.weapons;

  // Warm both paths once, then measure.
  sweep(tables, (row, i, level) => attackRating(tables, weapons[i]!, { affinity: row.affinity, level, stats: SPREAD }).total);
  sweep(tables, (row, _i, level) => plainRead(tables, row, level));
  const full = sweep(tables, (row, i, level) => attackRating(tables, weapons[i]!, { affinity: row.affinity, level, stats: SPREAD }).total);
  const plain = sweep(tables, (row, _i, level) => plainRead(tables, row, level));

  // One /weapon ar: the names players type, resolved as the command does.
  const texts = ['Rivers of Blood', 'keen uchigatana', 'heavy claymore', 'Moonveil', 'Erdtree Seal', 'claymore heavy', 'bloody longsword', 'Milady', "Celebrant's Keen Sickle", 'rob'];
  const names = new WeaponNames(tables);
  const filter = { categories: ['weapon', 'shield'] as const, accept: (item: ItemRecord) => tables.weapon(item.key) !== undefined };
  const resolver = (text: string): NameResolution => {
    const found = resolveItem(text, filter);
    if (found.kind === 'found') return { kind: 'found', key: found.item.key, exact: found.exact };
    return found.kind === 'ambiguous' ? { kind: 'ambiguous', names: [], total: found.total } : { kind: 'not-found', closest: [] };
  };
  const coreOnce = (i: number) => {
    const found = names.lookup(texts[i % texts.length]!, resolver);
    if (found.kind !== 'found') throw new Error(`bench: ${texts[i % texts.length]} not found`);
    const level = tables.levels(found.weapon.rows[0]!).length - 1;
    return ratePrepared(prepareAttack(tables, found.weapon, { affinity: found.affinity, level }), SPREAD).total;
  };
  for (let i = 0; i < 200; i++) coreOnce(i);
  const core = timeEach(5000, coreOnce);
  const rows = texts.map((text) => {
    const found = names.lookup(text, resolver);
    if (found.kind !== 'found') throw new Error(text);
    return found.weapon.rows.find((r) => r.affinity === (found.affinity ?? r.affinity)) ?? found.weapon.rows[0]!;
  });
  for (let i = 0; i < 200; i++) plainRead(tables, rows[i % rows.length]!, 0);
  const baselineOne = timeEach(5000, (i) => plainRead(tables, rows[i % rows.length]!, 0));

  // The whole command through the router (no database read: every stat is given).
  const app = createApp({ config: loadConfig({ DATABASE_PATH: ':memory:' }), logger: createLogger('silent'), deferAfterMs: 60_000 });
  const request = (i: number): CommandRequest => ({
    user: { id: '100000000000000001', username: 'bench' },
    guildId: null,
    channelId: null,
    locale: 'en-US',
    surface: 'console',
    commandName: 'weapon',
    group: null,
    subcommand: 'ar',
    options: { name: texts[i % texts.length]!, level: 0, ...SPREAD },
  });
  const commandOnce = async (i: number) => {
    let reply: Reply | undefined;
    await app.router.runCommand(request(i), { defer: async () => undefined, send: async (r) => void (reply = r) });
    if (!reply || reply.refused) throw new Error(`bench: /weapon ar refused ${texts[i % texts.length]}`);
    return renderMessage(reply);
  };
  for (let i = 0; i < 100; i++) await commandOnce(i);
  const commandTimes: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const start = performance.now();
    await commandOnce(i);
    commandTimes.push((performance.now() - start) * 1000);
  }
  commandTimes.sort((a, b) => a - b);
  await app.shutdown(1000);

  const result: WeaponsBenchResult = {
    weapons: weapons.length,
    ratings: full.count,
    sweepMs: full.ms,
    baselineSweepMs: plain.ms,
    perWeaponUs: (full.ms * 1000) / weapons.length,
    baselinePerWeaponUs: (plain.ms * 1000) / weapons.length,
    core,
    command: { p50Us: percentile(commandTimes, 50), p99Us: percentile(commandTimes, 99) },
    baselineOne,
  };
  const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  console.log(`stat spread: ${WEAPON_STATS.map((s) => `${s} ${SPREAD[s]}`).join(', ')}`);
  console.log(`sweep: ${result.weapons} weapons, ${result.ratings} ratings (every affinity × level)`);
  console.log(`  attackRating        ${f(result.sweepMs)} ms in all · ${f(result.perWeaponUs)} µs per weapon · ${f((result.sweepMs * 1000) / result.ratings)} µs per rating`);
  console.log(`  baseline: plain read ${f(result.baselineSweepMs)} ms in all · ${f(result.baselinePerWeaponUs)} µs per weapon`);
  console.log(`/weapon ar (target well under 1 ms = 1000 µs):`);
  console.log(`  core (lookup + rate)          p50 ${f(core.p50Us)} µs · p99 ${f(core.p99Us)} µs`);
  console.log(`  whole command via the router  p50 ${f(result.command.p50Us)} µs · p99 ${f(result.command.p99Us)} µs`);
  console.log(`  baseline: plain read of one form  p50 ${f(baselineOne.p50Us)} µs · p99 ${f(baselineOne.p99Us)} µs`);
  return result;
}

export async function run(): Promise<WeaponsBenchResult> {
  return benchWeapons();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchWeapons().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
