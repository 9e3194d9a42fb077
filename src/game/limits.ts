// Sanity bounds for user input. These are NOT game limits: they only keep arithmetic exact in
// IEEE doubles (every rune amount stays far below 2^53) and reject absurd requests early.

/** Largest rune amount accepted as input (one trillion). The whole 1→713 climb is 1,692,566,842. */
export const MAX_RUNE_INPUT = 1_000_000_000_000;
/** Smallest count accepted for one item line: "x0" lists nothing, so it is refused rather than ignored. */
export const MIN_ITEM_COUNT = 1;
/** Largest count accepted for one item line ("golden rune 5 x9999"). */
export const MAX_ITEM_COUNT = 9_999;
/** Largest number of item lines accepted in one list. */
export const MAX_ITEM_LINES = 200;
/** Largest weapon reinforcePrice accepted (real weapons are in the hundreds). */
export const MAX_REINFORCE_PRICE = 1_000_000;
/** Largest minutes-per-run accepted by the farm planner (one day). */
export const MAX_MINUTES_PER_RUN = 1_440;

/** A game limit: the most runes a character can hold (more is lost). */
export const RUNES_HELD_CAP = 999_999_999;
