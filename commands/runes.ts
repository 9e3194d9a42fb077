// /runes level | reach | items | gain | farm | death: the rune arithmetic the game never shows.
// Every number comes from src/runes (pure core); this file reads options, picks defaults from the
// active character, and lays the answer out.

import { FARM_TARGET_HELP, readFarmTarget } from '../src/router/gameOptions.ts';
import { defineCommand, leaf } from '../src/router/command.ts';
import { encodeCustomId } from '../src/router/customId.ts';
import { levelOption } from '../src/router/gameOptions.ts';
import { boolean, integer, number, string, validValues, type ArgsOf } from '../src/router/spec.ts';
import { UserError } from '../src/errors.ts';
import type { AutocompleteContext, CommandContext, ComponentContext } from '../src/router/types.ts';
import type { ButtonView, EmbedView, Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { footer } from '../src/render/footer.ts';
import { core } from '../src/router/core.ts';
import { duration, fmt, progressBar, shown } from '../src/text/format.ts';
import { nameOf } from '../src/render/character.ts';
import { attachChart, type AttachChartOptions } from '../src/render/charts/index.ts';
import {
  bestItemsToReach,
  deathRisk,
  farmPlan,
  highestReachableLevel,
  levelBreakdown,
  levelCost,
  levelPlan,
  parseRuneItemList,
  runeGain,
  valueOfItems,
  type Note,
  type RuneGainOptions,
  type RuneItemListError,
} from '../src/runes/index.ts';
import { MAX_LEVEL, MIN_LEVEL } from '../src/game/classes.ts';
import { MAX_ITEM_COUNT, MAX_MINUTES_PER_RUN, MAX_RUNE_INPUT, MIN_ITEM_COUNT, RUNES_HELD_CAP } from '../src/game/limits.ts';
import { RUNE_CAP } from '../src/characters/types.ts';
import { MAX_NG_CYCLE_INPUT } from '../src/game/runeGainModifiers.ts';
import { findSpot, getFarming, searchSpots, spotRunes, type FarmRoute } from '../src/farming/index.ts';
import type { Choice } from '../src/render/types.ts';

/** A sum of runes (to spend, farm or gain: it may pass what a character can hold). */
const runeSum = (description: string) => integer(description, { min: 0, max: MAX_RUNE_INPUT, noun: 'a whole number of runes' });
/** Runes carried: the game caps them at 999,999,999. */
const runesHeld = (description: string) => integer(description, { min: 0, max: RUNE_CAP, noun: 'a whole number of runes', note: 'the most the game lets you hold' });
const ngCycle = (description: string) => integer(description, { min: 0, max: MAX_NG_CYCLE_INPUT, noun: 'an NG+ cycle (0 = first journey)' });
const area = () => integer('NG+ first-cycle area multiplier (5 in the earliest areas, 2 late game and DLC)', { min: 2, max: 5, noun: 'an NG+ area multiplier' });
const ITEMS_MAX_LENGTH = 2000;

const LEVEL_OPTIONS = {
  from: levelOption('Level now; default: your active character', { max: MAX_LEVEL - 1 }),
  to: levelOption('Level to reach', { min: MIN_LEVEL + 1, required: true }),
  held: runesHeld('Runes you hold; default: your active character'),
  breakdown: boolean('Show the cost of every level, page by page'),
  chart: boolean('Add a picture: the rune cost of each level, your range marked'),
};
const REACH_OPTIONS = {
  runes: runeSum(`Runes to spend, held or not (a sum may pass the ${fmt(RUNE_CAP)} cap); default: your runes held`),
  from: levelOption('Level now; default: your active character, else 1'),
};
const ITEMS_OPTIONS = {
  items: string("e.g. golden rune 5 x3, lords rune, 2x hero's rune 1", { required: true, maxLength: ITEMS_MAX_LENGTH }),
  target: runeSum('Runes you need: picks the fewest items with the least overshoot'),
};
const BOOST_OPTIONS = {
  gold_scarab: boolean('Gold Scarab talisman equipped (+20%)'),
  fowl_foot: boolean('Gold-Pickled Fowl Foot active (+30% for 180 s)'),
  ng: ngCycle("NG+ cycle: 0 = first journey, 1 = NG+1 … (7+ alike); default: your active character's journey"),
  area: area(),
};
const GAIN_OPTIONS = {
  base: integer('Runes it gives in the first journey without boosts', { min: 0, max: MAX_RUNE_INPUT, noun: 'a whole number of runes', required: true }),
  ...BOOST_OPTIONS,
};
const FARM_OPTIONS = {
  per_run: integer('Runes one run gives in the first journey, without boosts (or give `spot`)', { min: 1, max: MAX_RUNE_INPUT, noun: 'a whole number of runes' }),
  spot: string('A farming spot from /farm spots: its runes a run (and time, if its guide gives one)', { maxLength: 100, autocomplete: spotChoices }),
  target: string('Runes (2000000, 1.5m) or a level (level 150, or 150)', { required: true, maxLength: 60 }),
  minutes_per_run: number('Minutes one run takes', { min: 0.01, max: MAX_MINUTES_PER_RUN, noun: 'a number of minutes' }),
  from: levelOption('For a level target: level now; default: your active character, else 1', { max: MAX_LEVEL - 1 }),
  ...BOOST_OPTIONS,
  chart: boolean('Add a picture: runes after each run, up to the target'),
};
const DEATH_OPTIONS = {
  held: runesHeld('Runes you carry; default: your active character'),
  level: levelOption('Your level, to count the runes in levels'),
};
const BREAKDOWN_PAGE = 25;

function embed(view: EmbedView): Reply {
  return { embeds: [{ color: BRAND_COLOR, ...view }] };
}

/** `chart:true`: a failed drawing is logged, and the player gets the text answer with a short note. */
function chartOptions(context: { services: CommandContext['services'] }): AttachChartOptions {
  return { onError: (error) => context.services.logger.warn({ err: error }, 'chart could not be drawn') };
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

function breakdownButtons(from: number, to: number, held: number | undefined, page: number, pages: number, chart: boolean): ButtonView[][] {
  if (pages <= 1) return [];
  // A `c` field keeps the chart on every page (an edited message loses the image otherwise).
  const id = (p: number) => encodeCustomId('runes', 'bd', [from, to, held ?? '-', p, ...(chart ? ['c'] : [])]);
  return [
    [
      { kind: 'button', label: '◀ Previous', customId: id(page - 1), style: 'secondary', disabled: page <= 1 },
      { kind: 'button', label: `Page ${page} of ${pages}`, customId: encodeCustomId('runes', 'noop', [page]), style: 'secondary', disabled: true },
      { kind: 'button', label: 'Next ▶', customId: id(page + 1), style: 'secondary', disabled: page >= pages },
    ],
  ];
}

function levelReply(from: number, to: number, held: number | undefined, options: { breakdownPage?: number; defaultsNote?: string; chart?: boolean }): Reply {
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
  const view: EmbedView = { title: `Level ${from} → ${to}`, description: lines.join('\n'), footer: footer() };
  if (options.breakdownPage === undefined) return embed(view);
  const page = breakdownPage(from, to, options.breakdownPage);
  view.fields = [{ name: `Per level (${page.page}/${page.pages})`, value: page.text }];
  return { ...embed(view), components: breakdownButtons(from, to, held, page.page, page.pages, options.chart ?? false) };
}

/** The level reply, with the rune cost chart when asked (`chart:true`). */
function levelAnswer(context: { services: CommandContext['services'] }, from: number, to: number, held: number | undefined, options: { breakdownPage?: number; defaultsNote?: string; chart?: boolean }): Reply | Promise<Reply> {
  const reply = levelReply(from, to, held, options);
  if (!options.chart) return reply;
  return attachChart(reply, (charts) => charts.levelCostChart({ from, to, ...(held !== undefined ? { held } : {}) }), chartOptions(context));
}

async function runesLevel(context: CommandContext, args: ArgsOf<typeof LEVEL_OPTIONS>): Promise<Reply> {
  const character = () => context.activeCharacter();
  let { from, held } = args;
  const { to } = args;
  const showBreakdown = args.breakdown ?? false;
  const chart = args.chart ?? false;
  const used: string[] = [];
  // The character is read only when `from` is left out: a level given explicitly is a question about
  // levels, not about the player (and the reply then stays public).
  const me = from === undefined ? await character() : null;
  let fromIsMine = false;
  if (from === undefined) {
    if (!me) {
      throw new UserError(`Give \`from\` (your level now, ${validValues(LEVEL_OPTIONS.from)}), or create a character with \`/character create\` and I will use its level.`);
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
  return levelAnswer(context, from, to, held, { ...(showBreakdown ? { breakdownPage: 1 } : {}), ...(defaultsNote ? { defaultsNote } : {}), chart });
}

// ---------------------------------------------------------------------------------------------
// /runes reach

async function runesReach(context: CommandContext, args: ArgsOf<typeof REACH_OPTIONS>): Promise<Reply> {
  const character = () => context.activeCharacter();
  let { runes, from } = args;
  const used: string[] = [];
  const me = runes === undefined || from === undefined ? await character() : null;
  if (runes === undefined) {
    if (!me) throw new UserError(`Give \`runes\` (${validValues(REACH_OPTIONS.runes)}), or create a character with \`/character create\` and I will use the runes it holds.`);
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
  return embed({ title: `${fmt(runes)} runes from level ${from}`, description: lines.join('\n'), footer: footer() });
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

function runesItems(_context: CommandContext, args: ArgsOf<typeof ITEMS_OPTIONS>): Reply {
  const text = args.items.trim();
  const { target } = args;
  if (!text) throw new UserError(`\`items\` is required: a list such as \`golden rune 5 x3, lords rune\` (counts ${fmt(MIN_ITEM_COUNT)} to ${fmt(MAX_ITEM_COUNT)}).`);
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
  return embed({ title: 'Rune items', description: description.join('\n'), footer: footer(notes) });
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
async function gainOptions(context: CommandContext, args: ArgsOf<typeof BOOST_OPTIONS>): Promise<{ boosts: RuneGainOptions; ngSource: string | undefined }> {
  let ngCycle = args.ng;
  const area = args.area;
  const boosts: RuneGainOptions = { goldScarab: args.gold_scarab ?? false, fowlFoot: args.fowl_foot ?? false };
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

async function runesGain(context: CommandContext, args: ArgsOf<typeof GAIN_OPTIONS>): Promise<Reply> {
  const { base } = args;
  const { boosts, ngSource } = await gainOptions(context, args);
  const gain = core(() => runeGain(base, boosts));
  const factors = gain.factors.map((f) => `${f.name} ${rate(f.rate.num, f.rate.den)}`);
  const lines: string[] = [];
  // The game never lets a character hold more than the cap: a larger gain is shown capped, and said so.
  const capped = (runes: number) => Math.min(runes, RUNES_HELD_CAP);
  const highest = gain.kind === 'exact' ? gain.runes : gain.maxRunes;
  if (gain.kind === 'exact') {
    lines.push(`**${fmt(capped(gain.runes))} runes** from a base of ${fmt(base)} (${rate(gain.multiplier.num, gain.multiplier.den)}).`);
  } else {
    const range = capped(gain.minRunes) === capped(gain.maxRunes) ? fmt(capped(gain.maxRunes)) : `${fmt(capped(gain.minRunes))} to ${fmt(capped(gain.maxRunes))}`;
    lines.push(
      `**${range} runes** from a base of ${fmt(base)} (${rate(gain.minMultiplier.num, gain.minMultiplier.den)} to ${rate(gain.maxMultiplier.num, gain.maxMultiplier.den)}).`,
      'The NG+ first-cycle multiplier depends on the area (×5 earliest … ×2 late game and DLC): give `area` for one figure.',
    );
  }
  if (highest > RUNES_HELD_CAP) {
    lines.push(`Capped: the game lets you hold at most ${fmt(RUNES_HELD_CAP)} runes, so anything above that is lost (uncapped: ${gain.kind === 'exact' ? fmt(gain.runes) : `${fmt(gain.minRunes)} to ${fmt(gain.maxRunes)}`}).`);
  }
  lines.push(factors.length ? `Factors: ${factors.join(' · ')}` : 'No boosts: add `gold_scarab`, `fowl_foot` or `ng`.');
  if (ngSource) lines.push('', boosts.ngCycle ? `${ngSource} (give \`ng\` for another cycle).` : `${ngSource}: ${FIRST_JOURNEY}.`);
  return embed({ title: 'Rune gain', description: lines.join('\n'), footer: footer(gain.notes) });
}



function minutesText(minutes: number): string {
  return Number.isInteger(minutes) ? fmt(minutes) : String(Number(minutes.toFixed(2)));
}

/** `spot:` completes the farming spots (name shown, id sent). */
function spotChoices({ query }: AutocompleteContext): Choice[] {
  const farming = getFarming();
  if (!farming) return [];
  return searchSpots(farming.data.routes, query, 25).map(({ route }) => ({ name: route.name.slice(0, 100), value: route.id, typed: route.id }));
}

/** Runes a run: `per_run`, or a spot's (from the game data, with its guide's time per run); never both. */
function farmSource(perRun: number | undefined, spotText: string | undefined): { perRun: number; spot: FarmRoute | null; spotMinutes: number | undefined } {
  const spotQuery = spotText?.trim();
  if (perRun !== undefined && spotQuery) throw new UserError('Give either `per_run` or `spot`, not both.');
  if (perRun !== undefined) return { perRun, spot: null, spotMinutes: undefined };
  const farming = getFarming();
  const names = farming ? farming.data.routes.map((r) => `\`${r.id}\``).join(', ') : '';
  if (!spotQuery) {
    throw new UserError(`Give \`per_run\` (${validValues(FARM_OPTIONS.per_run)}) or \`spot\` (a farming spot${names ? `: ${names}` : ''}; \`/farm spots\` lists them).`);
  }
  const spot = farming ? findSpot(farming.data.routes, spotQuery) : null;
  if (!farming || !spot) throw new UserError(`No farming spot matches “${shown(spotQuery)}”. Give \`spot\` as one of: ${names || 'none yet'} (\`/farm spots\` lists them), or give \`per_run\`.`);
  const runes = core(() => spotRunes(spot, farming.index)).perRun;
  if (runes < 1) throw new UserError(`${spot.name} gives no runes in the game data: give \`per_run\` instead.`);
  const seconds = spot.quoted.secondsPerRun;
  return { perRun: runes, spot, spotMinutes: seconds === undefined ? undefined : seconds / 60 };
}

async function runesFarm(context: CommandContext, args: ArgsOf<typeof FARM_OPTIONS>): Promise<Reply> {
  const character = () => context.activeCharacter();
  const { perRun, spot, spotMinutes } = farmSource(args.per_run, args.spot);
  const targetText = args.target.trim();
  const minutes = args.minutes_per_run ?? spotMinutes;
  let from = args.from;
  const chart = args.chart ?? false;
  if (!targetText) throw new UserError(`\`target\` is required: ${FARM_TARGET_HELP}.`);
  const target = readFarmTarget(targetText);
  const { boosts, ngSource } = await gainOptions(context, args);
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
  if (spot) {
    const time = spotMinutes !== undefined && args.minutes_per_run === undefined ? `, ${minutesText(spotMinutes)} min a run as its guide says` : '';
    lines.push(`At ${spot.name}: ${fmt(perRun)} runes a run in the first journey (game data)${time}.`);
  }
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
  const reply = embed({ title, description: lines.join('\n'), footer: footer(plan.notes) });
  if (!chart) return reply;
  const levels = 'fromLevel' in planTarget ? { levels: { from: planTarget.fromLevel, to: planTarget.toLevel } } : {};
  return attachChart(
    reply,
    (charts) =>
      charts.farmChart({ perRun: plan.perRunBoosted, runs: plan.runs, held: plan.held, targetRunes: plan.targetRunes, ...levels, ...(minutes !== undefined ? { minutesPerRun: minutes } : {}) }),
    chartOptions(context),
  );
}

// ---------------------------------------------------------------------------------------------
// /runes death

async function runesDeath(context: CommandContext, args: ArgsOf<typeof DEATH_OPTIONS>): Promise<Reply> {
  const character = () => context.activeCharacter();
  let { held, level } = args;
  const me = held === undefined || level === undefined ? await character() : null;
  const used: string[] = [];
  if (held === undefined) {
    if (!me) throw new UserError(`Give \`held\` (the runes you carry, ${validValues(DEATH_OPTIONS.held)}), or create a character with \`/character create\`.`);
    held = me.runesHeld;
    used.push('runes held');
  }
  if (level === undefined && me) {
    level = me.level;
    used.push('level');
  }
  const risk = core(() => deathRisk(held, level));
  // A bloodstain only matters when the runes held are the character's own (not a `held` typed in).
  const bloodstain = me && used.includes('runes held') && me.bloodstain !== null && me.bloodstain > 0 ? me.bloodstain : 0;
  const lines: string[] = [];
  if (held > 0) lines.push(`**${fmt(held)} runes** would drop where you die.`);
  if (held > 0 && bloodstain > 0) lines.push(`Your unrecovered bloodstain of ${fmt(bloodstain)} runes would be **lost for good**.`);
  if (held === 0 && bloodstain > 0) {
    lines.push(`You carry no runes, but a death now would lose your unrecovered bloodstain of **${fmt(bloodstain)} runes** for good: recover it first.`);
  }
  if (held === 0 && bloodstain === 0) lines.push('You carry no runes: a death now costs nothing.');
  const worth = risk.levelsWorth;
  if (worth && held > 0) {
    if (worth.levelsGained > 0) {
      lines.push(`That is **${worth.levelsGained} level${worth.levelsGained === 1 ? '' : 's'}** from level ${worth.fromLevel} (to level ${worth.level}), with ${fmt(worth.leftover)} over.`);
      lines.push('Spend them at a Site of Grace before the next fight.');
    } else if (worth.nextLevelCost !== null) {
      lines.push(`Less than one level: the next (${worth.fromLevel}→${worth.fromLevel + 1}) costs ${fmt(worth.nextLevelCost)}.`, progressBar(held, worth.nextLevelCost));
    }
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
    footer: footer(risk.notes),
  });
}

// ---------------------------------------------------------------------------------------------
// The module

/** Breakdown pages: `runes:bd:<from>:<to>:<held or ->:<page>`, then `:c` when the reply has a chart. */
async function component(context: ComponentContext) {
  const [kind, fromText, toText, heldText, pageText, chartText] = context.args;
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
    (held === undefined || (Number.isInteger(held) && held <= RUNE_CAP)) &&
    (chartText === undefined || chartText === 'c') &&
    context.args.length <= 6;
  if (!valid) {
    return { mode: 'reply' as const, reply: { ephemeral: true, content: 'This button no longer works: run `/runes level` again with `breakdown:true`.' } };
  }
  return { mode: 'update' as const, reply: await levelAnswer(context, from, to, held, { breakdownPage: page, chart: chartText === 'c' }) };
}

export const runes = defineCommand({
  name: 'runes',
  description: 'Rune arithmetic: level costs, what runes buy, rune items, rune gain, farming, death',
  subcommands: {
    level: leaf({ description: 'Runes needed from one level to another, and what is still missing', options: LEVEL_OPTIONS, execute: runesLevel }),
    reach: leaf({ description: 'Highest level a number of runes buys, the leftover, and the next level', options: REACH_OPTIONS, execute: runesReach }),
    items: leaf({ description: 'Value of rune items, and the fewest of them that reach a target', options: ITEMS_OPTIONS, execute: runesItems }),
    gain: leaf({ description: 'Runes an enemy gives with Gold Scarab, Gold-Pickled Fowl Foot and NG+', options: GAIN_OPTIONS, execute: runesGain }),
    farm: leaf({ description: 'Runs (and time) to farm an amount of runes or a level', options: FARM_OPTIONS, execute: runesFarm }),
    death: leaf({ description: 'What dying now would cost, and what prevents the loss', options: DEATH_OPTIONS, execute: runesDeath }),
  },
  examples: [
    { usage: '/runes level from:1 to:150', description: 'runes from level 1 to 150' },
    { usage: '/runes level from:80 to:100 held:250000 breakdown:true', description: 'what is missing, level by level' },
    { usage: '/runes reach runes:1000000 from:50', description: 'the level a million runes buys' },
    { usage: '/runes level from:80 to:100 held:250000 chart:true', description: 'the cost of each level as a picture' },
    { usage: '/runes items items:golden rune 5 x3, lords rune target:50000', description: 'value of rune items and the best to use' },
    { usage: '/runes gain base:10000 gold_scarab:true fowl_foot:true', description: 'runes with boosts' },
    { usage: '/runes farm per_run:50000 target:level 150 minutes_per_run:1.5', description: 'runs and time to farm' },
    { usage: '/runes farm per_run:50000 target:2000000 chart:true', description: 'farming progress as a picture' },
    { usage: '/runes farm spot:dragonbarrow-lennes-rise-boulder target:level 60', description: 'runs to farm at a spot from /farm spots' },
    { usage: '/runes death held:80000 level:60', description: 'what a death would cost' },
  ],
  component,
});
