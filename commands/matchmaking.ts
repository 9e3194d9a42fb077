// /matchmaking level:<n> [weapon_level] [somber]: co-op and invasion level ranges and the weapon-level
// range. Community-tested figures, not game data: the reply says so and links the original post.

import { defineCommand } from '../src/router/command.ts';
import { boolean, integer, validValues, type ArgsOf } from '../src/router/spec.ts';
import { UserError } from '../src/errors.ts';
import type { CommandContext } from '../src/router/types.ts';
import type { EmbedField, Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { core } from '../src/router/core.ts';
import { footer } from '../src/render/footer.ts';
import { nameOf } from '../src/render/character.ts';
import { matchmakingFor, matchmakingWeapon } from '../src/runes/index.ts';
import { MAX_LEVEL, MIN_LEVEL } from '../src/game/classes.ts';
import { MATCHMAKING_SOURCES } from '../src/game/matchmakingTables.ts';

const OPTIONS = {
  level: integer('Your rune level; default: your active character', { min: MIN_LEVEL, max: MAX_LEVEL, noun: 'a level' }),
  weapon_level: integer('Highest weapon upgrade you ever held (somber weapons go to +10)', { min: 0, max: 25, noun: 'a weapon upgrade level' }),
  somber: boolean('weapon_level is a somber level (+0 to +10)'),
};

function range(r: { min: number; max: number } | null, plusSign = false): string {
  if (!r) return 'none';
  const p = plusSign ? '+' : '';
  return r.min === r.max ? `${p}${r.min}` : `${p}${r.min} to ${p}${r.max}`;
}

async function execute(context: CommandContext, args: ArgsOf<typeof OPTIONS>): Promise<Reply> {
  let level = args.level;
  let weaponLevel = args.weapon_level;
  const somberGiven = args.somber !== undefined;
  let somber = args.somber ?? false;
  const me = level === undefined || weaponLevel === undefined ? await context.activeCharacter() : null;
  const used: string[] = [];
  if (level === undefined) {
    if (!me) throw new UserError(`Give \`level\` (${validValues(OPTIONS.level)}), or create a character with \`/character create\` and I will use its level.`);
    level = me.level;
    used.push('level');
  }
  if (weaponLevel === undefined && me) {
    const weapon = core(() => matchmakingWeapon(me.maxUpgrade, somberGiven ? somber : undefined));
    weaponLevel = weapon.level;
    somber = weapon.somber;
    used.push('highest weapon upgrade');
  }
  if (weaponLevel !== undefined && somber && weaponLevel > 10) {
    throw new UserError(`A somber weapon goes up to +10: \`weapon_level\` must be from 0 to 10 with \`somber:true\` (you gave ${weaponLevel}).`);
  }
  const summary = core(() => matchmakingFor(level, weaponLevel, somber));
  const ranges = summary.level;
  const fields: EmbedField[] = [
    { name: 'Co-op and duels, as host', value: `You can summon levels **${range(ranges.summon)}**`, inline: true },
    { name: 'Summoned to others', value: `Hosts of levels **${range(ranges.joinHosts)}**`, inline: true },
    { name: 'Invading', value: `Hosts of levels **${range(ranges.invade)}**`, inline: true },
    { name: 'Invaded by', value: `Levels **${range(ranges.invadedBy)}**`, inline: true },
  ];
  const weapon = summary.weapon;
  if (weapon) {
    fields.push({
      name: `Weapon level +${weapon.weaponLevel}${weapon.somber ? ' (somber)' : ''}`,
      value: `Matches regular **${range(weapon.regular, true)}** and somber **${range(weapon.somberRange, true)}**`,
    });
  }
  const lines = [
    `Community-tested figures, not game data: [r/Eldenring “Unofficial Matchmaking Information” (2022)](${MATCHMAKING_SOURCES.R1}).`,
    'With a multiplayer password, summons ignore these limits (the stronger player is scaled down); invasions can still happen.',
  ];
  if (!weapon) lines.push('Add `weapon_level` for the weapon range: you match players whose highest weapon is in range, too.');
  if (used.length && me) lines.push(`Using ${used.join(' and ')} from ${nameOf(me)} (level ${me.level}).`);
  return {
    embeds: [
      {
        title: `Matchmaking at level ${level}`,
        color: BRAND_COLOR,
        description: lines.join('\n'),
        fields,
        // One note line: the disputed +22 range when it is shown, else that the figures are community tests.
        footer: footer(
          [...summary.notes].sort((a, b) => Number(b.id === 'matchmaking-weapon-22') - Number(a.id === 'matchmaking-weapon-22')),
          { gameData: false },
        ),
      },
    ],
  };
}

export const matchmaking = defineCommand({
  name: 'matchmaking',
  description: 'Co-op, invasion and weapon-level matchmaking ranges (community-tested)',
  options: OPTIONS,
  execute,
  examples: [
    { usage: '/matchmaking level:150 weapon_level:25', description: 'co-op and invasion ranges with a +25 weapon' },
    { usage: '/matchmaking level:125 weapon_level:10 somber:true', description: 'with a somber +10 weapon' },
  ],
});
