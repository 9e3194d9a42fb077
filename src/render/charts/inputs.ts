// What the charts take and give: plain values only (no canvas here, so this file is cheap to import).

/** A drawn chart, ready to attach: `{ name, data, description }` is a FileView. */
export interface ChartImage {
  /** File name, e.g. "rune-cost-80-100.png" (safe for `attachment://`). */
  name: string;
  /** The PNG. */
  data: Buffer;
  /** Alt text in a player's words: what the picture shows, for screen readers. */
  description: string;
  width: number;
  height: number;
}

/** Rune cost per level: levels `from` → `to` (1 ≤ from < to ≤ 713) marked; `held` (runes carried) optional. */
export interface LevelCostChartInput {
  from: number;
  to: number;
  /** Runes held: marks the level they already buy inside the range. */
  held?: number;
}

/**
 * One ledger entry, as the character store returns it (a LedgerEntry fits as is; only these fields are
 * read). `kind` is one of the ledger kinds: earned, level_up, purchase, upgrade, death_drop, recovered,
 * lost, correction.
 */
export interface HistoryChartEntry {
  id: number;
  kind: string;
  /** Signed change to runes held. */
  amount: number;
  balanceAfter: number;
  /** Runes gone for good in this entry. */
  lost: number;
  /** Level-ups: how many levels this entry bought. */
  points: number | null;
  /** ISO 8601 time of the entry. */
  at: string;
}

/**
 * A character's history. `entries` in any order: they are sorted oldest first by `at`, then `id` (the
 * store's newest-first HistoryPage.entries can be passed as they are). The chart starts at the balance
 * before the oldest entry given, so a partial ledger draws too.
 */
export interface HistoryChartInput {
  entries: readonly HistoryChartEntry[];
  /**
   * The character's level now: with it the level line is drawn, walked back through the level-ups in
   * the entries (stat changes made without a level-up are not in the ledger, so they do not show).
   */
  levelNow?: number;
  /** Shown in the title ("Miriel: runes and level"); plain text, cut to 28 characters. */
  name?: string;
}

/** Farming progress: runes held after each run, up to the target. */
export interface FarmChartInput {
  /** Runes one run gives, boosts included (FarmPlan.perRunBoosted), ≥ 1. */
  perRun: number;
  /** Runs needed (FarmPlan.runs); 0 when the target is already reached. */
  runs: number;
  /** Runes held at the start (FarmPlan.held), ≥ 0. */
  held: number;
  /** The target in runes (FarmPlan.targetRunes). */
  targetRunes: number;
  /**
   * For a level target: the level now and the level wanted (then `targetRunes` must be the runes between
   * them, as in FarmPlan); the chart also draws the level each run buys.
   */
  levels?: { from: number; to: number };
  /** Minutes one run takes, for the time in the subtitle. */
  minutesPerRun?: number;
}

/** Input a chart cannot be drawn from; the message says why in a player's words. */
export class ChartInputError extends Error {
  override readonly name = 'ChartInputError';
}
