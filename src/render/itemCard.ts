// The item card and the labels used around it (autocomplete, "did you mean", /search lines): pure
// functions from an ItemRecord to views. Discord limits are enforced later by src/render/discord.ts.

import type { Stats } from '../game/classes.ts';
import { affordability, allRequirementsMet, checkRequirements, planPurchase } from '../items/requirements.ts';
import { escapeUserText } from '../text/escape.ts';
import { gameDataLine } from './footer.ts';
import { BRAND_COLOR, DLC_COLOR } from './style.ts';
import type { ButtonView, EmbedField, EmbedView } from './types.ts';
import type { GuardStats, ItemRecord, ShopOffer, SkillFp, StatKey, StatusKind } from '../items/types.ts';
import { CATEGORY_LABELS, kindLabel } from '../items/categories.ts';
import type { StockEntry, StockIndex } from '../items/stock.ts';
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
const STATUS_LABELS: Record<StatusKind, string> = {
  poison: 'Poison',
  scarletRot: 'Scarlet rot',
  bloodLoss: 'Blood loss',
  frostbite: 'Frostbite',
  sleep: 'Sleep',
  madness: 'Madness',
  deathBlight: 'Death blight',
};
/** Statuses whose buildup grows with the wielder's Arcane when the weapon scales with it (attack-rating.md step 6). */
const ARCANE_STATUSES: ReadonlySet<StatusKind> = new Set(['poison', 'bloodLoss', 'sleep', 'madness']);
const GUARD_LABELS: readonly [Exclude<keyof GuardStats, 'boost'>, string][] = [
  ['physical', 'Phy'],
  ['magic', 'Mag'],
  ['fire', 'Fire'],
  ['lightning', 'Ligt'],
  ['holy', 'Holy'],
];
const WIKI_BASE = 'https://eldenring.wiki.fextralife.com/';
/** Merchant offers listed on a card before "and N more". */
const MAX_OFFERS = 6;
/** Items a bell bearing or a remembrance brings, listed before "and N more". */
const MAX_STOCK_LINES = 10;

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
  const path =
    item.category === 'spirit_ash'
      ? item.subcategory === 'Renowned Spirit Ash'
        ? 'Ghost Glovewort'
        : 'Grave Glovewort'
      : item.upgrade === 'somber'
        ? 'Somber Smithing Stones'
        : 'Smithing Stones';
  return `${path}, +0 → +${steps.length}: **${num(total)} runes** in total (first step ${num(steps[0]!)}, last ${num(steps[steps.length - 1]!)})`;
}

/** The character a card can be read for (the caller's active character). */
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

/** "6 (– 12)": the skill's FP, then its follow-ups, as the game's menus write it; "20" when it has none. */
export function fpText(fp: SkillFp): string {
  const one = (v: number | null) => (v === null ? '–' : String(v));
  const followUps = fp.followUps.some((v) => v !== null) ? ` (${fp.followUps.map(one).join(' ')})` : '';
  return `${one(fp.use)}${followUps}`;
}

/** "Transient Moonlight · FP 0 (15 20)". */
function skillText(item: ItemRecord): string | undefined {
  if (!item.skill) return undefined;
  return item.skillFp ? `${escapeUserText(item.skill)} · FP ${fpText(item.skillFp)}` : escapeUserText(item.skill);
}

/** An Ash of War: its skill and FP, the affinity it gives (and may give instead), what it goes on. */
function ashOfWarFields(item: ItemRecord): (EmbedField | undefined)[] {
  const ash = item.ashOfWar;
  if (!ash) return [inline('Skill', skillText(item))];
  const others = ash.affinities.filter((a) => a !== ash.defaultAffinity);
  const affinity = others.length ? `${ash.defaultAffinity} by default; also ${others.join(', ')}` : `${ash.defaultAffinity} only`;
  const classes = ash.weaponClasses;
  return [
    inline('Skill', skillText(item)),
    { name: 'Affinity', value: affinity },
    { name: `Goes on (${classes.length} ${classes.length === 1 ? 'class' : 'classes'})`, value: classes.join(', ') },
  ];
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
    inline('Skill', skillText(item)),
    statusField(item),
    ...(item.category === 'shield' ? guardFields(item) : []),
    { name: 'Upgrade', value: upgradeSummary(item) ?? '' },
  ];
}

/** The highest upgrade level of the item's path. */
function maxLevel(item: ItemRecord): number {
  return item.upgrade === 'regular' ? 25 : item.upgrade === 'somber' ? 10 : 0;
}

/**
 * The buildup each hit adds, per status, at +0 and at the highest upgrade ("Blood loss 50 at +0 and
 * +10"), and whether the wielder's Arcane raises it.
 */
export function statusLines(item: ItemRecord): string[] {
  if (!item.status) return [];
  const top = maxLevel(item);
  return (Object.entries(item.status) as [StatusKind, number][]).map(([kind, atZero]) => {
    const atTop = item.statusMax?.[kind];
    let line = `${STATUS_LABELS[kind]} ${num(atZero)}`;
    if (top > 0 && atTop !== undefined) line += atTop === atZero ? ` at +0 and at +${top}` : ` at +0, ${num(atTop)} at +${top}`;
    if (ARCANE_STATUSES.has(kind) && item.scaling?.arc) line += ` (rises with Arcane, scaling ${item.scaling.arc})`;
    return line;
  });
}

function statusField(item: ItemRecord): EmbedField | undefined {
  const lines = statusLines(item);
  return lines.length ? { name: 'Status buildup per hit', value: lines.join('\n') } : undefined;
}

/** A shield's guard: damage negated while guarding, per damage type, and guard boost (stability), at +0. */
export function guardFields(item: ItemRecord): EmbedField[] {
  const guard = item.guard;
  if (!guard) return [];
  return [
    { name: 'Guarded damage negation (+0)', value: GUARD_LABELS.map(([k, label]) => `${label} ${num(guard[k])}%`).join(' · '), inline: true },
    { name: 'Guard boost (stability)', value: num(guard.boost), inline: true },
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

function categoryFields(item: ItemRecord, stock: StockIndex | undefined): (EmbedField | undefined)[] {
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
      return ashOfWarFields(item);
    case 'talisman':
      return [inline('Weight', item.weight !== undefined ? num(item.weight) : undefined)];
    case 'ammo':
      return [
        inline('Attack', item.attack ? Object.entries(item.attack).map(([k, v]) => `${DAMAGE_LABELS[k] ?? cap(k)} ${v}`).join(' · ') : undefined),
        inline('Damage type', item.damageTypes?.map(cap).join(' / ')),
      ];
    case 'bell_bearing':
      return [bellBearingField(item, stock)];
    case 'remembrance':
      return [remembranceField(item, stock)];
    default:
      return [];
  }
}

function stockLines(entries: readonly StockEntry[], line: (entry: StockEntry) => string): string {
  const lines = entries.slice(0, MAX_STOCK_LINES).map(line);
  if (entries.length > MAX_STOCK_LINES) lines.push(`…and ${entries.length - MAX_STOCK_LINES} more`);
  return lines.join('\n');
}

/**
 * What handing the bell bearing to the Twin Maiden Husks adds to their stock: the offers it unlocks,
 * with their price; for a merchant's bell bearing, whose wares.
 */
export function bellBearingField(item: ItemRecord, stock: StockIndex | undefined): EmbedField | undefined {
  if (!stock) return undefined;
  const unlocked = stock.unlockedBy(item.name);
  if (unlocked.length) {
    return {
      name: "Adds to the Twin Maiden Husks' stock",
      value: stockLines(unlocked, ({ item: sold, offer }) => `${escapeUserText(sold.name)}: ${num(offer.price)} runes${offer.stock === undefined ? ' each' : `, ${offer.stock} in stock`}`),
    };
  }
  const owner = stock.bellBearingOwner(item.name);
  if (!owner) return undefined;
  const whose = owner.merchant ? escapeUserText(owner.merchant) : `this ${escapeUserText(owner.owner)}`;
  return { name: 'Hand it to the Twin Maiden Husks', value: `At the Roundtable Hold they then sell the wares of ${whose} as well.` };
}

/** What Finger Reader Enia trades the remembrance for (one remembrance buys one of them). */
export function remembranceField(item: ItemRecord, stock: StockIndex | undefined): EmbedField | undefined {
  const trades = stock?.tradedFor(item.name).filter(({ offer }) => offer.merchant === 'Finger Reader Enia') ?? [];
  if (!trades.length) return undefined;
  return {
    name: 'Trade it at Finger Reader Enia for one of',
    value: stockLines(trades, ({ item: sold }) => `**${escapeUserText(sold.name)}** (${escapeUserText(kindLabel(sold))})`),
  };
}

export interface CardOptions {
  /** Shown in the footer when the record has none of its own. */
  patch?: string;
  character?: CardCharacter;
  /** Merchant offers read the other way round (bell bearings, remembrances); from stockIndexOf(index.items). */
  stock?: StockIndex;
}

/** "Katana · Weapon", but "Spirit Ash" (not "Spirit Ash · Spirit Ash") and "Small Shield" alone. */
export function kindLine(item: ItemRecord): string {
  const kind = kindLabel(item);
  const category = CATEGORY_LABELS[item.category];
  return item.subcategory && !kind.toLowerCase().endsWith(category.toLowerCase()) ? `${kind} · ${category}` : kind;
}

/**
 * The item card: the class and category ("Katana · Weapon") with a DLC badge and the effect in the
 * description, then facts per category, where to buy, what it sells for; "Game data: patch …" last.
 */
export function itemCard(item: ItemRecord, options: CardOptions = {}): EmbedView {
  const head = [`**${escapeUserText(kindLine(item))}**`];
  if (item.dlc) head.push('◆ **Shadow of the Erdtree** (DLC)');
  if (item.effect) head.push(escapeUserText(item.effect));
  const description = head.join('\n');
  const fields: EmbedField[] = [];
  const add = (field: EmbedField | undefined) => {
    if (field && field.value) fields.push(field);
  };
  // The runes a rune item gives, unless the effect line already says how many.
  if (item.runeValue !== undefined && !description.includes(num(item.runeValue))) add({ name: 'Runes gained', value: `**${num(item.runeValue)}**`, inline: true });
  for (const field of categoryFields(item, options.stock)) add(field);
  for (const field of effectFields(item)) add(field);
  add(shopField(item));
  if (item.sellValue) add({ name: 'Sells for', value: `${num(item.sellValue)} runes`, inline: true });
  for (const field of characterFields(item, options.character)) add(field);
  return {
    title: item.name,
    url: wikiUrl(item.name),
    description,
    color: item.dlc ? DLC_COLOR : BRAND_COLOR,
    fields,
    footer: gameDataLine(item.patch || options.patch),
  };
}

export function wikiButton(item: ItemRecord): ButtonView {
  return { kind: 'link', label: 'Community wiki', url: wikiUrl(item.name) };
}

