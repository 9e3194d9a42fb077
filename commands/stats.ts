// /stats [vigor] [mind] [endurance] [arcane]: HP, FP, stamina, equip load and discovery from the
// game's current stat curves. With no stat given, the active character's stats are used.

import { defineCommand } from '../src/router/command.ts';
import { statOption } from '../src/router/gameOptions.ts';
import type { ArgsOf } from '../src/router/spec.ts';
import { UserError } from '../src/errors.ts';
import type { CommandContext } from '../src/router/types.ts';
import type { EmbedField, Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { footer } from '../src/render/footer.ts';
import { core } from '../src/router/core.ts';
import { fmt, fmt1 } from '../src/text/format.ts';
import { nameOf } from '../src/render/character.ts';
import { discoveryForArcane, equipLoadForEndurance, fpForMind, hpForVigor, staminaForEndurance } from '../src/runes/index.ts';
import { MAX_STAT, MIN_STAT } from '../src/game/classes.ts';

const OPTIONS = {
  vigor: statOption('Vigor: HP'),
  mind: statOption('Mind: FP'),
  endurance: statOption('Endurance: stamina and equip load'),
  arcane: statOption('Arcane: item discovery'),
};
const DERIVING = ['vigor', 'mind', 'endurance', 'arcane'] as const;
type Deriving = (typeof DERIVING)[number];

/** "1,450 (+24 at 41)": the value and what the next point adds. */
function withNext(value: number, next: number | null, format: (n: number) => string): string {
  if (next === null) return `${format(value)} (max)`;
  const gain = next - value;
  return `${format(value)} (next point ${gain >= 0 ? '+' : ''}${format === fmt1 ? fmt1(gain) : fmt(gain)})`;
}

async function execute(context: CommandContext, args: ArgsOf<typeof OPTIONS>): Promise<Reply> {
  const values: Partial<Record<Deriving, number>> = { ...args };
  let mine = '';
  if (Object.keys(values).length === 0) {
    const me = await context.activeCharacter();
    if (!me) {
      throw new UserError(`Give at least one of ${DERIVING.join(', ')} (each from ${MIN_STAT} to ${MAX_STAT}), or create a character with \`/character create\` to see its stats.`);
    }
    for (const stat of DERIVING) values[stat] = me.stats[stat];
    mine = `Stats of ${nameOf(me)}, level ${me.level}.`;
  }
  const next = (n: number) => (n < MAX_STAT ? n + 1 : null);
  const fields: EmbedField[] = [];
  const { vigor, mind, endurance, arcane } = values;
  if (vigor !== undefined) {
    const n = next(vigor);
    fields.push({ name: `HP (Vigor ${vigor})`, value: withNext(core(() => hpForVigor(vigor)), n === null ? null : core(() => hpForVigor(n)), fmt), inline: true });
  }
  if (mind !== undefined) {
    const n = next(mind);
    fields.push({ name: `FP (Mind ${mind})`, value: withNext(core(() => fpForMind(mind)), n === null ? null : core(() => fpForMind(n)), fmt), inline: true });
  }
  if (endurance !== undefined) {
    const n = next(endurance);
    fields.push({
      name: `Stamina (Endurance ${endurance})`,
      value: withNext(core(() => staminaForEndurance(endurance)), n === null ? null : core(() => staminaForEndurance(n)), fmt),
      inline: true,
    });
    fields.push({
      name: `Equip load (Endurance ${endurance})`,
      value: withNext(core(() => equipLoadForEndurance(endurance)), n === null ? null : core(() => equipLoadForEndurance(n)), fmt1),
      inline: true,
    });
  }
  if (arcane !== undefined) {
    const n = next(arcane);
    fields.push({
      name: `Discovery (Arcane ${arcane})`,
      value: withNext(core(() => discoveryForArcane(arcane)), n === null ? null : core(() => discoveryForArcane(n)), fmt),
      inline: true,
    });
  }
  return {
    embeds: [
      {
        title: 'Derived stats',
        color: BRAND_COLOR,
        ...(mine ? { description: mine } : {}),
        fields,
        footer: footer([], { about: 'HP, FP and stamina floored, equip load to 0.1, as the game shows them; talismans and gear not counted.' }),
      },
    ],
  };
}

export const stats = defineCommand({
  name: 'stats',
  description: 'HP, FP, stamina, equip load and discovery for stat values',
  options: OPTIONS,
  execute,
  examples: [
    { usage: '/stats vigor:40 mind:10 endurance:10', description: 'HP, FP, stamina and equip load' },
    { usage: '/stats', description: "your active character's derived stats" },
  ],
});
