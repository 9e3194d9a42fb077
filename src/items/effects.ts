// Structured effects: each item's effect rows (data/sp-effects.json, SpEffectParam as compiled) read
// into a small vocabulary (src/items/effectVocabulary.ts) with magnitude, duration and conditions, and
// the stacking facts that follow from the params (talisman groups, effect stacking categories).
// Every number comes from the params; the interpretation rules are in this file, field by field.
// Pure apart from the lazy loader at the bottom; no discord.js.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ItemData, ItemRecord } from './types.ts';
import { loadItemData } from './data.ts';
import {
  ATTRIBUTE_FIELDS,
  BUILDUP_FIELDS,
  CURE_BUILDUP,
  CUT_RATE_FIELDS,
  ELEMENTS,
  ELEMENT_FIELDS,
  NEARBY_STATUS,
  PER_ITEM_HELD,
  RESIST_FIELDS,
  STATE,
  STATUSES as STATUS_ORDER,
  stackingRule,
  type EffectCondition,
  type EffectKind,
  type EffectTiming,
  type Element,
  type StackingRule,
  type StructuredEffect,
} from './effectVocabulary.ts';

export const SP_EFFECTS_PATH = fileURLToPath(new URL('../../data/sp-effects.json', import.meta.url));

/** One SpEffectParam row as data/sp-effects.json holds it (see its $doc). */
export interface EffectRow {
  d: number;
  cat: number;
  pri: number;
  f: Record<string, number | string>;
}

export interface EffectTable {
  patch: string;
  effects: Record<string, EffectRow>;
}

/** The chain fields followed, and what following each one means. */
const SAME_CONTEXT = ['replaceSpEffectId', 'cycleOccurrenceSpEffectId'] as const;

const num = (row: EffectRow, field: string): number | undefined => {
  const v = row.f[field];
  return typeof v === 'number' ? v : undefined;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
/** A rate as a percentage change: 1.2 → 20, 0.85 → -15. */
const pctOf = (rate: number) => round((rate - 1) * 100);

interface Context {
  timing: EffectTiming;
  duration?: number;
  conditions: EffectCondition[];
}

interface Collector {
  out: StructuredEffect[];
  seen: Set<number>;
  rowOf: (id: number) => EffectRow | undefined;
}

function add(c: Collector, ctx: Context, id: number, row: EffectRow, e: Omit<StructuredEffect, 'timing' | 'conditions' | 'stacking' | 'row' | 'drawback'> & { drawback?: boolean }): void {
  const effect: StructuredEffect = {
    ...e,
    drawback: e.drawback ?? (e.value !== undefined && e.value < 0),
    timing: ctx.timing,
    conditions: [...ctx.conditions],
    stacking: { category: row.cat, priority: row.pri },
    row: id,
  };
  if (ctx.duration !== undefined && ctx.timing === 'timed') effect.duration = ctx.duration;
  c.out.push(effect);
}

/** Group the elements by equal value; `undefined` elements = all five. */
function byElement(values: Map<Element, number>): { elements: Element[] | undefined; value: number }[] {
  const groups = new Map<number, Element[]>();
  for (const [el, v] of values) groups.set(v, [...(groups.get(v) ?? []), el]);
  return [...groups].map(([value, els]) => ({ value, elements: els.length === ELEMENTS.length ? undefined : ELEMENTS.filter((x) => els.includes(x)) }));
}

/** What attacks a damage multiplier of this row applies to. */
function attackScope(row: EffectRow): string[] {
  const scope: string[] = [];
  for (const n of [1, 2, 3]) {
    const sub = num(row, `magicSubCategoryChange${n}`);
    if (sub) scope.push(`sub:${sub}`);
  }
  if (num(row, 'throwAttackParamChange') === 1) scope.push('critical');
  const state = num(row, 'stateInfo');
  if (state === STATE.thrustCounter) scope.push('counterattack');
  if (state === STATE.spellPower) {
    if (num(row, 'magParamChange') === 1) scope.push('sorcery');
    if (num(row, 'miracleParamChange') === 1) scope.push('incantation');
  }
  return scope;
}

/** The row's own conditions (not inherited by the rows it chains to, except where `inherit` says). */
function rowConditions(row: EffectRow): { own: EffectCondition[]; inherit: EffectCondition[]; unknownTrigger: boolean } {
  const own: EffectCondition[] = [];
  const inherit: EffectCondition[] = [];
  let unknownTrigger = false;
  const below = num(row, 'conditionHp');
  if (below !== undefined && below >= 0) own.push({ kind: 'hp_below', value: below });
  const above = num(row, 'conditionHpRate');
  if (above !== undefined && above >= 0) own.push(above >= 100 ? { kind: 'hp_full' } : { kind: 'hp_above', value: above });
  for (const n of [1, 2, 3]) {
    const code = num(row, `invocationConditionsStateChange${n}`);
    if (!code) continue;
    const status = NEARBY_STATUS.get(code);
    if (status) inherit.push({ kind: 'nearby_status', value: status });
    else if (code === STATE.crouching) inherit.push({ kind: 'crouching' });
    else unknownTrigger = true;
  }
  const state = num(row, 'stateInfo');
  if (state === STATE.guarding) own.push({ kind: 'guarding' });
  if (state === STATE.lighterLoad) own.push({ kind: 'lighter_load' });
  if (state === STATE.criticalReceived) own.push({ kind: 'critical_received' });
  if (num(row, 'deleteCriteriaDamage') === 1) own.push({ kind: 'until_hit' });
  return { own, inherit, unknownTrigger };
}

/** Read one row's fields into effects. */
function readRow(c: Collector, id: number, row: EffectRow, ctx: Context): void {
  const push = (e: Parameters<typeof add>[4]) => add(c, ctx, id, row, e);
  const rate = (field: string) => num(row, field);
  const has = (field: string) => rate(field) !== undefined;
  const onKill = ctx.conditions.some((x) => x.kind === 'on_kill');
  const onHits = ctx.conditions.some((x) => x.kind === 'hit_chain');

  // Rune gain, discovery, maximums, load.
  const soulRate = rate('soulRate');
  if (soulRate !== undefined && soulRate !== 1) push({ kind: 'rune_gain', scope: [], value: pctOf(soulRate), unit: 'percent' });
  const drop = rate('itemDropRate');
  if (drop) push({ kind: 'item_discovery', scope: [], value: round(drop * 100), unit: 'points' });
  for (const [field, kind] of [
    ['maxHpRate', 'max_hp'],
    ['maxMpRate', 'max_fp'],
    ['maxStaminaRate', 'max_stamina'],
    ['equipWeightChangeRate', 'equip_load'],
  ] as const) {
    const v = rate(field);
    if (v !== undefined && v !== 1) push({ kind, scope: [], value: pctOf(v), unit: 'percent' });
  }
  const poise = rate('toughnessDamageCutRate');
  if (poise !== undefined && poise !== 1) push({ kind: 'poise', scope: [], value: round((1 - poise) * 100), unit: 'percent' });

  // Attributes, grouped by equal value.
  const attrs = new Map<number, string[]>();
  for (const [field, attr] of ATTRIBUTE_FIELDS) {
    const v = rate(field);
    if (v) attrs.set(v, [...(attrs.get(v) ?? []), attr]);
  }
  for (const [v, scope] of attrs) push({ kind: 'attribute', scope, value: v, unit: 'points' });

  // Damage taken: *DamageCutRate (all sources) and def*DmgCorrectRate_X (enemies; players separately).
  const cut = new Map<Element, number>();
  for (const [field, el] of CUT_RATE_FIELDS) {
    const v = rate(field);
    if (v !== undefined && v !== 1 && !cut.has(el)) cut.set(el, v);
  }
  const def = new Map<Element, number>();
  const defPvp = new Map<Element, number>();
  const atk = new Map<Element, number>();
  const atkPvp = new Map<Element, number>();
  for (const [el, suffix, prefix] of ELEMENT_FIELDS) {
    const dE = rate(`defEnemyDmgCorrectRate_${suffix}`);
    const dP = rate(`defPlayerDmgCorrectRate_${suffix}`);
    if (dE !== undefined || dP !== undefined) {
      def.set(el, dE ?? 1);
      defPvp.set(el, dP ?? 1);
    }
    // damage dealt: the *AttackRate (every target) and atk*DmgCorrectRate_X (enemies; players)
    const a = rate(`${prefix}AttackRate`);
    const aE = rate(`atkEnemyDmgCorrectRate_${suffix}`);
    const aP = rate(`atkPlayerDmgCorrectRate_${suffix}`);
    const power = el === 'physical' ? rate('physicsAttackPowerRate') : rate(`${prefix}AttackPowerRate`);
    if (a !== undefined || aE !== undefined || power !== undefined) {
      atk.set(el, (a ?? 1) * (aE ?? 1) * (power ?? 1));
      atkPvp.set(el, (a ?? 1) * (aP ?? aE ?? 1) * (power ?? 1));
    } else if (aP !== undefined) {
      atkPvp.set(el, aP);
    }
  }
  const negation = (values: Map<Element, number>, pvp?: Map<Element, number>) => {
    for (const { elements, value } of byElement(new Map([...values].map(([el, v]) => [el, round((1 - v) * 100)])))) {
      if (value === 0) continue;
      const e: Parameters<typeof add>[4] = { kind: 'damage_negation', scope: [], value, unit: 'percent' };
      if (elements) e.elements = elements;
      if (pvp) {
        const pv = elements ? pvp.get(elements[0]!) : pvp.get('physical');
        if (pv !== undefined && round((1 - pv) * 100) !== value) e.pvp = round((1 - pv) * 100);
      }
      push(e);
    }
  };
  if (cut.size) negation(cut);
  if (def.size) negation(def, defPvp);
  if (atk.size) {
    const scope = attackScope(row);
    for (const { elements, value } of byElement(new Map([...atk].map(([el, v]) => [el, pctOf(v)])))) {
      if (value === 0) continue;
      const e: Parameters<typeof add>[4] = { kind: 'attack', scope, value, unit: 'percent' };
      if (elements) e.elements = elements;
      const pv = atkPvp.get(elements?.[0] ?? 'physical');
      if (pv !== undefined && pctOf(pv) !== value) e.pvp = pctOf(pv);
      push(e);
    }
  }

  // Status resistance (grouped by equal value) and cures.
  const resist = new Map<number, string[]>();
  for (const [field, status] of RESIST_FIELDS) {
    const v = rate(field);
    if (v) resist.set(v, [...(resist.get(v) ?? []), status]);
  }
  for (const [v, scope] of resist) push({ kind: 'status_resistance', scope, value: v, unit: 'points' });
  const cures = BUILDUP_FIELDS.filter(([field]) => (rate(field) ?? 0) <= CURE_BUILDUP).map(([, s]) => s);
  if (cures.length) push({ kind: 'cure_status', scope: cures, unit: 'none' });

  // Fighting.
  const stamina = rate('staminaAttackRate');
  if (stamina !== undefined && stamina !== 1) push({ kind: 'stamina_damage', scope: [], value: pctOf(stamina), unit: 'percent' });
  const guard = rate('guardStaminaMult');
  if (guard !== undefined && guard !== 1) push({ kind: 'guard', scope: [], value: round((1 - guard) * 100), unit: 'percent' });
  const bow = rate('bowDistRate');
  if (bow) push({ kind: 'bow_range', scope: [], value: bow, unit: 'percent' });

  // Costs and casting.
  const costs = new Map<number, string[]>();
  for (const [field, scope] of [
    ['magicConsumptionRate', 'sorcery'],
    ['miracleConsumptionRate', 'incantation'],
    ['artsConsumptionRate', 'skill'],
  ] as const) {
    const v = rate(field);
    if (v !== undefined && v !== 1) costs.set(round((1 - v) * 100), [...(costs.get(round((1 - v) * 100)) ?? []), scope]);
  }
  for (const [v, scope] of costs) push({ kind: 'fp_cost', scope, value: v, unit: 'percent' });
  const staminaCost = rate('consumeStaminaRate');
  if (staminaCost !== undefined && staminaCost !== 1) push({ kind: 'stamina_cost', scope: [], value: round((1 - staminaCost) * 100), unit: 'percent' });
  const dex = rate('dexterityCancelSystemOnlyAddDexterity');
  if (dex) push({ kind: 'casting_speed', scope: [], value: dex, unit: 'points' });
  const extend = rate('extendLifeRate');
  if (extend !== undefined && extend !== 1) push({ kind: 'buff_duration', scope: [], value: pctOf(extend), unit: 'percent' });
  const slots = (rate('changeMagicSlot') ?? 0) + (rate('changeMiracleSlot') ?? 0);
  if (slots) push({ kind: 'memory_slots', scope: [], value: slots, unit: 'count' });

  // HP, FP and stamina over time, on use, on a kill, over a chain of hits; flasks.
  const interval = rate('motionInterval') ?? 0;
  const lasting = row.d < 0 || row.d > interval;
  for (const [pctField, flatField, pool] of [
    ['changeHpRate', 'changeHpPoint', 'hp'],
    ['changeMpRate', 'changeMpPoint', 'fp'],
  ] as const) {
    const pct = -(rate(pctField) ?? 0);
    const flat = -(rate(flatField) ?? 0);
    if (pct <= 0 && flat <= 0) continue; // a drain, not a heal
    const hp = pool === 'hp';
    if (onKill || onHits) {
      const kind: EffectKind = onKill ? (hp ? 'hp_on_kill' : 'fp_on_kill') : hp ? 'hp_on_hit' : 'fp_on_hit';
      const e: Parameters<typeof add>[4] = pct > 0 ? { kind, scope: [], value: round(pct), unit: 'percent' } : { kind, scope: [], value: round(flat), unit: 'flat' };
      if (pct > 0 && flat > 0) e.flat = round(flat);
      push(e);
    } else if (interval > 0 && lasting && flat > 0 && pct <= 0) {
      push({ kind: hp ? 'hp_regen' : 'fp_regen', scope: [], value: round(flat / interval), unit: 'per_second' });
    } else {
      const kind: EffectKind = hp ? 'heal' : 'restore_fp';
      const e: Parameters<typeof add>[4] = pct > 0 ? { kind, scope: [], value: round(pct), unit: 'percent' } : { kind, scope: [], value: round(flat), unit: 'flat' };
      if (pct > 0 && flat > 0) e.flat = round(flat);
      push(e);
    }
  }
  const regen = rate('staminaRecoverChangeSpeed');
  if (regen) push({ kind: 'stamina_regen', scope: [], value: regen, unit: 'per_second' });
  for (const [field, pool] of [
    ['changeHpEstusFlaskCorrectRate', 'hp'],
    ['changeMpEstusFlaskCorrectRate', 'fp'],
  ] as const) {
    const v = rate(field);
    if (v !== undefined && v !== 1) push({ kind: 'flask_potency', scope: [pool], value: pctOf(v), unit: 'percent' });
  }

  // Weapon coatings: flat damage added to the weapon in hand.
  if (num(row, 'wepParamChange') === 1) {
    const flat = new Map<Element, number>();
    for (const [el, , prefix] of ELEMENT_FIELDS) {
      const v = rate(`${prefix}AttackPower`);
      if (v && v > 0) flat.set(el, v);
    }
    for (const { elements, value } of byElement(flat)) {
      const e: Parameters<typeof add>[4] = { kind: 'weapon_buff', scope: [], value, unit: 'flat' };
      if (elements) e.elements = elements;
      push(e);
    }
  }

  // Other things the game flags by the row's state type.
  const hearing = rate('hearingSearchEnemyRate');
  if (hearing !== undefined && hearing < 1) push({ kind: 'stealth', scope: ['silent'], value: round((1 - hearing) * 100), unit: 'percent' });
  if (ctx.conditions.some((x) => x.kind === 'crouching') && !c.out.some((e) => e.kind === 'stealth' && e.scope.includes('crouching'))) {
    push({ kind: 'stealth', scope: ['crouching'], unit: 'none', drawback: false });
  }
  const fall = rate('fallDamageRate');
  if (fall !== undefined && fall !== 1) push({ kind: 'fall_damage', scope: [], value: round((1 - fall) * 100), unit: 'percent' });
  if (has('targetPriority') && (rate('targetPriority') ?? 0) > 0) push({ kind: 'aggro', scope: [], unit: 'none', drawback: false });
  const state = rate('stateInfo');
  if (state === STATE.keepRunesBreaks) push({ kind: 'keep_runes', scope: ['once'], unit: 'none', drawback: false });
  if (state === STATE.keepRunes) push({ kind: 'keep_runes', scope: [], unit: 'none', drawback: false });
  if (state === STATE.rollFrames) push({ kind: 'dodge', scope: ['roll'], unit: 'none', drawback: false });
  if (state === STATE.backstepFrames) push({ kind: 'dodge', scope: ['backstep'], unit: 'none', drawback: false });
  if (state === STATE.headshot) push({ kind: 'headshot', scope: [], unit: 'none', drawback: false });
  if (state === STATE.critHp) add(c, { ...ctx, conditions: [...ctx.conditions, { kind: 'on_critical' }] }, id, row, { kind: 'hp_on_hit', scope: [], unit: 'none', drawback: false });
  if (state === STATE.critFp) add(c, { ...ctx, conditions: [...ctx.conditions, { kind: 'on_critical' }] }, id, row, { kind: 'fp_on_hit', scope: [], unit: 'none', drawback: false });
  if (state === STATE.afterCritical) add(c, { ...ctx, conditions: [...ctx.conditions, { kind: 'after_critical' }] }, id, row, { kind: 'attack', scope: [], unit: 'none', drawback: false });
  if (state === STATE.stance) add(c, { ...ctx, conditions: [...ctx.conditions, { kind: 'stance' }] }, id, row, { kind: 'attack', scope: [], unit: 'none', drawback: false });
  if (state === STATE.afterFlask) add(c, { ...ctx, conditions: [...ctx.conditions, { kind: 'after_flask' }] }, id, row, { kind: 'poise', scope: [], unit: 'none', drawback: false });
}

/** Follow one row and what it chains to. */
function walk(c: Collector, id: number, ctx: Context, depth = 0): void {
  if (depth > 12 || c.seen.has(id)) return;
  const row = c.rowOf(id);
  if (!row) return;
  c.seen.add(id);
  // Status ailments (the 10000s categories: blood loss, poison, …) act on whoever has them: what a weapon
  // inflicts, or what a dish inflicts on its eater. Never the holder's bonus.
  if (row.cat >= 10000) return;
  const { own, inherit, unknownTrigger } = rowConditions(row);
  if (unknownTrigger) return; // a trigger this vocabulary cannot put in words: say nothing rather than something wrong
  const here: Context = { ...ctx, conditions: [...ctx.conditions, ...inherit] };
  const chained = here.conditions.some((x) => x.kind === 'hit_chain');
  // A row that lasts a while (not a tick) starts a timed effect of its own length.
  if (depth > 0 && row.d >= 1 && !chained && ctx.timing !== 'timed') {
    here.timing = 'timed';
    here.duration = row.d;
  }
  readRow(c, id, row, { ...here, conditions: [...here.conditions, ...own] });
  const next = (field: string) => {
    const v = num(row, field);
    return v !== undefined && v > 0 ? v : undefined;
  };
  for (const field of SAME_CONTEXT) {
    const to = next(field);
    if (to) walk(c, to, here, depth + 1);
  }
  const kill = next('applyIdOnGetSoul');
  if (kill) walk(c, kill, { ...here, timing: 'instant', conditions: [...here.conditions, { kind: 'on_kill' }] }, depth + 1);
  const spirit = next('spiritDeathSpEffectId');
  if (spirit) walk(c, spirit, { ...here, conditions: [...here.conditions, { kind: 'spirit_death' }] }, depth + 1);
  const stage = next('accumuOverFireId');
  if (stage) walk(c, stage, { ...here, conditions: [...here.conditions, { kind: 'hit_chain' }] }, depth + 1);
  // What the weapon in hand inflicts on a hit (a grease's status, a bow's poison).
  const onHit = next('atkOccurrenceSpEffectId');
  const target = onHit ? c.rowOf(onHit) : undefined;
  if (onHit && target) {
    for (const [field, status] of BUILDUP_FIELDS) {
      const v = num(target, field);
      if (v && v > 0) add(c, here, onHit, row, { kind: 'weapon_buff', scope: [status], value: v, unit: 'points' });
    }
  }
}

const conditionKey = (e: StructuredEffect) => e.conditions.filter((x) => x.kind !== 'hit_chain').map((x) => `${x.kind}=${x.value ?? ''}`).sort().join(',');
const mergeKey = (e: StructuredEffect) =>
  [e.kind, e.scope.join('+'), e.elements?.join('+') ?? '', e.unit, e.timing, e.duration ?? '', e.drawback, conditionKey(e), e.conditions.some((x) => x.kind === 'hit_chain')].join('|');

/** One effect per kind, scope and condition: rows that say the same thing merge (stages of a chain of hits). */
function merge(effects: StructuredEffect[]): StructuredEffect[] {
  const out: StructuredEffect[] = [];
  const byKey = new Map<string, StructuredEffect>();
  for (const e of effects) {
    const key = mergeKey(e);
    const prev = byKey.get(key);
    if (!prev) {
      const copy = { ...e };
      if (e.conditions.some((x) => x.kind === 'hit_chain') && e.value !== undefined) copy.stages = [e.value];
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    if (prev.stages && e.value !== undefined && !prev.stages.includes(e.value)) prev.stages = [...prev.stages, e.value].sort((a, b) => a - b);
    if (e.value !== undefined && (prev.value === undefined || Math.abs(e.value) > Math.abs(prev.value))) {
      prev.value = e.value;
      prev.row = e.row;
      if (e.pvp !== undefined) prev.pvp = e.pvp;
    }
  }
  for (const e of out) if (e.stages && e.stages.length < 2) delete e.stages;
  // Cures arrive one status per row: one effect naming them all.
  const cures = out.filter((e) => e.kind === 'cure_status');
  if (cures.length > 1) {
    const first = cures[0]!;
    first.scope = STATUS_ORDER.filter((s) => cures.some((e) => e.scope.includes(s)));
    return out.filter((e) => e.kind !== 'cure_status' || e === first);
  }
  return out;
}

/** The structured effects of one item (empty when it has none the vocabulary can state). */
export function interpretItem(item: ItemRecord, rowOf: (id: number) => EffectRow | undefined): StructuredEffect[] {
  const perItem = PER_ITEM_HELD.get(item.key);
  if (perItem) {
    const e: StructuredEffect = { kind: perItem.kind, scope: [], value: perItem.perItem, unit: 'count', timing: 'per_item', conditions: [], drawback: false, stacking: { category: 0, priority: 0 }, row: 0 };
    if (item.maxHeld !== undefined) e.maxCount = item.maxHeld;
    return [e];
  }
  const c: Collector = { out: [], seen: new Set(), rowOf };
  const held = item.category === 'weapon' || item.category === 'shield';
  for (const id of item.effects ?? []) {
    const row = rowOf(id);
    if (!row) continue;
    // A weapon's list also holds what it inflicts on a hit; only its passives (lasting while held) are the holder's.
    if (held && row.d >= 0) continue;
    const timing: EffectTiming = row.d < 0 ? 'equipped' : row.d === 0 || row.d < 1 ? 'instant' : 'timed';
    const ctx: Context = { timing, conditions: [] };
    if (timing === 'timed') ctx.duration = row.d;
    walk(c, id, ctx);
  }
  return merge(c.out);
}

// ---- synergy -----------------------------------------------------------------------------------

export interface StackingConflict {
  rule: StackingRule;
  /** Other items with an effect in the same stacking category (and priority, where that decides). */
  items: ItemRecord[];
}

export interface Synergy {
  /** Talismans of the same group: the game does not let two of them be worn together. */
  exclusiveWith: ItemRecord[];
  /** Effects that replace one another (or of which only the strongest or first applies). */
  conflicts: StackingConflict[];
  /** Talismans and consumables with the same kind of effect that can be active at the same time. */
  stacksWith: ItemRecord[];
}

const stackKey = (e: StructuredEffect): string | undefined => {
  const rule = stackingRule(e.stacking.category);
  if (rule === 'stacks') return undefined;
  // Conditional and chained stages (a chain of hits, a kill) are the game's internal steps, not a
  // separate buff a player applies: only unconditional effects are compared.
  if (e.conditions.length) return undefined;
  return rule === 'replaces_same_priority' ? `${e.stacking.category}:${e.stacking.priority}` : `${e.stacking.category}`;
};
const sameEffectKey = (e: StructuredEffect) => `${e.kind}|${e.scope.join('+')}|${e.elements?.join('+') ?? ''}`;
const ADDABLE = new Set(['talisman', 'consumable', 'crystal_tear']);

export class EffectCatalog {
  readonly items: readonly ItemRecord[];
  private readonly byKey = new Map<string, StructuredEffect[]>();
  private readonly groups = new Map<number, ItemRecord[]>();
  private readonly stacks = new Map<string, ItemRecord[]>();
  private readonly same = new Map<string, ItemRecord[]>();

  constructor(data: ItemData, table: EffectTable) {
    this.items = data.items;
    const rowOf = (id: number) => table.effects[String(id)];
    const push = <K>(map: Map<K, ItemRecord[]>, key: K, item: ItemRecord) => {
      const list = map.get(key);
      if (!list) map.set(key, [item]);
      else if (!list.includes(item)) list.push(item);
    };
    for (const item of data.items) {
      const effects = interpretItem(item, rowOf);
      if (effects.length) this.byKey.set(item.key, effects);
      if (item.accessoryGroup !== undefined) push(this.groups, item.accessoryGroup, item);
      for (const e of effects) {
        const k = stackKey(e);
        if (k) push(this.stacks, k, item);
        if (!e.drawback && ADDABLE.has(item.category)) push(this.same, sameEffectKey(e), item);
      }
    }
  }

  static fromData(data: ItemData, table: EffectTable): EffectCatalog {
    return new EffectCatalog(data, table);
  }

  effectsOf(item: ItemRecord): readonly StructuredEffect[] {
    return this.byKey.get(item.key) ?? [];
  }

  /** Items with at least one structured effect. */
  get size(): number {
    return this.byKey.size;
  }

  /**
   * The largest value of an effect of this kind the item has (for ordering "best" lists). An effect that
   * needs a condition (HP below 20%, while guarding, after a kill) counts for half: at equal numbers, the
   * effect that is always on is the better answer.
   */
  strongest(item: ItemRecord, kind: EffectKind, scope?: string): number | undefined {
    let best: number | undefined;
    for (const e of this.effectsOf(item)) {
      if (e.kind !== kind || e.value === undefined || e.drawback) continue;
      if (scope && !e.scope.includes(scope) && !e.elements?.includes(scope as Element)) continue;
      const value = e.conditions.length ? e.value / 2 : e.value;
      if (best === undefined || value > best) best = value;
    }
    return best;
  }

  synergyOf(item: ItemRecord): Synergy {
    const exclusiveWith = item.accessoryGroup !== undefined ? (this.groups.get(item.accessoryGroup) ?? []).filter((x) => x !== item) : [];
    const conflicts: StackingConflict[] = [];
    const conflicting = new Set<ItemRecord>(exclusiveWith);
    const effects = this.effectsOf(item);
    for (const e of effects) {
      const k = stackKey(e);
      if (!k || conflicts.some((c) => c.items === this.stacks.get(k))) continue;
      const others = (this.stacks.get(k) ?? []).filter((x) => x !== item && x.name !== item.name);
      if (!others.length) continue;
      others.forEach((x) => conflicting.add(x));
      conflicts.push({ rule: stackingRule(e.stacking.category), items: others });
    }
    const stacksWith: ItemRecord[] = [];
    for (const e of effects) {
      if (e.drawback) continue;
      for (const other of this.same.get(sameEffectKey(e)) ?? []) {
        if (other === item || other.name === item.name || conflicting.has(other) || stacksWith.includes(other)) continue;
        stacksWith.push(other);
      }
    }
    return { exclusiveWith, conflicts, stacksWith };
  }
}

// ---- loading ---------------------------------------------------------------------------------

export function loadEffectTable(path = SP_EFFECTS_PATH): EffectTable | null {
  if (!existsSync(path)) return null;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { patch: string; effects: Record<string, EffectRow> };
  return { patch: raw.patch, effects: raw.effects };
}

let shared: EffectCatalog | null | undefined;

/** The catalog over data/items.json and data/sp-effects.json, built on first use; null without data. */
export function getEffectCatalog(): EffectCatalog | null {
  if (shared !== undefined) return shared;
  const data = loadItemData();
  const table = loadEffectTable();
  shared = data && table ? EffectCatalog.fromData(data, table) : null;
  return shared;
}
