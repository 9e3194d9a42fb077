// Characters themselves: create, list, read (own, or another user's public one), rename, delete, and the
// edits that change no runes (visibility, stats, progress). Each function is one transaction.

import { findClass, levelFromStats, type Stats } from '../game/classes.ts';
import type { Query } from './db.ts';
import { StoreError, invalid } from './errors.ts';
import {
  activeRow,
  entryCount,
  findByName,
  givenName,
  globalActiveRow,
  guildActiveRow,
  insertRow,
  newRow,
  optionalGuild,
  refGuild,
  resolveRef,
  saveRow,
  viewOf,
  type StoreContext,
} from './rows.ts';
import { statsOf, toCharacter, type CharacterRow } from './tables.ts';
import type { Character, CharacterListing, CharacterRef, CharacterView } from './types.ts';
import {
  MAX_CHARACTERS_PER_USER,
  MAX_JOURNEY,
  MAX_REGULAR_UPGRADE,
  MAX_SOMBER_UPGRADE,
  cleanId,
  cleanName,
  mergeStats,
  nameKey,
  requireClass,
  requireInteger,
} from './validate.ts';

export interface CreateCharacterInput {
  name: string;
  className: string;
  /** Stats differing from the class's starting values. */
  stats?: Partial<Stats>;
  journey?: number;
  maxUpgrade?: { regular?: number; somber?: number };
  isPublic?: boolean;
}

export interface ProgressInput {
  journey?: number;
  maxUpgrade?: { regular?: number; somber?: number };
}

/** Which character to show: `ownerId` (default: the viewer), by `name` or the active one in `guildId`. */
export interface CharacterTarget {
  ownerId?: string;
  name?: string | null;
  guildId?: string | null;
}

function checkProgress(progress: ProgressInput, row: Omit<CharacterRow, 'id'>): void {
  if (progress.journey !== undefined) row.journey = requireInteger(progress.journey, 'journey', 1, MAX_JOURNEY);
  const up = progress.maxUpgrade;
  if (up !== undefined) {
    if (up.regular !== undefined) row.max_upgrade_regular = requireInteger(up.regular, 'regular_upgrade', 0, MAX_REGULAR_UPGRADE);
    if (up.somber !== undefined) row.max_upgrade_somber = requireInteger(up.somber, 'somber_upgrade', 0, MAX_SOMBER_UPGRADE);
  }
}

export function classOf(row: CharacterRow) {
  const cls = findClass(row.class);
  if (!cls) throw new Error(`character ${row.id} has unknown class ${row.class}`);
  return cls;
}

export async function countOwned(q: Query, ownerId: string): Promise<number> {
  const { n } = await q
    .selectFrom('characters')
    .select((c) => c.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function createCharacter(ctx: StoreContext, userIdRaw: string, input: CreateCharacterInput) {
  const userId = cleanId(userIdRaw, 'user_id');
  if (input === null || typeof input !== 'object') throw invalid({ reason: 'argument', argument: 'character_details' });
  const name = cleanName(input.name);
  const cls = requireClass(input.className);
  const stats = input.stats === undefined ? { ...cls.stats } : mergeStats(cls, cls.stats, input.stats);
  const at = ctx.now();
  const row = newRow(userId, name, cls.name, stats, { is_public: input.isPublic === true ? 1 : 0 }, at);
  checkProgress({ journey: input.journey, maxUpgrade: input.maxUpgrade }, row);
  return ctx.db.write(userId, async (q) => {
    if ((await countOwned(q, userId)) >= MAX_CHARACTERS_PER_USER) throw new StoreError('limit', { max: MAX_CHARACTERS_PER_USER });
    if (await findByName(ctx, q, userId, nameKey(name))) throw new StoreError('name_taken', { name });
    const saved = await insertRow(q, row);
    const madeActive = (await q.selectFrom('active_global').select('user_id').where('user_id', '=', userId).executeTakeFirst()) === undefined;
    if (madeActive) await q.insertInto('active_global').values({ user_id: userId, character_id: saved.id }).execute();
    return { character: toCharacter(saved), madeActive, view: await viewOf(ctx, q, saved, null) };
  });
}

/** The owner's characters (oldest first) and selections, read in `q`. */
export async function listingIn(ctx: StoreContext, q: Query, userId: string, guildId: string | null): Promise<CharacterListing> {
  const global = await globalActiveRow(ctx, q, userId);
  const override = guildId === null ? undefined : await guildActiveRow(ctx, q, userId, guildId);
  const rows = await q.selectFrom('characters').selectAll().where('owner_id', '=', userId).orderBy('created_at').orderBy('id').execute();
  return {
    characters: rows.map(toCharacter),
    active: (override ?? global)?.name ?? null,
    globalActive: global?.name ?? null,
    guildOverride: override?.name ?? null,
  };
}

export async function listCharacters(ctx: StoreContext, userIdRaw: string, guildIdRaw?: string | null): Promise<CharacterListing> {
  const userId = cleanId(userIdRaw, 'user_id');
  const guildId = optionalGuild(guildIdRaw);
  return ctx.db.read((q) => listingIn(ctx, q, userId, guildId));
}

/** Another user's public characters, by name (what `/character show user:…` can show); private ones are never returned. */
export async function listPublicCharacters(ctx: StoreContext, viewerIdRaw: string, ownerIdRaw: string): Promise<Character[]> {
  cleanId(viewerIdRaw, 'user_id');
  const ownerId = cleanId(ownerIdRaw, 'user_id');
  return ctx.db.read(async (q) => {
    const rows = await q.selectFrom('characters').selectAll().where('owner_id', '=', ownerId).where('is_public', '=', 1).orderBy('name_key').execute();
    return rows.map((row) => toCharacter(row as CharacterRow));
  });
}

async function targetRow(ctx: StoreContext, q: Query, viewerRaw: string, target: CharacterTarget): Promise<CharacterRow> {
  const viewerId = cleanId(viewerRaw, 'user_id');
  if (target === null || typeof target !== 'object') throw invalid({ reason: 'argument', argument: 'target' });
  const ownerId = target.ownerId === undefined ? viewerId : cleanId(target.ownerId, 'user_id');
  const own = ownerId === viewerId;
  const name = givenName(target.name);
  const row = name !== null ? await findByName(ctx, q, ownerId, nameKey(name)) : await activeRow(ctx, q, ownerId, optionalGuild(target.guildId));
  if (own) {
    if (row) return row;
    if (name !== null) throw new StoreError('not_found', { name, owner: 'self' });
    throw new StoreError('no_active', {});
  }
  // Another user's: only public ones, and a private one is reported exactly like a missing one.
  if (row && row.is_public === 1) return row;
  throw new StoreError('not_found', { name, owner: 'other' });
}

export async function getCharacter(ctx: StoreContext, viewerId: string, target: CharacterTarget = {}): Promise<Character> {
  return ctx.db.read(async (q) => toCharacter(await targetRow(ctx, q, viewerId, target)));
}

/** The viewer's own character as its card shows it (newest `recent` entries, count, active mark in `target.guildId`). */
export async function getCharacterView(ctx: StoreContext, viewerId: string, target: CharacterTarget = {}, recent?: number): Promise<CharacterView> {
  return ctx.db.read(async (q) => {
    const row = await targetRow(ctx, q, viewerId, target);
    return viewOf(ctx, q, row, optionalGuild(target?.guildId), recent);
  });
}

export async function getActiveCharacter(ctx: StoreContext, userIdRaw: string, guildIdRaw?: string | null): Promise<Character | null> {
  const userId = cleanId(userIdRaw, 'user_id');
  const guildId = optionalGuild(guildIdRaw);
  return ctx.db.read(async (q) => {
    const row = await activeRow(ctx, q, userId, guildId);
    return row ? toCharacter(row) : null;
  });
}

export async function renameCharacter(ctx: StoreContext, ref: CharacterRef, newNameRaw: string) {
  const name = cleanName(newNameRaw, 'new_name');
  const key = nameKey(name);
  return ctx.db.write(ownerOf(ref), async (q) => {
    const row = await resolveRef(ctx, q, ref, true);
    if (key !== row.name_key && (await findByName(ctx, q, row.owner_id, key))) throw new StoreError('name_taken', { name });
    const previousName = row.name;
    row.name = name;
    row.name_key = key;
    await saveRow(ctx, q, row);
    return { character: toCharacter(row), previousName, view: await viewOf(ctx, q, row, refGuild(ref)) };
  });
}

export async function deleteCharacter(ctx: StoreContext, ref: CharacterRef) {
  return ctx.db.write(ownerOf(ref), async (q) => {
    const row = await resolveRef(ctx, q, ref, true);
    const wasGlobalActive = (await globalActiveRow(ctx, q, row.owner_id))?.id === row.id;
    const ledgerEntriesDeleted = await entryCount(q, row);
    // Cascades to its ledger and to the selections pointing at it.
    await q.deleteFrom('characters').where('id', '=', row.id).where('owner_id', '=', row.owner_id).execute();
    let global = await globalActiveRow(ctx, q, row.owner_id);
    if (!global) {
      global = await q.selectFrom('characters').selectAll().where('owner_id', '=', row.owner_id).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      if (global) await q.insertInto('active_global').values({ user_id: row.owner_id, character_id: global.id }).execute();
    }
    return { deleted: toCharacter(row), wasGlobalActive, globalActive: global ? toCharacter(global) : null, ledgerEntriesDeleted };
  });
}

export async function setVisibility(ctx: StoreContext, ref: CharacterRef, isPublic: boolean) {
  if (typeof isPublic !== 'boolean') throw invalid({ reason: 'argument', argument: 'visibility' });
  return ctx.db.write(ownerOf(ref), async (q) => {
    const row = await resolveRef(ctx, q, ref, true);
    const value = isPublic ? 1 : 0;
    const changed = row.is_public !== value;
    if (changed) {
      row.is_public = value;
      await saveRow(ctx, q, row);
    }
    return { character: toCharacter(row), changed, view: await viewOf(ctx, q, row, refGuild(ref)) };
  });
}

export async function setStats(ctx: StoreContext, ref: CharacterRef, changes: Partial<Stats>) {
  return ctx.db.write(ownerOf(ref), async (q) => {
    const row = await resolveRef(ctx, q, ref, true);
    const previousStats = statsOf(row);
    const stats = mergeStats(classOf(row), previousStats, changes);
    Object.assign(row, stats);
    row.level = levelFromStats(stats);
    await saveRow(ctx, q, row);
    return { character: toCharacter(row), previousStats, previousLevel: levelFromStats(previousStats), view: await viewOf(ctx, q, row, refGuild(ref)) };
  });
}

export async function setProgress(ctx: StoreContext, ref: CharacterRef, progress: ProgressInput) {
  if (progress === null || typeof progress !== 'object') throw invalid({ reason: 'argument', argument: 'progress' });
  return ctx.db.write(ownerOf(ref), async (q) => {
    const row = await resolveRef(ctx, q, ref, true);
    checkProgress(progress, row);
    await saveRow(ctx, q, row);
    return { character: toCharacter(row), view: await viewOf(ctx, q, row, refGuild(ref)) };
  });
}

/** The owner a reference acts for (checked again inside the transaction). */
export function ownerOf(ref: CharacterRef): string {
  if (ref === null || typeof ref !== 'object') throw invalid({ reason: 'argument', argument: 'character_ref' });
  return cleanId(ref.userId, 'user_id');
}
