// The one custom-id codec: every button and select menu id is built and read here.
//
//   <command>:<action>:<field>:<field>…           e.g. search:n:0:mx4fzc:-:-:golden+rune
//
// Fields are escaped so a field never holds ':' or whitespace: user text (a search query, an item name)
// survives the round trip whole, and the console's `press <id> <value>` can split at the first space.
// Discord caps custom ids at 100 characters; building a longer one is a programming error (it throws),
// so callers cut user text first (see `fitField`).
//
// Signed ids carry an expiry and an HMAC over everything before it, with a key the install keeps
// (the same for every process sharing the database), so a confirmation cannot be forged or revived
// after it expires:
//
//   <command>:<action>:<field>…:<expires, base 36 seconds>:<signature>

import { createHmac, timingSafeEqual } from 'node:crypto';

export const CUSTOM_ID_MAX = 100;
const SIGNATURE_CHARS = 16; // base64url: 96 bits

export interface DecodedCustomId {
  command: string;
  action: string;
  fields: string[];
}

export type Field = string | number;

function escapeField(value: Field): string {
  return String(value).replace(/[%:+\s\u0000-\u001f\u007f]/gu, (ch) => {
    if (ch === ' ') return '+';
    return Array.from(Buffer.from(ch, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  });
}

function unescapeField(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Build `command:action:fields…`; throws when the id would exceed Discord's 100 characters. */
export function encodeCustomId(command: string, action: string, fields: readonly Field[] = []): string {
  const id = [command, action, ...fields.map(escapeField)].join(':');
  if (id.length > CUSTOM_ID_MAX) throw new RangeError(`custom id longer than ${CUSTOM_ID_MAX} characters: ${id.slice(0, 40)}…`);
  return id;
}

/** Read an id built by `encodeCustomId`; null when it is malformed. */
export function decodeCustomId(id: string): DecodedCustomId | null {
  const [command, action, ...raw] = id.split(':');
  if (!command || action === undefined) return null;
  const fields: string[] = [];
  for (const part of raw) {
    const field = unescapeField(part);
    if (field === null) return null;
    fields.push(field);
  }
  return { command, action, fields };
}

/**
 * The longest prefix of `text` (cut at a word boundary where possible) whose escaped form fits in
 * `budget` characters: how user text is made to fit an id.
 */
export function fitField(text: string, budget: number): string {
  if (escapeField(text).length <= budget) return text;
  let cut = '';
  for (const ch of text) {
    if (escapeField(cut + ch).length > budget) break;
    cut += ch;
  }
  const atWordEnd = /^\s/.test(text.slice(cut.length));
  const space = cut.lastIndexOf(' ');
  return (atWordEnd || space <= 0 ? cut : cut.slice(0, space)).trim();
}

function signature(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, SIGNATURE_CHARS);
}

/** A signed id that stops working at `expiresAt` (seconds since the epoch). */
export function encodeSignedCustomId(key: Buffer, command: string, action: string, fields: readonly Field[], expiresAt: number): string {
  const body = encodeCustomId(command, action, [...fields, Math.floor(expiresAt).toString(36)]);
  const id = `${body}:${signature(key, body)}`;
  if (id.length > CUSTOM_ID_MAX) throw new RangeError(`signed custom id longer than ${CUSTOM_ID_MAX} characters: ${id.slice(0, 40)}…`);
  return id;
}

export type SignedCheck = { ok: true; fields: string[]; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' };

/** Check a signed id: its signature first (a forged or altered id is 'invalid'), then its expiry. */
export function verifySignedCustomId(key: Buffer, id: string, nowSeconds: number): SignedCheck {
  const cut = id.lastIndexOf(':');
  if (cut < 0) return { ok: false, reason: 'invalid' };
  const body = id.slice(0, cut);
  const given = Buffer.from(id.slice(cut + 1));
  const expected = Buffer.from(signature(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const decoded = decodeCustomId(body);
  const expiry = decoded?.fields.at(-1);
  const expiresAt = expiry === undefined ? NaN : parseInt(expiry, 36);
  if (!decoded || !Number.isSafeInteger(expiresAt) || expiry !== expiresAt.toString(36)) return { ok: false, reason: 'invalid' };
  if (nowSeconds >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, fields: decoded.fields.slice(0, -1), expiresAt };
}
