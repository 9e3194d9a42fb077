// /enemy name:<enemy or boss> [gold_scarab] [fowl_foot] [area]: the runes an enemy drops where it is met,
// in the first journey and every NG+ cycle, with the boosts as /runes gain applies them, and a boss's
// reward alone and in co-op. Every number comes from src/farming (the game data and the rune core).

import { defineCommand } from '../src/router/command.ts';
import { boolean, integer, string, type ArgsOf } from '../src/router/spec.ts';
import type { AutocompleteContext } from '../src/router/types.ts';
import type { Choice, EmbedField, Reply } from '../src/render/types.ts';
import { BRAND_COLOR } from '../src/render/style.ts';
import { footer } from '../src/render/footer.ts';
import { core } from '../src/router/core.ts';
import { UserError } from '../src/errors.ts';
import { escapeUserText, truncate } from '../src/text/escape.ts';
import { fmt, list } from '../src/text/format.ts';
import { mergeNotes, type Note } from '../src/game/confidence.ts';
import { NOTES as RUNE_GAIN_NOTES } from '../src/runes/runeGain.ts';
import { GOLD_PICKLED_FOWL_FOOT, GOLD_SCARAB, type NgAreaMultiplier } from '../src/game/runeGainModifiers.ts';
import { enemyDrops, getFarming, runesByCycle, type Boosts, type EnemyEntry, type Farming, type RunesByCycle } from '../src/farming/index.ts';

/** Places listed on a card; the rest are counted. */
const MAX_PLACES = 12;
/** Columns of the by-journey table (the highest drops). */
const MAX_COLUMNS = 3;

const OPTIONS = {
  name: string('The enemy or boss, or as much of its name as you remember', { required: true, maxLength: 100, autocomplete: nameChoices }),
  gold_scarab: boolean('Gold Scarab talisman equipped (+20%)'),
  fowl_foot: boolean('Gold-Pickled Fowl Foot active (+30% for 180 s)'),
  area: integer('NG+ first-cycle area multiplier (5 in the earliest areas, 2 late game and DLC)', { min: 2, max: 5, noun: 'an NG+ area multiplier' }),
};

function requireFarming(): Farming {
  const farming = getFarming();
  if (!farming) throw new UserError('The enemy data is not built yet: run `npm run build-data`.');
  return farming;
}

function nameChoices({ query }: AutocompleteContext): Choice[] {
  const farming = getFarming();
  if (!farming) return [];
  return farming.index.search(query, 25).map(({ entry }) => ({ name: truncate(choiceLabel(entry), 100), value: truncate(entry.name, 100), typed: entry.name }));
}

/** "Bloodbane Albinauric · 2,044 runes · Mohgwyn Palace", "Black Blade Kindred · boss · 60,000–88,000". */
function choiceLabel(entry: EnemyEntry): string {
  const drops = enemyDrops(entry);
  const parts = [entry.name];
  if (entry.bosses.length) {
    const rewards = entry.bosses.map((b) => b.single);
    const low = Math.min(...rewards);
    const high = Math.max(...rewards);
    parts.push(`boss ${low === high ? fmt(high) : `${fmt(low)}–${fmt(high)}`}`);
  } else if (drops.values.length) {
    const low = drops.values[drops.values.length - 1]!;
    const high = drops.values[0]!;
    parts.push(`${low === high ? fmt(high) : `${fmt(low)}–${fmt(high)}`} runes`);
  }
  const where = new Set([...drops.places.map((p) => p.place), ...entry.bosses.map((b) => b.place).filter((p): p is string => p !== null)]);
  parts.push(where.size === 1 ? [...where][0]! : `${fmt(where.size)} places`);
  if (entry.dlc) parts.push('DLC');
  return parts.join(' · ');
}

function range(min: number, max: number): string {
  return min === max ? fmt(min) : `${fmt(min)}–${fmt(max)}`;
}

/** Rows NG … NG+7 against up to three drops: a monospaced table. */
function cycleTable(columns: readonly RunesByCycle[]): string {
  const header = ['Journey', ...columns.map((c) => `${fmt(c.base)} base`)];
  const rows = columns[0]!.cycles.map((cycle, i) => [cycle.cycle === 0 ? 'NG' : cycle.cycle === 7 ? 'NG+7 on' : `NG+${cycle.cycle}`, ...columns.map((c) => range(c.cycles[i]!.min, c.cycles[i]!.max))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return '```\n' + [line(header), ...rows.map(line)].join('\n') + '\n```';
}

function boostsOf(args: ArgsOf<typeof OPTIONS>): Boosts {
  return {
    goldScarab: args.gold_scarab ?? false,
    fowlFoot: args.fowl_foot ?? false,
    ...(args.area !== undefined ? { ngAreaMultiplier: args.area as NgAreaMultiplier } : {}),
  };
}

function boostWords(boosts: Boosts): string {
  const on = [boosts.goldScarab ? `${GOLD_SCARAB.name} ×1.2` : '', boosts.fowlFoot ? `${GOLD_PICKLED_FOWL_FOOT.name} ×1.3` : ''].filter(Boolean);
  return on.length ? `With ${list(on)}.` : 'No boosts: add `gold_scarab` or `fowl_foot`.';
}

/** Lines up to MAX_PLACES and within a field's 1,024 characters, then how many were left out. */
function fitLines(lines: readonly string[], what: string): string {
  const budget = 1024 - 40;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines.slice(0, MAX_PLACES)) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  if (kept.length < lines.length) kept.push(`…and ${fmt(lines.length - kept.length)} more ${what}.`);
  return kept.join('\n');
}

function placeLines(entry: EnemyEntry): string {
  const { places } = enemyDrops(entry);
  const lines = places.map((p) => {
    const variants = p.variants.length ? ` (${escapeUserText(p.variants.join('; '))})` : '';
    const dlc = p.dlc ? ' · DLC' : '';
    const runes = p.runes.some((r) => r > 0) ? `${p.runes.filter((r) => r > 0).map(fmt).join(' or ')} runes` : p.boss && entry.bosses.length ? 'boss: its reward is below' : 'no runes';
    return `• **${escapeUserText(p.place)}**${variants}: ${runes}${dlc}`;
  });
  return fitLines(lines, 'places');
}

function bossLines(entry: EnemyEntry): string {
  const lines = entry.bosses.map((b) => {
    const where = b.place ? `**${escapeUserText(b.place)}**` : '**(unnamed place)**';
    const variant = b.variant ? ` (${escapeUserText(b.variant)})` : '';
    const coop = b.multi === b.single ? `${fmt(b.single)} runes, alone or with cooperators` : `${fmt(b.single)} runes alone · ${fmt(b.multi)} with cooperators`;
    return `• ${where}${variant}: ${coop}`;
  });
  return fitLines(lines, 'places');
}

export function enemyCard(entry: EnemyEntry, boosts: Boosts, patch: string): Reply {
  const drops = enemyDrops(entry);
  const fields: EmbedField[] = [];
  const notes: Note[][] = [];
  const lines: string[] = [];
  if (drops.values.length === 1) lines.push(`**${fmt(drops.values[0]!)} runes** a kill in the first journey, before boosts.`);
  else if (drops.values.length > 1) lines.push(`**${fmt(drops.values[drops.values.length - 1]!)} to ${fmt(drops.values[0]!)} runes** a kill in the first journey, before boosts, depending on the place.`);
  else if (!entry.bosses.length) lines.push('It drops no runes where it is met.');
  if (entry.bosses.length) {
    const rewards = [...new Set(entry.bosses.map((b) => b.single))].sort((a, b) => b - a);
    lines.push(`Boss reward: **${rewards.length === 1 ? fmt(rewards[0]!) : `${fmt(rewards[rewards.length - 1]!)} to ${fmt(rewards[0]!)}`} runes** in the first journey, before boosts.`);
  }
  lines.push(boostWords(boosts));
  if (entry.rows.length) fields.push({ name: 'Where it is met', value: placeLines(entry) });
  if (drops.values.length) {
    const columns = drops.values.slice(0, MAX_COLUMNS).map((value) => core(() => runesByCycle(value, boosts)));
    notes.push(...columns.map((c) => c.notes));
    fields.push({ name: drops.values.length > MAX_COLUMNS ? `Runes a kill by journey (the ${MAX_COLUMNS} highest drops)` : 'Runes a kill by journey', value: cycleTable(columns) });
  }
  if (entry.bosses.length) {
    fields.push({ name: 'Boss reward (the host)', value: bossLines(entry) });
    const rewards = [...new Set(entry.bosses.map((b) => b.single).filter((r) => r > 0))].sort((a, b) => b - a).slice(0, MAX_COLUMNS);
    if (rewards.length) {
      const columns = rewards.map((value) => core(() => runesByCycle(value, boosts)));
      notes.push(...columns.map((c) => c.notes));
      fields.push({ name: 'Boss reward by journey', value: cycleTable(columns) });
    }
  }
  const ranged = boosts.ngAreaMultiplier === undefined && (drops.values.length > 0 || entry.bosses.length > 0);
  if (ranged) lines.push('NG+ figures are ranges: the first NG+ multiplies by ×2 to ×5 depending on the area; give `area` for one figure.');
  // That line says what the rune core's area note says, and how to narrow it: the footer need not repeat it.
  const footerNotes = mergeNotes(...notes).filter((note) => !(ranged && note.id === RUNE_GAIN_NOTES.ngArea.id));
  return {
    embeds: [
      {
        color: BRAND_COLOR,
        title: `${entry.name}${entry.dlc ? ' · Shadow of the Erdtree' : ''}`,
        description: lines.join('\n'),
        fields,
        footer: footer(footerNotes, { patch }),
      },
    ],
  };
}

function notFound(query: string): Reply {
  return {
    ephemeral: true,
    refused: true,
    content: `No enemy or boss matches “${escapeUserText(query.slice(0, 100))}”. Give a name such as \`Bloodbane Albinauric\` or \`Black Blade Kindred\` (the list completes as you type); check the spelling, or type fewer letters.`,
  };
}

export const enemy = defineCommand({
  name: 'enemy',
  description: 'Runes an enemy drops or a boss awards, where, in every NG+ cycle, with boosts',
  options: OPTIONS,
  examples: [
    { usage: '/enemy name:Bloodbane Albinauric', description: 'runes a kill, where it is met, and per NG+ cycle' },
    { usage: '/enemy name:Black Blade Kindred gold_scarab:true', description: "a boss's reward, alone and in co-op, with Gold Scarab" },
    { usage: '/enemy name:albinauric area:2', description: 'every place an enemy is met; NG+ figures for a ×2 area' },
  ],
  execute(_context, args) {
    const farming = requireFarming();
    const query = args.name.trim();
    if (!query) throw new UserError('Give `name`: an enemy or boss, e.g. `/enemy name:Bloodbane Albinauric`.');
    const { best } = farming.index.lookup(query);
    if (!best) return notFound(query);
    const reply = enemyCard(best.entry, boostsOf(args), farming.data.patch);
    return best.tier <= 1 ? reply : { ...reply, content: `Closest match for “${escapeUserText(query.slice(0, 100))}”:` };
  },
});
