// The character store's public surface (no discord.js; plain values in and out).
export { createStore, openStore, DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_RETRY_BUDGET_MS } from './store.ts';
export type {
  Backend,
  CharacterStore,
  CharacterListing,
  CharacterTarget,
  CreateCharacterInput,
  DbSettings,
  ImportOptions,
  ImportResult,
  IntegrityReport,
  OpenStoreOptions,
  ProgressInput,
  StoreTarget,
  SwitchOptions,
  SwitchResult,
  UpgradeInput,
} from './store.ts';
export { StoreError, SchemaTooNewError, isStoreError } from './errors.ts';
export type { ImportIssue, InvalidData, SpendAction, StorageProblem, StoreErrorCode, StoreErrorData, StoreErrorInfo, StoreField } from './errors.ts';
export type { Character, CharacterRef, CharacterView, HistoryPage, HistoryTotals, LedgerEntry, LedgerKind, SpendKind, UserDataSummary } from './types.ts';
export { CARD_RECENT_ENTRIES, LEDGER_KINDS } from './types.ts';
export { EXPORT_FORMAT, EXPORT_VERSION, parseExportDocument } from './schema.ts';
export type { ExportDocument, ExportedCharacter, ExportedLedgerEntry } from './schema.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { MAX_CHARACTERS_PER_USER, NAME_MAX_LENGTH, NOTE_MAX_LENGTH, RUNE_CAP } from './validate.ts';
