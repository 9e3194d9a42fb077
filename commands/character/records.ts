// /character history (with a chart on request), export, import and forget-me: the rune ledger read
// back, the player's data out and in, and all of it deleted.

import type { CharacterRef } from '../../src/characters/types.ts';
import { UserError } from '../../src/errors.ts';
import { attachChart } from '../../src/render/charts/index.ts';
import { confirmButtons, historyButtons, historyEmbed, listEmbed, nameOf, shareButton } from '../../src/render/character.ts';
import type { FileView, Reply } from '../../src/render/types.ts';
import { leaf } from '../../src/router/command.ts';
import { attachment, boolean, integer } from '../../src/router/spec.ts';
import type { Services } from '../../src/router/types.ts';
import { truncate } from '../../src/text/escape.ts';
import { fmt, list as joinNames } from '../../src/text/format.ts';
import { CONFIRM_SECONDS, HISTORY_PAGE_SIZE, attempt, buttonKey, nameOption, privateText, refOf, store } from './common.ts';
import { historyIds, ids } from './ids.ts';

/** Largest import file accepted (the same as Discord's default upload limit). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Ledger entries a history chart draws: the newest ones, as many as one read of the ledger returns. */
const CHART_ENTRIES = 100;

/** A history page; with `chart`, the runes held and level over time drawn from the newest entries. */
export async function historyReply(context: { services: Services }, ref: CharacterRef, page: number, chart = false): Promise<Reply> {
  const s = store(context);
  const result = await attempt(() => s.history(ref, page, HISTORY_PAGE_SIZE));
  const reply: Reply = { ephemeral: true, embeds: [historyEmbed(result)], components: historyButtons(result, historyIds(result)) };
  // The store shows the last page for a page past the end: say so rather than pretend it was asked for.
  if (page > result.pageCount) {
    reply.content = `You asked for page ${fmt(page)}, but there ${result.pageCount === 1 ? 'is only 1 page' : `are only ${fmt(result.pageCount)} pages`}: here is the last one.`;
  }
  if (!chart) return reply;
  const recent = await attempt(() => s.history({ userId: ref.userId, name: result.character.name }, 1, CHART_ENTRIES));
  const c = result.character;
  return attachChart(reply, (charts) => charts.historyChart({ entries: recent.entries, levelNow: c.level, name: c.name }), {
    onError: (error) => context.services.logger.warn({ err: error }, 'chart could not be drawn'),
  });
}

export const history = leaf({
  description: 'The rune ledger, newest first, with totals earned, spent and lost',
  options: {
    page: integer('Page (default 1 = newest)', { min: 1, max: 100_000, noun: 'a page number' }),
    name: nameOption(),
    chart: boolean('Add a picture: runes held and level over time, deaths and losses marked'),
  },
  execute: (context, args) => historyReply(context, refOf(context, args.name), args.page ?? 1, args.chart ?? false),
});

function dateStamp(context: { services: Services }): string {
  return context.services.now().toISOString().slice(0, 10);
}

function exportFile(document: unknown, name: string): FileView {
  return { name, data: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'), description: 'Tarnished Ledger characters and rune ledgers (JSON)' };
}

export const exportData = leaf({
  description: 'Download all your characters and ledgers as a JSON file',
  options: {},
  async execute(context): Promise<Reply> {
    const document = await attempt(() => store(context).exportUser(context.request.user.id));
    const entries = document.characters.reduce((n, c) => n + c.ledger.length, 0);
    const names = document.characters.map((c) => nameOf(c));
    return {
      ephemeral: true,
      content:
        document.characters.length === 0
          ? 'You have no characters: the file holds an empty list.'
          : `Your ${document.characters.length === 1 ? 'character' : `${document.characters.length} characters`} (${truncate(joinNames(names), 1200)}) with ${fmt(entries)} ledger ${entries === 1 ? 'entry' : 'entries'}. ` +
            'Keep the file: `/character import file:…` loads it again.',
      files: [exportFile(document, `tarnished-ledger-${context.request.user.id}-${dateStamp(context)}.json`)],
    };
  },
});

export const importData = leaf({
  description: 'Load characters from an exported JSON file (checked first; a bad file changes nothing)',
  options: {
    file: attachment('A file made by /character export', { required: true }),
    replace: boolean('Replace ALL your characters with the file (default: add next to them)'),
  },
  async execute(context, args): Promise<Reply> {
    const { file } = args;
    const replace = args.replace ?? false;
    if (file.size > IMPORT_MAX_BYTES) throw new UserError(`That file is ${fmt(file.size)} bytes; an export is at most ${fmt(IMPORT_MAX_BYTES)}. Nothing was changed.`);
    let bytes: Buffer;
    try {
      bytes = await context.services.fetchAttachment(file, IMPORT_MAX_BYTES);
    } catch (error) {
      context.services.logger.warn({ err: error, userId: context.request.user.id }, 'import: could not fetch the attachment');
      throw new UserError(
        error instanceof RangeError ? `That file is larger than ${fmt(IMPORT_MAX_BYTES)} bytes. Nothing was changed.` : 'I could not download the attached file: attach it again in a moment. Nothing was changed.',
      );
    }
    // Checking and loading a large file is synchronous work: acknowledge first so Discord keeps waiting.
    await context.defer();
    const userId = context.request.user.id;
    // One transaction: the backup is exactly what a replace removes, and the listing what it leaves.
    const { imported, replaced, globalActive, backup, listing, fileUserId } = await attempt(() =>
      store(context).importUser(userId, new Uint8Array(bytes), { mode: replace ? 'replace' : 'merge', backup: replace, guildId: context.request.guildId }),
    );
    const lines = [
      imported.length === 0
        ? 'The file holds no characters.'
        : `Imported ${imported.length === 1 ? '1 character' : `${imported.length} characters`}: ${truncate(joinNames(imported.map((c) => nameOf(c))), 1200)}.`,
    ];
    // Another account's export is fine to load (the file is the importer's), but say so.
    if (fileUserId !== userId) lines.push(`This file was exported by another Discord account (<@${fileUserId}>): its characters are now yours.`);
    if (replace) lines.push(replaced > 0 ? `They replace your ${replaced === 1 ? 'previous character' : `${replaced} previous characters`}: a copy of those is attached.` : 'You had no characters to replace.');
    if (globalActive) lines.push(`Active: ${nameOf(globalActive)}.`);
    const reply: Reply = { ephemeral: true, content: lines.join('\n') };
    if (backup && backup.characters.length > 0) reply.files = [exportFile(backup, `tarnished-ledger-${userId}-before-import-${dateStamp(context)}.json`)];
    reply.embeds = [listEmbed(listing, context.request.guildId !== null)];
    if (listing.characters.length) reply.components = [[shareButton(ids.shareList(userId))]];
    return reply;
  },
});

export const forgetMe = leaf({
  description: 'Delete everything the bot stores about you (asks to confirm)',
  options: {},
  async execute(context): Promise<Reply> {
    const userId = context.request.user.id;
    // Counted by the store (COUNTs in one read), not by reading every history.
    const { characters: names, ledgerEntries: entries } = await attempt(() => store(context).summarizeUser(userId));
    if (names.length === 0) return privateText('The bot stores nothing about you: you have no characters.');
    const expires = Math.floor(context.services.now().getTime() / 1000) + CONFIRM_SECONDS;
    return {
      ephemeral: true,
      content:
        `This deletes everything the bot stores about you: ${names.length === 1 ? '1 character' : `${names.length} characters`} ` +
        `(${truncate(joinNames(names.map((name) => nameOf({ name }))), 1200)}), ${fmt(entries)} ledger ${entries === 1 ? 'entry' : 'entries'} and your active selections. ` +
        `It cannot be undone: \`/character export\` first keeps a copy. The button works for ${CONFIRM_SECONDS / 60} minutes.`,
      components: confirmButtons(ids.confirmForget(await buttonKey(context), userId, expires), 'Delete all my data', ids.cancel(userId)),
    };
  },
});

