// Runes held and the rune ledger: every change to runes held is one ledger entry written in the same
// transaction as the character row (replay.ts states the rules an entry follows). Each function is one
// transaction that reads the character under the write lock, checks, changes, and returns the card as it
// is after the change.

import { MAX_STAT, type Stat } from '../game/classes.ts';
import { runesBetween } from '../runes/levels.ts';
import { classOf, ownerOf } from './characters.ts';
import { StoreError, invalid, type SpendAction } from './errors.ts';
import type { Query } from './db.ts';
import { entryCount, postEntry, refGuild, resolveRef, saveRow, viewOf, type StoreContext } from './rows.ts';
import { toCharacter, toEntry, type CharacterRow } from './tables.ts';
import type { CharacterRef, HistoryPage, HistoryTotals, LedgerEntry, LedgerKind, SpendKind } from './types.ts';
import {
  ITEM_MAX_LENGTH,
  MAX_REGULAR_UPGRADE,
  MAX_SOMBER_UPGRADE,
  RUNE_CAP,
  checkStatValue,
  cleanNote,
  cleanText,
  requireInteger,
  requireStat,
} from './validate.ts';

function insufficient(row: CharacterRow, required: number, action: SpendAction): StoreError<'insufficient_runes'> {
  return new StoreError('insufficient_runes', { required, held: row.runes_held, shortfall: required - row.runes_held, action });
}

/**
 * The shape of every operation here: one write transaction that reads the referenced character under the
 * lock, lets `work` check and change it (posting ledger entries through `q`), saves it, and returns what
 * `work` returned with the character and its card as they are after the change.
 */
async function change<R extends object>(ctx: StoreContext, ref: CharacterRef, work: (q: Query, row: CharacterRow, at: number) => Promise<R>) {
  return ctx.db.write(ownerOf(ref), async (q) => {
    const row = await resolveRef(ctx, q, ref, true);
    const result = await work(q, row, ctx.now());
    await saveRow(ctx, q, row);
    return { ...result, character: toCharacter(row), view: await viewOf(ctx, q, row, refGuild(ref)) };
  });
}

/** Sets runes held, recording the difference as a correction (possibly 0). */
export async function setRunes(ctx: StoreContext, ref: CharacterRef, amountRaw: number, noteRaw?: string | null) {
  const amount = requireInteger(amountRaw, 'runes_held', 0, RUNE_CAP);
  const note = cleanNote(noteRaw);
  return change(ctx, ref, async (q, row, at) => {
    const previous = row.runes_held;
    return { previous, entry: await postEntry(q, row, 'correction', amount - previous, { note }, at) };
  });
}

/** Runes earned (positive) or taken away (negative, recorded as a correction). */
export async function addRunes(ctx: StoreContext, ref: CharacterRef, amountRaw: number, noteRaw?: string | null) {
  const amount = requireInteger(amountRaw, 'runes_to_add', -RUNE_CAP, RUNE_CAP);
  if (amount === 0) throw invalid({ reason: 'zero', field: 'runes_to_add' });
  const note = cleanNote(noteRaw);
  return change(ctx, ref, async (q, row, at) => {
    if (amount < 0 && row.runes_held + amount < 0) throw insufficient(row, -amount, { kind: 'take_away', amount: -amount });
    if (row.runes_held + amount > RUNE_CAP) throw new StoreError('rune_cap', { held: row.runes_held, amount, cap: RUNE_CAP });
    return { entry: await postEntry(q, row, amount > 0 ? 'earned' : 'correction', amount, { note }, at) };
  });
}

/** Raises one stat by `points` levels, spending exactly the game's cost from the current level. */
export async function levelUp(ctx: StoreContext, ref: CharacterRef, statRaw: Stat | string, pointsRaw: number = 1, noteRaw?: string | null) {
  const stat = requireStat(statRaw);
  const points = requireInteger(pointsRaw, 'points', 1, 98);
  const note = cleanNote(noteRaw);
  return change(ctx, ref, async (q, row, at) => {
    const fromValue = row[stat];
    const toValue = fromValue + points;
    if (toValue > MAX_STAT) throw invalid({ reason: 'stat_past_max', stat, fromValue, points, toValue, max: MAX_STAT });
    checkStatValue(classOf(row), stat, toValue);
    const fromLevel = row.level;
    const toLevel = fromLevel + points;
    const cost = runesBetween(fromLevel, toLevel);
    if (row.runes_held < cost) throw insufficient(row, cost, { kind: 'level_up', stat, fromValue, toValue, fromLevel, toLevel });
    row[stat] = toValue;
    row.level = toLevel;
    const entry = await postEntry(q, row, 'level_up', -cost, { stat, points, note }, at);
    return { entry, cost, fromLevel, toLevel, stat, fromValue, toValue };
  });
}

/** A merchant purchase or a smithing cost. */
export async function spend(ctx: StoreContext, ref: CharacterRef, kind: SpendKind, amountRaw: number, whatRaw: string, noteRaw?: string | null) {
  if (kind !== 'purchase' && kind !== 'upgrade') throw invalid({ reason: 'argument', argument: 'spend_kind' });
  const amount = requireInteger(amountRaw, 'cost', 1, RUNE_CAP);
  const item = cleanText(whatRaw, kind === 'purchase' ? 'item' : 'weapon', ITEM_MAX_LENGTH, true)!;
  const note = cleanNote(noteRaw);
  return change(ctx, ref, async (q, row, at) => {
    if (row.runes_held < amount) throw insufficient(row, amount, { kind, item });
    return { entry: await postEntry(q, row, kind, -amount, { item, note }, at) };
  });
}

export interface UpgradeInput {
  amount: number;
  what: string;
  path: 'regular' | 'somber';
  toLevel: number;
  note?: string | null;
}

/** Spends on a weapon upgrade and raises the highest upgrade of that path if `toLevel` is higher. */
export async function recordUpgrade(ctx: StoreContext, ref: CharacterRef, upgrade: UpgradeInput) {
  if (upgrade === null || typeof upgrade !== 'object') throw invalid({ reason: 'argument', argument: 'upgrade_details' });
  if (upgrade.path !== 'regular' && upgrade.path !== 'somber') throw invalid({ reason: 'argument', argument: 'upgrade_path' });
  const amount = requireInteger(upgrade.amount, 'cost', 1, RUNE_CAP);
  const toLevel = requireInteger(upgrade.toLevel, 'upgrade_level', 1, upgrade.path === 'regular' ? MAX_REGULAR_UPGRADE : MAX_SOMBER_UPGRADE);
  const item = cleanText(upgrade.what, 'weapon', ITEM_MAX_LENGTH, true)!;
  const note = cleanNote(upgrade.note);
  return change(ctx, ref, async (q, row, at) => {
    if (row.runes_held < amount) throw insufficient(row, amount, { kind: 'upgrade', item });
    const entry = await postEntry(q, row, 'upgrade', -amount, { item, note }, at);
    const column = upgrade.path === 'regular' ? 'max_upgrade_regular' : 'max_upgrade_somber';
    const raised = toLevel > row[column];
    if (raised) row[column] = toLevel;
    return { entry, raised };
  });
}

/** A death: an unrecovered bloodstain is lost, and the runes held drop into a new one. */
export async function recordDeath(ctx: StoreContext, ref: CharacterRef, noteRaw?: string | null) {
  const note = cleanNote(noteRaw);
  return change(ctx, ref, async (q, row, at) => {
    const entries: LedgerEntry[] = [];
    const lostBloodstain = row.bloodstain ?? 0;
    if (row.bloodstain !== null) entries.push(await postEntry(q, row, 'lost', 0, { lost: row.bloodstain, bloodstainAfter: null, note }, at));
    const dropped = row.runes_held;
    entries.push(await postEntry(q, row, 'death_drop', -dropped, { bloodstainAfter: dropped > 0 ? dropped : null, note }, at));
    return { dropped, lostBloodstain, entries };
  });
}

/** The bloodstain touched: its runes come back, up to the cap (the excess is lost, as in the game). */
export async function recordRecovery(ctx: StoreContext, ref: CharacterRef, noteRaw?: string | null) {
  const note = cleanNote(noteRaw);
  return change(ctx, ref, async (q, row, at) => {
    if (row.bloodstain === null) throw new StoreError('no_bloodstain', { name: row.name });
    const stain = row.bloodstain;
    const recovered = Math.min(stain, RUNE_CAP - row.runes_held);
    const lostToCap = stain - recovered;
    const entry = await postEntry(q, row, 'recovered', recovered, { lost: lostToCap, bloodstainAfter: null, note }, at);
    return { recovered, lostToCap, entry };
  });
}

/** One page of the ledger, newest first (a page past the end shows the last one), with totals by kind. */
export async function history(ctx: StoreContext, ref: CharacterRef, pageRaw: number = 1, pageSizeRaw: number = 10): Promise<HistoryPage> {
  const pageSize = requireInteger(pageSizeRaw, 'page_size', 1, 100);
  const pageWanted = requireInteger(pageRaw, 'page', 1, Number.MAX_SAFE_INTEGER);
  return ctx.db.read(async (q) => {
    const row = await resolveRef(ctx, q, ref, false);
    const count = await entryCount(q, row);
    const pageCount = Math.max(1, Math.ceil(count / pageSize));
    const page = Math.min(pageWanted, pageCount);
    const entries = await q
      .selectFrom('rune_ledger')
      .selectAll()
      .where('character_id', '=', row.id)
      .where('owner_id', '=', row.owner_id)
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const sums = await q
      .selectFrom('rune_ledger')
      .select((e) => ['kind', e.fn.sum<number>('amount').as('amount'), e.fn.sum<number>('lost').as('lost'), e.fn.countAll<number>().as('n')])
      .where('character_id', '=', row.id)
      .where('owner_id', '=', row.owner_id)
      .groupBy('kind')
      .execute();
    return { character: toCharacter(row), entries: entries.map(toEntry), page, pageSize, pageCount, totals: totalsOf(sums, count) };
  });
}

function totalsOf(sums: { kind: LedgerKind; amount: number | string; lost: number | string; n: number | string }[], count: number): HistoryTotals {
  const totals: HistoryTotals = {
    earned: 0,
    spent: { level_up: 0, purchase: 0, upgrade: 0, total: 0 },
    lost: 0,
    dropped: 0,
    recovered: 0,
    corrections: 0,
    deaths: 0,
    entries: count,
  };
  for (const t of sums) {
    const amount = Number(t.amount);
    totals.lost += Number(t.lost);
    switch (t.kind) {
      case 'earned':
        totals.earned = amount;
        break;
      case 'level_up':
      case 'purchase':
      case 'upgrade':
        totals.spent[t.kind] = -amount;
        totals.spent.total += -amount;
        break;
      case 'death_drop':
        totals.dropped = -amount;
        totals.deaths = Number(t.n);
        break;
      case 'recovered':
        totals.recovered = amount;
        break;
      case 'correction':
        totals.corrections = amount;
        break;
      case 'lost':
        break;
    }
  }
  return totals;
}
