// /runes level | reach | items | gain | farm | death: the rune arithmetic the game never shows.
// Every number comes from src/runes (pure core); this file reads options, picks defaults from the
// active character, and lays the answer out.

import { slashCommand } from '../src/router/define.ts';
import { UserError } from '../src/errors.ts';
import type { CommandContext, CommandModule, ComponentContext } from '../src/router/types.ts';
import type { ButtonView, EmbedView, Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import type { SlashCommandIntegerOption } from '@discordjs/builders';
import {
  SOURCES,
  core,
  duration,
  fmt,
  footer,
  lazyCharacter,
  progressBar,
  readFlag,
  readInt,
  readPositive,
  readText,
  shown,
} from '../src/render/runes.ts';
import { nameOf } from '../src/render/character.ts';
import {
  bestItemsToReach,
  deathRisk,
  farmPlan,
  highestReachableLevel,
  levelBreakdown,
  levelCost,
  levelPlan,
  parseFarmTarget,
  parseRuneItemList,
  runeGain,
  valueOfItems,
  type Note,
  type RuneGainOptions,
  type RuneItemListError,
} from '../src/runes/index.ts';
import { MAX_LEVEL, MIN_LEVEL } from '../src/game/classes.ts';
import { MAX_ITEM_COUNT, MAX_MINUTES_PER_RUN, MAX_RUNE_INPUT, MIN_ITEM_COUNT } from '../src/game/limits.ts';
import { RUNE_CAP } from '../src/characters/validate.ts';
import { MAX_NG_CYCLE_INPUT } from '../src/game/runeGainModifiers.ts';

const RUNES = { min: 0, max: MAX_RUNE_INPUT, what: `a whole number of runes from 0 to ${fmt(MAX_RUNE_INPUT)}` };
/** Runes carried: the game caps them at 999,999,999 (a sum to spend or farm may be larger). */
const HELD = { min: 0, max: RUNE_CAP, what: `a whole number of runes from 0 to ${fmt(RUNE_CAP)}, the most the game lets you hold` };
const PER_RUN = { min: 1, max: MAX_RUNE_INPUT, what: `a whole number of runes from 1 to ${fmt(MAX_RUNE_INPUT)}` };
const FROM_LEVEL = { min: MIN_LEVEL, max: MAX_LEVEL - 1, what: `a level from ${MIN_LEVEL} to ${MAX_LEVEL - 1}` };
const TO_LEVEL = { min: MIN_LEVEL + 1, max: MAX_LEVEL, what: `a level from ${MIN_LEVEL + 1} to ${MAX_LEVEL}` };
const ANY_LEVEL = { min: MIN_LEVEL, max: MAX_LEVEL, what: `a level from ${MIN_LEVEL} to ${MAX_LEVEL}` };
const NG_CYCLE = { min: 0, max: MAX_NG_CYCLE_INPUT, what: `an NG+ cycle from 0 (first journey) to ${MAX_NG_CYCLE_INPUT}` };
const ITEMS_MAX_LENGTH = 2000;
const BREAKDOWN_PAGE = 25;

function embed(view: EmbedView): Reply {
  return { embeds: [{ color: BRAND_COLOR, ...view }] };
}

// ---------------------------------------------------------------------------------------------
// /runes level

function breakdownPage(from: number, to: number, page: number): { text: string; pages: number; page: number } {
  const rows = levelBreakdown(from, to);
  const pages = Math.max(1, Math.ceil(rows.length / BREAKDOWN_PAGE));
  const current = Math.min(Math.max(page, 1), pages);
  const slice = rows.slice((current - 1) * BREAKDOWN_PAGE, current * BREAKDOWN_PAGE);
  const width = Math.max(9, ...slice.map((r) => `${r.level}→${r.level + 1}`.length));
  const costWidth = Math.max(4, ...slice.map((r) => fmt(r.cost).length));
  const lines = [`${'Level'.padEnd(width)}  ${'Cost'.padStart(costWidth)}  Running total`];
  for (const row of slice) lines.push(`${`${row.level}→${row.level + 1}`.padEnd(width)}  ${fmt(row.cost).padStart(costWidth)}  ${fmt(row.cumulative)}`);
  return { text: '```\n' + lines.join('\n') + '\n```', pages, page: current };
}

function breakdownButtons(from: number, to: number, held: number | undefined, page: number, pages: number): ButtonView[][] {
  if (pages <= 1) return [];
  const id = (p: number) => `runes:bd:${from}:${to}:${held ?? '-'}:${p}`;
  return [
    [
      { kind: 'button', label: '◀ Previous', customId: id(page - 1), style: 'secondary', disabled: page <= 1 },
      { kind: 'button', label: `Page ${page} of ${pages}`, customId: `runes:noop:${page}`, style: 'secondary', disabled: true },
      { kind: 'button', label: 'Next ▶', customId: id(page + 1), style: 'secondary', disabled: page >= pages },
    ],
  ];
}

function levelReply(from: number, to: number, held: number | undefined, options: { breakdownPage?: number; defaultsNote?: string }): Reply {
  const plan = core(() => levelPlan(from, to, held ?? 0));
  const levels = to - from;
  const lines = [`**${fmt(plan.total)} runes** from level ${from} to level ${to} (${levels} level${levels === 1 ? '' : 's'}).`];
  if (levels > 1) {
    lines.push(`First level-up ${from}→${from + 1}: ${fmt(levelCost(from))} · last ${to - 1}→${to}: ${fmt(levelCost(to - 1))}.`);
  }
  if (held !== undefined) {
    if (plan.missing > 0) {
      lines.push('', `Held: ${fmt(held)} · still missing **${fmt(plan.missing)}**`, progressBar(held, plan.total));
      const now = core(() => highestReachableLevel(from, held));
      if (now.levelsGained > 0) lines.push(`What you hold already buys level ${now.level} (${fmt(now.leftover)} left over).`);
    } else {
      lines.push('', `Held: ${fmt(held)}: enough, with **${fmt(plan.surplus)}** left over.`, progressBar(held, plan.total));
    }
  }
  if (options.defaultsNote) lines.push('', options.defaultsNote);
  const view: EmbedView = { title: `Level ${from} → ${to}`, description: lines.join('\n'), footer: footer(SOURCES.levels) };
  if (options.breakdownPage === undefined) return embed(view);
  const page = breakdownPage(from, to, options.breakdownPage);
  view.fields = [{ name: `Per level (${page.page}/${page.pages})`, value: page.text }];
  return { ...embed(view), components: breakdownButtons(from, to, held, page.page, page.pages) };
}

async function runesLevel(context: CommandContext): Promise<Reply> {
  const { options } = context;
  const character = lazyCharacter(context);
  let from = readInt(options, 'from', FROM_LEVEL);
  const to = readInt(options, 'to', TO_LEVEL);
  let held = readInt(options, 'held', HELD);
  const showBreakdown = readFlag(options, 'breakdown');
  if (to === undefined) throw new UserError(`\`to\` is required: the level to reach, from ${MIN_LEVEL + 1} to ${MAX_LEVEL}.`);
  const used: string[] = [];
  // The character is read only when `from` is left out: a level given explicitly is a question about
  // levels, not about the player (and the reply then stays public).
  const me = from === undefined ? await character() : null;
  let fromIsMine = false;
  if (from === undefined) {
    if (!me) {
      throw new UserError(`Give \`from\` (your level now, ${FROM_LEVEL.min} to ${FROM_LEVEL.max}), or create a character with \`/character create\` and I will use its level.`);
    }
    from = me.level;
    fromIsMine = true;
    used.push('level');
  }
  if (held === undefined && me && fromIsMine) {
    held = me.runesHeld;
    used.push('runes held');
  }
  if (from >= to) {
    if (fromIsMine && me) {
      throw new UserError(
        me.level >= MAX_LEVEL
          ? `${nameOf(me)} is already at the maximum level, ${MAX_LEVEL}.`
          : `${nameOf(me)} is already level ${me.level}: \`to\` must be above it (up to ${MAX_LEVEL}).`,
      );
    }
    throw new UserError(`\`to\` (${to}) must be above \`from\` (${from}): levels go from ${MIN_LEVEL} to ${MAX_LEVEL}.`);
  }
  const defaultsNote = used.length && me ? `Using ${used.join(' and ')} from ${nameOf(me)} (level ${me.level}).` : undefined;
  return levelReply(from, to, held, { ...(showBreakdown ? { breakdownPage: 1 } : {}), ...(defaultsNote ? { defaultsNote } : {}) });
}

// ---------------------------------------------------------------------------------------------
// /runes reach

async function runesReach(context: CommandContext): Promise<Reply> {
  const { options } = context;
  const character = lazyCharacter(context);
  let runes = readInt(options, 'runes', RUNES);
  let from = readInt(options, 'from', ANY_LEVEL);
  const used: string[] = [];
  const me = runes === undefined || from === undefined ? await character() : null;
  if (runes === undefined) {
    if (!me) throw new UserError(`Give \`runes\` (${RUNES.what}), or create a character with \`/character create\` and I will use the runes it holds.`);
    runes = me.runesHeld;
    used.push('runes held');
  }
  let fromNote = '';
  if (from === undefined) {
    if (me) {
      from = me.level;
      used.push('level');
    } else {
      from = MIN_LEVEL;
      fromNote = ` (give \`from\` for another starting level)`;
    }
  }
  const reach = core(() => highestReachableLevel(from, runes));
  const lines = [
    reach.levelsGained > 0
      ? `From level ${from} with ${fmt(runes)} runes: **level ${reach.level}** (+${reach.levelsGained}), spending ${fmt(reach.runesSpent)}; **${fmt(reach.leftover)}** left over.${fromNote}`
      : `From level ${from} with ${fmt(runes)} runes: not enough for a level-up yet${fromNote}.`,
  ];
  if (reach.nextLevelCost === null || reach.runesShortOfNext === null) {
    lines.push(`Level ${MAX_LEVEL} is the maximum.`);
  } else {
    lines.push(
      '',
      `Next level ${reach.level}→${reach.level + 1} costs ${fmt(reach.nextLevelCost)}: ${fmt(reach.runesShortOfNext)} to go.`,
      progressBar(reach.leftover, reach.nextLevelCost),
    );
  }
  if (used.length && me) lines.push('', `Using ${used.join(' and ')} from ${nameOf(me)} (level ${me.level}).`);
  return embed({ title: `${fmt(runes)} runes from level ${from}`, description: lines.join('\n'), footer: footer(SOURCES.levels) });
}

// ---------------------------------------------------------------------------------------------
// /runes items

const LIST_HINT = 'Write the list like `golden rune 5 x3, lords rune, 2x hero\'s rune 1`.';
const MAX_LIST_PROBLEMS = 5;

/** One sentence per problem in a rune item list (the first few), then how to write the list. */
function listProblems(errors: readonly RuneItemListError[]): string {
  const lines: string[] = [];
  for (const error of errors.slice(0, MAX_LIST_PROBLEMS)) {
    switch (error.kind) {
      case 'empty':
        return 'List at least one rune item, e.g. `golden rune 5 x3, lords rune`.';
      case 'too-many':
        return `List at most ${fmt(error.max)} items (you listed ${fmt(error.entries)}).`;
      case 'unknown-item':
        lines.push(`I don't know the rune item “${shown(error.name)}”. Closest names: ${error.closest.join(', ')}.`);
        break;
      case 'bad-count':
        lines.push(`The count for ${error.item} (you gave ${shown(error.count)}) is out of range: counts go from ${fmt(error.min)} to ${fmt(error.max)}.`);
        break;
    }
  }
  if (errors.length > MAX_LIST_PROBLEMS) lines.push(`…and ${fmt(errors.length - MAX_LIST_PROBLEMS)} more.`);
  return [...lines, LIST_HINT].join('\n');
}

function runesItems(context: CommandContext): Reply {
  const { options } = context;
  const text = readText(options, 'items', ITEMS_MAX_LENGTH);
  const target = readInt(options, 'target', RUNES);
  if (text === undefined) throw new UserError(`\`items\` is required: a list such as \`golden rune 5 x3, lords rune\` (counts ${fmt(MIN_ITEM_COUNT)} to ${fmt(MAX_ITEM_COUNT)}).`);
  const { items: list, errors } = core(() => parseRuneItemList(text));
  if (errors.length) throw new UserError(listProblems(errors));
  const value = core(() => valueOfItems(list));
  const lines = value.lines.filter((l) => l.count > 0).map((l) => `${fmt(l.count)} × ${l.item.name}${l.count > 1 ? ` = ${fmt(l.subtotal)}` : ` (${fmt(l.item.runes)})`}`);
  const description = [...lines, `**Total: ${fmt(value.total)} runes**`];
  let notes: Note[] = value.notes;
  if (target !== undefined) {
    const best = core(() => bestItemsToReach(list, target));
    notes = [...notes, ...best.notes];
    description.push('');
    if (best.kind === 'reached') {
      const use = best.items.map((entry) => `${fmt(entry.count)} × ${entry.item.name}`).join(', ');
      description.push(
        best.itemCount === 0
          ? `Target ${fmt(target)}: nothing to use.`
          : `To reach **${fmt(target)}**, use ${use}: ${fmt(best.itemCount)} item${best.itemCount === 1 ? '' : 's'} giving ${fmt(best.total)} (${best.overshoot === 0 ? 'exact' : `${fmt(best.overshoot)} over`}).`,
      );
    } else {
      description.push(`All of them give ${fmt(best.available)}: **${fmt(best.shortfall)} short** of ${fmt(target)}.`, progressBar(best.available, target));
    }
  }
  return embed({ title: 'Rune items', description: description.join('\n'), footer: footer(SOURCES.runeItems, notes) });
}

// ---------------------------------------------------------------------------------------------
// /runes gain and /runes farm

function rate(num: number, den: number): string {
  const value = num / den;
  return `×${Number.isInteger(value) ? value : Number(value.toFixed(4))}`;
}

/**
 * Boosts from the options. NG+: `ng` when given; left out, the active character's journey (journey 2 is
 * NG+1), named in `ngSource` ("NG+1 from Miriel's journey 2"). The character is read only when `ng` is
 * left out.
 */
async function gainOptions(context: CommandContext): Promise<{ boosts: RuneGainOptions; ngSource: string | undefined }> {
  const { options } = context;
  let ngCycle = readInt(options, 'ng', NG_CYCLE);
  const area = readInt(options, 'area', { min: 2, max: 5, what: 'an NG+ area multiplier: 2, 3, 4 or 5' });
  const boosts: RuneGainOptions = { goldScarab: readFlag(options, 'gold_scarab'), fowlFoot: readFlag(options, 'fowl_foot') };
  let ngSource: string | undefined;
  if (ngCycle === undefined) {
    const me = await context.activeCharacter();
    if (me && me.journey > 1) {
      // Cycles above NG+7 scale like NG+7; the input bound only keeps the figure sane.
      ngCycle = Math.min(me.journey - 1, MAX_NG_CYCLE_INPUT);
      ngSource = `NG+${fmt(me.journey - 1)} from ${nameOf(me)}'s journey ${fmt(me.journey)}`;
    } else if (me) {
      ngSource = `First journey, from ${nameOf(me)}'s journey 1`;
    }
  }
  if (ngCycle !== undefined) boosts.ngCycle = ngCycle;
  if (area !== undefined) {
    if (!ngCycle) throw new UserError(`\`area\` only applies in NG+: give \`ng\` from 1 to ${MAX_NG_CYCLE_INPUT} as well.`);
    boosts.ngAreaMultiplier = area as 2 | 3 | 4 | 5;
  }
  return { boosts, ngSource };
}

const FIRST_JOURNEY = 'no NG+ factor (give `ng` for NG+)';

async function runesGain(context: CommandContext): Promise<Reply> {
  const base = readInt(context.options, 'base', RUNES);
  if (base === undefined) throw new UserError(`\`base\` is required: ${RUNES.what} (what the enemy gives in the first journey without boosts).`);
  const { boosts, ngSource } = await gainOptions(context);
  const gain = core(() => runeGain(base, boosts));
  const factors = gain.factors.map((f) => `${f.name} ${rate(f.rate.num, f.rate.den)}`);
  const lines: string[] = [];
  if (gain.kind === 'exact') {
    lines.push(`**${fmt(gain.runes)} runes** from a base of ${fmt(base)} (${rate(gain.multiplier.num, gain.multiplier.den)}).`);
  } else {
    lines.push(
      `**${fmt(gain.minRunes)} to ${fmt(gain.maxRunes)} runes** from a base of ${fmt(base)} (${rate(gain.minMultiplier.num, gain.minMultiplier.den)} to ${rate(gain.maxMultiplier.num, gain.maxMultiplier.den)}).`,
      'The NG+ first-cycle multiplier depends on the area (×5 earliest … ×2 late game and DLC): give `area` for one figure.',
    );
  }
  lines.push(factors.length ? `Factors: ${factors.join(' · ')}` : 'No boosts: add `gold_scarab`, `fowl_foot` or `ng`.');
  if (ngSource) lines.push('', boosts.ngCycle ? `${ngSource} (give \`ng\` for another cycle).` : `${ngSource}: ${FIRST_JOURNEY}.`);
  return embed({ title: 'Rune gain', description: lines.join('\n'), footer: footer(SOURCES.runeGain, gain.notes) });
}

const TARGET_HELP = `runes (e.g. \`2000000\`, \`1.5m\`, \`500k\`) or a level (e.g. \`level 150\`, or a number from 2 to ${MAX_LEVEL})`;

/** The farming target, or a UserError that says what a target can be. */
function farmTarget(raw: string): { kind: 'runes'; runes: number } | { kind: 'level'; level: number } {
  const parsed = core(() => parseFarmTarget(raw));
  switch (parsed.kind) {
    case 'level':
    case 'runes':
      return parsed;
    case 'level-out-of-range':
      throw new UserError(`A target level must be from ${parsed.min} to ${parsed.max} (you gave ${parsed.level}).`);
    case 'too-small':
      throw new UserError(`\`target\` must be ${TARGET_HELP}; ${parsed.value} is neither a level nor a useful amount.`);
    case 'runes-out-of-range':
      throw new UserError(`A target in runes must be from ${fmt(parsed.min)} to ${fmt(parsed.max)} (you gave ${shown(raw)}).`);
    case 'unreadable':
      throw new UserError(`\`target\` must be ${TARGET_HELP}.`);
  }
}

function minutesText(minutes: number): string {
  return Number.isInteger(minutes) ? fmt(minutes) : String(Number(minutes.toFixed(2)));
}

async function runesFarm(context: CommandContext): Promise<Reply> {
  const { options } = context;
  const character = lazyCharacter(context);
  const perRun = readInt(options, 'per_run', PER_RUN);
  const targetText = readText(options, 'target', 60);
  const minutes = readPositive(options, 'minutes_per_run', MAX_MINUTES_PER_RUN, `a number of minutes above 0 and at most ${fmt(MAX_MINUTES_PER_RUN)}`);
  let from = readInt(options, 'from', FROM_LEVEL);
  if (perRun === undefined) throw new UserError(`\`per_run\` is required: the runes one run gives, ${PER_RUN.what}.`);
  if (targetText === undefined) throw new UserError(`\`target\` is required: ${TARGET_HELP}.`);
  const target = farmTarget(targetText);
  const { boosts, ngSource } = await gainOptions(context);
  let held = 0;
  let title: string;
  let mine = '';
  let fromNote = '';
  let planTarget: { runes: number } | { fromLevel: number; toLevel: number };
  if (target.kind === 'level') {
    const me = from === undefined ? await character() : null;
    if (from === undefined) {
      if (me && me.level >= target.level) {
        throw new UserError(`${nameOf(me)} is already level ${me.level}: give a higher target level (up to ${MAX_LEVEL}), or \`from\`.`);
      } else if (me) {
        from = me.level;
        held = me.runesHeld;
        mine = `Using level and runes held from ${nameOf(me)} (level ${me.level}).`;
      } else {
        from = MIN_LEVEL;
        fromNote = ' Counting from level 1: give `from` for another starting level.';
      }
    }
    if (from >= target.level) throw new UserError(`The target level (${target.level}) must be above \`from\` (${from}); levels go up to ${MAX_LEVEL}.`);
    planTarget = { fromLevel: from, toLevel: target.level };
    title = `Farming level ${from} → ${target.level}`;
  } else {
    planTarget = { runes: target.runes };
    title = `Farming ${fmt(target.runes)} runes`;
  }
  const plan = core(() => farmPlan({ perRun, target: planTarget, held, ...(minutes !== undefined ? { minutesPerRun: minutes } : {}), boosts }));
  const lines = [`Target: **${fmt(plan.targetRunes)} runes**.${fromNote}`];
  if (plan.held > 0) lines.push(`Held: ${fmt(plan.held)} · missing ${fmt(plan.missing)}`, progressBar(plan.held, plan.targetRunes));
  if (plan.runs === 0) {
    lines.push('Nothing to farm: you already have enough.');
  } else {
    const boosted = plan.perRunBoosted !== perRun ? ` (${fmt(perRun)} boosted to ${fmt(plan.perRunBoosted)})` : '';
    lines.push(`**${fmt(plan.runs)} run${plan.runs === 1 ? '' : 's'}** at ${fmt(plan.perRunBoosted)} runes a run${boosted}, collecting ${fmt(plan.runesCollected)} (${fmt(plan.surplus)} over).`);
    if (plan.minutes !== null && minutes !== undefined) lines.push(`Time: about **${duration(plan.minutes)}** at ${minutesText(minutes)} min a run.`);
    if (plan.fowlFeetNeeded !== null) lines.push(`Gold-Pickled Fowl Feet to keep the boost up: ${fmt(plan.fowlFeetNeeded)} (one lasts 180 s).`);
  }
  if (mine || ngSource) lines.push('');
  if (mine) lines.push(mine);
  // per_run is a first-journey figure: with the cycle taken from the character, say what that means.
  if (ngSource) {
    lines.push(
      boosts.ngCycle
        ? `${ngSource}: \`per_run\` counts as first-journey runes (give \`ng:0\` if it is what a run gives you now).`
        : `${ngSource}: ${FIRST_JOURNEY}.`,
    );
  }
  return embed({ title, description: lines.join('\n'), footer: footer(target.kind === 'level' ? `${SOURCES.runeGain}\n${SOURCES.levels}` : SOURCES.runeGain, plan.notes) });
}

// ---------------------------------------------------------------------------------------------
// /runes death

async function runesDeath(context: CommandContext): Promise<Reply> {
  const { options } = context;
  const character = lazyCharacter(context);
  let held = readInt(options, 'held', HELD);
  let level = readInt(options, 'level', ANY_LEVEL);
  const me = held === undefined || level === undefined ? await character() : null;
  const used: string[] = [];
  if (held === undefined) {
    if (!me) throw new UserError(`Give \`held\` (the runes you carry, ${HELD.what.replace('a whole number of runes ', '')}), or create a character with \`/character create\`.`);
    held = me.runesHeld;
    used.push('runes held');
  }
  if (level === undefined && me) {
    level = me.level;
    used.push('level');
  }
  const risk = core(() => deathRisk(held, level));
  const lines = [held > 0 ? `**${fmt(held)} runes** would drop where you die.` : 'You carry no runes: a death now costs nothing.'];
  const worth = risk.levelsWorth;
  if (worth && held > 0) {
    if (worth.levelsGained > 0) {
      lines.push(`That is **${worth.levelsGained} level${worth.levelsGained === 1 ? '' : 's'}** from level ${worth.fromLevel} (to level ${worth.level}), with ${fmt(worth.leftover)} over.`);
      lines.push('Spend them at a Site of Grace before the next fight.');
    } else if (worth.nextLevelCost !== null) {
      lines.push(`Less than one level: the next (${worth.fromLevel}→${worth.fromLevel + 1}) costs ${fmt(worth.nextLevelCost)}.`, progressBar(held, worth.nextLevelCost));
    }
  }
  if (me && used.includes('runes held') && me.bloodstain !== null && me.bloodstain > 0) {
    lines.push(`Your unrecovered bloodstain of ${fmt(me.bloodstain)} runes would be **lost for good**.`);
  }
  if (used.length && me) lines.push('', `Using ${used.join(' and ')} from ${nameOf(me)} (level ${me.level}).`);
  const protections = risk.protections.map((p) => `**${p.name}** (${p.kind === 'talisman' ? 'talisman' : 'physick tear'}): ${p.effect}`);
  return embed({
    title: 'If you died now',
    description: lines.join('\n'),
    fields: [
      { name: 'The rule', value: [risk.rules.dropped, risk.rules.secondDeath, risk.rules.itemsSafe].map((r) => `• ${r}`).join('\n') },
      { name: 'What prevents the loss', value: protections.join('\n') },
    ],
    footer: footer(SOURCES.death, risk.notes),
  });
}

// ---------------------------------------------------------------------------------------------
// The module

function execute(context: CommandContext): Reply | Promise<Reply> {
  switch (context.request.subcommand) {
    case 'level':
      return runesLevel(context);
    case 'reach':
      return runesReach(context);
    case 'items':
      return runesItems(context);
    case 'gain':
      return runesGain(context);
    case 'farm':
      return runesFarm(context);
    case 'death':
      return runesDeath(context);
    default:
      throw new UserError('Use one of: `/runes level`, `/runes reach`, `/runes items`, `/runes gain`, `/runes farm`, `/runes death`.');
  }
}

/** Breakdown pages: `runes:bd:<from>:<to>:<held or ->:<page>`. */
function component(context: ComponentContext) {
  const [kind, fromText, toText, heldText, pageText] = context.args;
  const int = (text: string | undefined) => (text !== undefined && /^\d{1,13}$/.test(text) ? Number(text) : NaN);
  const from = int(fromText);
  const to = int(toText);
  const held = heldText === '-' ? undefined : int(heldText);
  const page = int(pageText);
  const valid =
    kind === 'bd' &&
    Number.isInteger(from) &&
    Number.isInteger(to) &&
    Number.isInteger(page) &&
    from >= MIN_LEVEL &&
    from < to &&
    to <= MAX_LEVEL &&
    (held === undefined || (Number.isInteger(held) && held <= RUNE_CAP));
  if (!valid) {
    return { mode: 'reply' as const, reply: { ephemeral: true, content: 'This button no longer works: run `/runes level` again with `breakdown:true`.' } };
  }
  return { mode: 'update' as const, reply: levelReply(from, to, held, { breakdownPage: page }) };
}

const runeAmount = (o: SlashCommandIntegerOption, name: string, description: string, required = false, max = MAX_RUNE_INPUT) =>
  o.setName(name).setDescription(description).setMinValue(0).setMaxValue(max).setRequired(required);

const ngOption = (o: SlashCommandIntegerOption, description: string) => o.setName('ng').setDescription(description).setMinValue(0).setMaxValue(MAX_NG_CYCLE_INPUT);
const areaOption = (o: SlashCommandIntegerOption) =>
  o.setName('area').setDescription('NG+ first-cycle area multiplier, 2-5 (5 in the earliest areas, 2 late game and DLC)').setMinValue(2).setMaxValue(5);

export const runes: CommandModule = {
  data: slashCommand('runes', 'Rune arithmetic: level costs, what runes buy, rune items, rune gain, farming, death')
    .addSubcommand((s) =>
      s
        .setName('level')
        .setDescription('Runes needed from one level to another, and what is still missing')
        .addIntegerOption((o) => o.setName('to').setDescription('Level to reach (2-713)').setMinValue(2).setMaxValue(MAX_LEVEL).setRequired(true))
        .addIntegerOption((o) => o.setName('from').setDescription('Level now (1-712); default: your active character').setMinValue(1).setMaxValue(MAX_LEVEL - 1))
        .addIntegerOption((o) => runeAmount(o, 'held', `Runes you hold (up to ${fmt(RUNE_CAP)}); default: your active character`, false, RUNE_CAP))
        .addBooleanOption((o) => o.setName('breakdown').setDescription('Show the cost of every level, page by page')),
    )
    .addSubcommand((s) =>
      s
        .setName('reach')
        .setDescription('Highest level a number of runes buys, the leftover, and the next level')
        .addIntegerOption((o) => runeAmount(o, 'runes', `Runes to spend, held or not (a sum may pass the ${fmt(RUNE_CAP)} cap); default: your runes held`))
        .addIntegerOption((o) => o.setName('from').setDescription('Level now (1-713); default: your active character, else 1').setMinValue(1).setMaxValue(MAX_LEVEL)),
    )
    .addSubcommand((s) =>
      s
        .setName('items')
        .setDescription('Value of rune items, and the fewest of them that reach a target')
        .addStringOption((o) =>
          o.setName('items').setDescription('e.g. golden rune 5 x3, lords rune, 2x hero\'s rune 1').setRequired(true).setMaxLength(ITEMS_MAX_LENGTH),
        )
        .addIntegerOption((o) => runeAmount(o, 'target', 'Runes you need: picks the fewest items with the least overshoot')),
    )
    .addSubcommand((s) =>
      s
        .setName('gain')
        .setDescription('Runes an enemy gives with Gold Scarab, Gold-Pickled Fowl Foot and NG+')
        .addIntegerOption((o) => runeAmount(o, 'base', 'Runes it gives in the first journey without boosts', true))
        .addBooleanOption((o) => o.setName('gold_scarab').setDescription('Gold Scarab talisman equipped (+20%)'))
        .addBooleanOption((o) => o.setName('fowl_foot').setDescription('Gold-Pickled Fowl Foot active (+30% for 180 s)'))
        .addIntegerOption((o) => ngOption(o, 'NG+ cycle: 0 = first journey, 1 = NG+1 … (7+ alike); default: your active character'))
        .addIntegerOption(areaOption),
    )
    .addSubcommand((s) =>
      s
        .setName('farm')
        .setDescription('Runs (and time) to farm an amount of runes or a level')
        .addIntegerOption((o) => o.setName('per_run').setDescription('Runes one run gives in the first journey, without boosts').setMinValue(1).setMaxValue(MAX_RUNE_INPUT).setRequired(true))
        .addStringOption((o) => o.setName('target').setDescription('Runes (2000000, 1.5m) or a level (level 150, or 150)').setRequired(true).setMaxLength(60))
        .addNumberOption((o) => o.setName('minutes_per_run').setDescription('Minutes one run takes').setMinValue(0.01).setMaxValue(MAX_MINUTES_PER_RUN))
        .addBooleanOption((o) => o.setName('gold_scarab').setDescription('Gold Scarab talisman equipped (+20%)'))
        .addBooleanOption((o) => o.setName('fowl_foot').setDescription('Gold-Pickled Fowl Foot kept up (+30%)'))
        .addIntegerOption((o) => o.setName('from').setDescription('For a level target: level now; default: your active character, else 1').setMinValue(1).setMaxValue(MAX_LEVEL - 1))
        .addIntegerOption((o) => ngOption(o, 'NG+ cycle (0 = first journey); default: your active character\'s journey'))
        .addIntegerOption(areaOption),
    )
    .addSubcommand((s) =>
      s
        .setName('death')
        .setDescription('What dying now would cost, and what prevents the loss')
        .addIntegerOption((o) => runeAmount(o, 'held', `Runes you carry (up to ${fmt(RUNE_CAP)}); default: your active character`, false, RUNE_CAP))
        .addIntegerOption((o) => o.setName('level').setDescription('Your level, to count the runes in levels (1-713)').setMinValue(1).setMaxValue(MAX_LEVEL)),
    ),
  examples: [
    { usage: '/runes level from:1 to:150', description: 'runes from level 1 to 150' },
    { usage: '/runes level from:80 to:100 held:250000 breakdown:true', description: 'what is missing, level by level' },
    { usage: '/runes reach runes:1000000 from:50', description: 'the level a million runes buys' },
    { usage: '/runes items items:golden rune 5 x3, lords rune target:50000', description: 'value of rune items and the best to use' },
    { usage: '/runes gain base:10000 gold_scarab:true fowl_foot:true', description: 'runes with boosts' },
    { usage: '/runes farm per_run:50000 target:level 150 minutes_per_run:1.5', description: 'runs and time to farm' },
    { usage: '/runes death held:80000 level:60', description: 'what a death would cost' },
  ],
  execute,
  component,
};
