// Privacy of replies that read a player's saved character. A private character (the default) is shown
// only to its owner: a reply that used it is made ephemeral wherever others would see a normal reply
// (servers, group DMs). In the bot's own DMs nobody else is there, so the reply stays normal.

import type { Character } from '../characters/types.ts';
import type { Invocation } from './types.ts';

export function seenByOthers(invocation: Invocation): boolean {
  return invocation.seenByOthers ?? invocation.guildId !== null;
}

/** Whether a reply showing this character's data must be hidden from everyone but the invoker. */
export function mustStayPrivate(invocation: Invocation, character: Character | null): boolean {
  return character !== null && !character.isPublic && seenByOthers(invocation);
}

/** One lookup of the invoker's active character per handler call, remembering whether it was used. */
export class ActiveCharacterProbe {
  private pending: Promise<Character | null> | null = null;
  private character: Character | null = null;

  constructor(private readonly lookup: () => Promise<Character | null>) {}

  get(): Promise<Character | null> {
    this.pending ??= this.lookup().then((character) => (this.character = character));
    return this.pending;
  }

  /** The character the handler read (once its lookup has finished), or null when it read none (or there was none). */
  get used(): Character | null {
    return this.pending ? this.character : null;
  }
}
