// /character's buttons: Share (a public copy re-read from the database), history pages, and the signed
// delete / forget-me confirmations. Only the owner can press them; a button whose character is gone,
// whose confirmation expired or whose id was changed does nothing.

import type { Character } from '../../src/characters/types.ts';
import { historyEmbed, listEmbed, nameOf } from '../../src/render/character.ts';
import type { ComponentReply } from '../../src/render/types.ts';
import type { ComponentContext } from '../../src/router/types.ts';
import { fmt } from '../../src/text/format.ts';
import { HISTORY_PAGE_SIZE, attempt, buttonKey, ownCard, store } from './common.ts';
import { checkConfirmation, parseButton, stampOf, type CharacterPointer } from './ids.ts';
import { historyReply } from './records.ts';

const EXPIRED = 'This button no longer works: run the command again.';
const GONE = 'That character no longer exists.';

function componentText(content: string): ComponentReply {
  return { mode: 'reply', reply: { ephemeral: true, content } };
}

function updateText(content: string): ComponentReply {
  return { mode: 'update', reply: { ephemeral: true, content, embeds: [], components: [] } };
}

/** The owner's character a button points at, or undefined when it was deleted (ids are never reused). */
async function find(context: ComponentContext, target: CharacterPointer): Promise<Character | undefined> {
  return (await store(context).listCharacters(target.ownerId)).characters.find((c) => c.id === target.id && stampOf(c) === target.stamp);
}

export async function component(context: ComponentContext): Promise<ComponentReply> {
  const button = parseButton(context.args, context.request.customId);
  if (!button) return componentText(EXPIRED);
  const ownerId = 'target' in button ? button.target.ownerId : button.ownerId;
  if (context.request.user.id !== ownerId) return componentText('Only the owner of these characters can press this button.');
  const s = store(context);
  const sharedBy = `Shared by <@${ownerId}>`;
  switch (button.kind) {
    case 'share-list': {
      const listing = await attempt(() => s.listCharacters(ownerId, context.request.guildId));
      const { footer: _footer, ...embed } = listEmbed(listing, context.request.guildId !== null);
      return { mode: 'reply', reply: { content: sharedBy, embeds: [{ ...embed, title: `Characters (${listing.characters.length})` }] } };
    }
    case 'share-card': {
      const character = await find(context, button.target);
      if (!character) return componentText(GONE);
      // A public copy: the facts, without the advice addressed to the owner.
      const view = await attempt(() => s.getCharacterView(ownerId, { name: character.name, guildId: context.request.guildId }));
      return { mode: 'reply', reply: { content: sharedBy, embeds: [ownCard(view, true)] } };
    }
    case 'share-history': {
      const character = await find(context, button.target);
      if (!character) return componentText(GONE);
      const result = await attempt(() => s.history({ userId: ownerId, name: character.name }, Math.max(1, button.page), HISTORY_PAGE_SIZE));
      return { mode: 'reply', reply: { content: sharedBy, embeds: [historyEmbed(result)] } };
    }
    case 'history': {
      const character = await find(context, button.target);
      if (!character) return updateText(GONE);
      return { mode: 'update', reply: await historyReply(context, { userId: ownerId, name: character.name }, Math.max(1, button.page)) };
    }
    case 'cancel':
      return updateText('Cancelled: nothing was changed.');
    case 'delete':
    case 'forget': {
      const checked = checkConfirmation(await buttonKey(context), button, Math.floor(context.services.now().getTime() / 1000));
      const again = button.kind === 'delete' ? '`/character delete`' : '`/character forget-me`';
      if (!checked.ok) {
        return updateText(checked.reason === 'expired' ? `This confirmation expired: nothing was deleted. Run ${again} again.` : `This confirmation no longer works: nothing was deleted. Run ${again} again.`);
      }
      if (checked.target) {
        const character = await find(context, checked.target);
        if (!character) return updateText(GONE);
        const result = await attempt(() => s.deleteCharacter({ userId: ownerId, name: character.name }));
        const active = result.globalActive ? ` Your active character is now ${nameOf(result.globalActive)}.` : '';
        return updateText(`Deleted ${nameOf(result.deleted)} and its ${fmt(result.ledgerEntriesDeleted)} ledger ${result.ledgerEntriesDeleted === 1 ? 'entry' : 'entries'}.${active}`);
      }
      const result = await attempt(() => s.forgetUser(ownerId));
      return updateText(
        `Done: deleted ${result.characters === 1 ? '1 character' : `${fmt(result.characters)} characters`}, ${fmt(result.ledgerEntries)} ledger ` +
          `${result.ledgerEntries === 1 ? 'entry' : 'entries'} and ${fmt(result.selections)} active ${result.selections === 1 ? 'selection' : 'selections'}. The bot stores nothing more about you.`,
      );
    }
  }
}
