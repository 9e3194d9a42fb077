// The structured effects of an item in a player's words, with their numbers from the params
// ("Runes from kills +20% (while equipped)", "Runes from kills +30% for 180 s (3 min)"), and what the
// item does not stack with. The item card (src/render/itemCard.ts) adds these fields.

import { getEffectCatalog, type EffectCatalog } from '../items/effects.ts';
import type { EffectCondition, StructuredEffect } from '../items/effectVocabulary.ts';
import { ATTACK_SUBCATEGORIES } from '../items/effectVocabulary.ts';
import type { ItemRecord } from '../items/types.ts';
import { escapeUserText } from '../text/escape.ts';
import { fmt1, list } from '../text/format.ts';
import type { EmbedField } from './types.ts';

/** Lines of the "What it does" field, and names listed in a stacking line, before "and N more". */
const MAX_LINES = 8;
const MAX_NAMES = 5;

const n = (x: number) => (Number.isInteger(x) ? String(x) : fmt1(x).replace(/\.0$/, ''));
const signed = (x: number) => `${x < 0 ? '−' : '+'}${n(Math.abs(x))}`;
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

const ELEMENT_LABEL: Record<string, string> = { physical: 'physical', magic: 'magic', fire: 'fire', lightning: 'lightning', holy: 'holy' };
const ATTRIBUTE_LABEL = (a: string) => cap(a);

function scopeLabel(scope: string): string {
  if (scope.startsWith('sub:')) return ATTACK_SUBCATEGORIES.get(Number(scope.slice(4))) ?? 'some attacks';
  switch (scope) {
    case 'critical':
      return 'critical hits (backstabs and ripostes)';
    case 'counterattack':
      return 'counterattacks with thrusting weapons';
    case 'sorcery':
      return 'sorceries';
    case 'incantation':
      return 'incantations';
    case 'skill':
      return 'skills';
    default:
      return scope;
  }
}

/** "Jump attacks", "Fire damage", "Skills and charged skills", "Attack power". */
function attackSubject(e: StructuredEffect): string {
  const labels = [...new Set(e.scope.map(scopeLabel))];
  const els = e.elements?.map((el) => ELEMENT_LABEL[el] ?? el);
  if (labels.length) return cap(list(labels)) + (els ? ` (${list(els)} damage)` : '');
  if (els) return `${cap(list(els))} damage`;
  return 'Attack power';
}

function percentChange(value: number): string {
  return `${signed(value)}%`;
}

/** The effect without its timing and conditions. */
function core(e: StructuredEffect, item: ItemRecord): string {
  const v = e.value;
  const pct = v !== undefined ? percentChange(v) : '';
  switch (e.kind) {
    case 'rune_gain':
      return `Runes from kills ${pct}`;
    case 'item_discovery':
      return `Item discovery ${signed(v ?? 0)}`;
    case 'max_hp':
      return `Max HP ${pct}`;
    case 'max_fp':
      return `Max FP ${pct}`;
    case 'max_stamina':
      return `Max stamina ${pct}`;
    case 'equip_load':
      return `Max equip load ${pct}`;
    case 'poise':
      return v !== undefined ? `Poise damage taken ${percentChange(-v)}` : 'Poise up';
    case 'attribute':
      return `${list(e.scope.map(ATTRIBUTE_LABEL))} ${signed(v ?? 0)}`;
    case 'damage_negation': {
      const what = e.elements ? `${cap(list(e.elements.map((el) => ELEMENT_LABEL[el] ?? el)))} damage taken` : 'Damage taken';
      const pvp = e.pvp !== undefined ? ` (${percentChange(-e.pvp)} from players)` : '';
      return `${what} ${percentChange(-(v ?? 0))}${pvp}`;
    }
    case 'status_resistance':
      return `${cap(list(e.scope))} resistance ${signed(v ?? 0)}`;
    case 'cure_status':
      return `Cures ${list(e.scope)} build-up`;
    case 'attack': {
      if (v === undefined) return 'Attack power up';
      const pvp = e.pvp !== undefined ? ` (${percentChange(e.pvp)} against players)` : '';
      return `${attackSubject(e)} ${pct}${pvp}`;
    }
    case 'stamina_damage':
      return `Stamina damage to guarding enemies ${pct}`;
    case 'guard':
      return `Stamina lost when blocking ${percentChange(-(v ?? 0))}`;
    case 'fp_cost': {
      const what = list(e.scope.map(scopeLabel));
      return v === 100 ? `${cap(what)} cost no FP` : `FP cost of ${what} ${percentChange(-(v ?? 0))}`;
    }
    case 'stamina_cost':
      return v === 100 ? 'Actions cost no stamina' : `Stamina costs ${percentChange(-(v ?? 0))}`;
    case 'casting_speed':
      return `Casts as fast as with ${n(v ?? 0)} more Dexterity`;
    case 'buff_duration':
      return `Spell and skill effects last ${pct} longer`;
    case 'hp_regen':
      return `Regenerates ${n(v ?? 0)} HP per second`;
    case 'fp_regen':
      return `Regenerates ${n(v ?? 0)} FP per second`;
    case 'stamina_regen':
      return `Stamina recovery ${signed(v ?? 0)} per second`;
    case 'heal':
    case 'restore_fp':
    case 'hp_on_kill':
    case 'fp_on_kill':
    case 'hp_on_hit':
    case 'fp_on_hit': {
      const pool = e.kind === 'heal' || e.kind === 'hp_on_kill' || e.kind === 'hp_on_hit' ? 'HP' : 'FP';
      const verb = pool === 'HP' ? 'heals' : 'restores';
      const amount = v === undefined ? pool : e.unit === 'percent' ? `${n(v)}% of max ${pool}${e.flat ? ` + ${n(e.flat)}` : ''}` : `${n(v)} ${pool}`;
      if (e.kind === 'hp_on_kill' || e.kind === 'fp_on_kill') return `Killing an enemy ${verb} ${amount}`;
      if (e.kind === 'hp_on_hit' || e.kind === 'fp_on_hit') {
        if (e.conditions.some((c) => c.kind === 'on_critical')) return `Critical hits restore ${pool}`;
        return `Landing hits ${verb} ${amount}`;
      }
      return `${cap(verb)} ${amount}`;
    }
    case 'flask_potency':
      return e.scope.includes('fp') ? `Flask of Cerulean Tears restores ${pct} FP` : `Flask of Crimson Tears heals ${pct}`;
    case 'stealth':
      return e.scope.includes('crouching') ? 'Hidden from distant enemies while crouching' : v === 100 ? 'Your movement makes no sound' : `Noise you make ${percentChange(-(v ?? 0))}`;
    case 'memory_slots':
      return e.timing === 'per_item' ? `One more memory slot per stone${e.maxCount !== undefined ? ` (up to ${e.maxCount} can be carried)` : ''}` : `${signed(v ?? 0)} memory slots`;
    case 'talisman_slots':
      return `One more talisman slot per pouch${e.maxCount !== undefined ? ` (up to ${e.maxCount} can be carried)` : ''}`;
    case 'fall_damage':
      return `Fall damage ${percentChange(-(v ?? 0))}`;
    case 'aggro':
      return 'Enemies target you more often';
    case 'bow_range':
      return `Bow range ${pct}`;
    case 'keep_runes':
      return e.scope.includes('once') ? 'Your runes are not lost when you die (it breaks instead)' : 'Your runes are not lost when you die';
    case 'dodge':
      return e.scope.includes('backstep') ? 'Better backsteps (longer invincibility)' : 'Better dodge rolls (longer invincibility)';
    case 'headshot':
      return 'No extra damage or flinch from hits to the head';
    case 'weapon_buff':
      if (e.scope.length) return `Your weapon builds up ${list(e.scope)} (${n(v ?? 0)} per hit)`;
      return `Adds ${n(v ?? 0)} ${list((e.elements ?? ['physical']).map((el) => ELEMENT_LABEL[el] ?? el))} damage to your weapon`;
  }
  void item;
  return '';
}

const seconds = (s: number) => (s >= 60 && s % 60 === 0 ? `${n(s)} s (${n(s / 60)} min)` : `${n(s)} s`);

function conditionText(c: EffectCondition): string | undefined {
  switch (c.kind) {
    case 'hp_below':
      return `while HP is below ${n(Number(c.value))}%`;
    case 'hp_above':
      return `while HP is above ${n(Number(c.value))}%`;
    case 'hp_full':
      return 'while HP is full';
    case 'on_kill':
      return 'after killing an enemy';
    case 'spirit_death':
      return 'when one of your summoned spirits dies';
    case 'nearby_status':
      return `when ${c.value} happens nearby`;
    case 'guarding':
      return 'while guarding';
    case 'after_critical':
      return 'after a critical hit';
    case 'after_flask':
      return 'after drinking from a flask';
    case 'stance':
      return 'after holding a stance';
    case 'lighter_load':
      return 'the lighter your equip load';
    case 'critical_received':
      return 'against critical hits';
    case 'until_hit':
      return 'until you are hit';
    default:
      return undefined; // said by the wording of the kind itself (kills, chains of hits, crouching, criticals)
  }
}

/** One effect as a line, e.g. "Runes from kills +20% (while equipped)". */
export function effectLine(e: StructuredEffect, item: ItemRecord): string {
  let text = core(e, item);
  const shownByKind = e.kind === 'hp_on_kill' || e.kind === 'fp_on_kill';
  const conditions = e.conditions.filter((c) => !(shownByKind && c.kind === 'on_kill')).map(conditionText).filter((c): c is string => !!c);
  if (e.stages && e.stages.length > 1) text += ` over a chain of hits (${e.stages.map((s) => `${n(s)}%`).join(', ')})`;
  else if (e.conditions.some((c) => c.kind === 'hit_chain') && e.kind === 'attack') text += ' over a chain of hits';
  if (e.timing === 'timed' && e.duration !== undefined) text += ` for ${seconds(e.duration)}`;
  if (conditions.length) text += ` ${conditions.join(', ')}`;
  if (e.timing === 'equipped' && !e.conditions.length) text += item.category === 'weapon' || item.category === 'shield' ? ' (while held)' : ' (while equipped)';
  return e.drawback ? `${text} (drawback)` : text;
}

function names(items: readonly ItemRecord[]): string {
  const shown = [...new Set(items.map((i) => i.name))];
  const head = shown.slice(0, MAX_NAMES).map(escapeUserText);
  return shown.length > MAX_NAMES ? `${head.join(', ')} and ${shown.length - MAX_NAMES} more` : list(head);
}

/**
 * The card fields for an item's structured effects: "What it does" (each effect with its numbers) and,
 * where the params say so, "Does not stack with" (talisman groups, effects that replace each other).
 */
export function effectFields(item: ItemRecord, catalog: EffectCatalog | null = getEffectCatalog()): EmbedField[] {
  // A great rune's card already says what it does once a Rune Arc is used (its effect is not "while equipped").
  if (!catalog || item.category === 'great_rune') return [];
  const effects = catalog.effectsOf(item);
  if (!effects.length) return [];
  const lines = effects.map((e) => effectLine(e, item));
  const shownLines = lines.slice(0, MAX_LINES).map((l) => `• ${escapeUserText(l)}`);
  if (lines.length > MAX_LINES) shownLines.push(`…and ${lines.length - MAX_LINES} more`);
  const fields: EmbedField[] = [{ name: 'What it does', value: shownLines.join('\n') }];
  const synergy = catalog.synergyOf(item);
  const stacking: string[] = [];
  if (synergy.exclusiveWith.length) stacking.push(`Cannot be worn together with ${names(synergy.exclusiveWith)}.`);
  for (const c of synergy.conflicts) {
    if (c.rule === 'strongest_applies') stacking.push(`Only the strongest applies with ${names(c.items)}.`);
    else if (c.rule === 'first_applies') stacking.push(`Does not apply while ${names(c.items)} is active.`);
    else stacking.push(`${names(c.items)}: the last one used replaces the other.`);
  }
  if (stacking.length) fields.push({ name: 'Does not stack with', value: stacking.join('\n') });
  if (synergy.stacksWith.length) fields.push({ name: 'Stacks with', value: `${names(synergy.stacksWith)} (same kind of effect, can be active together).` });
  return fields;
}

/** One line for lists (/search): the item's first effects, for items without a one-line summary of their own. */
export function effectSummary(item: ItemRecord, catalog: EffectCatalog | null = getEffectCatalog()): string | undefined {
  const effects = catalog?.effectsOf(item) ?? [];
  if (!effects.length) return undefined;
  const lines = effects.slice(0, 2).map((e) => effectLine(e, item));
  return `${lines.join('; ')}${effects.length > 2 ? '; …' : ''}.`;
}
