// /character runes set|add, levelup, buy, upgrade, died, recovered: runes earned and spent through the
// rune ledger, at the game's own prices (level costs from the rune core, merchant prices and upgrade
// costs from the item data).

import { NOTE_MAX_LENGTH, RUNE_CAP } from '../../src/characters/types.ts';
import { UserError } from '../../src/errors.ts';
import { STAT_KEYS, statLabel } from '../../src/game/classes.ts';
import { MAX_UPGRADE } from '../../src/game/upgradeTables.ts';
import { planPurchase } from '../../src/items/requirements.ts';
import { isUpgradableWeapon, resolveItem, searchItems, type ItemFilter, type ItemResolution } from '../../src/items/resolve.ts';
import { getItemIndex } from '../../src/items/search.ts';
import type { Category, ItemRecord } from '../../src/items/types.ts';
import { nameOf, userText } from '../../src/render/character.ts';
import { ambiguousItemText, closestNamesText } from '../../src/render/itemText.ts';
import type { Choice, Reply } from '../../src/render/types.ts';
import { leaf } from '../../src/router/command.ts';
import { integer, string } from '../../src/router/spec.ts';
import type { CommandContext } from '../../src/router/types.ts';
import { planWeaponUpgrade } from '../../src/runes/index.ts';
import { escapeUserText, truncate } from '../../src/text/escape.ts';
import { fmt, list as joinNames } from '../../src/text/format.ts';
import { attempt, nameOption, ownReply, refOf, store } from './common.ts';

const MAX_QUANTITY = 999;
const note = () => string('What it was for (shown in the history)', { maxLength: NOTE_MAX_LENGTH });

async function runes(context: CommandContext, action: 'set' | 'add', args: { amount: number; note?: string; name?: string }): Promise<Reply> {
  const ref = refOf(context, args.name);
  const s = store(context);
  const text = args.note?.trim() ? args.note : null;
  if (action === 'set') {
    const { character, previous, view } = await attempt(() => s.setRunes(ref, args.amount, text));
    return ownReply(view, `${nameOf(character)}: runes held ${fmt(previous)} → **${fmt(character.runesHeld)}**.`);
  }
  const { character, entry, view } = await attempt(() => s.addRunes(ref, args.amount, text));
  return ownReply(view, `${nameOf(character)}: ${args.amount >= 0 ? 'earned' : 'took away'} ${fmt(Math.abs(entry.amount))} runes, now holding **${fmt(character.runesHeld)}**.`);
}

export const runesSet = leaf({
  description: 'Set the runes held (recorded as a correction)',
  options: { amount: integer('Runes held now', { required: true, min: 0, max: RUNE_CAP, noun: 'a whole number of runes' }), note: note(), name: nameOption() },
  execute: (context, args) => runes(context, 'set', args),
});

export const runesAdd = leaf({
  description: 'Add runes earned (or take some away with a negative amount)',
  options: {
    amount: integer('Runes gained (negative to take away)', { required: true, min: -RUNE_CAP, max: RUNE_CAP, noun: 'a whole number of runes' }),
    note: note(),
    name: nameOption(),
  },
  execute: (context, args) => runes(context, 'add', args),
});

export const levelup = leaf({
  description: "Level a stat up, spending exactly the game's cost",
  options: {
    stat: string('The stat to raise', { required: true, choices: STAT_KEYS.map((k) => ({ name: statLabel(k), value: k })) }),
    points: integer('How many levels (default 1)', { min: 1, max: 98, noun: 'a number of levels' }),
    name: nameOption(),
  },
  async execute(context, args) {
    const result = await attempt(() => store(context).levelUp(refOf(context, args.name), args.stat, args.points ?? 1));
    const { character } = result;
    return ownReply(
      result.view,
      `${nameOf(character)}: ${statLabel(result.stat)} ${result.fromValue} → ${result.toValue}, level ${result.fromLevel} → ${result.toLevel}, ` +
        `for **${fmt(result.cost)}** runes. Holding ${fmt(character.runesHeld)}.`,
    );
  },
});

export const died = leaf({
  description: 'You died: the runes held drop into a bloodstain (an older one is lost)',
  options: { name: nameOption() },
  async execute(context, args) {
    const { character, dropped, lostBloodstain, view } = await attempt(() => store(context).recordDeath(refOf(context, args.name)));
    const lines = [dropped > 0 ? `${nameOf(character)} died: **${fmt(dropped)}** runes dropped into a bloodstain.` : `${nameOf(character)} died holding no runes.`];
    if (lostBloodstain > 0) lines.push(`The earlier bloodstain of **${fmt(lostBloodstain)}** runes was not recovered and is lost for good.`);
    if (dropped > 0) lines.push('Touch the bloodstain before dying again, then `/character recovered`.');
    return ownReply(view, lines.join('\n'));
  },
});

export const recovered = leaf({
  description: 'You touched your bloodstain: its runes come back',
  options: { name: nameOption() },
  async execute(context, args) {
    const { character, recovered: back, lostToCap, view } = await attempt(() => store(context).recordRecovery(refOf(context, args.name)));
    const cap = lostToCap > 0 ? ` ${fmt(lostToCap)} did not fit under the cap of ${fmt(RUNE_CAP)} and are lost.` : '';
    return ownReply(view, `${nameOf(character)} recovered **${fmt(back)}** runes from the bloodstain, now holding ${fmt(character.runesHeld)}.${cap}`);
  },
});

// ---- buying and upgrading ---------------------------------------------------------------------
// Items come from the shared item index: `buy` takes items with a rune price, `upgrade` weapons and
// shields on the regular or somber path. Autocomplete values are item keys (names typed in the console).

const UPGRADABLE: readonly Category[] = ['weapon', 'shield'];
const BUYABLE = { accept: soldForRunes };
const SMITHABLE = { categories: UPGRADABLE, accept: isUpgradableWeapon };

function soldForRunes(item: ItemRecord): boolean {
  return item.shop?.some((o) => o.currency === 'runes') ?? false;
}

/** The one item meant (the shared rule of src/items/resolve.ts): two equally good matches are a question, never a guess that spends runes. */
function pick(raw: string, filter: ItemFilter, what: string): Exclude<ItemResolution, { kind: 'ambiguous' }> {
  const found = resolveItem(raw, filter);
  if (found.kind === 'ambiguous') throw new UserError(ambiguousItemText(raw, what, found.candidates, found.total));
  return found;
}

function itemChoices({ query }: { query: string }): Choice[] {
  if (!getItemIndex()) return [];
  return searchItems(query, { ...BUYABLE, limit: 25 }).map(({ item }) => {
    const offers = (item.shop ?? []).filter((o) => o.currency === 'runes');
    const cheapest = Math.min(...offers.map((o) => o.price));
    return { name: `${item.name} — ${fmt(cheapest)} runes${offers.length === 1 ? ` (${offers[0]!.merchant})` : ''}`, value: item.key, typed: item.name };
  });
}

function weaponChoices({ query }: { query: string }): Choice[] {
  if (!getItemIndex()) return [];
  return searchItems(query, { ...SMITHABLE, limit: 25 }).map(({ item }) => ({ name: `${item.name} (${item.upgrade})`, value: item.key, typed: item.name }));
}

export const buy = leaf({
  description: "Buy from a merchant: spends the item's rune price",
  options: {
    item: string('Item sold for runes', { required: true, maxLength: 100, autocomplete: itemChoices }),
    quantity: integer('How many (default 1)', { min: 1, max: MAX_QUANTITY, noun: 'a quantity' }),
    name: nameOption(),
  },
  async execute(context, args) {
    const raw = args.item;
    const quantity = args.quantity ?? 1;
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
    const { character, view } = await attempt(() => store(context).spend(refOf(context, args.name), 'purchase', plan.total, truncate(what, 100), truncate(from, 200)));
    return ownReply(view, `${nameOf(character)} bought ${escapeUserText(what)} for **${fmt(plan.total)}** runes (${escapeUserText(from)}). Holding ${fmt(character.runesHeld)}.`);
  },
});

export const upgrade = leaf({
  description: "Upgrade a weapon at a smithing table: spends the upgrade's runes",
  options: {
    weapon: string('Weapon or shield', { required: true, maxLength: 100, autocomplete: weaponChoices }),
    from: integer('Upgrade level now (somber weapons go to 10)', { required: true, min: 0, max: MAX_UPGRADE.regular, noun: 'an upgrade level' }),
    to: integer('Upgrade level after (somber weapons go to 10)', { required: true, min: 1, max: MAX_UPGRADE.regular, noun: 'an upgrade level' }),
    name: nameOption(),
  },
  async execute(context, args) {
    const { weapon: raw, from, to } = args;
    const found = pick(raw, SMITHABLE, 'weapon');
    if (found.kind === 'not-found') {
      if (found.refused && UPGRADABLE.includes(found.refused.category)) throw new UserError(`**${escapeUserText(found.refused.name)}** cannot be upgraded. Nothing was spent.`);
      throw new UserError(`No upgradable weapon or shield matches “${userText(raw, 60)}”.${closestNamesText(found.closest)} Pick one from the list as you type.`);
    }
    const item = found.item;
    const path = item.upgrade === 'somber' ? 'somber' : 'regular';
    const max = MAX_UPGRADE[path];
    if (to > max || from >= to) {
      throw new UserError(`**${escapeUserText(item.name)}** uses ${path} stones and goes from +0 to +${max}: \`from\` must be below \`to\` (you gave +${from} → +${to}).`);
    }
    if (item.upgradeCosts === undefined && item.upgradePrice === undefined) {
      throw new UserError(`The item data has no rune price for upgrading **${escapeUserText(item.name)}**. Nothing was spent; record what you paid with \`/character runes add amount:-…\`.`);
    }
    // The record's own per-step costs (its ReinforceParamWeapon rates: crossbows and ballistae differ).
    const plan = planWeaponUpgrade({ path, from, to, ...(item.upgradeCosts ? { costsPerStep: item.upgradeCosts } : {}), ...(item.upgradePrice !== undefined ? { reinforcePrice: item.upgradePrice } : {}) });
    if (plan.runes.total <= 0) throw new UserError(`Upgrading **${escapeUserText(item.name)}** from +${from} to +${to} costs no runes: nothing to record.`);
    const what = `${item.name} +${from}→+${to}`;
    const result = await attempt(() => store(context).recordUpgrade(refOf(context, args.name), { amount: plan.runes.total, what: truncate(what, 100), path, toLevel: to }));
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
  },
});
