// The character store's public surface (no discord.js; plain values in and out).
export { openStore } from './store.ts';
export type {
  CharacterStore,
  CharacterListing,
  CreateCharacterInput,
  ImportOptions,
  IntegrityReport,
  OpenStoreOptions,
  ProgressInput,
} from './store.ts';
export { StoreError, SchemaTooNewError, isStoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export type { Character, CharacterRef, HistoryPage, HistoryTotals, LedgerEntry, LedgerKind, SpendKind } from './types.ts';
export { LEDGER_KINDS } from './types.ts';
export { EXPORT_FORMAT, EXPORT_VERSION, parseExportDocument } from './schema.ts';
export type { ExportDocument, ExportedCharacter, ExportedLedgerEntry } from './schema.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { MAX_CHARACTERS_PER_USER, NAME_MAX_LENGTH, NOTE_MAX_LENGTH, RUNE_CAP } from './validate.ts';
