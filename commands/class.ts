// /class best <stats…>: every starting class ranked for a target build (resulting level, wasted points).
// /class info name:<class>: a class's level, stats and derived stats.

import { slashCommand } from '../src/router/define.ts';
import { UserError } from '../src/errors.ts';
import type { CommandContext, CommandModule } from '../src/router/types.ts';
import type { Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { SOURCES, core, fmt, fmt1, footer, readText, readInt, shown } from '../src/render/runes.ts';
import { derivedStatsFor, rankClassesForBuild, runesBetween } from '../src/runes/index.ts';
import { CLASSES, MAX_LEVEL, MAX_STAT, MIN_STAT, STAT_ABBREVIATIONS, STAT_KEYS, findClass, type Stat, type Stats } from '../src/game/classes.ts';

const STAT = { min: MIN_STAT, max: MAX_STAT, what: `a stat value from ${MIN_STAT} to ${MAX_STAT}` };

function statLine(stats: Stats, highlight: readonly Stat[] = []): string {
  return STAT_KEYS.map((k) => (highlight.includes(k) ? `**${STAT_ABBREVIATIONS[k]} ${stats[k]}**` : `${STAT_ABBREVIATIONS[k]} ${stats[k]}`)).join(' · ');
}

function classBest(context: CommandContext): Reply {
  const target: Partial<Stats> = {};
  for (const stat of STAT_KEYS) {
    const value = readInt(context.options, stat, STAT);
    if (value !== undefined) target[stat] = value;
  }
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
        footer: footer(
          `${SOURCES.classes}\nRanked by level, then runes needed, then wasted points. Lvl = level with every stat at max(class start, target); runes from the class's own starting level; wasted = points a class starts with above a target you set lower.`,
        ),
      },
    ],
  };
}

function classInfo(context: CommandContext): Reply {
  const name = readText(context.options, 'name', 40);
  const names = CLASSES.map((c) => c.name).join(', ');
  if (name === undefined) throw new UserError(`\`name\` is required: one of ${names}.`);
  const cls = findClass(name);
  if (!cls) throw new UserError(`“${shown(name)}” is not a starting class. Classes: ${names}.`);
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
        footer: footer(`${SOURCES.classes}\n${SOURCES.derived}`),
      },
    ],
  };
}

function execute(context: CommandContext): Reply {
  switch (context.request.subcommand) {
    case 'best':
      return classBest(context);
    case 'info':
      return classInfo(context);
    default:
      throw new UserError('Use `/class best` (rank the classes for a build) or `/class info` (one class).');
  }
}

export const classCommand: CommandModule = {
  data: slashCommand('class', 'Starting classes: the best one for a build, or one class in detail')
    .addSubcommand((s) => {
      s.setName('best').setDescription('Rank the 10 starting classes for target stats (set any you care about)');
      for (const stat of STAT_KEYS) {
        s.addIntegerOption((o) => o.setName(stat).setDescription(`Target ${stat} (${MIN_STAT}-${MAX_STAT})`).setMinValue(MIN_STAT).setMaxValue(MAX_STAT));
      }
      return s;
    })
    .addSubcommand((s) =>
      s
        .setName('info')
        .setDescription("A starting class's level, stats, HP, FP, stamina, equip load and discovery")
        .addStringOption((o) =>
          o
            .setName('name')
            .setDescription('Starting class')
            .setRequired(true)
            .addChoices(...CLASSES.map((c) => ({ name: c.name, value: c.name }))),
        ),
    ),
  examples: [
    { usage: '/class best strength:80 vigor:40', description: 'the starting class that reaches a build soonest' },
    { usage: '/class info name:Vagabond', description: 'one class: stats and derived stats' },
  ],
  execute,
};
