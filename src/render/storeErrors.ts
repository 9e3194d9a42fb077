// The words for the character store's errors. The store throws StoreError { code, data } and writes no
// English; this module turns that into what a player (storeErrorText) or an operator starting the bot
// (databaseProblemLine) reads. It depends on the store's error types only (a type import of a module that
// imports nothing), never on the store itself.

import type { ImportIssue, InvalidData, SpendAction, StoreErrorData, StoreErrorInfo, StoreField } from '../characters/errors.ts';
import { truncate, escapeUserText } from '../text/escape.ts';
import { fmt } from '../text/format.ts';

/** What commands pass in: a StoreError, or anything with the same `code` and `data`. */
export type StoreErrorLike = StoreErrorInfo | { code: string; data: unknown };

const FIELD_LABELS: Record<StoreField, string> = {
  name: 'Character name',
  new_name: 'New name',
  note: 'Note',
  item: 'Item',
  weapon: 'Weapon',
  user_id: 'User id',
  server_id: 'Server id',
  runes_held: 'Runes held',
  runes_to_add: 'Runes to add',
  points: 'Points',
  cost: 'Cost',
  upgrade_level: 'Upgrade level',
  journey: 'Journey',
  regular_upgrade: 'Highest regular weapon upgrade',
  somber_upgrade: 'Highest somber weapon upgrade',
  page: 'Page',
  page_size: 'Page size',
  vigor: 'Vigor',
  mind: 'Mind',
  endurance: 'Endurance',
  strength: 'Strength',
  dexterity: 'Dexterity',
  intelligence: 'Intelligence',
  faith: 'Faith',
  arcane: 'Arcane',
};

const ARGUMENTS: Record<Extract<InvalidData, { reason: 'argument' }>['argument'], string> = {
  character_ref: 'A character reference is required.',
  character_details: 'Character details are required.',
  target: 'Which character to show is required.',
  visibility: 'Visibility must be public or private.',
  progress: 'Progress details are required.',
  spend_kind: 'Spending must be a purchase or an upgrade.',
  upgrade_details: 'Upgrade details are required.',
  upgrade_path: 'The upgrade path must be regular or somber.',
  import_mode: 'Import mode must be merge or replace.',
  stats: 'Stats must be an object of stat values.',
};

/** The label of a field as a player would name it ("Character name", "Vigor"). */
export function fieldLabel(field: StoreField): string {
  return FIELD_LABELS[field] ?? field;
}

function quote(name: string): string {
  return `“${name}”`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

export function invalidText(data: InvalidData): string {
  switch (data.reason) {
    case 'not_text':
      return `${fieldLabel(data.field)} must be text.`;
    case 'forbidden_characters':
      return `${fieldLabel(data.field)} must not contain control or invisible formatting characters.`;
    case 'empty':
      return `${fieldLabel(data.field)} must not be empty.`;
    case 'required':
      return `${fieldLabel(data.field)} is required.`;
    case 'not_integer':
      return `${fieldLabel(data.field)} must be a whole number.`;
    case 'too_long':
      return `${fieldLabel(data.field)} must be at most ${data.max} characters (this one has ${data.length}).`;
    case 'bad_id':
      return `${fieldLabel(data.field)} must be a non-empty token of at most ${data.max} characters without spaces.`;
    case 'out_of_range':
      return `${fieldLabel(data.field)} must be from ${fmt(data.min)} to ${fmt(data.max)} (got ${fmt(data.value)}).`;
    case 'zero':
      return `${fieldLabel(data.field)} must not be 0.`;
    case 'unknown_class':
      return `Unknown starting class. Choose one of: ${data.classes.join(', ')}.`;
    case 'unknown_stat':
      return data.key === null ? `Unknown stat. Choose one of: ${data.stats.join(', ')}.` : `Unknown stat "${data.key}". Choose from: ${data.stats.join(', ')}.`;
    case 'stat_too_high':
      return `${fieldLabel(data.stat)} can be at most ${data.max} (got ${data.value}).`;
    case 'stat_below_class':
      return `${fieldLabel(data.stat)} can't be below ${data.min}, the ${data.className}'s starting value (got ${data.value}).`;
    case 'stat_past_max':
      return (
        `${fieldLabel(data.stat)} is ${data.fromValue}; ${data.points} more ${plural(data.points, 'point')} would take it to ${data.toValue}, ` +
        `above the maximum of ${data.max}.`
      );
    case 'import_file':
      return `The file was not imported (nothing was changed):\n${data.issues.map((i) => `• ${importIssueText(i)}`).join('\n')}`;
    case 'argument':
      return ARGUMENTS[data.argument] ?? 'That is not something the character store takes.';
  }
}

/** One problem of an import file, as a line: "characters[0].name: Character name must not be empty." */
export function importIssueText(issue: ImportIssue): string {
  return typeof issue === 'string' ? issue : `${issue.path}: ${invalidText(issue.error.data)}`;
}

function spendText(action: SpendAction): string {
  switch (action.kind) {
    case 'level_up':
      return `Levelling ${fieldLabel(action.stat)} from ${action.fromValue} to ${action.toValue} (level ${action.fromLevel} → ${action.toLevel})`;
    case 'purchase':
      return `Buying ${action.item}`;
    case 'upgrade':
      return `Upgrading ${action.item}`;
    case 'take_away':
      return `Taking away ${fmt(action.amount)} runes`;
  }
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'not a folder',
  ENOSPC: 'no space left on the device',
  EISDIR: 'it is a folder',
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
  timeout: 'timed out',
  too_deep: 'too many missing folder levels',
  '28P01': 'the password was refused',
  '28000': 'the server refused this user',
  '3D000': 'no such database',
  '57P03': 'the server is starting up or shutting down',
  SQLITE_CANTOPEN: 'it cannot be opened',
  SQLITE_READONLY: 'read-only',
  SQLITE_NOTADB: 'it holds something else',
  SQLITE_CORRUPT: 'the file is damaged',
};

/** A system or database error code in words ("permission denied"); unknown codes as they are. */
function reason(detail: string | undefined, fallback: string): string {
  if (detail === undefined) return fallback;
  return SYSTEM_ERRORS[detail] ?? SYSTEM_ERRORS[detail.replace(/_[A-Z]+$/, '')] ?? detail;
}

function storageText(data: StoreErrorData['storage']): string {
  const where = data.location;
  switch (data.problem) {
    case 'parent_not_a_folder':
      return `The character database ${where} cannot be created: ${data.folder ?? 'a part of its path'} is not a folder.`;
    case 'cannot_create_folder':
      return `The character database ${where} cannot be created: the folder ${data.folder ?? 'above it'} cannot be made (${reason(data.detail, 'refused')}).`;
    case 'is_a_folder':
      return `The character database ${where} is a folder, not a file: name a file inside it (for example ${where.replace(/\/+$/, '')}/tarnished-ledger.sqlite).`;
    case 'not_a_database':
      return `The character database ${where} is not a SQLite database file (${reason(data.detail, 'it holds something else')}). Nothing was changed.`;
    case 'read_only':
      return `The character database ${where} cannot be written (${reason(data.detail, 'read-only')}). Nothing was changed.`;
    case 'cannot_open':
      return `Could not open the character database at ${where} (${reason(data.detail, 'it cannot be opened or created')}).`;
    case 'cannot_connect':
      return `Could not connect to the character database at ${where} (${reason(data.detail, 'no answer')}). Nothing was changed.`;
    case 'failed':
      return `The character database failed (${data.detail ?? 'unknown error'}). Nothing was changed.`;
  }
}

/** The store's error as one plain sentence (or an import's list), without Discord formatting or escaping. */
export function storeErrorMessage(error: StoreErrorLike): string {
  const e = error as StoreErrorInfo;
  switch (e.code) {
    case 'not_found':
      if (e.data.owner === 'self') return `You have no character named ${quote(e.data.name ?? '')}.`;
      return e.data.name !== null ? `That player has no public character named ${quote(e.data.name)}.` : 'That player has no public active character.';
    case 'no_active':
      return 'You have no active character. Create one, or switch to one of yours.';
    case 'name_taken':
      if ('names' in e.data) {
        const n = e.data.names.length;
        return (
          `The file was not imported (nothing was changed): you already have ${n === 1 ? 'a character' : 'characters'} named ${e.data.names.map(quote).join(', ')}. ` +
          `Rename or delete ${n === 1 ? 'it' : 'them'} first, or import in replace mode.`
        );
      }
      return e.data.name === null ? 'You already have a character with that name.' : `You already have a character named ${quote(e.data.name)}.`;
    case 'limit':
      return e.data.total === undefined
        ? `You already have ${e.data.max} characters, the most allowed. Delete one first.`
        : `The file was not imported (nothing was changed): it would give you ${e.data.total} characters, above the limit of ${e.data.max}.`;
    case 'insufficient_runes':
      if (e.data.action.kind === 'take_away') {
        return `You hold ${fmt(e.data.held)} runes, so ${fmt(e.data.action.amount)} can't be taken away. Nothing was changed.`;
      }
      return `${spendText(e.data.action)} costs ${fmt(e.data.required)} runes but you hold ${fmt(e.data.held)}: ${fmt(e.data.shortfall)} short. Nothing was spent.`;
    case 'rune_cap':
      return `That would make ${fmt(e.data.held + e.data.amount)} runes held; the game caps held runes at ${fmt(e.data.cap)}. Nothing was changed.`;
    case 'no_bloodstain':
      return `${quote(e.data.name)} has no bloodstain to recover.`;
    case 'invalid':
      return invalidText(e.data);
    case 'schema_too_new':
      return (
        `The character database ${e.data.location} has schema version ${e.data.found}, but this version of the bot only knows up to ` +
        `version ${e.data.supported}. It was written by a newer release: upgrade the bot (or restore an older backup) instead of ` +
        `opening it with this one. Nothing was changed.`
      );
    case 'busy':
      return 'The character database is busy right now. Nothing was changed; try again in a moment.';
    case 'closed':
      return 'The bot is restarting: nothing was changed. Please try again in a minute.';
    case 'storage':
      return storageText(e.data);
    default:
      return 'The character database could not do that. Nothing was changed.';
  }
}

const MAX_ISSUES_SHOWN = 15;

/**
 * A StoreError as the text a player sees in a reply. Store data may quote player-typed names, so the
 * sentence is escaped; an import's list of problems is shown one escaped line each.
 */
export function storeErrorText(error: StoreErrorLike): string {
  const e = error as StoreErrorInfo;
  const issues: string[] | null =
    e.code === 'invalid' && e.data.reason === 'import_file'
      ? e.data.issues.map(importIssueText)
      : e.code === 'name_taken' && 'names' in e.data
        ? e.data.names.map((n) => `characters: "${n}" already exists`)
        : null;
  if (issues && issues.length > 0) {
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `• ${escapeUserText(truncate(issue, 200))}`);
    const more = issues.length - shown.length;
    const head =
      e.code === 'name_taken'
        ? 'The file was not imported (nothing was changed): you already have characters with these names. Rename or delete them first, or import with `replace:true` (which replaces all your characters).'
        : 'The file was not imported (nothing was changed). What is wrong with it:';
    return [head, ...shown, ...(more > 0 ? [`…and ${fmt(more)} more.`] : [])].join('\n');
  }
  const message = escapeUserText(truncate(storeErrorMessage(error), 1500));
  if (e.code === 'insufficient_runes') {
    return `${message}\nYou need **${fmt(e.data.shortfall)}** more runes: record what you earn with \`/character runes add\`.`;
  }
  return message;
}

/**
 * The one line printed at start when the database cannot be used, naming the setting to fix
 * (DATABASE_PATH or DATABASE_URL) and what is wrong with it.
 */
export function databaseProblemLine(error: StoreErrorLike, variable: 'DATABASE_PATH' | 'DATABASE_URL'): string {
  const e = error as StoreErrorInfo;
  const prefix = (where: string) => `${variable} (${where})`;
  if (e.code === 'schema_too_new') {
    return `${prefix(e.data.location)} was written by a newer version of the bot (schema version ${e.data.found}; this one knows up to ${e.data.supported}): upgrade the bot, or restore an older backup. Nothing was changed.`;
  }
  if (e.code === 'busy') return `${variable}: the database stayed locked by another process for the whole wait. Nothing was changed.`;
  if (e.code !== 'storage') return `${variable}: ${storeErrorMessage(error)}`;
  const d = e.data;
  const at = prefix(d.location);
  switch (d.problem) {
    case 'parent_not_a_folder':
      return `${at} cannot be used: ${d.folder ?? 'a part of the path'} is not a folder.`;
    case 'cannot_create_folder':
      return `${at} cannot be used: the folder ${d.folder ?? 'above it'} cannot be created (${reason(d.detail, 'refused')}).`;
    case 'is_a_folder':
      return `${at} is a folder, not a database file: name a file inside it.`;
    case 'not_a_database':
      return `${at} is not a SQLite database file (${reason(d.detail, 'it holds something else')}): point it at a new file or at one this bot made.`;
    case 'read_only':
      return `${at} cannot be written (${reason(d.detail, 'read-only')}).`;
    case 'cannot_open':
      return `${at} cannot be used: the file cannot be created or opened (${reason(d.detail, 'refused')}).`;
    case 'cannot_connect':
      return `${at}: cannot connect to PostgreSQL (${reason(d.detail, 'no answer')}).`;
    case 'failed':
      return `${at}: the database failed (${reason(d.detail, 'unknown error')}).`;
  }
}
