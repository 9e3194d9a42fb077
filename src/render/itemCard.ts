// The item card and the labels used around it (autocomplete, "did you mean", /search lines): pure
// functions from an ItemRecord to views. Discord limits are enforced later by src/render/discord.ts.

import type { Stats } from '../game/classes.ts';
import { affordability, allRequirementsMet, checkRequirements, planPurchase } from '../items/requirements.ts';
import { escapeUserText } from '../text/escape.ts';
import { briefNote } from './footer.ts';
import { findRuneItem, runeItemNotes } from '../runes/runeItems.ts';
import { NOTES as RUNE_GAIN_NOTES } from '../runes/runeGain.ts';
import { UPGRADE_NOTES } from '../runes/upgrades.ts';
import type { Note } from '../game/confidence.ts';
import { BRAND_COLOR, DLC_COLOR } from './style.ts';
import type { ButtonView, EmbedField, EmbedView } from './types.ts';
import type { ItemRecord, ShopOffer, StatKey } from '../items/types.ts';
import { CATEGORY_LABELS, kindLabel } from '../items/categories.ts';
import { effectFields } from './effectText.ts';

const STAT_LABELS: Record<StatKey, string> = { str: 'Str', dex: 'Dex', int: 'Int', fai: 'Fai', arc: 'Arc' };
const STAT_ORDER: readonly StatKey[] = ['str', 'dex', 'int', 'fai', 'arc'];
const DAMAGE_LABELS: Record<string, string> = { physical: 'Phy', magic: 'Mag', fire: 'Fire', lightning: 'Ligt', holy: 'Holy' };
const ABSORPTION_LABELS: Record<string, string> = {
  physical: 'Phy',
  strike: 'Strike',
  slash: 'Slash',
  pierce: 'Pierce',
  magic: 'Mag',
  fire: 'Fire',
  lightning: 'Ligt',
  holy: 'Holy',
};
const WIKI_BASE = 'https://eldenring.wiki.fextralife.com/';
/** Merchant offers listed on a card before "and N more". */
const MAX_OFFERS = 6;

const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);


/** Autocomplete and select labels: the official name first, e.g. "Rivers of Blood · Katana (DLC)". */
export function choiceLabel(item: ItemRecord): string {
  return `${item.name} · ${kindLabel(item)}${item.dlc ? ' (DLC)' : ''}`;
}

/**
 * The item's page on the community wiki (Fextralife names pages after the item, spaces as "+").
 * Each word is percent-encoded, so no name can break out of the path.
 */
export function wikiUrl(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return WIKI_BASE + words.map((word) => encodeURIComponent(word)).join('+');
}

function statLine(values: Partial<Record<StatKey, number | string>> | undefined): string | undefined {
  if (!values) return undefined;
  const parts = STAT_ORDER.filter((k) => values[k] !== undefined && values[k] !== 0).map((k) => `${STAT_LABELS[k]} ${values[k]}`);
  return parts.length ? parts.join(' · ') : undefined;
}

function offerLine(offer: ShopOffer): string {
  const price = offer.currency === 'runes' ? `${num(offer.price)} runes` : `${num(offer.price)} × ${escapeUserText(offer.currency)}`;
  const stock = offer.stock === undefined ? 'unlimited' : `${offer.stock} in stock`;
  const unlock = offer.unlock ? ` (${escapeUserText(offer.unlock)})` : '';
  return `${escapeUserText(offer.merchant)}: ${price}, ${stock}${unlock}`;
}

/** "Where to buy": the cheapest offers first. */
export function shopField(item: ItemRecord): EmbedField | undefined {
  if (!item.shop?.length) return undefined;
  const offers = [...item.shop].sort((a, b) => Number(a.currency !== 'runes') - Number(b.currency !== 'runes') || a.price - b.price || a.merchant.localeCompare(b.merchant));
  const lines = offers.slice(0, MAX_OFFERS).map(offerLine);
  if (offers.length > MAX_OFFERS) lines.push(`…and ${offers.length - MAX_OFFERS} more merchants`);
  return { name: 'Where to buy', value: lines.join('\n') };
}

/** Total runes to take the item from +0 to its maximum, with the path, e.g. "Somber, +10: 11,880 runes". */
export function upgradeSummary(item: ItemRecord): string | undefined {
  const steps = item.upgradeCosts;
  if (!steps?.length) return item.upgrade === 'none' ? 'Cannot be upgraded' : undefined;
  const total = steps.reduce((sum, step) => sum + step, 0);
  const path = item.category === 'spirit_ash' ? 'Grave/Ghost Glovewort' : item.upgrade === 'somber' ? 'Somber Smithing Stones' : 'Smithing Stones';
  return `${path}, +0 → +${steps.length}: **${num(total)} runes** in total (first step ${num(steps[0]!)}, last ${num(steps[steps.length - 1]!)})`;
}

/** The character a card can be read for (issue 5 fills this in from the active character). */
export interface CardCharacter {
  name: string;
  stats: Stats;
  runesHeld: number;
}

/**
 * What the card says for the caller's active character: each stat requirement met or not (with the
 * two-handed Strength bonus noted where it makes the difference), and whether the runes held pay for
 * the cheapest rune offer.
 */
export function characterFields(item: ItemRecord, character?: CardCharacter): EmbedField[] {
  if (!character) return [];
  const name = escapeUserText(character.name);
  const fields: EmbedField[] = [];
  const checks = checkRequirements(character, item.requirements);
  if (checks.length) {
    const lines = checks.map((check) => {
      if (check.met) return `✅ ${check.label} ${check.required} (you have ${check.have})`;
      // Two-handing a weapon counts Strength × 1.5 toward its requirement.
      const twoHanded = check.stat === 'str' && Math.floor(check.have * 1.5) >= check.required;
      return `❌ ${check.label} ${check.required} (you have ${check.have}: ${check.missing} short${twoHanded ? '; met if two-handed' : ''})`;
    });
    const verdict = allRequirementsMet(checks) ? 'can use it' : 'does not meet every requirement';
    fields.push({ name: `${name} ${verdict}`, value: lines.join('\n') });
  }
  const cheapest = planPurchase(item.shop, 1);
  if (cheapest.ok) {
    const money = affordability(character, cheapest.total);
    fields.push({
      name: `Can ${name} afford it?`,
      value: money.affordable
        ? `Yes: ${num(money.held)} runes held, the cheapest offer is ${num(money.price)}.`
        : `Not yet: ${num(money.shortfall)} runes short (holding ${num(money.held)}, the cheapest offer is ${num(money.price)}).`,
    });
  }
  return fields;
}

function inline(name: string, value: string | undefined): EmbedField | undefined {
  return value ? { name, value, inline: true } : undefined;
}

function weaponFields(item: ItemRecord): (EmbedField | undefined)[] {
  const attack = item.attack
    ? Object.entries(item.attack)
        .filter(([, v]) => v)
        .map(([k, v]) => `${DAMAGE_LABELS[k] ?? cap(k)} ${v}`)
        .join(' · ')
    : undefined;
  return [
    inline('Weight', item.weight !== undefined ? num(item.weight) : undefined),
    inline('Attack (+0)', attack || undefined),
    inline('Scaling (+0)', statLine(item.scaling)),
    inline('Requires', statLine(item.requirements)),
    inline('Damage type', item.damageTypes?.map(cap).join(' / ')),
    inline('Critical', item.critical !== undefined ? String(item.critical) : undefined),
    inline('Skill', item.skill ? escapeUserText(item.skill) : undefined),
    { name: 'Upgrade', value: upgradeSummary(item) ?? '' },
  ];
}

function armorFields(item: ItemRecord): (EmbedField | undefined)[] {
  const absorption = item.absorption
    ? Object.entries(item.absorption)
        .map(([k, v]) => `${ABSORPTION_LABELS[k] ?? cap(k)} ${num(v)}`)
        .join(' · ')
    : undefined;
  const r = item.resistance;
  return [
    inline('Weight', item.weight !== undefined ? num(item.weight) : undefined),
    inline('Poise', item.poise !== undefined ? num(item.poise) : undefined),
    absorption ? { name: 'Absorption (%)', value: absorption } : undefined,
    r ? { name: 'Resistances', value: `Immunity ${r.immunity} · Robustness ${r.robustness} · Focus ${r.focus} · Vitality ${r.vitality}` } : undefined,
  ];
}

function spellFields(item: ItemRecord): (EmbedField | undefined)[] {
  return [
    inline('FP', item.fpCost !== undefined ? String(item.fpCost) : undefined),
    inline('Stamina', item.stamina !== undefined ? String(item.stamina) : undefined),
    inline('Slots', item.slots !== undefined ? String(item.slots) : undefined),
    inline('Requires', statLine(item.requirements)),
  ];
}

function spiritFields(item: ItemRecord): (EmbedField | undefined)[] {
  return [
    inline('Summon cost', item.hpCost ? `${num(item.hpCost)} HP` : item.fpCost !== undefined ? `${num(item.fpCost)} FP` : undefined),
    { name: 'Upgrade', value: upgradeSummary(item) ?? '' },
  ];
}

function categoryFields(item: ItemRecord): (EmbedField | undefined)[] {
  switch (item.category) {
    case 'weapon':
    case 'shield':
      return weaponFields(item);
    case 'armor':
      return armorFields(item);
    case 'sorcery':
    case 'incantation':
      return spellFields(item);
    case 'spirit_ash':
      return spiritFields(item);
    case 'ash_of_war':
      return [inline('Skill', item.skill ? escapeUserText(item.skill) : undefined)];
    case 'talisman':
      return [inline('Weight', item.weight !== undefined ? num(item.weight) : undefined)];
    case 'ammo':
      return [
        inline('Attack', item.attack ? Object.entries(item.attack).map(([k, v]) => `${DAMAGE_LABELS[k] ?? cap(k)} ${v}`).join(' · ') : undefined),
        inline('Damage type', item.damageTypes?.map(cap).join(' / ')),
      ];
    default:
      return [];
  }
}

/**
 * What the card must say about how sure its numbers are (mechanics.md confidence tags): single-source
 * rune values and effects, the per-step upgrade rule.
 */
export function dataNotes(item: ItemRecord): string[] {
  const notes: Note[] = [];
  const runeItem = item.runeValue !== undefined ? findRuneItem(item.name) : undefined;
  if (runeItem) notes.push(...runeItemNotes([runeItem]));
  if (item.name === 'Gold-Pickled Fowl Foot') notes.push(RUNE_GAIN_NOTES.fowlFoot);
  if (item.upgradeCosts?.length) notes.push(item.category === 'spirit_ash' ? UPGRADE_NOTES.spiritRunes : UPGRADE_NOTES.targetRate);
  return notes.map(briefNote);
}

export interface CardOptions {
  /** Shown in the footer when the record has none of its own. */
  patch?: string;
  character?: CardCharacter;
}

/**
 * The item card: the class and category ("Katana · Weapon") with a DLC badge and the effect in the
 * description, then facts per category, where to buy, what it sells for; data patch in the footer.
 */
export function itemCard(item: ItemRecord, options: CardOptions = {}): EmbedView {
  const head = [`**${escapeUserText(kindLabel(item))}**${item.subcategory ? ` · ${CATEGORY_LABELS[item.category]}` : ''}`];
  if (item.dlc) head.push('◆ **Shadow of the Erdtree** (DLC)');
  if (item.effect) head.push(escapeUserText(item.effect));
  const fields: EmbedField[] = [];
  const add = (field: EmbedField | undefined) => {
    if (field && field.value) fields.push(field);
  };
  if (item.runeValue !== undefined) add({ name: 'Runes gained', value: `**${num(item.runeValue)}**`, inline: true });
  for (const field of categoryFields(item)) add(field);
  for (const field of effectFields(item)) add(field);
  add(shopField(item));
  if (item.sellValue) add({ name: 'Sells for', value: `${num(item.sellValue)} runes`, inline: true });
  for (const field of characterFields(item, options.character)) add(field);
  const notes = dataNotes(item);
  if (notes.length) add({ name: 'How sure', value: notes.map((note) => `⚠ ${note}`).join('\n') });
  const patch = item.patch || options.patch || '?';
  return {
    title: item.name,
    url: wikiUrl(item.name),
    description: head.join('\n'),
    color: item.dlc ? DLC_COLOR : BRAND_COLOR,
    fields,
    footer: `Game data: patch ${patch} · wiki link is community-run`,
  };
}

export function wikiButton(item: ItemRecord): ButtonView {
  return { kind: 'link', label: 'Wiki page', url: wikiUrl(item.name) };
}

