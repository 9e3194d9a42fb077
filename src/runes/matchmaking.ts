// Multiplayer matchmaking ranges for a rune level and a weapon upgrade level. Community-tested
// figures, not game data: see src/game/matchmakingTables.ts for the sources and conflicts.
// Errors: TypeError / RangeError as described in validate.ts.

import { MAX_LEVEL, MIN_LEVEL } from '../game/classes.ts';
import { mergeNotes, type Note } from '../game/confidence.ts';
import { LEVEL_RANGE_RULES, MATCHMAKING_NOTES, WEAPON_MATCH_TABLE, type WeaponMatchRow } from '../game/matchmakingTables.ts';
import { requireBoolean, requireInteger, requireObject } from './validate.ts';

export interface LevelRange {
  min: number;
  max: number;
}

type Rule = (typeof LEVEL_RANGE_RULES)[keyof typeof LEVEL_RANGE_RULES];

function ceilDiv(num: number, den: number): number {
  return -Math.floor(-num / den);
}

/** Integer levels x with lower(L) ≤ x ≤ upper(L), clamped to 1..713, exact rational bounds. */
function forwardRange(rule: Rule, level: number): LevelRange {
  const min = Math.max(MIN_LEVEL, ceilDiv(rule.lowerNum * level + rule.lowerAdd, 10));
  const max = level >= rule.uncappedFrom ? MAX_LEVEL : Math.min(MAX_LEVEL, Math.floor((rule.upperNum * level + rule.upperAdd) / 10));
  return { min, max };
}

/** Levels whose forward range contains `level` (the other side of the same rule); contiguous because both bounds grow with level. */
function reverseRange(rule: Rule, level: number): LevelRange | null {
  let min = 0;
  let max = 0;
  for (let other = MIN_LEVEL; other <= MAX_LEVEL; other++) {
    const range = forwardRange(rule, other);
    if (range.min <= level && level <= range.max) {
      if (min === 0) min = other;
      max = other;
    }
  }
  return min === 0 ? null : { min, max };
}

export interface LevelMatchRanges {
  level: number;
  /** As host: levels of players you can summon (co-op and duel signs). */
  summon: LevelRange;
  /** As a summoned player: host levels whose world you can join (derived from the same rule). */
  joinHosts: LevelRange | null;
  /** As an invader: host levels you can invade. */
  invade: LevelRange;
  /** As a host: levels of invaders who can reach you (derived from the same rule). */
  invadedBy: LevelRange | null;
  notes: Note[];
}

/** Co-op/duel and invasion level ranges for rune level 1..713 (community-tested). */
export function levelMatchRanges(level: number): LevelMatchRanges {
  requireInteger('level', level, MIN_LEVEL, MAX_LEVEL);
  const notes: Note[] = [MATCHMAKING_NOTES.communityTested, MATCHMAKING_NOTES.boundaries, MATCHMAKING_NOTES.password];
  // The uncapped rule changes this level's ranges when it is itself uncapped, or when it lies in the
  // range of the lowest uncapped level (reverse ranges).
  const { coop, invasion } = LEVEL_RANGE_RULES;
  if (level >= Math.min(forwardRange(coop, coop.uncappedFrom).min, forwardRange(invasion, invasion.uncappedFrom).min)) {
    notes.push(MATCHMAKING_NOTES.uncapped);
  }
  return {
    level,
    summon: forwardRange(LEVEL_RANGE_RULES.coop, level),
    joinHosts: reverseRange(LEVEL_RANGE_RULES.coop, level),
    invade: forwardRange(LEVEL_RANGE_RULES.invasion, level),
    invadedBy: reverseRange(LEVEL_RANGE_RULES.invasion, level),
    notes,
  };
}

export interface WeaponMatchRange {
  weaponLevel: number;
  somber: boolean;
  /** Range of regular (+0..+25) highest levels you match. */
  regular: LevelRange;
  /** Range of somber (+0..+10) highest levels you match. */
  somberRange: LevelRange;
  /** The table row used (for a somber weapon, the row of its regular equivalent). */
  row: WeaponMatchRow;
  notes: Note[];
}

/** Weapon-level matchmaking for the highest upgrade ever held: regular 0..25, or somber 0..10 (community-tested). */
export function weaponMatchRange(weaponLevel: number, somber = false): WeaponMatchRange {
  requireBoolean('somber', somber);
  requireInteger('weaponLevel', weaponLevel, 0, somber ? 10 : 25);
  const row = somber ? WEAPON_MATCH_TABLE.find((r) => r.somberEquivalent === weaponLevel)! : WEAPON_MATCH_TABLE[weaponLevel]!;
  const notes: Note[] = [MATCHMAKING_NOTES.communityTested, MATCHMAKING_NOTES.weaponHighest, MATCHMAKING_NOTES.password, MATCHMAKING_NOTES.passwordConflict];
  if (row.regularLevel === 22) notes.push(MATCHMAKING_NOTES.weaponConflict);
  return {
    weaponLevel,
    somber,
    regular: { min: row.regular[0], max: row.regular[1] },
    somberRange: { min: row.somber[0], max: row.somber[1] },
    row,
    notes,
  };
}

/**
 * R1's summary formula for the regular table: a +w player reaches up to round(7/6·w + 2.5) (capped at 25),
 * halves rounded up; the lower limit is the smallest level whose upper limit reaches w. Exported so the
 * tests can show the literal table is consistent with it.
 */
export function regularUpperLimitFormula(weaponLevel: number): number {
  requireInteger('weaponLevel', weaponLevel, 0, 25);
  // 7w/6 + 5/2 = (7w + 15)/6; round half up = floor((7w + 15)/6 + 1/2) = floor((7w + 18)/6).
  return Math.min(25, Math.floor((7 * weaponLevel + 18) / 6));
}

export interface MatchmakingWeapon {
  level: number;
  somber: boolean;
}

/**
 * Which of a character's highest upgrades (regular 0..25, somber 0..10) matchmaking goes by: the one
 * asked for (`somber` true or false), else the one that ranks higher once the somber level is read as
 * its regular equivalent in R1's table (somber +3 matches like regular +7); a tie goes to regular.
 */
export function matchmakingWeapon(highest: { regular: number; somber: number }, somber?: boolean): MatchmakingWeapon {
  const object = requireObject('highest', highest);
  const regular = requireInteger('highest.regular', object.regular, 0, 25);
  const somberLevel = requireInteger('highest.somber', object.somber, 0, 10);
  if (somber !== undefined) {
    requireBoolean('somber', somber);
    return somber ? { level: somberLevel, somber: true } : { level: regular, somber: false };
  }
  const somberAsRegular = WEAPON_MATCH_TABLE.find((row) => row.somberEquivalent === somberLevel)!.regularLevel;
  return somberAsRegular > regular ? { level: somberLevel, somber: true } : { level: regular, somber: false };
}

export interface MatchmakingSummary {
  level: LevelMatchRanges;
  weapon: WeaponMatchRange | null;
  notes: Note[];
}

/** Level ranges plus, when a weapon level is given, the weapon-level ranges (the `/matchmaking` command). */
export function matchmakingFor(level: number, weaponLevel?: number, somber = false): MatchmakingSummary {
  const levelRanges = levelMatchRanges(level);
  const weapon = weaponLevel === undefined ? null : weaponMatchRange(weaponLevel, somber);
  return { level: levelRanges, weapon, notes: mergeNotes(levelRanges.notes, weapon?.notes ?? []) };
}
