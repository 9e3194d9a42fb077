// Typed errors of the character store. Every expected failure is a StoreError with a stable `code`
// and a `message` a player can read as-is; raw SQLite errors never escape for expected cases.

export type StoreErrorCode =
  | 'not_found' // no such character (or another user's private one: existence is not revealed)
  | 'no_active' // no name given and the user has no active character
  | 'name_taken' // the owner already has a character with that name (case-insensitive)
  | 'limit' // the owner already has MAX_CHARACTERS_PER_USER characters
  | 'insufficient_runes' // not enough runes held; see `shortfall` and `required`
  | 'rune_cap' // the change would take held runes above the game's cap (999,999,999)
  | 'no_bloodstain' // recovery asked for with no bloodstain lying on the ground
  | 'invalid' // bad input (name, class, stat, amount, import file: see `issues`)
  | 'schema_too_new' // the database was written by a newer version of the bot
  | 'busy' // the database stayed locked past the busy timeout and the bounded retries
  | 'storage'; // the database file itself failed (disk, permissions, not a database)

export interface StoreErrorDetails {
  /** insufficient_runes: runes missing (required − held). */
  shortfall?: number;
  /** insufficient_runes: runes the operation needs. */
  required?: number;
  /** invalid (import): one line per problem, e.g. "characters[0].stats.vigor: must be at most 99". */
  issues?: string[];
  cause?: unknown;
}

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly shortfall: number | undefined;
  readonly required: number | undefined;
  readonly issues: string[] | undefined;

  constructor(code: StoreErrorCode, message: string, details: StoreErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StoreError';
    this.code = code;
    this.shortfall = details.shortfall;
    this.required = details.required;
    this.issues = details.issues;
  }
}

/** The database's PRAGMA user_version is above the newest migration this code knows. */
export class SchemaTooNewError extends StoreError {
  readonly databaseVersion: number;
  readonly supportedVersion: number;

  constructor(path: string, databaseVersion: number, supportedVersion: number) {
    super(
      'schema_too_new',
      `The character database ${path} has schema version ${databaseVersion}, but this version of the bot only ` +
        `knows up to version ${supportedVersion}. It was written by a newer release: upgrade the bot (or restore an ` +
        `older backup) instead of opening it with this one. Nothing was changed.`,
    );
    this.name = 'SchemaTooNewError';
    this.databaseVersion = databaseVersion;
    this.supportedVersion = supportedVersion;
  }
}

export function isStoreError(err: unknown): err is StoreError {
  return err instanceof StoreError;
}
