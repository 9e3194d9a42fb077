// Machine-readable confidence for every figure the calculator returns, so a reply can say
// "single source", "assumed" or "community-tested" next to the number (mechanics.md tags).
//
//   verified          mechanics.md [V2]: two or more independent sources
//   single-source     mechanics.md [S1]: one source only (often a post-DLC data-mined repo)
//   conflict          mechanics.md [CONFLICT]: sources disagree; the value is the game-data one
//   unverified        mechanics.md [UNVERIFIED]: a claim no trusted source backs
//   assumed           a modelling choice of ours where the game's behaviour is unknown
//   community-tested  player-measured figures (matchmaking), not game data

export const CONFIDENCE_LEVELS = ['verified', 'single-source', 'conflict', 'unverified', 'assumed', 'community-tested'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export interface Note {
  /** Stable identifier, e.g. "rune-gain-stacking"; the same note never appears twice in one result. */
  id: string;
  confidence: Confidence;
  /** One plain sentence (no Discord markup). */
  text: string;
  /** URLs or data-source ids backing (or contradicting) the figure. */
  sources?: readonly string[];
}

/** Concatenates note lists, keeping the first note of each id, in order. */
export function mergeNotes(...lists: ReadonlyArray<readonly Note[]>): Note[] {
  const seen = new Set<string>();
  const out: Note[] = [];
  for (const list of lists) {
    for (const note of list) {
      if (seen.has(note.id)) continue;
      seen.add(note.id);
      out.push(note);
    }
  }
  return out;
}
