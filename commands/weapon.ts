// /weapon ar | compare | affinities | next: a weapon's attack rating with your stats, at any affinity and
// upgrade level. Every number comes from the attack-rating core (src/weapons) and the rune core
// (src/runes); weapon names are read by the shared item resolver (src/items) plus the core's affinity
// forms. This file reads options, picks defaults from the active character, and lays the answer out.

import { slashCommand } from '../src/router/define.ts';
import { UserError } from '../src/errors.ts';
import type { AutocompleteContext, CommandContext, CommandModule } from '../src/router/types.ts';
import type { OptionReader } from '../src/router/options.ts';
import type { Choice, EmbedField, EmbedView, Reply } from '../src/render/types.ts';
import type { SlashCommandSubcommandBuilder } from '@discordjs/builders';
import { BRAND_COLOR, DLC_COLOR } from '../src/render/style.ts';
import { escapeUserText } from '../src/text/escape.ts';
import { core } from '../src/router/core.ts';
import { fmt, list, shown } from '../src/text/format.ts';
import { readFlag, readInt, readText } from '../src/router/readers.ts';
import { nameOf } from '../src/render/character.ts';
import { getItemIndex } from '../src/items/search.ts';
import { resolveItem, searchItems } from '../src/items/resolve.ts';
import type { ItemRecord } from '../src/items/types.ts';
import type { Character } from '../src/characters/types.ts';
import { MAX_LEVEL, MAX_STAT, MIN_LEVEL, MIN_STAT } from '../src/game/classes.ts';
import {
  AFFINITY_LABELS,
  WEAPON_STATS,
  WeaponNames,
  affinitiesOf,
  bestNextPoints,
  formName,
  isAlwaysTwoHanded,
  isRanged,
  loadWeaponTables,
  parseAffinity,
  prepareAttack,
  ratePrepared,
  requireRow,
  takesAffinities,
  upgradePathOf,
  type Affinity,
  type AttackRating,
  type DamageType,
  type NameResolution,
  type StatusType,
  type WeaponData,
  type WeaponStat,
  type WeaponStats,
  type WeaponTables,
} from '../src/weapons/index.ts';

const NAME_MAX_LENGTH = 100;
const FOOTER = 'Game data: patch 1.16.1';
/** Stats not given and not known from a character: a Wretch starts with 10 in each. */
const DEFAULT_STAT = 10;
const STAT_RANGE = { min: MIN_STAT, max: MAX_STAT, what: `a stat value from ${MIN_STAT} to ${MAX_STAT}` };
const LEVEL_RANGE = { min: 0, max: 25, what: 'an upgrade level from 0 to 25 (0 to 10 for somber weapons)' };
const CHARACTER_LEVEL = { min: MIN_LEVEL, max: MAX_LEVEL - 1, what: `a character level from ${MIN_LEVEL} to ${MAX_LEVEL - 1}` };

const DAMAGE_LABELS: Record<DamageType, string> = { physical: 'Physical', magic: 'Magic', fire: 'Fire', lightning: 'Lightning', holy: 'Holy' };
const STATUS_LABELS: Record<StatusType, string> = {
  poison: 'Poison',
  scarletRot: 'Scarlet rot',
  bloodLoss: 'Blood loss',
  frost: 'Frost',
  sleep: 'Sleep',
  madness: 'Madness',
  deathBlight: 'Death blight',
};
const STAT_LABELS: Record<WeaponStat, string> = { strength: 'Strength', dexterity: 'Dexterity', intelligence: 'Intelligence', faith: 'Faith', arcane: 'Arcane' };
const STAT_SHORT: Record<WeaponStat, string> = { strength: 'Str', dexterity: 'Dex', intelligence: 'Int', faith: 'Fai', arcane: 'Arc' };

// ---------------------------------------------------------------------------------------------
// Data and the active character

function tables(): WeaponTables {
  const loaded = loadWeaponTables();
  if (!loaded) throw new UserError('The weapon data has not been built yet, so attack ratings cannot be worked out.');
  return loaded;
}

let namesCache: { tables: WeaponTables; names: WeaponNames } | undefined;
function names(t: WeaponTables): WeaponNames {
  if (namesCache?.tables !== t) namesCache = { tables: t, names: new WeaponNames(t) };
  return namesCache.names;
}

/**
 * The one place the active character is read, once per command (it makes the reply private where
 * others would see it, so it is read only when an option is left to default). Async because the store
 * is becoming async: that change is this one line.
 */
function characterReader(context: CommandContext): () => Promise<Character | null> {
  let read: Promise<Character | null> | undefined;
  return () => (read ??= Promise.resolve(context.activeCharacter()));
}

// ---------------------------------------------------------------------------------------------
// Finding the weapon

function itemFilter(t: WeaponTables) {
  return { categories: ['weapon', 'shield'] as const, accept: (item: ItemRecord) => t.weapon(item.key) !== undefined };
}

function resolverFor(t: WeaponTables) {
  const filter = itemFilter(t);
  return (text: string): NameResolution => {
    const found = resolveItem(text, filter);
    switch (found.kind) {
      case 'found':
        return { kind: 'found', key: found.item.key, exact: found.exact };
      case 'ambiguous':
        return { kind: 'ambiguous', names: found.candidates.map((item) => item.name), total: found.total };
      case 'not-found':
        return { kind: 'not-found', closest: found.closest.map((item) => item.name) };
    }
  };
}

interface Chosen {
  weapon: WeaponData;
  affinity: Affinity | null;
  /** The affinity typed in the name and replaced by the `affinity` option. */
  replaced: Affinity | undefined;
  typedLevel: number | undefined;
  exact: boolean;
}

function bold(names: readonly string[]): string[] {
  return names.map((name) => `**${escapeUserText(name)}**`);
}

function findWeapon(t: WeaponTables, text: string, option: string): { weapon: WeaponData; affinity: Affinity | undefined; level: number | undefined; exact: boolean } {
  const found = names(t).lookup(text, resolverFor(t));
  switch (found.kind) {
    case 'found':
      return found;
    case 'ambiguous': {
      const more = found.total - Math.min(found.names.length, 6);
      const shownNames = bold(found.names.slice(0, 6));
      throw new UserError(`Which weapon for \`${option}\`? “${shown(text)}” matches several: ${list(more > 0 ? [...shownNames, `${fmt(more)} more`] : shownNames)}. Pick one from the list as you type.`);
    }
    case 'not-found':
      throw new UserError(
        `I found no weapon or shield named “${shown(text)}”.${found.closest.length ? ` Closest names: ${list(bold(found.closest))}.` : ''} Start typing its name in \`${option}\` and pick it from the list.`,
      );
    case 'no-data':
      throw new UserError(`I have no attack data for that item: only weapons and shields have an attack rating.`);
  }
}

function affinityList(weapon: WeaponData): string {
  return list(affinitiesOf(weapon).map((a) => AFFINITY_LABELS[a]));
}

/** The weapon of option `nameOption`, with the affinity from `affinityOption` (or typed in the name). */
function chooseWeapon(t: WeaponTables, options: OptionReader, nameOption: string, affinityOption: string): Chosen {
  const text = readText(options, nameOption, NAME_MAX_LENGTH);
  if (text === undefined) throw new UserError(`\`${nameOption}\` is required: a weapon or shield name (start typing and pick it from the list).`);
  const found = findWeapon(t, text, nameOption);
  const { weapon } = found;
  const affinityText = readText(options, affinityOption, 40);
  let affinity: Affinity | null = found.affinity ?? null;
  let replaced: Affinity | undefined;
  if (affinityText !== undefined && !/^(none|-)$/i.test(affinityText)) {
    const parsed = parseAffinity(affinityText);
    if (!parsed) {
      throw new UserError(
        takesAffinities(weapon)
          ? `\`${affinityOption}\` must be an affinity ${escapeUserText(weapon.name)} can take: ${affinityList(weapon)} (you gave “${shown(affinityText)}”).`
          : `${escapeUserText(weapon.name)} cannot take an affinity: leave \`${affinityOption}\` out.`,
      );
    }
    if (found.affinity && found.affinity !== parsed) replaced = found.affinity;
    affinity = parsed;
  }
  if (affinity !== null && !takesAffinities(weapon)) {
    throw new UserError(`${escapeUserText(weapon.name)} cannot take an affinity (it has only its own form)${affinityText !== undefined ? `: leave \`${affinityOption}\` out` : ''}.`);
  }
  if (affinity !== null && !affinitiesOf(weapon).includes(affinity)) {
    throw new UserError(`${escapeUserText(weapon.name)} cannot take ${AFFINITY_LABELS[affinity]}: it takes ${affinityList(weapon)}.`);
  }
  core(() => requireRow(weapon, affinity));
  return { weapon, affinity, replaced, typedLevel: found.level, exact: found.exact };
}

// ---------------------------------------------------------------------------------------------
// Stats, level and two-handing

interface StatSetup {
  stats: WeaponStats;
  /** Stats read from the character. */
  fromCharacter: WeaponStat[];
  /** Stats neither given nor known (set to DEFAULT_STAT). */
  assumed: WeaponStat[];
  character: Character | null;
}

async function readStats(options: OptionReader, character: () => Promise<Character | null>): Promise<StatSetup> {
  const given: Partial<WeaponStats> = {};
  for (const stat of WEAPON_STATS) {
    const value = readInt(options, stat, STAT_RANGE);
    if (value !== undefined) given[stat] = value;
  }
  const missing = WEAPON_STATS.filter((stat) => given[stat] === undefined);
  const me = missing.length ? await character() : null;
  const stats = {} as WeaponStats;
  for (const stat of WEAPON_STATS) stats[stat] = given[stat] ?? (me ? me.stats[stat] : DEFAULT_STAT);
  return { stats, fromCharacter: me ? missing : [], assumed: me ? [] : missing, character: me };
}

interface LevelSetup {
  level: number;
  /** How the level was chosen, when it was not given: a sentence for the reply. */
  note: string | undefined;
}

/** The upgrade level: `level`, else a "+N" typed in the name, else the character's highest on this path, else +0. */
async function chooseLevel(t: WeaponTables, chosen: Chosen, options: OptionReader, levelOption: string, character: () => Promise<Character | null>): Promise<LevelSetup> {
  const row = requireRow(chosen.weapon, chosen.affinity);
  const count = t.levels(row).length;
  const max = count - 1;
  const path = upgradePathOf(count);
  const given = readInt(options, levelOption, LEVEL_RANGE);
  const name = escapeUserText(chosen.weapon.name);
  const check = (level: number, where: string) => {
    if (level <= max) return level;
    if (path === 'none') throw new UserError(`${name} cannot be upgraded: ${where} must be 0 (you gave +${level}).`);
    throw new UserError(`${name} is ${path === 'somber' ? 'a somber weapon' : 'a regular weapon'}: ${where} must be from 0 to ${max} (you gave +${level}).`);
  };
  if (given !== undefined) {
    const note = chosen.typedLevel !== undefined && chosen.typedLevel !== given ? `The +${chosen.typedLevel} in the name was not used: \`${levelOption}\` says +${given}.` : undefined;
    return { level: check(given, `\`${levelOption}\``), note };
  }
  if (chosen.typedLevel !== undefined) return { level: check(chosen.typedLevel, 'the +N after the name'), note: undefined };
  if (path === 'none') return { level: 0, note: undefined };
  const me = await character();
  if (me) {
    const highest = path === 'somber' ? me.maxUpgrade.somber : me.maxUpgrade.regular;
    const level = Math.min(highest, max);
    return { level, note: `Level +${level}: ${nameOf(me)}'s highest ${path} upgrade (give \`${levelOption}\` for another).` };
  }
  return { level: 0, note: `Level +0 (give \`${levelOption}\` for another, up to +${max}).` };
}

function statsNote(setup: StatSetup): string | undefined {
  const parts: string[] = [];
  if (setup.character && setup.fromCharacter.length) {
    parts.push(`${setup.fromCharacter.length === WEAPON_STATS.length ? 'All five stats' : list(setup.fromCharacter.map((s) => STAT_LABELS[s]))} from ${nameOf(setup.character)}.`);
  }
  if (setup.assumed.length === WEAPON_STATS.length) {
    parts.push(`No stats given: ${DEFAULT_STAT} each (a Wretch's start). Give them, or create a character with \`/character create\` and I will use its stats.`);
  } else if (setup.assumed.length) {
    parts.push(`${list(setup.assumed.map((s) => STAT_LABELS[s]))} not given: ${DEFAULT_STAT} ${setup.assumed.length === 1 ? '' : 'each '}(a Wretch's start).`);
  }
  return parts.length ? parts.join(' ') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Laying out a rating

function title(rating: AttackRating): string {
  return `${formName(rating.weapon, rating.affinity)} +${rating.level}`;
}

/** `Physical 389 · Fire 274 · Total 664`, a penalised type marked. */
export function damageLine(rating: AttackRating): string {
  const parts = rating.damage.map((d) => `${DAMAGE_LABELS[d.type]} ${fmt(d.shown)}${d.penalized ? ' (×0.6)' : ''}`);
  parts.push(`**Total ${fmt(rating.total)}**`);
  return parts.join(' · ');
}

function statusLine(rating: AttackRating): string | undefined {
  if (!rating.status.length) return undefined;
  return rating.status.map((s) => `${STATUS_LABELS[s.type]} ${fmt(s.shown)}${s.penalized ? ' (×0.6)' : ''}`).join(' · ');
}

function spellLine(rating: AttackRating): string | undefined {
  if (!rating.spellScaling.length) return undefined;
  return rating.spellScaling.map((s) => `${s.school === 'sorcery' ? 'Sorcery' : 'Incantation'} scaling **${fmt(s.shown)}**${s.penalized ? ' (×0.6)' : ''}`).join(' · ');
}

function scalingLine(rating: AttackRating): string {
  if (!rating.scaling.length) return 'Scaling: none';
  return `Scaling: ${rating.scaling.map((g) => `${STAT_SHORT[g.stat]} ${g.letter}`).join(' · ')}`;
}

function requirementsLine(rating: AttackRating): string {
  if (!rating.requirements.length) return 'Requirements: none';
  return `Requirements: ${rating.requirements.map((r) => `${STAT_SHORT[r.stat]} ${r.required} ${r.met ? '✓' : `✗ (${r.effective})`}`).join(' · ')}`;
}

function unmetLines(rating: AttackRating): string[] {
  const penalty = rating.penalty;
  if (!penalty) return [];
  const unmet = rating.requirements.filter((r) => !r.met);
  const what = list(unmet.map((r) => `${STAT_LABELS[r.stat]} ${r.effective} of ${r.required}`));
  const types = [
    ...rating.damage.filter((d) => d.penalized).map((d) => DAMAGE_LABELS[d.type]),
    ...rating.status.filter((s) => s.penalized).map((s) => STATUS_LABELS[s.type]),
    ...rating.spellScaling.filter((s) => s.penalized).map((s) => `${s.school} scaling`),
  ];
  const lines = [`⚠ Unmet: ${what}. ${types.length ? `${list(types)} at ×0.6, no stat bonus` : 'Nothing this weapon deals is affected'}.`];
  if (penalty.cost > 0) lines.push(`Meeting ${unmet.length === 1 ? 'it' : 'them'} with these stats: **Total ${fmt(penalty.totalWithout)}** (this costs you ${fmt(penalty.cost)}).`);
  const spellWithout = penalty.spellScalingWithout.filter((s, i) => rating.spellScaling[i]?.penalized);
  for (const s of spellWithout) lines.push(`Meeting them: ${s.school} scaling **${fmt(s.shown)}**.`);
  if (rating.twoHandingMeetsStrength) lines.push('Two-handing it would meet the Strength requirement.');
  return lines;
}

function handNote(rating: AttackRating, askedTwoHanded: boolean): string | undefined {
  if (isAlwaysTwoHanded(rating.weapon.weaponType)) return `Held in two hands, as every bow is: Strength ${rating.stats.strength} counts as ${rating.effectiveStats.strength}.`;
  if (askedTwoHanded && rating.weapon.paired) return 'A paired weapon gets no Strength bonus when two-handed.';
  if (rating.strengthBonus) return `Two-handed: Strength ${rating.stats.strength} counts as ${rating.effectiveStats.strength}.`;
  return undefined;
}

function statLine(stats: WeaponStats): string {
  return WEAPON_STATS.map((s) => `${STAT_SHORT[s]} ${stats[s]}`).join(' · ');
}

/** The rating's own lines (no notes about where values came from). */
function ratingLines(rating: AttackRating): string[] {
  return [damageLine(rating), statusLine(rating), spellLine(rating), scalingLine(rating), requirementsLine(rating), ...unmetLines(rating)].filter((line): line is string => Boolean(line));
}

function embed(weapon: WeaponData, view: EmbedView): Reply {
  return { embeds: [{ color: weapon.dlc ? DLC_COLOR : BRAND_COLOR, footer: FOOTER, ...view }] };
}

function nameNotes(chosen: Chosen, text: string | undefined, option: string): string[] {
  const notes: string[] = [];
  if (!chosen.exact && text) notes.push(`(Best match for “${shown(text)}”.)`);
  if (chosen.replaced) notes.push(`The ${AFFINITY_LABELS[chosen.replaced]} in the name was not used: \`${option}\` says ${chosen.affinity ? AFFINITY_LABELS[chosen.affinity] : 'none'}.`);
  return notes;
}

function rate(t: WeaponTables, chosen: Chosen, level: number, stats: WeaponStats, twoHanded: boolean): AttackRating {
  return core(() => ratePrepared(prepareAttack(t, chosen.weapon, { affinity: chosen.affinity, level, twoHanded }), stats));
}

// ---------------------------------------------------------------------------------------------
// /weapon ar

async function weaponAr(context: CommandContext): Promise<Reply> {
  const t = tables();
  const { options } = context;
  const character = characterReader(context);
  const chosen = chooseWeapon(t, options, 'name', 'affinity');
  const twoHanded = readFlag(options, 'two_handed');
  const stats = await readStats(options, character);
  const level = await chooseLevel(t, chosen, options, 'level', character);
  const rating = rate(t, chosen, level.level, stats.stats, twoHanded);
  const lines = ratingLines(rating);
  lines.push('', `Stats: ${statLine(rating.stats)}`);
  const hand = handNote(rating, twoHanded);
  if (hand) lines.push(hand);
  if (isRanged(rating.weapon.weaponType)) lines.push("The bow's own attack, before arrows or bolts.");
  for (const note of [statsNote(stats), level.note, ...nameNotes(chosen, readText(options, 'name', NAME_MAX_LENGTH), 'affinity')]) if (note) lines.push(note);
  return embed(chosen.weapon, { title: `${escapeUserText(title(rating))}${rating.twoHanded ? ' (two-handed)' : ''}`, description: lines.join('\n') });
}

// ---------------------------------------------------------------------------------------------
// /weapon compare

async function weaponCompare(context: CommandContext): Promise<Reply> {
  const t = tables();
  const { options } = context;
  const character = characterReader(context);
  const a = chooseWeapon(t, options, 'a', 'affinity_a');
  const b = chooseWeapon(t, options, 'b', 'affinity_b');
  const twoHanded = readFlag(options, 'two_handed');
  const stats = await readStats(options, character);
  const levelA = await chooseLevel(t, a, options, 'level_a', character);
  const levelB = await chooseLevel(t, b, options, 'level_b', character);
  const ra = rate(t, a, levelA.level, stats.stats, twoHanded);
  const rb = rate(t, b, levelB.level, stats.stats, twoHanded);
  const field = (rating: AttackRating): EmbedField => ({ name: `${escapeUserText(title(rating))}${rating.twoHanded ? ' (2H)' : ''}`, value: ratingLines(rating).join('\n'), inline: true });
  const difference = ra.total - rb.total;
  const lead =
    difference === 0
      ? `Same total: **${fmt(ra.total)}**.`
      : `**${escapeUserText(title(difference > 0 ? ra : rb))}** is ahead by **${fmt(Math.abs(difference))}** (${fmt(Math.max(ra.total, rb.total))} vs ${fmt(Math.min(ra.total, rb.total))}).`;
  const lines = [lead, '', `Stats: ${statLine(stats.stats)}${twoHanded ? ' · two-handed' : ''}`];
  for (const rating of [ra, rb]) {
    const hand = handNote(rating, twoHanded);
    if (hand) lines.push(`${escapeUserText(formName(rating.weapon, rating.affinity))}: ${hand}`);
  }
  for (const note of [statsNote(stats), levelA.note && `a: ${levelA.note}`, levelB.note && `b: ${levelB.note}`, ...nameNotes(a, readText(options, 'a', NAME_MAX_LENGTH), 'affinity_a'), ...nameNotes(b, readText(options, 'b', NAME_MAX_LENGTH), 'affinity_b')]) {
    if (note) lines.push(note);
  }
  return {
    embeds: [{ title: `${escapeUserText(title(ra))} vs ${escapeUserText(title(rb))}`, color: a.weapon.dlc || b.weapon.dlc ? DLC_COLOR : BRAND_COLOR, description: lines.join('\n'), fields: [field(ra), field(rb)], footer: FOOTER }],
  };
}

// ---------------------------------------------------------------------------------------------
// /weapon affinities

async function weaponAffinities(context: CommandContext): Promise<Reply> {
  const t = tables();
  const { options } = context;
  const character = characterReader(context);
  const chosen = chooseWeapon(t, options, 'name', 'affinity');
  const twoHanded = readFlag(options, 'two_handed');
  const stats = await readStats(options, character);
  const level = await chooseLevel(t, chosen, options, 'level', character);
  const name = escapeUserText(chosen.weapon.name);
  const lines: string[] = [];
  if (!takesAffinities(chosen.weapon)) {
    const rating = rate(t, chosen, level.level, stats.stats, twoHanded);
    lines.push(`${name} cannot take an affinity: it has only its own form.`, '', ...ratingLines(rating));
  } else {
    const ratings = affinitiesOf(chosen.weapon).map((affinity) => rate(t, { ...chosen, affinity }, level.level, stats.stats, twoHanded));
    ratings.sort((x, y) => y.totalExact - x.totalExact || 0);
    const width = Math.max(...ratings.map((r) => AFFINITY_LABELS[r.affinity!].length));
    const totalWidth = Math.max(...ratings.map((r) => fmt(r.total).length));
    const rows = ratings.map((r, i) => {
      const parts = r.damage.map((d) => `${DAMAGE_LABELS[d.type]} ${fmt(d.shown)}`);
      const status = r.status.map((s) => `${STATUS_LABELS[s.type]} ${fmt(s.shown)}`);
      const spell = r.spellScaling.map((s) => `${s.school === 'sorcery' ? 'sorcery' : 'incantation'} ${fmt(s.shown)}`);
      return `${String(i + 1).padStart(2)}. ${AFFINITY_LABELS[r.affinity!].padEnd(width)} ${fmt(r.total).padStart(totalWidth)}${r.unmet.length ? '!' : ' '} ${[...parts, ...status, ...spell].join(', ')}`;
    });
    lines.push(`Best for these stats: **${AFFINITY_LABELS[ratings[0]!.affinity!]}** (${fmt(ratings[0]!.total)}).`, '```\n' + rows.join('\n') + '\n```');
    if (ratings.some((r) => r.unmet.length)) lines.push('! a requirement is not met (that damage at ×0.6).');
  }
  lines.push('', `Stats: ${statLine(stats.stats)}${twoHanded ? ' · two-handed' : ''}`);
  for (const note of [statsNote(stats), level.note]) if (note) lines.push(note);
  return embed(chosen.weapon, { title: `${name} +${level.level}: every affinity`, description: lines.join('\n') });
}

// ---------------------------------------------------------------------------------------------
// /weapon next

function addedText(added: Partial<Record<WeaponStat, number>>): string {
  const parts = WEAPON_STATS.filter((s) => added[s]).map((s) => `${STAT_LABELS[s]} +${added[s]}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

async function weaponNext(context: CommandContext): Promise<Reply> {
  const t = tables();
  const { options } = context;
  const character = characterReader(context);
  const chosen = chooseWeapon(t, options, 'name', 'affinity');
  const twoHanded = readFlag(options, 'two_handed');
  const givenLevel = readInt(options, 'character_level', CHARACTER_LEVEL);
  const stats = await readStats(options, character);
  const level = await chooseLevel(t, chosen, options, 'level', character);
  // The rune cost needs the character's level and runes held: read it unless the level was given.
  const me = givenLevel === undefined ? await character() : stats.character;
  const characterLevel = givenLevel ?? me?.level;
  const prepared = core(() => prepareAttack(t, chosen.weapon, { affinity: chosen.affinity, level: level.level, twoHanded }));
  const rating = core(() => ratePrepared(prepared, stats.stats));
  const next = core(() => bestNextPoints(prepared, stats.stats, { characterLevel, runesHeld: me ? me.runesHeld : undefined }));
  const what = next.objective === 'attack' ? 'Total' : rating.spellScaling.length > 1 ? 'Spell scaling (best)' : `${rating.spellScaling[0]!.school === 'sorcery' ? 'Sorcery' : 'Incantation'} scaling`;
  const lines = [`Now: ${what} **${fmt(next.value)}** · ${statLine(stats.stats)}${rating.strengthBonus ? ` (Strength counts as ${rating.effectiveStats.strength} in two hands)` : ''}`];
  if (!next.stats.length) {
    lines.push('', 'Every stat that matters for this weapon is already at 99: more points add nothing here.');
  } else {
    lines.push(`Stats that matter here: ${list(next.stats.map((s) => STAT_LABELS[s]))}.`, '');
    for (const plan of next.plans) {
      const points = `**${plan.points} point${plan.points === 1 ? '' : 's'}**`;
      const head = plan.gain > 0 ? `${points}: ${addedText(plan.added)} → ${what} **${fmt(plan.value)}** (+${fmt(plan.gain)})` : `${points}: no split adds anything yet (${what} stays ${fmt(plan.value)})`;
      lines.push(plan.spent < plan.points ? `${head}; only ${plan.spent} could be placed below 99` : head);
      if (plan.cost && plan.gain > 0) {
        const held = plan.cost.held === null ? '' : plan.cost.missing ? `: you hold ${fmt(plan.cost.held)}, **${fmt(plan.cost.missing)} short**` : `: you hold ${fmt(plan.cost.held)}, enough`;
        lines.push(`   level ${plan.cost.fromLevel} → ${plan.cost.toLevel}: ${fmt(plan.cost.runes)} runes${held}`);
      }
      if (!plan.exact) lines.push('   (found one point at a time)');
    }
    if (characterLevel === undefined) lines.push('', 'Give `character_level` (or create a character with `/character create`) to see what those levels cost in runes.');
  }
  if (rating.penalty) lines.push('', ...unmetLines(rating));
  const notes = [
    statsNote(stats),
    level.note,
    me && givenLevel === undefined ? `Level ${me.level} and runes held from ${nameOf(me)}${me.level >= MAX_LEVEL ? ' (at the maximum level: no more level-ups)' : ''}.` : undefined,
  ];
  for (const note of notes) if (note) lines.push(note);
  return embed(chosen.weapon, { title: `${escapeUserText(title(rating))}: where the next points go`, description: lines.join('\n') });
}

async function execute(context: CommandContext): Promise<Reply> {
  switch (context.request.subcommand) {
    case 'ar':
      return weaponAr(context);
    case 'compare':
      return weaponCompare(context);
    case 'affinities':
      return weaponAffinities(context);
    case 'next':
      return weaponNext(context);
    default:
      throw new UserError('Use `/weapon ar` (attack rating), `/weapon compare` (two weapons), `/weapon affinities` (every affinity) or `/weapon next` (where to put points).');
  }
}

// ---------------------------------------------------------------------------------------------
// Autocomplete

function weaponChoices(t: WeaponTables, query: string): Choice[] {
  const index = getItemIndex();
  if (!index) return [];
  const filter = itemFilter(t);
  const search = (text: string, limit: number) => searchItems(text.slice(0, NAME_MAX_LENGTH), { ...filter, limit }).map((hit) => ({ key: hit.item.key, score: hit.score, tier: hit.tier }));
  return names(t)
    .choices(query, search, 25)
    .map((choice) => {
      const item = index.get(choice.weapon.key);
      const kind = item?.subcategory ?? (item?.category === 'shield' ? 'Shield' : 'Weapon');
      const path = upgradePathOf(t.levels(choice.weapon.rows[0]!).length);
      const label = `${choice.name} · ${kind}${path === 'somber' ? ' · somber' : ''}${choice.weapon.dlc ? ' (DLC)' : ''}`;
      return { name: label.slice(0, 100), value: choice.value, typed: choice.name };
    });
}

function affinityChoices(t: WeaponTables, weaponText: string | undefined, query: string): Choice[] {
  let weapon: WeaponData | undefined;
  if (weaponText && getItemIndex()) {
    const found = names(t).lookup(weaponText, resolverFor(t));
    if (found.kind === 'found') weapon = found.weapon;
  }
  const q = query.trim().toLowerCase();
  if (weapon && !takesAffinities(weapon)) return [{ name: `None: ${weapon.name} cannot take an affinity`.slice(0, 100), value: 'none' }];
  const affinities = weapon ? affinitiesOf(weapon) : (Object.keys(AFFINITY_LABELS) as Affinity[]);
  return affinities
    .filter((a) => !q || AFFINITY_LABELS[a].toLowerCase().startsWith(q) || a.startsWith(q))
    .map((a) => ({ name: weapon ? `${AFFINITY_LABELS[a]} — ${formName(weapon, a)}`.slice(0, 100) : AFFINITY_LABELS[a], value: a }));
}

const AFFINITY_FOR: Record<string, string> = { affinity: 'name', affinity_a: 'a', affinity_b: 'b' };

function autocomplete(context: AutocompleteContext): Choice[] {
  const t = loadWeaponTables();
  if (!t) return [];
  const focused = context.request.focused;
  if (focused === 'name' || focused === 'a' || focused === 'b') return weaponChoices(t, context.query);
  const nameOption = AFFINITY_FOR[focused];
  if (nameOption) {
    const value = context.request.options[nameOption];
    return affinityChoices(t, typeof value === 'string' ? value.slice(0, NAME_MAX_LENGTH) : undefined, context.query);
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Definition

function nameOption(s: SlashCommandSubcommandBuilder, name: string, description: string): SlashCommandSubcommandBuilder {
  return s.addStringOption((o) => o.setName(name).setDescription(description).setRequired(true).setAutocomplete(true).setMaxLength(NAME_MAX_LENGTH));
}

function affinityOption(s: SlashCommandSubcommandBuilder, name: string, description: string): SlashCommandSubcommandBuilder {
  return s.addStringOption((o) => o.setName(name).setDescription(description).setAutocomplete(true).setMaxLength(40));
}

function levelOption(s: SlashCommandSubcommandBuilder, name: string, description: string): SlashCommandSubcommandBuilder {
  return s.addIntegerOption((o) => o.setName(name).setDescription(description).setMinValue(0).setMaxValue(25));
}

function statOptions(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  for (const stat of WEAPON_STATS) {
    s.addIntegerOption((o) => o.setName(stat).setDescription(`${STAT_LABELS[stat]} (${MIN_STAT}-${MAX_STAT}; default: your active character's)`).setMinValue(MIN_STAT).setMaxValue(MAX_STAT));
  }
  return s.addBooleanOption((o) => o.setName('two_handed').setDescription('Held in two hands: Strength ×1.5 (not for paired weapons; bows always)'));
}

const LEVEL_TEXT = "Upgrade level 0-25, somber 0-10 (default: your character's highest)";

export const weapon: CommandModule = {
  data: slashCommand('weapon', 'Attack rating of any weapon with your stats, at any affinity and upgrade level')
    .addSubcommand((s) => {
      s.setName('ar').setDescription('Attack rating per damage type, status buildup, spell scaling, scaling letters, requirements');
      nameOption(s, 'name', 'Weapon or shield (an affinity in the name works: "keen uchigatana")');
      affinityOption(s, 'affinity', 'Affinity (only those this weapon can take are offered)');
      levelOption(s, 'level', LEVEL_TEXT);
      return statOptions(s);
    })
    .addSubcommand((s) => {
      s.setName('compare').setDescription('Two weapons side by side for the same stats');
      nameOption(s, 'a', 'First weapon or shield');
      nameOption(s, 'b', 'Second weapon or shield');
      affinityOption(s, 'affinity_a', 'Affinity of the first');
      affinityOption(s, 'affinity_b', 'Affinity of the second');
      levelOption(s, 'level_a', `First: ${LEVEL_TEXT}`.slice(0, 100));
      levelOption(s, 'level_b', `Second: ${LEVEL_TEXT}`.slice(0, 100));
      return statOptions(s);
    })
    .addSubcommand((s) => {
      s.setName('affinities').setDescription("Every affinity's attack rating for these stats, best first");
      nameOption(s, 'name', 'Weapon or shield');
      levelOption(s, 'level', LEVEL_TEXT);
      return statOptions(s);
    })
    .addSubcommand((s) => {
      s.setName('next').setDescription('Where 1, 5 and 10 more stat points add the most attack, and what the levels cost');
      nameOption(s, 'name', 'Weapon or shield');
      affinityOption(s, 'affinity', 'Affinity (only those this weapon can take are offered)');
      levelOption(s, 'level', LEVEL_TEXT);
      statOptions(s);
      return s.addIntegerOption((o) => o.setName('character_level').setDescription("Your level now, for the rune cost (default: your character's)").setMinValue(CHARACTER_LEVEL.min).setMaxValue(CHARACTER_LEVEL.max));
    }),
  examples: [
    { usage: '/weapon ar name:Rivers of Blood level:10 strength:30 dexterity:50 arcane:50', description: 'attack rating, blood loss and scaling with your stats' },
    { usage: '/weapon ar name:keen uchigatana level:25 strength:30 dexterity:50 two_handed:true', description: 'an affinity form, two-handed' },
    { usage: '/weapon compare a:Uchigatana b:Nagakiba affinity_a:Keen affinity_b:Keen', description: 'two weapons side by side' },
    { usage: '/weapon affinities name:Claymore level:25 strength:40 dexterity:20', description: 'every affinity, best first' },
    { usage: '/weapon next name:Claymore affinity:Heavy', description: 'where the next 1, 5 and 10 points add the most' },
  ],
  execute,
  autocomplete,
};
