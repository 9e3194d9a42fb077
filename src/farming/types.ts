// The shapes of the farming data: data/enemies.json and data/bosses.json (compiled from the game's
// NpcParam and GameAreaParam by `npm run build-data`, each file's `$doc` explains its keys) and
// data/farm-routes.json (curated spots, each with its public source).

/** One NpcParam row of data/enemies.json. */
export interface EnemyRow {
  id: number;
  name?: string;
  /** getSoul: runes dropped in the first journey before boosts; absent = 0. */
  runes?: number;
  /** [index into `places`, flags]: flags 1 = a boss there, 2 = a DLC place. */
  at?: Array<[number, number]>;
  /** Other names the location table gives this row. */
  aka?: string[];
}

export interface EnemyFile {
  patch: string;
  places: string[];
  enemies: EnemyRow[];
}

/** One GameAreaParam row of data/bosses.json. */
export interface BossRow {
  id: number;
  /** "[place] Boss name" (community row name); absent for a few unnamed rows. */
  name?: string;
  /** bonusSoul_single: runes a host playing alone is awarded. */
  single: number;
  /** bonusSoul_multi: runes a host in co-op is awarded. */
  multi: number;
}

export interface BossFile {
  patch: string;
  bosses: BossRow[];
}

export interface RouteEnemy {
  npcParamId: number;
  /** The row's name in data/enemies.json (or one of its `aka`): a check that the id is the enemy meant. */
  name: string;
  count: number;
}

/** What the source itself says about the spot, shown beside our figure. */
export interface RouteQuote {
  runesPerRun?: number;
  /** Only when the source gives a time per run. */
  secondsPerRun?: number;
  /** Only when the source recommends levels for the spot. */
  level?: { min?: number; max?: number };
  /** A summary of the source in our own words. */
  note: string;
}

export interface RouteSource {
  url: string;
  title: string;
  publisher: string;
}

export interface FarmRoute {
  id: string;
  name: string;
  region: string;
  dlc: boolean;
  grace: string;
  enemies: RouteEnemy[];
  quoted: RouteQuote;
  source: RouteSource;
  /** How the run goes, in our own words. */
  notes?: string;
}

export interface FarmRouteFile {
  routes: FarmRoute[];
}
