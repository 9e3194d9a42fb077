// /character create, list, show, switch, rename, delete, visibility, stats, progress: the character
// sheet itself. Every change is one store transaction that also returns the card to show.

import { MAX_CHARACTERS_PER_USER, NAME_MAX_LENGTH } from '../../src/characters/types.ts';
import { UserError } from '../../src/errors.ts';
import { CLASSES, STAT_KEYS, statLabel, type Stats } from '../../src/game/classes.ts';
import { MAX_UPGRADE } from '../../src/game/upgradeTables.ts';
import { characterCard, confirmButtons, listEmbed, nameOf, shareButton } from '../../src/render/character.ts';
import type { Reply } from '../../src/render/types.ts';
import { leaf } from '../../src/router/command.ts';
import { statOptions } from '../../src/router/gameOptions.ts';
import { boolean, integer, string, user } from '../../src/router/spec.ts';
import { truncate } from '../../src/text/escape.ts';
import { fmt } from '../../src/text/format.ts';
import { CONFIRM_SECONDS, attempt, buttonKey, nameOption, ownReply, refOf, requiredName, store } from './common.ts';
import { ids } from './ids.ts';

const newName = (description: string) => string(description, { required: true, maxLength: NAME_MAX_LENGTH });

export const create = leaf({
  description: `Create a character (at most ${MAX_CHARACTERS_PER_USER})`,
  options: {
    name: newName('Its name'),
    class: string('Starting class', { required: true, choices: CLASSES.map((c) => ({ name: `${c.name} (level ${c.level})`, value: c.name })) }),
  },
  async execute(context, args) {
    const { character, madeActive, view } = await attempt(() => store(context).createCharacter(context.request.user.id, { name: args.name, className: args.class }));
    return ownReply(
      view,
      `Created ${nameOf(character)}, ${/^[AEIOU]/.test(character.className) ? 'an' : 'a'} ${character.className} at level ${character.level}.${madeActive ? ' It is your active character.' : ` Switch to it with \`/character switch\`.`}`,
    );
  },
});

export const list = leaf({
  description: 'Your characters, and which one is active',
  options: {},
  async execute(context) {
    const { user, guildId } = context.request;
    const listing = await attempt(() => store(context).listCharacters(user.id, guildId));
    return {
      ephemeral: true,
      embeds: [listEmbed(listing, guildId !== null)],
      components: listing.characters.length ? [[shareButton(ids.shareList(user.id))]] : [],
    };
  },
});

export const show = leaf({
  description: 'A character card: stats, runes held and what they are worth, bloodstain',
  options: {
    name: nameOption(),
    user: user("Someone else's character (only if they made it public)"),
  },
  async execute(context, args): Promise<Reply> {
    const { user: me, guildId } = context.request;
    const other = args.user;
    const name = args.name?.trim() ? args.name : null;
    if (other && other.id !== me.id) {
      const character = await attempt(() => store(context).getCharacter(me.id, { ownerId: other.id, name, guildId }));
      return { ephemeral: true, content: `<@${other.id}>'s character:`, embeds: [characterCard(character, { viewedByOther: true })] };
    }
    return ownReply(await attempt(() => store(context).getCharacterView(me.id, { name, guildId })));
  },
});

export const switchTo = leaf({
  description: 'Make a character your active one (used by default everywhere)',
  options: {
    name: requiredName('The character to switch to'),
    here: boolean('Only in this server (default: everywhere)'),
  },
  async execute(context, args) {
    const { user, guildId } = context.request;
    if (args.here && guildId === null) {
      throw new UserError('`here:true` picks a character for one server, and this is not a server. Leave it out to switch everywhere.');
    }
    const s = store(context);
    if (args.here) {
      const { character, globalActive, view } = await attempt(() => s.switchActive(user.id, args.name, guildId));
      const global = globalActive?.name;
      const elsewhere = global && global !== character.name ? ` Elsewhere it is still ${nameOf({ name: global })}.` : '';
      return ownReply(view, `${nameOf(character)} is now your active character in this server.${elsewhere}`);
    }
    // Switching everywhere from a server also drops that server's own pick, in the same transaction.
    const { character, clearedOverride, view } = await attempt(() => s.switchActive(user.id, args.name, null, { clearGuildOverride: guildId }));
    const before = clearedOverride?.name ?? null;
    const cleared = before !== null && before !== character.name ? ` This server's own pick (${nameOf({ name: before })}) was cleared.` : '';
    return ownReply(view, `${nameOf(character)} is now your active character everywhere (except servers where you picked another with \`here:true\`).${cleared}`);
  },
});

export const rename = leaf({
  description: 'Rename a character',
  options: { name: requiredName('The character to rename'), new_name: newName('Its new name') },
  async execute(context, args) {
    const { character, previousName, view } = await attempt(() => store(context).renameCharacter(refOf(context, args.name), args.new_name));
    return ownReply(view, `Renamed ${nameOf({ name: previousName })} to ${nameOf(character)}.`);
  },
});

export const remove = leaf({
  description: 'Delete a character and its ledger (asks to confirm)',
  options: { name: requiredName('The character to delete') },
  async execute(context, args): Promise<Reply> {
    const s = store(context);
    const page = await attempt(() => s.history(refOf(context, args.name), 1, 1));
    const c = page.character;
    const expires = Math.floor(context.services.now().getTime() / 1000) + CONFIRM_SECONDS;
    const confirmId = ids.confirmDelete(await buttonKey(context), c, expires);
    return {
      ephemeral: true,
      content:
        `Delete ${nameOf(c)} (${c.className}, level ${c.level}, ${fmt(c.runesHeld)} runes held) and its ${fmt(page.totals.entries)} ledger ` +
        `${page.totals.entries === 1 ? 'entry' : 'entries'}? This cannot be undone: \`/character export\` first keeps a copy. ` +
        `The button works for ${CONFIRM_SECONDS / 60} minutes.`,
      components: confirmButtons(confirmId, `Delete ${truncate(c.name, 60)}`, ids.cancel(c.ownerId)),
    };
  },
});

export const visibility = leaf({
  description: 'Let others see a character with /character show user:… (private by default)',
  options: { name: requiredName('The character'), public: boolean('true = anyone can see it, false = only you', { required: true }) },
  async execute(context, args) {
    const { character, changed, view } = await attempt(() => store(context).setVisibility(refOf(context, args.name), args.public));
    const what = args.public ? 'public: anyone can see it with `/character show user:@you`' : 'private: only you can see it';
    return ownReply(view, `${nameOf(character)} ${changed ? 'is now' : 'was already'} ${what}.`);
  },
});

export const stats = leaf({
  description: 'Set any of the 8 stats (the level follows); spends no runes',
  options: { name: nameOption(), ...statOptions((stat) => statLabel(stat)) },
  async execute(context, args) {
    const changes: Partial<Stats> = {};
    for (const stat of STAT_KEYS) if (args[stat] !== undefined) changes[stat] = args[stat];
    if (Object.keys(changes).length === 0) {
      throw new UserError(`Give at least one stat to set, e.g. \`/character stats vigor:40 strength:30\` (${STAT_KEYS.join(', ')}).`);
    }
    const { character, previousStats, previousLevel, view } = await attempt(() => store(context).setStats(refOf(context, args.name), changes));
    const moved = STAT_KEYS.filter((k) => previousStats[k] !== character.stats[k]).map((k) => `${statLabel(k)} ${previousStats[k]} → ${character.stats[k]}`);
    const level = previousLevel === character.level ? `level ${character.level}` : `level ${previousLevel} → ${character.level}`;
    return ownReply(view, moved.length ? `${nameOf(character)}: ${moved.join(', ')} (${level}). No runes were spent.` : `${nameOf(character)}: nothing changed (${level}).`);
  },
});

export const progress = leaf({
  description: 'Journey (NG+) and highest weapon upgrade, used by /matchmaking',
  options: {
    name: nameOption(),
    journey: integer('1 = first playthrough, 2 = NG+1 …', { min: 1, max: 999, noun: 'a journey number' }),
    regular_upgrade: integer('Highest regular weapon upgrade ever held', { min: 0, max: MAX_UPGRADE.regular, noun: 'an upgrade level' }),
    somber_upgrade: integer('Highest somber weapon upgrade ever held', { min: 0, max: MAX_UPGRADE.somber, noun: 'an upgrade level' }),
  },
  async execute(context, args) {
    const { journey, regular_upgrade: regular, somber_upgrade: somber } = args;
    if (journey === undefined && regular === undefined && somber === undefined) {
      throw new UserError('Give `journey`, `regular_upgrade` or `somber_upgrade`, e.g. `/character progress regular_upgrade:18 somber_upgrade:7`.');
    }
    const maxUpgrade = regular === undefined && somber === undefined ? undefined : { ...(regular !== undefined ? { regular } : {}), ...(somber !== undefined ? { somber } : {}) };
    const { character, view } = await attempt(() =>
      store(context).setProgress(refOf(context, args.name), { ...(journey !== undefined ? { journey } : {}), ...(maxUpgrade ? { maxUpgrade } : {}) }),
    );
    return ownReply(view, `${nameOf(character)}: journey ${character.journey}, highest weapon +${character.maxUpgrade.regular} regular / +${character.maxUpgrade.somber} somber.`);
  },
});
