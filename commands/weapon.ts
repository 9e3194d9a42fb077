// /weapon ar | compare | affinities | next: a weapon's attack rating with your stats, at any affinity and
// upgrade level. Every number comes from the attack-rating core (src/weapons) and the rune core
// (src/runes); weapon names are read by the shared item resolver (src/items) plus the core's affinity
// forms. This file states the options (typed, each range once), picks defaults from the active
// character, and lays the answer out.

import { gameDataLine } from '../src/render/footer.ts';
import { defineCommand, leaf } from '../src/router/command.ts';
import { levelOption, statOption } from '../src/router/gameOptions.ts';
import { boolean, integer, string, type ArgsOf, type IntegerSpec } from '../src/router/spec.ts';
import { UserError } from '../src/errors.ts';
import type { AutocompleteContext, CommandContext } from '../src/router/types.ts';
import type { Choice, EmbedField, EmbedView, Reply } from '../src/render/types.ts';
import { BRAND_COLOR, DLC_COLOR } from '../src/render/style.ts';
import { escapeUserText } from '../src/text/escape.ts';
import { core } from '../src/router/core.ts';
import { fmt, list, shown } from '../src/text/format.ts';
import { nameOf } from '../src/render/character.ts';
import { getItemIndex } from '../src/items/search.ts';
import { resolveItem, searchItems } from '../src/items/resolve.ts';
import type { ItemRecord } from '../src/items/types.ts';
import type { Character } from '../src/characters/types.ts';
import { MAX_LEVEL } from '../src/game/classes.ts';
import { MAX_UPGRADE } from '../src/game/upgradeTables.ts';
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
const AFFINITY_MAX_LENGTH = 40;
const FOOTER = gameDataLine();
/** Stats not given and not known from a character: a Wretch starts with 10 in each. */
const DEFAULT_STAT = 10;

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

/** Blank text counts as not given. */
function given(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The weapon named in option `nameOption`, with the affinity of option `affinityOption` (or typed in the name). */
function chooseWeapon(t: WeaponTables, nameText: string | undefined, nameOption: string, affinityOptionText: string | undefined, affinityOption: string): Chosen {
  const text = given(nameText);
  if (text === undefined) throw new UserError(`\`${nameOption}\` is required: a weapon or shield name (start typing and pick it from the list).`);
  const found = findWeapon(t, text, nameOption);
  const { weapon } = found;
  const affinityText = given(affinityOptionText);
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

/** The stats given as options (already checked: whole numbers 1–99), the rest from the character or assumed. */
async function readStats(givenStats: Partial<WeaponStats>, character: () => Promise<Character | null>): Promise<StatSetup> {
  const missing = WEAPON_STATS.filter((stat) => givenStats[stat] === undefined);
  const me = missing.length ? await character() : null;
  const stats = {} as WeaponStats;
  for (const stat of WEAPON_STATS) stats[stat] = givenStats[stat] ?? (me ? me.stats[stat] : DEFAULT_STAT);
  return { stats, fromCharacter: me ? missing : [], assumed: me ? [] : missing, character: me };
}

interface LevelSetup {
  level: number;
  /** How the level was chosen, when it was not given: a sentence for the reply. */
  note: string | undefined;
}

/** The upgrade level: option `levelOption` (`given`), else a "+N" typed in the name, else the character's highest on this path, else +0. */
async function chooseLevel(t: WeaponTables, chosen: Chosen, given: number | undefined, levelOption: string, character: () => Promise<Character | null>): Promise<LevelSetup> {
  const row = requireRow(chosen.weapon, chosen.affinity);
  const count = t.levels(row).length;
  const max = count - 1;
  const path = upgradePathOf(count);
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

async function weaponAr(context: CommandContext, args: ArgsOf<typeof AR_OPTIONS>): Promise<Reply> {
  const t = tables();
  const character = characterReader(context);
  const chosen = chooseWeapon(t, args.name, 'name', args.affinity, 'affinity');
  const twoHanded = args.two_handed ?? false;
  const stats = await readStats(args, character);
  const level = await chooseLevel(t, chosen, args.level, 'level', character);
  const rating = rate(t, chosen, level.level, stats.stats, twoHanded);
  const lines = ratingLines(rating);
  lines.push('', `Stats: ${statLine(rating.stats)}`);
  const hand = handNote(rating, twoHanded);
  if (hand) lines.push(hand);
  if (isRanged(rating.weapon.weaponType)) lines.push("The bow's own attack, before arrows or bolts.");
  for (const note of [statsNote(stats), level.note, ...nameNotes(chosen, given(args.name), 'affinity')]) if (note) lines.push(note);
  return embed(chosen.weapon, { title: `${escapeUserText(title(rating))}${rating.twoHanded ? ' (two-handed)' : ''}`, description: lines.join('\n') });
}

// ---------------------------------------------------------------------------------------------
// /weapon compare

async function weaponCompare(context: CommandContext, args: ArgsOf<typeof COMPARE_OPTIONS>): Promise<Reply> {
  const t = tables();
  const character = characterReader(context);
  const a = chooseWeapon(t, args.a, 'a', args.affinity_a, 'affinity_a');
  const b = chooseWeapon(t, args.b, 'b', args.affinity_b, 'affinity_b');
  const twoHanded = args.two_handed ?? false;
  const stats = await readStats(args, character);
  const levelA = await chooseLevel(t, a, args.level_a, 'level_a', character);
  const levelB = await chooseLevel(t, b, args.level_b, 'level_b', character);
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
  for (const note of [statsNote(stats), levelA.note && `a: ${levelA.note}`, levelB.note && `b: ${levelB.note}`, ...nameNotes(a, given(args.a), 'affinity_a'), ...nameNotes(b, given(args.b), 'affinity_b')]) {
    if (note) lines.push(note);
  }
  return {
    embeds: [{ title: `${escapeUserText(title(ra))} vs ${escapeUserText(title(rb))}`, color: a.weapon.dlc || b.weapon.dlc ? DLC_COLOR : BRAND_COLOR, description: lines.join('\n'), fields: [field(ra), field(rb)], footer: FOOTER }],
  };
}

// ---------------------------------------------------------------------------------------------
// /weapon affinities

async function weaponAffinities(context: CommandContext, args: ArgsOf<typeof AFFINITIES_OPTIONS>): Promise<Reply> {
  const t = tables();
  const character = characterReader(context);
  const chosen = chooseWeapon(t, args.name, 'name', undefined, 'affinity');
  const twoHanded = args.two_handed ?? false;
  const stats = await readStats(args, character);
  const level = await chooseLevel(t, chosen, args.level, 'level', character);
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

async function weaponNext(context: CommandContext, args: ArgsOf<typeof NEXT_OPTIONS>): Promise<Reply> {
  const t = tables();
  const character = characterReader(context);
  const chosen = chooseWeapon(t, args.name, 'name', args.affinity, 'affinity');
  const twoHanded = args.two_handed ?? false;
  const givenLevel = args.character_level;
  const stats = await readStats(args, character);
  const level = await chooseLevel(t, chosen, args.level, 'level', character);
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

/** Autocomplete of a weapon name option. */
function weaponAutocomplete({ query }: AutocompleteContext): Choice[] {
  const t = loadWeaponTables();
  return t ? weaponChoices(t, query) : [];
}

/** Autocomplete of an affinity option: the affinities of the weapon typed in `nameOption`. */
function affinityAutocomplete(nameOption: string) {
  return ({ query, request }: AutocompleteContext): Choice[] => {
    const t = loadWeaponTables();
    if (!t) return [];
    const value = request.options[nameOption];
    return affinityChoices(t, typeof value === 'string' ? value.slice(0, NAME_MAX_LENGTH) : undefined, query);
  };
}

// ---------------------------------------------------------------------------------------------
// Definition: every option stated once, with its range

const LEVEL_TEXT = `Upgrade level 0-${MAX_UPGRADE.regular}, somber 0-${MAX_UPGRADE.somber} (default: your character's highest)`;

const weaponName = (description: string) => string(description, { required: true, maxLength: NAME_MAX_LENGTH, autocomplete: weaponAutocomplete });
const affinityOf = (nameOption: string, description: string) => string(description, { maxLength: AFFINITY_MAX_LENGTH, autocomplete: affinityAutocomplete(nameOption) });
/** An upgrade level: 0 to 25; the weapon's own path (somber: 0 to 10, none: 0) is checked once the weapon is known. */
const upgradeLevel = (description: string) => integer(description, { min: 0, max: MAX_UPGRADE.regular, noun: 'an upgrade level', note: `0 to ${MAX_UPGRADE.somber} for somber weapons` });

const STAT_OPTIONS = Object.fromEntries(WEAPON_STATS.map((stat) => [stat, statOption(`${STAT_LABELS[stat]} (default: your active character's)`)])) as Record<WeaponStat, IntegerSpec>;
const TWO_HANDED = boolean('Held in two hands: Strength ×1.5 (not for paired weapons; bows always)');

const AR_OPTIONS = {
  name: weaponName('Weapon or shield (an affinity in the name works: "keen uchigatana")'),
  affinity: affinityOf('name', 'Affinity (only those this weapon can take are offered)'),
  level: upgradeLevel(LEVEL_TEXT),
  ...STAT_OPTIONS,
  two_handed: TWO_HANDED,
};
const COMPARE_OPTIONS = {
  a: weaponName('First weapon or shield'),
  b: weaponName('Second weapon or shield'),
  affinity_a: affinityOf('a', 'Affinity of the first'),
  affinity_b: affinityOf('b', 'Affinity of the second'),
  level_a: upgradeLevel(`First: ${LEVEL_TEXT}`.slice(0, 100)),
  level_b: upgradeLevel(`Second: ${LEVEL_TEXT}`.slice(0, 100)),
  ...STAT_OPTIONS,
  two_handed: TWO_HANDED,
};
const AFFINITIES_OPTIONS = {
  name: weaponName('Weapon or shield'),
  level: upgradeLevel(LEVEL_TEXT),
  ...STAT_OPTIONS,
  two_handed: TWO_HANDED,
};
const NEXT_OPTIONS = {
  name: weaponName('Weapon or shield'),
  affinity: affinityOf('name', 'Affinity (only those this weapon can take are offered)'),
  level: upgradeLevel(LEVEL_TEXT),
  ...STAT_OPTIONS,
  two_handed: TWO_HANDED,
  character_level: levelOption("Your level now, for the rune cost (default: your character's)", { max: MAX_LEVEL - 1 }),
};

export const weapon = defineCommand({
  name: 'weapon',
  description: 'Attack rating of any weapon with your stats, at any affinity and upgrade level',
  subcommands: {
    ar: leaf({ description: 'Attack rating per damage type, status buildup, spell scaling, scaling letters, requirements', options: AR_OPTIONS, execute: weaponAr }),
    compare: leaf({ description: 'Two weapons side by side for the same stats', options: COMPARE_OPTIONS, execute: weaponCompare }),
    affinities: leaf({ description: "Every affinity's attack rating for these stats, best first", options: AFFINITIES_OPTIONS, execute: weaponAffinities }),
    next: leaf({ description: 'Where 1, 5 and 10 more stat points add the most attack, and what the levels cost', options: NEXT_OPTIONS, execute: weaponNext }),
  },
  examples: [
    { usage: '/weapon ar name:Rivers of Blood level:10 strength:30 dexterity:50 arcane:50', description: 'attack rating, blood loss and scaling with your stats' },
    { usage: '/weapon ar name:keen uchigatana level:25 strength:30 dexterity:50 two_handed:true', description: 'an affinity form, two-handed' },
    { usage: '/weapon compare a:Uchigatana b:Nagakiba affinity_a:Keen affinity_b:Keen', description: 'two weapons side by side' },
    { usage: '/weapon affinities name:Claymore level:25 strength:40 dexterity:20', description: 'every affinity, best first' },
    { usage: '/weapon next name:Claymore affinity:Heavy', description: 'where the next 1, 5 and 10 points add the most' },
  ],
});
