// Active characters: one global per user, plus an optional override per (user, server).
// The active one in a server = its override if set, else the global one. Creating a user's first
// character makes it the global one; deleting a character drops the selections pointing at it (see
// characters.ts). Each function is one transaction.

import { findByName, globalActiveRow, guildActiveRow, optionalGuild, viewOf, type StoreContext } from './rows.ts';
import { StoreError } from './errors.ts';
import { toCharacter } from './tables.ts';
import type { Character, CharacterView } from './types.ts';
import { cleanId, cleanName, nameKey } from './validate.ts';

export interface SwitchOptions {
  /** With a global switch: also drop the override of this server (where the command was used). */
  clearGuildOverride?: string | null;
}

export interface SwitchResult {
  character: Character;
  scope: 'global' | 'guild';
  /** The character that was active in that scope before, if any. */
  previous: Character | null;
  /** The override cleared by `clearGuildOverride` (the character it pointed at), or null if there was none. */
  clearedOverride: Character | null;
  /** The global active character after the switch. */
  globalActive: Character | null;
  /** The card, with its active mark as seen in the server of the switch (or of `clearGuildOverride`). */
  view: CharacterView;
}

/** Makes `name` the user's active character globally (guildId null) or in one server. */
export async function switchActive(ctx: StoreContext, userIdRaw: string, nameRaw: string, guildIdRaw?: string | null, options: SwitchOptions = {}): Promise<SwitchResult> {
  const userId = cleanId(userIdRaw, 'user_id');
  const guildId = optionalGuild(guildIdRaw);
  const name = cleanName(nameRaw);
  const clearIn = guildId === null ? optionalGuild(options.clearGuildOverride) : null;
  return ctx.db.write(userId, async (q) => {
    const row = await findByName(ctx, q, userId, nameKey(name), true);
    if (!row) throw new StoreError('not_found', { name, owner: 'self' });
    const previousRow = guildId === null ? await globalActiveRow(ctx, q, userId) : await guildActiveRow(ctx, q, userId, guildId);
    if (guildId === null) {
      await q
        .insertInto('active_global')
        .values({ user_id: userId, character_id: row.id })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ character_id: row.id }))
        .execute();
    } else {
      await q
        .insertInto('active_guild')
        .values({ user_id: userId, guild_id: guildId, character_id: row.id })
        .onConflict((oc) => oc.columns(['user_id', 'guild_id']).doUpdateSet({ character_id: row.id }))
        .execute();
    }
    let clearedOverride: Character | null = null;
    if (clearIn !== null) {
      const override = await guildActiveRow(ctx, q, userId, clearIn);
      if (override) {
        await q.deleteFrom('active_guild').where('user_id', '=', userId).where('guild_id', '=', clearIn).execute();
        clearedOverride = toCharacter(override);
      }
    }
    const global = await globalActiveRow(ctx, q, userId);
    return {
      character: toCharacter(row),
      scope: guildId === null ? 'global' : 'guild',
      previous: previousRow ? toCharacter(previousRow) : null,
      clearedOverride,
      globalActive: global ? toCharacter(global) : null,
      view: await viewOf(ctx, q, row, guildId ?? clearIn),
    };
  });
}

/** Drops the user's override in one server, which falls back to the global active character. */
export async function clearGuildOverride(ctx: StoreContext, userIdRaw: string, guildIdRaw: string) {
  const userId = cleanId(userIdRaw, 'user_id');
  const guildId = cleanId(guildIdRaw, 'server_id');
  return ctx.db.write(userId, async (q) => {
    const result = await q.deleteFrom('active_guild').where('user_id', '=', userId).where('guild_id', '=', guildId).executeTakeFirst();
    const active = await globalActiveRow(ctx, q, userId);
    return { cleared: Number(result.numDeletedRows) > 0, active: active ? toCharacter(active) : null };
  });
}
