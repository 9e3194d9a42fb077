// Typed errors of the character store. Every expected failure is a StoreError carrying a stable `code`
// and the facts behind it (`data`); the store writes no player-facing English. The words a player reads
// are in src/render/storeErrors.ts. `message` is a technical summary for logs only.
// This module imports nothing, so anything (the renderer's types included) may depend on it.

export type StoreErrorCode =
  | 'not_found' // no such character (or another user's private one: existence is not revealed)
  | 'no_active' // no name given and the user has no active character
  | 'name_taken' // the owner already has a character with that name (case-insensitive)
  | 'limit' // the owner would have more than MAX_CHARACTERS_PER_USER characters
  | 'insufficient_runes' // not enough runes held for what was asked
  | 'rune_cap' // the change would take held runes above the game's cap (999,999,999)
  | 'no_bloodstain' // recovery asked for with no bloodstain lying on the ground
  | 'invalid' // bad input (name, class, stat, amount, an import file: see data.reason)
  | 'schema_too_new' // the database was written by a newer version of the bot
  | 'busy' // the database stayed locked for the whole retry budget (minutes): nothing was changed
  | 'closed' // the store was closed (shutting down) before the operation could run
  | 'storage'; // the database itself failed (path, disk, permissions, not a database, cannot connect)

/** Which input a validation problem is about. */
export type StoreField =
  | 'name'
  | 'new_name'
  | 'note'
  | 'item'
  | 'weapon'
  | 'user_id'
  | 'server_id'
  | 'runes_held'
  | 'runes_to_add'
  | 'points'
  | 'cost'
  | 'upgrade_level'
  | 'journey'
  | 'regular_upgrade'
  | 'somber_upgrade'
  | 'page'
  | 'page_size'
  | 'vigor'
  | 'mind'
  | 'endurance'
  | 'strength'
  | 'dexterity'
  | 'intelligence'
  | 'faith'
  | 'arcane';

/** What a refused spend was for (the player is told what it would have cost). */
export type SpendAction =
  | { kind: 'level_up'; stat: StoreField; fromValue: number; toValue: number; fromLevel: number; toLevel: number }
  | { kind: 'purchase'; item: string }
  | { kind: 'upgrade'; item: string }
  | { kind: 'take_away'; amount: number };

/** One problem found in an import file: a validator's line ("path: problem"), or a field check that failed at `path`. */
export type ImportIssue = string | { path: string; error: { code: 'invalid'; data: InvalidData } };

export type InvalidData =
  | { reason: 'not_text' | 'forbidden_characters' | 'empty' | 'required' | 'not_integer'; field: StoreField }
  | { reason: 'too_long'; field: StoreField; max: number; length: number }
  | { reason: 'bad_id'; field: 'user_id' | 'server_id'; max: number }
  | { reason: 'out_of_range'; field: StoreField; min: number; max: number; value: number }
  | { reason: 'zero'; field: StoreField }
  | { reason: 'unknown_class'; classes: string[] }
  /** `key` is the unknown key of a stats object; null when a stat name was asked for. */
  | { reason: 'unknown_stat'; stats: string[]; key: string | null }
  | { reason: 'stat_too_high'; stat: StoreField; max: number; value: number }
  | { reason: 'stat_below_class'; stat: StoreField; min: number; className: string; value: number }
  /** Raising `stat` by `points` would pass the maximum. */
  | { reason: 'stat_past_max'; stat: StoreField; fromValue: number; points: number; toValue: number; max: number }
  /** An import file that failed its checks: every problem found. */
  | { reason: 'import_file'; issues: ImportIssue[] }
  /** A caller passed something that is not what the function takes (a programming mistake, not a player's). */
  | {
      reason: 'argument';
      argument: 'character_ref' | 'character_details' | 'target' | 'visibility' | 'progress' | 'spend_kind' | 'upgrade_details' | 'upgrade_path' | 'import_mode' | 'stats';
    };

export type StorageProblem =
  | 'parent_not_a_folder' // a component of the path above the file is not a folder (/dev/null/x.sqlite)
  | 'cannot_create_folder' // the missing folder could not be created (permissions, /proc, read-only)
  | 'is_a_folder' // the path names a folder, not a file
  | 'not_a_database' // the file exists but is not a SQLite database
  | 'read_only' // the database cannot be written
  | 'cannot_open' // the file could not be opened for another reason
  | 'cannot_connect' // PostgreSQL: no connection (refused, unknown host, authentication, timeout)
  | 'failed'; // the database failed during an operation

export interface StoreErrorData {
  /** `name` null: the active character; `owner` says whose characters were searched. */
  not_found: { name: string | null; owner: 'self' | 'other' };
  no_active: Record<string, never>;
  /** `name` null when the database reported the clash; `names` for an import that clashes. */
  name_taken: { name: string | null } | { names: string[] };
  /** `total` is what the user would have had (an import); absent for a single creation. */
  limit: { max: number; total?: number };
  insufficient_runes: { required: number; held: number; shortfall: number; action: SpendAction };
  rune_cap: { held: number; amount: number; cap: number };
  no_bloodstain: { name: string };
  invalid: InvalidData;
  schema_too_new: { location: string; found: number; supported: number };
  busy: { attempts: number; waitedMs: number };
  closed: Record<string, never>;
  /**
   * `location` is the file path, or the PostgreSQL URL without its password; `folder` the folder the
   * problem is about (parent_not_a_folder, cannot_create_folder); `detail` the system's or database's
   * error code (ENOENT, EACCES, SQLITE_CANTOPEN, 28P01, …).
   */
  storage: { problem: StorageProblem; location: string; folder?: string; detail?: string };
}

export type StoreErrorInfo = { [C in StoreErrorCode]: { code: C; data: StoreErrorData[C] } }[StoreErrorCode];

export class StoreError<C extends StoreErrorCode = StoreErrorCode> extends Error {
  readonly code: C;
  readonly data: StoreErrorData[C];

  constructor(code: C, data: StoreErrorData[C], options: { cause?: unknown } = {}) {
    let summary: string;
    try {
      summary = JSON.stringify(data);
    } catch {
      summary = '{}';
    }
    super(`${code} ${summary.length > 500 ? `${summary.slice(0, 499)}…` : summary}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.data = data;
  }

  /** The code and data as one discriminated value (narrow on `code` to read `data`). */
  get info(): StoreErrorInfo {
    return { code: this.code, data: this.data } as StoreErrorInfo;
  }
}

/** The database's schema version is above the newest migration this code knows. */
export class SchemaTooNewError extends StoreError<'schema_too_new'> {
  readonly databaseVersion: number;
  readonly supportedVersion: number;

  constructor(location: string, databaseVersion: number, supportedVersion: number) {
    super('schema_too_new', { location, found: databaseVersion, supported: supportedVersion });
    this.name = 'SchemaTooNewError';
    this.databaseVersion = databaseVersion;
    this.supportedVersion = supportedVersion;
  }
}

export function isStoreError<C extends StoreErrorCode>(err: unknown, code?: C): err is StoreError<C> {
  return err instanceof StoreError && (code === undefined || err.code === code);
}

/** Shorthand for the most common refusal. */
export function invalid(data: InvalidData): StoreError<'invalid'> {
  return new StoreError('invalid', data);
}
