// The export/import document: a versioned JSON file of all of one user's characters and ledgers.
// Parsing is two passes: the zod schema (shape, types, ranges), then the game rules (class minimums,
// derived level, unique names, ledger replay). Either pass reports every problem it finds: a validator's
// line ("path: problem"), or a field check's StoreError data at a path (worded by src/render/storeErrors.ts).

import { z } from 'zod';
import { CLASSES, STAT_KEYS, findClass, levelFromStats, type Stats } from '../game/classes.ts';
import { isStoreError, type ImportIssue } from './errors.ts';
import { replayLedger } from './replay.ts';
import { LEDGER_KINDS } from './types.ts';
import {
  ID_MAX_LENGTH,
  ITEM_MAX_LENGTH,
  MAX_CHARACTERS_PER_USER,
  MAX_JOURNEY,
  MAX_REGULAR_UPGRADE,
  MAX_SOMBER_UPGRADE,
  NOTE_MAX_LENGTH,
  RUNE_CAP,
  cleanId,
  cleanName,
  cleanText,
  nameKey,
} from './validate.ts';

export const EXPORT_FORMAT = 'tarnished-ledger/characters';
export const EXPORT_VERSION = 1;
/** Upper bound on ledger entries per character in an imported file. */
export const MAX_IMPORT_LEDGER = 100_000;

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2024-03-01T12:00:00.000Z' });
const runes = z.int().min(0).max(RUNE_CAP);
const stat = z.int().min(1).max(99);

const statsSchema = z.strictObject(Object.fromEntries(STAT_KEYS.map((s) => [s, stat])) as Record<(typeof STAT_KEYS)[number], typeof stat>);

export const ledgerEntrySchema = z.strictObject({
  kind: z.enum(LEDGER_KINDS),
  amount: z.int().min(-RUNE_CAP).max(RUNE_CAP),
  balanceAfter: runes,
  bloodstainAfter: z.int().min(1).max(RUNE_CAP).nullable(),
  lost: runes.optional().default(0),
  stat: z.enum(STAT_KEYS).nullable().optional().default(null),
  points: z.int().min(1).max(98).nullable().optional().default(null),
  item: z.string().max(ITEM_MAX_LENGTH * 4).nullable().optional().default(null),
  note: z.string().max(NOTE_MAX_LENGTH * 4).nullable().optional().default(null),
  at: isoDate,
});

export const exportedCharacterSchema = z.strictObject({
  name: z.string().max(NOTE_MAX_LENGTH),
  class: z.string().max(40),
  stats: statsSchema,
  level: z.int().optional(),
  runesHeld: runes,
  bloodstain: z.int().min(1).max(RUNE_CAP).nullable(),
  journey: z.int().min(1).max(MAX_JOURNEY),
  maxUpgrade: z.strictObject({ regular: z.int().min(0).max(MAX_REGULAR_UPGRADE), somber: z.int().min(0).max(MAX_SOMBER_UPGRADE) }),
  public: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
  ledger: z.array(ledgerEntrySchema).max(MAX_IMPORT_LEDGER),
});

export const exportDocumentSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}" (is this a character export from this bot?)` }),
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}: this bot reads version ${EXPORT_VERSION} exports only` }),
  exportedAt: isoDate,
  userId: z.string().max(ID_MAX_LENGTH),
  active: z.string().max(NOTE_MAX_LENGTH).nullable(),
  guildOverrides: z.array(z.strictObject({ guildId: z.string().min(1).max(ID_MAX_LENGTH), character: z.string().max(NOTE_MAX_LENGTH) })).max(1000),
  characters: z.array(exportedCharacterSchema).max(MAX_CHARACTERS_PER_USER),
});

export type ExportDocument = z.output<typeof exportDocumentSchema>;
export type ExportedCharacter = z.output<typeof exportedCharacterSchema>;
export type ExportedLedgerEntry = z.output<typeof ledgerEntrySchema>;

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(file)' : out;
}

/** A validated document with names cleaned; `issues` lists everything wrong otherwise. */
export type ParseResult = { ok: true; document: ExportDocument } | { ok: false; issues: ImportIssue[] };

export function parseExportDocument(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    try {
      value = JSON.parse(text);
    } catch (err) {
      return { ok: false, issues: [`(file): not valid JSON (${(err as Error).message})`] };
    }
  }
  const parsed = exportDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`) };
  }
  const doc = parsed.data;
  const issues: ImportIssue[] = [];
  const attempt = <T>(where: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (!isStoreError(err, 'invalid')) throw err;
      issues.push({ path: where, error: { code: 'invalid', data: err.data } });
      return undefined;
    }
  };

  const keys = new Map<string, number>();
  doc.characters.forEach((c, i) => {
    const where = `characters[${i}]`;
    const name = attempt(`${where}.name`, () => cleanName(c.name));
    if (name !== undefined) {
      c.name = name;
      const key = nameKey(name);
      const first = keys.get(key);
      if (first !== undefined) issues.push(`${where}.name: "${name}" is used twice (also characters[${first}]); names are unique regardless of case`);
      else keys.set(key, i);
    }
    const cls = findClass(c.class);
    if (!cls) issues.push(`${where}.class: unknown starting class "${c.class}" (one of ${CLASSES.map((k) => k.name).join(', ')})`);
    else {
      c.class = cls.name;
      for (const s of STAT_KEYS) {
        if (c.stats[s] < cls.stats[s]) issues.push(`${where}.stats.${s}: ${c.stats[s]} is below the ${cls.name}'s starting ${cls.stats[s]}`);
      }
    }
    const level = levelFromStats(c.stats as Stats);
    if (c.level !== undefined && c.level !== level) issues.push(`${where}.level: ${c.level} does not match the stats (which give level ${level})`);
    if (Date.parse(c.updatedAt) < Date.parse(c.createdAt)) issues.push(`${where}.updatedAt: earlier than createdAt`);
    c.ledger.forEach((e, j) => {
      if (e.note !== null) e.note = attempt(`${where}.ledger[${j}].note`, () => cleanText(e.note, 'note', NOTE_MAX_LENGTH, false)) ?? null;
      if (e.item !== null) e.item = attempt(`${where}.ledger[${j}].item`, () => cleanText(e.item, 'item', ITEM_MAX_LENGTH, false)) ?? null;
    });
    issues.push(...replayLedger(c.ledger, { runesHeld: c.runesHeld, bloodstain: c.bloodstain }, `${where}.ledger`));
  });
  const known = (name: string | null): boolean => {
    if (name === null) return true;
    try {
      return keys.has(nameKey(cleanName(name)));
    } catch {
      return false;
    }
  };
  // The file's ids are Discord snowflakes: anything else is a damaged (or hand-made) file.
  const SNOWFLAKE = /^\d{17,20}$/;
  if (!SNOWFLAKE.test(doc.userId)) issues.push('userId: must be a Discord user id (17 to 20 digits)');
  if (!known(doc.active)) issues.push(`active: "${doc.active}" is not one of the file's characters`);
  const guilds = new Set<string>();
  doc.guildOverrides.forEach((o, i) => {
    if (!known(o.character)) issues.push(`guildOverrides[${i}].character: "${o.character}" is not one of the file's characters`);
    if (attempt(`guildOverrides[${i}].guildId`, () => cleanId(o.guildId, 'server_id')) === undefined) return;
    if (!SNOWFLAKE.test(o.guildId)) {
      issues.push(`guildOverrides[${i}].guildId: must be a Discord server id (17 to 20 digits)`);
      return;
    }
    if (guilds.has(o.guildId)) issues.push(`guildOverrides[${i}].guildId: server ${o.guildId} appears twice`);
    guilds.add(o.guildId);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, document: doc };
}
