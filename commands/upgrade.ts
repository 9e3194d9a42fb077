// /upgrade weapon:<name> | ash:<name> [from] [to]: runes per step and in total, the stones (or
// gloveworts) per step and in total, what buying them at the Twin Maiden Husks costs, and which bell
// bearing unlocks them; with an active character, whether its runes held cover the upgrade runes. Numbers
// come from src/runes/upgrades.ts and the item data (data/items.json): a weapon's runes per step are its
// record's own `upgradeCosts` (from its own upgrade rate rows, so crossbows and ballistae are right).

import { defineCommand } from '../src/router/command.ts';
import { integer, string, type ArgsOf } from '../src/router/spec.ts';
import { UserError } from '../src/errors.ts';
import type { CommandContext } from '../src/router/types.ts';
import type { Choice, EmbedField, Reply } from '../src/render/types.ts';
import { BRAND_COLOR, DLC_COLOR } from '../src/render/style.ts';
import { escapeUserText } from '../src/text/escape.ts';
import { footer } from '../src/render/footer.ts';
import { ambiguousItemText, closestNamesText } from '../src/render/itemText.ts';
import { core } from '../src/router/core.ts';
import { fmt, list, plus, shown } from '../src/text/format.ts';
import { nameOf } from '../src/render/character.ts';
import { getItemIndex } from '../src/items/search.ts';
import { isUpgradableWeapon, resolveItem, searchItems } from '../src/items/resolve.ts';
import type { Category, ItemRecord } from '../src/items/types.ts';
import { materialPurchaseCost, planSpiritAshUpgrade, planWeaponUpgrade, upgradeMaterials, type Note, type UpgradePlan } from '../src/runes/index.ts';
import { MAX_UPGRADE, type MaterialPath } from '../src/game/upgradeTables.ts';

const NAME_MAX_LENGTH = 100;

// ---------------------------------------------------------------------------------------------
// Finding the weapon or spirit ash: the shared resolver (src/items/resolve.ts), as /character upgrade.

type Kind = 'weapon' | 'ash';

const CATEGORIES: Record<Kind, readonly Category[]> = { weapon: ['weapon', 'shield'], ash: ['spirit_ash'] };

function kindOf(item: ItemRecord): Kind {
  return item.category === 'spirit_ash' ? 'ash' : 'weapon';
}

/** What /upgrade takes: weapons and shields on the regular or somber path, and spirit ashes. */
function upgradable(item: ItemRecord): boolean {
  return item.category === 'spirit_ash' || isUpgradableWeapon(item);
}

function filterFor(kinds: readonly Kind[]) {
  return { categories: kinds.flatMap((kind) => CATEGORIES[kind]), accept: upgradable };
}

function resolve(text: string, kinds: readonly Kind[]): { item: ItemRecord; kind: Kind; level: number | undefined; exact: boolean } {
  const found = resolveItem(text, filterFor(kinds));
  const what = kinds.includes('weapon') ? 'weapon, shield or spirit ash' : 'spirit ash';
  switch (found.kind) {
    case 'found':
      return { item: found.item, kind: kindOf(found.item), level: found.level, exact: found.exact };
    case 'ambiguous':
      throw new UserError(ambiguousItemText(text, what, found.candidates, found.total));
    case 'not-found':
      if (found.refused && CATEGORIES.weapon.includes(found.refused.category) && kinds.includes('weapon')) {
        throw new UserError(`${escapeUserText(found.refused.name)} cannot be upgraded.`);
      }
      throw new UserError(`I found no ${what} named “${shown(text)}”.${closestNamesText(found.closest)} Start typing its name and pick it from the list.`);
  }
}

function choices(query: string, kinds: readonly Kind[]): Choice[] {
  if (!getItemIndex()) return [];
  return searchItems(query.slice(0, NAME_MAX_LENGTH), { ...filterFor(kinds), limit: 25 }).map(({ item }) => {
    const suffix = item.category === 'spirit_ash' ? ' (spirit ash)' : item.upgrade === 'somber' ? ' (somber)' : '';
    const dlc = item.dlc ? ' · DLC' : '';
    return { name: `${item.name}${suffix}${dlc}`.slice(0, 100), value: item.key, typed: item.name };
  });
}

// ---------------------------------------------------------------------------------------------
// The reply

function stepTable(plan: { steps: { from: number; to: number; runes: number | null; material: string; count: number }[] }): string {
  const width = Math.max(4, ...plan.steps.map((s) => (s.runes === null ? 1 : fmt(s.runes).length)));
  const lines = plan.steps.map((s) => {
    const runes = s.runes === null ? '?' : fmt(s.runes);
    return `${`${plus(s.from)}→${plus(s.to)}`.padEnd(8)} ${runes.padStart(width)}  ${s.count} × ${s.material}`;
  });
  return '```\n' + `${'Step'.padEnd(8)} ${'Runes'.padStart(width)}  Material\n` + lines.join('\n') + '\n```';
}

function materialFields(purchase: UpgradePlan['purchase']): EmbedField[] {
  const lines = purchase.lines
    .filter((line) => line.count > 0)
    .map((line) => {
      if (line.purchasable && line.priceEach !== null && line.runes !== null) {
        return `${line.count} × ${line.material}: ${fmt(line.priceEach)} each = **${fmt(line.runes)}**`;
      }
      const other = line.otherSeller ? `; ${line.otherSeller.merchant} sells ${line.otherSeller.stock} for ${fmt(line.otherSeller.price)}` : '';
      return `${line.count} × ${line.material}: not sold by the Husks${other}`;
    });
  const fields: EmbedField[] = [{ name: 'Materials, bought at the Twin Maiden Husks', value: lines.join('\n') || 'none' }];
  if (purchase.bellBearings.length) {
    fields.push({ name: 'Bell bearings to give the Twin Maiden Husks', value: purchase.bellBearings.map((b) => `• ${b}`).join('\n') });
  }
  return fields;
}

function pathLabel(path: MaterialPath): string {
  switch (path) {
    case 'regular':
      return 'regular (Smithing Stones, up to +25)';
    case 'somber':
      return 'somber (Somber Smithing Stones, up to +10)';
    case 'spirit':
      return 'spirit ash (Grave Glovewort, up to +10)';
    case 'renowned-spirit':
      return 'renowned spirit ash (Ghost Glovewort, up to +10)';
  }
}

interface Computed {
  path: MaterialPath;
  runesTotal: number | null;
  steps: { from: number; to: number; runes: number | null; material: string; count: number }[];
  purchase: UpgradePlan['purchase'];
  notes: Note[];
}

function compute(item: ItemRecord, kind: Kind, from: number, to: number): Computed {
  if (kind === 'ash') {
    const renowned = item.subcategory === 'Renowned Spirit Ash';
    const costs = item.upgradeCosts;
    if (!costs || costs.length !== 10) {
      throw new UserError(`The item data has no upgrade costs for ${escapeUserText(item.name)}${item.dlc ? ' (a DLC spirit ash: its upgrade data is not in our sources yet)' : ''}.`);
    }
    const plan = core(() => planSpiritAshUpgrade({ renowned, costsPerStep: costs, from, to }));
    return fromPlan(plan);
  }
  const path = item.upgrade;
  if (path !== 'regular' && path !== 'somber') throw new UserError(`${escapeUserText(item.name)} cannot be upgraded.`);
  if (item.upgradeCosts === undefined && item.upgradePrice === undefined) {
    // Stones are known from the path; the weapon's rune costs are not in the data.
    const materials = core(() => upgradeMaterials(path, from, to));
    const purchase = core(() => materialPurchaseCost(materials.totals));
    return {
      path,
      runesTotal: null,
      steps: materials.steps.map((s) => ({ ...s, runes: null })),
      purchase,
      notes: [...materials.notes, ...purchase.notes],
    };
  }
  // The rune core takes the record's own cost per step when it has one (it always does for 1.16.1 weapons).
  return fromPlan(core(() => planWeaponUpgrade({ path, costsPerStep: item.upgradeCosts, reinforcePrice: item.upgradePrice, from, to })));
}

function fromPlan(plan: UpgradePlan): Computed {
  return {
    path: plan.path,
    runesTotal: plan.runes.total,
    steps: plan.runes.steps.map((s, i) => ({ ...s, material: plan.materials.steps[i]!.material, count: plan.materials.steps[i]!.count })),
    purchase: plan.purchase,
    notes: plan.notes,
  };
}

const OPTIONS = {
  weapon: string('Weapon or shield (a spirit ash name works too)', { maxLength: NAME_MAX_LENGTH, autocomplete: ({ query }) => choices(query, ['weapon']) }),
  ash: string('Spirit ash', { maxLength: NAME_MAX_LENGTH, autocomplete: ({ query }) => choices(query, ['ash']) }),
  from: integer('Upgrade level now (default +0)', { min: 0, max: 25, noun: 'an upgrade level (somber weapons and spirit ashes go to 10)' }),
  to: integer('Upgrade level wanted (default: the maximum, +25 or +10)', { min: 1, max: 25, noun: 'an upgrade level (somber weapons and spirit ashes go to 10)' }),
};

/** Blank text counts as not given. */
function given(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

async function execute(context: CommandContext, args: ArgsOf<typeof OPTIONS>): Promise<Reply> {
  const weaponText = given(args.weapon);
  const ashText = given(args.ash);
  let { from, to } = args;
  if (weaponText !== undefined && ashText !== undefined) throw new UserError('Give either `weapon` or `ash`, not both.');
  const text = weaponText ?? ashText;
  if (text === undefined) throw new UserError('Give `weapon` (a weapon, shield or spirit ash name) or `ash` (a spirit ash name).');
  const kinds: Kind[] = weaponText !== undefined ? ['weapon', 'ash'] : ['ash'];
  const { item, kind, level, exact } = resolve(text, kinds);
  const path: MaterialPath = kind === 'ash' ? (item.subcategory === 'Renowned Spirit Ash' ? 'renowned-spirit' : 'spirit') : item.upgrade === 'somber' ? 'somber' : 'regular';
  const max = MAX_UPGRADE[path];
  // "Moonveil +3" starts at +3; an explicit `from` wins (as in /character upgrade), and the reply says so.
  const typedLevelIgnored = from !== undefined && level !== undefined && level !== from ? level : undefined;
  if (from === undefined && level !== undefined) from = level;
  from ??= 0;
  to ??= max;
  const name = escapeUserText(item.name);
  if (from > max || to > max) {
    throw new UserError(`${name} goes up to ${plus(max)}: \`from\` and \`to\` must be from 0 to ${max} (you asked ${plus(from)} → ${plus(to)}).`);
  }
  if (from >= to) throw new UserError(`\`to\` (${plus(to)}) must be above \`from\` (${plus(from)}); ${name} goes from +0 to ${plus(max)}.`);

  const result = compute(item, kind, from, to);
  const stoneWord = kind === 'ash' ? 'gloveworts' : 'stones';
  const lines = [`Path: ${pathLabel(result.path)}.${exact ? '' : ` (Best match for “${shown(text)}”.)`}`];
  if (typedLevelIgnored !== undefined) lines.push(`The ${plus(typedLevelIgnored)} in the name was not used: \`from\` says ${plus(from)}.`);
  lines.push(result.runesTotal === null ? `Upgrade runes: **unknown** (this weapon's price per step is not in our item data).` : `Upgrade runes: **${fmt(result.runesTotal)}**.`);
  // Issue 5: the active character's runes held against the upgrade runes. Read only when there is a
  // figure to compare (reading a private character makes the reply private where others would see it).
  const me = result.runesTotal === null ? null : await context.activeCharacter();
  if (me && result.runesTotal !== null) {
    const short = result.runesTotal - me.runesHeld;
    lines.push(`${nameOf(me)} holds ${fmt(me.runesHeld)} runes: ${short > 0 ? `**${fmt(short)} short**` : 'enough'}.`);
  }
  const notSold = result.purchase.lines.filter((l) => !l.purchasable && l.count > 0).map((l) => l.material);
  const buy = `Buying the ${stoneWord} at the Twin Maiden Husks: **${fmt(result.purchase.totalRunes)}**${notSold.length ? ` (except ${list(notSold)}: not sold there)` : ''}.`;
  lines.push(buy);
  if (result.runesTotal !== null) lines.push(`Runes and purchases together: **${fmt(result.runesTotal + result.purchase.totalRunes)}**.`);
  lines.push('', stepTable(result));

  return {
    embeds: [
      {
        title: `${item.name} ${plus(from)} → ${plus(to)}`,
        color: item.dlc ? DLC_COLOR : BRAND_COLOR,
        description: lines.join('\n'),
        fields: materialFields(result.purchase),
        footer: footer(result.notes, { patch: item.patch }),
      },
    ],
  };
}

export const upgrade = defineCommand({
  name: 'upgrade',
  description: 'Runes and smithing stones to upgrade a weapon or spirit ash, and what the stones cost',
  options: OPTIONS,
  examples: [
    { usage: '/upgrade weapon:Longsword', description: 'a regular weapon +0 → +25' },
    { usage: '/upgrade weapon:Moonveil from:3 to:10', description: 'a somber weapon, part of the way' },
    { usage: '/upgrade ash:Mimic Tear Ashes', description: 'a spirit ash +0 → +10' },
  ],
  execute,
});
