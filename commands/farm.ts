// /farm spots [target] [gold_scarab] [fowl_foot] [ng] [area]: the farming spots a public guide describes
// with its enemy counts, ranked by runes a run (our figure from the game data beside the guide's), per
// hour where the guide gives a time, with its link; with an active character, the runs (and time) to its
// next level and to `target`. Every number comes from src/farming and src/runes.

import { readFarmTarget } from '../src/router/gameOptions.ts';
import { defineCommand, leaf } from '../src/router/command.ts';
import { boolean, integer, string, type ArgsOf } from '../src/router/spec.ts';
import type { CommandContext } from '../src/router/types.ts';
import type { EmbedField, Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { footer } from '../src/render/footer.ts';
import { nameOf } from '../src/render/character.ts';
import { core } from '../src/router/core.ts';
import { UserError } from '../src/errors.ts';
import { escapeUserText } from '../src/text/escape.ts';
import { duration, fmt, list } from '../src/text/format.ts';
import { mergeNotes, type Note } from '../src/game/confidence.ts';
import { MAX_LEVEL } from '../src/game/classes.ts';
import { MAX_NG_CYCLE_INPUT, type NgAreaMultiplier } from '../src/game/runeGainModifiers.ts';
import { type FarmTarget, type RuneGainOptions } from '../src/runes/index.ts';
import { getFarming, rankSpots, spotPlan, type Farming, type RankedSpot } from '../src/farming/index.ts';
import type { Character } from '../src/characters/types.ts';


const SPOTS_OPTIONS = {
  target: string('Runes (2000000, 1.5m) or a level (level 150, or 150): runs and time to reach it', { maxLength: 60 }),
  gold_scarab: boolean('Gold Scarab talisman equipped (+20%)'),
  fowl_foot: boolean('Gold-Pickled Fowl Foot active (+30% for 180 s)'),
  ng: integer("NG+ cycle: 0 = first journey, 1 = NG+1 … (7+ alike); default: your active character's journey", { min: 0, max: MAX_NG_CYCLE_INPUT, noun: 'an NG+ cycle (0 = first journey)' }),
  area: integer('NG+ first-cycle area multiplier (5 in the earliest areas, 2 late game and DLC)', { min: 2, max: 5, noun: 'an NG+ area multiplier' }),
};

function requireFarming(): Farming {
  const farming = getFarming();
  if (!farming) throw new UserError('The farming data is not built yet: run `npm run build-data`.');
  return farming;
}


/** Boosts from the options; NG+ from `ng`, else the active character's journey (said in `ngSource`). */
function boostsOf(args: ArgsOf<typeof SPOTS_OPTIONS>, me: Character | null): { boosts: RuneGainOptions; ngSource: string | undefined } {
  const boosts: RuneGainOptions = { goldScarab: args.gold_scarab ?? false, fowlFoot: args.fowl_foot ?? false };
  let ngCycle = args.ng;
  let ngSource: string | undefined;
  if (ngCycle === undefined && me && me.journey > 1) {
    ngCycle = Math.min(me.journey - 1, MAX_NG_CYCLE_INPUT);
    ngSource = `NG+${fmt(me.journey - 1)} from ${nameOf(me)}'s journey ${fmt(me.journey)}`;
  }
  if (ngCycle !== undefined) boosts.ngCycle = ngCycle;
  if (args.area !== undefined) {
    if (!ngCycle) throw new UserError(`\`area\` only applies in NG+: give \`ng\` from 1 to ${MAX_NG_CYCLE_INPUT} as well.`);
    boosts.ngAreaMultiplier = args.area as NgAreaMultiplier;
  }
  return { boosts, ngSource };
}

function range(span: { min: number; max: number }): string {
  return span.min === span.max ? fmt(span.min) : `${fmt(span.min)} to ${fmt(span.max)}`;
}

function levelRange(level: { min?: number; max?: number }): string {
  if (level.min !== undefined && level.max !== undefined) return `levels ${level.min} to ${level.max}`;
  return level.min !== undefined ? `level ${level.min} and up` : `up to level ${level.max}`;
}

/** "3 runs (about 2 min)" for the plan of one spot. */
function runsText(plan: { runs: number; minutes: number | null }): string {
  const runs = `${fmt(plan.runs)} run${plan.runs === 1 ? '' : 's'}`;
  return plan.minutes === null ? runs : `${runs} (about ${duration(plan.minutes)})`;
}

interface Goal {
  label: string;
  target: FarmTarget;
  held: number;
}

function spotField(rank: number, spot: RankedSpot, farming: Farming, goals: readonly Goal[], boosts: RuneGainOptions, level: number | undefined): { field: EmbedField; notes: Note[] } {
  const { route } = spot;
  const lines: string[] = [];
  lines.push(`${escapeUserText(route.region)} · from the ${escapeUserText(route.grace)} grace${route.dlc ? ' · Shadow of the Erdtree' : ''}`);
  const kills = spot.lines.map((l) => `${fmt(l.count)} × ${escapeUserText(l.name)} (${fmt(l.each)})`).join(' + ');
  const quoted = route.quoted.runesPerRun !== undefined ? ` · the guide says ${fmt(route.quoted.runesPerRun)}` : ' · the guide gives no figure';
  lines.push(`${kills} = **${fmt(spot.perRun)} runes a run** in the first journey, before boosts${quoted}.`);
  if (spot.boosted.min !== spot.perRun || spot.boosted.max !== spot.perRun) lines.push(`With your boosts and journey: **${range(spot.boosted)} a run**.`);
  const seconds = route.quoted.secondsPerRun;
  if (spot.perHour && seconds !== undefined) lines.push(`About **${range(spot.perHour)} runes an hour** at the guide's ${fmt(seconds)} s a run.`);
  else lines.push('The guide gives no time per run, so no figure an hour.');
  if (route.quoted.level) {
    const recommended = levelRange(route.quoted.level);
    lines.push(level === undefined ? `The guide recommends ${recommended}.` : spot.suitsLevel ? `Suits your level ${level} (the guide recommends ${recommended}).` : `The guide recommends ${recommended}; you are level ${level}.`);
  }
  const notes: Note[] = [...spot.notes];
  for (const goal of goals) {
    const planned = core(() => spotPlan(route, farming.index, goal.target, { held: goal.held, boosts }));
    notes.push(...planned.plan.notes);
    lines.push(planned.plan.runs === 0 ? `${goal.label}: nothing to farm, you have enough.` : `${goal.label}: **${runsText(planned.plan)}**.`);
  }
  if (route.notes) lines.push(escapeUserText(route.notes));
  lines.push(`Source: [${escapeUserText(route.source.title)}](${route.source.url}) · ${escapeUserText(route.source.publisher)}`);
  return { field: { name: `${rank}. ${route.name}`, value: lines.join('\n') }, notes };
}

async function farmSpots(context: CommandContext, args: ArgsOf<typeof SPOTS_OPTIONS>): Promise<Reply> {
  const farming = requireFarming();
  const targetText = args.target?.trim();
  const target = targetText ? readFarmTarget(targetText) : null;
  const me = await context.activeCharacter();
  const { boosts, ngSource } = boostsOf(args, me);
  const goals: Goal[] = [];
  const lines = ['Spots a public guide describes with its enemy counts, best first. Our runes a run come from the game data; the guide\'s own figure is beside it.'];
  if (me && me.level < MAX_LEVEL) goals.push({ label: `To level ${me.level + 1}`, target: { fromLevel: me.level, toLevel: me.level + 1 }, held: me.runesHeld });
  if (target?.kind === 'runes') goals.push({ label: `To ${fmt(target.runes)} runes`, target: { runes: target.runes }, held: 0 });
  if (target?.kind === 'level') {
    const from = me?.level ?? 1;
    if (from >= target.level) {
      throw new UserError(me ? `${nameOf(me)} is already level ${me.level}: give a higher target level (up to ${MAX_LEVEL}).` : `The target level must be above 1 (up to ${MAX_LEVEL}).`);
    }
    goals.push({ label: `To level ${target.level}`, target: { fromLevel: from, toLevel: target.level }, held: me?.runesHeld ?? 0 });
    if (!me) lines.push('Counting from level 1: create a character with `/character create` to count from yours.');
  }
  if (me) lines.push(`Using level ${me.level} and ${fmt(me.runesHeld)} runes held from ${nameOf(me)}.`);
  if (ngSource) lines.push(`${ngSource} (give \`ng\` for another cycle).`);
  const ranked = core(() => rankSpots(farming.data.routes, farming.index, boosts, me?.level));
  if (!ranked.length) lines.push('', 'No spot has a public guide with its enemy counts yet.');
  const notes: Note[][] = [];
  const fields = ranked.slice(0, 10).map((spot, i) => {
    const { field, notes: spotNotes } = spotField(i + 1, spot, farming, goals, boosts, me?.level);
    notes.push(spotNotes);
    return field;
  });
  const booster = [boosts.goldScarab ? 'Gold Scarab' : '', boosts.fowlFoot ? 'Gold-Pickled Fowl Foot' : ''].filter(Boolean);
  if (booster.length) lines.push(`Boosts: ${list(booster)}.`);
  return {
    embeds: [{ color: BRAND_COLOR, title: 'Farming spots', description: lines.join('\n'), fields, footer: footer(mergeNotes(...notes), { patch: farming.data.patch }) }],
  };
}

export const farm = defineCommand({
  name: 'farm',
  description: 'Rune farming spots from public guides, with runes a run from the game data',
  subcommands: {
    spots: leaf({ description: 'Spots ranked by runes a run (and an hour), runs to your next level and a target', options: SPOTS_OPTIONS, execute: farmSpots }),
  },
  examples: [
    { usage: '/farm spots', description: 'every spot, best first, with its source' },
    { usage: '/farm spots target:level 150 gold_scarab:true', description: 'runs to a level at each spot, with Gold Scarab' },
    { usage: '/farm spots target:2000000 ng:1 area:2', description: 'runs to a sum in NG+1 in a ×2 area' },
  ],
});
