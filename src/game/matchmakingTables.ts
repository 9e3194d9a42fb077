// Multiplayer matchmaking ranges. COMMUNITY-TESTED figures, not game data: the game's parameter file
// does not hold them. Sources, cited by their original publisher:
//
// [R1] r/Eldenring "Unofficial Matchmaking Information" (u/Cyklov, March 2022; tested with the Festering
//      Bloody Finger for invasions and the Duelist's finger for everything else, no passwords; table by
//      u/N0VERCL0CKER), https://www.reddit.com/r/Eldenring/comments/t7620i/unofficial_matchmaking_information/
// [R2] r/EldenRingPVP "Elden Ring Rune Level and Weapon Level Matchmaking" (2025 repost of R1's table),
//      https://www.reddit.com/r/EldenRingPVP/comments/1il0azj/elden_ring_rune_level_and_weapon_level_matchmaking/
// [F1] Fextralife wiki, Multiplayer Coop and Online: a multiplayer password does not avoid invasions,
//      https://eldenring.wiki.fextralife.com/Multiplayer+Coop+and+Online
//
// Conflicts:
// - R2 lists regular +22 as matching +18–+25; R1 lists +17–+25. R1's own formula (upper limit =
//   round(7/6·WL + 2.5)) gives +17 (a +17 host reaches up to +22), so we keep R1 and flag it.
// - Several calculator pages give other rules (weapon level ±2, or ±15 %; invasions "±(10 + 20 %)";
//   floor(0.9L) − 1). They cite no tests and contradict R1; ignored.
// - R1: "multiplayer passwords ignore RL/WL restrictions but scales down accordingly"; one blog quotes a
//   reader saying weapon level still mattered with a password. Noted, R1 kept.

import type { Note } from './confidence.ts';

export const MATCHMAKING_SOURCES = {
  R1: 'https://www.reddit.com/r/Eldenring/comments/t7620i/unofficial_matchmaking_information/',
  R2: 'https://www.reddit.com/r/EldenRingPVP/comments/1il0azj/elden_ring_rune_level_and_weapon_level_matchmaking/',
  F1: 'https://eldenring.wiki.fextralife.com/Multiplayer+Coop+and+Online',
} as const;

/**
 * Rune-level ranges as exact rationals: lower = (lowerNum·L + lowerAdd)/10, upper = (upperNum·L + upperAdd)/10.
 * Co-op (gold signs) and duels (red signs), for the host: 0.9·L − 10 … 1.1·L + 10 [R1].
 * Invasions, for the invader: 0.9·L … 1.1·L + 20 [R1].
 * R1: "Upper limit is removed for RL306 for summoned as finger, RL301 for invading as a finger". We read
 * it as the finger user's own range: from RL 306 a host (Furlcalling Finger) sees signs up to 713, and
 * from RL 301 an invader (Bloody Finger) reaches hosts up to 713.
 */
export const LEVEL_RANGE_RULES = {
  coop: { lowerNum: 9, lowerAdd: -100, upperNum: 11, upperAdd: 100, uncappedFrom: 306 },
  invasion: { lowerNum: 9, lowerAdd: 0, upperNum: 11, upperAdd: 200, uncappedFrom: 301 },
} as const;

export interface WeaponMatchRow {
  /** Highest regular upgrade ever held (0..25). */
  regularLevel: number;
  /** The somber level that matches like this regular level, when one does (R1's "Spec" column). */
  somberEquivalent: number | null;
  regular: readonly [number, number];
  somber: readonly [number, number];
}

function row(regularLevel: number, somberEquivalent: number | null, regular: [number, number], somber: [number, number]): WeaponMatchRow {
  return { regularLevel, somberEquivalent, regular, somber };
}

/** R1's table, row by row: for a player whose highest weapon is +regularLevel, the ranges they match. */
export const WEAPON_MATCH_TABLE: readonly WeaponMatchRow[] = [
  row(0, 0, [0, 3], [0, 1]),
  row(1, null, [0, 4], [0, 1]),
  row(2, 1, [0, 5], [0, 2]),
  row(3, null, [0, 6], [0, 2]),
  row(4, null, [1, 7], [1, 3]),
  row(5, 2, [2, 8], [1, 3]),
  row(6, null, [3, 10], [2, 4]),
  row(7, 3, [4, 11], [2, 4]),
  row(8, null, [5, 12], [2, 5]),
  row(9, null, [6, 13], [3, 5]),
  row(10, 4, [6, 14], [3, 5]),
  row(11, null, [7, 15], [3, 6]),
  row(12, 5, [8, 17], [4, 7]),
  row(13, null, [9, 18], [4, 7]),
  row(14, null, [10, 19], [4, 7]),
  row(15, 6, [11, 20], [5, 8]),
  row(16, null, [12, 21], [5, 8]),
  row(17, 7, [12, 22], [5, 9]),
  row(18, null, [13, 24], [6, 9]),
  row(19, null, [14, 25], [6, 10]),
  row(20, 8, [15, 25], [6, 10]),
  row(21, null, [16, 25], [7, 10]),
  row(22, 9, [17, 25], [7, 10]), // R2 says 18–25 here: see the conflict above
  row(23, null, [18, 25], [8, 10]),
  row(24, null, [18, 25], [8, 10]),
  row(25, 10, [19, 25], [8, 10]),
];

export const MATCHMAKING_NOTES = {
  communityTested: {
    id: 'matchmaking-community-tested',
    confidence: 'community-tested',
    text: 'Matchmaking ranges are community-tested (2022, no password), not game data; later patches may differ.',
    sources: [MATCHMAKING_SOURCES.R1],
  },
  boundaries: {
    id: 'matchmaking-boundaries',
    confidence: 'assumed',
    text: 'Sources give the level limits as formulas without rounding; we treat them as exact bounds (level 125: 102.5 to 147.5 gives 103 to 147).',
  },
  uncapped: {
    id: 'matchmaking-uncapped',
    confidence: 'community-tested',
    text: "One test reports that the upper limit is removed (anyone up to 713) from level 306 for the summoning side and from 301 for an invader; the source's wording is terse, and we apply it to the host's summon range and the invader's range.",
    sources: [MATCHMAKING_SOURCES.R1],
  },
  weaponHighest: {
    id: 'matchmaking-highest-weapon',
    confidence: 'community-tested',
    text: 'Weapon matchmaking uses the highest upgrade level you have ever held, even if that weapon is stored or gone.',
    sources: [MATCHMAKING_SOURCES.R1],
  },
  weaponConflict: {
    id: 'matchmaking-weapon-22',
    confidence: 'conflict',
    text: 'A 2025 repost of the weapon table lists +22 as matching +18 to +25; the original test and its formula give +17 to +25 (used here).',
    sources: [MATCHMAKING_SOURCES.R1, MATCHMAKING_SOURCES.R2],
  },
  password: {
    id: 'matchmaking-password',
    confidence: 'community-tested',
    text: 'With the same multiplayer password, summons ignore the level and weapon limits and a stronger player is scaled down; a password does not prevent invasions.',
    sources: [MATCHMAKING_SOURCES.R1, MATCHMAKING_SOURCES.F1],
  },
  passwordConflict: {
    id: 'matchmaking-password-conflict',
    confidence: 'conflict',
    text: 'One blog quotes a player saying weapon level still mattered with a password; the tested source says passwords ignore it.',
  },
} as const satisfies Record<string, Note>;
