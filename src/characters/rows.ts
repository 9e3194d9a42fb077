// Statements the operation modules share, each run inside the caller's transaction (`q`): finding the
// character a reference means (never another user's row), saving it, appending a ledger entry, and the
// card view read back after a change.

import { levelFromStats, type Stat, type Stats } from '../game/classes.ts';
import type { Db, Query } from './db.ts';
import { StoreError, invalid } from './errors.ts';
import { toCharacter, toEntry, type CharacterRow, type NewLedgerRow } from './tables.ts';
import { CARD_RECENT_ENTRIES, type CharacterRef, type CharacterView, type LedgerEntry, type LedgerKind } from './types.ts';
import { RUNE_CAP, cleanId, cleanName, nameKey } from './validate.ts';

/** What every operation module is given. */
export interface StoreContext {
  db: Db;
  /** Clock in ms since the epoch. */
  now: () => number;
}

/** Columns of a character row, in table order, for `SELECT c.*` through a join. */
export const CHARACTER_COLUMNS = [
  'c.id',
  'c.owner_id',
  'c.name',
  'c.name_key',
  'c.class',
  'c.vigor',
  'c.mind',
  'c.endurance',
  'c.strength',
  'c.dexterity',
  'c.intelligence',
  'c.faith',
  'c.arcane',
  'c.level',
  'c.runes_held',
  'c.bloodstain',
  'c.journey',
  'c.max_upgrade_regular',
  'c.max_upgrade_somber',
  'c.is_public',
  'c.created_at',
  'c.updated_at',
] as const;

export function optionalGuild(guildId: string | null | undefined): string | null {
  return guildId === undefined || guildId === null ? null : cleanId(guildId, 'server_id');
}

/** A name given in a reference or a target: absent, null or blank all mean "the active one". */
export function givenName(name: unknown): string | null {
  if (name === undefined || name === null) return null;
  if (typeof name === 'string' && name.trim() === '') return null;
  return cleanName(name);
}

export async function findByName(ctx: StoreContext, q: Query, ownerId: string, key: string, lock = false): Promise<CharacterRow | undefined> {
  const query = q.selectFrom('characters').selectAll().where('owner_id', '=', ownerId).where('name_key', '=', key);
  return (lock ? ctx.db.lockRows(query) : query).executeTakeFirst();
}

export async function globalActiveRow(ctx: StoreContext, q: Query, userId: string, lock = false): Promise<CharacterRow | undefined> {
  const query = q
    .selectFrom('active_global as a')
    .innerJoin('characters as c', (j) => j.onRef('c.id', '=', 'a.character_id').onRef('c.owner_id', '=', 'a.user_id'))
    .select(CHARACTER_COLUMNS)
    .where('a.user_id', '=', userId);
  return (lock ? ctx.db.lockRows(query) : query).executeTakeFirst();
}

export async function guildActiveRow(ctx: StoreContext, q: Query, userId: string, guildId: string, lock = false): Promise<CharacterRow | undefined> {
  const query = q
    .selectFrom('active_guild as a')
    .innerJoin('characters as c', (j) => j.onRef('c.id', '=', 'a.character_id').onRef('c.owner_id', '=', 'a.user_id'))
    .select(CHARACTER_COLUMNS)
    .where('a.user_id', '=', userId)
    .where('a.guild_id', '=', guildId);
  return (lock ? ctx.db.lockRows(query) : query).executeTakeFirst();
}

/** The guild override if there is one, else the global active character. */
export async function activeRow(ctx: StoreContext, q: Query, userId: string, guildId: string | null, lock = false): Promise<CharacterRow | undefined> {
  if (guildId !== null) {
    const override = await guildActiveRow(ctx, q, userId, guildId, lock);
    if (override) return override;
  }
  return globalActiveRow(ctx, q, userId, lock);
}

/** The acting user's character named in `ref`, or their active one. Never another user's row. */
export async function resolveRef(ctx: StoreContext, q: Query, ref: CharacterRef, lock: boolean): Promise<CharacterRow> {
  if (ref === null || typeof ref !== 'object') throw invalid({ reason: 'argument', argument: 'character_ref' });
  const userId = cleanId(ref.userId, 'user_id');
  const name = givenName(ref.name);
  if (name !== null) {
    const row = await findByName(ctx, q, userId, nameKey(name), lock);
    if (!row) throw new StoreError('not_found', { name, owner: 'self' });
    return row;
  }
  const row = await activeRow(ctx, q, userId, optionalGuild(ref.guildId), lock);
  if (!row) throw new StoreError('no_active', {});
  return row;
}

/** Writes every mutable column of `row` back (and stamps updated_at). */
export async function saveRow(ctx: StoreContext, q: Query, row: CharacterRow): Promise<void> {
  row.updated_at = ctx.now();
  const { id, owner_id, created_at: _created, class: _class, ...changes } = row;
  const result = await q.updateTable('characters').set(changes).where('id', '=', id).where('owner_id', '=', owner_id).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`character ${id} was not updated`); // cannot happen under the write lock
}

export function newRow(userId: string, name: string, className: string, stats: Stats, extra: Partial<CharacterRow>, at: number): Omit<CharacterRow, 'id'> {
  return {
    owner_id: userId,
    name,
    name_key: nameKey(name),
    class: className,
    ...stats,
    level: levelFromStats(stats),
    runes_held: 0,
    bloodstain: null,
    journey: 1,
    max_upgrade_regular: 0,
    max_upgrade_somber: 0,
    is_public: 0,
    created_at: at,
    updated_at: at,
    ...extra,
  };
}

export async function insertRow(q: Query, row: Omit<CharacterRow, 'id'>): Promise<CharacterRow> {
  const { id } = await q.insertInto('characters').values(row).returning('id').executeTakeFirstOrThrow();
  return { ...row, id };
}

export async function insertEntry(q: Query, entry: NewLedgerRow): Promise<number> {
  const { id } = await q.insertInto('rune_ledger').values(entry).returning('id').executeTakeFirstOrThrow();
  return id;
}

export interface PostExtras {
  lost?: number;
  stat?: Stat | null;
  points?: number | null;
  item?: string | null;
  note?: string | null;
  /** New bloodstain; undefined keeps the current one. */
  bloodstainAfter?: number | null;
}

/** Applies `amount` to the row's runes held (and bloodstain) and appends the matching ledger entry. */
export async function postEntry(q: Query, row: CharacterRow, kind: LedgerKind, amount: number, extras: PostExtras, at: number): Promise<LedgerEntry> {
  const held = row.runes_held + amount;
  if (held < 0 || held > RUNE_CAP || !Number.isSafeInteger(held)) throw new Error(`ledger post would leave ${held} runes`); // callers check first
  row.runes_held = held;
  if (extras.bloodstainAfter !== undefined) row.bloodstain = extras.bloodstainAfter;
  const entry = {
    character_id: row.id,
    owner_id: row.owner_id,
    kind,
    amount,
    balance_after: held,
    bloodstain_after: row.bloodstain,
    lost: extras.lost ?? 0,
    stat: extras.stat ?? null,
    points: extras.points ?? null,
    item: extras.item ?? null,
    note: extras.note ?? null,
    created_at: at,
  };
  const id = await insertEntry(q, entry);
  return toEntry({ id, ...entry });
}

/**
 * How many ledger entries the character has. Counted on character_id alone, from the index: the foreign
 * key (character_id, owner_id) → characters (id, owner_id) already keeps every entry on its owner.
 */
export async function entryCount(q: Query, row: Pick<CharacterRow, 'id'>): Promise<number> {
  const { n } = await q
    .selectFrom('rune_ledger')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('character_id', '=', row.id)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The card for `row` as it is now in this transaction (the newest `recent` entries, the count, the active mark). */
export async function viewOf(ctx: StoreContext, q: Query, row: CharacterRow, guildId: string | null, recent = CARD_RECENT_ENTRIES): Promise<CharacterView> {
  const entries = await q
    .selectFrom('rune_ledger')
    .selectAll()
    .where('character_id', '=', row.id)
    .where('owner_id', '=', row.owner_id)
    .orderBy('id', 'desc')
    .limit(recent)
    .execute();
  const count = entries.length < recent ? entries.length : await entryCount(q, row);
  // Both selections in one statement: the global one, and this server's override ('' is never a server
  // id, so outside a server there is none).
  const { global, here } = await q
    .selectNoFrom((s) => [
      s.selectFrom('active_global').select('character_id').where('user_id', '=', row.owner_id).as('global'),
      s.selectFrom('active_guild').select('character_id').where('user_id', '=', row.owner_id).where('guild_id', '=', guildId ?? '').as('here'),
    ])
    .executeTakeFirstOrThrow();
  const effective = here ?? global;
  const active = effective !== row.id ? null : here === row.id ? 'here' : 'global';
  return { character: toCharacter(row), recent: entries.map(toEntry), entryCount: count, active };
}

/** The guild id a reference's card is shown in (for its active mark). */
export function refGuild(ref: CharacterRef): string | null {
  return ref && typeof ref === 'object' ? optionalGuild(ref.guildId) : null;
}
