// What every /character subcommand shares: the store, its expected failures as private answers, the
// character a command is about, the private reply with the card and Share, and the `name` option.

import { StoreError } from '../../src/characters/errors.ts';
import type { CharacterStore } from '../../src/characters/store.ts';
import type { CharacterRef, CharacterView } from '../../src/characters/types.ts';
import { NAME_MAX_LENGTH } from '../../src/characters/types.ts';
import { UserError } from '../../src/errors.ts';
import { characterCard, shareButton } from '../../src/render/character.ts';
import { storeErrorText } from '../../src/render/storeErrors.ts';
import type { Choice, EmbedView, Reply } from '../../src/render/types.ts';
import { string } from '../../src/router/spec.ts';
import type { AutocompleteContext, CommandContext, Services } from '../../src/router/types.ts';
import { ids } from './ids.ts';

/** How long delete / forget-me confirmations stay pressable. */
export const CONFIRM_SECONDS = 5 * 60;
/** Ledger entries per history page. */
export const HISTORY_PAGE_SIZE = 10;

export function store(context: { services: Services }): CharacterStore {
  return context.services.store();
}

/** Runs store work; a StoreError a player can act on becomes a UserError, the rest propagate (logged). */
export async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError && error.code !== 'storage' && error.code !== 'schema_too_new') throw new UserError(storeErrorText(error));
    throw error;
  }
}

/** The caller's character `name` (blank = the active one, this server's pick first). */
export function refOf(context: CommandContext, name?: string | undefined): CharacterRef {
  const { user, guildId } = context.request;
  const given = name?.trim() ? name : null;
  return { userId: user.id, name: given, guildId };
}

/** The owner's card with the latest ledger entries, as the store read it (in the same transaction as any change). */
export function ownCard(view: CharacterView, forOthers = false): EmbedView {
  return characterCard(view.character, {
    recent: view.recent,
    entryCount: view.entryCount,
    active: view.active,
    ...(forOthers ? { viewedByOther: true } : {}),
  });
}

/** A private reply about the caller's own character: a line saying what happened, the card, and Share. */
export function ownReply(view: CharacterView, content?: string): Reply {
  return {
    ephemeral: true,
    ...(content ? { content } : {}),
    embeds: [ownCard(view)],
    components: [[shareButton(ids.shareCard(view.character))]],
  };
}

export function privateText(content: string): Reply {
  return { ephemeral: true, content };
}

/** The install's signing key for confirmation buttons (the same for every process on this database). */
export function buttonKey(context: { services: Services }): Promise<Buffer> {
  return attempt(() => store(context).installSecret());
}

/**
 * Character names for the `name` option: the caller's own, or, when a `user` option names someone else
 * (`/character show user:…`), that player's public ones only.
 */
async function characterChoices(context: AutocompleteContext): Promise<Choice[]> {
  const { user, guildId, options } = context.request;
  const q = context.query.trim().toLowerCase();
  const other = options.user;
  const rank = (name: string) => Number(name.toLowerCase().startsWith(q));
  if (typeof other === 'object' && other.kind === 'user' && other.id !== user.id) {
    const visible = await store(context).listPublicCharacters(user.id, other.id);
    return visible
      .filter((c) => c.name.toLowerCase().includes(q))
      .sort((a, b) => rank(b.name) - rank(a.name))
      .map((c) => ({ name: `${c.name} — ${c.className}, level ${c.level}`, value: c.name }));
  }
  const listing = await store(context).listCharacters(user.id, guildId);
  return listing.characters
    .filter((c) => c.name.toLowerCase().includes(q))
    .sort((a, b) => rank(b.name) - rank(a.name) || Number(b.name === listing.active) - Number(a.name === listing.active))
    .map((c) => ({ name: `${c.name} — ${c.className}, level ${c.level}${c.name === listing.active ? ' (active)' : ''}`, value: c.name }));
}

/** The `name` option: one of your characters (default: your active one). */
export function nameOption(description = 'Your character (default: your active one)') {
  return string(description, { maxLength: NAME_MAX_LENGTH, autocomplete: characterChoices });
}

/** A required `name` option: the character the command acts on. */
export function requiredName(description: string) {
  return string(description, { maxLength: NAME_MAX_LENGTH, autocomplete: characterChoices, required: true });
}
