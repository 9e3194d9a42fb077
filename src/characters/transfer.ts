// A user's data as a whole: export (a versioned JSON document), import (checked first: a bad file changes
// nothing), what is held about them (counted, for the forget-me confirmation), and forget-me. Each
// function is one transaction.

import type { Stats } from '../game/classes.ts';
import { countOwned, listingIn } from './characters.ts';
import type { Query } from './db.ts';
import { StoreError, invalid } from './errors.ts';
import { globalActiveRow, guildActiveRow, insertEntry, insertRow, newRow, optionalGuild, type StoreContext } from './rows.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExportDocument, type ExportDocument, type ExportedCharacter } from './schema.ts';
import { iso, statsOf, toCharacter, type CharacterRow } from './tables.ts';
import type { Character, CharacterListing, UserDataSummary } from './types.ts';
import { MAX_CHARACTERS_PER_USER, cleanId, cleanName, nameKey } from './validate.ts';

export interface ImportOptions {
  /**
   * 'merge' (default): add the file's characters next to the user's existing ones; any name clash refuses
   *   the whole import. The user's current active selections stay; the file's are used only where the
   *   user has none (global, or that server).
   * 'replace': delete all of the user's characters (and ledgers and selections) and load the file's.
   */
  mode?: 'merge' | 'replace';
  /** Also return an export of what the user had just before (read in the same transaction). */
  backup?: boolean;
  /** The server the reply is shown in, for the listing's active marks. */
  guildId?: string | null;
}

export interface ImportResult {
  imported: Character[];
  replaced: number;
  globalActive: Character | null;
  /** With `backup: true`: the user's data as it was before the import (null otherwise). */
  backup: ExportDocument | null;
  /** The user's characters after the import. */
  listing: CharacterListing;
  /** The account the file was exported from (it may be another one: the file is the importer's to use). */
  fileUserId: string;
}

async function exportIn(ctx: StoreContext, q: Query, userId: string): Promise<ExportDocument> {
  const rows = await q.selectFrom('characters').selectAll().where('owner_id', '=', userId).orderBy('created_at').orderBy('id').execute();
  const entries = await q.selectFrom('rune_ledger').selectAll().where('owner_id', '=', userId).orderBy('character_id').orderBy('id').execute();
  const byCharacter = new Map<number, typeof entries>();
  for (const e of entries) {
    const list = byCharacter.get(e.character_id);
    if (list) list.push(e);
    else byCharacter.set(e.character_id, [e]);
  }
  const characters: ExportedCharacter[] = rows.map((row) => ({
    name: row.name,
    class: row.class,
    stats: statsOf(row),
    level: row.level,
    runesHeld: row.runes_held,
    bloodstain: row.bloodstain,
    journey: row.journey,
    maxUpgrade: { regular: row.max_upgrade_regular, somber: row.max_upgrade_somber },
    public: row.is_public === 1,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ledger: (byCharacter.get(row.id) ?? []).map((e) => ({
      kind: e.kind,
      amount: e.amount,
      balanceAfter: e.balance_after,
      bloodstainAfter: e.bloodstain_after,
      lost: e.lost,
      stat: e.stat,
      points: e.points,
      item: e.item,
      note: e.note,
      at: iso(e.created_at),
    })),
  }));
  const overrides = await q
    .selectFrom('active_guild as a')
    .innerJoin('characters as c', (j) => j.onRef('c.id', '=', 'a.character_id').onRef('c.owner_id', '=', 'a.user_id'))
    .select(['a.guild_id', 'c.name'])
    .where('a.user_id', '=', userId)
    .execute();
  // Sorted here, not in SQL, so both backends give the same (code unit) order whatever the collation.
  overrides.sort((a, b) => (a.guild_id < b.guild_id ? -1 : a.guild_id > b.guild_id ? 1 : 0));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(ctx.now()),
    userId,
    active: (await globalActiveRow(ctx, q, userId))?.name ?? null,
    guildOverrides: overrides.map((o) => ({ guildId: o.guild_id, character: o.name })),
    characters,
  };
}

export async function exportUser(ctx: StoreContext, userIdRaw: string): Promise<ExportDocument> {
  const userId = cleanId(userIdRaw, 'user_id');
  return ctx.db.read((q) => exportIn(ctx, q, userId));
}

/** Deletes everything of `userId`'s; returns what went, counted by the deletes themselves. */
async function deleteAll(q: Query, userId: string) {
  const guild = await q.deleteFrom('active_guild').where('user_id', '=', userId).executeTakeFirst();
  const global = await q.deleteFrom('active_global').where('user_id', '=', userId).executeTakeFirst();
  const ledger = await q.deleteFrom('rune_ledger').where('owner_id', '=', userId).executeTakeFirst();
  const characters = await q.deleteFrom('characters').where('owner_id', '=', userId).executeTakeFirst();
  return {
    characters: Number(characters.numDeletedRows),
    ledgerEntries: Number(ledger.numDeletedRows),
    selections: Number(guild.numDeletedRows) + Number(global.numDeletedRows),
  };
}

export async function importUser(ctx: StoreContext, userIdRaw: string, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const userId = cleanId(userIdRaw, 'user_id');
  const mode = options.mode ?? 'merge';
  if (mode !== 'merge' && mode !== 'replace') throw invalid({ reason: 'argument', argument: 'import_mode' });
  const listIn = optionalGuild(options.guildId);
  // Checked before the transaction: parsing a large file takes no lock.
  const parsed = parseExportDocument(input);
  if (!parsed.ok) throw invalid({ reason: 'import_file', issues: parsed.issues });
  const doc = parsed.document;
  return ctx.db.write(userId, async (q) => {
    const backup = options.backup ? await exportIn(ctx, q, userId) : null;
    let replaced = 0;
    if (mode === 'replace') {
      replaced = (await deleteAll(q, userId)).characters;
    } else {
      const existing = new Set(
        (await q.selectFrom('characters').select('name_key').where('owner_id', '=', userId).execute()).map((r) => r.name_key),
      );
      const clashes = doc.characters.filter((c) => existing.has(nameKey(c.name))).map((c) => c.name);
      if (clashes.length > 0) throw new StoreError('name_taken', { names: clashes });
      const total = (await countOwned(q, userId)) + doc.characters.length;
      if (total > MAX_CHARACTERS_PER_USER) throw new StoreError('limit', { max: MAX_CHARACTERS_PER_USER, total });
    }
    const byKey = new Map<string, CharacterRow>();
    const imported: Character[] = [];
    for (const c of doc.characters) {
      const fields = {
        runes_held: c.runesHeld,
        bloodstain: c.bloodstain,
        journey: c.journey,
        max_upgrade_regular: c.maxUpgrade.regular,
        max_upgrade_somber: c.maxUpgrade.somber,
        is_public: c.public ? 1 : 0,
        updated_at: Date.parse(c.updatedAt),
      };
      const row = await insertRow(q, newRow(userId, c.name, c.class, c.stats as Stats, fields, Date.parse(c.createdAt)));
      for (const e of c.ledger) {
        await insertEntry(q, {
          character_id: row.id,
          owner_id: userId,
          kind: e.kind,
          amount: e.amount,
          balance_after: e.balanceAfter,
          bloodstain_after: e.bloodstainAfter,
          lost: e.lost,
          stat: e.stat,
          points: e.points,
          item: e.item,
          note: e.note,
          created_at: Date.parse(e.at),
        });
      }
      byKey.set(row.name_key, row);
      imported.push(toCharacter(row));
    }
    const pick = (name: string | null): CharacterRow | undefined => (name === null ? undefined : byKey.get(nameKey(cleanName(name))));
    if (!(await globalActiveRow(ctx, q, userId))) {
      const chosen = pick(doc.active) ?? [...byKey.values()][0];
      if (chosen) await q.insertInto('active_global').values({ user_id: userId, character_id: chosen.id }).execute();
    }
    for (const o of doc.guildOverrides) {
      const chosen = pick(o.character);
      if (chosen && !(await guildActiveRow(ctx, q, userId, o.guildId))) {
        await q.insertInto('active_guild').values({ user_id: userId, guild_id: o.guildId, character_id: chosen.id }).execute();
      }
    }
    const global = await globalActiveRow(ctx, q, userId);
    return { imported, replaced, globalActive: global ? toCharacter(global) : null, backup, listing: await listingIn(ctx, q, userId, listIn), fileUserId: doc.userId };
  });
}

/** What the bot holds about the user: their characters' names, and COUNTs of ledger entries and selections. */
export async function summarizeUser(ctx: StoreContext, userIdRaw: string): Promise<UserDataSummary> {
  const userId = cleanId(userIdRaw, 'user_id');
  return ctx.db.read(async (q) => {
    const names = await q.selectFrom('characters').select('name').where('owner_id', '=', userId).orderBy('created_at').orderBy('id').execute();
    const ledger = await q.selectFrom('rune_ledger').select((e) => e.fn.countAll<number>().as('n')).where('owner_id', '=', userId).executeTakeFirstOrThrow();
    const global = await q.selectFrom('active_global').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    const guild = await q.selectFrom('active_guild').select((e) => e.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return {
      characters: names.map((r) => r.name),
      ledgerEntries: Number(ledger.n),
      selections: Number(global.n) + Number(guild.n),
    };
  });
}

export async function forgetUser(ctx: StoreContext, userIdRaw: string) {
  const userId = cleanId(userIdRaw, 'user_id');
  return ctx.db.write(userId, (q) => deleteAll(q, userId));
}
