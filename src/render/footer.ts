// The footer of a reply: the data source and, per confidence note the core returns, a few words.

import type { Note } from '../game/confidence.ts';

export const SOURCES = {
  levels: 'Level costs: exact integer form of the game formula (CalcCorrectGraph row 200, regulation 1.09/1.10; mechanics.md §1)',
  classes: 'Classes: CharaInitParam 3000–3009, regulation 1.09/1.10 (mechanics.md §2)',
  derived: 'Derived stats: CalcCorrectGraph curves, patch 1.04+ values (regulation 1.09/1.10; mechanics.md §3)',
  runeItems: 'Rune values: SpEffectParam.soul, regulation 1.10; DLC from one post-DLC source (mechanics.md §4)',
  runeGain: 'Rune gain: SpEffectParam soulRate and ClearCountCorrectParam, regulation 1.09/1.10 (mechanics.md §5)',
  upgrades: 'Stones, prices and rates: EquipMtrlSetParam, ShopLineupParam, ReinforceParamWeapon, regulation 1.09/1.10 (mechanics.md §6)',
  death: 'Death rules: in-game text and published guides (mechanics.md §7)',
} as const;

const CONFIDENCE_WORDS: Record<Note['confidence'], string> = {
  verified: 'verified',
  'single-source': 'single source',
  conflict: 'sources disagree',
  unverified: 'unverified',
  assumed: 'assumed',
  'community-tested': 'community-tested',
};

/** A few words per note id the core returns; unknown ids fall back to the note's own sentence. */
const BRIEF: Record<string, string> = {
  'rune-gain-stacking': 'Scarab + Fowl Foot stacking: assumed ×1.56 (×1.5 if additive)',
  'fowl-foot-value': 'Fowl Foot +30% for 180 s: single source',
  'rune-gain-rounding': 'rounding of boosted runes: assumed (floored once)',
  'ng-area-multiplier': 'NG+ first-cycle area multiplier ×2–×5: single source',
  'ng-cycle-cap': 'rune scaling stops at NG+7',
  'farm-ng-area-conservative': 'NG+ without an area multiplier: counted at ×2, so the run count is an upper bound',
  'fowl-foot-shop': 'Patches sells Gold-Pickled Fowl Feet for 600 runes each (3 in stock)',
  'upgrade-target-rate': 'per-step rune rates: single source (erdb reading of the params)',
  'upgrade-round-half-even': 'a step ending in .5 was rounded to even: assumed',
  'bell-bearing-unlocks': 'which bell bearing unlocks which stone: single source (inferred from flag order)',
  'spirit-ash-materials': 'spirit ash materials: single source (params)',
  'spirit-ash-runes': 'spirit ash rune costs: single source (params)',
  'death-gostoc-claim': 'claim that Gostoc steals 10% of your runes on death: unverified',
  'matchmaking-community-tested': 'matchmaking ranges: community-tested (r/Eldenring "Unofficial Matchmaking Information", 2022), not game data',
  'matchmaking-boundaries': 'level bounds rounded inward: assumed',
  'matchmaking-uncapped': 'no upper level limit from 306 (summoning) / 301 (invading): community-tested',
  'matchmaking-highest-weapon': 'uses the highest weapon upgrade you ever held: community-tested',
  'matchmaking-weapon-22': '+22 weapon range: sources disagree (+17 or +18 lower bound; +17 used)',
  'matchmaking-password': 'with a password summons ignore the limits (scaled down); invasions still happen',
  'matchmaking-password-conflict': 'password vs weapon level: sources disagree',
};

/** Notes whose text starts with the item names they concern ("A, B: caveat"): keep the names. */
const NAMED_NOTES = new Set(['dlc-rune-values', 'dlc-remembrance-values', 'unconfirmed-dlc-items', 'lands-between-rune']);

export function briefNote(note: Note): string {
  const brief = BRIEF[note.id];
  if (brief) return brief;
  if (NAMED_NOTES.has(note.id)) {
    const colon = note.text.indexOf(': ');
    const names = colon > 0 ? note.text.slice(0, colon) : '';
    return names ? `${names}: ${CONFIDENCE_WORDS[note.confidence]} value` : `${CONFIDENCE_WORDS[note.confidence]}: ${note.text}`;
  }
  return `${CONFIDENCE_WORDS[note.confidence]}: ${note.text}`;
}

/** Footer: the source line, then one short line per note (marked ⚠). Plain text (footers show no markdown). */
export function footer(source: string, notes: readonly Note[] = []): string {
  const seen = new Set<string>();
  const lines = [source];
  for (const note of notes) {
    if (seen.has(note.id)) continue;
    seen.add(note.id);
    lines.push(`⚠ ${briefNote(note)}`);
  }
  return lines.join('\n');
}
