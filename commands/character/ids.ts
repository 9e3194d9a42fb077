// The custom ids of /character's buttons, built and read here only (over src/router/customId.ts):
//   character:share:<owner>:c:<id>:<stamp>            post a public copy of a character's card
//   character:share:<owner>:l                         … of the list
//   character:share:<owner>:h:<id>:<stamp>:<page>     … of a history page
//   character:hist:<owner>:<id>:<stamp>:<page>        another history page (edits the message)
//   character:cancel:<owner>                          cancel a confirmation
//   character:del:<owner>:<id>:<stamp>:<expires>:<signature>    confirm a deletion   (signed)
//   character:forget:<owner>:<expires>:<signature>              confirm forget-me    (signed)
// <id> is never reused by the store and <stamp> is the creation time, so a button stops working once its
// character is deleted, also after a re-import of the same data. Confirmations are signed with the
// install's secret (kept in the database): a changed owner, id or expiry is refused, not obeyed.

import type { Character, HistoryPage } from '../../src/characters/types.ts';
import { encodeCustomId, encodeSignedCustomId, verifySignedCustomId } from '../../src/router/customId.ts';

const COMMAND = 'character';

export function stampOf(character: Pick<Character, 'createdAt'>): string {
  return Date.parse(character.createdAt).toString(36);
}

type Own = Pick<Character, 'ownerId' | 'id' | 'createdAt'>;

export const ids = {
  shareCard: (c: Own) => encodeCustomId(COMMAND, 'share', [c.ownerId, 'c', c.id, stampOf(c)]),
  shareList: (ownerId: string) => encodeCustomId(COMMAND, 'share', [ownerId, 'l']),
  shareHistory: (c: Own, page: number) => encodeCustomId(COMMAND, 'share', [c.ownerId, 'h', c.id, stampOf(c), page]),
  historyPage: (c: Own, page: number) => encodeCustomId(COMMAND, 'hist', [c.ownerId, c.id, stampOf(c), page]),
  cancel: (ownerId: string) => encodeCustomId(COMMAND, 'cancel', [ownerId]),
  confirmDelete: (key: Buffer, c: Own, expiresAt: number) => encodeSignedCustomId(key, COMMAND, 'del', [c.ownerId, c.id, stampOf(c)], expiresAt),
  confirmForget: (key: Buffer, ownerId: string, expiresAt: number) => encodeSignedCustomId(key, COMMAND, 'forget', [ownerId], expiresAt),
};

/** The ids under a history page. */
export function historyIds(page: HistoryPage): { page(n: number): string; share: string } {
  return { page: (n) => ids.historyPage(page.character, n), share: ids.shareHistory(page.character, page.page) };
}

/** Which character a button points at: its owner, id and creation stamp. */
export interface CharacterPointer {
  ownerId: string;
  id: number;
  stamp: string;
}

export type CharacterButton =
  | { kind: 'share-card'; target: CharacterPointer }
  | { kind: 'share-list'; ownerId: string }
  | { kind: 'share-history'; target: CharacterPointer; page: number }
  | { kind: 'history'; target: CharacterPointer; page: number }
  | { kind: 'cancel'; ownerId: string }
  | { kind: 'delete'; ownerId: string; signed: string }
  | { kind: 'forget'; ownerId: string; signed: string };

function whole(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function pointer(ownerId: string, idText: string | undefined, stamp: string | undefined): CharacterPointer | undefined {
  const id = whole(idText);
  return id === undefined || stamp === undefined || !/^[0-9a-z]{1,12}$/.test(stamp) ? undefined : { ownerId, id, stamp };
}

/**
 * A pressed button's action and fields (as the router decoded them), or null when it is not one of
 * ours. Signed confirmations are checked later (`checkConfirmation`), after the owner check.
 */
export function parseButton(args: readonly string[], customId: string): CharacterButton | null {
  const [action, ownerId, ...rest] = args;
  if (!action || !ownerId || !/^\d{1,20}$/.test(ownerId)) return null;
  switch (action) {
    case 'share': {
      const [what, idText, stamp, pageText] = rest;
      if (what === 'l' && rest.length === 1) return { kind: 'share-list', ownerId };
      const target = pointer(ownerId, idText, stamp);
      if (!target) return null;
      if (what === 'c' && rest.length === 3) return { kind: 'share-card', target };
      const page = whole(pageText);
      return what === 'h' && page !== undefined && rest.length === 4 ? { kind: 'share-history', target, page } : null;
    }
    case 'hist': {
      const [idText, stamp, pageText] = rest;
      const target = pointer(ownerId, idText, stamp);
      const page = whole(pageText);
      return target && page !== undefined && rest.length === 3 ? { kind: 'history', target, page } : null;
    }
    case 'cancel':
      return rest.length === 0 ? { kind: 'cancel', ownerId } : null;
    case 'del':
      return { kind: 'delete', ownerId, signed: customId };
    case 'forget':
      return { kind: 'forget', ownerId, signed: customId };
    default:
      return null;
  }
}

export type Confirmation = { ok: true; target: CharacterPointer | null } | { ok: false; reason: 'invalid' | 'expired' };

/** A signed confirmation checked against the install's key: what it confirms, or why it no longer works. */
export function checkConfirmation(key: Buffer, button: Extract<CharacterButton, { kind: 'delete' | 'forget' }>, nowSeconds: number): Confirmation {
  const check = verifySignedCustomId(key, button.signed, nowSeconds);
  if (!check.ok) return check;
  if (button.kind === 'forget') return check.fields.length === 1 && check.fields[0] === button.ownerId ? { ok: true, target: null } : { ok: false, reason: 'invalid' };
  const [ownerId, idText, stamp] = check.fields;
  const target = ownerId === button.ownerId && check.fields.length === 3 ? pointer(ownerId, idText, stamp) : undefined;
  return target ? { ok: true, target } : { ok: false, reason: 'invalid' };
}
