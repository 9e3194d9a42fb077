// /class best <stats…>: every starting class ranked for a target build (resulting level, wasted points).
// /class info name:<class>: a class's level, stats and derived stats.

import { defineCommand, leaf } from '../src/router/command.ts';
import { statOptions } from '../src/router/gameOptions.ts';
import { string, type ArgsOf } from '../src/router/spec.ts';
import { UserError } from '../src/errors.ts';
import type { CommandContext } from '../src/router/types.ts';
import type { Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { footer } from '../src/render/footer.ts';
import { core } from '../src/router/core.ts';
import { fmt, fmt1 } from '../src/text/format.ts';
import { derivedStatsFor, rankClassesForBuild, runesBetween } from '../src/runes/index.ts';
import { CLASSES, MAX_LEVEL, MAX_STAT, MIN_STAT, STAT_ABBREVIATIONS, STAT_KEYS, findClass, type Stat, type Stats } from '../src/game/classes.ts';

const BEST_OPTIONS = statOptions((stat) => `Target ${stat}`);
const INFO_OPTIONS = {
  name: string('Starting class', { required: true, choices: CLASSES.map((c) => ({ name: c.name, value: c.name })) }),
};

function statLine(stats: Stats, highlight: readonly Stat[] = []): string {
  return STAT_KEYS.map((k) => (highlight.includes(k) ? `**${STAT_ABBREVIATIONS[k]} ${stats[k]}**` : `${STAT_ABBREVIATIONS[k]} ${stats[k]}`)).join(' · ');
}

function classBest(_context: CommandContext, target: ArgsOf<typeof BEST_OPTIONS>): Reply {
  const given = STAT_KEYS.filter((k) => target[k] !== undefined);
  if (given.length === 0) {
    throw new UserError(`Give at least one target stat (${STAT_KEYS.join(', ')}), each from ${MIN_STAT} to ${MAX_STAT}, e.g. \`/class best strength:80 vigor:40\`.`);
  }
  const ranking = core(() => rankClassesForBuild(target));
  const best = ranking[0]!;
  const nameWidth = Math.max(...ranking.map((r) => r.class.name.length));
  const runesWidth = Math.max(...ranking.map((r) => fmt(r.runesNeeded).length));
  const rows = ranking.map((r) => {
    const wasted = Object.entries(r.wasted)
      .map(([stat, points]) => `${STAT_ABBREVIATIONS[stat as Stat]} ${points}`)
      .join(', ');
    return `${String(r.rank).padStart(2)}. ${r.class.name.padEnd(nameWidth)}  ${String(r.level).padStart(3)}  ${fmt(r.runesNeeded).padStart(runesWidth)}  ${r.totalWasted ? `${r.totalWasted} (${wasted})` : '0'}`;
  });
  const header = `${'#'.padStart(2)}  ${'Class'.padEnd(nameWidth)}  ${'Lvl'.padStart(3)}  ${'Runes'.padStart(runesWidth)}  Wasted`;
  const tied = ranking.filter((r) => r.rank === 1).map((r) => r.class.name);
  const lead =
    tied.length > 1
      ? `**${tied.join(', ')}** tie at **level ${best.level}**.`
      : `**${best.class.name}** gets there at **level ${best.level}**: ${best.levelsToGain} levels from level ${best.class.level}, ${fmt(best.runesNeeded)} runes${best.totalWasted ? `, wasting ${best.totalWasted} point${best.totalWasted === 1 ? '' : 's'}` : ', nothing wasted'}.`;
  const targetText = given.map((k) => `${STAT_ABBREVIATIONS[k]} ${target[k]}`).join(' · ');
  return {
    embeds: [
      {
        title: `Best starting class for ${targetText}`,
        color: BRAND_COLOR,
        description: [lead, '', '```', header, ...rows, '```'].join('\n'),
        fields: [{ name: `${best.class.name} at level ${best.level}`, value: statLine(best.finalStats, given) }],
        footer: footer([], {
          about:
            "Ranked by level, then runes needed, then wasted points. Lvl = level with every stat at max(class start, target); runes from the class's own starting level; wasted = points a class starts with above a target you set lower.",
        }),
      },
    ],
  };
}

function classInfo(_context: CommandContext, { name }: ArgsOf<typeof INFO_OPTIONS>): Reply {
  const cls = findClass(name);
  if (!cls) throw new UserError(`Classes: ${CLASSES.map((c) => c.name).join(', ')}.`); // the option's choices make this unreachable
  const derived = core(() => derivedStatsFor(cls.stats));
  const lines = [statLine(cls.stats), '', `Runes from level ${cls.level} to ${MAX_LEVEL}: ${fmt(core(() => runesBetween(cls.level, MAX_LEVEL)))}.`];
  return {
    embeds: [
      {
        title: `${cls.name}: level ${cls.level}`,
        color: BRAND_COLOR,
        description: lines.join('\n'),
        fields: [
          { name: 'HP', value: fmt(derived.hp ?? 0), inline: true },
          { name: 'FP', value: fmt(derived.fp ?? 0), inline: true },
          { name: 'Stamina', value: fmt(derived.stamina ?? 0), inline: true },
          { name: 'Equip load', value: fmt1(derived.equipLoad ?? 0), inline: true },
          { name: 'Discovery', value: fmt(derived.discovery ?? 0), inline: true },
          { name: 'Flasks', value: '3 Crimson · 1 Cerulean', inline: true },
        ],
        footer: footer(),
      },
    ],
  };
}

export const classCommand = defineCommand({
  name: 'class',
  description: 'Starting classes: the best one for a build, or one class in detail',
  subcommands: {
    best: leaf({ description: 'Rank the 10 starting classes for target stats (set any you care about)', options: BEST_OPTIONS, execute: classBest }),
    info: leaf({ description: "A starting class's level, stats, HP, FP, stamina, equip load and discovery", options: INFO_OPTIONS, execute: classInfo }),
  },
  examples: [
    { usage: '/class best strength:80 vigor:40', description: 'the starting class that reaches a build soonest' },
    { usage: '/class info name:Vagabond', description: 'one class: stats and derived stats' },
  ],
});
