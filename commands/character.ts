// /character: a player's saved characters (issue 5). Create, list, show, switch, rename, delete, set
// visibility, stats and progress; runes earned and spent (levels, merchant purchases, weapon upgrades)
// through the rune ledger; deaths and recovered bloodstains; the ledger history; export, import and
// forget-me.
//
// This file reads options, calls the character store (src/characters) and the rune core (src/runes), and
// hands the results to src/render/character.ts. Replies about one's own data are private (ephemeral) and
// carry a Share button that posts a public copy re-rendered from the database. Destructive actions
// (delete, forget-me) ask for a confirm button that only the owner can press and that expires.

import type { SlashCommandIntegerOption, SlashCommandStringOption, SlashCommandSubcommandBuilder } from '@discordjs/builders';
import { slashCommand } from '../src/router/define.ts';
import { UserError } from '../src/errors.ts';
import type { AutocompleteContext, CommandContext, CommandModule, ComponentContext } from '../src/router/types.ts';
import type { Choice, ComponentReply, EmbedView, Reply } from '../src/render/types.ts';
import { escapeUserText, truncate } from '../src/text/escape.ts';
import { ambiguousItemText, closestNamesText } from '../src/render/itemText.ts';
import { fmt, list as joinNames } from '../src/text/format.ts';
import { statLabel } from '../src/game/classes.ts';
import {
  characterCard,
  confirmButtons,
  historyButtons,
  historyEmbed,
  listEmbed,
  nameOf,
  shareButton,
  shareCardId,
  shareListId,
  stampOf,
  userText,
} from '../src/render/character.ts';
import { storeErrorText } from '../src/render/storeErrors.ts';
import { StoreError } from '../src/characters/errors.ts';
import type { CharacterStore } from '../src/characters/store.ts';
import type { Character, CharacterRef, CharacterView } from '../src/characters/types.ts';
import { MAX_CHARACTERS_PER_USER, NAME_MAX_LENGTH, NOTE_MAX_LENGTH, RUNE_CAP } from '../src/characters/types.ts';
import { planPurchase } from '../src/items/requirements.ts';
import { CLASSES, STAT_KEYS, type Stat, type Stats } from '../src/game/classes.ts';
import { MAX_UPGRADE } from '../src/game/upgradeTables.ts';
import { planWeaponUpgrade } from '../src/runes/index.ts';
import { getItemIndex } from '../src/items/search.ts';
import { isUpgradableWeapon, resolveItem, searchItems, type ItemFilter, type ItemResolution } from '../src/items/resolve.ts';
import type { Category, ItemRecord } from '../src/items/types.ts';

/** How long delete / forget-me confirmations stay pressable. */
export const CONFIRM_SECONDS = 5 * 60;
/** Ledger entries per history page, and on the card. */
const HISTORY_PAGE_SIZE = 10;
/** Largest import file accepted (the same as Discord's default upload limit). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_QUANTITY = 999;

// ---------------------------------------------------------------------------------------------
// Definition

const nameOption = (required: boolean, description = 'Your character (default: your active one)') => (o: SlashCommandStringOption) =>
  o.setName('name').setDescription(description).setMaxLength(NAME_MAX_LENGTH).setAutocomplete(true).setRequired(required);

const statOption = (stat: Stat) => (o: SlashCommandIntegerOption) => o.setName(stat).setDescription(`${statLabel(stat)} (1-99)`).setMinValue(1).setMaxValue(99);

function runesSub(sub: SlashCommandSubcommandBuilder, name: 'set' | 'add', description: string, min: number) {
  return sub
    .setName(name)
    .setDescription(description)
    .addIntegerOption((o) => o.setName('amount').setDescription(name === 'set' ? 'Runes held now' : 'Runes gained (negative to take away)').setMinValue(min).setMaxValue(RUNE_CAP).setRequired(true))
    .addStringOption((o) => o.setName('note').setDescription('What it was for (shown in the history)').setMaxLength(NOTE_MAX_LENGTH))
    .addStringOption(nameOption(false));
}

const data = slashCommand('character', 'Your saved characters: stats, runes held, deaths and the rune ledger')
  .addSubcommand((s) =>
    s
      .setName('create')
      .setDescription(`Create a character (at most ${MAX_CHARACTERS_PER_USER})`)
      .addStringOption((o) => o.setName('name').setDescription(`Its name (1-${NAME_MAX_LENGTH} characters)`).setMaxLength(NAME_MAX_LENGTH).setRequired(true))
      .addStringOption((o) =>
        o
          .setName('class')
          .setDescription('Starting class')
          .setRequired(true)
          .addChoices(...CLASSES.map((c) => ({ name: `${c.name} (level ${c.level})`, value: c.name }))),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('Your characters, and which one is active'))
  .addSubcommand((s) =>
    s
      .setName('show')
      .setDescription('A character card: stats, runes held and what they are worth, bloodstain')
      .addStringOption(nameOption(false))
      .addUserOption((o) => o.setName('user').setDescription("Someone else's character (only if they made it public)")),
  )
  .addSubcommand((s) =>
    s
      .setName('switch')
      .setDescription('Make a character your active one (used by default everywhere)')
      .addStringOption(nameOption(true, 'The character to switch to'))
      .addBooleanOption((o) => o.setName('here').setDescription('Only in this server (default: everywhere)')),
  )
  .addSubcommand((s) =>
    s
      .setName('rename')
      .setDescription('Rename a character')
      .addStringOption(nameOption(true, 'The character to rename'))
      .addStringOption((o) => o.setName('new_name').setDescription(`Its new name (1-${NAME_MAX_LENGTH} characters)`).setMaxLength(NAME_MAX_LENGTH).setRequired(true)),
  )
  .addSubcommand((s) => s.setName('delete').setDescription('Delete a character and its ledger (asks to confirm)').addStringOption(nameOption(true, 'The character to delete')))
  .addSubcommand((s) =>
    s
      .setName('visibility')
      .setDescription('Let others see a character with /character show user:… (private by default)')
      .addStringOption(nameOption(true, 'The character'))
      .addBooleanOption((o) => o.setName('public').setDescription('true = anyone can see it, false = only you').setRequired(true)),
  )
  .addSubcommand((s) => {
    s.setName('stats').setDescription('Set any of the 8 stats (the level follows); spends no runes').addStringOption(nameOption(false));
    for (const stat of STAT_KEYS) s.addIntegerOption(statOption(stat));
    return s;
  })
  .addSubcommand((s) =>
    s
      .setName('progress')
      .setDescription('Journey (NG+) and highest weapon upgrade, used by /matchmaking')
      .addStringOption(nameOption(false))
      .addIntegerOption((o) => o.setName('journey').setDescription('1 = first playthrough, 2 = NG+1 …').setMinValue(1).setMaxValue(999))
      .addIntegerOption((o) => o.setName('regular_upgrade').setDescription('Highest regular weapon upgrade ever held (0-25)').setMinValue(0).setMaxValue(MAX_UPGRADE.regular))
      .addIntegerOption((o) => o.setName('somber_upgrade').setDescription('Highest somber weapon upgrade ever held (0-10)').setMinValue(0).setMaxValue(MAX_UPGRADE.somber)),
  )
  .addSubcommandGroup((g) =>
    g
      .setName('runes')
      .setDescription('Runes held: set them, or add what you earned')
      .addSubcommand((s) => runesSub(s, 'set', 'Set the runes held (recorded as a correction)', 0))
      .addSubcommand((s) => runesSub(s, 'add', 'Add runes earned (or take some away with a negative amount)', -RUNE_CAP)),
  )
  .addSubcommand((s) =>
    s
      .setName('levelup')
      .setDescription("Level a stat up, spending exactly the game's cost")
      .addStringOption((o) =>
        o
          .setName('stat')
          .setDescription('The stat to raise')
          .setRequired(true)
          .addChoices(...STAT_KEYS.map((k) => ({ name: statLabel(k), value: k }))),
      )
      .addIntegerOption((o) => o.setName('points').setDescription('How many levels (default 1)').setMinValue(1).setMaxValue(98))
      .addStringOption(nameOption(false)),
  )
  .addSubcommand((s) =>
    s
      .setName('buy')
      .setDescription("Buy from a merchant: spends the item's rune price")
      .addStringOption((o) => o.setName('item').setDescription('Item sold for runes').setMaxLength(100).setAutocomplete(true).setRequired(true))
      .addIntegerOption((o) => o.setName('quantity').setDescription(`How many (default 1, at most ${MAX_QUANTITY})`).setMinValue(1).setMaxValue(MAX_QUANTITY))
      .addStringOption(nameOption(false)),
  )
  .addSubcommand((s) =>
    s
      .setName('upgrade')
      .setDescription("Upgrade a weapon at a smithing table: spends the upgrade's runes")
      .addStringOption((o) => o.setName('weapon').setDescription('Weapon or shield').setMaxLength(100).setAutocomplete(true).setRequired(true))
      .addIntegerOption((o) => o.setName('from').setDescription('Upgrade level now (0-25, somber 0-10)').setMinValue(0).setMaxValue(MAX_UPGRADE.regular).setRequired(true))
      .addIntegerOption((o) => o.setName('to').setDescription('Upgrade level after (1-25, somber 1-10)').setMinValue(1).setMaxValue(MAX_UPGRADE.regular).setRequired(true))
      .addStringOption(nameOption(false)),
  )
  .addSubcommand((s) => s.setName('died').setDescription('You died: the runes held drop into a bloodstain (an older one is lost)').addStringOption(nameOption(false)))
  .addSubcommand((s) => s.setName('recovered').setDescription('You touched your bloodstain: its runes come back').addStringOption(nameOption(false)))
  .addSubcommand((s) =>
    s
      .setName('history')
      .setDescription('The rune ledger, newest first, with totals earned, spent and lost')
      .addIntegerOption((o) => o.setName('page').setDescription('Page (default 1 = newest)').setMinValue(1))
      .addStringOption(nameOption(false)),
  )
  .addSubcommand((s) => s.setName('export').setDescription('Download all your characters and ledgers as a JSON file'))
  .addSubcommand((s) =>
    s
      .setName('import')
      .setDescription('Load characters from an exported JSON file (checked first; a bad file changes nothing)')
      .addAttachmentOption((o) => o.setName('file').setDescription('A file made by /character export').setRequired(true))
      .addBooleanOption((o) => o.setName('replace').setDescription('Replace ALL your characters with the file (default: add next to them)')),
  )
  .addSubcommand((s) => s.setName('forget-me').setDescription('Delete everything the bot stores about you (asks to confirm)'));

// ---------------------------------------------------------------------------------------------
// Store access: every expected store failure becomes a private, readable answer.

function store(context: { services: CommandContext['services'] }): CharacterStore {
  return context.services.store();
}

/** Runs store work; a StoreError a player can act on becomes a UserError, the rest propagate (logged). */
async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError && error.code !== 'storage' && error.code !== 'schema_too_new') throw new UserError(storeErrorText(error));
    throw error;
  }
}

function refOf(context: CommandContext, name?: string): CharacterRef {
  const { user, guildId } = context.request;
  return { userId: user.id, name: name ?? null, guildId };
}

/** The optional `name` option; blank counts as absent (the active character). */
function nameArg(context: CommandContext): string | undefined {
  const name = context.options.getString('name');
  return name === undefined || name.trim() === '' ? undefined : name;
}

/** The owner's card with the latest ledger entries, as the store read it (in the same transaction as any change). */
function ownCard(view: CharacterView, forOthers = false): EmbedView {
  return characterCard(view.character, {
    recent: view.recent,
    entryCount: view.entryCount,
    active: view.active,
    ...(forOthers ? { viewedByOther: true } : {}),
  });
}

/** A private reply about the caller's own character: a line saying what happened, the card, and Share. */
function ownReply(view: CharacterView, content?: string): Reply {
  return {
    ephemeral: true,
    ...(content ? { content } : {}),
    embeds: [ownCard(view)],
    components: [[shareButton(shareCardId(view.character))]],
  };
}

function privateText(content: string): Reply {
  return { ephemeral: true, content };
}

// ---------------------------------------------------------------------------------------------
// Subcommands

async function create(context: CommandContext): Promise<Reply> {
  const name = context.options.getString('name', true);
  const className = context.options.getString('class', true);
  const { character, madeActive, view } = await attempt(() => store(context).createCharacter(context.request.user.id, { name, className }));
  return ownReply(
    view,
    `Created ${nameOf(character)}, ${/^[AEIOU]/.test(character.className) ? 'an' : 'a'} ${character.className} at level ${character.level}.${madeActive ? ' It is your active character.' : ` Switch to it with \`/character switch\`.`}`,
  );
}

async function listCommand(context: CommandContext): Promise<Reply> {
  const { user, guildId } = context.request;
  const listing = await attempt(() => store(context).listCharacters(user.id, guildId));
  return {
    ephemeral: true,
    embeds: [listEmbed(listing, guildId !== null)],
    components: listing.characters.length ? [[shareButton(shareListId(user.id))]] : [],
  };
}

async function show(context: CommandContext): Promise<Reply> {
  const { user, guildId } = context.request;
  const other = context.options.getUser('user');
  const name = nameArg(context);
  if (other && other.id !== user.id) {
    const character = await attempt(() => store(context).getCharacter(user.id, { ownerId: other.id, name: name ?? null, guildId }));
    return { ephemeral: true, content: `<@${other.id}>'s character:`, embeds: [characterCard(character, { viewedByOther: true })] };
  }
  return ownReply(await attempt(() => store(context).getCharacterView(user.id, { name: name ?? null, guildId })));
}

async function switchCommand(context: CommandContext): Promise<Reply> {
  const { user, guildId } = context.request;
  const name = context.options.getString('name', true);
  const here = context.options.getBoolean('here') ?? false;
  if (here && guildId === null) {
    throw new UserError('`here:true` picks a character for one server, and this is not a server. Leave it out to switch everywhere.');
  }
  const s = store(context);
  if (here) {
    const { character, globalActive, view } = await attempt(() => s.switchActive(user.id, name, guildId));
    const global = globalActive?.name;
    const elsewhere = global && global !== character.name ? ` Elsewhere it is still ${nameOf({ name: global })}.` : '';
    return ownReply(view, `${nameOf(character)} is now your active character in this server.${elsewhere}`);
  }
  // Switching everywhere from a server also drops that server's own pick, in the same transaction.
  const { character, clearedOverride, view } = await attempt(() => s.switchActive(user.id, name, null, { clearGuildOverride: guildId }));
  const before = clearedOverride?.name ?? null;
  const cleared = before !== null && before !== character.name ? ` This server's own pick (${nameOf({ name: before })}) was cleared.` : '';
  return ownReply(view, `${nameOf(character)} is now your active character everywhere (except servers where you picked another with \`here:true\`).${cleared}`);
}

async function rename(context: CommandContext): Promise<Reply> {
  const name = context.options.getString('name', true);
  const newName = context.options.getString('new_name', true);
  const { character, previousName, view } = await attempt(() => store(context).renameCharacter(refOf(context, name), newName));
  return ownReply(view, `Renamed ${nameOf({ name: previousName })} to ${nameOf(character)}.`);
}

async function deleteCommand(context: CommandContext): Promise<Reply> {
  const name = context.options.getString('name', true);
  const s = store(context);
  const page = await attempt(() => s.history(refOf(context, name), 1, 1));
  const c = page.character;
  const expires = Math.floor(context.services.now().getTime() / 1000) + CONFIRM_SECONDS;
  const confirmId = `character:del:${c.ownerId}:${c.id}:${stampOf(c)}:${expires.toString(36)}`;
  return {
    ephemeral: true,
    content:
      `Delete ${nameOf(c)} (${c.className}, level ${c.level}, ${fmt(c.runesHeld)} runes held) and its ${fmt(page.totals.entries)} ledger ` +
      `${page.totals.entries === 1 ? 'entry' : 'entries'}? This cannot be undone: \`/character export\` first keeps a copy. ` +
      `The button works for ${CONFIRM_SECONDS / 60} minutes.`,
    components: confirmButtons(confirmId, `Delete ${truncate(c.name, 60)}`, c.ownerId),
  };
}

async function visibility(context: CommandContext): Promise<Reply> {
  const name = context.options.getString('name', true);
  const isPublic = context.options.getBoolean('public', true);
  const { character, changed, view } = await attempt(() => store(context).setVisibility(refOf(context, name), isPublic));
  const what = isPublic ? 'public: anyone can see it with `/character show user:@you`' : 'private: only you can see it';
  return ownReply(view, `${nameOf(character)} ${changed ? 'is now' : 'was already'} ${what}.`);
}

async function stats(context: CommandContext): Promise<Reply> {
  const changes: Partial<Stats> = {};
  for (const stat of STAT_KEYS) {
    const value = context.options.getInteger(stat);
    if (value !== undefined) changes[stat] = value;
  }
  if (Object.keys(changes).length === 0) {
    throw new UserError(`Give at least one stat to set, e.g. \`/character stats vigor:40 strength:30\` (${STAT_KEYS.join(', ')}).`);
  }
  const { character, previousStats, previousLevel, view } = await attempt(() => store(context).setStats(refOf(context, nameArg(context)), changes));
  const moved = STAT_KEYS.filter((k) => previousStats[k] !== character.stats[k]).map((k) => `${statLabel(k)} ${previousStats[k]} → ${character.stats[k]}`);
  const level = previousLevel === character.level ? `level ${character.level}` : `level ${previousLevel} → ${character.level}`;
  return ownReply(view, moved.length ? `${nameOf(character)}: ${moved.join(', ')} (${level}). No runes were spent.` : `${nameOf(character)}: nothing changed (${level}).`);
}

async function progress(context: CommandContext): Promise<Reply> {
  const journey = context.options.getInteger('journey');
  const regular = context.options.getInteger('regular_upgrade');
  const somber = context.options.getInteger('somber_upgrade');
  if (journey === undefined && regular === undefined && somber === undefined) {
    throw new UserError('Give `journey`, `regular_upgrade` or `somber_upgrade`, e.g. `/character progress regular_upgrade:18 somber_upgrade:7`.');
  }
  const maxUpgrade = regular === undefined && somber === undefined ? undefined : { ...(regular !== undefined ? { regular } : {}), ...(somber !== undefined ? { somber } : {}) };
  const { character, view } = await attempt(() =>
    store(context).setProgress(refOf(context, nameArg(context)), { ...(journey !== undefined ? { journey } : {}), ...(maxUpgrade ? { maxUpgrade } : {}) }),
  );
  return ownReply(
    view,
    `${nameOf(character)}: journey ${character.journey}, highest weapon +${character.maxUpgrade.regular} regular / +${character.maxUpgrade.somber} somber.`,
  );
}

async function runesCommand(context: CommandContext, action: 'set' | 'add'): Promise<Reply> {
  const amount = context.options.getInteger('amount', true);
  const note = context.options.getString('note');
  const ref = refOf(context, nameArg(context));
  const s = store(context);
  if (action === 'set') {
    const { character, previous, view } = await attempt(() => s.setRunes(ref, amount, note ?? null));
    return ownReply(view, `${nameOf(character)}: runes held ${fmt(previous)} → **${fmt(character.runesHeld)}**.`);
  }
  const { character, entry, view } = await attempt(() => s.addRunes(ref, amount, note ?? null));
  return ownReply(view, `${nameOf(character)}: ${amount >= 0 ? 'earned' : 'took away'} ${fmt(Math.abs(entry.amount))} runes, now holding **${fmt(character.runesHeld)}**.`);
}

async function levelup(context: CommandContext): Promise<Reply> {
  const stat = context.options.getString('stat', true);
  const points = context.options.getInteger('points') ?? 1;
  const result = await attempt(() => store(context).levelUp(refOf(context, nameArg(context)), stat, points));
  const { character } = result;
  return ownReply(
    result.view,
    `${nameOf(character)}: ${statLabel(result.stat)} ${result.fromValue} → ${result.toValue}, level ${result.fromLevel} → ${result.toLevel}, ` +
      `for **${fmt(result.cost)}** runes. Holding ${fmt(character.runesHeld)}.`,
  );
}

async function died(context: CommandContext): Promise<Reply> {
  const { character, dropped, lostBloodstain, view } = await attempt(() => store(context).recordDeath(refOf(context, nameArg(context))));
  const lines = [dropped > 0 ? `${nameOf(character)} died: **${fmt(dropped)}** runes dropped into a bloodstain.` : `${nameOf(character)} died holding no runes.`];
  if (lostBloodstain > 0) lines.push(`The earlier bloodstain of **${fmt(lostBloodstain)}** runes was not recovered and is lost for good.`);
  if (dropped > 0) lines.push('Touch the bloodstain before dying again, then `/character recovered`.');
  return ownReply(view, lines.join('\n'));
}

async function recovered(context: CommandContext): Promise<Reply> {
  const { character, recovered: back, lostToCap, view } = await attempt(() => store(context).recordRecovery(refOf(context, nameArg(context))));
  const cap = lostToCap > 0 ? ` ${fmt(lostToCap)} did not fit under the cap of ${fmt(RUNE_CAP)} and are lost.` : '';
  return ownReply(view, `${nameOf(character)} recovered **${fmt(back)}** runes from the bloodstain, now holding ${fmt(character.runesHeld)}.${cap}`);
}

async function historyReply(s: CharacterStore, ref: CharacterRef, page: number): Promise<Reply> {
  const result = await attempt(() => s.history(ref, page, HISTORY_PAGE_SIZE));
  const reply: Reply = { ephemeral: true, embeds: [historyEmbed(result)], components: historyButtons(result) };
  // The store shows the last page for a page past the end: say so rather than pretend it was asked for.
  if (page > result.pageCount) {
    reply.content = `You asked for page ${fmt(page)}, but there ${result.pageCount === 1 ? 'is only 1 page' : `are only ${fmt(result.pageCount)} pages`}: here is the last one.`;
  }
  return reply;
}

function history(context: CommandContext): Promise<Reply> {
  const page = context.options.getInteger('page') ?? 1;
  if (page < 1) throw new UserError('`page` must be 1 or more.');
  return historyReply(store(context), refOf(context, nameArg(context)), page);
}

// ---- buying and upgrading ---------------------------------------------------------------------
// Items come from the shared item index (src/items/search.ts): `buy` takes items with a rune price,
// `upgrade` weapons and shields on the regular or somber path. Autocomplete values are item keys.

const UPGRADABLE: readonly Category[] = ['weapon', 'shield'];
const BUYABLE = { accept: soldForRunes };
const SMITHABLE = { categories: UPGRADABLE, accept: isUpgradableWeapon };

function soldForRunes(item: ItemRecord): boolean {
  return item.shop?.some((o) => o.currency === 'runes') ?? false;
}

/**
 * The one item meant by `raw` (an item key from autocomplete, or typed text), by the shared rule of
 * src/items/resolve.ts: two equally good matches are a question, never a guess that spends runes.
 */
function pick(raw: string, filter: ItemFilter, what: string): Exclude<ItemResolution, { kind: 'ambiguous' }> {
  const found = resolveItem(raw, filter);
  if (found.kind === 'ambiguous') throw new UserError(ambiguousItemText(raw, what, found.candidates, found.total));
  return found;
}

async function buy(context: CommandContext): Promise<Reply> {
  const raw = context.options.getString('item', true);
  const quantity = context.options.getInteger('quantity') ?? 1;
  if (quantity < 1 || quantity > MAX_QUANTITY) throw new UserError(`\`quantity\` must be from 1 to ${MAX_QUANTITY}.`);
  const found = pick(raw, BUYABLE, 'item');
  if (found.kind === 'not-found') {
    // Not sold for runes: say why, if the item exists at all.
    const known = found.refused;
    if (!known) throw new UserError(`No item sold for runes matches “${userText(raw, 60)}”.${closestNamesText(found.closest)} Pick one from the list as you type.`);
    const trades = (known.shop ?? []).filter((o) => o.currency !== 'runes');
    throw new UserError(
      trades.length
        ? `**${escapeUserText(known.name)}** is not sold for runes: ${joinNames(trades.slice(0, 3).map((o) => `${escapeUserText(o.merchant)} trades it for ${fmt(o.price)} × ${escapeUserText(o.currency)}`))}. Nothing was spent.`
        : `No merchant sells **${escapeUserText(known.name)}** for runes in the item data. Nothing was spent; use \`/character runes add amount:-…\` to record a price by hand.`,
    );
  }
  const item = found.item;
  const plan = planPurchase(item.shop, quantity);
  if (!plan.ok) {
    if (plan.reason === 'stock') {
      throw new UserError(`The merchants stock only ${fmt(plan.available)} × **${escapeUserText(item.name)}** per playthrough, fewer than ${fmt(quantity)}. Nothing was spent.`);
    }
    throw new UserError(`**${escapeUserText(item.name)}** is not sold for runes. Nothing was spent.`);
  }
  const what = quantity === 1 ? item.name : `${item.name} ×${quantity}`;
  const from = joinNames(plan.lines.map((l) => `${plan.lines.length > 1 ? `${l.count} from ` : ''}${l.merchant} at ${fmt(l.priceEach)}`));
  const { character, view } = await attempt(() => store(context).spend(refOf(context, nameArg(context)), 'purchase', plan.total, truncate(what, 100), truncate(from, 200)));
  return ownReply(
    view,
    `${nameOf(character)} bought ${escapeUserText(what)} for **${fmt(plan.total)}** runes (${escapeUserText(from)}). Holding ${fmt(character.runesHeld)}.`,
  );
}

async function upgrade(context: CommandContext): Promise<Reply> {
  const raw = context.options.getString('weapon', true);
  const from = context.options.getInteger('from', true);
  const to = context.options.getInteger('to', true);
  const found = pick(raw, SMITHABLE, 'weapon');
  if (found.kind === 'not-found') {
    if (found.refused && UPGRADABLE.includes(found.refused.category)) throw new UserError(`**${escapeUserText(found.refused.name)}** cannot be upgraded. Nothing was spent.`);
    throw new UserError(`No upgradable weapon or shield matches “${userText(raw, 60)}”.${closestNamesText(found.closest)} Pick one from the list as you type.`);
  }
  const item = found.item;
  const path = item.upgrade === 'somber' ? 'somber' : 'regular';
  const max = MAX_UPGRADE[path];
  if (from < 0 || to > max || from >= to) {
    throw new UserError(`**${escapeUserText(item.name)}** uses ${path} stones and goes from +0 to +${max}: \`from\` must be below \`to\` (you gave +${from} → +${to}).`);
  }
  if (item.upgradePrice === undefined) {
    throw new UserError(
      `The item data has no rune price for upgrading **${escapeUserText(item.name)}**${item.dlc ? ' (a DLC weapon)' : ''}. Nothing was spent; record what you paid with \`/character runes add amount:-…\`.`,
    );
  }
  const plan = planWeaponUpgrade({ reinforcePrice: item.upgradePrice, path, from, to });
  if (plan.runes.total <= 0) throw new UserError(`Upgrading **${escapeUserText(item.name)}** from +${from} to +${to} costs no runes: nothing to record.`);
  const ref = refOf(context, nameArg(context));
  const s = store(context);
  const what = `${item.name} +${from}→+${to}`;
  const result = await attempt(() => s.recordUpgrade(ref, { amount: plan.runes.total, what: truncate(what, 100), path, toLevel: to }));
  const character = result.character;
  const raised = result.raised ? ` Highest ${path} upgrade is now +${to} (used by /matchmaking).` : '';
  const stones = plan.materials.totals.map((m) => `${m.count} × ${m.material}`).join(', ');
  // As in /upgrade, an explicit `from` wins over a "+N" typed after the name (here `from` is always given).
  const typedLevel = found.level !== undefined && found.level !== from ? `\nThe +${found.level} in the name was not used: \`from\` says +${from}.` : '';
  return ownReply(
    result.view,
    `${nameOf(character)} upgraded ${escapeUserText(what)} for **${fmt(plan.runes.total)}** runes. Holding ${fmt(character.runesHeld)}.${raised}` +
      (stones ? `\nIt also takes ${stones} (not tracked here).` : '') +
      typedLevel,
  );
}

// ---- export, import, forget-me -------------------------------------------------------------------

function dateStamp(context: { services: CommandContext['services'] }): string {
  return context.services.now().toISOString().slice(0, 10);
}

function exportFile(document: unknown, name: string): { name: string; data: Buffer; description: string } {
  return { name, data: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'), description: 'Tarnished Ledger characters and rune ledgers (JSON)' };
}

async function exportCommand(context: CommandContext): Promise<Reply> {
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
}

async function importCommand(context: CommandContext): Promise<Reply> {
  const file = context.options.getAttachment('file', true);
  const replace = context.options.getBoolean('replace') ?? false;
  if (file.size > IMPORT_MAX_BYTES) {
    throw new UserError(`That file is ${fmt(file.size)} bytes; an export is at most ${fmt(IMPORT_MAX_BYTES)}. Nothing was changed.`);
  }
  let bytes: Buffer;
  try {
    bytes = await context.services.fetchAttachment(file, IMPORT_MAX_BYTES);
  } catch (error) {
    context.services.logger.warn({ err: error, userId: context.request.user.id }, 'import: could not fetch the attachment');
    throw new UserError(
      error instanceof RangeError
        ? `That file is larger than ${fmt(IMPORT_MAX_BYTES)} bytes. Nothing was changed.`
        : 'I could not download the attached file: attach it again in a moment. Nothing was changed.',
    );
  }
  // Checking and loading a large file is synchronous work: acknowledge first so Discord keeps waiting.
  await context.defer();
  const s = store(context);
  const userId = context.request.user.id;
  // One transaction: the backup is exactly what a replace removes, and the listing what it leaves.
  const { imported, replaced, globalActive, backup, listing } = await attempt(() =>
    s.importUser(userId, new Uint8Array(bytes), { mode: replace ? 'replace' : 'merge', backup: replace, guildId: context.request.guildId }),
  );
  const lines = [
    imported.length === 0
      ? 'The file holds no characters.'
      : `Imported ${imported.length === 1 ? '1 character' : `${imported.length} characters`}: ${truncate(joinNames(imported.map((c) => nameOf(c))), 1200)}.`,
  ];
  if (replace) lines.push(replaced > 0 ? `They replace your ${replaced === 1 ? 'previous character' : `${replaced} previous characters`}: a copy of those is attached.` : 'You had no characters to replace.');
  if (globalActive) lines.push(`Active: ${nameOf(globalActive)}.`);
  const reply: Reply = { ephemeral: true, content: lines.join('\n') };
  if (backup && backup.characters.length > 0) reply.files = [exportFile(backup, `tarnished-ledger-${userId}-before-import-${dateStamp(context)}.json`)];
  reply.embeds = [listEmbed(listing, context.request.guildId !== null)];
  if (listing.characters.length) reply.components = [[shareButton(shareListId(userId))]];
  return reply;
}

async function forgetMe(context: CommandContext): Promise<Reply> {
  const userId = context.request.user.id;
  // Counted by the store (COUNTs in one read), not by reading every history.
  const { characters: names, ledgerEntries: entries } = await attempt(() => store(context).summarizeUser(userId));
  const characters = names.map((name) => ({ name }));
  if (characters.length === 0) return privateText('The bot stores nothing about you: you have no characters.');
  const expires = Math.floor(context.services.now().getTime() / 1000) + CONFIRM_SECONDS;
  return {
    ephemeral: true,
    content:
      `This deletes everything the bot stores about you: ${characters.length === 1 ? '1 character' : `${characters.length} characters`} ` +
      `(${truncate(joinNames(characters.map((c) => nameOf(c))), 1200)}), ${fmt(entries)} ledger ${entries === 1 ? 'entry' : 'entries'} and your active selections. ` +
      `It cannot be undone: \`/character export\` first keeps a copy. The button works for ${CONFIRM_SECONDS / 60} minutes.`,
    components: confirmButtons(`character:forget:${userId}:${expires.toString(36)}`, 'Delete all my data', userId),
  };
}

// ---------------------------------------------------------------------------------------------
// Buttons

function componentText(content: string): ComponentReply {
  return { mode: 'reply', reply: { ephemeral: true, content } };
}

function updateText(content: string): ComponentReply {
  return { mode: 'update', reply: { ephemeral: true, content, embeds: [], components: [] } };
}

const EXPIRED = 'This button no longer works: run the command again.';

function parseNumber(text: string | undefined, radix = 10): number | undefined {
  if (text === undefined || !(radix === 10 ? /^\d{1,15}$/ : /^[0-9a-z]{1,12}$/).test(text)) return undefined;
  const value = Number.parseInt(text, radix);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The owner's character with this id and creation stamp, or undefined (deleted: ids are never reused). */
async function findOwn(s: CharacterStore, ownerId: string, idText: string | undefined, stamp: string | undefined): Promise<Character | undefined> {
  const id = parseNumber(idText);
  if (id === undefined || stamp === undefined) return undefined;
  return (await s.listCharacters(ownerId)).characters.find((c) => c.id === id && stampOf(c) === stamp);
}

function expired(context: ComponentContext, expiresText: string | undefined): boolean {
  const expires = parseNumber(expiresText, 36);
  return expires === undefined || context.services.now().getTime() / 1000 > expires;
}

async function share(context: ComponentContext, ownerId: string, rest: string[]): Promise<ComponentReply> {
  const s = store(context);
  const [what, idText, stamp, pageText] = rest;
  const sharedBy = `Shared by <@${ownerId}>`;
  if (what === 'l' && rest.length === 1) {
    const listing = await attempt(() => s.listCharacters(ownerId, context.request.guildId));
    const { footer: _footer, ...embed } = listEmbed(listing, context.request.guildId !== null);
    return { mode: 'reply', reply: { content: sharedBy, embeds: [{ ...embed, title: `Characters (${listing.characters.length})` }] } };
  }
  if (what !== 'c' && what !== 'h') return componentText(EXPIRED);
  const character = await findOwn(s, ownerId, idText, stamp);
  if (!character) return componentText('That character no longer exists.');
  const ref = { userId: ownerId, name: character.name };
  if (what === 'c') {
    // A public copy: the facts, without the advice addressed to the owner.
    const view = await attempt(() => s.getCharacterView(ownerId, { name: character.name, guildId: context.request.guildId }));
    return { mode: 'reply', reply: { content: sharedBy, embeds: [ownCard(view, true)] } };
  }
  const page = parseNumber(pageText) ?? 1;
  const result = await attempt(() => s.history(ref, Math.max(1, page), HISTORY_PAGE_SIZE));
  return { mode: 'reply', reply: { content: sharedBy, embeds: [historyEmbed(result)] } };
}

async function component(context: ComponentContext): Promise<ComponentReply> {
  const [action, ownerId, ...rest] = context.args;
  if (action === undefined || ownerId === undefined) return componentText(EXPIRED);
  const known = ['share', 'hist', 'del', 'forget', 'cancel'];
  if (!known.includes(action)) return componentText(EXPIRED);
  if (context.request.user.id !== ownerId) return componentText('Only the owner of these characters can press this button.');
  const s = store(context);
  switch (action) {
    case 'share':
      return share(context, ownerId, rest);
    case 'hist': {
      const [idText, stamp, pageText] = rest;
      const character = await findOwn(s, ownerId, idText, stamp);
      const page = parseNumber(pageText);
      if (!character || page === undefined) return updateText('That character no longer exists.');
      return { mode: 'update', reply: await historyReply(s, { userId: ownerId, name: character.name }, Math.max(1, page)) };
    }
    case 'del': {
      const [idText, stamp, expiresText] = rest;
      if (expired(context, expiresText)) return updateText('This confirmation expired: nothing was deleted. Run `/character delete` again.');
      const character = await findOwn(s, ownerId, idText, stamp);
      if (!character) return updateText('That character no longer exists.');
      const result = await attempt(() => s.deleteCharacter({ userId: ownerId, name: character.name }));
      const active = result.globalActive ? ` Your active character is now ${nameOf(result.globalActive)}.` : '';
      return updateText(`Deleted ${nameOf(result.deleted)} and its ${fmt(result.ledgerEntriesDeleted)} ledger ${result.ledgerEntriesDeleted === 1 ? 'entry' : 'entries'}.${active}`);
    }
    case 'forget': {
      if (expired(context, rest[0])) return updateText('This confirmation expired: nothing was deleted. Run `/character forget-me` again.');
      const result = await attempt(() => s.forgetUser(ownerId));
      return updateText(
        `Done: deleted ${result.characters === 1 ? '1 character' : `${fmt(result.characters)} characters`}, ${fmt(result.ledgerEntries)} ledger ` +
          `${result.ledgerEntries === 1 ? 'entry' : 'entries'} and ${fmt(result.selections)} active ${result.selections === 1 ? 'selection' : 'selections'}. The bot stores nothing more about you.`,
      );
    }
    default:
      return updateText('Cancelled: nothing was changed.');
  }
}

// ---------------------------------------------------------------------------------------------
// Autocomplete

async function characterChoices(context: AutocompleteContext): Promise<Choice[]> {
  const { user, guildId } = context.request;
  const listing = await store(context).listCharacters(user.id, guildId);
  const q = context.query.trim().toLowerCase();
  return listing.characters
    .filter((c) => c.name.toLowerCase().includes(q))
    .sort((a, b) => Number(b.name.toLowerCase().startsWith(q)) - Number(a.name.toLowerCase().startsWith(q)) || Number(b.name === listing.active) - Number(a.name === listing.active))
    .map((c) => ({ name: `${c.name} — ${c.className}, level ${c.level}${c.name === listing.active ? ' (active)' : ''}`, value: c.name }));
}

function itemChoices(query: string): Choice[] {
  if (!getItemIndex()) return [];
  return searchItems(query, { ...BUYABLE, limit: 25 }).map(({ item }) => {
    const offers = (item.shop ?? []).filter((o) => o.currency === 'runes');
    const cheapest = Math.min(...offers.map((o) => o.price));
    return { name: `${item.name} — ${fmt(cheapest)} runes${offers.length === 1 ? ` (${offers[0]!.merchant})` : ''}`, value: item.key, typed: item.name };
  });
}

function weaponChoices(query: string): Choice[] {
  if (!getItemIndex()) return [];
  return searchItems(query, { ...SMITHABLE, limit: 25 }).map(({ item }) => ({
    name: `${item.name} (${item.upgrade}${item.upgradePrice === undefined ? ', no rune price in the data' : ''})`,
    value: item.key,
    typed: item.name,
  }));
}

function autocomplete(context: AutocompleteContext): Choice[] | Promise<Choice[]> {
  switch (context.request.focused) {
    case 'name':
      return characterChoices(context);
    case 'item':
      return itemChoices(context.query);
    case 'weapon':
      return weaponChoices(context.query);
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------

function execute(context: CommandContext): Reply | Promise<Reply> {
  const { group, subcommand } = context.request;
  if (group === 'runes' && (subcommand === 'set' || subcommand === 'add')) return runesCommand(context, subcommand);
  switch (subcommand) {
    case 'create':
      return create(context);
    case 'list':
      return listCommand(context);
    case 'show':
      return show(context);
    case 'switch':
      return switchCommand(context);
    case 'rename':
      return rename(context);
    case 'delete':
      return deleteCommand(context);
    case 'visibility':
      return visibility(context);
    case 'stats':
      return stats(context);
    case 'progress':
      return progress(context);
    case 'levelup':
      return levelup(context);
    case 'buy':
      return buy(context);
    case 'upgrade':
      return upgrade(context);
    case 'died':
      return died(context);
    case 'recovered':
      return recovered(context);
    case 'history':
      return history(context);
    case 'export':
      return exportCommand(context);
    case 'import':
      return importCommand(context);
    case 'forget-me':
      return forgetMe(context);
    default:
      throw new UserError('Choose a subcommand: `/help command:character` lists them.');
  }
}

export const character: CommandModule = {
  data,
  deferEphemeral: true,
  examples: [
    { usage: '/character create name:Miriel class:Vagabond', description: 'new character' },
    { usage: '/character list', description: 'your characters' },
    { usage: '/character show', description: 'card: runes worth, bloodstain' },
    { usage: '/character switch name:Miriel', description: 'active character' },
    { usage: '/character runes set amount:2500', description: 'correct runes held' },
    { usage: '/character runes add amount:100000', description: 'runes earned' },
    { usage: '/character levelup stat:vigor points:5', description: 'spend on levels' },
    { usage: '/character buy item:Arrow quantity:10', description: 'merchant purchase' },
    { usage: '/character upgrade weapon:Longsword from:0 to:3', description: 'smithing' },
    { usage: '/character stats strength:20', description: 'set stats' },
    { usage: '/character progress regular_upgrade:3', description: 'for matchmaking' },
    { usage: '/character died', description: 'runes → bloodstain' },
    { usage: '/character recovered', description: 'bloodstain → runes' },
    { usage: '/character history', description: 'rune ledger' },
    { usage: '/character visibility name:Miriel public:true', description: 'public card' },
    { usage: '/character rename name:Miriel new_name:Mirel', description: 'rename' },
    { usage: '/character export', description: 'JSON backup' },
    { usage: '/character import file:characters.json', description: 'restore' },
    { usage: '/character delete name:Mirel', description: 'confirm button' },
    { usage: '/character forget-me', description: 'delete all your data' },
  ],
  execute,
  autocomplete,
  component,
};
